"""A shop upgraded with one GTIN on two products opens, and the window says so (without blocking);
a shop without conflicts shows nothing."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from orderapp.gui import tasks
from orderapp.gui.main_window import MainWindow
from orderapp.store import migrations
from orderapp.store.database import Database
from orderapp.store.opening import open_database

CONFLICT = (("OOL-1", "Oolong Tea", "036000291452", "upca"), ("OOL-2", "乌龙茶", "0036000291452", "ean13"))


def _old_shop_with_a_conflict(path: Path) -> None:
    old = Database(str(path))
    try:
        with old.write_engine.begin() as conn:
            command.upgrade(migrations.alembic_config(conn), "0004")
            for pid, (sku, name, code, symbology) in enumerate(
                (("OOL-1", "Oolong Tea", "036000291452", "upca"), ("OOL-2", "乌龙茶", "0036000291452", "ean13")),
                start=1,
            ):
                conn.execute(
                    text(
                        "INSERT INTO product (id, sku, name, category, location, unit, price_cents, cost_cents,"
                        " reorder_point, reorder_qty, on_hand, reserved, active, created_at, updated_at)"
                        " VALUES (:id, :sku, :name, '', '', '', 0, 0, 0, 0, 0, 0, 1, '2026-11-01', '2026-11-01')"
                    ),
                    {"id": pid, "sku": sku, "name": name},
                )
                conn.execute(
                    text(
                        "INSERT INTO product_barcode (product_id, code, symbology, kind, pack_qty)"
                        " VALUES (:id, :code, :symbology, 'unit', 1)"
                    ),
                    {"id": pid, "code": code, "symbology": symbology},
                )
    finally:
        old.dispose()


def _notice(window: MainWindow) -> QMessageBox | None:
    return window.findChild(QMessageBox, "barcode_conflicts")


def test_the_window_opens_and_names_both_products(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _old_shop_with_a_conflict(path)
    database = open_database(str(path))  # upgrades, as the app does on start
    try:
        window = MainWindow(database, screens={})
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: _notice(window) is not None, timeout=10_000)
        notice = _notice(window)
        assert notice is not None and not notice.isModal()
        assert "will not guess" in notice.text()
        assert "036000291452 on OOL-1 “Oolong Tea”" in notice.informativeText()
        assert "0036000291452 on OOL-2 “乌龙茶”" in notice.informativeText()
        assert "Barcodes on two products: 1." in window.statusBar().currentMessage()
        assert window.isVisible()  # the window works behind it
        notice.close()
    finally:
        tasks.current_runner().wait(10_000)
        database.dispose()


def test_a_shop_without_conflicts_shows_nothing(qtbot: QtBot, window: MainWindow) -> None:
    tasks.current_runner().wait(10_000)
    qtbot.wait(50)
    assert _notice(window) is None
