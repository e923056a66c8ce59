"""The packing station: the queue of orders to pack, the open order's lines, and every scan checked.

Scans come from three places and are handled alike: the camera (``CameraController``, on its own
thread), a USB keyboard-wedge scanner (``WedgeScannerFilter``, anywhere on this screen) and the code
typed in the entry field. A slip's barcode (the order number) opens that order; any other code is an
item for the open order. Each one is matched and stored by the packing service in a worker, one at a
time and in the order they came, so the count on screen is always what the database holds.

A good scan flashes green with a short chirp. A refused one (over-scan, not on the order, unknown,
misread) raises a red alert that must be acknowledged with a click or Esc; scans that arrive while it
is up are ignored. A camera that is missing, busy or unplugged is reported beside the preview; the
order keeps its progress and scanning by camera resumes when the camera is back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain.staff import Permission
from orderapp.errors import OrderAppError, ValidationFailed
from orderapp.gui.camera_panel import CameraPanel
from orderapp.gui.context import AppContext
from orderapp.gui.evidence_recording import PackingRecorder  # packing evidence (issue 16)
from orderapp.gui.fitting import FittedBanner, keep_window_width, let_shrink
from orderapp.gui.forms import child, load_form
from orderapp.gui.packing_dialogs import OverrideDialog, PackingAlert
from orderapp.gui.packing_history import add_history_button
from orderapp.gui.packing_lines import PRODUCT, PackLinesModel
from orderapp.gui.packing_queue_sort import add_queue_sort
from orderapp.gui.packing_queue_table import PackingQueueTable
from orderapp.gui.packing_sounds import SoundPlayer
from orderapp.gui.pc_settings import as_bool, pc_settings
from orderapp.gui.return_dialog import add_returns_station
from orderapp.gui.row_tables import fit_columns
from orderapp.gui.scanner_input import WedgeScannerFilter
from orderapp.gui.serial_work import SerialWork
from orderapp.gui.staff_dialogs import approve
from orderapp.gui.tasks import report_unexpected, run_task
from orderapp.scanning.acceptance import InvalidCode, Scan, typed_scan
from orderapp.services.packing.queue import PackingQueue, QueueEntry, packing_queue
from orderapp.services.packing.station import (
    BeingPackedElsewhere,
    NotReadyToPack,
    PackingView,
    PackLine,
    PackResult,
    ScanOutcome,
    ScanResult,
    SessionClosed,
    current_packing,
    handle_code,
    leave_order,
    open_order,
    override_pack,
    record_invalid,
    type_quantity,
    undo_last_scan,
)

log = logging.getLogger(__name__)

GOOD_FLASH_MS = 700
QUEUE_REFRESH_MS = 30_000

SETTING_SOUND = "packing/sound"

_STATUS_STYLE = """
QLabel#status_area { border-radius: 10px; padding: 12px; background: palette(base); border: 1px solid palette(mid); }
QLabel#status_area[state="ready"] { background: #eef4ff; color: #123a6b; }
QLabel#status_area[state="good"] { background: #1e8e3e; color: white; }
QLabel#status_area[state="packed"] { background: #146c2e; color: white; }
QLabel#status_area[state="problem"] { background: #fde7e5; color: #8c1d18; border: 2px solid #b3261e; }
QLabel#status_area[state="alert"] { background: #b3261e; color: white; }
"""


def create_screen(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return PackingScreen(context, parent)


class PackingScreen(QWidget):
    order_shown = Signal(object)  # PackingView, after it is painted
    scan_handled = Signal(object)  # ScanResult, after it is painted
    queue_shown = Signal(object)  # PackingQueue
    order_packed = Signal(object)  # PackingView of the order just packed
    problem_shown = Signal(str)
    alert_raised = Signal(object)  # ScanResult that was refused
    work_settled = Signal()  # every scan and action handled (tests wait on it)
    camera_message_changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen_packing")
        keep_window_width(self)
        self.context = context
        self._database = context.database
        self._view: PackingView | None = None
        self._touched_line: int | None = None
        self._alert: PackingAlert | None = None
        self._dialog_open = False
        self._ignored_while_blocked = 0
        self._next: QueueEntry | None = None
        self._status_generation = 0
        self._queue_loading = False
        self._shown_before = False

        self.form = load_form("packing.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.queue_table = child(self.form, QTableWidget, "queue_table")
        self.queue_count = child(self.form, QLabel, "queue_count")
        self.open_selected = child(self.form, QPushButton, "open_selected")
        self.refresh_button = child(self.form, QPushButton, "refresh_queue")
        self.camera_panel = CameraPanel("packing", preview_size=QSize(240, 96))
        camera_box = child(self.form, QGroupBox, "camera_box")
        camera_layout = camera_box.layout()
        assert camera_layout is not None
        camera_layout.addWidget(self.camera_panel)
        self.camera = self.camera_panel.camera
        self.camera_choice = self.camera_panel.camera_choice
        self.camera_resolution = self.camera_panel.camera_resolution
        self.camera_toggle = self.camera_panel.camera_toggle
        self.camera_preview = self.camera_panel.camera_preview
        self.camera_hint = self.camera_panel.camera_hint
        self.camera_message = self.camera_panel.camera_message
        self.camera_message_changed = self.camera_panel.message_changed
        self.start_camera = self.camera_panel.start
        self.stop_camera = self.camera_panel.stop
        self.camera_panel.scanned.connect(self.handle_scan)
        self.work = SerialWork(self._explain_failure, self)
        self.work.settled.connect(self.work_settled)
        self.order_heading = child(self.form, QLabel, "order_heading")
        self.order_progress = child(self.form, QLabel, "order_progress")
        self.status_area = child(self.form, QLabel, "status_area")
        self.lines_table = child(self.form, QTableView, "lines_table")
        self.typed_qty_row = child(self.form, QWidget, "typed_qty_row")
        self.typed_qty_label = child(self.form, QLabel, "typed_qty_label")
        self.typed_qty = child(self.form, QSpinBox, "typed_qty")
        self.typed_qty_apply = child(self.form, QPushButton, "typed_qty_apply")
        self.code_entry = child(self.form, QLineEdit, "code_entry")
        self.code_submit = child(self.form, QPushButton, "code_submit")
        self.code_error = child(self.form, QLabel, "code_error")
        self.undo_button = child(self.form, QPushButton, "undo_button")
        self.override_button = child(self.form, QPushButton, "override_button")
        self.leave_button = child(self.form, QPushButton, "leave_button")
        self.next_order_button = child(self.form, QPushButton, "next_order_button")
        self.sound_enabled = child(self.form, QCheckBox, "sound_enabled")

        self.queue = PackingQueueTable(self.queue_table, context.station)
        self.lines_model = PackLinesModel(self)
        self.lines_table.setModel(self.lines_model)
        fit_columns(self.lines_table, stretch=PRODUCT)
        self.lines_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.lines_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.status_area.setStyleSheet(_STATUS_STYLE)
        # A fixed size whatever the text (buttons below never move under the mouse); the type shrinks
        # so that the last line shows too. Long headings and product names wrap instead of widening.
        self.banner = FittedBanner(self.status_area, height=132, largest=26, smallest=11)
        let_shrink(self.typed_qty_label, self.queue_count)
        # The order's heading stays on one line: its type shrinks for a long customer name.
        heading_height = self.order_heading.fontMetrics().height() + 6
        self.heading_fit = FittedBanner(
            self.order_heading,
            height=heading_height,
            largest=22,
            smallest=12,
            margin=0,
            side=Qt.AlignmentFlag.AlignLeft,
        )
        heading_row = self.form.findChild(QHBoxLayout, "order_header")
        if heading_row is not None:
            heading_row.setStretchFactor(self.order_heading, 1)
        self._own_row_for_next_order()
        self.code_error.setStyleSheet("color: #b3261e;")
        self.code_error.hide()
        self.next_order_button.hide()
        self.typed_qty_row.hide()

        settings = pc_settings()
        self.sounds = SoundPlayer(enabled=as_bool(settings.value(SETTING_SOUND, True)))
        self.sound_enabled.setChecked(self.sounds.enabled)
        self.sound_enabled.toggled.connect(self._sound_toggled)

        self.wedge = WedgeScannerFilter(self, dialogs=True)  # a burst while an alert is up is counted as missed
        self.wedge.scanned.connect(self.handle_scan)
        self.wedge.rejected.connect(self.handle_refused_scan)

        self.queue_table.itemDoubleClicked.connect(lambda _item: self._open_selected())
        self.open_selected.clicked.connect(self._open_selected)
        self.refresh_button.clicked.connect(self.refresh_queue)
        self.returns_button = add_returns_station(self, self.refresh_button, context)
        self.history_button = add_history_button(self, self.returns_button, context)
        self.queue_sort = add_queue_sort(self, child(self.form, QLabel, "queue_heading"), context)
        self.code_entry.returnPressed.connect(self.submit_typed_code)
        self.code_entry.textEdited.connect(lambda _text: self.code_error.hide())
        self.code_submit.clicked.connect(self.submit_typed_code)
        self.undo_button.clicked.connect(self.undo_last)
        self.override_button.clicked.connect(self.ask_override)
        self.leave_button.clicked.connect(self.leave)
        self.next_order_button.clicked.connect(self._open_next)
        self.typed_qty_apply.clicked.connect(self._apply_typed_quantity)
        undo_shortcut = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo_shortcut.activated.connect(self.undo_last)
        self.undo_button.setToolTip(
            self.tr("Take back the last item counted ({shortcut})").format(
                shortcut=QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        # In the entry field too, the undo key undoes the last scan (the field is cleared after each code anyway).
        self.code_entry.installEventFilter(self)

        self._queue_timer = QTimer(self)
        self._queue_timer.setObjectName("packing_queue_timer")
        self._queue_timer.setInterval(QUEUE_REFRESH_MS)
        self._queue_timer.timeout.connect(self.refresh_queue)

        # Packing evidence (issue 16): records a clip while an order is open; see evidence_recording.py.
        self.recorder = PackingRecorder(self)

        self._show_no_order()
        self._resume()
        self.refresh_queue()

    # -- the current order -----------------------------------------------------------------------

    @property
    def view(self) -> PackingView | None:
        return self._view

    @property
    def session_id(self) -> int | None:
        return self._view.session_id if self._view is not None and self._view.is_open else None

    @property
    def alert(self) -> PackingAlert | None:
        return self._alert

    def status_text(self) -> str:
        return self.status_area.text()

    def status_state(self) -> str:
        return str(self.status_area.property("state") or "")

    def _resume(self) -> None:
        database, station = self._database, self.context.station
        self._enqueue("action", lambda: lambda: current_packing(database, station), self._resumed)

    def _resumed(self, view: PackingView | None) -> None:
        if view is None:
            return
        self._show_order(view)
        self._set_status(
            self.tr("{number} resumed where you left off: {scanned} of {units} scanned.").format(
                number=view.number, scanned=view.scanned_units, units=view.units
            ),
            "ready",
        )

    def _show_no_order(self) -> None:
        self._view = None
        self.heading_fit.set_text(self.tr("No order open"))
        self.order_progress.setText("")
        self.lines_model.set_lines([])
        self._set_status(self.tr("Scan an order's packing slip, or choose an order from the list."), "idle")
        self._update_actions()

    def _show_order(self, view: PackingView, *, touched: int | None = None) -> None:
        self._view = view
        self._touched_line = touched
        self._next = None
        self.next_order_button.hide()
        heading = view.number
        if view.customer:
            heading += f" · {view.customer}"
        if view.priority == "urgent":
            heading += " · " + self.tr("URGENT")
        self.heading_fit.set_text(heading)
        self.order_heading.setStyleSheet("color: #b3261e;" if view.priority == "urgent" else "")
        self._paint_view(view, touched)
        self._set_status(self.tr("Scan the items of {number}.").format(number=view.number), "ready")
        self.code_entry.setFocus()
        self._mark_current_in_queue()
        self.order_shown.emit(view)

    def _paint_view(self, view: PackingView, touched: int | None) -> None:
        self._view = view
        self._touched_line = touched
        self.order_progress.setText(
            self.tr("{scanned} / %n unit(s)", "", view.units).format(scanned=view.scanned_units)
        )
        self.lines_model.set_lines(view.lines, touched)
        self.queue.show_progress(view.order_id, view.scanned_units, view.units)
        if touched is not None:
            row = self.lines_model.row_of(touched)
            if row >= 0:  # marked by the model's colour; a selection would hide the colour
                self.lines_table.scrollTo(self.lines_model.index(row, 0))
        self._update_actions()

    def _update_actions(self) -> None:
        view = self._view
        is_open = view is not None and view.is_open
        self.undo_button.setEnabled(bool(is_open and view is not None and view.can_undo))
        self.override_button.setEnabled(is_open)
        self.leave_button.setEnabled(is_open)
        target = self._typed_target()
        if target is None:
            self.typed_qty_row.hide()
            return
        self.typed_qty_label.setText(self.tr("{product}: how many more are in the box?").format(product=target.name))
        self.typed_qty.setRange(1, target.remaining)
        self.typed_qty.setValue(target.remaining)
        self.typed_qty_row.show()

    def _typed_target(self) -> PackLine | None:
        view = self._view
        if view is None or not view.is_open:
            return None
        current = self.lines_model.line_at(self.lines_table.currentIndex().row())
        if current is not None and current.typed_ready:
            return current
        if self._touched_line is not None:
            touched = next((line for line in view.lines if line.line_id == self._touched_line), None)
            if touched is not None and touched.typed_ready:
                return touched
        return None

    # -- status area ---------------------------------------------------------------------------

    def _set_status(self, text: str, state: str) -> None:
        self._status_generation += 1
        self.status_area.setProperty("state", state)
        style = self.status_area.style()
        style.unpolish(self.status_area)
        style.polish(self.status_area)
        self.banner.set_text(text)

    def _own_row_for_next_order(self) -> None:
        """ "Open next: SO-…" gets a row of its own: beside the other actions it widened the window."""
        actions = self.form.findChild(QHBoxLayout, "action_row")
        panel = self.form.findChild(QVBoxLayout, "order_panel")
        if actions is None or panel is None:
            return
        actions.removeWidget(self.next_order_button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.next_order_button)
        for index in range(panel.count()):
            item = panel.itemAt(index)
            if item is not None and item.layout() is actions:
                panel.insertLayout(index, row)
                return
        panel.addLayout(row)

    def _flash_good(self, text: str) -> None:
        self._set_status(text, "good")
        generation = self._status_generation
        QTimer.singleShot(GOOD_FLASH_MS, self, lambda: self._end_flash(generation))

    def _end_flash(self, generation: int) -> None:
        if generation == self._status_generation and self.status_state() == "good":
            self._set_status(self.status_area.text(), "ready")

    def _show_problem(self, message: str) -> None:
        self._set_status(message, "problem")
        self.problem_shown.emit(message)

    # -- the work queue: one service call at a time, in order -------------------------------------

    def _enqueue(
        self, kind: str, prepare: Callable[[], Callable[[], Any] | None], on_done: Callable[[Any], None]
    ) -> None:
        self.work.add(kind, prepare, on_done)

    def _explain_failure(self, exc: BaseException) -> None:
        if isinstance(exc, BeingPackedElsewhere):
            self._ask_take_over(exc)
        elif isinstance(exc, SessionClosed | NotReadyToPack):
            if isinstance(exc, SessionClosed) or (self._view is not None and exc.number == self._view.number):
                self._close_current()
            self._show_problem(str(exc))
            self.refresh_queue()
        elif isinstance(exc, ValidationFailed) and exc.errors and exc.errors[0].field == "code":
            self._show_code_error(str(exc))
        elif isinstance(exc, OrderAppError):
            self._show_problem(str(exc))
        else:
            log.error("a packing step failed", exc_info=exc)
            self._show_problem(self.tr("That did not work ({kind}); nothing was counted. Try again.").format(
                kind=type(exc).__name__
            ))  # fmt: skip
            report_unexpected(exc)

    def _close_current(self) -> None:
        view = self._view
        if view is not None and view.is_open:
            # the lines stay on screen, but nothing more can be scanned into this session
            self._view = replace(view, outcome="abandoned", can_undo=False)
        self._update_actions()

    def _missed_one(self) -> None:
        self._ignored_while_blocked += 1
        if self._alert is not None:
            self._alert.show_missed(self._ignored_while_blocked)

    def _blocked(self) -> bool:
        return self._alert is not None or self._dialog_open

    # -- scans -------------------------------------------------------------------------------------

    def handle_scan(self, scan: Scan) -> None:
        """A code from the camera, a USB scanner or the entry field: a slip opens its order, an item is checked."""
        if self._blocked():
            self._missed_one()
            return
        database, context = self._database, self.context

        def prepare() -> Callable[[], Any] | None:
            if self._blocked():  # an alert came up while this scan waited its turn
                self._missed_one()
                return None
            session_id = self.session_id
            return lambda: handle_code(
                database,
                scan.code,
                symbology=scan.symbology,
                source=scan.source,
                user_id=context.user_id,
                station=context.station,
                session_id=session_id,
            )

        self._enqueue("scan", prepare, self._scan_done)

    def handle_refused_scan(self, message: str, code: str = "", source: str = "wedge") -> None:
        """A burst the scanner layer refused (e.g. a wrong check digit): stored and alerted like any
        refused scan while an order is open; otherwise only explained (no box is at stake)."""
        if self._blocked():
            self._missed_one()
            return
        if self.session_id is None and not len(self.work):
            self._show_problem(message)
            return
        database, context = self._database, self.context

        def prepare() -> Callable[[], Any] | None:
            session_id = self.session_id
            if self._blocked():
                self._missed_one()
                return None
            if session_id is None:
                self._show_problem(message)
                return None
            return lambda: record_invalid(
                database,
                session_id,
                code,
                message=message,
                source=source,
                user_id=context.user_id,
                station=context.station,
            )

        self._enqueue("scan", prepare, self._scan_done)

    def submit_typed_code(self) -> None:
        """The code typed in the entry field (a barcode's digits or an order number)."""
        text = self.code_entry.text()
        if not text.strip():
            self._show_code_error(self.tr("Type the digits under the barcode, or the order number on the slip."))
            return
        try:
            scan = typed_scan(text, "typed")
        except InvalidCode as exc:
            digits = text.strip()
            if not (digits.isdigit() and self.session_id is not None):
                self._show_code_error(str(exc))
                return
            # a GTIN with a wrong check digit: the service records it and the packer is stopped
            scan = Scan(code=digits, symbology=None, source="typed")
        self.code_error.hide()
        self.code_entry.clear()
        self.handle_scan(scan)

    def _show_code_error(self, message: str) -> None:
        self.code_error.setText(message)
        self.code_error.show()
        self.problem_shown.emit(message)

    def _scan_done(self, result: ScanResult | PackingView) -> None:
        if isinstance(result, PackingView):
            self._show_order(result)
            return
        if result.blocking:
            missed = self.work.drop("scan")  # scans waiting behind the refused one: not counted
            self._paint_view(result.view, result.line_id)
            self._raise_alert(result, missed)
        elif result.outcome is ScanOutcome.UNDO:
            self._paint_view(result.view, result.line_id)
            self._set_status(result.message, "ready")
        else:
            self._paint_view(result.view, result.line_id)
            self.sounds.play("good")
            if result.packed:
                self._order_packed(result.view, result.next_order)
            else:
                self._flash_good(result.message)
        self.scan_handled.emit(result)

    def _raise_alert(self, result: ScanResult, missed: int = 0) -> None:
        titles = {
            ScanOutcome.OVER_SCAN: self.tr("Already complete"),
            ScanOutcome.NOT_ON_ORDER: self.tr("Not on this order"),
            ScanOutcome.UNKNOWN: self.tr("Unknown barcode"),
            ScanOutcome.INVALID: self.tr("Misread barcode"),
        }
        title = titles.get(result.outcome, self.tr("Check this item"))
        if result.case_too_big:
            title = self.tr("Case too big")
        self._set_status(f"{title}: {result.message}", "alert")
        self.sounds.play("alert")
        self._ignored_while_blocked = missed
        alert = PackingAlert(title, result.message, self)
        alert.show_missed(missed)
        alert.acknowledged.connect(self._alert_acknowledged)
        self._alert = alert
        alert.open()
        self.alert_raised.emit(result)

    def _alert_acknowledged(self) -> None:
        alert, self._alert = self._alert, None
        if alert is not None:
            alert.deleteLater()
        view = self._view
        text = self.tr("Scan the items of {number}.").format(number=view.number) if view else ""
        missed, self._ignored_while_blocked = self._ignored_while_blocked, 0
        if missed:
            text = self.tr(
                "%n scan(s) made while the alert was up were not counted: scan those items again.", "", missed
            ) + (" " + text if text else "")
        self._set_status(text, "problem" if missed else "ready" if view else "idle")
        self.code_entry.setFocus()
        self.work.pump()

    def _order_packed(self, view: PackingView, next_order: QueueEntry | None) -> None:
        self._next = next_order
        text = self.tr("{number} is packed.").format(number=view.number)
        if next_order is not None:
            text += " " + self.tr("Next: {number}. Scan its slip or press Open next.").format(number=next_order.number)
            self.next_order_button.setText(self.tr("Open &next: {number}").format(number=next_order.number))
            self.next_order_button.show()
        else:
            text += " " + self.tr("No more orders are waiting.")
            self.next_order_button.hide()
        self._set_status(text, "packed")
        self._update_actions()
        self.order_packed.emit(view)
        self.refresh_queue()

    # -- actions -----------------------------------------------------------------------------------

    def open_number(self, number: str, *, take_over: bool = False) -> None:
        database, context = self._database, self.context
        self._enqueue(
            "action",
            lambda: (
                lambda: open_order(
                    database, number, user_id=context.user_id, station=context.station, take_over=take_over
                )
            ),
            self._show_order,
        )

    def _open_selected(self) -> None:
        row = self.queue_table.currentRow()
        if 0 <= row < len(self.queue.entries):
            self.open_number(self.queue.entries[row].number)

    def _open_next(self) -> None:
        if self._next is not None:
            self.open_number(self._next.number)

    def undo_last(self) -> None:
        if self._blocked() or self.session_id is None:
            return
        database, context = self._database, self.context

        def prepare() -> Callable[[], Any] | None:
            session_id = self.session_id
            if session_id is None:
                return None
            return lambda: undo_last_scan(database, session_id, user_id=context.user_id, station=context.station)

        self._enqueue("action", prepare, self._scan_done)

    def _apply_typed_quantity(self) -> None:
        target = self._typed_target()
        if target is None or self._blocked():
            return
        database, context, quantity, line_id = self._database, self.context, self.typed_qty.value(), target.line_id

        def prepare() -> Callable[[], Any] | None:
            session_id = self.session_id
            if session_id is None:
                return None
            return lambda: type_quantity(
                database, session_id, line_id, quantity, user_id=context.user_id, station=context.station
            )

        self._enqueue("action", prepare, self._scan_done)

    def leave(self) -> None:
        """Back to the queue; what is scanned so far stays with the order."""
        session_id = self.session_id
        if session_id is None:
            return
        database = self._database

        def left(_result: object) -> None:
            self._show_no_order()
            self.refresh_queue()

        self._enqueue("action", lambda: lambda: leave_order(database, session_id), left)

    def ask_override(self) -> None:
        view = self._view
        if view is None or not view.is_open or self._blocked():
            return
        approval = approve(self, self.context, Permission.PACK_OVERRIDE)  # a packer: an owner's PIN, now
        if not approval.given:
            return
        dialog = OverrideDialog(view.number, view.scanned_units, view.units, self)
        self._dialog_open = True
        database, context, session_id = self._database, self.context, view.session_id

        def given(reason: str) -> None:
            run_task(
                lambda: override_pack(
                    database,
                    session_id,
                    reason,
                    user_id=context.user_id,
                    station=context.station,
                    approved_by=approval.by,
                ),
                lambda result: self._override_done(dialog, result),
                lambda exc: self._override_failed(dialog, exc),
                context=self,
            )

        def finished(_code: int) -> None:
            self._dialog_open = False
            dialog.deleteLater()
            self.code_entry.setFocus()

        dialog.reason_given.connect(given)
        dialog.finished.connect(finished)
        dialog.open()

    def _override_done(self, dialog: OverrideDialog, result: PackResult) -> None:
        dialog.done_ok()
        self._paint_view(result.view, None)
        self._order_packed(result.view, result.next_order)
        self._set_status(
            self.tr("{number} is marked packed without full check; your reason is on the order.").format(
                number=result.view.number
            )
            + (
                " " + self.tr("Next: {number}.").format(number=result.next_order.number)
                if result.next_order is not None
                else ""
            ),
            "packed",
        )

    def _override_failed(self, dialog: OverrideDialog, exc: BaseException) -> None:
        if isinstance(exc, OrderAppError):
            dialog.show_error(str(exc))
        else:
            dialog.show_error(self.tr("The order could not be marked packed; try again."))
            report_unexpected(exc)

    def _ask_take_over(self, exc: BeingPackedElsewhere) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Order open at another station"),
            str(exc),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("take_over_question")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Open it here"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Leave it"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self._dialog_open = True
        number = exc.number

        def finished(_code: int) -> None:
            self._dialog_open = False
            take = box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
            box.deleteLater()
            if take:
                self.open_number(number, take_over=True)

        box.finished.connect(finished)
        box.open()

    # -- queue -------------------------------------------------------------------------------------

    def refresh_queue(self) -> None:
        if self._queue_loading:
            return
        self._queue_loading = True
        database = self._database
        run_task(lambda: packing_queue(database), self._show_queue, self._queue_failed, context=self)

    def _show_queue(self, queue: PackingQueue) -> None:
        self._queue_loading = False
        self.queue.show(queue.entries)
        self.queue_count.setText(self.tr("{count} waiting").format(count=queue.total))
        self._mark_current_in_queue()
        self.queue_shown.emit(queue)

    def _mark_current_in_queue(self) -> None:
        if self._view is not None:
            self.queue.mark(self._view.order_id)

    def _queue_failed(self, exc: BaseException) -> None:
        self._queue_loading = False
        if not isinstance(exc, OrderAppError):
            log.error("loading the packing queue failed", exc_info=exc)
        self.queue_count.setText(self.tr("The list could not be loaded ({reason}).").format(reason=exc))

    def _sound_toggled(self, on: bool) -> None:
        self.sounds.enabled = on
        pc_settings().setValue(SETTING_SOUND, on)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.code_entry
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            event.ignore()  # not the field's own undo: let the screen's shortcut have it
            return True
        return super().eventFilter(watched, event)

    # -- showing and hiding --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._queue_timer.start()
        if self._shown_before and not event.spontaneous():
            self.refresh_queue()
        self._shown_before = True
        self.camera_panel.screen_shown()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._queue_timer.stop()
        self.camera_panel.screen_hidden()
