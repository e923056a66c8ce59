"""Big order files are checked and written a batch at a time (the checked orders wait in a temporary
file, not in memory): the result is the same whatever the batch size, whether an order's rows are
together or scattered through the file, and a stop in the middle of writing leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from order_shop import USER, Shop, make_shop
from sqlalchemy import func, select

from orderapp.services.orders import import_plan as order_import_plan
from orderapp.services.orders import import_write as order_import_write
from orderapp.services.orders import importing as order_import
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order, OrderEvent, OrderLine
from orderapp.store.order_models import OrderSearch

HEADER = "order_ref,customer_name,phone,email,sku,quantity,unit_price,address1,city"


@pytest.fixture
def shop(database: Database) -> Shop:
    return make_shop(database)


@pytest.fixture(params=[1, 7, 1_000])
def batch(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    size: int = request.param
    monkeypatch.setattr(order_import_plan, "SPOOL_BATCH", size)
    return size


def count(database: Database, model: type) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def rows_of(orders: int) -> list[tuple[int, str]]:
    """(order, row) pairs: two lines per order; every third customer comes back (same phone)."""
    rows = []
    for i in range(orders):
        phone = f"1390000{i % (orders // 3 + 1):04d}"
        email = f"c{i}@example.com" if i % 5 == 0 else ""
        address = f"南京东路{i}号"
        rows.append((i, f"R-{i:04d},顾客 {i},{phone},{email},TEA-001,1,12.50,{address},上海"))
        rows.append((i, f"R-{i:04d},,,,NDL-002,{1 + i % 3},,,"))
    return rows


def write(path: Path, rows: list[tuple[int, str]]) -> Path:
    path.write_text("\n".join([HEADER, *(text for _order, text in rows)]), encoding="utf-8")
    return path


def imported(database: Database) -> dict[str, tuple[int, int, str | None]]:
    """external number -> (lines, units, customer phone)."""
    with database.session() as session:
        found = session.execute(
            select(Order.external_ref, func.count(OrderLine.id), func.sum(OrderLine.quantity), Customer.phone)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .outerjoin(Customer, Customer.id == Order.customer_id)
            .group_by(Order.id, Order.external_ref, Customer.phone)
        ).all()
    return {ref: (int(lines), int(units), phone) for ref, lines, units, phone in found}


@pytest.mark.parametrize("scattered", [False, True])
def test_batches_and_scattered_rows_give_the_same_orders(
    database: Database, shop: Shop, tmp_path: Path, batch: int, scattered: bool
) -> None:
    rows = rows_of(25)
    if scattered:  # every order's second line at the end of the file
        rows = rows[0::2] + rows[1::2]
    plan, result = order_import.import_orders(database, write(tmp_path / "orders.csv", rows), user_id=USER)
    assert plan.ok and plan.rows == 50 and plan.order_count == 25 and plan.line_count == 50
    assert result is not None and len(result.numbers) == 25 and len(set(result.order_ids)) == 25
    got = imported(database)
    assert sorted(got) == [f"R-{i:04d}" for i in range(25)]
    for i in range(25):
        assert got[f"R-{i:04d}"][:2] == (2, 1 + 1 + i % 3)
    # One customer per phone over the whole file, whichever batch met it first.
    assert result.customers_added == 9 == count(database, Customer)
    assert count(database, OrderEvent) == 25 and count(database, OrderSearch) == 25
    with database.session() as session:
        numbers = set(session.scalars(select(Order.number)))
    assert numbers == set(result.numbers)


def test_a_stop_in_the_middle_of_writing_leaves_nothing(
    database: Database, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(order_import_plan, "SPOOL_BATCH", 4)
    plan = order_import.plan_import(database, write(tmp_path / "orders.csv", rows_of(20)))
    assert plan.order_count == 20 and len(plan.orders) == 20
    seen: list[int] = []

    def stop_after_two_batches() -> bool:
        return len(seen) >= 2

    with pytest.raises(order_import.ImportCancelled):
        order_import.run_import(
            database,
            plan,
            user_id=USER,
            progress=lambda phase, done, _total: seen.append(done) if phase == "Writing" else None,
            cancelled=stop_after_two_batches,
        )
    assert seen == [0, 4]  # two batches had been written when it stopped
    for model in (Order, OrderLine, OrderEvent, Customer, OrderSearch):
        assert count(database, model) == 0, model
    # The same plan still imports whole afterwards.
    result = order_import.run_import(database, plan, user_id=USER)
    assert len(result.numbers) == 20 and count(database, Order) == 20


def test_orders_imported_meanwhile_are_skipped_batch_by_batch(
    database: Database, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(order_import_plan, "SPOOL_BATCH", 3)
    rows = rows_of(10)
    plan = order_import.plan_import(database, write(tmp_path / "all.csv", rows))
    some = [pair for pair in rows if pair[0] in (1, 7)]
    order_import.import_orders(database, write(tmp_path / "some.csv", some), user_id=USER)  # another PC, meanwhile
    result = order_import.run_import(database, plan, user_id=USER)
    assert len(result.numbers) == 8
    assert sorted(ref for ref, _row, why in result.skipped if why == "imported meanwhile") == ["R-0001", "R-0007"]
    assert count(database, Order) == 10


def test_a_file_that_changes_between_the_two_readings_is_refused(
    database: Database, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "orders.csv", rows_of(3))
    original = order_import.read_csv

    def changing(data: bytes | Path):  # type: ignore[no-untyped-def]
        source = original(data)
        real_rows = source.rows
        calls = {"n": 0}

        def rows():  # type: ignore[no-untyped-def]
            calls["n"] += 1
            if calls["n"] == 2:  # someone saves more rows into it while it is being checked
                write(path, [*rows_of(3), (9, "R-0009,Late,13900009999,,TEA-001,1,,,")])
            return real_rows()

        object.__setattr__(source, "rows", rows)
        return source

    monkeypatch.setattr(order_import, "read_csv", changing)
    with pytest.raises(order_import.ImportFailed, match="changed while it was read"):
        order_import.plan_import(database, path)
    assert count(database, Order) == 0


def test_a_failure_in_the_middle_of_the_final_move_leaves_nothing(
    database: Database, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows are staged, then moved in one transaction: when the move fails after the customers,
    orders, lines and timeline entries are in (the search rows fail), the shop is as it was, and
    nothing staged is left over to leak into the next import."""
    monkeypatch.setattr(order_import_plan, "SPOOL_BATCH", 4)
    plan = order_import.plan_import(database, write(tmp_path / "orders.csv", rows_of(10)))

    def broken_search_rows():  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(order_import_write, "search_text_query", broken_search_rows)
    with pytest.raises(OSError, match="disk full"):
        order_import.run_import(database, plan, user_id=USER)
    for model in (Order, OrderLine, OrderEvent, Customer, OrderSearch):
        assert count(database, model) == 0, model
    monkeypatch.undo()
    result = order_import.run_import(database, plan, user_id=USER)
    assert len(result.numbers) == 10 and count(database, Order) == 10 and count(database, OrderLine) == 20
    assert count(database, OrderSearch) == 10 and result.customers_added == count(database, Customer) == 4


