"""The orders waiting at the packing station, in the order the shop chooses for its busy days.

The sorts (``QueueSort``; the shop's choice is the packing setting ``packing.queue_sort``):

- urgent first (the default): urgent priority, then the earliest due time (none due last), then the
  oldest;
- VIP customers first: orders of customers tagged VIP, then as urgent first;
- due time: the earliest due time first (none due last), urgent before normal at the same time,
  then the oldest;
- easy first: orders of one SKU with all of it on the shelf (the product's stock on hand covers the
  order's units), then as urgent first. Quick to pick and pack, they clear the queue on a peak day.

In every sort an order held by a severe open exception comes after the orders that can be packed
now (it is shown, marked held, but the packer is not sent to it first).

Only the waiting orders are read (``status`` is indexed with ``created_at``); each order's VIP tag
and lines are looked up by their primary key and ``order_id`` indexes.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, case, exists, func, select
from sqlalchemy.orm import Session

from orderapp.domain.exception_rules import Severity
from orderapp.domain.order_status import TO_PACK_STATUSES
from orderapp.services.customers.tags import VIP
from orderapp.services.settings.packing import (
    DEFAULT_QUEUE_SORT,
    QueueSort,
    read_packing_settings,
    sort_hint,
    sort_label,
)
from orderapp.store.customer_models import CustomerTag
from orderapp.store.database import Database
from orderapp.store.exception_models import OrderException
from orderapp.store.models import Customer, Order, OrderLine, Product
from orderapp.store.packing_models import PackScan, PackSession

# pack_scan outcomes whose quantity counts towards a line (refused scans carry 0 anyway).
COUNTED_OUTCOMES = ("accepted", "typed_qty", "undo")
DEFAULT_QUEUE_LIMIT = 200


@dataclass(frozen=True)
class QueueEntry:
    order_id: int
    number: str
    status: str  # confirmed | picking
    priority: str  # normal | urgent
    due_at: datetime | None
    created_at: datetime
    customer: str
    lines: int
    units: int
    scanned_units: int  # progress kept from earlier sessions
    packing_at: str  # the station where it is open now, "" when nobody has it open
    vip: bool = False  # the customer is tagged VIP
    easy: bool = False  # one SKU, all of it on the shelf
    held: bool = False  # a severe exception is open on it: packing refuses it until resolved

    @property
    def urgent(self) -> bool:
        return self.priority == "urgent"


@dataclass(frozen=True)
class PackingQueue:
    entries: tuple[QueueEntry, ...]
    total: int  # orders waiting, including those beyond ``entries``
    sort: QueueSort = DEFAULT_QUEUE_SORT


def queue_order(sort: QueueSort | str = DEFAULT_QUEUE_SORT) -> tuple[object, ...]:
    """The ORDER BY of the queue for ``sort`` (see the module's docstring); ties end oldest first."""
    urgent = case((Order.priority == "urgent", 0), else_=1)
    undated = case((Order.due_at.is_(None), 1), else_=0)
    most_urgent = (urgent, undated, Order.due_at, Order.created_at, Order.id)
    chosen = QueueSort(sort)
    return (case((_is_held(), 1), else_=0), *_sorted_by(chosen, most_urgent, urgent, undated))


def _sorted_by(
    chosen: QueueSort, most_urgent: tuple[object, ...], urgent: object, undated: object
) -> tuple[object, ...]:
    if chosen is QueueSort.VIP:
        return (case((_is_vip(), 0), else_=1), *most_urgent)
    if chosen is QueueSort.DUE:
        return (undated, Order.due_at, urgent, Order.created_at, Order.id)
    if chosen is QueueSort.EASY:
        return (case((_is_easy(), 0), else_=1), *most_urgent)
    return most_urgent


def _is_held() -> ColumnElement[bool]:
    return exists().where(
        OrderException.order_id == Order.id,
        OrderException.is_open.is_(True),
        OrderException.severity == Severity.SEVERE.value,
    )


def _is_vip() -> ColumnElement[bool]:
    return exists().where(CustomerTag.customer_id == Order.customer_id, CustomerTag.tag == VIP)


def _is_easy() -> ColumnElement[bool]:
    """One product on all the order's lines, and its stock on hand covers the order's units."""
    one_product = (
        select(OrderLine.order_id)
        .join(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.order_id == Order.id)
        .group_by(OrderLine.order_id)
        .having(
            func.min(OrderLine.product_id) == func.max(OrderLine.product_id),
            func.sum(OrderLine.quantity) <= func.min(Product.on_hand),
        )
    )
    return exists(one_product)


def _waiting() -> ColumnElement[bool]:
    return Order.status.in_(sorted(status.value for status in TO_PACK_STATUSES))


QueueRow = Select[int, str, str, str, datetime | None, datetime, str, str, int | None]


def queue_statement(sort: QueueSort | str = DEFAULT_QUEUE_SORT, *, limit: int = DEFAULT_QUEUE_LIMIT) -> QueueRow:
    """The first ``limit`` waiting orders in ``sort`` order: only the waiting orders are read."""
    return (
        select(
            Order.id,
            Order.number,
            Order.status,
            Order.priority,
            Order.due_at,
            Order.created_at,
            Order.ship_name,
            Customer.name,
            Order.customer_id,
        )
        .outerjoin(Customer, Customer.id == Order.customer_id)
        .where(_waiting())
        .order_by(*queue_order(sort))  # type: ignore[arg-type]
        .limit(limit)
    )


def read_queue(
    session: Session,
    *,
    limit: int = DEFAULT_QUEUE_LIMIT,
    exclude: Collection[int] = (),
    sort: QueueSort | str | None = None,
) -> PackingQueue:
    """The waiting orders in ``sort`` order (the shop's chosen sort when None). Reads only."""
    if sort is None:
        sort = read_packing_settings(session).queue_sort
    chosen = QueueSort(sort)
    statement = queue_statement(chosen, limit=limit)
    if exclude:
        statement = statement.where(Order.id.not_in(list(exclude)))
    rows = session.execute(statement).all()
    total = int(session.scalar(select(func.count()).select_from(Order).where(_waiting())) or 0)
    ids = [row[0] for row in rows]
    sizes = _line_sizes(session, ids)
    scanned = _scanned_units(session, ids)
    open_at = _open_stations(session, ids)
    vips = _vip_customers(session, {row[8] for row in rows if row[8] is not None})
    easy = _easy_orders(session, ids)
    held = _held_orders(session, ids)
    entries = tuple(
        QueueEntry(
            order_id=order_id,
            number=number,
            status=status,
            priority=priority,
            due_at=due_at,
            created_at=created_at,
            customer=ship_name or customer_name or "",
            lines=sizes.get(order_id, (0, 0))[0],
            units=sizes.get(order_id, (0, 0))[1],
            scanned_units=scanned.get(order_id, 0),
            packing_at=open_at.get(order_id, ""),
            vip=customer_id in vips,
            easy=order_id in easy,
            held=order_id in held,
        )
        for order_id, number, status, priority, due_at, created_at, ship_name, customer_name, customer_id in rows
    )
    return PackingQueue(entries=entries, total=total, sort=chosen)


def packing_queue(
    database: Database, *, limit: int = DEFAULT_QUEUE_LIMIT, sort: QueueSort | str | None = None
) -> PackingQueue:
    """The orders ready to pack (confirmed or being picked) in ``sort`` order, else the shop's chosen one."""
    with database.session() as session:
        return read_queue(session, limit=limit, sort=sort)


def _vip_customers(session: Session, customer_ids: Collection[int]) -> set[int]:
    if not customer_ids:
        return set()
    return set(
        session.scalars(
            select(CustomerTag.customer_id).where(
                CustomerTag.customer_id.in_(sorted(customer_ids)), CustomerTag.tag == VIP
            )
        )
    )


def _held_orders(session: Session, ids: Sequence[int]) -> set[int]:
    if not ids:
        return set()
    return set(
        session.scalars(
            select(OrderException.order_id).where(
                OrderException.order_id.in_(ids),
                OrderException.is_open.is_(True),
                OrderException.severity == Severity.SEVERE.value,
            )
        )
    )


def _easy_orders(session: Session, ids: Sequence[int]) -> set[int]:
    if not ids:
        return set()
    return set(
        session.scalars(
            select(OrderLine.order_id)
            .join(Product, Product.id == OrderLine.product_id)
            .where(OrderLine.order_id.in_(ids))
            .group_by(OrderLine.order_id)
            .having(
                func.min(OrderLine.product_id) == func.max(OrderLine.product_id),
                func.sum(OrderLine.quantity) <= func.min(Product.on_hand),
            )
        )
    )


def _line_sizes(session: Session, ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    if not ids:
        return {}
    rows = session.execute(
        select(OrderLine.order_id, func.count(), func.sum(OrderLine.quantity))
        .where(OrderLine.order_id.in_(ids))
        .group_by(OrderLine.order_id)
    )
    return {order_id: (int(count), int(units or 0)) for order_id, count, units in rows}


def _scanned_units(session: Session, ids: Sequence[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = session.execute(
        select(PackScan.order_id, func.sum(PackScan.quantity))
        .where(PackScan.order_id.in_(ids), PackScan.outcome.in_(COUNTED_OUTCOMES))
        .group_by(PackScan.order_id)
    )
    return {order_id: int(units or 0) for order_id, units in rows}


def _open_stations(session: Session, ids: Sequence[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(
        select(PackSession.order_id, PackSession.station)
        .where(PackSession.order_id.in_(ids), PackSession.outcome.is_(None))
        .order_by(PackSession.started_at)
    )
    return {order_id: station for order_id, station in rows}


__all__ = [
    "COUNTED_OUTCOMES",
    "DEFAULT_QUEUE_SORT",
    "PackingQueue",
    "QueueEntry",
    "QueueSort",
    "packing_queue",
    "queue_order",
    "queue_statement",
    "read_queue",
    "sort_hint",
    "sort_label",
]
