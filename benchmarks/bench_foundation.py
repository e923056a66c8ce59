"""Foundation benchmarks: building the big shop, start-up time and memory, the dashboard."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from common import Row, benchmark, big_shop


@benchmark
def bench_make_shop(args: argparse.Namespace) -> list[Row]:
    """Wall time of ``orderapp make-demo`` for the big shop, with the CPU time it took (user + system
    of the child) and the load average: on a shared machine the CPU time is the figure that compares."""
    import resource

    before, load = resource.getrusage(resource.RUSAGE_CHILDREN), os.getloadavg()[0]
    path, seconds = big_shop(args)
    if seconds is None:  # cached: build a fresh one to time it
        path.unlink()
        for side in ("-wal", "-shm"):
            path.with_name(path.name + side).unlink(missing_ok=True)
        before, load = resource.getrusage(resource.RUSAGE_CHILDREN), os.getloadavg()[0]
        path, seconds = big_shop(args)
    assert seconds is not None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    detail = {
        "file_mb": round(path.stat().st_size / 1e6, 1),
        "cpu_s": round(cpu, 1),
        "load_before": load,
        "load_after": os.getloadavg()[0],
    }
    return [
        Row(
            "make_shop",
            f"{args.products:,} products, {args.orders:,} orders",
            seconds,
            "s",
            "<= 60 s",
            detail,
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
    from orderapp.services.shop.dashboard import dashboard_figures
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
