from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orderapp.domain.money import format_money, parse_money


@pytest.mark.parametrize(
    "minor, currency, shown",
    [(123456, "CNY", "¥1,234.56"), (-5, "USD", "-$0.05"), (1200, "JPY", "¥1,200"), (1, "KWD", "KWD 0.001")],
)
def test_amounts_are_shown_with_the_currency_decimals(minor: int, currency: str, shown: str) -> None:
    assert format_money(minor, currency) == shown


@pytest.mark.parametrize("typed, minor", [("12", 1200), ("12.5", 1250), ("1,234.56", 123456), ("¥3.10", 310)])
def test_typed_amounts_become_minor_units(typed: str, minor: int) -> None:
    assert parse_money(typed, "CNY") == minor


@pytest.mark.parametrize("typed", ["", "abc", "1.234", "NaN", "inf", "1e400x"])
def test_nonsense_amounts_are_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_money(typed, "CNY")


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_format_then_parse_gives_the_same_amount(minor: int) -> None:
    assert parse_money(format_money(minor, "CNY"), "CNY") == minor
