"""The ``orderapp`` subcommands. Each module here holds ``COMMANDS``, a list of ``Command``; the CLI
finds them all, so a capability adds its commands by adding a module (``import orders`` and
``import products`` can live in different modules: the words before the last one form a group).

Modules keep their top-level imports light (the parser imports every module); heavy work is
imported inside ``run``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from orderapp import paths
from orderapp.i18n import _
from orderapp.shop_location import remembered_shop

DATABASE_ENV = "ORDERAPP_DATABASE"

# The window parts a command may open, by module. A command imports one only inside its ``run`` (the
# command line never loads Qt unless asked, e.g. ``orderapp selftest --window``); the layering test
# (tests/unit/test_layer_imports.py) allows exactly these, imported inside a function, and no other
# import of ``orderapp.gui`` from a command.
GUI_ENTRY_POINTS = frozenset({"orderapp.gui.selftest_window"})


@dataclass(frozen=True)
class Command:
    path: tuple[str, ...]  # e.g. ("make-demo",) or ("import", "orders")
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    # A command that changes the shop takes ``--as NAME`` (see acting.py) and finds the signed-in
    # person in ``args.actor``; ``input_lines`` lines of its own are read from stdin before the PIN.
    writes: bool = False
    input_lines: int = 0


def group_help() -> dict[str, str]:
    return {
        "import": _("bring orders or products in from a CSV file"),
        "export": _("write products and other lists to a CSV file"),
        "print": _("make PDFs of slips, pick lists and labels"),
        "report": _("make the owner's reports"),
        "evidence": _("find, export and check packing videos"),
        "users": _("list and add the shop's users"),
    }


def discover() -> list[Command]:
    found: list[Command] = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        loaded = importlib.import_module(f"{__name__}.{module.name}")
        found.extend(getattr(loaded, "COMMANDS", []))
    return found


def database_url(given: str | None, *, demo: bool = False) -> str:
    """``--database`` wins, then $ORDERAPP_DATABASE, then the demo or the everyday shop file."""
    if given:
        return given
    from_env = os.environ.get(DATABASE_ENV, "").strip()
    if from_env:
        return from_env
    moved = None if demo else remembered_shop()  # the everyday shop was moved to a server
    return moved or str(paths.demo_database_path() if demo else paths.default_database_path())


def url_from_args(args: argparse.Namespace) -> str:
    """The database a command works on: its own ``--database``, the global one, the environment."""
    return database_url(
        getattr(args, "sub_database", None) or getattr(args, "database", None), demo=getattr(args, "demo", False)
    )


def positive_int(text: str) -> int:
    value = non_negative_int(text)
    if value == 0:
        raise argparse.ArgumentTypeError(_("must be at least 1"))
    return value


def non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text!r} is not a whole number").format(text=text)) from None
    if value < 0:
        raise argparse.ArgumentTypeError(_("must not be negative"))
    return value
