"""The English catalogue, as the app installs it on an English PC: it holds only plural forms
("1 scan was", "2 scans were"), the rest of English is the source text itself."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from orderapp.gui.app import install_translators


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    installed = install_translators(qapp, QLocale("en_US"))
    assert installed, "no English catalogue (resources/translations/orderapp_en.qm) was found"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
