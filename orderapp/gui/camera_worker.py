"""The camera on its own thread: capture, decode, accept; the GUI only receives signals."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage


class CameraController(QObject):
    frame = Signal(QImage)
    found = Signal(list)
    scanned = Signal(object)
    lost = Signal(str)
    notice = Signal(str)

    def start(
        self, source: int | str | Path, *, width: int = 1280, height: int = 720, frames_required: int = 2
    ) -> None:
        pass

    def stop(self) -> None:
        pass

    def is_running(self) -> bool:
        return False
