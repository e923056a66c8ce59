"""Staff figures: per packer over a period, from the packing station's own records.

- orders packed: packing sessions the person finished as packed or packed without full check;
- items packed: units their scans and typed counts added (undos take theirs back);
- wrong items caught: their refused scans (not on the order, one too many, unknown, invalid);
- overrides: orders they packed without full check;
- median time per order: from opening the order to packing it, over their finished sessions.

Used by the daily summary (one day) and the staff report (any period).
"""

from __future__ import annotations

import csv
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO

from sqlalchemy import Connection, func, select

from orderapp.documents.staff_table import duration_text  # one way to write a median time
from orderapp.domain.shop_clock import shop_day_bounds
from orderapp.i18n import _
from orderapp.services.settings.shop import load_settings
from orderapp.store.database import Database
from orderapp.store.models import User
from orderapp.store.packing_models import PackScan, PackSession

COUNTED = ("accepted", "typed_qty", "undo")
WRONG = ("not_on_order", "over_scan", "unknown", "invalid")
FINISHED = ("packed", "override")


@dataclass(frozen=True)
class PackerFigures:
    user_id: int
    name: str
    orders_packed: int
    items_packed: int
    wrong_items_caught: int
    overrides: int
    median_seconds: float | None  # None: no order finished in the period


@dataclass(frozen=True)
class StaffReport:
    since: date
    until: date
    packers: tuple[PackerFigures, ...]


def packer_figures(conn: Connection, start: datetime, end: datetime) -> tuple[PackerFigures, ...]:
    """Everyone who packed or scanned between ``start`` and ``end`` (UTC), most orders first."""
    items: dict[int, int] = defaultdict(int)
    wrong: dict[int, int] = defaultdict(int)
    for user_id, outcome, units, n in conn.execute(
        select(PackScan.user_id, PackScan.outcome, func.coalesce(func.sum(PackScan.quantity), 0), func.count())
        .where(PackScan.at >= start, PackScan.at < end)
        .group_by(PackScan.user_id, PackScan.outcome)
    ):
        if outcome in COUNTED:
            items[user_id] += int(units)
        elif outcome in WRONG:
            wrong[user_id] += int(n)
    durations: dict[int, list[float]] = defaultdict(list)
    overrides: dict[int, int] = defaultdict(int)
    for user_id, ended_as, started, finished in conn.execute(
        select(PackSession.user_id, PackSession.outcome, PackSession.started_at, PackSession.finished_at).where(
            PackSession.finished_at >= start, PackSession.finished_at < end, PackSession.outcome.in_(FINISHED)
        )
    ):
        if finished is None:
            continue
        durations[user_id].append(max((finished - started).total_seconds(), 0.0))
        if ended_as == "override":
            overrides[user_id] += 1
    people = set(items) | set(wrong) | set(durations)
    names: dict[int, str] = {}
    if people:
        names = {
            row.id: row.display_name
            for row in conn.execute(select(User.id, User.display_name).where(User.id.in_(people)))
        }
    figures = [
        PackerFigures(
            user_id=user_id,
            name=names.get(user_id, f"#{user_id}"),
            orders_packed=len(durations[user_id]),
            items_packed=items[user_id],
            wrong_items_caught=wrong[user_id],
            overrides=overrides[user_id],
            median_seconds=statistics.median(durations[user_id]) if durations[user_id] else None,
        )
        for user_id in people
    ]
    return tuple(sorted(figures, key=lambda f: (-f.orders_packed, f.name)))


def staff_report(database: Database, since: date, until: date) -> StaffReport:
    """Per packer for the shop's local days ``since`` to ``until`` (both included)."""
    zone = load_settings(database, with_logo=False).timezone
    start, end = shop_day_bounds(since, zone)[0], shop_day_bounds(until, zone)[1]
    with database.engine.connect() as conn:
        return StaffReport(since, until, packer_figures(conn, start, end))


def report_header() -> list[str]:
    return [
        _("packer"),
        _("orders packed"),
        _("items packed"),
        _("wrong items caught"),
        _("overrides"),
        _("median time per order"),
    ]


def report_rows(report: StaffReport) -> list[list[str]]:
    return [
        [
            f.name,
            str(f.orders_packed),
            str(f.items_packed),
            str(f.wrong_items_caught),
            str(f.overrides),
            duration_text(f.median_seconds),
        ]
        for f in report.packers
    ]


def write_report_csv(report: StaffReport, out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(report_header())
    writer.writerows(report_rows(report))
