"""``orderapp move-to-server URL``: move the shop from its SQLite file to a PostgreSQL server."""

from __future__ import annotations

import argparse
import sys

from orderapp.commands import Command, url_from_args
from orderapp.i18n import _


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", metavar="URL", help=_("the server's database: postgresql://user:password@host/database"))


def _run(args: argparse.Namespace) -> int:
    from orderapp.services.shop.move_to_server import check_server, move_to_server
    from orderapp.store.opening import open_database

    print(_("Server reached: {server}").format(server=check_server(args.url)))
    source = open_database(url_from_args(args))
    interactive = sys.stderr.isatty()

    def progress(table: str, done: int, total: int) -> None:
        if interactive:
            print(f"\r{table}: {done:,}/{total:,}   ", end="", file=sys.stderr, flush=True)

    try:
        result = move_to_server(source, args.url, progress=progress)
    finally:
        source.dispose()
    if interactive:
        print(file=sys.stderr)
    for table in result.tables:
        print(f"{table.table}\t{table.rows}")
    print(
        _("Moved {rows:,} rows in {tables} tables to {server}, every table counted ({seconds:.1f} s).").format(
            rows=result.rows, tables=len(result.tables), server=result.server, seconds=result.seconds
        )
    )
    print(
        _("The old file is kept: a copy in {backup}, and the file itself as {old}.").format(
            backup=result.backup, old=result.old_file
        )
    )
    if result.switched:
        print(_("OrderApp now opens the shop from the server on this PC."))
    else:
        print(_("Open it with: orderapp --database URL (on every PC)."))
    return 0


COMMANDS = [
    Command(
        ("move-to-server",),
        _("move the shop from its file to a PostgreSQL server, for several PCs"),
        _add_arguments,
        _run,
    )
]
