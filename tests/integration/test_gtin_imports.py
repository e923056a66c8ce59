"""The product import and the demo shop store every code with its one key: a CSV may not give one
GTIN, however written, to two rows or to a product that has it already (the row number and the
other product are named, on the command line too), and the demo shop's codes are all keyed."""

from __future__ import annotations

from pathlib import Path

import pytest
from gtin_strategies import RetailCode, retail_codes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from orderapp.cli import main
from orderapp.demo import DemoSize, build_demo_shop
from orderapp.domain.gtin import code_key
from orderapp.domain.product_validation import BarcodeDraft, ProductDraft
from orderapp.services.stock import catalogue
from orderapp.services.stock.product_import import import_products
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, ProductBarcode

USER = DEFAULT_USER_ID
HEADER = "sku,name,price,barcodes"
FEW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def csv(*rows: str) -> bytes:
    return ("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8")


def two_forms(data: st.DataObject) -> tuple[RetailCode, str, str]:
    code = data.draw(retail_codes(), label="gtin")
    forms = [text for text, _symbology in code.digit_forms()]
    first = data.draw(st.sampled_from(forms), label="first")
    second = data.draw(st.sampled_from([form for form in forms if form != first] or forms), label="second")
    return code, first, second


def _codes(database: Database) -> dict[str, str | None]:
    with database.session() as session:
        return {code: key for code, key in session.execute(select(ProductBarcode.code, ProductBarcode.match_key))}


@FEW
@given(data=st.data())
def test_one_gtin_on_two_rows_is_refused_with_both_row_numbers(database: Database, data: st.DataObject) -> None:
    _code, first, second = two_forms(data)
    before = _codes(database)
    result = import_products(database, csv(f"A-1,Tea,1.00,{first}", f"A-2,Tea 2,1.00,{second}"), user_id=USER)
    texts = [str(problem) for problem in result.problems]
    assert not result.written and _codes(database) == before
    assert any(t.startswith("Row 2, barcodes:") and f"Barcode {first} is on rows 2, 3" in t for t in texts), texts
    assert any(t.startswith("Row 3, barcodes:") and f"Barcode {second} is on rows 2, 3" in t for t in texts), texts


@FEW
@given(data=st.data())
def test_a_gtin_another_product_has_in_another_form_is_refused_naming_it(
    database: Database, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    code, first, second = two_forms(data)
    owner = catalogue.create_product(
        database,
        ProductDraft(sku=f"OWN-{code.key}", name="龙井 Longjing", barcodes=(BarcodeDraft(first),)),
        user_id=USER,
    )
    try:
        before = _codes(database)
        file = tmp_path_factory.mktemp("csv") / "products.csv"
        file.write_bytes(csv("NEW-1,Green Tea,1.00,6901234567892", f"NEW-2,Other tea,1.00,{second}"))
        result = import_products(database, file.read_bytes(), user_id=USER)
        texts = [str(problem) for problem in result.problems]
        assert any(
            t.startswith("Row 3, barcodes:") and f"belongs to {owner.sku} “龙井 Longjing”" in t for t in texts
        ), texts
        assert not result.written and _codes(database) == before
        # The command line says the same, with the row, and exits non-zero.
        url = database.url.render_as_string(hide_password=False)
        assert main(["import", "products", str(file), "--database", url]) == 1
        assert _codes(database) == before
    finally:
        catalogue.remove_product(database, owner.id, user_id=USER)


def test_the_command_names_the_row_and_the_other_product(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue.create_product(
        database, ProductDraft(sku="OOL-1", name="Oolong", barcodes=(BarcodeDraft("036000291452"),)), user_id=USER
    )
    file = tmp_path / "products.csv"
    file.write_bytes(csv("NEW-1,Green Tea,1.00,4006381333931", "NEW-2,Oolong again,1.00,00036000291452"))
    assert main(["import", "products", str(file), "--database", database.url.render_as_string(False)]) == 1
    err = capsys.readouterr().err
    assert "Row 3, barcodes:" in err
    assert "Barcode 00036000291452 is the same GTIN as 036000291452, which belongs to OOL-1 “Oolong”" in err


def test_imported_codes_are_stored_with_their_key_and_found_in_any_form(database: Database) -> None:
    result = import_products(
        database, csv("A-1,Tea,1.00,036000291452", "A-2,Cups,1.00,96385074", "A-3,Pen,1.00,04252614"), user_id=USER
    )
    assert result.written, [str(p) for p in result.problems]
    assert _codes(database) == {
        "036000291452": "00036000291452",
        "96385074": "00000096385074",
        "04252614": "00042100005264",  # UPC-E: the key of the UPC-A it expands to
    }
    for typed, sku in (("0036000291452", "A-1"), ("(01)00000096385074", "A-2"), ("042100005264", "A-3")):
        match = catalogue.find_by_code(database, typed)
        assert match is not None and match.sku == sku, typed


def test_a_code_may_move_between_rows_in_another_form(database: Database) -> None:
    import_products(database, csv("A-1,Tea,1.00,036000291452", "A-2,Cups,1.00,96385074"), user_id=USER)
    moved = import_products(database, csv("A-1,Tea,1.00,", "A-2,Cups,1.00,96385074 0036000291452"), user_id=USER)
    assert moved.written, [str(p) for p in moved.problems]
    match = catalogue.find_by_code(database, "036000291452")
    assert match is not None and match.sku == "A-2"


def test_the_demo_shop_keys_every_code(database: Database) -> None:
    build_demo_shop(database, DemoSize(products=60, customers=5, orders=10, days=3))
    codes = _codes(database)
    assert len(codes) >= 60
    assert all(key == code_key(code) for code, key in codes.items()), codes
