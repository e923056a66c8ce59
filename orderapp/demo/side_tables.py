"""The big demo shop's second core: a process of its own writes some of the demo's tables (the
timelines and the stock ledger, about two thirds of the rows) into a scratch SQLite file beside the
shop, and builds their indexes there, while this process makes the rows and writes the others. At
the end the shop's transaction copies them in whole (``INSERT INTO t SELECT * FROM side.t`` into
empty tables of the same shape: SQLite's transfer path copies the rows and the ready-made indexes
record by record, without sorting anything again).

The shop is the same either way (the rows are made here, in the same order, from the same seed; the
other process only writes them), so small shops, PostgreSQL, a shop in memory and a machine with
one core write everything in this process. The other process is started with "spawn" (never a fork
of a process that may have Qt or threads running). If it fails or dies, the build raises and its
one transaction rolls back: no half-built shop; the scratch file is removed either way.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import sqlite3
import tempfile
import threading
import time
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import partial
from multiprocessing.connection import Connection as Pipe
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

from sqlalchemy import Connection, Table

from orderapp.i18n import _
from orderapp.services.orders.search import adopt_search_index, sqlite_build_statements
from orderapp.store.bulk_rows import (
    BULK_CACHE_KIB,
    Column,
    Same,
    column_lists,
    sqlite_insert_columns,
    sqlite_stamp,
)

# The side process pays for itself from about this many orders (it takes a second to start).
SIDE_FROM_ORDERS = 100_000
# Batches pickled and waiting for the pipe: enough to keep both processes busy, few enough to keep
# memory down (a batch of 20,000 orders' timelines and ledger is about 10 MB pickled).
OUTBOX_BATCHES = 4
# How much of a core (beyond the one this process runs on) must have been idle over the last minute.
SPARE_CORE = 0.25
# Seconds to wait for the side process to report once everything has been sent.
FINISH_TIMEOUT = 1800.0


class SideProcessFailed(RuntimeError):
    """The demo's second process failed or stopped; the build is rolled back (``detail``: why)."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            _("The demo shop could not be built: its second process stopped. Nothing was written.") + "\n" + detail
        )


def use_side_process(conn: Connection, orders: int) -> bool:
    """Whether a build of ``orders`` orders on this connection gets a second process: an SQLite file
    shop, big enough, on a machine with a core to spare now (the two processes do about a third
    more work between them than one alone: on a machine whose cores are busy, one is faster)."""
    if conn.dialect.name != "sqlite" or orders < SIDE_FROM_ORDERS or _spare_cores() < SPARE_CORE:
        return False
    return bool(_main_file(_driver(conn)))


def _spare_cores() -> float:
    """Cores not busy over the last minute (the load average against the cores), where known."""
    cores = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows: no load average; count the cores only
        load = 0.0
    return cores - 1 - load if cores >= 2 else 0.0


def _driver(conn: Connection) -> sqlite3.Connection:
    """The connection's sqlite3 connection (used directly: no SQLAlchemy transaction begins)."""
    driver = conn.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def _main_file(driver: sqlite3.Connection) -> str:
    rows = driver.execute("PRAGMA database_list").fetchall()
    return next((str(row[2]) for row in rows if row[1] == "main"), "")


