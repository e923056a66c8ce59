"""The orders list: pages newest first, filters, and one search box, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from order_shop import USER, Shop, delivery_draft, make_shop
from sqlalchemy import func, select

from orderapp.demo import DemoSize, build_demo_shop
from orderapp.domain.order_validation import AddressDraft, CustomerDraft, LineDraft, OrderDraft
from orderapp.services.customers.lookup import CustomerInput, DuplicateCustomer, update_customer
from orderapp.services.orders import placing as orders
from orderapp.services.orders import search as order_search
from orderapp.services.orders.listing import OrderFilter, list_orders
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def shop(database: Database) -> Shop:
    return make_shop(database)


def place(database: Database, *lines: LineDraft, minutes_ago: int, **draft: object) -> orders.OrderView:
    base = delivery_draft(*lines, **{k: v for k, v in draft.items() if k in ("name", "phone")})  # type: ignore[arg-type]
    extra = {k: v for k, v in draft.items() if k not in ("name", "phone")}
    when = NOW - timedelta(minutes=minutes_ago)
    try:
        return orders.place_order(database, replace(base, **extra), user_id=USER, now=when, allow_duplicate=True)
    except DuplicateCustomer as offer:  # the phone is known: take the customer offered, as the form does
        chosen = replace(base.customer, customer_id=offer.existing.id)
        return orders.place_order(
            database, replace(base, customer=chosen, **extra), user_id=USER, now=when, allow_duplicate=True
        )


def numbers(database: Database, filters: OrderFilter | None = None, **kwargs: object) -> list[str]:
    rows = list_orders(database, filters or OrderFilter(), now=NOW, **kwargs).rows  # type: ignore[arg-type]
    return [row.number for row in rows]


def test_pages_newest_first_without_gaps_or_repeats(database: Database, shop: Shop) -> None:
    made = [place(database, LineDraft(code="TEA-001"), minutes_ago=100 - i, name=f"客户{i}").number for i in range(7)]
    seen: list[str] = []
    page = list_orders(database, limit=3, now=NOW)
    while True:
        seen += [row.number for row in page.rows]
        if page.next is None:
            break
        page = list_orders(database, after=page.next, limit=3, now=NOW)
    assert seen == list(reversed(made))


def test_filters_and_the_overdue_mark(database: Database, shop: Shop) -> None:
    urgent = place(
        database, LineDraft(code="TEA-001"), minutes_ago=50, priority="urgent", due_at=NOW - timedelta(hours=1)
    )
    web = place(database, LineDraft(code="TEA-001"), minutes_ago=40, channel="web", due_at=NOW + timedelta(hours=1))
    shipped_late = place(database, LineDraft(code="TEA-001"), minutes_ago=30, due_at=NOW - timedelta(hours=2))
    orders.cancel_order(database, shipped_late.id, reason="test", user_id=USER)
    assert numbers(database, OrderFilter(priority="urgent")) == [urgent.number]
    assert numbers(database, OrderFilter(channels=frozenset({"web"}))) == [web.number]
    assert numbers(database, OrderFilter(statuses=frozenset({"cancelled"}))) == [shipped_late.number]
    assert numbers(database, OrderFilter(overdue_only=True)) == [urgent.number]  # cancelled ones are not overdue
    window = OrderFilter(created_from=NOW - timedelta(minutes=45), created_to=NOW - timedelta(minutes=35))
    assert numbers(database, window) == [web.number]
    rows = {row.number: row for row in list_orders(database, now=NOW).rows}
    assert rows[urgent.number].overdue and not rows[web.number].overdue and not rows[shipped_late.number].overdue
    assert rows[urgent.number].customer_name == "王小明" and rows[urgent.number].phone_display == "138 1234 5678"


def test_one_box_finds_number_name_phone_sku_and_barcode(database: Database, shop: Shop) -> None:
    tea = place(database, LineDraft(code="TEA-001"), minutes_ago=30, name="王小明", phone="13812345678")
    soap = place(database, LineDraft(code="SOP-003"), minutes_ago=20, name="Charlotte Green", phone="+44 20 7946 0958")
    shopify = place(
        database, LineDraft(code="NDL-002"), minutes_ago=10, name="李雷", phone="021 6123 4567", external_ref="#1001"
    )
    cases = {
        tea.number: [tea.number],
        tea.number.lower(): [tea.number],
        "王小明": [tea.number],
        "小明": [tea.number],  # two characters: found through the customers
        "charlotte": [soap.number],
        "GREEN": [soap.number],
        "138 1234 5678": [tea.number],
        "+86 138-1234-5678": [tea.number],
        "1234 5678": [tea.number],
        "(021) 6123-4567": [shopify.number],
        "021 6123": [shopify.number],
        "020 7946 0958": [soap.number],  # a London number typed the UK way, trunk 0 and all
        "+44 20 7946 0958": [soap.number],
        "SOP-003": [soap.number],
        "sop-003": [soap.number],
        "6901234567892": [tea.number],  # the tea's barcode
        "#1001": [shopify.number],
        "nothing like this": [],
    }
    found = {typed: numbers(database, OrderFilter(search=typed)) for typed in cases}
    assert found == cases


def test_search_combines_with_filters_and_pages(database: Database, shop: Shop) -> None:
    made = [place(database, LineDraft(code="TEA-001"), minutes_ago=60 - i, name="王小明").number for i in range(5)]
    orders.cancel_order(database, orders.get_order_by_number(database, made[0]).id, reason="x", user_id=USER)
    page = list_orders(database, OrderFilter(search="王小明"), limit=2, now=NOW)
    assert [row.number for row in page.rows] == [made[4], made[3]]
    page = list_orders(database, OrderFilter(search="王小明"), after=page.next, limit=2, now=NOW)
    assert [row.number for row in page.rows] == [made[2], made[1]]
    assert numbers(database, OrderFilter(search="王小明", statuses=frozenset({"cancelled"}))) == [made[0]]


def test_edits_and_customer_changes_keep_the_search_in_step(database: Database, shop: Shop) -> None:
    view = place(database, LineDraft(code="TEA-001"), minutes_ago=5, name="王小明")
    orders.update_order(database, view.id, replace(view.to_draft(), lines=(LineDraft(code="SOP-003"),)), user_id=USER)
    assert numbers(database, OrderFilter(search="SOP-003")) == [view.number]
    assert numbers(database, OrderFilter(search="TEA-001")) == []
    assert view.customer is not None
    update_customer(database, view.customer.id, CustomerInput(name="王大明", phone="13900001111"))
    assert numbers(database, OrderFilter(search="王大明")) == [view.number]
    assert numbers(database, OrderFilter(search="139 0000 1111")) == [view.number]


@pytest.mark.parametrize(("few", "many"), [(3, 100), (3, 4)])  # thousands, and more than that
def test_common_terms_page_through_everything(
    database: Database, shop: Shop, monkeypatch: pytest.MonkeyPatch, few: int, many: int
) -> None:
    monkeypatch.setattr(order_search, "CANDIDATE_LIMIT", few)  # make "common" cheap to reach
    monkeypatch.setattr(order_search, "MANY", many)
    made = [place(database, LineDraft(code="TEA-001"), minutes_ago=60 - i, name=f"Green {i}").number for i in range(6)]
    page = list_orders(database, OrderFilter(search="Green"), limit=4, now=NOW)
    assert [row.number for row in page.rows] == made[::-1][:4]
    page = list_orders(database, OrderFilter(search="Green"), after=page.next, limit=4, now=NOW)
    assert [row.number for row in page.rows] == made[::-1][4:]


def test_walk_in_without_a_customer_is_listed(database: Database, shop: Shop) -> None:
    sale = orders.complete_walk_in(database, OrderDraft(lines=(LineDraft(code="TEA-001"),)), user_id=USER)
    row = list_orders(database).rows[0]
    assert (row.number, row.customer_name, row.status, row.item_count) == (sale.number, "", "completed", 1)
    assert numbers(database, OrderFilter(search=sale.number)) == [sale.number]


def test_a_demo_shop_is_searchable_after_the_rebuild(database: Database) -> None:
    build_demo_shop(database, DemoSize(products=30, customers=12, orders=80), seed=7)
    with database.write_engine.begin() as conn:
        order_search.rebuild_search_index(conn)
    with database.session() as session:
        customer = session.scalars(select(Customer).order_by(Customer.id)).first()
        assert customer is not None
        expected = session.scalars(
            select(Order.number)
            .where(Order.customer_id == customer.id)
            .order_by(Order.created_at.desc(), Order.id.desc())
        ).all()
    assert expected
    assert numbers(database, OrderFilter(search=customer.name), limit=500) == list(expected)
    assert numbers(database, OrderFilter(search=customer.phone[3:]), limit=500) == list(expected)
    # Orders written later by a bulk loader are caught up without a full rebuild.
    with database.session(write=True) as session:
        assert order_search.fill_missing_search_rows(session) == 0
        session.commit()


def test_missing_search_rows_are_filled_in(database: Database, shop: Shop) -> None:
    view = place(database, LineDraft(code="TEA-001"), minutes_ago=5, name="Amelia Anderson")
    with database.session(write=True) as session:
        session.execute(order_search.delete(order_search.OrderSearch))
        session.commit()
    assert numbers(database, OrderFilter(search="Amelia")) == []
    with database.session(write=True) as session:
        assert order_search.fill_missing_search_rows(session) == 1
        session.commit()
    assert numbers(database, OrderFilter(search="Amelia")) == [view.number]


def test_pickup_orders_have_no_address_but_are_found(database: Database, shop: Shop) -> None:
    draft = OrderDraft(
        customer=CustomerDraft(name="Henry Miller", phone="+1 415 555 2671"),
        fulfilment="pickup",
        delivery=AddressDraft(),
        lines=(LineDraft(code="TEA-001"),),
    )
    view = orders.place_order(database, draft, user_id=USER)
    assert (view.ship_line1, view.ship_phone) == ("", "+14155552671")
    assert numbers(database, OrderFilter(search="415 555 2671")) == [view.number]


def test_a_bulk_loaded_shop_is_indexed_on_start(database: Database) -> None:
    build_demo_shop(database, DemoSize(products=20, customers=8, orders=40), seed=3)
    with database.session(write=True) as session:  # as if another bulk loader had written the orders
        session.execute(order_search.delete(order_search.OrderSearch))
        session.commit()
        customer = session.scalars(select(Customer).order_by(Customer.id)).first()
        assert customer is not None
    phone = customer.phone[3:]  # digits: found through the search text only
    assert numbers(database, OrderFilter(search=phone)) == []
    with database.session() as session:
        made = session.scalar(select(func.count()).select_from(Order))  # 40, and the demo's after-sales exchange
    assert made in (40, 41)
    assert order_search.ensure_search_index(database) == made
    assert numbers(database, OrderFilter(search=phone), limit=500)
    assert order_search.ensure_search_index(database) == 0
