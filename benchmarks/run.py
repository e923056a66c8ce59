"""OrderApp's benchmark runner: ``python benchmarks/run.py [NAME...]``. Prints a table, writes JSON."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import BENCHMARKS, BIG_SHOP, RESULTS, Row  # noqa: E402

for module in sorted(HERE.glob("bench_*.py")):
    importlib.import_module(module.stem)


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
