"""A walk through the dialogs and second views of the main window that screen_tour.py does not open:
imports, the reorder list, starting and reviewing a count, posting it, packing an order with its alert
and its "pack without full check" question, a print preview, a backup's restore preview, the packing
video player and the scanner test. ``visit`` calls ``look(name, widget)`` while each one shows, as a
person would see it, then closes it.

Dialogs that run their own event loop (``exec()``: the order import, the post question, the restore
preview) are looked at from a timer while they wait for an answer, then answered "no"."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from screen_tour import settle

from orderapp.gui.backup_restore import confirm_restore
from orderapp.gui.counts_screen import CountsScreen
from orderapp.gui.evidence_player import EvidencePlayer
from orderapp.gui.inventory_screen import InventoryScreen
from orderapp.gui.main_window import MainWindow
from orderapp.gui.orders_screen import OrdersScreen
from orderapp.gui.packing_dialogs import OverrideDialog
from orderapp.gui.packing_screen import PackingScreen
from orderapp.gui.settings_screen import SettingsScreen
from orderapp.scanning.acceptance import Scan
from orderapp.services.packing.queue import packing_queue
from orderapp.services.stock import counts
from orderapp.services.stock.counts import CountScope
from orderapp.store.database import Database

Look = Callable[[str, QWidget], None]
COUNT_TITLE = "货架 A 全部商品盘点 Shelf A, everything in the shop"


def while_modal(qtbot: QtBot, name: str, open_it: Callable[[], object], look: Look) -> None:
    """``open_it`` shows a dialog with ``exec()``; look at it while it waits, then close it."""
    failures: list[BaseException] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return
        timer.stop()
        try:
            settle(qtbot, 150)
            look(name, dialog)
        except BaseException as exc:  # raised after the dialog's loop has ended
            failures.append(exc)
        finally:
            if isinstance(dialog, QMessageBox) and dialog.escapeButton() is not None:
                dialog.escapeButton().click()
            elif isinstance(dialog, QDialog):
                dialog.reject()
            else:
                dialog.close()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(poll)
    timer.start()
    open_it()
    timer.stop()
    if failures:
        raise failures[0]


def show_dialog(qtbot: QtBot, name: str, dialog: QDialog | None, look: Look) -> None:
    if dialog is None:
        raise AssertionError(f"{name}: the dialog did not open")
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot, 150)
    look(name, dialog)
    dialog.reject()
    settle(qtbot)


def backup_copy(database: Database, folder: Path) -> Path:
    source = str(database.engine.url.database)
    target = folder / "shop-backup.sqlite"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def visit(qtbot: QtBot, window: MainWindow, database: Database, look: Look, folder: Path) -> list[str]:
    """Every dialog, one after another; returns the names looked at."""
    seen: list[str] = []

    def looked(name: str, widget: QWidget) -> None:
        seen.append(name)
        look(name, widget)

    # Inventory: the reorder list (its own tab) and the product import.
    window.show_screen("inventory")
    settle(qtbot, 200)
    inventory = window.screen_for("inventory")
    assert isinstance(inventory, InventoryScreen)
    inventory.tabs.setCurrentIndex(1)
    settle(qtbot, 400)
    looked("inventory/reorder", window)
    inventory.tabs.setCurrentIndex(0)
    show_dialog(qtbot, "inventory/import", inventory.open_import(), looked)

    # Orders: the order import (runs its own loop).
    window.show_screen("orders")
    settle(qtbot, 200)
    orders = window.screen_for("orders")
    assert isinstance(orders, OrdersScreen)
    while_modal(qtbot, "orders/import", orders.open_import, looked)

    # Counts: starting one, counting it, its review, posting it (the question), its count sheet.
    counts.start_count(database, CountScope.everything(), user_id=1, title=COUNT_TITLE)
    window.show_screen("counts")
    screen = window.screen_for("counts")
    assert isinstance(screen, CountsScreen)
    screen.load_counts()
    qtbot.waitUntil(lambda: screen.summary is not None and screen.lines_model.rowCount() > 0, timeout=10_000)
    show_dialog(qtbot, "counts/start", screen.open_start_dialog(), looked)
    sku = screen.lines_model.row_at(0).sku
    with qtbot.waitSignal(screen.entry_shown, timeout=10_000):
        screen.handle_scan(Scan(code=sku, symbology=None, source="wedge"))
    settle(qtbot, 150)
    looked("counts/counting", window)
    with qtbot.waitSignal(screen.review_shown, timeout=10_000):
        screen.open_review()
    settle(qtbot, 200)
    looked("counts/review", window)
    while_modal(qtbot, "counts/post question", screen.post, looked)
    with qtbot.waitSignal(screen.document_ready, timeout=30_000):
        screen.print_sheet()
    preview = screen.preview
    assert preview is not None
    show_dialog(qtbot, "counts/print preview", preview, looked)

    # Packing: an order open, a refused scan's alert, the "pack without full check" question.
    window.show_screen("packing")
    packing = window.screen_for("packing")
    assert isinstance(packing, PackingScreen)
    entries = packing_queue(database).entries
    with qtbot.waitSignal(packing.order_shown, timeout=10_000):
        packing.open_number(entries[0].number)
    settle(qtbot, 150)
    looked("packing/order", window)
    with qtbot.waitSignal(packing.alert_raised, timeout=10_000):
        packing.handle_scan(Scan(code="4006381333931", symbology=None, source="wedge"))
    alert = packing.alert
    assert alert is not None
    qtbot.waitExposed(alert)
    settle(qtbot, 150)
    looked("packing/alert", alert)
    qtbot.waitUntil(lambda: alert.armed, timeout=5000)  # it takes a moment before it can be dismissed
    alert.acknowledge()
    qtbot.waitUntil(lambda: not alert.isVisible(), timeout=5000)
    settle(qtbot)
    packing.ask_override()
    override = packing.findChild(OverrideDialog, "override_dialog")
    show_dialog(qtbot, "packing/override", override, looked)

    # Settings: the backup group's restore preview; the scanner test is a group of the screen.
    window.show_screen("settings")
    settings = window.screen_for("settings")
    assert isinstance(settings, SettingsScreen)
    settle(qtbot, 200)
    settings.scanner_test.setFocus()
    looked("settings/scanner test", window)
    backup = backup_copy(database, folder)
    while_modal(qtbot, "settings/restore preview", lambda: confirm_restore(window, backup, str(backup.parent)), looked)

    # The packing video player, for an order without a video (what a shopkeeper sees first).
    player = EvidencePlayer(database, entries[0].number, window)
    show_dialog(qtbot, "orders/packing video", player, looked)
    return seen
