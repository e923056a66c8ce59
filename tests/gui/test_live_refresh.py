"""Two PCs on one shop: what one enters shows on the other's dashboard, orders list and packing queue
within 2 s, without anyone pressing Refresh (SQLite and PostgreSQL)."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from gui_helpers import SHOP_NAME, show_window
from order_shop import USER, delivery_draft, make_shop
from other_pc import on_another_pc
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from orderapp.domain.order_validation import LineDraft
from orderapp.gui.main_window import MainWindow
from orderapp.services.orders import placing as orders
from orderapp.services.settings.shop import ShopSettings, save_settings
from orderapp.store.database import Database

SHOWN_WITHIN_MS = 2000


@pytest.fixture
def two_pc_shop(database: Database) -> Database:
    make_shop(database)
    save_settings(database, replace(ShopSettings(), name=SHOP_NAME))
    return database


def _figure(window: MainWindow, key: str) -> int:
    label = window.findChild(QLabel, f"figure_{key}")
    assert label is not None
    return int(label.text().replace(",", ""))


def _order_numbers(window: MainWindow) -> list[str]:
    screen = window.screen_for("orders")
    model = screen.model  # type: ignore[attr-defined]
    return [model.row_at(row).number for row in range(model.rowCount())]


def _shown_within(qtbot: QtBot, committed_at: float, check: object) -> float:
    """Wait for ``check()``; returns the seconds from the other PC's commit to it being shown."""
    qtbot.waitUntil(check, timeout=SHOWN_WITHIN_MS)  # type: ignore[arg-type]
    return time.time() - committed_at


def test_an_order_entered_on_another_pc_shows_on_the_dashboard_and_the_list(
    qtbot: QtBot, two_pc_shop: Database, database_url: str
) -> None:
    window = show_window(qtbot, two_pc_shop)
    assert window.live_refresh.feed.wait_ready(10)
    before = _figure(window, "orders_today")
    number, committed_at = on_another_pc(database_url, "place", "另一台 PC 的顾客")
    seconds = _shown_within(qtbot, committed_at, lambda: _figure(window, "orders_today") == before + 1)
    assert seconds <= SHOWN_WITHIN_MS / 1000

    window.show_screen("orders")
    qtbot.waitUntil(lambda: number in _order_numbers(window), timeout=5000)
    number2, committed_at = on_another_pc(database_url, "place", "第二位顾客")
    _shown_within(qtbot, committed_at, lambda: _order_numbers(window)[:1] == [number2])
    assert _order_numbers(window)[1] == number
    window.close()


def test_an_order_confirmed_elsewhere_joins_the_packing_queue(
    qtbot: QtBot, two_pc_shop: Database, database_url: str
) -> None:
    placed = orders.place_order(two_pc_shop, delivery_draft(LineDraft(code="TEA-001")), user_id=USER)
    window = show_window(qtbot, two_pc_shop)
    window.show_screen("packing")
    screen = window.screen_for("packing")
    table = screen.queue_table  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not screen._queue_loading, timeout=5000)  # type: ignore[attr-defined]
    assert table.rowCount() == 0
    assert window.live_refresh.feed.wait_ready(10)
    _number, committed_at = on_another_pc(database_url, "confirm", placed.id)
    _shown_within(
        qtbot, committed_at, lambda: table.rowCount() == 1 and table.item(0, 0).text().startswith(placed.number)
    )
    before = _figure(window, "to_pack")
    window.show_screen("dashboard")  # it was hidden: it is read again on showing
    qtbot.waitUntil(lambda: _figure(window, "to_pack") == before + 1, timeout=5000)
    window.close()


def test_screens_hidden_are_not_read_until_shown(qtbot: QtBot, two_pc_shop: Database, database_url: str) -> None:
    window = show_window(qtbot, two_pc_shop)
    window.show_screen("orders")
    qtbot.waitUntil(lambda: not window.screen_for("orders").model.loading, timeout=5000)  # type: ignore[attr-defined]
    window.show_screen("inventory")
    refreshed: list[str] = []
    window.live_refresh.refreshed.connect(refreshed.append)
    assert window.live_refresh.feed.wait_ready(10)
    on_another_pc(database_url, "place", "顾客")
    qtbot.wait(1500)
    assert "orders" not in refreshed and "dashboard" not in refreshed
    window.show_screen("orders")
    qtbot.waitUntil(lambda: "orders" in refreshed, timeout=2000)
    window.close()


def test_the_open_product_shows_stock_reserved_on_another_pc(
    qtbot: QtBot, two_pc_shop: Database, database_url: str
) -> None:
    placed = orders.place_order(two_pc_shop, delivery_draft(LineDraft(code="TEA-001", qty="3")), user_id=USER)
    window = show_window(qtbot, two_pc_shop)
    window.show_screen("inventory")
    screen = window.screen_for("inventory")
    qtbot.waitUntil(lambda: screen.detail is not None, timeout=5000)  # type: ignore[attr-defined]
    assert screen.select_product(placed.lines[0].product_id)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: screen.figures_shown()[1] == "0", timeout=5000)  # type: ignore[attr-defined]
    assert window.live_refresh.feed.wait_ready(10)
    _number, committed_at = on_another_pc(database_url, "confirm", placed.id)
    _shown_within(qtbot, committed_at, lambda: screen.figures_shown()[1:] == ("3", "7"))  # type: ignore[attr-defined]
    window.close()
