"""store.bulk_rows: tuples written straight to the driver read back exactly as the ORM writes them,
on SQLite and PostgreSQL, to the shop's tables and to a table of the caller's own (a staging table)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import Column, Index, Integer, MetaData, String, Table, func, inspect, select, text

from orderapp.store import bulk_rows
from orderapp.store.bulk_rows import BULK_PRAGMAS, BulkRows, Same, micros, sqlite_bulk_settings, table_of
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Customer, Order, OrderEvent
from orderapp.store.types import UTCDateTime

CUSTOMER = table_of(Customer)
EVENT = table_of(OrderEvent)
NOW = datetime(2026, 3, 4, 5, 6, 7, 891_234, tzinfo=UTC)


def _staging() -> Table:
    """A table the shop's models do not know: what the order import stages its rows in."""
    table = Table(
        "bulk_rows_staging",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("ref", String(40), nullable=False),
        Column("qty", Integer, nullable=False, default=1),
        Column("at", UTCDateTime, nullable=True),
        Column("note", String(40), nullable=False, default=""),
    )
    Index("ix_bulk_rows_staging_ref", table.c.ref)
    return table


def test_rows_read_back_as_the_orm_wrote_them(database: Database) -> None:
    """Names, None, Chinese text and times (to the microsecond) come back through the ORM as written;
    columns left out get their defaults (created_at: the writer's now)."""
    times = [NOW - timedelta(days=400, microseconds=1), NOW, NOW + timedelta(hours=5, microseconds=999_999)]
    with database.write_engine.connect() as conn, conn.begin():
        rows = BulkRows(conn, NOW)
        ids = rows.allocate_ids(CUSTOMER, 3)
        written = rows.insert(
            CUSTOMER,
            ("id", "name", "phone", "notes"),
            ((cid, f"王小明 {n}", f"+86138000000{n:02d}", "") for n, cid in enumerate(ids)),
        )
        assert written == 3
        order_id = rows.allocate_ids(table_of(Order), 1)[0]
        conn.execute(
            table_of(Order).insert(),
            {
                "id": order_id,
                "number": "SO-BULK1",
                "customer_id": ids[0],
                "currency": "CNY",
                "created_by": DEFAULT_USER_ID,
            },
        )
        rows.insert(
            EVENT,
            ("order_id", "at", "user_id", "from_status", "to_status", "detail"),
            [(order_id, rows.stamp_time(at), DEFAULT_USER_ID, None, "received", "Web order 网店订单") for at in times],
        )
    with database.session() as session:
        customers = session.scalars(select(Customer).order_by(Customer.id)).all()
        events = session.scalars(select(OrderEvent).where(OrderEvent.order_id == order_id).order_by(OrderEvent.id))
        assert [c.name for c in customers] == ["王小明 0", "王小明 1", "王小明 2"]
        assert [c.id for c in customers] == list(ids)
        assert all(c.created_at == NOW and c.email == "" for c in customers)
        assert [(e.at, e.from_status, e.kind, e.detail) for e in events] == [
            (at, None, "status", "Web order 网店订单") for at in times
        ]


def test_sqlite_stamps_are_the_text_sqlalchemy_writes(database: Database) -> None:
    """Times in the same text as the ORM's, so ordering and range queries on text compare alike."""
    moment = datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC)
    with database.session(write=True) as session:
        session.add(Customer(name="orm", created_at=moment))
        session.commit()
    with database.write_engine.connect() as conn, conn.begin():
        BulkRows(conn).insert(CUSTOMER, ("name", "created_at"), [("bulk", BulkRows(conn).stamp(micros(moment)))])
    with database.engine.connect() as conn:
        raw = conn.execute(text("SELECT name, CAST(created_at AS TEXT) FROM customer ORDER BY id")).all()
    assert raw[0][1] == raw[1][1]
    if database.is_sqlite:
        assert raw[1][1] == "2026-01-02 03:04:05.000006"


def test_sqlite_stamps_at_the_edges_of_minutes_and_hours(database: Database) -> None:
    """The stamp's text is put together from cached parts: every second of an hour, and the first and
    last microsecond of a second, read as the ORM's own text would."""
    if not database.is_sqlite:
        pytest.skip("the stamp is a datetime elsewhere")
    start = micros(datetime(2026, 12, 31, 23, 0, 0, tzinfo=UTC))
    with database.write_engine.connect() as conn:
        stamp = BulkRows(conn).stamp
        for offset in [*range(0, 3601 * 1_000_000, 1_000_000), 999_999, 3_599_999_999, 3_600_000_001]:
            expected = (datetime(1970, 1, 1) + timedelta(microseconds=start + offset)).strftime("%Y-%m-%d %H:%M:%S.%f")
            assert stamp(start + offset) == expected
    assert stamp(start + 3_599_999_999) == "2026-12-31 23:59:59.999999"
    assert stamp(start + 3_600_000_000) == "2027-01-01 00:00:00.000000"


