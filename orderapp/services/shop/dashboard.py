"""The figures on the dashboard: what needs the shop's attention now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from orderapp.domain import shop_clock
from orderapp.domain.order_status import OPEN_STATUSES, TO_PACK_STATUSES
from orderapp.domain.shop_clock import shop_zone
from orderapp.services.settings.shop import shop_timezone
from orderapp.store.database import Database
from orderapp.store.models import Order, Product


@dataclass(frozen=True)
class DashboardFigures:
    day: date  # the shop's local day the "today" figure counts
    orders_today: int
    to_pack: int
    overdue: int
    low_stock: int  # active products at or below their reorder point
    as_of: datetime  # in the shop's time zone
    timezone: str = ""  # the shop's time zone name


def local_day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC instants where the shop's local ``day`` starts and ends (DST-safe)."""
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def dashboard_figures(database: Database, now: datetime | None = None) -> DashboardFigures:
    """Each figure is one indexed query; none reads the whole order table."""
    now = now or shop_clock.clock()
    with database.session() as session:
        zone_name = shop_timezone(session)
        zone = shop_zone(zone_name)
        day = shop_clock.local(now, zone).date()
        start, end = local_day_bounds(day, zone)
        orders_today = session.scalar(
            select(func.count()).select_from(Order).where(Order.created_at >= start, Order.created_at < end)
        )
        to_pack = session.scalar(
            select(func.count()).select_from(Order).where(Order.status.in_(sorted(TO_PACK_STATUSES)))
        )
        overdue = session.scalar(
            select(func.count())
            .select_from(Order)
            .where(Order.status.in_(sorted(OPEN_STATUSES)), Order.due_at.is_not(None), Order.due_at < now)
        )
        low_stock = session.scalar(
            select(func.count())
            .select_from(Product)
            .where(Product.active.is_(True), Product.on_hand - Product.reserved <= Product.reorder_point)
        )
    return DashboardFigures(
        day=day,
        orders_today=orders_today or 0,
        to_pack=to_pack or 0,
        overdue=overdue or 0,
        low_stock=low_stock or 0,
        as_of=shop_clock.local(now, zone),
        timezone=zone_name,
    )
