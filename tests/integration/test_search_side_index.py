"""The orders' search index made beside the shop on a thread, then copied in (SQLite's bulk loads):
searching must find exactly the orders whose text holds the term, the index must pass SQLite's own
check, orders written afterwards must be found too, and whatever goes wrong on the side, the loader
still ends with a whole index and leaves no scratch file behind."""

from __future__ import annotations

import logging
import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Connection, insert, select

from orderapp.demo import DemoSize, build_demo_shop
from orderapp.services.orders import search
from orderapp.services.orders.search_side_index import SideSearchIndex
from orderapp.store.bulk_rows import sqlite_bulk_settings
from orderapp.store.database import Database
from orderapp.store.order_models import OrderSearch

TEXTS = [
    "SO-000001\n#1001\n王小明\n王小明\n8613812345678\n8613812345678\nTEA-001 RICE-5KG",
    "SO-000002\n\nAmelia Anderson\nAmelia Anderson\n447700900123\n447700900123\nNOODLE-CUP",
    "SO-000003\n\n\nWalk-in 散客\n\n\nSOY-500ML TEA-001",
    "SO-000004\n\"quoted\" ref\nO'Brien\nO'Brien\n12025550123\n12025550123\nGIFT-BOX",
]


@pytest.fixture
def sqlite_database(database: Database) -> Database:
    if not database.is_sqlite:
        pytest.skip("the index made beside the shop is SQLite's FTS5; PostgreSQL builds its trigram index itself")
    return database


@pytest.fixture
def scratch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The temporary folder the side index makes its scratch file in."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@contextmanager
def writing(database: Database) -> Iterator[Connection]:
    """A bulk loader's write transaction, as the demo's (its ``order_search`` rows need no orders here)."""
    with database.write_engine.connect() as conn, sqlite_bulk_settings(conn), conn.begin():
        yield conn


