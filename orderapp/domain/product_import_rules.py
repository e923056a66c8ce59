"""The rules of a product import that need no database: a row's problem and preview, which file
columns feed which product field (and what is missing or doubled), and what an update changes.

The cells themselves are read by ``domain.product_csv`` and checked by ``domain.product_validation``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from orderapp.domain import product_csv
from orderapp.domain.product_validation import BarcodeKind, ProductDraft
from orderapp.i18n import _

# ProductDraft field -> CSV column, for messages.
FIELD_COLUMN = {
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
KIND_COLUMN = {
    BarcodeKind.UNIT: "barcodes",
    BarcodeKind.CASE: "case_barcodes",
    BarcodeKind.INTERNAL: "internal_barcodes",
}


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


def map_columns(
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


def changed_columns(before: ProductDraft, after: ProductDraft) -> tuple[str, ...]:
    changed = [
        column
        for field_name, column in FIELD_COLUMN.items()
        if getattr(before, field_name) != getattr(after, field_name)
    ]
    if before.active != after.active:
        changed.append("active")
    for kind, column in KIND_COLUMN.items():
        old = {(b.code, b.pack_qty) for b in before.barcodes if b.kind is kind}
        new = {(b.code, b.pack_qty) for b in after.barcodes if b.kind is kind}
        if old != new:
            changed.append(column)
    return tuple(changed)
