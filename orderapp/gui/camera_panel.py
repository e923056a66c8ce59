"""The camera panel shared by the packing and counts screens: choose a camera and picture size, start
and stop it, see the preview with the codes it finds outlined, a hint ("Hold steady…", "take it out of
view…") and what is wrong when the camera is missing, busy or unplugged.

Accepted scans leave by ``scanned``; the screen decides what they mean. The camera belongs to the PC,
so the choices are remembered in this PC's settings under the screen's own prefix. The camera is
given back while the screen is hidden and started again when it is shown (``screen_hidden`` /
``screen_shown``, called by the screen)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from orderapp.errors import OrderAppError
from orderapp.gui.camera_worker import CameraController
from orderapp.gui.pc_settings import as_bool, pc_settings
from orderapp.gui.style import set_state
from orderapp.gui.tasks import run_task
from orderapp.scanning.acceptance import Scan
from orderapp.scanning.camera import CameraInfo, list_cameras

log = logging.getLogger(__name__)

RESOLUTIONS: tuple[tuple[int, int], ...] = ((640, 480), (1280, 720), (1920, 1080))
DEFAULT_RESOLUTION = (1280, 720)
OUTLINE_KEEP_S = 0.3


class CameraPanel(QWidget):
    scanned = Signal(object)  # Scan, accepted by the camera worker
    message_changed = Signal(str)

    def __init__(
        self,
        prefix: str,
        parent: QWidget | None = None,
        *,
        preview_size: QSize | None = None,
        preview_when_off: bool = True,
    ) -> None:
        super().__init__(parent)
        self._preview_when_off = preview_when_off
        self.setObjectName("camera_panel")
        self._prefix = prefix
        self._source: int | str | Path | None = None
        self._wanted = False
        self._problem = False
        self._resume_on_show = False
        self._listed_once = False
        self._start_when_listed = False
        self._outlines: list[tuple[tuple[int, int], ...]] = []
        self._outlines_at = 0.0
        self._worker_hint = ""
        self.frames_shown = 0

        self.camera_choice = QComboBox()
        self.camera_choice.setObjectName("camera_choice")
        self.camera_choice.setToolTip(self.tr("The camera that reads the barcodes"))
        self.camera_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.camera_choice.setMinimumContentsLength(8)
        self.camera_choice.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.camera_resolution = QComboBox()
        self.camera_resolution.setObjectName("camera_resolution")
        self.camera_resolution.setToolTip(
            self.tr("Picture size: larger reads small barcodes from further away, smaller is faster")
        )
        self.camera_toggle = QPushButton(self.tr("Start ca&mera"))
        self.camera_toggle.setObjectName("camera_toggle")
        self.camera_toggle.setCheckable(True)
        self.camera_preview = QLabel(self.tr("Camera off"))
        self.camera_preview.setObjectName("camera_preview")
        self.camera_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.camera_preview.setMinimumSize(preview_size or QSize(240, 150))
        self.camera_preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.camera_preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.camera_hint = QLabel("")
        self.camera_hint.setObjectName("camera_hint")
        self.camera_hint.setWordWrap(True)
        self.camera_hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.camera_message = QLabel("")
        self.camera_message.setObjectName("camera_message")
        self.camera_message.setWordWrap(True)
        self.camera_message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.camera_message.setProperty("role", "error")
        # Fixed room for the hint (two lines) and the message (three): what the camera says never moves
        # the picture or the buttons, and a long sentence is never cut to one line.
        lines = self.fontMetrics().lineSpacing()
        self.camera_hint.setMinimumHeight(lines * 2)
        self.camera_message.setMinimumHeight(lines * 3)
        for label in (self.camera_hint, self.camera_message):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        choices = QHBoxLayout()
        choices.setContentsMargins(0, 0, 0, 0)
        choices.addWidget(self.camera_choice, 1)
        choices.addWidget(self.camera_resolution)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(choices)
        layout.addWidget(self.camera_toggle)
        layout.addWidget(self.camera_preview, 1)
        layout.addWidget(self.camera_hint)
        layout.addWidget(self.camera_message)
        self.camera_preview.setVisible(preview_when_off)

        settings = pc_settings()
        for width, height in RESOLUTIONS:
            self.camera_resolution.addItem(f"{width} × {height}", (width, height))
        saved = settings.value(self._key("camera_resolution"), f"{DEFAULT_RESOLUTION[0]}x{DEFAULT_RESOLUTION[1]}")
        for row, (width, height) in enumerate(RESOLUTIONS):
            if f"{width}x{height}" == str(saved):
                self.camera_resolution.setCurrentIndex(row)
        self.camera_choice.addItem(self.tr("Looking for cameras…"), None)
        self.camera_resolution.currentIndexChanged.connect(self._settings_changed)
        self.camera_choice.currentIndexChanged.connect(self._settings_changed)
        self.camera_toggle.toggled.connect(self._toggled)

        self.camera = CameraController(self)
        self.camera.frame.connect(self._show_frame)
        self.camera.found.connect(self._codes_found)
        self.camera.scanned.connect(self._scanned)
        self.camera.lost.connect(self._lost)
        self.camera.view.connect(self._view_changed)
        self.camera.notice.connect(self._notice)
        self.camera.resumed.connect(self._resumed)
        hint = getattr(self.camera, "hint", None)  # offered by newer camera workers ("take it out of view…")
        if hint is not None:
            hint.connect(self.show_hint)

    def _key(self, name: str) -> str:
        return f"{self._prefix}/{name}"

    # -- the screen's visibility ------------------------------------------------------------------

    def screen_shown(self) -> None:
        if not self._listed_once:
            self._listed_once = True
            self._list_cameras()
        if self._resume_on_show:
            self._resume_on_show = False
            if self._source is not None:
                self.start(self._source)

    def screen_hidden(self) -> None:
        # The camera is given back while the screen is not in view; it starts again when it is.
        if self._wanted:
            self._resume_on_show = True
            self.camera.stop()

    # -- cameras --------------------------------------------------------------------------------

    def _list_cameras(self, *, then_start: bool = False) -> None:
        self._start_when_listed = then_start
        run_task(list_cameras, self._listed, self._list_failed, context=self)

    def _listed(self, cameras: list[CameraInfo]) -> None:
        then_start, self._start_when_listed = self._start_when_listed, False
        self.camera_choice.blockSignals(True)
        self.camera_choice.clear()
        for camera in cameras:
            self.camera_choice.addItem(camera.name, camera.index)
        if not cameras:
            self.camera_choice.addItem(self.tr("No camera found"), None)
            self._set_toggle(False)
            self.set_message(
                self.tr(
                    "No camera was found. Plug in a webcam and press Start camera; a USB scanner or typed codes "
                    "work meanwhile."
                ),
                problem=True,
            )
        saved = pc_settings().value(self._key("camera_index"))
        for row in range(self.camera_choice.count()):
            if saved is not None and str(self.camera_choice.itemData(row)) == str(saved):
                self.camera_choice.setCurrentIndex(row)
        self.camera_choice.blockSignals(False)
        wanted = then_start or as_bool(pc_settings().value(self._key("camera_on"), False))
        if cameras and wanted and not self.camera.is_running():
            self.start()

    def _list_failed(self, exc: BaseException) -> None:
        log.warning("listing cameras failed", exc_info=exc)
        self._listed([])

    def start(self, source: int | str | Path | None = None) -> None:
        """Start the chosen camera (or ``source``: a camera index or a video file, as tests use)."""
        if source is None:
            source = self.camera_choice.currentData()
            if source is None:  # none was found: look again (one may have been plugged in since)
                self.set_message(self.tr("Looking for cameras…"), problem=False)
                self._list_cameras(then_start=True)
                return
        self._source = source
        self._wanted = True
        self.camera_preview.show()
        width, height = self.camera_resolution.currentData() or DEFAULT_RESOLUTION
        self._set_toggle(True)
        self.set_message(self.tr("Starting the camera…"), problem=False)
        try:
            self.camera.start(source, width=width, height=height)
        except OrderAppError as exc:
            self._lost(str(exc))

    def stop(self) -> None:
        self._wanted = False
        self.camera.stop()
        self._set_toggle(False)
        self._outlines = []
        self.camera_hint.setText("")
        self.camera_preview.clear()
        self.camera_preview.setText(self.tr("Camera off"))
        self.camera_preview.setVisible(self._preview_when_off)
        self.set_message("", problem=False)

    def _set_toggle(self, on: bool) -> None:
        self.camera_toggle.blockSignals(True)
        self.camera_toggle.setChecked(on)
        self.camera_toggle.setText(self.tr("Stop ca&mera") if on else self.tr("Start ca&mera"))
        self.camera_toggle.blockSignals(False)

    def _toggled(self, on: bool) -> None:
        pc_settings().setValue(self._key("camera_on"), on)
        if on:
            self.start()
        else:
            self.stop()

    def _settings_changed(self, _index: int) -> None:
        settings = pc_settings()
        index = self.camera_choice.currentData()
        if index is not None:
            settings.setValue(self._key("camera_index"), index)
        width, height = self.camera_resolution.currentData() or DEFAULT_RESOLUTION
        settings.setValue(self._key("camera_resolution"), f"{width}x{height}")
        if self._wanted and isinstance(self._source, int):
            self.camera.stop()
            self.start()

    # -- what the camera says ---------------------------------------------------------------------

    def set_message(self, text: str, *, problem: bool) -> None:
        self._problem = problem and bool(text)
        self.camera_message.setText(text)
        set_state(self.camera_message, "alert" if self._problem else "")
        self.message_changed.emit(text)

    def show_hint(self, text: str) -> None:
        """A hint from the camera worker (e.g. "take it out of view to count the next one")."""
        self._worker_hint = text
        self.camera_hint.setText(text)

    def _view_changed(self, _state: str, hint: str) -> None:
        self.show_hint(hint)

    def _show_frame(self, image: QImage) -> None:
        self.frames_shown += 1
        if self._problem or self.camera_message.text() == self.tr("Starting the camera…"):
            self.set_message("", problem=False)
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
            if not self._worker_hint:
                self.camera_hint.setText(self.tr("Hold steady…"))
        elif now - self._outlines_at > OUTLINE_KEEP_S:
            self._outlines = []
            self._worker_hint = ""
            self.camera_hint.setText("")

    def _scanned(self, scan: Scan) -> None:
        if not self._worker_hint:
            self.camera_hint.setText(self.tr("Read {code}").format(code=scan.code))
        self.scanned.emit(scan)

    def _lost(self, message: str) -> None:
        self._outlines = []
        self.camera_hint.setText("")
        self.camera_preview.clear()
        self.camera_preview.setText(self.tr("No picture"))
        text = f"{message} {self.tr('What is scanned so far is kept.')}"
        if not isinstance(self._source, int):
            # A video file that ended or cannot be read: nothing retries it, so say what works now.
            # (A camera keeps being retried by the worker, whose message says so.)
            text += " " + self.tr("A USB scanner or typed codes work meanwhile.")
            self._wanted = False
            self._set_toggle(False)
        self.set_message(text, problem=True)

    def _resumed(self) -> None:
        self.set_message(self.tr("The camera is back; scanning goes on."), problem=False)

    def _notice(self, message: str) -> None:
        if not self._problem:
            self.set_message(message, problem=False)
