"""The dashboard's deadline line: at risk in the next hour, overdue by step, open exceptions; counted
in a worker."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from orderapp.gui.style import set_state
from orderapp.gui.tasks import run_task
from orderapp.services.aftersales.exception_deadlines import StepDeadlines, step_deadlines
from orderapp.store.database import Database

log = logging.getLogger(__name__)


class DeadlinesLine(QLabel):
    loaded = Signal(object)  # StepDeadlines

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlines_line")
        self.setWordWrap(True)
        self._database = database
        self._loading = False
        self.deadlines: StepDeadlines | None = None

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        database = self._database
        run_task(lambda: step_deadlines(database), self._show, self._failed, context=self)

    def _show(self, deadlines: StepDeadlines) -> None:
        self._loading = False
        self.deadlines = deadlines
        self.setText(deadlines.text())
        late = deadlines.at_risk or any(count for _step, count in deadlines.overdue) or deadlines.severe_open
        set_state(self, "alert" if late else "")
        self.loaded.emit(deadlines)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        log.warning("counting the deadlines failed", exc_info=exc)
        self.setText(self.tr("The deadlines could not be counted: {reason}").format(reason=exc))
