"""The main window: the screens on the left, the chosen one on the right, the database below."""

from __future__ import annotations

import logging
import platform
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeGuard

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from orderapp import __version__
from orderapp.app_logging import log_file
from orderapp.errors import OrderAppError
from orderapp.gui import live_refresh
from orderapp.gui.barcode_conflicts_notice import check_barcode_conflicts
from orderapp.gui.context import AppContext
from orderapp.gui.dashboard_screen import DashboardScreen
from orderapp.gui.desktop import open_folder
from orderapp.gui.exceptions_watch import ExceptionWatch
from orderapp.gui.icons import app_icon
from orderapp.gui.screen_registry import build_screen, screen_entries
from orderapp.gui.staff_session import StaffSession
from orderapp.gui.tasks import run_task
from orderapp.services.settings.shop import ShopSettings, load_settings
from orderapp.store.database import Database

if TYPE_CHECKING:  # imported when the Settings screen is first shown, not at start (start-up time)
    from orderapp.gui.settings_screen import SettingsScreen

log = logging.getLogger(__name__)

SETTINGS_ORGANISATION = "OrderApp"
SETTINGS_APPLICATION = "OrderApp"
GEOMETRY_KEY = "main_window/geometry"

ScreenFactory = Callable[[AppContext], QWidget]


def window_settings() -> QSettings:
    return QSettings(SETTINGS_ORGANISATION, SETTINGS_APPLICATION)


