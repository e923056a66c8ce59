"""The product form's rules, as the user sees them under each field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orderapp.domain.gtin import is_in_store_ean13, with_check_digit
from orderapp.domain.product_validation import (
    BarcodeDraft,
    BarcodeKind,
    ProductDraft,
    barcode_problem,
    internal_code,
    internal_number,
    normalised,
    validate_product,
)

GOOD = ProductDraft(
    sku="TEA-001",
    name="茉莉花茶 Jasmine Tea 250g",
    price_cents=3800,
    cost_cents=2100,
    reorder_point=5,
    reorder_qty=24,
    barcodes=(BarcodeDraft("6901234567892"), BarcodeDraft("16901234567899", BarcodeKind.CASE, 12)),
)


def messages(draft: ProductDraft) -> dict[str, str]:
    return {e.field: e.message for e in validate_product(draft)}


def test_a_complete_product_has_no_problems() -> None:
    assert validate_product(GOOD) == []


@pytest.mark.parametrize(
    "code",
    [
        "96385074",  # EAN-8
        "04252614",  # UPC-E
        "036000291452",  # UPC-A
        "4006381333931",  # EAN-13
        "10012345678902",  # GTIN-14
        "INT-0042",  # Code 128 (letters)
    ],
)
def test_every_barcode_family_is_accepted(code: str) -> None:
    assert barcode_problem(code) == ""


@pytest.mark.parametrize(
    "code, words",
    [
        ("4006381333932", "wrong check digit (the last digit should be 1)"),
        ("036000291453", "the last digit should be 2"),
        ("12345", "has 5 digits"),
        ("36000291452", "leading 0"),  # a UPC-A after Excel dropped its zero
        ("6.90123E+12", "a spreadsheet shortened"),
        ("条码123", "characters a barcode cannot hold"),
        ("", "Type or scan the barcode"),
    ],
)
def test_bad_barcodes_say_what_is_wrong(code: str, words: str) -> None:
    assert words in barcode_problem(code)


def test_each_field_gets_its_own_message() -> None:
    draft = ProductDraft(
        sku="",
        name=" ",
        price_cents=-1,
        cost_cents=-5,
        reorder_point=-1,
        reorder_qty=-2,
        barcodes=(BarcodeDraft("4006381333932"),),
    )
    found = messages(draft)
    assert set(found) == {
        "sku",
        "name",
        "price_cents",
        "cost_cents",
        "reorder_point",
        "reorder_qty",
        "barcodes[0].code",
    }
    assert "cannot be negative" in found["price_cents"]


def test_a_sku_with_spaces_around_it_is_refused() -> None:
    assert "space" in messages(ProductDraft(sku="TEA-1 ", name="x"))["sku"]


def test_a_case_barcode_needs_a_pack_of_two_or_more_and_a_unit_code_none() -> None:
    draft = ProductDraft(
        sku="A",
        name="A",
        barcodes=(BarcodeDraft("16901234567899", BarcodeKind.CASE, 1), BarcodeDraft("6901234567892", pack_qty=6)),
    )
    found = messages(draft)
    assert "how many units one case holds" in found["barcodes[0].pack_qty"]
    assert "Only a case barcode" in found["barcodes[1].pack_qty"]


def test_the_same_code_twice_on_one_product_is_refused() -> None:
    draft = ProductDraft(sku="A", name="A", barcodes=(BarcodeDraft("6901234567892"), BarcodeDraft("6901234567892")))
    assert "already in this product's list (line 1)" in messages(draft)["barcodes[1].code"]


def test_normalised_trims_text_and_code_spaces() -> None:
    draft = normalised(
        ProductDraft(sku="A", name=" 龙井 ", location=" A-01 ", barcodes=(BarcodeDraft("690 1234 567892"),))
    )
    assert (draft.name, draft.location, draft.barcodes[0].code) == ("龙井", "A-01", "6901234567892")


@given(st.integers(min_value=1, max_value=10**10 - 1))
def test_internal_codes_are_valid_in_store_ean13_and_numbered(number: int) -> None:
    code = internal_code(number)
    assert is_in_store_ean13(code) and code.startswith("20")
    assert internal_number(code) == number
    assert barcode_problem(code) == ""


def test_other_codes_are_not_internal_numbers() -> None:
    assert internal_number("4006381333931") is None
    assert internal_number(with_check_digit("210000000001")) is None  # in-store, but not one we make
