"""The return slip: one page (more for a long return) that goes with the items coming back, with the
return's own number as Code 128 (scanned at the packing station's returns mode to find the order),
the order it came from, why, and each item with its condition and value."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from orderapp.documents.flow import Block, Cell, Column, Fixed, Spacer, Table, TextBlock
from orderapp.documents.letterhead import Letterhead
from orderapp.documents.page_header import PageHeader, write_document
from orderapp.documents.papers import MM, PAPERS, Paper
from orderapp.documents.pen import GREY, Pen, fitted_code128, leading
from orderapp.documents.words import date_time, money
from orderapp.i18n import _


@dataclass(frozen=True)
class ReturnSlipLine:
    sku: str
    name: str
    quantity: int
    condition: str  # already translated: "Resellable", "Damaged"
    value_cents: int


@dataclass(frozen=True)
class ReturnSlip:
    number: str  # RT-000001
    order_number: str
    created_at: datetime  # aware UTC
    customer_name: str
    reason: str  # already translated
    note: str
    currency: str
    lines: tuple[ReturnSlipLine, ...]
    value_cents: int
    refund_cents: int = 0
    exchange_order_number: str = ""


def render_return_slip(slip: ReturnSlip, letterhead: Letterhead, out: BinaryIO, *, paper: Paper = PAPERS["a4"]) -> int:
    """Write the slip as a PDF; returns the page count."""
    details = [
        slip.number,
        _("Order {number}").format(number=slip.order_number),
        date_time(slip.created_at, letterhead.zone),
    ]
    header = PageHeader(paper, letterhead, _("Return slip"), details)
    file_title = _("Return slip {number}").format(number=slip.number)
    return write_document(out, header, _blocks(slip, paper), file_title=file_title)


def _blocks(slip: ReturnSlip, paper: Paper) -> list[Block]:
    size = paper.size
    width = paper.body_width
    bar_height = 13 * MM
    blocks: list[Block] = [
        Fixed(bar_height + leading(size * 1.3) + 2, _barcode_painter(slip.number, bar_height, width, size)),
        Spacer(3 * MM),
    ]
    facts = [
        (_("Customer"), slip.customer_name or "—"),
        (_("Order"), slip.order_number),
        (_("Reason"), slip.reason),
    ]
    if slip.exchange_order_number:
        facts.append((_("Sent in exchange"), slip.exchange_order_number))
    if slip.note.strip():
        facts.append((_("Note"), slip.note.strip()))
    blocks.append(
        Table.of_text(
            [Column(width * 0.25), Column(width * 0.75)],
            None,
            [[Cell([label], colour=GREY), value] for label, value in facts],
            size,
        )
    )
    blocks.append(Spacer(3 * MM))
    columns = [
        Column(width * 0.18),
        Column(width * 0.42),
        Column(width * 0.1, "right"),
        Column(width * 0.14),
        Column(width * 0.16, "right"),
    ]
    rows: list[list[str | Cell]] = [
        [
            line.sku,
            line.name,
            Cell([str(line.quantity)], bold=True),
            line.condition,
            money(line.value_cents, slip.currency),
        ]
        for line in slip.lines
    ]
    blocks.append(Table.of_text(columns, [_("SKU"), _("Item"), _("Qty"), _("Condition"), _("Value")], rows, size))
    totals: list[tuple[str, int]] = [(_("Value returned"), slip.value_cents)]
    if slip.refund_cents:
        totals.append((_("Refunded"), slip.refund_cents))
    total_table = Table.of_text(
        [Column(width * 0.8, "right"), Column(width * 0.2, "right")],
        None,
        [[Cell([label], bold=True), Cell([money(cents, slip.currency)], bold=True)] for label, cents in totals],
        size,
    )
    total_table.ruled = False
    blocks += [Spacer(1.5 * MM), total_table, Spacer(8 * MM)]
    blocks.append(TextBlock([_("Checked by: ______________________    Date: ____________")], size, colour=GREY))
    return blocks


def _barcode_painter(number: str, height: float, width: float, size: float) -> Callable[[Pen, float, float], None]:
    def paint(pen: Pen, x: float, top: float) -> None:
        barcode = fitted_code128(number, bar=1.0, height=height, max_width=width * 0.6)
        barcode.drawOn(pen.canvas, x, top - height)
        pen.text(x + 10, top - height - size * 1.3 - 1, number, size * 1.3, bold=True)

    return paint
