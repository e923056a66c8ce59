"""The exceptions queue as a Qt table model: highest priority first, one keyset page at a time as the
user scrolls, each page read in a worker. Severe ones are painted red."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from orderapp.domain.shop_clock import local, shop_zone
from orderapp.gui.paged_table_model import Index, PagedTableModel
from orderapp.services.aftersales.exceptions import ExceptionRow, QueueFilter, exception_queue
from orderapp.store.database import Database
from orderapp.store.types import utc_now

PAGE = 50
NUMBER, ORDER, FAMILY, TYPE, SEVERITY, PRIORITY, STATUS, OWNER, OPENED, AGE = range(10)
COLUMN_COUNT = 10
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERE_TEXT = QColor("#b3261e")


class ExceptionQueueModel(PagedTableModel):
    column_count = COLUMN_COUNT

    def __init__(self, database: Database, parent: QObject | None = None, *, timezone: str = "Asia/Shanghai") -> None:
        super().__init__(parent)
        self._database = database
        self._zone = shop_zone(timezone)
        self._rows: list[ExceptionRow] = []
        self._filters = QueueFilter()
        self._now = utc_now()
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def filters(self) -> QueueFilter:
        return self._filters

    def set_filters(self, filters: QueueFilter) -> None:
        self._filters = filters
        self.reload()

    def _forget(self) -> None:
        self._now = utc_now()

    def row_at(self, row: int) -> ExceptionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, exception_id: int) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == exception_id), -1)

    def update_row(self, row: ExceptionRow) -> None:
        """Show a worked exception in place (the queue is re-sorted at the next reload)."""
        at = self.row_of(row.id)
        if at >= 0:
            self._rows[at] = replace(row)
            self._row_changed(at)

    def _page_reader(self) -> Callable[[], tuple[ExceptionRow, ...]]:
        last = self._rows[-1] if self._rows else None
        after = (last.queue_key, last.id) if last is not None else None
        database, filters = self._database, self._filters
        return lambda: exception_queue(database, filters, after=after, limit=PAGE)

    def _page_rows(self, page: tuple[ExceptionRow, ...]) -> tuple[Sequence[ExceptionRow], bool]:
        return page, len(page) < PAGE

    # -- the table --------------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (
            self.tr("Number"),
            self.tr("Order"),
            self.tr("Family"),
            self.tr("Type"),
            self.tr("Severity"),
            self.tr("Priority"),
            self.tr("Status"),
            self.tr("Owner"),
            self.tr("Opened"),
            self.tr("Age"),
        )
        return names[section] if 0 <= section < COLUMN_COUNT else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and row.severity == "severe" and row.is_open:
            return QBrush(SEVERE_TEXT)
        if role == Qt.ItemDataRole.FontRole and index.column() == PRIORITY:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == PRIORITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: ExceptionRow, column: int) -> str:
        opened: datetime = local(row.opened_at, self._zone)
        return (
            row.number,
            row.order_number,
            row.family_label,
            row.type_label,
            row.severity_label,
            str(row.priority),
            row.status_label,
            row.owner,
            opened.strftime("%Y-%m-%d %H:%M"),
            row.age_text(self._now),
        )[column]
