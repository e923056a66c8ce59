"""The order lifecycle: which status may follow which."""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    RECEIVED = "received"
    CONFIRMED = "confirmed"
    PICKING = "picking"
    PACKED = "packed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    COMPLETED = "completed"  # walk-in sale, handed over at the counter
    ON_HOLD = "on_hold"
    CANCELLED = "cancelled"
    RETURNED = "returned"


TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    OrderStatus.RECEIVED: frozenset(
        {OrderStatus.CONFIRMED, OrderStatus.COMPLETED, OrderStatus.ON_HOLD, OrderStatus.CANCELLED}
    ),
    OrderStatus.CONFIRMED: frozenset(
        {OrderStatus.PICKING, OrderStatus.PACKED, OrderStatus.ON_HOLD, OrderStatus.CANCELLED}
    ),
    OrderStatus.PICKING: frozenset({OrderStatus.PACKED, OrderStatus.ON_HOLD, OrderStatus.CANCELLED}),
    OrderStatus.PACKED: frozenset({OrderStatus.SHIPPED, OrderStatus.ON_HOLD, OrderStatus.CANCELLED}),
    OrderStatus.SHIPPED: frozenset({OrderStatus.DELIVERED, OrderStatus.RETURNED}),
    OrderStatus.DELIVERED: frozenset({OrderStatus.RETURNED}),
    OrderStatus.COMPLETED: frozenset({OrderStatus.RETURNED}),
    # Release from hold goes back to the status the order had before; checked by the service.
    OrderStatus.ON_HOLD: frozenset(
        {OrderStatus.RECEIVED, OrderStatus.CONFIRMED, OrderStatus.PICKING, OrderStatus.PACKED, OrderStatus.CANCELLED}
    ),
    OrderStatus.CANCELLED: frozenset(),
    OrderStatus.RETURNED: frozenset(),
}

# Orders whose work is still ahead of the shop: they can be overdue.
OPEN_STATUSES = frozenset(
    {OrderStatus.RECEIVED, OrderStatus.CONFIRMED, OrderStatus.PICKING, OrderStatus.PACKED, OrderStatus.ON_HOLD}
)
# Waiting at the packing station.
TO_PACK_STATUSES = frozenset({OrderStatus.CONFIRMED, OrderStatus.PICKING})
# Holding reserved stock.
RESERVING_STATUSES = frozenset({OrderStatus.CONFIRMED, OrderStatus.PICKING, OrderStatus.PACKED})


def can_move(current: OrderStatus, target: OrderStatus) -> bool:
    return target in TRANSITIONS[current]
