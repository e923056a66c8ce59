"""Importing products from a CSV file: read, check every row, preview, then write all or nothing.

``import_products(database, source, *, user_id, dry_run=False, valid_only=False, mapping=None,
encoding=None, progress=None, cancelled=None) -> ImportResult``

* ``source``: a path or the file's bytes. UTF-8, UTF-8 with BOM, UTF-16 with BOM and GB18030/GBK
  are recognised (``encoding`` forces one); comma, semicolon or tab separated (in a semicolon file,
  as Excel writes it where the comma is the decimal mark, "1,50" is read as 1.50).
* ``mapping``: file header -> field (see ``orderapp.domain.product_csv.COLUMNS``; "" ignores a
  column). Without it the headers are matched by name (English or Chinese, see ``ALIASES``);
  ``read_header`` gives the headers and the suggested mapping for a column-mapping dialog.
* A row whose SKU is already in the catalogue updates that product (only the columns the file
  has); other rows add products. Each row's ``PreviewRow.action`` says new / update / unchanged /
  skipped, and ``changed`` lists the fields an update changes. Products not in the file are left
  alone.
* Every problem is an ``ImportProblem`` with its row number as a spreadsheet shows it (the header
  is row 1). When there is any problem nothing is written, unless ``valid_only`` is given: then
  the rows without problems are written and the others skipped. ``dry_run`` never writes.
* The file is read row by row and checked in a read transaction, without the write lock (other PCs
  keep working); then everything is written in one write transaction that only writes, marked as an import
  so that other PCs' writes give up with a sentence within about 2 s rather than queue (see
  ``orderapp.store.db_errors``). ``progress(phase, done, total)`` is called as rows are
  checked (phase "checking") and written ("writing"); when ``cancelled()`` returns True the
  import stops, writes nothing and raises ``ImportCancelled``.
* New products without any barcode get an internal in-store EAN-13, as in the product form.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from orderapp.domain import product_csv
from orderapp.domain.gtin import code_key
from orderapp.domain.product_validation import (
    BarcodeDraft,
    BarcodeKind,
    ProductDraft,
    barcode_symbology,
    validate_product,
)
from orderapp.domain.safe_text import cell_too_long_message, has_bad_characters, text_problem
from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.services import staff_audit
from orderapp.services.catalogue import PRODUCT_FIELDS, barcode_taken_message, next_internal_codes
from orderapp.store.barcode_lookup import key_owners
from orderapp.store.count_models import PRODUCT_SEARCH_TEXT
from orderapp.store.database import Database
from orderapp.store.db_errors import import_writing
from orderapp.store.models import Product, ProductBarcode, Setting
from orderapp.store.types import utc_now

Progress = Callable[[str, int, int], None]  # (phase: "checking" | "writing", done, total)
Cancelled = Callable[[], bool]

_PRODUCT = cast(Table, Product.__table__)
_BARCODE = cast(Table, ProductBarcode.__table__)
_CHUNK = 500
_KIND_ORDER = {"unit": 0, "case": 1, "internal": 2}
_BULK = 1_000  # new products from which the search index is filled in one statement
_EVERY = 1_000  # rows between progress reports and cancel checks (and rows per insert)

# ProductDraft field -> CSV column, for messages.
_FIELD_COLUMN = {
    "sku": "sku",
    "name": "name",
    "category": "category",
    "location": "location",
    "unit": "unit",
    "price_cents": "price",
    "cost_cents": "cost",
    "reorder_point": "reorder_point",
    "reorder_qty": "reorder_qty",
}
_KIND_COLUMN = {
    BarcodeKind.UNIT: "barcodes",
    BarcodeKind.CASE: "case_barcodes",
    BarcodeKind.INTERNAL: "internal_barcodes",
}


class ImportCancelled(OrderAppError):
    pass


class RowAction(StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"  # has a problem: not written


@dataclass(frozen=True, slots=True)
class ImportProblem:
    row: int  # as a spreadsheet numbers it: the header is row 1; 0 for the file as a whole
    column: str  # the file's column name, or "" for the whole row
    message: str

    def __str__(self) -> str:
        if self.row == 0:
            return self.message
        if self.column:
            return _("Row {row}, {column}: {message}").format(row=self.row, column=self.column, message=self.message)
        return _("Row {row}: {message}").format(row=self.row, message=self.message)


@dataclass(frozen=True, slots=True)
class PreviewRow:
    row: int
    sku: str
    name: str
    action: RowAction
    changed: tuple[str, ...] = ()  # for an update: the columns whose values change


@dataclass(frozen=True)
class ImportResult:
    encoding: str
    mapping: dict[str, str]
    rows: tuple[PreviewRow, ...]
    problems: tuple[ImportProblem, ...]
    written: bool  # True when the valid rows are now in the catalogue
    dry_run: bool
    valid_only: bool
    ignored_columns: tuple[str, ...] = ()

    def _count(self, action: RowAction) -> int:
        return sum(1 for r in self.rows if r.action is action)

    @property
    def new(self) -> int:
        return self._count(RowAction.NEW)

    @property
    def updated(self) -> int:
        return self._count(RowAction.UPDATE)

    @property
    def unchanged(self) -> int:
        return self._count(RowAction.UNCHANGED)

    @property
    def skipped(self) -> int:
        return self._count(RowAction.SKIPPED)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.written:
            lead = _("Imported: {new} new, {updated} updated, {unchanged} unchanged.")
        elif self.dry_run and not self.problems:
            lead = _("Checked, nothing written (dry run): {new} new, {updated} to update, {unchanged} unchanged.")
        else:
            lead = _("Nothing was written: {new} new, {updated} to update, {unchanged} unchanged.")
        text = lead.format(new=self.new, updated=self.updated, unchanged=self.unchanged)
        if self.problems:
            text += " " + _("{problems} problem(s); {skipped} row(s) with problems {verb}.").format(
                problems=len(self.problems),
                skipped=self.skipped,
                verb=_("were skipped") if self.written else _("must be fixed, or choose “import the valid rows only”"),
            )
        return text


@dataclass(frozen=True)
class FileHeader:
    encoding: str
    delimiter: str
    headers: tuple[str, ...]
    suggested: dict[str, str]


def read_header(source: Path | bytes, *, encoding: str | None = None) -> FileHeader:
    """The file's column headers and the mapping the import would use, for a mapping dialog."""
    text, used, _problem = _decode(source, encoding)
    if text is None:
        raise OrderAppError(_problem)
    delimiter = product_csv.sniff_delimiter(text.split("\n", 1)[0])
    first = next(csv.reader(io.StringIO(text), delimiter=delimiter), [])
    headers = tuple(h.strip() for h in first)
    return FileHeader(used, delimiter, headers, product_csv.suggest_mapping(list(headers)))