def texts_of(count: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    return [TEXTS[i % len(TEXTS)].replace("0000", f"{rng.randrange(10_000):04d}", 1) for i in range(count)]


def found(conn: Connection, term: str) -> set[int]:
    phrase = '"' + term.replace('"', '""') + '"'
    rows = conn.exec_driver_sql("SELECT rowid FROM order_search_fts WHERE order_search_fts MATCH ?", (phrase,))
    return {int(row[0]) for row in rows}


def holding(texts: dict[int, str], term: str) -> set[int]:
    return {order_id for order_id, text in texts.items() if term.lower() in text.lower()}


def shadow_tables(conn: Connection) -> dict[str, list[tuple[object, ...]]]:
    return {
        name: [tuple(row) for row in conn.exec_driver_sql(f"SELECT * FROM order_search_fts_{name} ORDER BY 1, 2")]
        for name in ("data", "idx", "docsize", "config")
    }


def check(conn: Connection) -> None:
    """SQLite's own check that the index holds exactly the rows of ``order_search``."""
    conn.exec_driver_sql("INSERT INTO order_search_fts(order_search_fts) VALUES ('integrity-check')")


def load(conn: Connection, texts: list[str], *, handed: int | None = None, first_id: int = 1) -> dict[int, str]:
    """Bulk-load ``texts`` as order_search rows the way the demo does, handing the first ``handed``
    (all when None) to the side index; returns the rows written."""
    rows = {first_id + i: text for i, text in enumerate(texts)}
    with search.search_index_built_after(conn) as side:
        assert side is not None
        conn.execute(insert(OrderSearch), [{"order_id": k, "text": v} for k, v in rows.items()])
        ids = list(rows)[: handed if handed is not None else len(rows)]
        side.add(ids, [rows[i] for i in ids])
        side.start()
    return rows


def test_a_demo_shop_searches_by_any_part_of_its_orders_after_the_side_build(
    sqlite_database: Database, scratch: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    copies: list[bool] = []
    real_copy = SideSearchIndex.copy_into

    def copy_into(self: SideSearchIndex, shop: object, rows: int) -> bool:
        copies.append(real_copy(self, shop, rows))  # type: ignore[arg-type]
        return copies[-1]

    monkeypatch.setattr(SideSearchIndex, "copy_into", copy_into)
    caplog.set_level(logging.WARNING)
    report = build_demo_shop(sqlite_database, DemoSize(products=120, customers=60, orders=900, days=20), seed=11)
    assert copies == [True]  # the index was made beside the shop, not rebuilt
    assert not [r for r in caplog.records if "search index" in r.getMessage()]
    with sqlite_database.engine.connect() as conn:
        check(conn)
        texts = dict(conn.execute(select(OrderSearch.order_id, OrderSearch.text)).all())
        assert len(texts) == report.orders
        rng = random.Random(5)
        terms = set()
        for text in rng.sample(sorted(texts.values()), 60):
            part = rng.choice([p for p in text.split("\n") if len(p) >= 3])
            start = rng.randrange(len(part) - 2)
            terms.add(part[start : start + rng.randint(3, 9)])
        terms |= {"SO-", "86138", "+44"[1:] + "77"}
        for term in sorted(terms):
            if len(term) >= 3:
                assert found(conn, term) == holding(texts, term), term
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("count", [1, 7, 2_500])
def test_the_copied_index_is_the_rebuilt_index_and_takes_new_orders(sqlite_database: Database, count: int) -> None:
    with writing(sqlite_database) as conn:
        rows = load(conn, texts_of(count))
        check(conn)
        copied = shadow_tables(conn)
    with writing(sqlite_database) as conn:
        conn.exec_driver_sql("INSERT INTO order_search_fts(order_search_fts) VALUES ('rebuild')")
    with writing(sqlite_database) as conn:  # a rebuild's terms reach its tables when its transaction ends
        assert shadow_tables(conn) == copied  # the copy is what the shop's own rebuild makes, to the byte
        # A new order afterwards goes through the trigger into the index.
        conn.execute(insert(OrderSearch), [{"order_id": 90_000, "text": "SO-090000\n\n韩梅梅\n韩梅梅\n\n\nNEW-SKU"}])
        rows[90_000] = "SO-090000\n\n韩梅梅\n韩梅梅\n\n\nNEW-SKU"
        check(conn)
        for term in ("SO-", "王小明", "13812345", "NEW-SKU", "TEA-001", "o'brien", "in 散客", "韩梅梅"):
            assert found(conn, term) == holding(rows, term), term


def test_rows_not_handed_over_are_indexed_all_the_same(
    sqlite_database: Database, scratch: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    with writing(sqlite_database) as conn:
        rows = load(conn, texts_of(50), handed=40)
        check(conn)
        assert found(conn, "SO-") == set(rows)
    assert any("50 search texts written, 40 handed over" in r.getMessage() for r in caplog.records)
    assert list(scratch.iterdir()) == []


def test_a_side_build_that_fails_leaves_the_index_rebuilt(
    sqlite_database: Database, scratch: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real_init = SideSearchIndex.__init__

    def broken(self: SideSearchIndex, index: str, definition: str, settings: tuple[str, ...] = ()) -> None:
        real_init(self, index, definition.replace("fts5(", "no_such_module("), settings)

    monkeypatch.setattr(SideSearchIndex, "__init__", broken)
    caplog.set_level(logging.WARNING)
    with writing(sqlite_database) as conn:
        rows = load(conn, texts_of(30))
        check(conn)
        assert found(conn, "Amelia") == holding(rows, "Amelia")
    assert any("could not be made beside the shop" in r.getMessage() for r in caplog.records)
    assert list(scratch.iterdir()) == []


def test_no_room_for_the_scratch_file_leaves_the_index_rebuilt(
    sqlite_database: Database, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def no_room(*args: object, **kwargs: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "mkdtemp", no_room)
    caplog.set_level(logging.WARNING)
    with writing(sqlite_database) as conn:
        rows = load(conn, texts_of(40))
        check(conn)
        assert found(conn, "8613812345678") == holding(rows, "8613812345678") != set()
    assert any("cannot be made beside the shop" in r.getMessage() for r in caplog.records)


def test_a_copy_the_shop_cannot_read_back_is_rebuilt(
    sqlite_database: Database, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """FTS5 keeps what it has read of its own tables for the rest of the transaction: an index read
    before the copy (as another SQLite build might do on creating it) would not see the copied rows.
    The loader notices (the newest text does not find its order) and rebuilds."""
    real_copy = SideSearchIndex.copy_into

    def read_first(self: SideSearchIndex, shop: object, rows: int) -> bool:
        shop.execute("SELECT rowid FROM order_search_fts WHERE order_search_fts MATCH '\"SO-\"'").fetchall()  # type: ignore[attr-defined]
        return real_copy(self, shop, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(SideSearchIndex, "copy_into", read_first)
    caplog.set_level(logging.WARNING)
    with writing(sqlite_database) as conn:
        rows = load(conn, texts_of(200))
        check(conn)
        assert found(conn, "SO-") == set(rows)
        conn.execute(insert(OrderSearch), [{"order_id": 5_000, "text": "SO-005000\n\nZoë\n\n\n\nLATE-SKU"}])
        check(conn)
        assert found(conn, "LATE-SKU") == {5_000}
    assert any("does not read back" in r.getMessage() for r in caplog.records)


def test_a_loader_that_fails_keeps_nothing_and_leaves_no_scratch_file(sqlite_database: Database, scratch: Path) -> None:
    with (
        pytest.raises(RuntimeError, match="the loader broke"),
        writing(sqlite_database) as conn,
        search.search_index_built_after(conn) as side,
    ):
        assert side is not None
        conn.execute(insert(OrderSearch), [{"order_id": 1, "text": "SO-000001"}])
        side.add([1], ["SO-000001"])
        side.start()
        raise RuntimeError("the loader broke")
    assert list(scratch.iterdir()) == []
    with sqlite_database.engine.connect() as conn:
        assert found(conn, "SO-") == set()


def test_the_side_index_refuses_mismatched_or_late_texts(scratch: Path) -> None:
    side = SideSearchIndex("t_fts", "CREATE VIRTUAL TABLE t_fts USING fts5(text, tokenize='trigram')")
    with pytest.raises(ValueError, match="2 order ids, 1 texts"):
        side.add([1, 2], ["a"])
    side.add([1], ["abc"])
    side.start()
    try:
        with pytest.raises(RuntimeError, match="after the side index was started"):
            side.add([2], ["def"])
    finally:
        side.discard()
    assert list(scratch.iterdir()) == []


def test_nothing_handed_over_starts_no_thread(scratch: Path) -> None:
    side = SideSearchIndex("t_fts", "CREATE VIRTUAL TABLE t_fts USING fts5(text)")
    side.start()
    assert list(scratch.iterdir()) == []
    assert side.copy_into(None, 0) is False  # type: ignore[arg-type]
    side.discard()
