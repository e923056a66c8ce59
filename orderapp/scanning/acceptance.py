"""Which decoded codes count as scans: valid check digits, seen in consecutive frames, once per showing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from orderapp.domain.gtin import Symbology
from orderapp.errors import OrderAppError
from orderapp.scanning.decoding import Decoded


class InvalidCode(OrderAppError):
    """A typed or wedge-scanned code that cannot be a barcode (empty, illegal characters, bad check digit)."""


@dataclass(frozen=True)
class Scan:
    code: str
    symbology: Symbology | None
    source: str  # "camera" | "wedge" | "typed"


class ScanFilter:
    def __init__(self, frames_required: int = 2, absent_frames_to_rearm: int = 3) -> None:
        self.frames_required = frames_required
        self.absent_frames_to_rearm = absent_frames_to_rearm

    def feed(self, decoded: Sequence[Decoded]) -> list[Scan]:
        return []

    def reset(self) -> None:
        pass


def typed_scan(text: str, source: str) -> Scan:
    raise InvalidCode(text)
