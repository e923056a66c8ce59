"""Importing orders from the GUI: the preview names every problem by its row and nothing is written
until the file is clean; the import is all or nothing, a second import of the same file skips what
is there; long work shows progress and can be stopped; the bulk confirm confirms what the stock
allows and lists the rest with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from order_shop import Shop, figures, make_shop
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from orderapp.gui.context import AppContext
from orderapp.gui.order_import_dialog import BulkConfirmDialog, OrderImportDialog
from orderapp.store.database import Database
from orderapp.store.models import Order

HEADER = "order_ref,customer_name,phone,fulfilment,address1,city,postcode,sku,quantity\n"
GOOD = (
    HEADER
    + "WX-1,王小明,138 1234 5678,delivery,南京东路100号,上海,200001,TEA-001,2\n"
    + "WX-1,,,,,,,SOP-003,1\n"
    + "WX-2,李雷,139 0000 1111,pickup,,,,NDL-002,5\n"
)
BAD = GOOD.replace("SOP-003,1", "NOPE-9,1").replace("NDL-002,5", "NDL-002,two")


@pytest.fixture
def products(shop: Database) -> Shop:
    return make_shop(shop)


@pytest.fixture
def importer(qtbot: QtBot, shop: Database, products: Shop, sync_tasks: object) -> OrderImportDialog:
    dialog = OrderImportDialog(AppContext(shop))
    qtbot.addWidget(dialog.dialog)
    dialog.show()
    return dialog


def orders_count(shop: Database) -> int:
    with shop.session() as session:
        return int(session.scalar(select(func.count()).select_from(Order)) or 0)


def test_a_file_with_problems_is_previewed_with_row_numbers_and_cannot_be_imported(
    qtbot: QtBot, importer: OrderImportDialog, shop: Database, tmp_path: Path
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(BAD, encoding="gb18030")  # a Chinese Excel's own encoding
    importer.set_file(path)
    with qtbot.waitSignal(importer.previewed, timeout=5000):
        qtbot.mouseClick(importer.preview_button, Qt.MouseButton.LeftButton)
    rows = importer.problem_rows()
    assert [(row, kind) for row, kind, _what in rows] == [("3", "error"), ("4", "error")]
    assert "NOPE-9" in rows[0][2]
    assert "2 problems stop the import" in importer.summary.text()
    assert not importer.import_button.isEnabled()
    assert orders_count(shop) == 0


def test_a_clean_file_imports_once_and_the_second_time_is_skipped(
    qtbot: QtBot, importer: OrderImportDialog, shop: Database, products: Shop, tmp_path: Path
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(GOOD, encoding="utf-8-sig")
    importer.set_file(path, "generic")
    with qtbot.waitSignal(importer.previewed, timeout=5000):
        importer.preview()
    assert importer.summary.text().startswith("3 rows read: 2 orders to import (OrderApp template).")
    assert importer.import_button.isEnabled()
    with qtbot.waitSignal(importer.imported, timeout=5000) as done:
        qtbot.mouseClick(importer.import_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    assert len(result.numbers) == 2
    assert importer.result_label.text().startswith("Imported 2 orders (")
    assert orders_count(shop) == 2
    assert figures(shop, products.tea) == (10, 0)  # imported as received: nothing reserved yet
    assert importer.confirm_button.isVisible()

    with qtbot.waitSignal(importer.previewed, timeout=5000):
        importer.preview()
    assert [kind for _row, kind, _what in importer.problem_rows()] == ["skipped", "skipped"]
    assert not importer.import_button.isEnabled()
    assert orders_count(shop) == 2

    # Confirm what was imported: the stock allows the first order, not the second (5 noodles, 3 on hand).
    with qtbot.waitSignal(importer.confirm_requested, timeout=5000) as asked:
        qtbot.mouseClick(importer.confirm_button, Qt.MouseButton.LeftButton)
    confirmer = BulkConfirmDialog(AppContext(shop), asked.args[0])
    qtbot.addWidget(confirmer.dialog)
    confirmer.dialog.show()
    with qtbot.waitSignal(confirmer.finished, timeout=5000):
        qtbot.mouseClick(confirmer.start_button, Qt.MouseButton.LeftButton)
    assert confirmer.summary.text() == "Confirmed 1 orders. 1 could not be confirmed:"
    [(number, reason)] = confirmer.refused_rows()
    assert number == result.numbers[1]
    assert "3 available, 5 wanted" in reason
    assert figures(shop, products.tea) == (10, 2)
    assert figures(shop, products.noodles) == (3, 0)


def test_stopping_an_import_writes_nothing(
    qtbot: QtBot, importer: OrderImportDialog, shop: Database, tmp_path: Path
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(GOOD, encoding="utf-8")
    importer.set_file(path)
    with qtbot.waitSignal(importer.previewed, timeout=5000):
        importer.preview()
    stops: list[str] = []

    def press_stop(phase: str, _done: int, _total: int) -> None:
        if not stops:  # the first time the progress bar moves
            stops.append(phase)
            assert importer.stop_button.isVisible()
            qtbot.mouseClick(importer.stop_button, Qt.MouseButton.LeftButton)

    importer.progressed.connect(press_stop)
    with qtbot.waitSignal(importer.import_failed, timeout=5000) as failed:
        qtbot.mouseClick(importer.import_button, Qt.MouseButton.LeftButton)
    assert stops
    assert failed.args[0] == "Stopped; nothing was imported."
    assert orders_count(shop) == 0
    assert not importer.stop_button.isVisible()


def test_an_unreadable_file_is_explained(qtbot: QtBot, importer: OrderImportDialog, tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("name,colour\nx,blue\n", encoding="utf-8")
    importer.set_file(path)
    with qtbot.waitSignal(importer.preview_failed, timeout=5000) as failed:
        importer.preview()
    assert "columns are not those of a Shopify orders export" in failed.args[0]
    assert not importer.import_button.isEnabled()
