"""Records a clip of every order while it is open at the packing station (issue 16).

``PackingRecorder`` watches a packing screen: the camera's frames (only those the recorder wants,
at most 12 a second, are copied), the order opened, each scan handled, the order packed or left. It
starts a ``Recorder`` (its own encoder thread) when an order opens and closes the clip when the
order is packed, overridden, left or another order is opened; database work and closing the file run
on the task pool, never on the GUI thread. A red "Recording" label sits on the camera picture while
it records, and says in a sentence why nothing is recorded when that happens.

The screen needs one line: ``self.recorder = PackingRecorder(self)`` after its camera and buttons exist.
``ClipRecorder`` is what a clip takes whichever parcel it shows; the returns mode's ``ReturnRecorder``
(gui/return_recording.py) is the other kind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget

from orderapp.gui.context import AppContext
from orderapp.gui.style import set_state
from orderapp.gui.tasks import run_task
from orderapp.scanning.recording import Recorder, RecordingProblem
from orderapp.services.packing.evidence import ClipRecord, ClipStart, finish_clip, recover_clips, start_clip
from orderapp.services.packing.station import PackingView, ScanResult
from orderapp.store.types import utc_now

log = logging.getLogger(__name__)

WATCH_MS = 1000


def qimage_to_bgr(image: QImage) -> np.ndarray:
    """A BGR copy of ``image`` (the camera worker sends BGR888 already; others are converted)."""
    if image.format() != QImage.Format.Format_BGR888:
        image = image.convertToFormat(QImage.Format.Format_BGR888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    buffer = np.frombuffer(image.constBits(), np.uint8, count=stride * height).reshape(height, stride)
    return buffer[:, : width * 3].reshape(height, width, 3).copy()


class ClipRecorder(QObject):
    """One clip at a time of the parcel on the bench: started and closed on the task pool, fed the
    camera's frames meanwhile. ``kind`` is the clip's ("packing" or "return"); a subclass says when a
    clip starts and ends, how its indicator shows a problem, and its sentences."""

    recording_started = Signal(object)  # ClipStart
    clip_finished = Signal(object)  # ClipRecord
    problem = Signal(str)  # a sentence: why nothing (or not everything) is recorded

    kind = "packing"

    def __init__(self, parent: QObject, context: AppContext, indicator_parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._database = context.database
        self._recorder: Recorder | None = None
        self._clip_id: int | None = None
        self._number = ""
        self.paused = False  # while paused no frame goes into the clip
        self.finishing = 0  # clips being closed on the task pool (tests wait for 0)
        self.indicator = QLabel(indicator_parent)  # says "Recording", or why nothing is recorded

    @property
    def recording(self) -> bool:
        return self._recorder is not None and self._recorder.recording

    def _frame(self, image: QImage) -> None:
        recorder = self._recorder
        if recorder is None or self.paused:
            return
        if recorder.problem:  # the folder filled up or failed: say so once
            if self.indicator.toolTip() != recorder.problem:
                self._show_problem(recorder.problem)
        elif recorder.wants_frame():
            recorder.feed(qimage_to_bgr(image))

    def _begin(self, number: str, wanted: Callable[[], bool], **clip: Any) -> None:
        """Open the clip's record and its recorder on the task pool, then record unless ``wanted()``
        says the parcel is gone meanwhile (the clip is closed at once then)."""
        database, context, kind = self._database, self._context, self.kind

        def begin() -> tuple[ClipStart, Recorder | None, str]:
            start = start_clip(database, number, station=context.station, user_id=context.user_id, kind=kind, **clip)
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
                    kind=kind,
                )
            except RecordingProblem as exc:
                return start, None, str(exc)
            return start, recorder, ""

        run_task(begin, lambda result: self._begun(wanted(), *result), self._begin_failed, context=self)

    def _begun(self, wanted: bool, start: ClipStart, recorder: Recorder | None, problem: str) -> None:
        if not wanted:  # another order opened meanwhile, or it was left: close this one at once
            if recorder is not None and start.clip_id is not None:
                self._close(recorder, start.clip_id, "abandoned")
            return
        if recorder is None:
            if problem:
                self._show_problem(problem)
            else:
                self.indicator.hide()  # recording is switched off in Settings
            return
        self._recorder, self._clip_id = recorder, start.clip_id
        self._show_recording()
        self.recording_started.emit(start)

    def _take(self) -> tuple[Recorder | None, int | None]:
        """The clip being recorded, which this recorder lets go of."""
        recorder, clip_id = self._recorder, self._clip_id
        self._recorder = self._clip_id = None
        return recorder, clip_id

    def stop_now(self) -> None:
        """At quit: close the clip on this thread (the task pool is going away)."""
        recorder, clip_id = self._take()
        if recorder is not None and clip_id is not None:
            try:
                finish_clip(self._database, clip_id, recorder.finish(), outcome="abandoned")
            except Exception:  # the file is on disk; the next start recovers its record
                log.exception("closing the %s video at quit failed", self.kind)

    def _close(self, recorder: Recorder, clip_id: int, outcome: str, return_id: int | None = None) -> None:
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
        log.error("closing a %s video failed", self.kind, exc_info=exc)
        self._show_problem(self._not_finished_text())

    def _begin_failed(self, exc: BaseException) -> None:
        log.error("starting a %s video failed", self.kind, exc_info=exc)
        self._show_problem(self._not_started_text(exc))

    # -- what a subclass says --------------------------------------------------------------------

    def _show_recording(self) -> None:
        raise NotImplementedError

    def _show_problem(self, message: str) -> None:
        raise NotImplementedError

    def _not_finished_text(self) -> str:
        raise NotImplementedError

    def _not_started_text(self, exc: BaseException) -> str:
        raise NotImplementedError


class PackingRecorder(ClipRecorder):
    def __init__(self, screen: Any) -> None:
        super().__init__(screen, screen.context, screen.camera_preview)
        self.setObjectName("packing_recorder")
        self._screen = screen
        self._session_id: int | None = None
        self.paused = False  # while a return is opened at this station its parcel is not in this clip
        self.indicator.setObjectName("recording_indicator")
        self.indicator.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.indicator.hide()
        screen.camera.frame.connect(self._frame)
        screen.order_shown.connect(self._order_shown)
        screen.scan_handled.connect(self._scan_handled)
        screen.order_packed.connect(self._order_packed)
        screen.leave_button.clicked.connect(lambda: self.stop("abandoned"))
        # An order closed some other way (left by the screen itself, taken over at another station):
        # the screen no longer has this session open, so its clip ends.
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._check_still_open)
        self._watch.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop_now)
        database, station, now = self._database, self._context.station, utc_now()
        run_task(lambda: recover_clips(database, station, started_before=now), None, self._recover_failed, context=self)

    @property
    def order_number(self) -> str:
        return self._number if self._recorder is not None else ""

    # -- the screen's events ---------------------------------------------------------------------

    def _order_shown(self, view: PackingView) -> None:
        if not view.is_open or view.session_id == self._session_id:
            return
        self.stop("abandoned")
        self._session_id = view.session_id
        self._number = view.number
        session_id = view.session_id
        self._begin(view.number, lambda: session_id == self._session_id, pack_session_id=session_id)

    def _scan_handled(self, result: Any) -> None:
        if not isinstance(result, ScanResult) or self._recorder is None:
            return
        self._recorder.mark(result.outcome.value, result.code)
        if result.packed:
            self._recorder.mark("packed", result.view.number)
            self.stop("packed")

    def _order_packed(self, view: PackingView) -> None:
        # A scan that packs the order is marked first (scan_handled follows this signal at once).
        if self._recorder is not None and view.session_id == self._session_id and view.outcome == "override":
            self._recorder.mark("override", view.number)
            QTimer.singleShot(0, lambda: self.stop("override"))

    def _check_still_open(self) -> None:
        if self._recorder is not None and self._screen.session_id != self._session_id:
            self.stop("abandoned")

    def pause_for(self, dialog: Any) -> None:
        """Record nothing of this order while ``dialog`` (the returns mode) is open: another parcel is
        on the bench. The clip's marks say when it paused and resumed."""
        self.paused = True
        if self._recorder is not None:
            self._recorder.mark("paused", "")

        def resume(_code: int) -> None:
            self.paused = False
            if self._recorder is not None:
                self._recorder.mark("resumed", "")

        dialog.finished.connect(resume, Qt.ConnectionType.SingleShotConnection)

    # -- closing ---------------------------------------------------------------------------------

    def stop(self, outcome: str) -> None:
        """Close the current clip (on the task pool): ``outcome`` is packed | override | abandoned."""
        recorder, clip_id = self._take()
        self._session_id = None
        self.indicator.hide()
        if recorder is not None and clip_id is not None:
            if outcome == "abandoned":
                recorder.mark("abandoned", self._number)
            self._close(recorder, clip_id, outcome)

    def stop_now(self) -> None:
        self._session_id = None
        super().stop_now()

    def _not_finished_text(self) -> str:
        return self.tr("The packing video could not be finished; its file is kept and is checked at the next start.")

    def _not_started_text(self, exc: BaseException) -> str:
        return self.tr("No packing video is recorded for this order: {reason}").format(reason=exc)

    def _recover_failed(self, exc: BaseException) -> None:
        log.error("recovering packing videos failed", exc_info=exc)

    # -- the indicator ---------------------------------------------------------------------------

    def _place(self) -> None:
        parent = self.indicator.parentWidget()
        width = max(160, (parent.width() if isinstance(parent, QWidget) else 400) - 16)
        self.indicator.setMaximumWidth(width)
        self.indicator.adjustSize()
        self.indicator.move(8, 8)
        self.indicator.raise_()
        self.indicator.show()

    def _show_recording(self) -> None:
        self.indicator.setWordWrap(False)
        self.indicator.setText(self.tr("● Recording {number}").format(number=self._number))
        self.indicator.setToolTip(self.tr("A video of this order is being recorded (Settings > Packing video)."))
        set_state(self.indicator, "recording")
        self._place()

    def _show_problem(self, message: str) -> None:
        self.indicator.setWordWrap(True)
        self.indicator.setText(message)
        self.indicator.setToolTip(message)
        set_state(self.indicator, "warning")
        self._place()
        self.problem.emit(message)
