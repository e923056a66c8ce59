"""Camera and video frame sources through OpenCV (the same cv2.VideoCapture path for both)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from orderapp.errors import OrderAppError


class CameraUnavailable(OrderAppError):
    """No camera, a busy camera, or one that cannot be opened."""


@dataclass(frozen=True)
class CameraInfo:
    index: int
    name: str


class FrameSource(Protocol):
    fps: float

    def read(self) -> np.ndarray | None: ...

    def release(self) -> None: ...


def list_cameras(limit: int = 6) -> list[CameraInfo]:
    return []


def open_camera(index: int, width: int = 1280, height: int = 720) -> FrameSource:
    raise CameraUnavailable(str(index))


def open_video(path: Path, *, paced: bool = False) -> FrameSource:
    raise CameraUnavailable(str(path))
