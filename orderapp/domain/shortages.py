"""Confirming an order: which units to reserve, which products fell short, and what the order then says.

Pure rules (no database): the service reads the order's lines and the ledger's figures, asks the
store to reserve each product (an atomic conditional update: that is where two PCs selling the last
unit are told apart), then hands the products that fell short back to these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple


class OrderedUnits(NamedTuple):
    """One order line as the stock rules see it."""

    product_id: int
    sku: str
    name: str
    quantity: int


class ReservationChange(NamedTuple):
    """Units to reserve (``delta`` > 0) or give back (``delta`` < 0) for one product."""

    product_id: int
    delta: int


@dataclass(frozen=True)
class Shortage:
    product_id: int
    sku: str
    name: str
    wanted: int
    available: int  # what the shelf could give this order (its own reservation included)


def units_by_product(lines: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Units per product from (product id, quantity) pairs, in product id order: every service touches
    product rows in the same order, so two PostgreSQL transactions never wait for each other in a
    circle (deadlock)."""
    units: dict[int, int] = {}
    for product_id, quantity in lines:
        units[product_id] = units.get(product_id, 0) + quantity
    return dict(sorted(units.items()))


def reservation_changes(held: Mapping[int, int], wanted: Mapping[int, int]) -> list[ReservationChange]:
    """What an edit of a confirmed order changes in its reservations, in product id order; products
    whose units stay the same are left out."""
    changes = []
    for product_id in sorted(set(held) | set(wanted)):
        delta = wanted.get(product_id, 0) - held.get(product_id, 0)
        if delta:
            changes.append(ReservationChange(product_id, delta))
    return changes


def refused(short: Sequence[int], *, allow_backorders: bool) -> bool:
    """A product that fell short refuses the whole confirmation, unless the shop takes backorders."""
    return bool(short) and not allow_backorders


def shortages(
    lines: Sequence[OrderedUnits],
    short: Sequence[int],
    *,
    available: Mapping[int, int],
    held: Mapping[int, int],
) -> list[Shortage]:
    """The products in ``short``, each with the units the order wants and what it could have had:
    the shelf's available units (``available``, absent: none) plus what the order already holds."""
    wanted = units_by_product((line.product_id, line.quantity) for line in lines)
    first: dict[int, OrderedUnits] = {}
    for line in lines:
        first.setdefault(line.product_id, line)
    return [
        Shortage(
            product_id=product_id,
            sku=first[product_id].sku,
            name=first[product_id].name,
            wanted=wanted[product_id],
            available=available.get(product_id, 0) + held.get(product_id, 0),
        )
        for product_id in short
    ]


def backordered_skus(lines: Sequence[OrderedUnits], short: Iterable[int]) -> list[str]:
    """The SKUs of the products that fell short, each once, in line order (for the timeline)."""
    wanted = set(short)
    return list(dict.fromkeys(line.sku for line in lines if line.product_id in wanted))
