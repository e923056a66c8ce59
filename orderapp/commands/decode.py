"""``orderapp decode IMAGE...``: the barcodes in image files, through the app's own decoding pipeline.

For support and testing: each image gives a line with its path, then one indented line per code
("symbology text"). Exit status 1 when any image cannot be read (the others are still decoded).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

from orderapp.commands import Command
from orderapp.domain.gtin import Symbology
from orderapp.i18n import _


def _symbology(text: str) -> Symbology:
    try:
        return Symbology(text.strip().lower())
    except ValueError:
        known = ", ".join(s.value for s in Symbology)
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a symbology OrderApp reads; use one of {known}").format(text=text, known=known)
        ) from None


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("images", nargs="+", type=Path, metavar="IMAGE", help=_("PNG, JPEG, WebP, ... files"))
    parser.add_argument(
        "--symbology",
        action="append",
        type=_symbology,
        metavar="NAME",
        help=_("read only this symbology (repeat for several); default: EAN-8, EAN-13, UPC-A, UPC-E, Code 128, QR"),
    )


def printable(text: str) -> str:
    """Codes may hold line breaks or GS separators: show them escaped so each code stays on one line."""
    return "".join(
        ch if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp") else f"\\x{ord(ch):02x}" for ch in text
    )


def _run(args: argparse.Namespace) -> int:
    from orderapp.scanning.decoding import DEFAULT_SYMBOLOGIES, UnreadableImage, decode_image_file

    symbologies = frozenset(args.symbology) if args.symbology else DEFAULT_SYMBOLOGIES
    failed = 0
    for path in args.images:
        print(path, flush=True)
        try:
            found = decode_image_file(path, symbologies)
        except UnreadableImage as exc:
            failed += 1
            print(f"orderapp: {exc}", file=sys.stderr, flush=True)
            continue
        if not found:
            print("  " + _("(no barcode found)"))
        for decoded in found:
            print(f"  {decoded.symbology.value} {printable(decoded.text)}")
    sys.stdout.flush()
    return 1 if failed else 0


COMMANDS = [
    Command(
        path=("decode",),
        help=_("print the barcodes found in image files (for support and testing)"),
        add_arguments=_add_arguments,
        run=_run,
    )
]
