"""Start the desktop app: open the shop (asking about any problem), fill the demo shop on first use,
show the main window and run until it closes."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, Qt, QTimer, QTranslator, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from orderapp import i18n, paths
from orderapp.app_logging import setup_logging
from orderapp.gui.backup_restore import RESTART_EXIT, watch_shop
from orderapp.gui.context import AppContext
from orderapp.gui.crash import install_crash_handler
from orderapp.gui.database_dialog import open_shop
from orderapp.gui.icons import app_icon
from orderapp.gui.main_window import MainWindow
from orderapp.gui.settings_language import chosen_language
from orderapp.gui.staff_session import first_sign_in
from orderapp.gui.tasks import current_runner, run_task, wait_for_task
from orderapp.store.database import Database

log = logging.getLogger(__name__)

STARTUP_REPORT_ENV = "ORDERAPP_STARTUP_REPORT"
LANGUAGE_ENV = "ORDERAPP_LANGUAGE"  # zh_CN or en: overrides the system's language
APP_NAME = "OrderApp"


def _tr(text: str) -> str:
    return QCoreApplication.translate("run_app", text)


def make_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    from orderapp import __version__

    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    return app


def ui_locale(system: QLocale | None = None) -> QLocale:
    """The language the window speaks: ``ORDERAPP_LANGUAGE`` (``zh_CN``, ``en``, ...) when set, else the
    system's. Any Chinese (zh, zh_TW, zh_HK, ...) is the one Chinese catalogue there is, Simplified."""
    forced = os.environ.get(LANGUAGE_ENV, "").strip() or chosen_language()  # or this PC's choice (Settings)
    locale = QLocale(forced) if forced else (system or QLocale.system())
    if locale.language() == QLocale.Language.Chinese:
        return QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedHanScript, QLocale.Country.China)
    return locale


