"""USB keyboard-wedge scanners: a fast burst of keys, recognised by the key events' own timestamps.

A wedge scanner types its code as keystrokes a few milliseconds apart (8-45 ms per character, with a
Shift press before each capital letter) and ends it with Enter, Tab, CR+LF or nothing; a person types
80-300 ms apart. While its scope (e.g. the packing screen) is visible in the active window, the filter
holds back every character key pressed anywhere in that window. Whether the next key belongs to the
same burst is decided by the time between the keys *as the keyboard sent them* (``QKeyEvent.timestamp``),
so a GUI thread busy for a moment cannot split a burst: the keys queued meanwhile still carry their
true spacing. Modifier keys (Shift, AltGr, Caps Lock) inside a burst belong to it. A burst of at least
``min_length`` characters ended by its suffix, or of at least ``NO_SUFFIX_MIN_LENGTH`` ended by a pause,
is a scan (``scanned``); none of its keys reach a field or fire a shortcut. Anything else (a slower
key, an editing key, Ctrl or Alt shortcuts, a short fast pair) sends the held keys on, in order, to the
widgets they were meant for, so a person's typing arrives unchanged, a few tens of milliseconds late.

The largest gap between keys of one burst is a setting of this PC (``scanner_gap_ms``), changed on
Settings' "Test your scanner" page, which watches real bursts (``burst_ended``) and suggests a value.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from orderapp.domain.gtin import GS
from orderapp.gui.pc_settings import pc_settings
from orderapp.scanning.acceptance import InvalidCode, typed_scan

SETTING_GAP = "scanner/max_gap_ms"
# The property ``keep_scanner_input`` sets on a dialog (see there).
_OWN_SCANNER_INPUT = "ownScannerInput"
DEFAULT_GAP_MS = 60  # above the slowest scanners seen (45 ms per character), below people's typing
GAP_RANGE_MS = (15, 250)
NO_SUFFIX_MIN_LENGTH = 6  # a burst ended only by a pause must be this long to be a scan

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_Mode_switch,
    }
)
_CHARACTER_MODIFIERS = (
    Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.GroupSwitchModifier
)

_live_filters: weakref.WeakSet[WedgeScannerFilter] = weakref.WeakSet()


def _is_gs(event: QKeyEvent) -> bool:
    """GS (ASCII 29), as a scanner types it: the character itself, or Ctrl+] on a US layout."""
    if event.text() == GS:
        return True
    control = Qt.KeyboardModifier.ControlModifier
    only_control = bool(event.modifiers() & control) and not (event.modifiers() & ~(control | _CHARACTER_MODIFIERS))
    return event.key() == Qt.Key.Key_BracketRight and only_control


def keep_scanner_input(dialog: QWidget) -> None:
    """Mark ``dialog`` as reading its own keys (a PIN typed or a staff badge scanned, a return scanned
    in): the screen that opened it then leaves its keys and scanner bursts alone, even when its filter
    has ``dialogs=True`` (the packing screen counts a burst under its alerts as a missed scan)."""
    dialog.setProperty(_OWN_SCANNER_INPUT, True)


def keeps_scanner_input(window: QWidget) -> bool:
    return bool(window.property(_OWN_SCANNER_INPUT))


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


def scanner_gap_ms() -> int:
    """The largest gap between two keys of one scanner burst, as set on this PC."""
    try:
        value = int(pc_settings().value(SETTING_GAP, DEFAULT_GAP_MS))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_GAP_MS
    return min(max(value, GAP_RANGE_MS[0]), GAP_RANGE_MS[1])


def set_scanner_gap_ms(value: int) -> int:
    """Store the setting and apply it at once to every screen's scanner filter; returns the value kept."""
    value = min(max(int(value), GAP_RANGE_MS[0]), GAP_RANGE_MS[1])
    pc_settings().setValue(SETTING_GAP, value)
    for wedge in list(_live_filters):
        if wedge.follows_setting:
            wedge.max_gap_ms = value
    return value


