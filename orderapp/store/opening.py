"""Open a shop's database safely: refuse what is not ours or is damaged, never overwrite a file,
copy a SQLite file aside before migrating it, and create a new shop where there is none."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from sqlalchemy import URL, Connection, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError

from orderapp.errors import (
    DamagedDatabase,
    DatabaseInUse,
    DatabaseProblem,
    ForeignDatabase,
    NewerDatabase,
    NotADatabase,
    ServerUnreachable,
)
from orderapp.i18n import _
from orderapp.store import backups, migrations
from orderapp.store.database import Database, describe, normalise_url, sqlite_path

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_sqlite_file(path: Path) -> None:
    """Refuse, without touching it, a path that is not a SQLite database. A missing or empty file
    is fine: a new shop will be made there."""
    if path.is_dir():
        raise NotADatabase(_("{path} is a folder, not a database file. Choose a file.").format(path=path), str(path))
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise NotADatabase(
            _("{path} cannot be read ({reason}). Check that the file is yours and not open elsewhere.").format(
                path=path, reason=exc.strerror or exc
            ),
            str(path),
        ) from exc
    if head != SQLITE_MAGIC:
        raise NotADatabase(
            _(
                "{path} is not an OrderApp database (it is not a SQLite file). "
                "Choose your shop's .sqlite file, or restore a backup."
            ).format(path=path),
            str(path),
        )


def open_database(url: str | os.PathLike[str] | URL, *, migrate: bool = True) -> Database:
    """Open (creating or upgrading as needed) the shop database at ``url``.

    Raises a ``DatabaseProblem`` that says what is wrong and what to do; the file is then untouched.
    """
    parsed = normalise_url(url)
    path = sqlite_path(parsed)
    if path is not None:
        state = _probe_sqlite_file(path)
    database = Database(parsed)
    try:
        if path is None:
            state = _probe_server(database)
        _refuse_unknown(state, database.location)
        if migrate:
            _upgrade(database, path, state)
    except BaseException:
        database.dispose()
        raise
    return database


def open_new_shop_database(url: str | os.PathLike[str] | URL) -> Database:
    """Open ``url`` to build a new shop in it (make-demo, benchmarks): a new file, an empty
    database, or an OrderApp database with no products, customers or orders yet.

    A database that already holds a shop is refused with ``DatabaseInUse`` before anything is
    written to it, so an existing shop is never changed, not even migrated.
    """
    parsed = normalise_url(url)
    path = sqlite_path(parsed)
    if path is not None:
        check_sqlite_file(path)
        if _sqlite_file_holds_shop(path):
            raise _in_use(str(path))
    database = open_database(parsed, migrate=False)
    try:
        with database.engine.connect() as conn:
            state = migrations.schema_state(conn)
            if state.revision is not None and not _shop_is_empty(conn):
                raise _in_use(database.location)
        _upgrade(database, None, state)
    except BaseException:
        database.dispose()
        raise
    return database


def _probe_sqlite_file(path: Path) -> migrations.SchemaState:
    """Look at an existing file read-only, with the plain driver: no WAL switch, no side files,
    so a file that turns out not to be ours is left exactly as it was."""
    check_sqlite_file(path)
    if not path.exists() or path.stat().st_size == 0:
        path.parent.mkdir(parents=True, exist_ok=True)
        return migrations.SchemaState(revision=None, has_tables=False)
    conn = _connect_read_only(path)
    try:
        tables = [
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        ]
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        if revision is not None:
            # An OrderApp shop: its own tables must read (catches damage beyond the schema page).
            for table in ("product", "orders"):
                if table in tables:
                    conn.execute(f"SELECT id FROM {table} ORDER BY id DESC LIMIT 1").fetchall()
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, exc) from exc
    finally:
        conn.close()
    return migrations.SchemaState(revision=revision, has_tables=bool(tables))


def _connect_read_only(path: Path) -> sqlite3.Connection:
    # Without a WAL beside it the file alone is the whole database: reading it as immutable makes
    # SQLite leave no -wal/-shm behind. With one, read through it (it may hold committed changes).
    has_wal = path.with_name(path.name + "-wal").exists()
    mode = "mode=ro" if has_wal else "mode=ro&immutable=1"
    try:
        return sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True)
    except sqlite3.Error as exc:
        raise _damaged(path, exc) from exc


def _sqlite_file_holds_shop(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return False
    conn = _connect_read_only(path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return any(
            conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
            for table in ("product", "customer", "orders")
            if table in tables
        )
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, exc) from exc
    finally:
        conn.close()


def _probe_server(database: Database) -> migrations.SchemaState:
    location = database.location
    try:
        with database.engine.connect() as conn:
            return migrations.schema_state(conn)
    except OperationalError as exc:
        raise ServerUnreachable(
            _(
                "Cannot reach the database server {where}: {reason}. Check that the server is running "
                "and the address, user and password are right, or open a local shop file instead."
            ).format(where=location, reason=_first_line(exc)),
            location,
        ) from exc
    except DatabaseError as exc:
        raise DatabaseProblem(
            _("The database {where} could not be read: {reason}").format(where=location, reason=_first_line(exc)),
            location,
        ) from exc


def _refuse_unknown(state: migrations.SchemaState, location: str) -> None:
    if state.revision is None and state.has_tables:
        raise ForeignDatabase(
            _(
                "{where} holds tables from another program, not an OrderApp shop. "
                "It was left untouched; choose another database."
            ).format(where=location),
            location,
        )
    if state.revision is not None and state.revision not in migrations.known_revisions():
        raise NewerDatabase(
            _(
                "{where} was last used by a newer version of OrderApp. Install the newer version to open it, "
                "or restore a backup made before the update."
            ).format(where=location),
            location,
        )


def _upgrade(database: Database, path: Path | None, state: migrations.SchemaState) -> None:
    head = migrations.head_revision()
    if state.revision == head:
        return
    if path is not None and state.revision is not None:
        _check_integrity(database, path)
        copy = backups.take_backup(path, f"before-{head[:8]}")
        log.info("copied %s to %s before upgrading its schema", path, copy)
    with database.write_engine.begin() as conn:
        migrations.upgrade(conn)
    log.info("database %s is at schema %s", database.location, head)


def _in_use(location: str) -> DatabaseInUse:
    return DatabaseInUse(
        _("{where} already holds a shop; it was left untouched. Choose a new file name.").format(where=location),
        location,
    )


def _shop_is_empty(conn: Connection) -> bool:
    tables = set(inspect(conn).get_table_names())
    for table in ("product", "customer", "orders"):
        if table in tables and conn.execute(text(f"SELECT 1 FROM {table} LIMIT 1")).first() is not None:
            return False
    return True


def _check_integrity(database: Database, path: Path) -> None:
    try:
        with database.engine.connect() as conn:
            result = conn.execute(text("PRAGMA quick_check")).scalars().all()
    except DatabaseError as exc:
        raise _damaged(path, exc) from exc
    if result != ["ok"]:
        raise _damaged(path, Exception("; ".join(str(r) for r in result[:3])))


def _damaged(path: Path, exc: BaseException) -> DamagedDatabase:
    return DamagedDatabase(
        _(
            "{path} is damaged and cannot be opened safely ({reason}). It was left as it is; "
            "restore a backup, or choose another file."
        ).format(path=path, reason=_first_line(exc)),
        str(path),
    )


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__


__all__ = ["check_sqlite_file", "describe", "open_database", "open_new_shop_database"]
