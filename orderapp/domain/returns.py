"""Returns and refunds as pure rules: what may come back, what it is worth, how much may be refunded.

No database here: the service loads the order's lines as ``ReturnableLine`` values, the request as
``ReturnItem`` values, and stores what ``check_return`` and ``check_refund`` allow.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from orderapp.domain.order_status import OrderStatus
from orderapp.errors import FieldError
from orderapp.i18n import _

PREFIX = "RT-"
_NUMBER = re.compile(r"(?i)\s*RT[-\s]*0*(\d{1,12})\s*")

# Orders whose items are with the customer: only these can send items back.
RETURNABLE_STATUSES = frozenset({OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED})


class Condition(StrEnum):
    RESELLABLE = "resellable"  # back on the shelf
    DAMAGED = "damaged"  # written off


class ReturnReason(StrEnum):
    NOT_WANTED = "not_wanted"
    WRONG_SIZE = "wrong_size"
    WRONG_ITEM = "wrong_item"
    DEFECTIVE = "defective"
    DAMAGED_IN_TRANSIT = "damaged_in_transit"
    NOT_AS_DESCRIBED = "not_as_described"
    RETURNED_TO_SENDER = "returned_to_sender"
    OTHER = "other"


def reason_label(reason: str) -> str:
    """The reason as a shopkeeper reads it, translated."""
    labels = {
        ReturnReason.NOT_WANTED: _("No longer wanted"),
        ReturnReason.WRONG_SIZE: _("Wrong size or colour"),
        ReturnReason.WRONG_ITEM: _("Wrong item sent"),
        ReturnReason.DEFECTIVE: _("Defective or poor quality"),
        ReturnReason.DAMAGED_IN_TRANSIT: _("Damaged in transit"),
        ReturnReason.NOT_AS_DESCRIBED: _("Not as described"),
        ReturnReason.RETURNED_TO_SENDER: _("Returned to sender"),
        ReturnReason.OTHER: _("Other"),
    }
    try:
        return labels[ReturnReason(reason)]
    except ValueError:
        return reason


def condition_label(condition: str) -> str:
    return {Condition.RESELLABLE.value: _("Resellable"), Condition.DAMAGED.value: _("Damaged")}.get(
        condition, condition
    )


def return_number(return_id: int) -> str:
    """ "RT-000042": short, unique and Code 128 safe like the order numbers."""
    if return_id < 1:
        raise ValueError(f"return ids start at 1, got {return_id}")
    return f"{PREFIX}{return_id:06d}"


def return_id_from_number(text: str) -> int | None:
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    return int(match.group(1)) or None


@dataclass(frozen=True)
class ReturnableLine:
    """One order line as a return sees it."""

    order_line_id: int
    product_id: int
    sku: str
    name: str
    sold: int  # units on the line (all shipped: only shipped orders take returns)
    returned: int  # units already returned on earlier returns
    unit_price_cents: int
    discount_cents: int  # the line's discount, spread over its units

    @property
    def returnable(self) -> int:
        return max(0, self.sold - self.returned)

    def value_of(self, quantity: int) -> int:
        """What ``quantity`` units were sold for: price less their share of the line discount.

        Shares are taken so that returning every unit, in any number of returns, adds up to exactly
        the line's total."""
        return _share(self, self.returned + quantity) - _share(self, self.returned)


def _share(line: ReturnableLine, units: int) -> int:
    if line.sold <= 0:
        return 0
    total = line.sold * line.unit_price_cents - line.discount_cents
    return total * units // line.sold


@dataclass(frozen=True)
class ReturnItem:
    """What comes back of one order line: how many units, in what condition."""

    order_line_id: int
    quantity: int
    condition: str = Condition.RESELLABLE.value


