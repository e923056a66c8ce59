"""Moving a shop from its SQLite file to a PostgreSQL server: every row of every table arrives (counted
independently), the app switches to the server and the file is kept; a server that holds a shop, an
unreachable one, and a server that goes away during the copy leave everything as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from order_shop import USER, delivery_draft
from sqlalchemy import create_engine, text

from orderapp import paths
from orderapp.cli import main
from orderapp.commands import database_url
from orderapp.demo import DemoSize, build_demo_shop
from orderapp.domain.order_validation import LineDraft
from orderapp.errors import DatabaseInUse
from orderapp.services.orders import placing as orders
from orderapp.services.shop import move_to_server as moving
from orderapp.services.stock import ledger as stock_ledger
from orderapp.store.database import Database
from orderapp.store.opening import open_database, open_new_shop_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def shop_file() -> Iterator[Path]:
    """A small demo shop in the everyday shop file (the data folder is a scratch one in tests)."""
    path = paths.default_database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    database = open_new_shop_database(str(path))
    try:
        build_demo_shop(database, DemoSize(products=40, customers=20, orders=80, days=5), now=datetime.now(UTC))
    finally:
        database.dispose()
    yield path


def _counts(path: Path) -> dict[str, int]:
    """Rows per table, read with plain sqlite3 (not the code under test)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        names = [
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            if row[0] != "alembic_version" and "_fts" not in row[0]  # SQLite's own search indexes
        ]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _server_counts(url: str, tables: list[str]) -> dict[str, int]:
    engine = create_engine(Database(url).url)
    try:
        with engine.connect() as conn:
            return {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one() for t in tables}
    finally:
        engine.dispose()


def test_a_shop_moves_to_the_server_whole_and_the_app_follows(shop_file: Path, postgres_url: str) -> None:
    expected = _counts(shop_file)
    source = open_database(str(shop_file))
    some_order = orders.get_order(source, 7)
    result = moving.move_to_server(source, postgres_url)

    assert {t.table: t.rows for t in result.tables} == expected
    assert _server_counts(postgres_url, list(expected)) == expected
    assert result.rows == sum(expected.values()) and expected["orders"] >= 80  # the demo: 80 and an exchange
    assert result.switched and database_url(None) == Database(postgres_url).url.render_as_string(hide_password=False)
    assert not shop_file.exists() and result.old_file.exists() and result.backup.exists()
    assert _counts(result.backup) == expected

    server = open_database(database_url(None))
    try:
        assert orders.get_order(server, 7) == some_order  # the same order, to the last field and time
        with server.session() as session:
            assert stock_ledger.ledger_mismatches(session) == []
        placed = orders.place_order(server, delivery_draft(LineDraft(code=some_order.lines[0].sku)), user_id=USER)
        assert placed.id == expected["orders"] + 1  # the ids go on after the copied ones
    finally:
        server.dispose()


def test_a_server_that_holds_a_shop_is_refused(shop_file: Path, postgres_url: str, tmp_path: Path) -> None:
    other = open_new_shop_database(str(tmp_path / "other.sqlite"))
    build_demo_shop(other, DemoSize(products=5, customers=3, orders=4, days=2), now=datetime.now(UTC))
    moving.move_to_server(other, postgres_url)
    held = _counts(shop_file)["orders"]
    source = open_database(str(shop_file))
    try:
        with pytest.raises(DatabaseInUse, match="already holds a shop"):
            moving.move_to_server(source, postgres_url)
    finally:
        source.dispose()
    assert shop_file.exists() and _counts(shop_file)["orders"] == held  # untouched


def test_an_unreachable_server_gets_a_sentence(shop_file: Path) -> None:
    source = open_database(str(shop_file))
    try:
        with pytest.raises(moving.MoveFailed, match="Cannot reach the database server") as refused:
            moving.move_to_server(source, "postgresql://orderapp:wrong@127.0.0.1:1/shop")
        assert "password" not in str(refused.value).split("server")[0]
        with pytest.raises(moving.MoveFailed, match="not a PostgreSQL server address"):
            moving.check_server(str(shop_file))
    finally:
        source.dispose()
    assert shop_file.exists()


def test_the_server_going_away_during_the_copy_writes_nothing(shop_file: Path, postgres_url: str) -> None:
    expected = _counts(shop_file)
    killer = create_engine(Database(postgres_url).url, isolation_level="AUTOCOMMIT")

    def pull_the_plug(table: str, done: int, total: int) -> None:
        if table == "orders":
            with killer.connect() as conn:
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                )

    source = open_database(str(shop_file))
    try:
        with pytest.raises(moving.MoveFailed, match="Nothing was moved; the shop is still in its file"):
            moving.move_to_server(source, postgres_url, progress=pull_the_plug)
    finally:
        source.dispose()
        killer.dispose()
    assert shop_file.exists() and _counts(shop_file) == expected
    assert database_url(None) == str(shop_file)  # still the file
    after = _server_counts(postgres_url, ["orders", "product", "customer", "stock_movement"])
    assert after == {"orders": 0, "product": 0, "customer": 0, "stock_movement": 0}
    # The server is back: the move can be made again, whole.
    source = open_database(str(shop_file))
    result = moving.move_to_server(source, postgres_url)
    assert {t.table: t.rows for t in result.tables} == expected


def test_the_command_line_moves_and_prints_every_table(
    shop_file: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _counts(shop_file)
    assert main(["move-to-server", postgres_url]) == 0
    out = capsys.readouterr().out
    assert "Server reached: PostgreSQL" in out
    assert f"orders\t{expected['orders']}" in out and f"stock_movement\t{expected['stock_movement']}" in out
    assert "every table counted" in out and "now opens the shop from the server" in out
    assert "orderapp:orderapp@" not in out  # no password printed
    assert main(["move-to-server", postgres_url]) == 1  # the file is gone: nothing to move twice
