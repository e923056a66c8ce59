"""Peak-day triage of the packing queue: each sort gives the order a packer would expect, the shop's
choice is remembered, and the queue reads only the waiting orders through indexes (on SQLite and,
with ORDERAPP_TEST_PG_URL, PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from orderapp.errors import ValidationFailed
from orderapp.services.aftersales.exceptions import raise_exception
from orderapp.services.packing.queue import QueueSort, packing_queue, queue_statement, sort_label
from orderapp.services.settings.packing import QUEUE_SORT_KEY, load_packing_settings, save_queue_sort
from orderapp.services.settings.rules import TypedRules, check_typed_rules, load_rules, save_rules
from orderapp.store.customer_models import CustomerTag
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Customer, Order, OrderLine, Product, Setting

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


@pytest.fixture
def peak_day(database: Database) -> Database:
    """Six orders waiting, each standing out in one way; two more that are not waiting."""
    with database.session(write=True) as session:
        ann, bo, cy = Customer(name="Ann"), Customer(name="Bo"), Customer(name="Cy")
        session.add_all([ann, bo, cy])
        tea = Product(sku="TEA", name="Tea", on_hand=100, created_at=NOW, updated_at=NOW)
        cup = Product(sku="CUP", name="Cup", on_hand=50, created_at=NOW, updated_at=NOW)
        mug = Product(sku="MUG", name="Mug", on_hand=1, created_at=NOW, updated_at=NOW)  # one left on the shelf
        session.add_all([tea, cup, mug])
        session.flush()
        session.add_all([CustomerTag(customer_id=ann.id, tag="vip"), CustomerTag(customer_id=cy.id, tag="risk")])

        def order(number: str, customer: Customer, lines: list[tuple[Product, int]], hours_old: int, **extra: object):
            made = NOW - timedelta(hours=hours_old)
            result = Order(
                number=number,
                customer_id=customer.id,
                status=extra.pop("status", "confirmed"),
                currency="CNY",
                ship_name=customer.name,
                created_at=made,
                updated_at=made,
                created_by=DEFAULT_USER_ID,
                **extra,
            )
            for line_no, (product, quantity) in enumerate(lines, start=1):
                result.lines.append(
                    OrderLine(
                        line_no=line_no,
                        product_id=product.id,
                        sku=product.sku,
                        name=product.name,
                        quantity=quantity,
                        unit_price_cents=500,
                        catalogue_price_cents=500,
                    )
                )
            session.add(result)

        order("SO-OLD-MIXED", bo, [(tea, 1), (cup, 1)], 30)  # oldest, two SKUs
        order("SO-VIP-MIXED", ann, [(tea, 1), (cup, 2)], 10)  # VIP, two SKUs
        order("SO-URGENT-MUGS", bo, [(mug, 2)], 2, priority="urgent")  # one SKU but only 1 of 2 in stock
        order("SO-DUE-SOON", cy, [(cup, 3)], 5, due_at=NOW + timedelta(hours=2))  # easy, due first
        # Urgent VIP order, due later; two lines of the same tea are still one SKU.
        order("SO-VIP-URGENT", ann, [(tea, 1), (tea, 2)], 1, priority="urgent", due_at=NOW + timedelta(hours=6))
        order("SO-EASY-TEA", bo, [(tea, 5)], 20, status="picking")  # easy
        order("SO-VIP-NOT-YET", ann, [(tea, 1)], 40, status="received")  # not waiting to be packed
        order("SO-VIP-PACKED", ann, [(tea, 1)], 50, status="packed")
        session.commit()
    return database


def numbers(database: Database, sort: QueueSort | str | None = None) -> list[str]:
    return [entry.number for entry in packing_queue(database, sort=sort).entries]


EXPECTED = {
    # Urgent ones (the one with a due time first), then by due time, then the oldest.
    QueueSort.URGENT: ["SO-VIP-URGENT", "SO-URGENT-MUGS", "SO-DUE-SOON", "SO-OLD-MIXED", "SO-EASY-TEA", "SO-VIP-MIXED"],
    # The VIP's two waiting orders, then as urgent first.
    QueueSort.VIP: ["SO-VIP-URGENT", "SO-VIP-MIXED", "SO-URGENT-MUGS", "SO-DUE-SOON", "SO-OLD-MIXED", "SO-EASY-TEA"],
    # Due time first (none due last), urgent before normal, then the oldest.
    QueueSort.DUE: ["SO-DUE-SOON", "SO-VIP-URGENT", "SO-URGENT-MUGS", "SO-OLD-MIXED", "SO-EASY-TEA", "SO-VIP-MIXED"],
    # One SKU and all of it on the shelf, as urgent first; then the rest (the mugs are short).
    QueueSort.EASY: ["SO-VIP-URGENT", "SO-DUE-SOON", "SO-EASY-TEA", "SO-URGENT-MUGS", "SO-OLD-MIXED", "SO-VIP-MIXED"],
}


@pytest.mark.parametrize("sort", list(QueueSort))
def test_each_sort_gives_the_order_a_packer_expects(peak_day: Database, sort: QueueSort) -> None:
    queue = packing_queue(peak_day, sort=sort)
    assert [entry.number for entry in queue.entries] == EXPECTED[sort]
    assert queue.total == 6 and queue.sort is sort
    assert packing_queue(peak_day, sort=sort, limit=2).entries == queue.entries[:2]


def test_entries_say_which_are_vip_and_which_are_easy(peak_day: Database) -> None:
    entries = {entry.number: entry for entry in packing_queue(peak_day).entries}
    assert {n for n, e in entries.items() if e.vip} == {"SO-VIP-URGENT", "SO-VIP-MIXED"}
    assert {n for n, e in entries.items() if e.easy} == {"SO-VIP-URGENT", "SO-DUE-SOON", "SO-EASY-TEA"}


def test_an_order_stops_being_easy_when_its_stock_runs_short(peak_day: Database) -> None:
    with peak_day.session(write=True) as session:
        cup = session.scalars(select(Product).where(Product.sku == "CUP")).one()
        cup.on_hand = 2  # SO-DUE-SOON needs 3
        session.commit()
    assert numbers(peak_day, QueueSort.EASY)[:3] == ["SO-VIP-URGENT", "SO-EASY-TEA", "SO-URGENT-MUGS"]


def test_the_shop_s_choice_is_the_default_and_is_remembered(peak_day: Database) -> None:
    assert load_packing_settings(peak_day).queue_sort is QueueSort.URGENT
    assert numbers(peak_day) == EXPECTED[QueueSort.URGENT]
    assert save_queue_sort(peak_day, "easy") is QueueSort.EASY
    assert load_packing_settings(peak_day).queue_sort is QueueSort.EASY
    assert numbers(peak_day) == EXPECTED[QueueSort.EASY]
    assert load_rules(peak_day).queue_sort is QueueSort.EASY  # the Settings screen shows the same
    # Saving the other rules keeps the sort the screen holds.
    rules, errors = check_typed_rules(TypedRules(True, "30", "10", "vip"))
    assert errors == [] and rules is not None
    save_rules(peak_day, rules)
    assert numbers(peak_day) == EXPECTED[QueueSort.VIP]


def test_a_sort_that_does_not_exist_is_refused_and_changes_nothing(peak_day: Database) -> None:
    save_queue_sort(peak_day, QueueSort.DUE)
    with pytest.raises(ValidationFailed) as refused:
        save_queue_sort(peak_day, "fastest")
    assert str(refused.value.errors[0].message).startswith("'fastest' is not a way to sort the packing queue")
    assert load_packing_settings(peak_day).queue_sort is QueueSort.DUE
    _rules, errors = check_typed_rules(TypedRules(True, "30", "10", "fastest"))
    assert [(e.field, e.message) for e in errors] == [("queue_sort", "Choose how the packing queue is sorted.")]


def test_a_stored_sort_the_app_does_not_know_reads_as_urgent_first(peak_day: Database) -> None:
    with peak_day.session(write=True) as session:
        session.add(Setting(key=QUEUE_SORT_KEY, value="alphabetical", updated_by=DEFAULT_USER_ID))
        session.commit()
    assert numbers(peak_day) == EXPECTED[QueueSort.URGENT]


def test_every_sort_has_a_label() -> None:
    assert [sort_label(sort) for sort in QueueSort] == [
        "Urgent first",
        "VIP first",
        "Due time",
        "Easy first",
    ]


@pytest.mark.parametrize("sort", list(QueueSort))
def test_the_queue_reads_only_waiting_orders_through_indexes(peak_day: Database, sort: QueueSort) -> None:
    """SQLite's plan: orders found by the status index, each order's tag, lines and products by key."""
    if peak_day.engine.dialect.name != "sqlite":
        pytest.skip("the plan is checked on SQLite; PostgreSQL plans a table this small by scanning it")
    statement = queue_statement(sort).compile(peak_day.engine, compile_kwargs={"literal_binds": True})
    with peak_day.engine.connect() as conn:
        plan = [row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}")]
    text = "\n".join(plan)
    assert "SEARCH orders USING INDEX ix_orders_status" in text, text
    assert not [step for step in plan if step.startswith("SCAN") and "CONSTANT ROW" not in step], text


@pytest.mark.parametrize("sort, offered", [(QueueSort.URGENT, "SO-000006"), (QueueSort.VIP, "SO-000001")])
def test_the_order_offered_after_packing_follows_the_shop_s_sort(
    database: Database, sort: QueueSort, offered: str
) -> None:
    from packing_shop import STRAWS, make_packing_shop

    from orderapp.services.packing.station import open_order, record_scan

    shop = make_packing_shop(database)
    with database.session(write=True) as session:
        vip = Customer(name="Ann")
        session.add(vip)
        session.flush()
        session.add(CustomerTag(customer_id=vip.id, tag="vip"))
        two_teas = session.get(Order, shop.two_teas)
        assert two_teas is not None
        two_teas.customer_id = vip.id  # SO-000001, normal and not due: only VIP first puts it next
        session.commit()
    save_queue_sort(database, sort)
    view = open_order(database, "SO-000005", user_id=DEFAULT_USER_ID, station="PACK-1")
    result = record_scan(
        database, view.session_id, STRAWS, symbology=None, source="camera", user_id=DEFAULT_USER_ID, station="PACK-1"
    )
    assert result.packed and result.next_order is not None
    assert result.next_order.number == offered


@pytest.mark.parametrize("sort", list(QueueSort))
def test_an_order_held_by_a_severe_exception_comes_last_marked_held(peak_day: Database, sort: QueueSort) -> None:
    """The packer is not sent first to an order that packing would refuse; a minor exception holds nothing."""
    first = EXPECTED[sort][0]
    second = EXPECTED[sort][1]
    with peak_day.session() as session:
        ids = {number: order_id for number, order_id in session.execute(select(Order.number, Order.id))}
    raise_exception(peak_day, ids[first], "unpaid_at_packing", "severe", user_id=DEFAULT_USER_ID)
    raise_exception(peak_day, ids[second], "damaged", "minor", user_id=DEFAULT_USER_ID)
    entries = packing_queue(peak_day, sort=sort).entries
    assert [entry.number for entry in entries] == [*EXPECTED[sort][1:], first]
    assert [entry.number for entry in entries if entry.held] == [first]
