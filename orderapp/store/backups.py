"""Verified copies of a SQLite shop file: taken with SQLite's online backup (consistent while other
PCs write), checked (integrity check and row counts) before they count as done, listed, pruned and
restored. PostgreSQL shops are backed up by ``backups_pg``; the policy (when, where, how many) is in
``backup_policy``.

A backup ``NAME.sqlite`` is accompanied by ``NAME.sqlite.json``, its manifest: when it was taken,
from where, what it holds (shop name, row counts, last order) and that it passed its checks. A copy
is written under a temporary name and only renamed into place once verified, so a file with a
backup's name is always a good one.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from orderapp.errors import OrderAppError
from orderapp.i18n import _

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"
MANIFEST_SUFFIX = ".json"
PARTIAL_SUFFIX = ".partial"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
FULL_CHECK_UP_TO = 256 * 2**20  # bytes: bigger copies get quick_check
AUTOMATIC_LABELS = ("daily", "before-")  # pruned to the last N; other labels are kept until deleted by hand


class BackupFailed(OrderAppError):
    """A backup could not be made or did not pass its checks; nothing was left that looks like one."""


class RestoreRefused(OrderAppError):
    """The chosen file cannot be restored (not a shop, damaged); the shop was not touched."""


@dataclass(frozen=True)
class ShopSummary:
    """What a backup holds, shown before it replaces anything."""

    shop_name: str
    orders: int
    last_order_at: datetime | None  # UTC
    counts: Mapping[str, int] = field(default_factory=dict)  # rows per table


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC
    size: int
    label: str  # "daily", "before-0005", "manual", ...
    verified: bool  # passed its integrity check and row counts when it was taken
    summary: ShopSummary | None  # None for copies made before manifests existed


def sqlite_uri(path: Path, **params: str) -> str:
    """A ``file:`` URI for ``path`` that survives ``#``, ``?``, ``%``, spaces and any script
    (``Path.as_uri`` percent-quotes them); a raw path in a URI silently names another file."""
    uri = path.resolve().as_uri()
    if params:
        uri += "?" + "&".join(f"{key}={value}" for key, value in params.items())
    return uri


def connect_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    params = {"mode": "ro"}
    if immutable:
        params["immutable"] = "1"
    conn = sqlite3.connect(sqlite_uri(path, **params), uri=True, isolation_level=None)
    return conn


def backup_dir(db_path: Path) -> Path:
    """The default folder: ``backups`` beside the shop file."""
    return db_path.parent / BACKUP_FOLDER


def backup_name(stem: str, label: str, suffix: str, moment: datetime | None = None) -> str:
    stamp = (moment or datetime.now(UTC)).strftime(STAMP_FORMAT)
    return f"{stem}-{stamp}-{label}{suffix}"


def unused_path(folder: Path, stem: str, label: str, suffix: str) -> Path:
    target = folder / backup_name(stem, label, suffix)
    n = 1
    while target.exists() or _manifest_path(target).exists():
        n += 1
        target = folder / backup_name(stem, f"{label}-{n}", suffix)
    return target


# --- reading a shop file -------------------------------------------------------------------------


def user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
    ).fetchall()
    return [row[0] for row in rows]


def count_rows(conn: sqlite3.Connection) -> dict[str, int]:
    return {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in user_tables(conn)}


def summarise(conn: sqlite3.Connection, counts: Mapping[str, int] | None = None) -> ShopSummary:
    counts = dict(counts) if counts is not None else count_rows(conn)
    if "alembic_version" not in counts:
        raise ValueError("not an OrderApp shop")
    name = ""
    if "setting" in counts:
        row = conn.execute("SELECT value FROM setting WHERE key = 'shop.name'").fetchone()
        name = (row[0] or "") if row else ""
    last: datetime | None = None
    if "orders" in counts:
        row = conn.execute("SELECT max(created_at) FROM orders").fetchone()
        if row and row[0]:
            last = datetime.fromisoformat(str(row[0])).replace(tzinfo=UTC)
    return ShopSummary(shop_name=name, orders=counts.get("orders", 0), last_order_at=last, counts=counts)


def integrity_problems(conn: sqlite3.Connection, *, quick: bool = False, limit: int = 5) -> list[str]:
    """What SQLite's own check finds wrong (empty when the file is sound)."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}({limit})")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def read_shop_file(path: Path) -> ShopSummary:
    """What a backup file holds, checked: refuses a file that is not a sound OrderApp shop."""
    if not path.is_file():
        raise RestoreRefused(_("There is no file at {path}.").format(path=path))
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise RestoreRefused(
            _("{path} cannot be read ({reason}).").format(path=path, reason=exc.strerror or exc)
        ) from exc
    if head != b"SQLite format 3\x00":
        raise RestoreRefused(
            _("{path} is not an OrderApp backup (it is not a SQLite file); choose a .sqlite backup.").format(path=path)
        )
    conn = connect_read_only(path, immutable=not _has_wal(path))
    try:
        problems = integrity_problems(conn, quick=True)
        if problems:
            raise RestoreRefused(
                _("{path} is damaged ({reason}); choose another backup.").format(path=path, reason=problems[0])
            )
        try:
            return summarise(conn)
        except ValueError:
            raise RestoreRefused(
                _("{path} is not an OrderApp backup (it holds no shop); choose another file.").format(path=path)
            ) from None
    except sqlite3.DatabaseError as exc:
        message = _("{path} is damaged ({reason}); choose another backup.").format(path=path, reason=exc)
        raise RestoreRefused(message) from exc
    finally:
        conn.close()


