"""The ``orderapp`` command: opens the app, or runs one of its commands without the window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from orderapp import __version__, commands
from orderapp.commands import acting
from orderapp.errors import OrderAppError
from orderapp.i18n import _

DATABASE_HELP = "the shop database: a SQLite file path or URL, or postgresql://user:password@host/db"


DATABASE_FAILED = (
    "The database reported a problem ({reason}); what this command was doing was not saved. "
    "Try again; if it happens again, restore a backup (orderapp restore)."
)


def _is_database_failure(exc: BaseException) -> bool:
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    return isinstance(exc, DBAPIError | sqlite3.DatabaseError)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orderapp",
        description=_("OrderApp: orders, scan-verified packing, stock counts and printed paperwork for small shops."),
    )
    parser.add_argument("--version", action="version", version=f"OrderApp {__version__}")
    parser.add_argument("--database", metavar="URL", help=_(DATABASE_HELP) + f" (default: ${commands.DATABASE_ENV})")
    parser.add_argument("--demo", action="store_true", help=_("open the demo shop (made on first use)"))
    top = parser.add_subparsers(dest="command", metavar="COMMAND")
    groups: dict[str, argparse._SubParsersAction[argparse.ArgumentParser]] = {}
    for command in commands.discover():
        *group_words, word = command.path
        parent = top
        if group_words:
            group = group_words[0]
            if group not in groups:
                group_parser = top.add_parser(group, help=commands.group_help().get(group, ""))
                groups[group] = group_parser.add_subparsers(dest="subcommand", metavar="WHAT", required=True)
            parent = groups[group]
        leaf = parent.add_parser(word, help=command.help, description=command.help)
        leaf.add_argument("--database", metavar="URL", dest="sub_database", help=_(DATABASE_HELP))
        command.add_arguments(leaf)
        leaf.set_defaults(run=command.run, command_spec=command)
        acting.add_arguments(leaf, command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from orderapp.app_logging import setup_logging

    setup_logging()
    try:
        if getattr(args, "run", None) is not None:
            acting.sign_in(args)
            result: int = args.run(args)
            return result
        from orderapp.gui.app import run_app  # Qt is imported only when the window is wanted

        exit_code: int = run_app(commands.url_from_args(args), demo=args.demo)
        return exit_code
    except OrderAppError as exc:
        print(f"orderapp: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        if not _is_database_failure(exc):
            raise
        import logging

        logging.getLogger(__name__).exception("the database failed during a command")
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        print("orderapp: " + _(DATABASE_FAILED).format(reason=reason), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
