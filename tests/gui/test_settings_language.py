"""Settings > Language of the window: this PC's choice, kept for the next start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QGroupBox

from orderapp.gui.app import LANGUAGE_ENV, ui_locale
from orderapp.gui.settings_language import LANGUAGE_SETTING

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _no_language_kept(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    QSettings().remove(LANGUAGE_SETTING)
    yield
    QSettings().remove(LANGUAGE_SETTING)


def test_choosing_a_language_keeps_it_for_the_next_start(window) -> None:
    screen = window.settings_screen()
    group = screen.language
    layout = screen.form.layout()
    assert layout.indexOf(group) > layout.indexOf(
        screen.form.findChild(QGroupBox, "rules_group")
    )  # with the shop-wide groups
    assert group.choice.currentData() == ""  # nothing chosen yet: the system's
    assert "next time OrderApp starts" in group.note.text()
    group.choice.setCurrentIndex(group.choice.findData("zh_CN"))
    assert QSettings().value(LANGUAGE_SETTING) == "zh_CN"
    assert ui_locale(QLocale("en_US")).name() == "zh_CN"
    group.choice.setCurrentIndex(group.choice.findData(""))
    assert QSettings().value(LANGUAGE_SETTING) is None
    assert ui_locale(QLocale("en_US")).language() == QLocale.Language.English


def test_the_group_shows_what_the_wizard_chose(qtbot, shop) -> None:
    from gui_helpers import show_window

    QSettings().setValue(LANGUAGE_SETTING, "en")
    window = show_window(qtbot, shop)
    assert window.settings_screen().language.choice.currentText() == "English"
