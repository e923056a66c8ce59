"""Reading an order file: its encoding (UTF-8 with or without BOM, else GB18030/GBK), its delimiter,
and its rows, streamed from the file as often as they are needed (the check reads the file twice,
never holding it whole). Each row keeps only the columns the import reads (``Cells``)."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from orderapp.domain.safe_text import cell_too_long_message, has_bad_characters, text_problem
from orderapp.i18n import _
from orderapp.services.orders.import_columns import used_columns
from orderapp.services.orders.import_plan import ImportFailed


class Cells:
    """One row's cells, read by column name like a dict (``get``), held as ONE string of the columns
    the import reads (split again when the row is checked): a 500,000-row file is neither 500,000
    dicts nor 5,000,000 small strings."""

    __slots__ = ("_index", "_packed")

    _SEPARATOR = "\x1f"  # the ASCII unit separator; a row whose cells hold it is kept as a tuple

    def __init__(self, cells: tuple[str, ...], index: Mapping[str, int]) -> None:
        self._index = index
        joined = self._SEPARATOR.join(cells)
        self._packed: str | tuple[str, ...] = (
            joined if joined.count(self._SEPARATOR) == max(len(cells) - 1, 0) else cells
        )

    def get(self, name: str, default: str = "") -> str:
        position = self._index.get(name)
        if position is None:
            return default
        if isinstance(self._packed, str):  # split once, when its order is checked (then let go with it)
            self._packed = tuple(self._packed.split(self._SEPARATOR))
        return self._packed[position]

    def peek(self, name: str) -> str:
        """Like ``get``, but keeps the row packed (for a row that waits for the rest of its order)."""
        position = self._index.get(name)
        if position is None:
            return ""
        if isinstance(self._packed, str):
            return self._packed.split(self._SEPARATOR, position + 1)[position]
        return self._packed[position]


_CHUNK_BYTES = 1 << 20


def _opener(data: bytes | Path) -> Callable[[], BinaryIO]:
    if isinstance(data, Path):
        path = data

        def open_file() -> BinaryIO:
            try:
                return path.open("rb")
            except OSError as exc:
                raise ImportFailed(
                    _("{path} cannot be read ({reason}); check the file name.").format(
                        path=path, reason=exc.strerror or exc
                    )
                ) from None

        return open_file
    return lambda: io.BytesIO(data)


def _encoding(open_binary: Callable[[], BinaryIO]) -> tuple[str, str, bool]:
    """(codec, errors, suspect): UTF-8 (a BOM is dropped), UTF-8 holding half characters (refused
    by row later), else GB18030 (which covers GBK and GB2312); ``suspect`` when the text holds NUL
    or half characters. Read in chunks: the file is never held whole. Raises ImportFailed naming
    the first unreadable row."""
    first_row = 0
    for codec, errors in (("utf-8-sig", "strict"), ("utf-8-sig", "surrogatepass"), ("gb18030", "strict")):
        decoder = codecs.getincrementaldecoder(codec)(errors)
        suspect = False
        lines = 0
        with open_binary() as stream:
            try:
                while chunk := stream.read(_CHUNK_BYTES):
                    suspect = has_bad_characters(decoder.decode(chunk)) or suspect
                    lines += chunk.count(b"\n")
                suspect = has_bad_characters(decoder.decode(b"", final=True)) or suspect
            except UnicodeDecodeError as exc:
                if not first_row:
                    first_row = lines + chunk[: exc.start].count(b"\n") + 1
                continue
        return codec, errors, suspect
    raise ImportFailed(
        _(
            "The file is not UTF-8 or GB18030/GBK text (row {row} cannot be read). "
            'Save it again as "CSV UTF-8" and import that.'
        ).format(row=first_row or 1)
    )


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in (see ``_encoding``)."""
    codec, errors, _suspect = _encoding(_opener(data))
    return data.decode(codec, errors), "utf-8" if codec.startswith("utf-8") else codec


@dataclass(frozen=True)
class CsvSource:
    """An order file whose encoding and header are known; ``rows()`` reads its rows from the start
    each time it is called, one at a time."""

    header: tuple[str, ...]
    encoding: str  # "utf-8" or "gb18030"
    _open: Callable[[], BinaryIO]
    _codec: str
    _errors: str
    _suspect: bool  # the text holds NUL or half characters: every row is checked for them
    _delimiter: str
    _kept: tuple[int, ...]  # positions of the columns the import reads
    _index: Mapping[str, int]  # column name -> position in a row's Cells

    def rows(self) -> Iterator[tuple[int, Cells]]:
        """(row number as a spreadsheet shows it, the row's cells), blank rows left out. Raises
        ImportFailed naming the row that is not valid CSV."""
        kept, index = self._kept, self._index
        with io.TextIOWrapper(self._open(), encoding=self._codec, errors=self._errors, newline="") as stream:
            reader = csv.reader(stream, delimiter=self._delimiter)
            number = 1
            try:
                next(reader, None)
                for number, cells in enumerate(reader, start=2):
                    if not any(cell.strip() for cell in cells):
                        continue
                    _check_cells(number, cells, self._suspect)
                    width = len(cells)
                    yield number, Cells(tuple(cells[i] if i < width else "" for i in kept), index)
            except csv.Error as exc:
                raise _not_csv(number + 1, exc) from None


def read_csv(data: bytes | Path) -> CsvSource:
    """The file's encoding and header (the rows are read later, by ``CsvSource.rows``). Raises
    ImportFailed when the file cannot be read, is empty, or is not text."""
    open_binary = _opener(data)
    codec, errors, suspect = _encoding(open_binary)
    encoding = "utf-8" if codec.startswith("utf-8") else codec
    with io.TextIOWrapper(open_binary(), encoding=codec, errors=errors, newline="") as stream:
        sample = stream.read(4096)
        stream.seek(0)
        delimiter = ","
        if sample.count("\t") > sample.count(",") and sample.count("\t") > sample.count(";"):
            delimiter = "\t"
        elif sample.split("\n", 1)[0].count(";") > sample.split("\n", 1)[0].count(","):
            delimiter = ";"
        try:
            header_row = next(csv.reader(stream, delimiter=delimiter), None)
        except csv.Error as exc:
            raise _not_csv(1, exc) from None
    if header_row is None or not any(cell.strip() for cell in header_row):
        raise ImportFailed(_("The file is empty; it needs a header row and one row per order line."))
    _check_cells(1, header_row, suspect)
    header = tuple(cell.strip().lstrip("\ufeff") for cell in header_row)
    used = used_columns()
    kept = tuple(i for i, name in enumerate(header) if name in used and name not in header[:i])
    index = {header[i]: position for position, i in enumerate(kept)}
    return CsvSource(header, encoding, open_binary, codec, errors, suspect, delimiter, kept, index)


def _not_csv(row: int, exc: csv.Error) -> ImportFailed:
    if "field limit" in str(exc):
        return ImportFailed(_("Row {row}: {problem}").format(row=row, problem=cell_too_long_message()))
    return ImportFailed(_("Row {row} is not valid CSV ({reason}); check its quotes.").format(row=row, reason=exc))


def _check_cells(row: int, cells: Sequence[str], suspect: bool) -> None:
    problem = text_problem(cells) if suspect else ""
    if problem:
        raise ImportFailed(_("Row {row}: {problem}").format(row=row, problem=problem))
