"""The main window: the shop's name in the title, every screen reachable by mouse and keyboard."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from gui_helpers import SHOP_NAME, show_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from orderapp.gui.app import arm_startup_report
from orderapp.gui.context import AppContext
from orderapp.gui.main_window import MainWindow
from orderapp.store.database import Database

SCREENS = ["dashboard", "orders", "packing", "inventory", "counts", "reports", "customers", "exceptions", "settings"]
TITLES = ["Dashboard", "Orders", "Packing", "Inventory", "Counts", "Reports", "Customers", "Exceptions", "Settings"]


def test_the_title_names_the_shop(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.windowTitle() == f"OrderApp – {SHOP_NAME}")


def test_the_demo_shop_says_so_in_the_title(qtbot: QtBot, demo_shop: Database) -> None:
    window = show_window(qtbot, demo_shop, demo=True)
    qtbot.waitUntil(lambda: window.windowTitle() == "OrderApp – 示例小店 Demo Corner Shop (demo)")


def test_the_status_bar_says_where_the_database_is(window: MainWindow, shop_path: Path) -> None:
    label = window.statusBar().findChild(QLabel, "status_database")
    assert label is not None and label.isVisible()
    assert str(shop_path) in label.text()


def test_the_navigation_lists_every_screen_with_its_shortcut(window: MainWindow) -> None:
    navigation = window.navigation
    assert [navigation.item(row).text() for row in range(navigation.count())] == TITLES
    for row in range(navigation.count()):
        assert f"Ctrl+{row + 1}" in navigation.item(row).toolTip()


def test_the_dashboard_is_shown_first(window: MainWindow) -> None:
    assert window.stack.currentWidget().objectName() == "screen_dashboard"
    assert window.navigation.currentRow() == 0


@pytest.mark.parametrize("row, key", list(enumerate(SCREENS)))
def test_clicking_an_entry_shows_its_screen(qtbot: QtBot, window: MainWindow, row: int, key: str) -> None:
    navigation = window.navigation
    rect = navigation.visualItemRect(navigation.item(row))
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    shown = window.stack.currentWidget()
    assert shown.objectName() == f"screen_{key}"
    assert shown.isVisible()
    assert navigation.item(row).text() == TITLES[row]
    assert window.screen_for(key) is shown


def test_ctrl_and_a_number_switch_screens(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for number, key in reversed(list(enumerate(SCREENS, start=1))):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget().objectName() == f"screen_{key}"
        assert window.navigation.currentRow() == number - 1


def test_arrow_keys_in_the_navigation_move_between_screens(qtbot: QtBot, window: MainWindow) -> None:
    window.navigation.setFocus()
    for key in SCREENS[1:]:
        qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
        assert window.stack.currentWidget().objectName() == f"screen_{key}"


def test_the_window_remembers_its_size(qtbot: QtBot, shop: Database) -> None:
    first = show_window(qtbot, shop)
    first.resize(640, 480)  # inside the offscreen screen (800x600)
    first.close()
    second = show_window(qtbot, shop)
    assert (second.width(), second.height()) == (640, 480)


def test_the_about_box_names_the_version(window: MainWindow) -> None:
    from orderapp import __version__

    assert f"OrderApp {__version__}" in window.about_text()


def test_the_start_up_report_is_written_once_figures_are_painted(qtbot: QtBot, shop: Database, tmp_path: Path) -> None:
    target = tmp_path / "ready.json"
    window = MainWindow(shop)
    qtbot.addWidget(window)
    arm_startup_report(window, str(target))
    window.show()
    qtbot.waitUntil(target.exists, timeout=10_000)
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["pid"] == os.getpid()
    assert isinstance(report["ready_at"], float)
    assert not Path(str(target) + ".tmp").exists()


def test_a_screen_factory_stands_in_for_the_registered_screen_when_first_shown(qtbot: QtBot, shop: Database) -> None:
    made: list[AppContext] = []

    def orders_screen(context: AppContext) -> QWidget:
        made.append(context)
        return QLabel("the real orders screen")

    window = MainWindow(shop, screens={"orders": orders_screen})
    qtbot.addWidget(window)
    window.show()
    assert made == []  # nothing is made before it is wanted
    with qtbot.waitSignal(window.screen_built) as built:
        window.show_screen("orders")
    assert built.args is not None and built.args[0] == "orders"
    shown = window.stack.currentWidget()
    assert isinstance(shown, QLabel) and shown.text() == "the real orders screen"
    assert shown.objectName() == "screen_orders"
    assert made[0].database is shop
    window.show_screen("dashboard")
    window.show_screen("orders")
    assert len(made) == 1
