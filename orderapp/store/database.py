"""The engine for a shop's database, SQLite or PostgreSQL, with the settings each one needs."""

from __future__ import annotations

import os
import select
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DisconnectionError
from sqlalchemy.orm import Session

from orderapp.errors import DatabaseProblem, OrderAppError, ServerUnreachable
from orderapp.i18n import _
from orderapp.store import db_errors

WRITE_OPTION = "orderapp_write"
SUPPORTED_DRIVERS = ("sqlite", "sqlite+pysqlite", "postgresql+psycopg")
# A server connection that goes silent (network cut, server PC off) is noticed within about 20 s.
# The same promise as SQLite's WAL with synchronous=NORMAL: a commit is not waited on until it is
# on disk, so a crash of the server machine may lose the last moment's transactions, whole (never
# half of one, never a damaged database); a commit no longer waits on a busy disk (p99 halved).
SERVER_OPTIONS = "-c synchronous_commit=off"
SERVER_KEEPALIVE = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 2}


def normalise_url(url: str | os.PathLike[str] | URL) -> URL:
    """Accept what a user types: a plain path means a SQLite file; "postgresql://" means psycopg 3.

    Anything else (another kind of database, a port that is not a number, an address that cannot
    be read) is refused with a sentence (``DatabaseProblem``), never a traceback.
    """
    if isinstance(url, os.PathLike):
        url = os.fspath(url)
    if isinstance(url, str):
        text = url.strip()
        if "://" not in text:
            return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))
        try:
            parsed = make_url(text)
        except (ArgumentError, ValueError) as exc:
            raise DatabaseProblem(_bad_address(text, exc), _hide_password(text)) from exc
    else:
        parsed = url
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2", "postgresql+psycopg"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername not in SUPPORTED_DRIVERS:
        scheme = parsed.drivername.split("+", 1)[0]
        raise DatabaseProblem(
            _(
                "OrderApp cannot keep a shop in a {scheme} database. Give a SQLite file (a path such as "
                "C:\\Shop\\shop.sqlite) or a PostgreSQL server (postgresql://user:password@host/database)."
            ).format(scheme=scheme),
            _hide_password(str(url) if not isinstance(url, URL) else url.render_as_string(hide_password=True)),
        )
    try:
        port = parsed.port  # some versions accept "54x2" at parsing and fail on reading it
    except ValueError as exc:
        raise DatabaseProblem(_bad_address(str(url), exc), _hide_password(str(url))) from exc
    if port is not None and not 0 < port < 65536:
        raise DatabaseProblem(_bad_address(str(url), ValueError("port")), _hide_password(str(url)))
    return parsed


def _bad_address(text: str, exc: BaseException) -> str:
    detail = str(exc)
    if "int()" in detail or "port" in detail.lower():
        return _(
            "The database address {where} has a port that is not a number from 1 to 65535. Write it as "
            "postgresql://user:password@host:5432/database (the port is digits only, or leave it out)."
        ).format(where=_hide_password(text))
    return _(
        "{where} is not a database address OrderApp can read. Write a file path, or "
        "postgresql://user:password@host:5432/database."
    ).format(where=_hide_password(text))


