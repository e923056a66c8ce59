"""Fixtures for the GUI tests: Qt offscreen, a shop on disk, a demo shop, the main window.

Qt must learn its platform before it is first imported, hence the environment line at the top.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import logging
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import SHOP_NAME, show_window
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from orderapp.app_logging import log_file
from orderapp.demo import DemoSize, build_demo_shop
from orderapp.gui import crash, tasks
from orderapp.gui.main_window import MainWindow
from orderapp.services.settings.shop import ShopSettings, load_settings, save_settings
from orderapp.store.database import Database
from orderapp.store.opening import open_database, open_new_shop_database

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session", autouse=True)
def _qt_settings_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Window geometry and other QSettings go to a scratch folder, never the developer's own."""
    folder = tmp_path_factory.mktemp("qsettings")
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))


@pytest.fixture(autouse=True)
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "logs"
    monkeypatch.setenv("ORDERAPP_LOG_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _drain_tasks() -> Iterator[None]:
    """No worker of one test outlives it (nor touches a database that has been closed)."""
    yield
    tasks.current_runner().wait(10_000)


@pytest.fixture
def sync_tasks() -> Iterator[tasks.SynchronousRunner]:
    """Run background tasks at once, on the GUI thread, like picard's tests do."""
    runner = tasks.SynchronousRunner()
    previous = tasks.set_runner(runner)
    yield runner
    tasks.set_runner(previous)


def _open(path: Path) -> Database:
    return open_database(str(path))


@pytest.fixture
def shop_path(tmp_path: Path) -> Path:
    return tmp_path / "shop" / "shop.sqlite"


@pytest.fixture
def shop(shop_path: Path, _migrated_templates: Any) -> Iterator[Database]:
    """A new, migrated SQLite shop called Lotus Tea House, in Shanghai (a copy of the migrated template)."""
    _migrated_templates.fill_sqlite(shop_path)
    database = _open(shop_path)
    save_settings(database, replace(ShopSettings(), name=SHOP_NAME))
    try:
        yield database
    finally:
        tasks.current_runner().wait(10_000)
        database.dispose()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo shop is built once per session; each test gets its own copy."""
    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    database = open_new_shop_database(str(path))
    try:
        build_demo_shop(database, DemoSize(products=120, customers=40, orders=300, days=20), now=datetime.now(UTC))
    finally:
        database.dispose()
    return path


@pytest.fixture
def demo_shop(_demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "demo" / "demo.sqlite"
    copy.parent.mkdir(parents=True)
    source = sqlite3.connect(f"file:{_demo_template}?mode=ro", uri=True)
    target = sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    database = _open(copy)
    try:
        yield database
    finally:
        tasks.current_runner().wait(10_000)
        database.dispose()


@pytest.fixture
def window(qtbot: QtBot, shop: Database) -> MainWindow:
    return show_window(qtbot, shop)


@pytest.fixture
def stored_settings(shop: Database) -> Callable[[], ShopSettings]:
    return lambda: load_settings(shop)


@pytest.fixture
def crash_handler(log_dir: Path) -> Iterator[crash.CrashHandler]:
    """The crash handler installed for one test, with the log going to this test's log file."""
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(log_file(), encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    installed = crash.CrashHandler().install()
    try:
        yield installed
    finally:
        installed.uninstall()
        if installed.dialog is not None:
            installed.dialog.close()
        root.removeHandler(handler)
        handler.close()
