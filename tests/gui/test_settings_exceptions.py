"""The Exceptions group of Settings: time limits checked as typed, stored only when right."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from orderapp.gui.main_window import MainWindow
from orderapp.gui.settings_exceptions import ExceptionSettingsGroup
from orderapp.services.settings.exceptions import ExceptionSettings, load_exception_settings
from orderapp.store.database import Database


@pytest.fixture
def group(qtbot: QtBot, window: MainWindow) -> ExceptionSettingsGroup:
    window.show_screen("settings")
    found = window.settings_screen().findChild(ExceptionSettingsGroup, "exceptions_group")
    assert found is not None
    qtbot.waitUntil(found.isEnabled)
    return found


def retype(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_the_group_shows_the_defaults_and_saves_new_limits(
    qtbot: QtBot, group: ExceptionSettingsGroup, shop: Database
) -> None:
    assert group.fields["confirm_hours"].text() == "24"
    assert group.fields["pack_cutoff"].text() == "16:00"
    assert not group.save_button.isEnabled()
    retype(qtbot, group.fields["ship_hours"], "36")
    retype(qtbot, group.fields["carrier_days"], "SF Express=2; EMS=7")
    assert group.errors() == {} and group.save_button.isEnabled()
    with qtbot.waitSignal(group.saved, timeout=5000):
        qtbot.mouseClick(group.save_button, Qt.MouseButton.LeftButton)
    stored = load_exception_settings(shop)
    assert stored.ship_hours == 36 and stored.days_for("sf express") == 2 and stored.days_for("Yunda") == 5
    assert group.note.text() == "Saved"


@pytest.mark.parametrize(
    "field, text, message",
    [
        ("confirm_hours", "abc", "whole number"),
        ("confirm_hours", "99999", "from 0 (off) to"),
        ("pack_cutoff", "25:00", "hours:minutes"),
        ("carrier_days", "SF Express two", "name=days"),
        ("default_owner", "", "Name the person"),
    ],
)
def test_a_wrong_value_is_shown_under_its_field_and_nothing_is_stored(
    qtbot: QtBot, group: ExceptionSettingsGroup, shop: Database, field: str, text: str, message: str
) -> None:
    retype(qtbot, group.fields[field], text)
    assert message in group.errors()[field]
    assert group.error_labels[field].isVisible()
    assert not group.save_button.isEnabled()
    group.save()
    assert load_exception_settings(shop) == ExceptionSettings()
