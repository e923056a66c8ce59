"""Order exceptions of one local day, for the owner's daily summary (``daily_summary.DayFigures.exceptions``).

- opened: exceptions raised that day (their ``opened_at``).
- resolved: exceptions marked resolved that day, from their history (one resolved, reopened and
  resolved again the same day counts once).
- open at the end of the day, by severity: exceptions raised before the day ended that were not
  resolved at that moment (now, for today): those open now or resolved since, less those that were
  resolved then and opened again since (judged by the status their first change since left).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, and_, func, or_, select

from orderapp.domain.exception_rules import ExceptionStatus, Severity
from orderapp.store.exception_models import ExceptionEvent, OrderException

_RESOLVED = ExceptionStatus.RESOLVED.value


@dataclass(frozen=True)
class ExceptionFigures:
    opened: int = 0
    resolved: int = 0
    open_minor: int = 0
    open_moderate: int = 0
    open_severe: int = 0

    @property
    def still_open(self) -> int:
        return self.open_minor + self.open_moderate + self.open_severe


NO_EXCEPTIONS = ExceptionFigures()


def exception_figures(conn: Connection, start: datetime, end: datetime, moment: datetime) -> ExceptionFigures:
    """Exceptions opened and resolved in [start, end), and those open at ``moment`` (the day's end,
    or now for today) by severity. Counted in the database; only the day's resolutions and the
    rare reopenings since ``moment`` come back as rows."""
    opened = conn.scalar(select(func.count()).where(OrderException.opened_at >= start, OrderException.opened_at < end))
    status_change = ExceptionEvent.kind == "status"
    rows = conn.execute(
        select(
            ExceptionEvent.exception_id, ExceptionEvent.at, ExceptionEvent.from_status, ExceptionEvent.to_status
        ).where(
            status_change,
            or_(
                and_(ExceptionEvent.to_status == _RESOLVED, ExceptionEvent.at >= start, ExceptionEvent.at < end),
                and_(ExceptionEvent.from_status == _RESOLVED, ExceptionEvent.at >= moment),
            ),
        )
    ).all()
    resolved = {int(row[0]) for row in rows if row[3] == _RESOLVED and start <= row[1] < end}
    # A record without its history (written by an older version) still counts by its resolved_at.
    resolved.update(
        conn.scalars(
            select(OrderException.id).where(OrderException.resolved_at >= start, OrderException.resolved_at < end)
        )
    )

    # Open at the moment: open now, or resolved since; both raised before it.
    counts: dict[str, int] = {}
    for where in (
        OrderException.is_open.is_(True),
        and_(OrderException.is_open.is_(False), OrderException.resolved_at >= moment),
    ):
        for severity, count in conn.execute(
            select(OrderException.severity, func.count())
            .where(where, OrderException.opened_at < moment)
            .group_by(OrderException.severity)
        ):
            counts[str(severity)] = counts.get(str(severity), 0) + int(count)
    # ... less those that were resolved at the moment and opened again since: their first status
    # change since then left "resolved".
    reopened = sorted({int(row[0]) for row in rows if row[2] == _RESOLVED and row[1] >= moment})
    if reopened:
        first_left: dict[int, str] = {}
        for exception_id, from_status in conn.execute(
            select(ExceptionEvent.exception_id, ExceptionEvent.from_status)
            .where(ExceptionEvent.exception_id.in_(reopened), status_change, ExceptionEvent.at >= moment)
            .order_by(ExceptionEvent.at, ExceptionEvent.id)
        ):
            first_left.setdefault(int(exception_id), str(from_status))
        for exception_id, severity in conn.execute(
            select(OrderException.id, OrderException.severity).where(
                OrderException.id.in_(reopened), OrderException.opened_at < moment
            )
        ):
            if first_left.get(int(exception_id)) == _RESOLVED:
                counts[str(severity)] = counts.get(str(severity), 0) - 1
    return ExceptionFigures(
        opened=int(opened or 0),
        resolved=len(resolved),
        open_minor=counts.get(Severity.MINOR.value, 0),
        open_moderate=counts.get(Severity.MODERATE.value, 0),
        open_severe=counts.get(Severity.SEVERE.value, 0),
    )


__all__ = ["NO_EXCEPTIONS", "ExceptionFigures", "exception_figures"]
