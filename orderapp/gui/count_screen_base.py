"""What the parts of the counts screen share: its signals, the state they all read (the open count, the
work queue, the widgets of the form), how any part tells the user something, and the words for a
count's scope and status.

The screen is ``CountsScreen`` (counts_screen.py: the list of counts, opening one, refreshing); the
counting side is ``CountEntering`` (count_entering.py) and the review side, with posting and
cancelling, is ``CountReviewing`` (count_review.py). Each is a ``CountsScreenBase``.
"""

from __future__ import annotations

import logging
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QWidget,
)

from orderapp.errors import OrderAppError
from orderapp.gui.context import AppContext
from orderapp.gui.count_lines import CountLinesModel, ReviewModel
from orderapp.gui.fitting import FittedBanner
from orderapp.gui.questions import ask
from orderapp.gui.serial_work import SerialWork
from orderapp.services.stock.counts import CountStatus, CountSummary, EntryResult, ReviewLine, ScopeKind
from orderapp.store.database import Database

log = logging.getLogger(__name__)


def scope_text(summary: CountSummary) -> str:
    if summary.scope_kind is ScopeKind.LOCATION:
        return QCoreApplication.translate("CountsScreen", "location {value}").format(value=summary.scope_value)
    if summary.scope_kind is ScopeKind.CATEGORY:
        return QCoreApplication.translate("CountsScreen", "category {value}").format(value=summary.scope_value)
    if summary.scope_kind is ScopeKind.PRODUCTS:
        return QCoreApplication.translate("CountsScreen", "chosen products")
    return QCoreApplication.translate("CountsScreen", "everything")


def status_text(status: CountStatus) -> str:
    if status is CountStatus.POSTED:
        return QCoreApplication.translate("CountsScreen", "posted")
    if status is CountStatus.CANCELLED:
        return QCoreApplication.translate("CountsScreen", "cancelled")
    return QCoreApplication.translate("CountsScreen", "open")


class CountsScreenBase(QWidget):
    counts_listed = Signal(object)  # tuple[CountSummary, ...]
    count_shown = Signal(object)  # CountSummary
    entry_shown = Signal(object)  # EntryResult, after the scan display shows it
    scan_refused = Signal(str)
    review_shown = Signal(object)  # tuple[ReviewLine, ...]
    recount_requested = Signal(int)  # lines reset
    count_posted = Signal(object)  # PostResult
    count_cancelled = Signal(object)  # CountSummary
    document_ready = Signal(object)  # PrintPreview
    problem_shown = Signal(str)
    work_settled = Signal()  # every queued scan and typed quantity handled

    # Set up by CountsScreen.__init__; every part reads them.
    context: AppContext
    database: Database
    currency: str
    zone: ZoneInfo | None
    summary: CountSummary | None
    review: tuple[ReviewLine, ...]
    work: SerialWork
    _summary_timer: QTimer  # "12 of 40 counted" once scanning pauses
    lines_model: CountLinesModel
    review_model: ReviewModel
    _undo: list[int]  # entries made at this PC in the open count, newest last
    _last_entry: EntryResult | None
    _review_opened: set[int]
    _review_generation: int
    # the form's widgets the parts use
    tabs: QTabWidget
    code: QLineEdit
    scan_display: QWidget
    scan_name: QLabel
    scan_total: QLabel
    scan_message: QLabel
    lines_view: QTableView
    typed_qty: QSpinBox
    undo_button: QPushButton
    review_cover: QWidget
    review_panel: QWidget
    variances_only: QCheckBox
    threshold_units: QSpinBox
    threshold_value: QLineEdit
    thresholds_error: QLabel
    review_summary: QLabel
    review_view: QTableView
    recount_flagged_button: QPushButton
    zero_uncounted: QCheckBox
    post_button: QPushButton
    problem: QLabel
    scan_name_fit: FittedBanner
    scan_total_fit: FittedBanner
    scan_message_fit: FittedBanner
    problem_fit: FittedBanner
    thresholds_error_fit: FittedBanner
    review_summary_fit: FittedBanner

    # -- what CountsScreen does for the parts ---------------------------------------------------

    def show_count(self, count_id: int) -> None:
        raise NotImplementedError

    def load_counts(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def _show_count(self, summary: CountSummary | None) -> None:
        raise NotImplementedError

    def _show_lines_status(self) -> None:
        raise NotImplementedError

    # -- telling the user -----------------------------------------------------------------------

    def _time(self, moment: Any) -> str:
        local = moment.astimezone(self.zone) if self.zone is not None else moment.astimezone()
        return str(local.strftime("%Y-%m-%d %H:%M"))

    def _show_problem(self, problem: object) -> None:
        if isinstance(problem, BaseException) and not isinstance(problem, OrderAppError):
            log.error("a counts task failed", exc_info=problem)
        message = str(problem)
        self._message(message, "error")
        self.problem_shown.emit(message)

    def _note(self, text: str) -> None:
        self._message(text, "note")

    def _message(self, text: str, role: str) -> None:
        self.problem.setProperty("role", role)
        self.problem.style().unpolish(self.problem)
        self.problem.style().polish(self.problem)
        self.problem_fit.set_text(text)

    def _confirm(self, name: str, title: str, text: str, yes: str) -> bool:
        return ask(self, name, title, text, yes=(yes, f"{name}_yes"), no=(self.tr("Not now"), f"{name}_no"))
