"""Checking an import's rows against the catalogue, one by one and then across rows (SKUs and
barcodes twice in the file or owned by another product), inside a read session.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderapp.domain import product_csv
from orderapp.domain.gtin import code_key
from orderapp.domain.product_import_rules import (
    FIELD_COLUMN,
    KIND_COLUMN,
    ImportProblem,
    PreviewRow,
    RowAction,
    changed_columns,
)
from orderapp.domain.product_validation import BarcodeDraft, BarcodeKind, ProductDraft, validate_product
from orderapp.domain.safe_text import text_problem
from orderapp.i18n import _
from orderapp.services.stock.catalogue import PRODUCT_FIELDS, barcode_taken_message
from orderapp.store.barcode_lookup import key_owners
from orderapp.store.models import Product, ProductBarcode, Setting

CHUNK = 500
_KIND_ORDER = {"unit": 0, "case": 1, "internal": 2}


@dataclass(slots=True)
class ExistingProduct:
    id: int
    draft: ProductDraft
    barcode_ids: dict[str, int]


@dataclass(slots=True)
class RowPlan:
    row: int
    draft: ProductDraft
    existing: ExistingProduct | None
    ok: bool = True
    changed: tuple[str, ...] = ()
    barcode_columns: set[str] = field(default_factory=set)  # the code columns the file has


WRITTEN = RowPlan(0, ProductDraft("", ""), None, ok=False)  # stands in for a row already written


class RowChecker:
    """Checks rows one by one, then across rows (duplicate SKUs, barcodes), against the catalogue."""

    def __init__(self, session: Session, columns: dict[str, int], headers: list[str], *, decimal_comma: bool) -> None:
        self.session = session
        self.decimal_comma = decimal_comma  # semicolon files come from Excel where "1,50" is 1.50
        self.columns = columns
        self.headers = headers
        self.currency = session.scalar(select(Setting.value).where(Setting.key == "shop.currency")) or "CNY"
        self.problems: list[ImportProblem] = []
        self.plans: list[RowPlan] = []
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
            self.plans.append(RowPlan(row, ProductDraft("", ""), None, ok=False))
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
            self.plans.append(RowPlan(row, ProductDraft("", ""), None, ok=False))
            return
        self._pending.append((row, record))
        if len(self._pending) >= CHUNK:
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

    def _load_existing(self, skus: Sequence[str]) -> dict[str, ExistingProduct]:
        found: dict[str, ExistingProduct] = {}
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
            found[sku] = ExistingProduct(pid, draft, {code: bid for bid, code, _kind, _pack in rows})
        return found

    def _plan_row(self, row: int, record: list[str], sku: str, existing: ExistingProduct | None) -> RowPlan:
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
        plan = RowPlan(row, draft, existing, ok=ok, barcode_columns=self._code_columns)  # one set, shared
        if existing is not None:
            plan.changed = changed_columns(existing.draft, draft)
        return plan

    def _barcodes(
        self, row: int, record: list[str], base: ProductDraft, bad: Callable[[str, str], None]
    ) -> tuple[tuple[BarcodeDraft, ...], list[str]]:
        """The row's barcodes (kept from the catalogue for code columns the file lacks), and for
        each the column it came from."""
        result: list[BarcodeDraft] = []
        where: list[str] = []
        for kind, column in KIND_COLUMN.items():
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
        return FIELD_COLUMN.get(field_name, field_name)

    def check_across_rows(self) -> None:
        self._flush()
        self.plans.sort(key=lambda p: p.row)
        first_row: dict[str, RowPlan] = {}
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
        rows_of_code: dict[str, list[RowPlan]] = {}
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

    def _code_column(self, plan: RowPlan, code: str) -> str:
        for barcode in plan.draft.barcodes:
            if barcode.code == code:
                return KIND_COLUMN[barcode.kind]
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

    def valid_plans(self) -> list[RowPlan]:
        return [p for p in self.plans if p.ok and (p.existing is None or p.changed)]
