"""The demo shop: what a shopkeeper trying the app sees must look like a real shop, and every figure
must add up (stock against its ledger, order totals against their lines, timelines against statuses)."""

from __future__ import annotations

import gc
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import phonenumbers
import pytest
from sqlalchemy import Connection, func, insert, inspect, select, text

from orderapp.demo import SHOP_SETTINGS, DemoReport, DemoSize, build_demo_shop, products, shop_is_empty, writer
from orderapp.domain.gtin import gtin_symbology, is_valid_gtin
from orderapp.domain.order_status import OPEN_STATUSES, RESERVING_STATUSES, OrderStatus, can_move
from orderapp.errors import DatabaseInUse
from orderapp.services.orders.search import find_candidates, search_terms, search_text_query
from orderapp.store.bulk_rows import micros
from orderapp.store.database import Database
from orderapp.store.exception_models import ExceptionEvent, OrderException
from orderapp.store.models import (
    Customer,
    Order,
    OrderEvent,
    OrderLine,
    Product,
    ProductBarcode,
    Setting,
    StockMovement,
)
from orderapp.store.opening import open_database
from orderapp.store.order_models import OrderSearch
from orderapp.store.return_models import OrderReturn, Refund

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
DEFAULT = DemoSize()
CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")  # not a metric symbol such as "g", "kg" or "ml"


@pytest.fixture
def shop(database: Database) -> Iterator[tuple[Database, DemoReport]]:
    """The default demo shop, built once for the test, on SQLite (and PostgreSQL when configured)."""
    report = build_demo_shop(database, now=NOW)
    yield database, report


def rows(database: Database, statement: Any) -> list[Any]:
    with database.engine.connect() as conn:
        return list(conn.execute(statement))


