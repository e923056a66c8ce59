"""The first start of a new shop: a short wizard for the shop's details, money and time, the window's
language, the slip paper, a camera test, and then "import my products" or "try the demo".

Everything it asks lands in the settings the rest of the app reads (``services.first_run``), so each
answer can be changed later (Settings; the slip paper on the Reports screen). "Skip setup" on any page
closes it, stores nothing but that it was skipped, and the app opens as before.
"""

from __future__ import annotations

import logging
from zoneinfo import available_timezones

import phonenumbers
from PySide6.QtCore import QLocale, QSettings, Qt, QTimeZone, QTranslator, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from orderapp.domain.money import COMMON_CURRENCIES
from orderapp.errors import ValidationFailed
from orderapp.gui.form_parts import named, push_button, text_field
from orderapp.gui.settings_language import LANGUAGE_SETTING, LANGUAGES
from orderapp.gui.settings_screen import region_label
from orderapp.gui.style import set_role
from orderapp.gui.tasks import run_task
from orderapp.services.settings.shop import ShopSettings, format_phone, validate_settings
from orderapp.services.shop.first_run import FirstRunChoices, finish_first_run, needs_first_run, skip_first_run
from orderapp.store.database import Database

log = logging.getLogger(__name__)

LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE"})  # where Letter paper is the norm
START_IMPORT, START_DEMO, START_EMPTY = "import", "demo", "empty"


def _top_form(page: QWidget) -> QFormLayout:
    """A form kept at the top of its page, so each error label sits right under its field."""
    outer = QVBoxLayout(page)
    form = QFormLayout()
    outer.addLayout(form)
    outer.addStretch(1)
    return form


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    set_role(label, "error")  # red, from the style sheet
    label.setWordWrap(True)
    label.hide()
    return label


def system_region(locale: QLocale | None = None) -> str:
    code = QLocale.territoryToCode((locale or QLocale.system()).territory())
    return code if code in phonenumbers.SUPPORTED_REGIONS else ShopSettings.phone_region


