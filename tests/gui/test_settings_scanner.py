"""Settings' "Test your scanner": what a scanner sent, whether this PC takes it as a scan, and the
suggested setting, which then applies to the screens' scanner filters at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from scanner_keys import person_presses, scanner_presses, send

from orderapp.gui.main_window import MainWindow
from orderapp.gui.scanner_input import DEFAULT_GAP_MS, Burst, WedgeScannerFilter, scanner_gap_ms, set_scanner_gap_ms
from orderapp.gui.settings_scanner import ScannerTestGroup, suggested_gap_ms


@pytest.fixture(autouse=True)
def _default_gap() -> Iterator[None]:
    set_scanner_gap_ms(DEFAULT_GAP_MS)
    yield
    set_scanner_gap_ms(DEFAULT_GAP_MS)


@pytest.fixture
def group(qtbot: QtBot, window: MainWindow) -> ScannerTestGroup:
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    window.show_screen("settings")
    screen = window.settings_screen()
    qtbot.waitUntil(lambda: screen.form.isEnabled())
    return screen.scanner_test


def scan_into(qtbot: QtBot, group: ScannerTestGroup, presses: list) -> Burst:
    shown: list[Burst] = []
    group.burst_shown.connect(shown.append)
    send(group.window().focusWidget() or group, presses)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=3000)
    return shown[0]


def test_a_fast_scanner_is_described_and_taken_as_a_scan(qtbot: QtBot, group: ScannerTestGroup) -> None:
    group.start()
    burst = scan_into(qtbot, group, scanner_presses("SO-000361", 8, suffix="CR+LF"))
    assert burst.text == "SO-000361"
    assert group.received.text() == "SO-000361"
    assert group.suffix.text() == "Enter and line feed (CR+LF)"
    assert group.gaps.text().endswith("ms (longest 8 ms)")
    assert group.verdict.text() == "taken as a scan (60 ms). Suggested: 30 ms."


def test_a_slow_scanner_is_shown_refused_and_the_suggestion_fixes_it(
    qtbot: QtBot, window: MainWindow, group: ScannerTestGroup
) -> None:
    set_scanner_gap_ms(40)
    group.gap.setValue(40)
    group.start()
    scan_into(qtbot, group, scanner_presses("6901234567892", 45, suffix="Tab"))
    assert group.suffix.text() == "Tab"
    assert group.verdict.text() == (
        "NOT taken as a scan: its keys come up to 45 ms apart, more than 40 ms. Use the suggestion: 80 ms."
    )
    assert group.use_suggestion.isEnabled()
    group.use_suggestion.click()
    assert group.gap.value() == 80 == scanner_gap_ms()
    # every screen's filter follows the setting at once
    window.show_screen("packing")
    filters = [f for f in window.findChildren(WedgeScannerFilter) if f.follows_setting]
    assert filters and {f.max_gap_ms for f in filters} == {80}


def test_typing_by_hand_is_told_apart(qtbot: QtBot, group: ScannerTestGroup) -> None:
    group.start()
    scan_into(qtbot, group, person_presses("abc", [180]))
    assert group.verdict.text().startswith("This looks like typing by hand")
    assert not group.use_suggestion.isEnabled()


def test_the_test_listens_only_while_started(qtbot: QtBot, window: MainWindow, group: ScannerTestGroup) -> None:
    name = window.settings_screen().findChild(QLineEdit, "shop_name")
    assert name is not None
    name.setFocus()
    name.clear()
    send(name, scanner_presses("96385074", 8, suffix="none"))
    assert name.text() == "96385074"  # no test running: the keys are the field's
    assert group.received.text() == "—"


@pytest.mark.parametrize(
    ("gaps", "suggested"), [([8.0] * 8, 30), ([30.0, 31.0, 29.0], 60), ([45.0, 47.0], 85), ([200.0], None)]
)
def test_the_suggestion_leaves_room_over_the_longest_gap(gaps: list[float], suggested: int | None) -> None:
    assert suggested_gap_ms(Burst("12345678", gaps, "Enter")) == suggested
