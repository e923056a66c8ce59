"""Stock counts: start one, count by scanning (USB scanner or webcam) or typing, review the
variances, recount in place, post or cancel, and print the count sheet.

Scans from the camera, a USB keyboard-wedge scanner and the code field are handled alike: each is
stored by ``orderapp.services.stock.counts.record_entry`` in a worker, one at a time and in the order they
came, and the product's name and the line's running total are then shown large. Several PCs count
the same count at once; the list refreshes itself every few seconds.

On a blind count the counting side never shows expected quantities (the service does not even send
them); the review, which does, stays behind a cover until the person checking the count opens it.
"""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from orderapp.gui.camera_panel import CameraPanel
from orderapp.gui.context import AppContext
from orderapp.gui.count_entering import CountEntering
from orderapp.gui.count_lines import NAME, CountLinesModel, ReviewModel
from orderapp.gui.count_review import CountReviewing
from orderapp.gui.count_screen_base import scope_text, status_text
from orderapp.gui.count_start_dialog import CountStartDialog
from orderapp.gui.fitting import fixed_lines, keep_window_width, let_shrink
from orderapp.gui.forms import child, load_form
from orderapp.gui.print_preview import DocumentJob, PrintPreview, progress_dialog
from orderapp.gui.product_table import fit_columns_once
from orderapp.gui.row_tables import fit_columns, set_text
from orderapp.gui.scanner_input import WedgeScannerFilter
from orderapp.gui.serial_work import SerialWork
from orderapp.gui.tasks import run_task
from orderapp.services.documents.printing import PrintResult
from orderapp.services.settings.shop import ShopSettings, load_settings
from orderapp.services.stock.counts import (
    CountStatus,
    CountSummary,
    get_count,
    list_counts,
)

log = logging.getLogger(__name__)

REFRESH_MS = 5_000
SUMMARY_DELAY_MS = 700


