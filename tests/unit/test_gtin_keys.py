"""One key per retail code (domain.gtin.code_key / lookup_keys): every written form of a GTIN gives
its GTIN-14, other codes keep their own exact key, wrong check digits give no GTIN."""

from __future__ import annotations

import pytest
from gtin_strategies import GS, RetailCode, retail_codes, scanned_forms
from hypothesis import given, settings
from hypothesis import strategies as st

from orderapp.domain.barcode_keys import BarcodeRow, plan_match_keys
from orderapp.domain.gtin import code_key, gs1_gtin, gtin_key, lookup_keys, with_check_digit


@settings(max_examples=600)
@given(st.data())
def test_every_form_of_a_gtin_gives_its_gtin_14(data: st.DataObject) -> None:
    code: RetailCode = data.draw(retail_codes())
    text, symbology = data.draw(scanned_forms(code))
    assert code.key in lookup_keys(text, symbology), (code, text, symbology)
    assert lookup_keys(text, symbology)[0] == code.key or len(text) == 8  # 8 digits: see the ambiguous test


@settings(max_examples=300)
@given(retail_codes())
def test_every_digit_form_a_shop_types_is_stored_under_the_same_key(code: RetailCode) -> None:
    assert {code_key(text) for text, _symbology in code.digit_forms()} == {code.key}


@settings(max_examples=300)
@given(retail_codes(), st.integers(1, 9))
def test_a_wrong_check_digit_is_no_gtin(code: RetailCode, bump: int) -> None:
    for text, _symbology in code.digit_forms():
        wrong = text[:-1] + str((int(text[-1]) + bump) % 10)
        if len(wrong) == 8 and gtin_key(wrong) is not None:
            continue  # an 8-digit code can be right as the other family (EAN-8 / UPC-E)
        assert gtin_key(wrong) is None
        assert code_key(wrong) == wrong  # then it is matched exactly, as written
    wrong_key = code.key[:-1] + str((int(code.key[-1]) + bump) % 10)
    assert gtin_key(f"(01){wrong_key}") is None
    assert gtin_key(f"]d201{wrong_key}17261231") is None


@pytest.mark.parametrize(
    "text",
    ["SO-000361", "TEA-001", "茶叶-001", "12345", "ORD 7K2Q", "0109501101530004", "(01)0950110153000", "]C0ABC"],
)
def test_codes_that_are_not_gtins_keep_their_own_key(text: str) -> None:
    assert gtin_key(text) is None
    assert code_key(text) == "".join(text.split())
    assert lookup_keys(text) == ("".join(text.split()),)


@pytest.mark.parametrize(
    "text",
    [
        "]C101095011015300031726123110ABC",
        "]Q3010950110153000310AB" + GS + "17261231",
        "]d2" + GS + "0109501101530003" + GS + "10AB",
        "(01)09501101530003(17)261231(10)ABC",
        "(10)ABC(01)09501101530003",
        "10ABC" + GS + "0109501101530003",
        "]d200123456789012345675" + "0109501101530003",
        "https://id.gs1.org/01/09501101530003/10/ABC?17=261231",
        "https://example.com/gtin/9501101530003",
        "09501101530003",
        "9501101530003",
        "]E09501101530003",
    ],
)
def test_gs1_element_strings_in_every_dress(text: str) -> None:
    assert gtin_key(text) == "09501101530003"


def test_a_variable_element_without_its_separator_hides_the_gtin() -> None:
    # "10" takes everything to the next GS: "ABC0109..." is a lot number, not a GTIN.
    assert gs1_gtin("]d210ABC0109501101530003") is None


def test_an_8_digit_code_valid_both_ways_gives_both_keys_the_decoders_reading_first() -> None:
    # 01234565: EAN-8 check digit right, and the UPC-E of UPC-A 012345000065.
    ean8, upce = "00000001234565", "00012345000065"
    assert lookup_keys("01234565", "upce") == (upce, ean8)
    assert lookup_keys("01234565", "ean8") == (ean8, upce)
    assert code_key("01234565") == upce  # starts with 0: UPC-E (EAN-8 "0..." is for in-company use)
    starting_with_1 = next(c for c in (with_check_digit(f"1{n:06d}") for n in range(1000)) if len(lookup_keys(c)) == 2)
    assert code_key(starting_with_1) == starting_with_1.zfill(14)  # EAN-8


def test_conflicting_rows_are_left_without_a_key_and_reported() -> None:
    rows = [
        BarcodeRow(1, 10, "036000291452", "upca"),
        BarcodeRow(2, 20, "0036000291452", "ean13"),  # the same GTIN on another product
        BarcodeRow(3, 10, "00036000291452", "gtin14"),  # and once more on the first
        BarcodeRow(4, 30, "6901234567892", "ean13"),
        BarcodeRow(5, 30, "06901234567892", "gtin14"),  # the same GTIN twice on one product
        BarcodeRow(6, 40, "TEA-CASE", "code128"),
    ]
    plan = plan_match_keys(rows)
    assert plan.keys == {1: None, 2: None, 3: None, 4: "06901234567892", 5: None, 6: "TEA-CASE"}
    assert list(plan.conflicts) == ["00036000291452"]
    assert {row.product_id for row in plan.conflicts["00036000291452"]} == {10, 20}


def test_a_key_held_by_another_product_keeps_new_rows_unkeyed() -> None:
    plan = plan_match_keys([BarcodeRow(7, 50, "4006381333931", "ean13")], held={"04006381333931": 60})
    assert plan.keys == {7: None}
    assert "04006381333931" in plan.conflicts
    settled = plan_match_keys([BarcodeRow(7, 50, "4006381333931", "ean13")], held={})
    assert settled.keys == {7: "04006381333931"}
