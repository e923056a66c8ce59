"""Shared pieces of the benchmarks: the result row, the registry, and the big shop they run on.

A benchmark is a function ``bench_<name>(args) -> list[Row]`` decorated with ``@benchmark`` in a
``benchmarks/bench_*.py`` module; ``run.py`` finds them all."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The big shops' cache; ORDERAPP_BENCH_DATA puts it elsewhere (e.g. /tmp, to time make_shop without
# touching the cached shops the other benchmarks use).
DATA = Path(os.environ.get("ORDERAPP_BENCH_DATA") or ROOT / "benchmarks" / ".data")
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
