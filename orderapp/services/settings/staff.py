"""The staff settings: minutes without use before a PC locks, and the stock adjustment that needs the owner."""

from __future__ import annotations

from dataclasses import dataclass

from orderapp.domain.staff import DEFAULT_BIG_ADJUSTMENT
from orderapp.errors import FieldError, ValidationFailed
from orderapp.i18n import _
from orderapp.services.staff.audit_entries import BIG_ADJUSTMENT_KEY, IDLE_LOCK_KEY
from orderapp.store import settings_store
from orderapp.store.database import Database

DEFAULT_IDLE_LOCK_MINUTES = 10


@dataclass(frozen=True)
class StaffSettings:
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES  # 0: never lock
    big_adjustment_units: int = DEFAULT_BIG_ADJUSTMENT


def load_staff_settings(database: Database) -> StaffSettings:
    with database.session() as session:
        stored = settings_store.read_values(session, [IDLE_LOCK_KEY, BIG_ADJUSTMENT_KEY])
    idle, big = stored.get(IDLE_LOCK_KEY, ""), stored.get(BIG_ADJUSTMENT_KEY, "")
    return StaffSettings(
        int(idle) if idle.isdigit() else DEFAULT_IDLE_LOCK_MINUTES,
        int(big) if big.isdigit() else DEFAULT_BIG_ADJUSTMENT,
    )


def save_staff_settings(database: Database, settings: StaffSettings, *, user_id: int) -> StaffSettings:
    errors = []
    if not 0 <= settings.idle_lock_minutes <= 24 * 60:
        errors.append(FieldError("idle_lock_minutes", _("Lock after 0 (never) to 1440 minutes without use.")))
    if not 0 <= settings.big_adjustment_units <= 1_000_000:
        errors.append(FieldError("big_adjustment_units", _("Type a number of units from 0 up.")))
    if errors:
        raise ValidationFailed(errors)
    with database.session(write=True) as session:
        settings_store.write_values(
            session,
            {IDLE_LOCK_KEY: str(settings.idle_lock_minutes), BIG_ADJUSTMENT_KEY: str(settings.big_adjustment_units)},
            user_id=user_id,
        )
        session.commit()
    return settings
