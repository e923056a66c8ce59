"""Returns, refunds and exchanges: items coming back from a shipped, delivered or counter-sold order.

API (every function takes the ``Database``, runs its own transaction, returns frozen dataclasses and
raises an ``OrderAppError`` whose message is a sentence for the user; nothing is changed then):

    returnable_order(db, "SO-000123") -> ReturnableOrder     lines with what may still come back
    record_return(db, order_id, [ReturnItem, ...], reason=, user_id=, refund_cents=0) -> ReturnView
        resellable units go back on the shelf (ledger kind ``return``); damaged ones come back and are
        written off (``return`` then ``write_off``); every unit returned: the order becomes "returned"
    record_refund(db, order_id, amount_cents, reason=, user_id=) -> RefundView
    record_exchange(db, order_id, items, [(product_id, qty), ...], reason=, user_id=) -> ReturnView
        a return plus a new, confirmed, zero-price order for the replacements, linked to it
    get_return(db, "RT-000001") -> ReturnView;  order_returns(db, order_id) -> tuple[ReturnView, ...]

Rules (pure) are in ``orderapp.domain.returns``; the return slip PDF in ``services.return_slips``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from orderapp.domain.money import format_money
from orderapp.domain.order_numbers import order_id_from_number
from orderapp.domain.order_status import OrderStatus
from orderapp.domain.order_validation import AddressDraft, CustomerDraft, LineDraft, OrderDraft
from orderapp.domain.returns import (
    Condition,
    ReturnableLine,
    ReturnItem,
    check_refund,
    check_return,
    condition_label,
    reason_label,
    return_id_from_number,
    return_number,
)
from orderapp.errors import FieldError, NotFound, OrderAppError, ValidationFailed
from orderapp.i18n import _
from orderapp.services.orders.lifecycle import change_status, record_event
from orderapp.services.orders.writing import confirm_in, place_in
from orderapp.services.stock import ledger as stock_ledger
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order, OrderLine
from orderapp.store.return_models import OrderReturn, OrderReturnLine, Refund
from orderapp.store.types import utc_now

__all__ = [
    "RefundRefused",
    "RefundView",
    "ReturnLineView",
    "ReturnView",
    "ReturnableOrder",
    "get_return",
    "order_returns",
    "record_exchange",
    "record_refund",
    "record_return",
    "returnable_order",
]

NOTE_MAX = 2000


class RefundRefused(OrderAppError):
    """More than was paid, or nothing paid: the sentence says how much may be refunded."""


@dataclass(frozen=True)
class ReturnLineView:
    order_line_id: int
    product_id: int
    sku: str
    name: str
    quantity: int
    condition: str  # resellable | damaged
    value_cents: int

    @property
    def condition_label(self) -> str:
        return condition_label(self.condition)


@dataclass(frozen=True)
class ReturnView:
    id: int
    number: str  # RT-000001
    order_id: int
    order_number: str
    customer_name: str
    reason: str
    note: str
    currency: str
    value_cents: int
    refund_cents: int  # refunded together with this return
    exchange_order_id: int | None
    exchange_order_number: str
    created_at: datetime
    lines: tuple[ReturnLineView, ...]

    @property
    def reason_label(self) -> str:
        return reason_label(self.reason)

    @property
    def restocked_units(self) -> int:
        return sum(line.quantity for line in self.lines if line.condition == Condition.RESELLABLE)

    @property
    def written_off_units(self) -> int:
        return sum(line.quantity for line in self.lines if line.condition == Condition.DAMAGED)

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)


@dataclass(frozen=True)
class RefundView:
    id: int
    order_id: int
    order_number: str
    amount_cents: int
    reason: str
    currency: str
    paid_cents: int
    refunded_cents: int  # all refunds of the order, this one included
    payment_status: str
    created_at: datetime

    def amount_text(self) -> str:
        return format_money(self.amount_cents, self.currency)


@dataclass(frozen=True)
class ReturnableOrder:
    order_id: int
    number: str
    status: str
    currency: str
    customer_id: int | None
    customer_name: str
    paid_cents: int
    refunded_cents: int
    lines: tuple[ReturnableLine, ...]
    returns: tuple[ReturnView, ...]

    @property
    def refundable_cents(self) -> int:
        return max(0, self.paid_cents - self.refunded_cents)

    @property
    def returnable_units(self) -> int:
        return sum(line.returnable for line in self.lines)


# --- reading ------------------------------------------------------------------------------------


def returnable_order(database: Database, number_or_id: str | int) -> ReturnableOrder:
    """The order (by id, "SO-000123", "123" or a return's "RT-000001") as the return dialog shows it."""
    with database.session() as session:
        order = _find_order(session, number_or_id)
        return _returnable(session, order)


def order_returns(database: Database, order_id: int) -> tuple[ReturnView, ...]:
    with database.session() as session:
        ids = session.scalars(select(OrderReturn.id).where(OrderReturn.order_id == order_id).order_by(OrderReturn.id))
        return tuple(_return_view(session, return_id) for return_id in ids)


def get_return(database: Database, number: str) -> ReturnView:
    """A return by its number ("RT-000001", "rt 1")."""
    return_id = return_id_from_number(number)
    with database.session() as session:
        if return_id is None or session.get(OrderReturn, return_id) is None:
            raise NotFound(_("There is no return {number}; check the number (e.g. RT-000001).").format(number=number))
        return _return_view(session, return_id)


# --- recording ------------------------------------------------------------------------------------


def record_return(
    database: Database,
    order_id: int,
    items: Sequence[ReturnItem],
    *,
    reason: str,
    user_id: int,
    note: str = "",
    refund_cents: int = 0,
    station: str = "",
    now: datetime | None = None,
) -> ReturnView:
    """Record items coming back, their stock movements and optionally a refund, all or nothing.

    Raises ``ValidationFailed`` (more than was shipped, unknown line, order not shipped, no reason)
    or ``RefundRefused``; nothing is changed then.
    """
    when = now or utc_now()
    with database.session(write=True) as session:
        order = _lock(session, order_id)
        saved = return_in(session, order, items, reason=reason, note=note, station=station, user_id=user_id, at=when)
        if refund_cents:
            refund_in(session, order, refund_cents, reason=reason_label(reason), user_id=user_id, at=when, ret=saved)
        session.commit()
        return _return_view(session, saved.id)


def record_refund(
    database: Database,
    order_id: int,
    amount_cents: int,
    *,
    reason: str,
    user_id: int,
    now: datetime | None = None,
) -> RefundView:
    """Record money paid back for an order. Refused (``RefundRefused``) above what was paid less
    earlier refunds; when everything paid has been refunded the order's payment becomes "refunded"."""
    when = now or utc_now()
    with database.session(write=True) as session:
        order = _lock(session, order_id)
        refund = refund_in(session, order, amount_cents, reason=reason, user_id=user_id, at=when, ret=None)
        session.commit()
        return RefundView(
            id=refund.id,
            order_id=order.id,
            order_number=order.number,
            amount_cents=refund.amount_cents,
            reason=refund.reason,
            currency=order.currency,
            paid_cents=order.paid_cents,
            refunded_cents=_refunded(session, order.id),
            payment_status=order.payment_status,
            created_at=refund.created_at,
        )


def record_exchange(
    database: Database,
    order_id: int,
    items: Sequence[ReturnItem],
    replacements: Sequence[tuple[int, int]],
    *,
    reason: str,
    user_id: int,
    note: str = "",
    station: str = "",
    now: datetime | None = None,
) -> ReturnView:
    """A return plus a new order sending ``replacements`` ((product id, units) pairs) at no charge to
    the same customer and address, confirmed at once (its stock reserved) and linked to the return.

    Refused like ``record_return``, and with ``OutOfStock`` when the replacements are not in stock
    (unless the shop allows backorders); nothing is changed then.
    """
    if not replacements:
        raise ValidationFailed([FieldError("replacements", _("Choose what is sent in exchange."))])
    when = now or utc_now()
    with database.session(write=True) as session:
        order = _lock(session, order_id)
        saved = exchange_in(
            session, order, items, replacements, reason=reason, note=note, station=station, user_id=user_id, at=when
        )
        session.commit()
        return _return_view(session, saved.id)


# --- inside a transaction ---------------------------------------------------------------------------


def exchange_in(
    session: Session,
    order: Order,
    items: Sequence[ReturnItem],
    replacements: Sequence[tuple[int, int]],
    *,
    reason: str,
    note: str,
    station: str,
    user_id: int,
    at: datetime,
) -> OrderReturn:
    """``record_exchange`` in the caller's write transaction. Does NOT commit."""
    when = at
    saved = return_in(session, order, items, reason=reason, note=note, station=station, user_id=user_id, at=when)
    customer = session.get(Customer, order.customer_id) if order.customer_id is not None else None
    draft = OrderDraft(
        customer=CustomerDraft(
            customer_id=order.customer_id,
            name=customer.name if customer is not None else order.ship_name,
            phone=customer.phone if customer is not None else "",
        ),
        fulfilment=order.fulfilment if order.fulfilment != "walk_in" else "pickup",
        delivery=AddressDraft(
            recipient=order.ship_name,
            phone=order.ship_phone,
            line1=order.ship_line1,
            line2=order.ship_line2,
            city=order.ship_city,
            region=order.ship_region,
            postcode=order.ship_postcode,
            country=order.ship_country,
        ),
        lines=tuple(
            LineDraft(product_id=product_id, code="", qty=str(qty), unit_price="0") for product_id, qty in replacements
        ),
        payment_status="paid",
        priority=order.priority,
        notes=_("Exchange for {order}, return {number}").format(order=order.number, number=saved.number),
        channel=order.channel,
    )
    new_order = place_in(session, draft, user_id=user_id, at=when)
    confirm_in(session, new_order, user_id=user_id, at=when)
    saved.exchange_order_id = new_order.id
    record_event(
        session,
        order,
        user_id=user_id,
        kind="note",
        detail=_("Exchanged: {number} sent in place of return {ret}").format(number=new_order.number, ret=saved.number),
        at=when,
    )
    return saved


def return_in(
    session: Session,
    order: Order,
    items: Sequence[ReturnItem],
    *,
    reason: str,
    note: str,
    station: str,
    user_id: int,
    at: datetime,
) -> OrderReturn:
    """``record_return``'s items and stock movements in the caller's write transaction (the order
    locked by the caller). Raises ``ValidationFailed``. Does NOT commit."""
    lines = _lines(session, order)
    errors = check_return(order.number, order.status, lines, items, reason)
    if len(note) > NOTE_MAX:
        errors.append(FieldError("note", _("This can be at most {limit} characters.").format(limit=NOTE_MAX)))
    if errors:
        raise ValidationFailed(errors)
    saved = OrderReturn(
        number="NEW-" + uuid.uuid4().hex[:16],  # unique until the id is known, a moment later
        order_id=order.id,
        reason=reason,
        note=note.strip(),
        station=station[:64],
        created_at=at,
        created_by=user_id,
    )
    session.add(saved)
    session.flush()
    saved.number = return_number(saved.id)
    by_id = {line.order_line_id: line for line in lines}
    # Units of a line already counted in this return, so that two items of one line share its value right.
    taken: dict[int, int] = {}
    total = 0
    described: list[str] = []
    for item in sorted(items, key=lambda one: (by_id[one.order_line_id].product_id, one.order_line_id)):
        line = by_id[item.order_line_id]
        before = taken.get(line.order_line_id, 0)
        shifted = ReturnableLine(**{**line.__dict__, "returned": line.returned + before})
        value = shifted.value_of(item.quantity)
        taken[line.order_line_id] = before + item.quantity
        total += value
        session.add(
            OrderReturnLine(
                return_id=saved.id,
                order_line_id=line.order_line_id,
                product_id=line.product_id,
                quantity=item.quantity,
                condition=item.condition,
                value_cents=value,
            )
        )
        _move_stock(session, order, saved.number, line.product_id, item.quantity, item.condition, user_id, at)
        described.append(f"{item.quantity} × {line.sku} ({condition_label(item.condition)})")
    saved.value_cents = total
    _touched(order, at)
    detail = f"{saved.number}: " + ", ".join(described) + f" — {reason_label(reason)}"
    if sum(line.returnable for line in lines) == sum(item.quantity for item in items):
        change_status(session, order, OrderStatus.RETURNED, user_id=user_id, detail=detail, at=at)
    else:
        record_event(session, order, user_id=user_id, kind="return", detail=detail, at=at)
    session.flush()
    return saved


def _move_stock(
    session: Session, order: Order, number: str, product_id: int, qty: int, condition: str, user_id: int, at: datetime
) -> None:
    """The units come back on hand; damaged ones are written off at once (the ledger shows both)."""
    move = partial(
        stock_ledger.record_movement, session, product_id, user_id=user_id, reference=number, order_id=order.id, at=at
    )
    move("return", qty, 0, reason=f"Returned from {order.number} ({condition})")
    if condition == Condition.DAMAGED:
        move("write_off", -qty, 0, reason="Damaged return written off")


def refund_in(
    session: Session,
    order: Order,
    amount_cents: int,
    *,
    reason: str,
    user_id: int,
    at: datetime,
    ret: OrderReturn | None,
) -> Refund:
    """A refund in the caller's write transaction; raises ``RefundRefused``. Does NOT commit."""
    refunded = _refunded(session, order.id)
    problem = check_refund(
        order.number, amount_cents, order.paid_cents, refunded, lambda cents: format_money(cents, order.currency)
    )
    reason = " ".join(reason.split())
    if not problem and not reason:
        problem = _("Say why the money is refunded.")
    if problem:
        raise RefundRefused(problem)
    refund = Refund(
        order_id=order.id,
        return_id=ret.id if ret is not None else None,
        amount_cents=amount_cents,
        reason=reason[:200],
        created_at=at,
        created_by=user_id,
    )
    session.add(refund)
    session.flush()
    if refunded + amount_cents >= order.paid_cents:
        order.payment_status = "refunded"
    _touched(order, at)
    record_event(
        session,
        order,
        user_id=user_id,
        kind="refund",
        detail=f"{format_money(amount_cents, order.currency)} — {reason}",
        at=at,
    )
    return refund


def _touched(order: Order, at: datetime) -> None:
    """The order changed at ``at``: written even when it equals the time already there, or the
    column's onupdate would stamp the clock's time instead."""
    order.updated_at = at
    flag_modified(order, "updated_at")


def _refunded(session: Session, order_id: int) -> int:
    total = session.scalar(select(func.coalesce(func.sum(Refund.amount_cents), 0)).where(Refund.order_id == order_id))
    return int(total or 0)


def _lines(session: Session, order: Order) -> list[ReturnableLine]:
    returned = dict(
        session.execute(
            select(OrderReturnLine.order_line_id, func.sum(OrderReturnLine.quantity))
            .join(OrderReturn, OrderReturn.id == OrderReturnLine.return_id)
            .where(OrderReturn.order_id == order.id)
            .group_by(OrderReturnLine.order_line_id)
        ).all()
    )
    rows = session.scalars(select(OrderLine).where(OrderLine.order_id == order.id).order_by(OrderLine.line_no))
    return [
        ReturnableLine(
            order_line_id=line.id,
            product_id=line.product_id,
            sku=line.sku,
            name=line.name,
            sold=line.quantity,
            returned=int(returned.get(line.id, 0)),
            unit_price_cents=line.unit_price_cents,
            discount_cents=line.discount_cents,
        )
        for line in rows
    ]


def _find_order(session: Session, number_or_id: str | int) -> Order:
    order: Order | None = None
    if isinstance(number_or_id, int):
        order = session.get(Order, number_or_id)
    else:
        text = number_or_id.strip()
        order = session.scalars(select(Order).where(Order.number == text.upper())).first()
        if order is None:
            return_id = return_id_from_number(text)
            ret = session.get(OrderReturn, return_id) if return_id is not None else None
            if ret is not None:
                order = session.get(Order, ret.order_id)
        if order is None:
            order_id = order_id_from_number(text)
            order = session.get(Order, order_id) if order_id is not None else None
        if order is None and text:
            order = session.scalars(select(Order).where(Order.external_ref == text).order_by(Order.id.desc())).first()
    if order is None:
        raise NotFound(_("There is no order {number}; check the number.").format(number=number_or_id))
    return order


def _lock(session: Session, order_id: int) -> Order:
    order = session.scalars(select(Order).where(Order.id == order_id).with_for_update()).first()
    if order is None:
        raise NotFound(_("Order {id} does not exist; it may have been removed.").format(id=order_id))
    return order


def _returnable(session: Session, order: Order) -> ReturnableOrder:
    customer = session.get(Customer, order.customer_id) if order.customer_id is not None else None
    ids = session.scalars(select(OrderReturn.id).where(OrderReturn.order_id == order.id).order_by(OrderReturn.id))
    return ReturnableOrder(
        order_id=order.id,
        number=order.number,
        status=order.status,
        currency=order.currency,
        customer_id=order.customer_id,
        customer_name=customer.name if customer is not None else order.ship_name,
        paid_cents=order.paid_cents,
        refunded_cents=_refunded(session, order.id),
        lines=tuple(_lines(session, order)),
        returns=tuple(_return_view(session, return_id) for return_id in ids),
    )


def _return_view(session: Session, return_id: int) -> ReturnView:
    saved = session.get(OrderReturn, return_id)
    assert saved is not None
    order = session.get(Order, saved.order_id)
    assert order is not None
    customer = session.get(Customer, order.customer_id) if order.customer_id is not None else None
    exchange = session.get(Order, saved.exchange_order_id) if saved.exchange_order_id is not None else None
    rows = session.execute(
        select(OrderReturnLine, OrderLine.sku, OrderLine.name)
        .join(OrderLine, OrderLine.id == OrderReturnLine.order_line_id)
        .where(OrderReturnLine.return_id == return_id)
        .order_by(OrderLine.line_no, OrderReturnLine.id)
    ).all()
    refund = session.scalar(
        select(func.coalesce(func.sum(Refund.amount_cents), 0)).where(Refund.return_id == return_id)
    )
    return ReturnView(
        id=saved.id,
        number=saved.number,
        order_id=order.id,
        order_number=order.number,
        customer_name=customer.name if customer is not None else order.ship_name,
        reason=saved.reason,
        note=saved.note,
        currency=order.currency,
        value_cents=saved.value_cents,
        refund_cents=int(refund or 0),
        exchange_order_id=saved.exchange_order_id,
        exchange_order_number=exchange.number if exchange is not None else "",
        created_at=saved.created_at,
        lines=tuple(
            ReturnLineView(
                order_line_id=line.order_line_id,
                product_id=line.product_id,
                sku=sku,
                name=name,
                quantity=line.quantity,
                condition=line.condition,
                value_cents=line.value_cents,
            )
            for line, sku, name in rows
        ),
    )
