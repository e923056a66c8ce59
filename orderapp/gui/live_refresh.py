"""Screens that follow the other PCs: when another station changes the shop's data, the lists, the
dashboard and the packing queue read it again by themselves, within about a second.

The core's ``ChangeFeed`` (its own connection and thread) reports changes; here they become a Qt
signal on the GUI thread, are gathered for a moment, and each screen that shows such data is
refreshed: at once when it is on show, else when it is next shown. A screen never refreshes more
often than once every ``MIN_GAP_MS``. A lost server connection is said in the status bar.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from orderapp.gui.tasks import run_task
from orderapp.store.change_feed import Change, ChangeFeed
from orderapp.store.database import Database

log = logging.getLogger(__name__)

GATHER_MS = 200
MIN_GAP_MS = 800

# The tables each screen shows (by its key in the main window).
SCREEN_TABLES: dict[str, tuple[str, ...]] = {
    "dashboard": ("orders", "order_line", "product"),
    "orders": ("orders", "order_line", "order_event", "customer"),
    "packing": ("orders", "order_line", "pack_session", "pack_scan"),
    "inventory": ("product", "product_barcode"),
    "counts": ("stock_count", "stock_count_line", "stock_count_entry", "product"),
}


class _Bridge(QObject):
    """Emitted from the feed's thread; delivered on the GUI thread (queued connections)."""

    heard = Signal(object)
    state = Signal(bool)


class LiveRefresh(QObject):
    changed = Signal(object)  # Change, gathered, on the GUI thread
    connection_changed = Signal(bool)  # False: the server cannot be reached; True: reached again
    refreshed = Signal(str)  # a screen's key, each time it is refreshed for a change

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = _Bridge()
        self._bridge.heard.connect(self._gather)
        self._bridge.state.connect(self._state)
        self._tables: set[str] = set()
        self._everything = False
        self._gathering = QTimer(self)
        self._gathering.setSingleShot(True)
        self._gathering.setInterval(GATHER_MS)
        self._gathering.timeout.connect(self._deliver)
        self._screens: dict[str, QWidget] = {}
        self._stale: set[str] = set()
        self._last: dict[str, QTimer] = {}  # running while a screen is inside its quiet gap
        self._due: set[str] = set()
        self.connected = True
        self.feed = ChangeFeed(database, self._bridge.heard.emit, on_state=self._bridge.state.emit)

    def start(self) -> None:
        self.feed.start()

    def stop(self) -> None:
        self.feed.stop()

    # -- screens ---------------------------------------------------------------------------------

    def watch(self, key: str, screen: QWidget) -> None:
        """Refresh ``screen`` (main window key ``key``) when data it shows changes elsewhere."""
        if key not in SCREEN_TABLES or _refresher(key, screen) is None:
            return
        self._screens[key] = screen
        screen.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            for key, screen in self._screens.items():
                if screen is watched and key in self._stale:
                    self._stale.discard(key)
                    self._refresh(key)
        return False

    # -- changes ---------------------------------------------------------------------------------

    def _gather(self, change: Change) -> None:
        if change.tables:
            self._tables |= change.tables
        else:
            self._everything = True
        if not self._gathering.isActive():
            self._gathering.start()

    def _deliver(self) -> None:
        change = Change(frozenset() if self._everything else frozenset(self._tables))
        self._tables = set()
        self._everything = False
        self.changed.emit(change)
        for key, screen in self._screens.items():
            if not change.touches(*SCREEN_TABLES[key]):
                continue
            if screen.isVisible():
                self._refresh(key)
            else:
                self._stale.add(key)

    def _refresh(self, key: str) -> None:
        gap = self._last.get(key)
        if gap is not None and gap.isActive():
            self._due.add(key)  # refreshed when the gap ends
            return
        if gap is None:
            gap = QTimer(self)
            gap.setSingleShot(True)
            gap.setInterval(MIN_GAP_MS)
            gap.timeout.connect(lambda key=key: self._gap_over(key))
            self._last[key] = gap
        gap.start()
        refresh = _refresher(key, self._screens[key])
        if refresh is not None:
            refresh()
            self.refreshed.emit(key)

    def _gap_over(self, key: str) -> None:
        if key in self._due:
            self._due.discard(key)
            if self._screens[key].isVisible():
                self._refresh(key)
            else:
                self._stale.add(key)

    def connection_text(self, connected: bool) -> str:
        if connected:
            return self.tr("Connected to the database again.")
        return self.tr(
            "The database server cannot be reached; what you save now will not be stored. "
            "Trying again every few seconds…"
        )

    def _state(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            self.connection_changed.emit(connected)


def _refresher(key: str, screen: QWidget) -> Callable[[], None] | None:
    """How a screen reads its data again without losing the user's place."""
    if key == "orders":
        return lambda: _refresh_orders(screen)
    if key == "inventory":
        return lambda: _refresh_inventory(screen)
    for name in ("refresh_queue", "refresh"):
        method = getattr(screen, name, None)
        if callable(method):
            return method
    return None


def _refresh_orders(screen: QWidget) -> None:
    # New orders come in at the top: a list scrolled down is left where the user is (its rows are
    # refreshed when they scroll back up or press Refresh); the open order is read again either way.
    table = getattr(screen, "table", None)
    at_top = table is None or table.verticalScrollBar().value() == 0
    if at_top:
        screen.refresh()  # type: ignore[attr-defined]
    else:
        detail = getattr(screen, "detail", None)
        if detail is not None and detail.view is not None:
            detail.load(detail.view.id)


def _refresh_inventory(screen: QWidget) -> None:
    # The product open in the detail panel (and its row) is read again; the whole list only when the
    # person is at its top with nothing open, so that their place and the open product stay put.
    selected = screen.selected_product_id()  # type: ignore[attr-defined]
    if selected is not None:
        database, shown = screen.database, screen.detail  # type: ignore[attr-defined]

        from orderapp.services.stock.catalogue import ProductDetail, get_product  # not at start: start-up time

        def compare(now: ProductDetail) -> None:
            if now != shown and screen.selected_product_id() == selected:  # type: ignore[attr-defined]
                screen.load_detail(selected)  # type: ignore[attr-defined]  # changed: shown again

        run_task(lambda: get_product(database, selected), compare, lambda _exc: None, context=screen)
        return
    table = getattr(screen, "table", None)
    if table is None or table.verticalScrollBar().value() == 0:
        screen.apply_query()  # type: ignore[attr-defined]


def install(window: QMainWindow, database: Database) -> LiveRefresh:
    """Give the main window live screens: its dashboard now, each other screen when it is built
    (``screen_built``), and a status bar sentence while the server cannot be reached."""
    live = LiveRefresh(database, window)
    dashboard = getattr(window, "dashboard", None)
    if isinstance(dashboard, QWidget):
        live.watch("dashboard", dashboard)
    window.screen_built.connect(live.watch)  # type: ignore[attr-defined]

    def say(connected: bool) -> None:
        window.statusBar().showMessage(live.connection_text(connected), 5000 if connected else 0)

    live.connection_changed.connect(say)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(live.stop)
    live.start()
    return live
