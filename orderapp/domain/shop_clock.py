"""The shop's clock: "now" and "today" where the shop is, whatever the PC's own clock says.

Times are stored in UTC; everything shown to people, every default ("due tomorrow") and every
"today" (the dashboard, the day's orders) is the shop's local time in the time zone its settings name.
This is the one place that turns the one into the other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Shanghai"


def utc_now() -> datetime:
    return datetime.now(UTC)


# Tests (and nothing else) swap this to stand at a chosen moment.
clock: Callable[[], datetime] = utc_now


def shop_zone(name: str) -> ZoneInfo:
    """The shop's time zone; an unknown or empty name falls back to the default one."""
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def shop_now(zone: str | ZoneInfo) -> datetime:
    """The shop's local time now (aware, in the shop's zone)."""
    return clock().astimezone(zone if isinstance(zone, ZoneInfo) else shop_zone(zone))


def shop_today(zone: str | ZoneInfo) -> date:
    """The shop's calendar day now."""
    return shop_now(zone).date()


def shop_day_bounds(day: date, zone: str | ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC instants a shop day starts and ends (the end is the next day's start)."""
    tz = zone if isinstance(zone, ZoneInfo) else shop_zone(zone)
    start = datetime.combine(day, time(0), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def local(moment: datetime, zone: str | ZoneInfo) -> datetime:
    """A stored (UTC) moment in the shop's zone."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone if isinstance(zone, ZoneInfo) else shop_zone(zone))
