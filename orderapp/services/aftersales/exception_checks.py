"""The automatic checks: exceptions raised from what the app already records, incrementally.

Each run reads only what is new since the last run (append-only rows past a stored id, orders that
crossed a time limit since the last run's moment) and raises at most one exception per cause: the
cause's ``source_key`` is unique, and an exception of the same type already open on the order is
not raised again. So the checks may run as often as wanted, on any PC, without duplicates.

What raises what:
- a pack override (order timeline "override"): product / pack_override, moderate;
- an order reaching packing unpaid (timeline "picking" or "packed", payment unpaid or partly paid,
  delivery): payment / unpaid_at_packing, moderate;
- repeated refused scans on one order (Settings: how many): product / wrong_scans, moderate;
- an imported order unpaid (voided Shopify payments import as unpaid): payment / unpaid_import, minor;
- an imported delivery address missing its street or city, or with a wrong postcode:
  customer / incomplete_address or invalid_address, moderate;
- the time limits per step (Settings): not confirmed within X hours, not packed by the daily cut-off,
  not shipped within Y hours of arriving, not delivered within Z days of shipping (per carrier):
  logistics / late_confirm, late_pack, late_ship, delayed, moderate.
A shortage at bulk confirm is raised by ``raise_shortage`` as it happens (product / out_of_stock).

The first run on an existing shop looks back ``FIRST_LOOKBACK`` (a day) only, so years of history
do not flood the queue nor hold the database for long.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from orderapp.domain import exception_rules as rules
from orderapp.domain.exception_rules import Severity
from orderapp.domain.shop_clock import shop_zone
from orderapp.i18n import _
from orderapp.services.aftersales.exception_batch import Candidate, raise_many
from orderapp.services.aftersales.exceptions import ExceptionRow, exception_number, raise_in, row_of
from orderapp.services.settings.exceptions import ExceptionSettings, read_exception_settings
from orderapp.services.settings.orders import read_order_settings
from orderapp.store import settings_store
from orderapp.store.database import Database
from orderapp.store.exception_models import OrderException
from orderapp.store.models import DEFAULT_USER_ID, Order, OrderEvent
from orderapp.store.packing_models import PackScan
from orderapp.store.types import utc_now

AUTOMATIC = "OrderApp"  # the actor recorded for what the checks raise
FIRST_LOOKBACK = timedelta(days=1)
LONGEST_PAUSE = timedelta(days=31)  # after the app was closed this long, what crossed before is not raised
MARK_EVENT = "exceptions.mark.order_event"
MARK_SCAN = "exceptions.mark.pack_scan"
MARK_ORDER = "exceptions.mark.orders"
MARK_TIME = "exceptions.mark.checked_at"
WRONG_SCANS = ("not_on_order", "over_scan", "unknown", "invalid")
UNPAID = ("unpaid", "partly_paid")
IMPORT_CHANNELS = ("import", "shopify")
OPEN_ORDER = ("received", "confirmed", "picking", "packed", "on_hold")
NOT_PACKED = ("received", "confirmed", "picking")


@dataclass(frozen=True)
class _OrderFacts:
    """The columns the checks read of an order (no ORM objects: a first run may read thousands)."""

    id: int
    number: str
    priority: str
    customer_id: int | None
    status: str
    payment_status: str
    fulfilment: str
    channel: str
    external_ref: str
    ship_line1: str
    ship_city: str
    ship_postcode: str
    ship_country: str
    carrier: str


_FACTS = (
    Order.id,
    Order.number,
    Order.priority,
    Order.customer_id,
    Order.status,
    Order.payment_status,
    Order.fulfilment,
    Order.channel,
    Order.external_ref,
    Order.ship_line1,
    Order.ship_city,
    Order.ship_postcode,
    Order.ship_country,
    Order.carrier,
)


@dataclass(frozen=True)
class CheckResult:
    raised: tuple[ExceptionRow, ...]  # the new exceptions, for the owner's notification
    checked_at: datetime

    def notice(self) -> str:
        """One sentence for the desktop notification ("" when nothing new)."""
        if not self.raised:
            return ""
        first = self.raised[0]
        if len(self.raised) == 1:
            return _("New exception {number} on order {order}: {type}.").format(
                number=first.number, order=first.order_number, type=first.type_label
            )
        severe = sum(1 for row in self.raised if row.severity == Severity.SEVERE)
        return _("{count} new exceptions ({severe} severe), the first on order {order}: {type}.").format(
            count=len(self.raised), severe=severe, order=first.order_number, type=first.type_label
        )


def run_exception_checks(
    database: Database, *, now: datetime | None = None, user_id: int = DEFAULT_USER_ID
) -> CheckResult:
    """One run of every automatic check, in one transaction; returns what it raised."""
    when = now or utc_now()
    with database.session(write=True) as session:
        checker = _Checker(session, when)
        checker.run()
        settings_store.write_values(session, checker.marks, user_id=user_id, bookkeeping=True)
        session.commit()
        raised = tuple(checker.rows())
    return CheckResult(raised=raised, checked_at=when)


def raise_shortage(database: Database, order_id: int, sentence: str, *, now: datetime | None = None) -> None:
    """A bulk confirm found too little stock for the order: an out-of-stock exception (once while open)."""
    when = now or utc_now()
    with database.session(write=True) as session:
        order = session.get(Order, order_id)
        if order is None:
            return
        raise_in(session, order, "out_of_stock", Severity.MODERATE, cause=sentence, actor=AUTOMATIC, now=when)
        session.commit()


class _Checker:
    def __init__(self, session: Session, now: datetime) -> None:
        self.session = session
        self.now = now
        self.settings: ExceptionSettings = read_exception_settings(session)
        self.zone = shop_zone(read_order_settings(session).timezone)
        self.stored = settings_store.read_values(session, [MARK_EVENT, MARK_SCAN, MARK_ORDER, MARK_TIME])
        self.marks: dict[str, str | None] = {}
        self.pending: list[Candidate] = []  # what the sources found, raised together at the end
        self.raised: list[tuple[int, str]] = []  # (exception id, order number)
        self._orders: dict[int, _OrderFacts] = {}

    def run(self) -> None:
        since = self._since()
        self._events()
        self._scans()
        self._imports()
        self._time_limits(since)
        self.marks[MARK_TIME] = self.now.isoformat()
        added = raise_many(self.session, self.pending, actor=AUTOMATIC, owner=self.settings.default_owner, now=self.now)
        self.raised = [(exception_id, order.number) for exception_id, order in added]

    def rows(self) -> list[ExceptionRow]:
        numbers = dict(self.raised)
        ids = [exception_id for exception_id, _number in self.raised]
        found: dict[int, ExceptionRow] = {}
        for start in range(0, len(ids), 900):
            records = self.session.scalars(
                select(OrderException).where(OrderException.id.in_(ids[start : start + 900]))
            )
            for record in records:
                found[record.id] = row_of(record, numbers[record.id], self.now)
        return [found[exception_id] for exception_id in ids]

    # -- sources ---------------------------------------------------------------------------------------

    def _events(self) -> None:
        """Overrides and unpaid orders reaching packing, from the orders' timelines."""
        mark = self._mark(MARK_EVENT, OrderEvent.id, OrderEvent.at)
        # The top first: a row committed meanwhile (another PC, PostgreSQL) is left for the next run.
        top = self.session.scalar(select(func.max(OrderEvent.id))) or mark
        rows = self.session.execute(
            select(OrderEvent.id, OrderEvent.order_id, OrderEvent.kind, OrderEvent.to_status, OrderEvent.detail)
            .where(
                OrderEvent.id > mark,
                OrderEvent.id <= top,
                or_(OrderEvent.kind == "override", OrderEvent.to_status.in_(("picking", "packed"))),
            )
            .order_by(OrderEvent.id)
        ).all()
        self._load({row[1] for row in rows})
        for event_id, order_id, kind, _to, detail in rows:
            order = self._order(order_id)
            if kind == "override":
                self._raise(order, "pack_override", Severity.MODERATE, detail, f"override:{event_id}")
            if order.payment_status in UNPAID and order.fulfilment == "delivery":
                self._raise(
                    order,
                    "unpaid_at_packing",
                    Severity.MODERATE,
                    _("Order {number} reached packing {payment}.").format(
                        number=order.number,
                        payment=_("unpaid") if order.payment_status == "unpaid" else _("partly paid"),
                    ),
                    f"unpaid_packing:{order.id}",
                )
        self.marks[MARK_EVENT] = str(top)

    def _scans(self) -> None:
        limit = self.settings.wrong_scans
        mark = self._mark(MARK_SCAN, PackScan.id, PackScan.at)
        top = self.session.scalar(select(func.max(PackScan.id))) or mark
        self.marks[MARK_SCAN] = str(top)
        if limit <= 0:
            return
        orders = self.session.scalars(
            select(PackScan.order_id)
            .where(PackScan.id > mark, PackScan.id <= top, PackScan.outcome.in_(WRONG_SCANS))
            .distinct()
        ).all()
        self._load(set(orders))
        for order_id in orders:
            wrong = self.session.scalar(
                select(func.count()).where(PackScan.order_id == order_id, PackScan.outcome.in_(WRONG_SCANS))
            )
            if rules.wrong_scans_limit_reached(wrong or 0, limit):
                order = self._order(order_id)
                self._raise(
                    order,
                    "wrong_scans",
                    Severity.MODERATE,
                    _("{count} scans on order {number} were refused: check the items in the box.").format(
                        count=wrong, number=order.number
                    ),
                    f"wrong_scans:{order_id}",
                )

    def _imports(self) -> None:
        mark = self._mark(MARK_ORDER, Order.id, Order.created_at)
        top = self.session.scalar(select(func.max(Order.id))) or mark
        orders = self._facts(
            select(*_FACTS)
            .where(Order.id > mark, Order.id <= top, or_(Order.channel.in_(IMPORT_CHANNELS), Order.external_ref != ""))
            .order_by(Order.id)
        )
        for order in orders:
            self._orders[order.id] = order
            if order.status == "cancelled":
                continue
            if order.payment_status == "unpaid":
                self._raise(
                    order,
                    "unpaid_import",
                    Severity.MINOR,
                    _("Imported order {number} ({ref}) is not paid, or its payment was voided.").format(
                        number=order.number, ref=order.external_ref or order.channel
                    ),
                    f"unpaid_import:{order.id}",
                )
            if order.fulfilment == "delivery":
                problem = rules.address_problem(
                    order.ship_line1, order.ship_city, order.ship_postcode, order.ship_country
                )
                if problem is not None:
                    kind, sentence = problem
                    self._raise(order, kind, Severity.MODERATE, sentence, f"address:{order.id}")
        self.marks[MARK_ORDER] = str(top)

    def _time_limits(self, since: datetime) -> None:
        s = self.settings
        if s.confirm_hours:
            limit = timedelta(hours=s.confirm_hours)
            self._late(
                ("received",), since - limit, self.now - limit, "late_confirm", _confirm_sentence(s.confirm_hours)
            )
        if s.ship_hours:
            limit = timedelta(hours=s.ship_hours)
            self._late(OPEN_ORDER, since - limit, self.now - limit, "late_ship", _ship_sentence(s.ship_hours))
        minutes = s.cutoff_minutes
        if minutes is not None:
            for cutoff in rules.cutoffs_between(since, self.now, minutes, self.zone):
                sentence = _("Not packed by the cut-off at {time}.").format(time=s.pack_cutoff)
                self._late(NOT_PACKED, cutoff - timedelta(days=1), cutoff, "late_pack", sentence)
        self._deliveries(since)

    def _late(self, statuses: Sequence[str], after: datetime, until: datetime, kind: str, sentence: str) -> None:
        """Orders in ``statuses`` that arrived in (after, until]: they crossed the limit since the last run."""
        orders = self._facts(
            select(*_FACTS)
            .where(Order.status.in_(statuses), Order.created_at > after, Order.created_at <= until)
            .order_by(Order.created_at, Order.id)
        )
        for order in orders:
            self._orders[order.id] = order
            self._raise(order, kind, Severity.MODERATE, sentence, f"{kind}:{order.id}")

    def _deliveries(self, since: datetime) -> None:
        s = self.settings
        spans = [days for days in [s.delivery_days, *(days for _name, days in s.carrier_days)] if days > 0]
        if not spans:
            return
        shortest, longest = timedelta(days=min(spans)), timedelta(days=max(spans))
        # The shipping events in the window first (by time), then their orders still shipped.
        shipped = self.session.execute(
            select(OrderEvent.order_id, OrderEvent.at).where(
                OrderEvent.to_status == "shipped",
                OrderEvent.at > since - longest,
                OrderEvent.at <= self.now - shortest,
            )
        ).all()
        when = {order_id: at for order_id, at in shipped}
        orders = self._facts(select(*_FACTS).where(Order.id.in_(list(when)), Order.status == "shipped")) if when else []
        rows = [(order, when[order.id]) for order in orders]
        for order, shipped_at in rows:
            days = s.days_for(order.carrier)
            if days <= 0:
                continue
            due = shipped_at + timedelta(days=days)
            if since < due <= self.now:
                self._orders[order.id] = order
                sentence = _("Shipped with {carrier} {days} days ago and not delivered yet.").format(
                    carrier=order.carrier or "-", days=days
                )
                self._raise(order, "delayed", Severity.MODERATE, sentence, f"late_delivery:{order.id}")

    # -- helpers -------------------------------------------------------------------------------------

    def _since(self) -> datetime:
        text = self.stored.get(MARK_TIME, "")
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return self.now - FIRST_LOOKBACK
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return min(max(moment, self.now - LONGEST_PAUSE), self.now)

    def _mark(self, key: str, id_column: Any, time_column: Any) -> int:
        """The last row already checked; on the first run, the last one before ``FIRST_LOOKBACK``."""
        text = self.stored.get(key, "")
        if text.isdigit():
            return int(text)
        # The first row by time (its index), not min(id): that would walk the table from its oldest row.
        first = self.session.scalar(
            select(id_column).where(time_column >= self.now - FIRST_LOOKBACK).order_by(time_column).limit(1)
        )
        if first is not None:
            return int(first) - 1
        return int(self.session.scalar(select(func.max(id_column))) or 0)

    def _facts(self, query: Any) -> list[_OrderFacts]:
        return [_OrderFacts(*row) for row in self.session.execute(query)]

    def _load(self, order_ids: set[int]) -> None:
        """Read the facts of many orders at once (a first run may meet thousands)."""
        wanted = sorted(order_ids - self._orders.keys())
        for start in range(0, len(wanted), 900):
            for order in self._facts(select(*_FACTS).where(Order.id.in_(wanted[start : start + 900]))):
                self._orders[order.id] = order

    def _order(self, order_id: int) -> _OrderFacts:
        order = self._orders.get(order_id)
        if order is None:
            order = self._facts(select(*_FACTS).where(Order.id == order_id))[0]
            self._orders[order_id] = order
        return order

    def _raise(self, order: _OrderFacts, kind: str, severity: Severity, cause: str, source_key: str) -> None:
        self.pending.append(Candidate(order, kind, severity, cause, source_key))


def _confirm_sentence(hours: int) -> str:
    return _("Not confirmed within {hours} hours of arriving.").format(hours=hours)


def _ship_sentence(hours: int) -> str:
    return _("Not shipped within {hours} hours of arriving.").format(hours=hours)


__all__ = ["CheckResult", "exception_number", "raise_shortage", "run_exception_checks"]
