"""Postcodes per country, and order numbers that scanners read back unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orderapp.domain.order_numbers import is_scanner_safe, order_id_from_number, order_number
from orderapp.domain.postcodes import normalise_postcode, postcode_problem


@pytest.mark.parametrize(
    ("country", "typed", "written"),
    [
        ("CN", "200030", "200030"),
        ("CN", " 100 105 ", "100105"),
        ("US", "94103", "94103"),
        ("US", "'02134", "02134"),  # Shopify's export puts an apostrophe in front of zip codes
        ("US", "941031234", "94103-1234"),
        ("GB", "sw1a1aa", "SW1A 1AA"),
        ("GB", "EC1A 1BB", "EC1A 1BB"),
        ("GB", "M1 1AE", "M1 1AE"),
        ("DE", "10115", "10115"),
        ("FR", "75008", "75008"),
        ("JP", "1000001", "100-0001"),
        ("JP", "100-0001", "100-0001"),
        ("CA", "k1a0b1", "K1A 0B1"),
        ("BR", "01310-100", "01310-100"),  # not in the strict list: permissive
    ],
)
def test_good_postcodes_are_accepted_and_written_the_local_way(country: str, typed: str, written: str) -> None:
    assert postcode_problem(typed, country) == ""
    assert normalise_postcode(typed, country) == written


@pytest.mark.parametrize(
    ("country", "typed", "message"),
    [
        ("CN", "20003", "This is not a postcode of CN; it is written like 200030."),
        ("CN", "2000300", "This is not a postcode of CN; it is written like 200030."),
        ("US", "9410", "This is not a postcode of US; it is written like 94103 or 94103-1234."),
        ("GB", "SW1A", "This is not a postcode of GB; it is written like SW1A 1AA."),
        ("DE", "1011", "This is not a postcode of DE; it is written like 10115."),
        ("FR", "7500A", "This is not a postcode of FR; it is written like 75008."),
        ("JP", "100-001", "This is not a postcode of JP; it is written like 100-0001."),
        ("CN", "", "Enter the postcode."),
        ("BR", "#?!", "A postcode has 2 to 10 letters, digits, spaces or dashes; check what you typed."),
    ],
)
def test_bad_postcodes_say_how_they_are_written(country: str, typed: str, message: str) -> None:
    assert postcode_problem(typed, country) == message


def test_places_without_postcodes_need_none() -> None:
    assert postcode_problem("", "HK") == ""


@given(st.integers(min_value=1, max_value=10**9))
def test_order_numbers_are_scanner_safe_and_read_back(order_id: int) -> None:
    number = order_number(order_id)
    assert number.startswith("SO-") and is_scanner_safe(number)
    assert order_id_from_number(number) == order_id
    assert order_id_from_number(number.lower().replace("-", "")) == order_id


def test_text_that_is_not_an_order_number() -> None:
    assert order_id_from_number("王小明") is None
    assert order_id_from_number("SO-") is None
    assert order_id_from_number("0") is None
