"""Exceptions benchmarks on a copy of the 1,000,000-order shop holding 50,000 exceptions: the queue's
first page, one run of the automatic checks, and the exceptions report."""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import DATA, Row, benchmark, big_shop

EXCEPTIONS = 50_000


def exceptions_shop(args: argparse.Namespace) -> Path:
    """The big shop copied once and given 50,000 exceptions of every kind and status (cached)."""
    path = DATA / f"shop-{args.orders // 1000}k-exceptions.sqlite"
    if path.exists():
        return path
    source, _ = big_shop(args)
    partial = path.with_suffix(".building.sqlite")
    shutil.copyfile(source, partial)
    _fill(partial)
    partial.rename(path)
    return path


def _fill(path: Path) -> None:
    from sqlalchemy import func, insert, select

    from orderapp.domain import exception_rules as rules
    from orderapp.store import migrations
    from orderapp.store.exception_models import ExceptionEvent, OrderException
    from orderapp.store.models import Order
    from orderapp.store.opening import open_database

    rng = random.Random(13)
    database = open_database(path, migrate=False)
    try:
        with database.write_engine.begin() as conn:
            migrations.upgrade(conn)  # the bench's own copy: no backup, no integrity pass over 2 GB
            top = conn.execute(select(func.max(Order.id))).scalar_one()
            chosen = sorted(rng.sample(range(1, top + 1), EXCEPTIONS))
            kinds = list(rules.FAMILY_OF_TYPE)
            rows, events = [], []
            for start in range(0, len(chosen), 5000):
                batch = chosen[start : start + 5000]
                created = {
                    i: at for i, at in conn.execute(select(Order.id, Order.created_at).where(Order.id.in_(batch)))
                }
                for order_id in batch:
                    kind = kinds[rng.randrange(len(kinds))]
                    severity = rng.choice(list(rules.Severity))
                    opened = created[order_id] + timedelta(hours=rng.randrange(1, 72))
                    status = rng.choices(list(rules.ExceptionStatus), weights=(15, 10, 5, 70))[0]
                    resolved = (
                        opened + timedelta(minutes=rng.randrange(10, 5 * 24 * 60)) if status == "resolved" else None
                    )
                    base = rules.base_priority(severity, urgent=rng.random() < 0.1)
                    rows.append(
                        {
                            "order_id": order_id,
                            "order_line_id": None,
                            "family": rules.FAMILY_OF_TYPE[kind].value,
                            "type": kind,
                            "severity": severity.value,
                            "owner": rng.choice(("王芳", "Li Na", "陈伟", "Owner")),
                            "status": status.value,
                            "is_open": status != "resolved",
                            "cause": f"bench cause {rng.randrange(40)}",
                            "resolution": "done" if resolved else "",
                            "priority_base": base,
                            "queue_key": rules.queue_key(base, opened),
                            "source_key": None,
                            "opened_at": opened,
                            "opened_by": "bench",
                            "resolved_at": resolved,
                            "updated_at": resolved or opened,
                        }
                    )
            conn.execute(insert(OrderException), rows)
            ids = conn.execute(select(OrderException.id, OrderException.opened_at)).all()
            events = [
                {"exception_id": i, "at": at, "actor": "bench", "kind": "raised", "from_status": None,
                 "to_status": "open", "action": None, "amount_cents": None, "linked_order_id": None, "detail": ""}
                for i, at in ids
            ]  # fmt: skip
            conn.execute(insert(ExceptionEvent), events)
    finally:
        database.dispose()


def _forget_checks(database) -> None:  # type: ignore[no-untyped-def]
    """Remove what earlier runs of the checks raised, and their marks."""
    from sqlalchemy import delete, select

    from orderapp.store.exception_models import ExceptionEvent, OrderException
    from orderapp.store.models import Setting

    with database.session(write=True) as session:
        raised = session.scalars(select(OrderException.id).where(OrderException.opened_by != "bench")).all()
        for start in range(0, len(raised), 5000):
            chunk = raised[start : start + 5000]
            session.execute(delete(ExceptionEvent).where(ExceptionEvent.exception_id.in_(chunk)))
            session.execute(delete(OrderException).where(OrderException.id.in_(chunk)))
        session.execute(delete(Setting).where(Setting.key.like("exceptions.mark.%")))
        session.commit()


def _median_ms(work, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


@benchmark
def bench_exceptions(args: argparse.Namespace) -> list[Row]:
    """Queue first page (plain and filtered), one incremental run of the checks, the 30- and 90-day report."""
    from orderapp.services.aftersales.exception_checks import run_exception_checks
    from orderapp.services.aftersales.exceptions import QueueFilter, exception_queue
    from orderapp.services.aftersales.exceptions_report import exceptions_report
    from orderapp.store.opening import open_database
    from orderapp.store.types import utc_now

    built = time.perf_counter()
    path = exceptions_shop(args)
    build_s = time.perf_counter() - built
    runs = max(args.repeat, 5)
    database = open_database(path)
    try:
        _forget_checks(database)  # every run starts from the same 50,000 (and the checks' first run)
        exception_queue(database)  # warm the cache as the screen's first look would
        first_page = _median_ms(lambda: exception_queue(database), runs)
        filtered = _median_ms(lambda: exception_queue(database, QueueFilter(family="logistics", owner="王芳")), runs)
        severe = _median_ms(
            lambda: exception_queue(database, QueueFilter(severity="severe", status="in_progress")), runs
        )
        now = utc_now()
        started = time.perf_counter()
        first = run_exception_checks(database, now=now)
        first_run = (time.perf_counter() - started) * 1000
        moments = [now + timedelta(minutes=n) for n in range(1, runs + 1)]
        check_times = []
        for moment in moments:
            started = time.perf_counter()
            run_exception_checks(database, now=moment)
            check_times.append((time.perf_counter() - started) * 1000)
        today = datetime.now(UTC).date()
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "exceptions.pdf"
            report_30 = _median_ms(lambda: exceptions_report(database, today - timedelta(days=30), today, out), 3)
            report_90 = _median_ms(lambda: exceptions_report(database, today - timedelta(days=90), today, out), 3)
            figures = exceptions_report(database, today - timedelta(days=30), today)
    finally:
        database.dispose()
    detail = {"exceptions": EXCEPTIONS, "shop_build_s": round(build_s, 1)}
    return [
        Row("exceptions", "queue first page (open, by priority)", first_page, "ms", "<= 50 ms", detail),
        Row("exceptions", "queue first page, family + owner filter", filtered, "ms", "<= 50 ms"),
        Row("exceptions", "queue first page, severe + in progress", severe, "ms", "<= 50 ms"),
        Row("exceptions", "automatic checks, one incremental run (median)", statistics.median(check_times), "ms",
            "<= 100 ms", {"runs": len(check_times)}),
        Row("exceptions", "automatic checks, first run (1-day look-back)", first_run, "ms", "",
            {"raised": len(first.raised)}),
        Row("exceptions", "report, 30 days with PDF", report_30, "ms", "<= 1000 ms",
            {"opened": figures.current.opened}),
        Row("exceptions", "report, 90 days with PDF", report_90, "ms", "<= 1000 ms"),
    ]  # fmt: skip
