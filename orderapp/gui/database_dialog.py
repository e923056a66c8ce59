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
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from orderapp.errors import DatabaseProblem, ServerUnreachable
from orderapp.store.backups import Backup, list_backups, restore_backup
from orderapp.store.database import Database, describe, normalise_url
from orderapp.store.opening import open_database

log = logging.getLogger(__name__)


class Choice(enum.Enum):
    OTHER_FILE = "other_file"
    RESTORE = "restore"
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
            text = self.tr("{taken}   {size}   {file}").format(
                taken=describe_time(backup.taken_at), size=describe_size(backup.size), file=backup.path.name
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(str(backup.path))
            self.backup_list.addItem(item)
        self.backup_list.setCurrentRow(0)
        self.backup_list.itemDoubleClicked.connect(self.accept)

        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.backup_list, 1)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def chosen(self) -> Path | None:
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
        self._backups = list_backups(self._db_path) if self._db_path is not None else []

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = QLabel(str(problem))
        self.message.setObjectName("problem_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location = QLabel(self.tr("Where: {location}").format(location=problem.location))
        self.location.setObjectName("problem_location")
        self.location.setWordWrap(True)
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

        self.choose_file = QPushButton(self.tr("&Choose another file…"))
        self.choose_file.setObjectName("choose_file")
        self.choose_file.clicked.connect(self._choose_file)
        self.restore = QPushButton(self.tr("&Restore a backup…"))
        self.restore.setObjectName("restore_backup")
        self.restore.clicked.connect(self._restore)
        self.restore.setVisible(bool(self._backups))
        self.try_again = QPushButton(self.tr("&Try again"))
        self.try_again.setObjectName("try_again")
        self.try_again.clicked.connect(lambda: self._decide(Decision(Choice.RETRY)))
        self.try_again.setVisible(isinstance(problem, ServerUnreachable))
        self.quit = QPushButton(self.tr("&Quit"))
        self.quit.setObjectName("quit")
        self.quit.clicked.connect(lambda: self._decide(Decision(Choice.QUIT)))

        text = QVBoxLayout()
        text.addWidget(self.message)
        text.addWidget(self.location)
        text.addWidget(self.backup_hint)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        buttons = QHBoxLayout()
        for button in (self.try_again, self.restore, self.choose_file):
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
        buttons = (self.try_again, self.restore, self.choose_file, self.quit)
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


def open_shop(url: str, ask: AskUser = ask_with_dialog) -> tuple[Database | None, str]:
    """Open the shop at ``url``, asking the user what to do about each problem.

    Returns the database (None when the user quits) and a note for the status bar (e.g. where a
    replaced file was kept), empty when there is nothing to say.
    """
    note = ""
    while True:
        try:
            return open_database(url), note
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
        if decision.choice is Choice.OTHER_FILE and decision.path is not None:
            url = str(decision.path)
        elif decision.choice is Choice.RESTORE and decision.path is not None:
            target = sqlite_file_of(unopened)
            if target is None:
                continue
            try:
                kept = restore_backup(decision.path, target)
            except OSError as exc:
                log.exception("restoring %s over %s failed", decision.path, target)
                QMessageBox.warning(
                    None,
                    _tr("OrderApp – restore failed"),
                    _tr("The backup could not be put in place: {reason}").format(reason=exc.strerror or exc),
                )
                continue
            log.info("restored %s over %s; the replaced file was kept as %s", decision.path, target, kept)
            if kept is not None:
                note = _tr("Restored the backup from {taken}; the replaced file was kept as {kept}.").format(
                    taken=describe_time(datetime.fromtimestamp(decision.path.stat().st_mtime).astimezone()),
                    kept=kept,
                )
            url = str(target)
