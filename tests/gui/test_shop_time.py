"""Every "now", "today" and default on screen is the shop's, not the PC's clock: a shop on Kiritimati
(UTC+14) run from a PC set to Los Angeles (UTC-8, a day behind) and the other way round.

The PC's zone is changed with TZ (the order form's old default read the PC's clock; an order due
"tomorrow" was stored many hours off)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from gui_helpers import show_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from orderapp.domain import shop_clock
from orderapp.gui.context import AppContext
from orderapp.gui.order_form import OrderForm
from orderapp.services.settings.orders import load_order_settings
from orderapp.store import settings_store
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

ZONES = [("Pacific/Kiritimati", "America/Los_Angeles"), ("America/Los_Angeles", "Pacific/Kiritimati")]


@pytest.fixture
def pc_zone() -> Iterator[None]:
    saved = os.environ.get("TZ")
    yield
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


def set_pc_zone(name: str) -> None:
    os.environ["TZ"] = name
    time.tzset()


def set_shop_zone(database: Database, name: str) -> None:
    with database.session(write=True) as session:
        settings_store.write_values(session, {"shop.timezone": name}, user_id=DEFAULT_USER_ID)
        session.commit()


@pytest.mark.parametrize(("shop_name", "pc"), ZONES)
def test_the_due_by_default_is_tomorrow_where_the_shop_is(
    qtbot: QtBot, shop: Database, sync_tasks: object, pc_zone: None, shop_name: str, pc: str
) -> None:
    set_pc_zone(pc)
    set_shop_zone(shop, shop_name)
    form = OrderForm(AppContext(shop, station="PC-1"), load_order_settings(shop))
    qtbot.addWidget(form)
    form.due_enabled.setChecked(True)
    due = form.draft().due_at
    assert due is not None
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    # The stored moment is 24 hours from now (to the minute shown), not 24 h +/- the zones' 22 h gap.
    assert abs((due - tomorrow).total_seconds()) < 120
    shown = form.due_at.dateTime()
    local = tomorrow.astimezone(ZoneInfo(shop_name))
    assert (shown.date().day(), shown.time().hour()) == (local.day, local.hour)


@pytest.mark.parametrize(("shop_name", "pc"), ZONES)
def test_the_dashboard_says_as_of_in_shop_time(
    qtbot: QtBot, shop: Database, pc_zone: None, shop_name: str, pc: str
) -> None:
    set_pc_zone(pc)
    set_shop_zone(shop, shop_name)
    moment = datetime(2026, 12, 3, 23, 30, tzinfo=UTC)  # Kiritimati: the 4th, 13:30; Los Angeles: the 3rd, 15:30
    shop_clock.clock = lambda: moment
    try:
        window = show_window(qtbot, shop)
    finally:
        shop_clock.clock = shop_clock.utc_now
    as_of = window.findChild(QLabel, "as_of")
    assert as_of is not None
    expected = moment.astimezone(ZoneInfo(shop_name))
    assert as_of.text() == f"as of {expected:%H:%M}"
    figures = window.dashboard.figures
    assert figures is not None and figures.day == expected.date()


def test_shop_today_is_the_shops_calendar_day(pc_zone: None) -> None:
    set_pc_zone("America/Los_Angeles")
    moment = datetime(2026, 12, 3, 23, 30, tzinfo=UTC)
    shop_clock.clock = lambda: moment
    try:
        assert shop_clock.shop_today("Pacific/Kiritimati").isoformat() == "2026-12-04"
        assert shop_clock.shop_today("America/Los_Angeles").isoformat() == "2026-12-03"
        assert shop_clock.shop_now("Not/AZone").tzinfo == ZoneInfo(shop_clock.DEFAULT_ZONE)
        start, end = shop_clock.shop_day_bounds(shop_clock.shop_today("Pacific/Kiritimati"), "Pacific/Kiritimati")
        assert start <= moment < end and end - start == timedelta(hours=24)
    finally:
        shop_clock.clock = shop_clock.utc_now


# -- dashboard cards ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("card", "screen", "check"),
    [
        ("orders_today", "orders", lambda s: s.period_filter.currentData() == "today"),
        ("to_pack", "orders", lambda s: s.current_filter().statuses == {"confirmed", "picking"}),
        ("overdue", "orders", lambda s: s.current_filter().overdue_only),
        ("low_stock", "inventory", lambda s: s.low_stock_filter.isChecked()),
    ],
)
def test_a_dashboard_card_opens_its_list(qtbot: QtBot, shop: Database, card: str, screen: str, check: object) -> None:
    window = show_window(qtbot, shop)
    assert not window.windowIcon().isNull()
    tile = window.dashboard.tiles[card]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert window.current_key() == screen
    assert callable(check) and check(window.screen_for(screen))
    window.show_screen("dashboard")
    window.dashboard.tiles[card].setFocus()
    qtbot.keyClick(window.dashboard.tiles[card], Qt.Key.Key_Return)
    assert window.current_key() == screen
