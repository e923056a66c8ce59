"""Duplicate customers found and merged on SQLite and PostgreSQL: every order, draft, return and tag
follows the kept customer, every other row stays, and bad requests change nothing."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from order_shop import USER, Shop, make_shop
from return_shop import shipped
from sqlalchemy import func, select

from orderapp.domain.order_validation import CustomerDraft, LineDraft
from orderapp.domain.returns import ReturnItem
from orderapp.errors import NotFound
from orderapp.services.aftersales import returns
from orderapp.services.customers.book import customer_history, list_customers
from orderapp.services.customers.merge import CannotMerge, find_duplicate_customers, merge_customers
from orderapp.services.customers.tags import customer_tags, set_customer_tags
from orderapp.services.orders.drafts import draft_from_json, save_draft
from orderapp.services.orders.listing import OrderFilter, list_orders
from orderapp.store.customer_models import CustomerMerge
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order
from orderapp.store.order_models import OrderDraftRecord
from orderapp.store.schema import metadata


@pytest.fixture
def shop(database: Database) -> Shop:
    return make_shop(database)


def row_counts(database: Database) -> dict[str, int]:
    with database.session() as session:
        return {
            table.name: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in metadata.sorted_tables
        }


def customer_id_of(database: Database, order_id: int) -> int:
    with database.session() as session:
        order = session.get(Order, order_id)
        assert order is not None and order.customer_id is not None
        return order.customer_id


def add_customer(database: Database, **values: str) -> int:
    """A customer stored as an older version or an import left it (the phone not in E.164)."""
    with database.session(write=True) as session:
        customer = Customer(**values)
        session.add(customer)
        session.commit()
        return customer.id


def test_duplicates_are_found_by_phone_name_and_address_and_close_names(database: Database, shop: Shop) -> None:
    first = customer_id_of(database, shipped(database, LineDraft(code="TEA-001"), name="王小明").id)
    with database.session() as session:
        phone = session.get_one(Customer, first).phone
    other_format = add_customer(database, name="Wang Xiaoming", phone=phone[3:6] + "-" + phone[6:10] + "-" + phone[10:])
    same_place = add_customer(database, name="王小明", address_line1="南京东路 100号", postcode="200001", city="上海")
    close = add_customer(database, name="王晓明", postcode="200001", city="上海")
    stranger = add_customer(database, name="李雷", phone="+8613900000000", postcode="200001", city="上海")
    found = {
        (candidate.pair.first_id, candidate.pair.second_id): candidate.pair.matches
        for candidate in find_duplicate_customers(database)
    }
    assert found[(first, other_format)] == ("same_phone",)
    assert found[(first, same_place)] == ("same_name_address",)
    assert found[(first, close)] == ("close_name",)
    assert found[(same_place, close)] == ("close_name",)
    assert not any(stranger in pair for pair in found)
    candidate = next(c for c in find_duplicate_customers(database) if c.pair.second_id == other_format)
    assert (candidate.first_orders, candidate.second_orders, candidate.suggested_keep) == (1, 0, first)


def test_a_merge_moves_every_order_draft_return_and_tag_and_loses_nothing(database: Database, shop: Shop) -> None:
    kept_order = shipped(database, LineDraft(code="TEA-001", qty="2"), name="王小明")
    gone_orders = [
        shipped(database, LineDraft(code="TEA-001"), name="王晓明"),
    ]
    keep = customer_id_of(database, kept_order.id)
    gone = customer_id_of(database, gone_orders[0].id)
    with database.session() as session:
        gone_phone = session.get_one(Customer, gone).phone
    # More of the duplicate's history: a second order, a return, a saved draft, tags.
    second = shipped(database, LineDraft(code="NDL-002"), name="王晓明")
    assert customer_id_of(database, second.id) != gone  # a new phone made another customer: move its order over
    with database.session(write=True) as session:
        session.get_one(Order, second.id).customer_id = gone
        session.commit()
    gone_orders.append(second)
    returns.record_return(database, second.id, [ReturnItem(second.lines[0].id, 1)], reason="not_wanted", user_id=USER)
    draft = replace(kept_order.to_draft(), customer=CustomerDraft(customer_id=gone, name="王晓明"))
    draft_id = save_draft(database, draft, station="TILL-1", user_id=USER)
    set_customer_tags(database, keep, ["vip"])
    set_customer_tags(database, gone, ["risk", "VIP"])
    with database.session(write=True) as session:
        session.get_one(Customer, gone).email = "xiaoming@example.cn"
        session.get_one(Customer, gone).notes = "只在周末送货"
        session.commit()
    before = row_counts(database)

    result = merge_customers(database, keep, gone, user_id=USER)

    after = row_counts(database)
    assert after["customer"] == before["customer"] - 1
    assert after["customer_merge"] == before["customer_merge"] + 1
    assert after["customer_tag"] == before["customer_tag"] - 1  # vip was on both; risk moved
    unchanged = {name for name in before if name not in ("customer", "customer_merge", "customer_tag")}
    assert {name: after[name] for name in unchanged} == {name: before[name] for name in unchanged}
    assert result.orders_moved == 2
    history = customer_history(database, keep)
    assert sorted(order.number for order in history.orders) == sorted(
        [kept_order.number, *(order.number for order in gone_orders)]
    )
    assert next(order for order in history.orders if order.number == second.number).returns == 1
    assert history.tags == frozenset({"vip", "risk"})
    with database.session() as session:
        assert session.get(Customer, gone) is None
        assert customer_tags(session, gone) == frozenset()
        record = session.get_one(OrderDraftRecord, draft_id)
        assert draft_from_json(record.payload).customer.customer_id == keep
        kept = session.get_one(Customer, keep)
        assert kept.email == "xiaoming@example.cn"  # empty on the kept one: filled in
        assert "只在周末送货" in kept.notes and "王晓明" in kept.notes and gone_phone in kept.notes
        merge = session.scalars(select(CustomerMerge)).one()
        saved = json.loads(merge.merged_details)
        assert (saved["id"], saved["name"], saved["phone"]) == (gone, "王晓明", gone_phone)
        assert "orders.customer_id=2" in merge.moved and "order_draft.payload=1" in merge.moved
    # The orders list finds the moved orders under the kept customer's name.
    page = list_orders(database, OrderFilter(search="王小明"))
    assert {row.number for row in page.rows} >= {order.number for order in gone_orders}
    assert [row.orders for row in list_customers(database, "王小明").rows] == [3]


def test_bad_merges_are_refused_and_change_nothing(database: Database, shop: Shop) -> None:
    keep = customer_id_of(database, shipped(database, LineDraft(code="TEA-001"), name="王小明").id)
    before = row_counts(database)
    with pytest.raises(CannotMerge, match="two different customers"):
        merge_customers(database, keep, keep, user_id=USER)
    with pytest.raises(NotFound, match="Customer 9999 does not exist"):
        merge_customers(database, keep, 9999, user_id=USER)
    with pytest.raises(NotFound, match="Customer 9999 does not exist"):
        merge_customers(database, 9999, keep, user_id=USER)
    assert row_counts(database) == before


def test_tags_are_one_word_each_and_found_by_the_list(database: Database, shop: Shop) -> None:
    keep = customer_id_of(database, shipped(database, LineDraft(code="TEA-001"), name="王小明").id)
    assert set_customer_tags(database, keep, [" VIP ", "risk", "", "vip"]) == frozenset({"vip", "risk"})
    with pytest.raises(Exception, match="cannot be a tag"):
        set_customer_tags(database, keep, ["no; drop"])
    with database.session() as session:
        assert customer_tags(session, keep) == frozenset({"vip", "risk"})
    assert [row.id for row in list_customers(database, tag="vip").rows] == [keep]
    assert list_customers(database, tag="wholesale").rows == ()
