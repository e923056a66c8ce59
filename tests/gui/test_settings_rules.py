"""The Rules group of the Settings screen: the orders and packing rules changed as a shopkeeper does,
checked through the services those capabilities read them with."""

from __future__ import annotations

import pytest
from gui_helpers import SHOP_NAME, key_text, show_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from orderapp.errors import FieldError, OrderAppError
from orderapp.gui import settings_screen
from orderapp.gui.main_window import MainWindow
from orderapp.gui.settings_screen import SettingsScreen
from orderapp.services.settings.orders import load_order_settings, save_order_settings
from orderapp.services.settings.packing import PackingSettings, load_packing_settings, save_packing_settings
from orderapp.services.settings.rules import ShopRules, validate_rules
from orderapp.services.settings.shop import load_settings
from orderapp.store.database import Database


@pytest.fixture
def screen(qtbot: QtBot, window: MainWindow) -> SettingsScreen:
    window.show_screen("settings")
    screen = window.settings_screen()
    qtbot.waitUntil(lambda: screen.form.isEnabled() and rules_group(screen).isEnabled())
    return screen


def rules_group(screen: SettingsScreen) -> QGroupBox:
    group = screen.findChild(QGroupBox, "rules_group")
    assert group is not None
    return group


def field(screen: SettingsScreen, name: str) -> QLineEdit:
    found = screen.findChild(QLineEdit, name)
    assert found is not None
    return found


def backorders_box(screen: SettingsScreen) -> QCheckBox:
    box = screen.findChild(QCheckBox, "allow_backorders")
    assert box is not None
    return box


def error_under(screen: SettingsScreen, name: str) -> str:
    label = screen.findChild(QLabel, f"error_{name}")
    assert label is not None
    return label.text() if label.isVisible() else ""


def save_button(screen: SettingsScreen) -> QPushButton:
    button = screen.findChild(QPushButton, "save_settings")
    assert button is not None
    return button


def retype(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, text)


def click_save(qtbot: QtBot, screen: SettingsScreen) -> None:
    assert save_button(screen).isEnabled()
    with qtbot.waitSignal(screen.rules_saved, timeout=10_000):
        qtbot.mouseClick(save_button(screen), Qt.MouseButton.LeftButton)


def test_the_rules_group_shows_the_stored_rules(qtbot: QtBot, shop: Database) -> None:
    save_order_settings(shop, allow_backorders=True, duplicate_window_minutes=15)
    save_packing_settings(shop, PackingSettings(typed_qty_from=4))
    window = show_window(qtbot, shop)
    window.show_screen("settings")
    screen = window.settings_screen()
    qtbot.waitUntil(lambda: rules_group(screen).isEnabled())

    assert rules_group(screen).title() == "Rules"
    assert backorders_box(screen).isChecked()
    assert field(screen, "duplicate_window_minutes").text() == "15"
    assert field(screen, "typed_qty_from").text() == "4"
    assert not save_button(screen).isEnabled()  # nothing changed yet
    assert all(error_under(screen, name) == "" for name in ("duplicate_window_minutes", "typed_qty_from"))


def test_each_rule_says_what_it_does(screen: SettingsScreen) -> None:
    assert "backordered" in backorders_box(screen).toolTip()
    assert "0 turns the check off" in field(screen, "duplicate_window_minutes").toolTip()
    typed_tip = field(screen, "typed_qty_from").toolTip()
    assert "typed after one unit is scanned" in typed_tip and "every unit is scanned" in typed_tip
    note = screen.findChild(QLabel, "documents_note")
    assert note is not None and note.isVisible() and "Reports screen" in note.text()


def test_backorders_are_switched_on_and_off_through_the_screen(
    qtbot: QtBot, screen: SettingsScreen, shop: Database
) -> None:
    assert load_order_settings(shop).allow_backorders is False
    box = backorders_box(screen)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    click_save(qtbot, screen)
    assert load_order_settings(shop).allow_backorders is True
    assert not save_button(screen).isEnabled()  # saved: nothing left to save

    qtbot.keyClick(box, Qt.Key.Key_Space)
    click_save(qtbot, screen)
    assert load_order_settings(shop).allow_backorders is False


@pytest.mark.parametrize("typed, stored", [("45", 45), ("0", 0), (" 120 ", 120)])
def test_the_duplicate_window_is_changed_through_the_screen(
    qtbot: QtBot, screen: SettingsScreen, shop: Database, typed: str, stored: int
) -> None:
    retype(qtbot, field(screen, "duplicate_window_minutes"), typed)
    click_save(qtbot, screen)
    assert load_order_settings(shop).duplicate_window_minutes == stored
    assert field(screen, "duplicate_window_minutes").text() == str(stored)


