"""Moving a shop from its SQLite file to a PostgreSQL server, so that several PCs can work on it.

    check_server(url) -> str                      can we reach it, and may we use it? ("PostgreSQL 15.4")
    move_to_server(source, url, progress=) -> MoveResult

The move: test the connection, make the schema there (every migration), copy every table in one
transaction with the rows of each counted on both sides (anything wrong: the server is left as it
was and the file is untouched), then switch (the app opens the server from now on when the file
was the everyday shop) and keep the old file as a backup (a copy in its ``backups`` folder; the file
itself is renamed ``.moved-to-server`` so that nobody goes on working in it by mistake).

A server that already holds a shop is refused: a move never mixes two shops.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Table, func, inspect, select, text
from sqlalchemy.exc import DBAPIError

from orderapp import paths
from orderapp.errors import DatabaseProblem, OrderAppError, ServerUnreachable
from orderapp.i18n import _
from orderapp.shop_location import remember_shop
from orderapp.store import backups
from orderapp.store.database import Database, describe, normalise_url
from orderapp.store.opening import open_new_shop_database
from orderapp.store.schema import metadata

log = logging.getLogger(__name__)

BATCH = 2000

Progress = Callable[[str, int, int], None]  # table, rows copied so far, rows in it


class MoveFailed(OrderAppError):
    """The move did not happen; the shop file and the server are as they were."""


@dataclass(frozen=True)
class TableCopied:
    table: str
    rows: int  # in the file, and counted again on the server


@dataclass(frozen=True)
class MoveResult:
    server: str  # without the password
    tables: tuple[TableCopied, ...]
    backup: Path  # the copy of the file in its backups folder
    old_file: Path  # the file itself, renamed
    switched: bool  # the everyday shop now opens from the server
    seconds: float

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def check_server(url: str) -> str:
    """Reach the server and say what it is ("PostgreSQL 15.4"), or raise a ``DatabaseProblem`` that
    says what is wrong (unreachable, wrong password, not PostgreSQL)."""
    parsed = normalise_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise MoveFailed(
            _(
                "{where} is not a PostgreSQL server address; type it as postgresql://user:password@host/database."
            ).format(where=describe(parsed))
        )
    database = Database(parsed)
    try:
        with database.engine.connect() as conn:
            version = str(conn.execute(text("SHOW server_version")).scalar())
    except (DBAPIError, ServerUnreachable) as exc:
        raise _unreachable(describe(parsed), exc) from exc
    finally:
        database.dispose()
    return f"PostgreSQL {version.split()[0]}"


def move_to_server(source: Database, url: str, *, progress: Progress | None = None) -> MoveResult:
    """Copy the shop in ``source`` (a SQLite file) to the PostgreSQL database at ``url``, check it, and
    switch to it. Raises ``MoveFailed`` / ``DatabaseProblem`` with a sentence; nothing is changed then."""
    started = time.monotonic()
    path = source.path
    if path is None:
        raise MoveFailed(_("This shop is already on a server ({where}).").format(where=source.location))
    check_server(url)
    try:
        target = open_new_shop_database(url)  # refuses a server database that holds a shop; migrates
    except DatabaseProblem:
        raise
    except DBAPIError as exc:
        raise _unreachable(describe(normalise_url(url)), exc) from exc
    try:
        copied = _copy_everything(source, target, progress)
    finally:
        target.dispose()
    server = target.location
    folder = backups.backup_dir(path)
    copy_to = backups.unused_path(folder, path.stem, "moved-to-server", path.suffix or ".sqlite")
    backup = backups.copy_shop_file(path, copy_to, label="moved-to-server").path  # checked, with its manifest
    source.dispose()
    old_file = _set_aside(path)
    switched = path == paths.default_database_path()
    if switched:
        remember_shop(target.url.render_as_string(hide_password=False))
    log.info("moved the shop %s to %s (%s rows)", path, server, sum(t.rows for t in copied))
    return MoveResult(server, tuple(copied), backup, old_file, switched, time.monotonic() - started)


def _copy_everything(source: Database, target: Database, progress: Progress | None) -> list[TableCopied]:
    tables = [t for t in metadata.sorted_tables]
    with source.engine.connect() as reading:
        present = set(inspect(reading).get_table_names())
        wanted = [t for t in tables if t.name in present]
        counts = {t.name: int(reading.execute(select(func.count()).select_from(t)).scalar_one()) for t in wanted}
        try:
            with target.write_engine.begin() as writing:  # one transaction: all of it, or none
                for table in reversed(wanted):  # what the new schema was made with (the first user)
                    writing.execute(table.delete())
                for table in wanted:
                    _copy_table(reading, writing, table, counts[table.name], progress)
                copied = []
                for table in wanted:
                    there = int(writing.execute(select(func.count()).select_from(table)).scalar_one())
                    if there != counts[table.name]:
                        raise MoveFailed(
                            _(
                                "Copying {table} to the server gave {there:,} rows instead of {rows:,}; nothing was "
                                "moved. Try again, and if it happens again keep working on the file."
                            ).format(table=table.name, there=there, rows=counts[table.name])
                        )
                    copied.append(TableCopied(table.name, there))
                _advance_sequences(writing, wanted)
        except (DBAPIError, ServerUnreachable) as exc:
            raise MoveFailed(
                _(
                    "The move to the server stopped: {reason}. Nothing was moved; the shop is still in its file. "
                    "Check the server and try again."
                ).format(reason=_first_line(exc))
            ) from exc
    return copied


def _copy_table(reading: Connection, writing: Connection, table: Table, total: int, progress: Progress | None) -> None:
    done = 0
    key = list(table.primary_key.columns)
    rows = reading.execution_options(yield_per=BATCH).execute(select(table).order_by(*key))
    for batch in rows.partitions(BATCH):
        writing.execute(table.insert(), [dict(row._mapping) for row in batch])
        done += len(batch)
        if progress is not None:
            progress(table.name, done, total)
    if progress is not None and done == 0:
        progress(table.name, 0, 0)


def _advance_sequences(writing: Connection, tables: list[Table]) -> None:
    """Rows came with their ids: the server's id counters go on after the highest one."""
    for table in tables:
        column = table.c.get("id")
        if column is None or not column.primary_key or not column.autoincrement:
            continue
        sequence = writing.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}).scalar()
        if sequence:
            writing.execute(
                text(f"SELECT setval(:s, COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"),
                {"s": sequence},
            )


def _set_aside(path: Path) -> Path:
    """Rename the old file so that nobody works on in it by mistake (the copy in backups stays either
    way). A file still open elsewhere (Windows) cannot be renamed: it is then left where it is."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.moved-to-server-{stamp}")
    try:
        path.rename(aside)
    except OSError as exc:
        log.warning("could not rename %s after moving it to the server: %s", path, exc)
        return path
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(aside.with_name(aside.name + suffix))
    return aside


def _unreachable(where: str, exc: BaseException) -> MoveFailed:
    return MoveFailed(
        _(
            "Cannot reach the database server {where}: {reason}. Check that the server is running and the "
            "address, user and password are right."
        ).format(where=where, reason=_first_line(exc))
    )


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc.__cause__ or exc
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__
