"""Backups in the window: Settings says when the last good one was made and makes one on demand,
a restore shows what the backup holds before replacing anything, and a shop found damaged after
it opened offers the latest good backup and saves nothing more."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from gui_helpers import SHOP_NAME, DialogDriver, show_window
from PySide6.QtWidgets import QFileDialog, QLabel, QListWidget, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from shop_damage import zero_a_page_of
from sqlalchemy import func, select

from orderapp.demo import DemoSize, build_demo_shop
from orderapp.errors import DamagedDatabase
from orderapp.gui import backup_restore
from orderapp.gui.database_dialog import Choice, DatabaseProblemDialog, Decision, open_shop
from orderapp.gui.settings_backup import BackupSettingsGroup
from orderapp.services.settings.shop import load_settings, save_settings
from orderapp.store import backup_policy
from orderapp.store.database import Database
from orderapp.store.models import Order
from orderapp.store.opening import open_new_shop_database


@pytest.fixture(autouse=True)
def app_endings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """run_app's event loop is not running in these tests: record how the app asked it to end."""
    ended: list[int] = []
    monkeypatch.setattr(backup_restore, "end_event_loop", ended.append)
    return ended


def click(widget: QWidget, name: str) -> None:
    button = widget.findChild(QPushButton, name)
    assert button is not None and button.isVisible(), f"no button {name!r} offered in {widget.objectName()}"
    button.click()


def backup_group(qtbot: QtBot, shop: Database) -> BackupSettingsGroup:
    group = BackupSettingsGroup(shop)
    qtbot.addWidget(group)
    group.show()
    return group


def test_settings_say_when_the_last_good_backup_was_made_and_back_up_now(
    qtbot: QtBot, shop: Database, shop_path: Path, sync_tasks: object
) -> None:
    group = backup_group(qtbot, shop)
    assert group.last_backup.text() == "No good backup of this shop yet."
    assert group.folder.text() == str(shop_path.parent / "backups")
    click(group, "back_up_now")
    assert group.note.text().startswith("Backed up and checked: ")
    assert group.last_backup.text().startswith("Last good backup: ")
    made = backup_policy.list_shop_backups(shop_path)
    assert len(made) == 1 and made[0].verified and made[0].label == "manual"
    assert made[0].summary is not None and made[0].summary.shop_name == SHOP_NAME


def test_the_backup_folder_and_how_many_are_kept_are_this_pcs_choice(
    qtbot: QtBot, shop: Database, shop_path: Path, tmp_path: Path, sync_tasks: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "E盘 #backups"
    chosen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(chosen))
    group = backup_group(qtbot, shop)
    click(group, "choose_backup_folder")
    assert group.folder.text() == str(chosen) and "Saved" in group.note.text()
    group.keep.setValue(3)
    group.keep.editingFinished.emit()
    assert backup_policy.load_settings(shop_path) == backup_policy.BackupSettings(chosen, 3)
    click(group, "back_up_now")
    assert [b.path.parent for b in backup_policy.list_shop_backups(shop_path)] == [chosen]
    click(group, "default_backup_folder")
    assert backup_policy.load_settings(shop_path).folder is None
    assert group.folder.text() == str(shop_path.parent / "backups")


def test_the_dashboard_shows_the_last_good_backup(qtbot: QtBot, shop: Database, shop_path: Path) -> None:
    window = show_window(qtbot, shop)
    line = window.dashboard.findChild(QLabel, "last_backup_line")
    assert line is not None
    qtbot.waitUntil(lambda: line.text() == "No good backup of this shop yet.", timeout=10_000)
    backup_policy.back_up_now(shop_path)
    line.refresh()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: line.text().startswith("Last good backup: "), timeout=10_000)


def _demo(path: Path, orders: int) -> int:
    """A demo shop of about ``orders`` orders (its after-sales add an exchange order); how many it holds."""
    database = open_new_shop_database(path)
    try:
        build_demo_shop(database, DemoSize(products=30, customers=60, orders=orders, days=10))
        with database.session() as session:
            return session.scalar(select(func.count()).select_from(Order)) or 0
    finally:
        database.dispose()


