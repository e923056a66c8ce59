"""Settings, Several PCs: test a PostgreSQL server, move the shop there (every row), and a sentence for
a server that cannot be reached."""

from __future__ import annotations

import pytest
from gui_helpers import DialogDriver, show_window
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from orderapp.gui.settings_server import ServerGroup
from orderapp.store.database import Database, normalise_url
from orderapp.store.models import Order
from orderapp.store.opening import open_database

pytestmark = pytest.mark.postgres


def _group(qtbot: QtBot, database: Database) -> tuple[object, ServerGroup]:
    window = show_window(qtbot, database)
    window.show_screen("settings")
    group = window.settings_screen().server_group
    return window, group


def _fill(group: ServerGroup, url: str, *, password: str | None = None) -> None:
    parsed = normalise_url(url)
    group.host.setText(parsed.host or "")
    group.port.setValue(parsed.port or 5432)
    group.database_name.setText(parsed.database or "")
    group.user.setText(parsed.username or "")
    group.password.setText(password if password is not None else parsed.password or "")


def test_test_the_server_then_move_the_shop(qtbot: QtBot, demo_shop: Database, postgres_url: str) -> None:
    with demo_shop.session() as session:
        orders_in_file = session.scalar(select(func.count()).select_from(Order))
    window, group = _group(qtbot, demo_shop)
    _fill(group, postgres_url)
    with qtbot.waitSignal(group.tested, timeout=10_000) as tested:
        group.test_button.click()
    assert tested.args[0].startswith("Reached PostgreSQL 1")

    def ok(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and "OrderApp closes now" in box.text()
        box.accept()

    driver = DialogDriver(ok)
    with qtbot.waitSignal(group.moved, timeout=60_000) as moved:
        group.ask_and_move(confirmed=True)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)  # type: ignore[attr-defined]
    driver.check()
    assert {t.table: t.rows for t in moved.args[0].tables}["orders"] == orders_in_file
    server = open_database(postgres_url)
    try:
        with server.session() as session:
            assert session.scalar(select(func.count()).select_from(Order)) == orders_in_file
    finally:
        server.dispose()


def test_a_wrong_password_gets_a_sentence_and_moves_nothing(qtbot: QtBot, shop: Database, postgres_url: str) -> None:
    _window, group = _group(qtbot, shop)
    _fill(group, postgres_url, password="wrong")
    with qtbot.waitSignal(group.tested, timeout=10_000) as tested:
        group.test_button.click()
    assert tested.args[0].startswith("Cannot reach the database server")
    assert "wrong" not in tested.args[0]
    with qtbot.waitSignal(group.move_failed, timeout=10_000) as failed:
        group.ask_and_move(confirmed=True)
    assert "Check that the server is running" in failed.args[0]
    assert shop.path is not None and shop.path.exists()
    assert group.move_button.isEnabled()


def test_a_shop_already_on_the_server_says_so(qtbot: QtBot, postgres_url: str) -> None:
    database = open_database(postgres_url)
    try:
        _window, group = _group(qtbot, database)
        assert not hasattr(group, "move_button")
        assert "This shop is on the server" in group.findChildren(QWidget)[0].text()  # type: ignore[attr-defined]
    finally:
        database.dispose()
