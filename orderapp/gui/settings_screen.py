"""The shop's settings, checked as they are typed: each problem is shown under its field, and Save
is offered only when there is none and something changed.

Two groups share the one Save: the shop's details, and the rules other capabilities keep (orders:
backorders and the duplicate check; packing: typed quantities). The paperwork settings stay on the
Reports screen, beside the documents they shape."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast
from zoneinfo import available_timezones

import phonenumbers
from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain.money import COMMON_CURRENCIES
from orderapp.errors import FieldError, OrderAppError, ValidationFailed
from orderapp.gui.context import AppContext
from orderapp.gui.desktop import open_folder
from orderapp.gui.edit_conflict_dialog import Choice, ask_about_conflict
from orderapp.gui.fitting import fixed_lines
from orderapp.gui.forms import child, load_form
from orderapp.gui.settings_backup import BackupSettingsGroup
from orderapp.gui.settings_exceptions import ExceptionSettingsGroup
from orderapp.gui.settings_language import add_language_group
from orderapp.gui.settings_recording import RecordingSettingsGroup  # packing video (issue 16)
from orderapp.gui.settings_scanner import ScannerTestGroup
from orderapp.gui.settings_server import ServerGroup
from orderapp.gui.settings_users import add_users_group
from orderapp.gui.tasks import run_task
from orderapp.services.settings.packing import QueueSort, sort_hint, sort_label
from orderapp.services.settings.rules import (
    ShopRules,
    TypedRules,
    check_typed_rules,
    load_rules,
    save_rules,
    validate_rules,
)
from orderapp.services.settings.shop import (
    MAX_LOGO_BYTES,
    ShopSettings,
    format_phone,
    load_settings,
    phone_problem,
    save_settings,
    validate_settings,
)
from orderapp.services.shop.edit_conflicts import EditConflict
from orderapp.store.database import Database

log = logging.getLogger(__name__)

FIELDS = ("name", "address", "phone", "currency", "timezone", "phone_region", "logo")
RULE_FIELDS = ("allow_backorders", "duplicate_window_minutes", "typed_qty_from")
SAVED_NOTE_MS = 4000


def _normalised(settings: ShopSettings) -> ShopSettings:
    """What would be stored: surrounding blanks do not count as a change."""
    return replace(settings, name=settings.name.strip(), address=settings.address.strip(), phone=settings.phone.strip())


@dataclass(frozen=True)
class _Saved:
    shop: ShopSettings | None  # None: not changed, not written
    rules: ShopRules | None


def _store(
    database: Database,
    shop: ShopSettings | None,
    rules: ShopRules | None,
    user_id: int,
    opened: ShopSettings | None = None,
) -> _Saved:
    """In a worker: check both groups before writing either, so a refusal stores nothing. ``opened``:
    the settings the form was filled with (EditConflict when another PC changed them since)."""
    errors = validate_settings(shop) if shop is not None else []
    errors += validate_rules(rules) if rules is not None else []
    if errors:
        raise ValidationFailed(errors)
    return _Saved(
        shop=save_settings(database, shop, user_id=user_id, expected=opened) if shop is not None else None,
        rules=save_rules(database, rules, user_id=user_id) if rules is not None else None,
    )


def region_label(region: str) -> str:
    """The choice as shown, e.g. "CN (+86) China"; the name only where Qt knows the country."""
    text = f"{region} (+{phonenumbers.country_code_for_region(region)})"
    territory = QLocale.codeToTerritory(region)
    if territory != QLocale.Country.AnyTerritory:
        text += f" {QLocale.territoryToString(territory)}"
    return text


class SettingsScreen(QWidget):
    settings_loaded = Signal(object)  # ShopSettings
    settings_saved = Signal(object)  # ShopSettings, as stored
    rules_loaded = Signal(object)  # ShopRules
    rules_saved = Signal(object)  # ShopRules, as stored
    validated = Signal()  # after every re-check of the form (tests wait on it)

    def __init__(self, database: Database, parent: QWidget | None = None, *, context: AppContext | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen_settings")
        self._database = database
        self.context = context or AppContext(database)
        self._stored: ShopSettings | None = None
        self._stored_rules: ShopRules | None = None
        self._logo: bytes | None = None
        self._logo_problem = ""
        self._filling = False
        self._saving = False
        self._errors: dict[str, str] = {}

        self.form = load_form("settings.ui", self)
        scroll = QScrollArea()
        scroll.setObjectName("settings_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 9, 9, 9)  # as the placeholder screens: every heading in one place
        layout.addWidget(scroll)
        groups = self.form.layout()
        assert isinstance(groups, QVBoxLayout)
        self.server_group = ServerGroup(database, self.form)  # several PCs: move to a server
        groups.insertWidget(groups.count() - 1, self.server_group)  # above the bottom spacer

        f = self.form
        self.name = child(f, QLineEdit, "shop_name")
        self.address = child(f, QPlainTextEdit, "shop_address")
        self.phone = child(f, QLineEdit, "shop_phone")
        self.currency = child(f, QComboBox, "currency")
        self.timezone = child(f, QComboBox, "timezone")
        self.phone_region = child(f, QComboBox, "phone_region")
        self.logo_preview = child(f, QLabel, "logo_preview")
        self.choose_logo = child(f, QPushButton, "choose_logo")
        self.remove_logo = child(f, QPushButton, "remove_logo")
        self.database_location = child(f, QLineEdit, "database_location")
        self.open_database_folder = child(f, QPushButton, "open_database_folder")
        self.save_button = child(f, QPushButton, "save_settings")
        self.saved_note = child(f, QLabel, "saved_note")
        self.problem = child(f, QLabel, "settings_problem")
        self.rules_group = child(f, QGroupBox, "rules_group")
        self.allow_backorders = child(f, QCheckBox, "allow_backorders")
        self.duplicate_window = child(f, QLineEdit, "duplicate_window_minutes")
        self.typed_qty_from = child(f, QLineEdit, "typed_qty_from")
        self.queue_sort = self._add_queue_sort()
        self.rules_problem = child(f, QLabel, "rules_problem")
        fixed_lines(self.problem, 2)  # their room kept, whatever they say
        fixed_lines(self.rules_problem, 1)
        self.error_labels = {field: child(f, QLabel, f"error_{field}") for field in (*FIELDS, *RULE_FIELDS)}
        for label in self.error_labels.values():
            label.hide()
        self.saved_note.hide()
        self.problem.hide()
        self.rules_problem.hide()
        self.scanner_test = ScannerTestGroup()  # this PC's scanner, beside the shop's settings (own module)
        form_layout = child(f, QVBoxLayout, "settings_layout")
        form_layout.insertWidget(form_layout.count() - 1, self.scanner_test)

        self.currency.addItems(list(COMMON_CURRENCIES))
        zones = sorted(available_timezones())
        self.timezone.addItems(zones)
        finder = QCompleter(zones, self.timezone)
        finder.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        finder.setFilterMode(Qt.MatchFlag.MatchContains)
        finder.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.timezone.setCompleter(finder)
        for region in sorted(phonenumbers.SUPPORTED_REGIONS):
            self.phone_region.addItem(region_label(region), region)

        self.database_location.setText(database.location)
        self.database_location.setCursorPosition(0)
        self.open_database_folder.setVisible(database.path is not None)
        self.open_database_folder.clicked.connect(self._open_database_folder)
        self.backup_group = BackupSettingsGroup(database, self.form)  # its own actions, after the shared Save
        form_layout.insertWidget(form_layout.count() - 1, self.backup_group)

        self._hide_note = QTimer(self)
        self._hide_note.setSingleShot(True)
        self._hide_note.setInterval(SAVED_NOTE_MS)
        self._hide_note.timeout.connect(self.saved_note.hide)

        self.name.textChanged.connect(self._revalidate)
        self.address.textChanged.connect(self._revalidate)
        self.phone.textChanged.connect(self._revalidate)
        self.phone.editingFinished.connect(self._tidy_phone)
        self.currency.currentTextChanged.connect(self._revalidate)
        self.timezone.currentTextChanged.connect(self._revalidate)
        self.phone_region.currentIndexChanged.connect(self._revalidate)
        self.allow_backorders.toggled.connect(self._revalidate)
        self.duplicate_window.textChanged.connect(self._revalidate)
        self.typed_qty_from.textChanged.connect(self._revalidate)
        self.queue_sort.currentIndexChanged.connect(self._revalidate)
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo.clicked.connect(lambda: self._set_logo(None))
        self.save_button.clicked.connect(self.save)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_shortcut.activated.connect(self.save)

        # Packing video (issue 16): its own group, loaded and saved on its own, above the bottom spacer.
        self.recording_group = RecordingSettingsGroup(database, self.form)
        form_layout = cast(QVBoxLayout, self.form.layout())
        form_layout.insertWidget(form_layout.count() - 1, self.recording_group)

        self.users = add_users_group(self, self.context)
        self.language = add_language_group(self.form)  # this PC's window language (gui/settings_language.py)
        self.form.setEnabled(False)  # until the stored settings are in
        self.rules_group.setEnabled(False)  # until the stored rules are in (they load on their own)
        self.save_button.setEnabled(False)
        self.load_rules()
        self.exceptions_group = ExceptionSettingsGroup(database)  # its own group, loaded and saved on its own
        groups = cast(QVBoxLayout, self.form.layout())
        groups.insertWidget(groups.indexOf(self.rules_group) + 1, self.exceptions_group)

    def _add_queue_sort(self) -> QComboBox:
        """The packing queue's order (peak-day triage), in the Rules group under the typed quantities."""
        combo = QComboBox()
        combo.setObjectName("queue_sort")
        for sort in QueueSort:
            combo.addItem(sort_label(sort), sort.value)
            combo.setItemData(combo.count() - 1, sort_hint(sort), Qt.ItemDataRole.ToolTipRole)
        combo.setToolTip(self.tr("The order of the packing queue at every station; packers can change it there too."))
        label = QLabel(self.tr("Packing queue order"))
        label.setObjectName("label_queue_sort")
        label.setBuddy(combo)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid = self.rules_group.findChild(QGridLayout)
        if grid is not None:
            row = grid.rowCount()
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1, Qt.AlignmentFlag.AlignLeft)
        return combo

    # -- loading -------------------------------------------------------------------------------

    def load(self) -> None:
        database = self._database
        run_task(lambda: load_settings(database), self.show_settings, self._show_load_problem, context=self)

    def show_settings(self, settings: ShopSettings) -> None:
        """Fill the form with the stored ``settings`` (what Save compares against)."""
        self._stored = _normalised(settings)
        self._filling = True
        try:
            self.name.setText(settings.name)
            self.address.setPlainText(settings.address)
            self.phone.setText(settings.phone)
            if self.currency.findText(settings.currency) < 0:
                self.currency.addItem(settings.currency)
            self.currency.setCurrentText(settings.currency)
            index = self.timezone.findText(settings.timezone)
            if index >= 0:
                self.timezone.setCurrentIndex(index)
            self.timezone.setEditText(settings.timezone)
            self.phone_region.setCurrentIndex(self.phone_region.findData(settings.phone_region))
            self._logo_problem = ""
            self._set_logo(settings.logo, revalidate=False)
        finally:
            self._filling = False
        self.form.setEnabled(True)
        self.problem.hide()
        self._revalidate()
        self.settings_loaded.emit(settings)

    def load_rules(self) -> None:
        database = self._database
        run_task(lambda: load_rules(database), self.show_rules, self._show_rules_problem, context=self)

    def show_rules(self, rules: ShopRules) -> None:
        """Fill the Rules group with the stored ``rules`` (what Save compares against)."""
        self._stored_rules = rules
        self._fill_rules(rules)
        self.rules_group.setEnabled(True)
        self.rules_problem.hide()
        self._revalidate()
        self.rules_loaded.emit(rules)

    def _fill_rules(self, rules: ShopRules) -> None:
        self._filling = True
        try:
            self.allow_backorders.setChecked(rules.allow_backorders)
            self.duplicate_window.setText(str(rules.duplicate_window_minutes))
            self.typed_qty_from.setText(str(rules.typed_qty_from))
            self.queue_sort.setCurrentIndex(self.queue_sort.findData(rules.queue_sort.value))
        finally:
            self._filling = False

    def _show_rules_problem(self, exc: BaseException) -> None:
        if not isinstance(exc, OrderAppError):
            log.error("loading the shop's rules failed", exc_info=exc)
        self.rules_problem.setText(self.tr("The rules could not be read: {reason}").format(reason=exc))
        self.rules_problem.show()

    def _show_load_problem(self, exc: BaseException) -> None:
        if not isinstance(exc, OrderAppError):
            log.error("loading the shop settings failed", exc_info=exc)
        self.problem.setText(self.tr("The settings could not be read: {reason}").format(reason=exc))
        self.problem.show()

    # -- the form ------------------------------------------------------------------------------

    def current_settings(self) -> ShopSettings:
        region = self.phone_region.currentData()
        return ShopSettings(
            name=self.name.text(),
            address=self.address.toPlainText(),
            phone=self.phone.text(),
            currency=self.currency.currentText().strip().upper(),
            timezone=self.timezone.currentText().strip(),
            phone_region=region if isinstance(region, str) else "",
            logo=self._logo,
        )

    def typed_rules(self) -> TypedRules:
        return TypedRules(
            allow_backorders=self.allow_backorders.isChecked(),
            duplicate_window_minutes=self.duplicate_window.text(),
            typed_qty_from=self.typed_qty_from.text(),
            queue_sort=str(self.queue_sort.currentData()),
        )

    def errors(self) -> dict[str, str]:
        """The message under each field that has one, as the user sees them now."""
        return dict(self._errors)

    def has_changes(self) -> bool:
        return self._shop_changed() or self._rules_changed()

    def _shop_changed(self) -> bool:
        return self._stored is not None and _normalised(self.current_settings()) != self._stored

    def _rules_changed(self) -> bool:
        if self._stored_rules is None:
            return False
        rules, _errors = check_typed_rules(self.typed_rules())
        return rules != self._stored_rules  # a number that cannot be read counts as a change

    def _revalidate(self) -> None:
        if self._filling:
            return
        found: list[FieldError] = validate_settings(self.current_settings())
        if self._stored_rules is not None:
            found += check_typed_rules(self.typed_rules())[1]
        self._paint_errors(found)

    def _paint_errors(self, found: list[FieldError]) -> None:
        errors: dict[str, str] = {}
        for error in found:
            errors.setdefault(error.field, error.message)
        if self._logo_problem:
            errors["logo"] = self._logo_problem
        self._errors = errors
        for field, label in self.error_labels.items():
            message = errors.get(field, "")
            label.setText(message)
            label.setVisible(bool(message))
        self.save_button.setEnabled(not errors and self.has_changes() and not self._saving)
        if self.has_changes():
            self.saved_note.hide()
        self.validated.emit()

    def _tidy_phone(self) -> None:
        region = self.phone_region.currentData()
        text = self.phone.text().strip()
        if not text or not isinstance(region, str) or phone_problem(text, region):
            return
        tidy = format_phone(text, region)
        if tidy != self.phone.text():
            self.phone.setText(tidy)

    # -- logo ----------------------------------------------------------------------------------

    def _choose_logo(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the shop's logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if name:
            self.load_logo_file(Path(name))

    def load_logo_file(self, path: Path) -> None:
        """Take the logo from ``path``. A file over the limit is read only far enough to be refused."""
        try:
            with path.open("rb") as file:
                data = file.read(MAX_LOGO_BYTES + 1)
        except OSError as exc:
            self._logo_problem = self.tr("{file} cannot be read: {reason}").format(
                file=path.name, reason=exc.strerror or exc
            )
            self._revalidate()
            return
        self._logo_problem = ""
        self._set_logo(data)

    def _set_logo(self, data: bytes | None, *, revalidate: bool = True) -> None:
        self._logo = data
        self.remove_logo.setEnabled(data is not None)
        pixmap = QPixmap()
        if data is not None and len(data) <= MAX_LOGO_BYTES and pixmap.loadFromData(data):
            size = self.logo_preview.contentsRect().size()
            scaled = pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            self.logo_preview.setPixmap(scaled)
        else:
            self.logo_preview.clear()
            self.logo_preview.setText(self.tr("No logo") if data is None else self.tr("Cannot show this image"))
        if revalidate:
            self._revalidate()

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        shop = self.current_settings() if self._shop_changed() else None
        rules = check_typed_rules(self.typed_rules())[0] if self._rules_changed() else None
        database, user_id = self._database, self.context.user_id
        self._saving = True
        self.save_button.setEnabled(False)
        self.problem.hide()
        opened = self._stored
        run_task(lambda: _store(database, shop, rules, user_id, opened), self._saved, self._save_failed, context=self)

    def _saved(self, saved: _Saved) -> None:
        self._saving = False
        settings = saved.shop
        if settings is not None:
            self._stored = _normalised(settings)
            if settings.phone != self.phone.text():
                self._filling = True
                self.phone.setText(settings.phone)
                self._filling = False
        if saved.rules is not None:
            self._stored_rules = saved.rules
            if check_typed_rules(self.typed_rules())[0] == saved.rules:  # not retyped while saving
                self._fill_rules(saved.rules)  # as stored: "０１２" reads back as "12"
        self._revalidate()
        self.saved_note.setText(self.tr("Saved"))
        self.saved_note.show()
        self._hide_note.start()
        if settings is not None:
            self.settings_saved.emit(settings)
        if saved.rules is not None:
            self.rules_saved.emit(saved.rules)

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, EditConflict):  # another PC saved the settings meanwhile
            choice = ask_about_conflict(self, exc)
            if choice is Choice.RELOAD:
                self.show_settings(exc.current)
                return
            if choice is Choice.OVERWRITE:
                self._stored = _normalised(exc.current)
                self._revalidate()
                self.save()
                return
        if isinstance(exc, ValidationFailed):
            self._paint_errors(list(exc.errors))
            return
        if not isinstance(exc, OrderAppError):
            log.error("saving the shop settings failed", exc_info=exc)
        self.problem.setText(
            self.tr("The settings were not saved: {reason}. Your changes are still here; try again.").format(reason=exc)
        )
        self.problem.show()
        self._revalidate()

    def _open_database_folder(self) -> None:
        if self._database.path is not None:
            open_folder(self._database.path.parent)
