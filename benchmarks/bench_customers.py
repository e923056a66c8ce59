"""The customers screen and after-sales on the 1,000,000-order shop (166,666 customers): the list's
first page and searches, one customer's history, the duplicate finder over every customer, and a
return with its refund recorded through the ledger."""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from common import Row, benchmark, big_shop


def _median_ms(fn: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), [round(t, 1) for t in times]


@benchmark
def bench_customers(args: argparse.Namespace) -> list[Row]:
    from sqlalchemy import func, select

    from orderapp.domain.returns import ReturnItem
    from orderapp.services.aftersales.returns import record_return, returnable_order
    from orderapp.services.customers.book import customer_history, list_customers
    from orderapp.services.customers.merge import find_duplicate_customers
    from orderapp.store.models import DEFAULT_USER_ID, Order
    from orderapp.store.opening import open_database
    from orderapp.store.return_models import OrderReturn

    path, _ = big_shop(args)
    database = open_database(path)
    rows: list[Row] = []
    runs = max(5, args.repeat)
    try:
        with database.session() as session:
            busiest = session.execute(
                select(Order.customer_id, func.count())
                .where(Order.customer_id.is_not(None))
                .group_by(Order.customer_id)
                .order_by(func.count().desc())
                .limit(1)
            ).one()
            shipped = list(
                session.scalars(
                    select(Order.id)
                    .where(
                        Order.status == "delivered",
                        Order.payment_status == "paid",
                        ~select(OrderReturn.id).where(OrderReturn.order_id == Order.id).exists(),
                    )
                    .limit(runs)
                )
            )
        list_customers(database)  # warm the page cache as a running app has it
        for label, search in (("first page", ""), ("search by name", "王"), ("search by phone", "1381")):
            median, times = _median_ms(lambda search=search: list_customers(database, search), runs)
            rows.append(Row("customers", f"list, {label} (median)", median, "ms", "<= 150 ms", {"runs_ms": times}))
        median, times = _median_ms(lambda: customer_history(database, int(busiest[0])), runs)
        rows.append(
            Row("customers", "history of the busiest customer (median)", median, "ms", "<= 100 ms",
                {"orders": int(busiest[1]), "runs_ms": times})
        )  # fmt: skip
        started = time.perf_counter()
        found = find_duplicate_customers(database)
        rows.append(
            Row("customers", "duplicate finder, every customer", time.perf_counter() - started, "s", "<= 5 s (worker)",
                {"pairs": len(found)})
        )  # fmt: skip
        times = []
        for order_id in shipped:
            order = returnable_order(database, order_id)
            line = order.lines[0]
            started = time.perf_counter()
            record_return(
                database,
                order_id,
                [ReturnItem(line.order_line_id, 1)],
                reason="not_wanted",
                refund_cents=min(order.refundable_cents, line.value_of(1)),
                user_id=DEFAULT_USER_ID,
            )
            times.append((time.perf_counter() - started) * 1000)
        rows.append(
            Row("customers", "return + refund recorded (median)", statistics.median(times), "ms", "<= 50 ms",
                {"runs_ms": [round(t, 1) for t in times]})
        )  # fmt: skip
    finally:
        database.dispose()
    return rows
