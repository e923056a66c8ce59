"""The exceptions report: what went wrong in a period, beside the period before it of the same length.

Counts by family and type; time to resolve (median and 90th percentile); the top repeated causes (the
cause sentences with their numbers masked, so "label torn" on ten orders counts ten times); the
product problems by packer and by product, and the logistics problems by carrier. One function
makes the figures and the PDF; the command line and the GUI both call it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from orderapp.domain.shop_clock import shop_day_bounds, shop_zone
from orderapp.errors import FieldError, ValidationFailed
from orderapp.i18n import _
from orderapp.services.settings.orders import read_order_settings
from orderapp.store.database import Database
from orderapp.store.exception_models import OrderException
from orderapp.store.models import Order, OrderLine, User
from orderapp.store.packing_models import PackSession
from orderapp.store.types import utc_now

MAX_DAYS = 366
TOP = 10
_NUMBERS = re.compile(r"[A-Z]{1,4}-\d+|#?\d[\d.,:]*")


@dataclass(frozen=True)
class PeriodFigures:
    start: date
    end: date  # inclusive, the shop's local days
    opened: int
    resolved: int
    by_type: tuple[tuple[str, str, int], ...]  # (family, type, count), most first
    median_hours: float | None  # to resolve, for those resolved in the period
    p90_hours: float | None
    causes: tuple[tuple[str, int], ...]  # masked cause sentence, count
    by_packer: tuple[tuple[str, int], ...]
    by_product: tuple[tuple[str, int], ...]  # "SKU name"
    by_carrier: tuple[tuple[str, int], ...]

    def family_counts(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for family, _kind, count in self.by_type:
            counts[family] += count
        return dict(counts)


@dataclass(frozen=True)
class ExceptionsReport:
    current: PeriodFigures
    previous: PeriodFigures
    timezone: str
    made_at: datetime
    path: Path | None
    pages: int


def parse_report_day(text: str, field: str) -> date:
    """A date as typed (YYYY-MM-DD); a sentence saying how to write it otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationFailed(
            [FieldError(field, _("“{text}” is not a date; write it as YYYY-MM-DD, e.g. 2026-11-21.").format(text=text))]
        ) from None


def check_period(start: date, end: date) -> None:
    if start > end:
        raise ValidationFailed(
            [
                FieldError(
                    "from",
                    _("The period starts ({start}) after it ends ({end}); swap the dates.").format(
                        start=start.isoformat(), end=end.isoformat()
                    ),
                )
            ]
        )
    if (end - start).days + 1 > MAX_DAYS:
        raise ValidationFailed(
            [FieldError("to", _("A report covers at most {days} days; choose a shorter period.").format(days=MAX_DAYS))]
        )


def exceptions_report(
    database: Database,
    start: date,
    end: date,
    out: str | Path | None = None,
    *,
    paper: str | None = None,
    now: datetime | None = None,
) -> ExceptionsReport:
    """The figures of ``start``..``end`` (inclusive) and the period before, written as a PDF to ``out``
    when given. Bad dates are refused with a sentence before anything is read or written."""
    check_period(start, end)
    length = (end - start).days + 1
    before_end = start - timedelta(days=1)
    before_start = before_end - timedelta(days=length - 1)
    with database.session() as session:
        zone_name = read_order_settings(session).timezone
        current = _figures(session, start, end, zone_name)
        previous = _figures(session, before_start, before_end, zone_name)
    report = ExceptionsReport(current, previous, zone_name, now or utc_now(), None, 0)
    if out is None:
        return report
    from orderapp.documents.exceptions_report import render_exceptions_report
    from orderapp.documents.output import write_pdf
    from orderapp.documents.papers import paper as paper_of
    from orderapp.services.documents.paperwork import shop_paper
    from orderapp.services.settings.documents import load_document_settings

    size = paper_of(paper or load_document_settings(database).list_paper)
    letterhead = shop_paper(database).letterhead
    pages: list[int] = []

    def build(target: BinaryIO) -> None:
        pages.append(render_exceptions_report(report, letterhead, target, paper=size))

    path = write_pdf(out, build)
    return ExceptionsReport(current, previous, zone_name, report.made_at, path, pages[0] if pages else 0)


