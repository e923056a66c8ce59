"""The README's quick start and CI cannot drift apart."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def quick_start_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in section.splitlines() if line.startswith("    python3 -m venv")]


def test_the_quick_start_has_two_commands_one_for_the_demo_one_for_the_tests() -> None:
    run_demo, run_tests = quick_start_commands()
    assert run_demo.endswith("orderapp --demo")
    assert "pytest" in run_tests and ".[test]" in run_tests


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start_commands()[1] in ci.splitlines()


def test_ci_installs_the_readme_system_packages_without_recommends() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^\s*sudo apt-get install --no-install-recommends ", readme, re.M)) == 1
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "apt-get install -y -qq --no-install-recommends $packages" in ci
