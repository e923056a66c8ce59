"""The first-run wizard on a new shop: typed as a shopkeeper would, checked where the choices land."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from barcode_media import as_printed, sequence_video
from gui_helpers import commit_text
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from orderapp.gui import tasks
from orderapp.gui.first_run_wizard import LANGUAGE_SETTING, FirstRunWizard, first_run
from orderapp.services.settings.documents import load_document_settings
from orderapp.services.settings.shop import load_settings
from orderapp.services.shop.first_run import needs_first_run
from orderapp.store.database import Database
from orderapp.store.opening import open_database

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def applied(qapp, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The languages first_run() applied (recorded, not applied: the rest of the tests keep theirs); and
    what run_app installs at start is put back afterwards."""
    from PySide6.QtCore import QLocale

    import orderapp.gui.first_run_wizard as module
    from orderapp import i18n

    languages: list[str] = []
    monkeypatch.setattr(module, "apply_language", languages.append)
    locale, core = QLocale(), i18n._translation
    yield languages
    QLocale.setDefault(locale)
    i18n._translation = core


@pytest.fixture
def new_shop(tmp_path: Path) -> Iterator[Database]:
    database = open_database(str(tmp_path / "new" / "shop.sqlite"))
    try:
        yield database
    finally:
        tasks.current_runner().wait(10_000)
        database.dispose()


@pytest.fixture
def wizard(qtbot: QtBot, new_shop: Database, sync_tasks: tasks.SynchronousRunner) -> Iterator[FirstRunWizard]:
    QSettings().remove(LANGUAGE_SETTING)
    shown = FirstRunWizard(new_shop)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.camera_page.stop_camera()
    QSettings().remove(LANGUAGE_SETTING)  # the window's language must not follow other tests


