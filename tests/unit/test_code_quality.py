"""ruff and mypy are part of the suite, so CI enforces them like any other test."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0], path=str(Path(sys.executable).parent)) is None and shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (it comes with the test extras: pip install -e '.[test]')")
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing() -> None:
    result = run_tool("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_formatting_is_applied() -> None:
    result = run_tool("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    result = run_tool("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
