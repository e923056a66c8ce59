"""Where the everyday shop is, when it is no longer the file in the data folder: after a move to a
PostgreSQL server the server's address is kept in the user's config folder, and the app and the
commands open it (``--database`` and $ORDERAPP_DATABASE still win)."""

from __future__ import annotations

from pathlib import Path

from orderapp import paths

POINTER = "shop-location.txt"


def pointer_path() -> Path:
    return paths.config_dir() / POINTER


def remembered_shop() -> str | None:
    """The server URL the everyday shop was moved to, or None."""
    try:
        text = pointer_path().read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return text or None


def remember_shop(url: str) -> None:
    pointer = pointer_path()
    pointer.parent.mkdir(parents=True, exist_ok=True)
    pointer.write_text(url + "\n", encoding="utf-8")
