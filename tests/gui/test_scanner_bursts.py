"""Scanner bursts told from typing by the key events' own timestamps: any scanner speed from 8 to 45 ms
per key, Shift before capitals, Enter / Tab / CR+LF / no suffix, a GUI thread stalled mid-burst, and
people typing (slowly, or fast) whose keys reach their field unchanged."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QListWidget, QPlainTextEdit, QStackedWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from scanner_keys import ArrivalClock, person_presses, post, scanner_presses, send

from orderapp.gui.scanner_input import (
    DEFAULT_GAP_MS,
    Burst,
    WedgeScannerFilter,
    scanner_gap_ms,
    set_scanner_gap_ms,
)
from orderapp.scanning.acceptance import Scan

CODES = ["SO-000361", "6901234567892", "TEA-Green-01", "96385074"]


class Page(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.sidebar = QListWidget(objectName="sidebar")
        self.sidebar.addItems(["Dashboard", "Orders", "Packing", "Settings"])
        self.sidebar.setCurrentRow(2)
        self.code = QLineEdit(objectName="code")
        self.notes = QPlainTextEdit(objectName="notes")
        layout = QVBoxLayout(self)
        for widget in (self.sidebar, self.code, self.notes):
            layout.addWidget(widget)


@pytest.fixture(autouse=True)
def _default_gap() -> Iterator[None]:
    set_scanner_gap_ms(DEFAULT_GAP_MS)
    yield
    set_scanner_gap_ms(DEFAULT_GAP_MS)


@pytest.fixture
def clock() -> ArrivalClock:
    return ArrivalClock()


@pytest.fixture
def page(qtbot: QtBot) -> Page:
    stack = QStackedWidget()
    widget = Page()
    stack.addWidget(widget)
    widget.holder = stack  # type: ignore[attr-defined]  # keeps the window alive with the page
    qtbot.addWidget(stack)
    stack.show()
    qtbot.waitExposed(stack)
    stack.activateWindow()
    return widget


@pytest.fixture
def wedge(page: Page, clock: ArrivalClock) -> WedgeScannerFilter:
    return WedgeScannerFilter(page, clock=clock)


@pytest.fixture
def scans(wedge: WedgeScannerFilter) -> list[Scan]:
    seen: list[Scan] = []
    wedge.scanned.connect(seen.append)
    return seen


@pytest.fixture
def bursts(wedge: WedgeScannerFilter) -> list[Burst]:
    seen: list[Burst] = []
    wedge.burst_ended.connect(seen.append)
    return seen


@pytest.mark.parametrize("per_key_ms", [8, 30, 45])
@pytest.mark.parametrize("suffix", ["Enter", "Tab", "CR+LF"])
@pytest.mark.parametrize("code", CODES)
def test_a_scanner_at_any_speed_with_any_suffix_gives_one_scan_and_types_nothing(
    qtbot: QtBot,
    page: Page,
    clock: ArrivalClock,
    scans: list[Scan],
    bursts: list[Burst],
    code: str,
    per_key_ms: int,
    suffix: str,
) -> None:
    page.code.setText("keep me")
    page.code.setFocus()
    send(page.code, scanner_presses(code, per_key_ms, suffix=suffix), clock)
    assert [scan.code for scan in scans] == [code]
    assert page.code.text() == "keep me"
    assert page.code.hasFocus()  # a Tab suffix did not move the focus either
    clock.now += 500
    qtbot.waitUntil(lambda: len(bursts) == 1, timeout=2000)
    assert (bursts[0].text, bursts[0].suffix, bursts[0].scan) == (code, suffix, True)
    assert bursts[0].largest_gap_ms == pytest.approx(per_key_ms, abs=1)
    assert min(bursts[0].gaps_ms) == pytest.approx(per_key_ms, abs=1)  # a Shift handed to parents counts once


@pytest.mark.parametrize("per_key_ms", [8, 30, 45])
def test_a_scanner_without_a_suffix_ends_its_code_with_the_pause(
    qtbot: QtBot, page: Page, clock: ArrivalClock, scans: list[Scan], per_key_ms: int
) -> None:
    page.notes.setFocus()
    send(page.notes, scanner_presses("SO-000361", per_key_ms, suffix="none"), clock)
    assert scans == []  # not yet: more keys might come
    clock.now += 200
    qtbot.waitUntil(lambda: len(scans) == 1, timeout=2000)
    assert scans[0].code == "SO-000361"
    assert page.notes.toPlainText() == ""


def test_bursts_back_to_back_without_a_suffix_are_split_by_their_pause(
    qtbot: QtBot, page: Page, clock: ArrivalClock, scans: list[Scan]
) -> None:
    first = scanner_presses("6901234567892", 8, suffix="none")
    second = scanner_presses("SO-000361", 8, suffix="none", start=first[-1].stamp + 400)
    send(page.code, first, clock)
    send(page.code, second, clock)  # the 400 ms between them is in the timestamps
    clock.now += 200
    qtbot.waitUntil(lambda: len(scans) == 2, timeout=2000)
    assert [scan.code for scan in scans] == ["6901234567892", "SO-000361"]


@pytest.mark.parametrize("timer_first", [False, True], ids=["keys first", "timer first"])
def test_a_60_ms_stall_of_the_gui_mid_burst_still_gives_one_code(
    qtbot: QtBot, page: Page, wedge: WedgeScannerFilter, clock: ArrivalClock, scans: list[Scan], timer_first: bool
) -> None:
    presses = scanner_presses("SO-000361", 8)
    page.code.setFocus()
    send(page.code, presses[:6], clock)
    # The GUI thread is busy for 60+ ms: the scanner goes on typing, its keys wait in the queue with
    # their true timestamps, and the filter's pause timer is overdue when the thread is free again.
    post(page.code, presses[6:])
    clock.now += 80
    time.sleep(0.08)
    if timer_first:
        timer = next(t for t in wedge.findChildren(QTimer) if t.isActive())
        timer.timeout.emit()
    QCoreApplication.processEvents()
    qtbot.waitUntil(lambda: len(scans) == 1, timeout=2000)
    assert scans[0].code == "SO-000361"
    assert page.code.text() == ""
    qtbot.wait(150)
    assert len(scans) == 1


@pytest.mark.parametrize("gaps", [[140], [90, 210, 120], [300]], ids=["quick", "uneven", "slow"])
def test_a_person_typing_reaches_the_field_unchanged(
    qtbot: QtBot, page: Page, clock: ArrivalClock, scans: list[Scan], gaps: list[float]
) -> None:
    returned: list[str] = []
    page.code.returnPressed.connect(lambda: returned.append(page.code.text()))
    page.code.setFocus()
    presses = person_presses("SO-000361 Tea", gaps)
    send(page.code, presses, clock)
    send(page.code, scanner_presses("", 1, start=presses[-1].stamp + 150), clock)  # Enter
    assert page.code.text() == "SO-000361 Tea"
    assert returned == ["SO-000361 Tea"]  # Enter arrived after every character
    assert scans == []


def test_a_fast_typist_pressing_enter_is_not_a_scanner(
    qtbot: QtBot, page: Page, clock: ArrivalClock, scans: list[Scan]
) -> None:
    page.code.setFocus()
    presses = person_presses("12345", [DEFAULT_GAP_MS + 15])
    send(page.code, presses, clock)
    send(page.code, scanner_presses("", 1, start=presses[-1].stamp + DEFAULT_GAP_MS + 15), clock)  # Enter
    assert page.code.text() == "12345"
    assert scans == []


def test_a_burst_on_the_focused_sidebar_moves_nothing_and_fires_no_shortcut(
    qtbot: QtBot, page: Page, clock: ArrivalClock, scans: list[Scan]
) -> None:
    fired: list[str] = []
    for key in ("S", "O", "0"):
        shortcut = QShortcut(QKeySequence(key), page.window())
        shortcut.activated.connect(lambda key=key: fired.append(key))
    page.sidebar.setFocus()
    # Through QTest, so that Qt's shortcut map sees every key as it would a real keyboard's
    for char in "SO-000361":
        clock.now += 8
        modifiers = Qt.KeyboardModifier.ShiftModifier if char.isupper() else Qt.KeyboardModifier.NoModifier
        QTest.keyClick(page.sidebar, char, modifiers)  # Shift pressed around capitals
    clock.now += 8
    QTest.keyClick(page.sidebar, Qt.Key.Key_Return)
    assert [scan.code for scan in scans] == ["SO-000361"]
    assert page.sidebar.currentRow() == 2  # still Packing: no jump to Settings
    assert fired == []


def test_the_gap_is_a_setting_applied_to_every_filter_at_once(
    qtbot: QtBot, page: Page, clock: ArrivalClock, scans: list[Scan]
) -> None:
    assert set_scanner_gap_ms(30) == 30 == scanner_gap_ms()
    page.code.setFocus()
    send(page.code, scanner_presses("96385074", 45), clock)  # too slow for a 30 ms setting: typing
    clock.now += 500
    qtbot.waitUntil(lambda: page.code.text() == "96385074", timeout=2000)
    assert scans == []
    set_scanner_gap_ms(60)
    page.code.clear()
    send(page.code, scanner_presses("96385074", 45, start=200_000), clock)
    assert [scan.code for scan in scans] == ["96385074"]
    assert page.code.text() == ""


def test_the_setting_stays_within_its_range() -> None:
    assert set_scanner_gap_ms(1) == 15
    assert set_scanner_gap_ms(10_000) == 250
    assert scanner_gap_ms() == 250
