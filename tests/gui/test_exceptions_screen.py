"""The Exceptions screen: the queue by priority with its filters, and one-key actions on the chosen one."""

from __future__ import annotations

from datetime import timedelta

import pytest
from packing_shop import NOW, PackingShop, make_packing_shop
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from orderapp.gui.exceptions_screen import ExceptionsScreen
from orderapp.gui.main_window import MainWindow
from orderapp.services.aftersales.exceptions import get_exception, raise_exception
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

ME = DEFAULT_USER_ID


@pytest.fixture
def filled(shop: Database) -> dict[str, int]:
    packing: PackingShop = make_packing_shop(shop)
    ids = {
        "minor": raise_exception(shop, packing.big, "damaged", "minor", user_id=ME, owner="Ann", now=NOW).id,
        "severe": raise_exception(shop, packing.two_teas, "lost", "severe", user_id=ME, owner="Bo",
                                  cause="包裹丢失 parcel lost", now=NOW).id,
        "moderate": raise_exception(shop, packing.received, "failed", "moderate", user_id=ME, owner="Ann",
                                    now=NOW - timedelta(hours=2)).id,
    }  # fmt: skip
    return ids


@pytest.fixture
def screen(qtbot: QtBot, window: MainWindow, filled: dict[str, int]) -> ExceptionsScreen:
    window.show_screen("exceptions")
    found = window.screen_for("exceptions")
    assert isinstance(found, ExceptionsScreen)
    qtbot.waitUntil(lambda: found.model.rowCount() == 3 and not found.model.loading)
    return found


def numbers(screen: ExceptionsScreen) -> list[str]:
    return [row.type for row in screen.queue_rows()]


def choose(qtbot: QtBot, screen: ExceptionsScreen, row: int) -> None:
    with qtbot.waitSignal(screen.detail_shown, timeout=5000):
        screen.choose_row(row)


def pick(qtbot: QtBot, screen: ExceptionsScreen, combo: QComboBox, value: str) -> None:
    with qtbot.waitSignal(screen.model.page_loaded, timeout=5000):
        combo.setCurrentIndex(combo.findData(value))


def test_the_queue_is_by_priority_and_the_filters_narrow_it(
    qtbot: QtBot, screen: ExceptionsScreen, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(screen.model)
    assert numbers(screen) == ["lost", "failed", "damaged"]
    index = screen.model.index(0, 1)
    assert screen.model.data(index) == "SO-000001"
    pick(qtbot, screen, screen.family, "payment")
    assert numbers(screen) == ["failed"]
    pick(qtbot, screen, screen.family, "")
    qtbot.waitUntil(lambda: screen.owner.findData("Ann") > 0)
    pick(qtbot, screen, screen.owner, "Ann")
    assert numbers(screen) == ["failed", "damaged"]
    pick(qtbot, screen, screen.severity, "minor")
    assert numbers(screen) == ["damaged"]
    pick(qtbot, screen, screen.status, "resolved")
    assert numbers(screen) == []


def test_one_key_actions_and_the_history(
    qtbot: QtBot, screen: ExceptionsScreen, shop: Database, filled: dict[str, int]
) -> None:
    choose(qtbot, screen, 0)
    assert "EX-" in screen.heading.text() and "SO-000001" in screen.heading.text()
    assert "包裹丢失 parcel lost" in screen.cause.text()
    with qtbot.waitSignal(screen.acted, timeout=5000):
        qtbot.keyClick(screen.table, Qt.Key.Key_S)
    assert get_exception(shop, filled["severe"]).row.status == "in_progress"
    screen.ask_text = lambda _title, _question: "called the courier"
    with qtbot.waitSignal(screen.acted, timeout=5000):
        qtbot.keyClick(screen.table, Qt.Key.Key_N)
    screen.ask_action = lambda: ("refund", "12.50", "partial refund")
    with qtbot.waitSignal(screen.acted, timeout=5000):
        qtbot.keyClick(screen.table, Qt.Key.Key_A)
    history = screen.history_texts()
    assert [row[2] for row in history][:4] == ["Action taken", "Refund", "Note", "In progress"]
    assert "12.50" in history[1][3] and "partial refund" in history[1][3]
    assert history[2][3] == "called the courier"
    assert screen.model.data(screen.model.index(0, 6)) == "action taken"


@pytest.mark.parametrize("typed", ["", "   "])
def test_resolving_without_a_resolution_is_refused_and_nothing_changes(
    qtbot: QtBot, screen: ExceptionsScreen, shop: Database, filled: dict[str, int], typed: str
) -> None:
    choose(qtbot, screen, 0)
    before = get_exception(shop, filled["severe"])
    screen.ask_text = lambda _title, _question: typed
    with qtbot.waitSignal(screen.refused, timeout=5000) as refused:
        qtbot.keyClick(screen.table, Qt.Key.Key_R)
    assert "Write the resolution" in refused.args[0]
    assert screen.problem.isVisible() and "Write the resolution" in screen.problem.text()
    assert get_exception(shop, filled["severe"]) == before
    screen.ask_text = lambda _title, _question: "找到了 found at the depot"
    with qtbot.waitSignal(screen.acted, timeout=5000):
        qtbot.keyClick(screen.table, Qt.Key.Key_R)
    resolved = get_exception(shop, filled["severe"]).row
    assert (resolved.status, resolved.resolution) == ("resolved", "找到了 found at the depot")
    assert not screen.buttons["resolve"].isEnabled()


def test_a_bad_amount_is_refused_with_a_sentence(
    qtbot: QtBot, screen: ExceptionsScreen, shop: Database, filled: dict[str, int]
) -> None:
    choose(qtbot, screen, 0)
    before = get_exception(shop, filled["severe"])
    screen.ask_action = lambda: ("refund", "twelve", "")
    with qtbot.waitSignal(screen.refused, timeout=5000) as refused:
        qtbot.keyClick(screen.table, Qt.Key.Key_A)
    assert "not an amount" in refused.args[0]
    screen.ask_action = lambda: ("refund", "", "")
    with qtbot.waitSignal(screen.refused, timeout=5000) as refused:
        qtbot.keyClick(screen.table, Qt.Key.Key_A)
    assert "amount of the refund" in refused.args[0]
    assert get_exception(shop, filled["severe"]) == before


def test_a_new_exception_by_hand_and_a_wrong_order_number(
    qtbot: QtBot, screen: ExceptionsScreen, shop: Database
) -> None:
    screen.ask_new = lambda: ("SO-999999", "quality_complaint", "minor", "")
    with qtbot.waitSignal(screen.refused, timeout=5000) as refused:
        qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    assert "There is no order SO-999999" in refused.args[0]
    assert len(screen.queue_rows()) == 3
    screen.ask_new = lambda: ("so-000006", "quality_complaint", "severe", "茶叶发霉 mouldy tea")
    with qtbot.waitSignal(screen.acted, timeout=5000) as acted:
        qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    row = acted.args[0].row
    assert (row.order_number, row.type, row.severity, row.cause) == (
        "SO-000006",
        "quality_complaint",
        "severe",
        "茶叶发霉 mouldy tea",
    )
    qtbot.waitUntil(lambda: len(screen.queue_rows()) == 4 and not screen.model.loading)
    rows = screen.queue_rows()
    assert row.id in [r.id for r in rows]
    assert [r.priority for r in rows] == sorted((r.priority for r in rows), reverse=True)
    # the same kind again on that order is refused: add a note to the open one instead
    with qtbot.waitSignal(screen.refused, timeout=5000) as refused:
        qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    assert "already has this exception open" in refused.args[0]
