"""The Exceptions group of the Settings screen: who owns new exceptions, the time limits per step and
how many refused scans raise one. Checked as typed; saved with its own button (nothing is stored
while a value is wrong)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from orderapp.errors import FieldError, OrderAppError, ValidationFailed
from orderapp.gui.tasks import run_task
from orderapp.services.settings.exceptions import (
    ExceptionSettings,
    carrier_days_text,
    load_exception_settings,
    parse_carrier_days,
    save_exception_settings,
    validate_exception_settings,
)
from orderapp.store.database import Database

log = logging.getLogger(__name__)

NUMBERS = ("confirm_hours", "ship_hours", "delivery_days", "wrong_scans")


class ExceptionSettingsGroup(QGroupBox):
    loaded = Signal(object)  # ExceptionSettings
    saved = Signal(object)  # ExceptionSettings, as stored
    validated = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Exceptions and time limits"))
        self.setObjectName("exceptions_group")
        self._database = database
        self._stored: ExceptionSettings | None = None
        self._errors: dict[str, str] = {}
        self.fields: dict[str, QLineEdit] = {}
        self.error_labels: dict[str, QLabel] = {}
        form = QFormLayout(self)
        rows = (
            ("default_owner", self.tr("Owner of new exceptions"), ""),
            ("confirm_hours", self.tr("Confirm within (hours, 0 = off)"), ""),
            ("pack_cutoff", self.tr("Pack by the daily cut-off (hh:mm, empty = off)"), "16:00"),
            ("ship_hours", self.tr("Ship within (hours of arriving, 0 = off)"), ""),
            ("delivery_days", self.tr("Delivered within (days of shipping, 0 = off)"), ""),
            ("carrier_days", self.tr("Days per carrier"), self.tr("e.g. SF Express=2; EMS=7")),
            ("wrong_scans", self.tr("Refused scans on one order that raise an exception (0 = off)"), ""),
        )
        for name, label, placeholder in rows:
            edit = QLineEdit()
            edit.setObjectName(f"exceptions_{name}")
            edit.setPlaceholderText(placeholder)
            edit.textChanged.connect(self._revalidate)
            error = QLabel()
            error.setObjectName(f"error_exceptions_{name}")
            error.setProperty("role", "error")
            error.setWordWrap(True)
            error.hide()
            form.addRow(label, edit)
            form.addRow("", error)
            self.fields[name], self.error_labels[name] = edit, error
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save exception settings"))
        self.save_button.setObjectName("save_exception_settings")
        self.save_button.clicked.connect(self.save)
        self.note = QLabel()
        self.note.setObjectName("exceptions_settings_note")
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.note, 1)
        form.addRow(buttons)
        self.save_button.setEnabled(False)
        self.setEnabled(False)
        run_task(lambda: load_exception_settings(database), self.show_settings, self._failed, context=self)

    def show_settings(self, settings: ExceptionSettings) -> None:
        self._stored = settings
        values = {
            "default_owner": settings.default_owner,
            "pack_cutoff": settings.pack_cutoff,
            "carrier_days": carrier_days_text(settings.carrier_days),
        } | {name: str(getattr(settings, name)) for name in NUMBERS}
        for name, edit in self.fields.items():
            edit.blockSignals(True)
            edit.setText(values[name])
            edit.blockSignals(False)
        self.setEnabled(True)
        self._revalidate()
        self.loaded.emit(settings)

    def typed(self) -> tuple[ExceptionSettings | None, list[FieldError]]:
        """The settings as typed, or None with the problems under their fields."""
        errors: list[FieldError] = []
        numbers: dict[str, int] = {}
        for name in NUMBERS:
            text = self.fields[name].text().strip()
            if not text.isdigit():
                errors.append(FieldError(name, self.tr("Type a whole number (0 turns this off).")))
            else:
                numbers[name] = int(text)
        carriers, problem = parse_carrier_days(self.fields["carrier_days"].text())
        if problem:
            errors.append(FieldError("carrier_days", problem))
        settings = ExceptionSettings(
            default_owner=self.fields["default_owner"].text().strip(),
            pack_cutoff=self.fields["pack_cutoff"].text().strip(),
            carrier_days=carriers,
            **{name: numbers.get(name, 0) for name in NUMBERS},
        )
        errors += [e for e in validate_exception_settings(settings) if e.field not in {f.field for f in errors}]
        return (None if errors else settings), errors

    def errors(self) -> dict[str, str]:
        return dict(self._errors)

    def _revalidate(self) -> None:
        settings, found = self.typed()
        self._errors = {}
        for error in found:
            self._errors.setdefault(error.field, error.message)
        for name, label in self.error_labels.items():
            label.setText(self._errors.get(name, ""))
            label.setVisible(name in self._errors)
        self.save_button.setEnabled(settings is not None and settings != self._stored)
        if settings != self._stored:
            self.note.clear()
        self.validated.emit()

    def save(self) -> None:
        settings, _found = self.typed()
        if settings is None or not self.save_button.isEnabled():
            return
        database = self._database
        self.save_button.setEnabled(False)
        run_task(lambda: save_exception_settings(database, settings), self._saved, self._failed, context=self)

    def _saved(self, settings: ExceptionSettings) -> None:
        self._stored = settings
        self._revalidate()
        self.note.setText(self.tr("Saved"))
        self.saved.emit(settings)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            self._errors = {e.field: e.message for e in exc.errors}
            for name, label in self.error_labels.items():
                label.setText(self._errors.get(name, ""))
                label.setVisible(name in self._errors)
            return
        if not isinstance(exc, OrderAppError):
            log.error("exception settings failed", exc_info=exc)
        self.note.setText(self.tr("Not saved: {reason}").format(reason=exc))
        self._revalidate()
