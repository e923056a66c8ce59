"""Typing into the order screens in tests, as a person and as a USB wedge scanner.

A USB wedge scanner's keys and a test's ``keyClicks`` look alike (fast keys); the screens' scanner
filter holds fast keys back until it knows which they are. A person's typing reaches the field a
few tens of milliseconds later, or at the next non-character key; ``type_keys`` hands it on at
once (``flush``) so the test can read the field right away, as a person would a moment later.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from orderapp.gui.scanner_input import WedgeScannerFilter


def type_keys(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ASCII ``text`` into ``widget`` key by key, as a person does."""
    qtbot.keyClicks(widget, text)
    for wedge in widget.window().findChildren(WedgeScannerFilter):
        wedge.flush()


def wedge_burst(widget: QWidget, code: str) -> None:
    """What a USB keyboard-wedge scanner does: the code's characters as fast key presses, then Enter."""
    for char in code:
        key = Qt.Key(ord(char.upper())) if char.isalnum() else Qt.Key.Key_Minus
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))
