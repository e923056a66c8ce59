"""The engine for a shop's database, SQLite or PostgreSQL, with the settings each one needs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.orm import Session

WRITE_OPTION = "orderapp_write"


def normalise_url(url: str | os.PathLike[str] | URL) -> URL:
    """Accept what a user types: a plain path means a SQLite file; "postgresql://" means psycopg 3."""
    if isinstance(url, os.PathLike):
        url = os.fspath(url)
    if isinstance(url, str):
        text = url.strip()
        if "://" not in text:
            return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))
        parsed = make_url(text)
    else:
        parsed = url
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


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
            kwargs["pool_pre_ping"] = True
            kwargs["connect_args"] = {"connect_timeout": 5}
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            _configure_sqlite(self.engine)
        self.write_engine: Engine = self.engine.execution_options(**{WRITE_OPTION: True})

    @property
    def location(self) -> str:
        return describe(self.url)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def session(self, *, write: bool = False) -> Session:
        return Session(bind=self.write_engine if write else self.engine, expire_on_commit=False)

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
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
