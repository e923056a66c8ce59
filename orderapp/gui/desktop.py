"""Hand things to the desktop: show a folder in the system's file manager."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

log = logging.getLogger(__name__)


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the file manager (made first if missing); False when the desktop refused."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        log.warning("cannot make folder %s", folder, exc_info=True)
    opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
    if not opened:
        log.warning("the desktop did not open folder %s", folder)
    return opened
