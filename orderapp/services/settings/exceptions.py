"""The shop's exception settings (keys under "exceptions."): who owns new exceptions, the time limits
per step and how many wrong scans on one order raise one. A limit of 0 is off."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from orderapp.errors import FieldError, ValidationFailed
from orderapp.i18n import _
from orderapp.store import settings_store
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

PREFIX = "exceptions."
KEYS = (
    "default_owner",
    "confirm_hours",
    "pack_cutoff",
    "ship_hours",
    "delivery_days",
    "carrier_days",
    "wrong_scans",
)
MAX_HOURS = 24 * 60
MAX_DAYS = 365
MAX_WRONG_SCANS = 1000
_CUTOFF = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class ExceptionSettings:
    default_owner: str = "Owner"
    confirm_hours: int = 24  # an order is confirmed within this many hours of arriving
    pack_cutoff: str = "16:00"  # the shop's local time: what arrived before it is packed the same day
    ship_hours: int = 48  # shipped within this many hours of arriving
    delivery_days: int = 5  # delivered within this many days of shipping (any carrier not listed)
    carrier_days: tuple[tuple[str, int], ...] = field(default=())  # per carrier, e.g. ("SF Express", 2)
    wrong_scans: int = 3  # this many refused scans on one order raise an exception

    def days_for(self, carrier: str) -> int:
        wanted = carrier.strip().casefold()
        for name, days in self.carrier_days:
            if name.casefold() == wanted:
                return days
        return self.delivery_days

    @property
    def cutoff_minutes(self) -> int | None:
        found = _CUTOFF.match(self.pack_cutoff.strip())
        return int(found.group(1)) * 60 + int(found.group(2)) if found else None


def parse_carrier_days(text: str) -> tuple[tuple[tuple[str, int], ...], str]:
    """ "SF Express=2; EMS=7" -> ((name, days), ...) and "" or the sentence saying what is wrong."""
    found: list[tuple[str, int]] = []
    for part in re.split(r"[;\n；]", text):
        if not part.strip():
            continue
        name, sep, days = part.replace("＝", "=").rpartition("=")
        name, days = name.strip(), days.strip()
        if not sep or not name or not days.isdigit() or not 0 < int(days) <= MAX_DAYS:
            return (), _(
                "Write each carrier as name=days, separated by ';', e.g. SF Express=2; EMS=7 "
                "(days from 1 to {most}); “{part}” is not like that."
            ).format(most=MAX_DAYS, part=part.strip())
        found.append((name[:64], int(days)))
    return tuple(found), ""


def carrier_days_text(pairs: tuple[tuple[str, int], ...]) -> str:
    return "; ".join(f"{name}={days}" for name, days in pairs)


def validate_exception_settings(settings: ExceptionSettings) -> list[FieldError]:
    errors: list[FieldError] = []
    if not settings.default_owner.strip() or len(settings.default_owner) > 100:
        errors.append(FieldError("default_owner", _("Name the person who owns new exceptions (up to 100 characters).")))
    for name, value, most in (
        ("confirm_hours", settings.confirm_hours, MAX_HOURS),
        ("ship_hours", settings.ship_hours, MAX_HOURS),
        ("delivery_days", settings.delivery_days, MAX_DAYS),
        ("wrong_scans", settings.wrong_scans, MAX_WRONG_SCANS),
    ):
        if not 0 <= value <= most:
            errors.append(FieldError(name, _("Type a whole number from 0 (off) to {most}.").format(most=most)))
    if settings.pack_cutoff.strip() and settings.cutoff_minutes is None:
        errors.append(
            FieldError("pack_cutoff", _("Write the cut-off as hours:minutes, e.g. 16:00, or leave it empty (off)."))
        )
    return errors


def read_exception_settings(session: Session) -> ExceptionSettings:
    """The settings in force; a stored value that is not usable gives the default."""
    stored = settings_store.read_values(session, [PREFIX + key for key in KEYS])
    defaults = ExceptionSettings()

    def number(key: str, default: int, most: int) -> int:
        text = stored.get(PREFIX + key, "").strip()
        return int(text) if text.isdigit() and int(text) <= most else default

    cutoff = stored.get(PREFIX + "pack_cutoff", defaults.pack_cutoff).strip()
    carriers, problem = parse_carrier_days(stored.get(PREFIX + "carrier_days", ""))
    return ExceptionSettings(
        default_owner=stored.get(PREFIX + "default_owner", "").strip() or defaults.default_owner,
        confirm_hours=number("confirm_hours", defaults.confirm_hours, MAX_HOURS),
        pack_cutoff=cutoff if not cutoff or _CUTOFF.match(cutoff) else defaults.pack_cutoff,
        ship_hours=number("ship_hours", defaults.ship_hours, MAX_HOURS),
        delivery_days=number("delivery_days", defaults.delivery_days, MAX_DAYS),
        carrier_days=() if problem else carriers,
        wrong_scans=number("wrong_scans", defaults.wrong_scans, MAX_WRONG_SCANS),
    )


def load_exception_settings(database: Database) -> ExceptionSettings:
    with database.session() as session:
        return read_exception_settings(session)


def save_exception_settings(
    database: Database, settings: ExceptionSettings, *, user_id: int = DEFAULT_USER_ID
) -> ExceptionSettings:
    """Validate and store; raises ValidationFailed and stores nothing when a value is wrong."""
    errors = validate_exception_settings(settings)
    if errors:
        raise ValidationFailed(errors)
    values = {
        "default_owner": settings.default_owner.strip(),
        "confirm_hours": str(settings.confirm_hours),
        "pack_cutoff": settings.pack_cutoff.strip(),
        "ship_hours": str(settings.ship_hours),
        "delivery_days": str(settings.delivery_days),
        "carrier_days": carrier_days_text(settings.carrier_days),
        "wrong_scans": str(settings.wrong_scans),
    }
    with database.session(write=True) as session:
        settings_store.write_values(session, {PREFIX + key: value for key, value in values.items()}, user_id=user_id)
        session.commit()
    return settings
