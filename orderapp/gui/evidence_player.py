"""The in-app player of packing videos: the clip with its scan marks on the timeline and in a list,
play and pause, a frame back and forward, export with a manifest, and (the owner only) delete
(issue 16). An order's clips are its packing sessions and the parcels of its returns opened at the
packing station; the choice above the picture says which is which.

Decoding runs on the player's own thread (``_ClipReader``); the GUI asks for a frame and paints it
when it arrives. ``attach_play_button`` adds "Play packing video" to a screen that shows an order.
"""

from __future__ import annotations

import logging
from datetime import tzinfo
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QRect, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain.staff import Role
from orderapp.errors import OrderAppError
from orderapp.gui.context import AppContext
from orderapp.gui.form_parts import choose_folder, named, push_button
from orderapp.gui.style import set_role, set_state
from orderapp.gui.tasks import run_task
from orderapp.scanning.recording import FRAME_RATE, GOOD_OUTCOMES, KEYFRAME_EVERY_S, NOTED_OUTCOMES, ScanMark
from orderapp.services.packing.evidence import (
    ClipRecord,
    ExportResult,
    delete_clip,
    export_clip,
    order_clips,
    shop_zone,
)

log = logging.getLogger(__name__)


def _to_qimage(frame: np.ndarray) -> QImage:
    height, width = frame.shape[:2]
    frame = np.ascontiguousarray(frame)
    return QImage(frame.data, width, height, frame.strides[0], QImage.Format.Format_BGR888).copy()


def mark_colour(outcome: str) -> QColor:
    if outcome in GOOD_OUTCOMES:
        return QColor("#2e7d32")
    if outcome in NOTED_OUTCOMES:
        return QColor("#e08a00")
    return QColor("#c62828")


def clock_text(ms: int) -> str:
    seconds = max(ms, 0) / 1000
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"


class _ClipReader(QObject):
    """Reads one clip with OpenCV on the player's thread. ``frame`` carries the picture and its time."""

    frame = Signal(QImage, int)
    opened = Signal(bool)
    ended = Signal()
    released = Signal()  # the file is closed (so that it can be deleted, even on Windows)

    def __init__(self) -> None:
        super().__init__()
        self._capture: cv2.VideoCapture | None = None
        self._path = ""
        self._ahead: tuple[np.ndarray, int] | None = None

    @Slot(str)
    def open(self, path: str) -> None:
        self.close()
        self._path = path
        capture = cv2.VideoCapture(path, cv2.CAP_FFMPEG)
        self._capture = capture if capture.isOpened() else None
        if self._capture is None:
            capture.release()
            self.opened.emit(False)
            return
        picture = self._read()
        if picture is not None:  # the first picture first: the player's buttons come on with it shown
            self.frame.emit(_to_qimage(picture[0]), picture[1])
        self.opened.emit(picture is not None)

    def _read(self) -> tuple[np.ndarray, int] | None:
        if self._ahead is not None:
            picture, self._ahead = self._ahead, None
            return picture
        if self._capture is None:
            return None
        ok, image = self._capture.read()
        if not ok or image is None:
            return None
        return image, round(self._capture.get(cv2.CAP_PROP_POS_MSEC))

    @Slot()
    def next(self) -> None:
        picture = self._read()
        if picture is None:
            self.ended.emit()
        else:
            self.frame.emit(_to_qimage(picture[0]), picture[1])

    @Slot(int)
    def seek(self, target_ms: int) -> None:
        """Show the last frame at or before ``target_ms`` (decoding from the keyframe before it)."""
        if self._capture is None:
            return
        self._ahead = None
        self._capture.set(cv2.CAP_PROP_POS_MSEC, max(0, target_ms - KEYFRAME_EVERY_S * 1000 - 500))
        best = self._read()
        if best is None or best[1] > target_ms:  # the seek went past it: read from the start
            self._capture.release()
            self._capture = cv2.VideoCapture(self._path, cv2.CAP_FFMPEG)
            best = self._read()
        if best is None:
            self.ended.emit()
            return
        while True:
            following = self._read()
            if following is None:
                break
            if following[1] > target_ms:
                self._ahead = following
                break
            best = following
        self.frame.emit(_to_qimage(best[0]), best[1])

    @Slot()
    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
        self._capture = None
        self._ahead = None

    @Slot()
    def release(self) -> None:
        self.close()
        self.released.emit()


