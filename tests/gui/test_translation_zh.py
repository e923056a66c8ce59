"""The window in Simplified Chinese: chosen by ORDERAPP_LANGUAGE or a Chinese system, English otherwise;
the catalogues (Qt's .ts for the window, gettext's .po for the core's messages) keep every placeholder
and shortcut of their English source, and the shipped .qm/.mo are the compiled .ts/.po."""

from __future__ import annotations

import gettext
import re
import string
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from gui_helpers import show_window
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from orderapp import i18n
from orderapp.gui.app import LANGUAGE_ENV, install_translators, ui_locale
from orderapp.gui.main_window import MainWindow
from orderapp.paths import bundled_dir
from orderapp.services.orders.lifecycle import status_label
from orderapp.store.database import Database

CATALOGUE = bundled_dir("resources") / "translations" / "orderapp_zh_CN.ts"
COMPILED = CATALOGUE.with_suffix(".qm")
CORE_CATALOGUE = bundled_dir("resources") / "locale" / "zh_CN" / "LC_MESSAGES" / "orderapp.po"
CHINESE_TITLES = ["概览", "订单", "打包", "库存", "盘点", "报表", "客户", "异常", "设置"]
ENGLISH_TITLES = [
    "Dashboard",
    "Orders",
    "Packing",
    "Inventory",
    "Counts",
    "Reports",
    "Customers",
    "Exceptions",
    "Settings",
]
SCREENS = ["dashboard", "orders", "packing", "inventory", "counts", "reports", "customers", "exceptions", "settings"]


def _remove(app: QApplication, installed: list[QTranslator]) -> None:
    for translator in installed:
        app.removeTranslator(translator)
    i18n.install(None)


@pytest.fixture
def chinese(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QTranslator]]:
    """The translators app.py installs when the user asks for Chinese; removed afterwards."""
    assert isinstance(qapp, QApplication)
    monkeypatch.setenv(LANGUAGE_ENV, "zh_CN")
    installed = install_translators(qapp)
    try:
        yield installed
    finally:
        _remove(qapp, installed)


def navigation_titles(window: MainWindow) -> list[str]:
    return [window.navigation.item(row).text() for row in range(window.navigation.count())]


# -- choosing the language -----------------------------------------------------------------------


@pytest.mark.parametrize("system", ["zh_CN", "zh_TW", "zh_HK", "zh_SG"])
def test_a_chinese_system_gets_the_chinese_catalogue(monkeypatch: pytest.MonkeyPatch, system: str) -> None:
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    assert ui_locale(QLocale(system)).name() == "zh_CN"


@pytest.mark.parametrize("system", ["C", "en_US", "en_GB", "de_DE"])
def test_other_systems_are_not_given_chinese(monkeypatch: pytest.MonkeyPatch, system: str) -> None:
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    assert ui_locale(QLocale(system)).language() != QLocale.Language.Chinese


@pytest.mark.parametrize(
    ("forced", "system", "language"),
    [("zh_CN", "en_US", "zh_CN"), ("zh-CN", "C", "zh_CN"), ("zh", "C", "zh_CN"), ("en", "zh_CN", "en_US")],
)
def test_orderapp_language_overrides_the_system(
    monkeypatch: pytest.MonkeyPatch, forced: str, system: str, language: str
) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, forced)
    assert ui_locale(QLocale(system)).name() == language


# -- the window in Chinese -----------------------------------------------------------------------


def test_the_navigation_and_menus_speak_chinese(qtbot: QtBot, chinese: list[QTranslator], shop: Database) -> None:
    assert len(chinese) == 2  # Qt's own catalogue and the app's
    window = show_window(qtbot, shop)
    assert navigation_titles(window) == CHINESE_TITLES
    assert window.navigation.item(1).toolTip().startswith("订单（Ctrl+2")
    assert [action.text() for action in window.menuBar().actions()] == ["文件(&F)", "帮助(&H)"]
    assert window.database_label.text().startswith("数据库：")


def test_qt_standard_buttons_speak_chinese_too(qtbot: QtBot, chinese: list[QTranslator]) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == "取消"


def test_the_settings_screen_speaks_chinese(qtbot: QtBot, chinese: list[QTranslator], shop: Database) -> None:
    window = show_window(qtbot, shop)
    window.show_screen("settings")
    screen = window.settings_screen()
    qtbot.waitUntil(lambda: screen.form.isEnabled())
    save = screen.findChild(QPushButton, "save_settings")
    assert save is not None and save.text() == "保存(&S)"
    titles = {box.title() for box in screen.findChildren(QGroupBox)}
    assert {"店铺信息", "规则"} <= titles


