"""The header and footer of the shop's working documents (pick lists, count sheets, the summary).

The shop's name and logo on the left; the document's title, its details and "page x of y" on the
right; a rule beneath. Packing slips have their own, larger header (the order's barcode).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO

from orderapp.documents.flow import Block, Page, draw_page, paginate
from orderapp.documents.letterhead import Letterhead, LogoStamp
from orderapp.documents.output import Batch, new_canvas
from orderapp.documents.papers import MM, Paper
from orderapp.documents.pen import GREY, Pen, leading
from orderapp.documents.text import fit, wrap
from orderapp.documents.words import _


class PageHeader:
    def __init__(self, paper: Paper, letterhead: Letterhead, title: str, details: Sequence[str]) -> None:
        self.paper = paper
        size = self.size = paper.size
        width = paper.body_width
        self.logo = LogoStamp(letterhead.logo, max_width=28 * MM, max_height=11 * MM)
        self.shop_x = self.logo.width + 2.5 * MM if self.logo else 0.0
        left_width = width * 0.45 - self.shop_x
        self.shop_lines = wrap(letterhead.name, size * 1.2, left_width, max_lines=2)
        self.title_size = size * 1.6
        self.title = fit(title, self.title_size, width * 0.55)
        self.details = [fit(detail, size, width * 0.55) for detail in details]
        right = leading(self.title_size) + leading(size) * (len(self.details) + 1)
        left = max(leading(size * 1.2) * len(self.shop_lines), self.logo.height)
        self.height = max(right, left) + 2.5 * MM

    @property
    def body_top(self) -> float:
        return self.paper.height - self.paper.margin - self.height - 2 * MM

    def draw(self, pen: Pen, number: int, count: int) -> None:
        paper, size = self.paper, self.size
        left, right = paper.margin, paper.width - paper.margin
        top = paper.height - paper.margin
        self.logo.stamp(pen.canvas, left, top)
        pen.lines(left + self.shop_x, top, self.shop_lines, size * 1.2, bold=True)
        y = pen.lines(right, top, [self.title], self.title_size, bold=True, align="right")
        y = pen.lines(right, y, self.details, size, align="right")
        pen.lines(
            right, y, [_("Page {page} of {pages}").format(page=number, pages=count)], size, align="right", colour=GREY
        )
        pen.rule(left, right, top - self.height + 1 * MM, width=0.9)


def write_document(
    out: BinaryIO, header: PageHeader, blocks: Sequence[Block], *, file_title: str, batch: Batch | None = None
) -> int:
    """Write ``blocks`` under ``header`` as a PDF whose own title is ``file_title``; returns the page
    count. A ``batch`` may stop it before it starts or before it is saved, and counts it once done."""
    if batch is not None:
        batch.step()
    paper = header.paper
    canvas = new_canvas(out, title=file_title, page_size=(paper.width, paper.height))
    pages = draw_document(Pen(canvas), header, blocks)
    if batch is not None:
        batch.step()
    canvas.save()
    if batch is not None:
        batch.finished_one()
    return pages


def draw_document(pen: Pen, header: PageHeader, blocks: Sequence[Block]) -> int:
    """Lay ``blocks`` out under ``header`` on as many pages as they need; returns the page count."""
    paper = header.paper
    pages: list[Page] = paginate(blocks, header.body_top, paper.margin)
    for number, page in enumerate(pages, start=1):
        header.draw(pen, number, len(pages))
        draw_page(pen, page, paper.margin)
        pen.canvas.showPage()
    return len(pages)
