"""What one scanned item means for the order being packed: a pure decision from plain values.

The packing service loads the order's lines with what is counted so far, finds the scanned code's
product (and how many units the code stands for: 1, or a case's pack quantity), and asks
``judge_scan``. The answer says whether the scan counts and on which line, or why it is refused:

- ``NEEDED``: a line of that product still needs at least the scan's units; they count on it
  (the first such line, in the order's line order);
- ``CASE_TOO_BIG``: the product is still needed, but fewer units than the case holds;
- ``OVER_SCAN``: every line of that product is already complete;
- ``NOT_ON_ORDER``: a known product that the order does not contain;
- ``UNKNOWN``: the code is no product's.

No database, no clock, no translation here: the service stores the scan and words the message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    NEEDED = "needed"
    CASE_TOO_BIG = "case_too_big"
    OVER_SCAN = "over_scan"
    NOT_ON_ORDER = "not_on_order"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class LineState:
    """One order line as the scan finds it."""

    line_id: int
    product_id: int
    ordered: int
    scanned: int

    @property
    def remaining(self) -> int:
        return max(self.ordered - self.scanned, 0)


@dataclass(frozen=True)
class ProductRef:
    """The product a scanned code belongs to."""

    product_id: int
    name: str


@dataclass(frozen=True)
class ScanVerdict:
    verdict: Verdict
    line_id: int | None  # the line counted (NEEDED) or concerned (CASE_TOO_BIG, OVER_SCAN); else None
    quantity: int  # units counted: the pack quantity when NEEDED, else 0
    pack_qty: int  # units the scanned code stands for
    ordered: int  # units of the product on the order (the counted line's only, when NEEDED)
    scanned_after: int  # units of the product counted after this scan (the counted line's, when NEEDED)
    needed: int  # units of the product still needed after this scan (across its lines)
    most_one_scan: int  # the most units one scan could still count on a single line

    @property
    def counts(self) -> bool:
        return self.verdict is Verdict.NEEDED


def judge_scan(lines: Sequence[LineState], product: ProductRef | None, pack_qty: int) -> ScanVerdict:
    """Decide one scan of ``product`` (None: the code is no product's) standing for ``pack_qty`` units."""
    if pack_qty < 1:
        raise ValueError(f"a scan stands for at least one unit, not {pack_qty}")
    if product is None:
        return ScanVerdict(Verdict.UNKNOWN, None, 0, pack_qty, 0, 0, 0, 0)
    wanted = [line for line in lines if line.product_id == product.product_id]
    if not wanted:
        return ScanVerdict(Verdict.NOT_ON_ORDER, None, 0, pack_qty, 0, 0, 0, 0)
    ordered = sum(line.ordered for line in wanted)
    scanned = sum(min(line.scanned, line.ordered) for line in wanted)
    needed = sum(line.remaining for line in wanted)
    most = max(line.remaining for line in wanted)
    fits = next((line for line in wanted if line.remaining >= pack_qty), None)
    if fits is not None:
        return ScanVerdict(
            Verdict.NEEDED,
            fits.line_id,
            pack_qty,
            pack_qty,
            fits.ordered,
            fits.scanned + pack_qty,
            needed - pack_qty,
            max(line.remaining - (pack_qty if line is fits else 0) for line in wanted),
        )
    if needed > 0:
        concerned = max(wanted, key=lambda line: line.remaining)
        return ScanVerdict(Verdict.CASE_TOO_BIG, concerned.line_id, 0, pack_qty, ordered, scanned, needed, most)
    return ScanVerdict(Verdict.OVER_SCAN, wanted[0].line_id, 0, pack_qty, ordered, scanned, 0, 0)
