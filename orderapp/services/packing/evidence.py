"""Packing evidence: the clip records of each order, storage that looks after itself, and export
with a manifest that shows a clip was not edited (issue 16).

The packing station calls ``start_clip`` when an order opens (it decides where the clip goes, or
says in a sentence why nothing can be recorded), records with ``orderapp.scanning.recording``, and
calls ``finish_clip`` when the order is packed, overridden or left: the file is then hashed
(SHA-256) and its size, length and scan marks stored. A clip cut short by a crash stays
``recording`` until ``recover_clips`` (the station's next start) closes it from what is on disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from orderapp import __version__
from orderapp.domain.staff import Role
from orderapp.errors import NotFound, OrderAppError
from orderapp.i18n import _
from orderapp.scanning.recording import (
    CLIP_SUFFIX,
    ClipFacts,
    ScanMark,
    marks_path,
    probe_clip,
    read_marks,
)
from orderapp.services.settings.evidence import RecordingSettings, clip_folder, read_recording_settings
from orderapp.services.settings.shop import shop_timezone
from orderapp.store import staff_store
from orderapp.store.database import Database
from orderapp.store.evidence_models import EvidenceClip
from orderapp.store.models import DEFAULT_USER_ID, Order, User
from orderapp.store.return_models import OrderReturn
from orderapp.store.types import utc_now

MANIFEST_NAME = "manifest.json"
MB = 1_000_000


class ExportRefused(OrderAppError):
    """The export would overwrite something, or the clip is missing or changed; nothing was written."""


class DeleteRefused(OrderAppError):
    pass


@dataclass(frozen=True)
class ClipRecord:
    id: int
    order_number: str
    order_id: int | None
    station: str
    packer: str
    started_at: datetime
    ended_at: datetime | None
    status: str  # recording | done | no_video | expired
    outcome: str
    file: Path | None
    size_bytes: int
    sha256: str
    frames: int
    duration_ms: int
    codec: str
    marks: tuple[ScanMark, ...]
    note: str
    kind: str = "packing"  # packing | return (a parcel opened in the returns mode)
    return_number: str = ""  # the return recorded while a return clip ran ("" if none was)

    @property
    def seconds(self) -> float:
        return self.duration_ms / 1000

    @property
    def playable(self) -> bool:
        return self.status == "done" and self.file is not None


@dataclass(frozen=True)
class ClipStart:
    """Where to record an order's clip, or why nothing is recorded (``problem``; ``clip_id`` then
    None). ``clip_id`` None and no problem: recording is switched off."""

    clip_id: int | None
    path: Path | None
    problem: str
    order_number: str
    station: str
    packer: str
    started_at: datetime
    free_space_floor: int  # bytes
    zone: tzinfo = UTC  # the shop's time zone, for the time burned into the picture
    kind: str = "packing"


@dataclass(frozen=True)
class RetentionResult:
    deleted: int
    freed_bytes: int
    kept_bytes: int


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    clips: tuple[Path, ...]
    manifest: Path


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    message: str


# -- recording ---------------------------------------------------------------------------------------


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _safe_name(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text)[:60] or "order"


def start_clip(
    database: Database,
    order_number: str,
    *,
    station: str,
    user_id: int = DEFAULT_USER_ID,
    pack_session_id: int | None = None,
    started_at: datetime | None = None,
    kind: str = "packing",
) -> ClipStart:
    """Open a clip record for an order just opened at ``station`` (``kind`` "return": opened in the
    returns mode). Applies the retention rules first. A folder that cannot be made or is below the
    free-space floor gives a ``no_video`` record and the sentence in ``problem``; packing (or the
    return) goes on either way."""
    started = started_at or utc_now()
    with database.session() as session:
        settings = read_recording_settings(session)
        packer = _packer(session, user_id)
        zone = _zone(shop_timezone(session))
    floor = settings.free_floor_mb * MB
    start = ClipStart(None, None, "", order_number, station, packer, started, floor, zone, kind)
    if not settings.enabled:
        return start
    apply_retention(database, settings=settings)
    folder = clip_folder(database, settings)
    problem = _folder_problem(folder, settings)
    if problem:
        record_no_video(
            database,
            order_number,
            station=station,
            user_id=user_id,
            reason=problem,
            pack_session_id=pack_session_id,
            kind=kind,
        )
        return ClipStart(None, None, problem, order_number, station, packer, started, floor, zone, kind)
    local = started.astimezone(zone)
    stem = f"{_safe_name(order_number)}{'_return' if kind == 'return' else ''}_{local:%H%M%S}_{_safe_name(station)}"
    path = folder / local.strftime("%Y-%m-%d") / stem
    path = _unused(path)
    of = _ClipOf(order_number, station, user_id, pack_session_id, kind)
    with database.session(write=True) as session:
        clip = of.add(session, started, status="recording", file_path=str(path))
        session.commit()
        return ClipStart(clip.id, path, "", order_number, station, packer, started, floor, zone, kind)


@dataclass(frozen=True)
class _ClipOf:
    """What a clip record is of: the order, where and by whom, its pack session, packing or return."""

    order_number: str
    station: str
    user_id: int
    pack_session_id: int | None
    kind: str

    def add(self, session: Session, started: datetime, **fields: Any) -> EvidenceClip:
        """A new clip record (``fields``: its status, file, note...); not committed."""
        clip = EvidenceClip(
            order_id=_order_id(session, self.order_number),
            order_number=self.order_number,
            pack_session_id=self.pack_session_id,
            station=self.station,
            user_id=self.user_id,
            started_at=started,
            kind=self.kind,
            **fields,
        )
        session.add(clip)
        return clip


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def shop_zone(database: Database) -> tzinfo:
    """The shop's time zone: clip times are shown in it."""
    with database.session() as session:
        return _zone(shop_timezone(session))


