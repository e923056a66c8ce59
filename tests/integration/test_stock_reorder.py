"""The reorder list: what is at or below its reorder point, how many to order, and its CSV."""

from __future__ import annotations

import csv
from pathlib import Path

from orderapp.cli import main
from orderapp.domain.product_validation import BarcodeDraft, BarcodeKind, ProductDraft
from orderapp.services.stock import catalogue
from orderapp.services.stock import shelf as stock
from orderapp.services.stock.reorder import export_reorder_list, reorder_list, suggested_quantity
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

USER = DEFAULT_USER_ID


def add(database: Database, sku: str, on_hand: int, point: int, qty: int, case: int = 0) -> int:
    codes = (BarcodeDraft("16901234567899", BarcodeKind.CASE, case),) if case else ()
    draft = ProductDraft(sku=sku, name=f"{sku} 名称", reorder_point=point, reorder_qty=qty, barcodes=codes)
    product_id = catalogue.create_product(database, draft, user_id=USER).id
    if on_hand:
        stock.receive_stock(database, product_id, on_hand, user_id=USER)
    return product_id


def test_suggested_quantities() -> None:
    assert suggested_quantity(available=5, reorder_point=5, reorder_qty=24, case_qty=0) == 24
    assert suggested_quantity(available=-3, reorder_point=5, reorder_qty=24, case_qty=0) == 32  # the shortfall too
    assert suggested_quantity(available=2, reorder_point=5, reorder_qty=10, case_qty=12) == 24  # whole cases
    assert suggested_quantity(available=0, reorder_point=0, reorder_qty=0, case_qty=0) == 1


def test_only_products_at_or_below_their_point_are_listed_emptiest_first(database: Database, tmp_path: Path) -> None:
    add(database, "FULL", 50, 10, 20)
    add(database, "AT-POINT", 10, 10, 20)
    add(database, "EMPTY", 0, 4, 6, case=6)
    retired = add(database, "RETIRED", 0, 5, 5)
    catalogue.set_active(database, retired, False, user_id=USER)
    lines = reorder_list(database)
    assert [(line.sku, line.available, line.suggested_qty, line.suggested_cases) for line in lines] == [
        ("EMPTY", 0, 12, 2),
        ("AT-POINT", 10, 20, 0),
    ]
    path = tmp_path / "reorder.csv"
    assert export_reorder_list(database, path) == 2
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [(r["sku"], r["name"], r["suggested_qty"], r["case_qty"]) for r in rows] == [
        ("EMPTY", "EMPTY 名称", "12", "6"),
        ("AT-POINT", "AT-POINT 名称", "20", ""),
    ]
    out = tmp_path / "cli.csv"
    url = database.url.render_as_string(hide_password=False)
    assert main(["export", "reorder-list", str(out), "--database", url]) == 0
    assert out.read_bytes() == path.read_bytes()
