"""Writing an import's checked rows without locking the other PCs out: the products, barcodes and
codes to drop are first written, a thousand rows at a time, into staging tables (TEMP tables on the
import's own connection, in short transactions that take no lock on the shop), then moved into the
catalogue in ONE short write transaction (``ProductStage.move``: price audit, dropped codes,
updates, new products, their codes, the search index), all or nothing. The staging tables go with
the connection, so a failure, a stop or a kill leaves nothing behind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Column, Connection, Integer, MetaData, Table, bindparam, delete, func, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from orderapp.domain.gtin import Symbology, code_key
from orderapp.domain.product_validation import (
    BarcodeDraft,
    BarcodeKind,
    barcode_symbology,
    internal_code,
    internal_number,
)
from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.services.staff import audit_entries as staff_audit
from orderapp.services.stock.catalogue import next_internal_codes
from orderapp.services.stock.product_import_check import WRITTEN, RowPlan
from orderapp.store.count_models import PRODUCT_SEARCH_TEXT
from orderapp.store.models import Product, ProductBarcode
from orderapp.store.staging import PREFIX, drop_tables, insert_rows, stage_table
from orderapp.store.types import utc_now

Progress = Callable[[str, int, int], None]  # (phase: "checking" | "writing", done, total)
Cancelled = Callable[[], bool]

_PRODUCT = cast(Table, Product.__table__)
_BARCODE = cast(Table, ProductBarcode.__table__)
_BULK = 1_000  # new products from which the search index is filled in one statement
EVERY = 1_000  # rows between progress reports and cancel checks (and rows per staging transaction)
_UPDATED = (  # what an update changes
    *("sku", "name", "category", "location", "unit", "price_cents", "cost_cents", "reorder_point"),
    *("reorder_qty", "active", "updated_at"),
)
# SQLite page cache of the import's connection for the move (0: SQLite's default). A 50 MB file
# peaks at 395 MB while it is checked; a 32 MB cache made the move 53 -> 20 s but the peak 430 MB.
MOVE_CACHE_KB = 0


class ImportCancelled(OrderAppError):
    pass


class ProductStage:
    """Stages the checked rows on ``connection`` (a transaction per ``EVERY`` rows), then ``move``
    puts them in the catalogue inside the caller's write transaction."""

    def __init__(self, connection: Connection, user_id: int, report: Progress, stop: Cancelled) -> None:
        self.connection = connection
        self.user_id = user_id
        self.report = report
        self.stop = stop
        self.prices: list[tuple[str, Any, Any]] = []  # (sku, before, after) for the audit
        self.new_count = 0
        self._internal = 0  # internal codes staged (numbered 1.. in ``internal_seq``)
        self._highest_internal = 0  # the shop's highest internal code number when staging began
        self._staged = 0  # staged rows so far: their order at the move
        metadata = MetaData()
        self.products = stage_table(
            metadata,
            _PRODUCT,
            Column("existing_id", Integer),  # the product an update changes; NULL: new
        )
        self.barcodes = stage_table(
            metadata,
            _BARCODE,
            Column("sku", _PRODUCT.c.sku.type),  # a new product's code: found by its SKU at the move
            Column("existing_id", Integer),  # a code whose kind or pack size changes; NULL: a new code
            Column("internal_seq", Integer),  # a generated internal code: renumbered if others were made
        )
        self.dropped = Table(PREFIX + "dropped", metadata, Column("id", Integer), prefixes=["TEMPORARY"])
        self.metadata = metadata

    def open(self) -> None:
        if self.connection.dialect.name == "sqlite" and MOVE_CACHE_KB:
            # The move writes every index of the catalogue at once: a cache that holds them keeps it
            # from spilling pages to the journal again and again (the connection is closed afterwards).
            self.connection.exec_driver_sql(f"PRAGMA cache_size = -{MOVE_CACHE_KB}")
        self._highest_internal = self._highest_internal_number()
        self.drop()  # a pooled connection may hold the tables of an import that failed to drop them
        self.metadata.create_all(self.connection, checkfirst=False)

    def _highest_internal_number(self) -> int:
        with Session(bind=self.connection) as session:
            number = internal_number(next_internal_codes(session, 1)[0])
        assert number is not None
        return number - 1

    def _next_id(self) -> int:
        self._staged += 1
        return self._staged

    def drop(self) -> None:
        drop_tables(self.connection, self.metadata)

    def _tick(self, done: int, total: int) -> None:
        if self.stop():
            raise ImportCancelled(_("The import was cancelled; nothing was written."))
        self.report("writing", done, total)

    def stage(self, plans: list[RowPlan]) -> None:
        """Every row into the staging tables, committing every ``EVERY`` rows; the plans are let go
        as they are staged."""
        now = utc_now()
        total = len(plans)
        self.prices = [(p.draft.sku, p.existing.draft, p.draft) for p in plans if p.existing is not None]
        for start in range(0, total, EVERY):
            self._tick(start, total)
            batch = plans[start : start + EVERY]
            plans[start : start + EVERY] = [WRITTEN] * len(batch)  # let go of each batch as it is staged
            self._stage_batch(batch, now)
            self.connection.commit()
        self._tick(total, total)

    def _stage_batch(self, batch: list[RowPlan], now: Any) -> None:
        products: list[dict[str, Any]] = []
        barcodes: list[dict[str, Any]] = []
        dropped: list[dict[str, Any]] = []
        internal = 0
        for plan in batch:
            draft, existing = plan.draft, plan.existing
            products.append(
                {
                    "sku": draft.sku,
                    "name": draft.name,
                    "category": draft.category,
                    "location": draft.location,
                    "unit": draft.unit,
                    "price_cents": draft.price_cents,
                    "cost_cents": draft.cost_cents,
                    "reorder_point": draft.reorder_point,
                    "reorder_qty": draft.reorder_qty,
                    "on_hand": 0,
                    "reserved": 0,
                    "active": draft.active,
                    "created_at": now,
                    "updated_at": now,
                    "existing_id": existing.id if existing is not None else None,
                }
            )
            if existing is None:
                self.new_count += 1
                if not draft.barcodes:
                    internal += 1
                    barcodes.append(_barcode_row(None, draft.sku, None, internal_seq=self._internal + internal))
                for barcode in draft.barcodes:
                    barcodes.append(_barcode_row(None, draft.sku, barcode))
                continue
            # Codes leaving a product go first at the move, so that a code moving between rows is free.
            keep = {b.code for b in draft.barcodes}
            dropped += [{"id": bid} for code, bid in existing.barcode_ids.items() if code not in keep]
            old = {b.code: b for b in existing.draft.barcodes}
            for barcode in draft.barcodes:
                before = old.get(barcode.code)
                if before is None:
                    barcodes.append(_barcode_row(existing.id, draft.sku, barcode))
                elif (before.kind, before.pack_qty) != (barcode.kind, barcode.pack_qty):
                    row = _barcode_row(existing.id, draft.sku, barcode)
                    row["existing_id"] = existing.barcode_ids[barcode.code]
                    barcodes.append(row)
        if internal:  # numbered on from those in the shop when staging began; checked again at the move
            for row in barcodes:
                if row["internal_seq"] is not None:
                    row["code"] = internal_code(self._highest_internal + row["internal_seq"])
                    row["match_key"] = code_key(row["code"])
            self._internal += internal
        for row in (*products, *barcodes):
            row["id"] = self._next_id()
        insert_rows(self.connection, self.products, products)
        insert_rows(self.connection, self.barcodes, barcodes)
        insert_rows(self.connection, self.dropped, dropped)

    def move(self) -> None:
        """Inside the caller's write transaction (the caller commits)."""
        connection = self.connection
        with Session(bind=connection) as session:  # joins the caller's transaction
            staff_audit.price_changes(session, self.user_id, self.prices)  # a shopkeeper's file may not change prices
            session.flush()
            if self._internal:
                self._renumber_internal(session)
        stage, codes = self.products, self.barcodes
        connection.execute(delete(_BARCODE).where(_BARCODE.c.id.in_(select(self.dropped.c.id))))
        connection.execute(
            update(_PRODUCT)
            .where(_PRODUCT.c.id == stage.c.existing_id)
            .values({name: stage.c[name] for name in _UPDATED})
        )
        connection.execute(
            update(_BARCODE)
            .where(_BARCODE.c.id == codes.c.existing_id)
            .values(kind=codes.c.kind, pack_qty=codes.c.pack_qty)
        )
        search_trigger = self._pause_search_trigger() if self.new_count >= _BULK else None
        names = [c.name for c in _PRODUCT.c if c.name != "id"]
        connection.execute(
            _PRODUCT.insert().from_select(
                names, select(*(stage.c[n] for n in names)).where(stage.c.existing_id.is_(None)).order_by(stage.c.id)
            )
        )
        product_id = func.coalesce(codes.c.product_id, _PRODUCT.c.id)
        moved = ["product_id", "code", "symbology", "kind", "pack_qty", "match_key"]
        connection.execute(
            _BARCODE.insert().from_select(
                moved,
                select(product_id, *(codes.c[n] for n in moved[1:]))
                .select_from(codes.outerjoin(_PRODUCT, (_PRODUCT.c.sku == codes.c.sku) & codes.c.product_id.is_(None)))
                .where(codes.c.existing_id.is_(None))
                .order_by(codes.c.id),
            )
        )
        if search_trigger is not None:
            self._resume_search_trigger(*search_trigger)

    def _renumber_internal(self, session: Session) -> None:
        """Another PC made internal codes while this import was staged: number this import's on from
        theirs (rare, so row by row is fine)."""
        highest = internal_number(next_internal_codes(session, 1)[0])
        assert highest is not None
        if highest - 1 == self._highest_internal:
            return
        self.connection.execute(
            update(self.barcodes)
            .where(self.barcodes.c.internal_seq == bindparam("seq"))
            .values(code=bindparam("new_code"), match_key=bindparam("new_key")),
            [
                {"seq": i, "new_code": code, "new_key": code_key(code)}
                for i, code in ((i, internal_code(highest - 1 + i)) for i in range(1, self._internal + 1))
            ],
        )

    def _pause_search_trigger(self) -> tuple[str, int] | None:
        """SQLite: the search index's insert trigger costs a row-by-row FTS write; for a big import it
        is dropped inside this transaction and the index is filled in one statement afterwards. The
        trigger is made again from its own stored SQL, so it cannot drift from the migration's."""
        if self.connection.dialect.name != "sqlite":
            return None
        trigger_sql = self.connection.scalar(
            sql_text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'product_search_ai'")
        )
        if not trigger_sql:
            return None
        highest = self.connection.scalar(select(func.coalesce(func.max(_PRODUCT.c.id), 0))) or 0
        self.connection.execute(sql_text("DROP TRIGGER product_search_ai"))
        return str(trigger_sql), int(highest)

    def _resume_search_trigger(self, trigger_sql: str, highest: int) -> None:
        self.connection.execute(
            sql_text(
                f"INSERT INTO product_search_fts(rowid, body) SELECT id, {PRODUCT_SEARCH_TEXT} FROM product "
                "WHERE id > :highest"
            ),
            {"highest": highest},
        )
        self.connection.execute(sql_text(trigger_sql))


def _barcode_row(
    product_id: int | None, sku: str, barcode: BarcodeDraft | None, *, internal_seq: int | None = None
) -> dict[str, Any]:
    """A staged code; ``barcode`` None: a generated internal code, numbered when the batch is staged."""
    if barcode is None:
        kind, code, symbology, pack_qty = BarcodeKind.INTERNAL.value, "", Symbology.EAN13.value, 1
    else:
        found = barcode_symbology(barcode.code)
        assert found is not None
        kind, code, symbology, pack_qty = barcode.kind.value, barcode.code, found.value, barcode.pack_qty
    return {
        "product_id": product_id,
        "sku": sku,
        "code": code,
        "symbology": symbology,
        "kind": kind,
        "pack_qty": pack_qty,
        "match_key": code_key(code) if code else None,
        "existing_id": None,
        "internal_seq": internal_seq,
    }
