"""Imports do not block the other PCs: while an import stages its rows another PC confirms at once;
while it moves them into the shop (the one short write) another PC's confirm gives up within about
2 s with a sentence; behind ordinary short writes it queues and succeeds. A killed import leaves the
shop as it was."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from order_shop import USER, delivery_draft, make_shop
from processes import another_process
from sqlalchemy import text

from orderapp.domain.order_validation import LineDraft
from orderapp.services.orders import import_plan as order_import_plan
from orderapp.services.orders import import_write as order_import_write
from orderapp.services.orders import importing as order_import
from orderapp.services.orders import placing as orders
from orderapp.services.stock import product_import
from orderapp.store import db_errors, staging
from orderapp.store.bulk_rows import BulkRows
from orderapp.store.database import Database
from orderapp.store.opening import open_database


@pytest.fixture
def shop_file(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """The same SQLite shop opened twice: this PC and another PC."""
    path = tmp_path / "shop.sqlite"
    here = open_database(str(path))
    make_shop(here)
    there = Database(str(path))
    try:
        yield here, there
    finally:
        there.dispose()
        here.dispose()


def hold_write_lock(database: Database, seconds: float, *, importing: bool, ready: threading.Event) -> None:
    if importing:
        with db_errors.import_writing(database, user_id=USER), database.session(write=True) as session:
            session.execute(text("UPDATE setting SET updated_at = updated_at WHERE key = 'shop.currency'"))
            ready.set()
            time.sleep(seconds)
            session.commit()
    else:
        with database.session(write=True) as session:
            session.execute(text("UPDATE setting SET updated_at = updated_at WHERE key = 'shop.currency'"))
            ready.set()
            time.sleep(seconds)
            session.commit()


def test_a_confirm_during_an_import_gets_a_sentence_within_about_two_seconds(
    shop_file: tuple[Database, Database],
) -> None:
    here, there = shop_file
    placed = orders.place_order(there, delivery_draft(LineDraft(code="TEA-001", qty="1")), user_id=USER)
    ready = threading.Event()
    importer = threading.Thread(target=hold_write_lock, args=(here, 6.0), kwargs={"importing": True, "ready": ready})
    importer.start()
    try:
        assert ready.wait(10)
        started = time.monotonic()
        with pytest.raises(db_errors.DatabaseBusy) as busy:
            orders.confirm_order(there, placed.id, user_id=USER)
        waited = time.monotonic() - started
    finally:
        importer.join()
    assert "Another PC is importing; try again in a moment" in str(busy.value)
    assert waited < 3.0
    # Nothing was changed, and once the import is done the same confirm goes through.
    assert orders.get_order(there, placed.id).status == "received"
    assert orders.confirm_order(there, placed.id, user_id=USER).status == "confirmed"


def test_a_confirm_behind_an_ordinary_write_waits_its_turn(shop_file: tuple[Database, Database]) -> None:
    here, there = shop_file
    placed = orders.place_order(there, delivery_draft(LineDraft(code="TEA-001", qty="1")), user_id=USER)
    ready = threading.Event()
    writer = threading.Thread(target=hold_write_lock, args=(here, 2.5), kwargs={"importing": False, "ready": ready})
    writer.start()
    try:
        assert ready.wait(10)
        assert orders.confirm_order(there, placed.id, user_id=USER).status == "confirmed"
    finally:
        writer.join()


def test_a_lock_held_too_long_is_a_sentence_not_a_raw_error(
    shop_file: tuple[Database, Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    here, there = shop_file
    monkeypatch.setattr(db_errors, "WAIT_LIMIT", 1.0)
    monkeypatch.setattr(db_errors, "WAIT_STEP", 0.3)
    ready = threading.Event()
    writer = threading.Thread(target=hold_write_lock, args=(here, 3.0), kwargs={"importing": False, "ready": ready})
    writer.start()
    try:
        assert ready.wait(10)
        with pytest.raises(db_errors.DatabaseBusy) as busy:
            orders.place_order(there, delivery_draft(LineDraft(code="TEA-001", qty="1")), user_id=USER)
    finally:
        writer.join()
    assert "busy with another PC's work; try again in a moment" in str(busy.value)


def test_an_import_leaves_no_mark_behind_and_a_stale_mark_is_ignored(shop_file: tuple[Database, Database]) -> None:
    here, there = shop_file
    data = b"order_ref,customer_name,sku,quantity\nB-1,Li,TEA-001,1\n"
    order_import.run_import(here, order_import.plan_import(here, data), user_id=USER)
    product_import.import_products(here, b"sku,name,price\nNEW-1,Tea,1.00\n", user_id=USER)
    with here.session() as session:
        assert not session.execute(
            text("SELECT value FROM setting WHERE key = :k"), {"k": db_errors.IMPORT_MARK}
        ).scalar()
    # A mark left by a crashed import hours ago does not make writes give up early.
    with here.session(write=True) as session:
        session.execute(
            text("UPDATE setting SET value = :v WHERE key = :k"),
            {"v": "pc 1 2020-01-01T00:00:00", "k": db_errors.IMPORT_MARK},
        )
        session.commit()
    ready = threading.Event()
    writer = threading.Thread(target=hold_write_lock, args=(here, 2.5), kwargs={"importing": False, "ready": ready})
    writer.start()
    try:
        assert ready.wait(10)
        orders.place_order(there, delivery_draft(LineDraft(code="TEA-001", qty="1")), user_id=USER)
    finally:
        writer.join()


def orders_file(path: Path, orders: int) -> Path:
    rows = [f"S-{i:05d},顾客 {i},1390000{i % 500:04d},TEA-001,1" for i in range(orders)]
    path.write_text("\n".join(["order_ref,customer_name,phone,sku,quantity", *rows]), encoding="utf-8")
    return path


def count_orders(database: Database, like: str = "S-%") -> int:
    with database.session() as session:
        return int(
            session.execute(text("SELECT count(*) FROM orders WHERE external_ref LIKE :l"), {"l": like}).scalar_one()
        )


def confirm_elsewhere_while_staging(
    monkeypatch: pytest.MonkeyPatch, staged_table: str, there: Database, order_id: int
) -> list[tuple[str, float]]:
    """Make the bulk writer let another PC confirm ``order_id`` right after the first rows of the
    staging table for ``staged_table`` are written (not yet committed); what that PC saw, (status,
    seconds), lands in the list."""
    real_insert = BulkRows.insert
    seen: list[tuple[str, float]] = []

    def confirm_elsewhere() -> None:
        started = time.monotonic()
        status = orders.confirm_order(there, order_id, user_id=USER).status
        seen.append((status, time.monotonic() - started))

    def insert_then_let_another_pc_confirm(self, table, columns, rows):  # type: ignore[no-untyped-def]
        written = real_insert(self, table, columns, rows)
        if table.name == staging.PREFIX + staged_table and not seen:
            other = threading.Thread(target=confirm_elsewhere)
            other.start()
            other.join(10)
        return written

    monkeypatch.setattr(BulkRows, "insert", insert_then_let_another_pc_confirm)
    return seen


def test_another_pc_confirms_at_once_while_an_import_is_staged(
    shop_file: tuple[Database, Database], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import writes its rows into staging tables that take no lock on the shop: in the middle of
    a staging transaction, another PC places and confirms an order without waiting."""
    here, there = shop_file
    monkeypatch.setattr(order_import_plan, "SPOOL_BATCH", 50)
    plan = order_import.plan_import(here, orders_file(tmp_path / "orders.csv", 200))
    placed = orders.place_order(there, delivery_draft(LineDraft(code="TEA-001", qty="1")), user_id=USER)
    seen = confirm_elsewhere_while_staging(monkeypatch, "order_line", there, placed.id)
    result = order_import.run_import(here, plan, user_id=USER)
    assert len(seen) == 1 and seen[0][0] == "confirmed"
    assert seen[0][1] < 1.0  # not the 1.5 s a write waits before looking for an import
    assert len(result.numbers) == 200 == count_orders(here)
    assert result.order_ids[0] > placed.id
    assert result.lock_seconds < 5.0


