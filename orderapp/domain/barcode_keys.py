"""Which barcode rows may hold their match key, and which are in conflict (pure: no database).

Every product code is stored with its key (``orderapp.domain.gtin.code_key``), unique in the shop.
A shop that existed before the key may hold one GTIN written two ways on two products
("036000291452" on one, "0036000291452" on another). Such rows are never merged or guessed
between: none of them gets the key, and the conflict is reported so that a person decides.
The same GTIN written twice on one product is harmless: its first row keeps the key.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from orderapp.domain.gtin import code_key


@dataclass(frozen=True)
class BarcodeRow:
    id: int
    product_id: int
    code: str
    symbology: str | None


@dataclass(frozen=True)
class KeyPlan:
    keys: Mapping[int, str | None]  # row id -> the key it gets (None: left without, see ``conflicts``)
    conflicts: Mapping[str, tuple[BarcodeRow, ...]]  # key -> the rows of two or more products sharing it


def plan_match_keys(rows: Iterable[BarcodeRow], held: Mapping[str, int] | None = None) -> KeyPlan:
    """The key each row gets. ``held``: keys other rows already hold, with their product's id."""
    held = held or {}
    by_key: dict[str, list[BarcodeRow]] = {}
    for row in sorted(rows, key=lambda r: r.id):
        by_key.setdefault(code_key(row.code), []).append(row)
    keys: dict[int, str | None] = {}
    conflicts: dict[str, tuple[BarcodeRow, ...]] = {}
    for key, group in by_key.items():
        if len(group) == 1 and key not in held:  # the usual case, quickly
            keys[group[0].id] = key or None
            continue
        products = {row.product_id for row in group}
        holder = held.get(key)
        if holder is not None:
            products.add(holder)
        if len(products) > 1:
            conflicts[key] = tuple(group)
            keys.update((row.id, None) for row in group)
            continue
        keys.update((row.id, None) for row in group)
        if holder is None and key:
            keys[group[0].id] = key
    return KeyPlan(keys, conflicts)
