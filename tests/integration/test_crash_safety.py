"""A PC that dies mid-work (power cut, killed process) never leaves the shop inconsistent: a child
process confirms, packs (scan by scan), ships and posts counts in a loop and is killed with
SIGKILL at random moments; after each kill the file passes SQLite's integrity check and every
product's figures equal what its ledger says, and the next PC carries on. SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time

import pytest
from order_shop import USER, delivery_draft, make_shop
from processes import another_process
from sqlalchemy import text

from orderapp.domain.order_validation import LineDraft
from orderapp.services.orders import placing as orders
from orderapp.services.packing import station as packing
from orderapp.services.stock import counts
from orderapp.services.stock import ledger as stock_ledger
from orderapp.services.stock.counts import CountScope, CountStatus
from orderapp.store.database import Database

TEA_CODE = "6901234567892"
NOODLES_CODE = "4006381333931"


def _busy_pc(url: str, soap: int, seed: int, ready: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    """Confirm, pack, ship and count, over and over, until killed."""
    database = Database(url)
    rng = random.Random(seed)
    station = f"pc-{os.getpid()}"
    for left_open in counts.list_counts(database, status=CountStatus.OPEN):  # a killed PC's unfinished count
        counts.cancel_count(database, left_open.id, user_id=USER)
    i = 0
    while True:
        teas = rng.randint(1, 3)
        order = orders.place_order(
            database,
            delivery_draft(
                LineDraft(code="TEA-001", qty=str(teas)),
                LineDraft(code="NDL-002"),
                name=f"崩溃{seed}-{i}",
                phone=f"139{seed:02d}{i:06d}",
            ),
            user_id=USER,
        )
        orders.confirm_order(database, order.id, user_id=USER)
        view = packing.open_order(database, order.number, user_id=USER, station=station, take_over=True)
        result = None
        for code in [TEA_CODE] * teas + [NOODLES_CODE]:
            result = packing.record_scan(
                database, view.session_id, code, symbology="ean13", source="camera", user_id=USER, station=station
            )
        assert result is not None and result.packed
        orders.ship_order(
            database, order.id, carrier="SF Express", tracking_number=f"SF{seed:04d}{i:06d}", user_id=USER
        )
        if i % 2 == 0:
            count = counts.start_count(database, CountScope.products([soap]), user_id=USER)
            counts.record_entry(
                database, count.id, user_id=USER, station=station, product_id=soap, qty=rng.randint(50, 60)
            )
            counts.post_count(database, count.id, user_id=USER, accept_flagged=True)
        i += 1
        ready.set()


def assert_consistent(database: Database) -> None:
    with database.session() as session:
        assert stock_ledger.ledger_mismatches(session) == []
        if database.is_sqlite:
            assert session.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]


@pytest.mark.parametrize("kills", [6])
def test_a_pc_killed_at_random_moments_leaves_the_shop_consistent(
    database: Database, database_url: str, kills: int
) -> None:
    shop = make_shop(database)
    with database.session(write=True) as session:
        for product in (shop.tea, shop.noodles):
            stock_ledger.record_movement(
                session, product, "receive", 100_000, 0, user_id=USER, reason="Delivery", reference="T"
            )
        session.commit()
    context = another_process()
    rng = random.Random(20261203)
    for round_ in range(kills):
        ready = context.Event()
        child = context.Process(target=_busy_pc, args=(database_url, shop.soap, round_, ready))
        child.start()
        try:
            assert ready.wait(120), "the busy PC never finished its first round"
            time.sleep(rng.uniform(0.0, 1.5))  # somewhere inside confirm, a scan, ship or a count
            assert child.is_alive(), f"the busy PC failed on its own (exit {child.exitcode})"
        finally:
            if child.pid is not None and child.is_alive():
                os.kill(child.pid, signal.SIGKILL)
            child.join(30)
        assert child.exitcode == -signal.SIGKILL
        assert_consistent(database)
    with database.session() as session:
        shipped = session.execute(text("SELECT count(*) FROM orders WHERE status = 'shipped'")).scalar()
    assert shipped is not None and shipped >= kills  # every PC got work done before it died
