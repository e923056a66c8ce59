"""The automatic checks in a worker, the owner's notification, and the dashboard's deadline line."""

from __future__ import annotations

from packing_shop import make_packing_shop
from pytestqt.qtbot import QtBot

from orderapp.gui.main_window import MainWindow
from orderapp.services.aftersales.exception_checks import CheckResult
from orderapp.services.aftersales.exceptions import exception_queue
from orderapp.services.packing.station import open_order, override_pack
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID


def test_new_exceptions_are_raised_in_a_worker_and_the_owner_is_told(
    qtbot: QtBot, window: MainWindow, shop: Database
) -> None:
    make_packing_shop(shop)
    view = open_order(shop, "SO-000002", user_id=DEFAULT_USER_ID, station="PACK-1")
    override_pack(shop, view.session_id, "scanner broken", user_id=DEFAULT_USER_ID, station="PACK-1")
    watch = window.exception_watch
    with qtbot.waitSignal(watch.notified, timeout=10_000) as told:
        watch.check_now()
    assert "SO-000002" in told.args[0] and "new exceptions" in told.args[0]
    assert {row.type for row in exception_queue(shop)} >= {"pack_override", "unpaid_at_packing"}
    # nothing new: no second notice
    with qtbot.waitSignal(watch.checked, timeout=10_000) as checked:
        watch.check_now()
    result = checked.args[0]
    assert isinstance(result, CheckResult) and result.raised == () and result.notice() == ""


def test_the_dashboard_shows_at_risk_and_overdue_by_step(qtbot: QtBot, window: MainWindow, shop: Database) -> None:
    make_packing_shop(shop)  # its orders arrived in November: long past every limit
    line = window.dashboard.deadlines
    qtbot.waitUntil(lambda: line.deadlines is not None)  # the count made when the window opened
    with qtbot.waitSignal(line.loaded, timeout=10_000):
        window.dashboard.refresh()
    text = line.text()
    assert text.startswith("At risk in the next hour: 0")
    assert "confirm 1" in text and "ship 6" in text and "pack 5" in text
    assert line.property("state") == "alert"
