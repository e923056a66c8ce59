"""Orders benchmarks on the 1,000,000-order shop: confirming with reservation, the orders list's
first page, the search box, and a 10,000-order Shopify import.

The list and the search read the cached shop itself; confirming and importing change data, so they
run on a copy of it (made per run, removed after)."""

from __future__ import annotations

import argparse
import csv
import io
import random
import shutil
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from common import DATA, Row, benchmark, big_shop

USER = 1


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _ms(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def _searchable_shop(args: argparse.Namespace) -> tuple[Path, float | None]:
    """The big shop with its order search index (built here once if the generator did not)."""
    from orderapp.services.orders.search import fill_missing_search_rows
    from orderapp.store.opening import open_database

    path, _built = big_shop(args)
    database = open_database(path)
    try:
        started = time.perf_counter()
        with database.write_engine.begin() as conn:
            added = fill_missing_search_rows(conn)
        seconds = time.perf_counter() - started if added else None
    finally:
        database.dispose()
    return path, seconds


@contextmanager
def _work_copy(path: Path) -> Iterator[Path]:
    """A throw-away copy of the shop for benchmarks that change it."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = DATA / f"work-{path.stem}.sqlite"
    shutil.copyfile(path, copy)
    try:
        yield copy
    finally:
        for extra in (copy, copy.with_name(copy.name + "-wal"), copy.with_name(copy.name + "-shm")):
            extra.unlink(missing_ok=True)


@benchmark
def bench_orders_index(args: argparse.Namespace) -> list[Row]:
    """Building the order search index of the big shop (0 when it is already there)."""
    _path, seconds = _searchable_shop(args)
    return [Row("orders", "search index for 1M orders (first open only)", seconds or 0.0, "s", "once")]


@benchmark
def bench_orders_confirm(args: argparse.Namespace) -> list[Row]:
    """Confirm orders of two lines each (reserve both, two ledger rows, status, timeline, commit)."""
    from sqlalchemy import select

    from orderapp.domain.order_validation import AddressDraft, CustomerDraft, LineDraft, OrderDraft
    from orderapp.services.orders.placing import confirm_order, place_order
    from orderapp.store.models import Product
    from orderapp.store.opening import open_database

    path, _seconds = _searchable_shop(args)
    count = 300
    with _work_copy(path) as copy:
        database = open_database(copy)
        try:
            with database.session() as session:
                skus = session.scalars(
                    select(Product.sku)
                    .where(Product.active.is_(True), Product.on_hand - Product.reserved >= 50)
                    .limit(2000)
                ).all()
            rng = random.Random(3)
            ids = []
            for i in range(count):
                a, b = rng.sample(skus, 2)
                draft = OrderDraft(
                    customer=CustomerDraft(
                        name=f"压测客户 Bench {i}", phone=f"+86 139 {i:04d} {rng.randrange(10000):04d}"
                    ),
                    delivery=AddressDraft(line1="漕溪北路88号", city="上海", postcode="200030"),
                    lines=(LineDraft(code=a, qty="1"), LineDraft(code=b, qty="2")),
                )
                ids.append(place_order(database, draft, user_id=USER, allow_duplicate=True).id)
            runs = [_ms(lambda order_id=order_id: confirm_order(database, order_id, user_id=USER)) for order_id in ids]
        finally:
            database.dispose()
    detail = {"orders": count, "lines_each": 2}
    return [
        Row("orders", "confirm with reservation (p50)", statistics.median(runs), "ms", "<= 5 ms", detail),
        Row("orders", "confirm with reservation (p99)", _p(runs, 0.99), "ms", "<= 25 ms", detail),
    ]


@benchmark
def bench_orders_list(args: argparse.Namespace) -> list[Row]:
    """The orders list's first page (100 rows, newest first), plain and filtered, and a deep page."""
    from orderapp.services.orders.listing import OrderFilter, list_orders
    from orderapp.store.opening import open_database

    path, _seconds = _searchable_shop(args)
    database = open_database(path)
    rows: list[Row] = []
    try:
        list_orders(database)  # warm, as a running app is
        cases = {
            "first page, no filter": OrderFilter(),
            "first page, on hold": OrderFilter(statuses=frozenset({"on_hold"})),
            "first page, overdue": OrderFilter(overdue_only=True),
            "first page, urgent + web": OrderFilter(priority="urgent", channels=frozenset({"web"})),
            "first page, returned": OrderFilter(statuses=frozenset({"returned"})),
        }
        for label, filters in cases.items():
            runs = [_ms(lambda f=filters: list_orders(database, f)) for _ in range(max(args.repeat, 10))]
            rows.append(Row("orders", f"{label} (median)", statistics.median(runs), "ms", "<= 150 ms"))
        page = list_orders(database)
        for _ in range(99):
            assert page.next is not None
            page = list_orders(database, after=page.next)
        assert page.next is not None
        cursor = page.next
        runs = [_ms(lambda: list_orders(database, after=cursor)) for _ in range(10)]
        rows.append(Row("orders", "page 101 by keyset (median)", statistics.median(runs), "ms", "like page 1"))
    finally:
        database.dispose()
    return rows


@benchmark
def bench_orders_search(args: argparse.Namespace) -> list[Row]:
    """The search box: order number, customer name, phone (typed with spaces), SKU; p95 of 40 each."""
    from sqlalchemy import func, select

    from orderapp.services.orders.listing import OrderFilter, list_orders
    from orderapp.store.models import Customer, Order, OrderLine
    from orderapp.store.opening import open_database

    path, _seconds = _searchable_shop(args)
    database = open_database(path)
    rng = random.Random(11)
    rows: list[Row] = []
    try:
        with database.session() as session:
            top = session.scalar(select(func.max(Order.id))) or 1
            sample_ids = [rng.randrange(1, top + 1) for _ in range(40)]
            numbers = session.scalars(select(Order.number).where(Order.id.in_(sample_ids))).all()
            # The customers of other random orders: people who have orders to find.
            other_orders = [rng.randrange(1, top + 1) for _ in range(80)]
            people = session.execute(
                select(Customer.name, Customer.phone)
                .join(Order, Order.customer_id == Customer.id)
                .where(Order.id.in_(other_orders))
            ).all()
            skus = session.scalars(select(OrderLine.sku).where(OrderLine.order_id.in_(sample_ids)).limit(40)).all()
        phones = [p for _n, p in people if p.startswith("+86")][:40]
        kinds = {
            "order number": list(numbers),
            "customer name": [n for n, _p in people][:40],
            "phone, typed 138 1234 5678": [f"{p[3:6]} {p[6:10]} {p[10:]}" for p in phones],
            "phone, last 8 digits": [p[-8:] for p in phones],
            "SKU": list(skus),
        }
        list_orders(database, OrderFilter(search="warm"))
        # The machine is shared: each kind's batch runs ``repeat`` times and the median batch counts.
        for kind, queries in kinds.items():
            batches: list[float] = []
            medians: list[float] = []
            hits = 0
            for _batch in range(max(args.repeat, 3)):
                runs = []
                hits = 0
                for query in queries:
                    started = time.perf_counter()
                    page = list_orders(database, OrderFilter(search=query))
                    runs.append((time.perf_counter() - started) * 1000)
                    hits += bool(page.rows)
                batches.append(_p(runs, 0.95))
                medians.append(statistics.median(runs))
            rows.append(
                Row(
                    "orders",
                    f"search by {kind} (p95)",
                    statistics.median(batches),
                    "ms",
                    "<= 100 ms",
                    {
                        "queries": len(queries),
                        "found": hits,
                        "p95_per_batch_ms": [round(b, 1) for b in batches],
                        "median_ms": round(statistics.median(medians), 2),
                    },
                )
            )
    finally:
        database.dispose()
    return rows


def shopify_csv(skus: list[str], count: int, seed: int = 5) -> bytes:
    """A Shopify orders export of ``count`` orders (1-3 line items each) in its real layout."""
    rng = random.Random(seed)
    columns = [
        "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Accepts Marketing",
        "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount", "Shipping Method",
        "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price",
        "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status",
        "Billing Name", "Billing Street", "Billing Address1", "Billing Address2", "Billing Company", "Billing City",
        "Billing Zip", "Billing Province", "Billing Country", "Billing Phone", "Shipping Name", "Shipping Street",
        "Shipping Address1", "Shipping Address2", "Shipping Company", "Shipping City", "Shipping Zip",
        "Shipping Province", "Shipping Country", "Shipping Phone", "Notes", "Note Attributes", "Cancelled at",
        "Payment Method", "Payment Reference", "Refunded Amount", "Vendor", "Outstanding Balance", "Employee",
        "Location", "Device ID", "Id", "Tags", "Risk Level", "Source", "Lineitem discount", "Tax 1 Name",
        "Tax 1 Value", "Phone", "Receipt Number", "Duties", "Billing Province Name", "Shipping Province Name",
        "Payment ID", "Payment Terms Name", "Next Payment Due At", "Payment References",
    ]  # fmt: skip
    surnames, given = "王李张刘陈杨黄赵吴周", ["伟", "芳", "娜", "秀英", "敏", "静", "磊", "洋", "艳", "勇"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for n in range(count):
        name = f"#{20001 + n}"
        person = rng.choice(surnames) + rng.choice(given)
        phone = f"+86 1{rng.choice('3589')}{rng.randrange(10**9):09d}"
        items = [(rng.choice(skus), rng.randint(1, 3), rng.randint(5, 300)) for _ in range(rng.randint(1, 3))]
        subtotal = sum(q * p for _s, q, p in items)
        for index, (sku, qty, price) in enumerate(items):
            row = {
                "Name": name,
                "Email": f"buyer{n}@example.com",
                "Lineitem quantity": str(qty),
                "Lineitem name": f"Item {sku}",
                "Lineitem price": f"{price}.00",
                "Lineitem sku": sku,
                "Lineitem requires shipping": "true",
                "Lineitem taxable": "false",
                "Lineitem fulfillment status": "pending",
                "Lineitem discount": "0.00",
            }
            if index == 0:
                row |= {
                    "Financial Status": "paid",
                    "Currency": "CNY",
                    "Subtotal": f"{subtotal}.00",
                    "Shipping": "10.00",
                    "Taxes": "0.00",
                    "Total": f"{subtotal + 10}.00",
                    "Discount Amount": "0.00",
                    "Created at": f"2026-11-{rng.randint(1, 19):02d} {rng.randint(0, 23):02d}:15:00 +0800",
                    "Billing Name": person,
                    "Shipping Name": person,
                    "Shipping Address1": f"人民路{rng.randint(1, 999)}号",
                    "Shipping City": "杭州市",
                    "Shipping Zip": f"'{rng.randint(310000, 311999)}",
                    "Shipping Province": "ZJ",
                    "Shipping Country": "CN",
                    "Shipping Phone": f"'{phone}",
                    "Phone": phone,
                    "Shipping Province Name": "Zhejiang",
                    "Notes": "请尽快发货, thanks" if n % 7 == 0 else "",
                }
            writer.writerow(row)
    return out.getvalue().encode("utf-8")


@benchmark
def bench_orders_import(args: argparse.Namespace) -> list[Row]:
    """A Shopify export of 10,000 orders imported into (a copy of) the big shop: read, check, write."""
    from sqlalchemy import select

    from orderapp.services.orders.importing import plan_import, run_import
    from orderapp.store.models import Product
    from orderapp.store.opening import open_database

    path, _seconds = _searchable_shop(args)
    with _work_copy(path) as copy:
        database = open_database(copy)
        try:
            with database.session() as session:
                skus = list(session.scalars(select(Product.sku).where(Product.active.is_(True)).limit(5000)))
            data = shopify_csv(skus, 10_000)
            started = time.perf_counter()
            plan = plan_import(database, data, format="shopify")
            checked = time.perf_counter() - started
            assert plan.ok, [str(p) for p in plan.errors[:5]]
            result = run_import(database, plan, user_id=USER)
            total = time.perf_counter() - started
        finally:
            database.dispose()
    detail = {
        "orders": len(result.numbers),
        "lines": plan.line_count,
        "file_mb": round(len(data) / 1e6, 1),
        "check_s": round(checked, 2),
        "customers_added": result.customers_added,
    }
    return [Row("orders", "Shopify import of 10,000 orders", total, "s", "<= 20 s", detail)]
