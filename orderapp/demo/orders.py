"""The demo shop's orders: when each was placed, how it is fulfilled and how far it got (planned for
all orders first, so every status shows), then its lines, timeline, stock movements and money as
plain rows, written batch by batch."""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from orderapp.demo.customers import CustomerBook
from orderapp.demo.products import Catalogue
from orderapp.demo.sampling import running_totals, weighted_pool
from orderapp.demo.writer import (
    DAY,
    EPOCH_AWARE,
    EVENT_COLUMNS,
    HOUR,
    LINE_COLUMNS,
    MINUTE,
    MOVEMENT,
    MOVEMENT_COLUMNS,
    ORDER_COLUMNS,
    ORDER_EVENT,
    ORDER_LINE,
    ORDERS,
    Progress,
    Row,
    Writer,
    next_id,
)
from orderapp.domain.money import exponent
from orderapp.domain.order_status import OrderStatus
from orderapp.store.models import DEFAULT_USER_ID

if TYPE_CHECKING:
    from orderapp.demo.shop import DemoSize


# Orders made before their rows are written (about 2 lines, 4 events and 3 movements each).
ORDER_BATCH = 10_000

RECEIVED = OrderStatus.RECEIVED.value
CONFIRMED = OrderStatus.CONFIRMED.value
PICKING = OrderStatus.PICKING.value
PACKED = OrderStatus.PACKED.value
SHIPPED = OrderStatus.SHIPPED.value
DELIVERED = OrderStatus.DELIVERED.value
COMPLETED = OrderStatus.COMPLETED.value
ON_HOLD = OrderStatus.ON_HOLD.value
CANCELLED = OrderStatus.CANCELLED.value
RETURNED = OrderStatus.RETURNED.value
_OPEN = (RECEIVED, CONFIRMED, PICKING, PACKED, ON_HOLD)

DELIVERY, PICKUP, WALK_IN = "delivery", "pickup", "walk_in"


# Steps after "received": (status, fewest minutes, most minutes after the step before).
_Step = tuple[str, float, float]
_TO_CONFIRMED: tuple[_Step, ...] = ((CONFIRMED, 5, 120),)
_TO_PICKING = (*_TO_CONFIRMED, (PICKING, 15, 480))
_TO_PACKED = (*_TO_PICKING, (PACKED, 10, 90))
_DELIVERY_TO_SHIPPED = (*_TO_PACKED, (SHIPPED, 30, 480))
_DELIVERY_TO_DELIVERED = (*_DELIVERY_TO_SHIPPED, (DELIVERED, 18 * 60, 3 * 24 * 60))
# A pickup order is "shipped" when the customer collects it, and delivered at the same moment.
_PICKUP_TO_DELIVERED = (*_TO_PACKED, (SHIPPED, 60, 2 * 24 * 60), (DELIVERED, 1, 5))
_PREFIX: dict[str, tuple[_Step, ...]] = {
    RECEIVED: (),
    CONFIRMED: _TO_CONFIRMED,
    PICKING: _TO_PICKING,
    PACKED: _TO_PACKED,
}


@cache
def _steps(fulfilment: str, status: str, branch: str) -> tuple[_Step, ...]:
    """The status changes that bring an order from received to ``status`` (``branch``: the status
    it was held or cancelled from)."""
    if fulfilment == WALK_IN:
        return {
            RECEIVED: (),
            COMPLETED: ((COMPLETED, 1, 8),),
            CANCELLED: ((CANCELLED, 1, 15),),
            RETURNED: ((COMPLETED, 1, 8), (RETURNED, 24 * 60, 10 * 24 * 60)),
        }[status]
    done = _PICKUP_TO_DELIVERED if fulfilment == PICKUP else _DELIVERY_TO_DELIVERED
    if status in _PREFIX:
        return _PREFIX[status]
    if status == SHIPPED:
        return _DELIVERY_TO_SHIPPED
    if status == DELIVERED:
        return done
    if status == RETURNED:
        return (*done, (RETURNED, 24 * 60, 10 * 24 * 60))
    if status == ON_HOLD:
        return (*_PREFIX[branch], (ON_HOLD, 10, 600))
    if status == CANCELLED:
        return (*_PREFIX[branch], (CANCELLED, 10, 24 * 60))
    raise ValueError(status)


