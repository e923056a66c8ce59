"""Drawing on a ReportLab canvas in the documents' one font: text, rules, check boxes, barcodes.

Text is drawn with the canvas, never parsed as markup. Bold is the regular face filled and
stroked with a thin outline (the CJK font has no bold face; embedding a second CJK font would
double every PDF).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from orderapp.documents.fonts import can_print, register_font, runs, single_font

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

Align = Literal["left", "right", "centre"]

BLACK = (0.0, 0.0, 0.0)
GREY = (0.42, 0.42, 0.42)
LIGHT = (0.8, 0.8, 0.8)
SHADE = (0.93, 0.93, 0.93)


def leading(size: float) -> float:
    return size * 1.28


class Pen:
    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.font = register_font()

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        bold: bool = False,
        align: Align = "left",
        colour: tuple[float, float, float] = BLACK,
    ) -> None:
        """One line of text with its baseline at ``y``; ``x`` is its left, right or centre."""
        if not text:
            return
        if not text.isascii() and _RTL.search(text):
            text = visual_order(text)
        canvas = self.canvas
        if colour != BLACK:
            canvas.setFillColorRGB(*colour)
        canvas.setFont(self.font, size)
        mode = None
        if bold:  # filled and outlined: text render mode 2
            mode = 2
            canvas.setLineWidth(size * 0.035)
            if colour != BLACK:
                canvas.setStrokeColorRGB(*colour)
        if not single_font(text):
            self._mixed(x, y, text, size, align, mode)
        elif align == "left":
            canvas.drawString(x, y, text, mode=mode)
        elif align == "right":
            canvas.drawRightString(x, y, text, mode=mode)
        else:
            canvas.drawCentredString(x, y, text, mode=mode)
        if colour != BLACK:
            canvas.setFillColorRGB(*BLACK)
            if bold:
                canvas.setStrokeColorRGB(*BLACK)

    def _mixed(self, x: float, y: float, text: str, size: float, align: Align, mode: int | None) -> None:
        """Text the document font cannot print alone: each piece in a font that has its glyphs."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        pieces = [(font, piece, stringWidth(piece, font, size)) for font, piece in runs(text)]
        total = sum(piece_width for _font, _piece, piece_width in pieces)
        x -= {"left": 0.0, "right": total, "centre": total / 2}[align]
        for font, piece, piece_width in pieces:
            self.canvas.setFont(font, size)
            self.canvas.drawString(x, y, piece, mode=mode)
            x += piece_width
        self.canvas.setFont(self.font, size)

    def lines(
        self,
        x: float,
        top: float,
        lines: Sequence[str],
        size: float,
        *,
        bold: bool = False,
        align: Align = "left",
        colour: tuple[float, float, float] = BLACK,
    ) -> float:
        """Lines one under the other from ``top`` (the top of the first line); returns the y below them."""
        step = leading(size)
        baseline = top - size
        for line in lines:
            self.text(x, baseline, line, size, bold=bold, align=align, colour=colour)
            baseline -= step
        return top - step * len(lines)

    def rule(self, x1: float, x2: float, y: float, *, width: float = 0.5, colour: tuple[float, ...] = BLACK) -> None:
        canvas = self.canvas
        canvas.setLineWidth(width)
        canvas.setStrokeColorRGB(*colour)
        canvas.line(x1, y, x2, y)
        canvas.setStrokeColorRGB(*BLACK)

    def box(self, x: float, y: float, width: float, height: float, *, line: float = 0.7) -> None:
        """An empty box with its lower left corner at (x, y): a check box, a field to write in."""
        canvas = self.canvas
        canvas.setLineWidth(line)
        canvas.rect(x, y, width, height, stroke=1, fill=0)

    def shade(self, x: float, y: float, width: float, height: float, colour: tuple[float, ...] = SHADE) -> None:
        canvas = self.canvas
        canvas.setFillColorRGB(*colour)
        canvas.rect(x, y, width, height, stroke=0, fill=1)
        canvas.setFillColorRGB(*BLACK)

    def code128(self, value: str, x: float, y: float, *, height: float, max_width: float, bar: float = 1.0) -> float:
        """``value`` as a Code 128 barcode, lower left at (x, y), quiet zones included; returns its width."""
        barcode = fitted_code128(value, bar=bar, height=height, max_width=max_width)
        barcode.drawOn(self.canvas, x, y)
        return float(barcode.width)


# Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko..., their presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


def visual_order(text: str) -> str:
    """A line holding right-to-left words as it must be drawn left to right: Arabic letters joined
    (arabic-reshaper) where a font has the joined forms, and each right-to-left run reversed by the
    Unicode bidirectional algorithm (python-bidi)."""
    import arabic_reshaper
    from bidi import get_display

    shaped = arabic_reshaper.reshape(text)
    return str(get_display(shaped if can_print(shaped) else text))


def code128(value: str, *, bar: float, height: float) -> Any:
    from reportlab.graphics.barcode.code128 import Code128

    return Code128(
        value, barWidth=bar, barHeight=height, humanReadable=False, quiet=1, lquiet=10 * bar, rquiet=10 * bar
    )


def fitted_code128(value: str, *, bar: float, height: float, max_width: float) -> Any:
    """A Code 128 barcode (quiet zones included) made narrower, down to 0.6 pt bars (still read at
    200 dpi), when it would be wider than ``max_width``."""
    barcode = code128(value, bar=bar, height=height)
    if barcode.width > max_width and bar > 0.6:
        barcode = code128(value, bar=max(0.6, bar * max_width / barcode.width), height=height)
    return barcode


def code128_width(value: str, *, bar: float) -> float:
    return float(code128(value, bar=bar, height=10).width)
