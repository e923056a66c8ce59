"""CameraController with video files through the real OpenCV capture code, on its own thread."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from barcode_media import Shot, frames_for, sequence_video, write_video
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from orderapp.domain.gtin import Symbology
from orderapp.gui import camera_worker
from orderapp.gui.camera_worker import CameraController
from orderapp.scanning.acceptance import Scan
from orderapp.scanning.camera import CameraUnavailable, open_video
from orderapp.scanning.decoding import Decoded

ITEMS = [
    ("6901234567892", Symbology.EAN13),
    ("036000291452", Symbology.UPCA),
    ("ORD-7K2Q", Symbology.CODE128),
    ("6901234567892", Symbology.EAN13),
]


class Recorder:
    """Everything the controller tells the screen, in order."""

    def __init__(self, controller: CameraController) -> None:
        self.scans: list[Scan] = []
        self.found: list[list[Decoded]] = []
        self.lost: list[str] = []
        self.notices: list[str] = []
        self.frames = 0
        self.resumed = 0
        self.sizes: set[tuple[int, int]] = set()
        controller.scanned.connect(self.scans.append)
        controller.found.connect(self.found.append)
        controller.lost.connect(self.lost.append)
        controller.notice.connect(self.notices.append)
        controller.frame.connect(self._frame)
        controller.resumed.connect(self._resumed)

    def _frame(self, image: QImage) -> None:
        self.frames += 1
        self.sizes.add((image.width(), image.height()))

    def _resumed(self) -> None:
        self.resumed += 1


@pytest.fixture
def controller() -> Iterator[CameraController]:
    made = CameraController()
    yield made
    made.stop()


@pytest.fixture
def recorder(controller: CameraController) -> Recorder:
    return Recorder(controller)


def test_a_video_of_items_gives_each_scan_once_in_order_then_lost(
    qtbot: QtBot, controller: CameraController, recorder: Recorder, tmp_path: Path
) -> None:
    video = sequence_video(tmp_path / "items.avi", ITEMS, frames_each=8, gap_frames=5)
    with qtbot.waitSignal(controller.lost, timeout=20_000) as lost:
        controller.start(video, paced=False)
        assert controller.is_running()
    assert lost.args == ["The video has ended."]
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=5000)
    assert [(s.code, s.symbology, s.source) for s in recorder.scans] == [(c, s, "camera") for c, s in ITEMS]
    assert recorder.frames > 0 and recorder.sizes == {(1280, 720)}
    outlined = [d for found in recorder.found for d in found]
    assert {d.text for d in outlined} == {c for c, _ in ITEMS}
    assert all(len(d.corners) == 4 for d in outlined)
    assert recorder.found[-1] == []  # the outlines go when the codes do


def test_a_paced_video_previews_at_about_its_frame_rate(
    qtbot: QtBot, controller: CameraController, recorder: Recorder, tmp_path: Path
) -> None:
    video = write_video(tmp_path / "paced.avi", frames_for([Shot(None, 10), Shot(ITEMS[0], 20), Shot(None, 10)]))
    with qtbot.waitSignal(controller.lost, timeout=20_000):
        controller.start(video)
    assert [s.code for s in recorder.scans] == ["6901234567892"]
    # 40 frames at 30 fps; a busy shared test machine may drop some previews, never most.
    assert recorder.frames >= 20


def test_stop_is_cooperative_and_nothing_arrives_after_it(
    qtbot: QtBot, controller: CameraController, recorder: Recorder, tmp_path: Path
) -> None:
    video = write_video(tmp_path / "long.avi", frames_for([Shot(ITEMS[0], 2), Shot(None, 3)] * 40))
    with qtbot.waitSignal(controller.scanned, timeout=20_000):
        controller.start(video)  # paced: about 7 seconds of video
    started = time.perf_counter()
    controller.stop()
    assert time.perf_counter() - started < 1.0  # the loop saw the flag within a frame or two
    assert not controller.is_running() and not camera_worker._lingering
    seen = (len(recorder.scans), recorder.frames, len(recorder.lost))
    qtbot.wait(300)  # let anything the stopped thread had queued be delivered (it must be dropped)
    assert (len(recorder.scans), recorder.frames, len(recorder.lost)) == seen
    assert recorder.lost == []


def test_a_video_that_cannot_be_opened_is_reported(
    qtbot: QtBot, controller: CameraController, recorder: Recorder, tmp_path: Path
) -> None:
    with qtbot.waitSignal(controller.lost, timeout=5000) as lost:
        controller.start(tmp_path / "missing.avi")
    assert "does not exist" in lost.args[0]
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=5000)


def test_a_missing_camera_says_what_to_do_and_keeps_trying_until_stopped(
    qtbot: QtBot, controller: CameraController, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(camera_worker, "RECONNECT_EVERY_S", 0.05)
    with qtbot.waitSignal(controller.lost, timeout=10_000) as lost:
        controller.start(63)
    assert "Camera 64 cannot be used" in lost.args[0] and "USB scanner" in lost.args[0]
    qtbot.wait(200)
    assert controller.is_running()  # still trying to reopen it
    assert recorder.lost == [lost.args[0]]  # said once, not every attempt
    started = time.perf_counter()
    controller.stop()
    assert time.perf_counter() - started < 1.0
    assert not controller.is_running() and not camera_worker._lingering


class FlakyCamera:
    """A camera that is unplugged after a few frames and plugged back in: frames from a video."""

    def __init__(self, video: Path, frames_before_unplug: int) -> None:
        self._source = open_video(video)
        self.fps = self._source.fps
        self._left = frames_before_unplug

    def read(self) -> np.ndarray | None:
        if self._left == 0:
            return None
        self._left -= 1
        return self._source.read()

    def release(self) -> None:
        self._source.release()


def test_an_unplugged_camera_is_reported_and_scanning_resumes_when_it_is_back(
    qtbot: QtBot, controller: CameraController, recorder: Recorder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(camera_worker, "RECONNECT_EVERY_S", 0.05)
    first = write_video(tmp_path / "first.avi", frames_for([Shot(None, 2), Shot(ITEMS[0], 6), Shot(None, 20)]))
    second = write_video(tmp_path / "second.avi", frames_for([Shot(None, 2), Shot(ITEMS[1], 6), Shot(None, 20)]))
    attempts: list[str] = []
    lock = threading.Lock()

    def opener() -> FlakyCamera:
        with lock:
            attempts.append("open")
            number = len(attempts)
        if number == 1:
            return FlakyCamera(first, frames_before_unplug=12)
        if number == 2:
            raise CameraUnavailable("still unplugged")
        return FlakyCamera(second, frames_before_unplug=1000)

    with qtbot.waitSignal(controller.resumed, timeout=10_000):
        controller.start_source(opener, is_camera=True)
    assert len(recorder.lost) == 1 and recorder.lost[0].startswith("The camera stopped sending pictures.")
    qtbot.waitUntil(lambda: len(recorder.scans) == 2, timeout=10_000)
    assert [s.code for s in recorder.scans] == ["6901234567892", "036000291452"]
    assert recorder.resumed == 1


def test_zbar_missing_gives_a_notice_and_scanning_goes_on(
    qtbot: QtBot, controller: CameraController, recorder: Recorder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import pyzbar.zbar_library

    def no_library() -> None:
        raise ImportError("Unable to find zbar shared library")

    for module in ("pyzbar.pyzbar", "pyzbar.wrapper"):
        if module in sys.modules:
            monkeypatch.delitem(sys.modules, module)
    monkeypatch.setattr(pyzbar.zbar_library, "load", no_library)
    video = write_video(tmp_path / "one.avi", frames_for([Shot(None, 3), Shot(ITEMS[2], 6), Shot(None, 3)]))
    with qtbot.waitSignal(controller.lost, timeout=20_000):
        controller.start(video, paced=False)
    assert len(recorder.notices) == 1 and "ZBar is not installed" in recorder.notices[0]
    assert [s.code for s in recorder.scans] == ["ORD-7K2Q"]


def test_frames_required_is_passed_on(
    qtbot: QtBot, controller: CameraController, recorder: Recorder, tmp_path: Path
) -> None:
    video = write_video(tmp_path / "two.avi", frames_for([Shot(None, 3), Shot(ITEMS[0], 3), Shot(None, 3)]))
    with qtbot.waitSignal(controller.lost, timeout=20_000):
        controller.start(video, paced=False, frames_required=4)
    assert recorder.scans == []  # three frames are not enough when four are asked for


def test_capture_and_decoding_run_off_the_gui_thread(
    qtbot: QtBot, controller: CameraController, recorder: Recorder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from orderapp.scanning.decoding import FrameDecoder

    threads: set[int] = set()
    decode = FrameDecoder.decode

    def watched(self: FrameDecoder, frame: np.ndarray, at: float | None = None) -> list[Decoded]:
        threads.add(threading.get_ident())
        return decode(self, frame, at)

    monkeypatch.setattr(FrameDecoder, "decode", watched)
    video = write_video(tmp_path / "one.avi", frames_for([Shot(None, 2), Shot(ITEMS[0], 4), Shot(None, 2)]))
    with qtbot.waitSignal(controller.lost, timeout=20_000):
        controller.start(video, paced=False)
    assert threads and threading.get_ident() not in threads
    assert [s.code for s in recorder.scans] == ["6901234567892"]


def test_the_view_tells_the_packer_to_take_a_counted_item_out_of_view(
    qtbot: QtBot, controller: CameraController, tmp_path: Path
) -> None:
    views: list[tuple[str, str]] = []
    controller.view.connect(lambda state, hint: views.append((state, hint)))
    video = write_video(tmp_path / "held.avi", frames_for([Shot(None, 5), Shot(ITEMS[0], 45), Shot(None, 20)]))
    with qtbot.waitSignal(controller.lost, timeout=30_000):
        controller.start(video, paced=False)
    states = [state for state, _hint in views]
    assert states == ["reading", "counted", "empty"]  # each change once, in order
    counted_hint = dict(views)["counted"]
    assert "take it out of view to count the next one" in counted_hint
    assert dict(views)["empty"] == ""


@pytest.mark.parametrize("rearm_s, scans", [(0.3, 2), (1.0, 1)])
def test_the_rearm_time_is_passed_on(
    qtbot: QtBot, controller: CameraController, recorder: Recorder, tmp_path: Path, rearm_s: float, scans: int
) -> None:
    # The same item shown twice with half a second (15 frames at 30 fps) between the two showings.
    shots = [Shot(None, 3), Shot(ITEMS[1], 10), Shot(None, 15), Shot(ITEMS[1], 10), Shot(None, 3)]
    video = write_video(tmp_path / "twice.avi", frames_for(shots))
    with qtbot.waitSignal(controller.lost, timeout=30_000):
        controller.start(video, paced=False, rearm_s=rearm_s)
    assert [s.code for s in recorder.scans] == ["036000291452"] * scans
