"""Barcodes that name two products: one GTIN written two ways on two products in a shop made
before the one key existed (migration 0005 leaves them unkeyed and never guesses between them).

``barcode_conflicts(database) -> tuple[BarcodeConflict, ...]``: what is still in conflict, each
with a sentence for the shop (``BarcodeConflict.sentence()``). Rows whose conflict was resolved
(the code removed from one of the products) get their key back on the way. Used by
``orderapp barcode-conflicts`` and by the window, which tells the user at start.
"""

from __future__ import annotations

from dataclasses import dataclass

from orderapp.i18n import _
from orderapp.store.barcode_lookup import owners_of, settle_keys, unkeyed_rows
from orderapp.store.database import Database


@dataclass(frozen=True)
class ConflictingCode:
    code: str  # as that product has it
    product_id: int
    sku: str
    name: str


@dataclass(frozen=True)
class BarcodeConflict:
    gtin: str  # the GTIN-14 key the codes share
    codes: tuple[ConflictingCode, ...]

    def sentence(self) -> str:
        products = "; ".join(
            _("{code} on {sku} “{name}”").format(code=c.code, sku=c.sku, name=c.name) for c in self.codes
        )
        return _(
            "GTIN {gtin} is on more than one product: {products}. Scans find these only by the exact "
            "code until you remove it from the wrong product in Inventory."
        ).format(gtin=self.gtin, products=products)


def barcode_conflicts(database: Database) -> tuple[BarcodeConflict, ...]:
    with database.session() as session:
        if not unkeyed_rows(session):
            return ()
    with database.session(write=True) as session:
        plan = settle_keys(session)
        session.commit()
        products = owners_of(session, [row.product_id for rows in plan.conflicts.values() for row in rows])
    conflicts = []
    for gtin, rows in sorted(plan.conflicts.items()):
        codes = tuple(
            ConflictingCode(row.code, row.product_id, *products.get(row.product_id, ("?", "?"))) for row in rows
        )
        conflicts.append(BarcodeConflict(gtin, codes))
    return tuple(conflicts)
