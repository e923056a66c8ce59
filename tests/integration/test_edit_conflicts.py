"""Two PCs editing the same record: the second save is refused with what the first one changed (never
a silent overwrite), nothing of it is stored, and saving again knowingly over it works; on SQLite and
PostgreSQL, for orders, products, customers and the shop settings."""

from __future__ import annotations

from dataclasses import replace

import pytest
from order_shop import USER, Shop, delivery_draft, make_shop

from orderapp.domain.order_validation import LineDraft
from orderapp.services.customers.lookup import CustomerInput, create_customer, get_customer, update_customer
from orderapp.services.orders import placing as orders
from orderapp.services.settings.shop import ShopSettings, load_settings, save_settings
from orderapp.services.shop.edit_conflicts import EditConflict
from orderapp.services.stock import catalogue
from orderapp.services.stock.shelf import receive_stock
from orderapp.store.database import Database


@pytest.fixture
def shop(database: Database) -> Shop:
    return make_shop(database)


def _changes(conflict: EditConflict) -> list[tuple[str, str, str]]:
    return [(c.label, c.opened, c.now) for c in conflict.changes]


def test_a_product_changed_on_another_pc_is_not_overwritten(database: Database, shop: Shop) -> None:
    opened_here = catalogue.get_product(database, shop.tea)
    opened_there = catalogue.get_product(database, shop.tea)
    catalogue.update_product(
        database, shop.tea, replace(opened_there.draft(), price_cents=3000), user_id=USER, expected=opened_there
    )
    mine = replace(opened_here.draft(), name="茉莉花茶 Jasmine Tea 500g")
    with pytest.raises(EditConflict) as refused:
        catalogue.update_product(database, shop.tea, mine, user_id=USER, expected=opened_here)
    assert _changes(refused.value) == [("Price", "25.00", "30.00")]
    assert "Product TEA-001 was changed on another PC after you opened it (Price)" in str(refused.value)
    stored = catalogue.get_product(database, shop.tea)
    assert (stored.name, stored.price_cents) == ("茉莉花茶 Jasmine Tea 250g", 3000)
    assert refused.value.current == stored

    # Overwrite, knowingly: the form saves again against what it was shown.
    saved = catalogue.update_product(database, shop.tea, mine, user_id=USER, expected=refused.value.current)
    assert (saved.name, saved.price_cents) == ("茉莉花茶 Jasmine Tea 500g", 2500)


def test_stock_moving_meanwhile_is_no_conflict(database: Database, shop: Shop) -> None:
    opened = catalogue.get_product(database, shop.noodles)
    receive_stock(database, shop.noodles, 5, user_id=USER, supplier_reference="PO-1")
    orders.confirm_order(
        database, orders.place_order(database, delivery_draft(LineDraft(code="NDL-002")), user_id=USER).id, user_id=USER
    )
    saved = catalogue.update_product(
        database, shop.noodles, replace(opened.draft(), location="B-01"), user_id=USER, expected=opened
    )
    assert saved.location == "B-01" and (saved.on_hand, saved.reserved) == (8, 1)


def test_an_order_edited_on_two_pcs(database: Database, shop: Shop) -> None:
    placed = orders.place_order(database, delivery_draft(LineDraft(code="TEA-001")), user_id=USER)
    there = orders.update_order(
        database, placed.id, replace(placed.to_draft(), notes="请放门口"), user_id=USER, expected=placed
    )
    mine = replace(placed.to_draft(), lines=(LineDraft(code="TEA-001", qty="3"),))
    with pytest.raises(orders.ChangedElsewhere) as refused:
        orders.update_order(database, placed.id, mine, user_id=USER, expected=placed)
    assert isinstance(refused.value, EditConflict)
    assert _changes(refused.value) == [("Notes", "", "请放门口")]
    stored = orders.get_order(database, placed.id)
    assert [line.quantity for line in stored.lines] == [1]
    assert refused.value.current.updated_at == there.updated_at

    saved = orders.update_order(
        database, placed.id, replace(mine, notes="请放门口"), user_id=USER, expected=refused.value.current
    )
    assert [line.quantity for line in saved.lines] == [3] and saved.notes == "请放门口"


def test_an_order_confirmed_elsewhere_says_so(database: Database, shop: Shop) -> None:
    placed = orders.place_order(database, delivery_draft(LineDraft(code="TEA-001", qty="2")), user_id=USER)
    orders.confirm_order(database, placed.id, user_id=USER)
    with pytest.raises(orders.ChangedElsewhere) as refused:
        orders.update_order(database, placed.id, placed.to_draft(), user_id=USER, expected=placed)
    assert ("Status", "Received", "Confirmed") in _changes(refused.value)


def test_a_customer_changed_elsewhere(database: Database, shop: Shop) -> None:
    opened = create_customer(database, CustomerInput(name="王小明", phone="138 1234 5678"))
    update_customer(database, opened.id, CustomerInput(name="王小明", phone="139 0000 1111"), expected=opened)
    with pytest.raises(EditConflict) as refused:
        update_customer(
            database, opened.id, CustomerInput(name="王晓明", phone="138 1234 5678", notes="VIP"), expected=opened
        )
    assert _changes(refused.value) == [("Phone", "138 1234 5678", "139 0000 1111")]
    assert get_customer(database, opened.id).name == "王小明"


def test_shop_settings_changed_elsewhere(database: Database) -> None:
    opened = save_settings(database, replace(ShopSettings(), name="莲花茶馆"))
    save_settings(database, replace(opened, name="Lotus Tea House", address="上海"), expected=opened)
    with pytest.raises(EditConflict) as refused:
        save_settings(database, replace(opened, currency="USD"), expected=opened)
    assert _changes(refused.value) == [("Shop name", "莲花茶馆", "Lotus Tea House"), ("Address", "", "上海")]
    assert load_settings(database).currency == "CNY"
    assert isinstance(refused.value.current, ShopSettings)
    saved = save_settings(database, replace(refused.value.current, currency="USD"), expected=refused.value.current)
    assert load_settings(database) == saved
