"""The dashboard shows what the database says, counted independently here with plain SQL."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from gui_helpers import show_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from orderapp.gui import dashboard_screen
from orderapp.gui.dashboard_screen import DashboardScreen
from orderapp.gui.main_window import MainWindow
from orderapp.store.database import Database


def _stamp(moment: datetime) -> str:
    """How a UTC time is stored in the SQLite file."""
    return moment.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def expected_figures(path: Path, now: datetime) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        (zone_name,) = conn.execute("SELECT value FROM setting WHERE key = 'shop.timezone'").fetchone()
        zone = ZoneInfo(zone_name)
        today: date = now.astimezone(zone).date()
        start = datetime.combine(today, time.min, tzinfo=zone)
        end = datetime.combine(today + timedelta(days=1), time.min, tzinfo=zone)

        def count(sql: str, *args: object) -> int:
            (n,) = conn.execute(sql, args).fetchone()
            return int(n)

        return {
            "orders_today": count(
                "SELECT count(*) FROM orders WHERE created_at >= ? AND created_at < ?", _stamp(start), _stamp(end)
            ),
            "to_pack": count("SELECT count(*) FROM orders WHERE status IN ('confirmed', 'picking')"),
            "overdue": count(
                "SELECT count(*) FROM orders WHERE status IN ('received', 'confirmed', 'picking', 'packed', 'on_hold')"
                " AND due_at IS NOT NULL AND due_at < ?",
                _stamp(now),
            ),
            "low_stock": count("SELECT count(*) FROM product WHERE active AND on_hand - reserved <= reorder_point"),
        }


def shown_figures(window: MainWindow) -> dict[str, int]:
    figures = {}
    for key in ("orders_today", "to_pack", "overdue", "low_stock"):
        label = window.findChild(QLabel, f"figure_{key}")
        assert label is not None and label.isVisible()
        figures[key] = int(label.text().replace(",", ""))
    return figures


def test_the_figures_match_the_database(qtbot: QtBot, demo_shop: Database) -> None:
    window = show_window(qtbot, demo_shop)
    assert demo_shop.path is not None
    figures = window.dashboard.figures
    assert figures is not None
    expected = expected_figures(demo_shop.path, figures.as_of)
    assert shown_figures(window) == expected
    assert any(expected.values()), "the demo shop should give the dashboard something to show"
    as_of = window.findChild(QLabel, "as_of")
    assert as_of is not None
    with sqlite3.connect(demo_shop.path) as conn:
        (zone_name,) = conn.execute("SELECT value FROM setting WHERE key = 'shop.timezone'").fetchone()
    assert as_of.text() == f"as of {figures.as_of.astimezone(ZoneInfo(zone_name)).strftime('%H:%M')}"


def test_a_new_shop_shows_zeros(window: MainWindow) -> None:
    assert shown_figures(window) == {"orders_today": 0, "to_pack": 0, "overdue": 0, "low_stock": 0}


def test_refresh_counts_again(qtbot: QtBot, window: MainWindow, shop: Database) -> None:
    assert shop.path is not None
    with sqlite3.connect(shop.path) as conn:
        conn.execute(
            "INSERT INTO product (sku, name, category, location, unit, price_cents, cost_cents, reorder_point,"
            " reorder_qty, on_hand, reserved, active, created_at, updated_at)"
            " VALUES ('TEA-1', 'Green tea', '', '', '', 100, 50, 5, 10, 2, 0, 1, ?, ?)",
            (_stamp(datetime.now(UTC)), _stamp(datetime.now(UTC))),
        )
    refresh = window.dashboard.refresh_button
    assert refresh.objectName() == "refresh_dashboard"
    with qtbot.waitSignal(window.dashboard.figures_loaded, timeout=10_000):
        qtbot.mouseClick(refresh, Qt.MouseButton.LeftButton)
    assert shown_figures(window)["low_stock"] == 1


def test_figures_are_counted_again_when_the_dashboard_is_shown_again(qtbot: QtBot, window: MainWindow) -> None:
    window.show_screen("orders")
    with qtbot.waitSignal(window.dashboard.figures_loaded, timeout=10_000):
        window.show_screen("dashboard")


def test_the_timer_refreshes_only_while_visible(qtbot: QtBot, window: MainWindow) -> None:
    timer = window.dashboard._timer
    assert timer.isActive() and timer.interval() == 60_000
    window.show_screen("settings")
    assert not timer.isActive()
    window.show_screen("dashboard")
    assert timer.isActive()


def test_a_failed_count_is_shown_in_place(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_database: Database) -> None:
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(dashboard_screen, "dashboard_figures", broken)
    with qtbot.waitSignal(window.dashboard.load_failed, timeout=10_000) as failed:
        window.dashboard.refresh()
    problem = window.findChild(QLabel, "load_problem")
    assert problem is not None and problem.isVisible()
    assert "could not be counted" in problem.text() and "disk I/O error" in problem.text()
    assert failed.args is not None and failed.args[0] == problem.text()
    assert window.isVisible()
    assert window.dashboard.refresh_button.isEnabled()  # the user can try again


def test_the_dashboard_works_with_tasks_run_synchronously(qtbot: QtBot, shop: Database, sync_tasks: object) -> None:
    screen = DashboardScreen(shop)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.figures_loaded, timeout=1000):
        screen.show()
    assert screen.figure_labels["orders_today"].text() == "0"