def _pick(pool: list[str], draws: npt.NDArray[np.float64]) -> npt.NDArray[np.object_]:
    """``pool[int(draw * len(pool))]`` for each draw."""
    return np.array(pool, dtype=object)[(draws * len(pool)).astype(np.int64)]


@dataclass(frozen=True)
class _Path:
    """What an order of one (fulfilment, status, branch) goes through, worked out once: its steps'
    shortest times and spans, and which of its stamps (0: received) each stock movement takes."""

    statuses: tuple[str, ...]  # after received
    lows: tuple[float, ...]
    spans: tuple[float, ...]
    confirmed: int  # index into the order's stamps, or -1
    shipped: int
    completed: int
    released: int
    returned: int
    keeps_reservation: bool


@cache
def _path(fulfilment: str, status: str, branch: str) -> _Path:
    steps = _steps(fulfilment, status, branch)
    statuses = tuple(step for step, _low, _high in steps)

    def at(step: str) -> int:
        return statuses.index(step) + 1 if step in statuses else -1

    confirmed, shipped = at(CONFIRMED), at(SHIPPED)
    released = at(CANCELLED) if branch in _RESERVING else -1
    return _Path(
        statuses,
        tuple(low for _step, low, _high in steps),
        tuple(high - low for _step, low, high in steps),
        confirmed,
        shipped,
        at(COMPLETED),
        released,
        at(RETURNED),
        shipped < 0 and released < 0 and confirmed >= 0,
    )


def _first_detail(kind: str, channel: str) -> str:
    if channel != "store":
        return ("Phone order 电话订单" if channel == "phone" else "Web order 网店订单") + (
            ", pickup 自提" if kind == PICKUP else ""
        )
    return {WALK_IN: "Counter sale 门店销售", PICKUP: "For pickup 到店自提"}.get(kind, "")


# The received step's detail, by (fulfilment, channel).
_FIRST_DETAIL = {
    (kind, channel): _first_detail(kind, channel)
    for kind in (DELIVERY, PICKUP, WALK_IN)
    for channel in ("web", "phone", "store")
}
_NOBODY = ("", "", "", "", "", "", "", "")  # a walk-in sale to no customer in the book


# What the orders of each age are doing now: (age up to this many hours, status weights).
_DELIVERY_BY_AGE: tuple[tuple[float, dict[str, float]], ...] = (
    (1, {RECEIVED: 80, CONFIRMED: 14, ON_HOLD: 2, CANCELLED: 4}),
    (4, {RECEIVED: 25, CONFIRMED: 30, PICKING: 22, PACKED: 13, ON_HOLD: 4, CANCELLED: 6}),
    (24, {RECEIVED: 6, CONFIRMED: 12, PICKING: 14, PACKED: 24, SHIPPED: 34, ON_HOLD: 4, CANCELLED: 6}),
    (72, {RECEIVED: 1, CONFIRMED: 2, PICKING: 2, PACKED: 4, SHIPPED: 50, DELIVERED: 33, ON_HOLD: 3, CANCELLED: 5}),
    (
        168,
        {
            RECEIVED: 0.5,
            CONFIRMED: 0.5,
            PICKING: 0.5,
            PACKED: 0.5,
            SHIPPED: 10,
            DELIVERED: 78,
            RETURNED: 2,
            ON_HOLD: 2,
            CANCELLED: 6,
        },
    ),
    (
        math.inf,
        {
            RECEIVED: 0.2,
            CONFIRMED: 0.3,
            PICKING: 0.2,
            PACKED: 0.3,
            SHIPPED: 1,
            DELIVERED: 87,
            RETURNED: 3,
            ON_HOLD: 1.5,
            CANCELLED: 6.5,
        },
    ),
)
_WALK_IN_BY_AGE: tuple[tuple[float, dict[str, float]], ...] = (
    (1, {COMPLETED: 93, RECEIVED: 5, CANCELLED: 2}),
    (24, {COMPLETED: 98, CANCELLED: 2}),
    (math.inf, {COMPLETED: 95.5, CANCELLED: 2, RETURNED: 2.5}),
)
_HELD_FROM = weighted_pool({RECEIVED: 30, CONFIRMED: 30, PICKING: 20, PACKED: 20}, 100)
_CANCELLED_FROM = weighted_pool({RECEIVED: 50, CONFIRMED: 25, PICKING: 15, PACKED: 10}, 100)
_RESERVING = frozenset({CONFIRMED, PICKING, PACKED})

