"""Backups of a shop on a PostgreSQL server, with ``pg_dump`` and ``pg_restore`` (PostgreSQL's own
tools, installed with the server or its client package).

The dump is taken inside an exported snapshot, and the rows counted in that same snapshot must be
the rows in the dump: a backup is verified against the moment it copies, while other PCs write.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from sqlalchemy import URL

from orderapp.i18n import _
from orderapp.store.backups import (
    PARTIAL_SUFFIX,
    Backup,
    BackupFailed,
    Restored,
    RestoreRefused,
    ShopSummary,
    write_manifest,
)

log = logging.getLogger(__name__)

DUMP_SUFFIX = ".dump"
PG_MAGIC = b"PGDMP"
CLEAN_SLATE = "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"


def tool(name: str) -> str | None:
    return shutil.which(name)


def missing_tool_sentence(name: str) -> str:
    return _(
        "{tool} is not installed on this PC, so a shop on a PostgreSQL server cannot be backed up from here. "
        "Install PostgreSQL's client tools (e.g. the postgresql-client package, or PostgreSQL from "
        "postgresql.org on Windows and Mac), or back it up on the server with: pg_dump -Fc -f shop.dump DATABASE"
    ).format(tool=name)


def _environment(url: URL) -> dict[str, str]:
    """libpq's variables, so that no password appears on a command line."""
    env = dict(os.environ)
    for key, value in (
        ("PGHOST", url.host),
        ("PGPORT", url.port),
        ("PGUSER", url.username),
        ("PGPASSWORD", url.password),
        ("PGDATABASE", url.database),
    ):
        if value is not None:
            env[key] = str(value)
    env["PGCONNECT_TIMEOUT"] = "10"
    return env


def _connect(url: URL) -> psycopg.Connection:
    # autocommit: the BEGIN below is ours, so that its isolation level is the one in force
    return psycopg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        dbname=url.database,
        connect_timeout=10,
        autocommit=True,
    )


def _table_counts(conn: psycopg.Connection) -> dict[str, int]:
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        ).fetchall()
    ]
    counts: dict[str, int] = {}
    for table in tables:
        row = conn.execute(f'SELECT count(*) FROM public."{table}"').fetchone()
        counts[table] = int(row[0]) if row else 0
    return counts


def dump_server_database(url: URL, target: Path, *, label: str = "manual") -> Backup:
    """``pg_dump`` the shop at ``url`` to ``target`` (custom format) and verify it."""
    pg_dump = tool("pg_dump")
    if pg_dump is None:
        raise BackupFailed(missing_tool_sentence("pg_dump"))
    target = Path(target)
    if target.exists():
        raise BackupFailed(_("{path} already exists; choose a new file name for the backup.").format(path=target))
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    started = datetime.now(UTC)
    where = url.render_as_string(hide_password=True)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _connect(url) as conn:
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            snapshot_row = conn.execute("SELECT pg_export_snapshot()").fetchone()
            assert snapshot_row is not None
            counts = _table_counts(conn)
            result = subprocess.run(
                [pg_dump, "-Fc", "--no-owner", f"--snapshot={snapshot_row[0]}", "-f", str(partial)],
                env=_environment(url),
                capture_output=True,
                text=True,
                check=False,
            )
            conn.execute("COMMIT")
    except psycopg.Error as exc:
        _remove(partial)
        raise BackupFailed(
            _("The shop at {where} could not be read for a backup ({reason}).").format(where=where, reason=exc)
        ) from exc
    except OSError as exc:
        _remove(partial)
        raise BackupFailed(
            _("Cannot write the backup in {folder} ({reason}); choose a folder you can write to.").format(
                folder=target.parent, reason=exc.strerror or exc
            )
        ) from exc
    if result.returncode != 0:
        _remove(partial)
        raise BackupFailed(
            _("pg_dump could not back up {where}: {reason}").format(where=where, reason=_last_line(result.stderr))
        )
    summary = read_dump(partial)
    if dict(summary.counts) != counts:
        _remove(partial)
        differing = sorted(t for t in set(counts) | set(summary.counts) if counts.get(t) != summary.counts.get(t))
        raise BackupFailed(
            _("The backup did not pass its check ({reason}) and was not kept; the shop itself is unchanged.").format(
                reason="row counts differ in " + ", ".join(differing)
            )
        )
    os.replace(partial, target)
    backup = Backup(target, started, target.stat().st_size, label, True, summary)
    write_manifest(backup, source=where)
    log.info("backed up %s to %s (%d orders, verified)", where, target, summary.orders)
    return backup