class MarkedTimeline(QSlider):
    """A timeline slider with a coloured tick for each scan mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.marks: tuple[ScanMark, ...] = ()
        self.setMinimumHeight(28)

    def set_marks(self, marks: tuple[ScanMark, ...]) -> None:
        self.marks = marks
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.marks or self.maximum() <= 0:
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove: QRect = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
        )
        painter = QPainter(self)
        for mark in self.marks:
            x = groove.left() + int(groove.width() * min(mark.offset_ms, self.maximum()) / self.maximum())
            painter.setPen(QPen(mark_colour(mark.outcome), 3))
            painter.drawLine(x, 2, x, self.height() - 2)
        painter.end()


class EvidencePlayer(QDialog):
    """Plays the packing videos of one order (an order left and resumed has several)."""

    frame_shown = Signal(int)  # ms into the clip
    request_open = Signal(str)
    request_next = Signal()
    request_seek = Signal(int)
    request_close = Signal()
    request_release = Signal()
    clips_shown = Signal()  # the order's clips were read and painted
    deleted = Signal(object)  # ClipRecord of the clip whose file was deleted
    refused = Signal(str)  # a sentence: why a delete was refused

    def __init__(
        self, database: Any, order_number: str, parent: QWidget | None = None, *, context: AppContext | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evidence_player")
        self.setWindowTitle(self.tr("Packing video · {number}").format(number=order_number))
        self.resize(960, 680)
        self._database = database
        self.context = context if context is not None else AppContext(database)
        # asks "are you sure?" (tests replace it): the question -> True to go on
        self.ask_confirm = self._ask_confirm
        self.order_number = order_number
        self.clips: list[ClipRecord] = []
        self.clip: ClipRecord | None = None
        self.position_ms = 0
        self._waiting = False
        self._deleting: int | None = None

        self.choice = named(QComboBox(), "clip_choice")
        self.picture = named(QLabel(), "clip_picture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(480, 270)
        self.picture.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        set_role(self.picture, "video")
        self.message = named(QLabel(), "clip_message")
        self.message.setWordWrap(True)
        set_state(self.message, "problem")
        self.message.hide()
        self.timeline = MarkedTimeline()
        self.timeline.setObjectName("clip_timeline")
        self.back_button = push_button(self.tr("◀| Frame back"), "frame_back")
        self.play_button = push_button(self.tr("Play"), "play_pause")
        self.forward_button = push_button(self.tr("Frame forward |▶"), "frame_forward")
        self.time_label = named(QLabel("0:00.0"), "clip_time")
        self.export_button = push_button(self.tr("Export with manifest…"), "export_clip")
        self.delete_button = push_button(self.tr("Delete video…"), "delete_clip")
        self.marks_list = named(QListWidget(), "clip_marks")
        self.marks_list.setMaximumWidth(320)
        self.marks_list.setWordWrap(True)
        self.facts = named(QLabel(), "clip_facts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        controls = QHBoxLayout()
        for widget in (self.back_button, self.play_button, self.forward_button, self.time_label):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.export_button)
        controls.addWidget(self.delete_button)
        left = QVBoxLayout()
        left.addWidget(self.choice)
        left.addWidget(self.picture, 1)
        left.addWidget(self.timeline)
        left.addLayout(controls)
        left.addWidget(self.message)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Scans")))
        right.addWidget(self.marks_list, 1)
        right.addWidget(self.facts)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right)

        self._thread = QThread(self)
        self._thread.setObjectName("evidence-player")
        self._reader = _ClipReader()
        self._reader.moveToThread(self._thread)
        self.request_open.connect(self._reader.open)
        self.request_next.connect(self._reader.next)
        self.request_seek.connect(self._reader.seek)
        self.request_close.connect(self._reader.close)
        self.request_release.connect(self._reader.release)
        self._reader.released.connect(self._released)
        self._reader.frame.connect(self._show_frame)
        self._reader.opened.connect(self._opened)
        self._reader.ended.connect(self._ended)
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._stop_reader)

        self._timer = QTimer(self)
        self._timer.setInterval(1000 // FRAME_RATE)
        self._timer.timeout.connect(self._tick)
        self.play_button.clicked.connect(self.toggle_play)
        self.forward_button.clicked.connect(self.step_forward)
        self.back_button.clicked.connect(self.step_back)
        self.timeline.sliderReleased.connect(lambda: self.seek(self.timeline.value()))
        self.marks_list.itemActivated.connect(self._mark_chosen)
        self.marks_list.itemClicked.connect(self._mark_chosen)
        self.choice.currentIndexChanged.connect(self._clip_chosen)
        self.export_button.clicked.connect(self.ask_export)
        self.delete_button.clicked.connect(self.ask_delete)
        self._set_enabled(False)
        self._update_delete()
        self.context.user_changed.append(self._update_delete)
        self.reload()

    def reload(self) -> None:
        """Read the order's clips again (off the GUI thread) and show the newest."""
        database, number = self._database, self.order_number
        self.pause()
        self._set_enabled(False)
        self.picture.clear()
        self.picture.setText(self.tr("Loading…"))
        run_task(
            lambda: (order_clips(database, number), shop_zone(database)),
            lambda loaded: self._clips_loaded(*loaded),
            self._load_failed,
            context=self,
        )

    # -- choosing a clip -------------------------------------------------------------------------

    def _clips_loaded(self, clips: list[ClipRecord], zone: tzinfo) -> None:
        self.clips = clips
        self.clip = None
        playable = [clip for clip in clips if clip.playable]
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.blockSignals(False)
        self.marks_list.clear()
        self.timeline.set_marks(())
        self.facts.clear()
        self._update_delete()
        if not playable:
            notes = [clip.note for clip in clips if clip.note]
            self.picture.setText("")
            self.choice.hide()
            self._say(
                notes[-1] if notes else self.tr("Order {number} has no packing video.").format(number=self.order_number)
            )
            self.clips_shown.emit()
            return
        self.choice.blockSignals(True)
        for clip in playable:
            self.choice.addItem(self.clip_title(clip, zone), clip.id)
        self.choice.blockSignals(False)
        # Shown when there is a choice, or to say that the one clip is a return's.
        self.choice.setVisible(len(playable) > 1 or playable[0].kind == "return")
        self.choice.setCurrentIndex(len(playable) - 1)
        self._clip_chosen(len(playable) - 1)
        self.clips_shown.emit()

    def clip_title(self, clip: ClipRecord, zone: tzinfo) -> str:
        """What the clip shows (packing, or a return's parcel opened), when, how long, where and who."""
        started = clip.started_at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")
        if clip.kind == "return":
            what = (
                self.tr("Return {number} opened").format(number=clip.return_number)
                if clip.return_number
                else self.tr("Return opened (not recorded)")
            )
        else:
            what = self.tr("Packing")
        return self.tr("{what} · {started} · {length} · {station} · {packer}").format(
            what=what, started=started, length=clock_text(clip.duration_ms), station=clip.station, packer=clip.packer
        )

    def _clip_chosen(self, row: int) -> None:
        playable = [clip for clip in self.clips if clip.playable]
        if not 0 <= row < len(playable):
            return
        self.pause()
        clip = playable[row]
        self.clip = clip
        self.timeline.setRange(0, max(clip.duration_ms, 1))
        self.timeline.set_marks(clip.marks)
        self.marks_list.clear()
        for mark in clip.marks:
            item = QListWidgetItem(f"{clock_text(mark.offset_ms)}  {self._outcome_text(mark.outcome)}  {mark.code}")
            item.setData(Qt.ItemDataRole.UserRole, mark.offset_ms)
            item.setForeground(mark_colour(mark.outcome))
            self.marks_list.addItem(item)
        self.facts.setText(
            self.tr("{size:.1f} MB · SHA-256 {digest}…\n{note}").format(
                size=clip.size_bytes / 1_000_000, digest=clip.sha256[:16], note=clip.note
            )
        )
        self.message.hide()
        self._update_delete()
        self._waiting = True
        self.request_open.emit(str(clip.file))

    def _opened(self, ok: bool) -> None:
        self._waiting = False
        if ok:
            self._set_enabled(True)
            return
        self._set_enabled(False)
        self.picture.setText("")
        clip = self.clip
        path = clip.file if clip is not None else ""
        self._say(
            self.tr(
                "This packing video cannot be played: its file is missing or damaged ({path}). Its record, "
                "times and scans are kept; if the drive with the videos is unplugged, plug it in and open it again."
            ).format(path=path)
        )

    def _outcome_text(self, outcome: str) -> str:
        return {
            "accepted": self.tr("OK"),
            "typed_qty": self.tr("count typed"),
            "over_scan": self.tr("refused: already complete"),
            "not_on_order": self.tr("refused: not on this order"),
            "unknown": self.tr("refused: unknown barcode"),
            "invalid": self.tr("refused: misread"),
            "undo": self.tr("undo"),
            "override": self.tr("packed without full check"),
            "packed": self.tr("packed"),
            "abandoned": self.tr("left for later"),
            "returned_item": self.tr("back in"),
            "returned": self.tr("return recorded"),
            "refunded": self.tr("refund recorded"),
            "paused": self.tr("paused: a return was opened"),
            "resumed": self.tr("resumed"),
        }.get(outcome, outcome)

    # -- playing ---------------------------------------------------------------------------------

    def toggle_play(self) -> None:
        if self._timer.isActive():
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        if self.clip is None:
            return
        if self.position_ms >= self.clip.duration_ms:
            self.seek(0)
        self._timer.start()
        self.play_button.setText(self.tr("Pause"))

    def pause(self) -> None:
        self._timer.stop()
        self.play_button.setText(self.tr("Play"))

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def _tick(self) -> None:
        if not self._waiting:
            self._waiting = True
            self.request_next.emit()

    def step_forward(self) -> None:
        self.pause()
        self._waiting = True
        self.request_next.emit()

    def step_back(self) -> None:
        self.pause()
        self.seek(self.position_ms - 1)

    def seek(self, ms: int) -> None:
        self._waiting = True
        self.request_seek.emit(max(0, ms))

    def _mark_chosen(self, item: QListWidgetItem) -> None:
        self.pause()
        # a little before the scan, to see the item come into view
        self.seek(max(0, int(item.data(Qt.ItemDataRole.UserRole)) - 500))

    def _show_frame(self, image: QImage, ms: int) -> None:
        self._waiting = False
        self.position_ms = ms
        self.current_image = image
        area = self.picture.contentsRect().size()
        self.picture.setPixmap(
            QPixmap.fromImage(
                image.scaled(area, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            )
        )
        if not self.timeline.isSliderDown():
            self.timeline.setValue(ms)
        total = self.clip.duration_ms if self.clip is not None else 0
        self.time_label.setText(f"{clock_text(ms)} / {clock_text(total)}")
        self.frame_shown.emit(ms)

    def _ended(self) -> None:
        self._waiting = False
        self.pause()

    # -- export ----------------------------------------------------------------------------------

    def ask_export(self) -> None:
        folder = choose_folder(self, self.tr("Choose an empty folder for the export"), "")
        if folder:
            self.export_to(Path(folder) / self.order_number)

    def export_to(self, folder: Path) -> None:
        database, number = self._database, self.order_number
        self.export_button.setEnabled(False)
        run_task(lambda: export_clip(database, number, folder), self._exported, self._export_failed, context=self)

    def _exported(self, result: ExportResult) -> None:
        self.export_button.setEnabled(True)
        self._say(
            self.tr("Exported to {folder} with manifest.json (SHA-256 of each clip).").format(folder=result.folder),
            problem=False,
        )

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        if isinstance(exc, OrderAppError):
            self._say(str(exc))
        else:
            log.error("export failed", exc_info=exc)
            self._say(self.tr("The export failed; the clips in the shop are unchanged. Try another folder."))

    # -- delete (the owner only) -----------------------------------------------------------------

    def _update_delete(self) -> None:
        owner = self.context.role == Role.OWNER
        self.delete_button.setEnabled(owner and self.clip is not None)
        self.delete_button.setToolTip(
            self.tr("Delete this video's file; its record, times and scans stay with the order.")
            if owner
            else self.tr("Only the shop's owner may delete a packing video.")
        )

    def _ask_confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Delete video"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_delete(self) -> None:
        clip = self.clip
        if clip is None:
            return
        question = self.tr(
            "Delete the video of order {number} recorded on {started}? It cannot be brought back; the order keeps "
            "a note of who deleted it and when."
        ).format(number=clip.order_number, started=clip.started_at.strftime("%Y-%m-%d %H:%M"))
        if not self.ask_confirm(question):
            return
        self.pause()
        self._set_enabled(False)
        self.delete_button.setEnabled(False)
        self._deleting = clip.id
        self.request_release.emit()  # the file is closed first, then deleted (see _released)

    def _released(self) -> None:
        clip_id, self._deleting = self._deleting, None
        if clip_id is None:
            return
        database, user_id = self._database, self.context.user_id
        run_task(
            lambda: delete_clip(database, clip_id, user_id=user_id), self._deleted, self._delete_failed, context=self
        )

    def _deleted(self, record: ClipRecord) -> None:
        self.deleted.emit(record)
        self.reload()
        self._say(self.tr("The video was deleted. {note}").format(note=record.note), problem=False)

    def _delete_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OrderAppError):
            message = str(exc)
        else:
            log.error("deleting a packing video failed", exc_info=exc)
            message = self.tr("The video could not be deleted; nothing was changed.")
        self._update_delete()
        if self.clip is not None:
            self.request_open.emit(str(self.clip.file))
        self._say(message)
        self.refused.emit(message)

    # -- the rest --------------------------------------------------------------------------------

    def _load_failed(self, exc: BaseException) -> None:
        log.error("reading packing videos failed", exc_info=exc)
        self.picture.setText("")
        self._say(str(exc) if isinstance(exc, OrderAppError) else self.tr("The packing videos could not be read."))

    def _say(self, text: str, *, problem: bool = True) -> None:
        self.message.setText(text)
        set_state(self.message, "problem" if problem else "done")
        self.message.show()

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.back_button, self.play_button, self.forward_button, self.timeline, self.export_button):
            widget.setEnabled(on)

    def done(self, result: int) -> None:
        self._stop_reader()
        if self._update_delete in self.context.user_changed:
            self.context.user_changed.remove(self._update_delete)
        super().done(result)

    def _stop_reader(self) -> None:
        self.pause()
        if self._thread.isRunning():
            self.request_close.emit()
            self._thread.quit()
            self._thread.wait(3000)


