"""The recorder on its own (no database, no Qt): frames taken at its rate whatever the camera sends,
a clip that starts at the order's opening, the burned-in result of a scan, a disk below the floor."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import cv2
import numpy as np
import pytest

from orderapp.scanning.recording import FRAME_RATE, Recorder, clip_size, probe_clip, read_marks


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def grey(level: int, size: tuple[int, int] = (640, 480)) -> np.ndarray:
    return np.full((size[1], size[0], 3), level, np.uint8)


def recorder(tmp_path: Path, clock: Clock, **extra: object) -> Recorder:
    return Recorder(
        tmp_path / "SO-1.ts",
        order_number="SO-1",
        station="PACK-1",
        packer="王小明",
        started_at=datetime.now(UTC),
        clock=clock,
        **extra,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("camera_fps", [5, 30, 60])
def test_frames_are_taken_at_the_recording_rate_and_the_clip_spans_the_session(tmp_path: Path, camera_fps: int) -> None:
    clock = Clock()
    rec = recorder(tmp_path, clock, queue_size=1000)
    clock.now += 0.5  # the camera's first picture comes half a second after the order opened
    taken = 0
    for number in range(camera_fps * 3):
        clock.now = 100.5 + number / camera_fps
        taken += rec.feed(grey(100 + number % 50))
    clock.now = 104.0
    facts = rec.finish()
    expected = 3 * min(camera_fps, FRAME_RATE)
    assert abs(taken - expected) <= 2
    assert facts.frames == taken + 2  # + the dark opening frame at 0 and the last picture held to the end
    frames, last_ms = probe_clip(facts.path)
    assert (frames, last_ms, facts.duration_ms) == (facts.frames, 4000, 4000)
    capture = cv2.VideoCapture(str(facts.path))
    ok, first = capture.read()
    capture.release()
    assert ok and first[200:, :].mean() < 40  # dark until the camera's first picture


def test_a_scan_result_is_burned_into_the_picture_and_kept_beside_the_clip(tmp_path: Path) -> None:
    clock = Clock()
    rec = recorder(tmp_path, clock)
    for number in range(36):
        clock.now = 100 + number / 12
        if number == 12:
            rec.mark("not_on_order", "4006381333931")
        rec.feed(grey(120, (1920, 1080)))
    facts = rec.finish()
    assert [(m.offset_ms, m.outcome) for m in read_marks(facts.path)] == [(1000, "not_on_order")]
    capture = cv2.VideoCapture(str(facts.path))
    bottoms = []
    while True:
        ok, frame = capture.read()
        if not ok:
            break
        assert frame.shape[:2] == (720, 1280)  # a 1080p camera is recorded at 720p
        bottoms.append((capture.get(cv2.CAP_PROP_POS_MSEC), frame[-8:, 600:700].reshape(-1, 3).mean(axis=0)))
    capture.release()
    before = [colour for at, colour in bottoms if at < 1000]
    after = [colour for at, colour in bottoms if 1100 <= at <= 3900]
    assert all(abs(colour - 120).max() < 25 for colour in before)
    assert after and all(colour[2] > 150 and colour[1] < 90 for colour in after)  # red: refused


def test_below_the_free_space_floor_recording_stops_with_a_sentence(tmp_path: Path) -> None:
    clock = Clock()
    rec = recorder(tmp_path, clock, free_space_floor=10**18)
    for number in range(24):
        clock.now = 100 + number / 12
        rec.feed(grey(90))
    facts = rec.finish()
    assert facts.frames == 0 and not rec.recording
    assert facts.problem.startswith("Recording stopped: less than 1000000000000 MB is free")


def test_clip_sizes_fit_720p_and_stay_even() -> None:
    assert clip_size(1920, 1080) == (1280, 720)
    assert clip_size(640, 480) == (640, 480)
    assert clip_size(1281, 721) == (1278, 720)
