"""The registry of screens: every entry imports, builds, and is what the window shows under its key."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from orderapp.gui import tasks
from orderapp.gui.context import AppContext
from orderapp.gui.main_window import MainWindow
from orderapp.gui.screen_registry import ScreenEntry, build_screen, screen_entries
from orderapp.store.database import Database

ENTRIES = screen_entries()


def test_the_registry_lists_each_screen_once_in_navigation_order() -> None:
    keys = [entry.key for entry in ENTRIES]
    assert keys == [
        "dashboard",
        "orders",
        "packing",
        "inventory",
        "counts",
        "reports",
        "customers",
        "exceptions",
        "settings",
    ]
    assert len({entry.module for entry in ENTRIES}) == len(ENTRIES)
    assert all(entry.title.strip() for entry in ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.key for entry in ENTRIES])
def test_each_screen_imports_and_builds(qtbot: QtBot, shop: Database, entry: ScreenEntry) -> None:
    screen = build_screen(entry, AppContext(shop, station="REGISTRY"))
    qtbot.addWidget(screen)
    assert isinstance(screen, QWidget)
    assert type(screen).__name__ == entry.class_name
    assert type(screen).__module__ == entry.module
    screen.show()
    qtbot.waitExposed(screen)
    tasks.current_runner().wait(10_000)  # its first loads finish before the shop is closed


def test_a_misnamed_entry_fails_loudly_instead_of_becoming_an_empty_screen(shop: Database) -> None:
    wrong = ScreenEntry("orders", "Orders", "orderapp.gui.order_screen", "OrdersScreen")
    with pytest.raises(ModuleNotFoundError):
        build_screen(wrong, AppContext(shop))
    renamed = ScreenEntry("orders", "Orders", "orderapp.gui.orders_screen", "OrderScreen")
    with pytest.raises(KeyError):
        build_screen(renamed, AppContext(shop))


def test_the_window_shows_the_registered_class_under_each_key(qtbot: QtBot, shop: Database) -> None:
    window = MainWindow(shop)
    qtbot.addWidget(window)
    for entry in ENTRIES:
        screen = window.screen_for(entry.key)
        assert type(screen).__name__ == entry.class_name
        assert screen.objectName() == f"screen_{entry.key}"
    tasks.current_runner().wait(10_000)
