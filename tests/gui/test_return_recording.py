"""The returns mode at the packing station records the parcel being opened: a return scanned in
from a generated video through the real camera path leaves a clip linked to its order and its
return, with a mark for each item scanned back in; without a camera or with recording switched off
the return still works (the record says "no video", or nothing is recorded); the player shows the
packing clip and the return clip of an order and says which is which."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from barcode_media import as_printed, sequence_video
from order_shop import Shop, make_shop
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from return_shop import shipped

from orderapp.domain.order_validation import LineDraft
from orderapp.gui import tasks
from orderapp.gui.context import AppContext
from orderapp.gui.evidence_player import EvidencePlayer
from orderapp.gui.packing_screen import PackingScreen, create_screen
from orderapp.gui.return_dialog import ReturnDialog
from orderapp.gui.return_recording import ReturnRecorder
from orderapp.scanning.recording import Recorder, clip_heading, probe_clip
from orderapp.services.aftersales.returns import returnable_order
from orderapp.services.packing.evidence import finish_clip, list_clips, order_clips, start_clip
from orderapp.services.settings.evidence import RecordingSettings, save_recording_settings
from orderapp.store.database import Database

STATION = "PACK-1"
TEA_CODE = "6901234567892"
NOODLES_CODE = "4006381333931"


@pytest.fixture
def products(shop: Database) -> Shop:
    return make_shop(shop)


@pytest.fixture
def station(qtbot: QtBot, shop: Database, products: Shop, tmp_path: Path) -> Iterator[PackingScreen]:
    save_recording_settings(shop, RecordingSettings(folder=str(tmp_path / "clips"), free_floor_mb=0))
    widget = create_screen(AppContext(shop, station=STATION))
    assert isinstance(widget, PackingScreen)
    qtbot.addWidget(widget)
    widget.sounds.enabled = False
    widget.resize(1024, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.stop_camera()
    dialog = getattr(widget, "returns_dialog", None)
    if dialog is not None:
        dialog.close()
        qtbot.waitUntil(lambda: dialog.recorder.finishing == 0, timeout=10_000)


def open_returns(qtbot: QtBot, station: PackingScreen) -> tuple[ReturnDialog, ReturnRecorder]:
    button = station.findChild(QPushButton, "returns_station")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = station.returns_dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, ReturnDialog) and dialog.isVisible()
    recorder = dialog.recorder  # type: ignore[attr-defined]
    assert isinstance(recorder, ReturnRecorder)
    return dialog, recorder


def spins(dialog: ReturnDialog) -> list[int]:
    return [dialog.lines.cellWidget(row, 4).value() for row in range(dialog.lines.rowCount())]  # type: ignore[union-attr]


def test_a_return_scanned_on_camera_is_recorded_with_its_items(
    qtbot: QtBot, station: PackingScreen, shop: Database, tmp_path: Path
) -> None:
    view = shipped(shop, LineDraft(code="TEA-001", qty="3"), LineDraft(code="NDL-002", qty="1"))
    dialog, recorder = open_returns(qtbot, station)
    started: list[tuple[str, bool]] = []
    recorder.recording_started.connect(
        lambda _start: started.append((recorder.indicator.text(), recorder.indicator.isVisible()))
    )
    codes = [as_printed(code) for code in (view.number, TEA_CODE, NOODLES_CODE)]
    video = sequence_video(tmp_path / "return.avi", codes, gap_frames=45)
    station.start_camera(video)
    qtbot.waitUntil(lambda: dialog.order is not None and spins(dialog) == [1, 1], timeout=60_000)
    assert started == [(f"● Recording the return of {view.number}", True)]
    assert station.view is None  # the camera's scans went to the return, not to packing

    with qtbot.waitSignal(recorder.clip_finished, timeout=30_000) as finished:
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    returned = dialog.last_return
    assert returned is not None
    clip = finished.args[0]
    assert clip.kind == "return" and clip.status == "done" and clip.outcome == "returned"
    assert clip.order_number == view.number and clip.return_number == returned.number
    assert [(m.outcome, m.code) for m in clip.marks] == [
        ("returned_item", TEA_CODE),
        ("returned_item", NOODLES_CODE),
        ("returned", returned.number),
    ]
    assert clip.file is not None and clip.file.is_relative_to(tmp_path / "clips")
    frames, last_ms = probe_clip(clip.file)
    assert frames == clip.frames >= 5 and abs(last_ms - clip.duration_ms) <= 1
    assert not recorder.indicator.isVisible()
    # the dialog shows the order again for what is left: no second clip starts for it
    qtbot.waitUntil(lambda: spins(dialog) == [0, 0], timeout=5000)
    assert not recorder.recording and [c.id for c in list_clips(shop, view.number)] == [clip.id]
    assert [line.returnable for line in returnable_order(shop, view.number).lines] == [2, 0]

    # The order's player offers both clips, saying which is which.
    packing = start_clip(shop, view.number, station=STATION, started_at=view.created_at)
    assert packing.path is not None and packing.clip_id is not None
    writer = Recorder(packing.path, order_number=view.number, station=STATION, packer="Owner",
                      started_at=view.created_at, clock=iter(np.arange(0, 10, 0.1)).__next__)  # fmt: skip
    for _ in range(10):
        writer.feed(np.full((240, 320, 3), 120, np.uint8))
    finish_clip(shop, packing.clip_id, writer.finish(), outcome="packed")
    dialog.close()
    player = EvidencePlayer(shop, view.number)
    qtbot.addWidget(player)
    player.show()
    qtbot.waitUntil(lambda: player.play_button.isEnabled() and player.choice.count() == 2, timeout=10_000)
    titles = [player.choice.itemText(n) for n in range(2)]
    assert titles[0].startswith("Packing · ")
    assert titles[1].startswith(f"Return {returned.number} opened · ") and titles[1].endswith(f"· {STATION} · Owner")
    assert player.choice.isVisible() and player.choice.currentIndex() == 1  # the newest: the return
    assert [order_clip.kind for order_clip in order_clips(shop, view.number)] == ["packing", "return"]
    player.close()


def test_without_a_camera_the_return_works_and_notes_no_video(
    qtbot: QtBot, sync_tasks: tasks.SynchronousRunner, station: PackingScreen, shop: Database
) -> None:
    view = shipped(shop, LineDraft(code="TEA-001", qty="2"))
    dialog, recorder = open_returns(qtbot, station)
    dialog.code_entry.setText(view.number)
    qtbot.mouseClick(dialog.code_submit, Qt.MouseButton.LeftButton)
    assert recorder.recording and recorder.indicator.text() == f"● Recording the return of {view.number}"
    dialog.code_entry.setText(TEA_CODE)
    qtbot.mouseClick(dialog.code_submit, Qt.MouseButton.LeftButton)
    assert spins(dialog) == [1]
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: recorder.finishing == 0, timeout=10_000)
    assert dialog.last_return is not None and "1 back in stock" in dialog.scan_message.text()
    [clip] = list_clips(shop, view.number)
    assert clip.kind == "return" and clip.status == "no_video" and clip.file is None
    assert clip.return_number == dialog.last_return.number
    assert clip.note.startswith("No video: the camera sent no pictures while this return was open")
    assert recorder.indicator.isVisible() and recorder.indicator.text() == clip.note


def test_leaving_the_dialog_ends_the_clip_and_switched_off_records_nothing(
    qtbot: QtBot, sync_tasks: tasks.SynchronousRunner, station: PackingScreen, shop: Database, tmp_path: Path
) -> None:
    view = shipped(shop, LineDraft(code="TEA-001", qty="1"))
    dialog, recorder = open_returns(qtbot, station)
    dialog.open_order(view.number)
    assert recorder.recording
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: recorder.finishing == 0, timeout=10_000)
    assert [(c.kind, c.outcome) for c in list_clips(shop, view.number)] == [("return", "abandoned")]

    save_recording_settings(shop, RecordingSettings(enabled=False, folder=str(tmp_path / "clips")))
    other = shipped(shop, LineDraft(code="TEA-001", qty="1"))
    dialog, recorder = open_returns(qtbot, station)
    dialog.open_order(other.number)
    assert not recorder.recording and not recorder.indicator.isVisible()
    dialog.spins[other.lines[0].id].setValue(1)
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert dialog.last_return is not None
    assert list_clips(shop, other.number) == []
    assert QApplication.activeModalWidget() in (dialog, None)


def test_the_picture_says_it_is_a_return() -> None:
    assert clip_heading("SO-000001", "PACK-1", "Owner", "return") == "RETURN OF ORDER SO-000001   PACK-1 / Owner"
    assert clip_heading("SO-000001", "PACK-1", "王") == "ORDER SO-000001   PACK-1 / ?"


def test_an_order_open_for_packing_does_not_record_the_return(
    qtbot: QtBot, sync_tasks: tasks.SynchronousRunner, station: PackingScreen, shop: Database
) -> None:
    from order_shop import USER, delivery_draft

    from orderapp.services.orders.placing import place_order

    packing = place_order(shop, delivery_draft(LineDraft(code="TEA-001")), user_id=USER, confirm=True)
    station.open_number(packing.number)
    assert station.recorder.recording and not station.recorder.paused
    dialog, _recorder = open_returns(qtbot, station)
    assert station.recorder.paused
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not station.recorder.paused
    station.leave()  # the recorder notices the order is no longer open
    qtbot.waitUntil(lambda: not station.recorder.recording and station.recorder.finishing == 0, timeout=10_000)
    [clip] = list_clips(shop, packing.number)
    assert [(m.outcome, m.code) for m in clip.marks] == [("paused", ""), ("resumed", ""), ("abandoned", packing.number)]
