"""Order exceptions of one local day, for the owner's daily summary (``daily_summary.DayFigures.exceptions``).

- opened: exceptions raised that day (their ``opened_at``).
- resolved: exceptions marked resolved that day, from their history (one resolved, reopened and
  resolved again the same day counts once).
- open at the end of the day, by severity: exceptions raised before the day ended that were not
  resolved at that moment (now, for today). Past days are worked out backward from today: an
  exception whose status changed since then is judged by the status it left at its first change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, select

from orderapp.domain.exception_rules import ExceptionStatus, Severity
from orderapp.store.exception_models import ExceptionEvent, OrderException

_RESOLVED = ExceptionStatus.RESOLVED.value
_CHUNK = 500


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
    """Exceptions opened and resolved in [start, end), and those open at ``moment`` by severity."""
    opened = conn.scalar(select(func.count()).where(OrderException.opened_at >= start, OrderException.opened_at < end))
    resolved = conn.scalar(
        select(func.count(func.distinct(ExceptionEvent.exception_id))).where(
            ExceptionEvent.kind == "status",
            ExceptionEvent.to_status == _RESOLVED,
            ExceptionEvent.at >= start,
            ExceptionEvent.at < end,
        )
    )
    open_by_severity = _open_at(conn, moment)
    return ExceptionFigures(
        opened=int(opened or 0),
        resolved=int(resolved or 0),
        open_minor=open_by_severity.get(Severity.MINOR.value, 0),
        open_moderate=open_by_severity.get(Severity.MODERATE.value, 0),
        open_severe=open_by_severity.get(Severity.SEVERE.value, 0),
    )


def _open_at(conn: Connection, moment: datetime) -> dict[str, int]:
    """Open exceptions at ``moment`` per severity: open now, corrected for the few whose status has
    changed since (the status each had then is the one its first change since left)."""
    counts: dict[str, int] = {}
    rows = conn.execute(
        select(OrderException.severity, func.count())
        .where(OrderException.is_open.is_(True), OrderException.opened_at < moment)
        .group_by(OrderException.severity)
    )
    for severity, count in rows:
        counts[str(severity)] = int(count)

    status_then: dict[int, str] = {}
    changes = conn.execute(
        select(ExceptionEvent.exception_id, ExceptionEvent.from_status)
        .where(ExceptionEvent.kind == "status", ExceptionEvent.at >= moment)
        .order_by(ExceptionEvent.at, ExceptionEvent.id)
    )
    for exception_id, from_status in changes:
        status_then.setdefault(int(exception_id), str(from_status))
    ids = sorted(status_then)
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first : first + _CHUNK]
        for exception_id, severity, is_open in conn.execute(
            select(OrderException.id, OrderException.severity, OrderException.is_open).where(
                OrderException.id.in_(chunk), OrderException.opened_at < moment
            )
        ):
            was_open = status_then[exception_id] != _RESOLVED
            counts[str(severity)] = counts.get(str(severity), 0) + int(was_open) - int(bool(is_open))
    return counts


__all__ = ["NO_EXCEPTIONS", "ExceptionFigures", "exception_figures"]
