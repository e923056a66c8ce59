"""The owner's daily summary: one local day of the shop in figures, beside the day before and the
same weekday a week earlier.

What each figure counts (the Reports screen and the printed summary say the same):

- received: orders taken that day (their ``created_at``), whatever became of them.
- confirmed, packed, shipped, cancelled: orders that reached that status that day, from the order
  timeline; an order released from hold back to a status it had is not counted twice.
- sales: the orders taken that day that are not cancelled. Gross is their goods at the prices sold
  (quantity x unit price); discounts are line and order discounts; net = gross - discounts
  (shipping is not revenue here). Average order value = net / sales orders. Items sold = units on
  those orders. Top products and the sales by hour (the local hour the order was taken) come from
  the same orders; payment status counts them by payment status.
- pack accuracy: wrong items caught = refused scans at the packing station that day (not on the
  order, one too many, unknown or invalid code); overrides = orders packed without full scanning.
  Zero (and ``packing_recorded`` False) while the packing tables do not exist yet.
- stock adjustments: the ledger's ``adjust`` and ``count`` movements that day, in units and valued
  at the products' current cost.
- returns and refunds: recorded that day (``services.return_figures``).
- exceptions: opened and resolved that day, and open at the end of the day by severity
  (``services.exception_figures``).
- at or below reorder point, on hold: standing figures at the end of the day (now, for today),
  rebuilt from the ledger and the timeline for past days.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, and_, case, column, exists, func, inspect, literal_column, or_, select, table
from sqlalchemy.orm import aliased

from orderapp.domain.order_status import OrderStatus
from orderapp.services.aftersales.return_figures import NO_RETURNS, ReturnFigures, return_figures
from orderapp.services.documents.exception_figures import NO_EXCEPTIONS, ExceptionFigures, exception_figures
from orderapp.services.settings.shop import load_settings, shop_timezone
from orderapp.services.shop.dashboard import local_day_bounds
from orderapp.services.staff.figures import PackerFigures, packer_figures
from orderapp.store.database import Database
from orderapp.store.models import Order, OrderEvent, OrderLine, Product, StockMovement
from orderapp.store.types import UTCDateTime, utc_now

TOP_PRODUCTS = 10
PAYMENT_STATUSES = ("paid", "partly_paid", "unpaid", "refunded")
WRONG_ITEM_OUTCOMES = ("not_on_order", "over_scan", "unknown", "invalid")
ADJUSTMENT_KINDS = ("adjust", "count")
_CANCELLED = OrderStatus.CANCELLED.value
_ON_HOLD = OrderStatus.ON_HOLD.value
_STEPS = (OrderStatus.CONFIRMED.value, OrderStatus.PACKED.value, OrderStatus.SHIPPED.value, _CANCELLED)

# The packing capability's tables, named here so the summary works before (and without) its models.
_PACK_SCAN = table("pack_scan", column("at", UTCDateTime()), column("outcome"))
_PACK_SESSION = table("pack_session", column("finished_at", UTCDateTime()), column("outcome"))


@dataclass(frozen=True)
class TopProduct:
    sku: str
    name: str
    quantity: int
    net_cents: int


@dataclass(frozen=True)
class PaymentFigure:
    status: str  # paid | partly_paid | unpaid | refunded
    orders: int
    total_cents: int
    outstanding_cents: int  # total - paid, for what is still to collect


@dataclass(frozen=True)
class DayFigures:
    day: date
    received: int
    confirmed: int
    packed: int
    shipped: int
    cancelled: int
    sales_orders: int
    gross_cents: int
    discount_cents: int
    net_cents: int
    average_order_cents: int
    items_sold: int
    top_products: tuple[TopProduct, ...]
    sales_by_hour: tuple[int, ...]  # net cents for each local hour 0-23
    orders_by_hour: tuple[int, ...]
    payment: tuple[PaymentFigure, ...]  # in PAYMENT_STATUSES order
    wrong_items_caught: int
    overrides: int
    packing_recorded: bool
    adjustment_units: int
    adjustment_value_cents: int
    at_or_below_reorder: int
    on_hold: int
    returns: ReturnFigures = NO_RETURNS
    exceptions: ExceptionFigures = NO_EXCEPTIONS

    @property
    def outstanding_cents(self) -> int:
        return sum(figure.outstanding_cents for figure in self.payment)


@dataclass(frozen=True)
class DailySummary:
    day: date
    figures: DayFigures
    previous_day: DayFigures
    last_week: DayFigures  # the same weekday a week earlier
    shop_name: str
    currency: str
    timezone: str
    made_at: datetime  # aware UTC
    packers: tuple[PackerFigures, ...] = ()  # the day's figures per packer (services.staff_figures)


def shop_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def today_in_shop(database: Database, now: datetime | None = None) -> date:
    with database.session() as session:
        zone_name = shop_timezone(session)
    return (now or utc_now()).astimezone(shop_zone(zone_name)).date()


def daily_summary(database: Database, day: date, *, now: datetime | None = None) -> DailySummary:
    """The figures for the shop's local ``day``, the day before and the same weekday a week before."""
    now = now or utc_now()
    settings = load_settings(database, with_logo=False)
    zone = shop_zone(settings.timezone)
    with database.engine.connect() as conn:
        packing = _has_packing_tables(conn)
        figures = [
            day_figures(conn, one, zone, now, packing=packing)
            for one in (day, day - timedelta(days=1), day - timedelta(days=7))
        ]
        packers = packer_figures(conn, *local_day_bounds(day, zone)) if packing else ()
    return DailySummary(
        day=day,
        figures=figures[0],
        previous_day=figures[1],
        last_week=figures[2],
        shop_name=settings.name,
        currency=settings.currency,
        timezone=settings.timezone,
        made_at=now,
        packers=packers,
    )


