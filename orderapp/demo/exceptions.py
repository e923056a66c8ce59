"""The demo shop's exceptions: every family in every status (open, in progress, action taken,
resolved), with owners, notes, actions with amounts and resolutions, on orders where each problem
makes sense (logistics on shipped orders, payment and product on orders being worked, customer
information on new ones). Written inside the demo's own transaction; deterministic for a seed."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, insert, select

from orderapp.domain import exception_rules as rules
from orderapp.domain.exception_rules import ExceptionStatus, Severity
from orderapp.store.exception_models import ExceptionEvent, OrderException
from orderapp.store.models import Order

OWNERS = ("王芳", "Li Na", "陈伟")
AUTOMATIC = "OrderApp"
_WORKED = ("received", "confirmed", "picking", "packed")


@dataclass(frozen=True)
class _Plan:
    kind: str
    severity: Severity
    statuses: tuple[str, ...]  # order statuses it is put on
    cause: str
    action: str | None  # for "action taken" and "resolved"
    amount_cents: int | None
    resolution: str


PLANS = (
    _Plan("failed", Severity.MODERATE, ("confirmed", "picking"), "微信支付失败 WeChat Pay failed", None, None,
          "客户改用支付宝付款 paid again by Alipay"),
    _Plan("amount_mismatch", Severity.MINOR, ("confirmed", "picking", "packed"), "Paid 10.00 less than the total",
          "refund", 1000, "difference settled"),
    _Plan("unpaid_at_packing", Severity.SEVERE, ("confirmed", "picking"), "Order reached packing unpaid", None, None,
          "payment received"),
    _Plan("duplicate", Severity.MODERATE, ("shipped", "delivered"), "客户付了两次 paid twice", "refund", 5900,
          "second payment refunded"),
    _Plan("delayed", Severity.MODERATE, ("shipped",), "Shipped 6 days ago and not delivered yet", None, None,
          "delivered late, customer informed"),
    _Plan("lost", Severity.SEVERE, ("shipped",), "快递丢件 parcel lost by the carrier", "refund", 8800,
          "refunded, carrier claim filed"),
    _Plan("damaged_in_transit", Severity.MODERATE, ("delivered",), "外箱压坏 box crushed", "compensation", 2000,
          "coupon given, customer satisfied"),
    _Plan("returned_to_sender", Severity.MINOR, ("shipped", "delivered"), "Returned: nobody at the address", None,
          None, "address corrected and sent again"),
    _Plan("out_of_stock", Severity.MODERATE, ("received", "confirmed"), "Not enough stock at bulk confirm", None,
          None, "stock received, order confirmed"),
    _Plan("wrong_item_sent", Severity.SEVERE, ("delivered",), "发错颜色 wrong colour sent", "replacement", 3900,
          "right colour sent, wrong one returned"),
    _Plan("quality_complaint", Severity.MINOR, ("delivered",), "茶叶受潮 tea arrived damp", "refund", 2500,
          "partial refund accepted"),
    _Plan("pack_override", Severity.MODERATE, ("packed", "shipped"), "label torn, packed without full scan", None,
          None, "box checked by hand, all items right"),
    _Plan("unreachable", Severity.MODERATE, ("received", "confirmed", "picking"), "电话无人接听 phone not answered",
          None, None, "reached by WeChat, address confirmed"),
    _Plan("incomplete_address", Severity.MINOR, ("received",), "The address has no street.", None, None,
          "customer sent the full address"),
    _Plan("invalid_address", Severity.MODERATE, ("cancelled",), "Postcode does not exist", "cancel", None,
          "customer cancelled"),
    _Plan("duplicate_customer", Severity.MINOR, ("received", "confirmed", "delivered"), "Same phone as another one",
          None, None, "customers merged"),
)  # fmt: skip

STATUS_CYCLE = (
    ExceptionStatus.OPEN,
    ExceptionStatus.IN_PROGRESS,
    ExceptionStatus.ACTION_TAKEN,
    ExceptionStatus.RESOLVED,
)


def add_demo_exceptions(conn: Connection, *, seed: int, now: datetime) -> int:
    """Write the demo's exceptions; returns how many. Each family gets every status at least once."""
    rng = random.Random(seed * 7919 + 13)
    candidates = _orders_by_status(conn, now)
    used: set[int] = set()
    made = 0
    for plan, status in _assignments():
        order = _pick(rng, candidates, plan.statuses, used)
        if order is not None:
            _write(conn, rng, plan, status, order, now)
            made += 1
    return made


