"""The Backups group of Settings: when the last good backup was made, where backups go (a folder of
this PC's choosing, e.g. a second drive), how many automatic ones to keep, "Back up now" and
"Restore a backup…". Everything that touches files runs in a worker."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QWidget,
)

from orderapp.errors import OrderAppError
from orderapp.gui.backup_restore import confirm_restore, last_backup_text, request_restore
from orderapp.gui.form_parts import buddy_label, choose_folder, note, number_field, push_button, text_field
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

        self.last_backup = note("last_backup")
        explain = note(
            text=self.tr(
                "A checked backup is made at the first start of each day and before every upgrade; "
                "the oldest automatic ones are deleted. Backups made with “Back up now” are kept until you delete them."
            )
        )
        self.folder = text_field("backup_folder", read_only=True)
        self.choose_folder = push_button(self.tr("Choose folder…"), "choose_backup_folder")
        self.default_folder = push_button(self.tr("Use the default"), "default_backup_folder")
        self.keep = number_field("backups_kept", 1, backup_policy.MAX_KEEP, suffix=self.tr(" backups"))
        self.back_up_now = push_button(self.tr("Back up no&w"), "back_up_now")
        self.restore = push_button(self.tr("Restore a backup…"), "restore_backup")
        self.note = note("backup_note", hidden=True)

        grid = QGridLayout(self)
        grid.addWidget(self.last_backup, 0, 0, 1, 3)
        grid.addWidget(explain, 1, 0, 1, 3)
        grid.addWidget(buddy_label(self.tr("Folder:"), self.choose_folder), 2, 0)
        grid.addWidget(self.folder, 2, 1)
        folder_buttons = QHBoxLayout()
        folder_buttons.addWidget(self.choose_folder)
        folder_buttons.addWidget(self.default_folder)
        grid.addLayout(folder_buttons, 2, 2)
        grid.addWidget(buddy_label(self.tr("&Keep the last:"), self.keep), 3, 0)
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
        name = choose_folder(self, self.tr("Choose the folder for backups"), self.folder.text())
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
