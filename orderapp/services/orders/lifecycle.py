"""Moving an order from one status to the next, with its timeline entry.

``change_status`` is the one place that changes ``Order.status``: every other service (orders,
packing, returns) calls it inside its own transaction, so the state machine in
``domain.order_status`` is enforced everywhere and every step is recorded with who and when.
It never commits: the caller's unit of work decides.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from orderapp.domain.order_status import OrderStatus, can_move
from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.services.staff import audit_entries as staff_audit
from orderapp.services.stock import ledger as stock_ledger
from orderapp.store.models import Order, OrderEvent
from orderapp.store.types import utc_now

_STATUS_WORDS: dict[OrderStatus, str] = {
    OrderStatus.RECEIVED: "received",
    OrderStatus.CONFIRMED: "confirmed",
    OrderStatus.PICKING: "picking",
    OrderStatus.PACKED: "packed",
    OrderStatus.SHIPPED: "shipped",
    OrderStatus.DELIVERED: "delivered",
    OrderStatus.COMPLETED: "completed",
    OrderStatus.ON_HOLD: "on hold",
    OrderStatus.CANCELLED: "cancelled",
    OrderStatus.RETURNED: "returned",
}


def status_label(status: OrderStatus | str) -> str:
    """The status as a shopkeeper reads it ("on hold"), translated."""
    try:
        return _(_STATUS_WORDS[OrderStatus(status)])
    except ValueError:
        return str(status)


class IllegalTransition(OrderAppError):
    """The order cannot go from its current status to the one asked for."""

    def __init__(self, number: str, current: OrderStatus | str, target: OrderStatus | str) -> None:
        self.number = number
        self.current = str(current)
        self.target = str(target)
        super().__init__(
            _("Order {number} is {current} and cannot be moved to {target}; refresh the order and try again.").format(
                number=number or "?", current=status_label(current), target=status_label(target)
            )
        )


def change_status(
    session: Session,
    order: Order,
    to: OrderStatus,
    *,
    user_id: int,
    detail: str = "",
    kind: str = "status",
    at: datetime | None = None,
) -> None:
    """Move ``order`` to ``to`` and append the timeline event. Does NOT commit.

    Raises ``IllegalTransition`` when the state machine forbids the move. Putting an order on hold
    remembers where it was (``held_from``); releasing it must go back there.
    """
    current = OrderStatus(order.status)
    if not can_move(current, to):
        raise IllegalTransition(order.number, current, to)
    if current is OrderStatus.ON_HOLD and to is not OrderStatus.CANCELLED:
        held_from = OrderStatus(order.held_from) if order.held_from else OrderStatus.RECEIVED
        if to is not held_from:
            raise IllegalTransition(order.number, current, to)
    when = at or utc_now()
    if to is OrderStatus.ON_HOLD:
        order.held_from = current.value
    elif current is OrderStatus.ON_HOLD:
        order.held_from = None
    order.status = to.value
    order.updated_at = when
    flag_modified(order, "updated_at")  # written even when equal to what was loaded (else its onupdate: now)
    # Setting the many-to-one side appends to ``order.events`` without loading the whole timeline.
    event = OrderEvent(
        order=order,
        at=when,
        user_id=user_id,
        kind=kind,
        from_status=current.value,
        to_status=to.value,
        detail=detail,
    )
    session.add(event)
    staff_audit.order_status(session, user_id, order.number, current.value, to.value, kind, detail)


def record_event(
    session: Session,
    order: Order,
    *,
    user_id: int,
    kind: str,
    detail: str,
    at: datetime | None = None,
) -> None:
    """A timeline entry that does not change the status (an edit, a note, an override). Does NOT commit."""
    event = OrderEvent(
        order=order,
        at=at or utc_now(),
        user_id=user_id,
        kind=kind,
        from_status=None,
        to_status=None,
        detail=detail,
    )
    session.add(event)


# --- units leaving the shelf: never below zero silently ------------------------------------------

MAX_SHORT_REASON = 200


def units_of(order: Order) -> dict[int, int]:
    """Units per product on the order, in product id order."""
    wanted: dict[int, int] = {}
    for line in order.lines:
        wanted[line.product_id] = wanted.get(line.product_id, 0) + line.quantity
    return dict(sorted(wanted.items()))


def ship_shortages(session: Session, order: Order, short_reason: str) -> list[stock_ledger.OnHandShortage]:
    """The order's products with fewer units on hand than leave. Raises ``ShortOnHand`` when there are
    any and no reason is given (the owner's override); returns them when one is. Does NOT commit."""
    short = stock_ledger.on_hand_shortages(session, units_of(order))
    if short and not short_reason.strip():
        raise stock_ledger.ShortOnHand(
            _(
                "Order {number} cannot be shipped: {products}. A count found fewer units than were reserved; "
                "count the shelf again or receive the missing units. The owner can ship anyway with a reason."
            ).format(number=order.number, products=stock_ledger.shortage_lines(short)),
            short,
        )
    if len(short_reason.strip()) > MAX_SHORT_REASON:
        raise stock_ledger.StockProblem(_("Keep the reason under {most} characters.").format(most=MAX_SHORT_REASON))
    return short


def short_ship_reason(reason: str) -> str:
    """The ledger's reason for units shipped although they were not on hand."""
    return _("Shipped without stock on hand: {reason}").format(reason=" ".join(reason.split()))


def record_short_shipment(
    session: Session,
    order: Order,
    short: list[stock_ledger.OnHandShortage],
    reason: str,
    *,
    user_id: int,
    at: datetime | None = None,
) -> None:
    """The owner's override on the order's timeline (kind "override"). Does NOT commit."""
    record_event(
        session,
        order,
        user_id=user_id,
        kind="override",
        detail=_("Shipped although not on hand: {products}. Reason: {reason}").format(
            products=stock_ledger.shortage_lines(short), reason=" ".join(reason.split())
        ),
        at=at,
    )


def refuse_short_packing(session: Session, order: Order) -> None:
    """Packing by override cannot put in the box what is not on the shelf: ``ShortOnHand``. Does NOT commit."""
    short = stock_ledger.on_hand_shortages(session, units_of(order))
    if short:
        raise stock_ledger.ShortOnHand(
            _(
                "Order {number} cannot be packed: {products}. Count the shelf again or receive the missing "
                "units, then pack it."
            ).format(number=order.number, products=stock_ledger.shortage_lines(short)),
            short,
        )
