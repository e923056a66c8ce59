"""When, where and how many: the shop's automatic backups (the first start of each day and before
every schema upgrade), kept in a folder the user chooses, the last N of them.

The settings are this PC's (a second drive is a PC's own), kept in the user's config folder by
shop, not in the shop's database: they must still be readable when the shop is damaged.
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import URL

from orderapp import paths
from orderapp.i18n import _
from orderapp.store import backups
from orderapp.store.backups import Backup
from orderapp.store.database import describe, normalise_url, sqlite_path

log = logging.getLogger(__name__)

SETTINGS_FILE = "backups.json"
DEFAULT_KEEP = 10
MAX_KEEP = 1000
STALE_PARTIAL_S = 24 * 3600


@dataclass(frozen=True)
class BackupSettings:
    folder: Path | None = None  # None: the default (a "backups" folder beside the shop file)
    keep: int = DEFAULT_KEEP  # automatic backups kept; older ones are deleted


def _key(url: URL) -> str:
    return describe(url)


def _settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILE


def _read_all() -> dict[str, dict[str, object]]:
    try:
        data = json.loads(_settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_settings(url: str | os.PathLike[str] | URL) -> BackupSettings:
    entry = _read_all().get(_key(normalise_url(url)), {})
    folder = entry.get("folder") if isinstance(entry, dict) else None
    keep = entry.get("keep") if isinstance(entry, dict) else None
    return BackupSettings(
        folder=Path(folder) if isinstance(folder, str) and folder else None,
        keep=keep if isinstance(keep, int) and 1 <= keep <= MAX_KEEP else DEFAULT_KEEP,
    )


def validate_settings(settings: BackupSettings) -> list[str]:
    problems = []
    if not 1 <= settings.keep <= MAX_KEEP:
        problems.append(_("Keep between 1 and {most} backups.").format(most=MAX_KEEP))
    if settings.folder is not None:
        folder = settings.folder
        if not folder.is_absolute():
            problems.append(_("Choose the backup folder with its full path, e.g. D:\\Backups."))
        elif folder.exists() and not folder.is_dir():
            problems.append(_("{path} is a file, not a folder; choose a folder.").format(path=folder))
        elif folder.is_dir() and not os.access(folder, os.W_OK):
            problems.append(_("{path} cannot be written to; choose a folder you can write to.").format(path=folder))
    return problems


def save_settings(url: str | os.PathLike[str] | URL, settings: BackupSettings) -> None:
    data = _read_all()
    folder = str(settings.folder) if settings.folder else None
    data[_key(normalise_url(url))] = {"folder": folder, "keep": settings.keep}
    target = _settings_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, target)


def default_folder(url: URL) -> Path:
    path = sqlite_path(url)
    return backups.backup_dir(path) if path is not None else paths.data_dir() / backups.BACKUP_FOLDER


def backup_folder(url: str | os.PathLike[str] | URL, settings: BackupSettings | None = None) -> Path:
    parsed = normalise_url(url)
    settings = settings or load_settings(parsed)
    return settings.folder or default_folder(parsed)


def _stem(url: URL) -> str:
    path = sqlite_path(url)
    return path.stem if path is not None else (url.database or "shop")


def _suffix(url: URL) -> str:
    path = sqlite_path(url)
    if path is None:
        return ".dump"
    return path.suffix or ".sqlite"


def list_shop_backups(url: str | os.PathLike[str] | URL) -> list[Backup]:
    """This shop's backups in its backup folder (and in the default folder, if another is chosen)."""
    parsed = normalise_url(url)
    folders = [backup_folder(parsed)]
    if default_folder(parsed) not in folders:
        folders.append(default_folder(parsed))
    path = sqlite_path(parsed)
    found: list[Backup] = []
    for folder in folders:
        found.extend(backups.list_backups(path or Path(_stem(parsed)), folder, stem=_stem(parsed)))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def last_good_backup(url: str | os.PathLike[str] | URL) -> Backup | None:
    return backups.last_good_backup(list_shop_backups(url))


def back_up_to(url: str | os.PathLike[str] | URL, target: Path, *, label: str = "manual") -> Backup:
    """One verified backup of the shop at ``url`` to ``target`` (SQLite file copy, or pg_dump)."""
    parsed = normalise_url(url)
    path = sqlite_path(parsed)
    if path is not None:
        return backups.copy_shop_file(path, Path(target), label=label)
    from orderapp.store.backups_pg import dump_server_database

    return dump_server_database(parsed, Path(target), label=label)


def take_automatic_backup(url: str | os.PathLike[str] | URL, label: str) -> Backup:
    """A verified backup in the shop's backup folder, then the oldest automatic ones beyond N are deleted."""
    parsed = normalise_url(url)
    settings = load_settings(parsed)
    folder = backup_folder(parsed, settings)
    target = backups.unused_path(folder, _stem(parsed), label, _suffix(parsed))
    _remove_stale_partials(folder, _stem(parsed))
    backup = back_up_to(parsed, target, label=label)
    deleted = backups.prune(backups.list_backups(Path(_stem(parsed)), folder, stem=_stem(parsed)), settings.keep)
    if deleted:
        log.info("deleted %d old automatic backups of %s", len(deleted), describe(parsed))
    return backup


def back_up_now(url: str | os.PathLike[str] | URL) -> Backup:
    """A backup asked for by hand, into the shop's backup folder (never deleted to keep the last N)."""
    parsed = normalise_url(url)
    target = backups.unused_path(backup_folder(parsed), _stem(parsed), "manual", _suffix(parsed))
    return back_up_to(parsed, target, label="manual")


def _remove_stale_partials(folder: Path, stem: str) -> None:
    """Copies cut short (the app killed mid-backup) are deleted once they are a day old."""
    if not folder.is_dir():
        return
    for partial in folder.iterdir():
        if not (partial.name.startswith(stem + "-") and partial.name.endswith(backups.PARTIAL_SUFFIX)):
            continue
        try:
            if time.time() - partial.stat().st_mtime > STALE_PARTIAL_S:
                partial.unlink()
        except OSError:
            log.warning("could not delete the unfinished backup %s", partial)


def daily_backup_due(url: str | os.PathLike[str] | URL, today: date | None = None) -> bool:
    """True when no good backup of this shop was taken today (the PC's local day)."""
    last = last_good_backup(url)
    today = today or datetime.now().astimezone().date()
    return last is None or last.taken_at.astimezone().date() != today


def backup_if_due(url: str | os.PathLike[str] | URL) -> Backup | None:
    """The first start of each day takes a backup; later starts take none (returns None)."""
    parsed = normalise_url(url)
    path = sqlite_path(parsed)
    if path is not None and not path.exists():
        return None
    if path is None:
        from orderapp.store.backups_pg import tool

        if tool("pg_dump") is None:
            log.info("no pg_dump on this PC: no automatic backup of %s", describe(parsed))
            return None
    if not daily_backup_due(parsed):
        return None
    return take_automatic_backup(parsed, "daily")


def backup_age_sentence(backup: Backup | None) -> str:
    """How Settings and the dashboard say when the last good backup was made."""
    if backup is None:
        return _("No good backup of this shop yet.")
    taken = backup.taken_at.astimezone()
    return _("Last good backup: {when}.").format(when=taken.strftime("%Y-%m-%d %H:%M"))