def import_products(
    database: Database,
    source: Path | bytes,
    *,
    user_id: int,
    dry_run: bool = False,
    valid_only: bool = False,
    mapping: dict[str, str] | None = None,
    encoding: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    report = progress or (lambda phase, done, total: None)
    stop = cancelled or (lambda: False)
    text, used_encoding, problem = _decode(source, encoding)
    empty_result = ImportResult(used_encoding, mapping or {}, (), (), False, dry_run, valid_only)
    if text is None:
        return replace(empty_result, problems=(ImportProblem(0, "", problem),))
    delimiter = product_csv.sniff_delimiter(text.split("\n", 1)[0])
    suspect = has_bad_characters(text)
    total = max(text.count("\n") + (not text.endswith("\n")) - 1, 0)  # the rows (about, for progress)
    records = _read_records(_stream(source, text, used_encoding), delimiter)  # row by row
    del text  # the rows are read from the file again, as they are checked: never two copies of it
    try:
        first = next(records, [])
    except _UnreadableRow as exc:
        return replace(empty_result, problems=(ImportProblem(exc.row, "", str(exc)),))
    if not first or not any(cell.strip() for cell in first):
        return replace(
            empty_result,
            problems=(ImportProblem(0, "", _("The file is empty; export the products to get a file to fill in.")),),
        )
    headers = [h.strip() for h in first]
    header_problems, columns, used_mapping, ignored = _map_columns(headers, mapping)
    if header_problems:
        return replace(empty_result, mapping=used_mapping, problems=tuple(header_problems))
    # The whole file is read and checked first, without the write lock: other PCs keep working.
    with database.session() as session:
        checker = _Checker(session, columns, headers, decimal_comma=delimiter == ";")
        checker.suspect = suspect
        index = -1
        try:
            for index, record in enumerate(records):
                if index % _EVERY == 0:
                    if stop():
                        raise ImportCancelled(_("The import was cancelled; nothing was written."))
                    report("checking", index, total)
                checker.check_row(index + 2, record)
        except _UnreadableRow as exc:
            return replace(empty_result, mapping=used_mapping, problems=(ImportProblem(exc.row, "", str(exc)),))
        total = index + 1
        checker.check_across_rows()
        report("checking", total, total)
        planned = checker.preview()
        problems = tuple(sorted(checker.problems, key=lambda p: (p.row, p.column)))
        write = not dry_run and (not problems or valid_only)
    if write:
        plans = checker.valid_plans()
        del checker  # the rows now live in ``plans`` only, and are let go as they are written
        _write_checked(database, plans, user_id, report, stop)
    return ImportResult(
        encoding=used_encoding,
        mapping=used_mapping,
        rows=planned,
        problems=problems,
        written=write,
        dry_run=dry_run,
        valid_only=valid_only,
        ignored_columns=tuple(ignored),
    )


def _write_checked(database: Database, plans: list[_Plan], user_id: int, report: Progress, stop: Cancelled) -> None:
    """One write transaction (all or nothing) holding the write lock only while writing."""
    try:
        with import_writing(database, user_id=user_id), database.session(write=True) as session:
            _Writer(session, user_id, report, stop).write(plans)
            session.commit()
    except IntegrityError:
        raise OrderAppError(
            _(
                "Another PC changed the catalogue while the file was being checked (the same SKU or barcode "
                "was added); nothing was written. Import the file again."
            )
        ) from None


class _UnreadableRow(OrderAppError):
    def __init__(self, row: int, message: str) -> None:
        super().__init__(message)
        self.row = row


def _stream(source: Path | bytes, text: str, encoding: str) -> TextIO:
    """The file's text as a stream: read again from the file or bytes (decoded as it is read), so
    that a big file is not held twice; a file that cannot be opened again is read from ``text``."""
    raw: BinaryIO
    if isinstance(source, Path):
        try:
            raw = source.open("rb")
        except OSError:
            return io.StringIO(text, newline="")
    else:
        raw = io.BytesIO(source)
    return io.TextIOWrapper(
        raw, encoding=encoding, errors="surrogatepass" if "utf" in encoding else "strict", newline=""
    )


def _read_records(stream: TextIO, delimiter: str) -> Iterator[list[str]]:
    """The file's records one by one; a cell too long for the csv module is a sentence with its row."""
    row = 0
    with stream:
        try:
            for record in csv.reader(stream, delimiter=delimiter):
                row += 1
                yield record
        except csv.Error as exc:
            if "field limit" in str(exc):
                raise _UnreadableRow(row + 1, cell_too_long_message()) from None
            raise _UnreadableRow(row + 1, _("This row is not valid CSV; check its quotes.")) from None


def _decode(source: Path | bytes, encoding: str | None) -> tuple[str | None, str, str]:
    if isinstance(source, Path):
        try:
            data = source.read_bytes()
        except OSError as exc:
            return (
                None,
                "",
                _("{path} cannot be read ({reason}); check the file name.").format(
                    path=source, reason=exc.strerror or exc
                ),
            )
    else:
        data = source
    try:
        decoded = product_csv.decode_csv_bytes(data, encoding)
    except product_csv.UnreadableFile as exc:
        return None, encoding or "", str(exc)
    return decoded.text, decoded.encoding, ""


def _map_columns(
    headers: list[str], mapping: dict[str, str] | None
) -> tuple[list[ImportProblem], dict[str, int], dict[str, str], list[str]]:
    """(problems, field -> column index, the mapping used, ignored headers)."""
    problems: list[ImportProblem] = []
    used = dict(mapping) if mapping is not None else product_csv.suggest_mapping(headers)
    columns: dict[str, int] = {}
    ignored: list[str] = []
    seen_headers: set[str] = set()
    for index, header in enumerate(headers):
        if header in seen_headers and header:
            problems.append(
                ImportProblem(1, header, _("The column “{header}” appears twice; delete one.").format(header=header))
            )
        seen_headers.add(header)
        target = used.get(header, "")
        if target and target not in product_csv.COLUMNS:
            problems.append(ImportProblem(1, header, _("“{field}” is not a product field.").format(field=target)))
            continue
        if not target:
            if header:
                ignored.append(header)
            continue
        if target in columns:
            problems.append(
                ImportProblem(
                    1,
                    header,
                    _("Two columns are both read as “{field}”; map one of them to another field.").format(field=target),
                )
            )
            continue
        columns[target] = index
    for required in product_csv.REQUIRED:
        if required not in columns:
            problems.append(
                ImportProblem(
                    1,
                    "",
                    _(
                        "The file has no “{column}” column; the first row must hold the column names, "
                        "as in an exported file (sku, name, price, ...)."
                    ).format(column=required),
                )
            )
    if "case_qty" in columns and "case_barcodes" not in columns:
        problems.append(ImportProblem(1, "case_qty", _("case_qty needs a case_barcodes column beside it.")))
    if "case_barcodes" in columns and "case_qty" not in columns:
        problems.append(
            ImportProblem(1, "case_barcodes", _("case_barcodes needs a case_qty column: how many units a case holds."))
        )
    return problems, columns, used, ignored


@dataclass(slots=True)
class _Existing:
    id: int
    draft: ProductDraft
    barcode_ids: dict[str, int]


@dataclass(slots=True)
class _Plan:
    row: int
    draft: ProductDraft
    existing: _Existing | None
    ok: bool = True
    changed: tuple[str, ...] = ()
    barcode_columns: set[str] = field(default_factory=set)  # the code columns the file has


_WRITTEN = _Plan(0, ProductDraft("", ""), None, ok=False)  # stands in for a row already written


class _Checker:
    """Checks rows one by one, then across rows (duplicate SKUs, barcodes), against the catalogue."""

    def __init__(self, session: Session, columns: dict[str, int], headers: list[str], *, decimal_comma: bool) -> None:
        self.session = session
        self.decimal_comma = decimal_comma  # semicolon files come from Excel where "1,50" is 1.50
        self.columns = columns
        self.headers = headers
        self.currency = session.scalar(select(Setting.value).where(Setting.key == "shop.currency")) or "CNY"
        self.problems: list[ImportProblem] = []
        self.plans: list[_Plan] = []
        self._pending: list[tuple[int, list[str]]] = []
        self._code_columns: set[str] = {c for c in ("barcodes", "case_barcodes", "internal_barcodes") if c in columns}
        self.suspect = False  # the file holds NUL or half characters: check each row for them

    def column_name(self, column: str) -> str:
        index = self.columns.get(column)
        return self.headers[index] if index is not None else column

    def problem(self, row: int, column: str, message: str) -> None:
        self.problems.append(ImportProblem(row, self.column_name(column) if column else "", message))

    def check_row(self, row: int, record: list[str]) -> None:
        if not any(cell.strip() for cell in record):
            return  # blank lines at the end of a spreadsheet
        bad = text_problem(record) if self.suspect else ""
        if bad:
            column = next((i for i, cell in enumerate(record) if text_problem([cell])), 0)
            header = self.headers[column] if column < len(self.headers) else ""
            self.problems.append(ImportProblem(row, header, bad))
            self.plans.append(_Plan(row, ProductDraft("", ""), None, ok=False))
            return
        if len(record) > len(self.headers) and any(cell.strip() for cell in record[len(self.headers) :]):
            self.problem(
                row,
                "",
                _(
                    "The row has {cells} cells but the header has {columns} columns; a value probably holds an "
                    "unquoted comma."
                ).format(cells=len(record), columns=len(self.headers)),
            )
            self.plans.append(_Plan(row, ProductDraft("", ""), None, ok=False))
            return
        self._pending.append((row, record))
        if len(self._pending) >= _CHUNK:
            self._flush()

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        skus = [self._cell(record, "sku") for _row, record in pending]
        existing = self._load_existing([s for s in skus if s])
        for (row, record), sku in zip(pending, skus, strict=True):
            self.plans.append(self._plan_row(row, record, sku, existing.get(sku)))

    def _cell(self, record: list[str], column: str) -> str:
        index = self.columns.get(column)
        if index is None or index >= len(record):
            return ""
        cell = record[index].strip()
        return product_csv.restore(cell) if cell[:1] == product_csv.QUOTE else cell

    def _load_existing(self, skus: Sequence[str]) -> dict[str, _Existing]:
        found: dict[str, _Existing] = {}
        if not skus:
            return found
        products = self.session.execute(
            select(*PRODUCT_FIELDS, Product.active).where(Product.sku.in_(sorted(set(skus))))
        ).all()
        codes: dict[int, list[tuple[int, str, str, int]]] = {p[0]: [] for p in products}
        if products:
            for barcode_id, product_id, code, kind, pack in self.session.execute(
                select(
                    ProductBarcode.id,
                    ProductBarcode.product_id,
                    ProductBarcode.code,
                    ProductBarcode.kind,
                    ProductBarcode.pack_qty,
                )
                .where(ProductBarcode.product_id.in_(list(codes)))
                .order_by(ProductBarcode.id)
            ):
                codes[product_id].append((barcode_id, code, kind, pack))
        for pid, sku, name, category, location, unit, price, cost, point, qty, active in products:
            rows = sorted(codes[pid], key=lambda b: (_KIND_ORDER.get(b[2], 3), b[0]))
            draft = ProductDraft(
                sku=sku,
                name=name,
                category=category,
                location=location,
                unit=unit,
                price_cents=price,
                cost_cents=cost,
                reorder_point=point,
                reorder_qty=qty,
                active=bool(active),
                barcodes=tuple(BarcodeDraft(code, BarcodeKind(kind), pack) for _bid, code, kind, pack in rows),
            )
            found[sku] = _Existing(pid, draft, {code: bid for bid, code, _kind, _pack in rows})
        return found

    def _plan_row(self, row: int, record: list[str], sku: str, existing: _Existing | None) -> _Plan:
        ok = True

        def bad(column: str, message: str) -> None:
            nonlocal ok
            ok = False
            self.problem(row, column, message)

        base = existing.draft if existing else ProductDraft(sku=sku, name="")
        values: dict[str, Any] = {"sku": sku}
        for column in ("name", "category", "location", "unit"):
            if column in self.columns:
                values[column] = self._cell(record, column).strip()
                if column != "name":  # a few values repeated on every row: one copy each
                    values[column] = sys.intern(values[column])
        if existing is None and "name" not in self.columns:
            bad("", _("{sku} is a new product and needs a name, but the file has no name column.").format(sku=sku))
        for column, target in (("price", "price_cents"), ("cost", "cost_cents")):
            if column not in self.columns:
                continue
            text = self._cell(record, column)
            if not text:
                if column == "price":
                    bad(column, _("The price is empty; type a price such as 12.50 (0 for a free item)."))
                else:
                    values[target] = 0
                continue
            comma = self.decimal_comma and "," in text and "." not in text  # Excel's "1,50" in a ";" file
            amount, message = product_csv.parse_amount(text, self.currency, decimal_comma=comma)
            if amount is None:
                bad(column, message)
            else:
                values[target] = amount
        for column in ("reorder_point", "reorder_qty"):
            if column not in self.columns:
                continue
            text = self._cell(record, column)
            number, message = product_csv.parse_count(text) if text else (0, "")
            if number is None:
                bad(column, message)
            else:
                values[column] = number
        if "active" in self.columns:
            active, message = product_csv.parse_active(self._cell(record, "active"))
            if active is None:
                bad("active", message)
            else:
                values["active"] = active
        barcodes, code_columns = self._barcodes(row, record, base, bad)
        draft = ProductDraft(
            sku=sku,
            name=values.get("name", base.name),
            category=values.get("category", base.category),
            location=values.get("location", base.location),
            unit=values.get("unit", base.unit),
            price_cents=values.get("price_cents", base.price_cents),
            cost_cents=values.get("cost_cents", base.cost_cents),
            reorder_point=values.get("reorder_point", base.reorder_point),
            reorder_qty=values.get("reorder_qty", base.reorder_qty),
            active=values.get("active", base.active),
            barcodes=barcodes,
        )
        for error in validate_product(draft):
            column, message = self._column_of(error.field, draft, code_columns), error.message
            if error.field == "sku" and not sku:
                message = _("The SKU is empty; every product needs its own SKU.")
            bad(column, message)
        plan = _Plan(row, draft, existing, ok=ok, barcode_columns=self._code_columns)  # one set, shared
        if existing is not None:
            plan.changed = _changed_columns(existing.draft, draft)
        return plan

    def _barcodes(
        self, row: int, record: list[str], base: ProductDraft, bad: Callable[[str, str], None]
    ) -> tuple[tuple[BarcodeDraft, ...], list[str]]:
        """The row's barcodes (kept from the catalogue for code columns the file lacks), and for
        each the column it came from."""
        result: list[BarcodeDraft] = []
        where: list[str] = []
        for kind, column in _KIND_COLUMN.items():
            if column not in self.columns:
                kept = [b for b in base.barcodes if b.kind is kind]
                result += kept
                where += [column] * len(kept)
                continue
            codes = product_csv.split_codes(self._cell(record, column))
            packs = [1] * len(codes)
            if kind is BarcodeKind.CASE:
                qty_text = product_csv.split_codes(self._cell(record, "case_qty"))
                parsed = [product_csv.parse_count(t) for t in qty_text]
                if any(value is None for value, _m in parsed):
                    bad("case_qty", _("“{text}” is not a whole number.").format(text=" ".join(qty_text)))
                    packs = [2] * len(codes)
                elif codes and len(parsed) == 1:
                    packs = [int(parsed[0][0] or 0)] * len(codes)
                elif len(parsed) != len(codes):
                    if codes or parsed:
                        bad(
                            "case_qty",
                            _(
                                "Give one pack quantity for each case barcode ({codes} codes, {qtys} quantities)."
                            ).format(codes=len(codes), qtys=len(parsed)),
                        )
                    packs = [2] * len(codes)
                else:
                    packs = [int(value or 0) for value, _m in parsed]
            for code, pack in zip(codes, packs, strict=True):
                result.append(BarcodeDraft(code, kind, pack))
                where.append(column)
        return tuple(result), where

    def _column_of(self, field_name: str, draft: ProductDraft, code_columns: list[str]) -> str:
        if field_name.startswith("barcodes["):
            index = int(field_name[len("barcodes[") : field_name.index("]")])
            if field_name.endswith(".pack_qty") and draft.barcodes[index].kind is BarcodeKind.CASE:
                return "case_qty"
            return code_columns[index] if index < len(code_columns) else "barcodes"
        return _FIELD_COLUMN.get(field_name, field_name)

    def check_across_rows(self) -> None:
        self._flush()
        self.plans.sort(key=lambda p: p.row)
        first_row: dict[str, _Plan] = {}
        for plan in self.plans:
            sku = plan.draft.sku
            if not sku:
                continue
            earlier = first_row.get(sku)
            if earlier is None:
                first_row[sku] = plan
                continue
            plan.ok = False
            self.problem(
                plan.row,
                "sku",
                _("SKU {sku} is also on row {other}; each SKU may appear once.").format(sku=sku, other=earlier.row),
            )
            if earlier.ok:
                earlier.ok = False
                self.problem(
                    earlier.row,
                    "sku",
                    _("SKU {sku} appears again on row {other}; keep one of the rows.").format(sku=sku, other=plan.row),
                )
        self._check_codes()

    def _check_codes(self) -> None:
        """A barcode may be on one row only, and not on a product outside the file that keeps it."""
        # By key: one GTIN written two ways (UPC-A and its EAN-13, GS1 (01)) is one code.
        rows_of_code: dict[str, list[_Plan]] = {}
        code_on: dict[tuple[int, str], str] = {}  # (row, key) -> the code as that row writes it
        for plan in self.plans:
            if not plan.draft.sku:
                continue
            for barcode in plan.draft.barcodes:
                key = code_key(barcode.code)
                rows_of_code.setdefault(key, []).append(plan)
                code_on.setdefault((plan.row, key), barcode.code)
        for key, plans in rows_of_code.items():
            if len({p.row for p in plans}) > 1:
                rows = ", ".join(str(p.row) for p in plans)
                for plan in plans:
                    plan.ok = False
                    code = code_on[(plan.row, key)]
                    self.problem(
                        plan.row,
                        self._code_column(plan, code),
                        _("Barcode {code} is on rows {rows}; a code can identify only one product.").format(
                            code=code, rows=rows
                        ),
                    )
        # Codes the catalogue gives to another product: fine only if that product's row in this
        # file lets go of it.
        in_file = {p.draft.sku: p for p in self.plans if p.draft.sku}
        owners = key_owners(self.session, rows_of_code)
        for key, owner in owners.items():
            plans = rows_of_code[key]
            if len(plans) != 1 or plans[0].draft.sku == owner.sku:
                continue
            owner_row = in_file.get(owner.sku)
            if (
                owner_row is not None
                and owner_row.ok
                and key not in {code_key(b.code) for b in owner_row.draft.barcodes}
            ):
                continue  # moved to this row from the owner's row
            plan = plans[0]
            plan.ok = False
            code = code_on[(plan.row, key)]
            self.problem(
                plan.row,
                self._code_column(plan, code),
                barcode_taken_message(code, owner.sku, owner.name, owner.code),
            )

    def _code_column(self, plan: _Plan, code: str) -> str:
        for barcode in plan.draft.barcodes:
            if barcode.code == code:
                return _KIND_COLUMN[barcode.kind]
        return "barcodes"

    def preview(self) -> tuple[PreviewRow, ...]:
        rows = []
        for plan in self.plans:
            if not plan.ok:
                action = RowAction.SKIPPED
            elif plan.existing is None:
                action = RowAction.NEW
            elif plan.changed:
                action = RowAction.UPDATE
            else:
                action = RowAction.UNCHANGED
            rows.append(PreviewRow(plan.row, plan.draft.sku, plan.draft.name, action, plan.changed))
        return tuple(rows)

    def valid_plans(self) -> list[_Plan]:
        return [p for p in self.plans if p.ok and (p.existing is None or p.changed)]


def _changed_columns(before: ProductDraft, after: ProductDraft) -> tuple[str, ...]:
    changed = [
        column
        for field_name, column in _FIELD_COLUMN.items()
        if getattr(before, field_name) != getattr(after, field_name)
    ]
    if before.active != after.active:
        changed.append("active")
    for kind, column in _KIND_COLUMN.items():
        old = {(b.code, b.pack_qty) for b in before.barcodes if b.kind is kind}
        new = {(b.code, b.pack_qty) for b in after.barcodes if b.kind is kind}
        if old != new:
            changed.append(column)
    return tuple(changed)


class _Writer:
    """Writes the checked rows with bulk statements (one transaction, the caller commits)."""

    def __init__(self, session: Session, user_id: int, report: Progress, stop: Cancelled) -> None:
        self.session = session
        self.user_id = user_id
        self.report = report
        self.stop = stop

    def _tick(self, done: int, total: int) -> None:
        if self.stop():
            raise ImportCancelled(_("The import was cancelled; nothing was written."))
        self.report("writing", done, total)

    def write(self, plans: list[_Plan]) -> None:
        now = utc_now()
        new = [p for p in plans if p.existing is None]
        changed = [p for p in plans if p.existing is not None]
        prices = [(p.draft.sku, p.existing.draft, p.draft) for p in changed if p.existing is not None]
        staff_audit.price_changes(self.session, self.user_id, prices)  # a shopkeeper's file may not change prices
        total = len(plans)
        plans.clear()  # held by ``new`` and ``changed`` only, and let go batch by batch
        # Codes leaving a product go first, so that a code moving between rows is free when added.
        dropped: list[int] = []
        for plan in changed:
            assert plan.existing is not None
            keep = {b.code for b in plan.draft.barcodes}
            dropped += [bid for code, bid in plan.existing.barcode_ids.items() if code not in keep]
        for start in range(0, len(dropped), _CHUNK):
            self.session.execute(delete(_BARCODE).where(_BARCODE.c.id.in_(dropped[start : start + _CHUNK])))
        for start in range(0, len(changed), _EVERY):
            batch = changed[start : start + _EVERY]
            self._tick(start, total)
            self.session.execute(
                update(_PRODUCT)
                .where(_PRODUCT.c.id == bindparam("p_id"))
                .values(
                    sku=bindparam("p_sku"),
                    name=bindparam("p_name"),
                    category=bindparam("p_category"),
                    location=bindparam("p_location"),
                    unit=bindparam("p_unit"),
                    price_cents=bindparam("p_price"),
                    cost_cents=bindparam("p_cost"),
                    reorder_point=bindparam("p_rp"),
                    reorder_qty=bindparam("p_rq"),
                    active=bindparam("p_active"),
                    updated_at=bindparam("p_now"),
                ),
                [
                    {
                        "p_id": p.existing.id,
                        "p_sku": p.draft.sku,
                        "p_name": p.draft.name,
                        "p_category": p.draft.category,
                        "p_location": p.draft.location,
                        "p_unit": p.draft.unit,
                        "p_price": p.draft.price_cents,
                        "p_cost": p.draft.cost_cents,
                        "p_rp": p.draft.reorder_point,
                        "p_rq": p.draft.reorder_qty,
                        "p_active": p.draft.active,
                        "p_now": now,
                    }
                    for p in batch
                    if p.existing is not None
                ],
            )
        barcode_rows: list[dict[str, Any]] = []
        updated_codes: list[dict[str, Any]] = []
        for plan in changed:
            assert plan.existing is not None
            old = {b.code: b for b in plan.existing.draft.barcodes}
            for barcode in plan.draft.barcodes:
                before = old.get(barcode.code)
                if before is None:
                    barcode_rows.append(_barcode_row(plan.existing.id, barcode))
                elif (before.kind, before.pack_qty) != (barcode.kind, barcode.pack_qty):
                    updated_codes.append(
                        {
                            "b_id": plan.existing.barcode_ids[barcode.code],
                            "b_kind": barcode.kind.value,
                            "b_pack": barcode.pack_qty,
                        }
                    )
        if updated_codes:
            self.session.execute(
                update(_BARCODE)
                .where(_BARCODE.c.id == bindparam("b_id"))
                .values(kind=bindparam("b_kind"), pack_qty=bindparam("b_pack")),
                updated_codes,
            )
        search_trigger = self._pause_search_trigger() if len(new) >= _BULK else None
        for start in range(0, len(new), _EVERY):
            batch = new[start : start + _EVERY]
            new[start : start + _EVERY] = [_WRITTEN] * len(batch)  # let go of each batch as it is written
            self._tick(len(changed) + start, total)
            self.session.execute(
                insert(_PRODUCT),
                [
                    {
                        "sku": p.draft.sku,
                        "name": p.draft.name,
                        "category": p.draft.category,
                        "location": p.draft.location,
                        "unit": p.draft.unit,
                        "price_cents": p.draft.price_cents,
                        "cost_cents": p.draft.cost_cents,
                        "reorder_point": p.draft.reorder_point,
                        "reorder_qty": p.draft.reorder_qty,
                        "on_hand": 0,
                        "reserved": 0,
                        "active": p.draft.active,
                        "created_at": now,
                        "updated_at": now,
                    }
                    for p in batch
                ],
            )
            ids = {
                sku: product_id
                for sku, product_id in self.session.execute(
                    select(_PRODUCT.c.sku, _PRODUCT.c.id).where(_PRODUCT.c.sku.in_([p.draft.sku for p in batch]))
                )
            }
            # Codes go in batch by batch (not held for the whole file); internal codes are numbered on
            # from those already written.
            if barcode_rows:
                self.session.execute(insert(_BARCODE), barcode_rows)
                barcode_rows.clear()
            internal = iter(next_internal_codes(self.session, sum(1 for p in batch if not p.draft.barcodes)))
            for plan in batch:
                codes = plan.draft.barcodes or (BarcodeDraft(next(internal), BarcodeKind.INTERNAL, 1),)
                barcode_rows += [_barcode_row(ids[plan.draft.sku], b) for b in codes]
        for start in range(0, len(barcode_rows), 5_000):
            self.session.execute(insert(_BARCODE), barcode_rows[start : start + 5_000])
        if search_trigger is not None:
            self._resume_search_trigger(*search_trigger)
        self._tick(total, total)

    def _pause_search_trigger(self) -> tuple[str, int] | None:
        """SQLite: the search index's insert trigger costs a row-by-row FTS write; for a big import it
        is dropped inside this transaction and the index is filled in one statement afterwards. The
        trigger is made again from its own stored SQL, so it cannot drift from the migration's."""
        if self.session.get_bind().dialect.name != "sqlite":
            return None
        trigger_sql = self.session.scalar(
            sql_text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'product_search_ai'")
        )
        if not trigger_sql:
            return None
        highest = self.session.scalar(select(func.coalesce(func.max(_PRODUCT.c.id), 0))) or 0
        self.session.execute(sql_text("DROP TRIGGER product_search_ai"))
        return str(trigger_sql), int(highest)

    def _resume_search_trigger(self, trigger_sql: str, highest: int) -> None:
        self.session.execute(
            sql_text(
                f"INSERT INTO product_search_fts(rowid, body) SELECT id, {PRODUCT_SEARCH_TEXT} FROM product "
                "WHERE id > :highest"
            ),
            {"highest": highest},
        )
        self.session.execute(sql_text(trigger_sql))


def _barcode_row(product_id: int, barcode: BarcodeDraft) -> dict[str, Any]:
    symbology = barcode_symbology(barcode.code)
    assert symbology is not None
    return {
        "product_id": product_id,
        "code": barcode.code,
        "symbology": symbology.value,
        "kind": barcode.kind.value,
        "pack_qty": barcode.pack_qty,
        "match_key": code_key(barcode.code),
    }


def problems_text(problems: Iterable[ImportProblem]) -> str:
    return "\n".join(str(p) for p in problems)
