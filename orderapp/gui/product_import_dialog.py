"""Importing products from a CSV file: choose the file, check how its columns map, see what would
happen to every row and every problem with its row number, then import.

Every step runs ``orderapp.services.stock.product_import.import_products`` in a worker: first as a dry run
(the preview, which writes nothing), then for real. While the file has problems nothing is written
unless the user ticks "import the valid rows only". Long files show progress and can be stopped;
stopping writes nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain import product_csv
from orderapp.errors import OrderAppError
from orderapp.gui.context import AppContext
from orderapp.gui.forms import child, load_form
from orderapp.gui.import_controls import WorkProgress, import_controls
from orderapp.gui.product_table import LOW, MUTED
from orderapp.gui.tasks import run_task
from orderapp.services.stock.product_import import (
    FileHeader,
    ImportCancelled,
    ImportProblem,
    ImportResult,
    PreviewRow,
    RowAction,
    import_products,
    read_header,
)

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
REMAP_DELAY_MS = 300


def field_labels() -> dict[str, str]:
    """The product fields a file column can hold, as the mapping list names them."""
    context = "ProductImportDialog"
    return {
        "sku": QCoreApplication.translate(context, "SKU"),
        "name": QCoreApplication.translate(context, "Name"),
        "category": QCoreApplication.translate(context, "Category"),
        "location": QCoreApplication.translate(context, "Location"),
        "unit": QCoreApplication.translate(context, "Unit"),
        "price": QCoreApplication.translate(context, "Price"),
        "cost": QCoreApplication.translate(context, "Cost"),
        "reorder_point": QCoreApplication.translate(context, "Reorder point"),
        "reorder_qty": QCoreApplication.translate(context, "Reorder quantity"),
        "barcodes": QCoreApplication.translate(context, "Barcodes (unit)"),
        "case_barcodes": QCoreApplication.translate(context, "Case barcodes"),
        "case_qty": QCoreApplication.translate(context, "Units per case"),
        "internal_barcodes": QCoreApplication.translate(context, "In-store barcodes"),
        "active": QCoreApplication.translate(context, "Active (yes/no)"),
    }


class PreviewModel(QAbstractTableModel):
    """What the import does with each row of the file."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: Sequence[PreviewRow] = ()
        self.labels: dict[str, str] = {}

    def set_rows(self, rows: Sequence[PreviewRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.labels = field_labels()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Row"), self.tr("SKU"), self.tr("Name"), self.tr("What happens")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(row.row)
            if column == 1:
                return row.sku
            if column == 2:
                return row.name
            return self.action_text(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            if row.action is RowAction.SKIPPED:
                return QBrush(LOW)
            if row.action is RowAction.UNCHANGED:
                return QBrush(MUTED)
        return None

    def action_text(self, row: PreviewRow) -> str:
        if row.action is RowAction.NEW:
            return self.tr("New product")
        if row.action is RowAction.UPDATE:
            changed = ", ".join(self.labels.get(c, c) for c in row.changed)
            return self.tr("Update: {changed}").format(changed=changed)
        if row.action is RowAction.UNCHANGED:
            return self.tr("Unchanged")
        return self.tr("Not imported: has a problem")


class ProblemsModel(QAbstractTableModel):
    """Every problem, with the row number a spreadsheet shows (the header is row 1)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.problems: Sequence[ImportProblem] = ()

    def set_problems(self, problems: Sequence[ImportProblem]) -> None:
        self.beginResetModel()
        self.problems = problems
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Row"), self.tr("Column"), self.tr("Problem")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.problems):
            return None
        problem = self.problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return str(problem.row) if problem.row else self.tr("file")
            if index.column() == 1:
                return problem.column
            return problem.message
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return problem.message
        return None


class ProductImportDialog(QDialog):
    header_read = Signal(object)  # FileHeader
    previewed = Signal(object)  # ImportResult of the dry run
    imported = Signal(object)  # ImportResult of the import (``written`` says whether anything was stored)
    stopped = Signal()
    work_failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import products"))
        self.resize(900, 720)
        self.context = context
        self.path: Path | None = None
        self.header: FileHeader | None = None
        self.preview_result: ImportResult | None = None  # the latest preview (dry run)
        self.final: ImportResult | None = None  # the import, once done
        self._generation = 0
        self._stop: threading.Event | None = None
        self._busy = False
        self._mapping_boxes: list[QComboBox] = []

        self.form = load_form("product_import.ui", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        f = self.form
        self.file_field = child(f, QLineEdit, "import_file")
        self.encoding = child(f, QComboBox, "import_encoding")
        self.choose_button = child(f, QPushButton, "choose_file")
        self.mapping_table = child(f, QTableWidget, "column_mapping")
        self.results_tabs = child(f, QTabWidget, "import_results")
        self.preview_view = child(f, QTableView, "import_preview")
        self.problems_view = child(f, QTableView, "import_problems")
        self.valid_only = child(f, QCheckBox, "import_valid_only")
        controls = import_controls(f, close="import_close", run="do_import")
        self.summary, self.progress_bar, self.stop_button, self.close_button, self.import_button = controls

        self.encoding.addItem(self.tr("Recognise the encoding"), None)
        self.encoding.addItem(self.tr("UTF-8"), "utf-8")
        self.encoding.addItem(self.tr("UTF-8 with BOM"), "utf-8-sig")
        self.encoding.addItem(self.tr("GB18030 / GBK (Excel on a Chinese Windows)"), "gb18030")
        self.encoding.addItem(self.tr("UTF-16"), "utf-16")

        self.preview_model = PreviewModel(self)
        self.problems_model = ProblemsModel(self)
        self.preview_view.setModel(self.preview_model)
        self.problems_view.setModel(self.problems_model)
        for view in (self.preview_view, self.problems_view):
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
        self.mapping_table.setColumnCount(2)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Product field")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping_table.verticalHeader().hide()

        self.progress = WorkProgress(self)
        self.progress.moved.connect(self._moved)
        self._remap_timer = QTimer(self)
        self._remap_timer.setSingleShot(True)
        self._remap_timer.setInterval(REMAP_DELAY_MS)
        self._remap_timer.timeout.connect(self.preview)

        self.choose_button.clicked.connect(self.choose_file)
        self.encoding.currentIndexChanged.connect(self._encoding_changed)
        self.valid_only.toggled.connect(self._update_buttons)
        self.stop_button.clicked.connect(self.stop)
        self.close_button.clicked.connect(self.reject)
        self.import_button.clicked.connect(self.start_import)
        self._set_busy(False)
        self.summary.setText(self.tr("Choose the file to import."))
        self._update_buttons()

    # -- the file and its columns ---------------------------------------------------------------

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import products"), str(Path.home()), self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Read the file's header (its columns), then preview the import."""
        self.path = path
        self.final = None
        self.file_field.setText(str(path))
        self._read_header()

    def _encoding_changed(self) -> None:
        if self.path is not None:
            self._read_header()

    def _read_header(self) -> None:
        path, encoding = self.path, self.encoding.currentData()
        assert path is not None
        self._generation += 1
        generation = self._generation
        self.preview_result = None
        self._update_buttons()
        self.summary.setText(self.tr("Reading the file…"))
        run_task(
            lambda: read_header(path, encoding=encoding),
            lambda header: self._header_arrived(generation, header),
            lambda exc: self._failed(generation, exc),
            context=self,
        )

    def _header_arrived(self, generation: int, header: FileHeader) -> None:
        if generation != self._generation:
            return
        self.header = header
        labels = field_labels()
        self.mapping_table.setRowCount(len(header.headers))
        self._mapping_boxes = []
        for row, name in enumerate(header.headers):
            item = QTableWidgetItem(name or self.tr("(no name)"))
            self.mapping_table.setItem(row, 0, item)
            box = QComboBox()
            box.setObjectName(f"mapping_{row}")
            box.addItem(self.tr("Ignore this column"), "")
            for field in product_csv.COLUMNS:
                box.addItem(labels[field], field)
            box.setCurrentIndex(max(0, box.findData(header.suggested.get(name, ""))))
            box.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_table.setCellWidget(row, 1, box)
            self._mapping_boxes.append(box)
        self.header_read.emit(header)
        self.preview()

    def mapping(self) -> dict[str, str]:
        """File column -> product field ("" ignores it), as chosen in the list."""
        if self.header is None:
            return {}
        return {
            name: str(box.currentData()) for name, box in zip(self.header.headers, self._mapping_boxes, strict=True)
        }

    def set_mapping(self, column: str, field: str) -> None:
        """Choose the field for the file column ``column`` (what a person does in the list)."""
        assert self.header is not None
        box = self._mapping_boxes[self.header.headers.index(column)]
        box.setCurrentIndex(box.findData(field))

    def _mapping_changed(self) -> None:
        self.preview_result = None
        self._update_buttons()
        self._remap_timer.start()

    # -- preview and import ---------------------------------------------------------------------

    def preview(self) -> None:
        """Check every row without writing anything, and show what would happen."""
        self._remap_timer.stop()
        self._run(dry_run=True)

    def start_import(self) -> None:
        if self.preview_result is None or not self.import_button.isEnabled():
            return
        self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        if self.path is None:
            return
        if self._stop is not None:
            self._stop.set()  # a preview of an older mapping: no longer wanted
        self._generation += 1
        generation = self._generation
        stop = threading.Event()
        self._stop = stop
        path, encoding = self.path, self.encoding.currentData()
        mapping = self.mapping() if self.header is not None else None
        valid_only = self.valid_only.isChecked() and not dry_run
        database, user_id = self.context.database, self.context.user_id
        moved = self.progress.moved

        def work() -> ImportResult:
            return import_products(
                database,
                path,
                user_id=user_id,
                dry_run=dry_run,
                valid_only=valid_only,
                mapping=mapping,
                encoding=encoding,
                progress=moved.emit,
                cancelled=stop.is_set,
            )

        self._set_busy(True)
        self.summary.setText(self.tr("Checking the file…") if dry_run else self.tr("Importing…"))
        run_task(
            work,
            lambda result: self._finished(generation, dry_run, result),
            lambda exc: self._failed(generation, exc),
            context=self,
        )

    def _moved(self, phase: str, done: int, total: int) -> None:
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(done)
        if phase == "writing":
            self.progress_bar.setFormat(self.tr("Writing %v of %m"))
        else:
            self.progress_bar.setFormat(self.tr("Checking row %v of %m"))

    def _finished(self, generation: int, dry_run: bool, result: ImportResult) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self._stop = None
        self.preview_model.set_rows(result.rows)
        self.problems_model.set_problems(result.problems)
        self.results_tabs.setTabText(1, self.tr("Problems ({count})").format(count=len(result.problems)))
        self.results_tabs.setTabText(0, self.tr("Rows ({count})").format(count=len(result.rows)))
        if result.problems and not result.rows:
            self.results_tabs.setCurrentIndex(1)
        if dry_run:
            self.preview_result = result
            self.summary.setText(self._preview_text(result))
            self._update_buttons()
            self.previewed.emit(result)
            return
        self.final = result
        self.preview_result = None
        self.summary.setText(result.summary())
        self._update_buttons()
        self.imported.emit(result)

    def _preview_text(self, result: ImportResult) -> str:
        text = self.tr(
            "Nothing has been written yet. Import would add {new} new products and update {updated}; "
            "{unchanged} are unchanged."
        ).format(new=result.new, updated=result.updated, unchanged=result.unchanged)
        if result.problems:
            text += " " + self.tr(
                "{problems} problem(s) in {skipped} row(s): fix them in the file and choose it again, or tick "
                "“Import the valid rows only”."
            ).format(problems=len(result.problems), skipped=result.skipped)
        if result.ignored_columns:
            text += " " + self.tr("Ignored columns: {columns}.").format(columns=", ".join(result.ignored_columns))
        return text

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self._stop = None
        if isinstance(exc, ImportCancelled):
            self.summary.setText(self.tr("Stopped; nothing was written."))
            self.preview_result = None
            self._update_buttons()
            self.stopped.emit()
            return
        if not isinstance(exc, OrderAppError):
            log.error("importing products failed", exc_info=exc)
        message = (
            str(exc) if isinstance(exc, OrderAppError) else self.tr("The import failed: {reason}").format(reason=exc)
        )
        self.summary.setText(message)
        self._update_buttons()
        self.work_failed.emit(message)

    def stop(self) -> None:
        if self._stop is not None:
            self._stop.set()

    def reject(self) -> None:
        self.stop()
        super().reject()

    # -- buttons --------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress_bar.setVisible(busy)
        self.stop_button.setVisible(busy)
        if busy:
            self.progress_bar.setValue(0)
            self.progress_bar.setFormat(self.tr("Checking…"))
        self.choose_button.setEnabled(not busy)
        self.encoding.setEnabled(not busy)
        self.mapping_table.setEnabled(not busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        result = self.preview_result
        has_problems = result is not None and bool(result.problems)
        writable = result is not None and (result.new + result.updated) > 0
        self.valid_only.setEnabled(has_problems and writable and not self._busy)
        allowed = result is not None and (not result.problems or self.valid_only.isChecked())
        self.import_button.setEnabled(bool(allowed and writable and not self._busy))

    def rows_shown(self) -> list[tuple[str, str, str]]:
        """(row, SKU, what happens) as the preview list shows them."""
        model = self.preview_model
        return [
            (str(model.data(model.index(r, 0))), str(model.data(model.index(r, 1))), str(model.data(model.index(r, 3))))
            for r in range(model.rowCount())
        ]

    def problems_shown(self) -> list[tuple[str, str, str]]:
        model = self.problems_model
        return [tuple(str(model.data(model.index(r, c))) for c in range(3)) for r in range(model.rowCount())]  # type: ignore[misc]
