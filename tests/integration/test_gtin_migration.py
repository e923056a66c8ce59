"""Upgrading a shop made before the one GTIN key (migration 0005): every code gets its key, one GTIN
written two ways on two products is reported and never merged or guessed, the shop still opens
and works, and the conflict goes away once the shop removes the code from one product."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

import pytest
from alembic import command
from sqlalchemy import Connection, select, text

from orderapp.cli import main
from orderapp.services.stock import catalogue
from orderapp.services.stock.barcode_conflicts import barcode_conflicts
from orderapp.store import migrations
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, ProductBarcode
from orderapp.store.opening import open_database

WHEN = datetime(2026, 11, 1, 10, 0)  # naive UTC, as stored
# (sku, name, [(code, symbology, kind, pack)])
OLD_SHOP = [
    ("OOL-1", "Oolong Tea 100g", [("036000291452", "upca", "unit", 1)]),
    ("OOL-2", "乌龙茶 Oolong (imported)", [("0036000291452", "ean13", "unit", 1)]),  # the same GTIN
    ("TEA-1", "茉莉花茶 Jasmine Tea", [("6901234567892", "ean13", "unit", 1), ("06901234567892", "gtin14", "unit", 1)]),
    ("CUP-8", "Paper Cups", [("96385074", "ean8", "unit", 1), ("16901234567899", "gtin14", "case", 6)]),
    ("BAG-1", "Bag", [("BAG-0001", "code128", "internal", 1)]),
]


def _old_shop(conn: Connection) -> None:
    for number, (sku, name, codes) in enumerate(OLD_SHOP, start=1):
        conn.execute(
            text(
                "INSERT INTO product (id, sku, name, category, location, unit, price_cents, cost_cents, reorder_point,"
                " reorder_qty, on_hand, reserved, active, created_at, updated_at) VALUES (:id, :sku, :name, '', '',"
                " '', 100, 0, 0, 0, 10, 0, :active, :at, :at)"
            ),
            {"id": number, "sku": sku, "name": name, "active": True, "at": WHEN},
        )
        for code, symbology, kind, pack in codes:
            conn.execute(
                text(
                    "INSERT INTO product_barcode (product_id, code, symbology, kind, pack_qty)"
                    " VALUES (:pid, :code, :symbology, :kind, :pack)"
                ),
                {"pid": number, "code": code, "symbology": symbology, "kind": kind, "pack": pack},
            )
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT setval('product_id_seq', 10)"))


@pytest.fixture
def upgraded(database_url: str, caplog: pytest.LogCaptureFixture) -> Database:
    old = Database(database_url)
    try:
        with old.write_engine.begin() as conn:
            command.upgrade(migrations.alembic_config(conn), "0004")
            _old_shop(conn)
    finally:
        old.dispose()
    with caplog.at_level(logging.WARNING, logger="orderapp.migrations"):
        return open_database(database_url)  # upgrades to the newest schema, as the app does


def _keys(database: Database) -> dict[str, str | None]:
    with database.session() as session:
        return {code: key for code, key in session.execute(select(ProductBarcode.code, ProductBarcode.match_key))}


def test_the_upgrade_keys_every_code_and_leaves_conflicts_unkeyed(
    upgraded: Database, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        assert _keys(upgraded) == {
            "036000291452": None,  # on OOL-1 and, as an EAN-13, on OOL-2: nobody guesses which
            "0036000291452": None,
            "6901234567892": "06901234567892",
            "06901234567892": None,  # the same GTIN twice on one product: harmless, the first keeps it
            "96385074": "00000096385074",
            "16901234567899": "16901234567899",
            "BAG-0001": "BAG-0001",
        }
        logged = [record.getMessage() for record in caplog.get_records("setup")]
        assert any("GTIN 00036000291452 is on products 1, 2" in message for message in logged), logged
        conflicts = barcode_conflicts(upgraded)
        assert [c.sentence() for c in conflicts] == [
            "GTIN 00036000291452 is on more than one product: 036000291452 on OOL-1 “Oolong Tea 100g”; "
            "0036000291452 on OOL-2 “乌龙茶 Oolong (imported)”. Scans find these only by the exact code until you "
            "remove it from the wrong product in Inventory."
        ]
    finally:
        upgraded.dispose()


def test_the_upgraded_shop_works_and_finds_every_form(upgraded: Database) -> None:
    try:
        for typed, sku in (
            ("06901234567892", "TEA-1"),
            ("]d20106901234567892", "TEA-1"),
            ("0096385074", None),  # ten digits are no GTIN form: nothing
            ("(01)00000096385074", "CUP-8"),
            ("01234565", None),
            ("BAG-0001", "BAG-1"),
            # A conflict: each product's own written form still finds it (as before the upgrade),
            # any other form finds nothing rather than guess.
            ("036000291452", "OOL-1"),
            ("0036000291452", "OOL-2"),
            ("00036000291452", None),
            ("(01)00036000291452", None),
        ):
            match = catalogue.find_by_code(upgraded, typed)
            assert (match.sku if match else None) == sku, typed
        case = catalogue.find_by_code(upgraded, "]C10116901234567899")
        assert case is not None and (case.sku, case.units) == ("CUP-8", 6)
    finally:
        upgraded.dispose()


def test_a_new_code_may_not_join_a_conflict(upgraded: Database) -> None:
    try:
        draft = catalogue.ProductDraft(
            sku="OOL-3", name="Third oolong", barcodes=(catalogue.BarcodeDraft("00036000291452"),)
        )
        errors = catalogue.check_product(upgraded, draft)
        assert len(errors) == 1 and "Oolong" in errors[0].message and "the same GTIN as" in errors[0].message
    finally:
        upgraded.dispose()


def test_removing_the_code_from_one_product_resolves_the_conflict(upgraded: Database) -> None:
    try:
        oolong_2 = catalogue.find_by_code(upgraded, "0036000291452")
        assert oolong_2 is not None
        detail = catalogue.get_product(upgraded, oolong_2.product_id)
        catalogue.update_product(
            upgraded,
            detail.id,
            replace(detail.draft(), barcodes=(catalogue.BarcodeDraft("4006381333931"),)),
            user_id=DEFAULT_USER_ID,
        )
        assert barcode_conflicts(upgraded) == ()
        assert _keys(upgraded)["036000291452"] == "00036000291452"
        for typed in ("036000291452", "0036000291452", "00036000291452", "(01)00036000291452"):
            match = catalogue.find_by_code(upgraded, typed)
            assert match is not None and match.sku == "OOL-1", typed
    finally:
        upgraded.dispose()


def test_the_command_lists_the_conflicts(
    upgraded: Database, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    upgraded.dispose()
    assert main(["barcode-conflicts", "--database", database_url]) == 1
    out = capsys.readouterr().out
    assert "GTIN 00036000291452 is on more than one product" in out and "OOL-2" in out


def test_the_command_says_when_there_is_none(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    open_database(database_url).dispose()
    assert main(["barcode-conflicts", "--database", database_url]) == 0
    assert "No barcode is on two products." in capsys.readouterr().out
