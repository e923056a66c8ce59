"""``orderapp evidence list | export | verify``: packing videos from the command line.

Examples::

    orderapp evidence list --order A-1042 --csv
    orderapp evidence export A-1042 --out "D:/Disputes/A-1042"
    orderapp evidence verify "D:/Disputes/A-1042"
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from orderapp.commands import Command
from orderapp.commands.tables import print_rows
from orderapp.i18n import _

COLUMNS = ("order", "started", "seconds", "size", "station", "packer", "file")


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--order", metavar="NUMBER", help=_("only this order's clips"))
    parser.add_argument("--csv", action="store_true", help=_("write CSV (UTF-8) instead of a table"))


def _size(size_bytes: int) -> str:
    return f"{size_bytes / 1_000_000:.1f} MB"


def _run_list(args: argparse.Namespace) -> int:
    from orderapp.commands.print_documents import open_existing_shop
    from orderapp.services.packing.evidence import list_clips, shop_zone

    database = open_existing_shop(args)
    try:
        clips = list_clips(database, args.order)
        zone = shop_zone(database)
    finally:
        database.dispose()
    rows = []
    for clip in clips:
        if clip.status == "done":
            where = str(clip.file)
        elif clip.status == "recording":
            where = _("(recording)")
        else:
            where = f"({clip.note})" if clip.note else _("(no video)")
        started = clip.started_at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")
        seconds = f"{clip.seconds:.1f}" if clip.status == "done" else ""
        size = str(clip.size_bytes) if args.csv else (_size(clip.size_bytes) if clip.status == "done" else "")
        rows.append((clip.order_number, started, seconds, size, clip.station, clip.packer, where))
    empty = (
        _("Order {number} has no packing video.").format(number=args.order.strip().upper())
        if args.order
        else _("No packing videos yet.")
    )
    headings = (_("order"), _("started"), _("seconds"), _("size"), _("station"), _("packer"), _("file"))
    print_rows(rows, as_csv=args.csv, csv_columns=COLUMNS, headings=headings, empty=empty)
    return 0


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number", metavar="NUMBER", help=_("the order number"))
    parser.add_argument("--out", required=True, type=Path, metavar="FOLDER", help=_("a new or empty folder"))


def _run_export(args: argparse.Namespace) -> int:
    from orderapp.commands.print_documents import open_existing_shop
    from orderapp.services.packing.evidence import export_clip

    database = open_existing_shop(args)
    try:
        result = export_clip(database, args.number, args.out)
    finally:
        database.dispose()
    print(
        _("Exported {count} clip(s) of order {number} with their manifest to {folder}.").format(
            count=len(result.clips), number=args.number.strip().upper(), folder=result.folder
        )
    )
    return 0


def _verify_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="FOLDER", help=_("a folder made by 'evidence export'"))


def _run_verify(args: argparse.Namespace) -> int:
    from orderapp.services.packing.evidence import verify_export

    result = verify_export(args.folder)
    print(result.message, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


COMMANDS = [
    Command(
        ("evidence", "list"),
        _("list packing videos (order, start, length, size, station, packer, file)"),
        _list_arguments,
        _run_list,
    ),
    Command(
        ("evidence", "export"),
        _("copy an order's packing video and its manifest to a folder"),
        _export_arguments,
        _run_export,
    ),
    Command(
        ("evidence", "verify"),
        _("check that an exported packing video matches its manifest"),
        _verify_arguments,
        _run_verify,
    ),
]
