"""What a packing scan is stored as and the sentence the packer reads: the outcome words, which of
them stop the packer, and the checks of a scan's code, source and symbology.

Pure rules (no database); ``domain.scan_decision`` judges the scan, ``services.packing`` stores it.
"""

from __future__ import annotations

from enum import StrEnum

from orderapp.domain.gtin import Symbology, is_valid_gtin
from orderapp.domain.scan_decision import ScanVerdict, Verdict
from orderapp.i18n import _

SOURCES = ("camera", "wedge", "typed")
MAX_CODE_LENGTH = 200
MAX_REASON_LENGTH = 1000
GTIN_SYMBOLOGIES = frozenset({Symbology.EAN8, Symbology.UPCE, Symbology.UPCA, Symbology.EAN13, Symbology.GTIN14})


class ScanOutcome(StrEnum):
    ACCEPTED = "accepted"
    OVER_SCAN = "over_scan"
    NOT_ON_ORDER = "not_on_order"
    UNKNOWN = "unknown"
    INVALID = "invalid"
    UNDO = "undo"
    TYPED_QTY = "typed_qty"


BLOCKING_OUTCOMES = frozenset(
    {ScanOutcome.OVER_SCAN, ScanOutcome.NOT_ON_ORDER, ScanOutcome.UNKNOWN, ScanOutcome.INVALID}
)


class SessionOutcome(StrEnum):
    PACKED = "packed"
    OVERRIDE = "override"
    ABANDONED = "abandoned"


def normalise_order_number(text: str) -> str:
    return text.strip().upper()


def worded(verdict: ScanVerdict, code: str, symbology: str | None, name: str, number: str) -> tuple[ScanOutcome, str]:
    """The stored outcome of a judged scan and the sentence for the packer."""
    kind = verdict.verdict
    if kind is Verdict.NEEDED:
        return ScanOutcome.ACCEPTED, _("{product}: {scanned} of {ordered}").format(
            product=name, scanned=verdict.scanned_after, ordered=verdict.ordered
        )
    if kind is Verdict.UNKNOWN:
        if looks_misread(code, symbology):
            return ScanOutcome.INVALID, _(
                "{code} has a wrong check digit: it was misread or mistyped. Take the item out and scan it again."
            ).format(code=code)
        return ScanOutcome.UNKNOWN, _(
            "{code} is not the barcode of any product. Take the item out of the box and check it; "
            "if it belongs to a product, add the barcode to that product."
        ).format(code=code)
    if kind is Verdict.NOT_ON_ORDER:
        return ScanOutcome.NOT_ON_ORDER, _("{product} is not on order {number}. Take it out of the box.").format(
            product=name, number=number
        )
    if kind is Verdict.CASE_TOO_BIG:
        # stored as an over-scan (nothing counted, the packer takes it out); the screen titles it apart
        return ScanOutcome.OVER_SCAN, _(
            "This case holds {pack} of {product}, but the order needs only {remaining} more. "
            "Take the case out and scan single units."
        ).format(pack=verdict.pack_qty, product=name, remaining=verdict.most_one_scan)
    return ScanOutcome.OVER_SCAN, _(
        "{product} is already complete ({ordered} of {ordered}). Take this one out of the box."
    ).format(product=name, ordered=verdict.ordered)


def looks_misread(code: str, symbology: str | None) -> bool:
    """A GTIN whose check digit is wrong: read as a GTIN, or typed as 8, 12, 13 or 14 digits."""
    if symbology in GTIN_SYMBOLOGIES:
        return not is_valid_gtin(code)
    if symbology is None and code.isdigit() and len(code) in (8, 12, 13, 14):
        return not is_valid_gtin(code)
    return False


def stored_symbology(symbology: Symbology | str | None) -> str | None:
    if symbology is None or symbology == "":
        return None
    return str(symbology.value if isinstance(symbology, Symbology) else symbology)[:16]


def checked_source(source: str) -> str:
    if source not in SOURCES:
        raise ValueError(f"scan source must be one of {SOURCES}, not {source!r}")
    return source
