"""Order exceptions: raising one, the queue, one exception with its history, and the hold on its order.

The status changes, notes and actions are in ``exceptions_actions``; the automatic checks in
``exceptions_checks``; the report in ``exceptions_report``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session

from orderapp.domain import exception_labels as labels
from orderapp.domain import exception_rules as rules
from orderapp.domain.exception_rules import ExceptionStatus, Severity
from orderapp.errors import FieldError, NotFound, OrderAppError, ValidationFailed
from orderapp.i18n import _
from orderapp.services.customers.tags import customer_tags as stored_tags
from orderapp.store.database import Database
from orderapp.store.exception_models import ExceptionEvent, OrderException
from orderapp.store.models import Order, User
from orderapp.store.types import utc_now

MAX_TEXT = 2000
MAX_OWNER = 100
PAGE = 50


class OrderRef(Protocol):
    """What raising an exception needs of its order (an ``Order`` row has it; so do lighter records)."""

    @property
    def id(self) -> int: ...

    @property
    def number(self) -> str: ...

    @property
    def priority(self) -> str: ...

    @property
    def customer_id(self) -> int | None: ...


class OrderHeldByException(OrderAppError):
    """A severe exception of the order is not resolved: packing and shipping wait for it."""


class DuplicateException(OrderAppError):
    pass


@dataclass(frozen=True)
class ExceptionRow:
    id: int
    number: str  # "EX-12"
    order_id: int
    order_number: str
    family: str
    type: str
    severity: str
    priority: int
    status: str
    owner: str
    cause: str
    resolution: str
    opened_at: datetime
    resolved_at: datetime | None
    queue_key: int

    @property
    def family_label(self) -> str:
        return labels.family_label(self.family)

    @property
    def type_label(self) -> str:
        return labels.type_label(self.type)

    @property
    def severity_label(self) -> str:
        return labels.severity_label(self.severity)

    @property
    def status_label(self) -> str:
        return labels.status_label(self.status)

    @property
    def is_open(self) -> bool:
        return self.status != ExceptionStatus.RESOLVED

    def age_text(self, now: datetime) -> str:
        return age_text((self.resolved_at or now) - self.opened_at)


@dataclass(frozen=True)
class ExceptionEventView:
    at: datetime
    actor: str
    kind: str  # raised | status | note | action | owner
    from_status: str | None
    to_status: str | None
    action: str | None
    amount_cents: int | None
    linked_order_number: str | None
    detail: str

    @property
    def title(self) -> str:
        if self.kind == "raised":
            return _("Raised")
        if self.kind == "status" and self.to_status:
            return labels.status_label(self.to_status).capitalize()
        if self.kind == "action" and self.action:
            return labels.action_label(self.action).capitalize()
        return {"note": _("Note"), "owner": _("New owner")}.get(self.kind, self.kind)


@dataclass(frozen=True)
class ExceptionDetail:
    row: ExceptionRow
    history: tuple[ExceptionEventView, ...]


@dataclass(frozen=True)
class QueueFilter:
    family: str = ""
    severity: str = ""
    owner: str = ""
    status: str = ""  # one status, or "" for every open one
    open_only: bool = True


def exception_number(exception_id: int) -> str:
    return f"EX-{exception_id}"


def age_text(span: timedelta) -> str:
    minutes = max(int(span.total_seconds() // 60), 0)
    if minutes < 60:
        return _("{n} min").format(n=minutes)
    if minutes < 48 * 60:
        return _("{n} h").format(n=minutes // 60)
    return _("{n} d").format(n=minutes // (24 * 60))


# --- raising --------------------------------------------------------------------------------------


def raise_exception(
    database: Database,
    order_id: int,
    kind: str,
    severity: str,
    *,
    user_id: int,
    cause: str = "",
    owner: str | None = None,
    line_id: int | None = None,
    tags: Iterable[str] = (),
    now: datetime | None = None,
) -> ExceptionRow:
    """Open an exception on an order by hand. Refused with a sentence when the type or severity is
    unknown, or when the order already has the same kind of exception open."""
    errors = _check_fields(kind, severity, cause, owner or "")
    if errors:
        raise ValidationFailed(errors)
    when = now or utc_now()
    with database.session(write=True) as session:
        order = session.get(Order, order_id)
        if order is None:
            raise NotFound(_("There is no order {id}.").format(id=order_id))
        existing = open_of_type(session, order_id, kind)
        if existing is not None:
            raise DuplicateException(
                _("Order {order} already has this exception open ({number}); add a note to it instead.").format(
                    order=order.number, number=exception_number(existing.id)
                )
            )
        record = raise_in(
            session,
            order,
            kind,
            Severity(severity),
            cause=cause.strip(),
            owner=owner,
            actor=user_name(session, user_id),
            tags=tags,
            line_id=line_id,
            now=when,
        )
        assert record is not None
        session.commit()
        return row_of(record, order.number, when)


def raise_in(
    session: Session,
    order: OrderRef,
    kind: str,
    severity: Severity,
    *,
    cause: str,
    actor: str,
    owner: str | None = None,
    source_key: str | None = None,
    tags: Iterable[str] = (),
    line_id: int | None = None,
    now: datetime,
) -> OrderException | None:
    """Add an exception inside the caller's transaction; None (nothing added) when the same kind is
    already open on the order or ``source_key`` has raised one before. Never commits."""
    if open_of_type(session, order.id, kind) is not None:
        return None
    if source_key is not None and session.scalar(
        select(OrderException.id).where(OrderException.source_key == source_key)
    ):
        return None
    if owner is None:
        from orderapp.services.settings.exceptions import read_exception_settings

        owner = read_exception_settings(session).default_owner
    all_tags = set(tags) | set(customer_tags(session, order))
    base = rules.base_priority(severity, urgent=order.priority == "urgent", tags=all_tags)
    record = OrderException(
        order_id=order.id,
        order_line_id=line_id,
        family=rules.FAMILY_OF_TYPE[kind].value,
        type=kind,
        severity=severity.value,
        owner=owner,
        status=ExceptionStatus.OPEN.value,
        is_open=True,
        cause=cause[:MAX_TEXT],
        resolution="",
        priority_base=base,
        queue_key=rules.queue_key(base, now),
        source_key=source_key,
        opened_at=now,
        opened_by=actor,
        updated_at=now,
    )
    session.add(record)
    session.flush()
    session.add(
        ExceptionEvent(
            exception_id=record.id, at=now, actor=actor, kind="raised", to_status="open", detail=cause[:MAX_TEXT]
        )
    )
    return record


def open_of_type(session: Session, order_id: int, kind: str) -> OrderException | None:
    return session.scalars(
        select(OrderException)
        .where(OrderException.order_id == order_id, OrderException.is_open.is_(True), OrderException.type == kind)
        .limit(1)
    ).one_or_none()


def customer_tags(session: Session, order: OrderRef) -> tuple[str, ...]:
    """The tags (VIP, risk, ...) of the order's customer, as the customers screen keeps them."""
    if order.customer_id is None:
        return ()
    return tuple(sorted(stored_tags(session, order.customer_id)))


