"""English plurals come from Qt's %n with the English catalogue ("1 order", "2 orders"); Chinese has
one form; a language without a catalogue still gets the English plurals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from orderapp import i18n
from orderapp.gui.app import LANGUAGE_ENV, install_translators

CASES = [
    ("OrdersScreen", "%n orders.", {1: "1 order.", 2: "2 orders."}, {1: "1 个订单。", 2: "2 个订单。"}),
    ("InventoryScreen", "%n products", {1: "1 product", 30: "30 products"}, {1: "1 个商品", 30: "30 个商品"}),
    ("ReorderList", "%n products to reorder.", {1: "1 product to reorder.", 3: "3 products to reorder."}, {}),
    ("ReceiveDialog", "%n units", {1: "1 unit", 24: "24 units"}, {24: "24 件"}),
]


@pytest.mark.parametrize("language", ["en_US", "de_DE", "zh_CN"])
def test_counts_read_right_in_each_language(qapp: QApplication, monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, language)
    installed = install_translators(qapp)
    try:
        for context, source, english, chinese in CASES:
            expected = chinese if language == "zh_CN" else english
            for n, text in expected.items():
                assert QCoreApplication.translate(context, source, "", n) == text, (context, source, n)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.install(None)


def test_country_names_are_in_the_windows_language() -> None:
    from PySide6.QtCore import QLocale

    from orderapp.gui.countries import country_choice, country_name

    assert country_name("US", QLocale("zh_CN")) == "美国" and country_name("cn", QLocale("en_US")) == "China"
    assert country_choice("DE", QLocale("zh_CN")) == "DE  德国"
    assert country_name("XX", QLocale("en_US")) == ""  # unknown: the code alone is shown
