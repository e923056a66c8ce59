"""Imports do not block the other PCs with a raw error: while an import writes, another PC's confirm
gives up within about 2 s with a sentence; behind ordinary short writes it queues and succeeds."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from order_shop import USER, delivery_draft, make_shop
from sqlalchemy import text

from orderapp.domain.order_validation import LineDraft
from orderapp.services.orders import importing as order_import
from orderapp.services.orders import placing as orders
from orderapp.services.stock import product_import
from orderapp.store import db_errors
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
