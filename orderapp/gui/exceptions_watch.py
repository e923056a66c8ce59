"""The automatic exception checks, run in a worker every minute while the app is open, and the
desktop notification (tray) that tells the owner when new exceptions appear. No network needed."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from orderapp.errors import OrderAppError
from orderapp.gui.icons import app_icon
from orderapp.gui.tasks import run_task
from orderapp.services.aftersales.exception_checks import CheckResult, run_exception_checks
from orderapp.store.database import Database

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 60_000
FIRST_CHECK_MS = 5_000  # after start-up, not during it


class ExceptionWatch(QObject):
    checked = Signal(object)  # CheckResult, after each run
    notified = Signal(str)  # the sentence shown to the owner

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exception_watch")
        self._database = database
        self._running = False
        self._window = parent
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("exception_check_timer")
        self.timer.timeout.connect(self.check_now)
        self.timer.setInterval(CHECK_EVERY_MS)
        QTimer.singleShot(FIRST_CHECK_MS, self, self._start)

    def _start(self) -> None:
        self.timer.start()
        self.check_now()

    def check_now(self) -> None:
        """One run of the checks in a worker; a run under way is not doubled."""
        if self._running:
            return
        self._running = True
        database = self._database
        run_task(lambda: run_exception_checks(database), self._done, self._failed, context=self)

    def _done(self, result: CheckResult) -> None:
        self._running = False
        notice = result.notice()
        if notice:
            self.notify(notice)
        self.checked.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        if not isinstance(exc, OrderAppError):
            log.warning("the automatic exception checks failed; they run again in a minute", exc_info=exc)

    def notify(self, sentence: str) -> None:
        """A tray message where the desktop has a tray; otherwise the window's status bar."""
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            if self.tray is None:
                self.tray = QSystemTrayIcon(app_icon(), self)
                self.tray.setToolTip(self.tr("OrderApp"))
                self.tray.show()
            self.tray.showMessage(self.tr("OrderApp: new exceptions"), sentence, QSystemTrayIcon.MessageIcon.Warning)
        else:
            status = getattr(self._window, "statusBar", None)
            if callable(status):
                status().showMessage(sentence, 30_000)
        self.notified.emit(sentence)
