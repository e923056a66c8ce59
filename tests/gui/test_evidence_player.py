"""The packing video player: an order's clip with its scan marks, play and pause, a frame back and
forward, a mark chosen from the list; an unplayable file explained; "Play packing video" on the order
detail opens it."""

from __future__ import annotations

from pathlib import Path

import pytest
from barcode_media import as_printed, sequence_video
from evidence_packing import pack_from_video
from packing_shop import GREEN_TEA, OOLONG, TEA, PackingShop, make_packing_shop
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from orderapp.gui import tasks
from orderapp.gui.context import AppContext
from orderapp.gui.evidence_player import EvidencePlayer
from orderapp.gui.order_detail import OrderDetail
from orderapp.services.orders.placing import get_order
from orderapp.services.packing.evidence import ClipRecord, verify_export
from orderapp.services.settings.evidence import RecordingSettings, save_recording_settings
from orderapp.store.database import Database


@pytest.fixture
def packing(shop: Database) -> PackingShop:
    return make_packing_shop(shop)


@pytest.fixture
def clip(shop: Database, packing: PackingShop, tmp_path: Path) -> ClipRecord:
    save_recording_settings(shop, RecordingSettings(folder=str(tmp_path / "clips"), free_floor_mb=0))
    video = sequence_video(tmp_path / "p.avi", [as_printed(c) for c in ("SO-000001", TEA, GREEN_TEA, TEA, OOLONG)])
    packed = pack_from_video(shop, video)
    assert packed.clip is not None
    return packed.clip


def open_player(qtbot: QtBot, shop: Database, number: str) -> EvidencePlayer:
    player = EvidencePlayer(shop, number)
    qtbot.addWidget(player)
    player.show()
    return player


def test_the_player_shows_the_clip_with_its_marks_and_steps_through_it(
    qtbot: QtBot, shop: Database, clip: ClipRecord, sync_tasks: tasks.SynchronousRunner, tmp_path: Path
) -> None:
    player = open_player(qtbot, shop, "SO-000001")
    qtbot.waitUntil(lambda: player.play_button.isEnabled() and player.position_ms == 0, timeout=10_000)
    texts = [player.marks_list.item(row).text() for row in range(player.marks_list.count())]
    assert [text.split("  ", 1)[1] for text in texts] == [
        f"OK  {TEA}",
        f"refused: not on this order  {GREEN_TEA}",
        f"OK  {TEA}",
        f"OK  {OOLONG}",
        "packed  SO-000001",
    ]
    assert player.timeline.marks == clip.marks and player.timeline.maximum() == clip.duration_ms
    assert not player.picture.pixmap().isNull()

    with qtbot.waitSignal(player.frame_shown, timeout=5000):
        player.step_forward()
    first_step = player.position_ms
    assert first_step > 0
    with qtbot.waitSignal(player.frame_shown, timeout=5000):
        player.step_forward()
    assert player.position_ms > first_step
    with qtbot.waitSignal(player.frame_shown, timeout=5000):
        player.step_back()
    assert player.position_ms == first_step

    # A mark chosen in the list shows the moment just before that scan.
    refused = clip.marks[1]
    player.marks_list.itemClicked.emit(player.marks_list.item(1))
    # A frame of the steps above may still arrive first on a busy machine: wait for the mark's own.
    qtbot.waitUntil(
        lambda: refused.offset_ms - 600 <= player.position_ms <= refused.offset_ms - 400 + 100, timeout=5000
    )

    # Playing moves on by itself; pausing stops it.
    start = player.position_ms
    player.play()
    assert player.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: player.position_ms > start + 300, timeout=5000)
    player.toggle_play()
    assert not player.playing and player.play_button.text() == "Play"

    player.export_to(tmp_path / "export")
    assert player.message.text().startswith("Exported to") and verify_export(tmp_path / "export").ok
    player.close()


def test_an_unplayable_clip_is_explained(
    qtbot: QtBot, shop: Database, clip: ClipRecord, sync_tasks: tasks.SynchronousRunner
) -> None:
    assert clip.file is not None
    clip.file.write_bytes(b"not a video at all" * 10)
    player = open_player(qtbot, shop, "SO-000001")
    qtbot.waitUntil(lambda: player.message.isVisible(), timeout=10_000)
    assert player.message.text().startswith("This packing video cannot be played")
    assert not player.play_button.isEnabled()
    none = open_player(qtbot, shop, "SO-000006")
    assert none.message.text() == "Order SO-000006 has no packing video."


def test_the_order_detail_offers_play_packing_video(
    qtbot: QtBot, shop: Database, packing: PackingShop, clip: ClipRecord, sync_tasks: tasks.SynchronousRunner
) -> None:
    detail = OrderDetail(AppContext(shop))
    qtbot.addWidget(detail)
    detail.show()
    detail.show_order(get_order(shop, packing.two_teas))
    button = detail.play_video_button
    assert button.isVisible() and button.isEnabled() and button.text() == "Play packing video"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    player = detail.evidence_player  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: player.play_button.isEnabled(), timeout=10_000)
    assert player.windowTitle() == "Packing video · SO-000001"
    player.close()
    detail.show_order(get_order(shop, packing.big))
    assert not button.isVisible()
