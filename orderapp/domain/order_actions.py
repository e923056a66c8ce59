"""What may be done to an order now, and the small rules the order screens and services share.

Pure rules (no database): the status words come from ``domain.order_status``.
"""

from __future__ import annotations

from datetime import datetime

from orderapp.domain.order_status import OPEN_STATUSES, RESERVING_STATUSES, OrderStatus, can_move
from orderapp.errors import FieldError, ValidationFailed
from orderapp.i18n import _

EDITABLE = frozenset({OrderStatus.RECEIVED, OrderStatus.CONFIRMED})
REASON_LIMIT = 500


def holds_stock(status: str, held_from: str | None) -> bool:
    """Whether an order in ``status`` (on hold: the status it was held from) keeps stock reserved."""
    if status == OrderStatus.ON_HOLD:
        return held_from in RESERVING_STATUSES
    return status in RESERVING_STATUSES


def allowed_actions(status_text: str, held_from: str | None) -> frozenset[str]:
    """What may be done now: edit, confirm, pick, ship, deliver, cancel, hold, release."""
    status = OrderStatus(status_text)
    effective = OrderStatus(held_from) if status is OrderStatus.ON_HOLD and held_from else status
    actions = set()
    if effective in EDITABLE:
        actions.add("edit")
    if status is OrderStatus.RECEIVED:
        actions.add("confirm")
    if status is OrderStatus.CONFIRMED:
        actions.add("pick")
    if status is OrderStatus.PACKED:
        actions.add("ship")
    if status is OrderStatus.SHIPPED:
        actions.add("deliver")
    if can_move(status, OrderStatus.CANCELLED):
        actions.add("cancel")
    if can_move(status, OrderStatus.ON_HOLD):
        actions.add("hold")
    if status is OrderStatus.ON_HOLD:
        actions.add("release")
    return frozenset(actions)


def is_overdue(status: str, due_at: datetime | None, now: datetime) -> bool:
    return due_at is not None and due_at < now and status in OPEN_STATUSES


def required_reason(reason: str) -> str:
    """The reason for cancelling or holding, spaces folded; refused when empty or too long."""
    text = " ".join(reason.split())
    if not text:
        raise ValidationFailed([FieldError("reason", _("Enter a reason; it is kept in the order's timeline."))])
    if len(text) > REASON_LIMIT:
        raise ValidationFailed(
            [FieldError("reason", _("This can be at most {limit} characters.").format(limit=REASON_LIMIT))]
        )
    return text
