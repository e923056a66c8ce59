"""Several PCs on one shop: confirming on PostgreSQL, four stations confirming at once on a few hot
products (SQLite and PostgreSQL), and the time for a change made on one PC to show on another.

PostgreSQL: the server named by ORDERAPP_BENCH_PG_URL (else ORDERAPP_TEST_PG_URL, else the local
test server); the user must be allowed to create databases. The confirm benchmark's shop (10,000
products, 100,000 orders) is built once with ``orderapp make-demo`` into the database
``orderapp_bench_100k`` and kept; the others make and drop their own small databases."""

from __future__ import annotations

import argparse
import multiprocessing
import os
import queue
import random
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from common import DATA, Row, benchmark

USER = 1
DEFAULT_PG = "postgresql+psycopg://orderapp:orderapp@127.0.0.1:5432/orderapp"
PG_SHOP = "orderapp_bench_100k"
RACE_STATIONS = 4
RACE_ORDERS_EACH = 250
HOT_PRODUCTS = 3
BIG_PG_SHOP_SIZE = ("--products", "10000", "--orders", "100000", "--days", "365")


def _pg_admin() -> str:
    return os.environ.get("ORDERAPP_BENCH_PG_URL") or os.environ.get("ORDERAPP_TEST_PG_URL") or DEFAULT_PG


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _ms(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def _pg_url(name: str) -> str:
    from orderapp.store.database import normalise_url

    return normalise_url(_pg_admin()).set(database=name).render_as_string(hide_password=False)


def _pg_exists(name: str) -> bool:
    from sqlalchemy import create_engine, text

    engine = create_engine(_pg_url("postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first() is not None
    finally:
        engine.dispose()


def _pg_run(sql: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(_pg_url("postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


@contextmanager
def _scratch_shop(backend: str, name: str) -> Iterator[str]:
    """An empty database for a benchmark that changes data: a SQLite file or a PostgreSQL database."""
    if backend == "sqlite":
        DATA.mkdir(parents=True, exist_ok=True)
        path = DATA / f"{name}.sqlite"
        for extra in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            extra.unlink(missing_ok=True)
        try:
            yield str(path)
        finally:
            for extra in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                extra.unlink(missing_ok=True)
    else:
        _pg_run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _pg_run(f'CREATE DATABASE "{name}"')
        try:
            yield _pg_url(name)
        finally:
            _pg_run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _pg_big_shop() -> str:
    """The PostgreSQL shop of 100,000 orders, built once."""
    url = _pg_url(PG_SHOP)
    if not _pg_exists(PG_SHOP):
        _pg_run(f'CREATE DATABASE "{PG_SHOP}"')
        try:
            subprocess.run(
                [sys.executable, "-m", "orderapp", "make-demo", "--database", url, *BIG_PG_SHOP_SIZE],
                check=True,
            )
        except BaseException:
            _pg_run(f'DROP DATABASE IF EXISTS "{PG_SHOP}" WITH (FORCE)')
            raise
    return url


def _two_line_drafts(skus: list[str], count: int, seed: int) -> list[Any]:
    from orderapp.domain.order_validation import AddressDraft, CustomerDraft, LineDraft, OrderDraft

    rng = random.Random(seed)
    drafts = []
    for i in range(count):
        a, b = rng.sample(skus, 2)
        drafts.append(
            OrderDraft(
                customer=CustomerDraft(name=f"压测客户 Bench {i}", phone=f"+86 139 {i:04d} {rng.randrange(10000):04d}"),
                delivery=AddressDraft(line1="漕溪北路88号", city="上海", postcode="200030"),
                lines=(LineDraft(code=a, qty="1"), LineDraft(code=b, qty="2")),
            )
        )
    return drafts


@benchmark
def bench_pg_confirm(args: argparse.Namespace) -> list[Row]:
    """Confirm orders of two lines each on PostgreSQL (the 100,000-order shop): reserve both, two
    ledger rows, status, timeline, commit; one station, one after another. Both ways, taking turns:
    ``confirm_order`` (the order view back, as the detail screen shows it) and ``confirm`` (number
    and status back: bulk confirming, the command line). Also the CPU time per confirm of each."""
    from sqlalchemy import select

    from orderapp.services.customers.lookup import DuplicateCustomer
    from orderapp.services.orders.placing import confirm, confirm_order, place_order
    from orderapp.store.models import Product
    from orderapp.store.opening import open_database

    database = open_database(_pg_big_shop())
    count = 300
    ways: dict[str, Callable[[int], object]] = {
        "with view": lambda order_id: confirm_order(database, order_id, user_id=USER),
        "light": lambda order_id: confirm(database, order_id, user_id=USER),
    }
    runs: dict[str, list[float]] = {way: [] for way in ways}
    cpu: dict[str, list[float]] = {way: [] for way in ways}
    try:
        with database.session() as session:
            skus = list(
                session.scalars(
                    select(Product.sku)
                    .where(Product.active.is_(True), Product.on_hand - Product.reserved >= 50)
                    .limit(2000)
                )
            )
        ids: list[int] = []
        for draft in _two_line_drafts(skus, 3 * count, seed=int(time.time())):
            try:  # the shop keeps the customers of earlier runs: a phone number may be taken already
                ids.append(place_order(database, draft, user_id=USER, allow_duplicate=True).id)
            except DuplicateCustomer:
                continue
            if len(ids) == 2 * count:
                break
        for n, order_id in enumerate(ids):
            way = list(ways)[n % 2]
            started = time.process_time()
            runs[way].append(_ms(lambda order_id=order_id, way=way: ways[way](order_id)))
            cpu[way].append((time.process_time() - started) * 1000)
    finally:
        database.dispose()
    rows = []
    for way in ways:
        detail = {
            "orders": count,
            "lines_each": 2,
            "shop": "10,000 products, 100,000 orders",
            "cpu_ms_p50": round(statistics.median(cpu[way]), 2),
        }
        rows += [
            Row("multi_pc", f"PostgreSQL confirm, {way} (p50)", statistics.median(runs[way]), "ms", "<= 5 ms", detail),
            Row("multi_pc", f"PostgreSQL confirm, {way} (p99)", _p(runs[way], 0.99), "ms", "<= 25 ms", detail),
        ]
    return rows


# -- four stations at once -----------------------------------------------------------------------


def _race_shop(url: str, stations: int, per_station: int) -> tuple[list[int], list[list[int]]]:
    """Hot products with less stock than the orders want, and each station's orders (1-2 lines of them)."""
    from orderapp.domain.order_validation import AddressDraft, CustomerDraft, LineDraft, OrderDraft
    from orderapp.services.orders.placing import place_order
    from orderapp.services.stock import ledger as stock_ledger
    from orderapp.store import settings_store
    from orderapp.store.models import Product
    from orderapp.store.opening import open_database

    database = open_database(url)
    try:
        hot: list[int] = []
        skus: list[str] = []
        with database.session(write=True) as session:
            settings_store.write_values(session, {"shop.currency": "CNY", "shop.phone_region": "CN"}, user_id=USER)
            for n in range(HOT_PRODUCTS):
                product = Product(sku=f"HOT-{n + 1:03d}", name=f"热卖商品 Hot item {n + 1}", price_cents=990)
                session.add(product)
                session.flush()
                # About two thirds of what the orders want: the last units are fought over.
                stock = stations * per_station // 2
                stock_ledger.record_movement(
                    session, product.id, "receive", stock, 0, user_id=USER, reason="Bench", reference="B"
                )
                hot.append(product.id)
                skus.append(product.sku)
            session.commit()
        rng = random.Random(5)
        orders: list[list[int]] = [[] for _ in range(stations)]
        for i in range(stations * per_station):
            picked = rng.sample(skus, rng.choice((1, 2)))
            draft = OrderDraft(
                customer=CustomerDraft(name=f"顾客 {i}", phone=f"+86 138 {i // 10000:04d} {i % 10000:04d}"),
                delivery=AddressDraft(line1="Main St 1", city="上海", postcode="200030"),
                lines=tuple(LineDraft(code=sku, qty=str(rng.choice((1, 1, 2)))) for sku in picked),
            )
            orders[i % stations].append(place_order(database, draft, user_id=USER, allow_duplicate=True).id)
        return hot, orders
    finally:
        database.dispose()


def _race_station(url: str, order_ids: list[int], start: Any, results: Any) -> None:
    from orderapp.errors import OrderAppError
    from orderapp.services.orders.placing import OutOfStock, confirm, get_order
    from orderapp.store.database import Database

    database = Database(url)
    times: list[float] = []  # the confirm (the contended write); the detail is read after it, as the app does
    confirmed: list[int] = []
    refused = errors = 0
    start.wait()
    for order_id in order_ids:
        started = time.perf_counter()
        try:
            confirm(database, order_id, user_id=USER)
        except OutOfStock:
            refused += 1
        except OrderAppError:
            errors += 1
        else:
            confirmed.append(order_id)
        times.append((time.perf_counter() - started) * 1000)
        get_order(database, order_id)
    database.dispose()
    results.put((times, confirmed, refused, errors))


def _oversold(url: str, hot: list[int], confirmed: list[int]) -> tuple[int, int]:
    """(units reserved beyond the stock, products whose figures differ from the ledger or from the
    confirmed orders' lines)."""
    from sqlalchemy import func, select

    from orderapp.services.stock import ledger as stock_ledger
    from orderapp.store.models import OrderLine, Product
    from orderapp.store.opening import open_database

    database = open_database(url)
    try:
        with database.session() as session:
            over = 0
            wrong = len(stock_ledger.ledger_mismatches(session, hot))
            for pid in hot:
                product = session.get_one(Product, pid)
                over += max(0, product.reserved - product.on_hand)
                wanted = session.scalar(
                    select(func.coalesce(func.sum(OrderLine.quantity), 0)).where(
                        OrderLine.product_id == pid, OrderLine.order_id.in_(confirmed)
                    )
                )
                wrong += int(wanted != product.reserved)
            return over, wrong
    finally:
        database.dispose()


@benchmark
def bench_confirm_race(args: argparse.Namespace) -> list[Row]:
    """Four processes confirming 250 orders each at once, all on three hot products whose stock covers
    about two thirds of them: units oversold (must be 0) and the time per confirm, on both backends."""
    rows: list[Row] = []
    for backend in ("sqlite", "postgresql"):
        with _scratch_shop(backend, "orderapp_bench_race") as url:
            hot, orders = _race_shop(url, RACE_STATIONS, RACE_ORDERS_EACH)
            context = multiprocessing.get_context("spawn")
            start = context.Event()
            results = context.Queue()
            workers = [
                context.Process(target=_race_station, args=(url, ids, start, results), daemon=True) for ids in orders
            ]
            for worker in workers:
                worker.start()
            time.sleep(2.0)  # every station imported and waiting
            start.set()
            outcomes = [results.get(timeout=600) for _ in workers]
            for worker in workers:
                worker.join(timeout=60)
            times = [t for out in outcomes for t in out[0]]
            confirmed = [oid for out in outcomes for oid in out[1]]
            refused = sum(out[2] for out in outcomes)
            errors = sum(out[3] for out in outcomes)
            over, wrong = _oversold(url, hot, confirmed)
        detail = {
            "stations": RACE_STATIONS,
            "orders": RACE_STATIONS * RACE_ORDERS_EACH,
            "confirmed": len(confirmed),
            "refused_out_of_stock": refused,
            "other_errors": errors,
            "figures_not_matching": wrong,
        }
        name = "SQLite" if backend == "sqlite" else "PostgreSQL"
        rows += [
            Row("multi_pc", f"4 stations, {name}: units oversold", over, "", "0", detail),
            Row("multi_pc", f"4 stations, {name}: confirm p50", statistics.median(times), "ms", "", detail),
            Row("multi_pc", f"4 stations, {name}: confirm p99", _p(times, 0.99), "ms", "<= 100 ms", detail),
        ]
    return rows


# -- a change on one PC shown on another ------------------------------------------------------------


def _other_pc(url: str, changes: int, made: Any) -> None:
    """Another PC entering orders, one every half second or so; says when each was committed."""
    from orderapp.domain.order_validation import AddressDraft, CustomerDraft, LineDraft, OrderDraft
    from orderapp.services.orders.placing import place_order
    from orderapp.store.database import Database

    database = Database(url)
    rng = random.Random(8)
    for i in range(changes):
        time.sleep(0.4 + rng.random() * 0.3)
        draft = OrderDraft(
            customer=CustomerDraft(name=f"另一台电脑 Other PC {i}", phone=f"+86 137 0000 {i:04d}"),
            delivery=AddressDraft(line1="Main St 1", city="上海", postcode="200030"),
            lines=(LineDraft(code="HOT-001", qty="1"),),
        )
        place_order(database, draft, user_id=USER, allow_duplicate=True)
        made.put(time.time())
    database.dispose()


def _watch_while_another_pc_works(url: str, changes: int) -> tuple[list[float], list[tuple[float, float]]]:
    """The other PC's commit times, and (noticed, list read again) times here."""
    from orderapp.services.orders.listing import list_orders
    from orderapp.store.change_feed import ChangeFeed
    from orderapp.store.opening import open_database

    database = open_database(url)
    notices: queue.Queue[float] = queue.Queue()
    feed = ChangeFeed(database, lambda _change: notices.put(time.time()))
    feed.start()
    feed.wait_ready()
    context = multiprocessing.get_context("spawn")
    made = context.Queue()
    other = context.Process(target=_other_pc, args=(url, changes, made), daemon=True)
    other.start()
    shown: list[tuple[float, float]] = []
    stop = threading.Event()

    def refresher() -> None:
        while not stop.is_set():
            try:
                noticed = notices.get(timeout=0.1)
            except queue.Empty:
                continue
            list_orders(database)
            shown.append((noticed, time.time()))

    worker = threading.Thread(target=refresher, daemon=True)
    worker.start()
    try:
        committed = [made.get(timeout=120) for _ in range(changes)]
        other.join(timeout=30)
        time.sleep(2.5)
    finally:
        stop.set()
        worker.join()
        feed.stop()
        database.dispose()
    return committed, shown


@benchmark
def bench_live_refresh(args: argparse.Namespace) -> list[Row]:
    """Another process enters 20 orders; this one notices each through the change feed and reads the
    orders list's first page again: commit to noticed, and commit to refreshed list (p50, max)."""
    changes = 20
    rows: list[Row] = []
    for backend in ("sqlite", "postgresql"):
        with _scratch_shop(backend, "orderapp_bench_live") as url:
            _race_shop(url, 1, 1)
            committed, shown = _watch_while_another_pc_works(url, changes)
        to_notice: list[float] = []
        to_shown: list[float] = []
        for at in committed:
            after = [pair for pair in shown if pair[0] >= at]
            if after:
                to_notice.append(after[0][0] - at)
                to_shown.append(after[0][1] - at)
        missed = changes - len(to_shown)
        detail = {"changes": changes, "missed": missed}
        name = "SQLite" if backend == "sqlite" else "PostgreSQL"
        rows += [
            Row("multi_pc", f"change to noticed, {name} (p50)", statistics.median(to_notice) * 1000, "ms", "", detail),
            Row("multi_pc", f"change to list refreshed, {name} (p50)", statistics.median(to_shown), "s", "", detail),
            Row(
                "multi_pc",
                f"change to list refreshed, {name} (max)",
                max(to_shown) if not missed else float("inf"),
                "s",
                "<= 2 s",
                detail,
            ),
        ]
    return rows
