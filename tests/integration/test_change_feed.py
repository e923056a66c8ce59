"""Another PC's change is noticed within moments (SQLite: data_version; PostgreSQL: LISTEN/NOTIFY),
a change rolled back is not, and a lost server connection is found again."""

from __future__ import annotations

import multiprocessing
import queue
import time
from dataclasses import replace

import pytest
from order_shop import USER, delivery_draft, make_shop
from processes import another_process
from sqlalchemy import create_engine, text

from orderapp.domain.order_validation import LineDraft
from orderapp.services.orders import placing as orders
from orderapp.services.stock.catalogue import get_product, update_product
from orderapp.store.change_feed import Change, ChangeFeed
from orderapp.store.database import Database
from orderapp.store.opening import open_database

NOTICED_WITHIN = 2.0


def _other_pc_places_an_order(url: str, done: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    database = Database(url)
    try:
        view = orders.place_order(
            database, delivery_draft(LineDraft(code="TEA-001"), name="另一台 PC", phone="13900001111"), user_id=USER
        )
        done.put(("placed", view.number, time.time()))
    except Exception as exc:  # reported to the test, which fails with it
        done.put(("error", repr(exc), time.time()))
    finally:
        database.dispose()


class Heard:
    def __init__(self) -> None:
        self.changes: queue.Queue[tuple[Change, float]] = queue.Queue()
        self.states: queue.Queue[bool] = queue.Queue()

    def change(self, change: Change) -> None:
        self.changes.put((change, time.time()))

    def next_change(self, timeout: float) -> tuple[Change, float] | None:
        try:
            return self.changes.get(timeout=timeout)
        except queue.Empty:
            return None


@pytest.fixture
def feed_and_heard(database: Database) -> tuple[ChangeFeed, Heard]:
    make_shop(database)
    heard = Heard()
    feed = ChangeFeed(database, heard.change, on_state=heard.states.put, poll_seconds=0.1, retry_seconds=0.3)
    feed.start()
    assert feed.wait_ready(10)
    yield feed, heard  # type: ignore[misc]
    feed.stop()


def test_an_order_placed_in_another_process_is_noticed(
    database: Database, database_url: str, feed_and_heard: tuple[ChangeFeed, Heard]
) -> None:
    _feed, heard = feed_and_heard
    assert heard.next_change(0.5) is None  # nothing happens while nobody writes
    context = another_process()
    done = context.Queue()
    other = context.Process(target=_other_pc_places_an_order, args=(database_url, done))
    other.start()
    what, detail, committed_at = done.get(timeout=60)
    other.join(timeout=30)
    assert what == "placed", detail
    got = heard.next_change(NOTICED_WITHIN)
    assert got is not None, "the other process's order was not noticed"
    change, heard_at = got
    assert heard_at - committed_at <= NOTICED_WITHIN
    assert change.touches("orders")
    if not database.is_sqlite:
        assert {"orders", "order_line", "order_event", "customer"} <= change.tables
        assert not change.touches("product")  # placing does not reserve


def test_a_product_edit_is_noticed_and_a_rolled_back_change_is_not(
    database: Database, feed_and_heard: tuple[ChangeFeed, Heard]
) -> None:
    _feed, heard = feed_and_heard
    with database.session(write=True) as session:
        session.execute(text("UPDATE product SET name = 'never kept' WHERE sku = 'TEA-001'"))
        session.rollback()
    assert heard.next_change(0.6) is None

    detail = get_product(database, 1)
    update_product(database, detail.id, replace(detail.draft(), name="茉莉花茶 new"), user_id=USER)
    got = heard.next_change(NOTICED_WITHIN)
    assert got is not None
    assert got[0].touches("product")
    if not database.is_sqlite:
        assert "product" in got[0].tables and got[0].tables <= {"product", "product_barcode"}


@pytest.mark.postgres
def test_the_feed_hears_again_after_the_server_dropped_it(postgres_url: str) -> None:
    database = open_database(postgres_url)
    heard = Heard()
    feed = ChangeFeed(database, heard.change, on_state=heard.states.put, poll_seconds=0.1, retry_seconds=0.3)
    try:
        make_shop(database)
        feed.start()
        assert feed.wait_ready(10)
        assert heard.states.get(timeout=5) is True
        killer = create_engine(database.url, isolation_level="AUTOCOMMIT")
        with killer.connect() as conn:
            killed = conn.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND query LIKE 'LISTEN%'"
                )
            ).scalar()
        killer.dispose()
        assert killed == 1
        assert heard.states.get(timeout=10) is False
        assert heard.states.get(timeout=10) is True
        got = heard.next_change(5)
        assert got is not None and got[0].tables == frozenset()  # "anything may have changed" meanwhile
        orders.place_order(database, delivery_draft(LineDraft(code="TEA-001")), user_id=USER)
        deadline = time.time() + NOTICED_WITHIN
        seen: set[str] = set()
        while time.time() < deadline and "orders" not in seen:
            got = heard.next_change(max(0.0, deadline - time.time()))
            if got is not None:
                seen |= got[0].tables
        assert "orders" in seen
    finally:
        feed.stop()
        database.dispose()
