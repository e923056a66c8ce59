"""One function per printed document, called alike by the command line and the window.

    slips_pdf(database, numbers, out, *, status, paper, show_prices, footer, language, batch)
    pick_list_pdf(database, numbers, out, *, paper, language, batch)
    labels_pdf(database, skus, out, *, sheet, shelf, copies, language, batch)
    count_sheet_pdf(database, count_id, out, *, paper, language, batch)
    daily_summary_pdf(database, day, out, *, summary, paper, language, batch)

Each reads what it needs, takes the shop's document settings for every option left as None, prints
in the paperwork language (``documents.words``: the setting, else the window's language), and
returns a ``PrintResult``: the PDF written to ``out`` (whole or not at all) or, when ``out`` is
None, its bytes; its title and page count; a sentence saying what was made (in the window's
language, the command line prints it); and warnings to show before printing (characters no font
of the PC can print, which are printed as "?"). ``batch`` carries progress and a stop request.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from orderapp.documents import words
from orderapp.documents.fonts import collect_missing, missing_warning
from orderapp.documents.output import Batch, pdf_bytes, write_pdf
from orderapp.domain.order_status import OrderStatus
from orderapp.i18n import _, ngettext
from orderapp.services.documents import paperwork
from orderapp.services.settings.documents import DocumentSettings, load_document_settings
from orderapp.store.database import Database
from orderapp.store.types import utc_now

if TYPE_CHECKING:
    from orderapp.services.documents.daily_summary import DailySummary

Target = str | os.PathLike[str] | None


@dataclass(frozen=True)
class PrintResult:
    title: str  # as printed in the PDF (the paperwork's language)
    file_name: str  # to offer when saving, e.g. "slips-confirmed.pdf"
    pages: int
    count: int  # slips, orders on the pick list, labels, products on the count sheet; 1 for the summary
    message: str  # what was made, in the window's language
    warnings: tuple[str, ...] = ()
    data: bytes = b""  # the PDF when it was not written to a file
    path: Path | None = None


@dataclass
class _Made:
    pages: int = 0


def _render(
    database: Database,
    settings: DocumentSettings,
    language: str | None,
    out: Target,
    draw: Callable[[BinaryIO], int],
) -> tuple[int, bytes, Path | None, tuple[str, ...]]:
    """Run ``draw`` in the paperwork language into ``out`` (or bytes); (pages, bytes, path, warnings)."""
    region = paperwork.shop_paper(database).phone_region
    made = _Made()

    def build(stream: BinaryIO) -> None:
        made.pages = draw(stream)

    with words.speaking(language or settings.paperwork_language, region=region), collect_missing() as missing:
        if out is None:
            data, path = pdf_bytes(build), None
        else:
            data, path = b"", write_pdf(out, build)
    warnings = (missing_warning(missing),) if missing else ()
    return made.pages, data, path, warnings


def _in_language(language: str | None, settings: DocumentSettings, text: Callable[[], str]) -> str:
    with words.speaking(language or settings.paperwork_language):
        return text()


def slips_pdf(
    database: Database,
    numbers: Sequence[str] | None,
    out: Target = None,
    *,
    status: OrderStatus | None = None,
    paper: str | None = None,
    show_prices: bool | None = None,
    footer: str | None = None,
    language: str | None = None,
    batch: Batch | None = None,
) -> PrintResult:
    """Packing slips for the orders with these numbers, or (``numbers`` None) every order in ``status``."""
    from orderapp.documents.packing_slip import SlipOptions, render_slips
    from orderapp.documents.papers import paper as paper_size
    from orderapp.services.orders.lifecycle import status_label

    settings = load_document_settings(database)
    if numbers is not None:
        ids = paperwork.order_ids(database, list(numbers))
        file_name = f"slip-{numbers[0]}.pdf" if len(numbers) == 1 else "slips.pdf"
    else:
        if status is None:
            raise paperwork.BadPrintRequest(_("Give order numbers or an order status."))
        ids = paperwork.order_ids_with_status(database, status)
        if not ids:
            raise paperwork.BadPrintRequest(
                _("No orders are {status} at the moment, so there are no slips to print.").format(
                    status=status_label(status)
                )
            )
        file_name = f"slips-{status.value}.pdf"
    batch = batch or Batch(len(ids))
    batch.total = len(ids)
    options = SlipOptions(
        paper=paper_size(paper or settings.slip_paper),
        show_prices=settings.show_prices if show_prices is None else show_prices,
        footer=settings.slip_footer if footer is None else footer,
    )
    shop = paperwork.shop_paper(database)

    def draw(stream: BinaryIO) -> int:
        orders = paperwork.slip_orders(database, ids, paper=shop)  # addresses name countries in the language
        return render_slips(orders, shop.letterhead, options, stream, batch=batch)

    pages, data, path, warnings = _render(database, settings, language, out, draw)
    single = numbers[0] if numbers is not None and len(ids) == 1 else None
    title = _in_language(
        language,
        settings,
        lambda: words._("Packing slip {number}").format(number=single) if single else words._("Packing slips"),
    )
    message = _("{slips}, {pages} written to {path}.").format(
        slips=ngettext("{count} slip", "{count} slips", len(ids)).format(count=len(ids)),
        pages=_pages(pages),
        path=path or file_name,
    )
    return PrintResult(title, file_name, pages, len(ids), message, warnings, data, path)


def pick_list_pdf(
    database: Database,
    numbers: Sequence[str],
    out: Target = None,
    *,
    paper: str | None = None,
    language: str | None = None,
    batch: Batch | None = None,
) -> PrintResult:
    """The pick list for a batch of orders: every product once, totalled, in shelf order."""
    from orderapp.documents.papers import paper as paper_size
    from orderapp.documents.pick_list import render_pick_list

    settings = load_document_settings(database)
    ids = paperwork.order_ids(database, list(numbers))
    picks = paperwork.pick_list(database, ids)
    shop = paperwork.shop_paper(database)
    size = paper_size(paper or settings.list_paper)
    pages, data, path, warnings = _render(
        database,
        settings,
        language,
        out,
        lambda stream: render_pick_list(picks, shop.letterhead, stream, paper=size, batch=batch),
    )
    message = _("Pick list for {orders} ({units}) written to {path}.").format(
        orders=ngettext("{count} order", "{count} orders", len(picks.orders)).format(count=len(picks.orders)),
        units=ngettext("{count} unit", "{count} units", picks.units).format(count=picks.units),
        path=path or "picklist.pdf",
    )
    title = _in_language(language, settings, lambda: words._("Pick list"))
    return PrintResult(title, "picklist.pdf", pages, len(picks.orders), message, warnings, data, path)


def labels_pdf(
    database: Database,
    skus: Sequence[str],
    out: Target = None,
    *,
    sheet: str | None = None,
    shelf: bool = False,
    copies: int = 1,
    language: str | None = None,
    batch: Batch | None = None,
) -> PrintResult:
    """Product (or shelf-edge) labels with barcodes, ``copies`` of each, on a label sheet."""
    from orderapp.documents.labels import render_labels
    from orderapp.documents.labels import sheet as label_sheet

    settings = load_document_settings(database)
    products = paperwork.label_products(database, list(skus))
    chosen = label_sheet(sheet or settings.label_sheet)
    count = len(products) * max(1, copies)
    if batch is not None:
        batch.total = count
    pages, data, path, warnings = _render(
        database,
        settings,
        language,
        out,
        lambda stream: render_labels(products, chosen, stream, shelf=shelf, copies=copies, batch=batch),
    )
    message = _("{labels} on {sheet} written to {path}.").format(
        labels=ngettext("{count} label", "{count} labels", count).format(count=count),
        sheet=chosen.key,
        path=path or "labels.pdf",
    )
    title = _in_language(language, settings, lambda: words._("Shelf labels") if shelf else words._("Product labels"))
    return PrintResult(title, "labels.pdf", pages, count, message, warnings, data, path)


def count_sheet_title(count_id: int, title: str, scope_kind: str, scope_value: str) -> str:
    """ "Count sheet 12: aisle A", or the count's scope when it has no title; in the paperwork's language."""
    from orderapp.services.stock.counts import ScopeKind

    if not title:
        kind = ScopeKind(scope_kind)
        if kind is ScopeKind.LOCATION:
            title = words._("location {value}").format(value=scope_value)
        elif kind is ScopeKind.CATEGORY:
            title = words._("category {value}").format(value=scope_value)
        elif kind is ScopeKind.PRODUCTS:
            title = words._("chosen products")
        else:
            title = words._("everything")
    return words._("Count sheet {id}: {title}").format(id=count_id, title=title)


def count_sheet_pdf(
    database: Database,
    count_id: int,
    out: Target = None,
    *,
    paper: str | None = None,
    language: str | None = None,
    batch: Batch | None = None,
) -> PrintResult:
    """The sheet to count stock on: every line of the count by location, a box for the figure."""
    from orderapp.documents.count_sheet import CountSheetInfo, render_count_sheet
    from orderapp.documents.papers import paper as paper_size
    from orderapp.services.stock.counts import count_sheet_lines, get_count

    settings = load_document_settings(database)
    count = get_count(database, count_id)
    rows = count_sheet_lines(database, count_id)
    shop = paperwork.shop_paper(database)
    size = paper_size(paper or settings.list_paper)
    made_at = utc_now()
    titles: list[str] = []

    def draw(stream: BinaryIO) -> int:
        title = count_sheet_title(count.id, count.title, count.scope_kind.value, count.scope_value)
        titles.append(title)
        info = CountSheetInfo(title, made_at, count.blind)
        return render_count_sheet(info, rows, shop.letterhead, stream, paper=size, batch=batch)

    pages, data, path, warnings = _render(database, settings, language, out, draw)
    message = _("Count sheet with {products} written to {path}.").format(
        products=ngettext("{count} product", "{count} products", len(rows)).format(count=len(rows)),
        path=path or f"count-{count_id}.pdf",
    )
    return PrintResult(titles[0], f"count-{count_id}.pdf", pages, len(rows), message, warnings, data, path)


def daily_summary_pdf(
    database: Database,
    day: date | None,
    out: Target = None,
    *,
    summary: DailySummary | None = None,
    paper: str | None = None,
    language: str | None = None,
    batch: Batch | None = None,
) -> PrintResult:
    """The owner's summary of one day (the shop's today when None); ``summary`` when already counted."""
    from orderapp.documents.daily_report import render_daily_summary
    from orderapp.documents.papers import paper as paper_size
    from orderapp.services.documents.daily_summary import daily_summary, today_in_shop

    settings = load_document_settings(database)
    figures = summary if summary is not None else daily_summary(database, day or today_in_shop(database))
    if batch is not None:
        batch.step()
    shop = paperwork.shop_paper(database)
    size = paper_size(paper or settings.list_paper)
    pages, data, path, warnings = _render(
        database,
        settings,
        language,
        out,
        lambda stream: render_daily_summary(figures, shop.letterhead, stream, paper=size),
    )
    name = f"summary-{figures.day.isoformat()}.pdf"
    message = _("Daily summary for {day} ({orders} received) written to {path}.").format(
        day=figures.day.isoformat(),
        orders=ngettext("{count} order", "{count} orders", figures.figures.received).format(
            count=figures.figures.received
        ),
        path=path or name,
    )
    title = _in_language(language, settings, lambda: words._("Daily summary {day}").format(day=figures.day.isoformat()))
    return PrintResult(title, name, pages, 1, message, warnings, data, path)


def _pages(pages: int) -> str:
    return ngettext("{count} page", "{count} pages", pages).format(count=pages)
