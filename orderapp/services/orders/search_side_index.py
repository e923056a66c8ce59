"""A bulk load's search index made beside the shop on a worker thread (SQLite), then copied in.

The trigram index of a million orders' texts takes SQLite about 7 s on one core, after the loader
has written every row. A bulk loader (the demo shop) hands the texts it writes to ``order_search`` to
a ``SideSearchIndex`` as well. ``start`` indexes them in a scratch file, with the same FTS5
definition, on a thread: SQLite runs without Python's lock, so the thread has the second core while
the loader's connection builds the shop's other indexes. ``copy_into`` then copies the finished
index's tables into the shop's own, empty index. They are FTS5's documented shadow tables
(``<name>_data``, ``_idx``, ``_docsize``, ``_config``), written by the same SQLite library, so the
shop ends with the index a ``'rebuild'`` would make. Where the thread failed, or the texts handed over
are not all the rows, the caller rebuilds the usual way: ``copy_into`` says so.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

_log = logging.getLogger(__name__)
SHADOW_TABLES = ("data", "idx", "docsize", "config")  # FTS5's own tables of an index named <name>
COPY_ROWS = 10_000  # rows moved per statement when copying the shadow tables
SIDE_CACHE_KIB = 32 * 1024


class SideSearchIndex:
    """Texts handed over (``add``), indexed on a thread (``start``), copied in (``copy_into``);
    ``discard`` removes the scratch file (always call it, e.g. in a ``finally``)."""

    def __init__(self, index: str, definition: str, settings: Sequence[str] = ()) -> None:
        """``index``: the FTS5 table's name; ``definition``: its CREATE VIRTUAL TABLE statement;
        ``settings``: statements run on the new, empty index before filling it (e.g. its hash size)."""
        self.index = index
        self.definition = definition
        self.settings = tuple(settings)
        self.count = 0
        self._ids: list[Sequence[int]] = []
        self._texts: list[Sequence[str]] = []
        self._folder: Path | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def add(self, order_ids: Sequence[int], texts: Sequence[str]) -> None:
        """The texts written to ``order_search`` for these orders (plain ints: ``tolist()`` a numpy column)."""
        if self._thread is not None:
            raise RuntimeError("texts added after the side index was started")
        if len(order_ids) != len(texts):
            raise ValueError(f"{len(order_ids)} order ids, {len(texts)} texts")
        self._ids.append(order_ids)
        self._texts.append(texts)
        self.count += len(texts)

    def start(self) -> None:
        """Index the texts handed over, on a worker thread, in a scratch file (where neither can be
        had, nothing is started: ``copy_into`` then has the caller rebuild)."""
        if self._thread is not None or not self.count:
            return
        try:
            self._folder = Path(tempfile.mkdtemp(prefix="orderapp-search-"))
            thread = threading.Thread(target=self._build, name="orderapp-side-search-index", daemon=True)
            thread.start()
        except (OSError, RuntimeError) as error:  # no room for the scratch file, no thread to be had
            _log.warning("the search index cannot be made beside the shop (%s); it will be rebuilt", error)
            self.discard()
            return
        self._thread = thread

    @property
    def _path(self) -> Path:
        assert self._folder is not None
        return self._folder / "search.sqlite"

    def _build(self) -> None:
        try:
            with closing(sqlite3.connect(self._path, isolation_level=None)) as side:
                for pragma in ("journal_mode = OFF", "synchronous = OFF", f"cache_size = -{SIDE_CACHE_KIB}"):
                    side.execute(f"PRAGMA {pragma}")
                side.execute(self.definition)
                for statement in self.settings:
                    side.execute(statement)
                side.execute("BEGIN")
                insert = f"INSERT INTO {self.index}(rowid, text) VALUES (?, ?)"
                for ids, texts in zip(self._ids, self._texts, strict=True):
                    side.executemany(insert, zip(ids, texts, strict=True))
                side.execute("COMMIT")
        except BaseException as error:  # reported by copy_into, which then has the caller rebuild
            self._error = error
        finally:
            self._ids, self._texts = [], []

    def copy_into(self, shop: sqlite3.Connection, rows: int) -> bool:
        """Wait for the thread, then copy its index into ``shop``'s index of the same name and
        definition (made already, still empty), inside the shop's open transaction. ``rows``: how
        many rows ``order_search`` holds now. False, having copied nothing: not started, failed, or
        not every row was handed over; the caller builds the index the usual way."""
        if self._thread is None:
            return False
        self._thread.join()
        if self._error is not None:
            _log.warning("the search index could not be made beside the shop (%s); rebuilding it", self._error)
            return False
        if rows != self.count:
            _log.warning("%s search texts written, %s handed over; rebuilding the search index", rows, self.count)
            return False
        with closing(sqlite3.connect(self._path)) as side:
            for shadow in SHADOW_TABLES:
                table = f"{self.index}_{shadow}"
                width = len(side.execute(f"SELECT * FROM {table} LIMIT 0").description)
                insert = f"INSERT INTO {table} VALUES ({', '.join('?' * width)})"
                shop.execute(f"DELETE FROM {table}")  # a new index's own first rows (its structure, its version)
                cursor = side.execute(f"SELECT * FROM {table}")
                while batch := cursor.fetchmany(COPY_ROWS):
                    shop.executemany(insert, batch)
        return True

    def discard(self) -> None:
        """Remove the scratch file (after waiting for the thread, which may still write it)."""
        if self._thread is not None:
            self._thread.join()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
