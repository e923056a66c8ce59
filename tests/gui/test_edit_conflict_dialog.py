"""Saving a product or the settings another PC changed meanwhile: the person sees what changed and
chooses to take their version or save over it; nothing is overwritten silently."""

from __future__ import annotations

from dataclasses import replace

import pytest
from gui_helpers import DialogDriver, commit_text
from PySide6.QtWidgets import QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from orderapp.domain.product_validation import BarcodeDraft, ProductDraft
from orderapp.gui.context import AppContext
from orderapp.gui.edit_conflict_dialog import EditConflictDialog
from orderapp.gui.product_form import ProductFormDialog
from orderapp.services.settings.shop import load_settings, save_settings
from orderapp.services.stock import catalogue
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID


@pytest.fixture
def tea(shop: Database) -> catalogue.ProductDetail:
    draft = ProductDraft(
        sku="TEA-001", name="西湖龙井 Longjing", price_cents=8800, barcodes=(BarcodeDraft("6901234567892"),)
    )
    return catalogue.create_product(shop, draft, user_id=DEFAULT_USER_ID)


def choose(button: str, seen: list[list[tuple[str, ...]]]) -> object:
    def step(dialog: QWidget) -> None:
        assert isinstance(dialog, EditConflictDialog)
        table = dialog.findChild(QTableWidget, "conflict_changes")
        assert table is not None
        seen.append(
            [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]
        )
        clicked = dialog.findChild(QPushButton, button)
        assert clicked is not None
        clicked.click()

    return step


def _form(qtbot: QtBot, shop: Database, detail: catalogue.ProductDetail) -> ProductFormDialog:
    form = ProductFormDialog(AppContext(shop), detail, currency="CNY")
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    with qtbot.waitSignal(form.validated, timeout=5000):
        pass
    return form


def _price_changed_elsewhere(shop: Database, detail: catalogue.ProductDetail) -> None:
    catalogue.update_product(shop, detail.id, replace(detail.draft(), price_cents=9900), user_id=DEFAULT_USER_ID)


def test_take_their_version_shows_it_in_the_form(qtbot: QtBot, shop: Database, tea: catalogue.ProductDetail) -> None:
    form = _form(qtbot, shop, tea)
    with qtbot.waitSignal(form.validated, timeout=5000):
        commit_text(form.inputs["name"], " 特级")
    _price_changed_elsewhere(shop, tea)
    seen: list[list[tuple[str, ...]]] = []
    driver = DialogDriver(choose("conflict_reload", seen))
    form.save_button.click()
    qtbot.waitUntil(lambda: bool(seen) and form.inputs["price_cents"].text() == "99.00", timeout=5000)
    driver.check()
    assert seen == [[("Price", "88.00", "99.00")]]
    assert form.isVisible() and form.inputs["name"].text() == "西湖龙井 Longjing"  # theirs, mine dropped
    stored = catalogue.get_product(shop, tea.id)
    assert (stored.name, stored.price_cents) == ("西湖龙井 Longjing", 9900)
    with qtbot.waitSignal(form.validated, timeout=5000):
        commit_text(form.inputs["name"], " 新")
    with qtbot.waitSignal(form.saved, timeout=5000):  # a save after reloading goes through
        form.save_button.click()
    assert catalogue.get_product(shop, tea.id).name == "西湖龙井 Longjing 新"


def test_save_mine_over_it(qtbot: QtBot, shop: Database, tea: catalogue.ProductDetail) -> None:
    form = _form(qtbot, shop, tea)
    with qtbot.waitSignal(form.validated, timeout=5000):
        commit_text(form.inputs["name"], " 特级")
    _price_changed_elsewhere(shop, tea)
    seen: list[list[tuple[str, ...]]] = []
    driver = DialogDriver(choose("conflict_overwrite", seen))
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save_button.click()
    driver.check()
    stored = catalogue.get_product(shop, tea.id)
    assert (stored.name, stored.price_cents) == ("西湖龙井 Longjing 特级", 8800)


def test_settings_changed_elsewhere_can_be_reloaded(qtbot: QtBot, window: object, shop: Database) -> None:
    screen = window.settings_screen()  # type: ignore[attr-defined]
    window.show_screen("settings")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: screen._stored is not None, timeout=5000)
    opened = load_settings(shop)
    save_settings(shop, replace(opened, address="上海市徐汇区漕溪北路88号"))  # another PC
    commit_text(screen.name, " 2")
    seen: list[list[tuple[str, ...]]] = []
    driver = DialogDriver(choose("conflict_reload", seen))
    screen.save()
    qtbot.waitUntil(lambda: bool(seen) and screen.address.toPlainText().startswith("上海"), timeout=5000)
    driver.check()
    assert seen == [[("Address", "", "上海市徐汇区漕溪北路88号")]]
    assert load_settings(shop).name == opened.name  # mine was not stored