# Orders per hour of the shop's day (local time): quiet nights, busy lunch and evening.
_HOURLY = (0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 2, 5, 5, 5, 6, 6, 5, 5, 5, 5, 7, 7, 7, 4, 2, 1)
_SHOP_OPEN = range(9, 21)

_QUANTITIES = [1] * 50 + [2] * 25 + [3] * 10 + [4] * 5 + [5] * 3 + [6] * 4 + [10] * 2 + [12]
_LINE_COUNTS = [1] * 45 + [2] * 30 + [3] * 15 + [4] * 10

# name, tracking number pattern (# a digit), for CN and for abroad
_CN_CARRIERS = (
    ("SF Express 顺丰速运", "SF############"),
    ("ZTO Express 中通快递", "7###########"),
    ("YTO Express 圆通速递", "YT#############"),
    ("JD Logistics 京东物流", "JDV############"),
    ("EMS 中国邮政", "EMS"),
)
_ABROAD_CARRIERS = (("DHL Express", "##########"), ("FedEx International", "############"), ("EMS 中国邮政", "EMS"))
# Patterns that are a prefix then only digits: (prefix, how many digits).
_DIGIT_RUNS = {
    pattern: (pattern.rstrip("#"), len(pattern) - len(pattern.rstrip("#")))
    for _name, pattern in (*_CN_CARRIERS, *_ABROAD_CARRIERS)
    if "#" in pattern and "#" not in pattern.rstrip("#")
}
_HOLD_REASONS = (
    "Waiting for payment 等待付款",
    "Customer asked us to wait 客户要求暂缓",
    "Address to be confirmed 地址待确认",
    "Item out of stock, waiting for delivery 缺货等待补货",
)
_CANCEL_REASONS = (
    "Customer changed their mind 客户取消",
    "Duplicate order 重复下单",
    "Out of stock 缺货",
    "Payment not received 未付款",
)
_RETURN_REASONS = (
    "Not as described 与描述不符",
    "Customer changed their mind 七天无理由退货",
    "Past its best-before date 临近保质期",
)
_DELIVERY_RETURN_REASONS = (*_RETURN_REASONS, "Damaged in transit 运输损坏", "Wrong item 发错货")
_ORDER_NOTES = (
    "请放门卫室 Leave with the doorman",
    "Call before delivery 送货前请来电",
    "Gift, no invoice 礼品, 不要发票",
    "工作日送货 Weekdays only",
    "Ring the bell twice 按两次门铃",
)


