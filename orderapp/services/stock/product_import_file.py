"""Reading a product CSV file: its encoding, its header, and its records one by one (a big file is
never held twice).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from orderapp.domain import product_csv
from orderapp.domain.safe_text import cell_too_long_message
from orderapp.errors import OrderAppError
from orderapp.i18n import _


@dataclass(frozen=True)
class FileHeader:
    encoding: str
    delimiter: str
    headers: tuple[str, ...]
    suggested: dict[str, str]


def read_header(source: Path | bytes, *, encoding: str | None = None) -> FileHeader:
    """The file's column headers and the mapping the import would use, for a mapping dialog."""
    text, used, _problem = decode_file(source, encoding)
    if text is None:
        raise OrderAppError(_problem)
    delimiter = product_csv.sniff_delimiter(text.split("\n", 1)[0])
    first = next(csv.reader(io.StringIO(text), delimiter=delimiter), [])
    headers = tuple(h.strip() for h in first)
    return FileHeader(used, delimiter, headers, product_csv.suggest_mapping(list(headers)))


class UnreadableRow(OrderAppError):
    def __init__(self, row: int, message: str) -> None:
        super().__init__(message)
        self.row = row


def open_stream(source: Path | bytes, text: str, encoding: str) -> TextIO:
    """The file's text as a stream: read again from the file or bytes (decoded as it is read), so
    that a big file is not held twice; a file that cannot be opened again is read from ``text``."""
    raw: BinaryIO
    if isinstance(source, Path):
        try:
            raw = source.open("rb")
        except OSError:
            return io.StringIO(text, newline="")
    else:
        raw = io.BytesIO(source)
    return io.TextIOWrapper(
        raw, encoding=encoding, errors="surrogatepass" if "utf" in encoding else "strict", newline=""
    )


def read_records(stream: TextIO, delimiter: str) -> Iterator[list[str]]:
    """The file's records one by one; a cell too long for the csv module is a sentence with its row."""
    row = 0
    with stream:
        try:
            for record in csv.reader(stream, delimiter=delimiter):
                row += 1
                yield record
        except csv.Error as exc:
            if "field limit" in str(exc):
                raise UnreadableRow(row + 1, cell_too_long_message()) from None
            raise UnreadableRow(row + 1, _("This row is not valid CSV; check its quotes.")) from None


def decode_file(source: Path | bytes, encoding: str | None) -> tuple[str | None, str, str]:
    if isinstance(source, Path):
        try:
            data = source.read_bytes()
        except OSError as exc:
            return (
                None,
                "",
                _("{path} cannot be read ({reason}); check the file name.").format(
                    path=source, reason=exc.strerror or exc
                ),
            )
    else:
        data = source
    try:
        decoded = product_csv.decode_csv_bytes(data, encoding)
    except product_csv.UnreadableFile as exc:
        return None, encoding or "", str(exc)
    return decoded.text, decoded.encoding, ""
