"""``orderapp report daily``: the owner's daily summary as a PDF, e.g. from a scheduled task.

Example::

    orderapp report daily --date 2026-11-21 --out summary-2026-11-21.pdf
    orderapp report daily --language zh_CN --out summary.pdf
"""

from __future__ import annotations

import argparse

from orderapp.commands import Command
from orderapp.commands.print_documents import language
from orderapp.commands.tables import parse_day
from orderapp.i18n import _


def _daily_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=parse_day, metavar="YYYY-MM-DD", help=_("the shop's local day (default: today)"))
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help=_("where to write the PDF"))
    parser.add_argument("--paper", choices=("a4", "a5", "letter"), help=_("paper size (default: the shop's setting)"))
    language(parser)


def _run_daily(args: argparse.Namespace) -> int:
    from orderapp.commands.print_documents import run_document
    from orderapp.services.documents.printing import daily_summary_pdf

    return run_document(
        args,
        lambda database: daily_summary_pdf(database, args.date, args.out, paper=args.paper, language=args.language),
    )


COMMANDS = [
    Command(("report", "daily"), _("the owner's daily summary for one day, as a PDF"), _daily_arguments, _run_daily),
]