def install_translators(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Qt's own texts (standard buttons and dialogs) and the app's, in the user's language (``ui_locale``
    unless ``locale`` is given), where a .qm catalogue exists; English otherwise."""
    locale = locale or ui_locale()
    QLocale.setDefault(locale)  # dates, numbers and country names on screen follow the same language
    installed: list[QTranslator] = []
    sources = [
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("orderapp", str(paths.bundled_dir("resources") / "translations")),
    ]
    for name, folder in sources:
        translator = QTranslator(app)
        # A language without a catalogue reads English, with English plurals ("1 order", "2 orders").
        if translator.load(locale, name, "_", folder) or (
            name == "orderapp" and translator.load(QLocale(QLocale.Language.English), name, "_", folder)
        ):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.debug("no %s catalogue for %s in %s", name, locale.name(), folder)
    i18n.install(locale.name())  # the core's own messages (gettext), in the same language
    return installed


def ensure_cjk_font() -> str | None:
    """Chinese shows as empty boxes on a PC without a CJK font (a bare Linux): then use the font
    shipped for printing. Returns the family added, None when the system has one already."""
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return None
    path = paths.bundled_dir("resources") / "fonts" / "WenQuanYiMicroHei.ttf"
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("no CJK font on this PC, and %s could not be loaded: Chinese may show as boxes", path)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def apply_style(app: QApplication) -> None:
    sheet = paths.bundled_dir("resources") / "style.qss"
    try:
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))
    except OSError:
        log.warning("no style sheet at %s; using Qt's plain look", sheet)


class _DemoBuild(QObject):
    progress = Signal(str, int, int)


def fill_demo_shop(database: Database) -> None:
    """Build the demo shop in a worker (about a second), showing its progress; waits for it."""
    from orderapp.demo import build_demo_shop
    from orderapp.demo.packing_clips import add_demo_clips

    dialog = QProgressDialog(_tr("Making the demo shop…"), "", 0, 0)
    dialog.setObjectName("demo_progress")
    dialog.setWindowTitle(_tr("OrderApp demo"))
    dialog.setCancelButton(None)  # half a demo shop is worse than waiting a second
    dialog.setMinimumDuration(0)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setAutoClose(False)
    dialog.show()
    bridge = _DemoBuild()

    def show_progress(phase: str, done: int, total: int) -> None:
        dialog.setLabelText(_tr("Making the demo shop: {phase}…").format(phase=phase))
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    bridge.progress.connect(show_progress)  # queued when it comes from the worker

    def build() -> object:
        report = build_demo_shop(database, progress=lambda phase, n, total: bridge.progress.emit(phase, n, total))
        add_demo_clips(database)  # packing videos of the last few packed orders (issue 16)
        return report

    failure: list[BaseException] = []
    try:
        wait_for_task(build)
    except Exception as exc:  # reported below; the shop opens empty
        failure.append(exc)
    dialog.close()
    dialog.deleteLater()
    if failure:
        log.error("the demo shop could not be built", exc_info=failure[0])
        QMessageBox.warning(
            None,
            _tr("OrderApp demo"),
            _tr("The demo shop could not be made: {reason}. It opens empty instead.").format(reason=failure[0]),
        )


def arm_startup_report(window: MainWindow, target: str) -> None:
    """For the start-up benchmark: once the first figures are painted and the event loop is idle,
    write {"ready_at", "pid"} to ``target`` (atomically)."""

    def write() -> None:
        tmp = target + ".tmp"
        try:
            Path(tmp).write_text(json.dumps({"ready_at": time.time(), "pid": os.getpid()}), encoding="utf-8")
            os.replace(tmp, target)
        except OSError:
            log.exception("cannot write the start-up report to %s", target)

    def first_figures(_figures: object) -> None:
        window.dashboard.figures_loaded.disconnect(first_figures)
        QTimer.singleShot(0, write)

    window.dashboard.figures_loaded.connect(first_figures)


def catch_up_search_index(database: Database, window: MainWindow) -> None:
    """Orders loaded in bulk (another tool, an old backup) get their search rows in a worker: the
    first time on a million-order shop that takes half a minute, and the window is usable meanwhile."""

    def catch_up() -> int:
        from orderapp.services.orders.search import ensure_search_index

        return ensure_search_index(database)

    def done(added: object) -> None:
        if isinstance(added, int) and added:
            log.info("added %d orders to the search index", added)

    def failed(exc: BaseException) -> None:
        log.warning("could not bring the order search index up to date: %s", exc)

    run_task(catch_up, done, failed, context=window)


def run_app(url: str, *, demo: bool) -> int:
    """The desktop app; returns the process exit status (1 when the user gives up opening a shop)."""
    setup_logging()
    app = make_application()
    install_translators(app)
    ensure_cjk_font()
    apply_style(app)
    install_crash_handler()

    database, note = open_shop(url, new_shop=demo)  # the demo shop is made wherever it is asked for
    if database is None:
        log.info("the user quit without opening a shop")
        return 1
    log.info("opened the shop at %s", database.location)
    try:
        start = "" if demo else _first_run(database)  # the setup wizard on a new shop (gui/first_run_wizard.py)
        if start == "demo":
            database.dispose()
            demo_shop, note = open_shop(str(paths.demo_database_path()))
            if demo_shop is None:
                return 1
            database, demo = demo_shop, True
        if demo:
            from orderapp.store.opening import shop_is_empty

            if shop_is_empty(database):
                fill_demo_shop(database)
        context = AppContext(database=database, demo=demo)
        if not first_sign_in(context):
            return 1
        window = MainWindow(context)
        report_to = os.environ.get(STARTUP_REPORT_ENV, "").strip()
        if report_to:
            arm_startup_report(window, report_to)
        window.show()
        if start:
            from orderapp.gui.first_run_wizard import open_first_task

            open_first_task(window, start)
        if note:
            window.statusBar().showMessage(note, 60_000)
        catch_up_search_index(database, window)
        watch_shop(database, window)  # the background integrity check's verdict, then the day's backup
        status = app.exec()
    finally:
        current_runner().wait(10_000)  # no worker still holds a connection when the database closes
        database.dispose()
    if status == RESTART_EXIT:  # a backup is to be restored: open_shop puts it in place, then opens it
        return run_app(url, demo=demo)
    return status


def _first_run(database: Database) -> str:
    """The setup wizard's outcome on a new shop; an existing shop never loads the wizard (start-up time)."""
    from orderapp.services.shop.first_run import needs_first_run

    try:
        if not needs_first_run(database):
            return ""
    except Exception:  # the wizard says why when it cannot tell; it is a help, not a gate
        log.exception("could not tell whether the shop is new")
        return ""
    from orderapp.gui.first_run_wizard import first_run

    return first_run(database)
