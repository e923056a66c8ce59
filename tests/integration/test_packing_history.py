"""The packing history: pack sessions newest first with packer, station, times, how each ended and
whether it has a video; searched by order number; paged by keyset so a page never repeats or skips a
session. Return clips: a return's clip is stored with its order and its return, beside the packing
clip, and says which is which."""

from __future__ import annotations

from pathlib import Path

import pytest
from order_shop import make_shop
from packing_shop import OOLONG, TEA, make_packing_shop
from return_shop import shipped

from orderapp.domain.order_validation import LineDraft
from orderapp.domain.returns import ReturnItem
from orderapp.scanning.recording import ClipFacts, ScanMark
from orderapp.services.aftersales.returns import record_return
from orderapp.services.packing.evidence import (
    export_clip,
    finish_clip,
    list_clips,
    order_clips,
    record_no_video,
    start_clip,
)
from orderapp.services.packing.history import packing_history
from orderapp.services.packing.station import handle_code, leave_order, open_order, override_pack
from orderapp.services.settings.evidence import RecordingSettings, save_recording_settings
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

STATION = "PACK-1"


def _fake_clip(database: Database, number: str, session_id: int | None, *, kind: str = "packing") -> int:
    start = start_clip(database, number, station=STATION, pack_session_id=session_id, kind=kind)
    assert start.path is not None and start.clip_id is not None
    start.path.parent.mkdir(parents=True, exist_ok=True)
    start.path.write_bytes(b"\x47" * 188 * 4)  # stands for an MPEG-TS file: only hashed and measured here
    return start.clip_id


def test_history_lists_sessions_newest_first_with_result_and_video(database: Database, tmp_path: Path) -> None:
    make_packing_shop(database)
    save_recording_settings(database, RecordingSettings(folder=str(tmp_path / "clips"), free_floor_mb=0))
    user = {"user_id": DEFAULT_USER_ID, "station": STATION}

    left = open_order(database, "SO-000001", **user)
    record_no_video(database, "SO-000001", station=STATION, reason="No camera.", pack_session_id=left.session_id)
    leave_order(database, left.session_id)

    packed = open_order(database, "SO-000001", **user)
    clip_id = _fake_clip(database, "SO-000001", packed.session_id)
    for code in (TEA, OOLONG, TEA):
        handle_code(database, code, symbology=None, source="wedge", session_id=packed.session_id, **user)
    finish_clip(database, clip_id, ClipFacts(tmp_path / "nothing.ts", 0, 0, (), "h264"), outcome="packed")
    # the clip above had no picture after all: it becomes "no video"; a real one for the override
    overridden = open_order(database, "SO-000006", **user)
    clip_id = _fake_clip(database, "SO-000006", overridden.session_id)
    start = list_clips(database, "SO-000006")[0]
    assert start.file is not None
    finish_clip(database, clip_id, ClipFacts(start.file, 3, 2000, (), "h264"), outcome="override")
    override_pack(database, overridden.session_id, "label torn", **user)
    still_open = open_order(database, "SO-000002", **user)

    page = packing_history(database)
    assert [(r.order_number, r.result, r.video) for r in page.rows] == [
        ("SO-000002", "open", ""),
        ("SO-000006", "overridden", "video"),
        ("SO-000001", "packed", "no_video"),
        ("SO-000001", "left", "no_video"),
    ]
    first = page.rows[0]
    assert first.session_id == still_open.session_id and first.station == STATION and first.ended_at is None
    assert page.rows[1].has_video and not page.rows[2].has_video
    assert page.rows[3].video_note == "No camera."
    assert all(r.packer for r in page.rows) and page.rows[1].ended_at is not None
    assert page.next is None

    # by order number, in any of the forms a person types
    for typed in ("SO-000001", "so000001", "1", " SO 1 "):
        found = packing_history(database, order=typed)
        assert [r.session_id for r in found.rows] == [packed.session_id, left.session_id], typed
    nothing = packing_history(database, order="SO-000005")
    assert nothing.rows == () and nothing.message == "No packing of order SO-000005 is recorded."
    bad = packing_history(database, order="abc?")
    assert bad.rows == () and bad.message.startswith("abc? is not an order number")


