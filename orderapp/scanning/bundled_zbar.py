"""ZBar inside the packaged app. pyzbar looks for ZBar in the system's library folders on Linux and macOS
(and beside itself only on Windows), so the copy the bundle carries (packaging/orderapp.spec) would be
ignored, and a Mac without Homebrew's ZBar would read with zxing-cpp alone. Pointing pyzbar at the
bundled library first makes the installed app carry its own second-opinion decoder everywhere."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

NAMES = ("libzbar.dylib", "libzbar.0.dylib", "libzbar.so.0", "libzbar.so")


def bundled_zbar(folder: Path) -> Path | None:
    return next((folder / name for name in NAMES if (folder / name).exists()), None)


def prefer_bundled_zbar() -> Path | None:
    """In a packaged app (PyInstaller's ``sys._MEIPASS``), make pyzbar load the ZBar shipped with it.
    Returns the library chosen; None from a source checkout, on Windows, or when none is bundled."""
    folder = getattr(sys, "_MEIPASS", None)
    if not folder or sys.platform == "win32":
        return None
    library = bundled_zbar(Path(folder))
    if library is None:
        return None
    zbar_library = importlib.import_module("pyzbar.zbar_library")  # no side effects: it loads nothing itself
    system_find = zbar_library.find_library
    if getattr(system_find, "orderapp_bundled", None) is None:

        def find_library(name: str) -> str | None:
            return str(library) if name == "zbar" else system_find(name)

        find_library.orderapp_bundled = library  # type: ignore[attr-defined]
        setattr(zbar_library, "find_library", find_library)  # noqa: B010  (a module mypy cannot see)
    return library
