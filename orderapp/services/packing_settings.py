"""The shop's packing settings (keys under "packing.").

Camera choice and resolution belong to one PC, so the packing screen keeps them in that PC's own
settings; what is here applies at every station.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from orderapp.errors import FieldError, ValidationFailed
from orderapp.i18n import _
from orderapp.store import settings_store
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

TYPED_QTY_FROM_KEY = "packing.typed_qty_from"
MAX_TYPED_QTY_FROM = 100_000


@dataclass(frozen=True)
class PackingSettings:
    # A line of at least this many units may have its count typed after one unit is scanned;
    # 0 means every unit is scanned.
    typed_qty_from: int = 10


def validate_packing_settings(settings: PackingSettings) -> list[FieldError]:
    errors: list[FieldError] = []
    if not 0 <= settings.typed_qty_from <= MAX_TYPED_QTY_FROM:
        errors.append(
            FieldError(
                "typed_qty_from",
                _("Type a whole number from 0 to {most} (0 means every unit is scanned).").format(
                    most=MAX_TYPED_QTY_FROM
                ),
            )
        )
    return errors


def read_packing_settings(session: Session) -> PackingSettings:
    """The settings in force; a stored value that is not a usable number gives the default."""
    stored = settings_store.read_values(session, [TYPED_QTY_FROM_KEY])
    defaults = PackingSettings()
    typed_qty_from = defaults.typed_qty_from
    text = stored.get(TYPED_QTY_FROM_KEY, "").strip()
    if text.isdigit() and int(text) <= MAX_TYPED_QTY_FROM:
        typed_qty_from = int(text)
    return PackingSettings(typed_qty_from=typed_qty_from)


def load_packing_settings(database: Database) -> PackingSettings:
    with database.session() as session:
        return read_packing_settings(session)


def save_packing_settings(
    database: Database, settings: PackingSettings, *, user_id: int = DEFAULT_USER_ID
) -> PackingSettings:
    """Validate and store; raises ValidationFailed and stores nothing when a value is out of range."""
    errors = validate_packing_settings(settings)
    if errors:
        raise ValidationFailed(errors)
    with database.session(write=True) as session:
        settings_store.write_values(session, {TYPED_QTY_FROM_KEY: str(settings.typed_qty_from)}, user_id=user_id)
        session.commit()
    return settings
