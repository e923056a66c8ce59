"""This PC's own settings (QSettings), beside the main window's: the camera, the scanner and the
packing sounds belong to the PC, not to the shop (whose settings are in the database)."""

from __future__ import annotations

from PySide6.QtCore import QSettings


def pc_settings() -> QSettings:
    return QSettings("OrderApp", "OrderApp")


def as_bool(value: object) -> bool:
    """A stored flag as QSettings gives it back: a bool, or "true"/"1"/"yes" from an INI file."""
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)
