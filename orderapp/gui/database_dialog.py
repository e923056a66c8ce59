"""When the shop's database cannot be opened: say what is wrong and where, and offer the way out.

``open_shop(url)`` loops until a database opens (returned) or the user quits (None). It never shows
a traceback: every expected problem is a ``DatabaseProblem`` with a sentence for the shopkeeper.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from orderapp import paths
from orderapp.errors import DatabaseProblem, OrderAppError, ServerUnreachable
from orderapp.gui.backup_restore import (
    confirm_restore,
    describe_backup,
    restore_now,
    restored_note,
    take_pending_restore,
    wait_for,
)
from orderapp.gui.form_parts import note, push_button
from orderapp.store.backup_policy import list_shop_backups
from orderapp.store.backups import Backup
from orderapp.store.database import Database, describe, normalise_url, sqlite_path
from orderapp.store.opening import NoShopHere, open_database

log = logging.getLogger(__name__)


class Choice(enum.Enum):
    OTHER_FILE = "other_file"
    RESTORE = "restore"
    NEW_SHOP = "new_shop"
    RETRY = "retry"
    QUIT = "quit"


@dataclass(frozen=True)
class Decision:
    choice: Choice
    path: Path | None = None  # the other file, or the backup to restore


def sqlite_file_of(problem: DatabaseProblem) -> Path | None:
    """The SQLite file the problem is about; None for a server (or a folder)."""
    location = problem.location
    if isinstance(problem, ServerUnreachable) or "://" in location:
        return None
    path = Path(location)
    return None if path.is_dir() else path


def describe_size(size: int) -> str:
    return QLocale().formattedDataSize(size, 1)


def describe_time(moment: datetime) -> str:
    local = moment.astimezone()  # the PC's own zone: when the backup was made, as the user saw it
    return local.strftime("%Y-%m-%d %H:%M")


class BackupChooser(QDialog):
    """The backups of one shop file, newest first; the chosen one replaces the file."""

    def __init__(self, db_path: Path, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_chooser")
        self.setWindowTitle(self.tr("Restore a backup"))
        intro = QLabel(
            self.tr(
                "Choose the backup to put in place of {name}. The file there now is not deleted: "
                "it is kept beside it, renamed to {name}.replaced-<date>."
            ).format(name=db_path.name)
        )
        intro.setWordWrap(True)
        self.backup_list = QListWidget()
        self.backup_list.setObjectName("backup_list")
        for backup in backups:
            item = QListWidgetItem(describe_backup(backup))
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(str(backup.path))
            self.backup_list.addItem(item)
        self.backup_list.setCurrentRow(0)
        self.backup_list.itemDoubleClicked.connect(self.accept)

        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore")
        self.other_file = buttons.addButton(self.tr("Choose a &file…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.other_file.setObjectName("choose_backup_file")
        self.other_file.clicked.connect(self._choose_file)
        self._file: Path | None = None
        self._folder = backups[0].path.parent if backups else db_path.parent
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        self.restore_button.setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.backup_list, 1)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the backup to restore"),
            str(self._folder),
            self.tr("OrderApp backups (*.sqlite *.db *.dump);;All files (*)"),
        )
        if name:
            self._file = Path(name)
            self.accept()

    def chosen(self) -> Path | None:
        if self._file is not None:
            return self._file
        item = self.backup_list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class DatabaseProblemDialog(QDialog):
    """What is wrong, where, and the choices that make sense for it."""

    def __init__(self, problem: DatabaseProblem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("database_problem_dialog")
        self.setWindowTitle(self.tr("OrderApp – the shop cannot be opened"))
        self.problem = problem
        self.decision = Decision(Choice.QUIT)
        self._db_path = sqlite_file_of(problem)
        self._backups = _backups_of(self._db_path) if self._db_path is not None else []

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = note("problem_message", str(problem))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location = note("problem_location", self.tr("Where: {location}").format(location=problem.location))
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if len(self._backups) == 1:
            hint = self.tr("There is a backup of this file from {taken}.").format(
                taken=describe_time(self._backups[0].taken_at)
            )
        elif self._backups:
            hint = self.tr("There are {count} backups of this file, the newest from {taken}.").format(
                count=len(self._backups), taken=describe_time(self._backups[0].taken_at)
            )
        else:
            hint = ""
        self.backup_hint = QLabel(hint)
        self.backup_hint.setObjectName("backup_hint")
        self.backup_hint.setVisible(bool(hint))

        self.choose_file = push_button(self.tr("&Choose another file…"), "choose_file")
        self.choose_file.clicked.connect(self._choose_file)
        self.restore = push_button(self.tr("&Restore a backup…"), "restore_backup")
        self.restore.clicked.connect(self._restore)
        self.restore.setVisible(bool(self._backups))
        self.new_shop = push_button(self.tr("&New shop here"), "new_shop")
        self.new_shop.setToolTip(self.tr("Make a new, empty shop at this place"))
        self.new_shop.clicked.connect(lambda: self._decide(Decision(Choice.NEW_SHOP)))
        self.new_shop.setVisible(isinstance(problem, NoShopHere) and self._db_path is not None)
        self.try_again = push_button(self.tr("&Try again"), "try_again")
        self.try_again.clicked.connect(lambda: self._decide(Decision(Choice.RETRY)))
        self.try_again.setVisible(isinstance(problem, ServerUnreachable))
        self.quit = push_button(self.tr("&Quit"), "quit")
        self.quit.clicked.connect(lambda: self._decide(Decision(Choice.QUIT)))

        text = QVBoxLayout()
        text.addWidget(self.message)
        text.addWidget(self.location)
        text.addWidget(self.backup_hint)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        buttons = QHBoxLayout()
        for button in (self.try_again, self.restore, self.new_shop, self.choose_file):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit)
        (self.try_again if isinstance(problem, ServerUnreachable) else self.choose_file).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)

    def offered(self) -> list[str]:
        """The objectNames of the choices on offer, for tests and accessibility checks."""
        buttons = (self.try_again, self.restore, self.new_shop, self.choose_file, self.quit)
        return [b.objectName() for b in buttons if not b.isHidden()]

    def ask(self) -> Decision:
        self.exec()
        return self.decision

    def reject(self) -> None:  # Esc or the window's close button: the same as Quit
        self.decision = Decision(Choice.QUIT)
        super().reject()

    def _decide(self, decision: Decision) -> None:
        self.decision = decision
        self.accept()

    def _choose_file(self) -> None:
        start = str(self._db_path.parent) if self._db_path is not None else ""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the shop's database file"),
            start,
            self.tr("OrderApp shops (*.sqlite *.db);;All files (*)"),
        )
        if name:
            self._decide(Decision(Choice.OTHER_FILE, Path(name)))

    def _restore(self) -> None:
        assert self._db_path is not None
        chooser = BackupChooser(self._db_path, self._backups, self)
        if chooser.exec() == QDialog.DialogCode.Accepted and (chosen := chooser.chosen()) is not None:
            self._decide(Decision(Choice.RESTORE, chosen))


AskUser = Callable[[DatabaseProblem], Decision]


def ask_with_dialog(problem: DatabaseProblem) -> Decision:
    return DatabaseProblemDialog(problem).ask()


def _tr(text: str) -> str:
    return QCoreApplication.translate("open_shop", text)


def _where(url: str) -> str:
    """The location for people, without a password."""
    try:
        return describe(normalise_url(url))
    except Exception:
        return url if "://" not in url else url.split("://", 1)[0] + "://…"


def _backups_of(path: Path) -> list[Backup]:
    try:
        return list_shop_backups(path)
    except OSError:
        return []


def may_create(url: str) -> bool:
    """A new shop is made without asking only at first start (the everyday or the demo shop file)
    and in an empty server database; any other missing file is asked about first."""
    try:
        path = sqlite_path(normalise_url(url))
    except OrderAppError:
        return False
    if path is None:
        return True
    return path in (paths.default_database_path().resolve(), paths.demo_database_path().resolve())


def open_shop(url: str, ask: AskUser = ask_with_dialog, *, new_shop: bool = False) -> tuple[Database | None, str]:
    """Open the shop at ``url``, asking the user what to do about each problem.

    Returns the database (None when the user quits) and a note for the status bar (e.g. where a
    replaced file was kept), empty when there is nothing to say. Opening (which may upgrade the
    shop after a backup) runs in a worker; the whole file's check goes on in the background.
    ``new_shop``: a missing file becomes a new shop without asking (``--demo``).
    """
    note = ""
    pending = take_pending_restore()
    if pending is not None:
        backup, url = pending
        note = _restore(backup, url) or note
    create = new_shop or may_create(url)
    while True:
        try:
            opened = wait_for(partial(open_database, url, create=create, check="background"), _tr("Opening the shop…"))
            return opened, note
        except DatabaseProblem as problem:
            log.warning("cannot open %s: %s", problem.location, problem)
            unopened = problem
        except Exception as exc:  # a bug or a surprise: still a dialog with a way out, never a traceback
            log.exception("unexpected failure opening the shop database")
            unopened = DatabaseProblem(
                _tr("The shop's database could not be opened ({reason}). The details are in the log file.").format(
                    reason=f"{type(exc).__name__}: {exc}"
                ),
                _where(url),
            )
        decision = ask(unopened)
        if decision.choice is Choice.QUIT:
            return None, note
        if decision.choice is Choice.NEW_SHOP:
            create = True
        elif decision.choice is Choice.OTHER_FILE and decision.path is not None:
            url = str(decision.path)
            create = False
        elif decision.choice is Choice.RESTORE and decision.path is not None:
            target_file = sqlite_file_of(unopened)
            if target_file is None or confirm_restore(None, decision.path, str(target_file)) is None:
                continue
            note = _restore(decision.path, str(target_file)) or note
            url = str(target_file)


def _restore(backup: Path, url: str) -> str:
    try:
        restored = wait_for(lambda: restore_now(backup, url), _tr("Restoring the backup…"))
    except OrderAppError as exc:
        log.warning("restoring %s over %s failed: %s", backup, url, exc)
        QMessageBox.warning(None, _tr("OrderApp – restore failed"), str(exc))
        return ""
    return restored_note(backup, restored)
