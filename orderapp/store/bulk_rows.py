"""Bulk rows: plain tuples written to any table as fast as the backend allows (executemany on SQLite,
COPY on PostgreSQL, the typed Core insert elsewhere), inside the caller's transaction (never commits).

Shared by every bulk writer of rows (the demo shop, the order import and its staging tables): the
caller names the table and the columns and gives tuples already in storage format. Times are given
as whole microseconds since the Unix epoch (``micros``) or as aware datetimes and turned into the
backend's storage format by ``stamp`` / ``stamp_time``; ids are allocated before writing
(``allocate_ids``), so child rows can point at their parents.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from itertools import chain, islice, repeat
from typing import Any, NamedTuple, Protocol

from sqlalchemy import Connection, Index, Table, func, inspect, select, text

from orderapp.store.base import Base
from orderapp.store.types import UTCDateTime

Row = tuple[object, ...]

US = 1_000_000  # microseconds per second: times are whole microseconds since the Unix epoch
MINUTE = 60 * US
HOUR = 60 * MINUTE
DAY = 24 * HOUR
EPOCH_AWARE = datetime(1970, 1, 1, tzinfo=UTC)
EPOCH_NAIVE = datetime(1970, 1, 1)

# Rows per executemany/COPY call: big enough to amortise the call, small enough to stay in cache.
CHUNK_ROWS = 20_000
# SQLite: rows written by one INSERT, within the most parameters one statement may take (32,766 since
# SQLite 3.32, 999 before).
SQLITE_ROWS_PER_STATEMENT = 200
SQLITE_MAX_VARIABLES = 32_766 if sqlite3.sqlite_version_info >= (3, 32) else 999
# SQLite while bulk building: commits do not wait on the disk, no foreign key checks, and index builds
# sort in runs of the page cache's size, on worker threads. That needs the sorter's runs in temporary
# files (with ``temp_store = MEMORY`` SQLite sorts all the keys as one in-memory list, on one thread,
# mostly waiting on cache misses) and a modest cache: measured on the 1M-order demo's 3.2M-row ledger
# index, 7.3 s as one in-memory list, 3.0 s in 32 MB runs on two threads.
BULK_CACHE_KIB = 32 * 1024
# Pages read through a memory map, not copied in by a read() each: the index builds read every big
# table again (measured on the 1M-order demo: about 5 s less, a fifth less system time). SQLite caps
# this at its build's limit (2 GB by default). Only a bulk build of a file nobody else has open uses it.
BULK_MMAP_BYTES = 0x7FFF0000
BULK_PRAGMAS: dict[str, int] = {
    "cache_size": -BULK_CACHE_KIB,
    "mmap_size": BULK_MMAP_BYTES,
    "temp_store": 1,  # FILE
    "threads": 2,
    "synchronous": 0,  # OFF
    "foreign_keys": 0,
}


# "MM:SS." for each second of an hour.
MINUTE_SECOND = tuple(f"{minute:02d}:{second:02d}." for minute in range(60) for second in range(60))


def _sqlite_inserts(
    table: str, columns: Sequence[str], literals: Mapping[int, str] | None = None
) -> tuple[str, str, int]:
    """(one row's INSERT, the INSERT of as many rows as one statement takes, that many) for SQLite;
    ``literals``: SQL text written in place of the parameter of those columns (by position)."""
    literals = literals or {}
    one = f"({', '.join(literals.get(place, '?') for place in range(len(columns)))})"
    parameters = max(1, len(columns) - len(literals))
    per_statement = max(1, min(SQLITE_ROWS_PER_STATEMENT, SQLITE_MAX_VARIABLES // parameters))
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    return head + one, head + ", ".join([one] * per_statement), per_statement


def _sqlite_literal(value: object) -> str | None:
    """``value`` as SQLite SQL text, stored exactly as the driver stores it bound; None where it is
    not one of the plain kinds (it is bound as a parameter then)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int) and abs(value) < 2**63:
        return str(value)
    if isinstance(value, str) and "\x00" not in value:
        return "'" + value.replace("'", "''") + "'"
    return None


class Same(NamedTuple):
    """A column (for ``insert_columns``) whose every row holds ``value``."""

    value: object


class ToList(Protocol):
    """Column values that turn into a list of plain values (a numpy array)."""

    def __len__(self) -> int: ...

    def tolist(self) -> Any: ...


