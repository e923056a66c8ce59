"""The reorder list tab: products at or below their reorder point with how many to order, and CSV export."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QWidget

from orderapp.errors import OrderAppError
from orderapp.gui.forms import child
from orderapp.gui.tasks import run_task
from orderapp.services.stock.reorder import ReorderLine, export_reorder_list, reorder_list
from orderapp.store.database import Database

log = logging.getLogger(__name__)

NUMBER_COLUMNS = range(4, 11)


class ReorderList(QObject):
    """Fills the reorder table of the Inventory screen's form and exports it."""

    loaded = Signal(object)  # tuple[ReorderLine, ...]
    exported = Signal(str)  # the file written
    failed = Signal(str)

    def __init__(self, database: Database, form: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reorder_list")
        self.database = database
        self.form = form
        self.lines: tuple[ReorderLine, ...] = ()
        self.table = child(form, QTableWidget, "reorder_table")
        self.status = child(form, QLabel, "reorder_status")
        self.refresh_button = child(form, QPushButton, "refresh_reorder")
        self.export_button = child(form, QPushButton, "export_reorder")
        self.table.setColumnCount(11)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("SKU"),
                self.tr("Name"),
                self.tr("Category"),
                self.tr("Location"),
                self.tr("On hand"),
                self.tr("Reserved"),
                self.tr("Available"),
                self.tr("Reorder point"),
                self.tr("Reorder qty"),
                self.tr("Units per case"),
                self.tr("Order"),
            ]
        )
        self.table.verticalHeader().hide()
        # Every column, the names first, as wide as what it holds (never "…"); the list scrolls sideways
        # when the window is narrower than that, and the last column takes any room left.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.choose_and_export)

    def refresh(self) -> None:
        database = self.database
        self.status.setText(self.tr("Reading…"))
        run_task(lambda: reorder_list(database), self._arrived, self._failed, context=self)

    def _arrived(self, lines: tuple[ReorderLine, ...]) -> None:
        self.lines = lines
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            if line.case_qty:
                order = self.tr("{units} ({cases} cases)").format(units=line.suggested_qty, cases=line.suggested_cases)
            else:
                order = str(line.suggested_qty)
            values = [*line.figures(), order]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, line.product_id)
                if column in NUMBER_COLUMNS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.status.setText(
            self.tr("%n products to reorder.", "", len(lines))
            if lines
            else self.tr("Nothing to reorder: every product is above its reorder point.")
        )
        self.export_button.setEnabled(bool(lines))
        self.loaded.emit(lines)

    def choose_and_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self.table, self.tr("Export the reorder list"), str(Path.home() / "reorder.csv"), self.tr("CSV (*.csv)")
        )
        if path:
            self.export_to(Path(path if path.lower().endswith(".csv") else path + ".csv"))

    def export_to(self, path: Path) -> None:
        database = self.database
        self.status.setText(self.tr("Exporting…"))
        run_task(
            lambda: export_reorder_list(database, path),
            lambda rows: self._exported(path, rows),
            self._failed,
            context=self,
        )

    def _exported(self, path: Path, rows: int) -> None:
        self.status.setText(self.tr("{rows} products written to {path}.").format(rows=rows, path=path))
        self.exported.emit(str(path))

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, OrderAppError):
            log.error("the reorder list failed", exc_info=exc)
        self.status.setText(str(exc))
        self.failed.emit(str(exc))
