from __future__ import annotations

from itertools import pairwise

from orderapp.domain.order_status import TRANSITIONS, OrderStatus, can_move


def test_every_status_has_its_transitions() -> None:
    assert set(TRANSITIONS) == set(OrderStatus)


def test_the_main_path_is_allowed() -> None:
    path = [
        OrderStatus.RECEIVED,
        OrderStatus.CONFIRMED,
        OrderStatus.PICKING,
        OrderStatus.PACKED,
        OrderStatus.SHIPPED,
        OrderStatus.DELIVERED,
    ]
    assert all(can_move(a, b) for a, b in pairwise(path))


def test_shipped_orders_cannot_be_cancelled_and_cancelled_ones_are_final() -> None:
    assert not can_move(OrderStatus.SHIPPED, OrderStatus.CANCELLED)
    assert not any(can_move(OrderStatus.CANCELLED, s) for s in OrderStatus)
