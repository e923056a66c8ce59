"""The reorder list: active products at or below their reorder point, with how many to order.

``reorder_list(database, *, category=None) -> tuple[ReorderLine, ...]``: the products whose
available stock (on hand minus reserved) is at or below their reorder point, the emptiest first
(the same rule as the dashboard's "low stock" figure).
``export_reorder_list(database, path, *, encoding="utf-8-sig") -> int``: the list as CSV.

Suggested quantity: enough to bring available stock back up to reorder point + reorder quantity
(so at the reorder point exactly, the reorder quantity; below it, the shortfall as well), at least
one unit, rounded up to whole cases when the product has a case barcode.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from orderapp.domain.product_validation import BarcodeKind
from orderapp.services.stock.product_export import write_csv_atomically
from orderapp.store.database import Database
from orderapp.store.models import Product, ProductBarcode

COLUMNS = (
    "sku",
    "name",
    "category",
    "location",
    "on_hand",
    "reserved",
    "available",
    "reorder_point",
    "reorder_qty",
    "case_qty",
    "suggested_qty",
    "suggested_cases",
)


@dataclass(frozen=True)
class ReorderLine:
    product_id: int
    sku: str
    name: str
    category: str
    location: str
    on_hand: int
    reserved: int
    reorder_point: int
    reorder_qty: int
    case_qty: int  # units in the product's (first) case, 0 when it has no case barcode
    suggested_qty: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    def figures(self) -> list[str]:
        """SKU to units per case, as the list and the file show them."""
        return [
            self.sku,
            self.name,
            self.category,
            self.location,
            str(self.on_hand),
            str(self.reserved),
            str(self.available),
            str(self.reorder_point),
            str(self.reorder_qty),
            str(self.case_qty or ""),
        ]

    @property
    def suggested_cases(self) -> int:
        return self.suggested_qty // self.case_qty if self.case_qty else 0


def suggested_quantity(available: int, reorder_point: int, reorder_qty: int, case_qty: int) -> int:
    wanted = max(reorder_point + reorder_qty - available, 1)
    if case_qty > 1:
        wanted = -(-wanted // case_qty) * case_qty
    return wanted


def reorder_list(database: Database, *, category: str | None = None) -> tuple[ReorderLine, ...]:
    case_qty = (
        select(func.min(ProductBarcode.pack_qty))
        .where(ProductBarcode.product_id == Product.id, ProductBarcode.kind == BarcodeKind.CASE.value)
        .correlate(Product)
        .scalar_subquery()
    )
    available = Product.on_hand - Product.reserved
    query = (
        select(
            Product.id,
            Product.sku,
            Product.name,
            Product.category,
            Product.location,
            Product.on_hand,
            Product.reserved,
            Product.reorder_point,
            Product.reorder_qty,
            case_qty,
        )
        .where(Product.active.is_(True), available <= Product.reorder_point)
        .order_by(available - Product.reorder_point, Product.sku)
    )
    if category is not None:
        query = query.where(Product.category == category)
    with database.session() as session:
        rows = session.execute(query).all()
    return tuple(
        ReorderLine(
            product_id=r[0],
            sku=r[1],
            name=r[2],
            category=r[3],
            location=r[4],
            on_hand=r[5],
            reserved=r[6],
            reorder_point=r[7],
            reorder_qty=r[8],
            case_qty=int(r[9] or 0),
            suggested_qty=suggested_quantity(r[5] - r[6], r[7], r[8], int(r[9] or 0)),
        )
        for r in rows
    )


def export_reorder_list(database: Database, path: Path, *, encoding: str = "utf-8-sig") -> int:
    lines = reorder_list(database)
    rows = ([*line.figures(), str(line.suggested_qty), str(line.suggested_cases or "")] for line in lines)
    return write_csv_atomically(Path(path), COLUMNS, rows, encoding=encoding)
