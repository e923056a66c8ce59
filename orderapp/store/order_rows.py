"""The one writer of new orders' rows - the order, its lines, its timeline entries - for every code
that makes orders: placing one in the order form's transaction (``services.orders.writing``), an
import's batches into its staging tables (``services.orders.import_write``) and the demo's million
(``demo.orders``).

A row is a tuple in the order of ``ORDER_COLUMNS``, ``LINE_COLUMNS`` or ``EVENT_COLUMNS``, times in
the backend's storage form (``BulkRows.stamp``). ``order``, ``line`` and ``event`` build one row from
named values (aware datetimes); the demo, which makes millions, builds the same tuples column-wise.
``write`` puts them through the shared bulk writer into the shop's tables or into tables of the
same columns (an import's staging tables, which carry extra columns after these). Never commits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table

from orderapp.store.bulk_rows import BulkRows, Column, Row
from orderapp.store.models import Order, OrderEvent, OrderLine

ORDERS = cast(Table, Order.__table__)
ORDER_LINES = cast(Table, OrderLine.__table__)
ORDER_EVENTS = cast(Table, OrderEvent.__table__)

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
SHIP_TO_COLUMNS = ORDER_COLUMNS[9:17]


@dataclass(frozen=True)
class ShipTo:
    """Where an order goes (empty for a counter sale): the order's ``ship_*`` columns."""

    name: str = ""
    phone: str = ""
    line1: str = ""
    line2: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""

    def values(self) -> tuple[str, ...]:
        return (self.name, self.phone, self.line1, self.line2, self.city, self.region, self.postcode, self.country)


@dataclass(frozen=True, slots=True)
class LineFigures:
    """A line as an order holds it: the product, how many, at what price (a stored line's view and
    an imported line alike)."""

    product_id: int
    sku: str
    name: str
    quantity: int
    unit_price_cents: int
    catalogue_price_cents: int
    discount_cents: int

    @property
    def price_changed(self) -> bool:
        return self.unit_price_cents != self.catalogue_price_cents


@dataclass(frozen=True, slots=True)
class OrderFigures:
    """An order's money as it holds it (a stored order's view and an imported order alike)."""

    subtotal_cents: int
    discount_cents: int
    shipping_cents: int
    total_cents: int
    payment_status: str
    paid_cents: int


class OrderRows:
    """Writes new orders' rows through ``bulk`` to ``tables`` (orders, lines, events: the shop's by
    default). Ids are the caller's: ``ids`` takes them, from the sequence on PostgreSQL (safe beside
    other writers), else after the highest (the caller holds the write lock), or None lets the table
    number the row where nothing points at it."""

    def __init__(
        self, bulk: BulkRows, tables: tuple[Table, Table, Table] = (ORDERS, ORDER_LINES, ORDER_EVENTS)
    ) -> None:
        self.bulk = bulk
        self.tables = tables

    def ids(self, count: int) -> Sequence[int]:
        """Ids for ``count`` new orders of the shop (not of a staging table)."""
        return self.bulk.allocate_ids(ORDERS, count)

    def order(
        self,
        *,
        id: int | None,
        number: str,
        external_ref: str,
        customer_id: int | None,
        channel: str,
        status: str,
        priority: str,
        fulfilment: str,
        ship_to: ShipTo,
        currency: str,
        figures: OrderFigures,
        notes: str,
        due_at: datetime | None,
        created_at: datetime,
        updated_at: datetime,
        created_by: int,
        held_from: str | None = None,
        carrier: str = "",
        tracking_number: str = "",
    ) -> Row:
        stamp = self.bulk.stamp_time
        return (
            id,
            number,
            external_ref,
            customer_id,
            channel,
            status,
            held_from,
            priority,
            fulfilment,
            *ship_to.values(),
            currency,
            figures.subtotal_cents,
            figures.discount_cents,
            figures.shipping_cents,
            figures.total_cents,
            figures.payment_status,
            figures.paid_cents,
            carrier,
            tracking_number,
            notes,
            stamp(due_at),
            stamp(created_at),
            stamp(updated_at),
            created_by,
        )

    @staticmethod
    def line(
        *, order_id: int, line_no: int, figures: LineFigures, backordered: bool = False, id: int | None = None
    ) -> Row:
        return (
            id,
            order_id,
            line_no,
            figures.product_id,
            figures.sku,
            figures.name,
            figures.quantity,
            figures.unit_price_cents,
            figures.catalogue_price_cents,
            figures.discount_cents,
            backordered,
        )

    def event(
        self,
        *,
        order_id: int,
        at: datetime,
        user_id: int,
        to_status: str,
        from_status: str | None = None,
        detail: str = "",
        kind: str = "status",
        id: int | None = None,
    ) -> Row:
        return (id, order_id, self.bulk.stamp_time(at), user_id, kind, from_status, to_status, detail)

    def write(
        self,
        orders: Iterable[Row],
        lines: Iterable[Row],
        events: Iterable[Row],
        *,
        order_extra: Sequence[str] = (),
    ) -> tuple[int, int, int]:
        """The rows, orders first; ``order_extra`` names columns of the orders' table whose values
        follow ``ORDER_COLUMNS`` in each order row (an import's staging columns). A line or event
        whose id is None is numbered by its table. Returns how many orders, lines and events."""
        orders_table, lines_table, events_table = self.tables
        written = self.bulk.insert(orders_table, (*ORDER_COLUMNS, *order_extra), orders)
        return (
            written,
            self._insert(lines_table, LINE_COLUMNS, lines),
            self._insert(events_table, EVENT_COLUMNS, events),
        )

    def write_columns(
        self, orders: Sequence[Column], lines: Sequence[Column], events: Sequence[Column]
    ) -> tuple[int, int, int]:
        """The same rows given column by column (in the order of ``ORDER_COLUMNS``, ``LINE_COLUMNS``
        and ``EVENT_COLUMNS``, ids included): for makers of many orders at once (the demo)."""
        orders_table, lines_table, events_table = self.tables
        return (
            self.bulk.insert_columns(orders_table, ORDER_COLUMNS, orders),
            self.bulk.insert_columns(lines_table, LINE_COLUMNS, lines),
            self.bulk.insert_columns(events_table, EVENT_COLUMNS, events),
        )

    def _insert(self, table: Table, columns: Sequence[str], rows: Iterable[Row]) -> int:
        """Rows whose ids are all None go without the id column (the table numbers them)."""
        rows = list(rows)
        if rows and all(row[0] is None for row in rows):
            return self.bulk.insert(table, columns[1:], [row[1:] for row in rows])
        return self.bulk.insert(table, columns, rows)