@dataclass
class Burst:
    """What one burst brought: its text, the gaps between its key presses, and how it ended."""

    text: str
    gaps_ms: list[float] = field(default_factory=list)  # between successive key presses (Shift included)
    suffix: str = "none"  # "Enter", "Tab", "CR+LF" or "none" (ended by a pause)
    scan: bool = False  # it was taken as a scan (long enough, fast enough)

    @property
    def largest_gap_ms(self) -> float:
        return max(self.gaps_ms, default=0.0)


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

    ``max_gap_ms`` None follows this PC's setting (``scanner_gap_ms``). ``clock`` returns milliseconds
    and stands in for key events without a timestamp (tests pass a fake one). With ``dialogs`` the
    filter also listens in dialogs opened by ``scope`` (a burst while an alert is up is then a scan the
    screen can count as not counted, instead of keys lost in the dialog). ``rejected`` carries a
    sentence for the user when a burst is not a valid code (wrong check digit), and the text the
    scanner sent, so that it can be stored with the refusal. ``burst_ended`` reports every burst of two
    or more fast keys, scan or not (the Settings test page shows them).
    """

    scanned = Signal(object)  # Scan(source="wedge")
    rejected = Signal(str, str)  # message, the code as sent
    burst_ended = Signal(object)  # Burst

    def __init__(
        self,
        scope: QWidget,
        *,
        max_gap_ms: int | None = None,
        min_length: int = 4,
        clock: Callable[[], float] | None = None,
        dialogs: bool = False,
    ) -> None:
        super().__init__(scope)
        self.setObjectName("wedgeScannerFilter")
        self._scope = weakref.ref(scope)
        self.follows_setting = max_gap_ms is None
        self.max_gap_ms: float = scanner_gap_ms() if max_gap_ms is None else max_gap_ms
        self.min_length = min_length
        self.dialogs = dialogs
        self._clock = clock or _monotonic_ms
        self._held: list[_HeldKey] = []
        self._gaps: list[float] = []
        self._last_stamp = 0.0  # the last burst key's timestamp (the keyboard's time, or the clock's)
        self._last_arrival = 0.0  # when it reached us (the clock)
        self._suffix_stamp: float | None = None  # when the last burst's Enter came: an LF may follow
        self._unreported: Burst | None = None  # the last burst, told once no LF can follow
        self._replaying = False
        self._checking = False
        self._last_signature: tuple[int, int, int] = (0, 0, 0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_pause)
        app = QApplication.instance()
        assert app is not None, "create the QApplication first"
        app.installEventFilter(self)
        scope.destroyed.connect(self._uninstall)
        _live_filters.add(self)

    def _uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _active_for(self, widget: QWidget) -> bool:
        scope = self._scope()
        if scope is None or not scope.isVisible():
            return False
        window = widget.window()
        if window is not scope.window() and not (
            self.dialogs and self._opened_by_scope(window, scope) and not keeps_scanner_input(window)
        ):
            return False
        # No active window at all happens only when no keys come from a person (offscreen tests).
        return QApplication.activeWindow() in (None, scope.window(), window)

    @staticmethod
    def _opened_by_scope(window: QWidget, scope: QWidget) -> bool:
        parent = window.parentWidget()
        while parent is not None:
            if parent is scope:
                return True
            parent = parent.parentWidget()
        return False

    # -- the keys ----------------------------------------------------------------------------------

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
            return self._claim(event)
        signature = (event.timestamp(), event.key(), int(event.modifiers().value))
        if event.timestamp() and signature == self._last_signature:
            return False  # the same key again, passed on to a parent widget: already counted
        self._last_signature = signature
        stamp = float(event.timestamp()) or self._clock()
        self._last_arrival = self._clock()
        if self._suffix_stamp is not None:
            if self._is_line_feed(event, stamp):
                return True  # the LF of a CR+LF suffix (or a doubled Enter): part of the scan just made
            self._suffix_stamp = None
            self._report_ended()
        gap = stamp - self._last_stamp
        fast = 0 <= gap <= self.max_gap_ms
        if self._held and not fast:
            self._end_by_pause()  # a scanner without a suffix, or a person's typing
        if event.key() in _MODIFIER_KEYS:
            if self._held:  # the Shift before a capital letter: part of the burst
                self._gaps.append(gap)
                self._last_stamp = stamp
                self._timer.start(int(self.max_gap_ms) + 1)
            return False  # a modifier alone does nothing in a field
        if self._is_character(event) and not event.isAutoRepeat():
            if self._held:
                self._gaps.append(gap)
            self._held.append(
                _HeldKey(
                    weakref.ref(watched),
                    event.key(),
                    event.modifiers(),
                    GS if _is_gs(event) else event.text(),
                    event.nativeScanCode(),
                    event.nativeVirtualKey(),
                    event.nativeModifiers(),
                )
            )
            self._last_stamp = stamp
            self._timer.start(int(self.max_gap_ms) + 1)
            return True
        suffix = self._suffix_of(event)
        if suffix and len(self._held) >= self.min_length:
            self._gaps.append(gap)
            self._finish_burst(suffix, stamp)
            return True
        self.flush()  # any other key: a person is editing; let the held keys arrive first
        return False

    def _claim(self, event: QKeyEvent) -> bool:
        """ShortcutOverride: a character (or a burst's suffix) is never a shortcut while bursts are watched."""
        if self._is_character(event) and not event.isAutoRepeat():
            event.accept()
            return True
        if (self._held or self._suffix_stamp is not None) and (self._suffix_of(event) or event.key() in _MODIFIER_KEYS):
            event.accept()
            return True
        return False

    @staticmethod
    def _is_character(event: QKeyEvent) -> bool:
        text = event.text()
        if _is_gs(event):
            return True  # GS (Ctrl+]): the separator of a GS1 code's elements, part of the scan
        if len(text) != 1 or not text.isprintable():
            return False
        return not (event.modifiers() & ~_CHARACTER_MODIFIERS)

    @staticmethod
    def _suffix_of(event: QKeyEvent) -> str:
        if event.key() in _ENTER_KEYS:
            return "Enter"
        if event.key() == Qt.Key.Key_Tab and not (event.modifiers() & ~_CHARACTER_MODIFIERS):
            return "Tab"
        return ""

    def _is_line_feed(self, event: QKeyEvent, stamp: float) -> bool:
        """The key right after a burst's Enter is its LF: Ctrl+J, a "\\n", or a second Enter."""
        assert self._suffix_stamp is not None
        gap = stamp - self._suffix_stamp
        if not (0 <= gap <= self.max_gap_ms) or event.isAutoRepeat():
            return False
        line_feed = event.text() == "\n" or (
            event.key() == Qt.Key.Key_J and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        )
        if not (line_feed or event.key() in _ENTER_KEYS):
            return False
        self._suffix_stamp = None
        if self._unreported is not None:
            self._unreported.suffix = "CR+LF"
            self._unreported.gaps_ms.append(gap)
            self._report_ended()
        return True

    # -- ending a burst ------------------------------------------------------------------------------

    def _finish_burst(self, suffix: str, stamp: float | None = None) -> None:
        self._timer.stop()
        text = "".join(held.text for held in self._held)
        burst = Burst(text, self._gaps, suffix, scan=True)
        self._held, self._gaps = [], []
        self._suffix_stamp = stamp if suffix == "Enter" else None
        if self._suffix_stamp is not None:
            self._unreported = burst
            self._timer.start(int(self.max_gap_ms) + 1)  # reported once no LF has followed
        else:
            self.burst_ended.emit(burst)
        try:
            scan = typed_scan(text, "wedge")
        except InvalidCode as exc:
            self.rejected.emit(str(exc), text)
            return
        self.scanned.emit(scan)

    def _report_ended(self) -> None:
        burst, self._unreported = self._unreported, None
        if burst is not None:
            self.burst_ended.emit(burst)

    def _on_pause(self) -> None:
        if self._checking:
            return
        if self._unreported is not None and not self._held:
            self._report_ended()
            return
        if not self._held:
            return
        waited = self._clock() - self._last_arrival
        if waited <= self.max_gap_ms:  # a fake clock in a test has not moved on yet
            self._timer.start(max(1, int(self.max_gap_ms - waited) + 1))
            return
        # The GUI thread may have been busy while the scanner went on typing: take in the keys that
        # are waiting before deciding that the burst is over. Their timestamps tell if they belong.
        arrival, self._checking = self._last_arrival, True
        try:
            QCoreApplication.processEvents()
        finally:
            self._checking = False
        if not self._held or self._last_arrival != arrival:
            if self._held and not self._timer.isActive():
                self._timer.start(int(self.max_gap_ms) + 1)
            return
        self._end_by_pause()

    def _end_by_pause(self) -> None:
        if len(self._held) >= max(self.min_length, NO_SUFFIX_MIN_LENGTH):
            self._finish_burst("none")  # a scanner set to send no suffix: the pause ends its code
        else:
            self.flush()

    def flush(self) -> None:
        """Send the held keys on to the widgets they were typed into (a person was typing)."""
        self._timer.stop()
        held, self._held = self._held, []
        gaps, self._gaps = self._gaps, []
        if len(held) >= 2:
            self.burst_ended.emit(Burst("".join(key.text for key in held), gaps, "none", scan=False))
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
