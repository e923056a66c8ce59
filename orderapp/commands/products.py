"""``orderapp import products``, ``orderapp export products`` and ``orderapp export reorder-list``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from orderapp.commands import Command, url_from_args
from orderapp.i18n import _

ENCODINGS = ("utf-8-sig", "utf-8", "gb18030")


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help=_("the CSV file (UTF-8 or GB18030/GBK)"))
    parser.add_argument("--dry-run", action="store_true", help=_("check the file and show what would change"))
    parser.add_argument(
        "--valid-only",
        action="store_true",
        help=_("import the valid rows only and skip rows with problems (by default any problem writes nothing)"),
    )
    parser.add_argument("--encoding", default=None, help=_("read the file in this encoding instead of guessing"))


def _run_import(args: argparse.Namespace) -> int:
    from orderapp.services.stock.product_import import RowAction, import_products
    from orderapp.store.opening import open_database

    database = open_database(url_from_args(args), create=False)
    interactive = sys.stderr.isatty()

    def progress(phase: str, done: int, total: int) -> None:
        if interactive:
            print(f"\r{phase}: {done:,}/{total:,}   ", end="", file=sys.stderr, flush=True)

    try:
        result = import_products(
            database,
            args.file,
            user_id=args.actor.user_id,
            dry_run=args.dry_run,
            valid_only=args.valid_only,
            encoding=args.encoding,
            progress=progress,
        )
    finally:
        database.dispose()
    if interactive:
        print(file=sys.stderr)
    if args.dry_run:
        for row in result.rows:
            if row.action in (RowAction.NEW, RowAction.UPDATE):
                changed = f" ({', '.join(row.changed)})" if row.changed else ""
                print(f"{row.row}\t{row.action.value}\t{row.sku}\t{row.name}{changed}")
    for problem in result.problems:
        print(str(problem), file=sys.stderr)
    if result.ignored_columns:
        print(_("Columns not imported: {columns}").format(columns=", ".join(result.ignored_columns)), file=sys.stderr)
    print(result.summary())
    return 1 if result.problems else 0


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help=_("the CSV file to write"))
    parser.add_argument(
        "--encoding",
        choices=ENCODINGS,
        default="utf-8-sig",
        help=_("utf-8-sig (default) opens in Excel with Chinese intact; gb18030 for older Excel in Chinese"),
    )


def _run_export(args: argparse.Namespace) -> int:
    from orderapp.services.stock.product_export import export_products
    from orderapp.store.opening import open_database

    database = open_database(url_from_args(args), create=False)
    try:
        result = export_products(database, args.file, encoding=args.encoding)
    finally:
        database.dispose()
    print(_("Exported {rows:,} products to {path}.").format(rows=result.rows, path=result.path))
    return 0


def _run_reorder_export(args: argparse.Namespace) -> int:
    from orderapp.services.stock.reorder import export_reorder_list
    from orderapp.store.opening import open_database

    database = open_database(url_from_args(args), create=False)
    try:
        rows = export_reorder_list(database, args.file, encoding=args.encoding)
    finally:
        database.dispose()
    print(_("{rows:,} products to reorder written to {path}.").format(rows=rows, path=args.file))
    return 0


COMMANDS = [
    Command(
        ("import", "products"),
        _("add and update products from a CSV file"),
        _import_arguments,
        _run_import,
        writes=True,
    ),
    Command(
        ("export", "products"),
        _("write every product to a CSV file (the import template)"),
        _export_arguments,
        _run_export,
    ),
    Command(
        ("export", "reorder-list"),
        _("write the products at or below their reorder point, with suggested quantities, to a CSV file"),
        _export_arguments,
        _run_reorder_export,
    ),
]
