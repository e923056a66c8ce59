"""The orders list: every order, newest first, a page at a time, with filters and one search box.

Keyset paging on (created_at, id): each page starts after the last row of the previous one
(``OrderPage.next``), so page 1,000 costs what page 1 costs and nothing reads the whole table.
Use it from a Qt model's ``fetchMore``::

    page = list_orders(db, OrderFilter(search="138 1234"), after=self._cursor)
    self._rows.extend(page.rows); self._cursor = page.next   # None: no more rows
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, literal, select, tuple_
from sqlalchemy.orm import Session

from orderapp.domain.order_status import OPEN_STATUSES
from orderapp.domain.phones import display_phone
from orderapp.services.orders.search import find_matches, search_terms
from orderapp.services.settings.orders import read_order_settings
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order, OrderLine
from orderapp.store.order_models import OrderSearch
from orderapp.store.types import utc_now

PAGE_SIZE = 100


@dataclass(frozen=True)
class OrderFilter:
    statuses: frozenset[str] = frozenset()  # empty: every status
    channels: frozenset[str] = frozenset()
    created_from: datetime | None = None  # inclusive, aware
    created_to: datetime | None = None  # exclusive, aware
    priority: str | None = None  # "urgent" | "normal" | None
    overdue_only: bool = False  # past due and not shipped yet
    search: str = ""  # order number, customer or recipient name, phone (any format), SKU or barcode


@dataclass(frozen=True)
class PageCursor:
    created_at: datetime
    id: int


@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    external_ref: str
    created_at: datetime
    customer_name: str  # the customer, or the recipient when there is no customer record
    phone: str  # E.164 as stored
    channel: str
    status: str
    priority: str
    fulfilment: str
    item_count: int  # units over all lines
    total_cents: int
    currency: str
    payment_status: str
    due_at: datetime | None
    overdue: bool  # past its due time and not shipped yet: the list shows it in red
    phone_region: str = "CN"

    @property
    def phone_display(self) -> str:
        """The phone the local way ("138 1234 5678"); formatted when shown, not for every row read."""
        return display_phone(self.phone, self.phone_region) if self.phone else ""


@dataclass(frozen=True)
class OrderPage:
    rows: tuple[OrderRow, ...]
    next: PageCursor | None  # pass as ``after`` for the next page; None at the end


def list_orders(
    database: Database,
    filters: OrderFilter = OrderFilter(),
    *,
    after: PageCursor | None = None,
    limit: int = PAGE_SIZE,
    now: datetime | None = None,
) -> OrderPage:
    """One page of orders, newest first, matching ``filters``."""
    when = now or utc_now()
    with database.session() as session:
        region = read_order_settings(session).phone_region
        return order_page(session, filters, after=after, limit=limit, now=when, phone_region=region)


_COLUMNS = (
    Order.id,
    Order.number,
    Order.external_ref,
    Order.created_at,
    func.coalesce(Customer.name, Order.ship_name),
    Order.ship_phone,
    Order.channel,
    Order.status,
    Order.priority,
    Order.fulfilment,
    Order.total_cents,
    Order.currency,
    Order.payment_status,
    Order.due_at,
)
_NEWEST_FIRST = (Order.created_at.desc(), Order.id.desc())


def order_page(
    session: Session,
    filters: OrderFilter,
    *,
    after: PageCursor | None,
    limit: int,
    now: datetime,
    phone_region: str,
) -> OrderPage:
    if limit < 1:
        raise ValueError("a page has at least one row")
    conditions: list[ColumnElement[bool]] = []
    join_search = False
    candidates: list[int] | None = None
    if filters.search.strip():
        terms = search_terms(session, filters.search, phone_region)
        if terms is not None:
            match = find_matches(session, terms)
            if match.ids is not None:
                if not match.ids:
                    return OrderPage((), None)
                candidates = list(match.ids)
                conditions.append(Order.id.in_(candidates))
            elif match.condition is not None:
                join_search = match.join_text
                conditions.append(match.condition)
    statuses = set(filters.statuses)
    if filters.overdue_only:
        statuses = (statuses or set(OPEN_STATUSES)) & set(OPEN_STATUSES)
        if not statuses:
            return OrderPage((), None)
        # Written as an expression so that no index on due_at is used: most open orders past their
        # due time are recent, so walking each status newest first finds a page at once, where an
        # index on (status, due_at) would fetch and sort every overdue order first.
        conditions.append(func.coalesce(Order.due_at, Order.due_at) < _stamp(now))
    if filters.channels:
        conditions.append(Order.channel.in_(sorted(filters.channels)))
    if filters.created_from is not None:
        conditions.append(Order.created_at >= filters.created_from)
    if filters.created_to is not None:
        conditions.append(Order.created_at < filters.created_to)
    if filters.priority:
        conditions.append(Order.priority == filters.priority)
    if after is not None:
        conditions.append(tuple_(Order.created_at, Order.id) < tuple_(_stamp(after.created_at), after.id))

    query = select(*_COLUMNS).outerjoin(Customer, Customer.id == Order.customer_id)
    if join_search:
        query = query.join(OrderSearch, OrderSearch.order_id == Order.id)
    rows: list[Any] = []
    if statuses and candidates is None:
        # One index range per status (ix_orders_status_created_at_id), newest first, merged here:
        # no status's rows are ever sorted, however many there are.
        for status in sorted(statuses):
            per_status = query.where(Order.status == status, *conditions).order_by(*_NEWEST_FIRST).limit(limit + 1)
            rows.extend(session.execute(per_status).all())
        rows.sort(key=lambda row: (row[3], row[0]), reverse=True)
    else:
        if statuses:
            conditions.append(Order.status.in_(sorted(statuses)))
        rows = list(session.execute(query.where(*conditions).order_by(*_NEWEST_FIRST).limit(limit + 1)).all())
    more = len(rows) > limit
    rows = rows[:limit]
    units: dict[int, int] = {}
    if rows:
        units = {
            order_id: int(total or 0)
            for order_id, total in session.execute(
                select(OrderLine.order_id, func.sum(OrderLine.quantity))
                .where(OrderLine.order_id.in_([row[0] for row in rows]))
                .group_by(OrderLine.order_id)
            )
        }
    out = tuple(
        OrderRow(
            id=row[0],
            number=row[1],
            external_ref=row[2],
            created_at=row[3],
            customer_name=row[4] or "",
            phone=row[5] or "",
            channel=row[6],
            status=row[7],
            priority=row[8],
            fulfilment=row[9],
            item_count=units.get(row[0], 0),
            total_cents=row[10],
            currency=row[11],
            payment_status=row[12],
            due_at=row[13],
            overdue=row[13] is not None and row[13] < now and row[7] in OPEN_STATUSES,
            phone_region=phone_region,
        )
        for row in rows
    )
    cursor = PageCursor(out[-1].created_at, out[-1].id) if more and out else None
    return OrderPage(out, cursor)


def _stamp(moment: datetime) -> ColumnElement[datetime]:
    """A bound time typed like the column, so it is stored-format (naive UTC) in the comparison."""
    return literal(moment, Order.created_at.type)
