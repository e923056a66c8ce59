"""USB keyboard-wedge scanners: a fast burst of keys ending in Enter, recognised by its timing."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget


class WedgeScannerFilter(QObject):
    scanned = Signal(object)

    def __init__(self, scope: QWidget, *, max_gap_ms: int = 40, min_length: int = 4) -> None:
        super().__init__(scope)
        self.scope = scope
