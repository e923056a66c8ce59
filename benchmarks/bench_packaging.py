"""The packaged app (packaging/build.py's dist/ folder): start to idle on the 1,000,000-order shop, as a
shopkeeper starts it (no Python around it), and the bundle's size on disk and as a download."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, Row, benchmark, big_shop

sys.path.insert(0, str(ROOT / "packaging"))
import build  # packaging/build.py: where the bundle is, and the environment it runs in


def _bundle() -> Path:
    """The built bundle's executable; built first (a few minutes) when dist/ has none."""
    if not build.executable().is_file():
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], check=True)
    return build.executable()


def _start_to_idle(command: list[str], env: dict[str, str], home: Path) -> tuple[float, float]:
    """Seconds from process start to the main window idle with its figures, and resident MB then."""
    import psutil

    report = home / "ready.json"
    report.unlink(missing_ok=True)
    env = env | {"ORDERAPP_STARTUP_REPORT": str(report)}
    started = time.time()
    child = subprocess.Popen(command, env=env, cwd=home)
    try:
        deadline = started + 120
        while not report.exists():
            if child.poll() is not None:
                raise RuntimeError(f"{command[0]} exited with {child.returncode} before it was ready")
            if time.time() > deadline:
                raise RuntimeError(f"{command[0]} was not ready within 120 s")
            time.sleep(0.005)
        ready = json.loads(report.read_text())
        rss = psutil.Process(child.pid).memory_info().rss
    finally:
        child.terminate()
        child.wait(10)
    return ready["ready_at"] - started, rss / 2**20


@benchmark
def bench_bundle_startup(args: argparse.Namespace) -> list[Row]:
    """The bundle, and the same app from source (``python -m orderapp``, the ``startup`` benchmark's way)
    interleaved with it run by run, so a busy machine weighs on both alike."""
    executable = _bundle()
    path, _ = big_shop(args)
    bundle: list[tuple[float, float]] = []
    source: list[tuple[float, float]] = []
    for _run in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp)
            bare = build.bare_environment(home)
            if os.environ.get("DISPLAY"):
                bare["QT_QPA_PLATFORM"] = "xcb"
            bundle.append(_start_to_idle([str(executable), "--database", str(path)], bare, home))
            env = dict(os.environ, ORDERAPP_LOG_DIR=str(home), QT_QPA_PLATFORM=bare["QT_QPA_PLATFORM"])
            source.append(_start_to_idle([sys.executable, "-m", "orderapp", "--database", str(path)], env, home))
    detail = {
        "bundle_runs_s": [round(t, 3) for t, _mb in bundle],
        "source_runs_s": [round(t, 3) for t, _mb in source],
        "bundle_runs_mb": [round(mb, 1) for _t, mb in bundle],
        "load_average": os.getloadavg(),
        "bundle": str(executable),
    }
    return [
        Row(
            "bundle",
            "start to window idle, 1M-order shop (median)",
            statistics.median(t for t, _ in bundle),
            "s",
            "<= 2.0 s",
            detail,
        ),
        Row("bundle", "same from source, interleaved (median)", statistics.median(t for t, _ in source), "s", ""),
        Row("bundle", "resident memory then (median)", statistics.median(mb for _, mb in bundle), "MB", "<= 250 MB"),
    ]


@benchmark
def bench_bundle_size(args: argparse.Namespace) -> list[Row]:
    _bundle()
    folder = build.app_folder()
    on_disk = build.folder_size(folder) / 2**20
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        archive = Path(shutil.make_archive(str(Path(tmp) / "OrderApp"), "zip", folder.parent, folder.name))
        zipped = archive.stat().st_size / 2**20
        seconds = time.perf_counter() - started
    goal = "<= 300 MB" if sys.platform.startswith("linux") else "(reported)"
    detail = {"largest_mb": dict(build.largest_parts(folder)), "zip_seconds": round(seconds, 1), "os": sys.platform}
    return [
        Row("bundle", f"size on disk ({sys.platform})", on_disk, "MB", goal, detail),
        Row("bundle", "size as a zip download", zipped, "MB", ""),
    ]
