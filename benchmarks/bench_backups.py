"""Backups and the damage check on the 1,000,000-order shop: start to idle with the check (and how
long writes are held while the whole file is checked in the background), the check a command runs,
and a verified backup of the whole shop (time, size)."""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Row, benchmark, big_shop


def _isolated_env(tmp: str) -> dict[str, str]:
    # The app's own config folder (where the backup settings live) and log folder in a scratch
    # folder: the first start of the day would otherwise back up the 2 GB shop beside the shop.
    env = dict(os.environ, ORDERAPP_LOG_DIR=tmp, XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp)
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
    return env


@benchmark
def bench_startup_checked(args: argparse.Namespace) -> list[Row]:
    path, _ = big_shop(args)
    ready_times, held = [], []
    for _run in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "OrderApp").mkdir()
            (Path(tmp) / "OrderApp" / "backups.json").write_text(
                json.dumps({str(path.resolve()): {"folder": str(Path(tmp) / "backups"), "keep": 1}})
            )
            report = Path(tmp) / "ready.json"
            env = _isolated_env(tmp) | {"ORDERAPP_STARTUP_REPORT": str(report)}
            started = time.time()
            child = subprocess.Popen([sys.executable, "-m", "orderapp", "--database", str(path)], env=env)
            log = Path(tmp) / "orderapp.log"
            try:
                deadline = started + 120
                while not report.exists():
                    if child.poll() is not None or time.time() > deadline:
                        raise RuntimeError("the app did not become ready")
                    time.sleep(0.005)
                ready_times.append(json.loads(report.read_text())["ready_at"] - started)
                checked = None
                while checked is None and time.time() < deadline:
                    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
                    found = re.search(r"checked .* in ([0-9.]+) s", text)
                    if found:
                        checked = time.time() - started
                    time.sleep(0.05)
                held.append(checked or float("nan"))
            finally:
                child.terminate()
                child.wait(30)
    detail = {"ready_s": [round(t, 3) for t in ready_times], "check_done_s": [round(t, 2) for t in held]}
    return [
        Row(
            "startup_checked",
            "start to window idle, damage check on (median)",
            statistics.median(ready_times),
            "s",
            "<= 2.0 s",
            detail,
        ),
        Row("startup_checked", "start to whole-file check passed (writes held)", statistics.median(held), "s", ""),
    ]


@benchmark
def bench_command_check(args: argparse.Namespace) -> list[Row]:
    from orderapp.store import integrity
    from orderapp.store.backups import connect_read_only

    path, _ = big_shop(args)
    times = []
    for _run in range(args.repeat):
        started = time.perf_counter()
        integrity.check_file(path)
        times.append(time.perf_counter() - started)
    at_open = []
    for _run in range(args.repeat):
        conn = connect_read_only(path, immutable=True)
        try:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            started = time.perf_counter()
            integrity.check_at_open(conn, path, tables)
            at_open.append(time.perf_counter() - started)
        finally:
            conn.close()
    return [
        Row("command_check", "whole-file damage check a command runs (median)", statistics.median(times), "s", ""),
        Row("command_check", "the part the window waits for at open (median)", statistics.median(at_open), "s", ""),
    ]


@benchmark
def bench_backup(args: argparse.Namespace) -> list[Row]:
    path, _ = big_shop(args)
    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        target = Path(tmp) / "shop backup #1.sqlite"
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "orderapp", "backup", "--database", str(path), "--out", str(target)],
            env=_isolated_env(tmp),
            check=True,
        )
        seconds = time.perf_counter() - started
        size = target.stat().st_size
    return [
        Row("backup", "orderapp backup of the 1M shop, verified", seconds, "s", "(report)"),
        Row("backup", "its size", size / 2**20, "MB", "(report)"),
    ]
