"""A shop that cannot be opened: the dialog says what and where, and each way out works."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import SHOP_NAME, DialogDriver
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QListWidget, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from orderapp.errors import DatabaseProblem, NotADatabase, ServerUnreachable
from orderapp.gui import app as gui_app
from orderapp.gui import crash, database_dialog
from orderapp.gui.database_dialog import Choice, DatabaseProblemDialog, Decision, open_shop
from orderapp.services.settings.shop import load_settings
from orderapp.store.backup_policy import take_automatic_backup
from orderapp.store.database import Database
from orderapp.store.opening import open_database


@pytest.fixture
def not_a_database(tmp_path: Path) -> Path:
    path = tmp_path / "letter.sqlite"
    path.write_text("Dear supplier, please send 40 boxes of green tea.", encoding="utf-8")
    return path


@pytest.fixture
def _app_state_restored() -> Iterator[None]:
    """run_app installs the crash handler and the style sheet; put things back afterwards."""
    yield
    crash.uninstall_crash_handler()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet("")


def problem_with(path: Path) -> DatabaseProblem:
    with pytest.raises(DatabaseProblem) as caught:
        open_database(str(path))
    return caught.value


def click(widget: QWidget, name: str) -> None:
    button = widget.findChild(QPushButton, name)
    assert button is not None, f"no button {name!r} in {widget.objectName()}"
    assert button.isVisible(), f"button {name!r} is not offered"
    button.click()


def test_a_file_that_is_not_a_database_is_explained(qtbot: QtBot, not_a_database: Path) -> None:
    problem = problem_with(not_a_database)
    assert isinstance(problem, NotADatabase)
    dialog = DatabaseProblemDialog(problem)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "is not an OrderApp database" in dialog.message.text()
    assert str(not_a_database) in dialog.location.text()
    assert dialog.offered() == ["choose_file", "quit"]  # no backups of it, and not a server


def test_a_server_that_cannot_be_reached_offers_try_again(qtbot: QtBot) -> None:
    problem = ServerUnreachable("Cannot reach the database server db.example:5432.", "db.example:5432/shop")
    dialog = DatabaseProblemDialog(problem)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.offered() == ["try_again", "choose_file", "quit"]
    click(dialog, "try_again")
    assert dialog.decision == Decision(Choice.RETRY)


def test_quit_makes_run_app_return_1(qtbot: QtBot, not_a_database: Path, _app_state_restored: None) -> None:
    seen: list[str] = []

    def read_and_quit(dialog: QWidget) -> None:
        assert isinstance(dialog, DatabaseProblemDialog)
        seen.append(dialog.message.text())
        click(dialog, "quit")

    driver = DialogDriver(read_and_quit)
    assert gui_app.run_app(str(not_a_database), demo=False) == 1
    driver.check()
    assert "is not an OrderApp database" in seen[0]
    assert not_a_database.read_text(encoding="utf-8").startswith("Dear supplier")  # left untouched


def test_choosing_another_file_opens_it(
    qtbot: QtBot, not_a_database: Path, shop: Database, shop_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(shop_path), ""))
    driver = DialogDriver(lambda dialog: click(dialog, "choose_file"))
    database, note = open_shop(str(not_a_database))
    driver.check()
    assert database is not None and database.path == shop_path
    database.dispose()
    assert note == ""


def test_restoring_a_backup_opens_the_shop_and_keeps_the_damaged_file(
    qtbot: QtBot, shop: Database, shop_path: Path
) -> None:
    take_automatic_backup(shop_path, "daily")
    shop.dispose()
    damaged = bytearray(shop_path.read_bytes())
    damaged[16:4096] = b"\xde\xad\xbe\xef" * ((4096 - 16) // 4)
    shop_path.write_bytes(bytes(damaged))

    def ask_for_restore(dialog: QWidget) -> None:
        assert isinstance(dialog, DatabaseProblemDialog)
        assert "is damaged" in dialog.message.text()
        assert dialog.offered() == ["restore_backup", "choose_file", "quit"]
        click(dialog, "restore_backup")

    def pick_newest(chooser: QWidget) -> None:
        backups = chooser.findChild(QListWidget, "backup_list")
        assert backups is not None and backups.count() == 1
        assert backups.currentRow() == 0  # the newest is chosen already
        assert SHOP_NAME in backups.item(0).text()
        click(chooser, "restore")

    def see_what_it_holds(preview: QWidget) -> None:
        assert isinstance(preview, QMessageBox)
        assert SHOP_NAME in preview.text() and "0 orders" in preview.text()
        assert str(shop_path) in preview.text()
        assert "kept aside" in preview.informativeText()
        click(preview, "restore")

    driver = DialogDriver(ask_for_restore, pick_newest, see_what_it_holds)
    database, note = open_shop(str(shop_path))
    driver.check()
    assert database is not None
    try:
        assert load_settings(database).name == SHOP_NAME
    finally:
        database.dispose()
    kept = list(shop_path.parent.glob("shop.sqlite.replaced-*"))
    assert [p.name for p in kept if not p.name.endswith(("-wal", "-shm"))] != []
    assert any(p.read_bytes() == bytes(damaged) for p in kept)
    assert "kept as" in note


def test_escape_is_the_same_as_quit(qtbot: QtBot, not_a_database: Path) -> None:
    dialog = DatabaseProblemDialog(problem_with(not_a_database))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.decision == Decision(Choice.QUIT)
    assert not dialog.isVisible()


def test_an_unexpected_failure_still_gets_the_dialog_not_a_traceback(
    qtbot: QtBot, shop_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(url: str, **_options: object) -> Database:
        raise RuntimeError("the disk controller hiccuped")

    monkeypatch.setattr(database_dialog, "open_database", broken)
    asked: list[DatabaseProblem] = []

    def quit_after_reading(problem: DatabaseProblem) -> Decision:
        asked.append(problem)
        return Decision(Choice.QUIT)

    assert open_shop(str(shop_path), ask=quit_after_reading) == (None, "")
    assert "the disk controller hiccuped" in str(asked[0])
    assert asked[0].location == str(shop_path)


def test_a_password_is_never_shown_as_the_location(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(url: str, **_options: object) -> Database:
        raise RuntimeError("surprise")

    monkeypatch.setattr(database_dialog, "open_database", broken)
    asked: list[DatabaseProblem] = []
    open_shop("postgresql://owner:s3cret@db.example/shop", ask=lambda p: asked.append(p) or Decision(Choice.QUIT))
    assert "s3cret" not in asked[0].location
    assert "db.example" in asked[0].location
