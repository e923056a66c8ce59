"""Text a database cannot hold: NUL characters (PostgreSQL refuses them) and lone surrogates (half
of a character, e.g. a broken emoji; neither SQLite nor PostgreSQL can encode them).

Files with such characters are refused by row (``text_problem``); what is typed into a search box
is made searchable (``searchable``): such a character can never be stored, so it matches nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from orderapp.i18n import _

_BAD = re.compile("[\x00\ud800-\udfff]")
REPLACEMENT = "\ufffd"
CSV_CELL_LIMIT = 131_072  # Python's csv module refuses longer cells


def has_bad_characters(text: str) -> bool:
    return _BAD.search(text) is not None


def text_problem(cells: Iterable[str]) -> str:
    """Why these cells cannot be stored, as a sentence; empty when they can."""
    for cell in cells:
        match = _BAD.search(cell)
        if match is None:
            continue
        if match.group() == "\x00":
            return _(
                "A NUL character (binary data) is in this row and cannot be stored; remove it, "
                "or export the file again as CSV."
            )
        return _(
            "A broken character (half of an emoji or other symbol) is in this row; retype that cell, "
            "or save the file again as “CSV UTF-8”."
        )
    return ""


def searchable(text: str) -> str:
    """``text`` with NUL and lone surrogates replaced by U+FFFD, so a search for it finds nothing
    instead of failing in the database driver."""
    return _BAD.sub(REPLACEMENT, text)


def cell_too_long_message() -> str:
    return _(
        'A cell of this row is longer than {limit} characters; a quote (") is probably not closed, '
        "or the cell holds something that does not belong in this file."
    ).format(limit=f"{CSV_CELL_LIMIT:,}")
