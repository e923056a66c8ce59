"""The ``language`` fixture: a test run once on an English PC and once with the window in Chinese."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from orderapp import i18n
from orderapp.gui.app import LANGUAGE_ENV, install_translators


@pytest.fixture(name="language", params=["en", "zh_CN"])
def both_languages(
    request: pytest.FixtureRequest, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    installed: list[QTranslator] = []
    if request.param != "en":
        monkeypatch.setenv(LANGUAGE_ENV, request.param)
        installed = install_translators(qapp)
    try:
        yield request.param
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.install(None)