def count(conn: Connection, model: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def test_a_new_database_is_an_empty_shop_until_the_demo_is_built(database: Database) -> None:
    assert shop_is_empty(database)
    report = build_demo_shop(database, now=NOW)
    assert not shop_is_empty(database)
    with database.engine.connect() as conn:
        assert count(conn, Product) == report.products >= 200
        assert count(conn, Customer) == report.customers >= 50
        assert count(conn, Order) == report.orders >= 300
        assert count(conn, OrderLine) == report.order_lines >= report.orders
        assert count(conn, StockMovement) == report.movements > report.products
    assert report.seconds > 0


def test_every_status_channel_and_way_of_fulfilment_is_there(shop: tuple[Database, DemoReport]) -> None:
    database, _ = shop
    orders = rows(database, select(Order.status, Order.channel, Order.fulfilment, Order.priority, Order.due_at))
    assert {o.status for o in orders} == {s.value for s in OrderStatus}
    assert {o.channel for o in orders} == {"phone", "web", "store"}
    assert {o.fulfilment for o in orders} == {"delivery", "pickup", "walk_in"}
    urgent = [o for o in orders if o.priority == "urgent"]
    assert 0 < len(urgent) < len(orders) / 4
    overdue = [o for o in orders if o.status in OPEN_STATUSES and o.due_at is not None and o.due_at < NOW]
    assert overdue, "some open orders should be past their due time"
    # Old orders are mostly done; the last day's are mostly still open.
    statuses_by_age = rows(database, select(Order.status, Order.created_at))
    old = [o.status for o in statuses_by_age if o.created_at < NOW - timedelta(days=7)]
    recent = [o.status for o in statuses_by_age if o.created_at > NOW - timedelta(hours=12)]
    assert sum(s in ("delivered", "completed") for s in old) > 0.8 * len(old)
    assert any(s in OPEN_STATUSES for s in recent)


def test_products_have_chinese_and_english_names_bins_and_prices(shop: tuple[Database, DemoReport]) -> None:
    database, _ = shop
    products = rows(database, select(Product))
    names = [p.name for p in products]
    chinese_only = [n for n in names if CJK.search(n) and not ENGLISH_WORD.search(n)]
    english_only = [n for n in names if ENGLISH_WORD.search(n) and not CJK.search(n)]
    bilingual = [n for n in names if CJK.search(n) and ENGLISH_WORD.search(n)]
    assert chinese_only and english_only and bilingual
    assert len(set(names)) > 0.9 * len(names)
    assert len({p.sku for p in products}) == len(products)
    assert all(re.fullmatch(r"[A-Z]-\d{2}-\d", p.location) for p in products)
    assert len({p.category for p in products}) >= 8
    assert all(p.price_cents > 0 and 0 < p.cost_cents < p.price_cents for p in products)
    assert all(p.reorder_point > 0 and p.reorder_qty > 0 and p.unit for p in products)


def test_barcodes_are_valid_unique_gtins_with_case_packs(shop: tuple[Database, DemoReport]) -> None:
    database, report = shop
    barcodes = rows(database, select(ProductBarcode))
    codes = [b.code for b in barcodes]
    assert len(set(codes)) == len(codes)
    assert all(is_valid_gtin(b.code) and gtin_symbology(b.code) == b.symbology for b in barcodes)
    units = [b for b in barcodes if b.kind == "unit"]
    cases = [b for b in barcodes if b.kind == "case"]
    assert sorted(b.product_id for b in units) == sorted({b.product_id for b in units})
    assert len(units) == report.products
    assert all(b.pack_qty == 1 for b in units)
    assert {b.symbology for b in units} == {"ean13", "upca"}
    assert 0.04 * report.products < len(cases) < 0.2 * report.products
    assert all(b.pack_qty in (6, 12, 24) for b in cases)
    assert {b.symbology for b in cases} == {"gtin14", "ean13"}


def test_customers_have_real_phone_numbers_and_addresses(shop: tuple[Database, DemoReport]) -> None:
    database, _ = shop
    customers = rows(database, select(Customer))
    for customer in customers:
        number = phonenumbers.parse(customer.phone)
        assert phonenumbers.is_valid_number(number), customer.phone
        assert customer.phone == phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        assert phonenumbers.region_code_for_number(number) == customer.country
        assert customer.address_line1 and customer.city and customer.postcode
        if customer.email:
            assert re.fullmatch(r"[\w.]+@[\w.-]+\.[a-z]{2,}", customer.email)
        if customer.country == "CN":
            assert re.fullmatch(r"\d{6}", customer.postcode)
    orders_each = Counter(customer_id for (customer_id,) in rows(database, select(Order.customer_id)) if customer_id)
    assert max(orders_each.values()) < 0.1 * sum(orders_each.values())  # regulars, but no one customer
    countries = Counter(c.country for c in customers)
    assert countries["CN"] > len(customers) / 2
    assert set(countries) <= {"CN", "US", "GB"}
    assert any(CJK.search(c.name) for c in customers)
    assert any(not CJK.search(c.name) for c in customers)


def test_a_few_products_are_at_or_below_their_reorder_point(shop: tuple[Database, DemoReport]) -> None:
    database, report = shop
    products = rows(database, select(Product.on_hand, Product.reorder_point))
    low = [p for p in products if p.on_hand <= p.reorder_point]
    assert 0.05 * report.products <= len(low) <= 0.15 * report.products


def test_stock_figures_equal_the_ledger_and_never_went_negative(shop: tuple[Database, DemoReport]) -> None:
    database, _ = shop
    products = {p.id: p for p in rows(database, select(Product.id, Product.on_hand, Product.reserved))}
    movements = rows(
        database,
        select(StockMovement).order_by(StockMovement.product_id, StockMovement.at, StockMovement.id),
    )
    on_hand: dict[int, int] = defaultdict(int)
    reserved: dict[int, int] = defaultdict(int)
    first_kind: dict[int, str] = {}
    for movement in movements:
        first_kind.setdefault(movement.product_id, movement.kind)
        on_hand[movement.product_id] += movement.qty_delta
        reserved[movement.product_id] += movement.reserved_delta
        assert on_hand[movement.product_id] >= 0, movement
        assert 0 <= reserved[movement.product_id] <= on_hand[movement.product_id], movement
        assert movement.user_id == 1
        assert (movement.order_id is None) == (movement.kind == "receive")
    assert set(first_kind.values()) == {"receive"}
    for product_id, product in products.items():
        assert (product.on_hand, product.reserved) == (on_hand[product_id], reserved[product_id])
    assert {m.kind for m in movements} == {"receive", "reserve", "release", "ship", "sale", "return", "write_off"}


def test_reservations_belong_to_orders_that_hold_stock(shop: tuple[Database, DemoReport]) -> None:
    database, _ = shop
    orders = {o.id: o for o in rows(database, select(Order.id, Order.status, Order.held_from))}
    holding = {
        order_id
        for order_id, o in orders.items()
        if o.status in RESERVING_STATUSES or (o.status == "on_hold" and o.held_from in RESERVING_STATUSES)
    }
    lines = rows(database, select(OrderLine.order_id, OrderLine.quantity))
    expected = sum(line.quantity for line in lines if line.order_id in holding)
    with database.engine.connect() as conn:
        reserved = conn.execute(select(func.sum(Product.reserved))).scalar_one()
    assert reserved == expected > 0


def test_order_totals_add_up(shop: tuple[Database, DemoReport]) -> None:
    database, _ = shop
    lines: dict[int, list[Any]] = defaultdict(list)
    for line in rows(database, select(OrderLine).order_by(OrderLine.order_id, OrderLine.line_no)):
        lines[line.order_id].append(line)
    orders = rows(database, select(Order))
    refunded: dict[int, int] = defaultdict(int)
    for order_id, amount in rows(database, select(Refund.order_id, Refund.amount_cents)):
        refunded[order_id] += amount
    exchanges = {row[0] for row in rows(database, select(OrderReturn.exchange_order_id)) if row[0] is not None}
    exchanges |= {row[0] for row in rows(database, select(ExceptionEvent.linked_order_id)) if row[0] is not None}
    assert any(o.discount_cents for o in orders) and any(o.shipping_cents for o in orders)
    assert any(line.discount_cents for order_lines in lines.values() for line in order_lines)
    for order in orders:
        own = lines[order.id]
        assert 1 <= len(own) <= 4
        assert [line.line_no for line in own] == list(range(1, len(own) + 1))
        assert order.subtotal_cents == sum(x.quantity * x.unit_price_cents - x.discount_cents for x in own)
        assert order.total_cents == order.subtotal_cents - order.discount_cents + order.shipping_cents
        assert (order.total_cents > 0 or order.id in exchanges) and order.currency == "CNY"  # exchanges, reships free
        assert 0 <= order.paid_cents <= order.total_cents
        assert refunded[order.id] <= order.paid_cents
        if order.payment_status == "refunded" and refunded[order.id]:  # refunded in full after a return
            assert refunded[order.id] == order.paid_cents
        else:
            assert (order.paid_cents == order.total_cents) == (order.payment_status == "paid")
        assert all(x.quantity >= 1 and 0 <= x.discount_cents <= x.quantity * x.unit_price_cents for x in own)
        assert all(x.unit_price_cents <= x.catalogue_price_cents for x in own)
        if order.fulfilment == "walk_in":
            assert order.shipping_cents == 0 and order.channel == "store"
        if order.status == "returned":
            assert order.payment_status == "refunded"


def test_the_search_box_finds_demo_orders(shop: tuple[Database, DemoReport]) -> None:
    database, report = shop
    with database.engine.connect() as conn:
        assert count(conn, OrderSearch) == report.orders
    with database.session() as session:
        order = session.execute(
            select(Order).where(Order.customer_id.is_not(None)).order_by(Order.id.desc()).limit(1)
        ).scalar_one()
        customer = session.get(Customer, order.customer_id)
        assert customer is not None
        for typed in (order.number, customer.phone[-8:], customer.name):
            terms = search_terms(session, typed, "CN")
            assert terms is not None
            found = find_candidates(session, terms)
            assert found is None or order.id in found, typed


def test_a_lost_parcel_was_reshipped_as_a_linked_free_order(shop: tuple[Database, DemoReport]) -> None:
    """A new user finds a reship: an exception resolved with the "reship" action, whose linked order
    sends the same items to the same customer and address at no charge, urgent, waiting to be packed."""
    database, _ = shop
    actions = rows(database, select(ExceptionEvent).where(ExceptionEvent.action == "reship"))
    assert len(actions) == 1 and actions[0].linked_order_id is not None
    action = actions[0]
    exception = rows(database, select(OrderException).where(OrderException.id == action.exception_id))[0]
    assert (exception.type, exception.status, exception.is_open) == ("lost", "resolved", False)
    history = rows(database, select(ExceptionEvent).where(ExceptionEvent.exception_id == exception.id))
    assert [e.to_status for e in history if e.kind == "status"] == ["in_progress", "action_taken", "resolved"]
    assert exception.opened_at <= action.at <= exception.resolved_at <= NOW
    with database.session() as session:
        original = session.get(Order, exception.order_id)
        reship = session.get(Order, action.linked_order_id)
        assert original is not None and reship is not None
        assert original.status == "shipped"  # lost on the way: it never arrived
        assert reship.number in exception.resolution
        assert (reship.status, reship.priority, reship.total_cents, reship.payment_status) == (
            "confirmed", "urgent", 0, "paid")  # fmt: skip
        assert f"Reship of order {original.number} for exception EX-{exception.id}." == reship.notes
        assert reship.customer_id == original.customer_id
        address = ("ship_name", "ship_line1", "ship_line2", "ship_city", "ship_postcode", "ship_country")
        assert [getattr(reship, a) for a in address] == [getattr(original, a) for a in address]
        assert [(x.product_id, x.quantity) for x in reship.lines] == [
            (x.product_id, x.quantity) for x in original.lines
        ]
        assert all(x.unit_price_cents == 0 for x in reship.lines)
        reserved = session.scalars(
            select(StockMovement.reserved_delta).where(
                StockMovement.order_id == reship.id, StockMovement.kind == "reserve"
            )
        ).all()
        assert sorted(reserved) == sorted(x.quantity for x in reship.lines)  # its stock is held for packing
    assert exception.opened_at < reship.created_at == action.at


def test_a_small_shop_adds_up_in_sql(database: Database) -> None:
    """Stock figures equal their ledger, order totals equal their lines, and every row points at rows
    that exist (the SQLite build writes without foreign key checks), asked of the database itself."""
    build_demo_shop(database, DemoSize(products=40, customers=15, orders=400, days=15), seed=11, now=NOW)
    checks = {
        "stock against the ledger": "SELECT p.id FROM product p LEFT JOIN (SELECT product_id, sum(qty_delta) q, "
        "sum(reserved_delta) r FROM stock_movement GROUP BY product_id) m ON m.product_id = p.id "
        "WHERE p.on_hand <> coalesce(m.q, 0) OR p.reserved <> coalesce(m.r, 0) OR p.reserved < 0 "
        "OR p.on_hand < p.reserved",
        "subtotals against the lines": "SELECT o.id FROM orders o JOIN (SELECT order_id, "
        "sum(quantity * unit_price_cents - discount_cents) s FROM order_line GROUP BY order_id) l "
        "ON l.order_id = o.id WHERE o.subtotal_cents <> l.s",
        "totals": "SELECT id FROM orders WHERE total_cents <> subtotal_cents - discount_cents + shipping_cents",
        "orders without lines": "SELECT o.id FROM orders o WHERE NOT EXISTS "
        "(SELECT 1 FROM order_line l WHERE l.order_id = o.id)",
    }
    links = [("order_line", "order_id", "orders"), ("order_line", "product_id", "product"),
             ("order_event", "order_id", "orders"), ("stock_movement", "product_id", "product"),
             ("stock_movement", "order_id", "orders"), ("product_barcode", "product_id", "product"),
             ("orders", "customer_id", "customer"), ("order_return", "order_id", "orders"),
             ("order_exception", "order_id", "orders"), ("exception_event", "linked_order_id", "orders"),
             ("pack_scan", "order_line_id", "order_line"), ("pack_session", "order_id", "orders")]  # fmt: skip
    for table, column, parent in links:
        checks[f"{table}.{column}"] = (
            f"SELECT c.id FROM {table} c LEFT JOIN {parent} p ON p.id = c.{column} "
            f"WHERE c.{column} IS NOT NULL AND p.id IS NULL"
        )
    with database.engine.connect() as conn:
        found = {name: conn.execute(text(sql)).scalars().all() for name, sql in checks.items()}
        assert found == {name: [] for name in checks}
        assert conn.execute(select(func.count()).select_from(StockMovement)).scalar_one() > 400
        if database.is_sqlite:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1  # the build's setting put back


def test_order_numbers_are_scanner_safe(shop: tuple[Database, DemoReport]) -> None:
    database, _ = shop
    numbers = [(o.id, o.number) for o in rows(database, select(Order.id, Order.number))]
    assert all(re.fullmatch(r"[A-Z0-9-]+", n) and n == f"SO-{i:06d}" for i, n in numbers)


def test_orders_and_their_timelines_lie_in_the_last_days(shop: tuple[Database, DemoReport]) -> None:
    database, _ = shop
    orders = {o.id: o for o in rows(database, select(Order))}
    first = NOW - timedelta(days=DemoSize().days)
    assert all(first <= o.created_at <= o.updated_at <= NOW for o in orders.values())
    events: dict[int, list[Any]] = defaultdict(list)
    for event in rows(database, select(OrderEvent).order_by(OrderEvent.id)):
        events[event.order_id].append(event)
    assert set(events) == set(orders)
    for order_id, timeline in events.items():
        order = orders[order_id]
        assert [e.at for e in timeline] == sorted(e.at for e in timeline)
        assert timeline[0].at == order.created_at and timeline[-1].at == order.updated_at
        assert (timeline[0].from_status, timeline[0].to_status) == (None, "received")
        steps = [e for e in timeline if e.kind == "status"]  # returns, refunds and notes come between
        assert steps[-1].to_status == order.status
        for before, after in pairwise(steps):
            assert after.from_status == before.to_status
            assert can_move(OrderStatus(after.from_status), OrderStatus(after.to_status)), (order.number, after)
        assert all(e.kind in ("status", "return", "refund", "note") for e in timeline)
        assert all(e.user_id == 1 or e.to_status == "packed" for e in timeline)  # packers pack (demo_staff)
        if order.status == "on_hold":
            assert order.held_from == steps[-1].from_status
        else:
            assert order.held_from is None
        if order.fulfilment == "delivery" and order.status in ("shipped", "delivered"):
            assert order.carrier and order.tracking_number
            assert order.tracking_number in next(e.detail for e in timeline if e.to_status == "shipped")


def test_movements_happen_when_their_order_moved(shop: tuple[Database, DemoReport]) -> None:
    database, _ = shop
    step_times = {(e.order_id, e.to_status): e.at for e in rows(database, select(OrderEvent))}
    kind_to_status = {"reserve": "confirmed", "ship": "shipped", "sale": "completed", "release": "cancelled",
                      "return": "returned"}  # fmt: skip
    numbers = dict(rows(database, select(Order.id, Order.number)))
    returns = {
        number: (order_id, at)
        for number, order_id, at in rows(
            database, select(OrderReturn.number, OrderReturn.order_id, OrderReturn.created_at)
        )
    }
    for movement in rows(database, select(StockMovement).where(StockMovement.order_id.is_not(None))):
        if movement.reference in returns:  # an after-sales return: at the time it was recorded
            assert movement.kind in ("return", "write_off")
            assert returns[movement.reference] == (movement.order_id, movement.at)
            continue
        assert movement.at == step_times[(movement.order_id, kind_to_status[movement.kind])]
        assert movement.reference == numbers[movement.order_id]


def test_shop_settings_are_written_only_where_missing(database: Database) -> None:
    with database.engine.begin() as conn:
        conn.execute(
            insert(Setting),
            [
                {"key": "shop.name", "value": "Lucky Mart", "updated_at": NOW, "updated_by": 1},
                {"key": "shop.currency", "value": "HKD", "updated_at": NOW, "updated_by": 1},
            ],
        )
    build_demo_shop(database, DemoSize(products=20, customers=5, orders=30, days=5), now=NOW)
    settings = dict(rows(database, select(Setting.key, Setting.value)))
    assert settings["shop.name"] == "Lucky Mart"
    assert settings["shop.currency"] == "HKD"
    assert settings["shop.timezone"] == "Asia/Shanghai"
    assert settings["shop.phone"] == "021 6123 4567"
    assert settings["shop.phone_region"] == "CN"
    assert "示例小店" not in settings["shop.name"] and "\n" in settings["shop.address"]
    assert {currency for (currency,) in rows(database, select(Order.currency).distinct())} == {"HKD"}


def test_the_demo_settings_are_complete_in_a_new_shop(shop: tuple[Database, DemoReport]) -> None:
    database, _ = shop
    settings = dict(rows(database, select(Setting.key, Setting.value)))
    assert settings == {**settings, **SHOP_SETTINGS}
    assert settings["shop.name"] == "示例小店 Demo Corner Shop"


def test_a_shop_in_use_is_refused_and_left_alone(shop: tuple[Database, DemoReport]) -> None:
    database, _ = shop

    def counts() -> list[int]:
        with database.engine.connect() as conn:
            return [count(conn, m) for m in (Product, ProductBarcode, Customer, Order, OrderEvent, StockMovement)]

    before = counts()
    with pytest.raises(DatabaseInUse, match="already holds a shop") as caught:
        build_demo_shop(database, now=NOW)
    assert database.location in str(caught.value)
    assert counts() == before


def index_names(database: Database) -> dict[str, set[str]]:
    with database.engine.connect() as conn:
        inspector = inspect(conn)
        return {t: {str(i["name"]) for i in inspector.get_indexes(t)} for t in inspector.get_table_names()}


def test_the_indexes_are_all_there_after_the_demo(database: Database) -> None:
    before = index_names(database)
    build_demo_shop(database, DemoSize(products=20, customers=5, orders=30, days=5), now=NOW)
    assert index_names(database) == before
    assert "ix_stock_movement_product_id_at" in before["stock_movement"]


def test_the_indexes_kept_while_writing_get_their_keys_in_order(shop: tuple[Database, DemoReport]) -> None:
    """The demo keeps some indexes while it writes because it writes their keys in ascending order
    (cheap appends): if the write order changed, building them afterwards would be the faster way.
    Only the after-sales rows, written once every index is back, may come out of order."""
    database, _ = shop
    tables = {str(index.name): table for table in writer.COLUMNS for index in table.indexes}
    assert set(tables) >= writer.ASCENDING_INDEXES
    for name in sorted(writer.ASCENDING_INDEXES):
        table = tables[name]
        (index,) = [index for index in table.indexes if index.name == name]
        keys = [tuple(row) for row in rows(database, select(*index.columns).order_by(table.c.id))]
        assert len(keys) > 300, name
        out_of_order = sum(1 for a, b in pairwise(keys) if _sql_order(b) < _sql_order(a))
        assert out_of_order <= len(keys) // 100, (name, out_of_order, len(keys))


def _sql_order(key: tuple[Any, ...]) -> tuple[Any, ...]:
    """An index key as SQL orders it (NULL first)."""
    return tuple((value is not None, value if value is not None else 0) for value in key)


def test_the_cycle_collector_is_off_during_the_build_and_as_it_was_after(database: Database) -> None:
    seen: set[bool] = set()
    assert gc.isenabled()
    build_demo_shop(database, DemoSize(products=20, customers=5, orders=30, days=5), now=NOW,
                    progress=lambda *_: seen.add(gc.isenabled()))  # fmt: skip
    assert seen == {False}
    assert gc.isenabled()


def test_a_build_leaves_a_disabled_cycle_collector_disabled(tmp_path: Path) -> None:
    gc.disable()
    try:
        build_sqlite(tmp_path / "shop.sqlite", DemoSize(products=20, customers=5, orders=30, days=5)).dispose()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_failed_build_leaves_no_half_shop(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    before = index_names(database)

    def broken(*args: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(products.Catalogue, "finish_stock", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        build_demo_shop(database, DemoSize(products=20, customers=5, orders=30, days=5), now=NOW)
    assert shop_is_empty(database)
    assert rows(database, select(Setting.key)) == []
    assert index_names(database) == before
    monkeypatch.undo()
    build_demo_shop(database, DemoSize(products=20, customers=5, orders=30, days=5), now=NOW)  # and it can retry


def typed_dump(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every demo row as SQLAlchemy reads it (aware times, booleans): comparable across backends."""
    models = (Product, ProductBarcode, Customer, Order, OrderLine, OrderEvent, StockMovement)
    with database.engine.connect() as conn:
        return {
            m.__tablename__: [tuple(r) for r in conn.execute(select(m.__table__).order_by(m.__table__.c.id))]
            for m in models
        }


def test_every_backend_gets_the_same_shop(database: Database, tmp_path: Path) -> None:
    size = DemoSize(products=60, customers=20, orders=120, days=20)
    build_demo_shop(database, size, seed=5, now=NOW)
    reference = open_database(tmp_path / "reference.sqlite")
    try:
        build_demo_shop(reference, size, seed=5, now=NOW)
        assert typed_dump(database) == typed_dump(reference)
    finally:
        reference.dispose()


def test_the_shop_keeps_working_after_the_demo(shop: tuple[Database, DemoReport]) -> None:
    """Ids were written explicitly: the next ordinary insert must not collide (PostgreSQL sequences)."""
    database, report = shop
    with database.session(write=True) as session:
        product = Product(sku="NEW-1", name="新品 New item", price_cents=100)
        customer = Customer(name="新顾客", phone="+8613900000000")
        session.add_all([product, customer])
        session.flush()
        order = Order(number="SO-NEW", currency="CNY", created_by=1, customer_id=customer.id)
        session.add(order)
        session.flush()
        session.add(StockMovement(product_id=product.id, user_id=1, kind="receive", qty_delta=5))
        session.add(OrderEvent(order_id=order.id, user_id=1, to_status="received"))
        session.add(OrderLine(order_id=order.id, line_no=1, product_id=product.id, sku="NEW-1", name="新品",
                              quantity=1, unit_price_cents=100, catalogue_price_cents=100))  # fmt: skip
        session.add(ProductBarcode(product_id=product.id, code="6900000000019", symbology="ean13"))
        session.commit()
        assert product.id == report.products + 1
        assert order.id == report.orders + 1


def test_progress_reports_each_phase_to_the_end(database: Database) -> None:
    seen: list[tuple[str, int, int]] = []
    build_demo_shop(database, DemoSize(products=50, customers=10, orders=80, days=10), now=NOW,
                    progress=lambda phase, done, total: seen.append((phase, done, total)))  # fmt: skip
    phases = [phase for phase, _, _ in seen]
    order = ["products", "customers", "orders", "stock", "search"]
    assert [phases.index(phase) for phase in order] == sorted(phases.index(phase) for phase in order)
    last = {phase: (done, total) for phase, done, total in seen}
    assert last == {"products": (50, 50), "customers": (10, 10), "orders": (80, 80), "stock": (50, 50),
                    "search": (1, 1)}  # fmt: skip
    assert all(0 <= done <= total for _, done, total in seen)


# --- SQLite only: several shops side by side ---------------------------------------------------------


def build_sqlite(path: Path, size: DemoSize = DEFAULT, seed: int = 1) -> Database:
    database = open_database(path)
    build_demo_shop(database, size, seed=seed, now=NOW)
    return database


def dump(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    tables = ("product", "product_barcode", "customer", "orders", "order_line", "order_event", "stock_movement")
    with database.engine.connect() as conn:
        return {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY id"))] for t in tables}


def test_the_same_seed_builds_the_same_shop(tmp_path: Path) -> None:
    first = build_sqlite(tmp_path / "a.sqlite")
    second = build_sqlite(tmp_path / "b.sqlite")
    other = build_sqlite(tmp_path / "c.sqlite", seed=2)
    try:
        assert dump(first) == dump(second)
        assert dump(first)["orders"] != dump(other)["orders"]
    finally:
        for database in (first, second, other):
            database.dispose()


def test_fast_sqlite_rows_match_what_sqlalchemy_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The SQLite path writes times as text itself; they must be byte for byte what the typed
    UTCDateTime column writes, or comparisons and sorting in SQL would go wrong."""
    fast = build_sqlite(tmp_path / "fast.sqlite")
    original_init = writer.Writer.__init__

    def typed_init(self: Any, conn: Connection, now_us: int) -> None:
        original_init(self, conn, now_us)
        self.dialect = "generic"  # the maker's plan takes the writer's dialect: it makes aware datetimes too
        self.stamp = writer.aware_stamp

    monkeypatch.setattr(writer.Writer, "__init__", typed_init)
    typed = build_sqlite(tmp_path / "typed.sqlite")
    try:
        assert dump(fast) == dump(typed)
    finally:
        fast.dispose()
        typed.dispose()


def test_times_stamped_column_wise_are_the_times_stamped_one_by_one(database: Database) -> None:
    """DemoStamps.stamp_all (what the timelines use) gives each time exactly as the writer's stamp
    does: across the edges of seconds, minutes, hours, days and years, and times spread over many hours."""
    base = micros(datetime(2025, 12, 31, 22, 59, 59, 999_999, tzinfo=UTC))
    values = [base + step for step in (0, 1, 2, 999_999, 1_000_000, 60_000_000, 3_600_000_000, 86_400_000_000)]
    values += [base + n * 7_777_777_777 for n in range(500)] + [base - 1, 0, base]
    with database.write_engine.connect() as conn:
        demo_writer = writer.Writer(conn, base)
        stamps = writer.DemoStamps(demo_writer.dialect)
        expected = [demo_writer.stamp(value) for value in values]
        assert stamps.stamp_all(np.array(values, dtype=np.int64)) == expected
        assert stamps.stamp_all(np.array([], dtype=np.int64)) == []


@pytest.mark.parametrize(
    "size, seed",
    [
        (DemoSize(products=1, customers=1, orders=12, days=1), 1),
        (DemoSize(products=3, customers=2, orders=40, days=2), 7),
        (DemoSize(products=30, customers=5, orders=15, days=90), 3),
    ],
)
def test_even_a_tiny_shop_shows_everything_and_adds_up(tmp_path: Path, size: DemoSize, seed: int) -> None:
    database = build_sqlite(tmp_path / "tiny.sqlite", size, seed)
    try:
        with database.engine.connect() as conn:
            statuses = set(conn.execute(text("SELECT status FROM orders")).scalars())
            assert statuses == {s.value for s in OrderStatus}
            assert conn.execute(text("SELECT count(*) FROM orders WHERE priority = 'urgent'")).scalar_one() > 0
            mismatched = conn.execute(
                text(
                    "SELECT p.id FROM product p LEFT JOIN (SELECT product_id, sum(qty_delta) q, "
                    "sum(reserved_delta) r FROM stock_movement GROUP BY product_id) m ON m.product_id = p.id "
                    "WHERE p.on_hand != coalesce(m.q, 0) OR p.reserved != coalesce(m.r, 0) "
                    "OR p.on_hand < p.reserved"
                )
            ).all()
            assert mismatched == []
            low = conn.execute(text("SELECT count(*) FROM product WHERE on_hand <= reorder_point")).scalar_one()
            assert low >= 1
            assert conn.execute(text("SELECT min(created_at) FROM orders")).scalar_one() >= str(
                (NOW - timedelta(days=size.days)).replace(tzinfo=None)
            )
    finally:
        database.dispose()


def test_an_empty_order_book_is_fine(tmp_path: Path) -> None:
    database = build_sqlite(tmp_path / "no-orders.sqlite", DemoSize(products=10, customers=3, orders=0, days=3))
    try:
        with database.engine.connect() as conn:
            assert count(conn, Order) == 0
            assert count(conn, StockMovement) == 10
    finally:
        database.dispose()


@pytest.mark.parametrize("size", [DemoSize(products=0), DemoSize(customers=0), DemoSize(orders=-1), DemoSize(days=0)])
def test_impossible_sizes_are_refused(database: Database, size: DemoSize) -> None:
    with pytest.raises(ValueError):
        build_demo_shop(database, size)
    assert shop_is_empty(database)


def test_now_must_say_its_time_zone(database: Database) -> None:
    with pytest.raises(ValueError, match="naive"):
        build_demo_shop(database, now=datetime(2026, 1, 1))
    assert shop_is_empty(database)


def test_without_a_time_the_orders_run_up_to_now(database: Database) -> None:
    before = datetime.now(UTC)
    build_demo_shop(database, DemoSize(products=20, customers=5, orders=40, days=3))
    after = datetime.now(UTC)
    with database.engine.connect() as conn:
        first, last = conn.execute(select(func.min(Order.created_at), func.max(Order.updated_at))).one()
    assert before - timedelta(days=3) <= first and last <= after


def test_the_product_list_search_finds_every_demo_product_and_the_file_is_back_in_wal(tmp_path: Path) -> None:
    """The products' search index is filled in one statement after they are written (not by its
    row trigger), so it must hold every product, exactly as the trigger would have; the trigger is
    back for later edits; the brand-new file is built without the WAL and left in WAL mode."""
    from orderapp.services.stock.catalogue import ProductQuery, list_products

    database = build_sqlite(tmp_path / "search.sqlite", DemoSize(products=50, customers=5, orders=20, days=3))
    try:
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            indexed = dict(conn.exec_driver_sql("SELECT rowid, body FROM product_search_fts").all())
            expected = dict(conn.exec_driver_sql("SELECT id, sku || ' ' || name FROM product").all())
            assert indexed == expected and len(expected) == 50
            trigger = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'product_search_ai'"
            assert conn.exec_driver_sql(trigger).scalar() == 1
            sku, name = conn.exec_driver_sql("SELECT sku, name FROM product ORDER BY id DESC LIMIT 1").one()
        word = max(name.split(), key=len)
        page = list_products(database, ProductQuery(search=f"{sku[-6:]} {word}"))
        assert [p.sku for p in page.rows] == [sku]
    finally:
        database.dispose()


def test_the_search_text_written_with_each_order_is_what_the_search_service_makes(
    shop: tuple[Database, DemoReport],
) -> None:
    """The maker writes every order's search text itself (no second pass over a million orders): it
    must be exactly what ``search_text_query`` makes from the rows, or a search would miss orders."""
    database, report = shop
    with database.engine.connect() as conn:
        written = dict(conn.execute(select(OrderSearch.order_id, OrderSearch.text)).all())
        made = dict(conn.execute(search_text_query()).all())
    assert len(written) == report.orders
    assert written == made
    texts = list(written.values())
    assert any(len(text.split("\n")[-1].split()) >= 3 for text in texts)  # orders of several lines
    assert any(text.split("\n")[2] == "" for text in texts)  # and counter sales to nobody in the book
