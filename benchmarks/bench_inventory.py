"""Inventory benchmarks: importing 100,000 products, posting a 10,000-line count, searching products.

They run on their own shop (100,000 products and some orders, so the ledger has history), built
once with the app's own generator and cached in benchmarks/.data under a name that changes with
the schema; work that changes a shop runs on a copy.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import DATA, ROOT, Row, benchmark

ORDERS = 100_000


def inventory_shop(args: argparse.Namespace) -> Path:
    """The cached 100,000-product shop for these benchmarks (built in about half a minute)."""
    versions = sorted((ROOT / "db" / "versions").glob("*.py"))
    key = hashlib.sha256(b"".join(p.read_bytes() for p in versions)).hexdigest()[:10]
    path = DATA / f"inventory-{args.products // 1000}k-{key}.sqlite"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    for old in DATA.glob(f"inventory-{args.products // 1000}k-*.sqlite*"):
        old.unlink()
    partial = path.with_suffix(".building.sqlite")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "orderapp",
            "make-demo",
            "--database",
            str(partial),
            "--products",
            str(args.products),
            "--orders",
            str(ORDERS),
            "--days",
            "90",
        ],
        check=True,
    )
    _checkpoint(partial)
    partial.rename(path)
    return path


def _checkpoint(path: Path) -> None:
    import sqlite3

    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def _copy(path: Path, folder: Path) -> Path:
    target = folder / "shop.sqlite"
    shutil.copyfile(path, target)
    return target


@benchmark
def bench_inventory_import(args: argparse.Namespace) -> list[Row]:
    from orderapp.services.stock.product_export import export_products
    from orderapp.services.stock.product_import import import_products
    from orderapp.store.models import DEFAULT_USER_ID
    from orderapp.store.opening import open_database

    source = open_database(inventory_shop(args))
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "products.csv"
        started = time.perf_counter()
        exported = export_products(source, csv_path)
        export_s = time.perf_counter() - started
        source.dispose()
        target = open_database(Path(tmp) / "new-shop.sqlite")
        try:
            started = time.perf_counter()
            result = import_products(target, csv_path, user_id=DEFAULT_USER_ID)
            import_s = time.perf_counter() - started
            assert result.written and result.new == exported.rows, result.summary()
            started = time.perf_counter()
            again = import_products(target, csv_path, user_id=DEFAULT_USER_ID, dry_run=True)
            preview_s = time.perf_counter() - started
            assert again.unchanged == exported.rows
            file_mb = round(csv_path.stat().st_size / 1e6, 1)
        finally:
            target.dispose()
    detail = {"products": exported.rows, "file_mb": file_mb}
    rows.append(Row("inventory", f"import {exported.rows:,} new products (CSV)", import_s, "s", "<= 15 s", detail))
    rows.append(Row("inventory", f"re-import preview, {exported.rows:,} unchanged", preview_s, "s", ""))
    rows.append(Row("inventory", f"export {exported.rows:,} products", export_s, "s", ""))
    return rows


@benchmark
def bench_inventory_count(args: argparse.Namespace) -> list[Row]:
    from sqlalchemy import bindparam, select, update

    from orderapp.services.stock import counts
    from orderapp.store.count_models import StockCountLine
    from orderapp.store.models import DEFAULT_USER_ID, Product
    from orderapp.store.opening import open_database

    lines = 10_000
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(_copy(inventory_shop(args), Path(tmp)))
        try:
            with database.session() as session:
                ids = sorted(session.scalars(select(Product.id).where(Product.active.is_(True))))
            chosen = rng.sample(ids, lines)
            started = time.perf_counter()
            count = counts.start_count(database, counts.CountScope.products(chosen), user_id=DEFAULT_USER_ID)
            start_s = time.perf_counter() - started
            # Real entries (scans and typed quantities) for a sample, timed one by one ...
            entry_ms = []
            sample = chosen[:300]
            for product_id in sample:
                t = time.perf_counter()
                counts.record_entry(
                    database,
                    count.id,
                    user_id=DEFAULT_USER_ID,
                    station="PC1",
                    product_id=product_id,
                    qty=rng.randint(0, 40),
                )
                entry_ms.append((time.perf_counter() - t) * 1000)
            # ... and the rest of the 10,000 lines counted in bulk (the same figures the entries set),
            # a third of them off by a few units.
            with database.session(write=True) as session:
                on_hand = {
                    pid: qty
                    for pid, qty in session.execute(
                        select(Product.id, Product.on_hand).where(Product.id.in_(chosen[300:]))
                    )
                }
                session.execute(
                    update(StockCountLine.__table__)  # type: ignore[arg-type]
                    .where(StockCountLine.count_id == count.id, StockCountLine.product_id == bindparam("p"))
                    .values(
                        counted_qty=bindparam("c"), expected_qty=bindparam("e"), first_mark=0, last_mark=0, entries=1
                    ),
                    [
                        {
                            "p": pid,
                            "c": max(on_hand[pid] + (rng.randint(-3, 3) if rng.random() < 0.33 else 0), 0),
                            "e": on_hand[pid],
                        }
                        for pid in chosen[300:]
                    ],
                )
                session.commit()
            started = time.perf_counter()
            review = counts.review_lines(database, count.id)
            review_s = time.perf_counter() - started
            started = time.perf_counter()
            result = counts.post_count(database, count.id, user_id=DEFAULT_USER_ID, accept_flagged=True)
            post_s = time.perf_counter() - started
            from orderapp.services.stock.shelf import stock_mismatches

            assert stock_mismatches(database) == []
        finally:
            database.dispose()
    entry_ms.sort()
    return [
        Row(
            "inventory",
            f"post a {lines:,}-line count",
            post_s,
            "s",
            "<= 3 s",
            {"adjusted_lines": result.adjusted_lines, "flagged_lines": sum(1 for r in review if r.flags)},
        ),
        Row("inventory", f"start a {lines:,}-product count", start_s, "s", ""),
        Row("inventory", f"review {lines:,} lines (sorted by value)", review_s, "s", ""),
        Row(
            "inventory",
            "count entry, p95",
            entry_ms[int(len(entry_ms) * 0.95)],
            "ms",
            "",
            {"p50_ms": round(statistics.median(entry_ms), 2), "entries": len(entry_ms)},
        ),
    ]


def search_queries(database: object, rng: random.Random, count: int = 400) -> list[str]:
    """A mix of what people type: name words, two Chinese characters, SKU parts, whole barcodes, misses."""
    from sqlalchemy import func, select

    from orderapp.store.models import Product, ProductBarcode

    with database.session() as session:  # type: ignore[attr-defined]
        names = list(session.scalars(select(Product.name).order_by(func.random()).limit(count)))
        skus = list(session.scalars(select(Product.sku).order_by(func.random()).limit(count)))
        codes = list(session.scalars(select(ProductBarcode.code).order_by(func.random()).limit(count)))
    queries: list[str] = []
    for n in range(count):
        kind = n % 10
        name = names[n]
        if kind < 3:
            queries.append(rng.choice(name.split()))
        elif kind < 5:
            chinese = [c for c in name if "\u4e00" <= c <= "\u9fff"]
            start = rng.randrange(max(len(chinese) - 1, 1))
            queries.append("".join(chinese[start : start + 2]) or name[:2])
        elif kind == 5:
            queries.append(" ".join(name.split()[:2]))
        elif kind == 6:
            queries.append(skus[n][-5:])
        elif kind == 7:
            queries.append(skus[n])
        elif kind == 8:
            queries.append(codes[n])
        else:
            queries.append(rng.choice(["zzq", "不存在", "xyzzy", "999999", "茶叶蛋糕"]))
    return queries


def _search_rows(database: object, label: str, products: int) -> list[Row]:
    from orderapp.services.stock.catalogue import ProductQuery, list_products

    rows: list[Row] = []
    queries = search_queries(database, random.Random(7))
    for query in queries[:20]:  # warm the page cache as a running app has it
        list_products(database, ProductQuery(search=query), limit=50)  # type: ignore[arg-type]
    for what, make in (
        ("search", lambda q: ProductQuery(search=q)),
        ("search + low stock", lambda q: ProductQuery(search=q, low_stock=True)),
    ):
        times = []
        for query in queries:
            started = time.perf_counter()
            list_products(database, make(query), limit=50)  # type: ignore[arg-type]
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        rows.append(
            Row(
                "inventory",
                f"{label} product {what}, p95 ({products:,})",
                times[int(len(times) * 0.95)],
                "ms",
                "<= 50 ms" if what == "search" else "",
                {"p50_ms": round(statistics.median(times), 2), "max_ms": round(times[-1], 1), "queries": len(times)},
            )
        )
    started = time.perf_counter()
    page, pages = None, 0
    for _ in range(200):  # paging through the list, 50 at a time
        result = list_products(database, ProductQuery(), after=page, limit=50)  # type: ignore[arg-type]
        pages += 1
        page = result.next_key
    rows.append(
        Row(
            "inventory",
            f"{label} product list page of 50 (mean)",
            (time.perf_counter() - started) * 1000 / pages,
            "ms",
            "",
        )
    )
    return rows


@benchmark
def bench_inventory_search(args: argparse.Namespace) -> list[Row]:
    """Product search on SQLite; on PostgreSQL too when ORDERAPP_TEST_PG_URL is set."""
    import os
    import uuid

    from sqlalchemy import create_engine, text

    from orderapp.store.database import Database, normalise_url

    database = Database(inventory_shop(args))
    try:
        rows = _search_rows(database, "SQLite", args.products)
    finally:
        database.dispose()
    admin = os.environ.get("ORDERAPP_TEST_PG_URL")
    if not admin:
        return rows
    base = normalise_url(admin)
    name = f"orderapp_bench_{uuid.uuid4().hex[:8]}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.set(database=name).render_as_string(hide_password=False)
    try:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "orderapp",
                "make-demo",
                "--database",
                url,
                "--products",
                str(args.products),
                "--orders",
                "20000",
                "--days",
                "30",
            ],
            check=True,
        )
        database = Database(url)
        try:
            with database.engine.begin() as conn:
                conn.execute(text("ANALYZE"))
            rows += _search_rows(database, "PostgreSQL", args.products)
        finally:
            database.dispose()
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()
    return rows
