"""Blocks that flow down pages: text, tables with a repeated header row, fixed pieces, spacing.

Each document is a list of blocks measured at the body width; ``paginate`` cuts them into pages
(tables between rows, text between lines) so that the page count is known before anything is drawn
and every page can say "page x of y". It is a small cousin of ReportLab's platypus without the
markup parser: user text is wrapped once (``text.wrap``) and drawn as it is.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from orderapp.documents.pen import GREY, LIGHT, SHADE, Align, Pen, leading
from orderapp.documents.text import wrap

PAD_X = 3.0
PAD_Y = 2.6
BOX = 9.0  # side of a check box, points


class Block(Protocol):
    def height(self) -> float: ...

    def split(self, available: float, fresh: bool) -> tuple[Block, Block] | None:
        """A first part no taller than ``available`` and the rest, or None to move it whole.

        ``fresh`` says the page is empty: a block that cannot wait for a later page must split now.
        """

    def draw(self, pen: Pen, x: float, top: float) -> None: ...


@dataclass
class Spacer:
    space: float

    def height(self) -> float:
        return self.space

    def split(self, available: float, fresh: bool) -> tuple[Block, Block] | None:
        return Spacer(0.0), Spacer(0.0)

    def draw(self, pen: Pen, x: float, top: float) -> None:
        pass


@dataclass
class Fixed:
    """A piece drawn by ``painter(pen, x, top)`` that never splits (a heading with its barcode, a chart)."""

    space: float
    painter: Callable[[Pen, float, float], None]

    def height(self) -> float:
        return self.space

    def split(self, available: float, fresh: bool) -> tuple[Block, Block] | None:
        return None

    def draw(self, pen: Pen, x: float, top: float) -> None:
        self.painter(pen, x, top)


@dataclass
class TextBlock:
    lines: list[str]
    size: float
    bold: bool = False
    indent: float = 0.0
    colour: tuple[float, float, float] = (0.0, 0.0, 0.0)

    @classmethod
    def wrapped(cls, text: str, size: float, width: float, *, bold: bool = False, indent: float = 0.0) -> TextBlock:
        return cls(wrap(text, size, width - indent), size, bold, indent)

    def height(self) -> float:
        return leading(self.size) * len(self.lines)

    def split(self, available: float, fresh: bool) -> tuple[Block, Block] | None:
        fits = int(available // leading(self.size))
        if fits < 1 or (fits < 2 and not fresh):
            return None
        head = TextBlock(self.lines[:fits], self.size, self.bold, self.indent, self.colour)
        tail = TextBlock(self.lines[fits:], self.size, self.bold, self.indent, self.colour)
        return head, tail

    def draw(self, pen: Pen, x: float, top: float) -> None:
        pen.lines(x + self.indent, top, self.lines, self.size, bold=self.bold, colour=self.colour)


@dataclass(frozen=True)
class Column:
    width: float
    align: Align = "left"


@dataclass(frozen=True)
class Styled:
    """A line of a cell printed unlike the others (a grey caption, a bold name)."""

    text: str
    bold: bool = False
    colour: tuple[float, float, float] = (0.0, 0.0, 0.0)
    size: float | None = None  # the row's size when None; never larger than it (line height is the row's)


Line = str | Styled


@dataclass
class Cell:
    lines: list[Line] = field(default_factory=list)
    bold: bool = False
    check_box: bool = False  # an empty box to tick
    write_in: bool = False  # an empty field to write a figure in
    colour: tuple[float, float, float] = (0.0, 0.0, 0.0)


@dataclass
class Row:
    cells: list[Cell]
    size: float
    shaded: bool = False
    pad: float = PAD_Y  # space above and below the text

    def height(self) -> float:
        tallest = max((len(cell.lines) for cell in self.cells), default=0)
        content = max(leading(self.size) * tallest, BOX if any(c.check_box or c.write_in for c in self.cells) else 0)
        return content + 2 * self.pad

    def split_lines(self, available: float) -> tuple[Row, Row] | None:
        fits = int((available - 2 * self.pad) // leading(self.size))
        if fits < 1:
            return None
        head = Row(
            [Cell(c.lines[:fits], c.bold, c.check_box, c.write_in, c.colour) for c in self.cells],
            self.size,
            pad=self.pad,
        )
        tail = Row([Cell(c.lines[fits:], c.bold, False, False, c.colour) for c in self.cells], self.size, pad=self.pad)
        return head, tail


@dataclass
class Table:
    """Rows under a header row that is repeated at the top of every page the table reaches."""

    columns: Sequence[Column]
    header: Row | None
    rows: list[Row]
    ruled: bool = True

    @classmethod
    def of_text(
        cls,
        columns: Sequence[Column],
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str | Cell]],
        size: float,
        *,
        pad: float = PAD_Y,
        max_lines: int | None = None,
    ) -> Table:
        """A table whose text cells are wrapped to their columns; a ``Cell`` is taken as it is."""

        def cells(values: Sequence[str | Cell], bold: bool) -> list[Cell]:
            made = []
            for column, value in zip(columns, values, strict=True):
                if isinstance(value, Cell):
                    made.append(value)
                else:
                    lines = wrap(value, size, column.width - 2 * PAD_X, max_lines=max_lines)
                    made.append(Cell(list[Line](lines), bold=bold))
            return made

        head = Row(cells(header, True), size, shaded=True, pad=pad) if header is not None else None
        return cls(columns, head, [Row(cells(values, False), size, pad=pad) for values in rows])

    @property
    def width(self) -> float:
        return sum(column.width for column in self.columns)

    def height(self) -> float:
        return (self.header.height() if self.header else 0.0) + sum(row.height() for row in self.rows)

    def split(self, available: float, fresh: bool) -> tuple[Block, Block] | None:
        used = self.header.height() if self.header else 0.0
        taken: list[Row] = []
        rest = list(self.rows)
        while rest and used + rest[0].height() <= available:
            used += rest[0].height()
            taken.append(rest.pop(0))
        if not taken:
            if not fresh:
                return None
            # A row taller than a whole page: cut it between lines.
            parts = rest[0].split_lines(available - used)
            if parts is None:
                return None
            taken.append(parts[0])
            rest[0] = parts[1]
        return (
            Table(self.columns, self.header, taken, self.ruled),
            Table(self.columns, self.header, rest, self.ruled),
        )

    def draw(self, pen: Pen, x: float, top: float) -> None:
        y = top
        width = self.width
        if self.header is not None:
            height = self.header.height()
            pen.shade(x, y - height, width, height, SHADE)
            self._draw_row(pen, x, y, self.header)
            y -= height
            pen.rule(x, x + width, y, width=0.8)
        for row in self.rows:
            height = row.height()
            if row.shaded:
                pen.shade(x, y - height, width, height, SHADE)
            self._draw_row(pen, x, y, row)
            y -= height
            if self.ruled:
                pen.rule(x, x + width, y, width=0.4, colour=LIGHT)

    def _draw_row(self, pen: Pen, x: float, top: float, row: Row) -> None:
        for column, cell in zip(self.columns, row.cells, strict=True):
            if cell.check_box or cell.write_in:
                side = BOX if cell.check_box else None
                box_width = side or column.width - 2 * PAD_X
                box_x = x + (column.width - box_width) / 2
                pen.box(box_x, top - row.pad - BOX, box_width, BOX, line=0.8 if cell.check_box else 0.5)
            if cell.lines:
                anchor = {"left": x + PAD_X, "right": x + column.width - PAD_X, "centre": x + column.width / 2}
                _draw_lines(pen, anchor[column.align], top - row.pad, cell, row.size, column.align)
            x += column.width


def _draw_lines(pen: Pen, x: float, top: float, cell: Cell, size: float, align: Align) -> None:
    step = leading(size)
    baseline = top - size
    for line in cell.lines:
        if isinstance(line, Styled):
            pen.text(x, baseline, line.text, line.size or size, bold=line.bold, align=align, colour=line.colour)
        else:
            pen.text(x, baseline, line, size, bold=cell.bold, align=align, colour=cell.colour)
        baseline -= step


def styled(
    text: str,
    size: float,
    width: float,
    *,
    bold: bool = False,
    colour: tuple[float, float, float] = (0.0, 0.0, 0.0),
    line_size: float | None = None,
) -> list[Line]:
    """``text`` wrapped to ``width`` as lines that all carry the same style."""
    return [Styled(line, bold, colour, line_size) for line in wrap(text, line_size or size, width)]


@dataclass
class SideBySide:
    """Two blocks next to each other (a chart and a table); moved whole to the next page if need be."""

    left: Block
    right: Block
    right_x: float  # from the left block's x

    def height(self) -> float:
        return max(self.left.height(), self.right.height())

    def split(self, available: float, fresh: bool) -> tuple[Block, Block] | None:
        return None

    def draw(self, pen: Pen, x: float, top: float) -> None:
        self.left.draw(pen, x, top)
        self.right.draw(pen, x + self.right_x, top)


@dataclass(frozen=True)
class Page:
    placed: tuple[tuple[float, Block], ...]  # (top, block) in body coordinates: top is points from page bottom


def paginate(blocks: Sequence[Block], top: float, bottom: float) -> list[Page]:
    """Cut ``blocks`` into pages whose body runs from ``top`` down to ``bottom`` (points)."""
    pages: list[Page] = []
    placed: list[tuple[float, Block]] = []
    y = top
    queue: deque[Block] = deque(blocks)
    while queue:
        block = queue.popleft()
        fresh = not placed
        if fresh and isinstance(block, Spacer):
            continue
        height = block.height()
        if height <= y - bottom + 0.01:
            placed.append((y, block))
            y -= height
            continue
        parts = block.split(y - bottom, fresh)
        if parts is not None:
            first, rest = parts
            placed.append((y, first))
            queue.appendleft(rest)
        elif fresh:
            placed.append((y, block))  # taller than a page and cannot split: drawn, cut by the page edge
        else:
            queue.appendleft(block)
        pages.append(Page(tuple(placed)))
        placed, y = [], top
    if placed or not pages:
        pages.append(Page(tuple(placed)))
    return pages


def draw_page(pen: Pen, page: Page, x: float) -> None:
    for top, block in page.placed:
        block.draw(pen, x, top)


__all__ = [
    "BOX",
    "GREY",
    "Block",
    "Cell",
    "Column",
    "Fixed",
    "Page",
    "Row",
    "SideBySide",
    "Spacer",
    "Styled",
    "Table",
    "TextBlock",
    "draw_page",
    "paginate",
]
