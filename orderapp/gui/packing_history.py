"""The packing history, opened from the packing station: recent pack sessions newest first (order,
packer, station, started, ended, result, video), searched by order number, with "Play packing video"
for the chosen one (issue 16).

Pages of ``packing_history`` are read off the GUI thread as the list is scrolled (keyset paging in
the service, so a shop with a million orders costs the same as a new one).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, tzinfo
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from orderapp.errors import OrderAppError
from orderapp.gui import problems
from orderapp.gui.context import AppContext
from orderapp.gui.evidence_button import PlayVideoButton
from orderapp.gui.form_parts import named, push_button, text_field
from orderapp.gui.row_tables import fit_columns
from orderapp.gui.scanner_input import WedgeScannerFilter, keep_scanner_input
from orderapp.gui.station_buttons import station_button
from orderapp.gui.tasks import run_task
from orderapp.scanning.acceptance import Scan
from orderapp.services.packing.evidence import shop_zone
from orderapp.services.packing.history import PAGE, HistoryCursor, PackHistoryPage, PackHistoryRow, packing_history

log = logging.getLogger(__name__)

ORDER, PACKER, STATION, STARTED, ENDED, RESULT, VIDEO = range(7)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class PackHistoryModel(QAbstractTableModel):
    """The sessions read so far; ``fetchMore`` asks for the next page on the task pool."""

    loaded = Signal(object)  # PackHistoryPage, after its rows are in
    load_failed = Signal(object)  # the exception

    def __init__(self, database: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._rows: list[PackHistoryRow] = []
        self._next: HistoryCursor | None = None
        self._search = ""
        self._loading = False
        self._generation = 0
        self.zone: tzinfo = UTC
        self.message = ""

    def search(self, order: str) -> None:
        """Start again from the newest session (of ``order`` only, when it is given)."""
        self._generation += 1
        self.beginResetModel()
        self._rows, self._next, self._search, self.message = [], None, order.strip(), ""
        self.endResetModel()
        self._load(None)

    def _load(self, after: HistoryCursor | None) -> None:
        self._loading = True
        database, order, generation = self._database, self._search, self._generation

        def read() -> tuple[PackHistoryPage, tzinfo]:
            return packing_history(database, order=order, after=after, limit=PAGE), shop_zone(database)

        run_task(read, lambda result: self._arrived(generation, *result), self._failed, context=self)

    def _arrived(self, generation: int, page: PackHistoryPage, zone: tzinfo) -> None:
        if generation != self._generation:  # a newer search replaced this one
            return
        self._loading = False
        self.zone, self._next, self.message = zone, page.next, page.message
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self.loaded.emit(page)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.load_failed.emit(exc)

    # -- the model ---------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next is not None and not self._loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load(self._next)

    def row_at(self, row: int) -> PackHistoryRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 7:
            return None
        return (
            self.tr("Order"),
            self.tr("Packer"),
            self.tr("Station"),
            self.tr("Started"),
            self.tr("Ended"),
            self.tr("Result"),
            self.tr("Video"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == VIDEO:
            return row.video_note or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == ORDER:
            return row.order_number
        if column == PACKER:
            return row.packer
        if column == STATION:
            return row.station
        if column == STARTED:
            return self._time(row.started_at)
        if column == ENDED:
            return self._time(row.ended_at) if row.ended_at is not None else "—"
        if column == RESULT:
            return self.result_text(row.result)
        return self.video_text(row.video)

    def _time(self, moment: datetime) -> str:
        return moment.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")

    def result_text(self, result: str) -> str:
        return {
            "packed": self.tr("packed"),
            "overridden": self.tr("overridden"),
            "left": self.tr("left"),
            "open": self.tr("being packed"),
        }.get(result, result)

    def video_text(self, video: str) -> str:
        return {
            "video": self.tr("video"),
            "recording": self.tr("recording"),
            "deleted": self.tr("deleted"),
        }.get(video, self.tr("no video"))


class PackingHistoryDialog(QDialog):
    """Recent pack sessions, searched by order number, each playable when it has a video."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A slip scanned here (USB scanner or the station's camera) looks its order up; it is not packed.
        keep_scanner_input(self)
        self.setObjectName("packing_history")
        self.setWindowTitle(self.tr("Packing history"))
        self.resize(900, 540)
        self.context = context
        self.search_entry = text_field(
            "history_search", placeholder=self.tr("Order number, e.g. SO-000123 (empty: every order)")
        )
        self.search_entry.setClearButtonEnabled(True)
        self.search_button = push_button(self.tr("Search"), "history_search_button")
        self.search_button.setAutoDefault(False)
        self.model = PackHistoryModel(context.database, self)
        self.table = QTableView()
        self.table.setObjectName("history_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fit_columns(self.table, stretch=PACKER)
        self.table.setAccessibleName(self.tr("Pack sessions, newest first"))
        self.message = named(QLabel(), "history_message")
        problems.prepare(self.message)
        self.play_button = PlayVideoButton(context)
        self.play_button.setAutoDefault(False)  # Enter in the search field searches, never plays
        self.close_button = push_button(self.tr("Close"), "history_close")
        self.close_button.setAutoDefault(False)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_entry, 1)
        search_row.addWidget(self.search_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(0)  # the buttons keep their size when there is nothing to say
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.search_entry.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.close_button.clicked.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.table.doubleClicked.connect(lambda _index: self.play_button.click())
        self.model.loaded.connect(self._loaded)
        self.model.load_failed.connect(self._load_failed)
        self.wedge = WedgeScannerFilter(self)
        self.wedge.scanned.connect(self.handle_scan)
        self.search()

    def handle_scan(self, scan: Scan) -> None:
        """A scanned packing slip shows that order's pack sessions."""
        self.search_entry.setText(scan.code)
        self.search()

    def search(self) -> None:
        self.message.hide()
        self.play_button.set_order("")
        self.model.search(self.search_entry.text())

    def rows(self) -> list[PackHistoryRow]:
        return [row for n in range(self.model.rowCount()) if (row := self.model.row_at(n)) is not None]

    def texts(self, row: int) -> list[str]:
        return [str(self.model.index(row, column).data() or "") for column in range(self.model.columnCount())]

    def choose_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        chosen = self.model.row_at(rows[0].row()) if rows else None
        self.play_button.set_order(chosen.order_number if chosen is not None else "")

    def _loaded(self, page: PackHistoryPage) -> None:
        if self.model.message:
            problems.show_problem(self.message, self.model.message)
        elif not self.model.rowCount():
            problems.show_problem(self.message, self.tr("Nothing has been packed at any station yet."))
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.choose_row(0)

    def _load_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, OrderAppError):
            log.error("reading the packing history failed", exc_info=exc)
        problems.show_problem(
            self.message, self.tr("The packing history could not be read: {reason}").format(reason=exc)
        )


def add_history_button(screen: QWidget, beside: QPushButton, context: AppContext) -> QPushButton:
    """The packing station's "History…" button (next to ``beside``); while the history is
    open, the station's scans look orders up in it instead of packing them."""
    button = QPushButton(QCoreApplication.translate("PackingScreen", "History…"))
    button.setToolTip(
        QCoreApplication.translate("PackingScreen", "Packing history: recent pack sessions and their videos")
    )
    button.setObjectName("packing_history_button")

    def history() -> QDialog:
        from orderapp.gui.return_recording import route_camera_scans

        dialog = PackingHistoryDialog(context, screen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        screen.history_dialog = dialog  # type: ignore[attr-defined]
        route_camera_scans(screen, dialog)
        return dialog

    return station_button(beside, button, history)
