"""Count sheets: what to count, shelf by shelf, with a box to write the figure in.

A blind count leaves the expected figure off, so the counter writes what is on the shelf and not
what the books say. Rows come from ``orderapp.services.stock.counts.count_sheet_lines`` or any sequence
of rows with the same fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO, Protocol

from orderapp.documents.flow import Block, Cell, Column, Spacer, Table, TextBlock
from orderapp.documents.letterhead import Letterhead
from orderapp.documents.output import Batch
from orderapp.documents.page_header import PageHeader, write_document
from orderapp.documents.papers import MM, PAPERS, Paper
from orderapp.documents.pen import GREY, Align
from orderapp.documents.text import wrap
from orderapp.documents.words import _, date_time, ngettext


class CountSheetRow(Protocol):
    @property
    def location(self) -> str: ...

    @property
    def sku(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def barcode(self) -> str: ...

    @property
    def expected(self) -> int | None: ...  # None on a blind count


@dataclass(frozen=True)
class CountSheetLine:
    """A row of a count sheet, for callers that have no row type of their own."""

    location: str
    sku: str
    name: str
    barcode: str = ""
    expected: int | None = None


@dataclass(frozen=True)
class CountSheetInfo:
    title: str  # e.g. "Count 12: aisle A"
    made_at: datetime  # aware UTC
    blind: bool


def render_count_sheet(
    info: CountSheetInfo,
    rows: Sequence[CountSheetRow],
    letterhead: Letterhead,
    out: BinaryIO,
    *,
    paper: Paper = PAPERS["a4"],
    batch: Batch | None = None,
) -> int:
    """Write the count sheet as a PDF; returns the page count."""
    details = [
        _("Printed {time}").format(time=date_time(info.made_at, letterhead.zone)),
        ngettext("{count} product", "{count} products", len(rows)).format(count=len(rows))
        + ("  ·  " + _("blind count") if info.blind else ""),
    ]
    header = PageHeader(paper, letterhead, info.title, details)
    return write_document(out, header, _blocks(info, rows, paper), file_title=info.title, batch=batch)


def _blocks(info: CountSheetInfo, rows: Sequence[CountSheetRow], paper: Paper) -> list[Block]:
    size = paper.size
    width = paper.body_width
    show_expected = not info.blind
    widths = [width * 0.11, width * 0.14, 0.0, width * 0.17]
    aligns: list[Align] = ["left", "left", "left", "left"]
    header = [_("Location"), _("SKU"), _("Item"), _("Barcode")]
    if show_expected:
        widths.append(width * 0.09)
        aligns.append("right")
        header.append(_("Expected"))
    widths += [width * 0.11, 14.0]
    aligns += ["centre", "centre"]
    header += [_("Counted"), ""]
    widths[2] = width - sum(widths)
    columns = [Column(w, a) for w, a in zip(widths, aligns, strict=True)]
    table_rows: list[list[str | Cell]] = []
    for row in rows:
        values: list[str | Cell] = [row.location or "—", row.sku, row.name, row.barcode]
        if show_expected:
            values.append(Cell([str(row.expected)] if row.expected is not None else []))
        values += [Cell(write_in=True), Cell(check_box=True)]
        table_rows.append(values)
    blocks: list[Block] = [Table.of_text(columns, header, table_rows, size)]
    if not rows:
        blocks.append(TextBlock([_("This count has no products to count.")], size))
    blocks += [
        Spacer(6 * MM),
        TextBlock.wrapped(
            _("Counted by: ______________    Date: __________    Checked by: ______________"), size, width
        ),
        TextBlock(
            wrap(_("Write the units you find on the shelf; leave nothing blank (write 0)."), size * 0.9, width),
            size * 0.9,
            colour=GREY,
        ),
    ]
    return blocks
