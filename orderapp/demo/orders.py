"""The demo shop's orders: when each was placed, how it is fulfilled and how far it got (planned for
all orders first, so every status shows), then its lines, timeline, stock movements and money as
plain rows, handed on batch by batch."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from orderapp.demo.customers import CustomerBook
from orderapp.demo.order_batch import (
    MAX_STEPS,
    MOVEMENT_KINDS,
    Batch,
    IntArray,
    Lines,
    ObjArray,
    PathTable,
    draw_lines,
    movement_columns,
    objects,
    pick,
    tally,
    timelines,
)
from orderapp.demo.plan import InsertColumns, InsertOrders, Making
from orderapp.demo.products import Catalogue
from orderapp.demo.sampling import running_totals, weighted_pool
from orderapp.demo.writer import (
    DAY,
    EPOCH_AWARE,
    HOUR,
    MOVEMENT,
    MOVEMENT_COLUMNS,
    SEARCH,
    SEARCH_COLUMNS,
    Column,
    Same,
)
from orderapp.domain.money import exponent
from orderapp.domain.order_status import OrderStatus
from orderapp.services.orders.search import search_text
from orderapp.store.models import DEFAULT_USER_ID

# Orders made column-wise at once, then written (about 2 lines, 4 events and 3 movements each).
ORDER_BATCH = 20_000

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
    """Plans every order (time, kind, status), then makes their rows batch by batch and hands each
    batch on (``Making.out``)."""

    def __init__(self, making: Making, catalogue: Catalogue, book: CustomerBook) -> None:
        plan = making.plan
        self.making = making
        self.rng = rng = making.rng
        self.size = plan.size
        self.now_us = plan.now_us
        self.zone = ZoneInfo(plan.zone)
        self.currency = currency = plan.currency
        self.catalogue = catalogue
        self.book = book
        self.order_id = plan.first.order
        self.line_id = plan.first.line
        self.event_id = plan.first.event
        self.movement_id = plan.first.movement + plan.size.products  # after the opening receipts' ids
        self.lines_made = 0
        self.movements_made = 0
        scale = 10 ** exponent(currency)
        self.free_shipping_from = 9900 * scale // 100
        self.shipping_fees = np.array([fee * scale // 100 for fee in (600, 800, 1000, 1200)], dtype=np.int64)
        self.abroad_fees = np.array([fee * scale // 100 for fee in (8000, 12000, 15000)], dtype=np.int64)
        self.coupons = np.array([coupon * scale // 100 for coupon in (500, 1000, 2000)], dtype=np.int64)
        count = len(catalogue.ids)
        # Best sellers: a Zipf-like share of the lines, in an order that does not follow the ids.
        ranks = list(range(count))
        rng.shuffle(ranks)
        self.product_cumulative = np.array(running_totals([1.0 / (rank + 5) for rank in ranks]))
        self.delivery_pools = [(hours * HOUR, weighted_pool(weights)) for hours, weights in _DELIVERY_BY_AGE]
        self.walk_in_pools = [(hours * HOUR, weighted_pool(weights)) for hours, weights in _WALK_IN_BY_AGE]
        self.np_rng = np.random.default_rng(rng.getrandbits(64))  # the batches' draws, from the shop's seed
        self.product_ids = np.array([facts[0] for facts in catalogue.line_facts], dtype=np.int64)
        self.skus = objects([facts[1] for facts in catalogue.line_facts])
        self.names = objects([facts[2] for facts in catalogue.line_facts])
        self.prices = np.array([facts[3] for facts in catalogue.line_facts], dtype=np.int64)
        self.packs = np.array([facts[4] for facts in catalogue.line_facts], dtype=np.int64)
        self.customer_cumulative = np.array(book.cumulative)
        self.customer_abroad = np.array(book.abroad, dtype=bool)
        self.people = [(name, phone) for name, phone, *_address in book.ship_to[DELIVERY]] + [("", "")]
        self.tallies = {name: np.zeros(count, dtype=np.int64) for name in _TALLIES}
        self.paths = _path_table([])

    # Planning: cheap facts for every order first, so that every status is sure to appear.

    def _plan(self) -> tuple[IntArray, ObjArray, ObjArray, ObjArray, npt.NDArray[np.bool_], IntArray]:
        """(created, fulfilment, status, branch, urgent, due) of every order, as columns."""
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
        kind_code = np.where(
            np.array(open_hours, dtype=bool)[bucket],
            np.where(roll < 0.4, 0, np.where(roll < 0.52, 1, 2)),
            np.where(roll < 0.15, 1, 2),
        )
        kind: ObjArray = objects((WALK_IN, PICKUP, DELIVERY))[kind_code]
        walk_in = kind_code == 0
        pickup = kind_code == 1
        age = now_us - at
        state = np.empty(count, dtype=object)
        for pools, group in ((self.walk_in_pools, walk_in), (self.delivery_pools, ~walk_in)):
            younger_than: float = -math.inf
            for limit, pool in pools:  # the first age band the order is in
                chosen = group & (age > younger_than) & (age <= limit)
                state[chosen] = pick(pool, draws[2][chosen])
                younger_than = limit
        state[pickup & (state == SHIPPED)] = DELIVERED  # collected: handed over and done in one go
        side = np.full(count, "", dtype=object)
        held = state == ON_HOLD
        side[held] = pick(_HELD_FROM, draws[3][held])
        cancelled = (state == CANCELLED) & ~walk_in
        side[cancelled] = pick(_CANCELLED_FROM, draws[3][cancelled])
        is_urgent = ~walk_in & (draws[4] < 0.07)
        hours_due = np.where(pickup, np.where(is_urgent, 4, 24), np.where(is_urgent, 8, 48))
        due_at = np.where(walk_in, 0, at + hours_due * HOUR)
        self._make_sure_everything_shows(at, kind, state, side, is_urgent, due_at)
        return at, kind, state, side, is_urgent, due_at

    @staticmethod
    def _due(created: int, kind: str, urgent: bool) -> int:
        if kind == WALK_IN:
            return 0
        if kind == PICKUP:
            return created + (4 if urgent else 24) * HOUR
        return created + (8 if urgent else 48) * HOUR

    def _make_sure_everything_shows(
        self,
        created: IntArray,
        fulfilment: ObjArray,
        status: ObjArray,
        branch: ObjArray,
        urgent: npt.NDArray[np.bool_],
        due: IntArray,
    ) -> None:
        """Even a small demo shows every status, an urgent order and an overdue one: where chance
        left one out, a recent order takes the open status and an old one the finished status,
        never the last order of a status that is already there. Changes the columns in place."""
        count = len(created)
        tally = Counter(status.tolist())
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
            return bool(status[index] in _OPEN and 0 < due[index] < self.now_us)

        if not (np.isin(status, list(_OPEN)) & (due > 0) & (due < self.now_us)).any():
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
        if not urgent.any():
            index = next((i for i in newest_first if fulfilment[i] != WALK_IN), None)
            if index is not None:
                urgent[index] = True
                due[index] = self._due(created[index], fulfilment[index], True)

    def make_all(self) -> None:
        report = self.making.report
        created, fulfilment, status, branch, urgent, due = self._plan()
        count = len(created)
        paths: dict[tuple[str, str, str], int] = {}
        keys = zip(fulfilment.tolist(), status.tolist(), branch.tolist(), strict=True)
        path = np.array([paths.setdefault(key, len(paths)) for key in keys], dtype=np.int64)
        self.paths = _path_table(list(paths))
        columns = _Plan(created, path, fulfilment, status, branch, urgent, due)
        for start in range(0, count, ORDER_BATCH):
            self._make_batch(columns, start, min(count, start + ORDER_BATCH))
            report("orders", min(count, start + ORDER_BATCH), count)
        if not count:
            report("orders", 0, 0)
        catalogue = self.catalogue
        for name in ("committed", "reserved", "shipped", "returned"):
            setattr(
                catalogue,
                name,
                [a + b for a, b in zip(getattr(catalogue, name), self.tallies[name].tolist(), strict=True)],
            )

    def _make_batch(self, plan: _Plan, start: int, end: int) -> None:
        g, table, stamps, book = self.np_rng, self.paths, self.making.stamps, self.book
        size = end - start
        kind = plan.kind[start:end]
        state = plan.status[start:end]
        walk_in = kind == WALK_IN
        delivery = kind == DELIVERY
        order_ids = np.arange(self.order_id, self.order_id + size, dtype=np.int64)
        self.order_id += size
        batch = Batch(order_ids, plan.created[start:end], plan.path[start:end], walk_in)
        numbers = objects([f"SO-{order_id:06d}" for order_id in order_ids.tolist()])
        timeline = timelines(table, batch, self.now_us, g.random((size, MAX_STEPS)), stamps.stamp_all)

        # Who, and where to.
        draws = g.random((12, size))
        has_customer = ~walk_in | (draws[0] < 0.3)
        customer = np.where(
            has_customer,
            np.minimum(np.searchsorted(self.customer_cumulative, draws[1] * self.customer_cumulative[-1], "right"),
                       len(self.customer_cumulative) - 1),
            -1,
        )  # fmt: skip
        channel = np.where(
            walk_in, "store", np.where(draws[2] < 0.55, "web", np.where(draws[2] < 0.95, "phone", "store"))
        )
        channel = channel.astype(object)

        # Lines, and what they do to each product's figures.
        lines = draw_lines(g, batch, _LINE_COUNT_POOL, _QUANTITY_POOL, self.product_cumulative, self.prices, self.packs)
        line_path = batch.path[lines.order]
        stamp_of = table.stamp_of
        reached = {kind_: stamp_of[kind_][line_path] >= 0 for kind_ in ("reserve", "ship", "sale", "return")}
        tallies, product, quantity = self.tallies, lines.product, lines.quantity
        tally(tallies["committed"], product, quantity, reached["reserve"] | reached["sale"])
        tally(tallies["reserved"], product, quantity, table.keeps_reservation[line_path])
        tally(tallies["shipped"], product, quantity, reached["ship"] | reached["sale"])
        tally(tallies["returned"], product, quantity, reached["return"])
        line_count = len(lines.order)
        subtotal = np.bincount(
            lines.order, weights=lines.quantity * lines.unit_price - lines.discount, minlength=size
        ).astype(np.int64)

        # Money: order discount, shipping, payment.
        coupon = self.coupons[(draws[3] * len(self.coupons)).astype(np.int64)]
        discount = np.where(draws[4] < 0.06, np.where(subtotal >= 4 * coupon, coupon, subtotal * 5 // 100), 0)
        abroad = has_customer & self.customer_abroad[np.maximum(customer, 0)]
        shipping = np.where(
            delivery & abroad,
            self.abroad_fees[(draws[5] * len(self.abroad_fees)).astype(np.int64)],
            np.where(
                delivery & (subtotal < self.free_shipping_from),
                self.shipping_fees[(draws[5] * len(self.shipping_fees)).astype(np.int64)],
                0,
            ),
        )
        total = subtotal - discount + shipping
        payment = _payments(kind, channel, state, draws[6])
        paid = np.where(payment == "paid", total, np.where(payment == "partly_paid", total * 3 // 10, 0))
        partly_not = (payment == "partly_paid") & ~((paid > 0) & (paid < total))
        payment[partly_not] = "paid"
        paid = np.where(partly_not, total, paid)

        # Carriers and tracking numbers for the parcels that left.
        carrier = np.full(size, "", dtype=object)
        tracking = np.full(size, "", dtype=object)
        for carriers, parcels in (
            (_ABROAD_CARRIERS, delivery & abroad),
            (_CN_CARRIERS, delivery & ~abroad),
        ):
            parcels = parcels & (stamp_of["ship"][batch.path] >= 0)
            chosen = (draws[7][parcels] * len(carriers)).astype(np.int64).tolist()
            carrier[parcels] = [carriers[index][0] for index in chosen]
            tracking[parcels] = [self._tracking(carriers[index][1]) for index in chosen]

        # Timeline rows: the detail each step shows.
        steps = MAX_STEPS + 1
        detail = np.full((size, steps), "", dtype=object)
        detail[:, 0] = [_FIRST_DETAIL[pair] for pair in zip(kind.tolist(), channel.tolist(), strict=True)]
        status_at = table.status[batch.path]
        shipped_detail = np.where(carrier != "", carrier + " " + tracking, "Collected by the customer 顾客已取货")
        step_draws = g.random((size, steps))
        for status_, pool in (
            (SHIPPED, None),
            (ON_HOLD, _HOLD_REASONS),
            (CANCELLED, _CANCEL_REASONS),
        ):
            where = status_at == status_
            if pool is None:
                detail[where] = np.broadcast_to(shipped_detail[:, None], where.shape)[where]
            else:
                detail[where] = pick(pool, step_draws[where])
        where = status_at == RETURNED
        counter_return = where & walk_in[:, None]
        detail[counter_return] = pick(_RETURN_REASONS, step_draws[counter_return])
        other_return = where & ~walk_in[:, None]
        detail[other_return] = pick(_DELIVERY_RETURN_REASONS, step_draws[other_return])
        in_timeline = np.arange(steps) < timeline.count[:, None]
        event_count = len(timeline.text)
        events: list[Column] = [
            np.arange(self.event_id, self.event_id + event_count),
            np.repeat(order_ids, timeline.count),
            timeline.text,
            Same(DEFAULT_USER_ID),
            Same("status"),
            table.previous[batch.path][in_timeline],
            status_at[in_timeline],
            detail[in_timeline],
        ]
        self.event_id += event_count

        # The orders' own rows.
        customer_list = customer.tolist()
        ship_to = book.ship_to
        ships = [
            ship_to[kind_][index] if index >= 0 else _NOBODY
            for kind_, index in zip(kind.tolist(), customer_list, strict=True)
        ]
        customer_ids = [book.ids[index] if index >= 0 else None for index in customer_list]
        refs = np.full(size, "", dtype=object)
        web = channel == "web"
        refs[web] = [f"WX{value:010d}" for value in (draws[8][web] * 10_000_000_000).astype(np.int64).tolist()]
        searched = self._search_texts(numbers.tolist(), refs.tolist(), customer_list, ships, lines, size)
        notes = np.full(size, "", dtype=object)
        noted = delivery & (draws[9] < 0.05)
        notes[noted] = pick(_ORDER_NOTES, draws[10][noted])
        stamp = stamps.stamp
        due_at = [stamp(value) if value else None for value in plan.due[start:end].tolist()]
        held = plan.branch[start:end].copy()
        held[state != ON_HOLD] = None
        priority = np.where(plan.urgent[start:end], "urgent", "normal").astype(object)
        orders: list[Column] = [
            order_ids,
            numbers,
            refs,
            customer_ids,
            channel,
            state,
            held,
            priority,
            kind,
            *zip(*ships, strict=True),
            Same(self.currency),
            subtotal,
            discount,
            shipping,
            total,
            payment,
            paid,
            carrier,
            tracking,
            notes,
            due_at,
            timeline.text[timeline.start],
            timeline.text[timeline.start + timeline.count - 1],
            Same(DEFAULT_USER_ID),
        ]
        line_rows: list[Column] = [
            np.arange(self.line_id, self.line_id + line_count),
            order_ids[lines.order],
            lines.line_no,
            self.product_ids[product],
            self.skus[product],
            self.names[product],
            quantity,
            lines.unit_price,
            lines.price,
            lines.discount,
            Same(False),
        ]
        self.line_id += line_count
        movements = movement_columns(
            table, batch, lines, timeline, self.movement_id, self.product_ids, numbers, DEFAULT_USER_ID
        )
        moved = len(movements[0])
        self.movement_id += moved
        self.making.out(InsertOrders(orders, line_rows, events))  # for the shop's one order writer (``OrderRows``)
        self.making.out(InsertColumns(MOVEMENT.name, MOVEMENT_COLUMNS, movements))
        self.making.out(InsertColumns(SEARCH.name, SEARCH_COLUMNS, [order_ids, searched]))
        self.lines_made += line_count
        self.movements_made += moved

    def _search_texts(
        self,
        numbers: list[str],
        refs: list[str],
        customers: list[int],
        ships: list[tuple[str, ...]],
        lines: Lines,
        size: int,
    ) -> list[str]:
        """Each order's text for the orders list's search box, as the search service makes it."""
        skus: list[str] = self.skus[lines.product].tolist()
        ends: list[int] = np.cumsum(np.bincount(lines.order, minlength=size)).tolist()
        people = self.people  # index -1 (no customer): the last, nobody
        return [
            search_text(number, ref, people[index][0], ship[0], people[index][1], ship[1], " ".join(skus[start:end]))
            for number, ref, index, ship, start, end in zip(
                numbers, refs, customers, ships, [0, *ends[:-1]], ends, strict=True
            )
        ]

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


def _payments(kind: ObjArray, channel: ObjArray, state: ObjArray, roll: npt.NDArray[np.float64]) -> ObjArray:
    """Web orders are paid up front; phone and store orders are often cash on delivery or take a
    deposit; counter sales are paid on the spot. Refunds follow returns and cancellations."""
    taken = np.where(
        channel == "web",
        np.where(roll < 0.95, "paid", ""),
        np.where(roll < 0.4, "paid", np.where(roll < 0.5, "partly_paid", "")),
    ).astype(object)
    cash_on_delivery = np.where(state == DELIVERED, "paid", "unpaid")
    payment = np.where(taken == "", cash_on_delivery, taken)
    payment = np.where(state == CANCELLED, np.where(taken == "", "unpaid", "refunded"), payment)
    payment = np.where(kind == WALK_IN, np.where(state == COMPLETED, "paid", "unpaid"), payment)
    result: ObjArray = np.where(state == RETURNED, "refunded", payment).astype(object)
    return result


@dataclass(frozen=True)
class _Plan:
    """Every order's planned facts as columns."""

    created: IntArray
    path: IntArray
    kind: ObjArray
    status: ObjArray
    branch: ObjArray
    urgent: npt.NDArray[np.bool_]
    due: IntArray


