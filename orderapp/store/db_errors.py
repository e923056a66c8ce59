"""Database failures a user can meet, turned into sentences (typed errors), for every statement.

``install(engine)`` hooks the engine so that, wherever a read or a write meets them:

* a busy database (SQLite "database is locked"/busy, PostgreSQL lock timeouts) raises
  ``DatabaseBusy`` -- never a raw ``OperationalError``;
* text a database cannot hold (a NUL character: PostgreSQL refuses it; half of a character, a lone
  surrogate: no driver can encode it) raises ``TextNotStorable`` when written; in a read (a search
  box) such characters are replaced by U+FFFD first, so the search simply finds nothing;
* a number beyond the column's range (PostgreSQL ``NumericValueOutOfRange``, SQLite's "Python int
  too large") raises ``NumberTooLarge``.

Long imports and other PCs (SQLite): an import takes the write lock only to write (it reads and
checks the file first), and marks itself in the ``setting`` table (``IMPORT_MARK``) while it writes.
``begin_sqlite`` takes the write lock for a write session in steps of ``WAIT_STEP`` seconds: after
each step it looks for that mark, and when an import holds the lock it gives up at once with
"another PC is importing; try again in a moment" (so a confirm waits at most about 2 s); otherwise
it keeps queueing, as before, up to ``WAIT_LIMIT`` seconds.
"""

from __future__ import annotations

import os
import random
import socket
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

from orderapp.domain.safe_text import has_bad_characters, searchable
from orderapp.errors import OrderAppError
from orderapp.i18n import _

if TYPE_CHECKING:
    from orderapp.store.database import Database

IMPORT_MARK = "import.running"  # setting key: "<host> <pid> <UTC time>" while an import writes
WAIT_STEP = 1.5  # seconds a write waits for the lock before looking for an import (<= 2 s in all)
WAIT_LIMIT = 30.0  # seconds a write queues behind ordinary writers (the busy timeout)
MARK_STALE = timedelta(minutes=30)  # an import mark older than this was left by a crash


class DatabaseBusy(OrderAppError):
    """Another PC holds the database too long; nothing was written. Try again."""


class TextNotStorable(OrderAppError):
    """A text holds a NUL character or half a character; nothing was written."""


class NumberTooLarge(OrderAppError):
    """A number is beyond what the database can store; nothing was written."""


def importing_message() -> str:
    return _("Another PC is importing; try again in a moment. Nothing was changed.")


def busy_message() -> str:
    return _("The database is busy with another PC's work; try again in a moment. Nothing was changed.")


def install(engine: Engine) -> None:
    event.listen(engine, "handle_error", _translate)
    event.listen(engine, "before_cursor_execute", _clean_read_parameters, retval=True)


# Waiting for SQLite's write lock: SQLite's own busy handler sleeps longer and longer between tries
# (up to 100 ms), so with several stations writing one of them can lose every time and wait for
# seconds. Trying again after a short random pause instead serves the stations about in turn.
FIRST_PAUSE = 0.0001
LONGEST_PAUSE = 0.003


def begin_sqlite(dbapi_connection: Any, immediate: bool) -> None:
    """BEGIN (reads) or BEGIN IMMEDIATE (writes) on a SQLite connection, giving up with a sentence
    when an import holds the write lock (looked for every ``WAIT_STEP`` s), or after ``WAIT_LIMIT`` s."""
    if not immediate:
        dbapi_connection.execute("BEGIN")
        return
    start = time.monotonic()
    deadline, next_look = start + WAIT_LIMIT, start + WAIT_STEP
    pause = FIRST_PAUSE
    dbapi_connection.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                dbapi_connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    raise
            now = time.monotonic()
            if now >= next_look:
                if _import_running(dbapi_connection):
                    raise DatabaseBusy(importing_message()) from None
                next_look = now + WAIT_STEP
            if now >= deadline:
                raise DatabaseBusy(busy_message()) from None
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, LONGEST_PAUSE)
    finally:
        dbapi_connection.execute(f"PRAGMA busy_timeout = {int(WAIT_LIMIT * 1000)}")


def import_mark_value(now: datetime | None = None) -> str:
    moment = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S")
    return f"{socket.gethostname()} {os.getpid()} {moment}"


def _import_running(dbapi_connection: Any) -> bool:
    try:
        row = dbapi_connection.execute("SELECT value FROM setting WHERE key = ?", (IMPORT_MARK,)).fetchone()
    except sqlite3.Error:
        return False
    if not row or not row[0]:
        return False
    try:
        since = datetime.strptime(str(row[0]).rsplit(" ", 1)[-1], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return True
    return datetime.now(UTC) - since < MARK_STALE


def _is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "database is locked" in text or "database table is locked" in text or "busy" in text


def _translate(context: ExceptionContext) -> None:
    original = context.original_exception
    replacement = _typed(original)
    if replacement is not None:
        raise replacement from original


def _typed(original: BaseException) -> OrderAppError | None:
    if isinstance(original, OrderAppError):
        return None
    name = type(original).__name__
    text = str(original)
    if isinstance(original, sqlite3.OperationalError) and _is_busy(original):
        return DatabaseBusy(busy_message())
    if name in ("LockNotAvailable", "DeadlockDetected") or (name == "QueryCanceled" and "lock timeout" in text):
        return DatabaseBusy(busy_message())
    if isinstance(original, UnicodeEncodeError) or "NUL (0x00)" in text or "surrogates not allowed" in text:
        return TextNotStorable(
            _(
                "A text holds a character that cannot be stored (a NUL character, or half of an emoji or "
                "other symbol); retype it. Nothing was changed."
            )
        )
    if (
        isinstance(original, OverflowError)
        or name == "NumericValueOutOfRange"
        or ("out of range" in text.lower() and "integer" in text.lower())
    ):
        return NumberTooLarge(_("A number is too large to be stored; check the amounts and quantities."))
    return None


def _clean_read_parameters(
    conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool
) -> tuple[str, Any]:
    """In a read, text with NUL or half characters is searched for as U+FFFD: it matches nothing."""
    if executemany or not parameters or not statement.lstrip()[:6].upper().startswith(("SELECT", "WITH")):
        return statement, parameters
    values = parameters.values() if isinstance(parameters, dict) else parameters
    if not any(isinstance(v, str) and has_bad_characters(v) for v in values):
        return statement, parameters
    if isinstance(parameters, dict):
        parameters = {k: searchable(v) if isinstance(v, str) else v for k, v in parameters.items()}
    elif isinstance(parameters, (tuple, list)):
        parameters = type(parameters)(searchable(v) if isinstance(v, str) else v for v in parameters)
    return statement, parameters


@contextmanager
def import_writing(database: Database, *, user_id: int) -> Iterator[None]:
    """Mark the shop as being imported into while the block runs (see the module docstring): other
    PCs' writes then give up within ``WAIT_STEP`` with ``importing_message`` instead of queueing."""
    _set_import_mark(database, import_mark_value(), user_id)
    try:
        yield
    finally:
        _set_import_mark(database, None, user_id)


def _set_import_mark(database: Database, value: str | None, user_id: int) -> None:
    from orderapp.store import settings_store

    with database.session(write=True) as session:
        settings_store.write_values(session, {IMPORT_MARK: value}, user_id=user_id, bookkeeping=True)
        session.commit()
