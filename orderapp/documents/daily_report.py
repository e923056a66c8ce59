"""The owner's daily summary on one page: every figure beside the day before and the same weekday a
week earlier, the sales by hour as a bar chart (ReportLab's own charts) and the top 10 products."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, BinaryIO

from orderapp.documents import words
from orderapp.documents.flow import (
    Block,
    Cell,
    Column,
    Fixed,
    Row,
    SideBySide,
    Spacer,
    Table,
    TextBlock,
)
from orderapp.documents.letterhead import Letterhead
from orderapp.documents.page_header import PageHeader, write_document
from orderapp.documents.papers import MM, PAPERS, Paper
from orderapp.documents.pen import GREY, Pen, leading
from orderapp.documents.staff_table import packers_table
from orderapp.documents.words import _, date_time, money

if TYPE_CHECKING:
    from orderapp.services.documents.daily_summary import DailySummary, DayFigures

Formatter = Callable[[int], str]


@dataclass(frozen=True)
class FigureLine:
    """One line of the summary: its section, what it is, and how to show a value of it."""

    section: str
    label: str
    value: Callable[[DayFigures], int]
    kind: str = "count"  # count | money | units

    def text(self, figures: DayFigures, currency: str) -> str:
        value = self.value(figures)
        if self.kind == "money":
            return money(value, currency)
        return f"{value:,}"


def figure_lines() -> list[FigureLine]:
    """Every figure of the summary in the order it is shown (the Reports screen uses the same list)."""

    def payment(status: str) -> Callable[[DayFigures], int]:
        return lambda f: next(p.orders for p in f.payment if p.status == status)

    orders, sales, paying = _("Orders"), _("Sales"), _("Payment (orders taken that day)")
    packing, stock, returns = _("Packing"), _("Stock"), _("Returns and refunds")
    problems = _("Exceptions")
    return [
        FigureLine(orders, _("Received"), lambda f: f.received),
        FigureLine(orders, _("Confirmed"), lambda f: f.confirmed),
        FigureLine(orders, _("Packed"), lambda f: f.packed),
        FigureLine(orders, _("Shipped"), lambda f: f.shipped),
        FigureLine(orders, _("Cancelled"), lambda f: f.cancelled),
        FigureLine(orders, _("On hold at the end of the day"), lambda f: f.on_hold),
        FigureLine(sales, _("Revenue, gross"), lambda f: f.gross_cents, "money"),
        FigureLine(sales, _("Discounts"), lambda f: f.discount_cents, "money"),
        FigureLine(sales, _("Revenue, net"), lambda f: f.net_cents, "money"),
        FigureLine(sales, _("Orders sold (not cancelled)"), lambda f: f.sales_orders),
        FigureLine(sales, _("Average order value (net)"), lambda f: f.average_order_cents, "money"),
        FigureLine(sales, _("Items sold"), lambda f: f.items_sold, "units"),
        FigureLine(paying, _("Paid"), payment("paid")),
        FigureLine(paying, _("Partly paid"), payment("partly_paid")),
        FigureLine(paying, _("Unpaid"), payment("unpaid")),
        FigureLine(paying, _("Refunded"), payment("refunded")),
        FigureLine(paying, _("Still to collect"), lambda f: f.outstanding_cents, "money"),
        FigureLine(packing, _("Wrong items caught at packing"), lambda f: f.wrong_items_caught),
        FigureLine(packing, _("Orders packed with an override"), lambda f: f.overrides),
        FigureLine(stock, _("Stock adjustments (units)"), lambda f: f.adjustment_units, "units"),
        FigureLine(stock, _("Stock adjustments (value at cost)"), lambda f: f.adjustment_value_cents, "money"),
        FigureLine(stock, _("Products at or below reorder point"), lambda f: f.at_or_below_reorder),
        FigureLine(returns, _("Returns recorded"), lambda f: f.returns.returns),
        FigureLine(returns, _("Value returned"), lambda f: f.returns.value_cents, "money"),
        FigureLine(returns, _("Units put back in stock"), lambda f: f.returns.restocked_units, "units"),
        FigureLine(returns, _("Units written off (damaged)"), lambda f: f.returns.written_off_units, "units"),
        FigureLine(returns, _("Refunds recorded"), lambda f: f.returns.refunds),
        FigureLine(returns, _("Money refunded"), lambda f: f.returns.refunded_cents, "money"),
        FigureLine(problems, _("Exceptions opened"), lambda f: f.exceptions.opened),
        FigureLine(problems, _("Exceptions resolved"), lambda f: f.exceptions.resolved),
        FigureLine(problems, _("Open at the end of the day: severe"), lambda f: f.exceptions.open_severe),
        FigureLine(problems, _("Open at the end of the day: moderate"), lambda f: f.exceptions.open_moderate),
        FigureLine(problems, _("Open at the end of the day: minor"), lambda f: f.exceptions.open_minor),
    ]


def day_heading(day: date) -> str:
    """The day as the summary's heading, in the paperwork's (or the window's) language."""
    return words.day_heading(day)


def render_daily_summary(
    summary: DailySummary, letterhead: Letterhead, out: BinaryIO, *, paper: Paper = PAPERS["a4"]
) -> int:
    """Write the summary as a PDF (one page unless the product names are very long); returns pages."""
    details = [
        day_heading(summary.day) + f"  ({summary.timezone})",
        _("Made {time}").format(time=date_time(summary.made_at, letterhead.zone)),
    ]
    header = PageHeader(paper, letterhead, _("Daily summary"), details)
    file_title = _("Daily summary {day}").format(day=summary.day.isoformat())
    return write_document(out, header, _blocks(summary, paper), file_title=file_title)


def _blocks(summary: DailySummary, paper: Paper) -> list[Block]:
    size = paper.size * 0.86  # one page with the returns, refunds, exceptions and packers' figures
    width = paper.body_width
    currency = summary.currency
    days = (summary.figures, summary.previous_day, summary.last_week)
    value_width = width * 0.2
    columns = [Column(width - 3 * value_width), *(Column(value_width, "right") for _day in days)]
    header = [
        "",
        day_heading(summary.day),
        _("Day before") + "\n" + words.long_date(summary.previous_day.day),
        _("Week before") + "\n" + words.long_date(summary.last_week.day),
    ]
    table = Table.of_text(columns, header, [], size, pad=1.0)
    section = ""
    for line in figure_lines():
        if line.section != section:
            section = line.section
            table.rows.append(Row([Cell([section], bold=True), Cell(), Cell(), Cell()], size, shaded=True, pad=0.5))
        values = [Cell([line.text(figures, currency)], bold=index == 0) for index, figures in enumerate(days)]
        table.rows.append(Row([Cell(["    " + line.label]), *values], size, pad=0.3))
    blocks: list[Block] = [table]
    if not summary.figures.packing_recorded:
        blocks.append(
            TextBlock([_("Packing figures start when the packing station is in use.")], size * 0.85, colour=GREY)
        )
    if summary.packers:
        blocks += [Spacer(2 * MM), packers_table(summary.packers, width, size * 0.92)]
    blocks.append(Spacer(3 * MM))

    chart_width = width * 0.5
    chart_height = 38 * MM
    top_width = width - chart_width - 4 * MM
    chart_title = _("Sales by hour (net, {currency})").format(currency=currency)
    chart = Fixed(
        chart_height + leading(size * 1.05),
        _chart_painter(summary.figures.sales_by_hour, chart_title, chart_width, chart_height, size),
    )
    top_columns = [
        Column(top_width * 0.1, "right"),
        Column(top_width * 0.52),
        Column(top_width * 0.14, "right"),
        Column(top_width * 0.24, "right"),
    ]
    top_rows: list[list[str | Cell]] = [
        [str(rank), product.name, f"{product.quantity:,}", money(product.net_cents, currency)]
        for rank, product in enumerate(summary.figures.top_products, start=1)
    ]
    top = Table.of_text(
        top_columns, ["#", _("Top products"), _("Units"), _("Net")], top_rows, size * 0.92, pad=0.6, max_lines=2
    )
    if not top_rows:
        top.rows.append(Row([Cell(), Cell([_("No sales this day.")], colour=GREY), Cell(), Cell()], size * 0.92))
    blocks.append(SideBySide(chart, top, chart_width + 4 * MM))
    return blocks


def _chart_painter(
    by_hour: tuple[int, ...], title: str, width: float, height: float, size: float
) -> Callable[[Pen, float, float], None]:
    def paint(pen: Pen, x: float, top: float) -> None:
        pen.text(x, top - size * 1.05, title, size * 1.05, bold=True)
        drawing = sales_chart(by_hour, width, height, size)
        from reportlab.graphics import renderPDF

        renderPDF.draw(drawing, pen.canvas, x, top - leading(size * 1.05) - height)

    return paint


def sales_chart(by_hour: tuple[int, ...], width: float, height: float, size: float) -> Any:
    """The sales by hour as a ReportLab bar chart drawing, in whole currency units."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    from orderapp.documents.fonts import register_font

    font = register_font()
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 16
    chart.width, chart.height = width - 40, height - 22
    chart.data = [[value / 100 for value in by_hour]]
    chart.bars[0].fillColor = colors.HexColor("#2f6f4f")
    chart.bars[0].strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 2
    chart.categoryAxis.categoryNames = [str(hour) if hour % 3 == 0 else "" for hour in range(24)]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = size * 0.8
    chart.categoryAxis.labels.dy = -2
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = size * 0.8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda value: f"{value:,.0f}"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.valueAxis.gridStrokeWidth = 0.4
    if not any(by_hour):
        chart.valueAxis.valueMax = 1
    drawing.add(chart)
    return drawing
