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
from typing import Any

from sqlalchemy import func, select

from orderapp.domain import product_csv
from orderapp.domain.product_validation import BarcodeKind
from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.services.stock.catalogue import PRODUCT_FIELDS, StatusFilter
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
    if path.is_dir():
        raise OrderAppError(
            _("{path} is a folder; choose a file name in it, e.g. {example}.").format(
                path=path, example=path / "products.csv"
            )
        )
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
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, UnicodeEncodeError):
            raise OrderAppError(
                _("A product holds a character that {encoding} cannot write; export as UTF-8 instead.").format(
                    encoding=encoding
                )
            ) from exc
        if isinstance(exc, OSError):
            raise OrderAppError(
                _("Cannot write {path} ({reason}); choose another file or folder.").format(
                    path=path, reason=exc.strerror or exc
                )
            ) from exc
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
                query = (
                    select(*PRODUCT_FIELDS, Product.active)
                    .where(Product.sku > after)
                    .order_by(Product.sku)
                    .limit(_BATCH)
                )
                if status is StatusFilter.ACTIVE:
                    query = query.where(Product.active.is_(True))
                elif status is StatusFilter.INACTIVE:
                    query = query.where(Product.active.is_(False))
                products = session.execute(query).all()
                if not products:
                    return
                codes: dict[int, list[tuple[str, str, int]]] = {p[0]: [] for p in products}
                for product_id, code, kind, pack in session.execute(
                    select(ProductBarcode.product_id, ProductBarcode.code, ProductBarcode.kind, ProductBarcode.pack_qty)
                    .where(ProductBarcode.product_id.in_(list(codes)))
                    .order_by(ProductBarcode.id)
                ):
                    codes[product_id].append((code, kind, pack))
                for product in products:
                    yield product_row(product, codes[product[0]], currency)
                done += len(products)
                report("writing", done, total)
                after = products[-1][1]

        count = write_csv_atomically(Path(path), product_csv.COLUMNS, rows(), encoding=encoding)
    return ExportResult(Path(path), count, encoding)


def product_row(product: Sequence[Any], barcodes: Sequence[tuple[str, str, int]], currency: str) -> list[str]:
    """One CSV row: ``product`` is (id, sku, name, category, location, unit, price, cost, reorder
    point, reorder qty, active); ``barcodes`` (code, kind, pack quantity) in the order they were added."""
    _id, sku, name, category, location, unit, price, cost, point, qty, active = product
    units = [code for code, kind, _pack in barcodes if kind == BarcodeKind.UNIT.value]
    cases = [(code, pack) for code, kind, pack in barcodes if kind == BarcodeKind.CASE.value]
    internal = [code for code, kind, _pack in barcodes if kind == BarcodeKind.INTERNAL.value]
    values = {
        "sku": sku,
        "name": name,
        "category": category,
        "location": location,
        "unit": unit,
        "price": product_csv.format_amount(price, currency),
        "cost": product_csv.format_amount(cost, currency),
        "reorder_point": str(point),
        "reorder_qty": str(qty),
        "barcodes": " ".join(units),
        "case_barcodes": " ".join(code for code, _pack in cases),
        "case_qty": " ".join(str(pack) for _code, pack in cases),
        "internal_barcodes": " ".join(internal),
        "active": product_csv.format_active(bool(active)),
    }
    return [values[column] for column in product_csv.COLUMNS]
