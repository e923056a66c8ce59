"""The camera on its own thread: capture, decode and accept there; the GUI only receives signals.

``CameraController`` is what screens use. It owns a QThread running a ``_CameraWorker`` loop
(read a frame, put it through the core's ``FramePipeline``, the same decoding and acceptance that
``orderapp decode VIDEO`` replays, send a preview). Stopping is cooperative: a flag the
loop checks every frame, then ``QThread.wait`` (never ``terminate``). Every signal carries the run's
number, so nothing from a stopped run (a scan already queued, say) reaches the screen after ``stop``.

A camera that cannot be opened or stops sending pictures gives one ``lost`` message; the worker then
keeps trying to reopen it every couple of seconds and sends ``resumed`` when pictures come again,
so a packer who plugs the camera back in just carries on. A video file (tests, support) ends with
``lost`` and the thread finishes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QImage

from orderapp.domain.gtin import Symbology
from orderapp.scanning.acceptance import AcceptanceRules, ViewState
from orderapp.scanning.camera import CameraUnavailable, FrameSource, open_camera, open_video
from orderapp.scanning.decoding import DEFAULT_SYMBOLOGIES
from orderapp.scanning.pipeline import FramePipeline

log = logging.getLogger(__name__)

RECONNECT_EVERY_S = 2.0
STOP_WAIT_MS = 3000

# Threads whose loop did not end within STOP_WAIT_MS (a camera read blocked in the driver): kept
# referenced until they finish on their own, because destroying a running QThread aborts the app.
_lingering: set[QThread] = set()


def to_qimage(frame: np.ndarray) -> QImage:
    """A QImage that owns a copy of ``frame`` (BGR or grey), safe to hand to the GUI thread."""
    frame = np.ascontiguousarray(frame)
    height, width = frame.shape[:2]
    if frame.ndim == 2:
        image = QImage(frame.data, width, height, frame.strides[0], QImage.Format.Format_Grayscale8)
    else:
        image = QImage(frame.data, width, height, frame.strides[0], QImage.Format.Format_BGR888)
    return image.copy()


class _CameraWorker(QObject):
    frame = Signal(int, QImage)
    found = Signal(int, list)
    scanned = Signal(int, object)
    lost = Signal(int, str)
    resumed = Signal(int)
    notice = Signal(int, str)
    view = Signal(int, str, str)
    finished = Signal()

    def __init__(
        self,
        run_id: int,
        opener: Callable[[], FrameSource],
        *,
        is_camera: bool,
        symbologies: frozenset[Symbology],
        rules: AcceptanceRules,
    ) -> None:
        super().__init__()
        self._run_id = run_id
        self._opener = opener
        self._is_camera = is_camera
        self._symbologies = symbologies
        self._rules = rules
        self._stop = threading.Event()
        self._state = ViewState.EMPTY
        self.preview_pending = False  # set here, cleared on the GUI thread: drop frames, never queue them

    def request_stop(self) -> None:
        self._stop.set()

    @Slot()
    def run(self) -> None:
        pipeline = FramePipeline(self._symbologies, rules=self._rules)
        try:
            if pipeline.notice:
                self.notice.emit(self._run_id, pipeline.notice)
            self._capture_until_stopped(pipeline)
        except Exception:  # the camera must never take the app down; the screen hears "lost"
            log.exception("camera worker failed")
            self.lost.emit(self._run_id, self.tr("The camera stopped because of an unexpected error (see the log)."))
        finally:
            pipeline.close()
            self.finished.emit()

    def _open(self, *, first_attempt: bool) -> FrameSource | None:
        """The source, or None after reporting why (only the first time of an outage)."""
        try:
            return self._opener()
        except CameraUnavailable as exc:
            if first_attempt:
                self.lost.emit(self._run_id, str(exc))
            return None

    def _capture_until_stopped(self, pipeline: FramePipeline) -> None:
        source = self._open(first_attempt=True)
        outage = source is None
        while not self._stop.is_set():
            if source is None:
                if not self._is_camera or self._stop.wait(RECONNECT_EVERY_S):
                    return
                source = self._open(first_attempt=False)
                if source is None:
                    continue
            if outage:
                outage = False
                self.resumed.emit(self._run_id)
            try:
                self._stream(source, pipeline)
            finally:
                source.release()
                source = None
            if self._stop.is_set():
                return
            outage = True
            pipeline.reset()
            self.found.emit(self._run_id, [])
            self._show_state(ViewState.EMPTY, "")
            if self._is_camera:
                self.lost.emit(
                    self._run_id,
                    self.tr(
                        "The camera stopped sending pictures. Check its cable: scanning starts again by itself "
                        "when it is back. Meanwhile a USB scanner or typing the code works."
                    ),
                )
            else:
                self.lost.emit(self._run_id, self.tr("The video has ended."))

    def _show_state(self, state: ViewState, hint: str) -> None:
        if state is not self._state:
            self._state = state
            self.view.emit(self._run_id, state.value, hint)

    def _stream(self, source: FrameSource, pipeline: FramePipeline) -> None:
        showing = False
        played = 0
        self._state = ViewState.EMPTY
        while not self._stop.is_set():
            image = source.read()
            if image is None:
                return
            # Times come from the frame's arrival, not from counting frames: a camera that drops
            # frames or slows down in dim light still re-arms after the same time out of view. A
            # video file has its own clock (its frame rate), whatever speed it is played at.
            if self._is_camera:
                at = time.monotonic()
            else:
                at, played = played / source.fps, played + 1
            result = pipeline.feed(image, at)
            for scan in result.scans:
                self.scanned.emit(self._run_id, scan)
            self._show_state(result.state, result.hint)
            if result.decoded or showing:
                self.found.emit(self._run_id, result.decoded)
                showing = bool(result.decoded)
            if not self.preview_pending:
                self.preview_pending = True
                self.frame.emit(self._run_id, to_qimage(image))


class CameraController(QObject):
    """Starts and stops the camera (or a video file) and relays what it sees, on the GUI thread.

    Call ``stop()`` when the screen hides or closes; it is also called when the application quits.
    """

    frame = Signal(QImage)  # preview; frames the GUI has not shown yet are dropped, not queued
    found = Signal(list)  # list[Decoded] of the latest frame (outlines, "hold steady"); [] when they go
    scanned = Signal(object)  # an accepted Scan (source="camera")
    lost = Signal(str)  # cannot open / unplugged / video ended: a sentence for the user
    resumed = Signal()  # a lost camera sends pictures again
    notice = Signal(str)  # e.g. ZBar missing
    # The view's state changed: (ViewState value, the preview's sentence for it, "" for none):
    # "reading" (hold steady), "counted" (take it out of view to count the next one), "disputed"
    # (reads disagree: nothing counts), "empty".
    view = Signal(str, str)

    def __init__(self, parent: QObject | None = None, *, symbologies: frozenset[Symbology] = DEFAULT_SYMBOLOGIES):
        super().__init__(parent)
        self.symbologies = symbologies
        self._run_id = 0
        self._thread: QThread | None = None
        self._worker: _CameraWorker | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def start(
        self,
        source: int | str | Path,
        *,
        width: int = 1280,
        height: int = 720,
        frames_required: int = 2,
        paced: bool = True,
        rearm_s: float = AcceptanceRules.rearm_s,
    ) -> None:
        """Camera ``source`` (an index from ``list_cameras``) or a video file (played at its frame rate
        unless ``paced`` is False). ``rearm_s``: how long a code must be out of view before it counts
        again (a shop setting). Problems arrive as ``lost``; this never blocks."""
        if isinstance(source, int):
            index = source
            self.start_source(
                lambda: open_camera(index, width, height),
                is_camera=True,
                frames_required=frames_required,
                rearm_s=rearm_s,
            )
        else:
            path = Path(source)
            self.start_source(
                lambda: open_video(path, paced=paced),
                is_camera=False,
                frames_required=frames_required,
                rearm_s=rearm_s,
            )

    def start_source(
        self,
        opener: Callable[[], FrameSource],
        *,
        is_camera: bool = False,
        frames_required: int = 2,
        rearm_s: float = AcceptanceRules.rearm_s,
    ) -> None:
        """Run on any FrameSource ``opener`` makes (called on the camera thread); benchmarks use it."""
        rules = AcceptanceRules(rearm_s=rearm_s, frames_required=frames_required)
        self.stop()
        self._run_id += 1
        thread = QThread()
        thread.setObjectName(f"camera-{self._run_id}")
        worker = _CameraWorker(self._run_id, opener, is_camera=is_camera, symbologies=self.symbologies, rules=rules)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        # Direct: quit from the camera thread itself; queued, it would wait for the GUI thread, which
        # may be blocked in stop()'s wait.
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        worker.frame.connect(self._relay_frame)
        worker.found.connect(self._relay_found)
        worker.scanned.connect(self._relay_scanned)
        worker.lost.connect(self._relay_lost)
        worker.resumed.connect(self._relay_resumed)
        worker.notice.connect(self._relay_notice)
        worker.view.connect(self._relay_view)
        self._thread, self._worker = thread, worker
        thread.start()

    def stop(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        self._run_id += 1  # anything the old run already queued is dropped by the relays
        if thread is None or worker is None:
            return
        worker.request_stop()
        thread.quit()  # ends the thread's event loop if the worker's loop has already returned
        if not thread.wait(STOP_WAIT_MS):
            log.warning("camera thread still busy after %d ms; letting it finish on its own", STOP_WAIT_MS)
            _lingering.add(thread)
            thread.finished.connect(lambda: _lingering.discard(thread))
            worker.setParent(None)
            thread.finished.connect(worker.deleteLater)

    def is_running(self) -> bool:
        """True from ``start`` until ``stop``, or until a video has ended (a lost camera keeps retrying)."""
        return self._thread is not None and not self._thread.isFinished()

    def _current(self, run_id: int) -> bool:
        return run_id == self._run_id and self._worker is not None

    @Slot(int, QImage)
    def _relay_frame(self, run_id: int, image: QImage) -> None:
        if self._current(run_id):
            assert self._worker is not None
            self._worker.preview_pending = False
            self.frame.emit(image)

    @Slot(int, list)
    def _relay_found(self, run_id: int, decoded: list) -> None:
        if self._current(run_id):
            self.found.emit(decoded)

    @Slot(int, object)
    def _relay_scanned(self, run_id: int, scan: object) -> None:
        if self._current(run_id):
            self.scanned.emit(scan)

    @Slot(int, str)
    def _relay_lost(self, run_id: int, message: str) -> None:
        if self._current(run_id):
            self.lost.emit(message)

    @Slot(int)
    def _relay_resumed(self, run_id: int) -> None:
        if self._current(run_id):
            self.resumed.emit()

    @Slot(int, str)
    def _relay_notice(self, run_id: int, message: str) -> None:
        if self._current(run_id):
            self.notice.emit(message)

    @Slot(int, str, str)
    def _relay_view(self, run_id: int, state: str, hint: str) -> None:
        if self._current(run_id):
            self.view.emit(state, hint)