def check_return(
    number: str, status: str, lines: Sequence[ReturnableLine], items: Sequence[ReturnItem], reason: str
) -> list[FieldError]:
    """Everything wrong with a return request, as sentences (empty: it may be recorded)."""
    errors: list[FieldError] = []
    if status == OrderStatus.RETURNED:
        errors.append(
            FieldError("order", _("Every item of order {number} has already come back.").format(number=number))
        )
        return errors
    if status not in RETURNABLE_STATUSES:
        errors.append(
            FieldError(
                "order",
                _("Order {number} has not been shipped or handed over, so nothing can be returned from it.").format(
                    number=number
                ),
            )
        )
        return errors
    if reason not in ReturnReason.__members__.values():
        errors.append(FieldError("reason", _("Choose why the items come back.")))
    by_id = {line.order_line_id: line for line in lines}
    wanted: dict[int, int] = {}
    for index, item in enumerate(items):
        field = f"items[{index}]"
        line = by_id.get(item.order_line_id)
        if line is None:
            errors.append(FieldError(field, _("This item is not on order {number}.").format(number=number)))
            continue
        if isinstance(item.quantity, bool) or not isinstance(item.quantity, int) or item.quantity < 1:
            errors.append(
                FieldError(field, _("Enter how many units of {sku} come back (1 or more).").format(sku=line.sku))
            )
            continue
        if item.condition not in (Condition.RESELLABLE.value, Condition.DAMAGED.value):
            errors.append(FieldError(field, _("Choose whether {sku} is resellable or damaged.").format(sku=line.sku)))
            continue
        wanted[line.order_line_id] = wanted.get(line.order_line_id, 0) + item.quantity
    for line_id, quantity in wanted.items():
        line = by_id[line_id]
        if quantity > line.returnable:
            errors.append(
                FieldError(
                    f"line[{line_id}]",
                    _(
                        "Only {left} of {sku} can come back: {sold} were shipped and {returned} already returned."
                    ).format(left=line.returnable, sku=line.sku, sold=line.sold, returned=line.returned),
                )
            )
    if not items and not errors:
        errors.append(FieldError("items", _("Choose at least one item that comes back.")))
    return errors


def check_refund(
    number: str, amount_cents: int, paid_cents: int, refunded_cents: int, money: Callable[[int], str]
) -> str:
    """Why this refund cannot be recorded ("" when it can); ``money`` writes an amount for people."""
    if isinstance(amount_cents, bool) or not isinstance(amount_cents, int) or amount_cents < 1:
        return _("Enter the amount to refund, more than zero.")
    if paid_cents <= 0:
        return _("Nothing was paid for order {number}, so there is nothing to refund.").format(number=number)
    left = max(0, paid_cents - refunded_cents)
    if amount_cents > left:
        return _(
            "At most {left} can be refunded for order {number}: {paid} was paid and {refunded} already refunded."
        ).format(left=money(left), number=number, paid=money(paid_cents), refunded=money(refunded_cents))
    return ""


def items_by_sku(
    number: str, lines: Sequence[ReturnableLine], wanted: Sequence[tuple[str, int, str]]
) -> tuple[list[ReturnItem], list[FieldError]]:
    """(SKU, units, condition) as typed on the command line -> items of the order's lines. A SKU on
    several lines fills them in line order; a SKU not on the order is an error."""
    items: list[ReturnItem] = []
    errors: list[FieldError] = []
    used: dict[int, int] = {}
    for index, (sku, quantity, condition) in enumerate(wanted):
        matching = [line for line in lines if line.sku.casefold() == sku.strip().casefold()]
        if not matching:
            errors.append(
                FieldError(f"items[{index}]", _("{sku} is not on order {number}.").format(sku=sku, number=number))
            )
            continue
        left = quantity
        for line in matching:
            free = line.returnable - used.get(line.order_line_id, 0)
            take = min(free, left) if line is not matching[-1] else left
            if take <= 0:
                continue
            items.append(ReturnItem(line.order_line_id, take, condition))
            used[line.order_line_id] = used.get(line.order_line_id, 0) + take
            left -= take
            if left == 0:
                break
    return items, errors


def place_scanned_units(
    lines: Sequence[ReturnableLine], counted: dict[int, int], product_id: int, units: int, label: str
) -> tuple[int | None, str]:
    """Where a scanned item goes: the first line of its product with room left (``counted`` is what
    this return already holds per line). (line id, "") or (None, the sentence saying why not)."""
    mine = [line for line in lines if line.product_id == product_id]
    if not mine:
        return None, _("{item} is not on this order; put it aside and check the parcel.").format(item=label)
    for line in mine:
        if counted.get(line.order_line_id, 0) + units <= line.returnable:
            return line.order_line_id, ""
    left = sum(line.returnable for line in mine)
    return None, _("{item}: all {left} units that can come back are already counted.").format(item=label, left=left)
