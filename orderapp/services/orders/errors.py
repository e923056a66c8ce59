"""What placing, editing and confirming an order refuse with: each message a sentence for the user."""

from __future__ import annotations

from collections.abc import Sequence

from orderapp.domain.edit_conflicts import FieldChange
from orderapp.domain.shortages import Shortage
from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.services.orders.views import OrderView
from orderapp.services.shop.edit_conflicts import EditConflict


class OutOfStock(OrderAppError):
    """Confirming (or selling) needs more than the stock allows, and backorders are off."""

    def __init__(self, number: str, shortages: Sequence[Shortage]) -> None:
        self.number = number
        self.shortages = tuple(shortages)
        parts = [
            _("{name} ({sku}): {available} available, {wanted} wanted").format(
                name=s.name, sku=s.sku, available=max(s.available, 0), wanted=s.wanted
            )
            for s in self.shortages
        ]
        super().__init__(
            _("Not enough stock for order {number}: {parts}. Lower the quantities or wait for stock.").format(
                number=number or _("(new)"), parts="; ".join(parts)
            )
        )


class PossibleDuplicate(OrderAppError):
    """The same customer ordered the same items a few minutes ago: ask before placing it again."""

    def __init__(self, existing_number: str, minutes_ago: int) -> None:
        self.existing_number = existing_number
        self.minutes_ago = minutes_ago
        super().__init__(
            _(
                "This customer ordered the same items {minutes} minutes ago (order {number}). "
                "Place this order as well only if they really want both."
            ).format(minutes=max(minutes_ago, 1), number=existing_number)
        )


class OrderNotEditable(OrderAppError):
    pass


class ChangedElsewhere(EditConflict):
    def __init__(self, message: str, changes: tuple[FieldChange, ...] = (), current: OrderView | None = None) -> None:
        super().__init__(message, changes, current)
