"""Packing slips: one per order, on A4, A5, Letter or a 4x6 in label, many in one PDF.

Every page of a slip carries the shop's header, the order number as Code 128 (the packing station
opens the order by scanning it) and "page x of y" counted within that order; the lines flow over
as many pages as they need, the table header repeated. Prices can be left off (a gift slip).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO

from orderapp.documents.flow import (
    PAD_X,
    Block,
    Cell,
    Column,
    Fixed,
    Line,
    Page,
    Row,
    Spacer,
    Styled,
    Table,
    TextBlock,
    draw_page,
    paginate,
    styled,
)
from orderapp.documents.letterhead import Letterhead, LogoStamp
from orderapp.documents.output import Batch, new_canvas
from orderapp.documents.papers import MM, PAPERS, Paper
from orderapp.documents.pen import GREY, Align, Pen, fitted_code128, leading
from orderapp.documents.text import one_line, wrap
from orderapp.documents.words import _, date_time, money, ngettext


@dataclass(frozen=True)
class SlipLine:
    sku: str
    name: str
    quantity: int
    unit_price_cents: int = 0
    discount_cents: int = 0

    @property
    def amount_cents(self) -> int:
        return self.quantity * self.unit_price_cents - self.discount_cents


@dataclass(frozen=True)
class SlipOrder:
    number: str
    created_at: datetime  # aware UTC
    lines: tuple[SlipLine, ...]
    currency: str = "CNY"
    ship_name: str = ""
    ship_phone: str = ""
    ship_address: tuple[str, ...] = ()  # lines as printed, e.g. street, "city region postcode", country
    external_ref: str = ""
    channel: str = ""
    fulfilment: str = "delivery"  # delivery | pickup | walk_in
    priority: str = "normal"
    notes: str = ""
    subtotal_cents: int = 0
    discount_cents: int = 0
    shipping_cents: int = 0
    total_cents: int = 0
    paid_cents: int = 0
    carrier: str = ""
    tracking_number: str = ""

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)


@dataclass(frozen=True)
class SlipOptions:
    paper: Paper = PAPERS["a4"]
    show_prices: bool = True
    footer: str = ""  # e.g. the returns policy, printed at the foot of every page


def render_slips(
    orders: Sequence[SlipOrder],
    letterhead: Letterhead,
    options: SlipOptions,
    out: BinaryIO,
    *,
    batch: Batch | None = None,
) -> int:
    """Write one PDF holding a slip for each order, in the order given; returns the page count."""
    batch = batch or Batch(len(orders))
    paper = options.paper
    title = _("Packing slips") if len(orders) != 1 else _("Packing slip {number}").format(number=orders[0].number)
    canvas = new_canvas(out, title=title, page_size=(paper.width, paper.height))
    pen = Pen(canvas)
    layout = _SlipLayout(letterhead, options)
    pages = 0
    for order in orders:
        batch.step()
        pages += layout.draw(pen, order)
        batch.finished_one()
    if not orders:
        pen.text(paper.margin, paper.height - paper.margin - 20, _("No orders to print."), paper.size * 1.4)
        canvas.showPage()
        pages = 1
    batch.step()
    canvas.save()
    return pages


class _SlipLayout:
    """What is the same on every slip of a batch, measured once: the shop block and the footer."""

    def __init__(self, letterhead: Letterhead, options: SlipOptions) -> None:
        self.letterhead = letterhead
        self.options = options
        paper = self.paper = options.paper
        self.size = size = paper.size
        self.zone = letterhead.zone
        width = paper.body_width
        self.right_width = width * (0.46 if paper.compact else 0.42)
        self.left_width = width - self.right_width - 4 * MM
        self.logo = LogoStamp(
            letterhead.logo,
            max_width=(24 if paper.compact else 38) * MM,
            max_height=(10 if paper.compact else 16) * MM,
        )
        text_x = self.logo.width + 3 * MM if self.logo else 0.0
        self.shop_x = text_x
        text_width = self.left_width - text_x
        self.name_size = size * 1.45
        self.name_lines = wrap(letterhead.name, self.name_size, text_width, max_lines=2)
        self.small = size * 0.88
        address = wrap(letterhead.address, self.small, text_width, max_lines=2 if paper.compact else 4)
        phone = (
            wrap(_("Tel. {phone}").format(phone=letterhead.phone), self.small, text_width) if letterhead.phone else []
        )
        self.detail_lines = address + phone
        shop_height = leading(self.name_size) * len(self.name_lines) + leading(self.small) * len(self.detail_lines)
        self.bar_height = (9 if paper.compact else 12) * MM
        self.bar = 0.85 if paper.compact else 1.0
        right_height = leading(size * 1.4) + self.bar_height + 2 + leading(size * 1.2) + leading(self.small)
        self.header_height = max(shop_height, self.logo.height, right_height) + 3 * MM
        self.footer_lines = wrap(options.footer, self.small, width, max_lines=4)
        self.footer_height = leading(self.small) * len(self.footer_lines) + (2 * MM if self.footer_lines else 0)
        if options.show_prices:
            price = width * (0.15 if paper.compact else 0.13)
            widths = [12.0, width * (0.2 if paper.compact else 0.17), 0.0, width * 0.09, price, price]
        else:
            widths = [12.0, width * (0.24 if paper.compact else 0.2), 0.0, width * 0.1]
        widths[2] = width - sum(widths)
        aligns: list[Align] = ["centre", "left", "left", "right", "right", "right"]
        self.columns = [Column(w, a) for w, a in zip(widths, aligns, strict=False)]
        header = ["", _("SKU"), _("Item"), _("Qty")]
        if options.show_prices:
            header += [_("Price"), _("Amount")]
        self.table_header = header
        self._forms: set[int] = set()

    # -- one slip ---------------------------------------------------------------------------------

    def draw(self, pen: Pen, order: SlipOrder) -> int:
        paper = self.paper
        top = paper.height - paper.margin - self.header_height - 2 * MM
        bottom = paper.margin + self.footer_height
        pages = paginate(self.blocks(order), top, bottom)
        barcode = fitted_code128(order.number, bar=self.bar, height=self.bar_height, max_width=self.right_width)
        for number, page in enumerate(pages, start=1):
            self._draw_page(pen, order, barcode, page, number, len(pages))
        return len(pages)

    def _draw_page(self, pen: Pen, order: SlipOrder, barcode: Any, page: Page, number: int, count: int) -> None:
        canvas = pen.canvas
        if id(canvas) not in self._forms:
            self._make_page_form(pen)
        canvas.doForm(self.FORM)
        paper, size = self.paper, self.size
        right = paper.width - paper.margin
        y = paper.height - paper.margin - size * 1.4
        y -= leading(size * 1.4) - size * 1.4 + self.bar_height + 2
        barcode.drawOn(canvas, right - barcode.width, y)
        y -= size * 1.2 + 2
        pen.text(right, y, order.number, size * 1.2, bold=True, align="right")
        y -= leading(self.small) + 1
        pen.text(right, y, _("Page {page} of {pages}").format(page=number, pages=count), self.small, align="right")
        draw_page(pen, page, paper.margin)
        canvas.showPage()

    FORM = "orderapp_slip_page"

    def _make_page_form(self, pen: Pen) -> None:
        """What is the same on every page of every slip, drawn once per PDF: the shop's header,
        the title, the rules and the footer."""
        canvas = pen.canvas
        paper, size = self.paper, self.size
        self.logo.prepare(canvas)
        canvas.beginForm(self.FORM, 0, 0, paper.width, paper.height)
        left = paper.margin
        top = paper.height - paper.margin
        right = paper.width - paper.margin
        self.logo.stamp(canvas, left, top)
        y = pen.lines(left + self.shop_x, top, self.name_lines, self.name_size, bold=True)
        pen.lines(left + self.shop_x, y, self.detail_lines, self.small, colour=GREY)
        pen.text(right, top - size * 1.4, _("Packing slip"), size * 1.4, bold=True, align="right")
        pen.rule(left, right, top - self.header_height + 1 * MM, width=0.9)
        if self.footer_lines:
            footer_top = paper.margin + self.footer_height - 2 * MM
            pen.rule(left, right, footer_top + 1.2 * MM, width=0.4, colour=GREY)
            pen.lines(left, footer_top, self.footer_lines, self.small, colour=GREY)
        canvas.endForm()
        self._forms.add(id(canvas))

    # -- the body ---------------------------------------------------------------------------------

    def blocks(self, order: SlipOrder) -> list[Block]:
        paper, size = self.paper, self.size
        width = paper.body_width
        blocks: list[Block] = [self._info(order), Spacer(2.5 * MM), self._lines_table(order)]
        units = _("{lines}, {units}").format(
            lines=ngettext("{count} line", "{count} lines", len(order.lines)).format(count=len(order.lines)),
            units=ngettext("{count} unit", "{count} units", order.units).format(count=order.units),
        )
        blocks.append(Fixed(leading(size) + 2, _right_painter(units, size, width, bold=True)))
        if self.options.show_prices:
            blocks += [Spacer(1.5 * MM), self._totals(order)]
        if order.notes.strip():
            blocks += [
                Spacer(3 * MM),
                TextBlock([_("Notes")], size, bold=True),
                TextBlock.wrapped(order.notes, size, width),
            ]
        return blocks

    def _info(self, order: SlipOrder) -> Table:
        size, small = self.size, self.small
        width = self.paper.body_width
        left_width = width * (0.52 if self.paper.compact else 0.56)
        right_width = width - left_width
        inner_left = left_width - 2 * PAD_X
        inner_right = right_width - 2 * PAD_X
        caption = {"pickup": _("Collect at the shop"), "walk_in": _("Customer")}.get(order.fulfilment, _("Ship to"))
        left: list[Line] = [Styled(caption, colour=GREY, size=small)]
        left += styled(order.ship_name or _("(no name given)"), size, inner_left, bold=True)
        if order.ship_phone:
            left += styled(_("Tel. {phone}").format(phone=order.ship_phone), size, inner_left)
        for line in order.ship_address:
            left += styled(line, size, inner_left)

        facts: list[tuple[str, str]] = [(_("Order date"), date_time(order.created_at, self.zone))]
        if order.external_ref:
            facts.append((_("Reference"), order.external_ref))
        if order.priority == "urgent":
            facts.append((_("Priority"), _("URGENT")))
        if order.carrier or order.tracking_number:
            facts.append((_("Carrier"), f"{order.carrier} {order.tracking_number}".strip()))
        if self.options.show_prices and order.total_cents > order.paid_cents:
            facts.append((_("To collect"), money(order.total_cents - order.paid_cents, order.currency)))
        right: list[Line] = []
        for label, value in facts:
            right.append(Styled(label, colour=GREY, size=small))
            right += styled(value, size, inner_right, bold=label == _("Priority"))
        row = Row([Cell(left), Cell(right)], size)
        return Table([Column(left_width), Column(right_width)], None, [row], ruled=False)

    def _lines_table(self, order: SlipOrder) -> Table:
        size = self.size
        currency = order.currency
        rows: list[list[str | Cell]] = []
        for line in order.lines:
            values: list[str | Cell] = [
                Cell(check_box=True),
                line.sku,
                line.name,
                Cell([str(line.quantity)], bold=True),
            ]
            if self.options.show_prices:
                amount: list[Line] = [money(line.amount_cents, currency)]
                if line.discount_cents:
                    amount.append(Styled("-" + money(line.discount_cents, currency), colour=GREY))
                values += [money(line.unit_price_cents, currency), Cell(amount)]
            rows.append(values)
        return Table.of_text(self.columns, self.table_header, rows, size)

    def _totals(self, order: SlipOrder) -> Table:
        size = self.size
        width = self.paper.body_width
        currency = order.currency
        figures = [(_("Subtotal"), order.subtotal_cents)]
        if order.discount_cents:
            figures.append((_("Discount"), -order.discount_cents))
        if order.shipping_cents:
            figures.append((_("Shipping"), order.shipping_cents))
        figures.append((_("Total"), order.total_cents))
        if order.paid_cents and order.paid_cents != order.total_cents:
            figures.append((_("Paid"), order.paid_cents))
        value_width = width * (0.3 if self.paper.compact else 0.2)
        columns = [Column(width - value_width, "right"), Column(value_width, "right")]
        rows: list[list[str | Cell]] = [
            [Cell([label], bold=label == _("Total")), Cell([money(cents, currency)], bold=label == _("Total"))]
            for label, cents in figures
        ]
        table = Table.of_text(columns, None, rows, size)
        table.ruled = False
        return table


def _right_painter(text: str, size: float, width: float, *, bold: bool = False) -> Callable[[Pen, float, float], None]:
    def paint(pen: Pen, x: float, top: float) -> None:
        pen.text(x + width - PAD_X, top - size - 2, one_line(text), size, bold=bold, align="right")

    return paint
