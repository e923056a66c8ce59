"""Where things live: the bundled folders, and the user's data, log and config folders."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "OrderApp"
_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """One of the top-level folders shipped with the app: "db", "ui" or "resources".

    An installed wheel carries them inside the package (``orderapp/_bundled``); a source checkout
    or an editable install finds them beside the package.
    """
    inside = _PACKAGE_DIR / "_bundled" / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / name


def data_dir() -> Path:
    """The user's data folder (shops, backups); ``ORDERAPP_DATA_DIR`` puts it elsewhere (the packaged app's
    smoke test, support), as ``ORDERAPP_LOG_DIR`` does for the log."""
    override = os.environ.get("ORDERAPP_DATA_DIR", "").strip()
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "shop.sqlite"


def demo_database_path() -> Path:
    return data_dir() / "demo-shop.sqlite"
