"""Which decoded codes count as scans: valid check digits, seen in consecutive frames, once per showing.

Both decoders misread 1-3% of hard photos (DESIGN section 4), sometimes into a code whose check digit
happens to be valid, so one frame is never enough. Once accepted, a code must leave the view before
it counts again: the packer shows each unit separately.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from orderapp.domain.gtin import Symbology, gtin_symbology, is_valid_gtin
from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.scanning.decoding import Decoded
from orderapp.scanning.gtin_forms import GTIN_SYMBOLOGIES, canonical_gtin

MAX_CODE_LENGTH = 200  # longer than any product code or order number; a QR page of text is not a scan


class InvalidCode(OrderAppError):
    """A typed or wedge-scanned code that cannot be a barcode (empty, illegal characters, bad check digit)."""


@dataclass(frozen=True)
class Scan:
    code: str
    symbology: Symbology | None
    source: str  # "camera" | "wedge" | "typed"


def has_valid_check_digit(decoded: Decoded) -> bool:
    """GTINs must carry a correct check digit and the length of their symbology; other codes pass."""
    if decoded.symbology not in GTIN_SYMBOLOGIES:
        return bool(decoded.text)
    expected_length = {
        Symbology.EAN8: 8,
        Symbology.UPCE: 8,
        Symbology.UPCA: 12,
        Symbology.EAN13: 13,
        Symbology.GTIN14: 14,
    }[decoded.symbology]
    return len(decoded.text) == expected_length and is_valid_gtin(decoded.text)


class ScanFilter:
    """Feed it every frame's reads; it returns the scans accepted in that frame.

    A code is accepted when it has been read (with a valid check digit) in ``frames_required``
    consecutive frames. It is not accepted again until it has been missing for
    ``absent_frames_to_rearm`` consecutive frames, so a code held in view counts once, and a single
    frame in which the decoder missed it (motion blur) does not make it count twice.
    """

    def __init__(self, frames_required: int = 2, absent_frames_to_rearm: int = 3) -> None:
        if frames_required < 1 or absent_frames_to_rearm < 1:
            raise ValueError("frames_required and absent_frames_to_rearm must be at least 1")
        self.frames_required = frames_required
        self.absent_frames_to_rearm = absent_frames_to_rearm
        self._streak: dict[str, int] = {}  # code -> consecutive frames it has been read in
        self._accepted_absent: dict[str, int] = {}  # accepted code -> consecutive frames it has been missing

    def feed(self, decoded: Sequence[Decoded]) -> list[Scan]:
        present: dict[str, Decoded] = {}
        for item in decoded:
            if has_valid_check_digit(item):
                present.setdefault(item.text, item)
        self._streak = {code: self._streak.get(code, 0) + 1 for code in present}
        for code in list(self._accepted_absent):
            if code in present:
                self._accepted_absent[code] = 0
            else:
                self._accepted_absent[code] += 1
                if self._accepted_absent[code] >= self.absent_frames_to_rearm:
                    del self._accepted_absent[code]
        accepted: list[Scan] = []
        for code, item in present.items():
            if self._streak[code] >= self.frames_required and code not in self._accepted_absent:
                self._accepted_absent[code] = 0
                accepted.append(Scan(code, item.symbology, "camera"))
        return accepted

    def waiting(self) -> list[str]:
        """Codes in view but not yet accepted (for a "hold steady" hint)."""
        return [code for code in self._streak if code not in self._accepted_absent]

    def reset(self) -> None:
        self._streak.clear()
        self._accepted_absent.clear()


def _clean(text: str) -> str:
    # Scanners add prefixes/suffixes such as STX, ETX, CR, LF, GS; keyboards add stray spaces;
    # a Chinese input method types full-width digits (NFKC makes them ASCII).
    text = unicodedata.normalize("NFKC", text)
    kept = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp"))
    return kept.strip()


def typed_scan(text: str, source: str) -> Scan:
    """A scan from a USB scanner's burst or from a code typed by hand.

    Raises InvalidCode with a sentence for the user when nothing usable is left after cleaning,
    when the text holds characters no barcode carries, or when it looks like a GTIN (8, 12, 13
    or 14 digits) but its check digit is wrong.
    """
    code = _clean(text)
    if not code:
        raise InvalidCode(_("Nothing was scanned: scan the barcode again or type the digits printed under it."))
    if len(code) > MAX_CODE_LENGTH:
        raise InvalidCode(
            _(
                "That is {count} characters long, too long for a product or order barcode: scan the right barcode."
            ).format(count=len(code))
        )
    if "\ufffd" in code or not code.isprintable():
        raise InvalidCode(
            _(
                "{code} holds characters no barcode carries: check the scanner's keyboard language "
                "setting, or type the digits printed under the barcode."
            ).format(code=code)
        )
    if code.isascii() and code.isdigit() and len(code) in (8, 12, 13, 14):
        symbology = gtin_symbology(code)
        if symbology is None:
            raise InvalidCode(
                _(
                    "{code} has a wrong check digit, so it is not a valid barcode: scan it again or "
                    "check the digits you typed."
                ).format(code=code)
            )
        code, symbology = canonical_gtin(code, symbology)
        return Scan(code, symbology, source)
    return Scan(code, None, source)