def _next(wizard: FirstRunWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    button.click()


def _fill_shop(qtbot: QtBot, wizard: FirstRunWizard, *, name: str, phone: str, region: str) -> None:
    page = wizard.shop_page
    page.select_region(region)
    qtbot.keyClicks(page.name, name)
    qtbot.keyClicks(page.phone, phone)


@pytest.mark.parametrize(
    "region, phone, message",
    [
        ("CN", "12345", "This phone number is not valid for CN"),
        ("CN", "call me", "This is not a phone number"),
        ("US", "021 6123 4567", "This phone number is not valid for US"),
        ("GB", "+1 415", "This phone number is not valid for GB"),
    ],
)
def test_a_bad_phone_is_refused_under_the_field_and_next_waits(
    qtbot: QtBot, wizard: FirstRunWizard, region: str, phone: str, message: str
) -> None:
    _fill_shop(qtbot, wizard, name="Corner Shop", phone=phone, region=region)
    page = wizard.shop_page
    error = page.findChild(type(page.errors["phone"]), "error_phone")
    assert error is not None and error.isVisible()
    assert message in error.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.currentPage() is page
    page.phone.clear()  # no phone at all is fine too: the shop may not want one printed
    assert not error.isVisible()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_next_waits_for_a_name_and_a_good_phone_is_tidied(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    page = wizard.shop_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # nothing typed yet
    assert not page.errors["name"].isVisible()  # ... and no scolding before typing
    _fill_shop(qtbot, wizard, name="Corner Shop", phone="02161234567", region="CN")
    page.phone.editingFinished.emit()
    assert page.phone.text() == "021 6123 4567"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_every_choice_lands_in_settings(
    qtbot: QtBot, wizard: FirstRunWizard, new_shop: Database, tmp_path: Path
) -> None:
    _fill_shop(qtbot, wizard, name="Lotus ", phone="(650) 253-0000", region="US")
    commit_text(wizard.shop_page.name, "茶馆")  # Chinese in the name, as an input method types it
    qtbot.keyClicks(wizard.shop_page.address, "1 Main St, Springfield")
    _next(wizard)
    region = wizard.region_page
    region.currency.setCurrentText("USD")
    region.timezone.setCurrentText("America/New_York")
    region.language.setCurrentIndex(region.language.findData("en"))
    _next(wizard)
    assert wizard.paper_page.paper() == "letter"  # suggested for a US shop
    wizard.paper_page.buttons["4x6"].click()
    _next(wizard)

    video = sequence_video(tmp_path / "camera.avi", [as_printed("4006381333931")])
    page = wizard.camera_page
    with qtbot.waitSignal(page.camera.scanned, timeout=30_000):
        page.start_camera(str(video))
    assert page.read_codes == ["4006381333931"]
    assert "Read 4006381333931" in page.status.text()
    assert page.frames_seen > 0 and not page.preview.pixmap().isNull()
    _next(wizard)
    wizard.start_page.choices["demo"].click()
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.outcome == "demo"
    shop = load_settings(new_shop)
    assert shop.name == "Lotus 茶馆"
    assert shop.address == "1 Main St, Springfield"
    assert shop.phone == "(650) 253-0000"
    assert (shop.phone_region, shop.currency, shop.timezone) == ("US", "USD", "America/New_York")
    assert load_document_settings(new_shop).slip_paper == "4x6"
    assert QSettings().value(LANGUAGE_SETTING) == "en"
    assert not needs_first_run(new_shop)  # not offered again
    assert not page.camera.is_running()


def test_skip_setup_stores_nothing_and_is_not_offered_again(
    qtbot: QtBot, wizard: FirstRunWizard, new_shop: Database
) -> None:
    _fill_shop(qtbot, wizard, name="Half typed", phone="12", region="CN")
    _next_blocked = not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert _next_blocked  # a bad phone does not stop the shopkeeper from skipping
    wizard.button(QWizard.WizardButton.CustomButton1).click()
    assert wizard.result() == QWizard.DialogCode.Rejected
    assert wizard.outcome == ""
    assert load_settings(new_shop).name == ""
    assert load_document_settings(new_shop).slip_paper == "a4"
    assert not needs_first_run(new_shop)


def test_escape_on_a_later_page_skips_too(qtbot: QtBot, wizard: FirstRunWizard, new_shop: Database) -> None:
    _fill_shop(qtbot, wizard, name="Corner Shop", phone="", region="CN")
    _next(wizard)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.result() == QWizard.DialogCode.Rejected
    assert load_settings(new_shop).name == ""
    assert not needs_first_run(new_shop)


def test_a_time_zone_not_in_the_list_is_refused(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    _fill_shop(qtbot, wizard, name="Corner Shop", phone="", region="CN")
    _next(wizard)
    wizard.region_page.timezone.setCurrentText("Mars/Olympus")
    assert "Choose a time zone from the list" in wizard.region_page.error_timezone.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.region_page.timezone.setCurrentText("Europe/London")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_shop_with_a_name_or_orders_gets_no_wizard(qtbot: QtBot, shop: Database, demo_shop: Database) -> None:
    assert first_run(shop) == ""  # named shop: returns at once, nothing shown
    assert first_run(demo_shop) == ""
    assert not needs_first_run(shop) and not needs_first_run(demo_shop)


def test_the_language_chosen_is_the_windows_language_from_then_on(monkeypatch: pytest.MonkeyPatch, qapp) -> None:
    from PySide6.QtCore import QLocale

    from orderapp.gui.app import LANGUAGE_ENV, ui_locale

    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    QSettings().setValue(LANGUAGE_SETTING, "zh_CN")
    try:
        assert ui_locale(QLocale("en_US")).name() == "zh_CN"
        monkeypatch.setenv(LANGUAGE_ENV, "en")  # the variable still wins, for support
        assert ui_locale(QLocale("en_US")).language() == QLocale.Language.English
    finally:
        QSettings().remove(LANGUAGE_SETTING)
    monkeypatch.delenv(LANGUAGE_ENV)
    assert ui_locale(QLocale("en_US")).language() == QLocale.Language.English


@pytest.mark.parametrize("press", ["skip_setup", "finish"])
def test_first_run_shows_the_wizard_on_a_new_shop_only_once(
    qtbot: QtBot, new_shop: Database, sync_tasks: tasks.SynchronousRunner, press: str, applied: list[str]
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[str] = []

    def answer() -> None:
        wizard = QApplication.activeModalWidget()
        assert isinstance(wizard, FirstRunWizard)
        seen.append(wizard.objectName())
        if press == "skip_setup":
            wizard.button(QWizard.WizardButton.CustomButton1).click()
            return
        qtbot.keyClicks(wizard.shop_page.name, "Corner Shop")
        wizard.next()
        wizard.region_page.language.setCurrentIndex(wizard.region_page.language.findData("zh_CN"))
        for _page in range(3):
            wizard.next()
        wizard.start_page.choices["import"].click()
        wizard.button(QWizard.WizardButton.FinishButton).click()

    QTimer.singleShot(0, answer)
    outcome = first_run(new_shop)
    QSettings().remove(LANGUAGE_SETTING)
    assert seen == ["first_run_wizard"]
    assert outcome == ("" if press == "skip_setup" else "import")
    assert load_settings(new_shop).name == ("" if press == "skip_setup" else "Corner Shop")
    assert applied == ([] if press == "skip_setup" else ["zh_CN"])  # the window speaks the language chosen
    assert first_run(new_shop) == ""  # the second start: no wizard (it would block this test)


@pytest.mark.parametrize("outcome", ["import", "empty", ""])
def test_import_my_products_opens_the_import_dialog(qtbot: QtBot, window, outcome: str) -> None:
    from orderapp.gui.first_run_wizard import open_first_task
    from orderapp.gui.product_import_dialog import ProductImportDialog

    open_first_task(window, outcome)
    dialogs = [d for d in window.findChildren(ProductImportDialog) if d.isVisible()]
    if outcome == "import":
        assert window.current_key() == "inventory"
        assert len(dialogs) == 1
        dialogs[0].close()
    else:
        assert window.current_key() == "dashboard"
        assert dialogs == []


def test_try_the_demo_opens_the_demo_shop_and_keeps_the_new_shop_set_up(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sync_tasks: tasks.SynchronousRunner
) -> None:
    """run_app on a new shop, as a first start: the wizard, then the demo shop in the window."""
    from gui_helpers import DialogDriver
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from orderapp import paths
    from orderapp.gui import app as gui_app
    from orderapp.gui import crash
    from orderapp.gui.main_window import MainWindow

    demo_path = tmp_path / "demo" / "demo-shop.sqlite"
    monkeypatch.setattr(paths, "demo_database_path", lambda: demo_path)
    own_path = tmp_path / "own" / "shop.sqlite"
    monkeypatch.setattr(paths, "default_database_path", lambda: own_path)  # a first start: the everyday shop

    def answer_wizard(wizard) -> None:
        assert isinstance(wizard, FirstRunWizard)
        qtbot.keyClicks(wizard.shop_page.name, "Corner Shop")
        for _page in range(4):
            wizard.next()
        wizard.start_page.choices["demo"].click()
        wizard.button(QWizard.WizardButton.FinishButton).click()

    def demo_being_made(dialog) -> None:  # the demo shop's progress, which closes by itself
        assert dialog.objectName() == "demo_progress"

    driver = DialogDriver(answer_wizard, demo_being_made)
    shown: list[tuple[str, str]] = []

    def close_the_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(20, close_the_window)
            return
        shown.append((str(windows[0].database.path), windows[0].windowTitle()))
        windows[0].close()

    QTimer.singleShot(20, close_the_window)
    try:
        assert gui_app.run_app(str(own_path), demo=False) == 0
    finally:
        crash.uninstall_crash_handler()
        QApplication.instance().setStyleSheet("")
        QSettings().remove(LANGUAGE_SETTING)
    driver.check()
    assert shown and shown[0][0] == str(demo_path)
    own = open_database(str(own_path))
    try:
        assert load_settings(own).name == "Corner Shop"  # the new shop keeps what the wizard was told
        assert not needs_first_run(own)
    finally:
        own.dispose()


def test_skip_closes_the_wizard_even_when_the_shop_cannot_be_written(
    qtbot: QtBot, wizard: FirstRunWizard, new_shop: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import orderapp.gui.first_run_wizard as module

    def locked(_database: Database) -> None:
        raise OSError("database is locked")

    monkeypatch.setattr(module, "skip_first_run", locked)
    wizard.button(QWizard.WizardButton.CustomButton1).click()
    assert wizard.result() == QWizard.DialogCode.Rejected and not wizard.isVisible()
    assert needs_first_run(new_shop)  # nothing was noted, so it is offered again next time