def attach_play_button(screen: Any, row: QWidget) -> QPushButton:
    """Add "Play packing video" to ``row`` of a screen whose ``order_shown`` signal carries an object
    with a ``number``; the button is offered when the order has a clip (its tooltip says why not)."""
    from orderapp.services.packing.evidence import list_clips

    button = QPushButton(QCoreApplication.translate("EvidencePlayer", "Play packing video"), row)
    button.setObjectName("action_play_video")
    layout = row.layout()
    if layout is not None:
        layout.addWidget(button)
    button.hide()
    database = screen.context.database
    state: dict[str, str] = {"number": ""}

    def shown(view: Any) -> None:
        number = str(getattr(view, "number", ""))
        state["number"] = number
        button.hide()
        if number:
            run_task(lambda: list_clips(database, number), lambda clips: listed(number, clips), None, context=button)

    def listed(number: str, clips: list[ClipRecord]) -> None:
        if number != state["number"] or not clips:
            return
        playable = any(clip.playable for clip in clips)
        button.setEnabled(playable)
        button.setToolTip(
            "" if playable else (clips[0].note or QCoreApplication.translate("EvidencePlayer", "No packing video"))
        )
        button.show()

    def play() -> None:
        player = EvidencePlayer(database, state["number"], screen, context=screen.context)
        player.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        player.open()
        screen.evidence_player = player

    screen.order_shown.connect(shown)
    button.clicked.connect(play)
    return button
