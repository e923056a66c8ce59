"""Two to eight PCs (processes) confirming orders for the last units at the same moment: no unit is
sold twice and no confirmed order is lost, on SQLite and on PostgreSQL."""

from __future__ import annotations

import multiprocessing
import os
import random
from collections import Counter

import pytest
from order_shop import USER, delivery_draft, figures, make_shop
from processes import another_process
from sqlalchemy import select

from orderapp.domain.order_validation import LineDraft
from orderapp.services.orders import placing as orders
from orderapp.store.database import Database
from orderapp.store.models import Order, StockMovement

ORDERS_PER_PC = 8


def _station(
    url: str, order_ids: list[int], start: multiprocessing.synchronize.Event, results: multiprocessing.Queue
) -> None:  # type: ignore[name-defined]
    database = Database(url)
    outcomes = []
    start.wait()
    for order_id in order_ids:
        try:
            orders.confirm_order(database, order_id, user_id=USER)
        except orders.OutOfStock:
            outcomes.append((order_id, "out of stock"))
        except Exception as exc:  # anything else is a failure of the test
            outcomes.append((order_id, f"error: {type(exc).__name__}: {exc}"))
        else:
            outcomes.append((order_id, "confirmed"))
    database.dispose()
    results.put((os.getpid(), outcomes))


@pytest.mark.parametrize("stations", [2, 4, 8])
def test_processes_race_for_the_last_units(database: Database, database_url: str, stations: int) -> None:
    shop = make_shop(database)  # noodles: 3 in stock
    ids = [
        orders.place_order(
            database,
            delivery_draft(
                LineDraft(code="NDL-002"), LineDraft(code="TEA-001"), name=f"顾客{i}", phone=f"1390000{i:04d}"
            ),
            user_id=USER,
        ).id
        for i in range(2 * ORDERS_PER_PC)
    ]
    context = another_process()
    start = context.Event()
    results = context.Queue()
    # The stations work through the same orders in different orders (the first two in opposite
    # directions), so they collide on every one.
    orders_by_station = [ids, ids[::-1]] + [random.Random(n).sample(ids, len(ids)) for n in range(stations - 2)]
    workers = [
        context.Process(target=_station, args=(database_url, mine, start, results)) for mine in orders_by_station
    ]
    for worker in workers:
        worker.start()
    start.set()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0

    confirmed_by = Counter(order_id for _pid, done in outcomes for order_id, what in done if what == "confirmed")
    errors = [what for _pid, done in outcomes for _id, what in done if what.startswith("error")]
    # A second confirm of the same order is refused as an illegal move, reported as an error kind we allow:
    assert all("cannot be moved to confirmed" in e for e in errors), errors
    assert all(count == 1 for count in confirmed_by.values())
    assert len(confirmed_by) == 3  # exactly the three noodles in stock

    on_hand, reserved = figures(database, shop.noodles)  # also checks the ledger agrees
    assert (on_hand, reserved) == (3, 3)
    with database.session() as session:
        confirmed = set(session.scalars(select(Order.id).where(Order.status == "confirmed")))
        reserving = set(
            session.scalars(
                select(StockMovement.order_id).where(
                    StockMovement.kind == "reserve", StockMovement.product_id == shop.noodles
                )
            )
        )
    assert confirmed == set(confirmed_by) == reserving  # no confirmed order lost, none without its stock