class SideTables:
    """This process's end: rows for the side tables go to the other process; ``merge`` copies them in."""

    def __init__(
        self, conn: Connection, tables: Sequence[Table], copies: dict[str, tuple[str, ...]], search: bool
    ) -> None:
        self.conn = conn
        self.tables = {table.name for table in tables}
        self.copies = copies  # table -> columns of it (written here too) that the side gets a copy of
        self.search = search  # the orders' search rows and index are built there from the copies
        driver = _driver(conn)
        folder = Path(_main_file(driver)).parent
        handle, name = tempfile.mkstemp(prefix=".demo-side-", suffix=".sqlite", dir=folder)
        os.close(handle)
        self.path = Path(name)
        statements: list[str] = []  # the tables and their indexes exactly as the shop has them (before any drop)
        for name in (*self.tables, *(["order_search"] if search else [])):
            statements.extend(
                str(sql)
                for (sql,) in driver.execute(
                    "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('table', 'index') "
                    "AND sql IS NOT NULL ORDER BY type = 'index', name",
                    (name,),
                )
            )
        for name, columns in copies.items():
            statements.append(f"CREATE TABLE {name} ({columns[0]} INTEGER PRIMARY KEY, {', '.join(columns[1:])})")
        finals = sqlite_build_statements() if search else []
        context = multiprocessing.get_context("spawn")
        self.pipe, child = context.Pipe()
        self.process = context.Process(
            target=serve, args=(str(self.path), statements, finals, child), name="orderapp-demo-side", daemon=True
        )
        self.process.start()
        child.close()  # only the child holds its end now: if it dies, sending fails at once
        self.merged = False
        self.report = ""
        # Pickled here, written to the pipe by a thread (the write waits while the other process is
        # busy, without holding the GIL): this process goes on making the next batch meanwhile.
        self.outbox: queue.Queue[bytes | None] = queue.Queue(maxsize=OUTBOX_BATCHES)
        self.send_error: BaseException | None = None
        self.sender = threading.Thread(target=self._send_all, name="orderapp-demo-side-sender", daemon=True)
        self.sender.start()

    def _send_all(self) -> None:
        while (message := self.outbox.get()) is not None:
            try:
                self.pipe.send_bytes(message)
            except BaseException as error:  # the other end is gone; say so to the next _send
                self.send_error = error
                while self.outbox.get() is not None:  # drop what is queued so nobody waits on a full box
                    pass
                return

    def insert_columns(self, table: str, columns: Sequence[str], values: Sequence[Column]) -> int:
        """Send rows (every column named, as ``BulkRows.insert_columns`` takes them) to the side."""
        count = next((len(value) for value in values if not isinstance(value, Same)), 0)
        self._send(("rows", table, tuple(columns), list(values)))
        return count

    def finish(self) -> None:
        """Every row has been sent: the other process builds its indexes (meanwhile this one builds
        those of its own tables)."""
        self._send(("finish",))

    def merge(self) -> None:
        """Wait for the side process to write its indexes, then copy its tables into the shop's (in
        the caller's transaction; the tables must be empty here and have their indexes)."""
        self._stop_sender()
        if self.send_error is not None:
            raise SideProcessFailed(f"exit code {self.process.exitcode}")
        if not self.pipe.poll(FINISH_TIMEOUT):
            raise SideProcessFailed(f"no answer within {FINISH_TIMEOUT:.0f} s")
        reply = self._receive()
        if reply[0] != "done":
            raise SideProcessFailed(reply[1])
        self.report = reply[1]  # what the other process spent, for measuring
        self.process.join(60)
        driver = _driver(self.conn)
        driver.execute("ATTACH DATABASE ? AS demo_side", (str(self.path),))
        self.merged = True
        for table in sorted(self.tables):
            driver.execute(f"INSERT INTO main.{table} SELECT * FROM demo_side.{table}")
        if self.search:
            adopt_search_index(self.conn, "demo_side")

    def _stop_sender(self) -> None:
        if self.sender.is_alive():
            self.outbox.put(None)
            self.sender.join()

    def close(self) -> None:
        """After the shop's transaction (committed or rolled back): detach, stop, remove the file."""
        if self.process.is_alive() and not self.merged:
            self.process.terminate()  # a failed build: its sender may be waiting on a full pipe
        self._stop_sender()
        driver = self.conn.connection.driver_connection
        if self.merged and driver is not None:
            with suppress(sqlite3.Error):
                driver.execute("DETACH DATABASE demo_side")
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(10)
        self.pipe.close()
        for suffix in ("", "-journal", "-wal", "-shm"):
            with suppress(OSError):
                Path(f"{self.path}{suffix}").unlink()

    def _send(self, message: tuple[object, ...]) -> None:
        data = bytes(ForkingPickler.dumps(message))
        while True:
            if self.send_error is not None or not self.sender.is_alive():
                raise SideProcessFailed(f"exit code {self.process.exitcode}")
            try:
                self.outbox.put(data, timeout=0.5)
                break
            except queue.Full:
                if not self.process.is_alive():
                    raise SideProcessFailed(f"exit code {self.process.exitcode}") from None
        if self.pipe.poll():  # it only speaks early to say it failed
            reply = self._receive()
            raise SideProcessFailed(reply[1])

    def _receive(self) -> tuple[str, str]:
        try:
            reply = self.pipe.recv()
        except (EOFError, OSError) as error:
            raise SideProcessFailed(f"exit code {self.process.exitcode}") from error
        assert isinstance(reply, tuple)
        return reply


