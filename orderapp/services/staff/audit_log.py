"""Reading the audit log: filtered, newest first, in the shop's time; and writing it as CSV.

The log itself is written by the services that change something sensitive (see staff_audit and
store.staff_store.append_audit); nothing here changes or deletes a row.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO

from sqlalchemy import or_, select

from orderapp.domain.shop_clock import local, shop_day_bounds
from orderapp.i18n import _
from orderapp.services.settings.shop import shop_timezone
from orderapp.store.database import Database
from orderapp.store.models import User
from orderapp.store.staff_models import AuditEntry

MAX_ROWS = 100_000


def action_labels() -> dict[str, str]:
    return {
        "settings": _("Settings changed"),
        "price": _("Price changed"),
        "stock_adjust": _("Large stock adjustment"),
        "post_count": _("Count posted"),
        "cancel": _("Order cancelled"),
        "pack_override": _("Packed without full scan"),
        "restore": _("Restored"),
        "refund": _("Refund"),
        "user_add": _("User added"),
        "user_role": _("Role changed"),
        "user_pin": _("PIN changed"),
        "user_remove": _("User removed"),
        "user_restore": _("User restored"),
        "owner_approval": _("Owner approved"),
    }


def action_label(action: str) -> str:
    return action_labels().get(action, action)


@dataclass(frozen=True)
class AuditFilter:
    since: date | None = None  # the shop's local days, inclusive
    until: date | None = None
    user_id: int | None = None
    action: str = ""
    text: str = ""  # in the object, before or after


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime  # in the shop's time zone
    user: str
    station: str
    action: str
    object: str
    before: str
    after: str

    @property
    def action_label(self) -> str:
        return action_label(self.action)


def audit_entries(
    database: Database, wanted: AuditFilter = AuditFilter(), *, limit: int = MAX_ROWS
) -> tuple[AuditRow, ...]:
    with database.session() as session:
        zone = shop_timezone(session)
        query = select(AuditEntry, User.display_name).join(User, User.id == AuditEntry.user_id)
        if wanted.since is not None:
            query = query.where(AuditEntry.at >= shop_day_bounds(wanted.since, zone)[0])
        if wanted.until is not None:
            query = query.where(AuditEntry.at < shop_day_bounds(wanted.until, zone)[1])
        if wanted.user_id is not None:
            query = query.where(AuditEntry.user_id == wanted.user_id)
        if wanted.action:
            query = query.where(AuditEntry.action == wanted.action)
        if wanted.text.strip():
            pattern = f"%{wanted.text.strip()}%"
            query = query.where(
                or_(AuditEntry.object.ilike(pattern), AuditEntry.before.ilike(pattern), AuditEntry.after.ilike(pattern))
            )
        rows = session.execute(query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)).all()
        return tuple(
            AuditRow(e.id, local(e.at, zone), name, e.station, e.action, e.object, e.before, e.after)
            for e, name in rows
        )


def csv_header() -> list[str]:
    return [_("time"), _("user"), _("station"), _("action"), _("object"), _("before"), _("after")]


def write_audit_csv(rows: Iterable[AuditRow], out: IO[str]) -> int:
    writer = csv.writer(out)
    writer.writerow(csv_header())
    n = 0
    for row in rows:
        writer.writerow(
            [row.at.strftime("%Y-%m-%d %H:%M:%S"), row.user, row.station, row.action, row.object, row.before, row.after]
        )
        n += 1
    return n


def export_audit_csv(database: Database, wanted: AuditFilter, path: Path) -> int:
    """The filtered log as a CSV file that opens in Excel with Chinese intact (UTF-8 with BOM)."""
    rows = audit_entries(database, wanted)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        return write_audit_csv(rows, out)
