"""The exceptions report as a PDF: each figure of the period beside the period before it."""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from orderapp.documents.flow import Block, Cell, Column, Line, Row, Spacer, Table, TextBlock
from orderapp.documents.letterhead import Letterhead
from orderapp.documents.page_header import PageHeader, write_document
from orderapp.documents.papers import MM, PAPERS, Paper
from orderapp.documents.pen import GREY
from orderapp.documents.text import wrap
from orderapp.documents.words import date_time
from orderapp.domain.exception_labels import family_label, type_label
from orderapp.i18n import _

if TYPE_CHECKING:
    from orderapp.services.aftersales.exceptions_report import ExceptionsReport, PeriodFigures


def period_text(figures: PeriodFigures) -> str:
    return f"{figures.start.isoformat()} – {figures.end.isoformat()}"


def hours_text(hours: float | None) -> str:
    return "-" if hours is None else _("{hours} h").format(hours=f"{hours:,.1f}")


def render_exceptions_report(
    report: ExceptionsReport, letterhead: Letterhead, out: BinaryIO, *, paper: Paper = PAPERS["a4"]
) -> int:
    """Write the report; returns the number of pages."""
    title = _("Exceptions report")
    details = [
        period_text(report.current) + f"  ({report.timezone})",
        _("Compared with {period}").format(period=period_text(report.previous)),
        _("Made {time}").format(time=date_time(report.made_at, letterhead.zone)),
    ]
    header = PageHeader(paper, letterhead, title, details)
    return write_document(out, header, _blocks(report, paper), file_title=f"{title} {period_text(report.current)}")


def _blocks(report: ExceptionsReport, paper: Paper) -> list[Block]:
    size = paper.size * 0.95
    width = paper.body_width
    now, before = report.current, report.previous
    value = width * 0.18
    columns = [Column(width - 2 * value), Column(value, "right"), Column(value, "right")]
    header = ["", _("This period"), _("Period before")]

    def section(table: Table, name: str) -> None:
        table.rows.append(Row([Cell([name], bold=True), Cell(), Cell()], size, shaded=True, pad=1.5))

    def line(table: Table, label: str, this: str, that: str) -> None:
        lines: list[Line] = list(wrap("    " + label, size, columns[0].width, max_lines=3))
        table.rows.append(Row([Cell(lines), Cell([this], bold=True), Cell([that])], size, pad=1.5))

    table = Table.of_text(columns, header, [], size, pad=1.5)
    section(table, _("Summary"))
    line(table, _("Exceptions opened"), f"{now.opened:,}", f"{before.opened:,}")
    line(table, _("Exceptions resolved"), f"{now.resolved:,}", f"{before.resolved:,}")
    line(table, _("Time to resolve, median"), hours_text(now.median_hours), hours_text(before.median_hours))
    line(table, _("Time to resolve, 90th percentile"), hours_text(now.p90_hours), hours_text(before.p90_hours))

    section(table, _("By family and type"))
    families_now, families_before = now.family_counts(), before.family_counts()
    types_before = {(family, kind): count for family, kind, count in before.by_type}
    for family in sorted(set(families_now) | set(families_before), key=lambda f: -families_now.get(f, 0)):
        line(table, family_label(family), f"{families_now.get(family, 0):,}", f"{families_before.get(family, 0):,}")
        kinds = {kind for fam, kind, _count in now.by_type if fam == family}
        kinds |= {kind for fam, kind in types_before if fam == family}
        counts_now = {kind: count for fam, kind, count in now.by_type if fam == family}
        for kind in sorted(kinds, key=lambda k: -counts_now.get(k, 0)):
            line(
                table,
                "    " + type_label(kind),
                f"{counts_now.get(kind, 0):,}",
                f"{types_before.get((family, kind), 0):,}",
            )

    for name, this, that in (
        (_("Top repeated causes"), now.causes, before.causes),
        (_("By packer"), now.by_packer, before.by_packer),
        (_("By product"), now.by_product, before.by_product),
        (_("By carrier"), now.by_carrier, before.by_carrier),
    ):
        section(table, name)
        earlier = dict(that)
        if not this:
            table.rows.append(Row([Cell(["    " + _("none")], colour=GREY), Cell(), Cell()], size, pad=1.5))
        for label, count in this:
            line(table, label, f"{count:,}", f"{earlier.get(label, 0):,}")
    blocks: list[Block] = [table, Spacer(3 * MM)]
    blocks.append(
        TextBlock.wrapped(
            _(
                "Time to resolve counts the exceptions resolved in the period; the other figures those opened in it. "
                "By packer and by product count the product exceptions, by carrier the logistics ones."
            ),
            size * 0.85,
            width,
        )
    )
    return blocks
