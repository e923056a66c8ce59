"""Where a packing video is found and handed over: "Play packing video" on the exceptions of an
order and in the packing station's packing history (disabled, saying why, when the order has no
clip), and the player's delete (the owner only, after a confirmation; a refusal said in a sentence)."""

from __future__ import annotations

from pathlib import Path

import pytest
from barcode_media import as_printed, sequence_video
from evidence_packing import pack_from_video
from packing_shop import GREEN_TEA, OOLONG, TEA, PackingShop, make_packing_shop
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from test_return_dialog import wedge_burst

from orderapp.domain.staff import Actor, Role
from orderapp.gui import tasks
from orderapp.gui.context import AppContext
from orderapp.gui.evidence_player import EvidencePlayer
from orderapp.gui.exceptions_screen import ExceptionsScreen
from orderapp.gui.packing_history import PackingHistoryDialog
from orderapp.gui.packing_screen import PackingScreen, create_screen
from orderapp.services.aftersales.exceptions import raise_exception
from orderapp.services.packing.evidence import ClipRecord, list_clips
from orderapp.services.packing.station import leave_order, open_order
from orderapp.services.settings.evidence import RecordingSettings, save_recording_settings
from orderapp.services.staff.people import add_user
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

STATION = "PACK-1"


@pytest.fixture
def packing(shop: Database) -> PackingShop:
    return make_packing_shop(shop)


@pytest.fixture
def clip(shop: Database, packing: PackingShop, tmp_path: Path) -> ClipRecord:
    save_recording_settings(shop, RecordingSettings(folder=str(tmp_path / "clips"), free_floor_mb=0))
    video = sequence_video(tmp_path / "p.avi", [as_printed(c) for c in ("SO-000001", TEA, GREEN_TEA, TEA, OOLONG)])
    packed = pack_from_video(shop, video, station=STATION)
    assert packed.clip is not None
    return packed.clip


def _staff(shop: Database, role: Role) -> AppContext:
    owner = Actor(DEFAULT_USER_ID, "Owner", Role.OWNER, STATION)
    user = add_user(shop, f"Li {role.value}", role, "4321", actor=owner)
    return AppContext(shop, user_id=user.id, station=STATION, user_name=f"Li {role.value}", role=role)


def test_the_exceptions_of_an_order_play_its_video(
    qtbot: QtBot, shop: Database, packing: PackingShop, clip: ClipRecord, sync_tasks: tasks.SynchronousRunner
) -> None:
    raise_exception(shop, packing.two_teas, "lost", "severe", user_id=DEFAULT_USER_ID, cause="parcel lost")
    raise_exception(shop, packing.big, "damaged", "minor", user_id=DEFAULT_USER_ID)
    screen = ExceptionsScreen(AppContext(shop, station=STATION))
    qtbot.addWidget(screen)
    screen.resize(1024, 600)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2 and not screen.model.loading, timeout=5000)
    button = screen.play_video
    assert not button.isEnabled() and button.toolTip() == "Choose an order first."

    rows = [row.order_number for row in screen.queue_rows()]
    with qtbot.waitSignal(screen.detail_shown, timeout=5000):
        screen.choose_row(rows.index("SO-000001"))
    assert button.isVisible() and button.isEnabled() and button.text() == "Play packing video"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    player = button.player
    assert isinstance(player, EvidencePlayer) and player.isVisible()
    qtbot.waitUntil(lambda: player.play_button.isEnabled(), timeout=10_000)
    assert player.windowTitle() == "Packing video · SO-000001"
    assert player.choice.itemText(0).startswith("Packing · ")
    player.close()

    big = rows.index(next(n for n in rows if n != "SO-000001"))
    with qtbot.waitSignal(screen.detail_shown, timeout=5000):
        screen.choose_row(big)
    assert not button.isEnabled()
    assert button.toolTip() == f"Order {rows[big]} has no packing video."


