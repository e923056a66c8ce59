"""The demo shop: a believable grocery and general store to try the app on, or to measure it with.

A Chinese corner shop that also sells imported goods: bilingual, Chinese-only and English-only
product names, EAN-13 and UPC-A unit barcodes, case barcodes, customers in China, the US and the
UK, and orders over the last few weeks in every status, each with its timeline and stock ledger.

The same generator builds the benchmark shop (100,000 products, 1,000,000 orders), so rows are
made as plain tuples from pre-built pools and written in large batches straight to the driver:
executemany on SQLite, COPY on PostgreSQL. Everything comes from one ``random.Random(seed)``, so a
seed and a ``now`` always give the same shop.

The stock ledger explains every figure: each product's first movement is an opening receipt big
enough that neither on-hand nor available stock ever goes below zero, and ``product.on_hand`` and
``product.reserved`` are set to the sums of its movements.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, select

from orderapp.demo.after_sales import add_after_sales
from orderapp.demo.exceptions import add_demo_exceptions
from orderapp.demo.making import Applier, make_and_apply
from orderapp.demo.plan import DemoSize, FirstIds, MakePlan
from orderapp.demo.staff import add_demo_staff
from orderapp.demo.writer import (
    BARCODE,
    CUSTOMER,
    MOVEMENT,
    ORDER_EVENT,
    ORDER_LINE,
    ORDERS,
    PRODUCT,
    Progress,
    Writer,
    micros,
    next_id,
    sqlite_bulk_settings,
    table_of,
)
from orderapp.errors import DatabaseInUse
from orderapp.i18n import _
from orderapp.services.orders.search import search_index_built_after
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Setting

_SETTING = table_of(Setting)
DEFAULT_SIZE = DemoSize()
_FIRST_IDS = (PRODUCT, BARCODE, CUSTOMER, ORDERS, ORDER_LINE, ORDER_EVENT, MOVEMENT)  # as ``FirstIds`` names them


@dataclass(frozen=True)
class DemoReport:
    products: int
    customers: int
    orders: int
    order_lines: int
    movements: int
    seconds: float


SHOP_SETTINGS: dict[str, str] = {
    "shop.name": "示例小店 Demo Corner Shop",
    "shop.address": "上海市徐汇区漕溪北路88号 一楼\n1F, 88 Caoxi North Road, Xuhui District\nShanghai 200030, China",
    "shop.phone": "021 6123 4567",
    "shop.currency": "CNY",
    "shop.timezone": "Asia/Shanghai",
    "shop.phone_region": "CN",
}


def build_demo_shop(
    database: Database,
    size: DemoSize = DEFAULT_SIZE,
    *,
    seed: int = 1,
    now: datetime | None = None,
    progress: Progress | None = None,
    maker_in_process: bool | None = None,
) -> DemoReport:
    """Fill an empty, migrated shop database with a demo shop; orders run up to ``now``.

    Raises ``DatabaseInUse`` (and changes nothing) when the database already holds products,
    customers or orders. Everything is written in one transaction: a failure leaves no half shop.
    ``maker_in_process``: make the rows in this process (True) or a second one (False); None
    chooses by the shop's size (``making.make_and_apply``). The shop is the same either way.
    """
    if size.products < 1 or size.customers < 1 or size.orders < 0 or size.days < 1:
        raise ValueError(f"a demo shop needs products, customers and days: {size}")
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        raise ValueError("naive datetime given; use an aware UTC time")
    started = time.perf_counter()
    report = progress or _no_progress
    now_us = micros(now)
    with (
        _cycle_collector_paused(),
        database.write_engine.connect() as conn,
        sqlite_bulk_settings(conn, journal="MEMORY"),
        conn.begin(),
    ):
        if not _is_empty(conn):
            raise DatabaseInUse(
                # The same words as when opening a file for a new shop: one message to translate.
                _("{where} already holds a shop; it was left untouched. Choose a new file name.").format(
                    where=database.location
                ),
                database.location,
            )
        settings = _write_settings(conn, now)
        writer = Writer(conn, now_us)
        plan = MakePlan(
            size,
            seed,
            now_us,
            currency=settings.get("shop.currency") or "CNY",
            zone=_zone(settings.get("shop.timezone") or "Asia/Shanghai"),
            dialect=writer.dialect,
            first=FirstIds(*(next_id(conn, table) for table in _FIRST_IDS)),
        )
        # The maker writes each order's search text with the order; their index is made beside the
        # shop on a thread (SQLite) while the shop's other indexes are built, then copied in.
        with search_index_built_after(conn) as search:
            with writer.without_demo_indexes():
                made = make_and_apply(plan, Applier(writer, report, search), in_process=maker_in_process)
                if search is not None:
                    search.start()
            add_demo_staff(conn, now, seed=seed)  # a shopkeeper and two packers, who did the recent packing
            add_demo_exceptions(conn, seed=seed, now=now)  # every family of exception in every status
            report("search", 0, 1)  # the orders list's search box: its index built once, from all the texts
        report("search", 1, 1)
        writer.reset_demo_sequences()
        after = add_after_sales(conn, now=now, seed=seed)  # returns, refunds, an exchange, tags, a duplicate
    if not database.is_sqlite:
        # Fresh statistics, or PostgreSQL plans the first pages of a bulk-loaded shop as if it were empty.
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    return DemoReport(
        products=size.products,
        customers=size.customers,
        orders=size.orders + after.orders,
        order_lines=made.lines + after.order_lines,
        movements=made.movements + size.products + after.movements,
        seconds=time.perf_counter() - started,
    )


def _no_progress(phase: str, done: int, total: int) -> None:
    pass


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the build: it makes no reference cycles, but millions of
    live tuples and lists would be walked again at every full collection (about 5% of a big build)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _is_empty(conn: Connection) -> bool:
    tables = (PRODUCT, CUSTOMER, ORDERS)
    return all(conn.execute(select(table.c.id).limit(1)).first() is None for table in tables)


def _write_settings(conn: Connection, now: datetime) -> dict[str, str]:
    """Add the demo shop's settings that are missing; return the settings in force afterwards."""
    table = _SETTING
    existing = {key: value or "" for key, value in conn.execute(select(table.c.key, table.c.value))}
    missing = {key: value for key, value in SHOP_SETTINGS.items() if key not in existing}
    if missing:
        conn.execute(
            table.insert(),
            [
                {"key": key, "value": value, "data": None, "updated_at": now, "updated_by": DEFAULT_USER_ID}
                for key, value in missing.items()
            ],
        )
    return {**existing, **missing}


def _zone(name: str) -> str:
    """The shop's time zone if this machine knows it, else Shanghai's."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return "Asia/Shanghai"
    return name