def create_screen(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return CountsScreen(context, parent)


class CountsScreen(CountEntering, CountReviewing):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen_counts")
        keep_window_width(self)
        self.context = context
        self.database = context.database
        self.currency = "CNY"
        self.zone = None
        self.summary = None
        self.counts: tuple[CountSummary, ...] = ()
        self.review = ()
        self.preview: PrintPreview | None = None
        self.job: DocumentJob | None = None
        self.dialog: CountStartDialog | None = None
        self._undo = []
        self._review_opened = set()
        self._count_generation = 0
        self._review_generation = 0

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
        self.camera_panel = CameraPanel("counts", preview_when_off=False)
        holder = child(f, QWidget, "camera_holder")
        holder_layout = holder.layout()
        assert holder_layout is not None
        holder_layout.addWidget(self.camera_panel)
        holder.setFixedWidth(300)
        self.camera = self.camera_panel.camera
        self.camera_choice = self.camera_panel.camera_choice
        self.camera_toggle = self.camera_panel.camera_toggle
        self.camera_preview = self.camera_panel.camera_preview
        self.camera_message = self.camera_panel.camera_message
        self.start_camera = self.camera_panel.start
        self.stop_camera = self.camera_panel.stop
        self.camera_panel.scanned.connect(self.handle_scan)
        self.work = SerialWork(self._show_problem, self)
        self.work.settled.connect(self._settled)
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
        # Status areas of a fixed size, whatever they say: buttons never move under the mouse.
        self.scan_name_fit = fixed_lines(self.scan_name, 2)
        self.scan_total_fit = fixed_lines(self.scan_total, 1)
        self.scan_message_fit = fixed_lines(self.scan_message, 3, smallest=7)
        self.problem_fit = fixed_lines(self.problem, 2)  # between the two buttons of the last row
        self.thresholds_error_fit = fixed_lines(self.thresholds_error, 1)
        self.review_summary_fit = fixed_lines(self.review_summary, 2)
        # Long titles and labels wrap instead of widening the window (1024 pixels stay 1024).
        typed_label, threshold_label = child(f, QLabel, "typed_label"), child(f, QLabel, "threshold_label")
        let_shrink(self.title, self.info, typed_label, threshold_label)
        for bar_name, label in (("typed_bar", typed_label), ("review_bar", threshold_label)):
            bar = f.findChild(QHBoxLayout, bar_name)
            if bar is not None:  # the label takes the room left over, wrapping when it is short of it
                bar.setStretchFactor(label, 1)
        self.threshold_currency = QLabel(self.currency)
        self.threshold_currency.setObjectName("threshold_currency")
        review_bar = f.findChild(QHBoxLayout, "review_bar")
        if review_bar is not None:  # the label, not a spacer, takes the room left: it was squeezed to nothing
            for index in reversed(range(review_bar.count())):
                item = review_bar.itemAt(index)
                if item is not None and item.spacerItem() is not None:
                    review_bar.removeItem(item)
        threshold_label.setMinimumWidth(160)
        # The amount reads whole ("50.00" was cut to ".00"); the units box takes only what it needs.
        self.threshold_value.setMinimumWidth(self.threshold_value.fontMetrics().horizontalAdvance("00000.00") + 16)
        self.threshold_units.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        if review_bar is not None:  # the amount is in the shop's currency: say which, beside the field
            review_bar.insertWidget(review_bar.indexOf(self.threshold_value) + 1, self.threshold_currency)
        self._last_entry = None
        self._own_row_for_posting()
        self.scan_total.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        self.count_list.setColumnCount(5)
        self.count_list.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Count"), self.tr("Status"), self.tr("Counted"), self.tr("Started")]
        )
        # Each column as wide as what it holds (a count's title whole, never "…"); the list scrolls sideways.
        fit_columns(self.count_list, stretch_last=True)
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
        fit_columns(self.review_view, stretch_last=True)  # names whole, never "…"
        self.review_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
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
        qty_field = self.typed_qty.lineEdit()
        if qty_field is not None:  # Enter in the quantity box adds, as the Add button does
            qty_field.returnPressed.connect(self._add_typed_by_enter)
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

        self.wedge = WedgeScannerFilter(self)
        self.wedge.scanned.connect(self._wedge_scanned)
        self.wedge.rejected.connect(self._refuse)

        self._show_count(None)
        self._load_settings()
        self.load_counts()

    def _own_row_for_posting(self) -> None:
        """Posting (with its choice about lines not counted) gets its own row under the recount buttons:
        in one row they did not fit 1024 pixels."""
        actions = self.form.findChild(QHBoxLayout, "review_actions")
        panel = self.form.findChild(QVBoxLayout, "review_panel_layout")
        if actions is None or panel is None:
            return
        row = QHBoxLayout()
        row.setObjectName("posting_row")
        row.addStretch(1)
        for widget in (self.zero_uncounted, self.post_button):
            actions.removeWidget(widget)
            row.addWidget(widget)
        panel.addLayout(row)
        # The list's filter goes beside the recount buttons: with the thresholds it overflowed their row.
        review_bar = self.form.findChild(QHBoxLayout, "review_bar")
        if review_bar is not None:
            review_bar.removeWidget(self.variances_only)
            actions.addWidget(self.variances_only)

    # -- showing and hiding ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_timer.start()
        self.camera_panel.screen_shown()

    def hideEvent(self, event: QHideEvent) -> None:
        self._refresh_timer.stop()
        self.camera_panel.screen_hidden()
        super().hideEvent(event)

    def _load_settings(self) -> None:
        database = self.database
        run_task(lambda: load_settings(database), self._settings_arrived, lambda exc: None, context=self)

    def _settings_arrived(self, settings: ShopSettings) -> None:
        self.currency = settings.currency
        self.threshold_currency.setText(settings.currency)
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
                set_text(self.count_list, row, column, value).setData(Qt.ItemDataRole.UserRole, summary.id)
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
            self._last_entry = None
            self.work.clear()
            self.scan_name_fit.set_text(self.tr("Scan the first item, or type its code."))
            self.scan_total_fit.set_text("")
            self.scan_message_fit.set_text("")
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
            self.tr("{counted} of %n line(s) counted", "", summary.lines).format(counted=summary.counted_lines),
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
        self.lines_status.setText(self.tr("%n line(s) shown{more}", "", loaded).format(more=more))

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
        if self.summary is not None and self.summary.status is CountStatus.OPEN and not self.work.busy:
            self.lines_model.refresh()
            self._refreshed_summary_quietly()

    def _refreshed_summary_quietly(self) -> None:
        if self.summary is None:
            return
        summary_id, database = self.summary.id, self.database
        run_task(lambda: get_count(database, summary_id), self._refreshed, lambda exc: None, context=self)

    # -- the count sheet ------------------------------------------------------------------------

    def print_sheet(self) -> DocumentJob | None:
        summary = self.summary
        if summary is None or (self.job is not None and self.job.running):
            return None
        from orderapp.services.documents.printing import count_sheet_pdf

        database, count_id = self.database, summary.id
        job = DocumentJob(lambda batch: count_sheet_pdf(database, count_id, batch=batch), 1, self)
        self.job = job
        self._progress = progress_dialog(job, self.tr("Making the count sheet…"), self)
        job.finished.connect(self._sheet_made)
        job.failed.connect(self._show_problem)
        job.start()
        return job

    def _sheet_made(self, result: PrintResult) -> None:
        preview = PrintPreview(result.data, result.title, result.file_name, self, warnings=result.warnings)
        self.preview = preview
        preview.show()
        self.document_ready.emit(preview)
