"""The ``orderapp`` command: opens the app, or runs one of its commands without the GUI."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from orderapp import __version__, paths
from orderapp.errors import OrderAppError
from orderapp.i18n import _

DATABASE_ENV = "ORDERAPP_DATABASE"


def database_url(given: str | None, *, demo: bool = False) -> str:
    """``--database`` wins, then $ORDERAPP_DATABASE, then the demo or the everyday shop file."""
    if given:
        return given
    from_env = os.environ.get(DATABASE_ENV, "").strip()
    if from_env:
        return from_env
    return str(paths.demo_database_path() if demo else paths.default_database_path())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orderapp",
        description=_("OrderApp: orders, scan-verified packing, stock counts and printed paperwork for small shops."),
    )
    parser.add_argument("--version", action="version", version=f"OrderApp {__version__}")
    database_help = _("the shop database: a SQLite file path or URL, or postgresql://user:password@host/db")
    parser.add_argument("--database", metavar="URL", help=database_help + f" (default: ${DATABASE_ENV})")
    parser.add_argument("--demo", action="store_true", help=_("open the demo shop (made on first use)"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("make-demo", help=_("build a demo shop without opening the app"))
    demo.add_argument("--database", metavar="URL", dest="sub_database", help=database_help)
    demo.add_argument("--products", type=_positive, default=240, metavar="N")
    demo.add_argument("--customers", type=_positive, default=None, metavar="N")
    demo.add_argument("--orders", type=_non_negative, default=360, metavar="N")
    demo.add_argument("--days", type=_positive, default=30, metavar="N")
    demo.add_argument("--seed", type=int, default=1)
    return parser


def _positive(text: str) -> int:
    value = _non_negative(text)
    if value == 0:
        raise argparse.ArgumentTypeError(_("must be at least 1"))
    return value


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text!r} is not a whole number").format(text=text)) from None
    if value < 0:
        raise argparse.ArgumentTypeError(_("must not be negative"))
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from orderapp.app_logging import setup_logging

    setup_logging()
    try:
        if args.command == "make-demo":
            return _make_demo(args)
        from orderapp.gui.app import run_app  # Qt is imported only when the window is wanted

        return run_app(database_url(args.database, demo=args.demo), demo=args.demo)
    except OrderAppError as exc:
        print(f"orderapp: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _make_demo(args: argparse.Namespace) -> int:
    from orderapp.services.demo_shop import DemoSize, build_demo_shop
    from orderapp.store.opening import open_new_shop_database

    url = database_url(args.sub_database or args.database, demo=True)
    customers = args.customers if args.customers is not None else max(60, args.orders // 6)
    size = DemoSize(products=args.products, customers=customers, orders=args.orders, days=args.days)
    database = open_new_shop_database(url)
    try:

        def progress(phase: str, done: int, total: int) -> None:
            if sys.stderr.isatty():
                print(f"\r{phase}: {done:,}/{total:,}   ", end="", file=sys.stderr, flush=True)

        report = build_demo_shop(database, size, seed=args.seed, progress=progress)
    finally:
        database.dispose()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(
        _(
            "Demo shop ready at {where}: {products:,} products, {customers:,} customers, "
            "{orders:,} orders ({seconds:.1f} s)."
        ).format(
            where=database.location,
            products=report.products,
            customers=report.customers,
            orders=report.orders,
            seconds=report.seconds,
        )
    )
    return 0
