"""Packing evidence: orders packed from generated videos through the real capture path leave a clip
that plays, lasts as long as the packing, carries the stored scans as marks and verifies by its
SHA-256; retention by days and by size; the faults (no camera, no folder, a full disk, an export
over a folder in use, a changed clip) each give a sentence and lose nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import cv2
import numpy as np
import pytest
import zxingcpp
from barcode_media import as_printed, sequence_video
from evidence_packing import pack_from_video
from packing_shop import GREEN_TEA, OOLONG, TEA, make_packing_shop
from sqlalchemy import select

from orderapp.cli import main
from orderapp.errors import NotFound
from orderapp.scanning.recording import ClipFacts, Recorder, ScanMark, probe_clip
from orderapp.services.packing.evidence import (
    DeleteRefused,
    ExportRefused,
    apply_retention,
    delete_clip,
    export_clip,
    finish_clip,
    list_clips,
    order_clips,
    recover_clips,
    sha256_of,
    start_clip,
    verify_export,
)
from orderapp.services.settings.evidence import RecordingSettings, save_recording_settings
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID
from orderapp.store.packing_models import PackScan, PackSession

STATION = "PACK-1"


@pytest.fixture
def clips_folder(database: Database, tmp_path: Path) -> Path:
    folder = tmp_path / "videos 视频"
    save_recording_settings(database, RecordingSettings(folder=str(folder), free_floor_mb=0))
    return folder


def _video(tmp_path: Path, codes: list[str], name: str = "bench.avi") -> Path:
    return sequence_video(tmp_path / name, [as_printed(code) for code in codes])


def test_a_packed_order_leaves_a_clip_that_plays_and_matches_its_scans(
    database: Database, clips_folder: Path, tmp_path: Path
) -> None:
    make_packing_shop(database)
    video = _video(tmp_path, ["SO-000001", TEA, GREEN_TEA, TEA, OOLONG])
    packed = pack_from_video(database, video, station=STATION, paced=True)

    clip = packed.clip
    assert clip is not None and clip.status == "done" and clip.file is not None
    assert clip.file.is_relative_to(clips_folder) and clip.order_number == "SO-000001"
    assert (clip.station, clip.packer, clip.outcome) == (STATION, "Owner", "packed")
    # It plays, and lasts as long as the packing session did.
    frames, last_ms = probe_clip(clip.file)
    assert frames == clip.frames > 10
    with database.session() as session:
        pack = session.scalars(select(PackSession).where(PackSession.order_id == clip.order_id)).one()
        scans = session.scalars(select(PackScan).where(PackScan.pack_session_id == pack.id).order_by(PackScan.id)).all()
        assert pack.finished_at is not None
        session_ms = (pack.finished_at - pack.started_at).total_seconds() * 1000
    assert abs(last_ms - session_ms) < 500
    assert abs(clip.duration_ms - session_ms) < 500
    # Its marks are the stored scans, at their times.
    assert [(m.outcome, m.code) for m in clip.marks] == [(s.outcome, s.code) for s in scans] + [("packed", "SO-000001")]
    assert [s.outcome for s in scans] == ["accepted", "not_on_order", "accepted", "accepted"]
    for mark, scan in zip(clip.marks, scans, strict=False):
        assert abs(mark.offset_ms - (scan.at - clip.started_at).total_seconds() * 1000) < 600
    # The refused scan is burned into the picture (a red bar), and a product label stays readable.
    refused = clip.marks[1]
    capture = cv2.VideoCapture(str(clip.file))
    bars: dict[str, np.ndarray] = {}
    readable = 0
    while True:
        ok, frame = capture.read()
        if not ok:
            break
        at = capture.get(cv2.CAP_PROP_POS_MSEC)
        if refused.offset_ms + 100 <= at <= refused.offset_ms + 1500:
            bars.setdefault("refused", frame[-10:].reshape(-1, 3).mean(axis=0))
        if at < clip.marks[0].offset_ms - 2000:
            bars.setdefault("before", frame[-10:].reshape(-1, 3).mean(axis=0))
        readable += any(r.text in (TEA, GREEN_TEA, "0" + OOLONG) for r in zxingcpp.read_barcodes(frame))
    capture.release()
    blue, green, red = bars["refused"]
    assert red > 150 and red > 2 * green and red > 2 * blue
    assert readable >= 5
    # Its hash verifies once exported, and a single changed byte fails the check.
    assert sha256_of(clip.file) == clip.sha256
    out = tmp_path / "export 导出"
    result = export_clip(database, "so-000001", out)
    assert verify_export(out).ok
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    entry = manifest["clips"][0]
    assert manifest["order"] == "SO-000001" and entry["station"] == STATION and entry["sha256"] == clip.sha256
    assert [s["result"] for s in entry["scans"]] == ["accepted", "not_on_order", "accepted", "accepted", "packed"]
    exported = out / entry["file"]
    data = bytearray(exported.read_bytes())
    data[len(data) // 2] ^= 0x01
    exported.write_bytes(bytes(data))
    verdict = verify_export(out)
    assert not verdict.ok and "does NOT match" in verdict.message


def test_without_camera_pictures_the_order_notes_no_video(database: Database, clips_folder: Path) -> None:
    make_packing_shop(database)
    start = start_clip(database, "SO-000001", station=STATION)
    assert start.path is not None and start.clip_id is not None
    recorder = Recorder(
        start.path, order_number="SO-000001", station=STATION, packer="Owner", started_at=start.started_at
    )
    recorder.mark("accepted", TEA)
    record = finish_clip(database, start.clip_id, recorder.finish(), outcome="packed")
    assert record.status == "no_video" and "no pictures" in record.note and record.file is None
    assert not start.path.exists()
    with pytest.raises(NotFound, match="no packing video to export"):
        export_clip(database, "SO-000001", clips_folder.parent / "out")


def test_a_missing_or_full_folder_records_nothing_and_says_why(database: Database, tmp_path: Path) -> None:
    make_packing_shop(database)
    blocker = tmp_path / "not a folder"
    blocker.write_text("x")
    save_recording_settings(database, RecordingSettings(folder=str(blocker / "videos")))
    start = start_clip(database, "SO-000001", station=STATION)
    assert start.path is None and "cannot be used" in start.problem and "packing works" in start.problem
    save_recording_settings(database, RecordingSettings(folder=str(tmp_path / "v"), free_floor_mb=90_000_000))
    start = start_clip(database, "SO-000002", station=STATION)
    assert start.path is None and "below the 90000000 MB to keep free" in start.problem
    notes = {clip.order_number: clip for clip in list_clips(database)}
    assert notes["SO-000001"].status == notes["SO-000002"].status == "no_video"
    save_recording_settings(database, RecordingSettings(enabled=False, folder=str(tmp_path / "v")))
    off = start_clip(database, "SO-000003", station=STATION)
    assert off.path is None and off.problem == "" and not list_clips(database, "SO-000003")


def _fake_clip(database: Database, number: str, *, days_old: float, size: int, now: datetime) -> int:
    start = start_clip(database, number, station=STATION, started_at=now - timedelta(days=days_old))
    assert start.path is not None and start.clip_id is not None
    start.path.parent.mkdir(parents=True, exist_ok=True)
    start.path.write_bytes(os.urandom(size))
    facts = ClipFacts(start.path, 10, 1000, (ScanMark(500, "accepted", TEA),), "libx264")
    finish_clip(database, start.clip_id, facts, outcome="packed")
    return start.clip_id


def test_retention_by_days_then_by_total_size(database: Database, tmp_path: Path) -> None:
    make_packing_shop(database)
    now = datetime.now(UTC)
    save_recording_settings(database, RecordingSettings(folder=str(tmp_path / "v"), keep_days=3650, free_floor_mb=0))
    ages = {"SO-000001": 40.0, "SO-000002": 20.0, "SO-000003": 10.0, "SO-000004": 5.0, "SO-000005": 1.0}
    for number, age in ages.items():
        _fake_clip(
            database, number, days_old=age, size=40 * 1000 * 1000 if number == "SO-000005" else 30_000_000, now=now
        )
    files = {clip.order_number: clip.file for clip in list_clips(database)}
    assert all(path is not None and path.exists() for path in files.values())

    untouched = apply_retention(database, settings=RecordingSettings(keep_days=60, max_total_mb=1000), now=now)
    assert (untouched.deleted, untouched.kept_bytes) == (0, 160_000_000)
    result = apply_retention(database, settings=RecordingSettings(keep_days=30, max_total_mb=1000), now=now)
    assert (result.deleted, result.freed_bytes) == (1, 30_000_000)
    assert not files["SO-000001"].exists() and files["SO-000002"].exists()  # type: ignore[union-attr]

    # 130 MB left; keep 100 MB: the oldest go first until the rest fits.
    result = apply_retention(database, settings=RecordingSettings(keep_days=30, max_total_mb=100), now=now)
    assert result.deleted == 1 and result.kept_bytes == 100_000_000
    assert not files["SO-000002"].exists()  # type: ignore[union-attr]
    kept = [n for n, path in files.items() if path is not None and path.exists()]
    assert sorted(kept) == ["SO-000003", "SO-000004", "SO-000005"]
    expired = list_clips(database, "SO-000002")[0]
    assert expired.status == "expired" and "100 MB" in expired.note
    assert "30 days" in list_clips(database, "SO-000001")[0].note


def test_an_export_never_overwrites_and_a_changed_clip_is_not_exported(database: Database, tmp_path: Path) -> None:
    make_packing_shop(database)
    save_recording_settings(database, RecordingSettings(folder=str(tmp_path / "v"), free_floor_mb=0))
    _fake_clip(database, "SO-000001", days_old=0, size=5000, now=datetime.now(UTC))
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep me.txt").write_text("mine")
    with pytest.raises(ExportRefused, match="not empty; nothing was written"):
        export_clip(database, "SO-000001", busy)
    assert [p.name for p in busy.iterdir()] == ["keep me.txt"]
    with pytest.raises(NotFound, match="SO-000099 has no packing video"):
        export_clip(database, "SO-000099", tmp_path / "new")
    clip = order_clips(database, "SO-000001")[0]
    assert clip.file is not None
    with clip.file.open("r+b") as stream:
        stream.seek(10)
        stream.write(b"\x00\x01")
    with pytest.raises(ExportRefused, match="has changed since it was recorded"):
        export_clip(database, "SO-000001", tmp_path / "new")
    assert not (tmp_path / "new").exists()
    assert not verify_export(tmp_path).ok and "no manifest.json" in verify_export(tmp_path).message


_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from barcode_media import desk, barcode_image, place
    from orderapp.domain.gtin import Symbology
    from orderapp.scanning.recording import Recorder
    from orderapp.services.packing.evidence import start_clip
    from orderapp.store.opening import open_database

    database = open_database({url!r})
    start = start_clip(database, "SO-000001", station="PACK-1")
    recorder = Recorder(start.path, order_number="SO-000001", station="PACK-1", packer="Owner",
                        started_at=start.started_at)
    background = desk(3)
    code = barcode_image({tea!r}, Symbology.EAN13)
    frame_no = 0
    while True:
        recorder.feed(place(background, code, centre=(300 + (frame_no * 9) % 700, 360)))
        if frame_no == 20:
            recorder.mark("accepted", {tea!r})
        if frame_no == 45:
            print("recorded", flush=True)
        frame_no += 1
        time.sleep(1 / 30)
    """
)


