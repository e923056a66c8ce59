"""Every screen of the main window, in navigation order: key, title, module, class.

A plain table, read by the main window: a screen is added, renamed or moved here, and a test builds
each one (tests/gui/test_screen_registry.py), so a renamed module fails a test instead of quietly
disappearing from the window. Modules are imported when a screen is first shown, so a screen's heavy
imports (ReportLab, OpenCV) never slow the start.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from orderapp.gui.context import AppContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@dataclass(frozen=True)
class ScreenEntry:
    key: str  # "orders": the object name is screen_<key>; Ctrl+<row> shows it
    title: str  # translated
    module: str
    class_name: str  # built as class_name(context), or class_name(context.database) when takes_database
    takes_database: bool = False
    gets_context: bool = False  # also given the context as a keyword (who is signed in, for Settings)


def screen_entries() -> tuple[ScreenEntry, ...]:
    """The table, titles translated into the language installed now."""
    return (
        ScreenEntry("dashboard", _tr("Dashboard"), "orderapp.gui.dashboard_screen", "DashboardScreen", True),
        ScreenEntry("orders", _tr("Orders"), "orderapp.gui.orders_screen", "OrdersScreen"),
        ScreenEntry("packing", _tr("Packing"), "orderapp.gui.packing_screen", "PackingScreen"),
        ScreenEntry("inventory", _tr("Inventory"), "orderapp.gui.inventory_screen", "InventoryScreen"),
        ScreenEntry("counts", _tr("Counts"), "orderapp.gui.counts_screen", "CountsScreen"),
        ScreenEntry("reports", _tr("Reports"), "orderapp.gui.reports_screen", "ReportsScreen"),
        ScreenEntry("customers", _tr("Customers"), "orderapp.gui.customers_screen", "CustomersScreen"),
        ScreenEntry("exceptions", _tr("Exceptions"), "orderapp.gui.exceptions_screen", "ExceptionsScreen"),
        ScreenEntry("settings", _tr("Settings"), "orderapp.gui.settings_screen", "SettingsScreen", True, True),
    )


def build_screen(entry: ScreenEntry, context: AppContext) -> QWidget:
    """Import the entry's module (the first time) and make its screen."""
    screen_class = vars(importlib.import_module(entry.module))[entry.class_name]
    if entry.gets_context:
        screen: QWidget = screen_class(context.database, context=context)
    else:
        screen = screen_class(context.database if entry.takes_database else context)
    return screen