@contextmanager
def side_tables(
    conn: Connection,
    tables: Sequence[Table],
    wanted: bool,
    copies: dict[str, tuple[str, ...]] | None = None,
    search: bool = False,
) -> Iterator[SideTables | None]:
    """A side process for ``tables`` when ``wanted`` (see ``use_side_process``), else None; stopped
    and its file removed on the way out, whatever happened. Enter it before the shop's transaction
    begins and leave it after it ended (SQLite detaches a database only outside a transaction)."""
    if not wanted:
        yield None
        return
    side = SideTables(conn, tables, copies or {}, search)
    try:
        yield side
    finally:
        side.close()


def _stamp(micros: int, known: dict[int, str], hours: dict[int, str]) -> str:
    """A time as SQLite stores it, each one made once per batch of timelines."""
    text = known.get(micros)
    if text is None:
        text = known[micros] = sqlite_stamp(micros, hours)
    return text


def serve(path: str, statements: list[str], finals: list[str], pipe: Pipe) -> None:
    """The side process: make the tables and their indexes, write the rows it is sent, at "finish"
    run ``finals`` (the search index), commit and say "done"; on any error say "failed" with the
    traceback and stop."""
    try:
        waited = written = 0.0
        hours: dict[int, str] = {}
        known: dict[int, str] = {}
        driver = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", f"cache_size = {-BULK_CACHE_KIB}", "temp_store = 2"):
            driver.execute(f"PRAGMA {pragma}").fetchall()
        tables = [sql for sql in statements if sql.lstrip().upper().startswith("CREATE TABLE")]
        indexes = [sql for sql in statements if sql not in tables]
        driver.execute("BEGIN")
        for sql in tables:
            driver.execute(sql)
        for sql in indexes:  # kept up to date row by row: the rows come mostly in index order
            driver.execute(sql)
        indexes = []
        while True:
            started = time.perf_counter()
            data = pipe.recv_bytes()  # waiting for the next batch
            received = time.perf_counter()
            waited += received - started
            message = ForkingPickler.loads(data)
            if message[0] == "finish":
                break
            _kind, table, columns, values = message
            if table == "order_event":  # the ledger's times are a part of the batch's timelines
                known.clear()
            lists, count = column_lists(values, partial(_stamp, known=known, hours=hours))
            sqlite_insert_columns(driver, table, columns, lists, count)
            written += time.perf_counter() - received
        started = time.perf_counter()
        for sql in (*indexes, *finals):
            driver.execute(sql)
        driver.execute("COMMIT")
        driver.close()
        indexed = time.perf_counter() - started
        cpu = time.process_time()
        report = f"waiting {waited:.1f} s, writing {written:.1f} s, indexes {indexed:.1f} s, cpu {cpu:.1f} s"
        pipe.send(("done", report))
    except BaseException:
        with suppress(OSError):
            pipe.send(("failed", traceback.format_exc()))
        raise