def _has_packing_tables(conn: Connection) -> bool:
    inspector = inspect(conn)
    return bool(inspector.has_table("pack_scan") and inspector.has_table("pack_session"))


def day_figures(conn: Connection, day: date, zone: ZoneInfo, now: datetime, *, packing: bool) -> DayFigures:
    start, end = local_day_bounds(day, zone)
    in_day = and_(Order.created_at >= start, Order.created_at < end)

    # The day's orders, few enough (thousands) to add up here, by local hour and payment status.
    orders = conn.execute(
        select(
            Order.created_at,
            Order.status,
            Order.subtotal_cents,
            Order.discount_cents,
            Order.total_cents,
            Order.paid_cents,
            Order.payment_status,
        ).where(in_day)
    ).all()
    received = len(orders)
    sales_by_hour = [0] * 24
    orders_by_hour = [0] * 24
    payment_orders: Counter[str] = Counter()
    payment_totals: Counter[str] = Counter()
    payment_outstanding: Counter[str] = Counter()
    order_discounts = 0
    sales_orders = 0
    for created_at, status, subtotal, discount, total, paid, payment_status in orders:
        if status == _CANCELLED:
            continue
        sales_orders += 1
        order_discounts += discount
        hour = created_at.astimezone(zone).hour
        sales_by_hour[hour] += subtotal - discount
        orders_by_hour[hour] += 1
        payment_orders[payment_status] += 1
        payment_totals[payment_status] += total
        if payment_status in ("unpaid", "partly_paid"):
            payment_outstanding[payment_status] += max(0, total - paid)

    sales = select(Order.id).where(in_day, Order.status != _CANCELLED).scalar_subquery()
    quantity = func.sum(OrderLine.quantity)
    gross = func.sum(OrderLine.quantity * OrderLine.unit_price_cents)
    line_discount = func.sum(OrderLine.discount_cents)
    per_product = conn.execute(
        select(OrderLine.product_id, func.min(OrderLine.sku), func.min(OrderLine.name), quantity, gross, line_discount)
        .where(OrderLine.order_id.in_(sales))
        .group_by(OrderLine.product_id)
    ).all()
    gross_cents = sum(int(row[4]) for row in per_product)
    line_discounts = sum(int(row[5]) for row in per_product)
    items_sold = sum(int(row[3]) for row in per_product)
    ranked = sorted(per_product, key=lambda row: (-int(row[3]), -(int(row[4]) - int(row[5])), row[1]))
    top = tuple(TopProduct(row[1], row[2], int(row[3]), int(row[4]) - int(row[5])) for row in ranked[:TOP_PRODUCTS])
    discount_cents = line_discounts + order_discounts
    net_cents = gross_cents - discount_cents

    steps = _status_steps(conn, start, end)

    wrong_items = overrides = 0
    if packing:
        wrong_items = (
            conn.scalar(
                select(func.count())
                .select_from(_PACK_SCAN)
                .where(_PACK_SCAN.c.at >= start, _PACK_SCAN.c.at < end, _PACK_SCAN.c.outcome.in_(WRONG_ITEM_OUTCOMES))
            )
            or 0
        )
        overrides = (
            conn.scalar(
                select(func.count())
                .select_from(_PACK_SESSION)
                .where(
                    _PACK_SESSION.c.finished_at >= start,
                    _PACK_SESSION.c.finished_at < end,
                    _PACK_SESSION.c.outcome == "override",
                )
            )
            or 0
        )

    adjustment_units, adjustment_value = conn.execute(
        select(
            func.coalesce(func.sum(StockMovement.qty_delta), 0),
            func.coalesce(func.sum(StockMovement.qty_delta * Product.cost_cents), 0),
        )
        .select_from(StockMovement)
        .join(Product, Product.id == StockMovement.product_id)
        .where(StockMovement.at >= start, StockMovement.at < end, StockMovement.kind.in_(ADJUSTMENT_KINDS))
    ).one()

    return DayFigures(
        day=day,
        received=received,
        confirmed=steps[OrderStatus.CONFIRMED.value],
        packed=steps[OrderStatus.PACKED.value],
        shipped=steps[OrderStatus.SHIPPED.value],
        cancelled=steps[_CANCELLED],
        sales_orders=sales_orders,
        gross_cents=gross_cents,
        discount_cents=discount_cents,
        net_cents=net_cents,
        average_order_cents=_average(net_cents, sales_orders),
        items_sold=items_sold,
        top_products=top,
        sales_by_hour=tuple(sales_by_hour),
        orders_by_hour=tuple(orders_by_hour),
        payment=tuple(
            PaymentFigure(status, payment_orders[status], payment_totals[status], payment_outstanding[status])
            for status in PAYMENT_STATUSES
        ),
        wrong_items_caught=int(wrong_items),
        overrides=int(overrides),
        packing_recorded=packing,
        adjustment_units=int(adjustment_units),
        adjustment_value_cents=int(adjustment_value),
        at_or_below_reorder=_at_or_below_reorder(conn, min(end, now)),
        on_hold=_on_hold(conn, min(end, now)),
        returns=return_figures(conn, start, end),
        exceptions=exception_figures(conn, start, end, min(end, now)),
    )