# --- the hold -------------------------------------------------------------------------------------


def hold_reason(session: Session, order_id: int, number: str) -> str | None:
    """Why the order may not be packed or shipped now (a severe exception open), or None."""
    found = session.execute(
        select(OrderException.id, OrderException.type)
        .where(
            OrderException.order_id == order_id,
            OrderException.is_open.is_(True),
            OrderException.severity == Severity.SEVERE.value,
        )
        .order_by(OrderException.id)
        .limit(1)
    ).first()
    if found is None:
        return None
    return _(
        "Order {order} is held by severe exception {number} ({type}): resolve it on the Exceptions screen first."
    ).format(order=number, number=exception_number(found.id), type=labels.type_label(found.type))


def refuse_if_held(session: Session, order_id: int, number: str) -> None:
    """Raise ``OrderHeldByException`` when a severe exception holds the order (packing, shipping)."""
    reason = hold_reason(session, order_id, number)
    if reason is not None:
        raise OrderHeldByException(reason)


# --- reading --------------------------------------------------------------------------------------


def exception_queue(
    database: Database,
    filters: QueueFilter = QueueFilter(),
    *,
    after: tuple[int, int] | None = None,
    limit: int = PAGE,
    now: datetime | None = None,
) -> tuple[ExceptionRow, ...]:
    """A page of the queue, highest priority first (ties: oldest first). ``after`` is the last row's
    ``(queue_key, id)`` for the next page (keyset paging)."""
    when = now or utc_now()
    query = _filtered(filters)
    if after is not None:
        key, last_id = after
        query = query.where(
            or_(OrderException.queue_key > key, and_(OrderException.queue_key == key, OrderException.id > last_id))
        )
    query = query.order_by(OrderException.queue_key, OrderException.id).limit(limit)
    with database.session() as session:
        return tuple(row_of(record, number, when) for record, number in session.execute(query))


def all_exceptions(
    database: Database, *, open_only: bool = False, now: datetime | None = None
) -> Iterator[ExceptionRow]:
    """Every exception (or every open one) in queue order, read a page at a time."""
    after: tuple[int, int] | None = None
    while True:
        page = exception_queue(database, QueueFilter(open_only=open_only), after=after, limit=1000, now=now)
        yield from page
        if len(page) < 1000:
            return
        after = (page[-1].queue_key, page[-1].id)