def test_a_restore_from_settings_shows_what_the_backup_holds_then_replaces_the_shop(
    qtbot: QtBot, tmp_path: Path, sync_tasks: object, app_endings: list[int]
) -> None:
    path = tmp_path / "店 #1" / "shop.sqlite"
    held = _demo(path, orders=40)
    backup = backup_policy.back_up_now(path)
    database, _note = open_shop(str(path))
    assert database is not None
    settings = load_settings(database)
    save_settings(database, replace(settings, name="Renamed after the backup"))
    group = backup_group(qtbot, database)

    def pick(chooser: QWidget) -> None:
        found = chooser.findChild(QListWidget, "backup_list")
        assert found is not None and found.count() == 1
        assert f"{held} orders" in found.item(0).text()
        click(chooser, "restore")

    def preview(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "restore_preview"
        assert f"{held} orders" in box.text() and settings.name in box.text() and "last order" in box.text()
        assert "kept aside" in box.informativeText()
        click(box, "restore")

    driver = DialogDriver(pick, preview)
    click(group, "restore_backup")
    qtbot.waitUntil(lambda: not driver.steps, timeout=10_000)
    driver.check()
    assert app_endings == [backup_restore.RESTART_EXIT]
    database.dispose()  # run_app closes the shop once the window has closed
    reopened, note = open_shop(str(path))
    assert reopened is not None
    try:
        assert load_settings(reopened).name == settings.name
    finally:
        reopened.dispose()
    assert "kept as" in note and backup.path.name in note
    kept = [p for p in path.parent.glob("shop.sqlite.replaced-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1


def test_a_damaged_shop_found_after_opening_saves_nothing_and_offers_the_latest_backup(
    qtbot: QtBot, tmp_path: Path, sync_tasks: object, app_endings: list[int]
) -> None:
    path = tmp_path / "Shop #2" / "shop.sqlite"
    held = _demo(path, orders=400)
    good = backup_policy.take_automatic_backup(path, "daily")
    zero_a_page_of(path, "orders")

    database, _note = open_shop(str(path))  # the quick part at open does not read that page...
    assert database is not None and database.write_gate is not None
    renamed = replace(load_settings(database), name="Not saved")
    with pytest.raises(DamagedDatabase):  # ...the whole-file check does, and every write is refused
        save_settings(database, renamed)
    assert load_settings(database).name != "Not saved"
    window = show_window(qtbot, database)

    def offered(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "damaged_shop"
        assert "is damaged" in box.text()
        assert f"{held} orders" in box.informativeText()
        click(box, "restore_latest")

    driver = DialogDriver(offered)
    backup_restore.watch_shop(database, window, daily_backup=False)
    qtbot.waitUntil(lambda: not driver.steps, timeout=20_000)
    driver.check()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert app_endings == [backup_restore.RESTART_EXIT]
    database.dispose()
    reopened, note = open_shop(str(path))
    assert reopened is not None and good.path.name in note
    try:
        assert reopened.write_gate is not None
        reopened.write_gate.wait_before_writing(timeout=30)  # the restored shop passes its check
        save_settings(reopened, replace(load_settings(reopened), name="Saved again"))
        assert load_settings(reopened).name == "Saved again"
    finally:
        reopened.dispose()


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("postgresql://shop:s3cret@127.0.0.1:54x2/shop", "port that is not a number"),
        ("mysql://shop:s3cret@127.0.0.1/shop", "cannot keep a shop in a mysql database"),
        ("postgresql://shop:s3cret@127.0.0.1:1/shop", "Cannot reach the database server"),
    ],
)
def test_an_address_the_app_cannot_use_gets_a_sentence(address: str, message: str, sync_tasks: object) -> None:
    asked = []

    def quit_after_reading(problem: object) -> Decision:
        asked.append(problem)
        return Decision(Choice.QUIT)

    assert open_shop(address, ask=quit_after_reading) == (None, "")
    assert len(asked) == 1 and message in str(asked[0])
    assert "s3cret" not in str(asked[0]) and "s3cret" not in asked[0].location  # type: ignore[attr-defined]
    assert "Traceback" not in str(asked[0])


def test_a_read_only_shop_gets_a_sentence(tmp_path: Path, sync_tasks: object) -> None:
    path = tmp_path / "shop.sqlite"
    _demo(path, orders=5)
    path.chmod(0o444)
    asked = []
    assert open_shop(str(path), ask=lambda p: asked.append(p) or Decision(Choice.QUIT)) == (None, "")
    assert "is read-only" in str(asked[0])


def test_a_missing_shop_is_made_only_when_asked_for(qtbot: QtBot, tmp_path: Path, sync_tasks: object) -> None:
    path = tmp_path / "新店 #3" / "shop.sqlite"
    path.parent.mkdir()

    def offered(dialog: QWidget) -> None:
        assert isinstance(dialog, DatabaseProblemDialog)
        assert "There is no shop at" in dialog.message.text()
        assert dialog.offered() == ["new_shop", "choose_file", "quit"]
        click(dialog, "new_shop")

    driver = DialogDriver(offered)
    database, _note = open_shop(str(path))
    driver.check()
    assert database is not None and path.is_file()
    database.dispose()


def test_an_empty_file_is_never_made_into_a_shop(qtbot: QtBot, tmp_path: Path, sync_tasks: object) -> None:
    path = tmp_path / "shop.sqlite"
    path.touch()
    asked = []
    assert open_shop(str(path), ask=lambda p: asked.append(p) or Decision(Choice.QUIT)) == (None, "")
    assert "empty file (0 bytes)" in str(asked[0])
    assert path.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["shop.sqlite"]
