"""The Inventory screen: the products list page by page, searching and filtering, the figures
shown, receiving, adjusting, movement history, deactivating, the reorder list and export."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from orderapp.domain import product_csv
from orderapp.domain.product_validation import BarcodeDraft, BarcodeKind, ProductDraft
from orderapp.gui.context import AppContext
from orderapp.gui.inventory_screen import InventoryScreen, create_screen
from orderapp.gui.product_table import AVAILABLE, ON_HAND, SKU
from orderapp.gui.stock_dialogs import AdjustDialog, ReceiveDialog
from orderapp.services.stock import catalogue
from orderapp.services.stock import shelf as stock
from orderapp.services.stock.catalogue import ProductQuery, StatusFilter
from orderapp.services.stock.ledger import sell
from orderapp.services.stock.shelf import AdjustReason
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

USER = DEFAULT_USER_ID
TEA, TEA_CASE = "6901234567892", "16901234567899"


def add(shop: Database, sku: str, name: str, qty: int, **fields: object) -> int:
    draft = ProductDraft(sku=sku, name=name, **fields)  # type: ignore[arg-type]
    product_id = catalogue.create_product(shop, draft, user_id=USER).id
    if qty:
        stock.receive_stock(shop, product_id, qty, user_id=USER, supplier_reference="OPENING")
    return product_id


@pytest.fixture
def products(shop: Database) -> dict[str, int]:
    found = {
        "tea": add(
            shop,
            "TEA-001",
            "西湖龙井 Longjing",
            10,
            category="Tea",
            location="A-01-1",
            reorder_point=12,
            reorder_qty=20,
            cost_cents=4000,
            barcodes=(BarcodeDraft(TEA), BarcodeDraft(TEA_CASE, BarcodeKind.CASE, 12)),
        ),
        "jasmine": add(shop, "TEA-002", "茉莉花茶 Jasmine", 30, category="Tea", location="A-02-1", reorder_point=5),
        "rice": add(shop, "RICE-001", "东北大米 Rice 5kg", 8, category="Rice", location="B-01-1", reorder_point=2),
    }
    with shop.session(write=True) as session:  # two jasmine reserved by an order
        from orderapp.services.stock.ledger import record_movement

        record_movement(session, found["jasmine"], "reserve", 0, 2, user_id=USER, reason="order", reference="SO-1")
        session.commit()
    return found


@pytest.fixture
def screen(qtbot: QtBot, shop: Database, products: dict[str, int]) -> Iterator[InventoryScreen]:
    widget = create_screen(AppContext(shop, station="INV-1"))
    assert isinstance(widget, InventoryScreen)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.product_shown, timeout=5000):
        widget.resize(1200, 700)
        widget.show()
    yield widget


def search(qtbot: QtBot, screen: InventoryScreen, text: str) -> list[tuple[str, ...]]:
    with qtbot.waitSignal(screen.products_loaded, timeout=5000):
        screen.search.setText(text)
        screen.apply_query()
    return screen.rows_shown()


def choose(qtbot: QtBot, screen: InventoryScreen, sku: str) -> None:
    rows = search(qtbot, screen, sku)
    assert [r[SKU] for r in rows] == [sku]
    qtbot.waitUntil(lambda: screen.detail is not None and screen.detail.sku == sku, timeout=5000)


def test_the_list_shows_on_hand_reserved_and_available(qtbot: QtBot, screen: InventoryScreen) -> None:
    rows = {r[SKU]: r for r in screen.rows_shown()}
    assert set(rows) == {"TEA-001", "TEA-002", "RICE-001"}
    assert (rows["TEA-002"][ON_HAND], rows["TEA-002"][ON_HAND + 1], rows["TEA-002"][AVAILABLE]) == ("30", "2", "28")
    assert rows["TEA-001"][4] == "¥0.00"
    qtbot.waitUntil(lambda: screen.count_label.text() == "3 products", timeout=5000)


def test_search_finds_by_sku_name_or_barcode(qtbot: QtBot, screen: InventoryScreen) -> None:
    assert [r[SKU] for r in search(qtbot, screen, "rice")] == ["RICE-001"]
    assert [r[SKU] for r in search(qtbot, screen, "茉莉")] == ["TEA-002"]
    assert [r[SKU] for r in search(qtbot, screen, TEA_CASE)] == ["TEA-001"]
    assert search(qtbot, screen, "nothing like this") == []
    qtbot.waitUntil(
        lambda: screen.count_label.text() == "No product matches; check the search or the filters.", timeout=5000
    )


def test_filters_low_stock_category_location_and_inactive(
    qtbot: QtBot, screen: InventoryScreen, shop: Database, products: dict[str, int]
) -> None:
    with qtbot.waitSignal(screen.products_loaded, timeout=5000):
        screen.low_stock_filter.setChecked(True)
    assert [r[SKU] for r in screen.rows_shown()] == ["TEA-001"]  # 10 available, reorder point 12
    with qtbot.waitSignal(screen.products_loaded, timeout=5000):
        screen.low_stock_filter.setChecked(False)
    qtbot.waitUntil(lambda: screen.category_filter.findText("Rice") >= 0, timeout=5000)
    with qtbot.waitSignal(screen.products_loaded, timeout=5000):
        screen.category_filter.setCurrentIndex(screen.category_filter.findText("Rice"))
    assert [r[SKU] for r in screen.rows_shown()] == ["RICE-001"]
    with qtbot.waitSignal(screen.products_loaded, timeout=5000):
        screen.category_filter.setCurrentIndex(0)
    with qtbot.waitSignal(screen.products_loaded, timeout=5000):
        screen.location_filter.setEditText("A")
    assert sorted(r[SKU] for r in screen.rows_shown()) == ["TEA-001", "TEA-002"]
    with qtbot.waitSignal(screen.products_loaded, timeout=5000):
        screen.location_filter.setEditText("")
    catalogue.set_active(shop, products["rice"], False, user_id=USER)
    with qtbot.waitSignal(screen.products_loaded, timeout=5000):
        screen.status_filter.setCurrentIndex(screen.status_filter.findData(StatusFilter.INACTIVE.value))
    assert [(r[SKU], r[1]) for r in screen.rows_shown()] == [("RICE-001", "东北大米 Rice 5kg (inactive)")]


def test_the_list_loads_page_by_page_and_is_a_sound_model(
    qtbot: QtBot, qtmodeltester: object, demo_shop: Database, sync_tasks: object
) -> None:
    screen = create_screen(AppContext(demo_shop))
    assert isinstance(screen, InventoryScreen)
    qtbot.addWidget(screen)
    model = screen.model
    total = catalogue.count_products(demo_shop, ProductQuery())
    assert total > model.PAGE
    assert model.rowCount() == model.PAGE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == total and not model.canFetchMore()
    skus = [r[SKU] for r in screen.rows_shown()]
    assert skus == sorted(skus) and len(set(skus)) == total
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_receiving_stock_changes_the_figures_shown_and_the_history(
    qtbot: QtBot, screen: InventoryScreen, shop: Database
) -> None:
    choose(qtbot, screen, "TEA-001")
    assert screen.figures_shown() == ("10", "0", "10")
    dialog = screen.open_receive()
    assert isinstance(dialog, ReceiveDialog)
    dialog.qty_spin(0).setValue(5)
    qtbot.keyClicks(dialog.reference, "PO-2024-77")
    with qtbot.waitSignal(screen.product_shown, timeout=5000):
        dialog.save_button.click()
    assert screen.figures_shown() == ("15", "0", "15")
    assert screen.rows_shown()[0][ON_HAND] == "15"
    assert stock.stock_figures(shop, screen.detail.id).on_hand == 15  # type: ignore[union-attr]

    history = screen.open_history()
    assert history is not None
    qtbot.waitUntil(lambda: history.model.rowCount() == 2, timeout=5000)
    newest = [str(history.model.data(history.model.index(0, c))) for c in range(history.model.columnCount())]
    assert newest[1:] == ["Received", "+5", "15", "", "0", "Owner", "Delivery received", "PO-2024-77"]


def test_a_delivery_is_scanned_a_case_counting_its_pack(
    qtbot: QtBot, screen: InventoryScreen, shop: Database, products: dict[str, int]
) -> None:
    dialog = screen.open_receive(empty=True)
    for code in (TEA, TEA_CASE, "RICE-001", "4006381333931"):
        dialog.code.setText(code)
        with qtbot.waitSignal(dialog.line_added if code != "4006381333931" else dialog.problem_shown, timeout=5000):
            dialog.code.returnPressed.emit()
    assert dialog.problem.text().startswith("No product has the code 4006381333931.")
    assert [(line.sku, line.qty) for line in dialog.lines] == [("TEA-001", 13), ("RICE-001", 1)]
    with qtbot.waitSignal(screen.stock_changed, timeout=5000):
        dialog.save_button.click()
    assert stock.stock_figures(shop, products["tea"]).on_hand == 23
    assert stock.stock_figures(shop, products["rice"]).on_hand == 9


def test_adjusting_with_a_reason_is_booked_and_too_much_is_refused(
    qtbot: QtBot, screen: InventoryScreen, shop: Database, products: dict[str, int]
) -> None:
    choose(qtbot, screen, "TEA-002")
    dialog = screen.open_adjust()
    assert isinstance(dialog, AdjustDialog)
    dialog.set_reason(AdjustReason.DAMAGED)
    dialog.qty.setValue(29)  # 30 on hand, 2 reserved: only 28 can go
    with qtbot.waitSignal(dialog.problem_shown, timeout=5000):
        dialog.save_button.click()
    assert dialog.problem.text().startswith("Only 28 can be taken away: 30 are on hand and 2 of them are reserved")
    assert stock.stock_figures(shop, products["jasmine"]).on_hand == 30

    dialog.qty.setValue(3)
    qtbot.keyClicks(dialog.note, "crushed box")
    assert dialog.result_label.text() == "On hand after: 27"
    with qtbot.waitSignal(screen.product_shown, timeout=5000):
        dialog.save_button.click()
    assert screen.figures_shown() == ("27", "2", "25")
    page = stock.movement_history(shop, products["jasmine"])
    assert (page.rows[0].kind, page.rows[0].qty_delta, page.rows[0].reason) == ("adjust", -3, "damaged: crushed box")


def test_a_product_with_history_is_deactivated_not_deleted(
    qtbot: QtBot, screen: InventoryScreen, shop: Database, products: dict[str, int]
) -> None:
    choose(qtbot, screen, "RICE-001")
    assert not screen.delete_button.isVisible()  # it has moved: it can only be deactivated
    with qtbot.waitSignal(screen.product_shown, timeout=5000):
        screen.deactivate_button.click()
    assert screen.detail_status.text() == "Inactive: not sold and not counted; its history is kept."
    assert screen.deactivate_button.text() == "Re&activate"
    assert catalogue.get_product(shop, products["rice"]).active is False


def test_a_new_product_is_added_from_the_screen(qtbot: QtBot, screen: InventoryScreen, shop: Database) -> None:
    form = screen.open_product_form(new=True)
    assert form is not None
    with qtbot.waitSignal(form.validated, timeout=5000):
        qtbot.keyClicks(form.inputs["sku"], "CUP-001")
        qtbot.keyClicks(form.inputs["name"], "Tea cup")
    with qtbot.waitSignal(screen.product_shown, timeout=5000):
        form.save_button.click()
    assert screen.detail is not None and screen.detail.sku == "CUP-001"
    assert screen.detail_barcodes.text().endswith("(in-store)")
    assert screen.delete_button.isVisible()


def test_the_reorder_list_suggests_quantities_and_exports_them(
    qtbot: QtBot, screen: InventoryScreen, shop: Database, tmp_path: Path
) -> None:
    with qtbot.waitSignal(screen.reorder.loaded, timeout=5000):
        screen.tabs.setCurrentIndex(1)
    table = screen.reorder.table
    assert table.rowCount() == 1
    row = [table.item(0, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]
    # 10 available, reorder at 12 + order 20: 22 wanted, rounded up to two cases of 12
    assert row[0] == "TEA-001" and row[-1] == "24 (2 cases)"
    target = tmp_path / "reorder.csv"
    with qtbot.waitSignal(screen.reorder.exported, timeout=5000):
        screen.reorder.export_to(target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert [(line["sku"], line["suggested_qty"], line["suggested_cases"]) for line in lines] == [("TEA-001", "24", "2")]


def test_reordering_follows_sales(
    qtbot: QtBot, screen: InventoryScreen, shop: Database, products: dict[str, int]
) -> None:
    with shop.session(write=True) as session:
        assert sell(session, products["rice"], 6, user_id=USER, order_id=None, allow_short=False)
        session.commit()
    with qtbot.waitSignal(screen.reorder.loaded, timeout=5000):
        screen.tabs.setCurrentIndex(1)
    assert sorted(line.sku for line in screen.reorder.lines) == ["RICE-001", "TEA-001"]


def test_export_writes_the_import_template(qtbot: QtBot, screen: InventoryScreen, tmp_path: Path) -> None:
    target = tmp_path / "products.csv"
    with qtbot.waitSignal(screen.exported, timeout=5000):
        screen.export_to(target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == product_csv.COLUMNS
    assert [r[0] for r in rows[1:]] == ["RICE-001", "TEA-001", "TEA-002"]
    assert rows[2][1] == "西湖龙井 Longjing"


def test_a_scanned_code_searches_for_its_product(qtbot: QtBot, screen: InventoryScreen) -> None:
    from orderapp.scanning.acceptance import Scan

    with qtbot.waitSignal(screen.products_loaded, timeout=5000):
        screen.wedge.scanned.emit(Scan(TEA_CASE, None, "wedge"))
    assert screen.search.text() == TEA_CASE
    assert [r[SKU] for r in screen.rows_shown()] == ["TEA-001"]
    assert isinstance(screen.search, QLineEdit)


def key_burst(widget: QWidget, code: str) -> None:
    """A USB scanner's burst: the characters as key presses, then Enter."""
    for char in code:
        key = Qt.Key(ord(char.upper())) if char.isalnum() else Qt.Key.Key_Minus
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))