def owners(database: Database) -> tuple[str, ...]:
    """The people who own exceptions, for the owner filter."""
    with database.session() as session:
        names = session.scalars(select(OrderException.owner).distinct())
        return tuple(sorted(name for name in names if name))


def order_exceptions(database: Database, order_id: int, *, now: datetime | None = None) -> tuple[ExceptionRow, ...]:
    """The order's exceptions, oldest first (for its timeline)."""
    when = now or utc_now()
    with database.session() as session:
        rows = session.execute(
            select(OrderException, Order.number)
            .join(Order, Order.id == OrderException.order_id)
            .where(OrderException.order_id == order_id)
            .order_by(OrderException.opened_at, OrderException.id)
        )
        return tuple(row_of(record, number, when) for record, number in rows)


def get_exception(database: Database, exception_id: int, *, now: datetime | None = None) -> ExceptionDetail:
    with database.session() as session:
        return detail_in(session, exception_id, now or utc_now())


def detail_in(session: Session, exception_id: int, now: datetime) -> ExceptionDetail:
    found = session.execute(
        select(OrderException, Order.number)
        .join(Order, Order.id == OrderException.order_id)
        .where(OrderException.id == exception_id)
    ).first()
    if found is None:
        raise NotFound(_("There is no exception {number}.").format(number=exception_number(exception_id)))
    record, number = found
    linked = Order.__table__.alias("linked")
    events = session.execute(
        select(ExceptionEvent, linked.c.number)
        .outerjoin(linked, linked.c.id == ExceptionEvent.linked_order_id)
        .where(ExceptionEvent.exception_id == exception_id)
        .order_by(ExceptionEvent.id)
    )
    history = tuple(
        ExceptionEventView(
            at=event.at,
            actor=event.actor,
            kind=event.kind,
            from_status=event.from_status,
            to_status=event.to_status,
            action=event.action,
            amount_cents=event.amount_cents,
            linked_order_number=linked_number,
            detail=event.detail,
        )
        for event, linked_number in events
    )
    return ExceptionDetail(row=row_of(record, number, now), history=history)


def user_name(session: Session, user_id: int) -> str:
    name = session.scalar(select(User.display_name).where(User.id == user_id))
    return name or str(user_id)


# --- inside ---------------------------------------------------------------------------------------


def _filtered(filters: QueueFilter) -> Select[OrderException, str]:
    query = select(OrderException, Order.number).join(Order, Order.id == OrderException.order_id)
    if filters.status:
        query = query.where(OrderException.status == filters.status)
        query = query.where(OrderException.is_open.is_(filters.status != ExceptionStatus.RESOLVED))
    elif filters.open_only:
        query = query.where(OrderException.is_open.is_(True))
    if filters.family:
        query = query.where(OrderException.family == filters.family)
    if filters.severity:
        query = query.where(OrderException.severity == filters.severity)
    if filters.owner:
        query = query.where(OrderException.owner == filters.owner)
    return query


def row_of(record: OrderException, order_number: str, now: datetime) -> ExceptionRow:
    end = record.resolved_at if record.resolved_at is not None else now
    return ExceptionRow(
        id=record.id,
        number=exception_number(record.id),
        order_id=record.order_id,
        order_number=order_number,
        family=record.family,
        type=record.type,
        severity=record.severity,
        priority=rules.priority(record.priority_base, record.opened_at, end),
        status=record.status,
        owner=record.owner,
        cause=record.cause,
        resolution=record.resolution,
        opened_at=record.opened_at,
        resolved_at=record.resolved_at,
        queue_key=record.queue_key,
    )


def _check_fields(kind: str, severity: str, cause: str, owner: str) -> list[FieldError]:
    errors: list[FieldError] = []
    if kind not in rules.FAMILY_OF_TYPE:
        errors.append(FieldError("type", _("Choose the kind of problem from the list.")))
    if severity not in {s.value for s in Severity}:
        errors.append(FieldError("severity", _("Choose minor, moderate or severe.")))
    errors.extend(text_errors(cause=cause, owner=owner))
    return errors


def text_errors(*, cause: str = "", owner: str = "") -> Sequence[FieldError]:
    errors: list[FieldError] = []
    if len(cause) > MAX_TEXT:
        errors.append(FieldError("cause", _("Keep this under {most} characters.").format(most=MAX_TEXT)))
    if len(owner) > MAX_OWNER:
        errors.append(FieldError("owner", _("Keep the owner's name under {most} characters.").format(most=MAX_OWNER)))
    return errors
