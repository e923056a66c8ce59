"""The packing screen's Sort selector: choosing a sort reorders the queue, and the choice is kept
(for this station when it opens again, for the other stations, and in Settings)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from english_catalogue import english  # noqa: F401  (a fixture, for plural forms)
from packing_shop import NOW, PackingShop, make_packing_shop
from pytestqt.qtbot import QtBot

from orderapp.gui import tasks
from orderapp.gui.context import AppContext
from orderapp.gui.packing_screen import PackingScreen, create_screen
from orderapp.services.settings.packing import QueueSort, load_packing_settings, save_queue_sort
from orderapp.store.customer_models import CustomerTag
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def packing(shop: Database) -> PackingShop:
    """The packing shop, with SO-000002's customer made a VIP of her own and SO-000001 due soonest."""
    made = make_packing_shop(shop)
    with shop.session(write=True) as session:
        vip = Customer(name="李娜")
        session.add(vip)
        session.flush()
        session.add(CustomerTag(customer_id=vip.id, tag="vip"))
        big = session.get(Order, made.big)
        assert big is not None
        big.customer_id, big.ship_name = vip.id, "李娜"
        two_teas = session.get(Order, made.two_teas)
        assert two_teas is not None
        two_teas.due_at = NOW + timedelta(hours=1)
        session.commit()
    return made


def open_screen(qtbot: QtBot, database: Database) -> PackingScreen:
    widget = create_screen(AppContext(database, station="PACK-1"))
    assert isinstance(widget, PackingScreen)
    qtbot.addWidget(widget)
    widget.sounds.enabled = False
    widget.resize(1024, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def queue_numbers(screen: PackingScreen) -> list[str]:
    return [screen.queue_table.item(row, 0).text() for row in range(screen.queue_table.rowCount())]


URGENT_FIRST = ["SO-000005 (urgent)", "SO-000001", "SO-000006", "SO-000002"]
VIP_FIRST = ["SO-000002", "SO-000005 (urgent)", "SO-000001", "SO-000006"]
EASY_FIRST = ["SO-000005 (urgent)", "SO-000006", "SO-000001", "SO-000002"]  # one SKU each: straws, oolong


def test_choosing_a_sort_reorders_the_queue_and_is_remembered(
    qtbot: QtBot, shop: Database, packing: PackingShop, sync_tasks: tasks.SynchronousRunner
) -> None:
    screen = open_screen(qtbot, shop)
    selector = screen.queue_sort
    assert selector.combo.currentText() == "Urgent first"
    assert queue_numbers(screen) == URGENT_FIRST

    with qtbot.waitSignal(screen.queue_shown, timeout=5000):
        selector.choose(QueueSort.VIP)
    assert queue_numbers(screen) == VIP_FIRST
    assert screen.queue_table.item(0, 1).text() == "李娜 (VIP)"
    assert selector.combo.currentText() == "VIP first"
    assert "Orders of customers tagged VIP first" in screen.queue_table.toolTip()
    assert load_packing_settings(shop).queue_sort is QueueSort.VIP  # the shop's setting, for every station

    # The station opens the screen again the next morning: the queue is still VIP first.
    screen.close()
    again = open_screen(qtbot, shop)
    assert again.queue_sort.combo.currentText() == "VIP first"
    assert queue_numbers(again) == VIP_FIRST

    # Another station (or Settings) chooses easy first: this one follows at its next refresh.
    save_queue_sort(shop, QueueSort.EASY)
    with qtbot.waitSignal(again.queue_shown, timeout=5000):
        again.refresh_queue()
    assert again.queue_sort.combo.currentText() == "Easy first"
    assert queue_numbers(again) == EASY_FIRST