def test_a_staging_table_of_ones_own_in_chunks_with_its_index(database: Database) -> None:
    """Any table: a generator of rows longer than a chunk, defaults filled, ids allocated after the
    highest, and its index dropped while writing and back afterwards."""
    staging = _staging()
    with database.write_engine.connect() as conn, conn.begin():
        staging.create(conn)
        rows = BulkRows(conn, NOW, chunk_rows=3)
        first = rows.allocate_ids(staging, 10)
        assert list(first) == list(range(1, 11))
        with rows.without_indexes([staging]):
            assert "ix_bulk_rows_staging_ref" not in _index_names(conn, staging)
            written = rows.insert(staging, ("id", "ref", "at"), ((i, f"R{i}", rows.stamp(0)) for i in first))
        assert written == 10
        assert "ix_bulk_rows_staging_ref" in _index_names(conn, staging)
        assert list(rows.allocate_ids(staging, 2)) == [11, 12]
        got = conn.execute(select(staging).order_by(staging.c.id)).all()
    assert [(r.id, r.ref, r.qty, r.note) for r in got] == [(i, f"R{i}", 1, "") for i in range(1, 11)]
    assert {r.at for r in got} == {datetime(1970, 1, 1, tzinfo=UTC)}


def test_an_index_named_to_keep_stays_while_writing_and_finds_the_rows(database: Database) -> None:
    staging = _staging()
    Index("ix_bulk_rows_staging_qty", staging.c.qty)
    with database.write_engine.connect() as conn, conn.begin():
        staging.create(conn)
        rows = BulkRows(conn, NOW)
        with rows.without_indexes([staging], keep=["ix_bulk_rows_staging_ref"]):
            assert _index_names(conn, staging) == {"ix_bulk_rows_staging_ref"}
            rows.insert_columns(staging, ("id", "ref"), [list(range(1, 501)), [f"R{i:03d}" for i in range(1, 501)]])
        assert _index_names(conn, staging) == {"ix_bulk_rows_staging_ref", "ix_bulk_rows_staging_qty"}
        found = conn.execute(select(staging.c.id).where(staging.c.ref.between("R250", "R252"))).scalars().all()
    assert sorted(found) == [250, 251, 252]


