"""Logging to a rotating file in the user's log folder, for support and for the crash dialog."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from orderapp import paths

LOG_FILE_NAME = "orderapp.log"


def log_file() -> Path:
    override = os.environ.get("ORDERAPP_LOG_DIR")
    folder = Path(override) if override else paths.log_dir()
    return folder / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the app's log to the log file (made if needed); returns its path. Safe to call twice."""
    target = log_file()
    root = logging.getLogger()
    if any(getattr(h, "orderapp_file", False) for h in root.handlers):
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()  # an unwritable log folder must not stop the shop
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.orderapp_file = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return target
