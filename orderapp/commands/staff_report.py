"""``orderapp report staff [--since DATE] [--until DATE] [--csv]``: per packer, orders and items
packed, wrong items caught, overrides and the median time per order (default: today)."""

from __future__ import annotations

import argparse
import sys

from orderapp.commands import Command
from orderapp.commands.tables import parse_day
from orderapp.i18n import _


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=parse_day, metavar="YYYY-MM-DD", help=_("first day (default: today)"))
    parser.add_argument("--until", type=parse_day, metavar="YYYY-MM-DD", help=_("last day (default: --since or today)"))
    parser.add_argument("--csv", action="store_true", help=_("write CSV (for a spreadsheet) instead of a table"))


def _run(args: argparse.Namespace) -> int:
    from orderapp.commands.print_documents import open_existing_shop
    from orderapp.commands.tables import print_table
    from orderapp.errors import OrderAppError
    from orderapp.services.documents.daily_summary import today_in_shop
    from orderapp.services.staff.figures import report_header, report_rows, staff_report, write_report_csv

    database = open_existing_shop(args)
    try:
        today = today_in_shop(database)
        since = args.since or args.until or today
        until = args.until or (args.since if args.since and args.since > today else today)
        if until < since:
            raise OrderAppError(_("--until is before --since; give the first day, then the last."))
        report = staff_report(database, since, until)
    finally:
        database.dispose()
    if args.csv:
        write_report_csv(report, sys.stdout)
        return 0
    print(_("Staff figures, {since} to {until}").format(since=since.isoformat(), until=until.isoformat()))
    if not report.packers:
        print(_("Nobody packed an order in this period."))
        return 0
    print_table(report_header(), report_rows(report))
    return 0


COMMANDS = [
    Command(
        ("report", "staff"),
        _("per packer: orders and items packed, wrong items caught, overrides, median time per order"),
        _arguments,
        _run,
    )
]
