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
  keep working); then the rows are staged in short transactions into TEMP tables that take no lock
  on the shop (other PCs keep working), and moved into the catalogue in one short write transaction
  (all or nothing), marked as an import so that other PCs' writes meanwhile give up with a sentence
  within about 2 s rather than queue (see ``orderapp.store.db_errors``); ``lock_seconds`` says how
  long the move held the lock. ``progress(phase, done, total)`` is called as rows are
  checked (phase "checking") and written ("writing"); when ``cancelled()`` returns True the
  import stops, writes nothing and raises ``ImportCancelled``.
* New products without any barcode get an internal in-store EAN-13, as in the product form.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from orderapp.domain import product_csv
from orderapp.domain.product_import_rules import ImportProblem, PreviewRow, RowAction, map_columns
from orderapp.domain.safe_text import has_bad_characters
from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.services.stock.product_import_check import RowChecker, RowPlan
from orderapp.services.stock.product_import_file import (
    FileHeader,
    UnreadableRow,
    decode_file,
    open_stream,
    read_header,
    read_records,
)
from orderapp.services.stock.product_import_write import EVERY, Cancelled, ImportCancelled, ProductStage, Progress
from orderapp.store.database import WRITE_OPTION, Database
from orderapp.store.db_errors import import_writing

__all__ = [
    "Cancelled",
    "FileHeader",
    "ImportCancelled",
    "ImportProblem",
    "ImportResult",
    "PreviewRow",
    "Progress",
    "RowAction",
    "import_products",
    "problems_text",
    "read_header",
]


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
    lock_seconds: float = 0.0  # how long the final move held the write lock

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
    text, used_encoding, problem = decode_file(source, encoding)
    empty_result = ImportResult(used_encoding, mapping or {}, (), (), False, dry_run, valid_only)
    if text is None:
        return replace(empty_result, problems=(ImportProblem(0, "", problem),))
    delimiter = product_csv.sniff_delimiter(text.split("\n", 1)[0])
    suspect = has_bad_characters(text)
    total = max(text.count("\n") + (not text.endswith("\n")) - 1, 0)  # the rows (about, for progress)
    records = read_records(open_stream(source, text, used_encoding), delimiter)  # row by row
    del text  # the rows are read from the file again, as they are checked: never two copies of it
    try:
        first = next(records, [])
    except UnreadableRow as exc:
        return replace(empty_result, problems=(ImportProblem(exc.row, "", str(exc)),))
    if not first or not any(cell.strip() for cell in first):
        return replace(
            empty_result,
            problems=(ImportProblem(0, "", _("The file is empty; export the products to get a file to fill in.")),),
        )
    headers = [h.strip() for h in first]
    header_problems, columns, used_mapping, ignored = map_columns(headers, mapping)
    if header_problems:
        return replace(empty_result, mapping=used_mapping, problems=tuple(header_problems))
    # The whole file is read and checked first, without the write lock: other PCs keep working.
    with database.session() as session:
        checker = RowChecker(session, columns, headers, decimal_comma=delimiter == ";")
        checker.suspect = suspect
        index = -1
        try:
            for index, record in enumerate(records):
                if index % EVERY == 0:
                    if stop():
                        raise ImportCancelled(_("The import was cancelled; nothing was written."))
                    report("checking", index, total)
                checker.check_row(index + 2, record)
        except UnreadableRow as exc:
            return replace(empty_result, mapping=used_mapping, problems=(ImportProblem(exc.row, "", str(exc)),))
        total = index + 1
        checker.check_across_rows()
        report("checking", total, total)
        planned = checker.preview()
        problems = tuple(sorted(checker.problems, key=lambda p: (p.row, p.column)))
        write = not dry_run and (not problems or valid_only)
    lock_seconds = 0.0
    if write:
        plans = checker.valid_plans()
        del checker  # the rows now live in ``plans`` only, and are let go as they are written
        lock_seconds = _write_checked(database, plans, user_id, report, stop)
    return ImportResult(
        encoding=used_encoding,
        mapping=used_mapping,
        rows=planned,
        problems=problems,
        written=write,
        dry_run=dry_run,
        valid_only=valid_only,
        ignored_columns=tuple(ignored),
        lock_seconds=lock_seconds,
    )


def _write_checked(database: Database, plans: list[RowPlan], user_id: int, report: Progress, stop: Cancelled) -> float:
    """Stage the rows in short transactions (no lock on the shop), then move them into the catalogue
    in one write transaction (all or nothing). Returns how long the move held the write lock."""
    try:
        with database.engine.connect() as connection:
            try:
                stage = ProductStage(connection, user_id, report, stop)
                stage.open()
                connection.commit()
                stage.stage(plans)
                with import_writing(database, user_id=user_id):
                    connection.execution_options(**{WRITE_OPTION: True})  # the move takes the write lock
                    started = time.monotonic()
                    with connection.begin():
                        stage.move()
                    return time.monotonic() - started
            finally:
                connection.invalidate()  # the staging tables go with the connection, whatever happened
    except IntegrityError:
        raise OrderAppError(
            _(
                "Another PC changed the catalogue while the file was being checked (the same SKU or barcode "
                "was added); nothing was written. Import the file again."
            )
        ) from None


def problems_text(problems: Iterable[ImportProblem]) -> str:
    return "\n".join(str(p) for p in problems)
