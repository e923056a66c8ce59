"""``orderapp backup`` and ``orderapp restore``: a verified copy of a live shop, and putting one back.

Examples::

    orderapp backup --out "D:/Backups/shop 2026-12-03.sqlite"
    orderapp backup --database postgresql://shop:secret@server/shop --out shop.dump
    orderapp restore "D:/Backups/shop 2026-12-03.sqlite" --yes
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from orderapp.commands import Command, url_from_args
from orderapp.i18n import _


def _backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE",
        help=_("where to write the backup (.sqlite for a shop file, .dump for a PostgreSQL server)"),
    )


def _run_backup(args: argparse.Namespace) -> int:
    from orderapp.store import backup_policy
    from orderapp.store.opening import open_database

    url = url_from_args(args)
    database = open_database(url, create=False, migrate=False)  # refuses a damaged or foreign shop first
    database.dispose()
    backup = backup_policy.back_up_to(url, args.out.expanduser())
    summary = backup.summary
    print(
        _("Backup written to {path} ({size:,} bytes) and checked: {orders:,} orders, shop {name}.").format(
            path=backup.path,
            size=backup.size,
            orders=summary.orders if summary else 0,
            name=_shop_name(summary.shop_name if summary else ""),
        )
    )
    return 0


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help=_("the backup to put in place of the shop"))
    parser.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))


def _run_restore(args: argparse.Namespace) -> int:
    from orderapp.errors import OrderAppError
    from orderapp.store import backup_policy, backups
    from orderapp.store.database import normalise_url, sqlite_path

    url = normalise_url(url_from_args(args))
    path = sqlite_path(url)
    source: Path = args.file.expanduser()
    if path is not None:
        summary = backups.read_shop_file(source)
    else:
        from orderapp.store.backups_pg import read_dump

        summary = read_dump(source)
    where = str(path) if path is not None else url.render_as_string(hide_password=True)
    print(
        _("{file} holds the shop {name}: {orders:,} orders, the last one on {last}.").format(
            file=source, name=_shop_name(summary.shop_name), orders=summary.orders, last=_when(summary.last_order_at)
        )
    )
    if not args.yes:
        if not sys.stdin.isatty():
            raise OrderAppError(
                _("Restoring replaces the shop at {where}; add --yes to confirm when no one can be asked.").format(
                    where=where
                )
            )
        answer = input(
            _("Put it in place of the shop at {where}? The shop there now is kept aside. [y/N] ").format(where=where)
        )
        if answer.strip().lower() not in ("y", "yes", _("y"), _("yes")):
            print(_("Nothing was changed."))
            return 1
    if path is not None:
        restored = backups.restore_backup(source, path)
    else:
        from orderapp.store.backups_pg import restore_server_database

        restored = restore_server_database(source, url, backup_policy.backup_folder(url))
    if restored.kept is not None:
        print(_("Restored. The shop that was there is kept as {kept}.").format(kept=restored.kept))
    else:
        print(_("Restored."))
    return 0


def _shop_name(name: str) -> str:
    return f"“{name}”" if name else _("(no name set)")


def _when(moment: object) -> str:
    from datetime import datetime

    if not isinstance(moment, datetime):
        return _("(no orders)")
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


COMMANDS = [
    Command(("backup",), _("make a checked copy of the shop, even while it is in use"), _backup_arguments, _run_backup),
    Command(
        ("restore",), _("put a backup in place of the shop, keeping the replaced one"), _restore_arguments, _run_restore
    ),
]
