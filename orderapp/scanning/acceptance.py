"""Which decoded codes count as scans: one count per presentation, and a misread never counts.

Scans are events in time (DESIGN section 7). A code counts when it has been read, with a valid check
digit, in several frames within a short time (more of them, over a longer time, for the short EAN-8
and UPC-E that are easily misread; a blurred frame between them does not start over). It counts
again only after it has been out of view for ``rearm_s`` seconds of frame time, so holding an item,
shaking it or a few blurred frames never count twice, while a second unit shown half a second later
does.

Both decoders misread 1-3% of hard photos, sometimes into a code whose check digit happens to be
valid, and ZBar repeats its misread frame after frame. So reads that disagree at one place (two
different codes where one symbol is, in this frame or within ``dispute_s`` of each other, whichever
decoder read them) count nothing until the disagreement has been gone for ``dispute_s``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from orderapp.domain.gtin import GS, GS1_PREFIXES, Symbology, gs1_gtin, gtin_symbology, is_valid_gtin
from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.scanning.agreement import Box, box_of, can_be_misread_as, code_key, same_place
from orderapp.scanning.decoding import Decoded
from orderapp.scanning.gtin_forms import GTIN_SYMBOLOGIES, canonical_gtin

MAX_CODE_LENGTH = 200  # longer than any product code or order number; a QR page of text is not a scan
SHORT_SYMBOLOGIES = frozenset({Symbology.EAN8, Symbology.UPCE})  # few digits: a misread finds a valid one easily


class InvalidCode(OrderAppError):
    """A typed or wedge-scanned code that cannot be a barcode (empty, illegal characters, bad check digit)."""


@dataclass(frozen=True)
class Scan:
    code: str
    symbology: Symbology | None
    source: str  # "camera" | "wedge" | "typed"


class ViewState(StrEnum):
    """What the camera view shows, for the preview's hint."""

    EMPTY = "empty"  # no code in view (or only codes that already re-armed)
    READING = "reading"  # a code is being read, not counted yet: hold steady
    COUNTED = "counted"  # what is in view has counted: take it out of view to count the next one
    DISPUTED = "disputed"  # reads disagree at one place: nothing counts until they agree


def view_hint(state: ViewState) -> str:
    """The sentence the preview shows for ``state`` ("" for an empty view)."""
    if state is ViewState.READING:
        return _("Hold steady…")
    if state is ViewState.COUNTED:
        return _("Counted: take it out of view to count the next one.")
    if state is ViewState.DISPUTED:
        return _("The code reads differently from picture to picture: hold it still, flat and a little closer.")
    return ""


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


@dataclass(frozen=True)
class AcceptanceRules:
    """How much agreement a camera code needs, and when it may count again (times in seconds).

    ``rearm_s`` is the shop's setting "out of view for this long before the same code counts again".
    """

    rearm_s: float = 0.3
    frames_required: int = 2  # frames the code must be read in, within agree_s
    short_frames_required: int = 4  # the same for EAN-8 and UPC-E
    short_hold_s: float = 0.1  # ... whose reads must also span at least this long
    agree_s: float = 0.5
    dispute_s: float = 0.3  # a disagreeing read at the same place blocks both codes this long
    # A code read only now and then while held (small, blurred, dim) drops out for longer: it re-arms
    # after the longer of rearm_s and this many times its longest gap between reads while counted,
    # at most max_rearm_s.
    gap_factor: float = 2.5
    max_rearm_s: float = 1.0

    def __post_init__(self) -> None:
        if self.frames_required < 1 or self.short_frames_required < 1:
            raise ValueError("frames_required and short_frames_required must be at least 1")
        if self.rearm_s <= 0 or self.agree_s <= 0 or self.short_hold_s < 0 or self.dispute_s < 0:
            raise ValueError("rearm_s and agree_s must be positive, short_hold_s and dispute_s not negative")


@dataclass
class _Code:
    decoded: Decoded
    reads: list[float] = field(default_factory=list)  # frame times of its undisputed reads, within agree_s
    last_read: float = 0.0  # frame time it was last in view (disputed reads included)
    longest_gap: float = 0.0  # the longest it went unread since it counted
    counted: bool = False


@dataclass(frozen=True)
class _Read:
    key: str
    decoded: Decoded
    box: Box | None
    at: float


