"""A walk through every screen and dialog of the main window, as a person would open them, for the
checks that apply to all of them (access keys, layout). Each step leaves one screen or dialog
showing and yields its name and the widget to check (the window, or the dialog)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from orderapp.gui.inventory_screen import InventoryScreen
from orderapp.gui.main_window import MainWindow
from orderapp.gui.order_form_view import FormMode
from orderapp.gui.orders_screen import OrdersScreen
from orderapp.store.database import Database
from orderapp.store.models import Order, Product

# Screens whose own fixes belong to the packing and counts work (issue 11's packing and counts points).
PACKING_AND_COUNTS = ("packing", "counts")


def settle(qtbot: QtBot, ms: int = 50) -> None:
    QApplication.processEvents()
    qtbot.wait(ms)


def tour(
    qtbot: QtBot, window: MainWindow, database: Database, size: QSize | None = None
) -> Iterator[tuple[str, QWidget]]:
    """With ``size``, the window is given that size again before each screen is shown (so a screen
    that grew the window is not blamed on the next one)."""
    with database.session() as session:
        order_id = session.scalar(select(Order.id).order_by(Order.id.desc()).limit(1))
        product_id = session.scalar(select(Product.id).order_by(Product.name.desc()).limit(1))
    for key in window.keys:
        if size is not None:
            window.show_screen("dashboard")  # from a narrow screen, so a wide one cannot hold the size
            window.resize(size)
            settle(qtbot)
        window.show_screen(key)
        settle(qtbot, 300)
        yield key, window
        if key == "orders":
            orders = window.screen_for("orders")
            assert isinstance(orders, OrdersScreen)
            if order_id is not None:
                with qtbot.waitSignal(orders.order_opened, timeout=10_000):
                    orders.show_order(order_id)
                settle(qtbot)
                yield "orders/detail", window
            for mode in (FormMode.NEW, FormMode.WALK_IN):
                with qtbot.waitSignal(orders.form_opened, timeout=10_000):
                    orders.open_form(mode)
                settle(qtbot, 150)
                yield f"orders/form {mode}", window
        if key == "inventory":
            inventory = window.screen_for("inventory")
            assert isinstance(inventory, InventoryScreen)
            if product_id is not None:
                with qtbot.waitSignal(inventory.product_shown, timeout=10_000):
                    inventory.select_product(product_id) or inventory.load_detail(product_id)
                settle(qtbot, 300)
                yield "inventory/detail", window
            openers: list[tuple[str, Callable[[], QDialog | None]]] = [
                ("new product", functools.partial(inventory.open_product_form, new=True)),
                ("product form", inventory.open_product_form),
                ("receive", inventory.open_receive),
                ("adjust", inventory.open_adjust),
                ("history", inventory.open_history),
            ]
            for name, opener in openers:
                dialog = opener()
                if dialog is None:
                    continue
                qtbot.waitExposed(dialog)
                settle(qtbot, 150)
                yield f"inventory/{name}", dialog
                dialog.reject()
                settle(qtbot)
