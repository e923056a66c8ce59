"""The Backups group of Settings: when the last good backup was made, where backups go (a folder of
this PC's choosing, e.g. a second drive), how many automatic ones to keep, "Back up now" and
"Restore a backup…". Everything that touches files runs in a worker."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from orderapp.errors import OrderAppError
from orderapp.gui.backup_restore import confirm_restore, last_backup_text, request_restore
from orderapp.gui.tasks import run_task
from orderapp.store import backup_policy
from orderapp.store.backup_policy import BackupSettings
from orderapp.store.backups import Backup
from orderapp.store.database import Database

log = logging.getLogger(__name__)


class BackupSettingsGroup(QGroupBox):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_group")
        self.setTitle(self.tr("Backups"))
        self._database = database
        self._url = database.url.render_as_string(hide_password=False)
        self._settings = backup_policy.load_settings(self._url)

        self.last_backup = QLabel()
        self.last_backup.setObjectName("last_backup")
        self.last_backup.setWordWrap(True)
        explain = QLabel(
            self.tr(
                "A checked backup is made at the first start of each day and before every upgrade; "
                "the oldest automatic ones are deleted. Backups made with “Back up now” are kept until you delete them."
            )
        )
        explain.setWordWrap(True)
        self.folder = QLineEdit()
        self.folder.setObjectName("backup_folder")
        self.folder.setReadOnly(True)
        self.choose_folder = QPushButton(self.tr("Choose folder…"))
        self.choose_folder.setObjectName("choose_backup_folder")
        self.default_folder = QPushButton(self.tr("Use the default"))
        self.default_folder.setObjectName("default_backup_folder")
        self.keep = QSpinBox()
        self.keep.setObjectName("backups_kept")
        self.keep.setRange(1, backup_policy.MAX_KEEP)
        self.keep.setSuffix(self.tr(" backups"))
        self.back_up_now = QPushButton(self.tr("Back up no&w"))
        self.back_up_now.setObjectName("back_up_now")
        self.restore = QPushButton(self.tr("Restore a backup…"))
        self.restore.setObjectName("restore_backup")
        self.note = QLabel()
        self.note.setObjectName("backup_note")
        self.note.setWordWrap(True)
        self.note.hide()

        grid = QGridLayout(self)
        grid.addWidget(self.last_backup, 0, 0, 1, 3)
        grid.addWidget(explain, 1, 0, 1, 3)
        folder_label = QLabel(self.tr("Folder:"))
        folder_label.setBuddy(self.choose_folder)
        grid.addWidget(folder_label, 2, 0)
        grid.addWidget(self.folder, 2, 1)
        folder_buttons = QHBoxLayout()
        folder_buttons.addWidget(self.choose_folder)
        folder_buttons.addWidget(self.default_folder)
        grid.addLayout(folder_buttons, 2, 2)
        keep_label = QLabel(self.tr("&Keep the last:"))
        keep_label.setBuddy(self.keep)
        grid.addWidget(keep_label, 3, 0)
        grid.addWidget(self.keep, 3, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.back_up_now)
        actions.addWidget(self.restore)
        actions.addStretch(1)
        grid.addLayout(actions, 4, 0, 1, 3)
        grid.addWidget(self.note, 5, 0, 1, 3)
        grid.setColumnStretch(1, 1)

        self._show_settings()
        self.choose_folder.clicked.connect(self._choose_folder)
        self.default_folder.clicked.connect(lambda: self._save(BackupSettings(None, self._settings.keep)))
        self.keep.editingFinished.connect(self._keep_changed)
        self.back_up_now.clicked.connect(self._back_up_now)
        self.restore.clicked.connect(self._restore)
        if database.path is None:
            from orderapp.store.backups_pg import missing_tool_sentence, tool

            if tool("pg_dump") is None:
                self.back_up_now.setEnabled(False)
                self._say(missing_tool_sentence("pg_dump"))
        self.refresh()

    def refresh(self) -> None:
        url = self._url
        run_task(lambda: last_backup_text(url), self.last_backup.setText, self._failed, context=self)

    def _show_settings(self) -> None:
        self.folder.setText(str(backup_policy.backup_folder(self._url, self._settings)))
        self.folder.setCursorPosition(0)
        self.default_folder.setEnabled(self._settings.folder is not None)
        self.keep.setValue(self._settings.keep)

    def _save(self, settings: BackupSettings) -> None:
        problems = backup_policy.validate_settings(settings)
        if problems:
            self._say(problems[0])
            self._show_settings()
            return
        try:
            backup_policy.save_settings(self._url, settings)
        except OSError as exc:
            self._say(self.tr("The backup settings could not be saved: {reason}").format(reason=exc.strerror or exc))
            return
        self._settings = settings
        self._show_settings()
        self._say(self.tr("Saved. Backups go to {folder}.").format(folder=self.folder.text()))
        self.refresh()

    def _keep_changed(self) -> None:
        if self.keep.value() != self._settings.keep:
            self._save(BackupSettings(self._settings.folder, self.keep.value()))

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder for backups"), self.folder.text())
        if name:
            self._save(BackupSettings(Path(name), self._settings.keep))

    def _back_up_now(self) -> None:
        self.back_up_now.setEnabled(False)
        self._say(self.tr("Backing up…"))
        url = self._url
        run_task(lambda: backup_policy.back_up_now(url), self._backed_up, self._failed, context=self)

    def _backed_up(self, backup: object) -> None:
        self.back_up_now.setEnabled(True)
        if isinstance(backup, Backup):
            self._say(self.tr("Backed up and checked: {file}").format(file=backup.path))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.back_up_now.setEnabled(True)
        if not isinstance(exc, OrderAppError | OSError):
            log.error("backup work failed", exc_info=exc)
        self._say(str(exc))

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _restore(self) -> None:
        from orderapp.gui.database_dialog import BackupChooser

        path = self._database.path
        found = backup_policy.list_shop_backups(self._url)
        chooser = BackupChooser(path or Path(self._database.location), found, self)
        if chooser.exec() != QDialog.DialogCode.Accepted or (chosen := chooser.chosen()) is None:
            return
        if confirm_restore(self, chosen, self._database.location) is not None:
            request_restore(chosen, self._url)