def test_a_settings_mistake_is_explained_in_chinese(qtbot: QtBot, chinese: list[QTranslator], shop: Database) -> None:
    """The message under the field comes from the core (gettext), in the same language as the window."""
    window = show_window(qtbot, shop)
    window.show_screen("settings")
    screen = window.settings_screen()
    qtbot.waitUntil(lambda: screen.form.isEnabled())
    phone = screen.findChild(QLineEdit, "shop_phone")
    assert phone is not None
    phone.selectAll()
    qtbot.keyClicks(phone, "12345")
    error = screen.findChild(QLabel, "error_phone")
    assert error is not None and error.isVisible()
    assert error.text() == "此电话号码在 CN 无效；请检查数字和区号。"
    save = screen.findChild(QPushButton, "save_settings")
    assert save is not None and not save.isEnabled()


def test_order_statuses_follow_the_language(chinese: list[QTranslator]) -> None:
    assert [status_label(status) for status in ("received", "on_hold", "shipped")] == ["待确认", "已暂停", "已发货"]


def _translations() -> dict[str, str]:
    """Each English source that the catalogue turns into different Chinese text."""
    found: dict[str, str] = {}
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.find("translation")
        if translation is not None and translation.get("type") is None and translation.text not in (None, source):
            found[source] = translation.text or ""
    return found


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    for button in widget.findChildren(QAbstractButton):
        yield button.objectName(), button.text()
    for label in widget.findChildren(QLabel):
        yield label.objectName(), label.text()
    for box in widget.findChildren(QGroupBox):
        yield box.objectName(), box.title()
    for field in widget.findChildren(QLineEdit):
        yield field.objectName(), field.placeholderText()
    for tabs in widget.findChildren(QTabWidget):
        for index in range(tabs.count()):
            yield f"{tabs.objectName()}[{index}]", tabs.tabText(index)


def test_no_screen_keeps_english_that_the_catalogue_translates(
    qtbot: QtBot, chinese: list[QTranslator], demo_shop: Database, sync_tasks: object
) -> None:
    """A string whose context at run time differs from the one lupdate recorded stays English: this
    finds it on every screen."""
    translated = _translations()
    window = show_window(qtbot, demo_shop)
    left: list[str] = []
    for key in SCREENS:
        window.show_screen(key)
        left += [f"{key}: {name} {text!r}" for name, text in _texts(window.screen_for(key)) if text in translated]
    assert left == []


# -- English stays the default -------------------------------------------------------------------


