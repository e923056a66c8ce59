"""The returns mode at the packing station records the parcel being opened, as packing does (issue 16).

``ReturnRecorder`` watches a ``ReturnDialog`` opened from the packing station: the clip starts when a
return's order is opened in the dialog and ends when the return (or a refund) is recorded or the
dialog is left. It is stored with the order and, once recorded, the return (``finish_clip``'s
``return_id``); each item scanned back in is a mark, and the picture says RETURN OF ORDER ... The
recording setting, the free-space floor and a missing camera are respected as at packing: nothing is
recorded (the record then says why) and the return works as usual. Database work and closing the
file run on the task pool.

While the dialog is open the camera's scans go to it, not to packing (``route_camera_scans``).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QVBoxLayout

from orderapp.gui.context import AppContext
from orderapp.gui.evidence_recording import qimage_to_bgr
from orderapp.gui.style import set_state
from orderapp.gui.tasks import run_task
from orderapp.scanning.recording import Recorder, RecordingProblem
from orderapp.services.aftersales.returns import RefundView, ReturnableOrder, ReturnView
from orderapp.services.packing.evidence import ClipRecord, ClipStart, finish_clip, start_clip

log = logging.getLogger(__name__)


class ReturnRecorder(QObject):
    recording_started = Signal(object)  # ClipStart
    clip_finished = Signal(object)  # ClipRecord
    problem = Signal(str)

    def __init__(self, dialog: Any, camera: Any, context: AppContext) -> None:
        super().__init__(dialog)
        self.setObjectName("return_recorder")
        self._dialog = dialog
        self._context = context
        self._database = context.database
        self._recorder: Recorder | None = None
        self._clip_id: int | None = None
        self._number = ""
        self._generation = 0
        self._just_recorded = ""  # the dialog shows the order again after a return: no new clip for that
        self.finishing = 0
        self.indicator = QLabel(dialog)
        self.indicator.setObjectName("return_recording_indicator")
        self.indicator.setWordWrap(True)
        self.indicator.hide()
        layout = dialog.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.indicator)
        camera.frame.connect(self._frame)
        dialog.order_shown.connect(self._order_shown)
        dialog.item_scanned.connect(self._item_scanned)
        dialog.recorded.connect(self._recorded)
        dialog.finished.connect(lambda _code: self.stop("abandoned"))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop_now)

    @property
    def recording(self) -> bool:
        return self._recorder is not None and self._recorder.recording

    def _frame(self, image: QImage) -> None:
        recorder = self._recorder
        if recorder is None:
            return
        if recorder.problem:
            if self.indicator.toolTip() != recorder.problem:
                self._show_problem(recorder.problem)
        elif recorder.wants_frame():
            recorder.feed(qimage_to_bgr(image))

    # -- the dialog's events ---------------------------------------------------------------------

    def _order_shown(self, order: ReturnableOrder | None) -> None:
        if order is None:
            return
        if order.number == self._just_recorded:
            self._just_recorded = ""
            return
        if order.number == self._number:  # the same parcel: its clip goes on
            return
        self.stop("abandoned")
        self._generation += 1
        self._number = order.number
        generation, number = self._generation, order.number
        database, context = self._database, self._context

        def begin() -> tuple[ClipStart, Recorder | None, str]:
            start = start_clip(database, number, station=context.station, user_id=context.user_id, kind="return")
            if start.path is None:
                return start, None, start.problem
            try:
                recorder = Recorder(
                    start.path,
                    order_number=number,
                    station=context.station,
                    packer=start.packer,
                    started_at=start.started_at,
                    free_space_floor=start.free_space_floor,
                    zone=start.zone,
                    kind="return",
                )
            except RecordingProblem as exc:
                return start, None, str(exc)
            return start, recorder, ""

        run_task(begin, lambda result: self._begun(generation, *result), self._begin_failed, context=self)

    def _begun(self, generation: int, start: ClipStart, recorder: Recorder | None, problem: str) -> None:
        if generation != self._generation:  # left or another order opened meanwhile
            if recorder is not None and start.clip_id is not None:
                self._close(recorder, start.clip_id, "abandoned", None)
            return
        if recorder is None:
            if problem:
                self._show_problem(problem)
            return
        self._recorder, self._clip_id = recorder, start.clip_id
        self.indicator.setText(self.tr("● Recording the return of {number}").format(number=self._number))
        self.indicator.setToolTip(
            self.tr("A video of this parcel being opened is recorded (Settings > Packing video).")
        )
        set_state(self.indicator, "recording")
        self.indicator.show()
        self.recording_started.emit(start)

    def _item_scanned(self, outcome: str, code: str) -> None:
        if self._recorder is not None:
            self._recorder.mark(outcome, code)

    def _recorded(self, result: ReturnView | RefundView) -> None:
        number = self._number
        if self._recorder is None:
            self.stop("abandoned")  # nothing was being recorded (switched off, no folder): nothing to close
        elif isinstance(result, ReturnView):
            self._recorder.mark("returned", result.number)
            self.stop("returned", return_id=result.id)
        else:
            self._recorder.mark("refunded", result.amount_text())
            self.stop("refunded")
        self._just_recorded = number

    # -- closing ---------------------------------------------------------------------------------

    def stop(self, outcome: str, *, return_id: int | None = None) -> None:
        recorder, clip_id = self._recorder, self._clip_id
        self._recorder = self._clip_id = None
        self._number = ""
        self._generation += 1
        self.indicator.hide()
        if recorder is not None and clip_id is not None:
            if outcome == "abandoned":
                recorder.mark("abandoned", "")
            self._close(recorder, clip_id, outcome, return_id)

    def stop_now(self) -> None:
        recorder, clip_id = self._recorder, self._clip_id
        self._recorder = self._clip_id = None
        if recorder is not None and clip_id is not None:
            try:
                finish_clip(self._database, clip_id, recorder.finish(), outcome="abandoned")
            except Exception:  # the file is on disk; the next start recovers its record
                log.exception("closing the return video at quit failed")

    def _close(self, recorder: Recorder, clip_id: int, outcome: str, return_id: int | None) -> None:
        database = self._database
        self.finishing += 1

        def close() -> ClipRecord:
            return finish_clip(database, clip_id, recorder.finish(), outcome=outcome, return_id=return_id)

        run_task(close, self._closed, self._close_failed, context=self)

    def _closed(self, record: ClipRecord) -> None:
        self.finishing -= 1
        if record.status == "no_video" and record.note:
            self._show_problem(record.note)
        self.clip_finished.emit(record)

    def _close_failed(self, exc: BaseException) -> None:
        self.finishing -= 1
        log.error("closing a return video failed", exc_info=exc)
        self._show_problem(
            self.tr("The return's video could not be finished; its file is kept and is checked at the next start.")
        )

    def _begin_failed(self, exc: BaseException) -> None:
        log.error("starting a return video failed", exc_info=exc)
        self._show_problem(self.tr("No video is recorded for this return: {reason}").format(reason=exc))

    def _show_problem(self, message: str) -> None:
        self.indicator.setText(message)
        self.indicator.setToolTip(message)
        set_state(self.indicator, "warning")
        self.indicator.show()
        self.problem.emit(message)


def route_camera_scans(screen: Any, dialog: Any) -> None:
    """While ``dialog`` is open, the packing station's camera scans go to it (items coming back are
    not packed); packing gets them again when it closes."""
    panel = getattr(screen, "camera_panel", None)
    if panel is None:
        return
    panel.scanned.disconnect(screen.handle_scan)
    panel.scanned.connect(dialog.handle_scan)

    def give_back(_code: int) -> None:
        panel.scanned.disconnect(dialog.handle_scan)
        panel.scanned.connect(screen.handle_scan)

    dialog.finished.connect(give_back, Qt.ConnectionType.SingleShotConnection)