def _path_table(keys: Sequence[tuple[str, str, str]]) -> PathTable:
    """The paths of ``keys`` (fulfilment, status, branch) as arrays, in the keys' order."""
    count = max(1, len(keys))
    steps = np.zeros(count, dtype=np.int64)
    lows = np.zeros((count, MAX_STEPS))
    spans = np.zeros((count, MAX_STEPS))
    status = np.full((count, MAX_STEPS + 1), "", dtype=object)
    previous = np.full((count, MAX_STEPS + 1), None, dtype=object)
    stamp_of = {kind: np.full(count, -1, dtype=np.int64) for kind, *_rest in MOVEMENT_KINDS}
    keeps = np.zeros(count, dtype=bool)
    for number, key in enumerate(keys):
        path = _path(*key)
        size = len(path.statuses)
        steps[number] = size
        lows[number, :size] = path.lows
        spans[number, :size] = path.spans
        statuses = (RECEIVED, *path.statuses)
        status[number, : size + 1] = statuses
        previous[number, 1 : size + 1] = statuses[:-1]
        for kind, at in (
            ("reserve", path.confirmed),
            ("ship", path.shipped),
            ("sale", path.completed),
            ("release", path.released),
            ("return", path.returned),
        ):
            stamp_of[kind][number] = at
        keeps[number] = path.keeps_reservation
    return PathTable(steps, lows, spans, status, previous, stamp_of, keeps)


_TALLIES = ("committed", "reserved", "shipped", "returned")
_LINE_COUNT_POOL = np.array(_LINE_COUNTS, dtype=np.int64)
_QUANTITY_POOL = np.array(_QUANTITIES, dtype=np.int64)