Column = Sequence[object] | ToList | Same


def plain_column(values: Sequence[object] | ToList) -> Sequence[Any]:
    """A column's values as a plain sequence (a numpy column's as Python values)."""
    return values if isinstance(values, Sequence) else values.tolist()


def table_of(model: type[Base]) -> Table:
    """The Core table of a mapped model."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def micros(moment: datetime) -> int:
    """An aware datetime as whole microseconds since the Unix epoch (UTC)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime given; use an aware UTC time")
    return (moment - EPOCH_AWARE) // timedelta(microseconds=1)


def naive_stamp(micros: int) -> object:
    return EPOCH_NAIVE + timedelta(microseconds=micros)


def aware_stamp(micros: int) -> object:
    return EPOCH_AWARE + timedelta(microseconds=micros)


class Stamps:
    """Times in a backend's storage format for ``UTCDateTime`` columns, with no connection (so rows
    can be made away from the database, in another process)."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self._hour_text: dict[int, str] = {}
        self.stamp: Callable[[int], object]
        """Microseconds since the epoch -> the value to write in a ``UTCDateTime`` column."""
        if dialect == "sqlite":
            self.stamp = self._sqlite_stamp
        elif dialect == "postgresql":
            self.stamp = naive_stamp
        else:
            self.stamp = aware_stamp

    def stamp_time(self, moment: datetime | None) -> object:
        """An aware datetime (or None) -> the value to write in a ``UTCDateTime`` column."""
        return None if moment is None else self.stamp(micros(moment))

    def _sqlite_stamp(self, micros: int) -> object:
        # Millions of calls in a bulk build: the hour's text made once, minutes and seconds looked up.
        hour, rest = divmod(micros, HOUR)
        head = self._hour_text.get(hour)
        if head is None:
            head = (EPOCH_NAIVE + timedelta(hours=hour)).strftime("%Y-%m-%d %H:")
            self._hour_text[hour] = head
        second, rest = divmod(rest, US)
        return f"{head}{MINUTE_SECOND[second]}{rest:06d}"


class BulkRows:
    """Writes tuples to tables in the caller's transaction, times in the backend's storage format.

    ``UTCDateTime`` stores naive UTC: SQLite as the text SQLAlchemy writes
    ("2026-01-02 03:04:05.000006"), PostgreSQL as ``timestamp without time zone``. Columns the caller
    does not name get their scalar default (a ``UTCDateTime`` column with a default gets ``now``),
    so a new column with a default does not break a writer; a NOT NULL column without a default
    stops the write before anything is written (``ValueError``). Never commits.
    """

    def __init__(self, conn: Connection, now: datetime | int | None = None, *, chunk_rows: int = CHUNK_ROWS) -> None:
        self.conn = conn
        if now is None:
            now = datetime.now(UTC)
        self.now_us = now if isinstance(now, int) else micros(now)
        self.chunk_rows = chunk_rows
        self.dialect = conn.dialect.name
        self.stamps = Stamps(self.dialect)
        self.stamp = self.stamps.stamp
        self.stamp_time = self.stamps.stamp_time

    def defaults(self, table: Table, columns: Sequence[str]) -> tuple[tuple[str, ...], Row]:
        """The columns of ``table`` not in ``columns`` that need a value, and their values."""
        unknown = set(columns) - set(table.columns.keys())
        if unknown:
            raise ValueError(f"{table.name} has no column {', '.join(sorted(unknown))}")
        names: list[str] = []
        values: list[object] = []
        for column in table.columns:
            if column.name in columns or column.server_default is not None:
                continue
            default = column.default
            if default is not None and default.is_scalar:
                names.append(column.name)
                values.append(default.arg)  # type: ignore[attr-defined]
            elif default is not None and isinstance(column.type, UTCDateTime):
                names.append(column.name)
                values.append(self.stamp(self.now_us))
            elif not column.nullable and not (column.primary_key and column.autoincrement in (True, "auto")):
                raise ValueError(f"no value for {table.name}.{column.name}, which has no default")
        return tuple(names), tuple(values)

    def insert(self, table: Table, columns: Sequence[str], rows: Iterable[Row]) -> int:
        """Write ``rows`` (tuples in the order of ``columns``) to ``table``; returns how many."""
        extra_names, extra_values = self.defaults(table, columns)
        if extra_names:
            columns = (*columns, *extra_names)
            rows = (row + extra_values for row in rows)
        names = ", ".join(columns)
        written = 0
        if self.dialect == "postgresql":
            cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            with cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    written += 1
            return written
        if self.dialect == "sqlite":
            # Many rows to a statement: a third less time than one row at a time (each statement is
            # bound, stepped and reset once, not once a row); what is left over goes row by row.
            single, many, per_statement = _sqlite_inserts(table.name, columns)
            for batch in _chunks(rows, self.chunk_rows):
                whole = len(batch) - len(batch) % per_statement
                for start in range(0, whole, per_statement):
                    self.conn.exec_driver_sql(many, tuple(chain.from_iterable(batch[start : start + per_statement])))
                if whole < len(batch):
                    self.conn.exec_driver_sql(single, batch[whole:])
                written += len(batch)
            return written
        for batch in _chunks(rows, self.chunk_rows):
            self.conn.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in batch])
            written += len(batch)
        return written

    def insert_columns(self, table: Table, columns: Sequence[str], values: Sequence[Column]) -> int:
        """Write rows given column by column (``values[i]`` holds every row's value of ``columns[i]``:
        a list of plain values, anything with ``tolist()`` such as a numpy array, or ``Same``) to
        ``table``; returns how many. On SQLite the statements' parameters are laid out straight from
        the columns (one strided list assignment per column), with no tuple made per row."""
        if len(values) != len(columns):
            raise ValueError(f"{len(columns)} columns named, {len(values)} given")
        lists: list[Sequence[object] | Same] = [
            value if isinstance(value, Same) else plain_column(value) for value in values
        ]
        lengths = {len(value) for value in lists if not isinstance(value, Same)}
        if len(lengths) > 1:
            raise ValueError(f"columns of different lengths for {table.name}: {sorted(lengths)}")
        count = lengths.pop() if lengths else 0
        extra_names, extra_values = self.defaults(table, columns)
        columns = (*columns, *extra_names)
        lists.extend(Same(value) for value in extra_values)
        if self.dialect != "sqlite":
            rows = zip(
                *(repeat(value.value, count) if isinstance(value, Same) else value for value in lists), strict=True
            )
            return self.insert(table, columns, rows)
        # A column holding one value in every row is written as SQL text in the statement, not bound
        # row by row (each bound value costs about as much as the rest of the row's work per column).
        literals = {
            place: literal
            for place, value in enumerate(lists)
            if isinstance(value, Same) and (literal := _sqlite_literal(value.value)) is not None
        }
        bound = [value for place, value in enumerate(lists) if place not in literals]
        width = len(bound)
        single, many, per_statement = _sqlite_inserts(table.name, columns, literals)
        driver = self.conn.connection.driver_connection
        assert driver is not None
        cursor = driver.cursor()
        try:
            for start in range(0, count, self.chunk_rows):
                size = min(self.chunk_rows, count - start)
                flat: list[object] = [None] * (size * width)
                for place, value in enumerate(bound):
                    flat[place::width] = (
                        [value.value] * size if isinstance(value, Same) else value[start : start + size]
                    )
                step = per_statement * width
                whole = (size - size % per_statement) * width
                for first in range(0, whole, step):
                    cursor.execute(many, flat[first : first + step])
                if whole < len(flat):
                    cursor.executemany(
                        single,
                        [flat[first : first + width] for first in range(whole, len(flat), width)],
                    )
        finally:
            cursor.close()
        return count

    def next_id(self, table: Table) -> int:
        """One past the table's highest id (ids the caller writes itself; ``reset_sequences`` after)."""
        return int(self.conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1

    def allocate_ids(self, table: Table, count: int) -> Sequence[int]:
        """Ids for ``count`` new rows of ``table``, known before writing so child rows can point at
        them. PostgreSQL takes them from the id sequence (safe beside other writers); SQLite, and a
        table without a sequence, take the ids after the highest (the write transaction holds the
        lock on SQLite; a table without a sequence is assumed to be the caller's own)."""
        if count <= 0:
            return range(0)
        if self.dialect == "postgresql":
            sequence = self.conn.execute(
                text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}
            ).scalar()
            if sequence is not None:
                rows = self.conn.execute(
                    text("SELECT nextval(CAST(:seq AS regclass)) FROM generate_series(1, :n)"),
                    {"seq": sequence, "n": count},
                )
                return [int(row[0]) for row in rows]
        start = self.next_id(table)
        return range(start, start + count)

    @contextmanager
    def without_indexes(self, tables: Iterable[Table], *, keep: Iterable[str] = ()) -> Iterator[None]:
        """Write without the secondary indexes of ``tables`` (dropped now, built again once at the end:
        far faster than index maintenance row by row), except those named in ``keep`` (the caller
        writes their keys in ascending order, so each new entry lands at the index's right edge:
        cheaper than sorting them all afterwards). Inside the caller's transaction, so a failure
        rolls the indexes back too. Only indexes the metadata knows are dropped."""
        conn = self.conn
        inspector = inspect(conn)
        kept = set(keep)
        indexes: list[Index] = []
        for table in tables:
            present = {str(index["name"]) for index in inspector.get_indexes(table.name)} - kept
            indexes.extend(index for index in table.indexes if index.name in present)
        for index in indexes:
            conn.exec_driver_sql(f"DROP INDEX {index.name}")
        yield
        for index in indexes:
            index.create(conn)

    @contextmanager
    def without_trigger(self, name: str, refill: str | None = None) -> Iterator[None]:
        """SQLite: write without the row trigger ``name`` (each firing can cost far more than the row,
        e.g. an FTS5 insert), then run ``refill`` (one statement doing for all rows what the trigger
        did row by row) and make the trigger again from its own stored SQL, so it cannot drift from
        the migration's. Inside the caller's transaction. Elsewhere, or without that trigger: as is."""
        sql = None
        if self.dialect == "sqlite":
            sql = self.conn.execute(
                text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"), {"name": name}
            ).scalar()
        if not sql:
            yield
            return
        self.conn.exec_driver_sql(f"DROP TRIGGER {name}")
        yield
        if refill:
            self.conn.exec_driver_sql(refill)
        self.conn.exec_driver_sql(str(sql))

    def reset_sequences(self, tables: Iterable[Table]) -> None:
        """PostgreSQL: move each table's id sequence past the ids written (after ``next_id`` ids)."""
        if self.dialect != "postgresql":
            return
        for table in tables:
            if "id" not in table.c:  # keyed otherwise (e.g. by its order's id): no sequence of its own
                continue
            self.conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), coalesce(max(id), 0) + 1, false) "
                f"FROM {table.name}"
            )


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    if isinstance(rows, list):
        for start in range(0, len(rows), size):
            yield rows[start : start + size]
        return
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


