"""Camera and video frame sources through OpenCV: the same ``cv2.VideoCapture`` code for both, so tests
and benchmarks exercise the real capture path with video files (MJPG .avi or mp4v .mp4).

Opening and probing cameras can take a second or more (DirectShow, AVFoundation): call these from a
worker thread, never the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from orderapp.errors import OrderAppError
from orderapp.i18n import _

log = logging.getLogger(__name__)

LINUX_VIDEO_DEVICES = Path("/sys/class/video4linux")  # module-level so tests can point it elsewhere
READ_TIMEOUT_MS = 2000  # a camera that sends nothing for this long counts as lost
FAILED_READS_BEFORE_LOST = 3


class CameraUnavailable(OrderAppError):
    """No camera, a busy camera, or one that cannot be opened; the message says what to do."""


@dataclass(frozen=True)
class CameraInfo:
    index: int
    name: str


class FrameSource(Protocol):
    fps: float

    def read(self) -> np.ndarray | None:
        """The next frame (BGR), or None when the camera is lost or the video has ended."""
        ...

    def release(self) -> None: ...


def _camera_backend() -> int:
    if sys.platform == "win32":
        return int(cv2.CAP_DSHOW)  # opens in a fraction of MSMF's time and honours MJPG
    if sys.platform == "darwin":
        return int(cv2.CAP_AVFOUNDATION)
    return int(cv2.CAP_V4L2)


@contextlib.contextmanager
def _quiet_opencv() -> Iterator[None]:
    """OpenCV prints a warning for every index it cannot open; probing expects that."""
    previous = cv2.utils.logging.getLogLevel()
    cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
    try:
        yield
    finally:
        cv2.utils.logging.setLogLevel(previous)


def _linux_cameras(limit: int) -> list[CameraInfo] | None:
    """Capture devices from sysfs without opening them (opening a busy camera can disturb it)."""
    if not LINUX_VIDEO_DEVICES.is_dir():
        return None
    found: list[CameraInfo] = []
    for entry in sorted(LINUX_VIDEO_DEVICES.glob("video*"), key=lambda p: int(p.name[5:] or 0)):
        if not entry.name[5:].isdigit():
            continue
        # A UVC webcam shows two nodes: index 0 captures, index 1 carries metadata only.
        index_file = entry / "index"
        if index_file.exists() and index_file.read_text().strip() not in ("", "0"):
            continue
        name_file = entry / "name"
        name = name_file.read_text(encoding="utf-8", errors="replace").strip() if name_file.exists() else ""
        number = int(entry.name[5:])
        found.append(CameraInfo(number, name or _("Camera {number}").format(number=number + 1)))
    return found[:limit]


def list_cameras(limit: int = 6) -> list[CameraInfo]:
    """The cameras the system offers. On Linux from /dev/video* (with their names); elsewhere by
    trying to open indices 0..limit-1, named "Camera 1", "Camera 2", ... (slow: call off the GUI thread)."""
    if sys.platform.startswith("linux"):
        cameras = _linux_cameras(limit)
        if cameras is not None:
            return cameras
    found: list[CameraInfo] = []
    with _quiet_opencv():
        for index in range(limit):
            capture = cv2.VideoCapture(index, _camera_backend())
            try:
                if capture.isOpened():
                    found.append(CameraInfo(index, _("Camera {number}").format(number=index + 1)))
            finally:
                capture.release()
    return found


def _camera_problem(index: int) -> str:
    return _(
        "Camera {number} cannot be used. Check that it is plugged in and that no other program (a video "
        "call, another OrderApp window) is using it, then try again. Meanwhile a USB scanner or typing "
        "the code works."
    ).format(number=index + 1)


class CaptureSource:
    """A ``cv2.VideoCapture`` (camera or video file) as a FrameSource.

    ``paced`` holds each frame back until its time at the file's frame rate, as a camera delivers them.
    A camera gets a few failed reads in a row before it counts as lost (one bad frame happens).
    """

    def __init__(
        self, capture: cv2.VideoCapture, *, is_camera: bool, paced: bool = False, first: np.ndarray | None = None
    ) -> None:
        self._capture = capture
        self._is_camera = is_camera
        reported = float(capture.get(cv2.CAP_PROP_FPS) or 0.0)
        self.fps = reported if 1.0 <= reported <= 240.0 else 30.0
        self._paced = paced
        self._first = first
        self._started: float | None = None
        self._delivered = 0

    def read(self) -> np.ndarray | None:
        frame: np.ndarray | None
        if self._first is not None:
            frame, self._first = self._first, None
        else:
            frame = self._grab()
        if frame is None:
            return None
        if self._paced:
            now = time.perf_counter()
            if self._started is None:
                self._started = now
            due = self._started + self._delivered / self.fps
            if due > now:
                time.sleep(due - now)
        self._delivered += 1
        return frame

    def _grab(self) -> np.ndarray | None:
        attempts = FAILED_READS_BEFORE_LOST if self._is_camera else 1
        for _attempt in range(attempts):
            ok, frame = self._capture.read()
            if ok and frame is not None:
                return frame
        return None

    def release(self) -> None:
        self._capture.release()


def open_camera(index: int, width: int = 1280, height: int = 720) -> CaptureSource:
    """Open camera ``index`` at about ``width`` x ``height`` and 30 fps; raises CameraUnavailable.

    Reads one frame before returning: a camera another program holds often opens but never delivers.
    """
    with _quiet_opencv():
        capture = cv2.VideoCapture(index, _camera_backend(), [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, 5000])
        if not capture.isOpened():
            capture.release()
            raise CameraUnavailable(_camera_problem(index))
        # USB webcams send 720p uncompressed at 5-10 fps only; MJPG gives 30.
        capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        capture.set(cv2.CAP_PROP_FPS, 30)
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 2)  # older frames only add latency
        capture.set(cv2.CAP_PROP_READ_TIMEOUT_MSEC, READ_TIMEOUT_MS)
        ok, first = capture.read()
    if not ok or first is None:
        capture.release()
        raise CameraUnavailable(_camera_problem(index))
    log.info("camera %d open at %dx%d", index, first.shape[1], first.shape[0])
    return CaptureSource(capture, is_camera=True, first=first)


def open_video(path: Path, *, paced: bool = False) -> CaptureSource:
    """A video file read through the camera's own code path (tests, benchmarks, support)."""
    path = Path(path)
    if not path.is_file():
        raise CameraUnavailable(_("The video {path} does not exist: check the file name.").format(path=path))
    with _quiet_opencv():
        capture = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    if not capture.isOpened():
        capture.release()
        raise CameraUnavailable(
            _("The video {path} cannot be played: use an MJPG .avi or an MPEG-4 .mp4 file.").format(path=path)
        )
    return CaptureSource(capture, is_camera=False, paced=paced)
