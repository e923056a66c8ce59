"""The Exceptions screen: the queue by priority and age, filters by family, severity, owner and
status, and one key per action on the chosen exception: S start, N note, A take an action, R resolve
(a resolution is required), O new owner. The chosen exception's history is shown beside the queue.

Every read and write runs in a worker; a refused action says why under the buttons and changes
nothing."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain import exception_labels as labels
from orderapp.domain.exception_rules import FAMILY_OF_TYPE, ActionType, ExceptionStatus, Family, Severity
from orderapp.domain.order_validation import parse_amount
from orderapp.domain.shop_clock import local, shop_zone
from orderapp.errors import OrderAppError, ValidationFailed
from orderapp.gui.context import AppContext
from orderapp.gui.evidence_button import PlayVideoButton
from orderapp.gui.exception_queue_model import ROW_ROLE, ExceptionQueueModel
from orderapp.gui.problems import show_problem
from orderapp.gui.tasks import run_task
from orderapp.services.aftersales.exception_actions import (
    add_note,
    assign_owner,
    resolve_exception,
    start_exception,
    take_action,
)
from orderapp.services.aftersales.exceptions import (
    ExceptionDetail,
    ExceptionRow,
    QueueFilter,
    get_exception,
    owners,
    raise_exception,
)
from orderapp.services.orders.placing import get_order_by_number
from orderapp.services.settings.orders import OrderSettings, load_order_settings

log = logging.getLogger(__name__)

# Asks the user for text: (title, question) -> the text, or None when they cancel.
AskText = Callable[[str, str], str | None]
# Asks for an action: () -> (action, amount as typed, detail), or None.
AskAction = Callable[[], tuple[str, str, str] | None]
# Asks for a new exception: () -> (order number, type, severity, cause), or None.
AskNew = Callable[[], tuple[str, str, str, str] | None]


def create_screen(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return ExceptionsScreen(context, parent)


class ExceptionsScreen(QWidget):
    detail_shown = Signal(object)  # ExceptionDetail
    acted = Signal(object)  # ExceptionDetail, after an action was stored
    refused = Signal(str)  # the sentence shown

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen_exceptions")
        self._context = context
        self._database = context.database
        self._settings = OrderSettings()
        self.detail: ExceptionDetail | None = None
        self.ask_text: AskText = self._ask_text
        self.ask_action: AskAction = self._ask_action
        self.ask_new: AskNew = self._ask_new

        self.family = self._combo(
            "filter_family", self.tr("Every family"), [(f.value, labels.family_label(f)) for f in Family]
        )
        self.severity = self._combo(
            "filter_severity", self.tr("Every severity"), [(s.value, labels.severity_label(s)) for s in Severity]
        )
        self.owner = self._combo("filter_owner", self.tr("Every owner"), [])
        statuses = [(s.value, labels.status_label(s)) for s in ExceptionStatus]
        self.status = self._combo("filter_status", self.tr("Not resolved"), statuses)
        self.status.addItem(self.tr("Every status"), "*")
        filters = QHBoxLayout()
        for combo in (self.family, self.severity, self.owner, self.status):
            filters.addWidget(combo)
            combo.currentIndexChanged.connect(self._filters_changed)
        filters.addStretch(1)
        self.new_button = QPushButton(self.tr("New e&xception…"))
        self.new_button.setObjectName("new_exception")
        self.new_button.clicked.connect(self.new_exception)
        filters.addWidget(self.new_button)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refresh_exceptions")
        self.refresh_button.clicked.connect(self.reload)
        filters.addWidget(self.refresh_button)

        self.model = ExceptionQueueModel(self._database, self)
        self.table = QTableView()
        self.table.setObjectName("exception_queue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Exceptions, highest priority first"))
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.model.load_failed.connect(self._load_failed)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        self.heading = QLabel()
        self.heading.setObjectName("exception_heading")
        self.heading.setWordWrap(True)
        self.cause = QLabel()
        self.cause.setObjectName("exception_cause")
        self.cause.setWordWrap(True)
        self.cause.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, key, slot in (
            ("start", self.tr("&Start"), "S", self.start),
            ("note", self.tr("&Note"), "N", self.note),
            ("action", self.tr("Take &action"), "A", self.act),
            ("resolve", self.tr("&Resolve"), "R", self.resolve),
            ("owner", self.tr("&Owner"), "O", self.change_owner),
        ):
            button = QPushButton(text)
            button.setObjectName(f"exception_{name}")
            button.setToolTip(self.tr("Key: {key}").format(key=key))
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[name] = button
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.problem = QLabel()
        self.problem.setObjectName("exception_problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.history = QTableWidget(0, 4)
        self.history.setObjectName("exception_history")
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Detail")])
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Packing evidence (issue 16): the video of the chosen exception's order.
        self.play_video = PlayVideoButton(context)
        video_row = QHBoxLayout()
        video_row.addWidget(self.play_video)
        video_row.addStretch(1)
        for widget in (self.heading, self.cause):
            side_layout.addWidget(widget)
        side_layout.addLayout(video_row)
        side_layout.addLayout(buttons)
        side_layout.addWidget(self.problem)
        side_layout.addWidget(self.history, 1)

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([900, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 9, 9, 9)
        title = QLabel(self.tr("Exceptions"))
        title.setObjectName("screen_title")
        title.setProperty("role", "heading")
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self._show_detail(None)
        database = self._database
        run_task(lambda: load_order_settings(database), self._settings_loaded, lambda _exc: None, context=self)
        self.reload()

    # -- the queue ---------------------------------------------------------------------------------

    def _combo(self, name: str, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, "")
        for value, text in items:
            combo.addItem(text, value)
        return combo

    def _settings_loaded(self, settings: OrderSettings) -> None:
        self._settings = settings

    def current_filter(self) -> QueueFilter:
        status = self.status.currentData() or ""
        return QueueFilter(
            family=self.family.currentData() or "",
            severity=self.severity.currentData() or "",
            owner=self.owner.currentData() or "",
            status="" if status == "*" else status,
            open_only=status != "*",
        )

    def _filters_changed(self) -> None:
        self.model.set_filters(self.current_filter())

    def reload(self) -> None:
        self.model.set_filters(self.current_filter())
        database = self._database
        run_task(lambda: owners(database), self._owners_loaded, lambda _exc: None, context=self)

    def _owners_loaded(self, names: tuple[str, ...]) -> None:
        chosen = self.owner.currentData() or ""
        self.owner.blockSignals(True)
        while self.owner.count() > 1:
            self.owner.removeItem(1)
        for name in names:
            self.owner.addItem(name, name)
        self.owner.setCurrentIndex(max(self.owner.findData(chosen), 0))
        self.owner.blockSignals(False)

    def queue_rows(self) -> list[ExceptionRow]:
        return [row for n in range(self.model.rowCount()) if (row := self.model.row_at(n)) is not None]

    def choose_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setFocus()

    def _chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.data(rows[0], ROW_ROLE) if rows else None
        if not isinstance(row, ExceptionRow):
            self._show_detail(None)
            return
        database = self._database
        run_task(lambda: get_exception(database, row.id), self._show_detail, self._refused, context=self)

    def _load_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, OrderAppError):
            log.error("reading the exceptions failed", exc_info=exc)
        self._say(self.tr("The exceptions could not be read: {reason}").format(reason=exc))

    # -- the chosen exception ----------------------------------------------------------------------

    def _show_detail(self, detail: ExceptionDetail | None) -> None:
        self.detail = detail
        for button in self.buttons.values():
            button.setEnabled(detail is not None)
        self.problem.hide()
        number = detail.row.order_number if detail is not None else ""
        if number != self.play_video.number:
            self.play_video.set_order(number)
        if detail is None:
            self.heading.setText(self.tr("Choose an exception in the queue."))
            self.cause.clear()
            self.history.setRowCount(0)
            return
        row = detail.row
        self.heading.setText(
            self.tr("{number} · order {order} · {type} · {severity} · {status} · owner {owner}").format(
                number=row.number, order=row.order_number, type=row.type_label, severity=row.severity_label,
                status=row.status_label, owner=row.owner or "-",
            )
        )  # fmt: skip
        text = row.cause or ""
        if row.resolution:
            text += "\n" + self.tr("Resolution: {text}").format(text=row.resolution)
        self.cause.setText(text)
        self.buttons["start"].setEnabled(row.status == ExceptionStatus.OPEN)
        self.buttons["resolve"].setEnabled(row.is_open)
        self.buttons["action"].setEnabled(row.is_open)
        zone = shop_zone(self._settings.timezone)
        entries = list(reversed(detail.history))
        self.history.setRowCount(len(entries))
        for n, event in enumerate(entries):
            extra = []
            if event.amount_cents is not None:
                from orderapp.domain.money import format_money

                extra.append(format_money(event.amount_cents, self._settings.currency))
            if event.linked_order_number:
                extra.append(self.tr("order {number}").format(number=event.linked_order_number))
            detail_text = " · ".join([*extra, event.detail] if event.detail else extra)
            for column, value in enumerate(
                (local(event.at, zone).strftime("%Y-%m-%d %H:%M"), event.actor, event.title, detail_text)
            ):
                self.history.setItem(n, column, QTableWidgetItem(value))
        self.history.resizeRowsToContents()
        self.detail_shown.emit(detail)

    def history_texts(self) -> list[tuple[str, ...]]:
        def cell(r: int, c: int) -> str:
            item = self.history.item(r, c)
            return item.text() if item is not None else ""

        return [tuple(cell(r, c) for c in range(4)) for r in range(self.history.rowCount())]

    # -- actions -----------------------------------------------------------------------------------

    def start(self) -> None:
        self._work(lambda db, eid, uid: start_exception(db, eid, user_id=uid))

    def note(self) -> None:
        text = self.ask_text(self.tr("Note"), self.tr("What happened? (e.g. called the customer, no answer)"))
        if text is not None:
            self._work(lambda db, eid, uid: add_note(db, eid, text, user_id=uid))

    def resolve(self) -> None:
        text = self.ask_text(self.tr("Resolve"), self.tr("The resolution: what was done and how it ended."))
        if text is not None:
            self._work(lambda db, eid, uid: resolve_exception(db, eid, text, user_id=uid))

    def change_owner(self) -> None:
        text = self.ask_text(self.tr("Owner"), self.tr("Who owns this exception now?"))
        if text is not None:
            self._work(lambda db, eid, uid: assign_owner(db, eid, text, user_id=uid))

    def act(self) -> None:
        chosen = self.ask_action()
        if chosen is None:
            return
        action, amount_text, detail = chosen
        try:
            amount = parse_amount(amount_text, self._settings.currency, empty=None) if amount_text.strip() else None
        except ValueError as exc:
            self._say(str(exc))
            return
        self._work(lambda db, eid, uid: take_action(db, eid, action, amount_cents=amount, detail=detail, user_id=uid))

    def new_exception(self) -> None:
        """Open one by hand (a customer's complaint, a call from the carrier) on an order by its number."""
        chosen = self.ask_new()
        if chosen is None:
            return
        number, kind, severity, cause = chosen
        database, user_id = self._database, self._context.user_id

        def raise_it() -> ExceptionDetail:
            order = get_order_by_number(database, number)
            row = raise_exception(database, order.id, kind, severity, user_id=user_id, cause=cause)
            return get_exception(database, row.id)

        run_task(raise_it, self._raised, self._refused, context=self)

    def _raised(self, detail: ExceptionDetail) -> None:
        self.reload()
        self._show_detail(detail)
        self.acted.emit(detail)

    def _work(self, work: Callable[..., ExceptionDetail]) -> None:
        if self.detail is None:
            return
        database, exception_id, user_id = self._database, self.detail.row.id, self._context.user_id
        for button in self.buttons.values():
            button.setEnabled(False)
        run_task(lambda: work(database, exception_id, user_id), self._done, self._refused, context=self)

    def _done(self, detail: ExceptionDetail) -> None:
        self.model.update_row(detail.row)
        self._show_detail(detail)
        self.acted.emit(detail)

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed | OrderAppError):
            message = str(exc)
        else:
            log.error("an exception action failed", exc_info=exc)
            message = self.tr("That did not work: {reason}").format(reason=exc)
        if self.detail is not None:
            self._show_detail(self.detail)
        self._say(message)

    def _say(self, message: str) -> None:
        show_problem(self.problem, message)
        self.refused.emit(message)

    # -- asking ------------------------------------------------------------------------------------

    def _ask_text(self, title: str, question: str) -> str | None:
        text, ok = QInputDialog.getMultiLineText(self, title, question)
        return text if ok else None

    def _ask_new(self) -> tuple[str, str, str, str] | None:
        number, ok = QInputDialog.getText(self, self.tr("New exception"), self.tr("Order number (e.g. SO-000123)"))
        if not ok:
            return None
        kinds = list(FAMILY_OF_TYPE)
        names = [f"{labels.family_label(FAMILY_OF_TYPE[k])}: {labels.type_label(k)}" for k in kinds]
        chosen, ok = QInputDialog.getItem(self, self.tr("New exception"), self.tr("What went wrong"), names, 0, False)
        if not ok:
            return None
        severities = [labels.severity_label(s) for s in Severity]
        level, ok = QInputDialog.getItem(self, self.tr("New exception"), self.tr("How bad"), severities, 1, False)
        if not ok:
            return None
        cause, ok = QInputDialog.getMultiLineText(self, self.tr("New exception"), self.tr("What happened"))
        if not ok:
            return None
        return number, kinds[names.index(chosen)], list(Severity)[severities.index(level)].value, cause

    def _ask_action(self) -> tuple[str, str, str] | None:
        names = [labels.action_label(a) for a in ActionType]
        chosen, ok = QInputDialog.getItem(self, self.tr("Take an action"), self.tr("Action"), names, 0, False)
        if not ok:
            return None
        action = list(ActionType)[names.index(chosen)].value
        amount = ""
        if action in (ActionType.REFUND, ActionType.COMPENSATION, ActionType.REPLACEMENT):
            amount, ok = QInputDialog.getText(self, self.tr("Amount"), self.tr("Amount (e.g. 12.50)"))
            if not ok:
                return None
        detail, ok = QInputDialog.getText(self, self.tr("Detail"), self.tr("Anything to remember about it"))
        return (action, amount, detail) if ok else None