def test_history_pages_never_repeat_or_skip(database: Database) -> None:
    make_packing_shop(database)
    opened = []
    for _round in range(3):
        for number in ("SO-000001", "SO-000002", "SO-000006"):
            view = open_order(database, number, user_id=DEFAULT_USER_ID, station=STATION)
            leave_order(database, view.session_id)
            opened.append(view.session_id)
    seen: list[int] = []
    page = packing_history(database, limit=4)
    pages = 1
    while True:
        seen.extend(r.session_id for r in page.rows)
        if page.next is None:
            break
        page = packing_history(database, after=page.next, limit=4)
        pages += 1
    assert pages == 3 and seen == sorted(opened, reverse=True)
    assert len(packing_history(database, limit=10_000).rows) == 9  # limited, never unbounded


def test_a_return_clip_is_linked_to_its_order_and_its_return(database: Database, tmp_path: Path) -> None:
    make_shop(database)
    save_recording_settings(database, RecordingSettings(folder=str(tmp_path / "clips"), free_floor_mb=0))
    view = shipped(database, LineDraft(code="TEA-001", qty="2"))
    packing_clip = _fake_clip(database, view.number, None)
    path = list_clips(database, view.number)[0].file
    assert path is not None
    finish_clip(database, packing_clip, ClipFacts(path, 5, 4000, (), "h264"), outcome="packed")

    start = start_clip(database, view.number, station=STATION, kind="return")
    assert start.path is not None and start.clip_id is not None and "_return_" in start.path.name
    start.path.parent.mkdir(parents=True, exist_ok=True)
    start.path.write_bytes(b"\x47" * 188 * 2)
    returned = record_return(
        database, view.id, [ReturnItem(view.lines[0].id, 1, "resellable")], reason="not_wanted", user_id=1
    )
    marks = (ScanMark(800, "returned_item", "6901234567892"), ScanMark(1500, "returned", returned.number))
    record = finish_clip(
        database, start.clip_id, ClipFacts(start.path, 4, 1600, marks, "h264"), outcome="returned",
        return_id=returned.id,
    )  # fmt: skip
    assert record.kind == "return" and record.return_number == returned.number and record.playable
    both = order_clips(database, view.number)
    assert [(c.kind, c.return_number, c.outcome) for c in both] == [
        ("packing", "", "packed"),
        ("return", returned.number, "returned"),
    ]
    assert both[1].marks == marks
    # the return clip is no packing session: the packing history does not list it
    assert packing_history(database, order=view.number).rows == ()
    export = export_clip(database, view.number, tmp_path / "out")
    import json

    manifest = json.loads(export.manifest.read_text(encoding="utf-8"))
    assert [(c["kind"], c["return"]) for c in manifest["clips"]] == [("packing", ""), ("return", returned.number)]


def test_a_return_without_a_usable_folder_notes_no_video(database: Database, tmp_path: Path) -> None:
    make_shop(database)
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    save_recording_settings(database, RecordingSettings(folder=str(blocker / "clips")))
    view = shipped(database, LineDraft(code="TEA-001", qty="1"))
    start = start_clip(database, view.number, station=STATION, kind="return")
    assert start.path is None and "cannot be used" in start.problem
    [clip] = list_clips(database, view.number)
    assert clip.kind == "return" and clip.status == "no_video" and clip.note == start.problem


@pytest.mark.parametrize("enabled", [False])
def test_a_return_records_nothing_when_recording_is_off(database: Database, tmp_path: Path, enabled: bool) -> None:
    make_shop(database)
    save_recording_settings(database, RecordingSettings(enabled=enabled, folder=str(tmp_path / "clips")))
    view = shipped(database, LineDraft(code="TEA-001", qty="1"))
    start = start_clip(database, view.number, station=STATION, kind="return")
    assert start.path is None and start.clip_id is None and start.problem == ""
    assert list_clips(database, view.number) == []
