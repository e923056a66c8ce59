"""Open a shop's database safely: refuse what is not ours or is damaged, never overwrite a file,
take a verified backup before migrating, and create a new shop only where asked to.

Every problem is a ``DatabaseProblem`` carrying a sentence (what is wrong, what to do); the file
is then untouched. A zero-byte file is never made into a shop: it is what a failed copy or a
sync tool leaves behind, and the shop it should have been may still be somewhere.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from pathlib import Path
from typing import Literal

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
from orderapp.store import integrity, migrations
from orderapp.store.backups import BackupFailed, connect_read_only
from orderapp.store.database import Database, describe, normalise_url, sqlite_path

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"

# "full": the whole file is checked before the shop opens (commands); "background": the quick part
# at open, the rest in a thread that holds writes until it passes (the window); "none": tests of
# other things and the backup copy itself.
IntegrityCheck = Literal["full", "background", "none"]


class NoShopHere(DatabaseProblem):
    """There is no file (or no folder) where the shop should be, and making one was not asked for."""


def check_sqlite_file(path: Path, *, create: bool = False) -> None:
    """Refuse, without touching it, a path that is not a SQLite shop file. A missing file is
    fine only with ``create`` (a new shop will be made there); an empty file never is."""
    if path.is_dir():
        raise NotADatabase(_("{path} is a folder, not a database file. Choose a file.").format(path=path), str(path))
    if not path.exists():
        if not create:
            raise _no_shop(path)
        return
    if path.stat().st_size == 0:
        raise NotADatabase(
            _(
                "{path} is an empty file (0 bytes), not a shop: it may be what a failed copy or a sync program "
                "left behind. It was left as it is; choose your shop's file, or restore a backup."
            ).format(path=path),
            str(path),
        )
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


def open_database(
    url: str | os.PathLike[str] | URL,
    *,
    migrate: bool = True,
    create: bool = True,
    check: IntegrityCheck = "full",
) -> Database:
    """Open (upgrading as needed) the shop database at ``url``.

    ``create``: a SQLite file that does not exist yet, or an empty server database, becomes a new
    shop (first start, "new shop"); without it they are refused. ``check``: see ``IntegrityCheck``.
    Raises a ``DatabaseProblem`` that says what is wrong and what to do; the file is then untouched.
    """
    parsed = normalise_url(url)
    path = sqlite_path(parsed)
    if path is not None:
        state = _probe_sqlite_file(path, create=create, check=check)
    database = Database(parsed)
    try:
        if path is None:
            state = _probe_server(database)
            if state.is_empty and not create:
                raise _no_shop_on_server(database.location)
        _refuse_unknown(state, database.location)
        if migrate:
            _upgrade(database, path, state)
        if path is not None and check == "background" and state.revision is not None:
            integrity.start_background_check(database, defer=True)  # started by the window once idle
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
        if path.is_file() and path.stat().st_size == 0:
            path.unlink()  # asked for a new shop in this very file: an empty file holds nothing to keep
        check_sqlite_file(path, create=True)
        if _sqlite_file_holds_shop(path):
            raise _in_use(str(path))
    database = open_database(parsed, migrate=False, create=True)
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


def _probe_sqlite_file(path: Path, *, create: bool, check: IntegrityCheck) -> migrations.SchemaState:
    """Look at an existing file read-only, with the plain driver: no WAL switch, no side files,
    so a file that turns out not to be ours is left exactly as it was."""
    check_sqlite_file(path, create=create)
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _cannot_write(path.parent, exc) from exc
        _check_writable(path)
        return migrations.SchemaState(revision=None, has_tables=False)
    _check_writable(path)
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
            if check == "full":
                conn.close()
                integrity.check_file(path)
                conn = _connect_read_only(path)
            elif check == "background":
                integrity.check_at_open(conn, path, tables)
            else:  # its own tables must read at least (catches damage beyond the schema page)
                for table in ("product", "orders"):
                    if table in tables:
                        conn.execute(f"SELECT id FROM {table} ORDER BY id DESC LIMIT 1").fetchall()
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, exc) from exc
    finally:
        conn.close()
    return migrations.SchemaState(revision=revision, has_tables=bool(tables))


def _check_writable(path: Path) -> None:
    """A shop is written to (and SQLite keeps a -wal and -shm file beside it): a read-only file
    or folder gets a sentence now, not a failure at the first sale."""
    folder = path.parent
    if path.exists() and not _writable(path):
        raise DatabaseProblem(
            _(
                "{path} is read-only, and OrderApp must be able to save to the shop. Make the file writable "
                "(untick Read-only in its Properties), or copy it to a folder of yours and open the copy."
            ).format(path=path),
            str(path),
        )
    if not _writable(folder):
        raise _cannot_write(folder, PermissionError(13, "Permission denied"))


def _writable(path: Path) -> bool:
    # Marked read-only (Windows' attribute, chmod a-w) counts even for an administrator who could write.
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return os.access(path, os.W_OK) and bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _cannot_write(folder: Path, exc: OSError) -> DatabaseProblem:
    return DatabaseProblem(
        _(
            "The folder {folder} cannot be written to ({reason}), and OrderApp keeps its working files beside "
            "the shop. Choose a folder you can write to, or ask whoever manages this PC for access."
        ).format(folder=folder, reason=exc.strerror or exc),
        str(folder),
    )


def _no_shop(path: Path) -> NoShopHere:
    if not path.parent.is_dir():
        return NoShopHere(
            _(
                "There is no folder {folder}, so there is no shop at {path}. Check the path (a drive that is not "
                "connected?), or choose the shop's file."
            ).format(folder=path.parent, path=path),
            str(path),
        )
    return NoShopHere(
        _(
            "There is no shop at {path}. Check the name, choose the shop's file, or make a new shop there "
            '(the app\'s "New shop", or orderapp make-demo).'
        ).format(path=path),
        str(path),
    )


def _no_shop_on_server(location: str) -> NoShopHere:
    return NoShopHere(
        _(
            "The database {where} holds no shop yet. Open it once in the app to make a new shop there, "
            "or check the database name."
        ).format(where=location),
        location,
    )


def _connect_read_only(path: Path) -> sqlite3.Connection:
    # Without a WAL beside it the file alone is the whole database: reading it as immutable makes
    # SQLite leave no -wal/-shm behind. With one, read through it (it may hold committed changes).
    has_wal = path.with_name(path.name + "-wal").exists()
    try:
        return connect_read_only(path, immutable=not has_wal)
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
    if state.revision is not None:
        _backup_before_upgrade(database, head)
    with database.write_engine.begin() as conn:
        migrations.upgrade(conn)
    log.info("database %s is at schema %s", database.location, head)


def _backup_before_upgrade(database: Database, head: str) -> None:
    """A verified backup, or no upgrade: a shop is never migrated without a copy to go back to."""
    from orderapp.store import backup_policy

    if database.path is None:
        from orderapp.store.backups_pg import tool

        if tool("pg_dump") is None:
            log.warning("no pg_dump on this PC: upgrading %s without a backup", database.location)
            return
    try:
        copy = backup_policy.take_automatic_backup(database.url, f"before-{head[:8]}")
    except BackupFailed as exc:
        raise DatabaseProblem(
            _("The shop was not upgraded, because the backup taken first failed: {reason}").format(reason=exc),
            database.location,
        ) from exc
    log.info("backed up %s to %s before upgrading its schema", database.location, copy.path)


def _in_use(location: str) -> DatabaseInUse:
    return DatabaseInUse(
        _("{where} already holds a shop; it was left untouched. Choose a new file name.").format(where=location),
        location,
    )


def shop_is_empty(database: Database) -> bool:
    """True while the database holds no products, customers or orders (settings do not count)."""
    with database.engine.connect() as conn:
        return _shop_is_empty(conn)


def _shop_is_empty(conn: Connection) -> bool:
    tables = set(inspect(conn).get_table_names())
    for table in ("product", "customer", "orders"):
        if table in tables and conn.execute(text(f"SELECT 1 FROM {table} LIMIT 1")).first() is not None:
            return False
    return True


def _damaged(path: Path, exc: BaseException) -> DamagedDatabase:
    return integrity.damaged(path, _first_line(exc))


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__


__all__ = ["check_sqlite_file", "describe", "open_database", "open_new_shop_database"]
