"""The big demo shop's second process (demo.side_tables): the shop it helps build is the very shop one
process builds, row for row, search index included; and if it dies, the build fails whole (no shop
left behind that looks built) and leaves no scratch file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from orderapp.demo import DemoSize, build_demo_shop, orders, shop_is_empty, side_tables
from orderapp.services.orders.search import find_candidates, search_terms
from orderapp.store.opening import open_new_shop_database

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
SIZE = DemoSize(products=300, customers=200, orders=2_500, days=20)
# Made at random on purpose (staff badge codes, the first user's sign-up time), not from the seed.
NOT_FROM_THE_SEED = {"app_user": "created_at", "staff_account": "badge_code"}


def _build(path: Path, monkeypatch: pytest.MonkeyPatch, *, side: bool) -> list[str]:
    """Build the shop at ``path`` with or without the second process; returns the scratch files seen."""
    monkeypatch.setattr(side_tables, "SIDE_FROM_ORDERS", 1 if side else 10**12)
    monkeypatch.setattr(side_tables, "_spare_cores", lambda: 1.0)
    merged: list[str] = []
    merge = side_tables.SideTables.merge

    def watched(self: side_tables.SideTables) -> None:
        merged.extend(sorted(self.tables))
        merge(self)

    monkeypatch.setattr(side_tables.SideTables, "merge", watched)
    database = open_new_shop_database(str(path))
    try:
        build_demo_shop(database, SIZE, seed=7, now=NOW)
    finally:
        database.dispose()
    assert bool(merged) == side
    return merged


def _tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        names = [row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        found: dict[str, list[tuple[object, ...]]] = {}
        for name in names:
            columns = [row[1] for row in con.execute(f"PRAGMA table_info({name})")]
            kept = [column for column in columns if column != NOT_FROM_THE_SEED.get(name)] or ["rowid"]
            found[name] = con.execute(f"SELECT {', '.join(kept)} FROM {name} ORDER BY 1").fetchall()
        return found
    finally:
        con.close()


def test_the_second_process_builds_the_same_shop_row_for_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    alone, helped = tmp_path / "alone" / "shop.sqlite", tmp_path / "helped" / "shop.sqlite"
    alone.parent.mkdir()
    helped.parent.mkdir()
    _build(alone, monkeypatch, side=False)
    merged = _build(helped, monkeypatch, side=True)
    assert merged == ["order_event", "order_line", "stock_movement"]
    one, two = _tables(alone), _tables(helped)
    assert one.keys() == two.keys()
    for name in one:  # the FTS5 index's own tables too: the same rows make the same index
        assert one[name] == two[name], name
    assert len(two["order_event"]) > SIZE.orders and len(two["order_search_fts_data"]) > 1
    assert sorted(path.name for path in helped.parent.iterdir()) == ["shop.sqlite"]  # no scratch file left
    con = sqlite3.connect(helped)
    con.execute("INSERT INTO order_search_fts(order_search_fts) VALUES ('integrity-check')")
    con.close()


def test_search_finds_orders_in_the_shop_the_second_process_helped_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The orders list's search box works on the index taken in: an old order by number, and an
    order added after the index was taken in (the after-sales exchange) through the triggers."""
    from orderapp.store.opening import open_database

    path = tmp_path / "shop.sqlite"
    _build(path, monkeypatch, side=True)
    database = open_database(str(path))
    try:
        with database.session() as session:
            for number in ("SO-000017", "SO-002501"):  # one the side indexed; one written after (after-sales)
                terms = search_terms(session, number, "CN")
                assert terms is not None
                found = find_candidates(session, terms)
                assert found is not None and int(number[3:]) in found, number
    finally:
        database.dispose()


@pytest.mark.parametrize(
    ("cores", "load", "wanted"),
    [(1, 0.0, False), (2, 0.3, True), (2, 1.2, False), (4, 2.0, True), (None, 0.0, False)],
)
def test_a_second_process_only_with_a_core_to_spare(
    monkeypatch: pytest.MonkeyPatch, cores: int | None, load: float, wanted: bool
) -> None:
    monkeypatch.setattr(side_tables.os, "cpu_count", lambda: cores)
    monkeypatch.setattr(side_tables.os, "getloadavg", lambda: (load, load, load))
    assert (side_tables._spare_cores() >= side_tables.SPARE_CORE) is wanted


def test_a_second_process_that_dies_leaves_no_shop_and_no_scratch_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(side_tables, "SIDE_FROM_ORDERS", 1)
    monkeypatch.setattr(side_tables, "_spare_cores", lambda: 1.0)
    monkeypatch.setattr(orders, "ORDER_BATCH", 500)  # several batches: it dies after the first
    make_batch = orders.OrderMaker._make_batch

    def dying(self: orders.OrderMaker, *args: object) -> None:
        make_batch(self, *args)  # type: ignore[arg-type]
        side = self.writer.side
        assert side is not None
        side.process.kill()
        side.process.join()

    monkeypatch.setattr(orders.OrderMaker, "_make_batch", dying)
    path = tmp_path / "shop.sqlite"
    database = open_new_shop_database(str(path))
    try:
        with pytest.raises(side_tables.SideProcessFailed):
            build_demo_shop(database, SIZE, seed=7, now=NOW)
        assert shop_is_empty(database)  # rolled back whole: no products, customers or orders
    finally:
        database.dispose()
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["shop.sqlite"]
