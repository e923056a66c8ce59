"""What the listing commands share: a day given on the command line, and rows written as CSV or as a
table lined up in a terminal (Chinese characters take two columns)."""

from __future__ import annotations

import argparse
import csv
import sys
import unicodedata
from collections.abc import Sequence
from datetime import date

from orderapp.i18n import _

Row = Sequence[str]


def parse_day(text: str) -> date:
    """An argparse ``type=``: "2026-11-21" as a date, or a sentence saying how to write it."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-21").format(text=text)
        ) from None


def text_width(text: str) -> int:
    """Columns a terminal gives ``text``: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_table(header: Row, rows: Sequence[Row]) -> None:
    """Columns lined up in a terminal, Chinese included."""
    lines = [header, *rows]
    widths = [max(text_width(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        print(
            "  ".join(
                cell + " " * (width - text_width(cell)) for cell, width in zip(line, widths, strict=True)
            ).rstrip()
        )


def print_rows(rows: Sequence[Row], *, as_csv: bool, csv_columns: Row, headings: Row, empty: str = "") -> None:
    """``rows`` as CSV under ``csv_columns`` (for a spreadsheet), or as a table under the translated
    ``headings``; ``empty`` is said instead of a table without rows."""
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(csv_columns)
        writer.writerows(rows)
    elif not rows and empty:
        print(empty)
    else:
        print_table(headings, rows)
