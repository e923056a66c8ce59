"""Is the shop file sound? SQLite's own checks, sized for when they run.

- ``check_file``: the whole file: SQLite's ``quick_check`` of the small tables (every cell), and a
  walk of every page of every table and index of the big ones (each page's header is checked as
  it is read: a zeroed or overwritten page is "malformed"). About 3 s on the million-order shop,
  where ``quick_check`` of everything takes 10-20 s. Commands run it before they touch a shop.
- ``check_at_open``: what fits in a window's start: the schema, the small tables in full, and the
  first and last rows of the big ones. ``start_background_check`` then runs ``check_file`` in a
  thread of its own while the window opens, and holds every write until it has passed.
- A backup's copy gets the full ``integrity_check`` (``backups``), off the GUI thread.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from orderapp.errors import DamagedDatabase
from orderapp.i18n import _
from orderapp.store.backups import Backup, connect_read_only
from orderapp.store.database import Database, WriteGate

log = logging.getLogger(__name__)

# Tables that grow with the shop: at open only their first and last rows are read; the background
# check reads them in full (product and product_barcode alone take 0.3 s on a 100,000-product shop).
BIG_TABLES = frozenset(
    {
        "orders",
        "order_line",
        "order_event",
        "order_search",
        "stock_movement",
        "pack_scan",
        "pack_session",
        "customer",
        "product",
        "product_barcode",
        "stock_count_line",
        "stock_count_entry",
    }
)


def damaged(path: Path | str, reason: str) -> DamagedDatabase:
    message = _(
        "{path} is damaged and cannot be opened safely ({reason}). It was left as it is; "
        "restore a backup, or choose another file."
    ).format(path=path, reason=reason)
    latest = _latest_good_backup(Path(path))
    if latest is not None:
        message += " " + _(
            'The latest good backup is {file}, taken {when}: restore it in the app, or with: orderapp restore "{file}"'
        ).format(file=latest.path, when=latest.taken_at.astimezone().strftime("%Y-%m-%d %H:%M"))
    return DamagedDatabase(message, str(path))


def _latest_good_backup(path: Path) -> Backup | None:
    from orderapp.store import backup_policy

    try:
        return backup_policy.last_good_backup(path)
    except Exception:  # a hint only: never let it hide the real problem
        log.warning("could not look for backups of %s", path, exc_info=True)
        return None


def _read_only(path: Path) -> sqlite3.Connection:
    has_wal = path.with_name(path.name + "-wal").exists()
    return connect_read_only(path, immutable=not has_wal)


def check_file(path: Path) -> None:
    """Raise ``DamagedDatabase`` unless every page of the file reads back as SQLite wrote it."""
    started = time.perf_counter()
    try:
        conn = _read_only(path)
    except sqlite3.Error as exc:
        raise damaged(path, str(exc)) from exc
    try:
        tables = [
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        ]
        check_at_open(conn, path, tables)
        walk_every_page(conn, path)
    except sqlite3.DatabaseError as exc:
        raise damaged(path, str(exc)) from exc
    finally:
        conn.close()
    log.info("checked %s in %.2f s: ok", path, time.perf_counter() - started)


def walk_every_page(conn: sqlite3.Connection, path: Path) -> None:
    """Read every page of every table and index b-tree (a count over each one reads them all)."""
    objects = conn.execute(
        "SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index') AND rootpage > 0"
    ).fetchall()
    for kind, name, table in objects:
        if kind == "table":
            sql = f'SELECT count(*) FROM "{name}" NOT INDEXED'
        else:
            sql = f'SELECT count(*) FROM "{table}" INDEXED BY "{name}"'
        try:
            conn.execute(sql).fetchone()
        except sqlite3.DatabaseError as exc:
            if "malformed" in str(exc) or "corrupt" in str(exc) or "not a database" in str(exc):
                raise damaged(path, f"{exc} ({name})") from exc
            log.debug("cannot walk %s: %s", name, exc)  # e.g. a partial index that cannot be forced


def check_at_open(conn: sqlite3.Connection, path: Path, tables: list[str]) -> None:
    """The quick part, on an open read-only connection: small tables in full, big ones at both ends."""
    small = [t for t in tables if t not in BIG_TABLES and not t.startswith(("order_search_", "product_search_"))]
    try:
        for table in small:
            rows = [str(r[0]) for r in conn.execute(f'PRAGMA quick_check("{table}")')]
            if rows != ["ok"]:
                raise damaged(path, rows[0])
        for table in (t for t in tables if t in BIG_TABLES):
            conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid LIMIT 1').fetchall()
            conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid DESC LIMIT 1').fetchall()
    except sqlite3.DatabaseError as exc:
        raise damaged(path, str(exc)) from exc


def start_background_check(
    database: Database, on_done: Callable[[DamagedDatabase | None], None] | None = None, *, defer: bool = False
) -> WriteGate:
    """Check the whole file in a thread; writes wait until it passes and are refused if it fails.
    ``on_done`` is called from that thread with the problem (None when the file is sound).
    ``defer``: the check starts when ``gate.start()`` is called (the window, once idle, so that
    the check does not slow its start) or at the first write, whichever comes first."""
    path = database.path
    if path is None:
        gate = WriteGate()
        gate.open()
        return gate

    def run() -> None:
        try:
            check_file(path)
        except DamagedDatabase as problem:
            log.error("the background check found %s damaged: %s", path, problem)
            gate.refuse(problem)
        except Exception as exc:  # a check that cannot run is not a verdict: let the shop work
            log.warning("could not check %s in the background: %s", path, exc)
            gate.open()
        else:
            gate.open()

    gate = WriteGate(lambda: threading.Thread(target=run, name="integrity-check", daemon=True).start())
    database.hold_writes(gate)
    if on_done is not None:
        gate.when_done(on_done)
    if not defer:
        gate.start()
    return gate
