"""When two reads disagree: two different codes where one symbol is (DESIGN section 4: both decoders
misread 1-3% of hard photos, sometimes into a code with a valid check digit, sometimes beside a right
read of the same bars). Used by the decoding cascade and by the acceptance rules."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from orderapp.domain.gtin import Symbology
from orderapp.scanning.gtin_forms import GTIN_SYMBOLOGIES, gtin_key

if TYPE_CHECKING:  # decoding uses this module
    from orderapp.scanning.decoding import Corners, Decoded

LINEAR_SYMBOLOGIES = GTIN_SYMBOLOGIES | {Symbology.CODE128}

Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def box_of(corners: Corners) -> Box | None:
    if not corners:
        return None
    xs = [x for x, _y in corners]
    ys = [y for _x, y in corners]
    return (min(xs), min(ys), max(xs), max(ys))


def same_place(a: Box | None, b: Box | None) -> bool:
    """Whether two outlines can be one symbol. A linear code's outline may be a thin line across its
    bars, and a hand moves between frames, so each box is widened by 15% of the larger code's size."""
    if a is None or b is None:
        return True  # no position: assume the worst
    margin = 0.15 * max(a[2] - a[0], a[3] - a[1], b[2] - b[0], b[3] - b[1], 20)
    return a[0] - margin <= b[2] and b[0] - margin <= a[2] and a[1] - margin <= b[3] and b[1] - margin <= a[3]


def code_key(decoded: Decoded) -> str:
    """One name per code: the written forms of one GTIN (UPC-A as 12 or 13 digits, UPC-E) agree."""
    if decoded.symbology in GTIN_SYMBOLOGIES:
        return gtin_key(decoded.text, decoded.symbology)
    return f"{decoded.symbology.value}:{decoded.text}"


def can_be_misread_as(a: Decoded, b: Decoded) -> bool:
    """Bars can be misread as other bars (an EAN-13 as another EAN-13, an EAN-8 or a Code 128); a
    QR code is only ever misread as another QR code."""
    return (a.symbology in LINEAR_SYMBOLOGIES and b.symbology in LINEAR_SYMBOLOGIES) or a.symbology is b.symbology


def disagree(a: Decoded, b: Decoded) -> bool:
    """Two reads of different codes that can be one symbol read two ways."""
    return code_key(a) != code_key(b) and can_be_misread_as(a, b) and same_place(box_of(a.corners), box_of(b.corners))


def without_disputes(reads: Sequence[Decoded]) -> list[Decoded]:
    """``reads`` less every read that disagrees with another one (both sides go: neither is trusted)."""
    return [read for read in reads if not any(disagree(read, other) for other in reads if other is not read)]
