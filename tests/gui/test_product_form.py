"""The product form as a shopkeeper types into it: the message under the field, Save only when
nothing is wrong, and what Save stores."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_helpers import DialogDriver, commit_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from orderapp.domain.product_validation import BarcodeDraft, BarcodeKind, ProductDraft
from orderapp.gui.context import AppContext
from orderapp.gui.product_form import ProductFormDialog
from orderapp.services.stock import catalogue
from orderapp.services.stock.catalogue import ProductQuery
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

LONGJING = "西湖龙井 Longjing"


@pytest.fixture
def longjing(shop: Database) -> catalogue.ProductDetail:
    draft = ProductDraft(
        sku="TEA-001",
        name=LONGJING,
        category="Tea",
        price_cents=8800,
        barcodes=(BarcodeDraft("6901234567892"), BarcodeDraft("16901234567899", BarcodeKind.CASE, 12)),
    )
    return catalogue.create_product(shop, draft, user_id=DEFAULT_USER_ID)


@pytest.fixture
def new_form(qtbot: QtBot, shop: Database) -> Iterator[ProductFormDialog]:
    dialog = ProductFormDialog(AppContext(shop), None, currency="CNY")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog


def type_into(qtbot: QtBot, form: ProductFormDialog, widget: QLineEdit, text: str) -> None:
    """Type ASCII text, then wait until the form has checked it against the database too."""
    with qtbot.waitSignal(form.validated, timeout=5000):
        qtbot.keyClicks(widget, text)


def retype(qtbot: QtBot, form: ProductFormDialog, widget: QLineEdit, text: str) -> None:
    widget.selectAll()
    type_into(qtbot, form, widget, text)


def test_a_new_form_is_not_covered_in_red_but_cannot_be_saved_empty(new_form: ProductFormDialog) -> None:
    assert new_form.errors() == {}
    assert not new_form.save_button.isEnabled()
    assert "Type the product's SKU" in new_form.save_button.toolTip()


def test_a_wrong_check_digit_shows_under_the_barcode_and_fixing_it_enables_save(
    qtbot: QtBot, new_form: ProductFormDialog, shop: Database
) -> None:
    type_into(qtbot, new_form, new_form.inputs["sku"], "TEA-002")
    commit_text(new_form.inputs["name"], "碧螺春 Biluochun")
    new_form.add_barcode_button.click()
    code = new_form.findChild(QLineEdit, "barcode_code_0")
    assert code is not None
    type_into(qtbot, new_form, code, "6901234567893")

    label = new_form.findChild(QLabel, "error_barcodes[0].code")
    assert label is not None and label.isVisible()
    assert label.text() == (
        "6901234567893 has a wrong check digit (the last digit should be 2); a digit was probably typed wrong. "
        "Check the number on the pack or scan it."
    )
    assert not new_form.save_button.isEnabled()

    code.backspace()
    type_into(qtbot, new_form, code, "2")
    assert new_form.errors() == {}
    assert new_form.save_button.isEnabled()

    with qtbot.waitSignal(new_form.saved, timeout=5000) as saved:
        new_form.save_button.click()
    detail = saved.args[0]
    assert (detail.sku, detail.name, [b.code for b in detail.barcodes]) == (
        "TEA-002",
        "碧螺春 Biluochun",
        ["6901234567892"],
    )


def test_a_sku_another_product_has_is_named_under_the_sku_and_fixing_it_enables_save(
    qtbot: QtBot, new_form: ProductFormDialog, longjing: catalogue.ProductDetail, shop: Database
) -> None:
    commit_text(new_form.inputs["name"], "龙井 second harvest")
    type_into(qtbot, new_form, new_form.inputs["sku"], "TEA-001")

    assert new_form.error_for("sku") == (f"SKU TEA-001 is already used by “{LONGJING}”; give this product another SKU.")
    assert not new_form.save_button.isEnabled()

    new_form.inputs["sku"].backspace()
    type_into(qtbot, new_form, new_form.inputs["sku"], "9")
    assert new_form.error_for("sku") == ""
    assert new_form.save_button.isEnabled()

    with qtbot.waitSignal(new_form.saved, timeout=5000) as saved:
        new_form.save_button.click()
    # saved without a barcode: it gets an in-store EAN-13 starting 20
    codes = saved.args[0].barcodes
    assert len(codes) == 1 and codes[0].kind is BarcodeKind.INTERNAL and codes[0].code.startswith("20")
    assert catalogue.count_products(shop, ProductQuery(search="TEA-009")) == 1


def test_a_barcode_another_product_has_is_refused_naming_that_product(
    qtbot: QtBot, new_form: ProductFormDialog, longjing: catalogue.ProductDetail
) -> None:
    type_into(qtbot, new_form, new_form.inputs["sku"], "TEA-003")
    commit_text(new_form.inputs["name"], "Copy")
    new_form.add_barcode_button.click()
    code = new_form.findChild(QLineEdit, "barcode_code_0")
    assert code is not None
    type_into(qtbot, new_form, code, "6901234567892")
    assert new_form.error_for("barcodes[0].code").startswith(
        f"Barcode 6901234567892 already belongs to TEA-001 “{LONGJING}”"
    )
    assert not new_form.save_button.isEnabled()


def test_prices_and_reorder_figures_are_checked_as_typed(qtbot: QtBot, new_form: ProductFormDialog) -> None:
    retype(qtbot, new_form, new_form.inputs["price_cents"], "-3")
    assert new_form.error_for("price_cents") == "“-3” is negative; a price cannot be below 0."
    retype(qtbot, new_form, new_form.inputs["price_cents"], "12.5x")
    assert "is not an amount" in new_form.error_for("price_cents")
    retype(qtbot, new_form, new_form.inputs["reorder_point"], "two")
    assert new_form.error_for("reorder_point") == "“two” is not a whole number."
    retype(qtbot, new_form, new_form.inputs["price_cents"], "12.50")
    retype(qtbot, new_form, new_form.inputs["reorder_point"], "5")
    assert new_form.error_for("price_cents") == new_form.error_for("reorder_point") == ""


def test_a_case_barcode_needs_its_pack_quantity(qtbot: QtBot, new_form: ProductFormDialog) -> None:
    type_into(qtbot, new_form, new_form.inputs["sku"], "TEA-004")
    commit_text(new_form.inputs["name"], "Case tea")
    new_form.add_barcode_button.click()
    code = new_form.findChild(QLineEdit, "barcode_code_0")
    kind = new_form.findChild(QComboBox, "barcode_kind_0")
    pack = new_form.findChild(QSpinBox, "barcode_pack_0")
    assert code is not None and kind is not None and pack is not None
    with qtbot.waitSignal(new_form.validated, timeout=5000):
        kind.setCurrentIndex(kind.findText("Case"))
        qtbot.keyClicks(code, "16901234567899")
    assert new_form.error_for("barcodes[0].pack_qty") == "Type how many units one case holds (2 or more)."
    assert not new_form.save_button.isEnabled()
    with qtbot.waitSignal(new_form.validated, timeout=5000):
        pack.setValue(24)
    assert new_form.errors() == {}
    with qtbot.waitSignal(new_form.saved, timeout=5000) as saved:
        new_form.save_button.click()
    (barcode,) = saved.args[0].barcodes
    assert (barcode.kind, barcode.pack_qty) == (BarcodeKind.CASE, 24)


def test_editing_a_product_keeps_its_barcodes_and_shows_its_stock(
    qtbot: QtBot, shop: Database, longjing: catalogue.ProductDetail
) -> None:
    form = ProductFormDialog(AppContext(shop), longjing, currency="CNY")
    qtbot.addWidget(form)
    form.show()
    assert "On hand 0 · reserved 0 · available 0" in form.stock.text()
    assert form.inputs["price_cents"].text() == "88.00"
    with qtbot.waitSignal(form.validated, timeout=5000):
        pass
    assert form.save_button.isEnabled()
    retype(qtbot, form, form.inputs["price_cents"], "92")
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        form.save_button.click()
    detail = saved.args[0]
    assert detail.price_cents == 9200
    assert [(b.code, b.kind, b.pack_qty) for b in detail.barcodes] == [
        ("6901234567892", BarcodeKind.UNIT, 1),
        ("16901234567899", BarcodeKind.CASE, 12),
    ]


def test_esc_asks_before_throwing_edits_away(qtbot: QtBot, shop: Database, longjing: catalogue.ProductDetail) -> None:
    def answer(button: str) -> object:
        def step(box: QWidget) -> None:
            assert isinstance(box, QMessageBox) and "not been saved" in box.text()
            clicked = box.findChild(QPushButton, button)
            assert clicked is not None
            clicked.click()

        return step

    form = ProductFormDialog(AppContext(shop), longjing, currency="CNY")
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    name = form.inputs["name"]
    commit_text(name, " 特级")
    driver = DialogDriver(answer("keep_editing"))
    qtbot.keyClick(name, Qt.Key.Key_Escape)
    driver.check()
    assert form.isVisible() and name.text() == LONGJING + " 特级"  # nothing lost

    driver = DialogDriver(answer("discard_changes"))
    qtbot.keyClick(name, Qt.Key.Key_Escape)
    driver.check()
    assert not form.isVisible()
    assert catalogue.get_product(shop, longjing.id).name == LONGJING

    untouched = ProductFormDialog(AppContext(shop), longjing, currency="CNY")
    qtbot.addWidget(untouched)
    untouched.show()
    qtbot.waitExposed(untouched)
    qtbot.keyClick(untouched.inputs["name"], Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not untouched.isVisible()