class MainWindow(QMainWindow):
    """The screens of ``screen_registry``, each made when first shown (the dashboard at once), so
    start-up stays lean. ``screens`` replaces the factories of some keys (tests: a light stand-in).
    """

    shop_settings_changed = Signal(object)  # ShopSettings, loaded at start or saved
    screen_built = Signal(str, QWidget)  # key, screen: made on first showing

    def __init__(
        self,
        database: Database | AppContext,
        *,
        demo: bool = False,
        screens: Mapping[str, ScreenFactory] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        self.context = database if isinstance(database, AppContext) else AppContext(database=database, demo=demo)
        self.database = self.context.database
        self.demo = self.context.demo
        self.shop_settings: ShopSettings | None = None
        self._settings_pending = False
        self._factories: dict[str, ScreenFactory] = dict(screens or {})
        self._built: set[str] = {"dashboard"}
        self.entries = list(screen_entries())
        self.keys = [entry.key for entry in self.entries]

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Screens"))
        self.navigation.setFixedWidth(180)
        self.navigation.setSpacing(2)
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.navigation.setFont(font)

        self.stack = QStackedWidget()
        self.stack.setObjectName("screens")
        dashboard = build_screen(self.entries[0], self.context)
        assert isinstance(dashboard, DashboardScreen)
        self.dashboard = dashboard
        self.dashboard.open_list.connect(self.open_list)
        self._pages: dict[str, QWidget] = {}
        for number, entry in enumerate(self.entries, start=1):
            shortcut = QKeySequence(f"Ctrl+{number}")
            item = QListWidgetItem(entry.title)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setToolTip(
                self.tr("{screen} ({shortcut})").format(
                    screen=entry.title, shortcut=shortcut.toString(QKeySequence.SequenceFormat.NativeText)
                )
            )
            item.setSizeHint(QSize(0, 36))
            self.navigation.addItem(item)
            action = QAction(entry.title, self)
            action.setObjectName(f"action_show_{entry.key}")
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, key=entry.key: self.show_screen(key))
            self.addAction(action)
            if entry.key == "dashboard":
                page: QWidget = self.dashboard
            else:
                page = QWidget()  # stands in until the screen is first shown
                page.setObjectName(f"unbuilt_{entry.key}")
            self._pages[entry.key] = page
            self.stack.addWidget(page)
        self.navigation.currentRowChanged.connect(self._navigation_moved)

        central = QWidget()
        central.setObjectName("central")
        layout = QHBoxLayout(central)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._make_menus()
        self.database_label = QLabel(self.tr("Database: {location}").format(location=self.database.location))
        self.database_label.setObjectName("status_database")
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.database_label, 1)

        self._update_title()
        # The first size fits the screen (a 1024x700 shop PC opened it wider than the screen).
        screen = self.screen()
        room = screen.availableGeometry().size() if screen is not None else QSize(1100, 720)
        self.resize(min(1100, room.width()), min(720, room.height()))
        geometry = window_settings().value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        self.navigation.setCurrentRow(0)
        self._load_shop_settings()
        check_barcode_conflicts(self, self.database)
        self.staff = StaffSession(self, self.context)
        self.exception_watch = ExceptionWatch(self.database, self)  # automatic checks + tray notice
        self.live_refresh = live_refresh.install(self, self.database)  # other PCs' changes show here

    # -- menus ---------------------------------------------------------------------------------

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("menu_file")
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setObjectName("action_quit")
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.setObjectName("menu_help")
        log_action = QAction(self.tr("Open &log folder"), self)
        log_action.setObjectName("action_open_log_folder")
        log_action.setToolTip(self.tr("Show the folder with OrderApp's log, for whoever helps you with it"))
        log_action.triggered.connect(lambda: open_folder(log_file().parent))
        help_menu.addAction(log_action)
        about_action = QAction(self.tr("&About OrderApp"), self)
        about_action.setObjectName("action_about")
        about_action.setMenuRole(QAction.MenuRole.AboutRole)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    def about_text(self) -> str:
        return self.tr(
            "<h3>OrderApp {version}</h3>"
            "<p>Orders, scan-verified packing, stock counts and printed paperwork for small shops.</p>"
            "<p>Python {python}, Qt for Python {pyside}</p>"
        ).format(version=__version__, python=platform.python_version(), pyside=pyside_version)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About OrderApp"), self.about_text())

    # -- screens -------------------------------------------------------------------------------

    def screen_for(self, key: str) -> QWidget:
        """The screen widget for ``key`` ("dashboard", "orders", ..., "settings"), made if needed."""
        if key not in self._built:
            self._build(key)
        return self._pages[key]

    def settings_screen(self) -> SettingsScreen:
        screen = self.screen_for("settings")
        assert _is_settings(screen)
        return screen

    def _build(self, key: str) -> None:
        entry = self.entries[self.keys.index(key)]
        factory = self._factories.get(key)
        screen = factory(self.context) if factory else build_screen(entry, self.context)
        screen.setObjectName(f"screen_{key}")  # one name per entry, whatever the screen calls itself
        old = self._pages[key]
        self.stack.insertWidget(self.stack.indexOf(old), screen)
        self.stack.removeWidget(old)
        old.deleteLater()
        self._pages[key] = screen
        self._built.add(key)
        if _is_settings(screen):
            screen.settings_saved.connect(self._shop_settings_arrived)
            if self.shop_settings is not None:
                screen.show_settings(self.shop_settings)
            elif not self._settings_pending:
                screen.load()
        self.screen_built.emit(key, screen)

    def show_screen(self, key: str) -> None:
        page = self.screen_for(key)
        # Only the screen on show counts towards the window's smallest size: a wide screen shown once
        # must not keep the window wide (or widen it) on every other screen.
        for other in self._pages.values():
            policy = QSizePolicy.Policy.Preferred if other is page else QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(page)
        row = self.keys.index(key)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)

    def open_list(self, kind: str) -> None:
        """A dashboard card: the list behind its figure ("orders_today", "to_pack", "overdue", "low_stock")."""
        key = "inventory" if kind == "low_stock" else "orders"
        self.show_screen(key)
        screen = self._pages[key]
        show_list = getattr(screen, "show_list", None)
        if callable(show_list):
            show_list(kind)

    def current_key(self) -> str:
        return self.keys[self.stack.currentIndex()]

    def _navigation_moved(self, row: int) -> None:
        if 0 <= row < len(self.keys):
            self.show_screen(self.keys[row])

    # -- the shop's name -----------------------------------------------------------------------

    def _load_shop_settings(self) -> None:
        self._settings_pending = True
        database = self.database
        run_task(lambda: load_settings(database), self._shop_settings_arrived, self._shop_settings_failed, context=self)

    def _shop_settings_arrived(self, settings: ShopSettings) -> None:
        first = self.shop_settings is None
        self._settings_pending = False
        self.shop_settings = settings
        self._update_title()
        screen = self._pages["settings"]
        if first and _is_settings(screen) and not screen.has_changes():
            screen.show_settings(settings)
        self.shop_settings_changed.emit(settings)

    def _shop_settings_failed(self, exc: BaseException) -> None:
        self._settings_pending = False
        if not isinstance(exc, OrderAppError):
            log.error("loading the shop settings failed", exc_info=exc)
        self.statusBar().showMessage(self.tr("The shop's settings could not be read: {reason}").format(reason=exc))
        screen = self._pages["settings"]
        if _is_settings(screen):
            screen.load()

    def _update_title(self) -> None:
        name = self.shop_settings.name.strip() if self.shop_settings is not None else ""
        title = self.tr("OrderApp – {shop}").format(shop=name) if name else self.tr("OrderApp")
        if self.demo:
            title += self.tr(" (demo)")
        self.setWindowTitle(title)

    # -- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        window_settings().setValue(GEOMETRY_KEY, self.saveGeometry())
        self.live_refresh.stop()
        super().closeEvent(event)


def _is_settings(screen: object) -> TypeGuard[SettingsScreen]:
    """Whether ``screen`` is the Settings screen, without importing it when it was never shown."""
    module = sys.modules.get("orderapp.gui.settings_screen")
    kind = getattr(module, "SettingsScreen", None) if module is not None else None
    return kind is not None and isinstance(screen, kind)
