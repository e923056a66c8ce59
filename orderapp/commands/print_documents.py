"""``orderapp print slips|picklist|labels|count-sheet``: the shop's paperwork as PDF files, without the window.

Examples::

    orderapp print slips --orders SO-000123,SO-000124 --out slips.pdf
    orderapp print slips --status confirmed --out today.pdf --paper 4x6 --no-prices
    orderapp print picklist --orders SO-000123 SO-000124 --out picklist.pdf
    orderapp print labels --products TEA-000001,TEA-000002 --sheet avery-5160 --out labels.pdf
"""

from __future__ import annotations

import argparse
import importlib
from typing import TYPE_CHECKING

from orderapp.commands import Command, positive_int, url_from_args
from orderapp.i18n import _

if TYPE_CHECKING:
    from orderapp.store.database import Database

PAPERS = ("a4", "a5", "letter", "4x6")
SHEETS = ("a4-3x8", "avery-5160", "50x30")


def open_existing_shop(args: argparse.Namespace) -> Database:
    """The shop database the command names; a SQLite file that does not exist is an error, not a new shop."""
    from orderapp.errors import OrderAppError
    from orderapp.store.database import normalise_url, sqlite_path
    from orderapp.store.opening import open_database

    url = url_from_args(args)
    path = sqlite_path(normalise_url(url))
    if path is not None and not path.exists():
        raise OrderAppError(
            _("There is no shop database at {path}; give the right one with --database.").format(path=path)
        )
    return open_database(url)


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help=_("where to write the PDF"))


def _slips_arguments(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--orders", nargs="+", metavar="NUMBERS", help=_("order numbers, separated by commas or spaces"))
    which.add_argument("--status", metavar="STATUS", help=_("every order in this status, e.g. confirmed"))
    _out(parser)
    parser.add_argument("--paper", choices=PAPERS, help=_("paper size (default: the shop's setting)"))
    prices = parser.add_mutually_exclusive_group()
    prices.add_argument("--prices", dest="prices", action="store_true", default=None, help=_("show prices"))
    prices.add_argument("--no-prices", dest="prices", action="store_false", help=_("leave prices off (gift slips)"))
    parser.add_argument("--footer", metavar="TEXT", help=_("footer text (default: the shop's setting)"))


def _run_slips(args: argparse.Namespace) -> int:
    from orderapp.documents.output import write_pdf
    from orderapp.documents.packing_slip import SlipOptions, render_slips
    from orderapp.documents.papers import paper
    from orderapp.services import paperwork
    from orderapp.services.document_settings import load_document_settings

    database = open_existing_shop(args)
    try:
        settings = load_document_settings(database)
        if args.orders:
            ids = paperwork.order_ids(database, paperwork.parse_list(args.orders))
        else:
            status = paperwork.parse_status(args.status)
            ids = paperwork.order_ids_with_status(database, status)
            if not ids:
                raise paperwork.BadPrintRequest(
                    _("No orders are {status} at the moment, so there are no slips to print.").format(
                        status=status.value
                    )
                )
        shop = paperwork.shop_paper(database)
        orders = paperwork.slip_orders(database, ids, paper=shop)
        options = SlipOptions(
            paper=paper(args.paper or settings.slip_paper),
            show_prices=settings.show_prices if args.prices is None else args.prices,
            footer=settings.slip_footer if args.footer is None else args.footer,
        )
        pages: list[int] = []
        target = write_pdf(args.out, lambda out: pages.append(render_slips(orders, shop.letterhead, options, out)))
    finally:
        database.dispose()
    print(_("{count} slips, {pages} pages written to {path}.").format(count=len(orders), pages=pages[0], path=target))
    return 0


def _picklist_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--orders", nargs="+", required=True, metavar="NUMBERS", help=_("order numbers, separated by commas or spaces")
    )
    _out(parser)
    parser.add_argument("--paper", choices=PAPERS[:3], help=_("paper size (default: the shop's setting)"))