def test_scanning_into_the_receive_dialog_adds_lines_and_never_books_by_itself(
    qtbot: QtBot, screen: InventoryScreen, shop: Database, products: dict[str, int]
) -> None:
    dialog = screen.open_receive(empty=True)
    qtbot.waitExposed(dialog)
    for code in (TEA_CASE, TEA):
        dialog.code.setFocus()
        with qtbot.waitSignal(dialog.line_added, timeout=5000):
            key_burst(dialog.code, code)
    assert [(line.sku, line.qty) for line in dialog.lines] == [("TEA-001", 13)]
    assert dialog.isVisible() and dialog.problem.isHidden()
    assert stock.stock_figures(shop, products["tea"]).on_hand == 10  # nothing booked until Receive


def test_enter_in_a_barcode_field_does_not_save_the_product(qtbot: QtBot, screen: InventoryScreen) -> None:
    form = screen.open_product_form(new=True)
    assert form is not None
    qtbot.waitExposed(form)
    with qtbot.waitSignal(form.validated, timeout=5000):
        qtbot.keyClicks(form.inputs["sku"], "CUP-002")
        qtbot.keyClicks(form.inputs["name"], "Cup")
    assert form.save_button.isEnabled()
    form.add_barcode_button.click()
    code = form.findChild(QLineEdit, "barcode_code_0")
    assert code is not None
    with qtbot.waitSignal(form.validated, timeout=5000):
        qtbot.keyClicks(code, "4006381333931")
    assert form.save_button.isEnabled()
    qtbot.keyClick(code, Qt.Key.Key_Return)  # as a scanner ends the code
    assert form.save_button.isEnabled()  # no save started (a save disables the button at once)
    assert form.isVisible() and form.detail is None


def test_the_main_window_builds_the_inventory_screen_on_first_visit(qtbot: QtBot, window: object) -> None:
    from orderapp.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.show_screen("inventory")
    screen = window.screen_for("inventory")
    assert isinstance(screen, InventoryScreen)
    assert screen.objectName() == "screen_inventory"
    qtbot.waitUntil(lambda: screen.count_label.text() == "No product matches; check the search or the filters.")