def test_order_statuses_are_english_by_default(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(qapp, QApplication)
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    installed = install_translators(qapp, ui_locale(QLocale("C")))
    try:
        assert status_label("on_hold") == "on hold"
    finally:
        _remove(qapp, installed)


def test_english_is_the_default_on_a_c_or_english_system(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, shop: Database
) -> None:
    assert isinstance(qapp, QApplication)
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    for system in ("C", "en_US"):
        installed = install_translators(qapp, ui_locale(QLocale(system)))
        try:
            assert QCoreApplication.translate("MainWindow", "Dashboard") == "Dashboard"
            window = show_window(qtbot, shop)
            assert navigation_titles(window) == ENGLISH_TITLES
        finally:
            _remove(qapp, installed)


def test_orderapp_language_en_keeps_a_chinese_system_in_english(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert isinstance(qapp, QApplication)
    monkeypatch.setenv(LANGUAGE_ENV, "en")
    installed = install_translators(qapp, ui_locale(QLocale("zh_CN")))
    try:
        assert QCoreApplication.translate("MainWindow", "Settings") == "Settings"
    finally:
        _remove(qapp, installed)


# -- the catalogue itself ------------------------------------------------------------------------

_PERCENT = re.compile(r"%(?:\d+|[nvmp])")
_ACCELERATOR = re.compile(r"&([^&\s])")


def _fields(text: str) -> list[str]:
    """The str.format fields ({name}, {count:,}) and Qt place markers (%1, %n, %v) of a message."""
    fields = [f"{{{name}{':' + spec if spec else ''}}}" for _, name, spec, _ in string.Formatter().parse(text) if name]
    return sorted(fields + _PERCENT.findall(text))


def _messages() -> list[tuple[str, str, list[str]]]:
    """(context, source, translations) for every translated message of the catalogue."""
    found = []
    for context in ET.parse(CATALOGUE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
            found.append((name, message.findtext("source") or "", forms))
    return found


def test_the_catalogue_translates_the_whole_window() -> None:
    messages = _messages()
    assert len(messages) > 900
    assert all(forms != [""] for _, _, forms in messages)


def test_every_translation_keeps_the_placeholders_of_its_source() -> None:
    wrong = [
        f"{context}: {source!r} -> {form!r}"
        for context, source, forms in _messages()
        for form in forms
        if _fields(form) != _fields(source)
    ]
    assert wrong == []


def test_the_placeholder_check_catches_a_renamed_or_dropped_field() -> None:
    assert _fields("{n} orders shown") != _fields("已显示 {count} 个订单")
    assert _fields("Writing %v of %m") != _fields("正在写入 %v")
    assert _fields("{rows:,} rows") != _fields("{rows} 行")
    assert _fields("在库 {on_hand} · 预留 {reserved}") == _fields("On hand {on_hand} · reserved {reserved}")


def test_every_shortcut_letter_is_kept_in_the_chinese_style() -> None:
    """&Orders becomes 订单(&O): the same letter, so Alt+O works in both languages."""
    wrong = []
    for context, source, forms in _messages():
        letters = [letter.lower() for letter in _ACCELERATOR.findall(source)]
        for form in forms:
            if [letter.lower() for letter in _ACCELERATOR.findall(form)] != letters:
                wrong.append(f"{context}: {source!r} -> {form!r}")
    assert wrong == []


def _style_hooks() -> set[tuple[str, str]]:
    """(form class, value) of the dynamic string properties in ui/*.ui (role="heading" and such): the
    style sheet matches them, so they must not be translated."""
    hooks: set[tuple[str, str]] = set()
    for form in bundled_dir("ui").glob("*.ui"):
        root = ET.parse(form).getroot()
        form_class = root.findtext("class") or ""
        for prop in root.iter("property"):
            value = prop.find("string")
            if prop.get("stdset") == "0" and value is not None and value.get("notr") != "true" and value.text:
                hooks.add((form_class, value.text))
    return hooks


def test_style_hooks_in_the_forms_are_left_as_they_are() -> None:
    hooks = _style_hooks()
    assert ("DashboardForm", "heading") in hooks
    changed = [
        (context, source, forms)
        for context, source, forms in _messages()
        if (context, source) in hooks and forms != [source]
    ]
    assert changed == []


def test_the_shipped_qm_gives_every_translation_of_the_ts() -> None:
    """Whoever edits the .ts runs resources/translations/refresh.py, or the app ships stale Chinese."""
    shipped = QTranslator()
    assert shipped.load(str(COMPILED))
    stale = []
    for context in ET.parse(CATALOGUE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") is not None or message.get("numerus"):
                continue
            source = message.findtext("source") or ""
            if shipped.translate(name, source) != (translation.text or ""):
                stale.append(f"{name}: {source!r}")
    assert stale == [], "run: python resources/translations/refresh.py --release"


# -- the core's gettext catalogue ----------------------------------------------------------------


def _core_catalogue() -> list[tuple[str | tuple[str, ...], str | tuple[str, ...]]]:
    from babel.messages.pofile import read_po

    with CORE_CATALOGUE.open("rb") as file:
        catalog = read_po(file)
    return [(message.id, message.string) for message in catalog if message.id and any(message.string)]


def _core_messages() -> list[tuple[str, str]]:
    """(English, Chinese) of every translated message; a counted one ("1 page", "2 pages") gives
    both English forms beside the one Chinese form."""
    pairs: list[tuple[str, str]] = []
    for source, chinese in _core_catalogue():
        if isinstance(source, tuple):
            assert isinstance(chinese, tuple)
            pairs += [(form, chinese[0]) for form in source]
        else:
            assert isinstance(chinese, str)
            pairs.append((source, chinese))
    return pairs


def test_the_core_catalogue_covers_statuses_validation_and_opening_errors() -> None:
    translated = dict(_core_messages())
    assert len(translated) >= 100
    assert translated["on hold"] == "已暂停"
    assert "Enter the shop's name; it is printed on every slip." in translated
    assert any(source.startswith("{path} is not an OrderApp database") for source in translated)


def test_every_core_translation_keeps_the_placeholders_of_its_source() -> None:
    wrong = [
        f"{source!r} -> {chinese!r}" for source, chinese in _core_messages() if _fields(chinese) != _fields(source)
    ]
    assert wrong == []


def test_the_shipped_mo_gives_every_translation_of_the_po() -> None:
    with CORE_CATALOGUE.with_suffix(".mo").open("rb") as file:
        shipped = gettext.GNUTranslations(file)
    stale = []
    for source, chinese in _core_catalogue():
        if isinstance(source, tuple):
            if [shipped.ngettext(source[0], source[1], count) for count in (1, 2)] != [chinese[0]] * 2:
                stale.append(source[0])
        elif shipped.gettext(source) != chinese:
            stale.append(source)
    assert stale == [], "run: python resources/translations/refresh.py --release"


def test_the_catalogue_holds_the_calls_lupdate_cannot_see_with_their_real_place() -> None:
    """Module-level ``_tr("...")`` helpers and ``translate(context_variable, "...")`` (refresh.py)."""
    places: dict[tuple[str, str], list[str]] = {}
    for context in ET.parse(CATALOGUE).getroot().iter("context"):
        for message in context.iter("message"):
            key = (context.findtext("name") or "", message.findtext("source") or "")
            places[key] = [location.get("filename", "") for location in message.iter("location")]
    assert places[("OrderList", "unpaid")] == ["../../orderapp/gui/order_list_model.py"]
    assert places[("run_app", "Making the demo shop…")] == ["../../orderapp/gui/app.py"]
    assert places[("open_shop", "OrderApp – restore failed")] == ["../../orderapp/gui/database_dialog.py"]
    assert places[("ProductImportDialog", "Reorder quantity")] == ["../../orderapp/gui/product_import_dialog.py"]