class OrderMaker:
    """Plans every order (time, kind, status), then makes and writes their rows batch by batch."""

    def __init__(
        self,
        rng: random.Random,
        size: DemoSize,
        now_us: int,
        zone: ZoneInfo,
        currency: str,
        catalogue: Catalogue,
        book: CustomerBook,
        writer: Writer,
        first_movement_id: int,
    ) -> None:
        self.rng = rng
        self.size = size
        self.now_us = now_us
        self.zone = zone
        self.currency = currency
        self.catalogue = catalogue
        self.book = book
        self.writer = writer
        conn = writer.conn
        self.order_id = next_id(conn, ORDERS)
        self.line_id = next_id(conn, ORDER_LINE)
        self.event_id = next_id(conn, ORDER_EVENT)
        self.movement_id = first_movement_id
        self.lines_made = 0
        self.movements_made = 0
        scale = 10 ** exponent(currency)
        self.free_shipping_from = 9900 * scale // 100
        self.shipping_fees = [fee * scale // 100 for fee in (600, 800, 1000, 1200)]
        self.abroad_fees = [fee * scale // 100 for fee in (8000, 12000, 15000)]
        self.coupons = [coupon * scale // 100 for coupon in (500, 1000, 2000)]
        count = len(catalogue.ids)
        # Best sellers: a Zipf-like share of the lines, in an order that does not follow the ids.
        ranks = list(range(count))
        rng.shuffle(ranks)
        self.product_cumulative = running_totals([1.0 / (rank + 5) for rank in ranks])
        self.delivery_pools = [(hours * HOUR, weighted_pool(weights)) for hours, weights in _DELIVERY_BY_AGE]
        self.walk_in_pools = [(hours * HOUR, weighted_pool(weights)) for hours, weights in _WALK_IN_BY_AGE]

    # Planning: cheap facts for every order first, so that every status is sure to appear.

    def _plan(self) -> tuple[list[int], list[str], list[str], list[str], list[bool], list[int]]:
        size, rng, now_us = self.size, self.rng, self.now_us
        count = size.orders
        start_us = now_us - size.days * DAY
        hours = size.days * 24
        weights: list[float] = []
        open_hours: list[bool] = []
        for hour in range(hours):
            local = (EPOCH_AWARE + timedelta(microseconds=start_us + hour * HOUR)).astimezone(self.zone)
            busy = 1.3 if local.weekday() >= 5 else 1.0
            growth = 1.0 + 0.3 * hour / hours  # a shop that is doing a little better every week
            weights.append(_HOURLY[local.hour] * busy * growth)
            open_hours.append(local.hour in _SHOP_OPEN)
        # Column-wise: five draws per order from a generator seeded by the shop's own random stream.
        cumulative = np.array([0.0, *running_totals(weights)])
        total = float(cumulative[-1])
        draws = np.random.default_rng(rng.getrandbits(64)).random((5, count))
        x = (np.arange(count) + draws[0]) / count * total
        bucket = np.minimum(np.searchsorted(cumulative, x, side="right") - 1, hours - 1)
        within = (x - cumulative[bucket]) / (cumulative[bucket + 1] - cumulative[bucket])
        at = start_us + ((bucket + np.minimum(within, 0.999999)) * HOUR).astype(np.int64)
        roll = draws[1]
        kind = np.where(
            np.array(open_hours, dtype=bool)[bucket],
            np.where(roll < 0.4, WALK_IN, np.where(roll < 0.52, PICKUP, DELIVERY)),
            np.where(roll < 0.15, PICKUP, DELIVERY),
        )
        walk_in = kind == WALK_IN
        age = now_us - at
        state = np.empty(count, dtype=object)
        for pools, group in ((self.walk_in_pools, walk_in), (self.delivery_pools, ~walk_in)):
            younger_than: float = -math.inf
            for limit, pool in pools:  # the first age band the order is in
                chosen = group & (age > younger_than) & (age <= limit)
                state[chosen] = _pick(pool, draws[2][chosen])
                younger_than = limit
        state[(kind == PICKUP) & (state == SHIPPED)] = DELIVERED  # collected: handed over and done in one go
        side = np.full(count, "", dtype=object)
        held = state == ON_HOLD
        side[held] = _pick(_HELD_FROM, draws[3][held])
        cancelled = (state == CANCELLED) & ~walk_in
        side[cancelled] = _pick(_CANCELLED_FROM, draws[3][cancelled])
        is_urgent = ~walk_in & (draws[4] < 0.07)
        hours_due = np.where(kind == PICKUP, np.where(is_urgent, 4, 24), np.where(is_urgent, 8, 48))
        due_at = np.where(walk_in, 0, at + hours_due * HOUR)
        created: list[int] = at.tolist()
        fulfilment: list[str] = [str(value) for value in kind.tolist()]
        status: list[str] = state.tolist()
        branch: list[str] = side.tolist()
        urgent: list[bool] = is_urgent.tolist()
        due: list[int] = due_at.tolist()
        self._make_sure_everything_shows(created, fulfilment, status, branch, urgent, due)
        return created, fulfilment, status, branch, urgent, due

    @staticmethod
    def _due(created: int, kind: str, urgent: bool) -> int:
        if kind == WALK_IN:
            return 0
        if kind == PICKUP:
            return created + (4 if urgent else 24) * HOUR
        return created + (8 if urgent else 48) * HOUR

    def _make_sure_everything_shows(
        self,
        created: list[int],
        fulfilment: list[str],
        status: list[str],
        branch: list[str],
        urgent: list[bool],
        due: list[int],
    ) -> None:
        """Even a small demo shows every status, an urgent order and an overdue one: where chance
        left one out, a recent order takes the open status and an old one the finished status,
        never the last order of a status that is already there."""
        count = len(created)
        tally = Counter(status)
        forced: set[int] = set()

        def spare(candidates: Iterable[int]) -> int | None:
            return next((i for i in candidates if i not in forced and tally[status[i]] > 1), None)

        def force(index: int | None, kind: str, state: str, side: str = "") -> None:
            if index is None:
                return
            forced.add(index)
            tally[status[index]] -= 1
            tally[state] += 1
            fulfilment[index], status[index], branch[index] = kind, state, side
            due[index] = self._due(created[index], kind, urgent[index])

        newest_first, oldest_first = range(count - 1, -1, -1), range(count)
        for state in (RECEIVED, CONFIRMED, PICKING, PACKED, ON_HOLD, SHIPPED):
            if not tally[state]:
                force(spare(newest_first), DELIVERY, state, CONFIRMED if state == ON_HOLD else "")
        for state in (DELIVERED, COMPLETED, CANCELLED, RETURNED):
            if not tally[state]:
                kind = WALK_IN if state == COMPLETED else DELIVERY
                force(spare(oldest_first), kind, state, CONFIRMED if state == CANCELLED else "")

        def overdue(index: int) -> bool:
            return status[index] in _OPEN and 0 < due[index] < self.now_us

        if not any(overdue(i) for i in oldest_first):
            # The oldest open order becomes urgent, so that it is late; or an old order stalled.
            index = next((i for i in oldest_first if status[i] in _OPEN and fulfilment[i] != WALK_IN), None)
            if index is not None:
                urgent[index] = True
                due[index] = self._due(created[index], fulfilment[index], True)
            if index is None or not overdue(index):
                index = spare(oldest_first)
                if index is not None:
                    urgent[index] = True
                    force(index, DELIVERY, CONFIRMED)
        if not any(urgent):
            index = next((i for i in newest_first if fulfilment[i] != WALK_IN), None)
            if index is not None:
                urgent[index] = True
                due[index] = self._due(created[index], fulfilment[index], True)

    def make_all(self, report: Progress) -> None:
        created, fulfilment, status, branch, urgent, due = self._plan()
        count = len(created)
        orders: list[Row] = []
        lines: list[Row] = []
        events: list[Row] = []
        movements: list[Row] = []
        for index in range(count):
            self._make_one(
                created[index],
                fulfilment[index],
                status[index],
                branch[index],
                urgent[index],
                due[index],
                orders,
                lines,
                events,
                movements,
            )
            if len(orders) >= ORDER_BATCH:
                self._flush(orders, lines, events, movements)
                report("orders", index + 1, count)
        self._flush(orders, lines, events, movements)
        report("orders", count, count)

    def _flush(self, orders: list[Row], lines: list[Row], events: list[Row], movements: list[Row]) -> None:
        writer = self.writer
        writer.insert(ORDERS, ORDER_COLUMNS, orders)
        writer.insert(ORDER_LINE, LINE_COLUMNS, lines)
        writer.insert(ORDER_EVENT, EVENT_COLUMNS, events)
        writer.insert(MOVEMENT, MOVEMENT_COLUMNS, movements)
        self.lines_made += len(lines)
        self.movements_made += len(movements)
        orders.clear()
        lines.clear()
        events.clear()
        movements.clear()

    def _make_one(
        self,
        created: int,
        kind: str,
        state: str,
        side: str,
        urgent: bool,
        due: int,
        orders: list[Row],
        lines: list[Row],
        events: list[Row],
        movements: list[Row],
    ) -> None:
        rng = self.rng
        random_ = rng.random
        stamp = self.writer.stamp
        catalogue = self.catalogue
        now_us = self.now_us
        order_id = self.order_id
        self.order_id += 1
        number = f"SO-{order_id:06d}"

        # Timeline: natural step times, squeezed in when the order is younger than they need.
        path = _path(kind, state, side)
        gaps = [int((low + span * random_()) * MINUTE) for low, span in zip(path.lows, path.spans, strict=True)]
        room = (now_us - created) * 0.95
        needed = sum(gaps)
        if needed > room:
            factor = room / needed
            gaps = [max(1, int(gap * factor)) for gap in gaps]
        at = created
        stamps = [stamp(created)]  # as stored; movements share their event's time
        for gap in gaps:
            at = min(at + gap, now_us)
            stamps.append(stamp(at))

        # Who, and where to.
        customer_index = -1
        if kind != WALK_IN or random_() < 0.3:
            customer_index = self.book.pick()
        if kind == WALK_IN:
            channel = "store"
        else:
            roll = random_()
            channel = "web" if roll < 0.55 else "phone" if roll < 0.95 else "store"

        # Lines, at catalogue prices with the odd markdown and line discount.
        line_count = _LINE_COUNTS[int(random_() * 100)]
        cumulative = self.product_cumulative
        top = cumulative[-1]
        chosen: list[int] = []
        for _line in range(line_count):
            product = bisect_right(cumulative, random_() * top)
            if product not in chosen:
                chosen.append(product)
        subtotal = 0
        confirmed_at = stamps[path.confirmed] if path.confirmed >= 0 else None
        shipped_at = stamps[path.shipped] if path.shipped >= 0 else None
        completed_at = stamps[path.completed] if path.completed >= 0 else None
        released_at = stamps[path.released] if path.released >= 0 else None
        returned_at = stamps[path.returned] if path.returned >= 0 else None
        keeps_reservation = path.keeps_reservation
        line_id, movement_id = self.line_id, self.movement_id
        user = DEFAULT_USER_ID
        facts = catalogue.line_facts
        committed, reserved, shipped, returned = (
            catalogue.committed,
            catalogue.reserved,
            catalogue.shipped,
            catalogue.returned,
        )
        walk_in = kind == WALK_IN
        for line_no, product in enumerate(chosen, start=1):
            product_id, sku, name, price, pack = facts[product]
            quantity = _QUANTITIES[int(random_() * 100)]
            if pack and random_() < 0.25:
                quantity = pack
            elif walk_in and quantity > 3:
                quantity = 1 + quantity % 3
            unit_price = price if random_() < 0.97 else price - price // 10
            discount = quantity * unit_price // 10 if random_() < 0.07 else 0
            subtotal += quantity * unit_price - discount
            lines.append((line_id, order_id, line_no, product_id, sku, name, quantity, unit_price, price, discount,
                          False))  # fmt: skip
            line_id += 1
            if confirmed_at is not None:
                committed[product] += quantity
                if keeps_reservation:
                    reserved[product] += quantity
                movements.append((movement_id, product_id, confirmed_at, user, "reserve", 0, quantity,
                                  "Order confirmed", number, order_id))  # fmt: skip
                movement_id += 1
            if shipped_at is not None:
                shipped[product] += quantity
                movements.append((movement_id, product_id, shipped_at, user, "ship", -quantity, -quantity,
                                  "Order shipped", number, order_id))  # fmt: skip
                movement_id += 1
            if completed_at is not None:
                committed[product] += quantity
                shipped[product] += quantity
                movements.append((movement_id, product_id, completed_at, user, "sale", -quantity, 0, "Counter sale",
                                  number, order_id))  # fmt: skip
                movement_id += 1
            if released_at is not None:
                movements.append((movement_id, product_id, released_at, user, "release", 0, -quantity,
                                  "Order cancelled", number, order_id))  # fmt: skip
                movement_id += 1
            if returned_at is not None:
                returned[product] += quantity
                movements.append((movement_id, product_id, returned_at, user, "return", quantity, 0,
                                  "Customer return", number, order_id))  # fmt: skip
                movement_id += 1
        self.line_id, self.movement_id = line_id, movement_id

        # Money: order discount, shipping, payment.
        discount = 0
        if random_() < 0.06:
            coupon = self.coupons[int(random_() * 3)]
            discount = coupon if subtotal >= 4 * coupon else subtotal * 5 // 100
        shipping = 0
        abroad = customer_index >= 0 and self.book.abroad[customer_index]
        if kind == DELIVERY:
            if abroad:
                shipping = self.abroad_fees[int(random_() * 3)]
            elif subtotal < self.free_shipping_from:
                shipping = self.shipping_fees[int(random_() * 4)]
        total = subtotal - discount + shipping
        payment = self._payment(kind, channel, state, random_())
        paid = total if payment == "paid" else total * 3 // 10 if payment == "partly_paid" else 0
        if payment == "partly_paid" and not 0 < paid < total:
            payment, paid = "paid", total

        carrier = tracking = ""
        if shipped_at is not None and kind == DELIVERY:
            carriers = _ABROAD_CARRIERS if abroad else _CN_CARRIERS
            carrier, pattern = carriers[int(random_() * len(carriers))]
            tracking = self._tracking(pattern)

        # Timeline rows.
        detail = _FIRST_DETAIL[kind, channel]
        event_id = self.event_id
        events.append((event_id, order_id, stamps[0], user, "status", None, RECEIVED, detail))
        event_id += 1
        previous = RECEIVED
        for step_status, step_at in zip(path.statuses, stamps[1:], strict=True):
            if step_status == SHIPPED:
                detail = f"{carrier} {tracking}" if carrier else "Collected by the customer 顾客已取货"
            elif step_status == ON_HOLD:
                detail = _HOLD_REASONS[int(random_() * len(_HOLD_REASONS))]
            elif step_status == CANCELLED:
                detail = _CANCEL_REASONS[int(random_() * len(_CANCEL_REASONS))]
            elif step_status == RETURNED:
                reasons = _RETURN_REASONS if kind == WALK_IN else _DELIVERY_RETURN_REASONS
                detail = reasons[int(random_() * len(reasons))]
            else:
                detail = ""
            events.append((event_id, order_id, step_at, user, "status", previous, step_status, detail))
            event_id += 1
            previous = step_status
        self.event_id = event_id

        ship: tuple[str, ...]
        if customer_index < 0:
            ship = _NOBODY
            customer_id: int | None = None
        else:
            ship = self.book.ship_to[kind][customer_index]
            customer_id = self.book.ids[customer_index]
        external_ref = f"WX{int(random_() * 10_000_000_000):010d}" if channel == "web" else ""
        notes = _ORDER_NOTES[int(random_() * len(_ORDER_NOTES))] if kind == DELIVERY and random_() < 0.05 else ""
        orders.append(
            (
                order_id,
                number,
                external_ref,
                customer_id,
                channel,
                state,
                side if state == ON_HOLD else None,
                "urgent" if urgent else "normal",
                kind,
                *ship,
                self.currency,
                subtotal,
                discount,
                shipping,
                total,
                payment,
                paid,
                carrier,
                tracking,
                notes,
                stamp(due) if due else None,
                stamps[0],
                stamps[-1],
                user,
            )
        )

    @staticmethod
    def _payment(kind: str, channel: str, state: str, roll: float) -> str:
        """Web orders are paid up front; phone and store orders are often cash on delivery or
        take a deposit; counter sales are paid on the spot. Refunds follow returns and cancellations."""
        if state == RETURNED:
            return "refunded"
        if kind == WALK_IN:
            return "paid" if state == COMPLETED else "unpaid"
        if channel == "web":
            taken = "paid" if roll < 0.95 else ""
        else:
            taken = "paid" if roll < 0.4 else "partly_paid" if roll < 0.5 else ""
        if state == CANCELLED:
            return "refunded" if taken else "unpaid"
        if not taken:
            return "paid" if state == DELIVERED else "unpaid"  # cash on delivery
        return taken

    def _tracking(self, pattern: str) -> str:
        random_ = self.rng.random
        digits = _DIGIT_RUNS.get(pattern)
        if digits is not None:  # a prefix and a run of digits: one draw, not one per digit
            prefix, count = digits
            return f"{prefix}{int(random_() * 10**count):0{count}d}"
        if pattern == "EMS":  # UPU S10: two letters, eight digits, a check digit, the country
            body = f"{int(random_() * 100_000_000):08d}"
            weights = (8, 6, 4, 2, 3, 5, 9, 7)
            check = 11 - sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
            check = 5 if check == 11 else 0 if check == 10 else check
            return f"E{'ABCDEFGHJKLMNPQRSTUVWXYZ'[int(random_() * 24)]}{body}{check}CN"
        return "".join(str(int(random_() * 10)) if char == "#" else char for char in pattern)