@contextmanager
def sqlite_bulk_settings(conn: Connection, *, journal: str | None = None) -> Iterator[None]:
    """SQLite, around a bulk build's transaction (these pragmas cannot change inside one): index builds
    sorted in runs on worker threads, no waiting on the disk, no foreign key checks (the caller writes
    ids it has just made). ``journal``: a journal mode for the build (``MEMORY``
    for a brand-new file: its new pages need no journal, and nothing goes through the WAL twice),
    taken only where SQLite can switch (nobody else has the file open). Put back afterwards,
    whatever happened, so the connection goes back to the pool as it came. Elsewhere: does nothing."""
    if conn.dialect.name != "sqlite":
        yield
        return
    driver = conn.connection.driver_connection
    assert driver is not None
    names = tuple(BULK_PRAGMAS)
    before = {name: driver.execute(f"PRAGMA {name}").fetchone()[0] for name in names}
    journal_before = str(driver.execute("PRAGMA journal_mode").fetchone()[0])
    try:
        for name in names:
            driver.execute(f"PRAGMA {name} = {BULK_PRAGMAS[name]}")
        if journal is not None and journal.lower() != journal_before.lower():
            # Busy: someone else has the file open; the build keeps the journal it has.
            with suppress(sqlite3.OperationalError):
                driver.execute(f"PRAGMA journal_mode = {journal}").fetchone()
        yield
    finally:
        if str(driver.execute("PRAGMA journal_mode").fetchone()[0]).lower() != journal_before.lower():
            driver.execute(f"PRAGMA journal_mode = {journal_before}").fetchone()
        for name in names:
            driver.execute(f"PRAGMA {name} = {before[name]}")
