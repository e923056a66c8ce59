"""The Settings screen: problems shown under their field as typed, Save only when it makes sense."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from gui_helpers import SHOP_NAME, commit_text, key_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from orderapp.gui.main_window import MainWindow
from orderapp.gui.settings_screen import SettingsScreen
from orderapp.services.settings.shop import MAX_LOGO_BYTES, ShopSettings
from orderapp.store.database import Database


@pytest.fixture
def screen(qtbot: QtBot, window: MainWindow) -> SettingsScreen:
    window.show_screen("settings")
    screen = window.settings_screen()
    qtbot.waitUntil(lambda: screen.form.isEnabled())
    return screen


def error_under(screen: SettingsScreen, field: str) -> str:
    """The message a user sees under ``field`` ("" when none is shown)."""
    label = screen.findChild(QLabel, f"error_{field}")
    assert label is not None
    return label.text() if label.isVisible() else ""


def save_button(screen: SettingsScreen) -> QPushButton:
    button = screen.findChild(QPushButton, "save_settings")
    assert button is not None
    return button


def replace_text(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_the_form_shows_the_stored_settings(screen: SettingsScreen, shop: Database) -> None:
    assert screen.name.text() == SHOP_NAME
    assert screen.currency.currentText() == "CNY"
    assert screen.timezone.currentText() == "Asia/Shanghai"
    assert screen.phone_region.currentText().startswith("CN (+86)")
    assert screen.database_location.text() == shop.location
    assert screen.database_location.isReadOnly()
    assert screen.open_database_folder.isVisible()
    assert not save_button(screen).isEnabled()  # nothing changed yet
    assert all(error_under(screen, field) == "" for field in ("name", "phone", "currency", "timezone", "logo"))


def test_an_invalid_phone_is_shown_under_the_phone_field_and_blocks_save(qtbot: QtBot, screen: SettingsScreen) -> None:
    phone = screen.findChild(QLineEdit, "shop_phone")
    assert phone is not None
    replace_text(qtbot, phone, "12345")
    assert "not valid for CN" in error_under(screen, "phone")
    assert not save_button(screen).isEnabled()

    replace_text(qtbot, phone, "021 6123 4567")
    assert error_under(screen, "phone") == ""
    assert save_button(screen).isEnabled()


def test_the_phone_is_tidied_when_the_field_is_left(qtbot: QtBot, window: MainWindow, screen: SettingsScreen) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    screen.phone.setFocus()
    replace_text(qtbot, screen.phone, "02161234567")
    assert screen.phone.text() == "02161234567"  # left alone while typing
    qtbot.keyClick(screen.phone, Qt.Key.Key_Tab)
    assert not screen.phone.hasFocus()
    assert screen.phone.text() == "021 6123 4567"


def test_an_empty_name_is_refused(qtbot: QtBot, screen: SettingsScreen) -> None:
    replace_text(qtbot, screen.name, "")
    assert "Enter the shop's name" in error_under(screen, "name")
    assert not save_button(screen).isEnabled()


def test_an_unknown_time_zone_is_refused(qtbot: QtBot, screen: SettingsScreen) -> None:
    editor = screen.timezone.lineEdit()
    replace_text(qtbot, editor, "Mars/Olympus")
    assert "Choose a time zone" in error_under(screen, "timezone")
    replace_text(qtbot, editor, "Europe/Berlin")
    assert error_under(screen, "timezone") == ""


def test_typing_back_what_was_stored_offers_no_save(qtbot: QtBot, screen: SettingsScreen) -> None:
    replace_text(qtbot, screen.name, "Other name")
    assert save_button(screen).isEnabled()
    replace_text(qtbot, screen.name, SHOP_NAME + "  ")
    assert not save_button(screen).isEnabled()


def test_saving_stores_the_settings_and_renames_the_window(
    qtbot: QtBot, window: MainWindow, screen: SettingsScreen, stored_settings: Callable[[], ShopSettings]
) -> None:
    name = "莲花茶馆 Lotus Tea House"
    replace_text(qtbot, screen.name, "")
    commit_text(screen.name, "莲花茶馆")
    key_text(screen.name, " Lotus Tea House")
    assert screen.name.text() == name
    commit_text(screen.address, "上海市徐汇区漕溪北路88号")
    replace_text(qtbot, screen.phone, "13812345678")
    screen.currency.setCurrentText("USD")
    screen.phone_region.setCurrentIndex(screen.phone_region.findData("CN"))
    assert screen.errors() == {}

    with qtbot.waitSignal(screen.settings_saved, timeout=10_000):
        qtbot.mouseClick(save_button(screen), Qt.MouseButton.LeftButton)

    stored = stored_settings()
    assert stored.name == name
    assert stored.address == "上海市徐汇区漕溪北路88号"
    assert stored.phone == "138 1234 5678"
    assert stored.currency == "USD"
    assert screen.phone.text() == "138 1234 5678"
    assert window.windowTitle() == f"OrderApp – {name}"
    note = screen.findChild(QLabel, "saved_note")
    assert note is not None and note.isVisible() and note.text() == "Saved"
    assert not save_button(screen).isEnabled()  # saved: nothing left to save


def test_a_logo_over_2_mb_is_refused(qtbot: QtBot, screen: SettingsScreen, tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(MAX_LOGO_BYTES))
    screen.load_logo_file(big)
    assert "larger than 2 MB" in error_under(screen, "logo")
    assert not save_button(screen).isEnabled()
    qtbot.mouseClick(screen.remove_logo, Qt.MouseButton.LeftButton)
    assert error_under(screen, "logo") == ""


def test_a_logo_is_previewed_and_saved(
    qtbot: QtBot, screen: SettingsScreen, tmp_path: Path, stored_settings: Callable[[], ShopSettings]
) -> None:
    image = QImage(64, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    screen.load_logo_file(path)
    assert not screen.logo_preview.pixmap().isNull()
    assert screen.remove_logo.isEnabled()
    with qtbot.waitSignal(screen.settings_saved, timeout=10_000):
        qtbot.mouseClick(save_button(screen), Qt.MouseButton.LeftButton)
    assert stored_settings().logo == path.read_bytes()


def test_the_form_validates_with_tasks_run_synchronously(
    qtbot: QtBot, shop: Database, sync_tasks: object, stored_settings: Callable[[], ShopSettings]
) -> None:
    screen = SettingsScreen(shop)
    qtbot.addWidget(screen)
    screen.load()  # synchronous: the form is filled at once
    assert screen.name.text() == SHOP_NAME
    replace_text(qtbot, screen.name, "Tea & Cake")
    screen.save()
    assert stored_settings().name == "Tea & Cake"