def mask_cause(text: str) -> str:
    """The cause with order numbers, counts and times replaced by '#', so repeats group together."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return _NUMBERS.sub("#", first)[:120]


def percentile(values: Sequence[float], share: float) -> float | None:
    """The nearest-rank percentile (share 0.5 = the median's upper middle for even counts)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(int(-(-share * len(ordered) // 1)), 1)  # ceil(share * n), at least 1
    return ordered[min(rank, len(ordered)) - 1]


def median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _figures(session: Session, start: date, end: date, zone_name: str) -> PeriodFigures:
    zone = shop_zone(zone_name)
    low, _first_end = shop_day_bounds(start, zone)
    _last_start, high = shop_day_bounds(end, zone)
    opened_in = (OrderException.opened_at >= low, OrderException.opened_at < high)
    # One pass over the period's exceptions gives the counts by type and the causes.
    type_counts: Counter[tuple[str, str]] = Counter()
    causes: Counter[str] = Counter()
    for family, kind, cause, count in session.execute(
        select(OrderException.family, OrderException.type, OrderException.cause, func.count())
        .where(*opened_in)
        .group_by(OrderException.family, OrderException.type, OrderException.cause)
    ):
        type_counts[(family, kind)] += count
        causes[mask_cause(cause)] += count
    causes.pop("", None)
    by_type = [(family, kind, count) for (family, kind), count in type_counts.items()]
    resolved_in = (OrderException.resolved_at >= low, OrderException.resolved_at < high)
    if session.get_bind().dialect.name == "sqlite":
        span = (func.julianday(OrderException.resolved_at) - func.julianday(OrderException.opened_at)) * 24.0
    else:
        span = func.extract("epoch", OrderException.resolved_at - OrderException.opened_at) / 3600.0
    hours = [round(float(value), 4) for value in session.scalars(select(span).where(*resolved_in)) if value is not None]
    # Packers and products for the product problems (what went into the box), carriers for logistics.
    product_family = OrderException.family == "product"
    packers = session.execute(
        select(User.display_name, func.count(func.distinct(OrderException.id)))
        .select_from(OrderException)
        .join(PackSession, PackSession.order_id == OrderException.order_id)
        .join(User, User.id == PackSession.user_id)
        .where(*opened_in, product_family, PackSession.outcome.in_(("packed", "override")))
        .group_by(User.display_name)
    ).all()
    products = session.execute(
        select(OrderLine.sku, OrderLine.name, func.count(func.distinct(OrderException.id)))
        .select_from(OrderException)
        .join(OrderLine, OrderLine.order_id == OrderException.order_id)
        .where(*opened_in, product_family)
        .group_by(OrderLine.sku, OrderLine.name)
    ).all()
    carriers = session.execute(
        select(Order.carrier, func.count())
        .select_from(OrderException)
        .join(Order, Order.id == OrderException.order_id)
        .where(*opened_in, OrderException.family == "logistics", Order.carrier != "")
        .group_by(Order.carrier)
    ).all()
    return PeriodFigures(
        start=start,
        end=end,
        opened=sum(count for _f, _t, count in by_type),
        resolved=len(hours),
        by_type=tuple(sorted(((f, t, c) for f, t, c in by_type), key=lambda row: (-row[2], row[0], row[1]))),
        median_hours=median(hours),
        p90_hours=percentile(hours, 0.9),
        causes=_top(causes.items()),
        by_packer=_top((name, count) for name, count in packers),
        by_product=_top((f"{sku} {name}", count) for sku, name, count in products),
        by_carrier=_top((name, count) for name, count in carriers),
    )


def _top(pairs: Iterable[tuple[Any, Any]]) -> tuple[tuple[str, int], ...]:
    items = [(str(name), int(count)) for name, count in pairs]
    return tuple(sorted(items, key=lambda item: (-item[1], item[0]))[:TOP])
