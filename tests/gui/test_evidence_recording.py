"""The packing screen records a clip of each order: the real camera path (a generated video through
cv2.VideoCapture on the camera thread), the recording indicator, the marks of the scans, and the
faults: no camera (the order notes "no video"), recording switched off, a folder that cannot be used."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from barcode_media import as_printed, sequence_video
from packing_shop import OOLONG, TEA, PackingShop, make_packing_shop
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from orderapp.gui import tasks
from orderapp.gui.context import AppContext
from orderapp.gui.packing_screen import PackingScreen, create_screen
from orderapp.scanning.acceptance import Scan
from orderapp.scanning.recording import probe_clip
from orderapp.services.packing.evidence import list_clips
from orderapp.services.settings.evidence import RecordingSettings, save_recording_settings
from orderapp.store.database import Database

STATION = "PACK-1"


@pytest.fixture
def packing(shop: Database) -> PackingShop:
    return make_packing_shop(shop)


def _screen(qtbot: QtBot, shop: Database) -> PackingScreen:
    widget = create_screen(AppContext(shop, station=STATION))
    assert isinstance(widget, PackingScreen)
    qtbot.addWidget(widget)
    widget.sounds.enabled = False
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def screen(qtbot: QtBot, shop: Database, packing: PackingShop, tmp_path: Path) -> Iterator[PackingScreen]:
    """Tests that want background work done at once ask for ``sync_tasks`` before this fixture, so
    the screen's own start-up work (resuming, recovering clips) is done at once too."""
    save_recording_settings(shop, RecordingSettings(folder=str(tmp_path / "clips"), free_floor_mb=0))
    widget = _screen(qtbot, shop)
    yield widget
    widget.stop_camera()
    qtbot.waitUntil(lambda: widget.recorder.finishing == 0, timeout=10_000)


def test_an_order_packed_on_camera_is_recorded_with_its_scans(
    qtbot: QtBot, screen: PackingScreen, shop: Database, tmp_path: Path
) -> None:
    video = sequence_video(tmp_path / "pack.avi", [as_printed(code) for code in ("SO-000001", TEA, OOLONG, TEA)])
    shown: list[tuple[str, bool]] = []
    screen.recorder.recording_started.connect(
        lambda _start: shown.append((screen.recorder.indicator.text(), screen.recorder.indicator.isVisible()))
    )
    with qtbot.waitSignal(screen.recorder.clip_finished, timeout=60_000) as finished:
        screen.start_camera(video)
    assert shown == [("● Recording SO-000001", True)]
    assert not screen.recorder.indicator.isVisible()
    clip = finished.args[0]
    assert clip.status == "done" and clip.outcome == "packed" and clip.order_number == "SO-000001"
    assert [(m.outcome, m.code) for m in clip.marks] == [
        ("accepted", TEA),
        ("accepted", OOLONG),
        ("accepted", TEA),
        ("packed", "SO-000001"),
    ]
    assert clip.file is not None and clip.file.is_relative_to(tmp_path / "clips")
    frames, last_ms = probe_clip(clip.file)
    assert frames == clip.frames >= 5 and abs(last_ms - clip.duration_ms) <= 1
    assert clip.marks[-1].offset_ms <= clip.duration_ms + 100
    assert [c.id for c in list_clips(shop, "SO-000001")] == [clip.id]


def test_without_a_camera_packing_works_and_the_order_notes_no_video(
    sync_tasks: tasks.SynchronousRunner, qtbot: QtBot, screen: PackingScreen, shop: Database
) -> None:
    screen.open_number("SO-000001")
    assert screen.recorder.indicator.text() == "● Recording SO-000001"
    for code in (TEA, OOLONG, TEA):
        screen.handle_scan(Scan(code=code, symbology=None, source="wedge"))
    qtbot.waitUntil(lambda: screen.recorder.finishing == 0, timeout=10_000)
    assert screen.view is not None and screen.view.outcome == "packed"
    [clip] = list_clips(shop, "SO-000001")
    assert clip.status == "no_video" and clip.file is None
    assert clip.note.startswith("No video: the camera sent no pictures")
    assert screen.recorder.indicator.isVisible() and screen.recorder.indicator.text() == clip.note


def test_leaving_an_order_closes_its_clip_and_a_broken_folder_is_explained(
    sync_tasks: tasks.SynchronousRunner, qtbot: QtBot, screen: PackingScreen, shop: Database, tmp_path: Path
) -> None:
    screen.open_number("SO-000001")
    qtbot.mouseClick(screen.leave_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.recorder.finishing == 0, timeout=10_000)
    assert [c.outcome for c in list_clips(shop, "SO-000001")] == ["abandoned"]
    screen.open_number("SO-000006")
    assert screen.recorder.recording
    screen.leave()  # not by the button: the recorder notices the order is no longer open
    qtbot.waitUntil(lambda: not screen.recorder.recording and screen.recorder.finishing == 0, timeout=10_000)
    assert [c.outcome for c in list_clips(shop, "SO-000006")] == ["abandoned"]

    blocker = tmp_path / "a file"
    blocker.write_text("x")
    save_recording_settings(shop, RecordingSettings(folder=str(blocker / "clips")))
    problems: list[str] = []
    screen.recorder.problem.connect(problems.append)
    screen.open_number("SO-000002")
    assert problems and "cannot be used" in problems[0] and "packing works as usual" in problems[0]
    assert screen.recorder.indicator.text() == problems[0]
    assert screen.view is not None and screen.view.number == "SO-000002"


def test_recording_switched_off_records_nothing(
    sync_tasks: tasks.SynchronousRunner, qtbot: QtBot, screen: PackingScreen, shop: Database, tmp_path: Path
) -> None:
    save_recording_settings(shop, RecordingSettings(enabled=False, folder=str(tmp_path / "clips")))
    screen.open_number("SO-000001")
    assert not screen.recorder.indicator.isVisible() and not screen.recorder.recording
    screen.leave()
    assert list_clips(shop) == []
