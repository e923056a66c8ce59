"""Helpers for the GUI tests: show the window, answer modal dialogs, type text a keyboard cannot."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from orderapp.gui.main_window import MainWindow
from orderapp.store.database import Database

SHOP_NAME = "Lotus Tea House"


def show_window(qtbot: QtBot, database: Database, *, demo: bool = False) -> MainWindow:
    window = MainWindow(database, demo=demo)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.dashboard.figures_loaded, timeout=10_000):
        window.show()
        qtbot.waitExposed(window)
    return window


def commit_text(widget: QWidget, text: str) -> None:
    """Type ``text`` the way an input method (e.g. Pinyin) does: one committed string.

    ``qtbot.keyClicks`` cannot type Chinese (it aborts the process on these machines).
    """
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def key_text(widget: QWidget, text: str) -> None:
    """Type ``text`` one character at a time as key events that carry it, as a keyboard layout does."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


class DialogDriver:
    """Acts on each modal dialog as it opens, in order, like a person answering it.

    A failed step closes its dialog (so no modal loop is left waiting) and is raised by ``check()``.
    """

    def __init__(self, *steps: Callable[[QWidget], None]) -> None:
        self.steps = list(steps)
        self.seen: list[QWidget] = []
        self.failure: BaseException | None = None
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible() or any(widget is seen for seen in self.seen):
            return
        self.seen.append(widget)
        if not self.steps:  # closed, so that an unexpected dialog fails the test instead of hanging it
            self.failure = self.failure or AssertionError(f"unexpected dialog {widget.objectName()!r}")
            QTimer.singleShot(0, widget.close)
            return
        step = self.steps.pop(0)
        # Acted on from a fresh call: a step that opens another modal dialog runs a nested event loop,
        # and this timer does not fire again while its own slot is still running.
        QTimer.singleShot(0, lambda: self._act(step, widget))

    def _act(self, step: Callable[[QWidget], None], widget: QWidget) -> None:
        try:
            step(widget)
        except BaseException as exc:
            self.failure = exc
            widget.close()

    def check(self) -> None:
        self._timer.stop()
        if self.failure is not None:
            raise self.failure
        assert not self.steps, f"{len(self.steps)} dialog(s) expected but never shown"
