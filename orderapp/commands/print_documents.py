"""``orderapp print slips|picklist|labels|count-sheet``: the shop's paperwork as PDF files, without the window.

Examples::

    orderapp print slips --orders SO-000123,SO-000124 --out slips.pdf
    orderapp print slips --status confirmed --out today.pdf --paper 4x6 --no-prices
    orderapp print picklist --orders SO-000123 SO-000124 --out picklist.pdf
    orderapp print labels --products TEA-000001,TEA-000002 --sheet avery-5160 --out labels.pdf
    orderapp print slips --orders SO-000123 --language both --out slip.pdf   (English and Chinese)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from orderapp.commands import Command, positive_int, url_from_args
from orderapp.i18n import _

if TYPE_CHECKING:
    from orderapp.services.documents.printing import PrintResult
    from orderapp.store.database import Database

PAPERS = ("a4", "a5", "letter", "4x6")
SHEETS = ("a4-3x8", "avery-5160", "50x30")
LANGUAGES = ("en", "zh_CN", "both")


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
    return open_database(url, create=False)


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
    language(parser)


def language(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        help=_("the paperwork's language: en, zh_CN or both (default: the shop's setting)"),
    )


def run_document(args: argparse.Namespace, make: Callable[[Database], PrintResult]) -> int:
    """Open the shop, make the document with its service, say what was made (warnings first)."""
    database = open_existing_shop(args)
    try:
        result = make(database)
    finally:
        database.dispose()
    for warning in result.warnings:
        print(_("Warning: {warning}").format(warning=warning), file=sys.stderr)
    print(result.message)
    return 0


def _run_slips(args: argparse.Namespace) -> int:
    from orderapp.services.documents import paperwork
    from orderapp.services.documents import printing as documents

    return run_document(
        args,
        lambda database: documents.slips_pdf(
            database,
            paperwork.parse_list(args.orders) if args.orders else None,
            args.out,
            status=None if args.orders else paperwork.parse_status(args.status),
            paper=args.paper,
            show_prices=args.prices,
            footer=args.footer,
            language=args.language,
        ),
    )


def _picklist_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--orders", nargs="+", required=True, metavar="NUMBERS", help=_("order numbers, separated by commas or spaces")
    )
    _out(parser)
    parser.add_argument("--paper", choices=PAPERS[:3], help=_("paper size (default: the shop's setting)"))
    language(parser)


def _run_picklist(args: argparse.Namespace) -> int:
    from orderapp.services.documents import paperwork
    from orderapp.services.documents import printing as documents

    return run_document(
        args,
        lambda database: documents.pick_list_pdf(
            database, paperwork.parse_list(args.orders), args.out, paper=args.paper, language=args.language
        ),
    )


def _labels_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--products", nargs="+", required=True, metavar="SKUS", help=_("product SKUs, separated by commas or spaces")
    )
    parser.add_argument("--sheet", choices=SHEETS, help=_("label sheet (default: the shop's setting)"))
    _out(parser)
    parser.add_argument("--shelf", action="store_true", help=_("shelf-edge labels, with the bin location"))
    parser.add_argument("--copies", type=positive_int, default=1, metavar="N", help=_("labels for each product"))
    language(parser)


def _run_labels(args: argparse.Namespace) -> int:
    from orderapp.services.documents import paperwork
    from orderapp.services.documents import printing as documents

    return run_document(
        args,
        lambda database: documents.labels_pdf(
            database,
            paperwork.parse_list(args.products),
            args.out,
            sheet=args.sheet,
            shelf=args.shelf,
            copies=args.copies,
            language=args.language,
        ),
    )


def _count_sheet_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--count", required=True, type=positive_int, metavar="ID", help=_("the count's number"))
    _out(parser)
    parser.add_argument("--paper", choices=PAPERS[:3], help=_("paper size (default: the shop's setting)"))
    language(parser)


def _run_count_sheet(args: argparse.Namespace) -> int:
    from orderapp.services.documents import printing as documents

    return run_document(
        args,
        lambda database: documents.count_sheet_pdf(
            database, args.count, args.out, paper=args.paper, language=args.language
        ),
    )


COMMANDS = [
    Command(("print", "slips"), _("packing slips for orders, as one PDF"), _slips_arguments, _run_slips),
    Command(("print", "picklist"), _("a pick list for a batch of orders"), _picklist_arguments, _run_picklist),
    Command(("print", "labels"), _("product or shelf labels with barcodes"), _labels_arguments, _run_labels),
    Command(("print", "count-sheet"), _("the sheet to count stock on"), _count_sheet_arguments, _run_count_sheet),
]
