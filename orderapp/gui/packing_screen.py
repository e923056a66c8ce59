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

import functools
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QVBoxLayout,
    QWidget,
)

from orderapp.errors import OrderAppError, ValidationFailed
from orderapp.gui.camera_worker import CameraController
from orderapp.gui.context import AppContext
from orderapp.gui.forms import child, load_form
from orderapp.gui.packing_dialogs import OverrideDialog, PackingAlert
from orderapp.gui.packing_lines import PRODUCT, PackLinesModel
from orderapp.gui.packing_sounds import SoundPlayer
from orderapp.gui.scanner_input import WedgeScannerFilter
from orderapp.gui.tasks import report_unexpected, run_task
from orderapp.scanning.acceptance import InvalidCode, Scan, typed_scan
from orderapp.scanning.camera import CameraInfo, list_cameras
from orderapp.services.packing import (
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
from orderapp.services.packing_queue import PackingQueue, QueueEntry, packing_queue

log = logging.getLogger(__name__)

RESOLUTIONS: tuple[tuple[int, int], ...] = ((640, 480), (1280, 720), (1920, 1080))
DEFAULT_RESOLUTION = (1280, 720)
GOOD_FLASH_MS = 700
QUEUE_REFRESH_MS = 30_000
OUTLINE_KEEP_S = 0.3

SETTING_CAMERA = "packing/camera_index"
SETTING_RESOLUTION = "packing/camera_resolution"
SETTING_CAMERA_ON = "packing/camera_on"
SETTING_SOUND = "packing/sound"

_STATUS_STYLE = """
QLabel#status_area { border-radius: 10px; padding: 12px; background: palette(base); border: 1px solid palette(mid); }
QLabel#status_area[state="ready"] { background: #eef4ff; color: #123a6b; }
QLabel#status_area[state="good"] { background: #1e8e3e; color: white; }
QLabel#status_area[state="packed"] { background: #146c2e; color: white; }
QLabel#status_area[state="problem"] { background: #fde7e5; color: #8c1d18; border: 2px solid #b3261e; }
QLabel#status_area[state="alert"] { background: #b3261e; color: white; }
"""


@dataclass
class _Work:
    """One step for the service, run in a worker. ``prepare`` runs on the GUI thread when the step's
    turn comes (so it sees the order opened by the step before) and gives the function to run."""

    kind: str  # "scan" | "action"
    prepare: Callable[[], Callable[[], Any] | None]
    on_done: Callable[[Any], None]


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
        self.context = context
        self._database = context.database
        self._view: PackingView | None = None
        self._touched_line: int | None = None
        self._work: deque[_Work] = deque()
        self._working = False
        self._alert: PackingAlert | None = None
        self._dialog_open = False
        self._ignored_while_blocked = 0
        self._next: QueueEntry | None = None
        self._status_generation = 0
        self._queue_loading = False
        self._queue_entries: tuple[QueueEntry, ...] = ()
        self._camera_source: int | str | Path | None = None
        self._camera_wanted = False
        self._camera_problem = False
        self._resume_camera_on_show = False
        self._outlines: list[tuple[tuple[int, int], ...]] = []
        self._outlines_at = 0.0
        self.frames_shown = 0
        self._cameras_listed_once = False
        self._start_when_listed = False

        self.form = load_form("packing.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.queue_table = child(self.form, QTableWidget, "queue_table")
        self.queue_count = child(self.form, QLabel, "queue_count")
        self.open_selected = child(self.form, QPushButton, "open_selected")
        self.refresh_button = child(self.form, QPushButton, "refresh_queue")
        self.camera_choice = child(self.form, QComboBox, "camera_choice")
        self.camera_resolution = child(self.form, QComboBox, "camera_resolution")
        self.camera_toggle = child(self.form, QPushButton, "camera_toggle")
        self.camera_preview = child(self.form, QLabel, "camera_preview")
        self.camera_hint = child(self.form, QLabel, "camera_hint")
        self.camera_message = child(self.form, QLabel, "camera_message")
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

        self._setup_queue_table()
        self.lines_model = PackLinesModel(self)
        self.lines_table.setModel(self.lines_model)
        header = self.lines_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PRODUCT, QHeaderView.ResizeMode.Stretch)
        self.lines_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.lines_table.verticalHeader().hide()
        self.lines_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.status_area.setStyleSheet(_STATUS_STYLE)
        self.camera_message.setStyleSheet("color: #8c1d18;")
        self.code_error.setStyleSheet("color: #b3261e;")
        self.code_error.hide()
        self.next_order_button.hide()
        self.typed_qty_row.hide()

        settings = _settings()
        self.sounds = SoundPlayer(enabled=_as_bool(settings.value(SETTING_SOUND, True)))
        self.sound_enabled.setChecked(self.sounds.enabled)
        self.sound_enabled.toggled.connect(self._sound_toggled)

        for width, height in RESOLUTIONS:
            self.camera_resolution.addItem(f"{width} × {height}", (width, height))
        saved = settings.value(SETTING_RESOLUTION, f"{DEFAULT_RESOLUTION[0]}x{DEFAULT_RESOLUTION[1]}")
        for row, (width, height) in enumerate(RESOLUTIONS):
            if f"{width}x{height}" == str(saved):
                self.camera_resolution.setCurrentIndex(row)
        self.camera_resolution.currentIndexChanged.connect(self._camera_settings_changed)
        self.camera_choice.currentIndexChanged.connect(self._camera_settings_changed)
        self.camera_choice.addItem(self.tr("Looking for cameras…"), None)

        self.camera = CameraController(self)
        self.camera.frame.connect(self._show_frame)
        self.camera.found.connect(self._codes_found)
        self.camera.scanned.connect(self._camera_scanned)
        self.camera.lost.connect(self._camera_lost)
        self.camera.notice.connect(self._camera_notice)
        self.camera.resumed.connect(self._camera_resumed)

        self.wedge = WedgeScannerFilter(self)
        self.wedge.scanned.connect(self.handle_scan)
        self.wedge.rejected.connect(self.handle_refused_scan)

        self.queue_table.itemDoubleClicked.connect(lambda _item: self._open_selected())
        self.open_selected.clicked.connect(self._open_selected)
        self.refresh_button.clicked.connect(self.refresh_queue)
        self.camera_toggle.toggled.connect(self._camera_toggled)
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
        self.order_heading.setText(self.tr("No order open"))
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
        self.order_heading.setText(heading)
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
            self.tr("{scanned} / {units} units").format(scanned=view.scanned_units, units=view.units)
        )
        self.lines_model.set_lines(view.lines, touched)
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
        self.status_area.setText(text)
        self.status_area.setProperty("state", state)
        style = self.status_area.style()
        style.unpolish(self.status_area)
        style.polish(self.status_area)

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
        self._work.append(_Work(kind, prepare, on_done))
        self._pump()

    def _pump(self) -> None:
        while not self._working and self._work:
            work = self._work.popleft()
            job = work.prepare()
            if job is None:
                continue
            self._working = True
            run_task(job, functools.partial(self._work_done, work), self._work_failed, context=self)
            return
        if not self._working and not self._work:
            self.work_settled.emit()

    def _work_done(self, work: _Work, result: Any) -> None:
        self._working = False
        try:
            work.on_done(result)
        finally:
            self._pump()

    def _work_failed(self, exc: BaseException) -> None:
        self._working = False
        try:
            self._explain_failure(exc)
        finally:
            self._pump()

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

    def _blocked(self) -> bool:
        return self._alert is not None or self._dialog_open

    def _drop_pending_scans(self) -> int:
        kept = deque(work for work in self._work if work.kind != "scan")
        dropped = len(self._work) - len(kept)
        self._work = kept
        return dropped

    # -- scans -------------------------------------------------------------------------------------

    def handle_scan(self, scan: Scan) -> None:
        """A code from the camera, a USB scanner or the entry field: a slip opens its order, an item is checked."""
        if self._blocked():
            self._ignored_while_blocked += 1
            return
        database, context = self._database, self.context

        def prepare() -> Callable[[], Any] | None:
            if self._blocked():  # an alert came up while this scan waited its turn
                self._ignored_while_blocked += 1
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
            self._ignored_while_blocked += 1
            return
        if self.session_id is None and not self._work:
            self._show_problem(message)
            return
        database, context = self._database, self.context

        def prepare() -> Callable[[], Any] | None:
            session_id = self.session_id
            if self._blocked():
                self._ignored_while_blocked += 1
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
            dropped = self._drop_pending_scans()
            self._ignored_while_blocked += dropped
            self._paint_view(result.view, result.line_id)
            self._raise_alert(result)
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

    def _raise_alert(self, result: ScanResult) -> None:
        titles = {
            ScanOutcome.OVER_SCAN: self.tr("Already complete"),
            ScanOutcome.NOT_ON_ORDER: self.tr("Not on this order"),
            ScanOutcome.UNKNOWN: self.tr("Unknown barcode"),
            ScanOutcome.INVALID: self.tr("Misread barcode"),
        }
        title = titles.get(result.outcome, self.tr("Check this item"))
        self._set_status(f"{title}: {result.message}", "alert")
        self.sounds.play("alert")
        self._ignored_while_blocked = 0
        alert = PackingAlert(title, result.message, self)
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
        if self._ignored_while_blocked:
            text += " " + self.tr("Scans made while the alert was up were not counted: scan those items again.")
        self._ignored_while_blocked = 0
        self._set_status(text, "ready" if view else "idle")
        self.code_entry.setFocus()
        self._pump()

    def _order_packed(self, view: PackingView, next_order: QueueEntry | None) -> None:
        self._next = next_order
        text = self.tr("{number} is packed.").format(number=view.number)
        if next_order is not None:
            text += " " + self.tr("Next: {number}. Scan its slip or press Open next.").format(number=next_order.number)
            self.next_order_button.setText(self.tr("Open next: {number}").format(number=next_order.number))
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
        if 0 <= row < len(self._queue_entries):
            self.open_number(self._queue_entries[row].number)

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
        dialog = OverrideDialog(view.number, view.scanned_units, view.units, self)
        self._dialog_open = True
        database, context, session_id = self._database, self.context, view.session_id

        def given(reason: str) -> None:
            run_task(
                lambda: override_pack(database, session_id, reason, user_id=context.user_id, station=context.station),
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

    def _setup_queue_table(self) -> None:
        table = self.queue_table
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([self.tr("Order"), self.tr("Customer"), self.tr("Items")])
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()

    def refresh_queue(self) -> None:
        if self._queue_loading:
            return
        self._queue_loading = True
        database = self._database
        run_task(lambda: packing_queue(database), self._show_queue, self._queue_failed, context=self)

    def _show_queue(self, queue: PackingQueue) -> None:
        self._queue_loading = False
        self._queue_entries = queue.entries
        table = self.queue_table
        table.setRowCount(len(queue.entries))
        for row, entry in enumerate(queue.entries):
            number = QTableWidgetItem(entry.number)
            if entry.urgent:
                number.setText(self.tr("{number} (urgent)").format(number=entry.number))
                number.setForeground(QColor("#b3261e"))
                font = number.font()
                font.setBold(True)
                number.setFont(font)
            tips = [self.tr("Waiting since {when}").format(when=_local(entry.created_at))]
            if entry.due_at is not None:
                tips.append(self.tr("Due {when}").format(when=_local(entry.due_at)))
            if entry.packing_at:
                tips.append(self.tr("Open at {station}").format(station=entry.packing_at))
            number.setToolTip("\n".join(tips))
            customer = QTableWidgetItem(entry.customer)
            if entry.scanned_units:
                items = self.tr("{scanned}/{units} units").format(scanned=entry.scanned_units, units=entry.units)
            else:
                items = self.tr("1 unit") if entry.units == 1 else self.tr("{units} units").format(units=entry.units)
            if entry.packing_at and entry.packing_at != self.context.station:
                items += " · " + self.tr("at {station}").format(station=entry.packing_at)
            table.setItem(row, 0, number)
            table.setItem(row, 1, customer)
            table.setItem(row, 2, QTableWidgetItem(items))
        self.queue_count.setText(self.tr("{count} waiting").format(count=queue.total))
        self._mark_current_in_queue()
        self.queue_shown.emit(queue)

    def _mark_current_in_queue(self) -> None:
        if self._view is None:
            return
        for row, entry in enumerate(self._queue_entries):
            if entry.order_id == self._view.order_id:
                self.queue_table.selectRow(row)
                return

    def _queue_failed(self, exc: BaseException) -> None:
        self._queue_loading = False
        if not isinstance(exc, OrderAppError):
            log.error("loading the packing queue failed", exc_info=exc)
        self.queue_count.setText(self.tr("The list could not be loaded ({reason}).").format(reason=exc))

    # -- camera ------------------------------------------------------------------------------------

    def _list_cameras(self, *, then_start: bool = False) -> None:
        self._start_when_listed = then_start
        run_task(list_cameras, self._cameras_listed, self._cameras_failed, context=self)

    def _cameras_listed(self, cameras: list[CameraInfo]) -> None:
        then_start, self._start_when_listed = self._start_when_listed, False
        self.camera_choice.blockSignals(True)
        self.camera_choice.clear()
        for camera in cameras:
            self.camera_choice.addItem(camera.name, camera.index)
        if not cameras:
            self.camera_choice.addItem(self.tr("No camera found"), None)
            self._set_toggle(False)
            self._set_camera_message(
                self.tr(
                    "No camera was found. Plug in a webcam and press Start camera; a USB scanner or typed codes "
                    "work meanwhile."
                ),
                problem=True,
            )
        saved = _settings().value(SETTING_CAMERA)
        for row in range(self.camera_choice.count()):
            if saved is not None and str(self.camera_choice.itemData(row)) == str(saved):
                self.camera_choice.setCurrentIndex(row)
        self.camera_choice.blockSignals(False)
        wanted = then_start or _as_bool(_settings().value(SETTING_CAMERA_ON, False))
        if cameras and wanted and not self.camera.is_running():
            self.start_camera()

    def _cameras_failed(self, exc: BaseException) -> None:
        log.warning("listing cameras failed", exc_info=exc)
        self._cameras_listed([])

    def start_camera(self, source: int | str | Path | None = None) -> None:
        """Start the chosen camera (or ``source``: a camera index or a video file, as tests use)."""
        if source is None:
            source = self.camera_choice.currentData()
            if source is None:  # none was found: look again (one may have been plugged in since)
                self._set_camera_message(self.tr("Looking for cameras…"), problem=False)
                self._list_cameras(then_start=True)
                return
        self._camera_source = source
        self._camera_wanted = True
        width, height = self.camera_resolution.currentData() or DEFAULT_RESOLUTION
        self._set_toggle(True)
        self._set_camera_message(self.tr("Starting the camera…"), problem=False)
        try:
            self.camera.start(source, width=width, height=height)
        except OrderAppError as exc:
            self._camera_lost(str(exc))

    def stop_camera(self) -> None:
        self._camera_wanted = False
        self.camera.stop()
        self._set_toggle(False)
        self._outlines = []
        self.camera_hint.setText("")
        self.camera_preview.clear()
        self.camera_preview.setText(self.tr("Camera off"))
        self._set_camera_message("", problem=False)

    def _set_toggle(self, on: bool) -> None:
        self.camera_toggle.blockSignals(True)
        self.camera_toggle.setChecked(on)
        self.camera_toggle.setText(self.tr("Stop camera") if on else self.tr("Start camera"))
        self.camera_toggle.blockSignals(False)

    def _camera_toggled(self, on: bool) -> None:
        _settings().setValue(SETTING_CAMERA_ON, on)
        if on:
            self.start_camera()
        else:
            self.stop_camera()

    def _camera_settings_changed(self, _index: int) -> None:
        settings = _settings()
        index = self.camera_choice.currentData()
        if index is not None:
            settings.setValue(SETTING_CAMERA, index)
        width, height = self.camera_resolution.currentData() or DEFAULT_RESOLUTION
        settings.setValue(SETTING_RESOLUTION, f"{width}x{height}")
        if self._camera_wanted and isinstance(self._camera_source, int):
            self.camera.stop()
            self.start_camera()

    def _set_camera_message(self, text: str, *, problem: bool) -> None:
        self._camera_problem = problem and bool(text)
        self.camera_message.setText(text)
        self.camera_message.setStyleSheet("color: #8c1d18; font-weight: bold;" if problem else "")
        self.camera_message_changed.emit(text)

    def _show_frame(self, image: QImage) -> None:
        self.frames_shown += 1
        if self._camera_problem or self.camera_message.text() == self.tr("Starting the camera…"):
            self._set_camera_message("", problem=False)
        if not self.camera_preview.isVisible() or image.isNull():
            return
        area = self.camera_preview.contentsRect().size()
        scaled = image.scaled(area, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)
        pixmap = QPixmap.fromImage(scaled)
        if self._outlines and time.monotonic() - self._outlines_at <= OUTLINE_KEEP_S and image.width() > 0:
            factor = scaled.width() / image.width()
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor("#00e05a"), 3))
            for corners in self._outlines:
                painter.drawPolygon(QPolygonF([QPointF(x * factor, y * factor) for x, y in corners]))
            painter.end()
        self.camera_preview.setPixmap(pixmap)

    def _codes_found(self, found: list) -> None:
        now = time.monotonic()
        if found:
            self._outlines = [tuple(code.corners) for code in found]
            self._outlines_at = now
            self.camera_hint.setText(self.tr("Hold steady…"))
        elif now - self._outlines_at > OUTLINE_KEEP_S:
            self._outlines = []
            self.camera_hint.setText("")

    def _camera_scanned(self, scan: Scan) -> None:
        self.camera_hint.setText(self.tr("Read {code}").format(code=scan.code))
        self.handle_scan(scan)

    def _camera_lost(self, message: str) -> None:
        self._outlines = []
        self.camera_hint.setText("")
        self.camera_preview.clear()
        self.camera_preview.setText(self.tr("No picture"))
        text = f"{message} {self.tr('What is scanned so far is kept.')}"
        if not isinstance(self._camera_source, int):
            # A video file that ended or cannot be read: nothing retries it, so say what works now.
            # (A camera keeps being retried by the worker, whose message says so.)
            text += " " + self.tr("A USB scanner or typed codes work meanwhile.")
            self._camera_wanted = False
            self._set_toggle(False)
        self._set_camera_message(text, problem=True)

    def _camera_resumed(self) -> None:
        self._set_camera_message(self.tr("The camera is back; scanning goes on."), problem=False)

    def _camera_notice(self, message: str) -> None:
        if not self._camera_problem:
            self._set_camera_message(message, problem=False)

    def _sound_toggled(self, on: bool) -> None:
        self.sounds.enabled = on
        _settings().setValue(SETTING_SOUND, on)

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
        if not self._cameras_listed_once:
            self._cameras_listed_once = True
            self._list_cameras()
        elif not event.spontaneous():
            self.refresh_queue()
        if self._resume_camera_on_show:
            self._resume_camera_on_show = False
            if self._camera_source is not None:
                self.start_camera(self._camera_source)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._queue_timer.stop()
        # The camera is given back while the screen is not in view; it starts again when it is.
        if self._camera_wanted:
            self._resume_camera_on_show = True
            self.camera.stop()


def _settings() -> QSettings:
    # This PC's own settings, beside the main window's: the camera belongs to the PC, not the shop.
    return QSettings("OrderApp", "OrderApp")


def _as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


def _local(moment: datetime) -> str:
    # The PC's clock: the packer reads it against the clock on the wall.
    return moment.astimezone().strftime("%d %b %H:%M")
