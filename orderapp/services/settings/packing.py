"""The shop's packing settings (keys under "packing.").

Camera choice and resolution belong to one PC, so the packing screen keeps them in that PC's own
settings; what is here applies at every station.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from orderapp.errors import FieldError, ValidationFailed
from orderapp.i18n import _
from orderapp.store import settings_store
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

TYPED_QTY_FROM_KEY = "packing.typed_qty_from"
QUEUE_SORT_KEY = "packing.queue_sort"
MAX_TYPED_QTY_FROM = 100_000


class QueueSort(StrEnum):
    """How the packing queue is sorted (``services.packing_queue`` says what each means)."""

    URGENT = "urgent"
    VIP = "vip"
    DUE = "due"
    EASY = "easy"


DEFAULT_QUEUE_SORT = QueueSort.URGENT


def sort_label(sort: QueueSort | str) -> str:
    """The sort in a few words, as the packer reads it in the selector."""
    return {
        QueueSort.URGENT: _("Urgent first"),
        QueueSort.VIP: _("VIP first"),
        QueueSort.DUE: _("Due time"),
        QueueSort.EASY: _("Easy first"),
    }[QueueSort(sort)]


def sort_hint(sort: QueueSort | str) -> str:
    """What the sort puts first, in a sentence (the selector's tooltip)."""
    return {
        QueueSort.URGENT: _("Urgent orders first, then the earliest due time, then the oldest."),
        QueueSort.VIP: _("Orders of customers tagged VIP first, then as urgent first."),
        QueueSort.DUE: _("The earliest due time first (orders with none last), urgent before normal."),
        QueueSort.EASY: _("Orders of one SKU with all of it in stock first: quick to pack on a busy day."),
    }[QueueSort(sort)]


@dataclass(frozen=True)
class PackingSettings:
    # A line of at least this many units may have its count typed after one unit is scanned;
    # 0 means every unit is scanned.
    typed_qty_from: int = 10
    queue_sort: QueueSort = DEFAULT_QUEUE_SORT  # the packing queue's order on every station


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
    stored = settings_store.read_values(session, [TYPED_QTY_FROM_KEY, QUEUE_SORT_KEY])
    defaults = PackingSettings()
    typed_qty_from = defaults.typed_qty_from
    text = stored.get(TYPED_QTY_FROM_KEY, "").strip()
    if text.isdigit() and int(text) <= MAX_TYPED_QTY_FROM:
        typed_qty_from = int(text)
    sort_text = stored.get(QUEUE_SORT_KEY, "").strip()
    queue_sort = QueueSort(sort_text) if sort_text in set(QueueSort) else defaults.queue_sort
    return PackingSettings(typed_qty_from=typed_qty_from, queue_sort=queue_sort)


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
        settings_store.write_values(
            session,
            {TYPED_QTY_FROM_KEY: str(settings.typed_qty_from), QUEUE_SORT_KEY: QueueSort(settings.queue_sort).value},
            user_id=user_id,
        )
        session.commit()
    return settings


def save_queue_sort(database: Database, sort: QueueSort | str, *, user_id: int = DEFAULT_USER_ID) -> QueueSort:
    """Store the packing queue's sort alone (the packing screen's selector); raises ValidationFailed
    and stores nothing for a sort that does not exist."""
    try:
        chosen = QueueSort(sort)
    except ValueError:
        choices = ", ".join(sort.value for sort in QueueSort)
        raise ValidationFailed(
            [
                FieldError(
                    "queue_sort",
                    _("{sort!r} is not a way to sort the packing queue; choose one of {choices}.").format(
                        sort=str(sort), choices=choices
                    ),
                )
            ]
        ) from None
    with database.session(write=True) as session:
        settings_store.write_values(session, {QUEUE_SORT_KEY: chosen.value}, user_id=user_id)
        session.commit()
    return chosen
