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

import math
import random
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, Table, bindparam, func, inspect, select

from orderapp.domain.gtin import Symbology, with_check_digit
from orderapp.domain.money import exponent
from orderapp.domain.order_status import OrderStatus
from orderapp.errors import DatabaseInUse
from orderapp.i18n import _
from orderapp.services.demo_after_sales import add_after_sales
from orderapp.services.demo_exceptions import add_demo_exceptions
from orderapp.services.demo_staff import add_demo_staff
from orderapp.services.order_search import rebuild_search_index
from orderapp.store.base import Base
from orderapp.store.database import Database
from orderapp.store.models import (
    DEFAULT_USER_ID,
    Customer,
    Order,
    OrderEvent,
    OrderLine,
    Product,
    ProductBarcode,
    Setting,
    StockMovement,
)
from orderapp.store.types import UTCDateTime

Progress = Callable[[str, int, int], None]
Row = tuple[object, ...]


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


_PRODUCT = _table(Product)
_BARCODE = _table(ProductBarcode)
_CUSTOMER = _table(Customer)
_SETTING = _table(Setting)
_ORDERS = _table(Order)
_ORDER_LINE = _table(OrderLine)
_ORDER_EVENT = _table(OrderEvent)
_MOVEMENT = _table(StockMovement)


@dataclass(frozen=True)
class DemoSize:
    products: int = 240
    customers: int = 60
    orders: int = 360
    days: int = 30


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

# Rows per executemany/COPY call: big enough to amortise the call, small enough to stay in cache.
CHUNK_ROWS = 20_000
# SQLite page cache while building: index pages stay in memory instead of spilling to the WAL.
BULK_CACHE_KIB = 256 * 1024
# Orders made before their rows are written (about 2 lines, 4 events and 3 movements each).
ORDER_BATCH = 10_000

_US = 1_000_000  # microseconds per second: times are whole microseconds since the Unix epoch
_MINUTE = 60 * _US
_HOUR = 60 * _MINUTE
_DAY = 24 * _HOUR

RECEIVED = OrderStatus.RECEIVED.value
CONFIRMED = OrderStatus.CONFIRMED.value
PICKING = OrderStatus.PICKING.value
PACKED = OrderStatus.PACKED.value
SHIPPED = OrderStatus.SHIPPED.value
DELIVERED = OrderStatus.DELIVERED.value
COMPLETED = OrderStatus.COMPLETED.value
ON_HOLD = OrderStatus.ON_HOLD.value
CANCELLED = OrderStatus.CANCELLED.value
RETURNED = OrderStatus.RETURNED.value
_OPEN = (RECEIVED, CONFIRMED, PICKING, PACKED, ON_HOLD)

DELIVERY, PICKUP, WALK_IN = "delivery", "pickup", "walk_in"


def shop_is_empty(database: Database) -> bool:
    """True while the database holds no products, customers or orders (settings do not count)."""
    with database.engine.connect() as conn:
        return _is_empty(conn)