def _copy_blocks(path: Path) -> Iterator[tuple[str, list[str], Iterator[str]]]:
    """Each table's data in a dump: (table, columns, its rows as COPY text lines)."""
    pg_restore = tool("pg_restore")
    if pg_restore is None:
        raise RestoreRefused(missing_tool_sentence("pg_restore"))
    proc = subprocess.Popen(
        [pg_restore, "--data-only", "-f", "-", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    assert proc.stdout is not None
    try:
        lines = iter(proc.stdout)
        for line in lines:
            if not line.startswith("COPY "):
                continue
            # COPY public.orders (id, number, ...) FROM stdin;
            head, _sep, rest = line[5:].partition(" (")
            table = head.split(".", 1)[-1].strip('"')
            columns = [c.strip().strip('"') for c in rest.split(")", 1)[0].split(",")]

            def rows(lines: Iterator[str] = lines) -> Iterator[str]:
                for row in lines:
                    if row.startswith("\\."):
                        return
                    yield row.rstrip("\n")

            yield table, columns, rows()
    finally:
        proc.stdout.close()
        stderr = proc.stderr.read() if proc.stderr else ""
        if proc.wait() != 0:
            raise RestoreRefused(
                _("{path} is not a readable PostgreSQL backup: {reason}").format(path=path, reason=_last_line(stderr))
            )


def read_dump(path: Path) -> ShopSummary:
    """What a dump holds (rows per table, shop name, orders, last order), read from its data."""
    try:
        with path.open("rb") as f:
            if f.read(len(PG_MAGIC)) != PG_MAGIC:
                raise RestoreRefused(
                    _("{path} is not a PostgreSQL backup made by OrderApp or pg_dump -Fc.").format(path=path)
                )
    except OSError as exc:
        message = _("{path} cannot be read ({reason}).").format(path=path, reason=exc.strerror or exc)
        raise RestoreRefused(message) from exc
    counts: dict[str, int] = {}
    name = ""
    last: str | None = None
    for table, columns, rows in _copy_blocks(path):
        n = 0
        if table == "setting" and {"key", "value"} <= set(columns):
            k, v = columns.index("key"), columns.index("value")
            for row in rows:
                n += 1
                cells = row.split("\t")
                if cells[k] == "shop.name" and cells[v] != "\\N":
                    name = _unescape(cells[v])
        elif table == "orders" and "created_at" in columns:
            c = columns.index("created_at")
            for row in rows:
                n += 1
                stamp = row.split("\t")[c]
                if stamp != "\\N" and (last is None or stamp > last):
                    last = stamp
        else:
            n = sum(1 for _row in rows)
        counts[table] = n
    if "alembic_version" not in counts:
        raise RestoreRefused(_("{path} holds no OrderApp shop; choose another backup.").format(path=path))
    last_at = datetime.fromisoformat(last).replace(tzinfo=UTC) if last else None
    return ShopSummary(shop_name=name, orders=counts.get("orders", 0), last_order_at=last_at, counts=counts)


def _unescape(cell: str) -> str:
    return cell.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r").replace("\\\\", "\\")


def restore_server_database(backup: Path, url: URL, keep_folder: Path) -> Restored:
    """Replace the shop at ``url`` by the dump ``backup``: first the shop there now is dumped into
    ``keep_folder`` (kept aside), then ``pg_restore`` puts the backup in place in one transaction."""
    summary = read_dump(backup)
    pg_restore = tool("pg_restore")
    if pg_restore is None:
        raise RestoreRefused(missing_tool_sentence("pg_restore"))
    from orderapp.store.backups import unused_path

    where = url.render_as_string(hide_password=True)
    try:
        with _connect(url) as conn:
            tables = set(_table_counts(conn))
    except psycopg.Error as exc:
        raise RestoreRefused(
            _("The database {where} cannot be reached ({reason}); nothing was changed.").format(where=where, reason=exc)
        ) from exc
    kept: Path | None = None
    if tables and "alembic_version" not in tables:
        raise RestoreRefused(
            _("{where} holds tables from another program, not an OrderApp shop; nothing was changed.").format(
                where=where
            )
        )
    if tables:
        kept_path = unused_path(keep_folder, url.database or "shop", "replaced", DUMP_SUFFIX)
        try:
            kept = dump_server_database(url, kept_path, label="replaced").path
        except BackupFailed as exc:
            raise RestoreRefused(
                _("The shop there now could not be kept aside first, so nothing was changed: {reason}").format(
                    reason=exc
                )
            ) from exc
    psql = tool("psql")
    if psql is None:
        raise RestoreRefused(missing_tool_sentence("psql"))
    # One transaction: a clean slate (the backup's schema, not a mix of both) and the backup's
    # contents; any error rolls all of it back and the shop stays as it was.
    script = subprocess.Popen(
        [pg_restore, "--no-owner", "-f", "-", str(backup)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    result = subprocess.run(
        [psql, "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-c", CLEAN_SLATE, "-f", "-"],
        stdin=script.stdout,
        env=_environment(url),
        capture_output=True,
        text=True,
        check=False,
    )
    if script.stdout is not None:
        script.stdout.close()
    script.wait()
    if result.returncode != 0 or script.returncode != 0:
        raise RestoreRefused(
            _("The backup could not be restored ({reason}); the shop was left as it was (also kept in {kept}).").format(
                reason=_last_line(result.stderr), kept=kept
            )
        )
    return Restored(summary, kept)


def _last_line(text: str) -> str:
    lines = [line.strip() for line in (text or "").strip().splitlines() if line.strip()]
    return lines[-1] if lines else "?"


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove the unfinished backup %s", path)
