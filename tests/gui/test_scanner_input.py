"""The USB keyboard-wedge scanner filter: bursts become scans and never reach a field; people's typing
arrives unchanged. Key timing comes from a fake clock the test moves on, so no test depends on speed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPlainTextEdit, QStackedWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from orderapp.domain.gtin import Symbology
from orderapp.gui.scanner_input import WedgeScannerFilter, keep_scanner_input
from orderapp.scanning.acceptance import Scan

SCANNER_GAP_MS = 8  # a wedge scanner types a character every few milliseconds
PERSON_GAP_MS = 140  # a quick typist


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Page(QWidget):
    """A screen with a few fields, inside a window with another page (like the main window's stack)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("scanPage")
        self.code = QLineEdit(objectName="code")
        self.other = QLineEdit(objectName="other")
        self.notes = QPlainTextEdit(objectName="notes")
        layout = QVBoxLayout(self)
        for widget in (self.code, self.other, self.notes):
            layout.addWidget(widget)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[QStackedWidget]:
    stack = QStackedWidget(objectName="stack")
    stack.addWidget(Page())
    stack.addWidget(QLineEdit(objectName="elsewhere"))
    qtbot.addWidget(stack)
    stack.show()
    qtbot.waitExposed(stack)
    stack.activateWindow()
    yield stack


@pytest.fixture
def page(window: QStackedWidget) -> Page:
    widget = window.widget(0)
    assert isinstance(widget, Page)
    return widget


@pytest.fixture
def wedge(page: Page, clock: FakeClock) -> WedgeScannerFilter:
    return WedgeScannerFilter(page, clock=clock)


@pytest.fixture
def scans(wedge: WedgeScannerFilter) -> list[Scan]:
    seen: list[Scan] = []
    wedge.scanned.connect(seen.append)
    return seen


def key(widget: QWidget, text: str, clock: FakeClock, gap_ms: float, keycode: int | None = None) -> None:
    """One key press and release carrying ``text`` (any script), ``gap_ms`` after the previous key."""
    clock.now += gap_ms
    code = keycode if keycode is not None else (ord(text.upper()) if text.isascii() and text.isalnum() else 0)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text))


def enter(widget: QWidget, clock: FakeClock, gap_ms: float) -> None:
    key(widget, "\r", clock, gap_ms, Qt.Key.Key_Return)


def burst(widget: QWidget, code: str, clock: FakeClock, gap_ms: float = SCANNER_GAP_MS) -> None:
    widget.setFocus()
    for char in code:
        key(widget, char, clock, gap_ms)
    enter(widget, clock, gap_ms)


def type_slowly(widget: QWidget, text: str, clock: FakeClock, gap_ms: float = PERSON_GAP_MS) -> None:
    widget.setFocus()
    for char in text:
        key(widget, char, clock, gap_ms)


def test_a_burst_is_a_scan_and_types_nothing(page: Page, clock: FakeClock, scans: list[Scan]) -> None:
    page.code.setText("keep me")
    burst(page.code, "6901234567892", clock)
    assert scans == [Scan("6901234567892", Symbology.EAN13, "wedge")]
    assert page.code.text() == "keep me"


@pytest.mark.parametrize("field", ["other", "notes"])
def test_a_burst_is_caught_whatever_field_has_the_focus(
    page: Page, clock: FakeClock, scans: list[Scan], field: str
) -> None:
    burst(getattr(page, field), "ORD-7K2Q", clock)
    assert [s.code for s in scans] == ["ORD-7K2Q"]
    assert page.other.text() == "" and page.notes.toPlainText() == ""


def test_a_burst_is_caught_when_nothing_has_the_focus(
    window: QStackedWidget, clock: FakeClock, scans: list[Scan]
) -> None:
    window.setFocus()
    for char in "96385074":
        key(window, char, clock, SCANNER_GAP_MS)
    enter(window, clock, SCANNER_GAP_MS)
    assert [s.code for s in scans] == ["96385074"]


def test_a_person_typing_reaches_the_field_unchanged(
    qtbot: QtBot, page: Page, clock: FakeClock, scans: list[Scan]
) -> None:
    returned: list[str] = []
    page.other.returnPressed.connect(lambda: returned.append(page.other.text()))
    type_slowly(page.other, "Tea 茶叶 6901234567892", clock)
    enter(page.other, clock, PERSON_GAP_MS)
    assert page.other.text() == "Tea 茶叶 6901234567892"
    assert returned == ["Tea 茶叶 6901234567892"]  # Enter arrived after every character
    assert scans == []


@pytest.mark.usefixtures("wedge")
def test_the_last_character_arrives_after_a_pause(qtbot: QtBot, page: Page, clock: FakeClock) -> None:
    type_slowly(page.other, "abc", clock)
    assert page.other.text() == "ab"  # "c" is held for a moment: it might start a burst
    clock.now += PERSON_GAP_MS
    qtbot.waitUntil(lambda: page.other.text() == "abc", timeout=2000)


