"""Copies of a SQLite shop file, taken before every migration and restorable from the start dialog."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

BACKUP_FOLDER = "backups"


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_FOLDER


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC, from the file's modification time
    size: int


def take_backup(db_path: Path, label: str) -> Path:
    """Copy ``db_path`` with SQLite's online backup (consistent even with a WAL beside it)."""
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_path.stem}-{stamp}-{label}{db_path.suffix or '.sqlite'}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{db_path.stem}-{stamp}-{label}-{n}{db_path.suffix or '.sqlite'}"
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def list_backups(db_path: Path) -> list[Backup]:
    """Backups of this file, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and p.name.startswith(db_path.stem + "-")]
    backups = [Backup(p, datetime.fromtimestamp(p.stat().st_mtime, UTC), p.stat().st_size) for p in found]
    return sorted(backups, key=lambda b: b.taken_at, reverse=True)


def restore_backup(backup: Path, db_path: Path) -> Path | None:
    """Put ``backup`` in place of ``db_path``. The file it replaces is kept aside, never overwritten;
    returns where it went (None when there was no file)."""
    kept: Path | None = None
    if db_path.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        kept = db_path.with_name(f"{db_path.name}.replaced-{stamp}")
        db_path.rename(kept)
        for suffix in ("-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                side.rename(kept.with_name(kept.name + suffix))
    shutil.copy2(backup, db_path)
    return kept