def build_demo_shop(
    database: Database,
    size: DemoSize = DemoSize(),
    *,
    seed: int = 1,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> DemoReport:
    """Fill an empty, migrated shop database with a demo shop; orders run up to ``now``.

    Raises ``DatabaseInUse`` (and changes nothing) when the database already holds products,
    customers or orders. Everything is written in one transaction: a failure leaves no half shop.
    """
    if size.products < 1 or size.customers < 1 or size.orders < 0 or size.days < 1:
        raise ValueError(f"a demo shop needs products, customers and days: {size}")
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        raise ValueError("naive datetime given; use an aware UTC time")
    started = time.perf_counter()
    report = progress or _no_progress
    now_us = _micros(now)
    rng = random.Random(seed)
    with database.write_engine.begin() as conn:
        if not _is_empty(conn):
            raise DatabaseInUse(
                # The same words as when opening a file for a new shop: one message to translate.
                _("{where} already holds a shop; it was left untouched. Choose a new file name.").format(
                    where=database.location
                ),
                database.location,
            )
        settings = _write_settings(conn, now)
        writer = _Writer(conn, now_us)
        currency = settings.get("shop.currency") or "CNY"
        zone = _zone(settings.get("shop.timezone") or "Asia/Shanghai")
        opening_us = now_us - size.days * _DAY - _DAY
        with writer.bulk_load():
            catalogue = _Catalogue(rng, size.products, currency, writer, opening_us, report)
            book = _CustomerBook(rng, size.customers, writer, opening_us, report)
            movement_id = _next_id(conn, _MOVEMENT)
            receipts_from = movement_id
            movement_id += size.products  # ids kept for the opening receipts, written at the end
            maker = _OrderMaker(rng, size, now_us, zone, currency, catalogue, book, writer, movement_id)
            maker.make_all(report)
            catalogue.finish_stock(rng, receipts_from, opening_us, report)
        add_demo_staff(conn, now, seed=seed)  # a shopkeeper and two packers, who did the recent packing
        add_demo_exceptions(conn, seed=seed, now=now)  # every family of exception in every status
        report("search", 0, 1)
        rebuild_search_index(conn)  # the orders list's search box: one pass over the finished orders
        report("search", 1, 1)
        writer.reset_sequences()
        after = add_after_sales(conn, now=now, seed=seed)  # returns, refunds, an exchange, tags, a duplicate
    if not database.is_sqlite:
        # Fresh statistics, or PostgreSQL plans the first pages of a bulk-loaded shop as if it were empty.
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    return DemoReport(
        products=size.products,
        customers=size.customers,
        orders=size.orders + after.orders,
        order_lines=maker.lines_made + after.order_lines,
        movements=maker.movements_made + size.products + after.movements,
        seconds=time.perf_counter() - started,
    )


def _no_progress(phase: str, done: int, total: int) -> None:
    pass


def _is_empty(conn: Connection) -> bool:
    tables = (_PRODUCT, _CUSTOMER, _ORDERS)
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


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Asia/Shanghai")


def _next_id(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1


def _micros(moment: datetime) -> int:
    return (moment - _EPOCH_AWARE) // timedelta(microseconds=1)


_EPOCH_AWARE = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_NAIVE = datetime(1970, 1, 1)


# --- writing ---------------------------------------------------------------------------------------


class _Writer:
    """Writes tuples to a table as fast as the backend allows, times already in its storage format.

    UTCDateTime stores naive UTC: SQLite as the text SQLAlchemy writes ("2026-01-02 03:04:05.000006"),
    PostgreSQL as ``timestamp without time zone``. Other backends go through the typed Core insert.
    Columns the demo does not know about get their model default, so a new column with a default
    does not break it; one without a default stops the build before anything is written.
    """

    def __init__(self, conn: Connection, now_us: int) -> None:
        self.conn = conn
        self.now_us = now_us
        self.dialect = conn.dialect.name
        self._hour_text: dict[int, str] = {}
        self.stamp: Callable[[int], object]
        if self.dialect == "sqlite":
            self.stamp = self._sqlite_stamp
        elif self.dialect == "postgresql":
            self.stamp = _naive_stamp
        else:
            self.stamp = _aware_stamp
        for table, columns in _COLUMNS.items():
            self._defaults(table, columns)

    def _sqlite_stamp(self, micros: int) -> object:
        hour, rest = divmod(micros, _HOUR)
        head = self._hour_text.get(hour)
        if head is None:
            head = (_EPOCH_NAIVE + timedelta(hours=hour)).strftime("%Y-%m-%d %H:")
            self._hour_text[hour] = head
        minute, rest = divmod(rest, _MINUTE)
        return f"{head}{minute:02d}:{rest // _US:02d}.{rest % _US:06d}"

    def _defaults(self, table: Table, columns: Sequence[str]) -> tuple[tuple[str, ...], Row]:
        """The columns of ``table`` not in ``columns`` that need a value, and the values."""
        names: list[str] = []
        values: list[object] = []
        for column in table.columns:
            if column.name in columns or column.server_default is not None:
                continue
            default = column.default
            if default is not None and default.is_scalar:
                names.append(column.name)
                values.append(default.arg)  # type: ignore[attr-defined]
            elif default is not None and isinstance(column.type, UTCDateTime):
                names.append(column.name)
                values.append(self.stamp(self.now_us))
            elif not column.nullable:
                raise RuntimeError(f"the demo shop does not know how to fill {table.name}.{column.name}")
        return tuple(names), tuple(values)

    def insert(self, table: Table, columns: Sequence[str], rows: list[Row]) -> None:
        if not rows:
            return
        extra_names, extra_values = self._defaults(table, columns)
        if extra_names:
            columns = (*columns, *extra_names)
            rows = [row + extra_values for row in rows]
        names = ", ".join(columns)
        if self.dialect == "sqlite":
            sql = f"INSERT INTO {table.name} ({names}) VALUES ({', '.join('?' * len(columns))})"
            for start in range(0, len(rows), CHUNK_ROWS):
                self.conn.exec_driver_sql(sql, rows[start : start + CHUNK_ROWS])
        elif self.dialect == "postgresql":
            cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            with cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            for start in range(0, len(rows), CHUNK_ROWS):
                batch = rows[start : start + CHUNK_ROWS]
                self.conn.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in batch])

    def update_stock(self, rows: list[tuple[int, int, int, int]]) -> None:
        """Set (on_hand, reserved, reorder_point) for product ids: rows are (on_hand, reserved, rp, id)."""
        if self.dialect == "postgresql":
            # One statement per chunk: a row-by-row UPDATE costs a round trip each on a server.
            for start in range(0, len(rows), CHUNK_ROWS):
                batch = rows[start : start + CHUNK_ROWS]
                values = ", ".join(f"({oh}, {rs}, {rp}, {pid})" for oh, rs, rp, pid in batch)
                self.conn.exec_driver_sql(
                    "UPDATE product SET on_hand = v.on_hand, reserved = v.reserved, reorder_point = v.rp "
                    f"FROM (VALUES {values}) AS v(on_hand, reserved, rp, id) WHERE product.id = v.id"
                )
            return
        table = _PRODUCT
        statement = (
            table.update()
            .where(table.c.id == bindparam("p_id"))
            .values(
                on_hand=bindparam("p_on_hand"),
                reserved=bindparam("p_reserved"),
                reorder_point=bindparam("p_rp"),
                updated_at=table.c.updated_at,  # stock moved; the product itself was not edited
            )
        )
        for start in range(0, len(rows), CHUNK_ROWS):
            self.conn.execute(
                statement,
                [
                    {"p_on_hand": oh, "p_reserved": rs, "p_rp": rp, "p_id": pid}
                    for oh, rs, rp, pid in rows[start : start + CHUNK_ROWS]
                ],
            )

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Load without the secondary indexes (built once at the end: far faster than row by row)
        and, on SQLite, with a big page cache. Inside the caller's transaction, so a failure
        rolls the indexes back too."""
        conn = self.conn
        present: set[str] = set()
        for table in _COLUMNS:
            present |= {str(index["name"]) for index in inspect(conn).get_indexes(table.name)}
        indexes = [index for table in _COLUMNS for index in table.indexes if index.name in present]
        old_cache = None
        if self.dialect == "sqlite":
            old_cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
            conn.exec_driver_sql(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
        try:
            for index in indexes:
                conn.exec_driver_sql(f"DROP INDEX {index.name}")
            yield
            for index in indexes:
                index.create(conn)
        finally:
            if old_cache is not None:
                conn.exec_driver_sql(f"PRAGMA cache_size = {int(old_cache)}")

    def reset_sequences(self) -> None:
        """PostgreSQL: move each id sequence past the ids written here, so later inserts do not collide."""
        if self.dialect != "postgresql":
            return
        for table in _COLUMNS:
            self.conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), coalesce(max(id), 0) + 1, false) "
                f"FROM {table.name}"
            )


def _naive_stamp(micros: int) -> object:
    return _EPOCH_NAIVE + timedelta(microseconds=micros)


def _aware_stamp(micros: int) -> object:
    return _EPOCH_AWARE + timedelta(microseconds=micros)


def _pool(weights: dict[str, float], size: int = 1000) -> list[str]:
    """A list in which each key appears in proportion to its weight: ``pool[int(random() * len)]``."""
    total = sum(weights.values())
    pool: list[str] = []
    for key, weight in weights.items():
        pool.extend([key] * round(weight / total * size))
    return pool or list(weights)


def _digits(rng: random.Random, count: int) -> str:
    return f"{rng.randrange(10**count):0{count}d}"


# --- products --------------------------------------------------------------------------------------

# code, Chinese, English, aisle
_CATEGORIES: dict[str, tuple[str, str, str]] = {
    "TEA": ("茶叶", "Tea", "A"),
    "GRN": ("米面粮油", "Rice, Flour & Oil", "B"),
    "CND": ("调味品", "Condiments", "C"),
    "SNK": ("休闲零食", "Snacks", "D"),
    "DRK": ("饮料", "Drinks", "E"),
    "DAI": ("乳制品", "Dairy", "F"),
    "INS": ("方便速食", "Instant Food", "G"),
    "HSE": ("日用百货", "Household", "H"),
    "STN": ("文具", "Stationery", "J"),
    "IMP": ("进口食品", "Imported Food", "K"),
}

# category, Chinese, English, unit, sizes, price in fen for the first size
_Sizes = tuple[tuple[str, float], ...]  # size as printed, price factor against the first size
_ITEMS: tuple[tuple[str, str, str, str, _Sizes, int], ...] = (
    ("TEA", "茉莉花茶", "Jasmine Tea", "box", (("250g", 1.0), ("100g", 0.46), ("500g", 1.8)), 3800),
    ("TEA", "西湖龙井", "Longjing Green Tea", "box", (("100g", 1.0), ("250g", 2.18)), 8800),
    ("TEA", "普洱熟茶", "Ripe Pu-erh Tea", "cake", (("357g", 1.0), ("200g", 0.61)), 12800),
    ("TEA", "安溪铁观音", "Tieguanyin Oolong", "box", (("125g", 1.0), ("250g", 1.8)), 6800),
    ("TEA", "祁门红茶", "Keemun Black Tea", "box", (("100g", 1.0), ("200g", 1.8)), 5600),
    ("TEA", "菊花茶", "Chrysanthemum Tea", "bag", (("50g", 1.0), ("100g", 1.8)), 1800),
    ("TEA", "大麦茶", "Roasted Barley Tea", "bag", (("300g", 1.0),), 1500),
    ("GRN", "东北大米", "Northeast Rice", "bag", (("5kg", 1.0), ("2.5kg", 0.55), ("10kg", 1.8)), 4590),
    ("GRN", "泰国香米", "Thai Jasmine Rice", "bag", (("5kg", 1.0), ("2.5kg", 0.55)), 5990),
    ("GRN", "花生油", "Peanut Oil", "bottle", (("1.8L", 1.0), ("5L", 2.38), ("900ml", 0.55)), 4290),
    ("GRN", "菜籽油", "Rapeseed Oil", "bottle", (("5L", 1.0), ("1.8L", 0.42)), 6990),
    ("GRN", "高筋面粉", "Bread Flour", "bag", (("2.5kg", 1.0), ("1kg", 0.46)), 2290),
    ("GRN", "挂面", "Dried Wheat Noodles", "pack", (("1kg", 1.0), ("500g", 0.55)), 990),
    ("GRN", "小米", "Foxtail Millet", "bag", (("1kg", 1.0),), 1690),
    ("GRN", "糯米", "Glutinous Rice", "bag", (("1kg", 1.0), ("2.5kg", 2.18)), 1490),
    ("CND", "生抽", "Light Soy Sauce", "bottle", (("500ml", 1.0), ("1.28L", 2.22)), 1190),
    ("CND", "老抽", "Dark Soy Sauce", "bottle", (("500ml", 1.0),), 1290),
    ("CND", "镇江香醋", "Zhenjiang Black Vinegar", "bottle", (("550ml", 1.0),), 990),
    ("CND", "蚝油", "Oyster Sauce", "bottle", (("510g", 1.0), ("700g", 1.31)), 1590),
    ("CND", "郫县豆瓣酱", "Pixian Chili Bean Paste", "jar", (("500g", 1.0),), 1290),
    ("CND", "小磨芝麻油", "Sesame Oil", "bottle", (("220ml", 1.0), ("400ml", 1.66)), 1990),
    ("CND", "风味豆豉油辣椒", "Chili Crisp", "jar", (("280g", 1.0),), 1190),
    ("CND", "加碘精制盐", "Iodised Salt", "bag", (("400g", 1.0),), 250),
    ("CND", "白砂糖", "White Sugar", "bag", (("1kg", 1.0), ("500g", 0.55)), 890),
    ("CND", "花椒", "Sichuan Peppercorns", "bag", (("100g", 1.0), ("50g", 0.55)), 1590),
    ("CND", "八角", "Star Anise", "bag", (("50g", 1.0),), 890),
    ("CND", "鸡精", "Chicken Bouillon Powder", "bag", (("200g", 1.0), ("454g", 2.01)), 1090),
    ("SNK", "五香瓜子", "Sunflower Seeds", "bag", (("500g", 1.0), ("260g", 0.57)), 1590),
    ("SNK", "薯片", "Potato Chips", "bag", (("70g", 1.0), ("135g", 1.75)), 790),
    ("SNK", "牛肉干", "Beef Jerky", "bag", (("100g", 1.0), ("250g", 2.18)), 3290),
    ("SNK", "苏打饼干", "Soda Crackers", "box", (("400g", 1.0),), 1290),
    ("SNK", "大白兔奶糖", "White Rabbit Milk Candy", "bag", (("227g", 1.0), ("454g", 1.8)), 1990),
    ("SNK", "辣条", "Spicy Gluten Strips", "bag", (("106g", 1.0), ("260g", 2.14)), 590),
    ("SNK", "开心果", "Pistachios", "bag", (("200g", 1.0), ("500g", 2.18)), 3990),
    ("SNK", "海苔脆片", "Seaweed Snack", "pack", (("40g", 1.0), ("4.5g×12", 1.29)), 1490),
    ("SNK", "凤梨酥", "Pineapple Cakes", "box", (("300g", 1.0),), 4590),
    ("SNK", "旺仔雪饼", "Rice Crackers", "bag", (("520g", 1.0), ("84g", 0.21)), 1990),
    ("DRK", "矿泉水", "Mineral Water", "bottle", (("550ml", 1.0), ("1.5L", 2.35), ("4L", 5.4)), 200),
    ("DRK", "可乐", "Cola", "can", (("330ml", 1.0), ("2L", 4.63)), 350),
    ("DRK", "凉茶", "Herbal Tea", "can", (("310ml", 1.0),), 450),
    ("DRK", "豆奶", "Soy Milk", "carton", (("250ml", 1.0), ("1L", 3.25)), 350),
    ("DRK", "鲜榨橙汁", "Orange Juice", "bottle", (("1L", 1.0), ("300ml", 0.36)), 1590),
    ("DRK", "椰汁", "Coconut Milk Drink", "can", (("245ml", 1.0), ("1L", 3.31)), 450),
    ("DRK", "冰红茶", "Iced Lemon Tea", "bottle", (("500ml", 1.0), ("1L", 1.8)), 350),
    ("DRK", "苏打水", "Sparkling Water", "bottle", (("410ml", 1.0),), 450),
    ("DRK", "青岛啤酒", "Tsingtao Beer", "can", (("500ml", 1.0), ("330ml", 0.7)), 650),
    ("DAI", "纯牛奶", "Whole Milk", "carton", (("250ml×12", 1.0), ("1L", 0.39), ("250ml", 0.12)), 6500),
    ("DAI", "原味酸奶", "Plain Yogurt", "cup", (("100g×8", 1.0), ("1kg", 1.21)), 2590),
    ("DAI", "奶酪片", "Cheese Slices", "pack", (("166g", 1.0),), 2290),
    ("DAI", "鲜鸡蛋", "Fresh Eggs", "box", (("10 pcs", 1.0), ("30 pcs", 2.54)), 1690),
    ("INS", "红烧牛肉面", "Braised Beef Instant Noodles", "pack", (("5 packs", 1.0), ("1 bowl", 0.25)), 1490),
    ("INS", "螺蛳粉", "Luosifen Rice Noodles", "bag", (("330g", 1.0),), 1390),
    ("INS", "自热火锅", "Self-heating Hot Pot", "box", (("420g", 1.0),), 2990),
    ("INS", "三鲜水饺", "Frozen Pork Dumplings", "bag", (("1kg", 1.0), ("500g", 0.55)), 2590),
    ("INS", "黑芝麻汤圆", "Black Sesame Tangyuan", "bag", (("500g", 1.0),), 1590),
    ("INS", "速冻馄饨", "Frozen Wontons", "bag", (("400g", 1.0),), 1890),
    ("HSE", "抽纸", "Facial Tissues", "pack", (("3 packs", 1.0), ("10 packs", 2.78)), 1590),
    ("HSE", "洗洁精", "Dish Soap", "bottle", (("1.5kg", 1.0), ("500g", 0.39)), 1290),
    ("HSE", "洗衣液", "Laundry Liquid", "bottle", (("2kg", 1.0), ("3kg", 1.41)), 3990),
    ("HSE", "垃圾袋", "Bin Bags", "roll", (("50 bags", 1.0), ("100 bags", 1.8)), 990),
    ("HSE", "保鲜膜", "Cling Film", "roll", (("30m", 1.0),), 1290),
    ("HSE", "碱性电池", "AA Alkaline Batteries", "pack", (("4 pcs", 1.0), ("12 pcs", 2.54)), 1990),
    ("HSE", "牙膏", "Toothpaste", "tube", (("120g", 1.0), ("180g", 1.41)), 1590),
    ("HSE", "软毛牙刷", "Soft Toothbrush", "pack", (("2 pcs", 1.0),), 1290),
    ("HSE", "洗发水", "Shampoo", "bottle", (("400ml", 1.0), ("750ml", 1.71)), 4590),
    ("HSE", "香皂", "Bar Soap", "pack", (("3×100g", 1.0),), 990),
    ("HSE", "一次性筷子", "Disposable Chopsticks", "pack", (("100 pairs", 1.0),), 890),
    ("STN", "中性笔", "Gel Pen 0.5mm", "box", (("12 pcs", 1.0),), 1490),
    ("STN", "笔记本", "Notebook A5", "each", (("80 sheets", 1.0),), 590),
    ("STN", "透明胶带", "Clear Tape", "roll", (("18mm", 1.0),), 290),
    ("STN", "剪刀", "Scissors", "each", (("17cm", 1.0),), 990),
    ("STN", "红包", "Red Envelopes", "pack", (("6 pcs", 1.0), ("20 pcs", 2.78)), 590),
)

# Products sold under an English name only (imported goods): English, category, unit, sizes, price.
_IMPORTED: tuple[tuple[str, str, str, _Sizes, int], ...] = (
    ("Earl Grey Tea", "TEA", "box", (("50 bags", 1.0), ("100 bags", 1.8)), 4590),
    ("English Breakfast Tea", "TEA", "box", (("80 bags", 1.0),), 3990),
    ("Digestive Biscuits", "IMP", "pack", (("400g", 1.0),), 2290),
    ("Crunchy Peanut Butter", "IMP", "jar", (("340g", 1.0), ("510g", 1.41)), 3490),
    ("Instant Coffee", "IMP", "jar", (("200g", 1.0), ("100g", 0.55)), 5990),
    ("Oat Milk", "DAI", "carton", (("1L", 1.0),), 2290),
    ("Maple Syrup", "IMP", "bottle", (("250ml", 1.0), ("500ml", 1.8)), 6890),
    ("Extra Virgin Olive Oil", "GRN", "bottle", (("500ml", 1.0), ("1L", 1.8)), 7990),
    ("Spaghetti No. 5", "IMP", "pack", (("500g", 1.0),), 1590),
    ("Tomato Ketchup", "CND", "bottle", (("460g", 1.0),), 1990),
    ("Dark Chocolate 70%", "SNK", "bar", (("100g", 1.0),), 2290),
    ("Salted Pretzels", "SNK", "bag", (("200g", 1.0),), 1890),
    ("Rolled Oats", "GRN", "bag", (("1kg", 1.0),), 3290),
    ("Sparkling Apple Juice", "DRK", "bottle", (("750ml", 1.0),), 3990),
)

# Chinese, English (brands or lines of the shop's suppliers; fictional)
_BRANDS: tuple[tuple[str, str], ...] = (
    ("", ""),
    ("金禾", "Golden Grain"),
    ("山泉", "Spring Hill"),
    ("福满", "Fortune Farm"),
    ("老街", "Old Street"),
    ("青山", "Green Hills"),
    ("海之味", "Taste of the Sea"),
    ("百家", "Baijia"),
    ("江南", "Jiangnan"),
    ("小熊", "Little Bear"),
    ("丰收", "Harvest"),
    ("悦享", "Joyful"),
)
_VARIANTS: tuple[tuple[str, str], ...] = (
    ("", ""),
    ("特级", "Premium"),
    ("有机", "Organic"),
    ("低糖", "Low Sugar"),
    ("经典", "Classic"),
    ("家庭装", "Family Pack"),
    ("精选", "Select"),
    ("原味", "Original"),
    ("香辣", "Spicy"),
)
_IMPORTED_BRANDS = ("", "Hillside", "Nordic Farm", "Baker & Sons", "Maple Grove", "Golden Valley", "Coastline")


_HALF_RANGE = 5 * 10**9
_CHINESE_COUNTS = {" pcs": "个", " packs": "包", " bags": "袋", " pairs": "双", " sheets": "页", " bowl": "桶"}


def _chinese_size(size: str) -> str:
    """ "10 pcs" -> "10个": a Chinese label counts in Chinese; metric symbols stay as they are."""
    for english, chinese in _CHINESE_COUNTS.items():
        size = size.replace(english, chinese)
    return size


class _Catalogue:
    """The products, written at once; keeps what orders need and what the stock ledger adds up."""

    def __init__(
        self,
        rng: random.Random,
        count: int,
        currency: str,
        writer: _Writer,
        opening_us: int,
        report: Progress,
    ) -> None:
        self.writer = writer
        self.first_id = _next_id(writer.conn, _PRODUCT)
        scale = 10 ** exponent(currency)  # prices below are in hundredths of a major unit
        self.ids: list[int] = []
        self.skus: list[str] = []
        self.names: list[str] = []
        self.prices: list[int] = []
        self.pack_qty: list[int] = []  # case size where the product has a case barcode, else 0
        self.reorder_point: list[int] = []
        self.reorder_qty: list[int] = []
        # Ledger sums, filled as orders are made.
        self.committed = [0] * count  # ever reserved, plus sold over the counter
        self.shipped = [0] * count  # left the shop: ship + sale
        self.reserved = [0] * count
        self.returned = [0] * count

        product_table = _PRODUCT
        barcode_table = _BARCODE
        barcode_id = _next_id(writer.conn, barcode_table)
        product_rows: list[Row] = []
        barcode_rows: list[Row] = []
        bilingual_or_not = _pool({"both": 60, "zh": 25, "en": 15}, 100)
        n_items, n_imported = len(_ITEMS), len(_IMPORTED)
        item_order = list(range(n_items))
        rng.shuffle(item_order)
        stamp = writer.stamp
        random_ = rng.random
        done_every = max(1, count // 20)
        for index in range(count):
            product_id = self.first_id + index
            style = bilingual_or_not[int(random_() * len(bilingual_or_not))]
            if style == "en" and random_() < 0.7:
                english, code, unit, sizes, base = _IMPORTED[(index * 7 + int(random_() * 3)) % n_imported]
                brand = _IMPORTED_BRANDS[(index // n_imported) % len(_IMPORTED_BRANDS)]
                size_text, factor = sizes[(index // n_imported) % len(sizes)]
                name = f"{brand} {english} {size_text}".strip()
                upc = True
            else:
                code, zh, en, unit, sizes, base = _ITEMS[item_order[index % n_items]]
                cycle = index // n_items
                size_text, factor = sizes[cycle % len(sizes)]
                brand_zh, brand_en = _BRANDS[(cycle // len(sizes)) % len(_BRANDS)]
                variant_zh, variant_en = _VARIANTS[(cycle // (len(sizes) * len(_BRANDS))) % len(_VARIANTS)]
                zh_name = f"{brand_zh}{variant_zh}{zh}"
                en_name = " ".join(part for part in (brand_en, variant_en, en) if part)
                if style == "zh":
                    name = f"{zh_name} {_chinese_size(size_text)}"
                elif style == "en":
                    name = f"{en_name} {size_text}"
                else:
                    name = f"{zh_name} {en_name} {size_text}"
                upc = random_() < 0.05
            price = max(10, round(base * factor * (0.8 + 0.5 * random_()) / 10) * 10) * scale // 100
            cost = price * (55 + int(random_() * 25)) // 100
            aisle = _CATEGORIES[code][2]
            location = f"{aisle}-{1 + int(random_() * 24):02d}-{1 + int(random_() * 5)}"
            sku = f"{code}-{product_id:06d}"
            reorder_point = 4 + int(random_() * 27)
            reorder_qty = (2 + int(random_() * 9)) * 6
            created = stamp(opening_us - int(random_() * 60) * _DAY - _DAY)
            product_rows.append(
                (
                    product_id,
                    sku,
                    name,
                    _CATEGORIES[code][1],
                    location,
                    unit,
                    price,
                    cost,
                    reorder_point,
                    reorder_qty,
                    0,
                    0,
                    True,
                    created,
                    created,
                )
            )
            self.ids.append(product_id)
            self.skus.append(sku)
            self.names.append(name)
            self.prices.append(price)
            self.reorder_point.append(reorder_point)
            self.reorder_qty.append(reorder_qty)

            # Unit barcode: EAN-13 with a Chinese GS1 prefix (690-694), or a UPC-A for imported
            # goods. The multiplier is coprime with 5 * 10**9, so distinct products get distinct codes;
            # case EAN-13s use 695-699, so they never meet a unit code.
            scrambled = (index * 7_919_993 + 104_729) % _HALF_RANGE
            if upc:
                unit_code = with_check_digit(f"0{scrambled:010d}")
                symbology = Symbology.UPCA.value
            else:
                unit_code = with_check_digit(f"69{scrambled:010d}")
                symbology = Symbology.EAN13.value
            barcode_rows.append((barcode_id, product_id, unit_code, symbology, "unit", 1, unit_code.zfill(14)))
            barcode_id += 1
            pack = 0
            if random_() < 0.1:
                pack = (6, 12, 24)[int(random_() * 3)]
                if random_() < 0.7:
                    # GTIN-14: packaging indicator + the unit code's digits, new check digit.
                    case_code = with_check_digit(f"{1 + int(random_() * 8)}{unit_code.rjust(13, '0')[:12]}")
                    case_symbology = Symbology.GTIN14.value
                else:
                    case_code = with_check_digit(f"69{_HALF_RANGE + scrambled:010d}")
                    case_symbology = Symbology.EAN13.value
                barcode_rows.append(
                    (barcode_id, product_id, case_code, case_symbology, "case", pack, case_code.zfill(14))
                )
                barcode_id += 1
            self.pack_qty.append(pack)
            if (index + 1) % done_every == 0:
                report("products", index + 1, count)
        writer.insert(product_table, _PRODUCT_COLUMNS, product_rows)
        writer.insert(barcode_table, _BARCODE_COLUMNS, barcode_rows)
        report("products", count, count)

    def finish_stock(self, rng: random.Random, first_movement_id: int, opening_us: int, report: Progress) -> None:
        """Write each product's opening receipt and set its figures to the ledger's sums.

        The receipt covers everything ever reserved or sold, so available stock never went below
        zero; a few products are left at or below their reorder point, some of them sold out.
        """
        count = len(self.ids)
        low = set(rng.sample(range(count), max(1, round(count * 0.07))))
        at = self.writer.stamp(opening_us)
        receipts: list[Row] = []
        updates: list[tuple[int, int, int, int]] = []
        random_ = rng.random
        for index in range(count):
            reorder_point = self.reorder_point[index]
            committed, reserved = self.committed[index], self.reserved[index]
            released_or_kept = committed - self.shipped[index]  # still reserved, or reserved then released
            if index in low:
                spare = 0 if random_() < 0.3 else int(random_() * (reorder_point // 2 + 1))
                if committed + spare == 0:
                    spare = 1
            else:
                spare = reorder_point + 1 + int(random_() * self.reorder_qty[index] * 1.5)
            receipt = committed + spare
            on_hand = receipt - self.shipped[index] + self.returned[index]
            assert on_hand == released_or_kept + spare + self.returned[index]
            if index in low:
                reorder_point = max(reorder_point, on_hand)
            receipts.append(
                (
                    first_movement_id + index,
                    self.ids[index],
                    at,
                    DEFAULT_USER_ID,
                    "receive",
                    receipt,
                    0,
                    "Opening stock",
                    "OPENING",
                    None,
                )
            )
            updates.append((on_hand, reserved, reorder_point, self.ids[index]))
        self.writer.insert(_MOVEMENT, _MOVEMENT_COLUMNS, receipts)
        self.writer.update_stock(updates)
        report("stock", count, count)


_PRODUCT_COLUMNS = (
    "id",
    "sku",
    "name",
    "category",
    "location",
    "unit",
    "price_cents",
    "cost_cents",
    "reorder_point",
    "reorder_qty",
    "on_hand",
    "reserved",
    "active",
    "created_at",
    "updated_at",
)
_BARCODE_COLUMNS = ("id", "product_id", "code", "symbology", "kind", "pack_qty", "match_key")  # key: GTIN-14
_CUSTOMER_COLUMNS = (
    "id",
    "name",
    "phone",
    "email",
    "address_line1",
    "address_line2",
    "city",
    "region",
    "postcode",
    "country",
    "notes",
    "created_at",
)
_ORDER_COLUMNS = (
    "id",
    "number",
    "external_ref",
    "customer_id",
    "channel",
    "status",
    "held_from",
    "priority",
    "fulfilment",
    "ship_name",
    "ship_phone",
    "ship_line1",
    "ship_line2",
    "ship_city",
    "ship_region",
    "ship_postcode",
    "ship_country",
    "currency",
    "subtotal_cents",
    "discount_cents",
    "shipping_cents",
    "total_cents",
    "payment_status",
    "paid_cents",
    "carrier",
    "tracking_number",
    "notes",
    "due_at",
    "created_at",
    "updated_at",
    "created_by",
)
_LINE_COLUMNS = (
    "id",
    "order_id",
    "line_no",
    "product_id",
    "sku",
    "name",
    "quantity",
    "unit_price_cents",
    "catalogue_price_cents",
    "discount_cents",
    "backordered",
)
_EVENT_COLUMNS = ("id", "order_id", "at", "user_id", "kind", "from_status", "to_status", "detail")
_MOVEMENT_COLUMNS = (
    "id",
    "product_id",
    "at",
    "user_id",
    "kind",
    "qty_delta",
    "reserved_delta",
    "reason",
    "reference",
    "order_id",
)
_COLUMNS = {
    _PRODUCT: _PRODUCT_COLUMNS,
    _BARCODE: _BARCODE_COLUMNS,
    _CUSTOMER: _CUSTOMER_COLUMNS,
    _ORDERS: _ORDER_COLUMNS,
    _ORDER_LINE: _LINE_COLUMNS,
    _ORDER_EVENT: _EVENT_COLUMNS,
    _MOVEMENT: _MOVEMENT_COLUMNS,
}


# --- customers -------------------------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """ "王 wang, 李 li" -> (("王", "wang"), ("李", "li"))"""
    return tuple((zh, latin) for zh, latin in (item.split() for item in text.split(",")))


_SURNAMES = _pairs(
    "王 wang, 李 li, 张 zhang, 刘 liu, 陈 chen, 杨 yang, 黄 huang, 赵 zhao, 吴 wu, 周 zhou, 徐 xu, "
    "孙 sun, 马 ma, 朱 zhu, 胡 hu, 郭 guo, 何 he, 林 lin, 高 gao, 罗 luo, 郑 zheng, 梁 liang, "
    "宋 song, 唐 tang"
)
_GIVEN = _pairs(
    "伟 wei, 芳 fang, 娜 na, 敏 min, 静 jing, 丽 li, 强 qiang, 磊 lei, 军 jun, 洋 yang, 勇 yong, "
    "艳 yan, 杰 jie, 娟 juan, 涛 tao, 明 ming, 超 chao, 秀英 xiuying, 霞 xia, 平 ping, 刚 gang, "
    "桂英 guiying, 建华 jianhua, 晓东 xiaodong, 海燕 haiyan, 子涵 zihan, 浩然 haoran, 雨桐 yutong, "
    "梓萱 zixuan, 宇轩 yuxuan, 思远 siyuan, 欣怡 xinyi"
)
_FIRST = _words(
    "James Mary John Patricia Robert Jennifer Michael Linda David Emily Oliver Amelia George Isla Harry Sophie "
    "Daniel Grace Thomas Chloe William Olivia Henry Charlotte"
)
_LAST = _words(
    "Smith Johnson Williams Brown Jones Taylor Wilson Davies Evans Miller Clarke Walker Wright Green Hall Moore "
    "Anderson Thompson Robinson Lewis"
)
# Mobile prefixes of China Mobile, China Unicom and China Telecom.
_CN_MOBILE = _words(
    "135 136 137 138 139 150 151 152 157 158 159 182 183 187 188 130 131 132 155 156 185 186 133 153 180 181 189 "
    "177 199 198"
)
# region, city, postcode prefix, districts
_CN_CITIES = (
    ("上海市", "上海市", "200", ("徐汇区", "浦东新区", "静安区", "黄浦区", "长宁区", "杨浦区", "闵行区")),
    ("北京市", "北京市", "100", ("朝阳区", "海淀区", "东城区", "西城区", "丰台区")),
    ("广东省", "广州市", "510", ("天河区", "越秀区", "海珠区")),
    ("广东省", "深圳市", "518", ("南山区", "福田区", "罗湖区")),
    ("浙江省", "杭州市", "310", ("西湖区", "拱墅区", "滨江区")),
    ("江苏省", "南京市", "210", ("鼓楼区", "玄武区", "秦淮区")),
    ("江苏省", "苏州市", "215", ("姑苏区", "吴中区")),
    ("四川省", "成都市", "610", ("武侯区", "锦江区", "青羊区")),
    ("湖北省", "武汉市", "430", ("武昌区", "江汉区", "洪山区")),
)
_CN_ROADS = _words(
    "中山路 人民路 解放路 建设路 和平路 文化路 新华路 胜利路 长江路 淮海中路 "
    "南京西路 世纪大道 漕溪北路 天府大道 延安东路"
)
# city, state, ZIP prefix, area codes
_US_CITIES = (
    ("New York", "NY", "100", ("212", "646", "917")),
    ("San Francisco", "CA", "941", ("415", "628")),
    ("Seattle", "WA", "981", ("206",)),
    ("Boston", "MA", "021", ("617", "857")),
    ("Chicago", "IL", "606", ("312", "773")),
)
_US_STREETS = (
    "Market St",
    "Broadway",
    "Main St",
    "Oak Ave",
    "Elm St",
    "Mission St",
    "Grand Ave",
    "Washington St",
    "Lake Shore Dr",
    "Pine St",
)
# city, country part, postcode districts
_GB_CITIES = (
    ("London", "England", ("NW1", "SW1A", "E1", "N1", "W1T", "SE1", "EC2A")),
    ("Manchester", "England", ("M1", "M4", "M14")),
    ("Edinburgh", "Scotland", ("EH1", "EH3", "EH8")),
    ("Bristol", "England", ("BS1", "BS8")),
)
_GB_STREETS = (
    "Baker Street",
    "High Street",
    "Church Road",
    "Station Road",
    "Victoria Road",
    "Park Lane",
    "Queen Street",
    "King's Road",
    "Mill Lane",
)
_GB_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # letters used in the inward part of a UK postcode
_CN_MAIL = ("qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "outlook.com")
_EN_MAIL = ("gmail.com", "outlook.com", "yahoo.com", "icloud.com", "example.co.uk")
_CUSTOMER_NOTES = (
    "",
    "",
    "",
    "",
    "",
    "",
    "老顾客 Regular customer",
    "Prefers WeChat Pay 微信支付",
    "送货前请来电 Call before delivery",
    "Leave with the doorman 放门卫室",
)


@dataclass(frozen=True)
class _Address:
    name: str
    phone: str
    line1: str
    line2: str
    city: str
    region: str
    postcode: str
    country: str


class _CustomerBook:
    """The customers, written at once; regulars order far more often than the rest."""

    def __init__(self, rng: random.Random, count: int, writer: _Writer, opening_us: int, report: Progress) -> None:
        table = _CUSTOMER
        first_id = _next_id(writer.conn, table)
        self.ids: list[int] = []
        self.addresses: list[_Address] = []
        rows: list[Row] = []
        random_ = rng.random
        for index in range(count):
            customer_id = first_id + index
            country_roll = random_()
            chinese_name = random_() < (0.92 if country_roll < 0.85 else 0.2)
            if chinese_name:
                surname, surname_py = _SURNAMES[int(random_() * len(_SURNAMES))]
                given, given_py = _GIVEN[int(random_() * len(_GIVEN))]
                name = surname + given
                mail_user = (
                    f"{given_py}.{surname_py}{int(random_() * 1000)}"
                    if random_() < 0.6
                    else f"{rng.randrange(10_000_000, 3_000_000_000)}"
                )
            else:
                first, last = _FIRST[int(random_() * len(_FIRST))], _LAST[int(random_() * len(_LAST))]
                name = f"{first} {last}"
                mail_user = f"{first.lower()}.{last.lower()}{int(random_() * 100)}"
            if country_roll < 0.85:
                region, city, zip_prefix, districts = _CN_CITIES[int(random_() * len(_CN_CITIES))]
                phone = f"+86{_CN_MOBILE[int(random_() * len(_CN_MOBILE))]}{_digits(rng, 8)}"
                line1 = (
                    f"{districts[int(random_() * len(districts))]}"
                    f"{_CN_ROADS[int(random_() * len(_CN_ROADS))]}{1 + int(random_() * 999)}号"
                )
                roll = random_()
                line2 = (
                    f"{1 + int(random_() * 30)}号楼{1 + int(random_() * 30)}{1 + int(random_() * 4):02d}室"
                    if roll < 0.6
                    else f"{1 + int(random_() * 6)}单元{1 + int(random_() * 18)}01室"
                    if roll < 0.8
                    else ""
                )
                postcode, country = f"{zip_prefix}{_digits(rng, 3)}", "CN"
                domains = _CN_MAIL if chinese_name else _EN_MAIL
            elif country_roll < 0.94:
                city, region, zip_prefix, area_codes = _US_CITIES[int(random_() * len(_US_CITIES))]
                exchange = f"{2 + int(random_() * 8)}{_digits(rng, 2)}"
                if exchange[1:] == "11" or exchange == "555":
                    exchange = "734"
                phone = f"+1{area_codes[int(random_() * len(area_codes))]}{exchange}{_digits(rng, 4)}"
                line1 = f"{1 + int(random_() * 2400)} {_US_STREETS[int(random_() * len(_US_STREETS))]}"
                line2 = f"Apt {1 + int(random_() * 20)}{'ABCDEF'[int(random_() * 6)]}" if random_() < 0.5 else ""
                postcode, country = f"{zip_prefix}{_digits(rng, 2)}", "US"
                domains = _EN_MAIL
            else:
                city, region, districts = _GB_CITIES[int(random_() * len(_GB_CITIES))]
                phone = f"+4477{1 + int(random_() * 7)}{_digits(rng, 7)}"
                line1 = f"{1 + int(random_() * 220)} {_GB_STREETS[int(random_() * len(_GB_STREETS))]}"
                line2 = f"Flat {1 + int(random_() * 12)}" if random_() < 0.4 else ""
                letters = _GB_LETTERS[int(random_() * 20)] + _GB_LETTERS[int(random_() * 20)]
                postcode = f"{districts[int(random_() * len(districts))]} {int(random_() * 10)}{letters}"
                country = "GB"
                domains = _EN_MAIL
            email = f"{mail_user}@{domains[int(random_() * len(domains))]}" if random_() < 0.85 else ""
            notes = _CUSTOMER_NOTES[int(random_() * len(_CUSTOMER_NOTES))]
            created = writer.stamp(opening_us - int(random_() * 400 * _DAY) - _HOUR)
            rows.append(
                (customer_id, name, phone, email, line1, line2, city, region, postcode, country, notes, created)
            )
            self.ids.append(customer_id)
            self.addresses.append(_Address(name, phone, line1, line2, city, region, postcode, country))
        writer.insert(table, _CUSTOMER_COLUMNS, rows)
        report("customers", count, count)
        # Regulars order more often than the rest (a gentle Zipf curve), in no particular id order.
        ranks = list(range(count))
        rng.shuffle(ranks)
        self.cumulative = _cumulative([1.0 / (rank + 20) for rank in ranks])
        self.rng = rng

    def pick(self) -> int:
        """Index of a customer for the next order."""
        return bisect_right(self.cumulative, self.rng.random() * self.cumulative[-1])


def _cumulative(weights: Sequence[float]) -> list[float]:
    total = 0.0
    out: list[float] = []
    for weight in weights:
        total += weight
        out.append(total)
    return out


# --- orders ----------------------------------------------------------------------------------------

# Steps after "received": (status, fewest minutes, most minutes after the step before).
_Step = tuple[str, float, float]
_TO_CONFIRMED: tuple[_Step, ...] = ((CONFIRMED, 5, 120),)
_TO_PICKING = (*_TO_CONFIRMED, (PICKING, 15, 480))
_TO_PACKED = (*_TO_PICKING, (PACKED, 10, 90))
_DELIVERY_TO_SHIPPED = (*_TO_PACKED, (SHIPPED, 30, 480))
_DELIVERY_TO_DELIVERED = (*_DELIVERY_TO_SHIPPED, (DELIVERED, 18 * 60, 3 * 24 * 60))
# A pickup order is "shipped" when the customer collects it, and delivered at the same moment.
_PICKUP_TO_DELIVERED = (*_TO_PACKED, (SHIPPED, 60, 2 * 24 * 60), (DELIVERED, 1, 5))
_PREFIX: dict[str, tuple[_Step, ...]] = {
    RECEIVED: (),
    CONFIRMED: _TO_CONFIRMED,
    PICKING: _TO_PICKING,
    PACKED: _TO_PACKED,
}


@cache
def _steps(fulfilment: str, status: str, branch: str) -> tuple[_Step, ...]:
    """The status changes that bring an order from received to ``status`` (``branch``: the status
    it was held or cancelled from)."""
    if fulfilment == WALK_IN:
        return {
            RECEIVED: (),
            COMPLETED: ((COMPLETED, 1, 8),),
            CANCELLED: ((CANCELLED, 1, 15),),
            RETURNED: ((COMPLETED, 1, 8), (RETURNED, 24 * 60, 10 * 24 * 60)),
        }[status]
    done = _PICKUP_TO_DELIVERED if fulfilment == PICKUP else _DELIVERY_TO_DELIVERED
    if status in _PREFIX:
        return _PREFIX[status]
    if status == SHIPPED:
        return _DELIVERY_TO_SHIPPED
    if status == DELIVERED:
        return done
    if status == RETURNED:
        return (*done, (RETURNED, 24 * 60, 10 * 24 * 60))
    if status == ON_HOLD:
        return (*_PREFIX[branch], (ON_HOLD, 10, 600))
    if status == CANCELLED:
        return (*_PREFIX[branch], (CANCELLED, 10, 24 * 60))
    raise ValueError(status)


# What the orders of each age are doing now: (age up to this many hours, status weights).
_DELIVERY_BY_AGE: tuple[tuple[float, dict[str, float]], ...] = (
    (1, {RECEIVED: 80, CONFIRMED: 14, ON_HOLD: 2, CANCELLED: 4}),
    (4, {RECEIVED: 25, CONFIRMED: 30, PICKING: 22, PACKED: 13, ON_HOLD: 4, CANCELLED: 6}),
    (24, {RECEIVED: 6, CONFIRMED: 12, PICKING: 14, PACKED: 24, SHIPPED: 34, ON_HOLD: 4, CANCELLED: 6}),
    (72, {RECEIVED: 1, CONFIRMED: 2, PICKING: 2, PACKED: 4, SHIPPED: 50, DELIVERED: 33, ON_HOLD: 3, CANCELLED: 5}),
    (
        168,
        {
            RECEIVED: 0.5,
            CONFIRMED: 0.5,
            PICKING: 0.5,
            PACKED: 0.5,
            SHIPPED: 10,
            DELIVERED: 78,
            RETURNED: 2,
            ON_HOLD: 2,
            CANCELLED: 6,
        },
    ),
    (
        math.inf,
        {
            RECEIVED: 0.2,
            CONFIRMED: 0.3,
            PICKING: 0.2,
            PACKED: 0.3,
            SHIPPED: 1,
            DELIVERED: 87,
            RETURNED: 3,
            ON_HOLD: 1.5,
            CANCELLED: 6.5,
        },
    ),
)
_WALK_IN_BY_AGE: tuple[tuple[float, dict[str, float]], ...] = (
    (1, {COMPLETED: 93, RECEIVED: 5, CANCELLED: 2}),
    (24, {COMPLETED: 98, CANCELLED: 2}),
    (math.inf, {COMPLETED: 95.5, CANCELLED: 2, RETURNED: 2.5}),
)
_HELD_FROM = _pool({RECEIVED: 30, CONFIRMED: 30, PICKING: 20, PACKED: 20}, 100)
_CANCELLED_FROM = _pool({RECEIVED: 50, CONFIRMED: 25, PICKING: 15, PACKED: 10}, 100)
_RESERVING = frozenset({CONFIRMED, PICKING, PACKED})

# Orders per hour of the shop's day (local time): quiet nights, busy lunch and evening.
_HOURLY = (0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 2, 5, 5, 5, 6, 6, 5, 5, 5, 5, 7, 7, 7, 4, 2, 1)
_SHOP_OPEN = range(9, 21)

_QUANTITIES = [1] * 50 + [2] * 25 + [3] * 10 + [4] * 5 + [5] * 3 + [6] * 4 + [10] * 2 + [12]
_LINE_COUNTS = [1] * 45 + [2] * 30 + [3] * 15 + [4] * 10

# name, tracking number pattern (# a digit), for CN and for abroad
_CN_CARRIERS = (
    ("SF Express 顺丰速运", "SF############"),
    ("ZTO Express 中通快递", "7###########"),
    ("YTO Express 圆通速递", "YT#############"),
    ("JD Logistics 京东物流", "JDV############"),
    ("EMS 中国邮政", "EMS"),
)
_ABROAD_CARRIERS = (("DHL Express", "##########"), ("FedEx International", "############"), ("EMS 中国邮政", "EMS"))
_HOLD_REASONS = (
    "Waiting for payment 等待付款",
    "Customer asked us to wait 客户要求暂缓",
    "Address to be confirmed 地址待确认",
    "Item out of stock, waiting for delivery 缺货等待补货",
)
_CANCEL_REASONS = (
    "Customer changed their mind 客户取消",
    "Duplicate order 重复下单",
    "Out of stock 缺货",
    "Payment not received 未付款",
)
_RETURN_REASONS = (
    "Not as described 与描述不符",
    "Customer changed their mind 七天无理由退货",
    "Past its best-before date 临近保质期",
)
_DELIVERY_RETURN_REASONS = (*_RETURN_REASONS, "Damaged in transit 运输损坏", "Wrong item 发错货")
_ORDER_NOTES = (
    "请放门卫室 Leave with the doorman",
    "Call before delivery 送货前请来电",
    "Gift, no invoice 礼品, 不要发票",
    "工作日送货 Weekdays only",
    "Ring the bell twice 按两次门铃",
)


class _OrderMaker:
    """Plans every order (time, kind, status), then makes and writes their rows batch by batch."""

    def __init__(
        self,
        rng: random.Random,
        size: DemoSize,
        now_us: int,
        zone: ZoneInfo,
        currency: str,
        catalogue: _Catalogue,
        book: _CustomerBook,
        writer: _Writer,
        first_movement_id: int,
    ) -> None:
        self.rng = rng
        self.size = size
        self.now_us = now_us
        self.zone = zone
        self.currency = currency
        self.catalogue = catalogue
        self.book = book
        self.writer = writer
        conn = writer.conn
        self.order_id = _next_id(conn, _ORDERS)
        self.line_id = _next_id(conn, _ORDER_LINE)
        self.event_id = _next_id(conn, _ORDER_EVENT)
        self.movement_id = first_movement_id
        self.lines_made = 0
        self.movements_made = 0
        scale = 10 ** exponent(currency)
        self.free_shipping_from = 9900 * scale // 100
        self.shipping_fees = [fee * scale // 100 for fee in (600, 800, 1000, 1200)]
        self.abroad_fees = [fee * scale // 100 for fee in (8000, 12000, 15000)]
        self.coupons = [coupon * scale // 100 for coupon in (500, 1000, 2000)]
        count = len(catalogue.ids)
        # Best sellers: a Zipf-like share of the lines, in an order that does not follow the ids.
        ranks = list(range(count))
        rng.shuffle(ranks)
        self.product_cumulative = _cumulative([1.0 / (rank + 5) for rank in ranks])
        self.delivery_pools = [(hours * _HOUR, _pool(weights)) for hours, weights in _DELIVERY_BY_AGE]
        self.walk_in_pools = [(hours * _HOUR, _pool(weights)) for hours, weights in _WALK_IN_BY_AGE]

    # Planning: cheap facts for every order first, so that every status is sure to appear.

    def _plan(self) -> tuple[list[int], list[str], list[str], list[str], list[bool], list[int]]:
        size, rng, now_us = self.size, self.rng, self.now_us
        count = size.orders
        start_us = now_us - size.days * _DAY
        hours = size.days * 24
        weights: list[float] = []
        open_hours: list[bool] = []
        for hour in range(hours):
            local = (_EPOCH_AWARE + timedelta(microseconds=start_us + hour * _HOUR)).astimezone(self.zone)
            busy = 1.3 if local.weekday() >= 5 else 1.0
            growth = 1.0 + 0.3 * hour / hours  # a shop that is doing a little better every week
            weights.append(_HOURLY[local.hour] * busy * growth)
            open_hours.append(local.hour in _SHOP_OPEN)
        cumulative = [0.0, *_cumulative(weights)]
        total = cumulative[-1]
        created: list[int] = []
        fulfilment: list[str] = []
        status: list[str] = []
        branch: list[str] = []
        urgent: list[bool] = []
        due: list[int] = []
        random_ = rng.random
        for index in range(count):
            x = (index + random_()) / count * total
            bucket = min(bisect_right(cumulative, x) - 1, hours - 1)
            within = (x - cumulative[bucket]) / (cumulative[bucket + 1] - cumulative[bucket])
            at = start_us + int((bucket + min(within, 0.999999)) * _HOUR)
            roll = random_()
            if open_hours[bucket]:
                kind = WALK_IN if roll < 0.4 else PICKUP if roll < 0.52 else DELIVERY
            else:
                kind = PICKUP if roll < 0.15 else DELIVERY
            age = now_us - at
            pools = self.walk_in_pools if kind == WALK_IN else self.delivery_pools
            for limit, pool in pools:
                if age <= limit:
                    state = pool[int(random_() * len(pool))]
                    break
            if kind == PICKUP and state == SHIPPED:
                state = DELIVERED  # collected: handed over and done in one go
            side = ""
            if state == ON_HOLD:
                side = _HELD_FROM[int(random_() * len(_HELD_FROM))]
            elif state == CANCELLED and kind != WALK_IN:
                side = _CANCELLED_FROM[int(random_() * len(_CANCELLED_FROM))]
            is_urgent = kind != WALK_IN and random_() < 0.07
            created.append(at)
            fulfilment.append(kind)
            status.append(state)
            branch.append(side)
            urgent.append(is_urgent)
            due.append(self._due(at, kind, is_urgent))
        self._make_sure_everything_shows(created, fulfilment, status, branch, urgent, due)
        return created, fulfilment, status, branch, urgent, due

    @staticmethod
    def _due(created: int, kind: str, urgent: bool) -> int:
        if kind == WALK_IN:
            return 0
        if kind == PICKUP:
            return created + (4 if urgent else 24) * _HOUR
        return created + (8 if urgent else 48) * _HOUR

    def _make_sure_everything_shows(
        self,
        created: list[int],
        fulfilment: list[str],
        status: list[str],
        branch: list[str],
        urgent: list[bool],
        due: list[int],
    ) -> None:
        """Even a small demo shows every status, an urgent order and an overdue one: where chance
        left one out, a recent order takes the open status and an old one the finished status,
        never the last order of a status that is already there."""
        count = len(created)
        tally = Counter(status)
        forced: set[int] = set()

        def spare(candidates: Iterable[int]) -> int | None:
            return next((i for i in candidates if i not in forced and tally[status[i]] > 1), None)

        def force(index: int | None, kind: str, state: str, side: str = "") -> None:
            if index is None:
                return
            forced.add(index)
            tally[status[index]] -= 1
            tally[state] += 1
            fulfilment[index], status[index], branch[index] = kind, state, side
            due[index] = self._due(created[index], kind, urgent[index])

        newest_first, oldest_first = range(count - 1, -1, -1), range(count)
        for state in (RECEIVED, CONFIRMED, PICKING, PACKED, ON_HOLD, SHIPPED):
            if not tally[state]:
                force(spare(newest_first), DELIVERY, state, CONFIRMED if state == ON_HOLD else "")
        for state in (DELIVERED, COMPLETED, CANCELLED, RETURNED):
            if not tally[state]:
                kind = WALK_IN if state == COMPLETED else DELIVERY
                force(spare(oldest_first), kind, state, CONFIRMED if state == CANCELLED else "")

        def overdue(index: int) -> bool:
            return status[index] in _OPEN and 0 < due[index] < self.now_us

        if not any(overdue(i) for i in oldest_first):
            # The oldest open order becomes urgent, so that it is late; or an old order stalled.
            index = next((i for i in oldest_first if status[i] in _OPEN and fulfilment[i] != WALK_IN), None)
            if index is not None:
                urgent[index] = True
                due[index] = self._due(created[index], fulfilment[index], True)
            if index is None or not overdue(index):
                index = spare(oldest_first)
                if index is not None:
                    urgent[index] = True
                    force(index, DELIVERY, CONFIRMED)
        if not any(urgent):
            index = next((i for i in newest_first if fulfilment[i] != WALK_IN), None)
            if index is not None:
                urgent[index] = True
                due[index] = self._due(created[index], fulfilment[index], True)

    def make_all(self, report: Progress) -> None:
        created, fulfilment, status, branch, urgent, due = self._plan()
        count = len(created)
        orders: list[Row] = []
        lines: list[Row] = []
        events: list[Row] = []
        movements: list[Row] = []
        for index in range(count):
            self._make_one(
                created[index],
                fulfilment[index],
                status[index],
                branch[index],
                urgent[index],
                due[index],
                orders,
                lines,
                events,
                movements,
            )
            if len(orders) >= ORDER_BATCH:
                self._flush(orders, lines, events, movements)
                report("orders", index + 1, count)
        self._flush(orders, lines, events, movements)
        report("orders", count, count)

    def _flush(self, orders: list[Row], lines: list[Row], events: list[Row], movements: list[Row]) -> None:
        writer = self.writer
        writer.insert(_ORDERS, _ORDER_COLUMNS, orders)
        writer.insert(_ORDER_LINE, _LINE_COLUMNS, lines)
        writer.insert(_ORDER_EVENT, _EVENT_COLUMNS, events)
        writer.insert(_MOVEMENT, _MOVEMENT_COLUMNS, movements)
        self.lines_made += len(lines)
        self.movements_made += len(movements)
        orders.clear()
        lines.clear()
        events.clear()
        movements.clear()

    def _make_one(
        self,
        created: int,
        kind: str,
        state: str,
        side: str,
        urgent: bool,
        due: int,
        orders: list[Row],
        lines: list[Row],
        events: list[Row],
        movements: list[Row],
    ) -> None:
        rng = self.rng
        random_ = rng.random
        stamp = self.writer.stamp
        catalogue = self.catalogue
        now_us = self.now_us
        order_id = self.order_id
        self.order_id += 1
        number = f"SO-{order_id:06d}"

        # Timeline: natural step times, squeezed in when the order is younger than they need.
        steps = _steps(kind, state, side)
        gaps = [int((low + (high - low) * random_()) * _MINUTE) for _status, low, high in steps]
        room = (now_us - created) * 0.95
        needed = sum(gaps)
        if needed > room:
            factor = room / needed
            gaps = [max(1, int(gap * factor)) for gap in gaps]
        times = [created]
        at = created
        for gap in gaps:
            at = min(at + gap, now_us)
            times.append(at)
        stamps = [stamp(moment) for moment in times]  # as stored; movements share their event's time
        reached = {RECEIVED: stamps[0]}
        for (step_status, _low, _high), step_at in zip(steps, stamps[1:], strict=True):
            reached[step_status] = step_at

        # Who, and where to.
        customer_index = -1
        if kind != WALK_IN or random_() < 0.3:
            customer_index = self.book.pick()
        if customer_index >= 0:
            address = self.book.addresses[customer_index]
            customer_id: int | None = self.book.ids[customer_index]
        else:
            address, customer_id = None, None
        if kind == WALK_IN:
            channel = "store"
        else:
            roll = random_()
            channel = "web" if roll < 0.55 else "phone" if roll < 0.95 else "store"

        # Lines, at catalogue prices with the odd markdown and line discount.
        line_count = _LINE_COUNTS[int(random_() * 100)]
        cumulative = self.product_cumulative
        top = cumulative[-1]
        chosen: list[int] = []
        for _line in range(line_count):
            product = bisect_right(cumulative, random_() * top)
            if product not in chosen:
                chosen.append(product)
        subtotal = 0
        confirmed_at = reached.get(CONFIRMED)
        shipped_at = reached.get(SHIPPED)
        completed_at = reached.get(COMPLETED)
        returned_at = reached.get(RETURNED)
        released_at = reached.get(CANCELLED) if side in _RESERVING else None
        keeps_reservation = shipped_at is None and released_at is None and confirmed_at is not None
        line_id, movement_id = self.line_id, self.movement_id
        user = DEFAULT_USER_ID
        for line_no, product in enumerate(chosen, start=1):
            pack = catalogue.pack_qty[product]
            quantity = _QUANTITIES[int(random_() * 100)]
            if pack and random_() < 0.25:
                quantity = pack
            elif kind == WALK_IN and quantity > 3:
                quantity = 1 + quantity % 3
            price = catalogue.prices[product]
            unit_price = price if random_() < 0.97 else price - price // 10
            discount = quantity * unit_price // 10 if random_() < 0.07 else 0
            subtotal += quantity * unit_price - discount
            product_id = catalogue.ids[product]
            lines.append(
                (line_id, order_id, line_no, product_id, catalogue.skus[product], catalogue.names[product],
                 quantity, unit_price, price, discount, False)
            )  # fmt: skip
            line_id += 1
            if confirmed_at is not None:
                catalogue.committed[product] += quantity
                if keeps_reservation:
                    catalogue.reserved[product] += quantity
                movements.append(
                    (movement_id, product_id, confirmed_at, user, "reserve", 0, quantity, "Order confirmed",
                     number, order_id)
                )  # fmt: skip
                movement_id += 1
            if shipped_at is not None:
                catalogue.shipped[product] += quantity
                movements.append(
                    (movement_id, product_id, shipped_at, user, "ship", -quantity, -quantity, "Order shipped",
                     number, order_id)
                )  # fmt: skip
                movement_id += 1
            if completed_at is not None:
                catalogue.committed[product] += quantity
                catalogue.shipped[product] += quantity
                movements.append(
                    (movement_id, product_id, completed_at, user, "sale", -quantity, 0, "Counter sale", number,
                     order_id)
                )  # fmt: skip
                movement_id += 1
            if released_at is not None:
                movements.append(
                    (movement_id, product_id, released_at, user, "release", 0, -quantity, "Order cancelled",
                     number, order_id)
                )  # fmt: skip
                movement_id += 1
            if returned_at is not None:
                catalogue.returned[product] += quantity
                movements.append(
                    (movement_id, product_id, returned_at, user, "return", quantity, 0, "Customer return",
                     number, order_id)
                )  # fmt: skip
                movement_id += 1
        self.line_id, self.movement_id = line_id, movement_id

        # Money: order discount, shipping, payment.
        discount = 0
        if random_() < 0.06:
            coupon = self.coupons[int(random_() * 3)]
            discount = coupon if subtotal >= 4 * coupon else subtotal * 5 // 100
        shipping = 0
        abroad = address is not None and address.country != "CN"
        if kind == DELIVERY:
            if abroad:
                shipping = self.abroad_fees[int(random_() * 3)]
            elif subtotal < self.free_shipping_from:
                shipping = self.shipping_fees[int(random_() * 4)]
        total = subtotal - discount + shipping
        payment = self._payment(kind, channel, state, random_())
        paid = total if payment == "paid" else total * 3 // 10 if payment == "partly_paid" else 0
        if payment == "partly_paid" and not 0 < paid < total:
            payment, paid = "paid", total

        carrier = tracking = ""
        if shipped_at is not None and kind == DELIVERY:
            carriers = _ABROAD_CARRIERS if abroad else _CN_CARRIERS
            carrier, pattern = carriers[int(random_() * len(carriers))]
            tracking = self._tracking(pattern)

        # Timeline rows.
        detail = {WALK_IN: "Counter sale 门店销售", PICKUP: "For pickup 到店自提"}.get(kind, "")
        if channel != "store":
            detail = ("Phone order 电话订单" if channel == "phone" else "Web order 网店订单") + (
                ", pickup 自提" if kind == PICKUP else ""
            )
        event_id = self.event_id
        events.append((event_id, order_id, stamps[0], user, "status", None, RECEIVED, detail))
        event_id += 1
        previous = RECEIVED
        for (step_status, _low, _high), step_at in zip(steps, stamps[1:], strict=True):
            if step_status == SHIPPED:
                detail = f"{carrier} {tracking}" if carrier else "Collected by the customer 顾客已取货"
            elif step_status == ON_HOLD:
                detail = _HOLD_REASONS[int(random_() * len(_HOLD_REASONS))]
            elif step_status == CANCELLED:
                detail = _CANCEL_REASONS[int(random_() * len(_CANCEL_REASONS))]
            elif step_status == RETURNED:
                reasons = _RETURN_REASONS if kind == WALK_IN else _DELIVERY_RETURN_REASONS
                detail = reasons[int(random_() * len(reasons))]
            else:
                detail = ""
            events.append((event_id, order_id, step_at, user, "status", previous, step_status, detail))
            event_id += 1
            previous = step_status
        self.event_id = event_id

        if address is not None and kind != WALK_IN:
            ship: tuple[str, ...] = (address.name, address.phone)
            if kind == DELIVERY:
                ship += (address.line1, address.line2, address.city, address.region, address.postcode, address.country)
            else:
                ship += ("", "", "", "", "", "")
        elif address is not None:
            ship = (address.name, address.phone, "", "", "", "", "", "")
        else:
            ship = ("", "", "", "", "", "", "", "")
        external_ref = f"WX{_digits(rng, 10)}" if channel == "web" else ""
        notes = _ORDER_NOTES[int(random_() * len(_ORDER_NOTES))] if kind == DELIVERY and random_() < 0.05 else ""
        orders.append(
            (
                order_id,
                number,
                external_ref,
                customer_id,
                channel,
                state,
                side if state == ON_HOLD else None,
                "urgent" if urgent else "normal",
                kind,
                *ship,
                self.currency,
                subtotal,
                discount,
                shipping,
                total,
                payment,
                paid,
                carrier,
                tracking,
                notes,
                stamp(due) if due else None,
                stamps[0],
                stamps[-1],
                user,
            )
        )

    @staticmethod
    def _payment(kind: str, channel: str, state: str, roll: float) -> str:
        """Web orders are paid up front; phone and store orders are often cash on delivery or
        take a deposit; counter sales are paid on the spot. Refunds follow returns and cancellations."""
        if state == RETURNED:
            return "refunded"
        if kind == WALK_IN:
            return "paid" if state == COMPLETED else "unpaid"
        if channel == "web":
            taken = "paid" if roll < 0.95 else ""
        else:
            taken = "paid" if roll < 0.4 else "partly_paid" if roll < 0.5 else ""
        if state == CANCELLED:
            return "refunded" if taken else "unpaid"
        if not taken:
            return "paid" if state == DELIVERED else "unpaid"  # cash on delivery
        return taken

    def _tracking(self, pattern: str) -> str:
        random_ = self.rng.random
        if pattern == "EMS":  # UPU S10: two letters, eight digits, a check digit, the country
            body = f"{int(random_() * 100_000_000):08d}"
            weights = (8, 6, 4, 2, 3, 5, 9, 7)
            check = 11 - sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
            check = 5 if check == 11 else 0 if check == 10 else check
            return f"E{'ABCDEFGHJKLMNPQRSTUVWXYZ'[int(random_() * 24)]}{body}{check}CN"
        return "".join(str(int(random_() * 10)) if char == "#" else char for char in pattern)
