"""OrderApp's benchmark runner: ``python benchmarks/run.py [NAME...]``. Prints a table, writes JSON.

``--reference`` also puts the run's rows into ``benchmarks/results/reference.json`` (committed): the
figures behind the README's table, each row with the time of its run and the machine it ran on (CPU,
cores, load average before and after), replacing that benchmark's rows from an earlier run."""

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
    parser.add_argument("--reference", action="store_true", help="keep these rows in results/reference.json")
    args = parser.parse_args()
    if args.list:
        print("\n".join(BENCHMARKS))
        return 0
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    rows: list[Row] = []
    names: list[str] = []  # the benchmark (run.py's name) of each row
    load_before = _load()
    for name in args.names or list(BENCHMARKS):
        print(f"running {name} ...", file=sys.stderr)
        made = BENCHMARKS[name](args)
        rows += made
        names += [name] * len(made)
    print_table(rows)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    machine = {**_machine(), "load_before": load_before, "load_after": _load()}
    payload = {
        "when": stamp,
        "machine": machine,
        "rows": [{"name": n, **asdict(r)} for n, r in zip(names, rows, strict=True)],
    }
    for target in (RESULTS / f"run-{stamp}.json", RESULTS / "latest.json"):
        target.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwritten {RESULTS / f'run-{stamp}.json'}")
    if args.reference:
        _keep_as_reference(payload)
        print(f"kept in {REFERENCE}")
    return 0


REFERENCE = RESULTS / "reference.json"


def _machine() -> dict[str, object]:
    cpu = platform.processor()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")
        ]
        cpu = names[0] if names else cpu
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def _load() -> list[float] | None:
    """The 1, 5 and 15 minute load averages (other work on the machine), where the system tells them."""
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return None


def _keep_as_reference(payload: dict[str, object]) -> None:
    """Each row of this run replaces the rows of the same benchmark in reference.json."""
    kept = json.loads(REFERENCE.read_text(encoding="utf-8")) if REFERENCE.exists() else {"rows": []}
    rows = payload["rows"]
    assert isinstance(rows, list)
    fresh = {row["name"] for row in rows}
    stamped = [{**row, "when": payload["when"], "machine": payload["machine"]} for row in rows]
    kept["rows"] = [row for row in kept["rows"] if row["name"] not in fresh] + stamped
    REFERENCE.write_text(json.dumps(kept, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
