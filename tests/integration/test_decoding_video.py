"""The real capture path (cv2.VideoCapture) fed with video files made here, decoded and filtered
exactly as the camera worker does it; plus opening cameras that are not there."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import cv2
import pytest
from barcode_media import Shot, frames_for, sequence_video, write_video

from orderapp.domain.gtin import Symbology
from orderapp.scanning import camera
from orderapp.scanning.acceptance import AcceptanceRules, Scan
from orderapp.scanning.camera import CameraInfo, CameraUnavailable, list_cameras, open_camera, open_video
from orderapp.scanning.pipeline import FramePipeline

ITEMS = [
    ("6901234567892", Symbology.EAN13),
    ("036000291452", Symbology.UPCA),
    ("96385074", Symbology.EAN8),
    ("04252614", Symbology.UPCE),
    ("ORD-7K2Q", Symbology.CODE128),
    ("茶叶 Oolong", Symbology.QR),
    ("6901234567892", Symbology.EAN13),  # a second unit of the first item, shown again
]


def scans_from(path: Path, *, frames_required: int = 2) -> tuple[list[Scan], int]:
    """Every scan the camera pipeline accepts from the video, and how many frames it read."""
    source = open_video(path)
    scans: list[Scan] = []
    frames = 0
    try:
        with FramePipeline(rules=AcceptanceRules(frames_required=frames_required), background=False) as pipeline:
            while (frame := source.read()) is not None:
                scans += pipeline.feed(frame, frames / source.fps).scans
                frames += 1
    finally:
        source.release()
    return scans, frames


def test_codes_shown_one_after_another_give_exactly_those_scans_in_order(tmp_path: Path) -> None:
    video = sequence_video(tmp_path / "packing.avi", ITEMS, frames_each=10, gap_frames=12)
    scans, frames = scans_from(video)
    assert [(s.code, s.symbology) for s in scans] == ITEMS
    assert all(s.source == "camera" for s in scans)
    assert frames == 12 + len(ITEMS) * (10 + 12)


def test_an_item_held_a_long_time_counts_once(tmp_path: Path) -> None:
    video = write_video(tmp_path / "held.avi", frames_for([Shot(None, 3), Shot(ITEMS[0], 60), Shot(None, 3)]))
    scans, _ = scans_from(video)
    assert [s.code for s in scans] == ["6901234567892"]


def test_a_code_flashed_for_a_single_frame_is_not_accepted(tmp_path: Path) -> None:
    video = write_video(tmp_path / "flash.avi", frames_for([Shot(None, 4), Shot(ITEMS[1], 1), Shot(None, 4)]))
    assert scans_from(video)[0] == []
    assert [s.code for s in scans_from(video, frames_required=1)[0]] == ["036000291452"]


def test_mp4_files_play_through_the_same_path(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), 30.0, (1280, 720))
    assert writer.isOpened()
    for frame in frames_for([Shot(None, 2), Shot(ITEMS[2], 6), Shot(None, 2)]):
        writer.write(frame)
    writer.release()
    assert [s.code for s in scans_from(path)[0]] == ["96385074"]


def test_a_video_reports_its_frame_rate_and_its_end(tmp_path: Path) -> None:
    video = write_video(tmp_path / "short.avi", frames_for([Shot(None, 5)]), fps=25.0)
    source = open_video(video)
    try:
        assert source.fps == pytest.approx(25.0)
        assert [source.read() is not None for _ in range(5)] == [True] * 5
        assert source.read() is None  # ended: the worker calls this "lost"
    finally:
        source.release()


def test_a_paced_video_arrives_at_its_frame_rate(tmp_path: Path) -> None:
    video = write_video(tmp_path / "paced.avi", frames_for([Shot(None, 10)]), fps=50.0)
    source = open_video(video, paced=True)
    started = time.perf_counter()
    try:
        while source.read() is not None:
            pass
    finally:
        source.release()
    assert time.perf_counter() - started >= 9 / 50.0


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda folder: folder / "missing.avi", "does not exist"),
        (lambda folder: _write(folder / "notes.avi", b"not a video at all"), "cannot be played"),
    ],
)
def test_videos_that_cannot_be_played_say_so(tmp_path: Path, make, message: str) -> None:
    with pytest.raises(CameraUnavailable, match=message):
        open_video(make(tmp_path))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_camera_that_is_not_there_says_what_to_do() -> None:
    with pytest.raises(CameraUnavailable) as raised:
        open_camera(63)
    message = str(raised.value)
    assert "Camera 64 cannot be used" in message
    assert "plugged in" in message and "other program" in message and "USB scanner" in message


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux lists cameras from sysfs")
def test_linux_cameras_are_listed_with_their_names_without_metadata_nodes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number, name, index in [(0, "HD Pro Webcam C920", 0), (1, "HD Pro Webcam C920", 1), (2, "罗技 摄像头", 0)]:
        node = tmp_path / f"video{number}"
        node.mkdir()
        (node / "name").write_text(name + "\n", encoding="utf-8")
        (node / "index").write_text(f"{index}\n")
    monkeypatch.setattr(camera, "LINUX_VIDEO_DEVICES", tmp_path)
    assert list_cameras() == [CameraInfo(0, "HD Pro Webcam C920"), CameraInfo(2, "罗技 摄像头")]
    assert list_cameras(limit=1) == [CameraInfo(0, "HD Pro Webcam C920")]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux lists cameras from sysfs")
def test_no_cameras_gives_an_empty_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(camera, "LINUX_VIDEO_DEVICES", tmp_path)
    assert list_cameras() == []
