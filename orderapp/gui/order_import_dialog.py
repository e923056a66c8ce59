"""Importing orders from a CSV file (Shopify's orders export or the OrderApp template), and
confirming many orders at once.

The import dialog reads and checks the whole file first (the preview: rows read, orders found,
every problem with its row number, orders imported before that will be skipped); only a clean file
can be imported, in one transaction, so nothing is half-imported. Both steps run in a worker with a
progress bar and a Stop button. Imported orders are "received"; the bulk confirm dialog then
confirms those whose stock allows and lists the others with the reason.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from orderapp.errors import OrderAppError
from orderapp.gui.context import AppContext
from orderapp.gui.forms import child, load_form
from orderapp.gui.import_controls import WorkProgress, import_controls
from orderapp.gui.tasks import report_unexpected, run_task
from orderapp.services.orders.importing import (
    Format,
    ImportCancelled,
    ImportFailed,
    ImportPlan,
    ImportResult,
    plan_import,
    run_import,
    write_template,
)
from orderapp.services.orders.placing import BulkConfirmResult, bulk_confirm

log = logging.getLogger(__name__)

_ERROR = QColor("#b3261e")
_WARNING = QColor("#8a4b00")
_SKIPPED = QColor("#555555")


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


class OrderImportDialog(QObject):
    previewed = Signal(object)  # ImportPlan
    preview_failed = Signal(str)
    imported = Signal(object)  # ImportResult
    import_failed = Signal(str)
    confirm_requested = Signal(object)  # tuple of order ids just imported
    progressed = Signal(str, int, int)  # phase, done, total: shown on the progress bar

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._database = context.database
        dialog = load_form("order_import.ui", parent)  # type: ignore[arg-type]
        assert isinstance(dialog, QDialog)
        self.dialog = dialog
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self._stop = threading.Event()
        self._working = False
        self._progress = WorkProgress(self)
        self._progress.moved.connect(self._moved)

        d = dialog
        self.file = child(d, QLineEdit, "import_file")
        self.choose_file = child(d, QPushButton, "choose_file")
        self.format = child(d, QComboBox, "import_format")
        self.write_template_button = child(d, QPushButton, "write_template")
        self.preview_button = child(d, QPushButton, "preview_import")
        self.problems = child(d, QTableWidget, "import_problems")
        self.result_label = child(d, QLabel, "import_result")
        self.confirm_button = child(d, QPushButton, "confirm_imported")
        controls = import_controls(d, close="close_import", run="run_import")
        self.summary, self.progress, self.stop_button, self.close_button, self.import_button = controls

        self.format.addItem(self.tr("Find out from the columns"), None)
        self.format.addItem(self.tr("Shopify orders export"), "shopify")
        self.format.addItem(self.tr("OrderApp template (generic)"), "generic")
        self.problems.setColumnCount(3)
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Kind"), self.tr("What")])
        self.problems.verticalHeader().hide()
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.progress.hide()
        self.stop_button.hide()
        self.confirm_button.hide()
        self.import_button.setEnabled(False)

        self.choose_file.clicked.connect(self._choose_file)
        self.file.textEdited.connect(lambda _t: self._forget_plan())
        self.file.returnPressed.connect(self.preview)
        self.format.currentIndexChanged.connect(lambda _i: self._forget_plan())
        self.write_template_button.clicked.connect(self._write_template)
        self.preview_button.clicked.connect(self.preview)
        self.import_button.clicked.connect(self.run)
        self.stop_button.clicked.connect(self.stop)
        self.close_button.clicked.connect(self._close)
        self.confirm_button.clicked.connect(self._confirm_imported)
        dialog.rejected.connect(self._stop.set)

    # -- choosing ------------------------------------------------------------------------------

    def set_file(self, path: Path | str, format: Format | None = None) -> None:
        self.file.setText(str(path))
        self.format.setCurrentIndex(max(self.format.findData(format), 0) if format else 0)
        self._forget_plan()

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.dialog, self.tr("Choose the orders file"), "", self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if path:
            self.set_file(path)
            self.preview()

    def _write_template(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self.dialog, self.tr("Save the orders template"), "orders-template.csv", self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        target = Path(path)
        run_task(
            lambda: write_template(target),
            lambda _r: self.result_label.setText(self.tr("Template saved as {path}.").format(path=target)),
            lambda exc: self.result_label.setText(
                self.tr("The template could not be saved there: {reason}").format(reason=exc)
            ),
            context=self.dialog,
        )

    def _forget_plan(self) -> None:
        self.plan = None
        self.import_button.setEnabled(False)

    # -- preview -------------------------------------------------------------------------------

    def preview(self) -> None:
        if self._working:
            return
        text = self.file.text().strip()
        if not text:
            self._summary(self.tr("Choose the file to import first."), problem=True)
            return
        path = Path(text)
        if not path.is_file():
            self._summary(self.tr("There is no file {path}; choose it again.").format(path=path), problem=True)
            return
        chosen: Format | None = self.format.currentData()
        database, progress, stop = self._database, self._progress, self._stop
        self._start_work(self.tr("Reading…"))
        run_task(
            lambda: plan_import(
                database,
                path,
                format=chosen,
                progress=lambda phase, done, total: progress.moved.emit(phase, done, total),
                cancelled=stop.is_set,
            ),
            self._planned,
            self._plan_failed,
            context=self.dialog,
        )

    def _planned(self, plan: ImportPlan) -> None:
        self._end_work()
        self.plan = plan
        self._show_plan(plan)
        self.import_button.setEnabled(plan.ok and plan.order_count > 0)
        self.previewed.emit(plan)

    def _plan_failed(self, exc: BaseException) -> None:
        self._end_work()
        self.plan = None
        self.import_button.setEnabled(False)
        if isinstance(exc, ImportCancelled):
            message = self.tr("Stopped; nothing was read or written.")
        elif isinstance(exc, OrderAppError):
            message = str(exc)
            if isinstance(exc, ImportFailed) and exc.plan is not None:
                self._show_plan(exc.plan)
        else:
            log.error("reading the orders file failed", exc_info=exc)
            message = self.tr("The file could not be read: {reason}").format(reason=exc)
        self._summary(message, problem=True)
        self.preview_failed.emit(message)

    def _show_plan(self, plan: ImportPlan) -> None:
        lines = [
            self.tr("{rows} rows read: {orders} orders to import ({kind}).").format(
                rows=plan.rows,
                orders=plan.order_count,
                kind=self.tr("Shopify") if plan.format == "shopify" else self.tr("OrderApp template"),
            )
        ]
        if plan.skipped:
            lines.append(self.tr("{n} orders are skipped (imported before, or cancelled).").format(n=len(plan.skipped)))
        if plan.errors:
            lines.append(
                self.tr("{n} problems stop the import: fix them in the file and preview again.").format(
                    n=len(plan.errors)
                )
            )
        elif plan.order_count:
            lines.append(self.tr("Nothing stops the import; press Import."))
        if plan.warnings:
            lines.append(self.tr("{n} warnings: imported as given.").format(n=len(plan.warnings)))
        self._summary("\n".join(lines), problem=bool(plan.errors))
        rows: list[tuple[int, str, str, QColor]] = [
            (p.row, self.tr("error") if p.severity == "error" else self.tr("warning"), p.message, _ERROR)
            if p.severity == "error"
            else (p.row, self.tr("warning"), p.message, _WARNING)
            for p in plan.problems
        ]
        rows += [
            (row, self.tr("skipped"), self.tr("{ref}: {why}").format(ref=ref, why=why), _SKIPPED)
            for ref, row, why in plan.skipped
        ]
        rows.sort(key=lambda r: (r[0], r[1]))
        self.problems.setRowCount(len(rows))
        for index, (row, kind, message, colour) in enumerate(rows):
            for column, text in enumerate((str(row) if row else self.tr("file"), kind, message)):
                item = QTableWidgetItem(text)
                item.setForeground(QBrush(colour))
                self.problems.setItem(index, column, item)
        self.problems.resizeRowsToContents()

    def problem_rows(self) -> list[tuple[str, str, str]]:
        table = self.problems
        return [(_cell(table, row, 0), _cell(table, row, 1), _cell(table, row, 2)) for row in range(table.rowCount())]

    def _summary(self, text: str, *, problem: bool = False) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b3261e;" if problem else "")

    # -- import --------------------------------------------------------------------------------

    def run(self) -> None:
        plan = self.plan
        if plan is None or not plan.ok or self._working:
            return
        database, progress, stop, user_id = self._database, self._progress, self._stop, self.context.user_id
        self._start_work(self.tr("Importing…"))
        run_task(
            lambda: run_import(
                database,
                plan,
                user_id=user_id,
                progress=lambda phase, done, total: progress.moved.emit(phase, done, total),
                cancelled=stop.is_set,
            ),
            self._imported,
            self._import_failed,
            context=self.dialog,
        )

    def _imported(self, result: ImportResult) -> None:
        self._end_work()
        self.result = result
        self.plan = None
        self.import_button.setEnabled(False)
        numbers = result.numbers
        if numbers:
            span = numbers[0] if len(numbers) == 1 else f"{numbers[0]} … {numbers[-1]}"
            text = self.tr("Imported {n} orders ({span}) as received.").format(n=len(numbers), span=span)
        else:
            text = self.tr("Nothing new to import.")
        if result.skipped:
            text += " " + self.tr("{n} skipped.").format(n=len(result.skipped))
        if result.customers_added:
            text += " " + self.tr("{n} new customers.").format(n=result.customers_added)
        self.result_label.setText(text)
        self.result_label.setStyleSheet("color: #1b6e3a; font-weight: bold;")
        self.confirm_button.setVisible(bool(result.order_ids))
        self.imported.emit(result)

    def _import_failed(self, exc: BaseException) -> None:
        self._end_work()
        if isinstance(exc, ImportCancelled):
            message = self.tr("Stopped; nothing was imported.")
        elif isinstance(exc, OrderAppError):
            message = str(exc) + " " + self.tr("Nothing was imported.")
        else:
            message = self.tr("The import failed and nothing was imported: {reason}").format(reason=exc)
            report_unexpected(exc)
        self.result_label.setText(message)
        self.result_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.import_failed.emit(message)

    def _confirm_imported(self) -> None:
        if self.result is not None and self.result.order_ids:
            self.confirm_requested.emit(self.result.order_ids)

    # -- work in progress ----------------------------------------------------------------------

    def _start_work(self, text: str) -> None:
        self._working = True
        self._stop.clear()
        self.progress.setRange(0, 0)
        self.progress.setFormat(text)
        self.progress.show()
        self.stop_button.show()
        for button in (self.preview_button, self.import_button, self.choose_file, self.confirm_button):
            button.setEnabled(False)
        self.result_label.setText("")

    def _end_work(self) -> None:
        self._working = False
        self.progress.hide()
        self.stop_button.hide()
        self.preview_button.setEnabled(True)
        self.choose_file.setEnabled(True)
        self.confirm_button.setEnabled(True)

    def _moved(self, phase: str, done: int, total: int) -> None:
        if not self._working:
            return
        self.progressed.emit(phase, done, total)
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.progress.setFormat(self.tr("{phase}: %v of %m").format(phase=phase))
        else:
            self.progress.setRange(0, 0)

    def stop(self) -> None:
        self._stop.set()
        self.progress.setFormat(self.tr("Stopping…"))

    def _close(self) -> None:
        if self._working:
            self.stop()
        self.dialog.reject()

    def exec(self) -> int:
        return self.dialog.exec()

    def show(self) -> None:
        self.dialog.show()


class BulkConfirmDialog(QObject):
    """Confirms the chosen orders one by one (each whose stock allows) and lists the rest with the reason."""

    finished = Signal(object)  # BulkConfirmResult

    def __init__(
        self, context: AppContext, order_ids: Sequence[int], parent: QWidget | None = None, *, label: str = ""
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._database = context.database
        self.order_ids = tuple(order_ids)
        dialog = load_form("order_bulk_confirm.ui", parent)  # type: ignore[arg-type]
        assert isinstance(dialog, QDialog)
        self.dialog = dialog
        self.result: BulkConfirmResult | None = None
        self._stop = threading.Event()
        self._working = False
        self._progress = WorkProgress(self)
        self._progress.moved.connect(self._moved)
        d = dialog
        self.intro = child(d, QLabel, "bulk_intro")
        self.progress = child(d, QProgressBar, "bulk_progress")
        self.summary = child(d, QLabel, "bulk_summary")
        self.refused = child(d, QTableWidget, "bulk_refused")
        self.start_button = child(d, QPushButton, "bulk_start")
        self.stop_button = child(d, QPushButton, "bulk_stop")
        self.close_button = child(d, QPushButton, "bulk_close")
        count = len(self.order_ids)
        self.intro.setText(
            label
            or self.tr(
                "Confirm {n} orders? Each order whose stock allows it is confirmed and its stock reserved; "
                "the others stay as they are and are listed here with the reason."
            ).format(n=count)
        )
        self.refused.setColumnCount(2)
        self.refused.setHorizontalHeaderLabels([self.tr("Order"), self.tr("Why it was not confirmed")])
        self.refused.verticalHeader().hide()
        header = self.refused.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.refused.hide()
        self.progress.setRange(0, max(count, 1))
        self.progress.setValue(0)
        self.stop_button.hide()
        self.start_button.setText(self.tr("&Confirm {n} orders").format(n=count))
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self._stop.set)
        self.close_button.clicked.connect(self._close)
        dialog.rejected.connect(self._stop.set)

    def start(self) -> None:
        if self._working or self.result is not None:
            return
        self._working = True
        self.start_button.setEnabled(False)
        self.stop_button.show()
        database, ids, user_id, progress, stop = (
            self._database,
            self.order_ids,
            self.context.user_id,
            self._progress,
            self._stop,
        )
        run_task(
            lambda: bulk_confirm(
                database,
                ids,
                user_id=user_id,
                progress=lambda done, total: progress.moved.emit("", done, total),
                cancelled=stop.is_set,
            ),
            self._done,
            self._failed,
            context=self.dialog,
        )

    def _moved(self, _phase: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, result: BulkConfirmResult) -> None:
        self._working = False
        self.result = result
        self.stop_button.hide()
        text = self.tr("Confirmed {n} orders.").format(n=len(result.confirmed))
        if result.refused:
            text += " " + self.tr("{n} could not be confirmed:").format(n=len(result.refused))
        if result.cancelled:
            text += " " + self.tr("Stopped before the end; the rest were not tried.")
        self.summary.setText(text)
        self.refused.setVisible(bool(result.refused))
        self.refused.setRowCount(len(result.refused))
        for row, (number, reason) in enumerate(result.refused):
            self.refused.setItem(row, 0, QTableWidgetItem(number))
            self.refused.setItem(row, 1, QTableWidgetItem(reason))
        self.refused.resizeRowsToContents()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._working = False
        self.stop_button.hide()
        self.start_button.setEnabled(True)
        if isinstance(exc, OrderAppError):
            self.summary.setText(str(exc))
        else:
            self.summary.setText(self.tr("Confirming stopped with an error: {reason}").format(reason=exc))
            report_unexpected(exc)

    def refused_rows(self) -> list[tuple[str, str]]:
        table = self.refused
        return [(_cell(table, r, 0), _cell(table, r, 1)) for r in range(table.rowCount())]

    def _close(self) -> None:
        self._stop.set()
        if self.result is not None:
            self.dialog.accept()
        else:
            self.dialog.reject()

    def exec(self) -> int:
        return self.dialog.exec()