def test_a_confirm_during_the_final_move_gets_a_sentence_within_about_two_seconds(
    shop_file: tuple[Database, Database], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the final move takes the write lock; a confirm meanwhile is told, not left queueing."""
    here, there = shop_file
    plan = order_import.plan_import(here, orders_file(tmp_path / "orders.csv", 20))
    placed = orders.place_order(there, delivery_draft(LineDraft(code="TEA-001", qty="1")), user_id=USER)
    moving = threading.Event()
    real_query = order_import_write.search_text_query

    def slow_search_rows():  # type: ignore[no-untyped-def]
        moving.set()
        time.sleep(5)  # a slow move: the write lock is held
        return real_query()

    monkeypatch.setattr(order_import_write, "search_text_query", slow_search_rows)
    importer = threading.Thread(target=order_import.run_import, args=(here, plan), kwargs={"user_id": USER})
    importer.start()
    try:
        assert moving.wait(30)
        started = time.monotonic()
        with pytest.raises(db_errors.DatabaseBusy) as busy:
            orders.confirm_order(there, placed.id, user_id=USER)
        waited = time.monotonic() - started
    finally:
        importer.join()
    assert "Another PC is importing; try again in a moment" in str(busy.value)
    assert waited < 3.0
    assert count_orders(here) == 20
    assert orders.confirm_order(there, placed.id, user_id=USER).status == "confirmed"


def _import_until_killed(url: str, path: str, staged: Any) -> None:  # runs in a child process
    from orderapp.services.orders import import_plan

    import_plan.SPOOL_BATCH = 25
    database = Database(url)
    plan = order_import.plan_import(database, Path(path))

    def stall(phase: str, done: int, _total: int) -> None:
        if done >= 100:  # four batches are staged: wait here to be killed
            staged.set()
            time.sleep(60)

    order_import.run_import(database, plan, user_id=USER, progress=stall)


def test_an_import_killed_while_staging_leaves_the_shop_as_it_was(
    shop_file: tuple[Database, Database], tmp_path: Path
) -> None:
    here, _there = shop_file
    path = orders_file(tmp_path / "orders.csv", 300)
    context = another_process()
    staged = context.Event()
    child = context.Process(target=_import_until_killed, args=(str(here.url), str(path), staged))
    child.start()
    try:
        assert staged.wait(60)
    finally:
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join()
    assert count_orders(here) == 0
    with here.session() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        assert not session.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'import_stage%'")).all()
        assert not session.execute(
            text("SELECT value FROM setting WHERE key = :k"), {"k": db_errors.IMPORT_MARK}
        ).scalar()
    # Nothing staged is left to leak into the next import: the same file imports whole.
    result = order_import.run_import(here, order_import.plan_import(here, path), user_id=USER)
    assert len(result.numbers) == 300 == count_orders(here)


def test_another_pc_confirms_at_once_while_a_product_import_is_staged(
    shop_file: tuple[Database, Database], monkeypatch: pytest.MonkeyPatch
) -> None:

    here, there = shop_file
    placed = orders.place_order(there, delivery_draft(LineDraft(code="TEA-001", qty="1")), user_id=USER)
    seen = confirm_elsewhere_while_staging(monkeypatch, "product", there, placed.id)
    data = "\n".join(["sku,name,price", *(f"NEW-{n},Tea {n},1.00" for n in range(2_500))]).encode()
    result = product_import.import_products(here, data, user_id=USER)
    assert result.written and result.new == 2_500
    assert len(seen) == 1 and seen[0][0] == "confirmed" and seen[0][1] < 1.0
    assert result.lock_seconds < 5.0
