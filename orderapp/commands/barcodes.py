"""``orderapp barcode-conflicts``: list GTINs that are on two products (see services.barcode_conflicts)."""

from __future__ import annotations

import argparse

from orderapp.commands import Command, url_from_args
from orderapp.i18n import _


def _arguments(parser: argparse.ArgumentParser) -> None:
    pass


def _run(args: argparse.Namespace) -> int:
    from orderapp.services.stock.barcode_conflicts import barcode_conflicts
    from orderapp.store.opening import open_database

    database = open_database(url_from_args(args))
    try:
        conflicts = barcode_conflicts(database)
    finally:
        database.dispose()
    for conflict in conflicts:
        print(conflict.sentence())
    if not conflicts:
        print(_("No barcode is on two products."))
        return 0
    return 1


COMMANDS = [
    Command(
        ("barcode-conflicts",),
        _("list barcodes that are on two products (one GTIN written two ways), to resolve in Inventory"),
        _arguments,
        _run,
    ),
]