def _unused(stem: Path) -> Path:
    path = stem.with_name(stem.name + CLIP_SUFFIX)
    number = 2
    while path.exists():
        path = stem.with_name(f"{stem.name}-{number}{CLIP_SUFFIX}")
        number += 1
    return path


def recording_folder_problem(database: Database, settings: RecordingSettings) -> str:
    """Why clips could not be recorded with ``settings`` now ("" when they can), e.g. for Settings."""
    return _folder_problem(clip_folder(database, settings), settings) if settings.enabled else ""


def _folder_problem(folder: Path, settings: RecordingSettings) -> str:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        return _(
            "No packing video is recorded: the folder {folder} cannot be used ({reason}). Plug in its drive or "
            "choose another folder in Settings > Packing video; packing works as usual."
        ).format(folder=folder, reason=exc.strerror or exc)
    if not os.access(folder, os.W_OK):
        return _(
            "No packing video is recorded: OrderApp may not write to {folder}. Choose another folder in "
            "Settings > Packing video; packing works as usual."
        ).format(folder=folder)
    if free < settings.free_floor_mb * MB:
        return _(
            "No packing video is recorded: only {free} MB is free in {folder}, below the {floor} MB to keep free. "
            "Free some space, keep videos for fewer days, or choose another folder in Settings > Packing video."
        ).format(free=free // MB, folder=folder, floor=settings.free_floor_mb)
    return ""


def record_no_video(
    database: Database,
    order_number: str,
    *,
    station: str,
    user_id: int = DEFAULT_USER_ID,
    reason: str,
    pack_session_id: int | None = None,
    at: datetime | None = None,
    kind: str = "packing",
) -> ClipRecord:
    """Note on the order that its packing (or the opening of its return) has no video, and why."""
    when = at or utc_now()
    of = _ClipOf(order_number, station, user_id, pack_session_id, kind)
    with database.session(write=True) as session:
        clip = of.add(session, when, status="no_video", ended_at=when, note=reason)
        session.commit()
        return _record(session, clip)


def finish_clip(
    database: Database,
    clip_id: int,
    facts: ClipFacts,
    *,
    outcome: str = "",
    ended_at: datetime | None = None,
    return_id: int | None = None,
) -> ClipRecord:
    """Close the record of a recorded clip: size, SHA-256, length and marks; a clip with no picture
    becomes ``no_video`` (its empty file is removed). ``return_id``: the return recorded while a
    return clip ran, linked to it."""
    path = facts.path
    frames = facts.frames
    size = path.stat().st_size if path.exists() else 0
    with database.session(write=True) as session:
        clip = session.get(EvidenceClip, clip_id)
        if clip is None:
            raise NotFound(_("This packing video's record no longer exists."))
        clip.ended_at = ended_at or utc_now()
        clip.outcome = outcome
        if return_id is not None:
            clip.return_id = return_id
        clip.marks = json.dumps([mark.as_dict() for mark in facts.marks], ensure_ascii=False)
        clip.codec = facts.codec
        if frames == 0 or size == 0:
            _remove(path)
            clip.status = "no_video"
            clip.file_path = ""
            clip.note = facts.problem or (
                _("No video: the camera sent no pictures while this return was open (no camera, or it was off).")
                if clip.kind == "return"
                else _("No video: the camera sent no pictures while this order was open (no camera, or it was off).")
            )
        else:
            clip.status = "done"
            clip.frames = frames
            clip.duration_ms = facts.duration_ms
            clip.size_bytes = size
            clip.sha256 = sha256_of(path)
            clip.note = facts.problem
        session.commit()
        return _record(session, clip)


def recover_clips(
    database: Database, station: str | None = None, *, started_before: datetime | None = None
) -> list[ClipRecord]:
    """Close clips left ``recording`` by a crash (at ``station``, or everywhere; only those started
    before ``started_before``, so a clip being recorded now is left alone): what reached the disk is
    kept, hashed and measured; its marks come from the file beside it."""
    recovered: list[ClipRecord] = []
    with database.session(write=True) as session:
        query = select(EvidenceClip).where(EvidenceClip.status == "recording")
        if started_before is not None:
            query = query.where(EvidenceClip.started_at < started_before)
        if station is not None:
            query = query.where(EvidenceClip.station == station)
        for clip in session.scalars(query).all():
            path = Path(clip.file_path)
            frames, last_ms = probe_clip(path) if path.exists() else (0, 0)
            clip.outcome = clip.outcome or "interrupted"
            clip.marks = json.dumps([mark.as_dict() for mark in read_marks(path)], ensure_ascii=False)
            if frames == 0:
                _remove(path)
                clip.status, clip.file_path = "no_video", ""
                clip.ended_at = clip.started_at
                clip.note = _("No video: the app stopped before any picture was saved.")
            else:
                clip.status = "done"
                clip.frames, clip.duration_ms = frames, last_ms
                clip.ended_at = clip.started_at + timedelta(milliseconds=last_ms)
                clip.size_bytes = path.stat().st_size
                clip.sha256 = sha256_of(path)
                clip.codec = clip.codec or "h264"
                clip.note = _("The app stopped while recording; the video plays up to that moment.")
            recovered.append(_record(session, clip))
        session.commit()
    return recovered


def _remove(path: Path) -> None:
    for target in (path, marks_path(path)):
        with contextlib.suppress(OSError):  # e.g. open in a player on Windows
            target.unlink(missing_ok=True)


# -- finding ------------------------------------------------------------------------------------------


def list_clips(database: Database, order_number: str | None = None, *, limit: int | None = None) -> list[ClipRecord]:
    """Clip records, newest first; of one order when ``order_number`` is given (any letter case)."""
    with database.session() as session:
        query = select(EvidenceClip).order_by(EvidenceClip.started_at.desc(), EvidenceClip.id.desc())
        if order_number is not None:
            query = query.where(EvidenceClip.order_number == order_number.strip().upper())
        if limit is not None:
            query = query.limit(limit)
        return [_record(session, clip) for clip in session.scalars(query).all()]


def order_clips(database: Database, order_number: str) -> list[ClipRecord]:
    """One order's clips, oldest first (an order left and resumed has several)."""
    return list(reversed(list_clips(database, order_number)))


def clip_record(database: Database, clip_id: int) -> ClipRecord:
    with database.session() as session:
        clip = session.get(EvidenceClip, clip_id)
        if clip is None:
            raise NotFound(_("This packing video's record no longer exists."))
        return _record(session, clip)


def _record(session: Session, clip: EvidenceClip) -> ClipRecord:
    marks: list[ScanMark] = []
    try:
        stored = json.loads(clip.marks or "[]")
    except ValueError:
        stored = []
    for item in stored if isinstance(stored, list) else []:
        if isinstance(item, dict):
            marks.append(ScanMark.from_dict(item))
    return ClipRecord(
        id=clip.id,
        order_number=clip.order_number,
        order_id=clip.order_id,
        station=clip.station,
        packer=_packer(session, clip.user_id),
        started_at=clip.started_at,
        ended_at=clip.ended_at,
        status=clip.status,
        outcome=clip.outcome,
        file=Path(clip.file_path) if clip.file_path else None,
        size_bytes=clip.size_bytes,
        sha256=clip.sha256,
        frames=clip.frames,
        duration_ms=clip.duration_ms,
        codec=clip.codec,
        marks=tuple(marks),
        note=clip.note,
        kind=clip.kind or "packing",
        return_number=_return_number(session, clip.return_id),
    )


def _return_number(session: Session, return_id: int | None) -> str:
    if return_id is None:
        return ""
    return session.scalar(select(OrderReturn.number).where(OrderReturn.id == return_id)) or ""


def _packer(session: Session, user_id: int) -> str:
    user = session.get(User, user_id)
    return user.display_name if user is not None else str(user_id)


def _order_id(session: Session, number: str) -> int | None:
    return session.scalar(select(Order.id).where(Order.number == number))


# -- keeping storage in bounds ---------------------------------------------------------------------------


def apply_retention(
    database: Database, *, settings: RecordingSettings | None = None, now: datetime | None = None
) -> RetentionResult:
    """Delete the files of clips older than the days to keep, then the oldest ones until the total is
    within the size limit. The records stay (``expired``), so an order still tells what happened."""
    moment = now or utc_now()
    deleted = freed = 0
    with database.session() as session:  # the usual case, nothing to delete: one read, no write lock
        rules = settings or read_recording_settings(session)
        total, oldest = session.execute(
            select(func.coalesce(func.sum(EvidenceClip.size_bytes), 0), func.min(EvidenceClip.started_at)).where(
                EvidenceClip.status == "done"
            )
        ).one()
    limit = rules.max_total_mb * MB
    cutoff = moment - timedelta(days=rules.keep_days) if rules.keep_days else None
    if int(total) <= limit and (oldest is None or cutoff is None or _aware(oldest) >= cutoff):
        return RetentionResult(0, 0, int(total))
    with database.session(write=True) as session:
        total = int(session.scalar(select(func.sum(EvidenceClip.size_bytes)).where(EvidenceClip.status == "done")) or 0)
        done = session.scalars(
            select(EvidenceClip).where(EvidenceClip.status == "done").order_by(EvidenceClip.started_at, EvidenceClip.id)
        ).all()
        for clip in done:
            too_old = cutoff is not None and clip.started_at < cutoff
            if not too_old and total <= limit:
                break
            _remove(Path(clip.file_path))
            total -= clip.size_bytes
            freed += clip.size_bytes
            deleted += 1
            clip.status = "expired"
            clip.note = (
                _("Deleted after {days} days, as Settings > Packing video asks.").format(days=rules.keep_days)
                if too_old
                else _("Deleted to keep packing videos within {size} MB, as Settings > Packing video asks.").format(
                    size=rules.max_total_mb
                )
            )
        session.commit()
    return RetentionResult(deleted, freed, total)


def _aware(moment: datetime) -> datetime:
    """An aggregate (MIN) comes back without the column type's conversion: naive UTC, or text on SQLite."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def stored_bytes(database: Database) -> int:
    with database.session() as session:
        return int(
            session.scalar(
                select(func.coalesce(func.sum(EvidenceClip.size_bytes), 0)).where(EvidenceClip.status == "done")
            )
            or 0
        )


def delete_clip(database: Database, clip_id: int, *, user_id: int) -> ClipRecord:
    """Delete one clip's file; only the owner may (the record stays, saying who deleted it and when)."""
    with database.session(write=True) as session:
        user = session.get(User, user_id)
        if user is None or not user.active or staff_store.role_of(session, user_id) is not Role.OWNER:
            raise DeleteRefused(_("Only the shop's owner may delete a packing video."))
        clip = session.get(EvidenceClip, clip_id)
        if clip is None:
            raise NotFound(_("This packing video's record no longer exists."))
        if clip.status == "done":
            _remove(Path(clip.file_path))
            clip.status = "expired"
            clip.note = _("Deleted by {user} on {date}.").format(user=user.display_name, date=utc_now().date())
            staff_store.append_audit(
                session, user_id=user_id, action="delete_video", object=clip.order_number, before=clip.file_path
            )
        session.commit()
        return _record(session, clip)


# -- handing over -----------------------------------------------------------------------------------------


def export_clip(database: Database, order_number: str, out: Path) -> ExportResult:
    """Copy every clip of the order into the new folder ``out`` with ``manifest.json`` (order, times,
    station, packer, scans, SHA-256). Refuses, writing nothing, when ``out`` already holds files, when
    the order has no clip, or when a clip no longer matches the hash taken when it was recorded."""
    number = order_number.strip().upper()
    clips = [clip for clip in order_clips(database, number) if clip.playable]
    if not clips:
        known = list_clips(database, number)
        if not known:
            raise NotFound(_("Order {number} has no packing video.").format(number=number or "?"))
        raise NotFound(
            _("Order {number} has no packing video to export: {why}").format(
                number=number, why=known[0].note or _("its video was deleted.")
            )
        )
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ExportRefused(
            _("{folder} already exists and is not empty; nothing was written. Choose a new folder.").format(folder=out)
        )
    for clip in clips:
        assert clip.file is not None
        if not clip.file.exists():
            raise ExportRefused(
                _("The video file of order {number} is missing: {path}. Nothing was exported.").format(
                    number=number, path=clip.file
                )
            )
        if sha256_of(clip.file) != clip.sha256:
            raise ExportRefused(
                _(
                    "The video file of order {number} has changed since it was recorded ({path}); it is not "
                    "exported as evidence."
                ).format(number=number, path=clip.file)
            )
    try:
        out.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        entries: list[dict[str, object]] = []
        for index, clip in enumerate(clips, start=1):
            assert clip.file is not None
            name = (
                f"{_safe_name(number)}-{index}{CLIP_SUFFIX}" if len(clips) > 1 else f"{_safe_name(number)}{CLIP_SUFFIX}"
            )
            target = out / name
            shutil.copyfile(clip.file, target)
            written.append(target)
            entries.append(_manifest_entry(clip, name))
        manifest = out / MANIFEST_NAME
        body = {
            "order": number,
            "made_by": f"OrderApp {__version__}",
            "exported_at": _iso(utc_now()),
            "clips": entries,
        }
        manifest.write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ExportRefused(
            _("The export to {folder} failed: {reason}. The clips in the shop are unchanged.").format(
                folder=out, reason=exc.strerror or exc
            )
        ) from exc
    return ExportResult(out, tuple(written), manifest)


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds") if moment is not None else None


def _manifest_entry(clip: ClipRecord, name: str) -> dict[str, object]:
    return {
        "file": name,
        "kind": clip.kind,
        "return": clip.return_number,
        "sha256": clip.sha256,
        "size_bytes": clip.size_bytes,
        "started_at": _iso(clip.started_at),
        "ended_at": _iso(clip.ended_at),
        "seconds": round(clip.seconds, 3),
        "station": clip.station,
        "packer": clip.packer,
        "outcome": clip.outcome,
        "codec": clip.codec,
        "scans": [
            {
                "at": _iso(clip.started_at + timedelta(milliseconds=mark.offset_ms)),
                "seconds_into_clip": round(mark.offset_ms / 1000, 3),
                "result": mark.outcome,
                "code": mark.code,
            }
            for mark in clip.marks
        ],
    }


def verify_export(folder: Path) -> VerifyResult:
    """Whether each clip in an exported folder still has the SHA-256 its manifest gives."""
    manifest = folder / MANIFEST_NAME
    if not manifest.is_file():
        return VerifyResult(
            False, _("{folder} holds no manifest.json: it is not a packing video export.").format(folder=folder)
        )
    try:
        body = json.loads(manifest.read_text(encoding="utf-8"))
        clips: Sequence[dict[str, object]] = body["clips"]
        number = str(body.get("order", ""))
        checks = [(str(clip["file"]), str(clip["sha256"])) for clip in clips]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return VerifyResult(False, _("The manifest in {folder} is damaged or not OrderApp's.").format(folder=folder))
    if not checks:
        return VerifyResult(False, _("The manifest in {folder} lists no clip.").format(folder=folder))
    for name, expected in checks:
        path = folder / name
        if Path(name).name != name or not path.is_file():
            return VerifyResult(False, _("The clip {name} named in the manifest is missing.").format(name=name))
        if sha256_of(path) != expected.lower():
            return VerifyResult(
                False,
                _(
                    "The clip {name} does NOT match its manifest: it was changed after it was exported (SHA-256 "
                    "differs)."
                ).format(name=name),
            )
    return VerifyResult(
        True,
        _("Every clip of order {number} matches its manifest (SHA-256); none was changed.").format(number=number),
    )
