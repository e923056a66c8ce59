"""Writing a checked order import: orders, lines, timeline entries, new customers and search rows, in
ONE write transaction that only writes (all or nothing), batch by batch from the plan's spool so
that memory stays bounded whatever the file's size. Helpers here never commit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, func, select, text
from sqlalchemy.orm import Session

from orderapp.domain.order_numbers import order_number
from orderapp.i18n import _
from orderapp.services.orders.import_plan import ImportCancelled, ImportedOrder, Progress
from orderapp.services.orders.search import refresh_search_rows
from orderapp.services.settings.orders import OrderSettings
from orderapp.store.models import Customer, Order, OrderEvent, OrderLine
from orderapp.store.types import utc_now

_ORDERS = cast(Table, Order.__table__)
_LINES = cast(Table, OrderLine.__table__)
_EVENTS = cast(Table, OrderEvent.__table__)
_CUSTOMERS = cast(Table, Customer.__table__)
_CHUNK = 500  # values per IN (...) look-up
_INSERT = 5_000  # rows per INSERT


class OrderWriter:
    """Writes batches of checked orders in the caller's transaction; ``order_ids`` and
    ``customers_added`` add up over the batches. Customers are found by phone, then e-mail, else
    added once per phone, e-mail or name and address over the whole file."""

    def __init__(
        self,
        session: Session,
        settings: OrderSettings,
        user_id: int,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.session = session
        self.connection: Connection = session.connection()
        self.settings = settings
        self.user_id = user_id
        self.progress = progress
        self.cancelled = cancelled
        self.order_ids: list[int] = []
        self.customers_added = 0
        self._customer_of: dict[str, int] = {}  # "p:<phone>", "e:<email>", "n:<name and address>" -> id
        self._looked_up: set[str] = set()  # phones and e-mails already looked for in the shop

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
                self.session.scalars(
                    select(Order.external_ref).where(Order.external_ref.in_(refs[start : start + _CHUNK]))
                )
            )
        return found

    def write(self, todo: Sequence[ImportedOrder]) -> None:
        """One batch: its customers, orders, lines, timeline entries and search rows."""
        if not todo:
            return
        customer_ids = self._customers(todo)
        order_ids = self._allocate(_ORDERS, len(todo))
        now = utc_now()
        detail = _("Imported from Shopify") if todo[0].channel == "shopify" else _("Imported")
        orders: list[dict[str, Any]] = []
        lines: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        for order, order_id, customer_id in zip(todo, order_ids, customer_ids, strict=True):
            orders.append(
                {
                    "id": order_id,
                    "number": order_number(order_id),
                    "external_ref": order.external_ref,
                    "customer_id": customer_id,
                    "channel": order.channel,
                    "status": "received",
                    "held_from": None,
                    "priority": order.priority,
                    "fulfilment": order.fulfilment,
                    "ship_name": order.recipient,
                    "ship_phone": order.ship_phone,
                    "ship_line1": order.address1,
                    "ship_line2": order.address2,
                    "ship_city": order.city,
                    "ship_region": order.region,
                    "ship_postcode": order.postcode,
                    "ship_country": order.country,
                    "currency": self.settings.currency,
                    "subtotal_cents": order.subtotal_cents,
                    "discount_cents": order.discount_cents,
                    "shipping_cents": order.shipping_cents,
                    "total_cents": order.total_cents,
                    "payment_status": order.payment_status,
                    "paid_cents": order.paid_cents,
                    "carrier": "",
                    "tracking_number": "",
                    "notes": order.notes,
                    "due_at": order.due_at,
                    "created_at": order.created_at,
                    "updated_at": now,
                    "created_by": self.user_id,
                }
            )
            for line_no, line in enumerate(order.lines, start=1):
                lines.append(
                    {
                        "order_id": order_id,
                        "line_no": line_no,
                        "product_id": line.product_id,
                        "sku": line.sku,
                        "name": line.name,
                        "quantity": line.quantity,
                        "unit_price_cents": line.unit_price_cents,
                        "catalogue_price_cents": line.catalogue_price_cents,
                        "discount_cents": line.discount_cents,
                        "backordered": False,
                    }
                )
            events.append(
                {
                    "order_id": order_id,
                    "at": order.created_at,
                    "user_id": self.user_id,
                    "kind": "status",
                    "from_status": None,
                    "to_status": "received",
                    "detail": f"{detail} ({order.external_ref})",
                }
            )
        for table, rows in ((_ORDERS, orders), (_LINES, lines), (_EVENTS, events)):
            for start in range(0, len(rows), _INSERT):
                self.connection.execute(table.insert(), rows[start : start + _INSERT])
        refresh_search_rows(self.connection, order_ids)
        self.order_ids.extend(order_ids)

    @staticmethod
    def _key(order: ImportedOrder) -> str:
        if order.phone:
            return "p:" + order.phone
        if order.email:
            return "e:" + order.email
        return f"n:{order.customer_name}\n{order.address1}"

    def _customers(self, todo: Sequence[ImportedOrder]) -> list[int | None]:
        """The customer of each order of the batch (None without a name): found, or added."""
        self._look_up(todo)
        known = self._customer_of
        fresh: dict[str, ImportedOrder] = {}
        for order in todo:
            key = self._key(order)
            if order.customer_name and self._found(order) is None and key not in known:
                fresh.setdefault(key, order)
        if fresh:
            ids = self._allocate(_CUSTOMERS, len(fresh))
            now = utc_now()
            rows = []
            for cid, (key, o) in zip(ids, fresh.items(), strict=True):
                known[key] = cid
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
            for start in range(0, len(rows), _INSERT):
                self.connection.execute(_CUSTOMERS.insert(), rows[start : start + _INSERT])
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
        for prefix, column, values in (("p:", Customer.phone, phones), ("e:", Customer.email, emails)):
            self._looked_up.update(prefix + value for value in values)
            for start in range(0, len(values), _CHUNK):
                for cid, value in self.session.execute(
                    select(Customer.id, column).where(column.in_(values[start : start + _CHUNK]))
                ):
                    self._customer_of.setdefault(prefix + value, cid)

    def _allocate(self, table: Table, count: int) -> list[int]:
        """Ids for ``count`` new rows, known before writing so lines can point at their orders."""
        if count == 0:
            return []
        if self.connection.dialect.name == "postgresql":
            rows = self.connection.execute(
                text(f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) FROM generate_series(1, :n)"),
                {"n": count},
            )
            return [int(row[0]) for row in rows]
        # SQLite: this write transaction holds the database's write lock, so nobody else takes ids.
        start = int(self.connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1
        return list(range(start, start + count))
