"""Exporting the catalogue to CSV, in exactly the format the import reads (``domain.product_csv``).

``export_products(database, path, *, encoding="utf-8-sig", status=StatusFilter.ALL, progress=None,
cancelled=None) -> ExportResult``

The header is the import template; every product (inactive ones too, marked ``active = no``) is one
row, in SKU order; cells a spreadsheet would run as formulas are neutralised. The default encoding
is UTF-8 with a BOM, which Excel opens with Chinese intact; "gb18030" suits older Excel on a
Chinese Windows. The file appears only when it is complete (written aside, then renamed), so a
cancelled or failed export leaves no half file behind.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from orderapp.domain import product_csv
from orderapp.domain.product_validation import BarcodeKind
from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.services.catalogue import StatusFilter
from orderapp.store.database import Database
from orderapp.store.models import Product, ProductBarcode, Setting

Progress = Callable[[str, int, int], None]
Cancelled = Callable[[], bool]
_BATCH = 5_000


class ExportCancelled(OrderAppError):
    pass


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    encoding: str


def write_csv_atomically(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    encoding: str,
) -> int:
    """Write ``header`` and ``rows`` (each cell neutralised) to ``path`` via a temporary file."""
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".orderapp-", suffix=".csv", dir=path.parent or Path("."))
    except OSError as exc:
        raise OrderAppError(
            _("Cannot write in {folder} ({reason}); choose another folder.").format(
                folder=path.parent, reason=exc.strerror or exc
            )
        ) from exc
    count = 0
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as stream:
            writer = csv.writer(stream, lineterminator="\r\n")
            writer.writerow([product_csv.neutralise(cell) for cell in header])
            for row in rows:
                writer.writerow([product_csv.neutralise(cell) for cell in row])
                count += 1
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def export_products(
    database: Database,
    path: Path,
    *,
    encoding: str = "utf-8-sig",
    status: StatusFilter = StatusFilter.ALL,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    report = progress or (lambda phase, done, total: None)
    stop = cancelled or (lambda: False)
    with database.session() as session:
        currency = session.scalar(select(Setting.value).where(Setting.key == "shop.currency")) or "CNY"
        total = int(session.scalar(select(func.count()).select_from(Product)) or 0)

        def rows() -> Iterable[list[str]]:
            after = ""
            done = 0
            while True:
                if stop():
                    raise ExportCancelled(_("The export was cancelled; no file was written."))
                query = select(Product).where(Product.sku > after).order_by(Product.sku).limit(_BATCH)
                if status is StatusFilter.ACTIVE:
                    query = query.where(Product.active.is_(True))
                elif status is StatusFilter.INACTIVE:
                    query = query.where(Product.active.is_(False))
                products = session.scalars(query).all()
                if not products:
                    return
                codes: dict[int, list[ProductBarcode]] = {p.id: [] for p in products}
                for barcode in session.scalars(
                    select(ProductBarcode).where(ProductBarcode.product_id.in_(list(codes))).order_by(ProductBarcode.id)
                ):
                    codes[barcode.product_id].append(barcode)
                for product in products:
                    yield product_row(product, codes[product.id], currency)
                done += len(products)
                report("writing", done, total)
                after = products[-1].sku
                session.expunge_all()

        count = write_csv_atomically(Path(path), product_csv.COLUMNS, rows(), encoding=encoding)
    return ExportResult(Path(path), count, encoding)


def product_row(product: Product, barcodes: Sequence[ProductBarcode], currency: str) -> list[str]:
    def codes(kind: BarcodeKind) -> list[ProductBarcode]:
        return [b for b in barcodes if b.kind == kind.value]

    cases = codes(BarcodeKind.CASE)
    values = {
        "sku": product.sku,
        "name": product.name,
        "category": product.category,
        "location": product.location,
        "unit": product.unit,
        "price": product_csv.format_amount(product.price_cents, currency),
        "cost": product_csv.format_amount(product.cost_cents, currency),
        "reorder_point": str(product.reorder_point),
        "reorder_qty": str(product.reorder_qty),
        "barcodes": " ".join(b.code for b in codes(BarcodeKind.UNIT)),
        "case_barcodes": " ".join(b.code for b in cases),
        "case_qty": " ".join(str(b.pack_qty) for b in cases),
        "internal_barcodes": " ".join(b.code for b in codes(BarcodeKind.INTERNAL)),
        "active": product_csv.format_active(product.active),
    }
    return [values[column] for column in product_csv.COLUMNS]