def _hide_password(text: str) -> str:
    """``scheme://user:secret@host`` -> ``scheme://user:***@host``, without parsing (it may not parse)."""
    scheme, sep, rest = text.partition("://")
    if not sep or "@" not in rest:
        return text
    credentials, at, host = rest.rpartition("@")
    user, colon, _secret = credentials.partition(":")
    return f"{scheme}://{user}{':***' if colon else ''}{at}{host}"


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other backends and in-memory databases."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def describe(url: URL) -> str:
    """Where the data is, for people: a file path, or server/database without the password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    return url.render_as_string(hide_password=True)


class Database:
    """One shop database. Thread-safe: every thread takes its own sessions and connections.

    Reads use ordinary transactions. Writes (``session(write=True)``) take the write lock up front on
    SQLite (BEGIN IMMEDIATE), so that two stations never both read stock and then both fail to
    commit; together with WAL and the busy timeout they queue instead of failing.
    """

    def __init__(self, url: str | os.PathLike[str] | URL, *, echo: bool = False) -> None:
        self.url = normalise_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
        else:
            kwargs["connect_args"] = {"connect_timeout": 5, "options": SERVER_OPTIONS, **SERVER_KEEPALIVE}
        self.engine: Engine = create_engine(self.url, **kwargs)
        db_errors.install(self.engine)  # busy, NUL, out-of-range: typed errors with a sentence
        if self.is_sqlite:
            _configure_sqlite(self.engine)
        else:
            _configure_postgresql(self.engine)
        self.write_engine: Engine = self.engine.execution_options(**{WRITE_OPTION: True})
        # Set while a background integrity check runs: writes wait for it, and are refused if the
        # check finds the file damaged (SQLite only; see store.integrity).
        self.write_gate: WriteGate | None = None

    @property
    def location(self) -> str:
        return describe(self.url)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def session(self, *, write: bool = False) -> Session:
        return Session(bind=self.write_engine if write else self.engine, expire_on_commit=False)

    def hold_writes(self, gate: WriteGate) -> None:
        """Writes (``session(write=True)``, ``write_engine``) wait on ``gate`` from now on."""
        self.write_gate = gate
        self.engine.orderapp_write_gate = gate  # type: ignore[attr-defined]

    def dispose(self) -> None:
        self.engine.dispose()


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from the sqlite3 module so that BEGIN is ours to emit
        # (and DDL in migrations is transactional).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        gate = getattr(engine, "orderapp_write_gate", None)
        if immediate and gate is not None:
            gate.wait_before_writing()
        db_errors.begin_sqlite(connection.connection.driver_connection, immediate)  # gives up on an import


class WriteGate:
    """Holds writes until a check of the database has passed; refuses them for good if it failed."""

    def __init__(self, check: Any = None) -> None:
        self._done = threading.Event()
        self._problem: OrderAppError | None = None
        self._listeners: list[Any] = []
        self._lock = threading.Lock()
        self._check = check  # starts the check (which ends with open() or refuse()); None: started elsewhere
        self._started = check is None

    def start(self) -> None:
        """Start the check if it has not started: the window does once it is idle; the first write
        does at the latest, so that nothing ever waits on a check nobody started."""
        with self._lock:
            if self._started:
                return
            self._started = True
        self._check()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    @property
    def problem(self) -> OrderAppError | None:
        return self._problem

    def open(self) -> None:
        self._finish(None)

    def refuse(self, problem: OrderAppError) -> None:
        self._finish(problem)

    def _finish(self, problem: OrderAppError | None) -> None:
        with self._lock:
            if self._done.is_set():
                return
            self._problem = problem
            self._done.set()
            listeners = list(self._listeners)
        for listener in listeners:
            listener(problem)

    def when_done(self, listener: Any) -> None:
        """Call ``listener(problem_or_None)`` when the check ends: at once if it has, else from its thread."""
        with self._lock:
            if not self._done.is_set():
                self._listeners.append(listener)
                return
        listener(self._problem)

    def wait_before_writing(self, timeout: float | None = None) -> None:
        self.start()
        self._done.wait(timeout)
        if self._problem is not None:
            raise self._problem


def _configure_postgresql(engine: Engine) -> None:
    location = describe(engine.url)

    @event.listens_for(engine, "handle_error")
    def _say_server_gone(context: Any) -> None:
        # A server that cannot be reached, or that went away in the middle of some work, is said in a
        # sentence (the work's transaction is gone with the connection: nothing of it was stored).
        # SQLAlchemy still drops the pool's connections, and the next piece of work connects afresh.
        if context.connection is None:
            raise ServerUnreachable(
                _(
                    "Cannot reach the database server {where}: {reason}. Check that the server is running "
                    "and the address, user and password are right, or open a local shop file instead."
                ).format(where=location, reason=_first_line(context.original_exception)),
                location,
            ) from context.original_exception
        if context.is_disconnect:
            raise ServerUnreachable(
                _(
                    "The connection to the database server {where} was lost ({reason}). What you were saving "
                    "was not stored; try again in a moment, when the server is back."
                ).format(where=location, reason=_first_line(context.original_exception)),
                location,
            ) from context.original_exception

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        # A pooled connection the server has closed (restart, pg_terminate_backend, idle timeout) is
        # replaced before use. This costs no round trip, unlike pool_pre_ping's "SELECT 1" before every
        # transaction: a server closing a connection sends its reason and then EOF, so an idle
        # connection with anything to read is finished. SQLAlchemy then connects afresh (or, when the
        # server is still away, the sentence above is raised).
        if not connection_looks_alive(dbapi_connection):
            raise DisconnectionError("the database server closed this connection")


def connection_looks_alive(dbapi_connection: Any) -> bool:
    """For an idle psycopg connection: False when it is closed, broken, or has something to read."""
    if dbapi_connection.closed or getattr(dbapi_connection, "broken", False):
        return False
    try:
        readable, _writable, _failed = select.select([dbapi_connection.fileno()], [], [], 0)
    except (OSError, ValueError):
        return False
    return not readable


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
