"""Noticing that another PC changed the shop's data, so that lists and dashboards refresh on their own.

``ChangeFeed(database, on_change)`` watches the database from its own thread, on its own connection,
and calls ``on_change(Change)`` (from that thread) soon after someone commits a change:

- PostgreSQL: ``LISTEN orderapp_changes``. Triggers made by migration 0014 send the name of every
  changed table on that channel (``NOTIFY`` is delivered at commit, never for a rolled-back change).
- SQLite: ``PRAGMA data_version``, polled a few times a second; it moves whenever another connection
  (another process, or another connection of this one) commits. Which tables changed is not known
  there, so ``Change.tables`` is empty, meaning "anything may have changed".

Changes arriving close together are handed over as one ``Change``. When the connection is lost (the
server restarts, the network drops) the feed says so through ``on_state(False)``, keeps trying to
connect again, and on success reports ``on_state(True)`` and one ``Change`` of everything (what
happened meanwhile was not heard).

The core stays Qt-free: the GUI turns the callback into a Qt signal (``orderapp.gui.live_refresh``).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from orderapp.store.database import Database

log = logging.getLogger(__name__)

CHANNEL = "orderapp_changes"
# Notifications arriving within this time of the first are handed over together.
GATHER_SECONDS = 0.05
POLL_SECONDS = 0.25  # SQLite data_version polling; also how often the PostgreSQL thread checks it should stop
RETRY_SECONDS = 2.0
PING_SECONDS = 5.0


@dataclass(frozen=True)
class Change:
    """Some data changed. ``tables``: the tables named by the server; empty when not known (anything)."""

    tables: frozenset[str] = frozenset()

    def touches(self, *tables: str) -> bool:
        return not self.tables or not self.tables.isdisjoint(tables)


ALL = Change()


class ChangeFeed:
    def __init__(
        self,
        database: Database,
        on_change: Callable[[Change], None],
        *,
        on_state: Callable[[bool], None] | None = None,
        poll_seconds: float = POLL_SECONDS,
        retry_seconds: float = RETRY_SECONDS,
    ) -> None:
        self._database = database
        self._on_change = on_change
        self._on_state = on_state or (lambda _connected: None)
        self._poll = poll_seconds
        self._retry = retry_seconds
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self.connected = False

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        target = self._watch_sqlite if self._database.is_sqlite else self._watch_postgresql
        self._thread = threading.Thread(target=target, name="orderapp-change-feed", daemon=True)
        self._thread.start()

    def wait_ready(self, timeout: float = 10.0) -> bool:
        """True once the feed listens (changes committed from then on are noticed)."""
        return self._ready.wait(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    # -- SQLite ---------------------------------------------------------------------------------

    def _watch_sqlite(self) -> None:
        path = self._database.path
        if path is None:  # an in-memory database has no other connections to hear from
            self._ready.set()
            return
        conn: sqlite3.Connection | None = None
        seen: int | None = None
        while not self._stop.is_set():
            try:
                if conn is None:
                    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False, timeout=5)
                    conn.isolation_level = None  # no transaction held between polls
                    seen = None
                row = conn.execute("PRAGMA data_version").fetchone()
                version = int(row[0])
                if seen is None:
                    self._connected(True, first=not self._ready.is_set())
                    self._ready.set()
                elif version != seen:
                    self._tell(ALL)
                seen = version
            except sqlite3.Error as exc:
                log.warning("watching %s for changes failed: %s", path, exc)
                if conn is not None:
                    conn.close()
                conn = None
                self._connected(False)
                self._stop.wait(self._retry)
                continue
            self._stop.wait(self._poll)
        if conn is not None:
            conn.close()

    # -- PostgreSQL -----------------------------------------------------------------------------

    def _watch_postgresql(self) -> None:
        import psycopg

        first = True
        while not self._stop.is_set():
            conn: Any = None
            try:
                args, kwargs = self._connect_args()
                conn = psycopg.connect(*args, **kwargs, autocommit=True)
                conn.execute(f"LISTEN {CHANNEL}")
                self._connected(True, first=first)
                first = False
                self._ready.set()
                self._listen(conn)
            except psycopg.Error as exc:
                if not self._stop.is_set():
                    log.warning("listening for changes on %s failed: %s", self._database.location, exc)
                    self._connected(False)
                    self._stop.wait(self._retry)
            finally:
                if conn is not None:
                    conn.close()

    def _connect_args(self) -> tuple[list[Any], dict[str, Any]]:
        engine = self._database.engine
        args, kwargs = engine.dialect.create_connect_args(engine.url)
        kwargs = dict(kwargs)
        kwargs.setdefault("connect_timeout", 5)
        return list(args), kwargs

    def _listen(self, conn: Any) -> None:
        asked = time.monotonic()
        while not self._stop.is_set():
            tables: set[str] = set()
            for notice in conn.notifies(timeout=self._poll, stop_after=1):
                tables.add(notice.payload)
            if not tables:
                if time.monotonic() - asked >= PING_SECONDS:
                    # A quiet connection may have died without a word: ask it something now and then.
                    conn.execute("SELECT 1")
                    asked = time.monotonic()
                continue
            deadline = time.monotonic() + GATHER_SECONDS
            while (left := deadline - time.monotonic()) > 0:
                more = [notice.payload for notice in conn.notifies(timeout=left)]
                tables.update(more)
                if not more:
                    break
            self._tell(Change(frozenset(tables)))

    def _tell(self, change: Change) -> None:
        try:
            self._on_change(change)
        except RuntimeError:  # the listener is gone (a closed window): nobody to tell any more
            log.debug("nobody listens for changes any more; the feed stops")
            self._stop.set()

    def _connected(self, connected: bool, *, first: bool = False) -> None:
        if connected == self.connected and not first:
            return
        was = self.connected
        self.connected = connected
        try:
            self._on_state(connected)
        except RuntimeError:  # the listener is gone (a closed window): nobody to tell any more
            self._stop.set()
        if connected and not first and not was:
            self._tell(ALL)  # whatever happened while we could not hear it