@dataclass
class ScanFilter:
    """Feed it every frame's reads with the frame's time; it returns the scans accepted in that frame.

    ``state`` then says what the view shows (for the preview's hint). ``reset()`` forgets everything
    (a new camera run). Frame times are seconds on any clock that only goes forward: the camera's
    arrival times, or a video's frame number divided by its frame rate.
    """

    rules: AcceptanceRules = field(default_factory=AcceptanceRules)

    def __post_init__(self) -> None:
        self._codes: dict[str, _Code] = {}
        self._recent: list[_Read] = []
        self._disputed_until = float("-inf")
        self._last_at: float | None = None
        self.state = ViewState.EMPTY

    def _required(self, symbology: Symbology) -> tuple[int, float]:
        if symbology in SHORT_SYMBOLOGIES:
            return max(self.rules.short_frames_required, self.rules.frames_required), self.rules.short_hold_s
        return self.rules.frames_required, 0.0

    def counted_keys(self) -> set[str]:
        """The codes that have counted and not re-armed yet."""
        return {key for key, code in self._codes.items() if code.counted}

    def tracks(self, key: str) -> bool:
        return key in self._codes

    def feed(self, decoded: Sequence[Decoded], at: float, still_in_view: Collection[str] = ()) -> list[Scan]:
        """``still_in_view``: counted codes not read in this frame that are seen to lie there still
        (``presence.StillInView``): they do not re-arm, as if read."""
        period = max(0.0, at - self._last_at) if self._last_at is not None else 0.0
        self._last_at = at
        reads: dict[str, _Read] = {}
        for item in decoded:
            if has_valid_check_digit(item):
                key = code_key(item)
                reads.setdefault(key, _Read(key, item, box_of(item.corners), at))
        horizon = at - self.rules.dispute_s
        self._recent = [r for r in self._recent if r.at >= horizon and r.at <= at] + list(reads.values())
        disputed = {
            read.key
            for read in reads.values()
            for other in self._recent
            if other.key != read.key
            and can_be_misread_as(read.decoded, other.decoded)
            and same_place(read.box, other.box)
        }
        if disputed:
            self._disputed_until = at + self.rules.dispute_s
        accepted: list[Scan] = []
        for key, read in reads.items():
            code = self._codes.setdefault(key, _Code(read.decoded))
            if code.counted:  # time it was missing, not the frame interval (a 5 fps camera reads every 0.2 s)
                code.longest_gap = max(code.longest_gap, at - code.last_read - period)
            code.last_read = at
            if key in disputed:
                code.reads.clear()
                continue
            code.reads = [t for t in code.reads if at - t < self.rules.agree_s - 1e-9] + [at]
            frames, hold = self._required(read.decoded.symbology)
            if not code.counted and len(code.reads) >= frames and at - code.reads[0] >= hold - 1e-9:
                code.counted = True
                accepted.append(Scan(read.decoded.text, read.decoded.symbology, "camera"))
        forget = max(self.rules.rearm_s, self.rules.max_rearm_s, self.rules.dispute_s, self.rules.agree_s)
        for key, code in list(self._codes.items()):
            if key in reads:
                continue
            if code.counted and key in still_in_view:
                code.last_read = at  # unread, but the label still lies there: the same presentation
                continue
            if code.counted and at - code.last_read >= self._rearm_after(code) - 1e-9:
                code.counted = False  # out of view long enough: the next showing counts again, on its own reads
                code.reads.clear()
                code.longest_gap = 0.0
            if not code.counted and at - code.last_read > forget:
                del self._codes[key]
        self.state = self._state(reads, at)
        return accepted

    def _rearm_after(self, code: _Code) -> float:
        rules = self.rules
        return max(rules.rearm_s, min(rules.max_rearm_s, rules.gap_factor * code.longest_gap))

    def _state(self, reads: dict[str, _Read], at: float) -> ViewState:
        if at < self._disputed_until and reads:
            return ViewState.DISPUTED
        if any(not self._codes[key].counted for key in reads):
            return ViewState.READING
        if any(code.counted for code in self._codes.values()):
            return ViewState.COUNTED
        return ViewState.EMPTY

    def waiting(self) -> list[str]:
        """Codes in view but not yet accepted (for a "hold steady" hint)."""
        return [code.decoded.text for code in self._codes.values() if code.reads and not code.counted]

    def reset(self) -> None:
        self._codes.clear()
        self._recent.clear()
        self._disputed_until = float("-inf")
        self._last_at = None
        self.state = ViewState.EMPTY


def _clean(text: str) -> str:
    # Scanners add prefixes/suffixes such as STX, ETX, CR, LF, GS; keyboards add stray spaces;
    # a Chinese input method types full-width digits (NFKC makes them ASCII).
    text = unicodedata.normalize("NFKC", text)
    kept = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp"))
    return kept.strip()


def _gs1_scan(text: str, source: str) -> Scan | None:
    """A scanner's GS1 element string, marked as one by its symbology prefix ("]C1" GS1-128, "]d2"
    DataMatrix, "]Q3" QR...) or by GS (ASCII 29) separators: the GTIN in its (01), or None when
    ``text`` is not such a string or carries no valid (01). The separators are read before cleaning,
    which would drop them and run a variable-length element (a lot, a serial) into the next."""
    raw = unicodedata.normalize("NFKC", text)
    raw = "".join(ch for ch in raw if ch == GS or unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp")).strip()
    if not (raw.startswith(GS1_PREFIXES) or GS in raw):
        return None
    gtin = gs1_gtin(raw.lstrip(GS))  # a leading GS is the scanner's FNC1 in first place
    if gtin is None:
        return None
    code, symbology = canonical_gtin(gtin, Symbology.GTIN14)
    return Scan(code, symbology, source)


def typed_scan(text: str, source: str) -> Scan:
    """A scan from a USB scanner's burst or from a code typed by hand.

    A GS1 element string (a symbology prefix or GS separators) is the GTIN of its (01).
    Raises InvalidCode with a sentence for the user when nothing usable is left after cleaning,
    when the text holds characters no barcode carries, or when it looks like a GTIN (8, 12, 13
    or 14 digits) but its check digit is wrong.
    """
    gs1 = _gs1_scan(text, source)
    if gs1 is not None:
        return gs1
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
