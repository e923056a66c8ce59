"""Who runs a command: the one place the command line checks ``--as NAME`` and its PIN.

A command that changes the shop (``Command.writes``) gets ``args.actor``. When no owner has a PIN
(a new shop, the demo) that is the owner, and ``--as`` is optional; once an owner has a PIN, the
command is refused without ``--as NAME``, and NAME's PIN is read from the next line of standard
input (after the command's own ``input_lines``, e.g. the new user's PIN for ``users add``).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from orderapp.commands import Command, url_from_args
from orderapp.errors import OrderAppError
from orderapp.i18n import _


def add_arguments(parser: argparse.ArgumentParser, command: Command) -> None:
    if command.writes:
        parser.add_argument(
            "--as",
            dest="as_user",
            metavar="NAME",
            help=_("who is doing this; their PIN is read from the next line of standard input"),
        )


def read_line(prompt: str) -> str:
    """One line of standard input (hidden when typed at a terminal); empty at the end of input."""
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def sign_in(args: argparse.Namespace) -> None:
    """Fill ``args.input_lines`` and ``args.actor`` for a writing command; raise with a sentence if
    the person cannot be signed in. Commands that only read are left alone."""
    command: Command | None = getattr(args, "command_spec", None)
    if command is None or not command.writes:
        return
    from orderapp.domain.staff import station_name
    from orderapp.services.staff.people import owner_without_pin, sign_in
    from orderapp.store.opening import NoShopHere, open_database

    args.input_lines = [read_line(_("New PIN: ")) for _n in range(command.input_lines)]
    try:
        # Never create a shop here; the command's own opening runs the full damage check right after.
        database = open_database(url_from_args(args), create=False, check="none")
    except NoShopHere:
        return  # nobody to sign in: the command makes the shop (make-demo) or refuses with its sentence
    try:
        station = station_name()
        name = getattr(args, "as_user", None)
        if name:
            pin = read_line(_("PIN for {name}: ").format(name=name))
            args.actor = sign_in(database, name, pin, station=station)
            return
        actor = owner_without_pin(database, station=station)
        if actor is None:
            raise OrderAppError(
                _(
                    "This shop's users sign in with a PIN: add --as NAME and type that person's PIN "
                    "on the next line of standard input."
                )
            )
        args.actor = actor
    finally:
        database.dispose()
