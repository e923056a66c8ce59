"""The dashboard: four figures that need the shop's attention now, counted in a worker. Each card opens
the list behind its figure (today's orders, orders to pack, overdue orders, low stock): click it, or
Tab to it and press Enter or Space."""

from __future__ import annotations

import logging

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from orderapp.domain.shop_clock import local, shop_zone
from orderapp.errors import OrderAppError
from orderapp.gui.backup_restore import LastBackupLine
from orderapp.gui.exceptions_dashboard import DeadlinesLine
from orderapp.gui.fitting import fixed_lines
from orderapp.gui.forms import child, load_form
from orderapp.gui.problems import show_problem
from orderapp.gui.style import set_state
from orderapp.gui.tasks import run_task
from orderapp.services.shop.dashboard import DashboardFigures, dashboard_figures
from orderapp.store.database import Database

log = logging.getLogger(__name__)

REFRESH_MS = 60_000
FIGURES = ("orders_today", "to_pack", "overdue", "low_stock")


class DashboardScreen(QWidget):
    figures_loaded = Signal(object)  # DashboardFigures, after they are painted
    open_list = Signal(str)  # a card was opened: "orders_today", "to_pack", "overdue" or "low_stock"
    load_failed = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen_dashboard")
        self._database = database
        self._loading = False
        self.figures: DashboardFigures | None = None
        self._loaded_at: QElapsedTimer | None = None

        self.form = load_form("dashboard.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 9, 9, 9)  # as the placeholder screens: every heading in one place
        layout.addWidget(self.form)
        self.last_backup = LastBackupLine(database, self)
        layout.addWidget(self.last_backup)
        self.deadlines = DeadlinesLine(database)  # exceptions: at risk in the next hour, overdue by step
        layout.addWidget(self.deadlines)
        self.figure_labels = {key: child(self.form, QLabel, f"figure_{key}") for key in FIGURES}
        self.as_of = child(self.form, QLabel, "as_of")
        self.load_problem = child(self.form, QLabel, "load_problem")
        fixed_lines(self.load_problem, 2)  # its room kept, whatever it says
        self.load_problem.hide()
        self.tiles = {key: child(self.form, QFrame, f"tile_{key}") for key in FIGURES}
        for key, tile in self.tiles.items():
            tile.setCursor(Qt.CursorShape.PointingHandCursor)
            tile.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            tile.setAccessibleName(self.findChild(QLabel, f"caption_{key}").text())  # type: ignore[union-attr]
            tile.installEventFilter(self)
        self.refresh_button = child(self.form, QPushButton, "refresh_dashboard")
        self.refresh_button.clicked.connect(self.refresh)

        self._timer = QTimer(self)
        self._timer.setObjectName("dashboard_refresh_timer")
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # A window merely restored from the task bar refreshes only figures that have gone stale.
        if not event.spontaneous() or self._stale():
            self.refresh()
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def _stale(self) -> bool:
        return self._loaded_at is None or self._loaded_at.elapsed() >= REFRESH_MS

    def refresh(self) -> None:
        """Count the figures again in a worker; a refresh already under way is not doubled."""
        if self._loading:
            return
        self._loading = True
        self.refresh_button.setEnabled(False)
        database = self._database
        run_task(lambda: dashboard_figures(database), self._show_figures, self._show_problem, context=self)
        self.deadlines.refresh()

    def _show_figures(self, figures: DashboardFigures) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        self.figures = figures
        self._loaded_at = QElapsedTimer()
        self._loaded_at.start()
        values = {
            "orders_today": figures.orders_today,
            "to_pack": figures.to_pack,
            "overdue": figures.overdue,
            "low_stock": figures.low_stock,
        }
        for key, value in values.items():
            self.figure_labels[key].setText(f"{value:,}")
        set_state(self.figure_labels["overdue"], "alert" if figures.overdue > 0 else "")
        set_state(self.figure_labels["low_stock"], "alert" if figures.low_stock > 0 else "")
        # The shop's clock time (the figures' "today" is the shop's day too).
        shown = local(figures.as_of, shop_zone(figures.timezone))
        self.as_of.setText(self.tr("as of {time}").format(time=shown.strftime("%H:%M")))
        self.load_problem.hide()
        if self.isVisible():
            self.repaint()  # painted before anyone is told: the start-up benchmark counts on it
        self.figures_loaded.emit(figures)

    def _show_problem(self, exc: BaseException) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        if isinstance(exc, OrderAppError):
            reason = str(exc)
        else:
            log.error("counting the dashboard figures failed", exc_info=exc)
            reason = self.tr("{kind}: {detail}").format(kind=type(exc).__name__, detail=exc)
        message = self.tr("The figures could not be counted ({reason}). They will be tried again in a minute.").format(
            reason=reason
        )
        show_problem(self.load_problem, message)
        self.load_failed.emit(message)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        key = next((name for name, tile in self.tiles.items() if tile is watched), None)
        clicked = (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        )
        pressed = (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        )
        if key is not None and (clicked or pressed):
            self.open_list.emit(key)
            return True
        return super().eventFilter(watched, event)