def test_staged_orders_are_numbered_after_orders_placed_meanwhile(
    database: Database, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another PC places an order and adds a customer while the file is staged: the imported orders
    get numbers of their own (on SQLite, after it) and point at the right lines and customers."""
    from order_shop import delivery_draft

    from orderapp.domain.order_validation import LineDraft
    from orderapp.services.orders import placing

    monkeypatch.setattr(order_import_plan, "SPOOL_BATCH", 3)
    plan = order_import.plan_import(database, write(tmp_path / "orders.csv", rows_of(6)))
    placed: list[int] = []

    def other_pc(phase: str, done: int, _total: int) -> None:
        if phase == "Writing" and done == 3:  # half the file is staged
            draft = delivery_draft(LineDraft(code="TEA-001", qty="1"))
            placed.append(placing.place_order(database, draft, user_id=USER).id)

    result = order_import.run_import(database, plan, user_id=USER, progress=other_pc)
    assert len(placed) == 1 and placed[0] not in result.order_ids and len(set(result.order_ids)) == 6
    if database.is_sqlite:  # staged ids are moved past the highest at the move (PostgreSQL: its sequence's)
        assert min(result.order_ids) > placed[0]
    assert result.numbers == tuple(f"SO-{i:06d}" for i in result.order_ids)
    got = imported(database)
    for i in range(6):
        assert got[f"R-{i:04d}"][:2] == (2, 1 + 1 + i % 3)
        phone = got[f"R-{i:04d}"][2]
        assert phone is not None and phone.endswith(f"1390000{i % 3:04d}")
    assert result.customers_added == 3 and count(database, Customer) == 4  # and the other PC's customer
    with database.session() as session:
        texts = dict(session.execute(select(OrderSearch.order_id, OrderSearch.text)).all())
        numbers = dict(session.execute(select(Order.id, Order.number)).all())
    assert all(numbers[i] in texts[i] for i in result.order_ids)
