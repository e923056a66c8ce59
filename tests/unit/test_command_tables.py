"""What the listing commands print: a day argument, CSV or a table lined up with Chinese in it."""

from __future__ import annotations

import argparse
from datetime import date

import pytest

from orderapp.commands.tables import parse_day, print_rows, print_table


def test_a_day_is_read_and_a_wrong_one_says_how_to_write_it() -> None:
    assert parse_day(" 2026-11-21 ") == date(2026, 11, 21)
    with pytest.raises(argparse.ArgumentTypeError, match="write it as YYYY-MM-DD"):
        parse_day("21/11/2026")


def test_a_table_lines_up_columns_with_chinese_characters_two_wide(capsys: pytest.CaptureFixture[str]) -> None:
    print_table(["name", "role"], [["王芳", "owner"], ["Li", "packer"]])
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["name  role", "王芳  owner", "Li    packer"]


def test_rows_are_csv_for_a_spreadsheet_or_a_sentence_when_there_are_none(capsys: pytest.CaptureFixture[str]) -> None:
    print_rows([("SO-1", "3")], as_csv=True, csv_columns=("order", "items"), headings=("Order", "Items"))
    assert capsys.readouterr().out == "order,items\nSO-1,3\n"
    print_rows([], as_csv=False, csv_columns=("order",), headings=("Order",), empty="No orders.")
    assert capsys.readouterr().out == "No orders.\n"
