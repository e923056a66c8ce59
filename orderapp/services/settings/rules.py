"""The rules other capabilities keep (orders: backorders, the duplicate check; packing: typed
quantities, the queue's sort), read and changed together where the owner edits them, on the Settings screen.

Each rule stays stored and checked by its own capability (order_settings, packing_settings); this
module only gathers them and reads what the owner typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orderapp.errors import FieldError, ValidationFailed
from orderapp.i18n import _
from orderapp.services.settings.orders import (
    OrderSettings,
    load_order_settings,
    save_order_settings,
    validate_order_settings,
)
from orderapp.services.settings.packing import (
    DEFAULT_QUEUE_SORT,
    PackingSettings,
    QueueSort,
    load_packing_settings,
    save_packing_settings,
    validate_packing_settings,
)
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

_WHOLE_NUMBER = re.compile(r"[+-]?\d+")  # \d takes full-width digits too (typed with a Chinese IME)


@dataclass(frozen=True)
class ShopRules:
    allow_backorders: bool = OrderSettings.allow_backorders
    duplicate_window_minutes: int = OrderSettings.duplicate_window_minutes
    typed_qty_from: int = PackingSettings.typed_qty_from
    queue_sort: QueueSort = DEFAULT_QUEUE_SORT


@dataclass(frozen=True)
class TypedRules:
    """The rules as they stand in the form: numbers still as typed."""

    allow_backorders: bool
    duplicate_window_minutes: str
    typed_qty_from: str
    queue_sort: str = DEFAULT_QUEUE_SORT.value


def validate_rules(rules: ShopRules) -> list[FieldError]:
    return validate_order_settings(
        OrderSettings(allow_backorders=rules.allow_backorders, duplicate_window_minutes=rules.duplicate_window_minutes)
    ) + validate_packing_settings(PackingSettings(typed_qty_from=rules.typed_qty_from))


def check_typed_rules(typed: TypedRules) -> tuple[ShopRules | None, list[FieldError]]:
    """Pure: the rules ``typed`` stands for, or None with a message for each field that is wrong."""
    unreadable: list[FieldError] = []
    minutes = _whole_number(typed.duplicate_window_minutes)
    if minutes is None:
        unreadable.append(
            FieldError(
                "duplicate_window_minutes",
                _("Type the minutes as a whole number, e.g. 30 (0 turns the duplicate check off)."),
            )
        )
    typed_qty_from = _whole_number(typed.typed_qty_from)
    if typed_qty_from is None:
        unreadable.append(
            FieldError(
                "typed_qty_from", _("Type the units as a whole number, e.g. 10 (0 means every unit is scanned).")
            )
        )
    if typed.queue_sort not in set(QueueSort):
        unreadable.append(FieldError("queue_sort", _("Choose how the packing queue is sorted.")))
    # The numbers that could be read are range-checked all the same, so every problem shows at once.
    defaults = ShopRules()
    rules = ShopRules(
        typed.allow_backorders,
        defaults.duplicate_window_minutes if minutes is None else minutes,
        defaults.typed_qty_from if typed_qty_from is None else typed_qty_from,
        QueueSort(typed.queue_sort) if typed.queue_sort in set(QueueSort) else defaults.queue_sort,
    )
    errors = unreadable + validate_rules(rules)
    return (None if errors else rules), errors


def _whole_number(text: str) -> int | None:
    text = text.strip()
    if not _WHOLE_NUMBER.fullmatch(text):
        return None
    try:
        return int(text)
    except ValueError:  # thousands of digits: past what int() reads
        return None


def load_rules(database: Database) -> ShopRules:
    orders = load_order_settings(database)
    packing = load_packing_settings(database)
    return ShopRules(
        orders.allow_backorders, orders.duplicate_window_minutes, packing.typed_qty_from, packing.queue_sort
    )


def save_rules(database: Database, rules: ShopRules, *, user_id: int = DEFAULT_USER_ID) -> ShopRules:
    """Check every rule first (ValidationFailed stores nothing), then store each with its capability."""
    errors = validate_rules(rules)
    if errors:
        raise ValidationFailed(errors)
    save_order_settings(
        database,
        allow_backorders=rules.allow_backorders,
        duplicate_window_minutes=rules.duplicate_window_minutes,
        user_id=user_id,
    )
    save_packing_settings(
        database, PackingSettings(typed_qty_from=rules.typed_qty_from, queue_sort=rules.queue_sort), user_id=user_id
    )
    return load_rules(database)
