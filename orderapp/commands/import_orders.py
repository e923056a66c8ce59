"""``orderapp import orders FILE``: bring in orders from a Shopify orders export or the app's template."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from orderapp.commands import Command, url_from_args
from orderapp.i18n import _


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help=_("the CSV file (UTF-8 or GB18030/GBK)"))
    parser.add_argument(
        "--format",
        choices=("shopify", "generic"),
        default=None,
        help=_("shopify: Shopify's orders export; generic: the OrderApp template (default: found from the columns)"),
    )
    parser.add_argument(
        "--dry-run", action="store_true", help=_("check the file and show what would happen; write nothing")
    )
    parser.add_argument(
        "--write-template",
        type=Path,
        metavar="FILE",
        default=None,
        help=_("write the generic template (header and examples) to FILE and stop"),
    )
    parser.add_argument("--user", type=int, default=None, metavar="ID", help=_("who imports (default: the owner)"))


def _run(args: argparse.Namespace) -> int:
    from orderapp.errors import OrderAppError
    from orderapp.services.orders import importing as order_import

    if args.write_template is not None:
        order_import.write_template(args.write_template)
        print(_("Template written to {path}. Columns (* = required):").format(path=args.write_template))
        print(order_import.template_help())
        return 0
    if args.file is None:
        raise OrderAppError(_("Name the CSV file to import, e.g. orderapp import orders orders_export.csv"))
    path: Path = args.file
    if not path.is_file():
        raise OrderAppError(_("There is no file {path}; check the name and the folder.").format(path=path))

    from orderapp.store.opening import open_database

    interactive = sys.stderr.isatty()

    def progress(phase: str, done: int, total: int) -> None:
        if interactive:
            print(f"\r{phase}: {done:,}/{total:,}   ", end="", file=sys.stderr, flush=True)

    database = open_database(url_from_args(args), create=False)
    try:
        try:
            plan = order_import.plan_import(database, path, format=args.format, progress=progress)
        finally:
            if interactive:
                print(file=sys.stderr)
        for problem in plan.problems:
            label = _("error") if problem.severity == "error" else _("warning")
            print(f"{path.name}: {label}: {problem}", file=sys.stderr)
        for ref, row, why in plan.skipped:
            print(_("{file}: row {row}: order {ref} skipped: {why}").format(file=path.name, row=row, ref=ref, why=why))
        if not plan.ok:
            raise order_import.ImportFailed(
                _(
                    "Nothing was imported: {count} problems in {file} (listed above); fix them and import it again."
                ).format(count=len(plan.errors), file=path.name),
                plan,
            )
        lines = plan.line_count
        if args.dry_run:
            print(
                _(
                    "Dry run: {orders:,} orders ({lines:,} lines) would be imported, {skipped:,} skipped; "
                    "nothing was written."
                ).format(orders=plan.order_count, lines=lines, skipped=len(plan.skipped))
            )
            return 0
        result = order_import.run_import(database, plan, user_id=_importer(args), progress=progress)
        if interactive:
            print(file=sys.stderr)
    finally:
        database.dispose()
    first_last = f" ({result.numbers[0]} - {result.numbers[-1]})" if result.numbers else ""
    print(
        _(
            "Imported {orders:,} orders{range} with {lines:,} lines as received; {customers:,} new customers; "
            "{skipped:,} skipped. Confirm them in the orders list (bulk confirm)."
        ).format(
            orders=len(result.numbers),
            range=first_last,
            lines=lines,
            customers=result.customers_added,
            skipped=len(result.skipped),
        )
    )
    return 0


COMMANDS = [
    Command(
        ("import", "orders"),
        _("import orders from a Shopify orders export or the OrderApp CSV template"),
        _add_arguments,
        _run,
        writes=True,
    )
]


def _importer(args: argparse.Namespace) -> int:
    """The signed-in person; ``--user ID`` still names someone else only in a shop without PINs."""
    actor_id: int = args.actor.user_id
    return actor_id if getattr(args, "as_user", None) else (args.user or actor_id)