def test_a_short_fast_entry_is_typing_not_a_scan(page: Page, clock: FakeClock, scans: list[Scan]) -> None:
    burst(page.other, "12", clock)  # shorter than min_length
    assert scans == []
    assert page.other.text() == "12"


def test_a_pause_inside_a_burst_makes_the_first_part_typing(page: Page, clock: FakeClock, scans: list[Scan]) -> None:
    page.other.setFocus()
    for char in "ab":
        key(page.other, char, clock, SCANNER_GAP_MS)
    clock.now += PERSON_GAP_MS
    burst(page.other, "96385074", clock)
    assert page.other.text() == "ab"
    assert [s.code for s in scans] == ["96385074"]


@pytest.mark.usefixtures("wedge")
def test_editing_keys_keep_their_place_after_held_characters(page: Page, clock: FakeClock) -> None:
    page.other.setFocus()
    key(page.other, "a", clock, PERSON_GAP_MS)
    key(page.other, "b", clock, 5)  # two keys pressed together
    key(page.other, "", clock, 5, Qt.Key.Key_Backspace)
    assert page.other.text() == "a"


def test_a_burst_with_a_wrong_check_digit_is_refused_with_a_message(
    page: Page, wedge: WedgeScannerFilter, clock: FakeClock, scans: list[Scan]
) -> None:
    refusals: list[tuple[str, str]] = []
    wedge.rejected.connect(lambda message, code: refusals.append((message, code)))
    burst(page.code, "6901234567891", clock)
    assert scans == []
    assert refusals == [
        (
            "6901234567891 has a wrong check digit, so it is not a valid barcode: "
            "scan it again or check the digits you typed.",
            "6901234567891",
        )
    ]
    assert page.code.text() == ""


def test_the_filter_sleeps_while_its_page_is_hidden(
    window: QStackedWidget, page: Page, clock: FakeClock, scans: list[Scan]
) -> None:
    window.setCurrentIndex(1)
    elsewhere = window.widget(1)
    assert isinstance(elsewhere, QLineEdit)
    burst(elsewhere, "96385074", clock)
    assert scans == []
    assert elsewhere.text() == "96385074"  # another screen's field gets the keys as they come
    window.setCurrentIndex(0)
    burst(page.code, "96385074", clock)
    assert [s.code for s in scans] == ["96385074"]


@pytest.mark.usefixtures("wedge")
def test_shortcuts_with_control_pass_straight_through(page: Page, clock: FakeClock) -> None:
    page.other.setText("select me")
    page.other.setFocus()
    page.other.deselect()
    clock.now += PERSON_GAP_MS
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(page.other, QKeyEvent(kind, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier, "a"))
    assert page.other.selectedText() == "select me"


def test_bursts_one_after_another_are_separate_scans(page: Page, clock: FakeClock, scans: list[Scan]) -> None:
    burst(page.code, "6901234567892", clock)
    burst(page.code, "6901234567892", clock)
    burst(page.code, "036000291452", clock)
    assert [s.code for s in scans] == ["6901234567892", "6901234567892", "036000291452"]


def test_keys_after_the_page_is_gone_do_no_harm(qtbot: QtBot, clock: FakeClock) -> None:
    page = Page()
    WedgeScannerFilter(page, clock=clock)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(page.destroyed, timeout=2000):
        page.deleteLater()
    field = QLineEdit(objectName="field")
    qtbot.addWidget(field)
    field.show()
    burst(field, "96385074", clock)
    assert field.text() == "96385074"


def _dialog_with_a_field(parent: QWidget, qtbot: QtBot, *, keeps_input: bool) -> tuple[QDialog, QLineEdit]:
    dialog = QDialog(parent)
    field = QLineEdit(dialog, objectName="badge")
    if keeps_input:
        keep_scanner_input(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    return dialog, field


@pytest.mark.parametrize("keeps_input", [True, False])
def test_a_burst_in_a_dialog_that_keeps_its_scanner_input_goes_to_the_dialog(
    qtbot: QtBot, page: Page, clock: FakeClock, keeps_input: bool
) -> None:
    # The screen takes bursts under the dialogs it opens (as packing counts a scan under an alert) ...
    screen_wedge = WedgeScannerFilter(page, clock=clock, dialogs=True)
    screen_scans: list[Scan] = []
    screen_wedge.scanned.connect(screen_scans.append)
    # ... but not in one that reads its own keys (a staff badge scanned into the PIN box).
    dialog, field = _dialog_with_a_field(page, qtbot, keeps_input=keeps_input)
    burst(field, "BADGE-0042", clock)
    if keeps_input:
        assert screen_scans == []
        assert field.text() == "BADGE-0042"
    else:
        assert [s.code for s in screen_scans] == ["BADGE-0042"]
        assert field.text() == ""
    dialog.close()
