"""Key events as a USB keyboard-wedge scanner or a person sends them, each with its own timestamp.

A real keyboard event carries the time the key was pressed (``QKeyEvent.timestamp``, milliseconds);
the scanner filter trusts it over the time the event reaches the GUI thread. ``KeyScript`` builds the
presses of a code (a Shift press before each capital letter, as scanners do) at a chosen speed, with
the scanner's suffix, and ``send`` delivers them; ``ArrivalClock`` is the filter's clock for when keys
arrive, moved on by ``send`` to each key's timestamp unless a test makes the GUI "stall".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

SHIFT = Qt.KeyboardModifier.ShiftModifier
CONTROL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


class ArrivalClock:
    def __init__(self, now: float = 50_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@dataclass(frozen=True)
class Press:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    stamp: int  # the keyboard's time of the press, ms


def _key_of(char: str) -> int:
    if char.isascii() and char.isalnum():
        return ord(char.upper())
    return {"-": Qt.Key.Key_Minus, ".": Qt.Key.Key_Period, "/": Qt.Key.Key_Slash, " ": Qt.Key.Key_Space}.get(char, 0)


def scanner_presses(code: str, per_key_ms: float, *, suffix: str = "Enter", start: int = 100_000) -> list[Press]:
    """A scanner typing ``code``: every key press ``per_key_ms`` after the one before (Shift included)."""
    presses: list[Press] = []
    t = float(start)
    for char in code:
        if char.isupper():
            presses.append(Press(Qt.Key.Key_Shift, SHIFT, "", round(t)))
            t += per_key_ms
            presses.append(Press(_key_of(char), SHIFT, char, round(t)))
        else:
            presses.append(Press(_key_of(char), NONE, char, round(t)))
        t += per_key_ms
    if suffix in ("Enter", "CR+LF"):
        presses.append(Press(Qt.Key.Key_Return, NONE, "\r", round(t)))
        t += per_key_ms
    if suffix == "CR+LF":
        presses.append(Press(Qt.Key.Key_J, CONTROL, "\n", round(t)))
    if suffix == "Tab":
        presses.append(Press(Qt.Key.Key_Tab, NONE, "\t", round(t)))
    return presses


def person_presses(text: str, gaps_ms: Iterable[float], *, start: int = 100_000) -> list[Press]:
    """A person typing ``text`` with the given gaps between key presses (cycled)."""
    gaps = list(gaps_ms)
    presses: list[Press] = []
    t = float(start)
    for n, char in enumerate(text):
        if char.isupper():
            presses.append(Press(Qt.Key.Key_Shift, SHIFT, "", round(t)))
            t += 30
            presses.append(Press(_key_of(char), SHIFT, char, round(t)))
        else:
            presses.append(Press(_key_of(char), NONE, char, round(t)))
        t += gaps[n % len(gaps)]
    return presses


def event(press: Press, kind: QEvent.Type = QEvent.Type.KeyPress) -> QKeyEvent:
    made = QKeyEvent(kind, press.key, press.modifiers, press.text)
    made.setTimestamp(press.stamp)
    return made


def send(widget: QWidget, presses: Iterable[Press], clock: ArrivalClock | None = None) -> None:
    """Deliver the presses (and releases) at once, as the GUI thread reads them from the keyboard."""
    for press in presses:
        if clock is not None:
            clock.now = max(clock.now, float(press.stamp))
        # ShortcutOverride first, as Qt does for a real key, so that shortcuts are given their chance
        override = event(press, QEvent.Type.ShortcutOverride)
        override.ignore()
        QApplication.sendEvent(widget, override)
        QApplication.sendEvent(widget, event(press))
        QApplication.sendEvent(widget, event(press, QEvent.Type.KeyRelease))


def post(widget: QWidget, presses: Iterable[Press]) -> None:
    """Queue the presses for the event loop, as keys waiting while the GUI thread is busy."""
    for press in presses:
        QCoreApplication.postEvent(widget, event(press))
        QCoreApplication.postEvent(widget, event(press, QEvent.Type.KeyRelease))
