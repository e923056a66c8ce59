"""Exporting the catalogue to CSV (the import's template) in a worker, with progress and cancel."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from orderapp.errors import OrderAppError
from orderapp.gui.tasks import run_task
from orderapp.services.stock.product_export import ExportCancelled, ExportResult, export_products
from orderapp.store.database import Database

log = logging.getLogger(__name__)

UTF8_BOM = "utf-8-sig"
GB18030 = "gb18030"


class ProductExport(QObject):
    """One export; ``progress(done, total)`` then ``finished(ExportResult)``, ``failed(str)`` or ``cancelled()``."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("product_export")
        self.database = database
        self._stop = threading.Event()
        self.running = False

    def start(self, path: Path, encoding: str = UTF8_BOM) -> None:
        database, stop, progress = self.database, self._stop, self.progress
        self.running = True
        run_task(
            lambda: export_products(
                database,
                path,
                encoding=encoding,
                progress=lambda _phase, done, total: progress.emit(done, total),
                cancelled=stop.is_set,
            ),
            self._done,
            self._failed,
            context=self,
        )

    def cancel(self) -> None:
        self._stop.set()

    def _done(self, result: ExportResult) -> None:
        self.running = False
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        if isinstance(exc, ExportCancelled):
            self.cancelled.emit()
            return
        if not isinstance(exc, OrderAppError):
            log.error("exporting products failed", exc_info=exc)
        self.failed.emit(str(exc))


def choose_export_file(parent: QWidget) -> tuple[Path, str] | None:
    """Where to write the file and in which encoding (UTF-8 for most, GB18030 for older Chinese Excel)."""
    utf8 = QCoreApplication.translate("ProductExport", "CSV, UTF-8 (opens in Excel, Chinese intact) (*.csv)")
    gbk = QCoreApplication.translate("ProductExport", "CSV, GB18030 (older Excel on a Chinese Windows) (*.csv)")
    path, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ProductExport", "Export products"),
        str(Path.home() / "products.csv"),
        f"{utf8};;{gbk}",
    )
    if not path:
        return None
    if not path.lower().endswith(".csv"):
        path += ".csv"
    return Path(path), GB18030 if chosen == gbk else UTF8_BOM


def progress_for(export: ProductExport, parent: QWidget) -> QProgressDialog:
    dialog = QProgressDialog(
        QCoreApplication.translate("ProductExport", "Exporting products…"),
        QCoreApplication.translate("ProductExport", "Stop"),
        0,
        1,
        parent,
    )
    dialog.setObjectName("export_progress")
    dialog.setWindowTitle(QCoreApplication.translate("ProductExport", "Export products"))
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.canceled.connect(export.cancel)

    def advance(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)

    export.progress.connect(advance)
    for signal in (export.finished, export.failed, export.cancelled):
        signal.connect(dialog.hide)
    return dialog
