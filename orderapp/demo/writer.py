"""Writing the demo shop's rows: tuples straight to the driver, times already in storage format.

The demo makes its rows as plain tuples (no ORM objects) and writes them in large batches:
executemany on SQLite, COPY on PostgreSQL, the typed Core insert elsewhere. Times are whole
microseconds since the Unix epoch until they are stamped for the backend.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Table, bindparam, func, inspect, select

from orderapp.store.base import Base
from orderapp.store.models import (
    Customer,
    Order,
    OrderEvent,
    OrderLine,
    Product,
    ProductBarcode,
    StockMovement,
)
from orderapp.store.types import UTCDateTime

Progress = Callable[[str, int, int], None]
Row = tuple[object, ...]


def table_of(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


PRODUCT = table_of(Product)
BARCODE = table_of(ProductBarcode)
CUSTOMER = table_of(Customer)
ORDERS = table_of(Order)
ORDER_LINE = table_of(OrderLine)
ORDER_EVENT = table_of(OrderEvent)
MOVEMENT = table_of(StockMovement)

# Rows per executemany/COPY call: big enough to amortise the call, small enough to stay in cache.
CHUNK_ROWS = 20_000
# SQLite while building: index pages stay in memory instead of spilling to the WAL, the index
# builds sort in memory (on two threads where there are cores), commits do not wait on the disk.
BULK_CACHE_KIB = 512 * 1024
BULK_PRAGMAS = {
    "cache_size": -BULK_CACHE_KIB,
    "temp_store": 2,  # MEMORY
    "threads": 2,
    "synchronous": 0,  # OFF
    "foreign_keys": 0,
}
# Orders made before their rows are written (about 2 lines, 4 events and 3 movements each).

US = 1_000_000  # microseconds per second: times are whole microseconds since the Unix epoch
MINUTE = 60 * US
HOUR = 60 * MINUTE
DAY = 24 * HOUR


def next_id(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1


def micros(moment: datetime) -> int:
    return (moment - EPOCH_AWARE) // timedelta(microseconds=1)


EPOCH_AWARE = datetime(1970, 1, 1, tzinfo=UTC)
EPOCH_NAIVE = datetime(1970, 1, 1)


# --- writing ---------------------------------------------------------------------------------------


class Writer:
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
            self.stamp = naive_stamp
        else:
            self.stamp = aware_stamp
        for table, columns in COLUMNS.items():
            self._defaults(table, columns)

    def _sqlite_stamp(self, micros: int) -> object:
        hour, rest = divmod(micros, HOUR)
        head = self._hour_text.get(hour)
        if head is None:
            head = (EPOCH_NAIVE + timedelta(hours=hour)).strftime("%Y-%m-%d %H:")
            self._hour_text[hour] = head
        minute, rest = divmod(rest, MINUTE)
        return f"{head}{minute:02d}:{rest // US:02d}.{rest % US:06d}"

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
        table = PRODUCT
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
    def without_indexes(self) -> Iterator[None]:
        """Load without the secondary indexes (built once at the end: far faster than row by row).
        Inside the caller's transaction, so a failure rolls the indexes back too."""
        conn = self.conn
        present: set[str] = set()
        for table in COLUMNS:
            present |= {str(index["name"]) for index in inspect(conn).get_indexes(table.name)}
        indexes = [index for table in COLUMNS for index in table.indexes if index.name in present]
        for index in indexes:
            conn.exec_driver_sql(f"DROP INDEX {index.name}")
        yield
        for index in indexes:
            index.create(conn)

    def reset_sequences(self) -> None:
        """PostgreSQL: move each id sequence past the ids written here, so later inserts do not collide."""
        if self.dialect != "postgresql":
            return
        for table in COLUMNS:
            self.conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), coalesce(max(id), 0) + 1, false) "
                f"FROM {table.name}"
            )


@contextmanager
def sqlite_bulk_settings(conn: Connection) -> Iterator[None]:
    """SQLite, around the build's one transaction (these pragmas cannot change inside it): a big page
    cache and in-memory sorting for building the indexes, no waiting on the disk, and no foreign
    key checks (the demo writes ids it has just made; the tests check them). Put back afterwards,
    whatever happened, so the connection goes back to the pool as it came."""
    if conn.dialect.name != "sqlite":
        yield
        return
    driver = conn.connection.driver_connection
    assert driver is not None
    names = tuple(BULK_PRAGMAS)
    before = {name: driver.execute(f"PRAGMA {name}").fetchone()[0] for name in names}
    try:
        for name in names:
            driver.execute(f"PRAGMA {name} = {BULK_PRAGMAS[name]}")
        yield
    finally:
        for name in names:
            driver.execute(f"PRAGMA {name} = {before[name]}")


def naive_stamp(micros: int) -> object:
    return EPOCH_NAIVE + timedelta(microseconds=micros)


def aware_stamp(micros: int) -> object:
    return EPOCH_AWARE + timedelta(microseconds=micros)


PRODUCT_COLUMNS = (
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
BARCODE_COLUMNS = ("id", "product_id", "code", "symbology", "kind", "pack_qty", "match_key")  # key: GTIN-14
CUSTOMER_COLUMNS = (
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
ORDER_COLUMNS = (
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
LINE_COLUMNS = (
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
EVENT_COLUMNS = ("id", "order_id", "at", "user_id", "kind", "from_status", "to_status", "detail")
MOVEMENT_COLUMNS = (
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
COLUMNS = {
    PRODUCT: PRODUCT_COLUMNS,
    BARCODE: BARCODE_COLUMNS,
    CUSTOMER: CUSTOMER_COLUMNS,
    ORDERS: ORDER_COLUMNS,
    ORDER_LINE: LINE_COLUMNS,
    ORDER_EVENT: EVENT_COLUMNS,
    MOVEMENT: MOVEMENT_COLUMNS,
}
