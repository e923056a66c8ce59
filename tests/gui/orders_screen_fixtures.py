"""The Orders screen on a small shop, shown at a laptop's size: fixtures for the tests of the order
detail and its actions (import them with ``# noqa: F401``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from order_shop import Shop, make_shop
from pytestqt.qtbot import QtBot

from orderapp.gui.context import AppContext
from orderapp.gui.orders_screen import OrdersScreen, create_screen
from orderapp.store.database import Database


@pytest.fixture
def products(shop: Database) -> Shop:
    return make_shop(shop)


@pytest.fixture
def screen(qtbot: QtBot, shop: Database, products: Shop, sync_tasks: object) -> Iterator[OrdersScreen]:
    widget = create_screen(AppContext(shop, station="TILL-1"))
    assert isinstance(widget, OrdersScreen)
    qtbot.addWidget(widget)
    widget.resize(1366, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
