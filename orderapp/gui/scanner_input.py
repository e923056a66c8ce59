"""USB keyboard-wedge scanners: a fast burst of keys ending in Enter, recognised by its timing.

A wedge scanner types its code as keystrokes a few milliseconds apart and presses Enter; a person
types 80-300 ms apart. While its scope (e.g. the packing screen) is visible in the active window,
the filter holds back every character key pressed anywhere in that window. If the next key follows
within ``max_gap_ms`` it keeps holding; Enter after at least ``min_length`` held characters makes
the burst a scan (``scanned``), and none of its characters reach any field. Any slower key, any
other key, or a pause sends the held keys on, in order, to the widgets they were meant for, so a
person's typing arrives unchanged (a few tens of milliseconds late, which nobody notices).
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from orderapp.scanning.acceptance import InvalidCode, typed_scan

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CHARACTER_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


@dataclass
class _HeldKey:
    target: weakref.ref[QWidget]
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    native_scan_code: int
    native_virtual_key: int
    native_modifiers: int


class WedgeScannerFilter(QObject):
    """Recognises scanner bursts anywhere in ``scope``'s window while ``scope`` is visible and active.

    ``clock`` returns milliseconds (tests pass a fake one to control the timing between keys).
    ``rejected`` carries a sentence for the user when a burst is not a valid code (wrong check digit),
    and the text the scanner sent, so that it can be stored with the refusal.
    """

    scanned = Signal(object)  # Scan(source="wedge")
    rejected = Signal(str, str)  # message, the code as sent

    def __init__(
        self,
        scope: QWidget,
        *,
        max_gap_ms: int = 40,
        min_length: int = 4,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(scope)
        self.setObjectName("wedgeScannerFilter")
        self._scope = weakref.ref(scope)
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self._clock = clock or _monotonic_ms
        self._held: list[_HeldKey] = []
        self._last_at = 0.0
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_pause)
        app = QApplication.instance()
        assert app is not None, "create the QApplication first"
        app.installEventFilter(self)
        scope.destroyed.connect(self._uninstall)

    def _uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _active_for(self, widget: QWidget) -> bool:
        scope = self._scope()
        if scope is None or not scope.isVisible() or widget.window() is not scope.window():
            return False
        # No active window at all happens only when no keys come from a person (offscreen tests).
        return QApplication.activeWindow() in (None, scope.window())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._replaying or kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(watched, QWidget):
            return False  # the QWindow's copy of the event; the widget's comes next
        if not self._active_for(watched):
            if self._held:
                self.flush()
            return False
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.ShortcutOverride:
            # Claim the key while a burst is being held, so no shortcut fires on a scanner's letter.
            if self._held and (event.key() in _ENTER_KEYS or self._is_character(event)):
                event.accept()
                return True
            return False
        now = self._clock()
        if self._held and now - self._last_at > self.max_gap_ms:
            self.flush()  # a pause: what was held is a person's typing
        if self._is_character(event) and not event.isAutoRepeat():
            self._held.append(
                _HeldKey(
                    weakref.ref(watched),
                    event.key(),
                    event.modifiers(),
                    event.text(),
                    event.nativeScanCode(),
                    event.nativeVirtualKey(),
                    event.nativeModifiers(),
                )
            )
            self._last_at = now
            self._timer.start(self.max_gap_ms + 1)
            return True
        if event.key() in _ENTER_KEYS and len(self._held) >= self.min_length:
            self._finish_burst()
            return True
        self.flush()  # any other key: a person is editing; let the held keys arrive first
        return False

    @staticmethod
    def _is_character(event: QKeyEvent) -> bool:
        text = event.text()
        if len(text) != 1 or not text.isprintable():
            return False
        return not (event.modifiers() & ~_CHARACTER_MODIFIERS)

    def _finish_burst(self) -> None:
        self._timer.stop()
        text = "".join(held.text for held in self._held)
        self._held.clear()
        try:
            scan = typed_scan(text, "wedge")
        except InvalidCode as exc:
            self.rejected.emit(str(exc), text)
            return
        self.scanned.emit(scan)

    def _on_pause(self) -> None:
        if not self._held:
            return
        waited = self._clock() - self._last_at
        if waited > self.max_gap_ms:
            self.flush()
        else:  # a fake clock in a test has not moved on yet
            self._timer.start(max(1, int(self.max_gap_ms - waited) + 1))

    def flush(self) -> None:
        """Send the held keys on to the widgets they were typed into (a person was typing)."""
        self._timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for key in held:
                target = key.target()
                if target is None:
                    continue
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    replay = QKeyEvent(
                        kind,
                        key.key,
                        key.modifiers,
                        key.native_scan_code,
                        key.native_virtual_key,
                        key.native_modifiers,
                        key.text,
                    )
                    QCoreApplication.sendEvent(target, replay)
        finally:
            self._replaying = False
