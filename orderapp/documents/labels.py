"""Product and shelf labels with barcodes, on label sheets or a single-label printer.

A product label carries the name, the price and the product's own barcode (EAN-13, UPC-A, EAN-8,
or Code 128 for in-store codes and products without one: then the SKU); a shelf label adds the
bin location in large type, for the shelf edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from orderapp.documents.output import Batch, new_canvas
from orderapp.documents.papers import INCH, MM
from orderapp.documents.pen import GREY, Pen, code128
from orderapp.documents.text import fit, wrap
from orderapp.documents.words import _, money
from orderapp.domain.gtin import Symbology, is_valid_gtin, upce_to_upca
from orderapp.errors import OrderAppError


class UnknownSheet(OrderAppError):
    pass


@dataclass(frozen=True)
class LabelSheet:
    key: str
    label: str
    page_width: float
    page_height: float
    columns: int
    rows: int
    label_width: float
    label_height: float
    left: float  # page edge to the first label
    top: float
    pitch_x: float  # from one label's left edge to the next one's
    pitch_y: float

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


SHEETS: dict[str, LabelSheet] = {
    sheet.key: sheet
    for sheet in (
        LabelSheet(
            "a4-3x8",
            "A4, 3 × 8 (70 × 37 mm)",
            210 * MM,
            297 * MM,
            3,
            8,
            70 * MM,
            37 * MM,
            0,
            0.5 * MM,
            70 * MM,
            37 * MM,
        ),
        LabelSheet(
            "avery-5160",
            "Letter, Avery 5160 (2⅝ × 1 in, 3 × 10)",
            8.5 * INCH,
            11 * INCH,
            3,
            10,
            2.625 * INCH,
            1 * INCH,
            0.1875 * INCH,
            0.5 * INCH,
            2.75 * INCH,
            1 * INCH,
        ),
        LabelSheet(
            "50x30", "Label printer, 50 × 30 mm", 50 * MM, 30 * MM, 1, 1, 50 * MM, 30 * MM, 0, 0, 50 * MM, 30 * MM
        ),
    )
}


def sheet(key: str) -> LabelSheet:
    try:
        return SHEETS[key.strip().lower()]
    except KeyError:
        raise UnknownSheet(
            _("There is no label sheet called {key!r}; choose one of: {known}.").format(
                key=key, known=", ".join(SHEETS)
            )
        ) from None


@dataclass(frozen=True)
class LabelProduct:
    sku: str
    name: str
    price_cents: int
    currency: str
    barcode: str = ""  # the code to print; the SKU is printed as Code 128 when empty
    symbology: str = ""  # domain.gtin.Symbology value
    location: str = ""


def render_labels(
    products: Sequence[LabelProduct],
    label_sheet: LabelSheet,
    out: BinaryIO,
    *,
    shelf: bool = False,
    copies: int = 1,
    batch: Batch | None = None,
) -> int:
    """One label per product and copy, filling sheets left to right, top to bottom; returns pages."""
    wanted = [product for product in products for _copy in range(max(1, copies))]
    batch = batch or Batch(len(wanted))
    canvas = new_canvas(
        out,
        title=_("Shelf labels") if shelf else _("Product labels"),
        page_size=(label_sheet.page_width, label_sheet.page_height),
    )
    pen = Pen(canvas)
    pages = 0
    for index, product in enumerate(wanted):
        batch.step()
        slot = index % label_sheet.per_page
        row, column = divmod(slot, label_sheet.columns)
        x = label_sheet.left + column * label_sheet.pitch_x
        top = label_sheet.page_height - label_sheet.top - row * label_sheet.pitch_y
        _draw_label(pen, product, x, top, label_sheet.label_width, label_sheet.label_height, shelf=shelf)
        batch.finished_one()
        if slot == label_sheet.per_page - 1 or index == len(wanted) - 1:
            canvas.showPage()
            pages += 1
    if not wanted:
        canvas.showPage()
        pages = 1
    batch.step()
    canvas.save()
    return pages


def _draw_label(
    pen: Pen, product: LabelProduct, x: float, top: float, width: float, height: float, *, shelf: bool
) -> None:
    pad = min(2.5 * MM, height * 0.08)
    inner = width - 2 * pad
    size = max(6.0, min(9.0, height / 10))
    name_lines = 2 if height >= 30 * MM else 1
    y = top - pad
    if shelf and product.location:
        location_size = size * 1.5
        pen.text(
            x + width - pad,
            y - location_size,
            fit(product.location, location_size, inner * 0.4),
            location_size,
            bold=True,
            align="right",
        )
        name_width = inner * 0.58
    else:
        name_width = inner
    lines = wrap(product.name, size, name_width, max_lines=name_lines)
    y = pen.lines(x + pad, y, lines, size, bold=True)
    price_size = size * 1.35
    bottom_line = pad + price_size * 0.2
    bar_bottom = top - height + pad + price_size + 2
    bar_height = (y - 1.5) - bar_bottom
    _draw_barcode(pen, product, x + pad, bar_bottom, inner, max(bar_height, 8.0), size * 0.85)
    baseline = top - height + bottom_line
    pen.text(x + pad, baseline, money(product.price_cents, product.currency), price_size, bold=True)
    pen.text(
        x + width - pad, baseline, fit(product.sku, size * 0.85, inner * 0.5), size * 0.85, align="right", colour=GREY
    )


def _draw_barcode(
    pen: Pen, product: LabelProduct, x: float, bottom: float, width: float, height: float, digits: float
) -> None:
    """The product's code, centred in ``width``; EAN/UPC with their digits under the bars."""
    kind, value = _printable_code(product)
    if kind == "code128":
        bar = min(1.0, width / _code128_modules(value))
        bars = code128(value, bar=bar, height=height - digits - 1)
        left = x + (width - bars.width) / 2
        bars.drawOn(pen.canvas, left, bottom + digits + 1)
        pen.text(x + width / 2, bottom + 1, value, digits, align="centre")
        return
    widget = _ean_widget(kind, value, width, height, digits)
    from reportlab.graphics import renderPDF
    from reportlab.graphics.shapes import Drawing

    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(x1 - x0, y1 - y0)
    drawing.add(widget)
    renderPDF.draw(drawing, pen.canvas, x + (width - (x1 - x0)) / 2 - x0, bottom - y0)


def _printable_code(product: LabelProduct) -> tuple[str, str]:
    code, symbology = product.barcode.strip(), product.symbology
    if code and code.isdigit() and is_valid_gtin(code):
        if symbology == Symbology.UPCE and len(code) == 8:
            return "upca", upce_to_upca(code)  # ReportLab draws no UPC-E; the UPC-A it stands for reads the same
        if len(code) == 13:
            return "ean13", code
        if len(code) == 12:
            return "upca", code
        if len(code) == 8:
            return "ean8", code
    if code and code.isascii() and code.isprintable():
        return "code128", code
    return "code128", product.sku


def _code128_modules(value: str) -> float:
    return float(code128(value, bar=1.0, height=10).width)


def _ean_widget(kind: str, value: str, width: float, height: float, digits: float) -> Any:
    from reportlab.graphics.barcode import eanbc

    from orderapp.documents.fonts import register_font

    made: Any
    if kind == "ean13":
        made, modules = eanbc.Ean13BarcodeWidget(value[:12]), 113
    elif kind == "upca":
        made, modules = eanbc.UPCA(value[:11]), 113
    else:
        made, modules = eanbc.Ean8BarcodeWidget(value[:7]), 85
    made.barWidth = min(0.95, width / modules)
    made.fontName = register_font()
    made.fontSize = digits
    made.barHeight = max(6.0, height - digits)
    return made
