"""OrderApp's own icon, from resources/icons."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from orderapp import paths


def app_icon() -> QIcon:
    """The icon every window shows (title bar, task bar, Dock); the PNG when SVG cannot be read."""
    icon = QIcon()
    folder = paths.bundled_dir("resources") / "icons"
    for name in ("orderapp.png", "orderapp.svg"):
        if (folder / name).is_file():
            icon.addFile(str(folder / name))
    return icon
