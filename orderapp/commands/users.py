"""``orderapp users list [--csv]`` and ``orderapp users add NAME --role ROLE`` (the new PIN on stdin).

Example::

    printf '4821\\n' | orderapp users add 李娜 --role packer
    printf '4821\\n9999\\n' | orderapp users add 李娜 --role packer --as Owner   # once the owner has a PIN
"""

from __future__ import annotations

import argparse

from orderapp.commands import Command, url_from_args
from orderapp.commands.tables import print_rows
from orderapp.i18n import _

ROLES = ("owner", "shopkeeper", "packer")


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--csv", action="store_true", help=_("write CSV (for a spreadsheet) instead of a table"))


def _run_list(args: argparse.Namespace) -> int:
    from orderapp.domain.shop_clock import local
    from orderapp.services.settings.shop import load_settings
    from orderapp.services.staff.people import list_users
    from orderapp.store.opening import open_database

    database = open_database(url_from_args(args))
    try:
        users = list_users(database)
        zone = load_settings(database, with_logo=False).timezone
    finally:
        database.dispose()
    header = [_("name"), _("role"), _("active"), _("last sign-in")]
    rows = [
        [
            user.name,
            user.role.value,
            _("yes") if user.active else _("no"),
            local(user.last_sign_in_at, zone).strftime("%Y-%m-%d %H:%M") if user.last_sign_in_at else "",
        ]
        for user in users
    ]
    print_rows(rows, as_csv=args.csv, csv_columns=header, headings=header)
    return 0


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help=_("the person's name as the app shows it"))
    parser.add_argument("--role", required=True, choices=ROLES, help=_("what the person may do"))


def _run_add(args: argparse.Namespace) -> int:
    from orderapp.services.staff.people import add_user
    from orderapp.store.opening import open_database

    database = open_database(url_from_args(args))
    try:
        user = add_user(database, args.name, args.role, args.input_lines[0], actor=args.actor)
    finally:
        database.dispose()
    print(
        _("{name} added as {role}; print their staff badge in Settings > Users.").format(
            name=user.name, role=user.role_label.lower()
        )
    )
    return 0


COMMANDS = [
    Command(
        ("users", "list"), _("list the shop's users: name, role, active, last sign-in"), _list_arguments, _run_list
    ),
    Command(
        ("users", "add"),
        _("add a user; the new PIN is read from standard input"),
        _add_arguments,
        _run_add,
        writes=True,
        input_lines=1,
    ),
]