@pytest.fixture
def station(qtbot: QtBot, shop: Database, clip: ClipRecord, sync_tasks: tasks.SynchronousRunner) -> PackingScreen:
    widget = create_screen(AppContext(shop, station=STATION))
    assert isinstance(widget, PackingScreen)
    qtbot.addWidget(widget)
    widget.sounds.enabled = False
    widget.resize(1024, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def open_history(qtbot: QtBot, station: PackingScreen) -> PackingHistoryDialog:
    button = station.findChild(QPushButton, "packing_history_button")
    assert (
        button is not None
        and button.isVisible()
        and button.text() == "History…"
        and "Packing history" in button.toolTip()
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = station.history_dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, PackingHistoryDialog) and dialog.isVisible()
    return dialog


def test_the_packing_history_lists_sessions_and_plays_their_video(
    qtbot: QtBot,
    station: PackingScreen,
    shop: Database,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    left = open_order(shop, "SO-000006", user_id=DEFAULT_USER_ID, station="PACK-2")
    leave_order(shop, left.session_id)
    dialog = open_history(qtbot, station)
    qtmodeltester.check(dialog.model)
    assert [dialog.texts(row)[:3] + dialog.texts(row)[5:] for row in range(dialog.model.rowCount())] == [
        ["SO-000006", dialog.texts(0)[1], "PACK-2", "left", "no video"],
        ["SO-000001", dialog.texts(1)[1], STATION, "packed", "video"],
    ]
    assert dialog.texts(1)[3] <= dialog.texts(1)[4]  # started, then ended (shop time)
    # The newest is chosen: it has no video, and the button says why.
    assert (
        not dialog.play_button.isEnabled() and dialog.play_button.toolTip() == "Order SO-000006 has no packing video."
    )
    dialog.choose_row(1)
    assert dialog.play_button.isEnabled()
    qtbot.mouseClick(dialog.play_button, Qt.MouseButton.LeftButton)
    player = dialog.play_button.player
    assert player is not None
    qtbot.waitUntil(lambda: player.play_button.isEnabled(), timeout=10_000)
    assert player.order_number == "SO-000001"
    player.close()

    # A slip scanned with the USB scanner looks its order up here; nothing is opened for packing.
    wedge_burst(dialog.table, "SO-000006")
    assert dialog.search_entry.text() == "SO-000006"
    assert [dialog.texts(row)[0] for row in range(dialog.model.rowCount())] == ["SO-000006"]
    assert station.view is None
    dialog.search_entry.clear()
    qtbot.keyClicks(dialog.search_entry, "so1")
    qtbot.keyClick(dialog.search_entry, Qt.Key.Key_Return)
    assert [dialog.texts(row)[0] for row in range(dialog.model.rowCount())] == ["SO-000001"]
    dialog.search_entry.setText("SO-000002")
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0
    assert dialog.message.isVisible() and dialog.message.text() == "No packing of order SO-000002 is recorded."
    assert not dialog.play_button.isEnabled()
    dialog.close()


def test_the_history_reads_more_pages_as_it_scrolls(
    qtbot: QtBot,
    shop: Database,
    packing: PackingShop,
    sync_tasks: tasks.SynchronousRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import orderapp.gui.packing_history as history

    monkeypatch.setattr(history, "PAGE", 2)
    opened = []
    for number in ("SO-000001", "SO-000002", "SO-000006", "SO-000001", "SO-000002"):
        view = open_order(shop, number, user_id=DEFAULT_USER_ID, station=STATION)
        leave_order(shop, view.session_id)
        opened.append(view.session_id)
    dialog = PackingHistoryDialog(AppContext(shop, station=STATION))
    qtbot.addWidget(dialog)
    assert [row.session_id for row in dialog.rows()] == opened[::-1][:2]
    while dialog.model.canFetchMore():
        dialog.model.fetchMore()
    assert [row.session_id for row in dialog.rows()] == opened[::-1]


def test_the_owner_deletes_a_video_after_confirming(
    qtbot: QtBot, shop: Database, clip: ClipRecord, sync_tasks: tasks.SynchronousRunner
) -> None:
    player = EvidencePlayer(shop, "SO-000001", context=AppContext(shop, station=STATION))
    qtbot.addWidget(player)
    player.show()
    qtbot.waitUntil(lambda: player.play_button.isEnabled(), timeout=10_000)
    assert player.delete_button.isEnabled() and player.delete_button.text() == "Delete video…"
    asked: list[str] = []
    player.ask_confirm = lambda question: asked.append(question) or False  # "No"
    qtbot.mouseClick(player.delete_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].startswith("Delete the video of order SO-000001 recorded on")
    assert clip.file is not None and clip.file.exists() and list_clips(shop, "SO-000001")[0].status == "done"

    player.ask_confirm = lambda _question: True
    with qtbot.waitSignal(player.deleted, timeout=10_000):
        qtbot.mouseClick(player.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: player.message.text().startswith("The video was deleted."), timeout=5000)
    assert not clip.file.exists()
    [record] = list_clips(shop, "SO-000001")
    assert record.status == "expired" and record.note.startswith("Deleted by ")
    assert not player.play_button.isEnabled() and not player.delete_button.isEnabled()
    player.close()


@pytest.mark.parametrize("role", [Role.SHOPKEEPER, Role.PACKER])
def test_staff_cannot_delete_a_video(
    qtbot: QtBot, shop: Database, clip: ClipRecord, sync_tasks: tasks.SynchronousRunner, role: Role
) -> None:
    context = _staff(shop, role)
    player = EvidencePlayer(shop, "SO-000001", context=context)
    qtbot.addWidget(player)
    player.show()
    qtbot.waitUntil(lambda: player.play_button.isEnabled(), timeout=10_000)
    assert not player.delete_button.isEnabled()
    assert player.delete_button.toolTip() == "Only the shop's owner may delete a packing video."
    # Were the button reached anyway (an owner's role changed meanwhile), the service refuses in a sentence.
    context.role = Role.OWNER
    player.context.user_changed[0]()
    assert player.delete_button.isEnabled()
    player.ask_confirm = lambda _question: True
    with qtbot.waitSignal(player.refused, timeout=10_000) as refused:
        qtbot.mouseClick(player.delete_button, Qt.MouseButton.LeftButton)
    assert refused.args == ["Only the shop's owner may delete a packing video."]
    assert player.message.isVisible() and player.message.text() == "Only the shop's owner may delete a packing video."
    assert clip.file is not None and clip.file.exists() and list_clips(shop, "SO-000001")[0].status == "done"
    qtbot.waitUntil(lambda: player.play_button.isEnabled(), timeout=10_000)  # the clip still plays
    player.close()