class ShopPage(QWizardPage):
    """Name, address and phone, each checked as it is typed; Next waits for a name and a usable phone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_shop")
        self.setTitle(self.tr("Your shop"))
        self.setSubTitle(self.tr("Printed at the top of every slip. You can change it later in Settings."))
        self.name = text_field("shop_name")
        self.address = named(QPlainTextEdit(), "shop_address")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(80)
        self.phone_region = named(QComboBox(), "phone_region")
        for region in sorted(phonenumbers.SUPPORTED_REGIONS):
            self.phone_region.addItem(region_label(region), region)
        self.phone = text_field("shop_phone")
        self.errors = {"name": _error_label("error_name"), "phone": _error_label("error_phone")}
        form = _top_form(self)
        form.addRow(self.tr("Shop name"), self.name)
        form.addRow("", self.errors["name"])
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Phone numbers from"), self.phone_region)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow("", self.errors["phone"])
        self.select_region(system_region())
        self.name.textChanged.connect(self.revalidate)
        self.phone.textChanged.connect(self.revalidate)
        self.phone_region.currentIndexChanged.connect(self.revalidate)
        self.phone.editingFinished.connect(self._tidy_phone)
        self._problems: dict[str, str] = {}

    def select_region(self, region: str) -> None:
        row = self.phone_region.findData(region)
        if row >= 0:
            self.phone_region.setCurrentIndex(row)

    def region(self) -> str:
        return str(self.phone_region.currentData() or ShopSettings.phone_region)

    def settings(self) -> ShopSettings:
        return ShopSettings(
            name=self.name.text().strip(),
            address=self.address.toPlainText().strip(),
            phone=self.phone.text().strip(),
            phone_region=self.region(),
        )

    def problems(self) -> dict[str, str]:
        return dict(self._problems)

    def revalidate(self) -> None:
        found = {e.field: e.message for e in validate_settings(self.settings()) if e.field in self.errors}
        if not self.name.text().strip():
            found.pop("name", None)  # not an error while nothing is typed; Next simply waits for it
        self.show_problems(found)

    def show_problems(self, found: dict[str, str]) -> None:
        self._problems = found
        for field, label in self.errors.items():
            label.setText(found.get(field, ""))
            label.setVisible(field in found)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.name.text().strip()) and not self._problems

    def _tidy_phone(self) -> None:
        if self.phone.text().strip() and "phone" not in self._problems:
            tidy = format_phone(self.phone.text(), self.region())
            if tidy != self.phone.text():
                self.phone.setText(tidy)


class RegionPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_region")
        self.setTitle(self.tr("Money, time and language"))
        self.setSubTitle(self.tr('Prices are in the shop\'s currency; "today" in reports is a day in its time zone.'))
        self.currency = named(QComboBox(), "currency")
        self.currency.addItems(list(COMMON_CURRENCIES))
        zones = sorted(available_timezones())
        self.timezone = named(QComboBox(), "timezone")
        self.timezone.addItems(zones)
        self.timezone.setEditable(True)
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        finder = QCompleter(zones, self.timezone)
        finder.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        finder.setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone.setCompleter(finder)
        self.language = named(QComboBox(), "language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.error_timezone = _error_label("error_timezone")
        form = _top_form(self)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow("", self.error_timezone)
        form.addRow(self.tr("Language of the window"), self.language)
        self._defaults()
        self.timezone.currentTextChanged.connect(self._check_zone)

    def _defaults(self) -> None:
        system = QLocale.system()
        code = system.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
        self.currency.setCurrentText(code if code in COMMON_CURRENCIES else ShopSettings.currency)
        zone = bytes(QTimeZone.systemTimeZoneId().data()).decode()
        self.timezone.setCurrentText(zone if zone in available_timezones() else ShopSettings.timezone)
        current = QLocale().name()
        self.language.setCurrentIndex(1 if current.startswith("zh") else 0)

    def _check_zone(self, text: str) -> None:
        bad = text.strip() not in available_timezones()
        self.error_timezone.setText(self.tr("Choose a time zone from the list, e.g. Asia/Shanghai.") if bad else "")
        self.error_timezone.setVisible(bad)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.timezone.currentText().strip() in available_timezones()


class PaperPage(QWizardPage):
    PAPERS = (("a4", "A4"), ("letter", "Letter"), ("4x6", "4×6 in label"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_paper")
        self.setTitle(self.tr("Paper for packing slips"))
        self.setSubTitle(self.tr("What your printer holds. Pick lists and reports can use another size."))
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        names = {"a4": self.tr("A4"), "letter": self.tr("Letter"), "4x6": self.tr("4×6 in shipping label")}
        for key, _english in self.PAPERS:
            button = named(QRadioButton(names[key]), f"paper_{key}")
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.buttons["a4"].setChecked(True)

    def suggest_for(self, region: str) -> None:
        self.buttons["letter" if region in LETTER_REGIONS else "a4"].setChecked(True)

    def paper(self) -> str:
        return next(key for key, button in self.buttons.items() if button.isChecked())


class CameraPage(QWizardPage):
    """Start the camera and show a code to it: the preview and what was read prove it works. Optional."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_camera")
        self.setTitle(self.tr("Camera test"))
        self.setSubTitle(
            self.tr("The packing station reads barcodes with a webcam. Show it any barcode, or go on without.")
        )
        from orderapp.gui.camera_worker import CameraController  # OpenCV only when this page is made

        self.camera = CameraController(self)
        self.camera_choice = named(QComboBox(), "camera_choice")
        self.test_button = push_button(self.tr("Test the camera"), "test_camera")
        self.preview = named(QLabel(), "camera_preview")
        self.preview.setMinimumSize(320, 180)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.status = named(QLabel(self.tr("Not started.")), "camera_status")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.camera_choice)
        layout.addWidget(self.test_button)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        self.read_codes: list[str] = []
        self.frames_seen = 0
        self.test_button.clicked.connect(lambda: self.start_camera())
        self.camera.frame.connect(self._show_frame)
        self.camera.scanned.connect(self._scanned)
        self.camera.lost.connect(self._lost)
        self.camera.notice.connect(self.status.setText)
        self._listed = False

    def initializePage(self) -> None:
        if not self._listed:
            self._listed = True
            self.camera_choice.addItem(self.tr("Looking for cameras…"), None)
            from orderapp.scanning.camera import list_cameras

            run_task(list_cameras, self._cameras_listed, lambda exc: self._cameras_listed([]), context=self)

    def _cameras_listed(self, cameras: object) -> None:
        self.camera_choice.clear()
        for camera in cameras if isinstance(cameras, list) else []:
            self.camera_choice.addItem(camera.name, camera.index)
        if not self.camera_choice.count():
            self.camera_choice.addItem(self.tr("No camera found: plug one in, or use a USB scanner"), None)

    def start_camera(self, source: int | str | None = None) -> None:
        """The chosen camera, or ``source`` (a camera index or a video file, as tests use)."""
        source = self.camera_choice.currentData() if source is None else source
        if source is None:
            self.status.setText(self.tr("No camera to test. Plug one in and press Test again, or go on without."))
            return
        self.read_codes.clear()
        self.frames_seen = 0
        self.status.setText(self.tr("Starting the camera… show it a barcode."))
        self.camera.start(source)

    def stop_camera(self) -> None:
        self.camera.stop()

    def _show_frame(self, image: QImage) -> None:
        self.frames_seen += 1
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
            )
        )
        if self.frames_seen == 1 and not self.read_codes:
            self.status.setText(self.tr("The camera works. Show it a barcode to check it reads."))

    def _scanned(self, scan: object) -> None:
        code = str(getattr(scan, "code", scan))
        self.read_codes.append(code)
        self.status.setText(self.tr("Read {code}: the camera is ready for packing.").format(code=code))

    def _lost(self, message: str) -> None:
        if not self.read_codes:
            self.status.setText(message)

    def cleanupPage(self) -> None:
        self.stop_camera()

    def validatePage(self) -> bool:
        self.stop_camera()
        return True


class StartPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_start")
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("How would you like to begin?"))
        layout = QVBoxLayout(self)
        self.choices = {
            START_IMPORT: named(QRadioButton(self.tr("Import my products from a spreadsheet (CSV)")), "start_import"),
            START_DEMO: named(
                QRadioButton(self.tr("Try the demo shop first (a separate shop full of examples; yours stays empty)")),
                "start_demo",
            ),
            START_EMPTY: named(QRadioButton(self.tr("Start with an empty shop")), "start_empty"),
        }
        for button in self.choices.values():
            layout.addWidget(button)
        self.problem = _error_label("setup_problem")
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.choices[START_EMPTY].setChecked(True)

    def choice(self) -> str:
        return next(key for key, button in self.choices.items() if button.isChecked())


class FirstRunWizard(QWizard):
    """``exec()`` it; afterwards ``outcome`` is "import", "demo", "empty" (finished) or "" (skipped)."""

    stored = Signal(object)  # FirstRunChoices, once written
    skipped = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_wizard")
        self.setWindowTitle(self.tr("Set up OrderApp"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.database = database
        self.outcome = ""
        self.language = ""
        self.shop_page, self.region_page, self.paper_page = ShopPage(), RegionPage(), PaperPage()
        self.camera_page, self.start_page = CameraPage(), StartPage()
        for page in (self.shop_page, self.region_page, self.paper_page, self.camera_page, self.start_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Skip setup"))
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)  # Skip setup says what it does
        self.button(QWizard.WizardButton.CustomButton1).setObjectName("skip_setup")
        self.button(QWizard.WizardButton.CustomButton1).clicked.connect(self.skip)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start"))
        self.currentIdChanged.connect(self._page_shown)
        self._saving = False
        self._paper_suggested = False

    def _page_shown(self, _page_id: int) -> None:
        if self.currentPage() is self.paper_page and not self._paper_suggested:
            self._paper_suggested = True
            self.paper_page.suggest_for(self.shop_page.region())

    def choices(self) -> FirstRunChoices:
        shop = self.shop_page.settings()
        region = self.region_page
        shop = ShopSettings(
            name=shop.name,
            address=shop.address,
            phone=shop.phone,
            phone_region=shop.phone_region,
            currency=region.currency.currentText(),
            timezone=region.timezone.currentText().strip(),
        )
        return FirstRunChoices(shop=shop, slip_paper=self.paper_page.paper())

    def skip(self) -> None:
        self.camera_page.stop_camera()
        database = self.database
        run_task(lambda: skip_first_run(database), lambda _none: self._skipped(), self._skip_failed, context=self)

    def _skip_failed(self, exc: BaseException) -> None:
        """Not stored: the wizard is offered again next time, and the app opens now all the same."""
        log.warning("could not note that the first-run setup was skipped: %s", exc)
        self._skipped()

    def _skipped(self) -> None:
        self.outcome = ""
        self.skipped.emit()
        super().reject()

    def reject(self) -> None:  # Escape or the window's close button: the same as Skip setup
        self.skip()

    def accept(self) -> None:
        if self._saving:
            return
        self._saving = True
        self.camera_page.stop_camera()
        choices, database = self.choices(), self.database
        self.language = str(self.region_page.language.currentData() or "")
        run_task(lambda: finish_first_run(database, choices), self._finished, self._failed, context=self)

    def _finished(self, choices: object) -> None:
        self._saving = False
        self.outcome = self.start_page.choice()
        QSettings().setValue(LANGUAGE_SETTING, self.language)
        self.stored.emit(choices)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        """A refusal goes back under its field (it was checked as typed, so this is rare); anything
        else is said on the last page, and nothing typed is lost."""
        self._saving = False
        if isinstance(exc, ValidationFailed):
            shop_fields = {e.field: e.message for e in exc.errors if e.field in self.shop_page.errors}
            if shop_fields:
                while self.currentPage() is not self.shop_page:
                    self.back()
                self.shop_page.show_problems(shop_fields)
                return
            message = " ".join(e.message for e in exc.errors)
        else:
            log.error("the first-run settings could not be stored", exc_info=exc)
            message = self.tr("The settings could not be stored: {reason}").format(reason=exc)
        self.start_page.problem.setText(message)
        self.start_page.problem.show()

    def done(self, result: int) -> None:
        self.camera_page.stop_camera()
        super().done(result)


def first_run(database: Database, parent: QWidget | None = None) -> str:
    """On a new shop, the setup wizard (modal); returns its outcome ("import", "demo", "empty", or "" when
    it was skipped or not needed). The language chosen is applied at once."""
    try:
        if not needs_first_run(database):
            return ""
    except Exception:  # a shop that cannot say opens as before; the wizard is a help, not a gate
        log.exception("could not tell whether the shop is new")
        return ""
    wizard = FirstRunWizard(database, parent)
    wizard.exec()
    if wizard.language:
        apply_language(wizard.language)
    return wizard.outcome


def apply_language(code: str) -> None:
    """The window (and the core's messages) in ``code`` from now on, instead of the language of the start."""
    from PySide6.QtWidgets import QApplication

    from orderapp.gui.app import install_translators

    app = QApplication.instance()
    if isinstance(app, QApplication):
        for old in app.findChildren(QTranslator):  # the system language's, installed at start
            app.removeTranslator(old)
        install_translators(app, QLocale(code))


def open_first_task(window: QWidget, outcome: str) -> None:
    """After the wizard's "import my products": the Inventory screen with its import dialog open."""
    if outcome != START_IMPORT:
        return
    show_screen, screen_for = getattr(window, "show_screen", None), getattr(window, "screen_for", None)
    if show_screen is None or screen_for is None:
        return
    show_screen("inventory")
    opener = getattr(screen_for("inventory"), "open_import", None)
    if opener is not None:
        opener()
