"""``orderapp selftest --window`` from the source tree: what the packaged app's smoke test runs in the bundle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from orderapp.cli import main

pytestmark = pytest.mark.gui


def test_the_window_checks_pass_and_leave_the_language_as_it_was(
    qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = QLocale().name()
    assert main(["selftest", "--window", "--out", str(tmp_path / "check")]) == 0
    said = capsys.readouterr().out
    report = json.loads((tmp_path / "check" / "selftest.json").read_text(encoding="utf-8"))
    assert {"qt", "text", "forms", "pdf view", "main window"} <= set(report["passed"]), said
    assert "zh_CN (概览, 取消)" in said  # the app's and Qt's Chinese catalogues both loaded
    assert f"order {report['facts']['order_numbers'][0]} read off page 1's barcode" in said
    assert "idle with the dashboard's figures, then closed" in said
    assert QLocale().name() == before
    assert QCoreApplication.translate("MainWindow", "Dashboard") == "Dashboard"


def test_a_form_that_cannot_load_fails_the_window_checks(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import orderapp.gui.forms as forms

    def broken(name: str, parent: object) -> object:
        raise RuntimeError(f"form {name} cannot be loaded: not a Designer form")

    monkeypatch.setattr(forms, "load_form", broken)
    assert main(["selftest", "--window", "--out", str(tmp_path / "check")]) == 1
    said = capsys.readouterr().out
    assert "FAILED forms: RuntimeError: form" in said
    assert "ok     main window" in said  # the other checks still ran
