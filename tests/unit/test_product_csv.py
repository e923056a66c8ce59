"""The CSV format: formula neutralising that round-trips, encodings Excel writes, cell parsing."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orderapp.domain import product_csv
from orderapp.domain.product_csv import (
    decode_csv_bytes,
    neutralise,
    parse_active,
    parse_amount,
    parse_count,
    restore,
    sniff_delimiter,
    suggest_mapping,
)


@given(st.text())
def test_neutralising_always_round_trips(text: str) -> None:
    assert restore(neutralise(text)) == text


@given(st.text())
def test_a_neutralised_cell_never_starts_like_a_formula(text: str) -> None:
    assert not neutralise(text).startswith(product_csv.FORMULA_START)


@pytest.mark.parametrize(
    "cell, written",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+86 138", "'+86 138"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("'=already", "''=already"),
        ("'quoted", "'quoted"),
        ("茉莉花茶", "茉莉花茶"),
    ],
)
def test_dangerous_cells_get_an_apostrophe(cell: str, written: str) -> None:
    assert neutralise(cell) == written


def test_utf8_with_and_without_bom_and_gbk_are_recognised() -> None:
    text = "sku,name\nTEA-1,茉莉花茶\n"
    assert decode_csv_bytes(text.encode("utf-8")).encoding == "utf-8"
    with_bom = decode_csv_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    assert (with_bom.encoding, with_bom.text) == ("utf-8-sig", text)
    gbk = decode_csv_bytes(text.encode("gbk"))
    assert (gbk.encoding, gbk.text) == ("gb18030", text)
    assert decode_csv_bytes(text.encode("utf-16")).text == text


def test_bytes_that_are_no_known_text_are_refused_with_advice() -> None:
    with pytest.raises(product_csv.UnreadableFile, match="CSV UTF-8"):
        decode_csv_bytes(b"sku,name\n\x80\xff\xfe\x81\n")


def test_the_separator_is_found_from_the_header() -> None:
    assert sniff_delimiter("sku,name,price") == ","
    assert sniff_delimiter("sku;name;price") == ";"
    assert sniff_delimiter("sku\tname\tprice") == "\t"
    assert sniff_delimiter('"a;b",name') == ","


def test_chinese_and_english_headers_are_mapped() -> None:
    assert suggest_mapping(["货号", "商品名称", "售价", "条码", "Notes"]) == {
        "货号": "sku",
        "商品名称": "name",
        "售价": "price",
        "条码": "barcodes",
        "Notes": "",
    }
    assert suggest_mapping(["SKU", "Product Name", "Reorder Point"])["Reorder Point"] == "reorder_point"


@pytest.mark.parametrize(
    "text, expected",
    [("12.50", 1250), ("12.5", 1250), ("¥1,234.00", 123400), ("0", 0)],
)
def test_amounts_are_read_in_minor_units(text: str, expected: int) -> None:
    assert parse_amount(text, "CNY") == (expected, "")


@pytest.mark.parametrize(
    "text, words", [("abc", "not an amount"), ("-1", "negative"), ("1.234", "more decimals than CNY")]
)
def test_bad_amounts_say_why(text: str, words: str) -> None:
    value, message = parse_amount(text, "CNY")
    assert value is None and words in message


def test_counts_and_yes_no_cells() -> None:
    assert parse_count("12") == (12, "")
    assert parse_count("12.0") == (12, "")
    assert parse_count("1.5")[0] is None
    assert "negative" in parse_count("-3")[1]
    assert parse_active("是") == (True, "")
    assert parse_active("No") == (False, "")
    assert parse_active("maybe")[0] is None
