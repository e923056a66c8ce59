from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orderapp.domain.gtin import (
    Symbology,
    check_digit,
    gtin_symbology,
    is_in_store_ean13,
    is_valid_gtin,
    upce_to_upca,
    with_check_digit,
)


@pytest.mark.parametrize(
    "code, symbology",
    [
        ("4006381333931", Symbology.EAN13),  # Stabilo pen, a well-known EAN-13
        ("6901234567892", Symbology.EAN13),
        ("036000291452", Symbology.UPCA),
        ("96385074", Symbology.EAN8),
        ("04252614", Symbology.UPCE),
        ("10012345678902", Symbology.GTIN14),
    ],
)
def test_real_codes_are_valid(code: str, symbology: Symbology) -> None:
    assert gtin_symbology(code) == symbology


@pytest.mark.parametrize(
    "code", ["4006381333932", "036000291453", "96385075", "", "abc", "12345", "40063813339311", "4006381333 93"]
)
def test_wrong_digit_length_or_characters_are_refused(code: str) -> None:
    assert not is_valid_gtin(code)
    assert gtin_symbology(code) is None


def test_upce_expands_to_its_upca() -> None:
    assert upce_to_upca("01234565") == "012345000065"
    assert is_valid_gtin(upce_to_upca("01234565"))


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(min_value=1, max_value=9))
def test_any_single_digit_change_breaks_the_check(body: str, bump: int) -> None:
    code = with_check_digit(body)
    assert is_valid_gtin(code)
    changed = code[:-1] + str((int(code[-1]) + bump) % 10)
    assert not is_valid_gtin(changed)


def test_check_digit_refuses_letters() -> None:
    with pytest.raises(ValueError):
        check_digit("12a4")


def test_in_store_range() -> None:
    assert is_in_store_ean13(with_check_digit("200000000001"))
    assert not is_in_store_ean13("4006381333931")
