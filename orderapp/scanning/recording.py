"""Packing evidence: the camera's frames in, one playable clip per order out (no Qt here).

Chosen by measurement (benchmarks/bench_evidence.py): H.264 (libx264, preset ultrafast, zero
latency, CRF 28 capped at 520 kbit/s, one thread) at up to 1280x720 and 12 frames a second, in an
MPEG-TS file written through PyAV with every packet flushed to disk. That is at most 4.2 MB a minute
of packing (often under 1 MB), about a tenth of one core, a product label stays readable, and
because MPEG-TS needs no index at the end, a clip cut short by a crash or ``kill -9`` still plays up
to the last packet written. Where the PyAV build has no libx264, FFmpeg's own MPEG-4 encoder is
used (larger files, same container).

``ClipWriter`` encodes on the calling thread; ``Recorder`` owns a thread that does it, so the
camera and GUI threads only hand over frames (dropped, never queued without bound, when the
encoder falls behind). Each frame carries its time since the order was opened as its timestamp,
so the clip's length is the session's length whatever the camera's rate. The order number, the
local time, the station and each scan's result are burned into the picture, so a clip stands on
its own outside the app; the scan marks are also kept beside the clip (``.marks.jsonl``, one line a
scan, flushed at once) for the app's player and for a clip whose recording was cut short.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, cast

import cv2
import numpy as np

from orderapp.errors import OrderAppError
from orderapp.i18n import _

if TYPE_CHECKING:
    from av.video.stream import VideoStream

log = logging.getLogger(__name__)

CLIP_SUFFIX = ".ts"
MARKS_SUFFIX = ".marks.jsonl"
FRAME_RATE = 12
MAX_SIZE = (1280, 720)
CRF = 28
MAX_BIT_RATE = 520_000  # bits a second: with MPEG-TS overhead about 4.2 MB a minute at most
MPEG4_BIT_RATE = 500_000  # the fallback encoder: about 3.8 MB a minute
KEYFRAME_EVERY_S = 2  # seeking in the player and what a truncated clip can lose at most
FREE_SPACE_CHECK_S = 2.0
ENCODER_NICENESS = 10  # added to the encoder thread's niceness (Linux)
BANNER_SECONDS = 3.0  # how long a scan's result stays in the picture
_TIME_BASE = Fraction(1, 1000)  # timestamps in milliseconds since the clip began

GOOD_OUTCOMES = frozenset({"accepted", "typed_qty", "packed", "returned_item", "returned", "refunded"})
NOTED_OUTCOMES = frozenset({"undo", "override", "abandoned", "paused", "resumed"})


class RecordingProblem(OrderAppError):
    """The clip cannot be written (folder missing or full, encoder missing); the sentence says why."""


@dataclass(frozen=True)
class ScanMark:
    """A scan event on the clip's timeline: ``offset_ms`` after the clip began."""

    offset_ms: int
    outcome: str  # a pack_scan outcome (accepted, not_on_order, undo, ...) or packed | override | abandoned
    code: str = ""

    def as_dict(self) -> dict[str, object]:
        return {"offset_ms": self.offset_ms, "outcome": self.outcome, "code": self.code}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> ScanMark:
        offset = data.get("offset_ms", 0)
        return cls(
            int(offset) if isinstance(offset, int | float | str) else 0,
            str(data.get("outcome", "")),
            str(data.get("code", "")),
        )


@dataclass(frozen=True)
class ClipFacts:
    """What a finished recording holds."""

    path: Path
    frames: int
    duration_ms: int
    marks: tuple[ScanMark, ...]
    codec: str
    problem: str = ""  # why recording stopped early ("" when it ran to the end)


def marks_path(clip: Path) -> Path:
    return clip.with_name(clip.name.removesuffix(CLIP_SUFFIX) + MARKS_SUFFIX)