def _run_picklist(args: argparse.Namespace) -> int:
    from orderapp.documents.output import write_pdf
    from orderapp.documents.papers import paper
    from orderapp.documents.pick_list import render_pick_list
    from orderapp.services import paperwork
    from orderapp.services.document_settings import load_document_settings

    database = open_existing_shop(args)
    try:
        settings = load_document_settings(database)
        ids = paperwork.order_ids(database, paperwork.parse_list(args.orders))
        picks = paperwork.pick_list(database, ids)
        shop = paperwork.shop_paper(database)
        size = paper(args.paper or settings.list_paper)
        target = write_pdf(args.out, lambda out: render_pick_list(picks, shop.letterhead, out, paper=size))
    finally:
        database.dispose()
    print(
        _("Pick list for {orders} orders ({units} units) written to {path}.").format(
            orders=len(picks.orders), units=picks.units, path=target
        )
    )
    return 0


def _labels_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--products", nargs="+", required=True, metavar="SKUS", help=_("product SKUs, separated by commas or spaces")
    )
    parser.add_argument("--sheet", choices=SHEETS, help=_("label sheet (default: the shop's setting)"))
    _out(parser)
    parser.add_argument("--shelf", action="store_true", help=_("shelf-edge labels, with the bin location"))
    parser.add_argument("--copies", type=positive_int, default=1, metavar="N", help=_("labels for each product"))


def _run_labels(args: argparse.Namespace) -> int:
    from orderapp.documents.labels import render_labels, sheet
    from orderapp.documents.output import write_pdf
    from orderapp.services import paperwork
    from orderapp.services.document_settings import load_document_settings

    database = open_existing_shop(args)
    try:
        settings = load_document_settings(database)
        products = paperwork.label_products(database, paperwork.parse_list(args.products))
        label_sheet = sheet(args.sheet or settings.label_sheet)
        target = write_pdf(
            args.out,
            lambda out: render_labels(products, label_sheet, out, shelf=args.shelf, copies=args.copies),
        )
    finally:
        database.dispose()
    print(
        _("{count} labels on {sheet} written to {path}.").format(
            count=len(products) * args.copies, sheet=label_sheet.key, path=target
        )
    )
    return 0


def _count_sheet_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--count", required=True, type=positive_int, metavar="ID", help=_("the count's number"))
    _out(parser)
    parser.add_argument("--paper", choices=PAPERS[:3], help=_("paper size (default: the shop's setting)"))


def _run_count_sheet(args: argparse.Namespace) -> int:
    from orderapp.documents.count_sheet import CountSheetInfo, render_count_sheet
    from orderapp.documents.output import write_pdf
    from orderapp.documents.papers import paper
    from orderapp.errors import OrderAppError
    from orderapp.services import paperwork
    from orderapp.services.document_settings import load_document_settings
    from orderapp.store.types import utc_now

    # The counts capability's service (rows of location, sku, name, barcode, expected).
    counts = importlib.import_module("orderapp.services.counts")
    count_sheet_lines = getattr(counts, "count_sheet_lines", None)
    if count_sheet_lines is None:
        raise OrderAppError(_("Count sheets need the stock counts of a newer OrderApp; update it and try again."))
    database = open_existing_shop(args)
    try:
        settings = load_document_settings(database)
        rows = list(count_sheet_lines(database, args.count))
        title = _("Count sheet {count}").format(count=args.count)
        blind = bool(rows) and all(row.expected is None for row in rows)
        get_count = getattr(counts, "get_count", None)
        if get_count is not None:
            count = get_count(database, args.count)
            blind = bool(getattr(count, "blind", blind))
            named = str(getattr(count, "title", "") or "")
            if named:
                title = _("Count {count}: {title}").format(count=args.count, title=named)
        info = CountSheetInfo(title, utc_now(), blind)
        shop = paperwork.shop_paper(database)
        size = paper(args.paper or settings.list_paper)
        target = write_pdf(args.out, lambda out: render_count_sheet(info, rows, shop.letterhead, out, paper=size))
    finally:
        database.dispose()
    print(_("Count sheet with {count} products written to {path}.").format(count=len(rows), path=target))
    return 0


COMMANDS = [
    Command(("print", "slips"), _("packing slips for orders, as one PDF"), _slips_arguments, _run_slips),
    Command(("print", "picklist"), _("a pick list for a batch of orders"), _picklist_arguments, _run_picklist),
    Command(("print", "labels"), _("product or shelf labels with barcodes"), _labels_arguments, _run_labels),
    Command(("print", "count-sheet"), _("the sheet to count stock on"), _count_sheet_arguments, _run_count_sheet),
]
