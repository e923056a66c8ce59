"""``orderapp report daily``: the owner's daily summary as a PDF, e.g. from a scheduled task.

Example::

    orderapp report daily --date 2026-11-21 --out summary-2026-11-21.pdf
"""

from __future__ import annotations

import argparse
from datetime import date

from orderapp.commands import Command
from orderapp.i18n import _


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-21").format(text=text)
        ) from None


def _daily_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=parse_day, metavar="YYYY-MM-DD", help=_("the shop's local day (default: today)"))
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help=_("where to write the PDF"))
    parser.add_argument("--paper", choices=("a4", "a5", "letter"), help=_("paper size (default: the shop's setting)"))


def _run_daily(args: argparse.Namespace) -> int:
    from orderapp.commands.print_documents import open_existing_shop
    from orderapp.documents.daily_report import render_daily_summary
    from orderapp.documents.output import write_pdf
    from orderapp.documents.papers import paper
    from orderapp.services.daily_summary import daily_summary, today_in_shop
    from orderapp.services.document_settings import load_document_settings
    from orderapp.services.paperwork import shop_paper

    database = open_existing_shop(args)
    try:
        day = args.date or today_in_shop(database)
        summary = daily_summary(database, day)
        shop = shop_paper(database)
        size = paper(args.paper or load_document_settings(database).list_paper)
        target = write_pdf(args.out, lambda out: render_daily_summary(summary, shop.letterhead, out, paper=size))
    finally:
        database.dispose()
    figures = summary.figures
    print(
        _("Daily summary for {day} ({orders} orders received) written to {path}.").format(
            day=day.isoformat(), orders=figures.received, path=target
        )
    )
    return 0


COMMANDS = [
    Command(("report", "daily"), _("the owner's daily summary for one day, as a PDF"), _daily_arguments, _run_daily),
]
