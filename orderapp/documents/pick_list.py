"""The pick list for a batch of orders: walk the shelves once, in bin order, and pick every unit.

First the orders of the batch, each with its barcode (scan it at the packing station); then every
product once, totalled over the batch, sorted by bin location, with how many go to each order and a
box to tick.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from orderapp.documents.flow import PAD_X, Block, Cell, Column, Fixed, Spacer, Table, TextBlock
from orderapp.documents.letterhead import Letterhead
from orderapp.documents.output import Batch
from orderapp.documents.page_header import PageHeader, write_document
from orderapp.documents.papers import MM, PAPERS, Paper
from orderapp.documents.pen import GREY, Pen, code128_width, leading
from orderapp.documents.text import fit
from orderapp.documents.words import _, date_time, ngettext


@dataclass(frozen=True)
class PickOrder:
    number: str
    customer: str
    units: int
    urgent: bool = False


@dataclass(frozen=True)
class PickItem:
    location: str
    sku: str
    name: str
    quantity: int  # over the whole batch
    per_order: tuple[tuple[str, int], ...]  # (order number, quantity), in the batch's order


@dataclass(frozen=True)
class PickList:
    orders: tuple[PickOrder, ...]
    items: tuple[PickItem, ...]  # sorted by bin location
    made_at: datetime  # aware UTC

    @property
    def units(self) -> int:
        return sum(item.quantity for item in self.items)


def bin_order(location: str, sku: str) -> tuple[object, ...]:
    """Sort key walking the shelves: "A-2-1" before "A-10-1"; products without a location last."""
    parts = tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold()) for part in _PIECES.findall(location)
    )
    return (not location.strip(), parts, sku.casefold())


_PIECES = re.compile(r"\d+|[^\d\s\-_/.]+")


def render_pick_list(
    pick_list: PickList,
    letterhead: Letterhead,
    out: BinaryIO,
    *,
    paper: Paper = PAPERS["a4"],
    batch: Batch | None = None,
) -> int:
    """Write the pick list as a PDF; returns the page count."""
    details = [
        _("Printed {time}").format(time=date_time(pick_list.made_at, letterhead.zone)),
        _("{orders}, {products}, {units}").format(
            orders=ngettext("{count} order", "{count} orders", len(pick_list.orders)).format(
                count=len(pick_list.orders)
            ),
            products=ngettext("{count} product", "{count} products", len(pick_list.items)).format(
                count=len(pick_list.items)
            ),
            units=ngettext("{count} unit", "{count} units", pick_list.units).format(count=pick_list.units),
        ),
    ]
    header = PageHeader(paper, letterhead, _("Pick list"), details)
    return write_document(out, header, _blocks(pick_list, paper), file_title=_("Pick list"), batch=batch)


def _blocks(pick_list: PickList, paper: Paper) -> list[Block]:
    size = paper.size
    width = paper.body_width
    blocks: list[Block] = [TextBlock([_("Orders in this batch")], size * 1.1, bold=True), Spacer(1 * MM)]
    per_row = max(1, int(width // (58 * MM)))
    card_width = width / per_row
    bar_height = 9 * MM
    card_height = bar_height + 2 + leading(size * 1.1) + leading(size) * 2 + 2 * MM
    orders = list(pick_list.orders)
    for start in range(0, len(orders), per_row):
        blocks.append(Fixed(card_height, _card_row(orders[start : start + per_row], card_width, bar_height, size)))
    blocks += [Spacer(4 * MM), TextBlock([_("Items, in shelf order")], size * 1.1, bold=True), Spacer(1 * MM)]

    widths = [14.0, width * 0.12, width * 0.15, 0.0, width * 0.09, width * 0.23]
    widths[3] = width - sum(widths)
    columns = [
        Column(widths[0], "centre"),
        Column(widths[1]),
        Column(widths[2]),
        Column(widths[3]),
        Column(widths[4], "right"),
        Column(widths[5]),
    ]
    rows: list[list[str | Cell]] = []
    for item in pick_list.items:
        split = "   ".join(f"{number}\u00a0×\u00a0{quantity}" for number, quantity in item.per_order)
        rows.append(
            [
                Cell(check_box=True),
                item.location or "—",
                item.sku,
                item.name,
                Cell([str(item.quantity)], bold=True),
                split,
            ]
        )
    header = ["", _("Location"), _("SKU"), _("Item"), _("Qty"), _("Per order")]
    blocks.append(Table.of_text(columns, header, rows, size))
    if not pick_list.items:
        blocks.append(TextBlock([_("These orders have no lines to pick.")], size))
    return blocks


def _card_row(
    orders: Sequence[PickOrder], card_width: float, bar_height: float, size: float
) -> Callable[[Pen, float, float], None]:
    def paint(pen: Pen, x: float, top: float) -> None:
        for index, order in enumerate(orders):
            left = x + index * card_width + PAD_X
            inner = card_width - 2 * PAD_X - 2 * MM
            bar = 1.0
            if code128_width(order.number, bar=bar) > inner:
                bar = max(0.6, inner / code128_width(order.number, bar=1.0))
            pen.code128(order.number, left - 10 * bar, top - bar_height, height=bar_height, max_width=inner, bar=bar)
            y = top - bar_height - 2 - size * 1.1
            label = order.number + (f"  {_('URGENT')}" if order.urgent else "")
            pen.text(left, y, label, size * 1.1, bold=True)
            y -= leading(size)
            pen.text(left, y, fit(order.customer or _("(no name given)"), size, inner), size)
            y -= leading(size)
            units = ngettext("{count} unit", "{count} units", order.units).format(count=order.units)
            pen.text(left, y, units, size, colour=GREY)

    return paint
