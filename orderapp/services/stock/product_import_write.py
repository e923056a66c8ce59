"""Writing an import's checked rows with bulk statements, inside the caller's write transaction
(the caller commits): products, barcodes, the search index, the audit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from orderapp.domain.gtin import code_key
from orderapp.domain.product_validation import BarcodeDraft, BarcodeKind, barcode_symbology
from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.services.staff import audit_entries as staff_audit
from orderapp.services.stock.catalogue import next_internal_codes
from orderapp.services.stock.product_import_check import CHUNK, WRITTEN, RowPlan
from orderapp.store.count_models import PRODUCT_SEARCH_TEXT
from orderapp.store.models import Product, ProductBarcode
from orderapp.store.types import utc_now

Progress = Callable[[str, int, int], None]  # (phase: "checking" | "writing", done, total)
Cancelled = Callable[[], bool]

_PRODUCT = cast(Table, Product.__table__)
_BARCODE = cast(Table, ProductBarcode.__table__)
_BULK = 1_000  # new products from which the search index is filled in one statement
EVERY = 1_000  # rows between progress reports and cancel checks (and rows per insert)


class ImportCancelled(OrderAppError):
    pass


class RowWriter:
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

    def write(self, plans: list[RowPlan]) -> None:
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
        for start in range(0, len(dropped), CHUNK):
            self.session.execute(delete(_BARCODE).where(_BARCODE.c.id.in_(dropped[start : start + CHUNK])))
        for start in range(0, len(changed), EVERY):
            batch = changed[start : start + EVERY]
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
        for start in range(0, len(new), EVERY):
            batch = new[start : start + EVERY]
            new[start : start + EVERY] = [WRITTEN] * len(batch)  # let go of each batch as it is written
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
