"""The customers screen as a shopkeeper uses it: find a customer, fix a detail (a bad phone is
explained under its field), tag them VIP, read their orders, and merge a duplicate."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from order_shop import Shop, make_shop
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from return_shop import shipped
from sqlalchemy import func, select

from orderapp.domain.order_validation import LineDraft
from orderapp.gui.context import AppContext
from orderapp.gui.customer_duplicates_dialog import DuplicatesDialog
from orderapp.gui.customers_screen import CustomersScreen, create_screen
from orderapp.services.customers.tags import customer_tags
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order


@pytest.fixture
def products(shop: Database) -> Shop:
    return make_shop(shop)


@pytest.fixture
def screen(qtbot: QtBot, shop: Database, products: Shop, sync_tasks: object) -> Iterator[CustomersScreen]:
    shipped(shop, LineDraft(code="TEA-001", qty="2"), name="王小明")
    shipped(shop, LineDraft(code="NDL-002"), name="王小明")
    shipped(shop, LineDraft(code="TEA-001"), name="Alice Chen")
    widget = create_screen(AppContext(shop))
    assert isinstance(widget, CustomersScreen)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def names(screen: CustomersScreen) -> list[str]:
    return [screen.table.item(row, 0).text() for row in range(screen.table.rowCount())]  # type: ignore[union-attr]


def test_find_edit_and_tag_a_customer(qtbot: QtBot, screen: CustomersScreen, shop: Database) -> None:
    assert sorted(names(screen)) == ["Alice Chen", "王小明", "王小明"]  # one phone each: two customers called 王小明
    qtbot.keyClicks(screen.search, "alice")
    qtbot.waitUntil(lambda: names(screen) == ["Alice Chen"], timeout=3000)
    screen.table.selectRow(0)
    assert screen.history is not None and screen.history.customer.name == "Alice Chen"
    assert screen.orders.rowCount() == 1
    assert screen.summary.text() == "Orders: 1 · spent ¥25.00"

    screen.edits["phone"].setText("12345")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.errors["phone"].isVisible()
    assert "phone" in screen.errors["phone"].text().lower()
    screen.edits["phone"].setText("139 0000 1111")
    screen.vip.setChecked(True)
    screen.other_tags.setText("wholesale")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert not screen.errors["phone"].isVisible()
    customer_id = screen.history.customer.id
    with shop.session() as session:
        assert session.get_one(Customer, customer_id).phone == "+8613900001111"
        assert customer_tags(session, customer_id) == frozenset({"vip", "wholesale"})
    screen.search.clear()
    screen.tag_filter.setCurrentIndex(screen.tag_filter.findData("vip"))
    qtbot.waitUntil(lambda: names(screen) == ["Alice Chen"], timeout=3000)
    assert screen.table.item(0, 4).text() == "VIP wholesale"  # type: ignore[union-attr]


def test_a_duplicate_is_merged_and_keeps_every_order(qtbot: QtBot, screen: CustomersScreen, shop: Database) -> None:
    with shop.session() as session:
        before = session.scalar(select(func.count()).select_from(Order))
    qtbot.mouseClick(screen.duplicates_button, Qt.MouseButton.LeftButton)
    dialog = screen.duplicates_dialog
    assert isinstance(dialog, DuplicatesDialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text() == "same name and address"  # type: ignore[union-attr]
    asked: list[str] = []
    dialog.confirm = lambda question: asked.append(question) is None and False  # the user says no first
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "Merge 王小明" in asked[0]
    with shop.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 3
    dialog.confirm = lambda question: True
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert "Merged; orders moved: 1." in dialog.problem.text()
    assert dialog.table.rowCount() == 0 and dialog.intro.text() == "No duplicate customers found."
    with shop.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 2
        assert session.scalar(select(func.count()).select_from(Order)) == before
    qtbot.waitUntil(lambda: sorted(names(screen)) == ["Alice Chen", "王小明"], timeout=3000)
    assert screen.history is not None and len(screen.history.orders) == 2
