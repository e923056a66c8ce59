"""The orders waiting at the packing station, most urgent first."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from orderapp.domain.order_status import TO_PACK_STATUSES
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order, OrderLine
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

    @property
    def urgent(self) -> bool:
        return self.priority == "urgent"


@dataclass(frozen=True)
class PackingQueue:
    entries: tuple[QueueEntry, ...]
    total: int  # orders waiting, including those beyond ``entries``


def queue_order() -> tuple[object, ...]:
    """Most urgent first: urgent priority, then the earliest due time (none due last), then the oldest."""
    return (
        case((Order.priority == "urgent", 0), else_=1),
        case((Order.due_at.is_(None), 1), else_=0),
        Order.due_at,
        Order.created_at,
        Order.id,
    )


def read_queue(session: Session, *, limit: int = DEFAULT_QUEUE_LIMIT, exclude: Collection[int] = ()) -> PackingQueue:
    waiting = Order.status.in_([status.value for status in TO_PACK_STATUSES])
    statement = (
        select(
            Order.id,
            Order.number,
            Order.status,
            Order.priority,
            Order.due_at,
            Order.created_at,
            Order.ship_name,
            Customer.name,
        )
        .outerjoin(Customer, Customer.id == Order.customer_id)
        .where(waiting)
        .order_by(*queue_order())  # type: ignore[arg-type]
        .limit(limit)
    )
    if exclude:
        statement = statement.where(Order.id.not_in(list(exclude)))
    rows = session.execute(statement).all()
    total = int(session.scalar(select(func.count()).select_from(Order).where(waiting)) or 0)
    ids = [row[0] for row in rows]
    sizes = _line_sizes(session, ids)
    scanned = _scanned_units(session, ids)
    open_at = _open_stations(session, ids)
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
        )
        for order_id, number, status, priority, due_at, created_at, ship_name, customer_name in rows
    )
    return PackingQueue(entries=entries, total=total)


def packing_queue(database: Database, *, limit: int = DEFAULT_QUEUE_LIMIT) -> PackingQueue:
    """The orders ready to pack (confirmed or being picked), most urgent first."""
    with database.session() as session:
        return read_queue(session, limit=limit)


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