def read_marks(clip: Path) -> tuple[ScanMark, ...]:
    """The marks kept beside ``clip``; a torn last line (a crash mid-write) is skipped."""
    found: list[ScanMark] = []
    path = marks_path(clip)
    if not path.exists():
        return ()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            data = json.loads(line)
        except ValueError:
            continue
        if isinstance(data, dict):
            found.append(ScanMark.from_dict(data))
    return tuple(found)


def choose_codec() -> str:
    import av

    for name in ("libx264", "mpeg4"):
        try:
            av.codec.Codec(name, "w")
        except Exception:  # PyAV raises several kinds for a missing encoder
            continue
        return name
    raise RecordingProblem(_("This installation cannot write video (no H.264 or MPEG-4 encoder)."))


def clip_size(width: int, height: int, limit: tuple[int, int] = MAX_SIZE) -> tuple[int, int]:
    """The picture size recorded for a camera of ``width`` x ``height``: scaled down to fit ``limit``,
    never up; even numbers, as the encoder needs."""
    scale = min(1.0, limit[0] / width, limit[1] / height)
    return max(2, int(width * scale) // 2 * 2), max(2, int(height * scale) // 2 * 2)


def _ascii(text: str) -> str:
    """OpenCV's built-in font has ASCII only; other letters show as '?'."""
    return "".join(ch if 32 <= ord(ch) < 127 else "?" for ch in text)


def outcome_words(outcome: str) -> str:
    """The English words burned into the picture (the clip is shown to people outside the shop)."""
    return {
        "accepted": "OK",
        "typed_qty": "COUNT TYPED",
        "over_scan": "REFUSED: already complete",
        "not_on_order": "REFUSED: not on this order",
        "unknown": "REFUSED: unknown barcode",
        "invalid": "REFUSED: misread",
        "undo": "UNDO",
        "override": "PACKED WITHOUT FULL CHECK",
        "packed": "PACKED",
        "abandoned": "LEFT FOR LATER",
        "returned_item": "BACK IN",
        "returned": "RETURN RECORDED",
        "refunded": "REFUND RECORDED",
        "not_returnable": "REFUSED: not on this order or all already back",
        "paused": "PAUSED: A RETURN IS OPENED",
        "resumed": "RESUMED",
    }.get(outcome, outcome.upper())


def clip_heading(order_number: str, station: str, packer: str, kind: str = "packing") -> str:
    """The line burned into the top of every picture: a return's clip says so."""
    what = f"RETURN OF ORDER {order_number}" if kind == "return" else f"ORDER {order_number}"
    return _ascii(f"{what}   {station} / {packer}")


class ClipWriter:
    """Encodes one clip on the calling thread. ``write`` frames with rising ``offset_ms``; ``close``."""

    def __init__(
        self,
        path: Path,
        *,
        order_number: str,
        station: str,
        packer: str,
        started_at: datetime,
        frame_rate: int = FRAME_RATE,
        max_size: tuple[int, int] = MAX_SIZE,
        codec: str | None = None,
        zone: tzinfo | None = None,
        kind: str = "packing",
    ) -> None:
        import av

        self.path = path
        self.codec = codec or choose_codec()
        self.frame_rate = frame_rate
        self.max_size = max_size
        self._heading = clip_heading(order_number, station, packer, kind)
        self._started_at = started_at.astimezone(zone)  # the shop's time (default: this PC's), with its offset
        self._marks: list[ScanMark] = []
        self._frames = 0
        self._last_offset = -1
        self._size: tuple[int, int] | None = None
        self._stream: VideoStream | None = None
        self._last_picture: np.ndarray | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._container = av.open(str(path), "w", format="mpegts", options={"flush_packets": "1"})
            self._marks_file = marks_path(path).open("w", encoding="utf-8")
        except OSError as exc:
            raise RecordingProblem(
                _("The packing video cannot be written to {folder}: {reason}.").format(
                    folder=path.parent, reason=exc.strerror or exc
                )
            ) from exc

    @property
    def frames(self) -> int:
        return self._frames

    @property
    def marks(self) -> tuple[ScanMark, ...]:
        return tuple(self._marks)

    def _open_stream(self, width: int, height: int) -> None:
        size = clip_size(width, height, self.max_size)
        stream = cast("VideoStream", self._container.add_stream(self.codec, rate=self.frame_rate))
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        stream.time_base = _TIME_BASE
        stream.codec_context.time_base = _TIME_BASE
        options: dict[str, object] = {"g": str(KEYFRAME_EVERY_S * self.frame_rate), "threads": "1"}
        if self.codec == "libx264":
            # Quality-based, but capped: a noisy camera or a busy scene never passes ~4.2 MB a minute.
            options |= {
                "preset": "ultrafast",
                "tune": "zerolatency",
                "crf": str(CRF),
                "maxrate": str(MAX_BIT_RATE),
                "bufsize": str(MAX_BIT_RATE * 2),
            }
        else:
            stream.bit_rate = MPEG4_BIT_RATE
        stream.options = options
        self._stream, self._size = stream, size

    def mark(self, mark: ScanMark) -> None:
        self._marks.append(mark)
        self._marks_file.write(json.dumps(mark.as_dict(), ensure_ascii=False) + "\n")
        self._marks_file.flush()

    def write(self, frame: np.ndarray, offset_ms: int) -> None:
        """Encode ``frame`` (BGR or grey) shown ``offset_ms`` after the clip began; a frame not later
        than the last one is skipped."""
        if offset_ms <= self._last_offset:
            return
        if frame.ndim == 2:
            frame = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
        if self._stream is None:
            self._open_stream(frame.shape[1], frame.shape[0])
            if offset_ms > 0:  # players count time from the first picture: start the clip at 0, dark
                assert self._size is not None
                self._encode(np.full((self._size[1], self._size[0], 3), 24, np.uint8), 0)
        assert self._stream is not None and self._size is not None
        self._last_picture = frame  # as given (never changed here), to repeat at the end
        if (frame.shape[1], frame.shape[0]) != self._size:
            picture = cv2.resize(frame, self._size, interpolation=cv2.INTER_AREA)
        else:
            picture = frame.copy()  # the overlay is drawn on it
        self._encode(picture, offset_ms)

    def _encode(self, frame: np.ndarray, offset_ms: int) -> None:
        import av

        assert self._stream is not None
        self._burn(frame, offset_ms)
        picture = av.VideoFrame.from_ndarray(np.ascontiguousarray(frame, dtype=np.uint8), format="bgr24")
        picture.pts = offset_ms
        picture.time_base = _TIME_BASE
        for packet in self._stream.encode(picture):
            self._container.mux(packet)
        self._frames += 1
        self._last_offset = offset_ms

    def _burn(self, frame: np.ndarray, offset_ms: int) -> None:
        """Order, time, station and the latest scan's result, drawn into the picture."""
        height, width = frame.shape[:2]
        scale = max(0.4, width / 1280 * 0.8)
        thick = max(1, round(scale * 2))
        bar = int(34 * scale / 0.8)
        moment = self._started_at + timedelta(milliseconds=offset_ms)
        top = frame[:bar]
        top[:] = (top * 0.35).astype(np.uint8)
        cv2.circle(frame, (bar // 2, bar // 2), max(3, bar // 4), (0, 0, 255), -1)
        text = f"{self._heading}   {moment.strftime('%Y-%m-%d %H:%M:%S %z')}"
        cv2.putText(
            frame, text, (bar, int(bar * 0.72)), cv2.FONT_HERSHEY_SIMPLEX, scale, (255, 255, 255), thick, cv2.LINE_AA
        )
        latest = self._marks[-1] if self._marks else None
        if latest is None or offset_ms - latest.offset_ms > BANNER_SECONDS * 1000 or offset_ms < latest.offset_ms:
            return
        if latest.outcome in GOOD_OUTCOMES:
            colour = (40, 140, 40)
        elif latest.outcome in NOTED_OUTCOMES:
            colour = (0, 140, 220)
        else:
            colour = (30, 30, 200)
        frame[height - bar :] = colour
        words = _ascii(f"{outcome_words(latest.outcome)}  {latest.code}".strip())
        cv2.putText(
            frame,
            words,
            (bar // 2, height - int(bar * 0.28)),
            cv2.FONT_HERSHEY_SIMPLEX,
            scale,
            (255, 255, 255),
            thick,
            cv2.LINE_AA,
        )

    def close(self, end_offset_ms: int | None = None, *, problem: str = "") -> ClipFacts:
        """Finish the file. The last picture is repeated at ``end_offset_ms`` so the clip lasts until
        the order was closed even when the camera sent nothing at the end."""
        try:
            if (
                end_offset_ms is not None
                and self._last_picture is not None
                and end_offset_ms > self._last_offset
                and not problem
            ):
                self.write(self._last_picture, end_offset_ms)
            if self._stream is not None:
                for packet in self._stream.encode():
                    self._container.mux(packet)
        finally:
            self._container.close()
            self._marks_file.close()
        duration = max(self._last_offset, 0) if self._frames else 0
        return ClipFacts(self.path, self._frames, duration, tuple(self._marks), self.codec, problem)


@dataclass
class _Job:
    frame: np.ndarray | None  # None: only wakes the thread (a mark, the end)
    offset_ms: int


class Recorder:
    """One order's clip, encoded on its own thread.

    ``feed`` and ``mark`` never block: ``wants_frame`` tells a caller whether a frame is due (at most
    ``frame_rate`` a second) before it copies one; frames the encoder has no room for are dropped.
    A folder that fills below ``free_space_floor`` bytes, or a write error, ends the recording
    early; ``problem`` then holds the sentence.
    """

    def __init__(
        self,
        path: Path,
        *,
        order_number: str,
        station: str,
        packer: str,
        started_at: datetime,
        frame_rate: int = FRAME_RATE,
        max_size: tuple[int, int] = MAX_SIZE,
        free_space_floor: int = 0,
        clock: Callable[[], float] = time.monotonic,
        queue_size: int = 6,
        zone: tzinfo | None = None,
        kind: str = "packing",
    ) -> None:
        self.path = path
        self.frame_rate = frame_rate
        self._clock = clock
        self._origin = clock()
        self._floor = free_space_floor
        self._next_due = 0.0
        self._jobs: queue.Queue[_Job | None] = queue.Queue(maxsize=queue_size)
        self._marks: queue.SimpleQueue[ScanMark] = queue.SimpleQueue()
        self.dropped = 0
        self.problem = ""
        self.encode_seconds = 0.0  # CPU time the encoder thread used (benchmarks)
        self._stopped = threading.Event()
        self._writer = ClipWriter(
            path,
            order_number=order_number,
            station=station,
            packer=packer,
            started_at=started_at,
            frame_rate=frame_rate,
            max_size=max_size,
            zone=zone,
            kind=kind,
        )
        self._facts: ClipFacts | None = None
        self._thread = threading.Thread(target=self._run, name=f"recorder-{order_number}", daemon=True)
        self._thread.start()

    def offset_ms(self, at: float | None = None) -> int:
        return max(0, int(((self._clock() if at is None else at) - self._origin) * 1000))

    @property
    def recording(self) -> bool:
        return not self._stopped.is_set() and not self.problem

    def wants_frame(self, at: float | None = None) -> bool:
        now = self._clock() if at is None else at
        return self.recording and now - self._origin >= self._next_due

    def feed(self, frame: np.ndarray, at: float | None = None) -> bool:
        """Hand over a frame (the recorder keeps a reference: pass one nobody changes). True if taken."""
        now = self._clock() if at is None else at
        if not self.wants_frame(now):
            return False
        elapsed = now - self._origin
        self._next_due = max(self._next_due + 1 / self.frame_rate, elapsed + 0.5 / self.frame_rate)
        try:
            self._jobs.put_nowait(_Job(frame, self.offset_ms(now)))
        except queue.Full:
            self.dropped += 1
            return False
        return True

    def mark(self, outcome: str, code: str = "", at: float | None = None) -> ScanMark:
        mark = ScanMark(self.offset_ms(at), outcome, code)
        self._marks.put(mark)
        if self.recording:
            with contextlib.suppress(queue.Full):  # then the next frame's job takes the mark
                self._jobs.put_nowait(_Job(None, mark.offset_ms))
        return mark

    def finish(self, at: float | None = None) -> ClipFacts:
        """Stop, write the end of the clip and close it (waits for the encoder; a fraction of a second)."""
        if self._facts is not None:
            return self._facts
        end = self.offset_ms(at)
        self._stopped.set()
        self._jobs.put(_Job(None, end))  # wakes the thread; blocks only while the queue is full
        self._jobs.put(None)
        self._thread.join()
        assert self._facts is not None
        return self._facts

    def _drain_marks(self) -> None:
        while True:
            try:
                mark = self._marks.get_nowait()
            except queue.Empty:
                return
            try:
                self._writer.mark(mark)
            except OSError as exc:  # the marks are also kept in the record; the clip goes on
                log.warning("scan mark of %s not written: %s", self.path, exc)

    def _run(self) -> None:
        # The camera and the screen come first: on Linux the encoder thread gets a lower priority of
        # its own (elsewhere this is not offered per thread, and it runs at the normal one).
        with contextlib.suppress(AttributeError, OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), ENCODER_NICENESS)
        started = time.thread_time()
        last_check = 0.0
        end = 0
        try:
            while True:
                job = self._jobs.get()
                if job is None:
                    break
                self._drain_marks()
                end = max(end, job.offset_ms)
                if job.frame is None or self.problem:
                    continue
                now = self._clock()
                if self._floor and now - last_check >= FREE_SPACE_CHECK_S:
                    last_check = now
                    self._check_space()
                    if self.problem:
                        continue
                try:
                    self._writer.write(job.frame, job.offset_ms)
                except OSError as exc:
                    self.problem = _("Recording stopped: the packing video could not be written ({reason}).").format(
                        reason=exc.strerror or exc
                    )
                    log.warning("recording of %s failed: %s", self.path, exc)
        except Exception:  # the encoder must never take the app down; the clip keeps what it has
            log.exception("recorder failed")
            self.problem = self.problem or _("Recording stopped because of an unexpected error (see the log).")
        finally:
            self._stopped.set()
            self._drain_marks()
            try:
                self._facts = self._writer.close(end, problem=self.problem)
            except Exception:  # a clip that cannot be closed still has its data on disk
                log.exception("closing %s failed", self.path)
                self.problem = self.problem or _("The packing video could not be finished properly.")
                self._facts = ClipFacts(self.path, self._writer.frames, end, self._writer.marks, "", self.problem)
            self.encode_seconds = time.thread_time() - started

    def _check_space(self) -> None:
        try:
            free = shutil.disk_usage(self.path.parent).free
        except OSError:
            return
        if free < self._floor:
            self.problem = _(
                "Recording stopped: less than {floor} MB is free where packing videos are kept. Free some "
                "space or choose another folder in Settings."
            ).format(floor=self._floor // 1_000_000)


def probe_clip(path: Path) -> tuple[int, int]:
    """(frames, last frame's time in ms) as OpenCV reads the file; (0, 0) for an unplayable file."""
    capture = cv2.VideoCapture(str(path))
    frames = last = 0
    try:
        while True:
            ok, _frame = capture.read()
            if not ok:
                break
            frames += 1
            last = int(capture.get(cv2.CAP_PROP_POS_MSEC))
    finally:
        capture.release()
    return frames, last
