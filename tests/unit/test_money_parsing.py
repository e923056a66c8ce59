"""Money typed or imported is read as the shop's currency or refused with what to write instead:
never another currency's amount taken as the shop's, never a decimal comma read as thousands."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orderapp.domain import product_csv
from orderapp.domain.money import MoneyError, format_money, parse_money
from orderapp.domain.order_validation import MAX_AMOUNT, parse_amount


@pytest.mark.parametrize(
    "typed, currency, mark",
    [
        ("$1,00", "CNY", "$"),
        ("€1,50", "CNY", "€"),
        ("1,50 €", "CNY", "€"),
        ("US$12.00", "CNY", "US$"),
        ("£3", "EUR", "£"),
        ("12.00 USD", "CNY", "USD"),
        ("EUR 5", "USD", "EUR"),
        ("¥100", "USD", "¥"),
        ("HK$10", "USD", "HK$"),
        ("₩5000", "JPY", "₩"),
        ("元5", "USD", "元"),
    ],
)
def test_another_currency_is_refused_and_named(typed: str, currency: str, mark: str) -> None:
    with pytest.raises(MoneyError) as refused:
        parse_money(typed, currency)
    message = str(refused.value)
    assert refused.value.kind == "currency"
    assert f"({mark})" in message and f"the shop works in {currency}" in message


@pytest.mark.parametrize(
    "typed, currency, minor",
    [
        ("¥12.50", "CNY", 1250),
        ("￥12.50", "CNY", 1250),
        ("12.50元", "CNY", 1250),
        ("RMB 12.5", "CNY", 1250),
        ("CNY 1,234.56", "CNY", 123456),
        ("$3.10", "USD", 310),
        ("3.10 USD", "USD", 310),
        ("-$3.10", "USD", -310),
        ("€1,234.00", "EUR", 123400),
        ("¥1,200", "JPY", 1200),
        ("1,234", "CNY", 123400),  # "1.234" is not a CNY amount, so the comma can only be thousands
        ("1,234,567.5", "CNY", 123456750),
        ("１２.５０", "CNY", 1250),  # full-width digits from a Chinese keyboard
        ("KWD 1,234.567", "KWD", 1234567),
    ],
)
def test_the_shops_own_amounts_are_read(typed: str, currency: str, minor: int) -> None:
    assert parse_money(typed, currency) == minor


@pytest.mark.parametrize(
    "typed, currency, instead",
    [("1,00", "CNY", "1.00"), ("12,5", "CNY", "12.5"), ("0,99", "USD", "0.99"), ("1,5", "KWD", "1.5")],
)
def test_a_decimal_comma_is_refused_with_what_to_write(typed: str, currency: str, instead: str) -> None:
    with pytest.raises(MoneyError) as refused:
        parse_money(typed, currency)
    assert refused.value.kind == "comma"
    assert instead in str(refused.value)


@pytest.mark.parametrize("typed, currency", [("1,500", "CNY"), ("1,250", "USD"), ("2,000", "EUR"), ("1,500", "KWD")])
def test_a_comma_that_could_be_either_is_refused(typed: str, currency: str) -> None:
    """1,500: one thousand five hundred, or one and a half with a decimal comma?"""
    with pytest.raises(MoneyError) as refused:
        parse_money(typed, currency)
    assert "could be" in str(refused.value)


def test_a_file_with_decimal_commas_reads_them_when_told() -> None:
    assert parse_money("1,50", "CNY", decimal_comma=True) == 150
    assert parse_money("1.234,50", "CNY", decimal_comma=True) == 123450
    assert product_csv.parse_amount("1,50", "CNY", decimal_comma=True) == (150, "")


@pytest.mark.parametrize(
    "typed",
    ["1e1000000", "1E5", "9" * 400, "1" * 16, "Infinity", "NaN", "0x10", "1_000", "--1", "1.2.3", "1,2.3,4", "\x00"],
)
def test_hostile_amounts_are_refused_quickly_with_a_sentence(typed: str) -> None:
    with pytest.raises(MoneyError) as refused:
        parse_money(typed, "CNY")
    assert str(refused.value).endswith(".")
    value, message = product_csv.parse_amount(typed, "CNY")
    assert value is None and message
    with pytest.raises(ValueError):
        parse_amount(typed, "CNY")


@given(st.text(max_size=30), st.sampled_from(["CNY", "USD", "JPY", "EUR", "KWD"]), st.booleans())
def test_any_text_is_an_amount_or_a_sentence(text: str, currency: str, comma: bool) -> None:
    try:
        value = parse_money(text, currency, decimal_comma=comma)
    except MoneyError as exc:
        assert str(exc) and "\x00" not in str(exc)
    else:
        assert abs(value) < 10**18


@given(st.integers(min_value=0, max_value=MAX_AMOUNT), st.sampled_from(["CNY", "USD", "JPY", "EUR", "KWD", "GBP"]))
def test_every_amount_as_shown_reads_back(minor: int, currency: str) -> None:
    assert parse_money(format_money(minor, currency), currency) == minor
    assert product_csv.parse_amount(format_money(minor, currency, symbol=False), currency) == (minor, "")
