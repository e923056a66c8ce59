"""Settings > Packing video: recording on or off, the folder, days and total size to keep, and the
free space never to go below (issue 16). A group of its own, loaded and saved on its own."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QWidget,
)

from orderapp.errors import OrderAppError, ValidationFailed
from orderapp.gui.form_parts import choose_folder, note, number_field, push_button, text_field
from orderapp.gui.style import set_state
from orderapp.gui.tasks import run_task
from orderapp.services.packing.evidence import recording_folder_problem, stored_bytes
from orderapp.services.settings.evidence import (
    MAX_KEEP_DAYS,
    RecordingSettings,
    default_folder,
    load_recording_settings,
    save_recording_settings,
)
from orderapp.store.database import Database

log = logging.getLogger(__name__)
GB_IN_MB = 1000


@dataclass(frozen=True)
class _Loaded:
    settings: RecordingSettings
    used_bytes: int


class RecordingSettingsGroup(QGroupBox):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recording_group")
        self.setTitle(self.tr("Packing video"))
        self._database = database
        self.enabled = QCheckBox(self.tr("Record a video of every order while it is packed"))
        self.enabled.setObjectName("recording_enabled")
        self.folder = text_field("recording_folder", placeholder=str(default_folder(database)))
        self.choose = push_button(self.tr("Choose…"), "recording_choose_folder")
        self.keep_days = number_field("recording_keep_days", 0, MAX_KEEP_DAYS, suffix=self.tr(" days"))
        self.keep_days.setSpecialValueText(self.tr("until the size limit"))
        self.max_total = number_field("recording_max_total_gb", 1, 100_000, suffix=" GB")
        self.free_floor = number_field("recording_free_floor_gb", 0, 100_000, suffix=" GB")
        self.usage = note("recording_usage")
        self.message = note("recording_message", hidden=True)
        self.save_button = push_button(self.tr("Save video settings"), "recording_save")

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose)
        layout = QFormLayout(self)
        layout.addRow(self.enabled)
        layout.addRow(self.tr("Folder for videos"), folder_row)
        layout.addRow(self.tr("Keep videos for"), self.keep_days)
        layout.addRow(self.tr("Keep at most"), self.max_total)
        layout.addRow(self.tr("Always leave free"), self.free_floor)
        layout.addRow(self.usage)
        layout.addRow(self.message)
        layout.addRow(self.save_button)

        self.choose.clicked.connect(self._choose_folder)
        self.save_button.clicked.connect(self.save)
        self.setEnabled(False)
        self.load()

    def load(self) -> None:
        database = self._database
        run_task(
            lambda: _Loaded(load_recording_settings(database), stored_bytes(database)),
            self._loaded,
            self._failed,
            context=self,
        )

    def _loaded(self, loaded: _Loaded) -> None:
        settings = loaded.settings
        self.enabled.setChecked(settings.enabled)
        self.folder.setText(settings.folder)
        self.keep_days.setValue(settings.keep_days)
        self.max_total.setValue(max(1, round(settings.max_total_mb / GB_IN_MB)))
        self.free_floor.setValue(round(settings.free_floor_mb / GB_IN_MB))
        self.usage.setText(
            self.tr("Packing videos now take {size:.2f} GB.").format(size=loaded.used_bytes / 1_000_000_000)
        )
        self.setEnabled(True)

    def current(self) -> RecordingSettings:
        return RecordingSettings(
            enabled=self.enabled.isChecked(),
            folder=self.folder.text().strip(),
            keep_days=self.keep_days.value(),
            max_total_mb=self.max_total.value() * GB_IN_MB,
            free_floor_mb=self.free_floor.value() * GB_IN_MB,
        )

    def _choose_folder(self) -> None:
        chosen = choose_folder(self, self.tr("Folder for packing videos"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def save(self) -> None:
        database, settings = self._database, self.current()

        def store() -> str:
            save_recording_settings(database, settings)
            return recording_folder_problem(database, settings)

        self.save_button.setEnabled(False)
        run_task(store, self._saved, self._save_failed, context=self)

    def _saved(self, problem: str) -> None:
        self.save_button.setEnabled(True)
        self._say(problem or self.tr("Saved."), problem=bool(problem))

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationFailed | OrderAppError):
            self._say(str(exc), problem=True)
        else:
            log.error("saving the video settings failed", exc_info=exc)
            self._say(self.tr("The video settings could not be saved; try again."), problem=True)

    def _failed(self, exc: BaseException) -> None:
        log.error("reading the video settings failed", exc_info=exc)
        self._say(self.tr("The video settings could not be read; open Settings again."), problem=True)

    def _say(self, text: str, *, problem: bool) -> None:
        self.message.setText(text)
        set_state(self.message, "problem" if problem else "done")
        self.message.show()
