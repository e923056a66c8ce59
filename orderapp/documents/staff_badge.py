"""Staff badges: a card per person (85.6 x 54 mm, the size of a bank card) with the name, the role
and the staff code as Code 128, which the sign-in dialog reads with the webcam or a USB scanner."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from orderapp.documents.output import new_canvas
from orderapp.documents.papers import MM
from orderapp.documents.pen import GREY, Pen
from orderapp.documents.text import fit
from orderapp.i18n import _

CARD_WIDTH, CARD_HEIGHT = 85.6 * MM, 54 * MM
PAGE = (210 * MM, 297 * MM)  # A4: two columns of five cards
COLUMNS, ROWS = 2, 5
LEFT, TOP, GAP = 15 * MM, 15 * MM, 6 * MM


@dataclass(frozen=True)
class Badge:
    name: str
    role: str  # as shown, translated
    code: str
    shop: str = ""


def render_badges(badges: Sequence[Badge], out: BinaryIO) -> int:
    """Cards with cutting lines, ten to an A4 page; returns the pages."""
    canvas = new_canvas(out, title=_("Staff badges"), page_size=PAGE)
    pen = Pen(canvas)
    pages = 0
    per_page = COLUMNS * ROWS
    for index, badge in enumerate(badges):
        slot = index % per_page
        row, column = divmod(slot, COLUMNS)
        x = LEFT + column * (CARD_WIDTH + GAP)
        top = PAGE[1] - TOP - row * (CARD_HEIGHT + GAP)
        _draw(pen, badge, x, top)
        if slot == per_page - 1 or index == len(badges) - 1:
            canvas.showPage()
            pages += 1
    if not badges:
        canvas.showPage()
        pages = 1
    canvas.save()
    return pages


def _draw(pen: Pen, badge: Badge, x: float, top: float) -> None:
    canvas = pen.canvas
    canvas.setStrokeColorRGB(0.7, 0.7, 0.7)
    canvas.setLineWidth(0.5)
    canvas.roundRect(x, top - CARD_HEIGHT, CARD_WIDTH, CARD_HEIGHT, 3 * MM)
    pad = 5 * MM
    inner = CARD_WIDTH - 2 * pad
    if badge.shop:
        pen.text(x + pad, top - pad - 7, fit(badge.shop, 7, inner), 7, colour=GREY)
    pen.text(x + pad, top - pad - 22, fit(badge.name, 16, inner), 16, bold=True)
    pen.text(x + pad, top - pad - 34, fit(badge.role, 9, inner), 9)
    bar_bottom = top - CARD_HEIGHT + pad + 9
    pen.code128(badge.code, x + pad, bar_bottom, height=14 * MM, max_width=inner, bar=1.0)
    pen.text(x + pad, top - CARD_HEIGHT + pad, badge.code, 8, colour=GREY)
