"""OrderApp's benchmark runner: ``python benchmarks/run.py [NAME...]``. Prints a table, writes JSON."""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / ".data"
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT))


@dataclass
class Row:
    benchmark: str
    measure: str
    value: float
    unit: str
    goal: str = ""
    detail: dict[str, object] = field(default_factory=dict)


BENCHMARKS: dict[str, Callable[[argparse.Namespace], list[Row]]] = {}


def benchmark(fn: Callable[[argparse.Namespace], list[Row]]) -> Callable[[argparse.Namespace], list[Row]]:
    BENCHMARKS[fn.__name__.removeprefix("bench_")] = fn
    return fn


BIG_SHOP = {"products": 100_000, "orders": 1_000_000, "days": 365}


def big_shop(args: argparse.Namespace) -> tuple[Path, float | None]:
    """The 1,000,000-order shop, built once with the app's own command; returns (path, build seconds)."""
    path = DATA / f"shop-{args.orders // 1000}k.sqlite"
    if path.exists():
        return path, None
    DATA.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".building.sqlite")
    for leftover in DATA.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
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
            str(args.orders),
            "--days",
            str(BIG_SHOP["days"]),
        ],
        check=True,
    )
    seconds = time.perf_counter() - started
    partial.rename(path)
    for side in ("-wal", "-shm"):
        extra = partial.with_name(partial.name + side)
        if extra.exists():
            extra.rename(path.with_name(path.name + side))
    return path, seconds


@benchmark
def bench_make_shop(args: argparse.Namespace) -> list[Row]:
    path, seconds = big_shop(args)
    if seconds is None:  # cached: build a fresh one to time it
        path.unlink()
        for side in ("-wal", "-shm"):
            path.with_name(path.name + side).unlink(missing_ok=True)
        path, seconds = big_shop(args)
    assert seconds is not None
    size_mb = path.stat().st_size / 1e6
    return [
        Row(
            "make_shop",
            f"{args.products:,} products, {args.orders:,} orders",
            seconds,
            "s",
            "a few minutes",
            {"file_mb": round(size_mb, 1)},
        )
    ]


@benchmark
def bench_startup(args: argparse.Namespace) -> list[Row]:
    import psutil

    path, _ = big_shop(args)
    times, memory = [], []
    for _run in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            report = Path(tmp) / "ready.json"
            env = dict(os.environ, ORDERAPP_STARTUP_REPORT=str(report), ORDERAPP_LOG_DIR=tmp)
            env.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
            started = time.time()
            child = subprocess.Popen([sys.executable, "-m", "orderapp", "--database", str(path)], env=env)
            try:
                deadline = started + 60
                while not report.exists():
                    if child.poll() is not None:
                        raise RuntimeError(f"the app exited with {child.returncode} before it was ready")
                    if time.time() > deadline:
                        raise RuntimeError("the app was not ready within 60 s")
                    time.sleep(0.005)
                ready = json.loads(report.read_text())
                rss = psutil.Process(child.pid).memory_info().rss
            finally:
                child.terminate()
                child.wait(10)
            times.append(ready["ready_at"] - started)
            memory.append(rss / 2**20)
    detail = {
        "runs_s": [round(t, 3) for t in times],
        "runs_mb": [round(m, 1) for m in memory],
        "platform": os.environ.get("QT_QPA_PLATFORM", ""),
    }
    return [
        Row("startup", "start to window idle (median)", statistics.median(times), "s", "<= 2.0 s", detail),
        Row("startup", "resident memory then (median)", statistics.median(memory), "MB", "<= 250 MB"),
    ]


@benchmark
def bench_dashboard(args: argparse.Namespace) -> list[Row]:
    from orderapp.services.dashboard import dashboard_figures
    from orderapp.store.opening import open_database

    path, _ = big_shop(args)
    database = open_database(path)
    try:
        dashboard_figures(database)  # warm the page cache as a running app has it
        runs = []
        for _run in range(max(args.repeat, 5)):
            started = time.perf_counter()
            figures = dashboard_figures(database)
            runs.append((time.perf_counter() - started) * 1000)
    finally:
        database.dispose()
    return [
        Row(
            "dashboard",
            "four figures (median)",
            statistics.median(runs),
            "ms",
            "",
            {"figures": asdict(figures) | {"day": str(figures.day), "as_of": str(figures.as_of)}},
        )
    ]


def print_table(rows: list[Row]) -> None:
    print(f"\n{'benchmark':<12} {'measure':<44} {'value':>10}  {'unit':<4} goal")
    print("-" * 84)
    for r in rows:
        print(f"{r.benchmark:<12} {r.measure:<44} {r.value:>10.3f}  {r.unit:<4} {r.goal}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--products", type=int, default=BIG_SHOP["products"])
    parser.add_argument("--orders", type=int, default=BIG_SHOP["orders"])
    args = parser.parse_args()
    if args.list:
        print("\n".join(BENCHMARKS))
        return 0
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    rows: list[Row] = []
    for name in args.names or list(BENCHMARKS):
        print(f"running {name} ...", file=sys.stderr)
        rows += BENCHMARKS[name](args)
    print_table(rows)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    payload = {
        "when": stamp,
        "machine": {"python": platform.python_version(), "system": platform.platform(), "cpus": os.cpu_count()},
        "rows": [asdict(r) for r in rows],
    }
    for target in (RESULTS / f"run-{stamp}.json", RESULTS / "latest.json"):
        target.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwritten {RESULTS / f'run-{stamp}.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
