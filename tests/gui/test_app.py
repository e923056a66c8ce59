"""Starting the app: the demo shop is made on first use, and the start-up report is written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from orderapp import i18n
from orderapp.demo import shop_is_empty
from orderapp.gui.app import ensure_cjk_font, fill_demo_shop, install_translators
from orderapp.services.settings.shop import load_settings
from orderapp.store.opening import open_database


def test_the_demo_shop_is_made_behind_a_progress_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    database = open_database(str(tmp_path / "demo.sqlite"))
    try:
        assert shop_is_empty(database)
        fill_demo_shop(database)
        assert not shop_is_empty(database)
        assert load_settings(database).name == "示例小店 Demo Corner Shop"
    finally:
        database.dispose()
    leftover = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
    assert leftover == []


def test_without_a_catalogue_for_the_language_the_app_stays_in_english(qapp: QApplication) -> None:
    assert isinstance(qapp, QApplication)
    installed = install_translators(qapp, QLocale("de_DE"))  # Qt has German; the app has none yet
    try:
        assert QCoreApplication.translate("MainWindow", "Dashboard") == "Dashboard"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.install(None)


def test_the_app_starts_on_the_demo_shop_and_reports_when_ready(qtbot: QtBot, tmp_path: Path) -> None:
    """The whole start, as the start-up benchmark sees it: a process of its own."""
    report = tmp_path / "ready.json"
    shop = tmp_path / "demo.sqlite"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ORDERAPP_STARTUP_REPORT=str(report))
    process = subprocess.Popen(
        [sys.executable, "-m", "orderapp", "--database", str(shop), "--demo"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        qtbot.waitUntil(lambda: report.exists() or process.poll() is not None, timeout=60_000)
        assert process.poll() is None, process.communicate()[0].decode(errors="replace")
        ready = json.loads(report.read_text(encoding="utf-8"))
        assert ready["pid"] == process.pid
    finally:
        process.terminate()
        process.communicate(timeout=30)
    database = open_database(str(shop))
    try:
        assert not shop_is_empty(database)
    finally:
        database.dispose()


def test_chinese_has_a_font_to_show_in_even_on_a_bare_pc(qapp: QApplication) -> None:
    ensure_cjk_font()  # adds the font shipped for printing when the system has none
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert families
    assert QFontMetrics(QFont(families[0])).inFontUcs4(ord("茶"))
