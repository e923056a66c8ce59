"""Writing a checked order import without locking the other PCs out: the orders, lines, timeline
entries and new customers are first written, batch by batch from the plan's spool, into staging
tables (TEMP tables on the import's own connection, in short transactions that take no lock on the
shop), then moved into the real tables, with their search rows, in ONE short write transaction
(``OrderStage.move``): all or nothing. A failure, a stop or a kill before the move's commit leaves
the shop as it was; the staging tables live only as long as the connection (dropped at the end,
and by the database itself when the process dies).

Ids: on PostgreSQL they are taken from the sequences while staging (a sequence locks nothing); on
SQLite the staged rows are numbered from 1 (new customers as -1, -2, ... in the orders) and moved
up past the highest id at the move, under the write lock, so nobody else can take them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Index,
    Integer,
    MetaData,
    Table,
    case,
    delete,
    func,
    literal,
    select,
    text,
    true,
)

from orderapp.domain.order_numbers import PREFIX, order_number
from orderapp.i18n import _
from orderapp.services.orders.import_plan import ImportCancelled, ImportedOrder, Progress
from orderapp.services.orders.search import search_text_query
from orderapp.services.settings.orders import OrderSettings
from orderapp.store import staging
from orderapp.store.bulk_rows import BulkRows, Row
from orderapp.store.models import Customer, Order, OrderEvent, OrderLine
from orderapp.store.order_models import OrderSearch
from orderapp.store.order_rows import OrderRows, ShipTo
from orderapp.store.staging import drop_tables, insert_rows, stage_table
from orderapp.store.types import utc_now

_ORDERS = cast(Table, Order.__table__)
_LINES = cast(Table, OrderLine.__table__)
_EVENTS = cast(Table, OrderEvent.__table__)
_CUSTOMERS = cast(Table, Customer.__table__)
_SEARCH = cast(Table, OrderSearch.__table__)
_CHUNK = 500  # values per IN (...) look-up
_INSERT = 5_000  # rows per INSERT
MOVE_CACHE_KB = 131_072  # SQLite page cache of the import's connection


class OrderStage:
    """Stages batches of checked orders on ``connection`` (the caller commits after each batch),
    then ``move`` puts them in the shop. ``customers_added`` adds up over the batches. Customers are
    found by phone, then e-mail, else added once per phone, e-mail or name and address over the file."""

    def __init__(
        self,
        connection: Connection,
        settings: OrderSettings,
        user_id: int,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.connection = connection
        self.settings = settings
        self.user_id = user_id
        self.progress = progress
        self.cancelled = cancelled
        self.sqlite = connection.dialect.name == "sqlite"
        self.customers_added = 0
        self._customer_of: dict[str, int] = {}  # "p:<phone>", "e:<email>", "n:<name and address>" -> id
        self._looked_up: set[str] = set()  # phones and e-mails already looked for in the shop
        self._staged = {"order": 0, "customer": 0}  # SQLite: staged ids handed out so far
        self._highest_seen = 0  # the highest order id when staging began (SQLite)
        metadata = MetaData()
        self.orders = stage_table(metadata, _ORDERS, Column("first_row", Integer))
        self.lines = stage_table(metadata, _LINES, with_id=False)  # staged in their orders' order
        self.events = stage_table(metadata, _EVENTS, with_id=False)
        self.customers = stage_table(metadata, _CUSTOMERS)
        Index(staging.PREFIX + "order_ref", self.orders.c.external_ref)
        self.metadata = metadata

    def open(self) -> None:
        if self.sqlite and MOVE_CACHE_KB:
            # The move writes every index of the orders at once: a cache that holds them keeps it from
            # spilling pages to the journal again and again (the connection is closed afterwards).
            self.connection.exec_driver_sql(f"PRAGMA cache_size = -{MOVE_CACHE_KB}")
        self.drop()  # a pooled connection may hold the tables of an import that failed to drop them
        self.metadata.create_all(self.connection, checkfirst=False)
        self._highest_seen = int(self.connection.scalar(select(func.coalesce(func.max(_ORDERS.c.id), 0))) or 0)

    def drop(self) -> None:
        drop_tables(self.connection, self.metadata)

    def check(self, phase: str, done: int, total: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled(_("The import was cancelled; nothing was imported."))
        if self.progress is not None:
            self.progress(phase, done, total)

    def taken(self, refs: Sequence[str]) -> set[str]:
        """The order numbers of ``refs`` already in the shop (imported since the preview)."""
        found: set[str] = set()
        for start in range(0, len(refs), _CHUNK):
            found.update(
                self.connection.scalars(
                    select(_ORDERS.c.external_ref).where(_ORDERS.c.external_ref.in_(refs[start : start + _CHUNK]))
                )
            )
        return found

    def write(self, todo: Sequence[ImportedOrder]) -> None:
        """One batch into the staging tables: its customers, orders, lines and timeline entries."""
        if not todo:
            return
        customer_ids = self._customers(todo)
        order_ids = self._allocate("order", len(todo))
        now = utc_now()
        detail = _("Imported from Shopify") if todo[0].channel == "shopify" else _("Imported")
        rows = OrderRows(BulkRows(self.connection, now), (self.orders, self.lines, self.events))
        orders: list[Row] = []
        lines: list[Row] = []
        events: list[Row] = []
        for order, order_id, customer_id in zip(todo, order_ids, customer_ids, strict=True):
            ship_to = ShipTo(
                order.recipient,
                order.ship_phone,
                order.address1,
                order.address2,
                order.city,
                order.region,
                order.postcode,
                order.country,
            )
            row = rows.order(
                id=order_id,
                number="" if self.sqlite else order_number(order_id),  # SQLite: numbered at the move
                external_ref=order.external_ref,
                customer_id=customer_id,
                channel=order.channel,
                status="received",
                priority=order.priority,
                fulfilment=order.fulfilment,
                ship_to=ship_to,
                currency=self.settings.currency,
                figures=order,
                notes=order.notes,
                due_at=order.due_at,
                created_at=order.created_at,
                updated_at=now,
                created_by=self.user_id,
            )
            orders.append((*row, order.first_row))
            lines.extend(
                rows.line(order_id=order_id, line_no=line_no, figures=line)
                for line_no, line in enumerate(order.lines, start=1)
            )
            events.append(
                rows.event(
                    order_id=order_id,
                    at=order.created_at,
                    user_id=self.user_id,
                    to_status="received",
                    detail=f"{detail} ({order.external_ref})",
                )
            )
        rows.write(orders, lines, events, order_extra=("first_row",))

    def move(self) -> tuple[list[int], list[tuple[str, int]]]:
        """Inside the caller's write transaction: the staged rows into the shop, with their search
        rows. Returns the new orders' ids (in the file's order) and the (number, row) of the orders
        someone imported while this one was staged (left out). The caller commits."""
        connection, stage = self.connection, self.orders
        since = _ORDERS.c.id > self._highest_seen if self.sqlite else true()
        meanwhile = connection.execute(
            select(stage.c.id, stage.c.external_ref, stage.c.first_row)
            .where(stage.c.external_ref.in_(select(_ORDERS.c.external_ref).where(since)))
            .order_by(stage.c.id)
        ).all()
        if meanwhile:
            gone = [row.id for row in meanwhile]
            for start in range(0, len(gone), _CHUNK):
                chunk = gone[start : start + _CHUNK]
                for table, column in ((stage, "id"), (self.lines, "order_id"), (self.events, "order_id")):
                    connection.execute(delete(table).where(table.c[column].in_(chunk)))
        order_base = self._base(_ORDERS)
        customer_base = self._base(_CUSTOMERS)
        moved_customers = [c.name for c in _CUSTOMERS.c]
        connection.execute(
            _CUSTOMERS.insert().from_select(
                moved_customers,
                select(*(self._shifted(self.customers, name, customer_base) for name in moved_customers)).order_by(
                    self.customers.c.id
                ),
            )
        )
        order_id = stage.c.id + order_base
        number: ColumnElement[Any] = literal(PREFIX) + func.printf("%06d", order_id) if self.sqlite else stage.c.number
        customer_id = case((stage.c.customer_id < 0, customer_base - stage.c.customer_id), else_=stage.c.customer_id)
        values: dict[str, ColumnElement[Any]] = {"id": order_id, "number": number, "customer_id": customer_id}
        moved_orders = [c.name for c in _ORDERS.c]
        connection.execute(
            _ORDERS.insert().from_select(
                moved_orders,
                select(*(values.get(name, stage.c[name]) for name in moved_orders)).order_by(stage.c.id),
            )
        )
        for real, staged in ((_LINES, self.lines), (_EVENTS, self.events)):
            names = [c.name for c in real.c if c.name != "id"]
            connection.execute(
                real.insert().from_select(
                    names,
                    select(*(self._shifted(staged, name, order_base, "order_id") for name in names)),
                )
            )
        # SQLite: every order above the base is this import's (the write lock is held since the base).
        new = Order.id > order_base if self.sqlite else Order.id.in_(select(stage.c.id))
        connection.execute(_SEARCH.insert().from_select(["order_id", "text"], search_text_query().where(new)))
        ids = [int(i) for i in connection.scalars(select(stage.c.id + order_base).order_by(stage.c.id))]
        return ids, [(row.external_ref, int(row.first_row)) for row in meanwhile]

    def _base(self, table: Table) -> int:
        """What staged ids are moved up by: past the highest id on SQLite (under the write lock);
        nothing on PostgreSQL (staged with the sequence's own ids)."""
        if not self.sqlite:
            return 0
        return int(self.connection.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0)

    @staticmethod
    def _shifted(table: Table, name: str, base: int, shifted: str = "id") -> ColumnElement[Any]:
        column = table.c[name]
        return (column + base).label(name) if name == shifted else column

    @staticmethod
    def _key(order: ImportedOrder) -> str:
        if order.phone:
            return "p:" + order.phone
        if order.email:
            return "e:" + order.email
        return f"n:{order.customer_name}\n{order.address1}"

    def _customers(self, todo: Sequence[ImportedOrder]) -> list[int | None]:
        """The customer of each order of the batch (None without a name): found in the shop (its
        id), or staged (SQLite: minus its staged id, told apart at the move)."""
        self._look_up(todo)
        known = self._customer_of
        fresh: dict[str, ImportedOrder] = {}
        for order in todo:
            key = self._key(order)
            if order.customer_name and self._found(order) is None and key not in known:
                fresh.setdefault(key, order)
        if fresh:
            ids = self._allocate("customer", len(fresh))
            now = utc_now()
            rows = []
            for cid, (key, o) in zip(ids, fresh.items(), strict=True):
                known[key] = -cid if self.sqlite else cid
                rows.append(
                    {
                        "id": cid,
                        "name": o.customer_name,
                        "phone": o.phone,
                        "email": o.email,
                        "address_line1": o.address1,
                        "address_line2": o.address2,
                        "city": o.city,
                        "region": o.region,
                        "postcode": o.postcode,
                        "country": o.country,
                        "notes": "",
                        "created_at": now,
                    }
                )
            insert_rows(self.connection, self.customers, rows)
            self.customers_added += len(fresh)
        return [self._found(order) or (known.get(self._key(order)) if order.customer_name else None) for order in todo]

    def _found(self, order: ImportedOrder) -> int | None:
        """The customer with the order's phone, else with its e-mail (in the shop or added before)."""
        found = self._customer_of.get("p:" + order.phone) if order.phone else None
        if found is None and order.email:
            found = self._customer_of.get("e:" + order.email)
        return found

    def _look_up(self, todo: Sequence[ImportedOrder]) -> None:
        """Customers already in the shop with the batch's phones and e-mails (each looked for once)."""
        phones = sorted({o.phone for o in todo if o.phone and "p:" + o.phone not in self._looked_up})
        emails = sorted({o.email for o in todo if o.email and "e:" + o.email not in self._looked_up})
        for prefix, column, values in (("p:", _CUSTOMERS.c.phone, phones), ("e:", _CUSTOMERS.c.email, emails)):
            self._looked_up.update(prefix + value for value in values)
            for start in range(0, len(values), _CHUNK):
                for cid, value in self.connection.execute(
                    select(_CUSTOMERS.c.id, column).where(column.in_(values[start : start + _CHUNK]))
                ):
                    self._customer_of.setdefault(prefix + value, cid)

    def _allocate(self, kind: str, count: int) -> list[int]:
        """Ids for ``count`` staged rows, known before writing so lines can point at their orders."""
        if count == 0:
            return []
        if not self.sqlite:
            table = _ORDERS if kind == "order" else _CUSTOMERS
            rows = self.connection.execute(
                text(f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) FROM generate_series(1, :n)"),
                {"n": count},
            )
            return [int(row[0]) for row in rows]
        start = self._staged[kind] + 1
        self._staged[kind] += count
        return list(range(start, start + count))
