"""Stock counts: start one, count by scanning (USB scanner or webcam) or typing, review the
variances, recount in place, post or cancel, and print the count sheet.

Scans from the camera, a USB keyboard-wedge scanner and the code field are handled alike: each is
stored by ``orderapp.services.counts.record_entry`` in a worker, one at a time and in the order they
came, and the product's name and the line's running total are then shown large. Several PCs count
the same count at once; the list refreshes itself every few seconds.

On a blind count the counting side never shows expected quantities (the service does not even send
them); the review, which does, stays behind a cover until the person checking the count opens it.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from orderapp.documents.output import Batch, pdf_bytes
from orderapp.domain import product_csv
from orderapp.domain.count_maths import Thresholds
from orderapp.domain.money import format_money
from orderapp.errors import FieldError, OrderAppError, ValidationFailed
from orderapp.gui.camera_worker import CameraController
from orderapp.gui.context import AppContext
from orderapp.gui.count_lines import NAME, R_NAME, CountLinesModel, ReviewModel
from orderapp.gui.count_start_dialog import CountStartDialog
from orderapp.gui.forms import child, load_form
from orderapp.gui.print_preview import DocumentJob, PrintPreview, progress_dialog
from orderapp.gui.product_table import fit_columns_once
from orderapp.gui.scanner_input import WedgeScannerFilter
from orderapp.gui.tasks import run_task
from orderapp.scanning.camera import CameraInfo, list_cameras
from orderapp.services.counts import (
    CountClosed,
    CountNeedsReview,
    CountStatus,
    CountSummary,
    EntryResult,
    NotInCount,
    PostResult,
    ReviewLine,
    ScopeKind,
    UnknownCode,
    cancel_count,
    get_count,
    list_counts,
    post_count,
    record_entry,
    request_recount,
    review_lines,
    set_thresholds,
    undo_entry,
)
from orderapp.services.shop_settings import ShopSettings, load_settings

log = logging.getLogger(__name__)

REFRESH_MS = 5_000
SUMMARY_DELAY_MS = 700
GOOD_STYLE = "background: #e6f4ea; color: #0d3d1c;"
PROBLEM_STYLE = "background: #fde7e5; color: #8c1d18;"


def create_screen(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return CountsScreen(context, parent)


@dataclass(frozen=True)
class _Entry:
    """One scan or typed quantity waiting for its turn."""

    code: str | None = None
    product_id: int | None = None
    qty: int = 1
    add_if_missing: bool = False
    label: str = ""  # what the person scanned or chose, for messages


def scope_text(summary: CountSummary) -> str:
    if summary.scope_kind is ScopeKind.LOCATION:
        return QCoreApplication.translate("CountsScreen", "location {value}").format(value=summary.scope_value)
    if summary.scope_kind is ScopeKind.CATEGORY:
        return QCoreApplication.translate("CountsScreen", "category {value}").format(value=summary.scope_value)
    if summary.scope_kind is ScopeKind.PRODUCTS:
        return QCoreApplication.translate("CountsScreen", "chosen products")
    return QCoreApplication.translate("CountsScreen", "everything")


def status_text(status: CountStatus) -> str:
    if status is CountStatus.POSTED:
        return QCoreApplication.translate("CountsScreen", "posted")
    if status is CountStatus.CANCELLED:
        return QCoreApplication.translate("CountsScreen", "cancelled")
    return QCoreApplication.translate("CountsScreen", "open")


class CountsScreen(QWidget):
    counts_listed = Signal(object)  # tuple[CountSummary, ...]
    count_shown = Signal(object)  # CountSummary
    entry_shown = Signal(object)  # EntryResult, after the scan display shows it
    scan_refused = Signal(str)
    review_shown = Signal(object)  # tuple[ReviewLine, ...]
    recount_requested = Signal(int)  # lines reset
    count_posted = Signal(object)  # PostResult
    count_cancelled = Signal(object)  # CountSummary
    document_ready = Signal(object)  # PrintPreview
    problem_shown = Signal(str)
    work_settled = Signal()  # every queued scan and typed quantity handled

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen_counts")
        self.context = context
        self.database = context.database
        self.currency = "CNY"
        self.zone: ZoneInfo | None = None
        self.summary: CountSummary | None = None
        self.counts: tuple[CountSummary, ...] = ()
        self.review: tuple[ReviewLine, ...] = ()
        self.preview: PrintPreview | None = None
        self.job: DocumentJob | None = None
        self.dialog: CountStartDialog | None = None
        self._queue: deque[_Entry] = deque()
        self._busy = False
        self._undo: list[int] = []  # entries made at this PC in the open count, newest last
        self._review_opened: set[int] = set()
        self._count_generation = 0
        self._review_generation = 0
        self._cameras_listed = False

        self.form = load_form("count_screen.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 9, 9, 9)
        layout.addWidget(self.form)
        f = self.form
        self.start_button = child(f, QPushButton, "start_count")
        self.refresh_counts_button = child(f, QPushButton, "refresh_counts")
        self.show_closed = child(f, QCheckBox, "show_closed")
        self.count_list = child(f, QTableWidget, "count_list")
        self.count_panel = child(f, QWidget, "count_panel")
        self.title = child(f, QLabel, "count_title")
        self.info = child(f, QLabel, "count_info")
        self.tabs = child(f, QTabWidget, "count_tabs")
        self.code = child(f, QLineEdit, "count_code")
        self.camera_choice = child(f, QComboBox, "camera_choice")
        self.camera_toggle = child(f, QPushButton, "camera_toggle")
        self.camera_preview = child(f, QLabel, "camera_preview")
        self.camera_message = child(f, QLabel, "camera_message")
        self.scan_display = child(f, QWidget, "scan_display")
        self.scan_name = child(f, QLabel, "scan_name")
        self.scan_total = child(f, QLabel, "scan_total")
        self.scan_message = child(f, QLabel, "scan_message")
        self.line_search = child(f, QLineEdit, "line_search")
        self.uncounted_only = child(f, QCheckBox, "uncounted_only")
        self.lines_status = child(f, QLabel, "lines_status")
        self.refresh_lines_button = child(f, QPushButton, "refresh_lines")
        self.lines_view = child(f, QTableView, "count_lines")
        self.typed_qty = child(f, QSpinBox, "typed_qty")
        self.add_typed_button = child(f, QPushButton, "add_typed")
        self.empty_shelf_button = child(f, QPushButton, "empty_shelf")
        self.undo_button = child(f, QPushButton, "undo_entry")
        self.review_cover = child(f, QWidget, "review_cover")
        self.review_panel = child(f, QWidget, "review_panel")
        self.open_review_button = child(f, QPushButton, "open_review")
        self.variances_only = child(f, QCheckBox, "variances_only")
        self.threshold_units = child(f, QSpinBox, "threshold_units")
        self.threshold_value = child(f, QLineEdit, "threshold_value")
        self.apply_thresholds_button = child(f, QPushButton, "apply_thresholds")
        self.refresh_review_button = child(f, QPushButton, "refresh_review")
        self.thresholds_error = child(f, QLabel, "error_thresholds")
        self.review_summary = child(f, QLabel, "review_summary")
        self.review_view = child(f, QTableView, "review_table")
        self.recount_selected_button = child(f, QPushButton, "recount_selected")
        self.recount_flagged_button = child(f, QPushButton, "recount_flagged")
        self.zero_uncounted = child(f, QCheckBox, "zero_uncounted")
        self.post_button = child(f, QPushButton, "post_count")
        self.print_button = child(f, QPushButton, "print_sheet")
        self.cancel_button = child(f, QPushButton, "cancel_count")
        self.problem = child(f, QLabel, "count_problem")
        for label in (self.problem, self.scan_message, self.thresholds_error):
            label.hide()
        self.scan_total.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.camera_preview.hide()
        self.camera_preview.setText(self.tr("Camera off"))

        self.count_list.setColumnCount(5)
        self.count_list.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Count"), self.tr("Status"), self.tr("Counted"), self.tr("Started")]
        )
        self.count_list.verticalHeader().hide()
        self.count_list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.count_list.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.count_list.itemSelectionChanged.connect(self._count_chosen)

        self.lines_model = CountLinesModel(self.database, self)
        self.lines_view.setModel(self.lines_model)
        self.lines_view.verticalHeader().hide()
        fit_columns_once(self.lines_view, self.lines_model, NAME)
        self.lines_model.page_loaded.connect(lambda _rows: self._show_lines_status())
        self.lines_model.refreshed.connect(self._show_lines_status)
        self.lines_model.modelReset.connect(self._lines_reset)
        self.lines_model.load_failed.connect(self._show_problem)
        self.review_model = ReviewModel(self)
        self.review_view.setModel(self.review_model)
        self.review_view.verticalHeader().hide()
        self.review_view.horizontalHeader().setSectionResizeMode(R_NAME, QHeaderView.ResizeMode.Stretch)
        self.review_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self._line_filter_timer = QTimer(self)
        self._line_filter_timer.setSingleShot(True)
        self._line_filter_timer.setInterval(250)
        self._line_filter_timer.timeout.connect(self._apply_line_filter)
        self.start_button.clicked.connect(lambda: self.open_start_dialog())
        self.refresh_counts_button.clicked.connect(self.load_counts)
        self.show_closed.toggled.connect(lambda _on: self.load_counts())
        self.code.returnPressed.connect(self.submit_code)
        self.line_search.textChanged.connect(lambda _t: self._line_filter_timer.start())
        self.uncounted_only.toggled.connect(lambda _on: self._apply_line_filter())
        self.refresh_lines_button.clicked.connect(self.refresh)
        self.add_typed_button.clicked.connect(lambda: self.add_typed(self.typed_qty.value()))
        self.empty_shelf_button.clicked.connect(lambda: self.add_typed(0))
        self.undo_button.clicked.connect(self.undo_last)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.open_review_button.clicked.connect(self.open_review)
        self.variances_only.toggled.connect(lambda _on: self.load_review())
        self.apply_thresholds_button.clicked.connect(self.apply_thresholds)
        self.refresh_review_button.clicked.connect(self.load_review)
        self.recount_selected_button.clicked.connect(self.recount_selected)
        self.recount_flagged_button.clicked.connect(self.recount_flagged)
        self.post_button.clicked.connect(lambda: self.post())
        self.cancel_button.clicked.connect(lambda: self.cancel())
        self.print_button.clicked.connect(self.print_sheet)

        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(SUMMARY_DELAY_MS)
        self._summary_timer.timeout.connect(self._refreshed_summary_quietly)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setObjectName("count_refresh_timer")
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._auto_refresh)

        self.camera = CameraController(self)
        self.camera.frame.connect(self._show_frame)
        self.camera.scanned.connect(self.handle_scan)
        self.camera.lost.connect(self._camera_lost)
        self.camera.resumed.connect(lambda: self.camera_message.setText(""))
        self.camera.notice.connect(self.camera_message.setText)
        self.camera_toggle.toggled.connect(self._camera_toggled)
        self.wedge = WedgeScannerFilter(self)
        self.wedge.scanned.connect(self._wedge_scanned)
        self.wedge.rejected.connect(self._refuse)

        self._show_count(None)
        self._load_settings()
        self.load_counts()

    # -- showing and hiding ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_timer.start()
        if not self._cameras_listed:
            self._cameras_listed = True
            run_task(list_cameras, self._cameras_arrived, lambda exc: self._cameras_arrived([]), context=self)

    def hideEvent(self, event: QHideEvent) -> None:
        self._refresh_timer.stop()
        if self.camera.is_running():
            self.camera_toggle.setChecked(False)
        super().hideEvent(event)

    def _load_settings(self) -> None:
        database = self.database
        run_task(lambda: load_settings(database), self._settings_arrived, lambda exc: None, context=self)

    def _settings_arrived(self, settings: ShopSettings) -> None:
        self.currency = settings.currency
        self.review_model.currency = settings.currency
        try:
            self.zone = ZoneInfo(settings.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self.zone = None

    # -- the list of counts ---------------------------------------------------------------------

    def load_counts(self) -> None:
        database = self.database
        status = None if self.show_closed.isChecked() else CountStatus.OPEN
        run_task(lambda: list_counts(database, status=status), self._counts_arrived, self._show_problem, context=self)

    def _counts_arrived(self, counts: tuple[CountSummary, ...]) -> None:
        chosen = self.summary.id if self.summary is not None else None
        self.counts = counts
        self.count_list.blockSignals(True)
        self.count_list.setRowCount(len(counts))
        for row, summary in enumerate(counts):
            values = [
                str(summary.id),
                summary.title or scope_text(summary),
                status_text(summary.status),
                self.tr("{counted} of {lines}").format(counted=summary.counted_lines, lines=summary.lines),
                self._time(summary.created_at),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, summary.id)
                self.count_list.setItem(row, column, item)
        self.count_list.blockSignals(False)
        if chosen is not None and self.select_count(chosen):
            pass
        elif self.summary is None and counts and counts[0].status is CountStatus.OPEN:
            self.select_count(counts[0].id)
        self.counts_listed.emit(counts)

    def select_count(self, count_id: int) -> bool:
        for row, summary in enumerate(self.counts):
            if summary.id == count_id:
                selection = self.count_list.selectionModel()
                self.count_list.blockSignals(self.summary is not None and self.summary.id == count_id)
                selection.select(
                    self.count_list.model().index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.count_list.blockSignals(False)
                return True
        return False

    def _count_chosen(self) -> None:
        rows = self.count_list.selectionModel().selectedRows()
        if not rows:
            return
        item = self.count_list.item(rows[0].row(), 0)
        if item is None:
            return
        count_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.show_count(count_id)

    def show_count(self, count_id: int) -> None:
        """Open a count: its heading, its lines, and (when opened) its review."""
        self._count_generation += 1
        generation = self._count_generation
        database = self.database
        run_task(
            lambda: get_count(database, count_id),
            lambda summary: self._count_arrived(generation, summary),
            self._show_problem,
            context=self,
        )

    def _count_arrived(self, generation: int, summary: CountSummary) -> None:
        if generation != self._count_generation:
            return
        new = self.summary is None or self.summary.id != summary.id
        self._show_count(summary)
        if new:
            self._undo = []
            self._queue.clear()
            self.scan_name.setText(self.tr("Scan the first item, or type its code."))
            self.scan_total.setText("")
            self.scan_message.hide()
            self.lines_model.show_count(summary.id, blind=summary.blind)
            self._set_threshold_fields(summary.thresholds)
            self.review_model.set_lines(())
            if self.tabs.currentIndex() == 1:
                self._tab_changed(1)
        self.count_shown.emit(summary)

    def _show_count(self, summary: CountSummary | None) -> None:
        self.summary = summary
        self.count_panel.setEnabled(summary is not None)
        if summary is None:
            self.title.setText(self.tr("Start a count, or choose one in the list."))
            self.info.setText("")
            self.lines_model.show_count(None, blind=True)
            return
        self.title.setText(
            self.tr("Count {id}: {title}").format(id=summary.id, title=summary.title or scope_text(summary))
        )
        parts = [
            scope_text(summary),
            self.tr("blind") if summary.blind else self.tr("expected quantities shown"),
            status_text(summary.status),
            self.tr("{counted} of {lines} lines counted").format(counted=summary.counted_lines, lines=summary.lines),
        ]
        self.info.setText(" · ".join(parts))
        is_open = summary.status is CountStatus.OPEN
        for widget in (
            self.code,
            self.camera_toggle,
            self.typed_qty,
            self.add_typed_button,
            self.empty_shelf_button,
            self.undo_button,
            self.recount_selected_button,
            self.recount_flagged_button,
            self.zero_uncounted,
            self.post_button,
            self.cancel_button,
            self.apply_thresholds_button,
            self.threshold_units,
            self.threshold_value,
        ):
            widget.setEnabled(is_open)
        self.undo_button.setEnabled(is_open and bool(self._undo))

    # -- starting -------------------------------------------------------------------------------

    def open_start_dialog(self) -> CountStartDialog:
        dialog = CountStartDialog(self.context, currency=self.currency, parent=self)
        dialog.started.connect(self._started)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _started(self, summary: CountSummary) -> None:
        self.summary = None
        self.tabs.setCurrentIndex(0)
        self.show_count(summary.id)
        self.load_counts()

    # -- counting -------------------------------------------------------------------------------

    def handle_scan(self, scan: Any) -> None:
        """A code from the camera or a USB scanner: one more of that product (a case: its pack)."""
        if QApplication.activeModalWidget() is not None:
            return  # a dialog is up (starting a count, a question): the scan is not for the count
        code = getattr(scan, "code", "")
        if code:
            self._enqueue(_Entry(code=code, label=code))

    def _wedge_scanned(self, scan: Any) -> None:
        if self.isVisible():  # another screen is in front: the scan is for that one
            self.handle_scan(scan)

    def submit_code(self) -> None:
        text = self.code.text().strip()
        if not text:
            self._refuse(self.tr("Scan a barcode, or type a barcode or SKU and press Enter."))
            return
        self.code.clear()
        self._enqueue(_Entry(code=text, label=text))

    def add_typed(self, qty: int) -> None:
        """Units counted by hand of the product chosen in the list (0: an empty shelf)."""
        rows = self.lines_view.selectionModel().selectedRows()
        if not rows:
            self._refuse(self.tr("Choose the product in the list first, then type how many you counted."))
            return
        line = self.lines_model.row_at(rows[0].row())
        self._enqueue(_Entry(product_id=line.product_id, qty=qty, label=line.sku))

    def select_line(self, sku: str) -> bool:
        """Choose the product ``sku`` in the list of lines (if it is loaded)."""
        for number, row in enumerate(self.lines_model.rows()):
            if row.sku == sku:
                self.lines_view.selectRow(number)
                return True
        return False

    def _enqueue(self, entry: _Entry, *, first: bool = False) -> None:
        summary = self.summary
        if summary is None or summary.status is not CountStatus.OPEN:
            self._refuse(self.tr("Choose an open count first, or start one."))
            return
        if first:
            self._queue.appendleft(entry)
        else:
            self._queue.append(entry)
        self._next()

    def _next(self) -> None:
        if self._busy:
            return
        if not self._queue:
            if self.summary is not None:
                self._summary_timer.start()  # "12 of 40 counted", once the scanning pauses
            self.work_settled.emit()
            return
        entry = self._queue.popleft()
        summary = self.summary
        assert summary is not None
        self._busy = True
        database, context, count_id = self.database, self.context, summary.id
        run_task(
            lambda: record_entry(
                database,
                count_id,
                user_id=context.user_id,
                station=context.station,
                code=entry.code,
                product_id=entry.product_id,
                qty=entry.qty,
                add_if_missing=entry.add_if_missing,
            ),
            lambda result: self._entry_done(count_id, result),
            lambda exc: self._entry_failed(count_id, entry, exc),
            context=self,
        )

    def _entry_done(self, count_id: int, result: EntryResult) -> None:
        self._busy = False
        if self.summary is not None and self.summary.id == count_id:
            self._undo.append(result.entry_id)
            self.undo_button.setEnabled(True)
            self._show_entry(result)
            if result.line_added:
                self.lines_model.refresh()
            self.entry_shown.emit(result)
        self._next()

    def _show_entry(self, result: EntryResult) -> None:
        self.scan_message.hide()
        self.scan_display.setStyleSheet(GOOD_STYLE)
        self.scan_name.setText(f"{result.name}\n{result.sku}")
        if result.qty > 1:
            added = self.tr("+{qty}").format(qty=result.qty)
        elif result.qty < 0:
            added = str(result.qty)
        elif result.qty == 0:
            added = self.tr("empty shelf")
        else:
            added = "+1"
        self.scan_total.setText(self.tr("{counted} counted ({added})").format(counted=result.counted, added=added))
        row = self.lines_model.show_entry(result)
        if row is not None:
            self.lines_view.scrollTo(self.lines_model.index(row, NAME))
        self._show_lines_status()

    def _entry_failed(self, count_id: int, entry: _Entry, exc: BaseException) -> None:
        self._busy = False
        if self.summary is None or self.summary.id != count_id:
            self._next()
            return
        if isinstance(exc, NotInCount) and not exc.elsewhere and not entry.add_if_missing:
            if self._ask_to_add(str(exc)):
                self._queue.appendleft(
                    _Entry(entry.code, entry.product_id, entry.qty, add_if_missing=True, label=entry.label)
                )
            else:
                self._refuse(self.tr("Put aside: {label} was not counted.").format(label=entry.label))
            self._next()
            return
        if isinstance(exc, CountClosed):
            self._queue.clear()
            self.show_count(count_id)
        if isinstance(exc, ValidationFailed | UnknownCode | NotInCount | CountClosed | OrderAppError):
            self._refuse(str(exc))
        else:
            log.error("recording a count entry failed", exc_info=exc)
            self._refuse(
                self.tr("The entry was not recorded ({kind}: {detail}).").format(kind=type(exc).__name__, detail=exc)
            )
        self._next()

    def _ask_to_add(self, message: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Not in this count"), message, parent=self)
        box.setObjectName("add_to_count")
        add = box.addButton(self.tr("Add it to this count"), QMessageBox.ButtonRole.AcceptRole)
        add.setObjectName("add_to_count_yes")
        aside = box.addButton(self.tr("Put it aside"), QMessageBox.ButtonRole.RejectRole)
        aside.setObjectName("add_to_count_no")
        box.setDefaultButton(aside)
        box.exec()
        return box.clickedButton() is add

    def _refuse(self, message: str) -> None:
        self.scan_display.setStyleSheet(PROBLEM_STYLE)
        self.scan_message.setText(message)
        self.scan_message.show()
        QApplication.beep()
        self.scan_refused.emit(message)

    def undo_last(self) -> None:
        if not self._undo or self._busy:
            return
        entry_id = self._undo.pop()
        summary = self.summary
        assert summary is not None
        self.undo_button.setEnabled(bool(self._undo))
        self._busy = True
        database, context, count_id = self.database, self.context, summary.id
        run_task(
            lambda: undo_entry(database, entry_id, user_id=context.user_id, station=context.station),
            lambda result: self._undone(count_id, result),
            lambda exc: self._undo_failed(exc),
            context=self,
        )

    def _undone(self, count_id: int, result: EntryResult) -> None:
        self._busy = False
        if self.summary is not None and self.summary.id == count_id:
            self._show_entry(result)
            self.scan_total.setText(
                self.tr("{counted} counted (undone: {qty})").format(counted=result.counted, qty=result.qty)
            )
            self.entry_shown.emit(result)
        self._next()

    def _undo_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._refuse(str(exc))
        self._next()

    # -- the lines ------------------------------------------------------------------------------

    def _apply_line_filter(self) -> None:
        self._line_filter_timer.stop()
        self.lines_model.set_filter(self.line_search.text().strip(), self.uncounted_only.isChecked())

    def _lines_reset(self) -> None:
        self._show_lines_status()

    def _show_lines_status(self) -> None:
        summary = self.summary
        if summary is None:
            self.lines_status.setText("")
            return
        loaded = self.lines_model.rowCount()
        more = "" if self.lines_model.complete else self.tr(" (scroll for more)")
        self.lines_status.setText(self.tr("{rows} lines shown{more}").format(rows=loaded, more=more))

    def refresh(self) -> None:
        """Read the count again: what the other PCs have counted shows up."""
        if self.summary is None:
            return
        self.lines_model.refresh()
        summary_id = self.summary.id
        database = self.database
        run_task(
            lambda: get_count(database, summary_id),
            lambda summary: self._refreshed(summary),
            lambda exc: None,
            context=self,
        )
        if self.tabs.currentIndex() == 1 and self.review_panel.isVisible():
            self.load_review()

    def _refreshed(self, summary: CountSummary) -> None:
        if self.summary is not None and self.summary.id == summary.id:
            self._show_count(summary)
        for row, listed in enumerate(self.counts):
            item = self.count_list.item(row, 3)
            if listed.id == summary.id and item is not None:
                item.setText(self.tr("{counted} of {lines}").format(counted=summary.counted_lines, lines=summary.lines))

    def _auto_refresh(self) -> None:
        if self.summary is not None and self.summary.status is CountStatus.OPEN and not self._busy:
            self.lines_model.refresh()
            self._refreshed_summary_quietly()

    def _refreshed_summary_quietly(self) -> None:
        if self.summary is None:
            return
        summary_id, database = self.summary.id, self.database
        run_task(lambda: get_count(database, summary_id), self._refreshed, lambda exc: None, context=self)

    # -- review ---------------------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        summary = self.summary
        if index != 1 or summary is None:
            return
        covered = summary.blind and summary.status is CountStatus.OPEN and summary.id not in self._review_opened
        self.review_cover.setVisible(covered)
        self.review_panel.setVisible(not covered)
        if not covered:
            self.load_review()

    def open_review(self) -> None:
        if self.summary is None:
            return
        self._review_opened.add(self.summary.id)
        if self.tabs.currentIndex() == 1:
            self._tab_changed(1)
        else:
            self.tabs.setCurrentIndex(1)  # which shows it

    def load_review(self) -> None:
        summary = self.summary
        if summary is None:
            return
        database, count_id, variances_only = self.database, summary.id, self.variances_only.isChecked()
        self._review_generation += 1
        generation = self._review_generation
        self.review_summary.setText(self.tr("Reading the count…"))
        run_task(
            lambda: review_lines(database, count_id, variances_only=variances_only),
            lambda lines: self._review_arrived(count_id, lines, generation),
            self._show_problem,
            context=self,
        )

    def _review_arrived(self, count_id: int, lines: tuple[ReviewLine, ...], generation: int = 0) -> None:
        if self.summary is None or self.summary.id != count_id or generation != self._review_generation:
            return
        self.review = lines
        self.review_model.set_lines(lines)
        self.review_view.resizeColumnsToContents()
        counted = [line for line in lines if line.counted is not None]
        off = [line for line in counted if line.variance]
        flagged = [line for line in lines if line.flagged]
        value = sum(line.value_cents or 0 for line in counted)
        text = self.tr(
            "Lines counted: {counted}; not counted: {uncounted}; with a difference: {off}, worth {value} in all."
        ).format(
            counted=len(counted),
            uncounted=len(lines) - len(counted),
            off=len(off),
            value=format_money(value, self.currency),
        )
        if flagged:
            text += " " + self.tr("Flagged for a recount (marked in red): {n}.").format(n=len(flagged))
        self.review_summary.setText(text)
        self.recount_flagged_button.setEnabled(bool(flagged) and self.summary.status is CountStatus.OPEN)
        self.review_shown.emit(lines)

    def review_shown_rows(self) -> list[tuple[str, ...]]:
        model = self.review_model
        return [
            tuple(str(model.data(model.index(r, c)) or "") for c in range(model.columnCount()))
            for r in range(model.rowCount())
        ]

    def _set_threshold_fields(self, thresholds: Thresholds) -> None:
        self.threshold_units.setValue(thresholds.units)
        self.threshold_value.setText(product_csv.format_amount(thresholds.value_cents, self.currency))
        self.thresholds_error.hide()

    def apply_thresholds(self) -> None:
        summary = self.summary
        if summary is None:
            return
        text = self.threshold_value.text().strip()
        value, message = product_csv.parse_amount(text, self.currency) if text else (0, "")
        if value is None:
            self._threshold_problem([FieldError("threshold_value_cents", message)])
            return
        thresholds = Thresholds(self.threshold_units.value(), value)
        database, user_id, count_id = self.database, self.context.user_id, summary.id
        run_task(
            lambda: set_thresholds(database, count_id, thresholds, user_id=user_id),
            self._thresholds_set,
            lambda exc: self._threshold_problem(list(exc.errors) if isinstance(exc, ValidationFailed) else exc),
            context=self,
        )

    def _thresholds_set(self, summary: CountSummary) -> None:
        self.thresholds_error.hide()
        self._show_count(summary)
        self.load_review()

    def _threshold_problem(self, problem: object) -> None:
        text = " ".join(e.message for e in problem) if isinstance(problem, list) else str(problem)
        self.thresholds_error.setText(text)
        self.thresholds_error.show()
        self.problem_shown.emit(text)

    def recount_selected(self) -> None:
        rows = sorted({index.row() for index in self.review_view.selectionModel().selectedRows()})
        ids = [self.review_model.lines[row].line_id for row in rows]
        if not ids:
            self._show_problem(self.tr("Choose the lines to count again in the list first."))
            return
        self._recount(ids)

    def recount_flagged(self) -> None:
        ids = [line.line_id for line in self.review if line.flagged]
        if ids:
            self._recount(ids)

    def _recount(self, line_ids: list[int]) -> None:
        summary = self.summary
        assert summary is not None
        database, user_id, count_id = self.database, self.context.user_id, summary.id
        run_task(
            lambda: request_recount(database, count_id, line_ids, user_id=user_id),
            self._recount_started,
            self._show_problem,
            context=self,
        )

    def _recount_started(self, lines: int) -> None:
        self._note(
            self.tr(
                "{n} lines are to be counted again: they show as not counted on the Count tab until they are."
            ).format(n=lines)
        )
        self._undo = []
        self.undo_button.setEnabled(False)
        self.lines_model.refresh()
        self.load_review()
        self.refresh()
        self.recount_requested.emit(lines)

    # -- posting and cancelling -----------------------------------------------------------------

    def _confirm(self, name: str, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setObjectName(name)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        accept.setObjectName(f"{name}_yes")
        no = box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        no.setObjectName(f"{name}_no")
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is accept

    def post(self, *, confirmed: bool = False, accept_flagged: bool = False) -> None:
        """Book every counted line's difference as count movements, in one transaction."""
        summary = self.summary
        if summary is None or summary.status is not CountStatus.OPEN:
            return
        zero = self.zero_uncounted.isChecked()
        if not confirmed:
            uncounted = summary.lines - summary.counted_lines
            what = (
                self.tr("The {n} lines not counted are set to 0.").format(n=uncounted)
                if zero
                else self.tr("The {n} lines not counted stay as they are.").format(n=uncounted)
            )
            text = self.tr(
                "Post count {id}? Each counted line's difference becomes a count movement in the stock ledger, "
                "all at once. {uncounted}"
            ).format(id=summary.id, uncounted=what)
            if not self._confirm("confirm_post", self.tr("Post the count"), text, self.tr("Post")):
                return
        database, user_id, count_id = self.database, self.context.user_id, summary.id
        self.post_button.setEnabled(False)
        run_task(
            lambda: post_count(database, count_id, user_id=user_id, zero_uncounted=zero, accept_flagged=accept_flagged),
            self._posted,
            self._post_failed,
            context=self,
        )

    def _posted(self, result: PostResult) -> None:
        text = self.tr(
            "Posted: {lines} lines adjusted, {added} units added and {removed} taken off, worth {value}."
        ).format(
            lines=result.adjusted_lines,
            added=result.units_added,
            removed=result.units_removed,
            value=format_money(result.value_cents, self.currency),
        )
        if result.short_skus:
            text += " " + self.tr(
                "Now fewer on hand than open orders have reserved: {skus}. Check those orders."
            ).format(skus=", ".join(result.short_skus))
        self._note(text)
        self.count_posted.emit(result)
        self.show_count(result.count_id)
        self.load_review()
        self.load_counts()

    def _post_failed(self, exc: BaseException) -> None:
        self.post_button.setEnabled(True)
        if isinstance(exc, CountNeedsReview):
            if self._confirm(
                "confirm_post_flagged",
                self.tr("Lines flagged for a recount"),
                str(exc),
                self.tr("Post anyway"),
            ):
                self.post(confirmed=True, accept_flagged=True)
            else:
                self.open_review()
            return
        self._show_problem(exc)

    def cancel(self, *, confirmed: bool = False) -> None:
        summary = self.summary
        if summary is None or summary.status is not CountStatus.OPEN:
            return
        if not confirmed and not self._confirm(
            "confirm_cancel",
            self.tr("Cancel the count"),
            self.tr("Cancel count {id}? Stock stays as it is; what was counted is kept for the record.").format(
                id=summary.id
            ),
            self.tr("Cancel the count"),
        ):
            return
        database, user_id, count_id = self.database, self.context.user_id, summary.id
        run_task(
            lambda: cancel_count(database, count_id, user_id=user_id),
            self._cancelled,
            self._show_problem,
            context=self,
        )

    def _cancelled(self, summary: CountSummary) -> None:
        self._show_count(summary)
        self._queue.clear()
        self.count_cancelled.emit(summary)
        self.load_counts()

    # -- the count sheet ------------------------------------------------------------------------

    def print_sheet(self) -> DocumentJob | None:
        summary = self.summary
        if summary is None or (self.job is not None and self.job.running):
            return None
        try:
            from orderapp.documents.count_sheet import CountSheetInfo, render_count_sheet
        except ImportError:
            self._show_problem(self.tr("Printing count sheets needs a newer OrderApp; count on screen meanwhile."))
            return None
        from orderapp.documents.papers import paper
        from orderapp.services.counts import count_sheet_lines
        from orderapp.services.document_settings import load_document_settings
        from orderapp.services.paperwork import shop_paper
        from orderapp.store.types import utc_now

        database, count_id = self.database, summary.id
        title = self.tr("Count sheet {id}: {title}").format(id=summary.id, title=summary.title or scope_text(summary))
        info = CountSheetInfo(title, utc_now(), summary.blind)

        def build(batch: Batch) -> bytes:
            rows = count_sheet_lines(database, count_id)
            shop = shop_paper(database)
            size = paper(load_document_settings(database).list_paper)
            return pdf_bytes(lambda out: render_count_sheet(info, rows, shop.letterhead, out, paper=size, batch=batch))

        job = DocumentJob(build, 1, self)
        self.job = job
        self._progress = progress_dialog(job, self.tr("Making the count sheet…"), self)
        job.finished.connect(lambda data: self._sheet_made(data, title, f"count-{count_id}.pdf"))
        job.failed.connect(self._show_problem)
        job.start()
        return job

    def _sheet_made(self, data: bytes, title: str, file_name: str) -> None:
        preview = PrintPreview(data, title, file_name, self)
        self.preview = preview
        preview.show()
        self.document_ready.emit(preview)

    # -- camera ---------------------------------------------------------------------------------

    def _cameras_arrived(self, cameras: list[CameraInfo]) -> None:
        self.camera_choice.clear()
        for camera in cameras:
            self.camera_choice.addItem(camera.name, camera.index)
        if not cameras:
            self.camera_choice.addItem(self.tr("No camera found"), None)

    def _camera_toggled(self, on: bool) -> None:
        if on:
            self.start_camera()
        else:
            self.stop_camera()

    def start_camera(self, source: int | str | Path | None = None) -> None:
        """Start the chosen camera (or ``source``: a camera index or a video file)."""
        if source is None:
            source = self.camera_choice.currentData()
        if source is None:
            self.camera_message.setText(self.tr("No camera is chosen; plug one in, or scan with a USB scanner."))
            self.camera_toggle.blockSignals(True)
            self.camera_toggle.setChecked(False)
            self.camera_toggle.blockSignals(False)
            return
        self.camera_preview.show()
        self.camera_preview.setText(self.tr("Starting the camera…"))
        self.camera_message.setText("")
        self.camera_toggle.blockSignals(True)
        self.camera_toggle.setChecked(True)
        self.camera_toggle.setText(self.tr("Stop &camera"))
        self.camera_toggle.blockSignals(False)
        self.camera.start(source)  # never blocks; problems arrive as ``lost``

    def stop_camera(self) -> None:
        self.camera.stop()
        self.camera_preview.clear()
        self.camera_preview.hide()
        self.camera_toggle.blockSignals(True)
        self.camera_toggle.setChecked(False)
        self.camera_toggle.setText(self.tr("Start &camera"))
        self.camera_toggle.blockSignals(False)

    def _show_frame(self, image: QImage) -> None:
        self.camera_preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                self.camera_preview.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def _camera_lost(self, message: str) -> None:
        """Unplugged or busy: say so; a camera is tried again by itself (Stop camera ends that)."""
        self.camera_message.setText(message)
        self.camera_preview.clear()
        self.camera_preview.setText(self.tr("No picture"))
        if not self.camera.is_running():
            self.stop_camera()
            self.camera_message.setText(message)

    # -- helpers --------------------------------------------------------------------------------

    def _time(self, moment: Any) -> str:
        local = moment.astimezone(self.zone) if self.zone is not None else moment.astimezone()
        return str(local.strftime("%Y-%m-%d %H:%M"))

    def _show_problem(self, problem: object) -> None:
        if isinstance(problem, BaseException) and not isinstance(problem, OrderAppError):
            log.error("a counts task failed", exc_info=problem)
        message = str(problem)
        self._message(message, "error")
        self.problem_shown.emit(message)

    def _note(self, text: str) -> None:
        self._message(text, "note")

    def _message(self, text: str, role: str) -> None:
        self.problem.setText(text)
        self.problem.setProperty("role", role)
        self.problem.style().unpolish(self.problem)
        self.problem.style().polish(self.problem)
        self.problem.show()