@pytest.mark.parametrize("count", [1, 199, 200, 201, 1_234, 45_001])
def test_any_number_of_rows_is_written_whole_and_in_order(
    database: Database, count: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows go many to a statement (on SQLite) and the rest one by one: whatever the count, every row
    arrives once, with its own values (texts in Chinese and with quotes, NULLs, times), in order."""
    monkeypatch.setattr(bulk_rows, "SQLITE_ROWS_PER_STATEMENT", 7)  # odd sizes: a remainder every chunk
    staging = _staging()
    with database.write_engine.connect() as conn, conn.begin():
        staging.create(conn)
        rows = BulkRows(conn, NOW, chunk_rows=1_000)
        wanted = [
            (n + 1, f"茶叶 {n} 'x'", n % 5, rows.stamp(micros(NOW) + n) if n % 3 else None, "" if n % 2 else "a")
            for n in range(count)
        ]
        assert rows.insert(staging, ("id", "ref", "qty", "at", "note"), wanted) == count
        got = conn.execute(select(staging).order_by(staging.c.id)).all()
    assert len(got) == count
    assert [(r.id, r.ref, r.qty, r.note) for r in got] == [(w[0], w[1], w[2], w[4]) for w in wanted]
    assert [r.at for r in got] == [NOW + timedelta(microseconds=n) if n % 3 else None for n in range(count)]


@pytest.mark.parametrize("count", [0, 1, 199, 200, 201, 1_234, 45_001])
def test_rows_given_column_by_column_are_the_same_rows(
    database: Database, count: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """insert_columns (numpy arrays, lists, a value repeated) writes what insert writes for the same
    rows: every row once, each value in its own column, left-out columns defaulted, in order."""
    monkeypatch.setattr(bulk_rows, "SQLITE_ROWS_PER_STATEMENT", 7)
    staging = _staging()
    with database.write_engine.connect() as conn, conn.begin():
        staging.create(conn)
        rows = BulkRows(conn, NOW, chunk_rows=1_000)
        refs = np.empty(count, dtype=object)
        refs[:] = [f"茶叶 {n} 'x'" for n in range(count)]
        at = [rows.stamp(micros(NOW) + n) if n % 3 else None for n in range(count)]
        written = rows.insert_columns(
            staging, ("id", "ref", "at", "note"), [np.arange(1, count + 1), refs, at, Same("b")]
        )
        assert written == count
        got = conn.execute(select(staging).order_by(staging.c.id)).all()
    assert [(r.id, r.ref, r.qty, r.note) for r in got] == [(n + 1, f"茶叶 {n} 'x'", 1, "b") for n in range(count)]
    assert [r.at for r in got] == [NOW + timedelta(microseconds=n) if n % 3 else None for n in range(count)]
    assert all(type(r.id) is int for r in got)


@pytest.mark.parametrize(
    ("ref", "qty", "note"),
    [
        ("O'Brien 茶叶", 0, "a"),
        ("", -(2**31), "'; DROP TABLE product; --"),
        ("NUL \x00 inside", 2**31 - 1, "x"),
        ("end", True, "tab\tand\nnewline"),
    ],
)
def test_a_value_repeated_in_every_row_is_stored_as_if_bound_row_by_row(
    database: Database, ref: str, qty: int, note: str
) -> None:
    """Repeated values (written into the statement on SQLite) come back exactly, of the same type,
    as the same values bound row by row."""
    if not database.is_sqlite and ("\x00" in ref or isinstance(qty, bool)):
        pytest.skip("PostgreSQL text holds no NUL, and its integer columns take no booleans")
    staging = _staging()
    with database.write_engine.connect() as conn, conn.begin():
        staging.create(conn)
        rows = BulkRows(conn, NOW)
        rows.insert_columns(staging, ("id", "ref", "qty", "note"), [[1, 2, 3], Same(ref), Same(qty), Same(note)])
        rows.insert(staging, ("id", "ref", "qty", "note"), [(4, ref, qty, note)])
        rows.insert_columns(staging, ("id", "ref", "at"), [[5, 6], Same(ref), Same(None)])
        got = conn.execute(select(staging.c.ref, staging.c.qty, staging.c.note, staging.c.at)).all()
        types = (
            conn.execute(select(func.typeof(staging.c.qty), func.typeof(staging.c.ref))).all()
            if database.is_sqlite
            else []
        )
    assert [tuple(r) for r in got] == [(ref, int(qty), note, None)] * 4 + [(ref, 1, "", None)] * 2
    assert set(types) <= {("integer", "text")}


def test_columns_of_different_lengths_are_refused(database: Database) -> None:
    staging = _staging()
    with database.write_engine.connect() as conn, conn.begin():
        staging.create(conn)
        rows = BulkRows(conn, NOW)
        with pytest.raises(ValueError, match="different lengths"):
            rows.insert_columns(staging, ("id", "ref"), [[1, 2], ["a"]])
        assert conn.execute(select(staging.c.id)).first() is None


def test_a_column_without_value_or_default_stops_before_writing(database: Database) -> None:
    with database.write_engine.connect() as conn, conn.begin():
        rows = BulkRows(conn, NOW)
        with pytest.raises(ValueError, match=r"order_event\.order_id"):
            rows.insert(EVENT, ("at", "user_id"), [(rows.stamp_time(NOW), DEFAULT_USER_ID)])
        with pytest.raises(ValueError, match="no column nickname"):
            rows.insert(CUSTOMER, ("name", "nickname"), [("a", "b")])
        assert conn.execute(select(EVENT.c.id)).first() is None


def test_ids_allocated_do_not_collide_with_the_next_ordinary_insert(database: Database) -> None:
    """Explicit ids from next_id and reset_sequences, or allocated ids: the ORM's next row follows."""
    with database.write_engine.connect() as conn, conn.begin():
        rows = BulkRows(conn, NOW)
        start = rows.next_id(CUSTOMER)
        rows.insert(CUSTOMER, ("id", "name"), [(start + n, f"c{n}") for n in range(5)])
        rows.reset_sequences([CUSTOMER])
        more = rows.allocate_ids(CUSTOMER, 2)
        assert min(more) > start + 4
        rows.insert(CUSTOMER, ("id", "name"), [(cid, "allocated") for cid in more])
        rows.reset_sequences([CUSTOMER])
    with database.session(write=True) as session:
        customer = Customer(name="by the ORM")
        session.add(customer)
        session.commit()
        assert customer.id > max(more)


def test_sqlite_bulk_settings_are_put_back(database: Database) -> None:
    with database.write_engine.connect() as conn:
        before = _pragmas(conn)
        with pytest.raises(RuntimeError), sqlite_bulk_settings(conn):
            if database.is_sqlite:
                assert _pragmas(conn) != before
            raise RuntimeError("failed build")
        assert _pragmas(conn) == before


def _pragmas(conn: object) -> tuple[object, ...]:
    driver = conn.connection.driver_connection  # type: ignore[attr-defined]
    if not hasattr(driver, "execute") or conn.dialect.name != "sqlite":  # type: ignore[attr-defined]
        return ()
    return tuple(driver.execute(f"PRAGMA {name}").fetchone()[0] for name in ("journal_mode", *BULK_PRAGMAS))


def _index_names(conn: object, table: Table) -> set[str]:
    return {str(index["name"]) for index in inspect(conn).get_indexes(table.name)}


@pytest.fixture(autouse=True)
def _no_leftover_staging(database: Database) -> Iterator[None]:
    yield
    with database.write_engine.connect() as conn, conn.begin():
        conn.exec_driver_sql("DROP TABLE IF EXISTS bulk_rows_staging")
