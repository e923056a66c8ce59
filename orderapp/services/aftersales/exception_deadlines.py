"""The dashboard's deadline line: orders that cross a time limit within the next hour, and orders past
each step's limit now (confirm, pack by the cut-off, ship, deliver), with the open exceptions.

Each count is an indexed range (orders by status and arrival; shipping events by time)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from orderapp.domain import exception_rules as rules
from orderapp.domain import shop_clock
from orderapp.domain.exception_rules import Severity
from orderapp.domain.shop_clock import shop_zone
from orderapp.i18n import _
from orderapp.services.aftersales.exception_checks import NOT_PACKED, OPEN_ORDER
from orderapp.services.settings.exceptions import ExceptionSettings, read_exception_settings
from orderapp.services.settings.orders import read_order_settings
from orderapp.store.database import Database
from orderapp.store.exception_models import OrderException
from orderapp.store.models import Order, OrderEvent

STEPS = ("confirm", "pack", "ship", "deliver")


@dataclass(frozen=True)
class StepDeadlines:
    at_risk: int  # orders that cross a limit within the next hour
    overdue: tuple[tuple[str, int], ...]  # (step, orders past its limit now), steps in STEPS order
    open_exceptions: int
    severe_open: int

    def text(self) -> str:
        """The dashboard's line, e.g. "At risk in the next hour: 3 · Overdue: confirm 2, pack 0, ship 1, deliver 0"."""
        names = {"confirm": _("confirm"), "pack": _("pack"), "ship": _("ship"), "deliver": _("deliver")}
        overdue = ", ".join(f"{names[step]} {count:,}" for step, count in self.overdue)
        return _(
            "At risk in the next hour: {risk} · Overdue: {overdue} · Open exceptions: {open} ({severe} severe)"
        ).format(
            risk=f"{self.at_risk:,}", overdue=overdue or "-", open=f"{self.open_exceptions:,}", severe=self.severe_open
        )


def step_deadlines(database: Database, *, now: datetime | None = None) -> StepDeadlines:
    when = now or shop_clock.clock()
    with database.session() as session:
        settings = read_exception_settings(session)
        counter = _Counter(session, settings, when)
        overdue = tuple(
            (step, count) for step, count in zip(STEPS, counter.overdue(), strict=True) if count is not None
        )
        open_count = session.scalar(select(func.count()).where(OrderException.is_open.is_(True))) or 0
        severe = (
            session.scalar(
                select(func.count()).where(
                    OrderException.is_open.is_(True), OrderException.severity == Severity.SEVERE.value
                )
            )
            or 0
        )
        return StepDeadlines(at_risk=counter.at_risk(), overdue=overdue, open_exceptions=open_count, severe_open=severe)


class _Counter:
    def __init__(self, session: Session, settings: ExceptionSettings, now: datetime) -> None:
        self.session, self.settings, self.now = session, settings, now
        self.zone = shop_zone(read_order_settings(session).timezone)

    def overdue(self) -> list[int | None]:
        s, now = self.settings, self.now
        confirm = (
            self._arrived(("received",), None, now - timedelta(hours=s.confirm_hours)) if s.confirm_hours else None
        )
        pack = None
        if s.cutoff_minutes is not None:
            cutoff = rules.last_cutoff(now, s.cutoff_minutes, self.zone)
            pack = self._arrived(NOT_PACKED, None, cutoff)
        ship = self._arrived(OPEN_ORDER, None, now - timedelta(hours=s.ship_hours)) if s.ship_hours else None
        deliver = self._shipped(None, now) if self._delivery_days() else None
        return [confirm, pack, ship, deliver]

    def at_risk(self) -> int:
        s, now, soon = self.settings, self.now, self.now + timedelta(hours=1)
        total = 0
        if s.confirm_hours:
            limit = timedelta(hours=s.confirm_hours)
            total += self._arrived(("received",), now - limit, soon - limit)
        if s.cutoff_minutes is not None:
            for cutoff in rules.cutoffs_between(now, soon, s.cutoff_minutes, self.zone):
                total += self._arrived(NOT_PACKED, cutoff - timedelta(days=1), cutoff)
        if s.ship_hours:
            limit = timedelta(hours=s.ship_hours)
            total += self._arrived(OPEN_ORDER, now - limit, soon - limit)
        if self._delivery_days():
            total += self._shipped(now, soon)
        return total

    def _arrived(self, statuses: tuple[str, ...], after: datetime | None, until: datetime) -> int:
        query = select(func.count()).where(Order.status.in_(statuses), Order.created_at <= until)
        if after is not None:
            query = query.where(Order.created_at > after)
        return self.session.scalar(query) or 0

    def _delivery_days(self) -> list[tuple[str | None, int]]:
        """(carrier or None for every other one, days): the delivery limits in force."""
        s = self.settings
        limits: list[tuple[str | None, int]] = [(name, days) for name, days in s.carrier_days if days > 0]
        if s.delivery_days > 0:
            limits.append((None, s.delivery_days))
        return limits

    def _shipped(self, after: datetime | None, until: datetime) -> int:
        """Shipped orders whose delivery limit falls in (after, until] (before ``until`` when no ``after``)."""
        total = 0
        named = [name.casefold() for name, _days in self.settings.carrier_days]
        for carrier, days in self._delivery_days():
            span = timedelta(days=days)
            query = (
                select(func.count())
                .select_from(Order)
                .join(OrderEvent, OrderEvent.order_id == Order.id)
                .where(Order.status == "shipped", OrderEvent.to_status == "shipped", OrderEvent.at <= until - span)
            )
            if after is not None:
                query = query.where(OrderEvent.at > after - span)
            if carrier is not None:
                query = query.where(func.lower(Order.carrier) == carrier.casefold())
            elif named:
                query = query.where(func.lower(Order.carrier).not_in(named))
            total += self.session.scalar(query) or 0
        return total