@pytest.mark.parametrize("typed, stored", [("25", 25), ("0", 0), ("1", 1)])
def test_the_typed_quantity_threshold_is_changed_through_the_screen(
    qtbot: QtBot, screen: SettingsScreen, shop: Database, typed: str, stored: int
) -> None:
    assert load_packing_settings(shop).typed_qty_from == 10
    retype(qtbot, field(screen, "typed_qty_from"), typed)
    click_save(qtbot, screen)
    assert load_packing_settings(shop).typed_qty_from == stored
    assert load_order_settings(shop).allow_backorders is False  # the other rules are left as they were
    assert load_order_settings(shop).duplicate_window_minutes == 30


def test_full_width_digits_from_a_chinese_keyboard_are_read(
    qtbot: QtBot, screen: SettingsScreen, shop: Database
) -> None:
    line = field(screen, "typed_qty_from")
    retype(qtbot, line, "")
    key_text(line, "１２")
    assert error_under(screen, "typed_qty_from") == ""
    click_save(qtbot, screen)
    assert load_packing_settings(shop).typed_qty_from == 12
    assert line.text() == "12"


@pytest.mark.parametrize(
    "typed, message",
    [
        ("-1", "Type a whole number from 0 to 100000 (0 means every unit is scanned)."),
        ("100001", "Type a whole number from 0 to 100000 (0 means every unit is scanned)."),
        ("ten", "Type the units as a whole number, e.g. 10 (0 means every unit is scanned)."),
        ("2.5", "Type the units as a whole number, e.g. 10 (0 means every unit is scanned)."),
        ("", "Type the units as a whole number, e.g. 10 (0 means every unit is scanned)."),
    ],
)
def test_a_bad_typed_quantity_threshold_is_shown_and_blocks_save(
    qtbot: QtBot, screen: SettingsScreen, shop: Database, typed: str, message: str
) -> None:
    line = field(screen, "typed_qty_from")
    retype(qtbot, line, typed)
    assert error_under(screen, "typed_qty_from") == message
    assert not save_button(screen).isEnabled()
    qtbot.keyClick(line, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # the shortcut is refused too
    assert load_packing_settings(shop).typed_qty_from == 10

    retype(qtbot, line, "6")
    assert error_under(screen, "typed_qty_from") == ""
    assert save_button(screen).isEnabled()


@pytest.mark.parametrize(
    "typed, message",
    [
        ("-5", "Type a whole number of minutes from 0 to 10080 (0 turns the duplicate check off)."),
        ("20000", "Type a whole number of minutes from 0 to 10080 (0 turns the duplicate check off)."),
        ("half an hour", "Type the minutes as a whole number, e.g. 30 (0 turns the duplicate check off)."),
    ],
)
def test_a_bad_duplicate_window_is_shown_and_blocks_save(
    qtbot: QtBot, screen: SettingsScreen, typed: str, message: str
) -> None:
    retype(qtbot, field(screen, "duplicate_window_minutes"), typed)
    assert error_under(screen, "duplicate_window_minutes") == message
    assert not save_button(screen).isEnabled()


def test_a_bad_rule_also_holds_back_the_shop_details(qtbot: QtBot, screen: SettingsScreen, shop: Database) -> None:
    retype(qtbot, screen.name, "Tea & Cake")
    assert save_button(screen).isEnabled()
    retype(qtbot, field(screen, "typed_qty_from"), "-3")
    assert not save_button(screen).isEnabled()
    screen.save()  # what Ctrl+S does: refused while a message is shown
    assert load_settings(shop).name == SHOP_NAME


def test_typing_back_the_stored_rule_offers_no_save(qtbot: QtBot, screen: SettingsScreen) -> None:
    line = field(screen, "typed_qty_from")
    retype(qtbot, line, "11")
    assert save_button(screen).isEnabled()
    retype(qtbot, line, "10")
    assert not save_button(screen).isEnabled()


def test_shop_details_and_rules_are_saved_together(
    qtbot: QtBot, window: MainWindow, screen: SettingsScreen, shop: Database
) -> None:
    retype(qtbot, screen.name, "Tea & Cake")
    retype(qtbot, field(screen, "typed_qty_from"), "3")
    with qtbot.waitSignals([screen.settings_saved, screen.rules_saved], timeout=10_000):
        qtbot.mouseClick(save_button(screen), Qt.MouseButton.LeftButton)
    assert load_settings(shop).name == "Tea & Cake"
    assert load_packing_settings(shop).typed_qty_from == 3
    assert window.windowTitle() == "OrderApp – Tea & Cake"
    note = screen.findChild(QLabel, "saved_note")
    assert note is not None and note.isVisible() and note.text() == "Saved"


def test_saving_only_a_rule_leaves_the_shop_details_alone(qtbot: QtBot, screen: SettingsScreen, shop: Database) -> None:
    before = load_settings(shop)
    retype(qtbot, field(screen, "duplicate_window_minutes"), "5")
    shop_saves: list[object] = []
    screen.settings_saved.connect(shop_saves.append)
    click_save(qtbot, screen)
    assert shop_saves == []
    assert load_settings(shop) == before
    assert load_order_settings(shop).duplicate_window_minutes == 5


def test_rules_that_cannot_be_read_are_said_and_the_shop_details_still_save(
    qtbot: QtBot, shop: Database, sync_tasks: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(database: Database) -> None:
        raise OrderAppError("The database is busy; try again in a moment.")

    monkeypatch.setattr(settings_screen, "load_rules", unreadable)
    screen = SettingsScreen(shop)
    qtbot.addWidget(screen)
    screen.show()
    screen.load()
    problem = screen.findChild(QLabel, "rules_problem")
    assert problem is not None and problem.isVisible()
    assert problem.text() == "The rules could not be read: The database is busy; try again in a moment."
    assert not rules_group(screen).isEnabled()  # no default shown as if it were the shop's rule

    retype(qtbot, screen.name, "Tea & Cake")
    screen.save()
    assert load_settings(shop).name == "Tea & Cake"


def test_a_rule_refused_when_saving_is_shown_under_its_field_and_kept(
    qtbot: QtBot, screen: SettingsScreen, shop: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another station's newer limits, say: the worker's refusal lands under the field, nothing is lost."""

    def stricter(rules: ShopRules) -> list[FieldError]:
        found = validate_rules(rules)
        if rules.typed_qty_from > 50:
            found.append(FieldError("typed_qty_from", "At most 50 here."))
        return found

    monkeypatch.setattr(settings_screen, "validate_rules", stricter)
    retype(qtbot, field(screen, "typed_qty_from"), "60")
    retype(qtbot, screen.name, "Tea & Cake")
    with qtbot.waitSignal(screen.validated, timeout=10_000, check_params_cb=lambda: bool(screen.errors())):
        qtbot.mouseClick(save_button(screen), Qt.MouseButton.LeftButton)
    assert error_under(screen, "typed_qty_from") == "At most 50 here."
    assert field(screen, "typed_qty_from").text() == "60"
    assert load_packing_settings(shop).typed_qty_from == 10
    assert load_settings(shop).name == SHOP_NAME  # checked before anything was written


def test_the_rules_load_and_save_with_tasks_run_synchronously(qtbot: QtBot, shop: Database, sync_tasks: object) -> None:
    save_order_settings(shop, allow_backorders=True, duplicate_window_minutes=30)
    screen = SettingsScreen(shop)
    qtbot.addWidget(screen)
    screen.load()
    assert backorders_box(screen).isChecked()
    retype(qtbot, field(screen, "typed_qty_from"), "7")
    screen.save()
    assert load_packing_settings(shop) == PackingSettings(typed_qty_from=7)
    assert load_order_settings(shop).allow_backorders is True


def test_the_packing_queue_order_is_chosen_here_and_kept(qtbot: QtBot, screen: SettingsScreen, shop: Database) -> None:
    from PySide6.QtWidgets import QComboBox

    from orderapp.services.settings.packing import QueueSort, save_queue_sort

    combo = screen.findChild(QComboBox, "queue_sort")
    assert combo is not None and combo.isVisible()
    assert combo.currentText() == "Urgent first" and not save_button(screen).isEnabled()
    assert [combo.itemText(i) for i in range(combo.count())] == ["Urgent first", "VIP first", "Due time", "Easy first"]
    assert "one SKU with all of it in stock" in str(combo.itemData(3, Qt.ItemDataRole.ToolTipRole))
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)  # the last choice: easy first
    assert combo.currentText() == "Easy first"
    field(screen, "typed_qty_from").setText("12")
    click_save(qtbot, screen)
    assert load_packing_settings(shop) == PackingSettings(typed_qty_from=12, queue_sort=QueueSort.EASY)

    # Chosen at a packing station since: the screen shows it when it loads the rules again.
    save_queue_sort(shop, QueueSort.DUE)
    with qtbot.waitSignal(screen.rules_loaded, timeout=10_000):
        screen.load_rules()
    assert combo.currentText() == "Due time" and not save_button(screen).isEnabled()
