"""Packing benchmarks: the time from a scan to its stored, matched result, and the packing queue."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from common import Row, benchmark, big_shop


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@benchmark
def bench_packing_scan(args: argparse.Namespace) -> list[Row]:
    """Packs orders of the 1,000,000-order shop item by item through the service (one write transaction
    per scan), on a copy of that shop so the cached one stays as built."""
    from sqlalchemy import select

    from orderapp.services.packing.queue import packing_queue
    from orderapp.services.packing.station import open_order, record_scan
    from orderapp.store.models import OrderLine, ProductBarcode
    from orderapp.store.opening import open_database

    path, _ = big_shop(args)
    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        copy = Path(tmp) / "pack.sqlite"
        _copy_shop(path, copy)
        database = open_database(str(copy))
        try:
            with database.session() as session:
                rows = session.execute(
                    select(ProductBarcode.product_id, ProductBarcode.code).where(ProductBarcode.kind == "unit")
                )
                codes = {product_id: code for product_id, code in rows}
            opens: list[float] = []
            scans: list[float] = []
            orders = 0
            for entry in packing_queue(database, limit=60).entries:
                if entry.units > 40:
                    continue
                started = time.perf_counter()
                view = open_order(database, entry.number, user_id=1, station="BENCH")
                opens.append((time.perf_counter() - started) * 1000)
                with database.session() as session:
                    lines = session.execute(
                        select(OrderLine.product_id, OrderLine.quantity).where(OrderLine.order_id == view.order_id)
                    ).all()
                for product_id, quantity in lines:
                    for _unit in range(quantity):
                        started = time.perf_counter()
                        record_scan(
                            database, view.session_id, codes[product_id], symbology=None, source="wedge",
                            user_id=1, station="BENCH",
                        )  # fmt: skip
                        scans.append((time.perf_counter() - started) * 1000)
                orders += 1
        finally:
            database.dispose()
    detail = {"orders": orders, "scans": len(scans), "shop": path.name}
    return [
        Row("packing", "open an order (median)", statistics.median(opens), "ms", "", detail),
        Row("packing", "scan to stored result (median)", statistics.median(scans), "ms", "<= 20 ms", detail),
        Row("packing", "scan to stored result (p99)", _p(scans, 0.99), "ms", "<= 60 ms", detail),
    ]


def _copy_shop(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite shop (its WAL included), with SQLite's online backup."""
    import sqlite3

    original, copy = sqlite3.connect(source), sqlite3.connect(target)
    try:
        original.backup(copy, pages=65536)
    finally:
        copy.close()
        original.close()


@benchmark
def bench_packing_queue(args: argparse.Namespace) -> list[Row]:
    """The packing queue (first 200) on the 1,000,000-order shop, in each of the shop's sorts."""
    from orderapp.services.packing.queue import QueueSort, packing_queue
    from orderapp.store.opening import open_database

    path, _ = big_shop(args)
    database = open_database(path)
    rows = []
    try:
        for sort in QueueSort:
            queue = packing_queue(database, sort=sort)
            runs = []
            for _run in range(max(args.repeat, 5)):
                started = time.perf_counter()
                queue = packing_queue(database, sort=sort)
                runs.append((time.perf_counter() - started) * 1000)
            name = "queue of orders to pack (median)" + ("" if sort is QueueSort.URGENT else f", {sort.value}")
            rows.append(
                Row(
                    "packing",
                    name,
                    statistics.median(runs),
                    "ms",
                    "<= 100 ms",
                    {"waiting": queue.total, "shown": len(queue.entries), "sort": sort.value},
                )
            )
    finally:
        database.dispose()
    return rows  # fmt: skip