def _assignments() -> list[tuple[_Plan, ExceptionStatus]]:
    """Every family in every status (an action taken on a plan that has an action), then one more of each plan."""
    found: list[tuple[_Plan, ExceptionStatus]] = []
    for family in rules.Family:
        plans = [plan for plan in PLANS if rules.FAMILY_OF_TYPE[plan.kind] is family]
        acting = next(plan for plan in plans if plan.action is not None)
        found.append((acting, ExceptionStatus.ACTION_TAKEN))
        for n, status in enumerate((ExceptionStatus.OPEN, ExceptionStatus.IN_PROGRESS, ExceptionStatus.RESOLVED)):
            found.append((plans[n % len(plans)], status))
        for n, plan in enumerate(plans):
            status = STATUS_CYCLE[(n + 3) % len(STATUS_CYCLE)]
            if status is ExceptionStatus.ACTION_TAKEN and plan.action is None:
                status = ExceptionStatus.OPEN
            found.append((plan, status))
    return found


def _orders_by_status(conn: Connection, now: datetime) -> dict[str, list[tuple[int, datetime, str]]]:
    rows = conn.execute(
        select(Order.id, Order.created_at, Order.status, Order.priority)
        .where(Order.created_at >= now - timedelta(days=20))
        .order_by(Order.id)
    ).all()
    found: dict[str, list[tuple[int, datetime, str]]] = {}
    for order_id, created, status, priority in rows:
        found.setdefault(status, []).append((order_id, created, priority))
    return found


def _pick(
    rng: random.Random,
    candidates: dict[str, list[tuple[int, datetime, str]]],
    statuses: tuple[str, ...],
    used: set[int],
) -> tuple[int, datetime, str] | None:
    pool = [row for status in statuses for row in candidates.get(status, []) if row[0] not in used]
    if not pool:  # a small demo may lack orders in these statuses: any order still being worked
        pool = [row for status in _WORKED for row in candidates.get(status, []) if row[0] not in used]
    if not pool:
        return None
    chosen = pool[rng.randrange(len(pool))]
    used.add(chosen[0])
    return chosen


def _write(
    conn: Connection,
    rng: random.Random,
    plan: _Plan,
    status: ExceptionStatus,
    order: tuple[int, datetime, str],
    now: datetime,
) -> None:
    order_id, created, priority = order
    # Raised 10 minutes to half the order's age after it was placed (sooner for an order placed
    # minutes ago): never after now, and its steps share the time left until now.
    age = max(int((now - created).total_seconds()), 2)
    soonest = min(600, age // 4)
    opened = created + timedelta(seconds=rng.randrange(soonest, max(age // 2, soonest + 1)))
    owner = OWNERS[rng.randrange(len(OWNERS))]
    base = rules.base_priority(plan.severity, urgent=priority == "urgent")
    steps = STATUS_CYCLE[: STATUS_CYCLE.index(status) + 1]
    if plan.action is None:
        steps = tuple(s for s in steps if s is not ExceptionStatus.ACTION_TAKEN)
    step_gap = (now - opened) / (len(steps) + 1)
    resolved_at = opened + step_gap * (len(steps) - 1) if status is ExceptionStatus.RESOLVED else None
    exception_id = conn.execute(
        insert(OrderException).returning(OrderException.id),
        {
            "order_id": order_id,
            "order_line_id": None,
            "family": rules.FAMILY_OF_TYPE[plan.kind].value,
            "type": plan.kind,
            "severity": plan.severity.value,
            "owner": owner,
            "status": status.value,
            "is_open": status is not ExceptionStatus.RESOLVED,
            "cause": plan.cause,
            "resolution": plan.resolution if status is ExceptionStatus.RESOLVED else "",
            "priority_base": base,
            "queue_key": rules.queue_key(base, opened),
            "source_key": None,
            "opened_at": opened,
            "opened_by": AUTOMATIC,
            "resolved_at": resolved_at,
            "updated_at": opened + step_gap * (len(steps) - 1),
        },
    ).scalar_one()
    events: list[dict[str, object]] = [
        exception_event(exception_id, opened, AUTOMATIC, "raised", None, "open", plan.cause)
    ]
    previous = ExceptionStatus.OPEN
    for n, step in enumerate(steps[1:], start=1):
        at = opened + step_gap * n
        if step is ExceptionStatus.IN_PROGRESS:
            events.append(
                exception_event(
                    exception_id, at - step_gap / 2, owner, "note", None, None, "联系客户 contacted the customer"
                )
            )
        if step is ExceptionStatus.ACTION_TAKEN:
            action = exception_event(exception_id, at, owner, "action", None, None, "")
            action.update(action=plan.action, amount_cents=plan.amount_cents)
            events.append(action)
        detail = plan.resolution if step is ExceptionStatus.RESOLVED else ""
        events.append(exception_event(exception_id, at, owner, "status", previous.value, step.value, detail))
        previous = step
    conn.execute(insert(ExceptionEvent), events)


def exception_event(
    exception_id: int, at: datetime, actor: str, kind: str, before: str | None, after: str | None, detail: str
) -> dict[str, object]:
    return {
        "exception_id": exception_id,
        "at": at,
        "actor": actor,
        "kind": kind,
        "from_status": before,
        "to_status": after,
        "action": None,
        "amount_cents": None,
        "linked_order_id": None,
        "detail": detail,
    }
