"""``orderapp audit [--since DATE] [--csv]``: the audit log, newest first.

Columns: time (the shop's), user, station, action, object, before, after.
"""

from __future__ import annotations

import argparse
import sys

from orderapp.commands import Command, url_from_args
from orderapp.commands.tables import parse_day
from orderapp.i18n import _


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=parse_day, metavar="YYYY-MM-DD", help=_("from this day on (the shop's day)"))
    parser.add_argument("--csv", action="store_true", help=_("write CSV (for a spreadsheet) instead of lines"))


def _run(args: argparse.Namespace) -> int:
    from orderapp.services.staff.audit_log import AuditFilter, audit_entries, write_audit_csv
    from orderapp.store.opening import open_database

    database = open_database(url_from_args(args))
    try:
        rows = audit_entries(database, AuditFilter(since=args.since))
    finally:
        database.dispose()
    if args.csv:
        write_audit_csv(rows, sys.stdout)
        return 0
    for row in rows:
        change = f"{row.before} -> {row.after}" if row.before else row.after
        print("\t".join([row.at.strftime("%Y-%m-%d %H:%M:%S"), row.user, row.station, row.action, row.object, change]))
    if not rows:
        print(_("The audit log has no entries for this period."), file=sys.stderr)
    return 0


COMMANDS = [Command(("audit",), _("the audit log: who changed what, when and where"), _arguments, _run)]