def _average(total: int, count: int) -> int:
    if count == 0:
        return 0
    return (2 * total + count) // (2 * count)  # rounded half up, in whole minor units


def _status_steps(conn: Connection, start: datetime, end: datetime) -> Counter[str]:
    """Orders that reached each step that day; coming back from hold is not a new step (cancel is)."""
    back_from_hold = and_(OrderEvent.from_status == _ON_HOLD, OrderEvent.to_status != _CANCELLED)
    rows = conn.execute(
        select(OrderEvent.to_status, func.count(func.distinct(OrderEvent.order_id)))
        .where(
            OrderEvent.at >= start,
            OrderEvent.at < end,
            OrderEvent.to_status.in_(_STEPS),
            or_(OrderEvent.from_status.is_(None), ~back_from_hold),
        )
        .group_by(OrderEvent.to_status)
    ).all()
    counted: Counter[str] = Counter()
    for status, count in rows:
        counted[str(status)] = int(count)
    return counted


def _at_or_below_reorder(conn: Connection, moment: datetime) -> int:
    """Active products whose available stock (on hand - reserved) was at or below their reorder
    point at ``moment``: today's figure, corrected for the few products the ledger has moved since."""
    existing = and_(Product.active.is_(True), Product.created_at < moment)
    available_now = Product.on_hand - Product.reserved
    low_now = available_now <= Product.reorder_point
    count_now = conn.scalar(select(func.count()).select_from(Product).where(existing, low_now)) or 0
    # "+ 0" keeps SQLite from grouping along the (product_id, at) index, which reads the whole
    # ledger; the range on ``at`` is the small part to read.
    product_id = StockMovement.product_id + literal_column("0")
    product = product_id.label("product_id")
    later = (
        select(
            product,
            func.sum(StockMovement.qty_delta).label("qty"),
            func.sum(StockMovement.reserved_delta).label("reserved"),
        )
        .where(StockMovement.at >= moment)
        .group_by(product_id)
        .subquery()
    )
    low_then = available_now - (later.c.qty - later.c.reserved) <= Product.reorder_point
    was_low, is_low = conn.execute(
        select(
            func.coalesce(func.sum(case((low_then, 1), else_=0)), 0),
            func.coalesce(func.sum(case((low_now, 1), else_=0)), 0),
        )
        .select_from(later.join(Product, Product.id == later.c.product_id))
        .where(existing)
    ).one()
    return int(count_now) - int(is_low) + int(was_low)


def _on_hold(conn: Connection, moment: datetime) -> int:
    """Orders on hold at ``moment``: on hold now and unchanged since, plus those whose first status
    change since then took them off hold."""
    since = aliased(OrderEvent)
    changed_since = exists().where(since.order_id == Order.id, since.at >= moment, since.to_status.is_not(None))
    still = conn.scalar(
        select(func.count())
        .select_from(Order)
        .where(Order.status == _ON_HOLD, Order.created_at < moment, ~changed_since)
    )
    earlier = aliased(OrderEvent)
    first_change_left_hold = conn.scalar(
        select(func.count())
        .select_from(OrderEvent)
        .where(
            OrderEvent.at >= moment,
            OrderEvent.to_status.is_not(None),
            OrderEvent.from_status == _ON_HOLD,
            ~exists().where(
                earlier.order_id == OrderEvent.order_id,
                earlier.at >= moment,
                earlier.to_status.is_not(None),
                or_(earlier.at < OrderEvent.at, and_(earlier.at == OrderEvent.at, earlier.id < OrderEvent.id)),
            ),
        )
    )
    return int(still or 0) + int(first_change_left_hold or 0)


__all__ = [
    "DailySummary",
    "DayFigures",
    "PaymentFigure",
    "TopProduct",
    "daily_summary",
    "day_figures",
    "today_in_shop",
]
