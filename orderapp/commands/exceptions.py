"""``orderapp exceptions list``: every exception, one row each (or CSV); ``orderapp report exceptions``:
the exceptions report of a period as a PDF.

Examples::

    orderapp exceptions list --open
    orderapp exceptions list --csv > exceptions.csv
    orderapp report exceptions --from 2026-11-01 --to 2026-11-30 --out exceptions-november.pdf
"""

from __future__ import annotations

import argparse

from orderapp.commands import Command
from orderapp.commands.tables import parse_day, print_rows
from orderapp.i18n import _

COLUMNS = (
    "number",
    "order",
    "family",
    "type",
    "severity",
    "priority",
    "status",
    "owner",
    "opened",
    "age",
    "resolution",
)


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--open", action="store_true", help=_("only the exceptions not resolved yet"))
    parser.add_argument("--csv", action="store_true", help=_("comma-separated values with a header row (UTF-8)"))


def _run_list(args: argparse.Namespace) -> int:
    from orderapp.commands.print_documents import open_existing_shop
    from orderapp.domain.shop_clock import local, shop_zone
    from orderapp.services.aftersales.exceptions import all_exceptions
    from orderapp.services.settings.orders import read_order_settings
    from orderapp.store.types import utc_now

    database = open_existing_shop(args)
    try:
        with database.session() as session:
            zone = shop_zone(read_order_settings(session).timezone)
        now = utc_now()
        rows = [
            (
                row.number,
                row.order_number,
                row.family_label if not args.csv else row.family,
                row.type_label if not args.csv else row.type,
                row.severity_label if not args.csv else row.severity,
                str(row.priority),
                row.status_label if not args.csv else row.status,
                row.owner,
                local(row.opened_at, zone).strftime("%Y-%m-%d %H:%M"),
                row.age_text(now),
                " ".join(row.resolution.split()),
            )
            for row in all_exceptions(database, open_only=args.open, now=now)
        ]
    finally:
        database.dispose()
    headings = (_("Number"), _("Order"), _("Family"), _("Type"), _("Severity"), _("Priority"), _("Status"),
                _("Owner"), _("Opened"), _("Age"), _("Resolution"))  # fmt: skip
    empty = _("No open exceptions.") if args.open else _("No exceptions.")
    print_rows(rows, as_csv=args.csv, csv_columns=COLUMNS, headings=headings, empty=empty)
    return 0


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", required=True, type=parse_day, metavar="YYYY-MM-DD",
                        help=_("first day of the period (the shop's local day)"))  # fmt: skip
    parser.add_argument("--to", dest="end", required=True, type=parse_day, metavar="YYYY-MM-DD",
                        help=_("last day of the period, included"))  # fmt: skip
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help=_("where to write the PDF"))
    parser.add_argument("--paper", choices=("a4", "a5", "letter"), help=_("paper size (default: the shop's setting)"))


def _run_report(args: argparse.Namespace) -> int:
    from orderapp.commands.print_documents import open_existing_shop
    from orderapp.services.aftersales.exceptions_report import check_period, exceptions_report

    check_period(args.start, args.end)  # refused before the shop is opened
    database = open_existing_shop(args)
    try:
        report = exceptions_report(database, args.start, args.end, args.out, paper=args.paper)
    finally:
        database.dispose()
    print(
        _("Exceptions report for {start} to {end} ({opened} opened, {resolved} resolved) written to {path}.").format(
            start=args.start.isoformat(),
            end=args.end.isoformat(),
            opened=report.current.opened,
            resolved=report.current.resolved,
            path=report.path,
        )
    )
    return 0


COMMANDS = [
    Command(("exceptions", "list"), _("list the order exceptions, highest priority first"), _list_arguments, _run_list),
    Command(("report", "exceptions"), _("the exceptions report of a period, as a PDF"), _report_arguments, _run_report),
]
