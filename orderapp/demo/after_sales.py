"""The demo shop's after-sales: what ``build_demo_shop`` adds once its orders exist, in the same
transaction, through the returns services themselves (so the ledger, the timelines and the figures
are what the app would have written).

- the orders the generator made "returned" get their return record (all units, resellable, at the
  time they came back; their stock movements are already there);
- a few recently delivered, paid orders get: a partial return put back in stock with its refund, a
  damaged item written off with its refund, a reship-like exchange (the same item sent again at no
  charge), a full return refunded in full, and a refund without a return (late delivery);
- a parcel the carrier lost is reshipped: its exception is resolved with the "reship" action, a
  linked zero-price order (urgent, confirmed, waiting to be packed), as the exceptions screen does;
- the best customers are tagged VIP and two others "risk";
- one customer is entered twice (same name, phone and address) for the duplicate finder to merge.

Deterministic for a seed and a ``now``, on every backend.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.orm import Session

from orderapp.demo.exceptions import AUTOMATIC, OWNERS, PLANS, exception_event
from orderapp.domain import exception_rules as rules
from orderapp.domain.exception_rules import ActionType, ExceptionStatus
from orderapp.domain.order_status import OrderStatus
from orderapp.domain.order_validation import AddressDraft, CustomerDraft, LineDraft, OrderDraft
from orderapp.domain.returns import Condition, ReturnItem, ReturnReason, return_number
from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.services.aftersales.exceptions import exception_number
from orderapp.services.aftersales.returns import exchange_in, refund_in, return_in
from orderapp.services.orders.search import refresh_customer_orders
from orderapp.services.orders.writing import confirm_in, place_in
from orderapp.store.bulk_rows import BulkRows, Row, table_of
from orderapp.store.customer_models import CustomerTag
from orderapp.store.exception_models import ExceptionEvent, OrderException
from orderapp.store.models import DEFAULT_USER_ID, Customer, Order, OrderEvent, OrderLine, Product
from orderapp.store.return_models import OrderReturn, OrderReturnLine

USER = DEFAULT_USER_ID
_RETURNS = table_of(OrderReturn)
_RETURN_LINES = table_of(OrderReturnLine)
_RETURN_COLUMNS = (
    "id",
    "number",
    "order_id",
    "reason",
    "note",
    "value_cents",
    "exchange_order_id",
    "station",
    "created_at",
    "created_by",
)
_RETURN_LINE_COLUMNS = ("return_id", "order_line_id", "product_id", "quantity", "condition", "value_cents")
_ADDRESS_PARTS = ("line1", "line2", "city", "region", "postcode", "country")
_OLD_REASONS = (ReturnReason.NOT_WANTED, ReturnReason.DEFECTIVE, ReturnReason.WRONG_SIZE, ReturnReason.NOT_AS_DESCRIBED)


@dataclass(frozen=True)
class AfterSales:
    returns: int  # return records, old and new
    refunds: int
    orders: int  # exchange and reship orders added
    order_lines: int
    movements: int  # ledger rows added


def add_after_sales(conn: Connection, *, now: datetime, seed: int) -> AfterSales:
    """Add the demo's returns, refunds, exchange, tags and duplicate inside ``conn``'s transaction."""
    from orderapp.store.models import StockMovement

    rng = random.Random(seed * 7919 + 13)
    session = Session(bind=conn, autoflush=True)
    try:
        movements_before = session.scalar(select(func.count()).select_from(StockMovement)) or 0
        orders_before = session.scalar(select(func.count()).select_from(Order)) or 0
        lines_before = session.scalar(select(func.count()).select_from(OrderLine)) or 0
        records = _record_old_returns(session, rng)
        made, refunds = _new_after_sales(session, rng, now)
        _reship_a_lost_parcel(session, now)
        _tag_customers(session, rng)
        _enter_a_customer_twice(session)
        session.flush()
        movements = (session.scalar(select(func.count()).select_from(StockMovement)) or 0) - movements_before
        orders = (session.scalar(select(func.count()).select_from(Order)) or 0) - orders_before
        lines = (session.scalar(select(func.count()).select_from(OrderLine)) or 0) - lines_before
        return AfterSales(records + made, refunds, int(orders), int(lines), int(movements))
    finally:
        session.close()


def _record_old_returns(session: Session, rng: random.Random) -> int:
    """The generator's "returned" orders, each given the return record that explains its movements
    (in bulk: a million-order shop has tens of thousands of them)."""
    returned = OrderStatus.RETURNED.value
    returned_at = dict(
        session.execute(
            select(OrderEvent.order_id, OrderEvent.at)
            .join(Order, Order.id == OrderEvent.order_id)
            .where(Order.status == returned, OrderEvent.to_status == returned)
        ).all()
    )
    lines: dict[int, list[tuple[int, int, int, int]]] = {}
    for order_id, line_id, product_id, quantity, value in session.execute(
        select(
            OrderLine.order_id,
            OrderLine.id,
            OrderLine.product_id,
            OrderLine.quantity,
            OrderLine.quantity * OrderLine.unit_price_cents - OrderLine.discount_cents,
        )
        .join(Order, Order.id == OrderLine.order_id)
        .where(Order.status == returned)
        .order_by(OrderLine.order_id, OrderLine.line_no)
    ):
        lines.setdefault(int(order_id), []).append((int(line_id), int(product_id), int(quantity), int(value)))
    bulk = BulkRows(session.connection())
    stamp = bulk.stamp_time
    next_id = bulk.next_id(_RETURNS)
    records: list[Row] = []
    rows: list[Row] = []
    for order_id in sorted(lines):
        return_id = next_id + len(records)
        reason = _OLD_REASONS[int(rng.random() * len(_OLD_REASONS))].value
        value = sum(line[3] for line in lines[order_id])
        records.append(
            (
                return_id,
                return_number(return_id),
                order_id,
                reason,
                "",
                value,
                None,
                "",
                stamp(returned_at[order_id]),
                USER,
            )
        )
        for line_id, product_id, quantity, value in lines[order_id]:
            rows.append((return_id, line_id, product_id, quantity, Condition.RESELLABLE.value, value))
    # Straight to the driver (tens of thousands of rows; the ORM's bulk insert took about a second).
    bulk.insert(_RETURNS, _RETURN_COLUMNS, records)
    bulk.insert(_RETURN_LINES, _RETURN_LINE_COLUMNS, rows)
    bulk.reset_sequences([_RETURNS])  # ids written here: PostgreSQL's sequence moves past them
    return len(records)


def _new_after_sales(session: Session, rng: random.Random, now: datetime) -> tuple[int, int]:
    """Returns (returns made, refunds made) on recently delivered, paid delivery orders."""
    latest = now - timedelta(minutes=5)
    candidates = list(
        session.scalars(
            select(Order)
            .where(
                Order.status == OrderStatus.DELIVERED.value,
                Order.payment_status == "paid",
                Order.fulfilment == "delivery",
                Order.updated_at < latest - timedelta(hours=2),
            )
            .order_by(Order.updated_at.desc(), Order.id.desc())
            .limit(40)
        )
    )
    returns = refunds = 0
    plans = ("partial", "damaged", "exchange", "full", "goodwill")
    for plan in plans:
        while candidates:
            order = candidates.pop(int(rng.random() * min(len(candidates), 8)))
            lines = list(
                session.scalars(select(OrderLine).where(OrderLine.order_id == order.id).order_by(OrderLine.line_no))
            )
            wide = max(1, int((latest - order.updated_at).total_seconds() // 3600))
            at = order.updated_at + timedelta(hours=1 + int(rng.random() * min(wide - 1, 48)))
            at = min(at, latest)
            try:
                with session.begin_nested():
                    made, paid_back = _carry_out(session, plan, order, lines, at)
            except OrderAppError:
                continue  # e.g. nothing in stock for the exchange: the next order
            returns += made
            refunds += paid_back
            break
    return returns, refunds


def _carry_out(session: Session, plan: str, order: Order, lines: list[OrderLine], at: datetime) -> tuple[int, int]:
    first = lines[0]
    one = [ReturnItem(first.id, 1)]
    if plan == "goodwill":
        refund_in(
            session,
            order,
            max(1, order.total_cents // 10),
            reason="Late delivery 送达延误",
            user_id=USER,
            at=at,
            ret=None,
        )
        return 0, 1
    if plan == "exchange":
        if first.quantity < 2 and len(lines) < 2:
            # Swapping the only unit would make the order "returned" without a refund.
            raise OrderAppError("an exchange of one unit needs an order of two")
        exchange_in(
            session,
            order,
            one,
            [(first.product_id, 1)],
            reason=ReturnReason.WRONG_SIZE.value,
            note="换大一号 one size up",
            station="PACK-1",
            user_id=USER,
            at=at,
        )
        return 1, 0
    if plan == "full":
        items = [ReturnItem(line.id, line.quantity) for line in lines]
        reason = ReturnReason.NOT_AS_DESCRIBED.value
        refund = order.paid_cents
    elif plan == "damaged":
        items = [ReturnItem(first.id, 1, Condition.DAMAGED.value)]
        reason = ReturnReason.DAMAGED_IN_TRANSIT.value
        # The one unit of a one-unit order: the whole order comes back, so it is refunded in full
        # (shipping too), as a returned order always is; otherwise the unit's value.
        refund = order.paid_cents if len(lines) == 1 and first.quantity == 1 else -1
    else:
        if first.quantity < 2 and len(lines) < 2:
            raise OrderAppError("a partial return needs two units")
        items = [ReturnItem(first.id, 1)]
        reason = ReturnReason.NOT_WANTED.value
        refund = -1
    saved = return_in(session, order, items, reason=reason, note="", station="PACK-1", user_id=USER, at=at)
    amount = saved.value_cents if refund < 0 else refund
    if amount > 0:
        refund_in(
            session,
            order,
            min(amount, order.paid_cents),
            reason="Return " + saved.number,
            user_id=USER,
            at=at,
            ret=saved,
        )
        return 1, 1
    return 1, 0


def _reship_a_lost_parcel(session: Session, now: datetime) -> int | None:
    """A recently shipped parcel lost by the carrier, and its exception resolved by reshipping: a new
    order linked to the exception, at zero price, with the same customer, address and items (what
    "Reship" among the exception's actions places). Returns the reship's id (None when no shipped
    order could be sent again, e.g. nothing left in stock)."""
    latest = now - timedelta(minutes=30)
    taken = set(session.scalars(select(OrderException.order_id)))
    candidates = session.scalars(
        select(Order)
        .where(
            Order.status == OrderStatus.SHIPPED.value,
            Order.fulfilment == "delivery",
            Order.updated_at < latest - timedelta(hours=3),
        )
        .order_by(Order.updated_at.desc(), Order.id.desc())
        .limit(20)
    ).all()
    for order in candidates:
        if order.id in taken or not _in_stock(session, order.id):
            continue
        try:
            with session.begin_nested():
                return _reship(session, order, latest)
        except OrderAppError:
            continue  # e.g. an item sold out since: the next parcel
    return None


def _in_stock(session: Session, order_id: int) -> bool:
    """Whether every line of the order could be sent again from the stock on hand (asked first, so
    that no attempt is rolled back: on PostgreSQL that would leave a gap in the order numbers)."""
    short = session.execute(
        select(OrderLine.id)
        .join(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.order_id == order_id, Product.on_hand - Product.reserved < OrderLine.quantity)
        .limit(1)
    ).first()
    return short is None


def _reship(session: Session, order: Order, latest: datetime) -> int:
    wait = (latest - order.updated_at) / 4
    opened, started, acted, resolved = (order.updated_at + wait * n for n in (1, 2, 3, 4))
    plan = next(plan for plan in PLANS if plan.kind == "lost")
    base = rules.base_priority(plan.severity, urgent=order.priority == "urgent")
    record = OrderException(
        order_id=order.id,
        family=rules.FAMILY_OF_TYPE[plan.kind].value,
        type=plan.kind,
        severity=plan.severity.value,
        owner=OWNERS[0],
        status=ExceptionStatus.RESOLVED.value,
        is_open=False,
        cause=plan.cause,
        resolution="",
        priority_base=base,
        queue_key=rules.queue_key(base, opened),
        opened_at=opened,
        opened_by=AUTOMATIC,
        resolved_at=resolved,
        updated_at=resolved,
    )
    session.add(record)
    session.flush()
    number = exception_number(record.id)
    customer = session.get(Customer, order.customer_id) if order.customer_id is not None else None
    lines = session.scalars(select(OrderLine).where(OrderLine.order_id == order.id).order_by(OrderLine.line_no))
    draft = OrderDraft(
        customer=CustomerDraft(
            customer_id=order.customer_id,
            name=customer.name if customer is not None else order.ship_name,
            phone=customer.phone if customer is not None else "",
        ),
        fulfilment=order.fulfilment,
        delivery=AddressDraft(
            recipient=order.ship_name,
            phone=order.ship_phone,
            **{part: getattr(order, f"ship_{part}") for part in _ADDRESS_PARTS},
        ),
        lines=tuple(
            LineDraft(product_id=line.product_id, code=line.sku, qty=str(line.quantity), unit_price="0")
            for line in lines
        ),
        payment_status="paid",
        priority="urgent",
        notes=_("Reship of order {order} for exception {number}.").format(order=order.number, number=number),
        channel=order.channel,
    )
    reship = place_in(session, draft, user_id=USER, at=acted)
    confirm_in(session, reship, user_id=USER, at=acted)
    resolution = f"重发 {reship.number} reshipped, carrier claim filed"
    record.resolution = resolution
    owner = OWNERS[0]
    session.execute(
        insert(ExceptionEvent),
        [
            exception_event(record.id, opened, AUTOMATIC, "raised", None, "open", plan.cause),
            exception_event(record.id, started, owner, "status", "open", "in_progress", ""),
            exception_event(record.id, started, owner, "note", None, None, "联系快递 asked the carrier, parcel lost"),
            {
                **exception_event(record.id, acted, owner, "action", None, None, ""),
                "action": ActionType.RESHIP.value,
                "linked_order_id": reship.id,
            },
            exception_event(record.id, acted, owner, "status", "in_progress", "action_taken", ""),
            exception_event(record.id, resolved, owner, "status", "action_taken", "resolved", resolution),
        ],
    )
    session.flush()
    return reship.id


def _tag_customers(session: Session, rng: random.Random) -> None:
    counts = session.execute(
        select(Order.customer_id, func.count())
        .where(Order.customer_id.is_not(None))
        .group_by(Order.customer_id)
        .order_by(func.count().desc(), Order.customer_id)
    ).all()
    ids = [int(customer_id) for customer_id, _count in counts if customer_id is not None]
    for customer_id in ids[:3]:
        session.add(CustomerTag(customer_id=customer_id, tag="vip"))
    rest = ids[3:]
    for index in sorted({int(rng.random() * len(rest)) for _draw in range(2)} if rest else set()):
        session.add(CustomerTag(customer_id=rest[index], tag="risk"))
    session.flush()


def _enter_a_customer_twice(session: Session) -> None:
    """The last customer becomes a second entry of the second one: same name, phone and address, so
    the duplicate finder offers the pair and the merge has orders to move."""
    first = session.scalars(select(Customer).order_by(Customer.id).offset(1).limit(1)).first()
    last = session.scalars(select(Customer).order_by(Customer.id.desc()).limit(1)).first()
    if first is None or last is None or first.id == last.id:
        return
    for name in ("name", "phone", "email", "address_line1", "address_line2", "city", "region", "postcode", "country"):
        setattr(last, name, getattr(first, name))
    session.flush()
    refresh_customer_orders(session, last.id)