def test_kill_9_while_recording_leaves_a_playable_clip(database: Database, clips_folder: Path) -> None:
    make_packing_shop(database)
    url = database.engine.url.render_as_string(hide_password=False)
    script = _CHILD.format(tests=str(Path(__file__).resolve().parents[1]), url=url, tea=TEA)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "recorded"
        time.sleep(0.3)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    [clip] = list_clips(database, "SO-000001")
    assert clip.status == "recording" and clip.file is not None
    frames, last_ms = probe_clip(clip.file)
    assert frames >= 10 and last_ms >= 1000  # 45 frames sent at 30 a second: 1.5 s, recorded at 12 a second

    assert recover_clips(database, STATION, started_before=clip.started_at) == []  # a live clip is left alone
    [recovered] = recover_clips(database, STATION)
    assert recovered.status == "done" and recovered.frames == frames and recovered.outcome == "interrupted"
    assert recovered.duration_ms == last_ms and "plays up to that moment" in recovered.note
    assert [(m.outcome, m.code) for m in recovered.marks] == [("accepted", TEA)]
    assert sha256_of(clip.file) == recovered.sha256
    assert recover_clips(database, STATION) == []


def test_the_evidence_commands(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_packing_shop(database)
    url = database.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("ORDERAPP_DATABASE", url)
    save_recording_settings(database, RecordingSettings(folder=str(tmp_path / "v"), free_floor_mb=0))
    now = datetime.now(UTC)
    _fake_clip(database, "SO-000001", days_old=0.01, size=2_500_000, now=now)
    _fake_clip(database, "SO-000002", days_old=0.02, size=1000, now=now)
    capsys.readouterr()

    assert main(["evidence", "list", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "order,started,seconds,size,station,packer,file"
    assert [line.split(",")[0] for line in lines[1:]] == ["SO-000001", "SO-000002"]
    assert lines[1].split(",")[2:5] == ["1.0", "2500000", STATION]
    started = list_clips(database, "SO-000001")[0].started_at
    shown = datetime.strptime(lines[1].split(",")[1], "%Y-%m-%d %H:%M:%S").replace(tzinfo=ZoneInfo("Asia/Shanghai"))
    assert abs((shown - started).total_seconds()) < 1  # in the shop's time zone (a new shop's: Shanghai)

    assert main(["evidence", "list", "--order", "so-000002"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert len(table) == 2 and table[1].startswith("SO-000002") and "0.0 MB" in table[1]
    assert main(["evidence", "list", "--order", "SO-000077"]) == 0
    assert "SO-000077 has no packing video" in capsys.readouterr().out

    out = tmp_path / "dispute"
    assert main(["evidence", "export", "SO-000001", "--out", str(out)]) == 0
    assert "Exported 1 clip(s) of order SO-000001" in capsys.readouterr().out
    assert main(["evidence", "export", "SO-000001", "--out", str(out)]) == 1
    assert "not empty; nothing was written" in capsys.readouterr().err
    assert main(["evidence", "verify", str(out)]) == 0
    assert "matches its manifest" in capsys.readouterr().out
    clip = out / "SO-000001.ts"
    data = bytearray(clip.read_bytes())
    data[-1] ^= 0xFF
    clip.write_bytes(bytes(data))
    assert main(["evidence", "verify", str(out)]) == 1
    assert "does NOT match its manifest" in capsys.readouterr().err


def test_only_the_owner_may_delete_a_clip(database: Database, tmp_path: Path) -> None:
    make_packing_shop(database)
    save_recording_settings(database, RecordingSettings(folder=str(tmp_path / "v"), free_floor_mb=0))
    clip_id = _fake_clip(database, "SO-000001", days_old=0, size=1000, now=datetime.now(UTC))
    [clip] = list_clips(database, "SO-000001")
    assert clip.file is not None and clip.file.exists()
    with pytest.raises(DeleteRefused, match="Only the shop's owner"):
        delete_clip(database, clip_id, user_id=99)
    assert clip.file.exists()
    deleted = delete_clip(database, clip_id, user_id=DEFAULT_USER_ID)
    assert deleted.status == "expired" and deleted.note.startswith("Deleted by Owner on ")
    assert not clip.file.exists()
