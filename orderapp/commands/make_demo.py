"""``orderapp make-demo``: build a demo shop without the window (also the benchmarks' big shops)."""

from __future__ import annotations

import argparse
import sys

from orderapp.commands import Command, database_url, non_negative_int, positive_int
from orderapp.i18n import _


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--products", type=positive_int, default=240, metavar="N")
    parser.add_argument(
        "--customers",
        type=positive_int,
        default=None,
        metavar="N",
        help=_("default: one for every six orders, at least 60"),
    )
    parser.add_argument("--orders", type=non_negative_int, default=360, metavar="N")
    parser.add_argument(
        "--days", type=positive_int, default=30, metavar="N", help=_("spread the orders over this many days up to now")
    )
    parser.add_argument("--seed", type=int, default=1, help=_("the same seed builds the same shop"))
    parser.add_argument(
        "--clips",
        type=non_negative_int,
        default=3,
        metavar="N",
        help=_("packing videos for the last N packed orders, beside the shop file (default 3)"),
    )


def _run(args: argparse.Namespace) -> int:
    from orderapp.demo import DemoSize, build_demo_shop
    from orderapp.store.opening import open_new_shop_database

    url = database_url(args.sub_database or args.database, demo=True)
    customers = args.customers if args.customers is not None else max(60, args.orders // 6)
    size = DemoSize(products=args.products, customers=customers, orders=args.orders, days=args.days)
    database = open_new_shop_database(url)
    interactive = sys.stderr.isatty()

    def progress(phase: str, done: int, total: int) -> None:
        if interactive:
            print(f"\r{phase}: {done:,}/{total:,}   ", end="", file=sys.stderr, flush=True)

    try:
        report = build_demo_shop(database, size, seed=args.seed, progress=progress)
        if args.clips:
            from orderapp.demo.packing_clips import add_demo_clips

            add_demo_clips(database, args.clips)
    finally:
        database.dispose()
    if interactive:
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


COMMANDS = [Command(("make-demo",), _("build a demo shop without opening the app"), _add_arguments, _run)]