def _has_wal(path: Path) -> bool:
    return path.with_name(path.name + "-wal").exists()


# --- taking a backup -----------------------------------------------------------------------------


def copy_shop_file(db_path: Path, target: Path, *, label: str = "manual") -> Backup:
    """Copy the shop at ``db_path`` to ``target`` while other PCs may be writing, and verify the
    copy: integrity check, and the same number of rows in every table as the shop had at the
    moment of the copy. Raises ``BackupFailed`` (leaving nothing at ``target``) otherwise."""
    target = Path(target)
    if target.exists():
        raise BackupFailed(_("{path} already exists; choose a new file name for the backup.").format(path=target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupFailed(_cannot_write(target.parent, exc)) from exc
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    started = datetime.now(UTC)
    try:
        source = connect_read_only(db_path)
    except sqlite3.Error as exc:
        raise BackupFailed(
            _("The shop at {path} could not be read for a backup ({reason}).").format(path=db_path, reason=exc)
        ) from exc
    try:
        # One read transaction: the counts and the copied pages are the same moment of the shop.
        source.execute("BEGIN")
        counts = count_rows(source)
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
        finally:
            dest.close()
        source.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        _remove(partial)
        raise BackupFailed(
            _("The shop at {path} could not be copied ({reason}); it may be damaged.").format(path=db_path, reason=exc)
        ) from exc
    except OSError as exc:
        _remove(partial)
        raise BackupFailed(_cannot_write(target.parent, exc)) from exc
    finally:
        source.close()
    summary = _verify_copy(partial, counts)
    try:
        os.replace(partial, target)
    except OSError as exc:
        _remove(partial)
        raise BackupFailed(_cannot_write(target.parent, exc)) from exc
    backup = Backup(target, started, target.stat().st_size, label, True, summary)
    write_manifest(backup, source=str(db_path))
    log.info("backed up %s to %s (%d orders, verified)", db_path, target, summary.orders)
    return backup


def _verify_copy(partial: Path, counts: Mapping[str, int]) -> ShopSummary:
    conn = connect_read_only(partial, immutable=True)
    try:
        # integrity_check also matches every index entry to its row: minutes on a multi-GB shop, where
        # quick_check (every page and cell, not the index matching) takes a fraction of that.
        problems = integrity_problems(conn, quick=partial.stat().st_size > FULL_CHECK_UP_TO)
        copied = count_rows(conn) if not problems else {}
        if not problems and copied != dict(counts):
            differing = sorted(t for t in set(copied) | set(counts) if copied.get(t) != counts.get(t))
            problems = [f"row counts differ in {', '.join(differing)}"]
        summary = summarise(conn, copied) if not problems else None
    except (sqlite3.DatabaseError, ValueError) as exc:
        problems, summary = [str(exc)], None
    finally:
        conn.close()
    if problems or summary is None:
        _remove(partial)
        raise BackupFailed(
            _("The backup did not pass its check ({reason}) and was not kept; the shop itself is unchanged.").format(
                reason="; ".join(problems[:2]) or "?"
            )
        )
    return summary


def _cannot_write(folder: Path, exc: OSError) -> str:
    return _("Cannot write the backup in {folder} ({reason}); choose a folder you can write to.").format(
        folder=folder, reason=exc.strerror or exc
    )


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove the unfinished backup %s", path)


# --- manifests and the list of backups ---------------------------------------------------------------


def _manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def write_manifest(backup: Backup, *, source: str) -> None:
    summary = backup.summary
    data = {
        "taken_at": backup.taken_at.isoformat(),
        "label": backup.label,
        "verified": backup.verified,
        "source": source,
        "shop_name": summary.shop_name if summary else None,
        "orders": summary.orders if summary else None,
        "last_order_at": summary.last_order_at.isoformat() if summary and summary.last_order_at else None,
        "counts": dict(summary.counts) if summary else None,
    }
    try:
        _manifest_path(backup.path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError:
        log.warning("could not write the manifest of %s", backup.path, exc_info=True)


def read_backup(path: Path) -> Backup:
    """A backup file with what its manifest says (unverified when it has none)."""
    stat = path.stat()
    label = _label_from_name(path.name)
    try:
        data = json.loads(_manifest_path(path).read_text(encoding="utf-8"))
        last = data.get("last_order_at")
        summary = ShopSummary(
            shop_name=data.get("shop_name") or "",
            orders=int(data.get("orders") or 0),
            last_order_at=datetime.fromisoformat(last) if last else None,
            counts=data.get("counts") or {},
        )
        return Backup(
            path,
            datetime.fromisoformat(data["taken_at"]),
            stat.st_size,
            str(data.get("label") or label),
            bool(data.get("verified")),
            summary,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return Backup(path, datetime.fromtimestamp(stat.st_mtime, UTC), stat.st_size, label, False, None)


def _label_from_name(name: str) -> str:
    # shop-20261203-041500-daily.sqlite -> daily
    parts = name.rsplit(".", 1)[0].split("-")
    for i in range(len(parts) - 1):
        if len(parts[i]) == 8 and parts[i].isdigit() and len(parts[i + 1]) == 6 and parts[i + 1].isdigit():
            return "-".join(parts[i + 2 :]) or "manual"
    return "manual"


def list_backups(db_path: Path, folder: Path | None = None, *, stem: str | None = None) -> list[Backup]:
    """The backups of this shop in ``folder`` (default: beside it), newest first."""
    folder = folder if folder is not None else backup_dir(db_path)
    stem = stem if stem is not None else db_path.stem
    if not folder.is_dir():
        return []
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for p in entries:
        if not p.is_file() or not p.name.startswith(stem + "-"):
            continue
        if p.name.endswith((MANIFEST_SUFFIX, PARTIAL_SUFFIX, "-wal", "-shm", "-journal")):
            continue
        rest = p.name[len(stem) + 1 :]
        if not rest[:8].isdigit():  # another shop whose name starts like this one's
            continue
        try:
            found.append(read_backup(p))
        except OSError:
            continue
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def last_good_backup(backups: list[Backup]) -> Backup | None:
    return next((b for b in backups if b.verified), None)


def prune(backups: list[Backup], keep: int) -> list[Path]:
    """Delete the automatic backups beyond the newest ``keep`` good ones; returns what was deleted.
    Backups taken by hand are never deleted here."""
    automatic = [b for b in backups if b.label.startswith(AUTOMATIC_LABELS)]
    automatic.sort(key=lambda b: b.taken_at, reverse=True)
    kept_good = 0
    deleted: list[Path] = []
    for backup in automatic:
        if backup.verified and kept_good < max(keep, 1):
            kept_good += 1
            continue
        if not backup.verified and kept_good < max(keep, 1):
            continue  # an old unverified copy newer than the good ones stays until good ones replace it
        try:
            backup.path.unlink()
            _manifest_path(backup.path).unlink(missing_ok=True)
            deleted.append(backup.path)
        except OSError:
            log.warning("could not delete the old backup %s", backup.path)
    return deleted


# --- restoring ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    summary: ShopSummary  # what the shop holds now
    kept: Path | None  # where the replaced file went (None when there was none)


def restore_backup(backup: Path, db_path: Path) -> Restored:
    """Put ``backup`` in place of ``db_path``, after checking it is a sound shop. The file it
    replaces is kept aside, never overwritten (``NAME.replaced-<time>``), with its -wal beside it."""
    summary = read_shop_file(backup)
    staging = db_path.with_name(db_path.name + ".restoring")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(backup, staging)
    except OSError as exc:
        _remove(staging)
        raise RestoreRefused(
            _("The backup could not be copied to {folder} ({reason}); the shop was not changed.").format(
                folder=db_path.parent, reason=exc.strerror or exc
            )
        ) from exc
    kept: Path | None = None
    try:
        if db_path.exists():
            stamp = datetime.now(UTC).strftime(STAMP_FORMAT)
            kept = db_path.with_name(f"{db_path.name}.replaced-{stamp}")
            n = 1
            while kept.exists():
                n += 1
                kept = db_path.with_name(f"{db_path.name}.replaced-{stamp}-{n}")
            db_path.rename(kept)
            for suffix in ("-wal", "-shm"):
                side = db_path.with_name(db_path.name + suffix)
                if side.exists():
                    side.rename(kept.with_name(kept.name + suffix))
        os.replace(staging, db_path)
    except OSError as exc:
        _remove(staging)
        raise RestoreRefused(
            _("The backup could not be put in place ({reason}).").format(reason=exc.strerror or exc)
        ) from exc
    log.info("restored %s over %s; the replaced file was kept as %s", backup, db_path, kept)
    return Restored(summary, kept)
