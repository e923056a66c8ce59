"""The packaged app (packaging/build.py: PyInstaller build, then its smoke test with no Python around it).

Slow (a few minutes), so it runs only when ORDERAPP_TEST_BUNDLE=1, as .ci/run sets it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_ENV = "ORDERAPP_TEST_BUNDLE"

pytestmark = pytest.mark.skipif(
    os.environ.get(BUNDLE_ENV) != "1", reason=f"{BUNDLE_ENV}=1 builds and smoke-tests the bundle (minutes)"
)


def report_checks(said: str) -> list[str]:
    """The selftest's passed checks, from its "ok     name: ..." lines."""
    return [line[7:].split(":", 1)[0] for line in said.splitlines() if line.startswith("ok     ")]


def test_the_built_bundle_passes_its_smoke_test() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    said = result.stdout[-20_000:] + result.stderr[-20_000:]
    report = json.loads((ROOT / "dist" / "build-report.json").read_text(encoding="utf-8"))
    print(json.dumps(report, indent=2))  # the times and size, in the CI log
    assert result.returncode == 0, said
    assert [step["step"] for step in report["steps"] if step["ok"]] == ["version", "selftest", "demo start"], said
    assert report["failures"] == []
    assert "5 PDFs read back" in said
    assert "3 packing videos play" in said  # the demo's clips, recorded by the bundle's own PyAV
    assert "opencv maths" in report_checks(said) and "video" in report_checks(said)
    if sys.platform.startswith("linux"):
        assert (ROOT / "dist" / "OrderApp" / "OrderApp").is_file()
        inner = ROOT / "dist" / "OrderApp" / "_internal"
        # One FFmpeg: OpenCV plays videos through PyAV's (the selftest's video check proves it works).
        assert not list((inner / "opencv_python_headless.libs").glob("libavcodec*")), report["slimmed"]
        # One OpenBLAS: OpenCV's is a small forwarder to numpy's (the selftest's maths check proves it right).
        assert all(
            path.stat().st_size < 1_000_000 for path in (inner / "opencv_python_headless.libs").glob("libopenblas*")
        )
        assert not list((ROOT / "dist" / "OrderApp").rglob("*WebEngine*")), "Qt WebEngine is not used"
