"""Writing the demo shop's rows: tuples straight to the driver through ``store.bulk_rows``, times
already in storage format (whole microseconds since the Unix epoch until they are stamped).

What is the demo's own here: the tables and columns it fills, the stock figures it sets at the end,
and dropping/rebuilding the secondary indexes of exactly its tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection, Table, bindparam

from orderapp.store.bulk_rows import (
    CHUNK_ROWS,
    DAY,
    EPOCH_AWARE,
    EPOCH_NAIVE,
    HOUR,
    MINUTE,
    MINUTE_SECOND,
    US,
    BulkRows,
    Column,
    Row,
    Same,
    Stamps,
    aware_stamp,
    micros,
    naive_stamp,
    sqlite_bulk_settings,
    table_of,
)
from orderapp.store.models import (
    Customer,
    Order,
    OrderEvent,
    OrderLine,
    Product,
    ProductBarcode,
    StockMovement,
)
from orderapp.store.order_models import OrderSearch
from orderapp.store.order_rows import EVENT_COLUMNS, LINE_COLUMNS, ORDER_COLUMNS

__all__ = [
    "CHUNK_ROWS",
    "DAY",
    "EPOCH_AWARE",
    "EPOCH_NAIVE",
    "HOUR",
    "MINUTE",
    "US",
    "Column",
    "DemoStamps",
    "Progress",
    "Row",
    "Same",
    "Writer",
    "aware_stamp",
    "micros",
    "naive_stamp",
    "next_id",
    "sqlite_bulk_settings",
    "table_of",
]

Progress = Callable[[str, int, int], None]

PRODUCT = table_of(Product)
BARCODE = table_of(ProductBarcode)
CUSTOMER = table_of(Customer)
ORDERS = table_of(Order)
ORDER_LINE = table_of(OrderLine)
ORDER_EVENT = table_of(OrderEvent)
MOVEMENT = table_of(StockMovement)
SEARCH = table_of(OrderSearch)


def next_id(conn: Connection, table: Table) -> int:
    return BulkRows(conn, 0).next_id(table)


class DemoStamps(Stamps):
    """The backend's stored times, also for a whole numpy column at once."""

    def stamp_all(self, micros: npt.NDArray[np.int64]) -> list[object]:
        """``stamp`` of each value (SQLite: the text made column-wise, a third less time)."""
        if self.dialect != "sqlite" or not len(micros):
            return [self.stamp(value) for value in micros.tolist()]
        hour, rest = np.divmod(micros, HOUR)
        first = int(hour.min())
        span = int(hour.max()) - first + 1
        if span > 1_000_000:
            return [self.stamp(value) for value in micros.tolist()]
        cache = self._hour_text
        heads = [
            cache.get(value) or str(self.stamp(value * HOUR))[:14] for value in range(first, first + span)
        ]  # "YYYY-MM-DD HH:"
        second, fraction = np.divmod(rest, US)
        minute_second = MINUTE_SECOND
        return [
            f"{heads[at]}{minute_second[sec]}{frac:06d}"
            for at, sec, frac in zip((hour - first).tolist(), second.tolist(), fraction.tolist(), strict=True)
        ]


class Writer(BulkRows):
    """The demo's bulk writer: ``BulkRows`` over the demo's tables, plus the products' stock figures."""

    def __init__(self, conn: Connection, now_us: int) -> None:
        super().__init__(conn, now_us)
        for table, columns in COLUMNS.items():
            self.defaults(table, columns)  # a column the demo cannot fill stops it before writing

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
    def without_demo_indexes(self) -> Iterator[None]:
        """The demo's tables without their secondary indexes, built once at the end, but for those
        whose keys the demo writes in ascending order (``ASCENDING_INDEXES``)."""
        with self.without_indexes(COLUMNS, keep=ASCENDING_INDEXES):
            yield

    def reset_demo_sequences(self) -> None:
        self.reset_sequences(COLUMNS)


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
SEARCH_COLUMNS = ("order_id", "text")  # what ``services.orders.search.search_text`` makes
# Indexes whose keys the demo writes in ascending order: orders by the time they were placed, then
# each order's lines, timeline and ledger rows. Kept while writing, each entry is appended at the
# index's right edge, which costs less than sorting them all afterwards (the 1M-order shop's 4.5M
# timeline rows, measured alone: about 1 s more to write with the index, 5.3 s to build it after).
ASCENDING_INDEXES = frozenset(
    {
        "ix_orders_created_at_id",
        "ix_order_line_order_id",
        "ix_order_event_order_id_at",
        "ix_stock_movement_order_id",
    }
)
COLUMNS = {
    PRODUCT: PRODUCT_COLUMNS,
    BARCODE: BARCODE_COLUMNS,
    CUSTOMER: CUSTOMER_COLUMNS,
    ORDERS: ORDER_COLUMNS,
    ORDER_LINE: LINE_COLUMNS,
    ORDER_EVENT: EVENT_COLUMNS,
    MOVEMENT: MOVEMENT_COLUMNS,
    SEARCH: SEARCH_COLUMNS,
}
