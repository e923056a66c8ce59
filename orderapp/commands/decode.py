"""``orderapp decode FILE...``: the barcodes in image files, and the scans the packing station would
accept from recorded videos, through the app's own decoding pipeline.

For support and testing: each file gives a line with its path, then one indented line per code:
"symbology text" for an image; "12.40s symbology text" for each scan accepted from a video (seconds
from its start, by the video's frame rate). Exit status 1 when any file cannot be read (the others
are still decoded).
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
    parser.add_argument(
        "images",
        nargs="+",
        type=Path,
        metavar="FILE",
        help=_("images (PNG, JPEG, WebP, ...) or videos (.avi, .mp4, ...) replayed as the packing camera"),
    )
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


VIDEO_SUFFIXES = frozenset({".avi", ".mp4", ".m4v", ".mov", ".mkv", ".webm", ".wmv", ".mpg", ".mpeg"})


def _replay(path: Path, symbologies: frozenset[Symbology]) -> bool:
    """Print the scans accepted from the video at ``path``; False (after a sentence) when unreadable."""
    from orderapp.scanning.camera import CameraUnavailable
    from orderapp.scanning.pipeline import replay_video

    accepted = 0
    try:
        for timed in replay_video(path, symbologies):
            accepted += 1
            print(f"  {timed.seconds:.2f}s {timed.scan.symbology or ''} {printable(timed.scan.code)}", flush=True)
    except CameraUnavailable as exc:
        print(f"orderapp: {exc}", file=sys.stderr, flush=True)
        return False
    if not accepted:
        print("  " + _("(no scan accepted)"))
    return True


def _run(args: argparse.Namespace) -> int:
    from orderapp.scanning.decoding import DEFAULT_SYMBOLOGIES, UnreadableImage, decode_image_file

    symbologies = frozenset(args.symbology) if args.symbology else DEFAULT_SYMBOLOGIES
    failed = 0
    for path in args.images:
        print(path, flush=True)
        if path.suffix.lower() in VIDEO_SUFFIXES:
            failed += not _replay(path, symbologies)
            continue
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
        help=_("print the barcodes in image files, and the scans a video gives at packing (support, testing)"),
        add_arguments=_add_arguments,
        run=_run,
    )
]
