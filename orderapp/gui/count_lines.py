"""Table models of a stock count: the counter's lines (page by page; expected quantities only on a
count that is not blind) and the manager's review (variances by value, flagged lines marked)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from orderapp.domain.count_maths import Flag
from orderapp.domain.money import format_money
from orderapp.gui.product_table import LOW, MUTED, RIGHT, Page, PagedTableModel
from orderapp.gui.tasks import run_task
from orderapp.services.stock.counts import CounterLine, CounterPage, EntryResult, ReviewLine, counter_lines
from orderapp.store.database import Database

Index = QModelIndex | QPersistentModelIndex
LOCATION, SKU, NAME, BARCODE, COUNTED, EXPECTED = range(6)
GAIN = QColor("#1b6e3a")
FLAGGED = QColor("#fde7e5")
JUST_COUNTED = QColor("#e6f4ea")


class CountLinesModel(PagedTableModel):
    """The lines a counter works through, in location then SKU order."""

    refreshed = Signal()

    PAGE = 200

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.count_id: int | None = None
        self.blind = True
        self.search = ""
        self.uncounted_only = False
        self.last_line_id: int | None = None
        self._refreshing = False

    def show_count(self, count_id: int | None, *, blind: bool) -> None:
        self.count_id = count_id
        self.blind = blind
        self.last_line_id = None
        if count_id is None:
            self.clear()
        else:
            self.restart()

    def set_filter(self, search: str, uncounted_only: bool) -> None:
        self.search = search
        self.uncounted_only = uncounted_only
        if self.count_id is not None:
            self.restart()

    def page_reader(self, after: Any) -> Callable[[], Page]:
        database, count_id, limit = self.database, self.count_id, self.PAGE
        search, uncounted = self.search, self.uncounted_only
        assert count_id is not None
        return lambda: counter_lines(
            database, count_id, after=after, limit=limit, search=search, uncounted_only=uncounted
        )

    def headers(self) -> list[str]:
        titles = [self.tr("Location"), self.tr("SKU"), self.tr("Name"), self.tr("Barcode"), self.tr("Counted")]
        if not self.blind:
            titles.append(self.tr("Expected now"))
        return titles

    def cell(self, row: CounterLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == LOCATION:
                return row.location
            if column == SKU:
                return row.sku
            if column == NAME:
                return row.name
            if column == BARCODE:
                return row.barcode
            if column == COUNTED:
                if row.counted is None:
                    return "—"
                return str(row.counted) if row.round == 1 else self.tr("{n} (recount)").format(n=row.counted)
            if column == EXPECTED:
                return "" if row.expected is None else str(row.expected)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COUNTED, EXPECTED):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == COUNTED and row.counted is None:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.BackgroundRole and row.line_id == self.last_line_id:
            return QBrush(JUST_COUNTED)
        if role == Qt.ItemDataRole.ToolTipRole and column == COUNTED and row.round > 1:
            return self.tr("Being counted again (round {round})").format(round=row.round)
        return None

    def row_of_line(self, line_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.line_id == line_id:
                return number
        return None

    def show_entry(self, result: EntryResult) -> int | None:
        """The line's new total where it is in the list; returns its row (None when not loaded)."""
        previous = self.last_line_id
        self.last_line_id = result.line_id
        if previous is not None and previous != result.line_id:
            old = self.row_of_line(previous)
            if old is not None:
                self.replace_row(old, self._rows[old])
        number = self.row_of_line(result.line_id)
        if number is not None:
            self.replace_row(number, replace(self._rows[number], counted=result.counted))
        return number

    def refresh(self) -> None:
        """Read the lines already shown again (other PCs count too), without losing the place."""
        if self.count_id is None or self._refreshing or self.loading:
            return
        self._refreshing = True
        database, count_id, search, uncounted = self.database, self.count_id, self.search, self.uncounted_only
        wanted = max(len(self._rows), self.PAGE)
        generation = self._generation

        def read() -> tuple[list[CounterLine], Any]:
            rows: list[CounterLine] = []
            after = None
            while True:
                page: CounterPage = counter_lines(
                    database,
                    count_id,
                    after=after,
                    limit=min(1_000, wanted - len(rows)),
                    search=search,
                    uncounted_only=uncounted,
                )
                rows.extend(page.rows)
                after = page.next_key
                if after is None or len(rows) >= wanted:
                    return rows, after

        run_task(
            read,
            lambda found: self._refreshed(generation, *found),
            lambda exc: self._refresh_failed(generation, exc),
            context=self,
        )

    def _refreshed(self, generation: int, rows: list[CounterLine], next_key: Any) -> None:
        self._refreshing = False
        if generation != self._generation:
            return
        same = [r.line_id for r in rows] == [r.line_id for r in self._rows]
        if same:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.titles()) - 1))
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        self._next = next_key
        self._done = next_key is None
        self.refreshed.emit()

    def _refresh_failed(self, generation: int, exc: BaseException) -> None:
        self._refreshing = False
        if generation == self._generation:
            self.error = str(exc)
            self.load_failed.emit(self.error)


# -- review ---------------------------------------------------------------------------------------

FLAG, R_LOCATION, R_SKU, R_NAME, R_COUNTED, R_EXPECTED, R_VARIANCE, R_VALUE, R_ROUND, R_ON_HAND = range(10)


class ReviewModel(QAbstractTableModel):
    """Counted lines by size of their variance's value, then the lines not counted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: Sequence[ReviewLine] = ()
        self.currency = "CNY"

    def set_lines(self, lines: Sequence[ReviewLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def flag_text(self, line: ReviewLine) -> str:
        reasons = []
        if Flag.OVER_UNITS in line.flags or Flag.OVER_VALUE in line.flags:
            reasons.append(self.tr("large difference"))
        if Flag.MOVED in line.flags:
            reasons.append(self.tr("stock moved while counting"))
        return self.tr("Recount: {reasons}").format(reasons=", ".join(reasons)) if reasons else ""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 10

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = [
                self.tr("Check"),
                self.tr("Location"),
                self.tr("SKU"),
                self.tr("Name"),
                self.tr("Counted"),
                self.tr("Expected"),
                self.tr("Difference"),
                self.tr("Value"),
                self.tr("Round"),
                self.tr("On hand now"),
            ]
            return titles[section] if 0 <= section < len(titles) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= R_COUNTED:
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and line.flagged:
            return QBrush(FLAGGED)
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.counted is None:
                return QBrush(MUTED)
            if column in (R_VARIANCE, R_VALUE) and line.variance:
                return QBrush(LOW if line.variance < 0 else GAIN)
        if role == Qt.ItemDataRole.ToolTipRole and column == FLAG and line.flagged:
            return self.tr(
                "The first count is far from what the ledger expected, or stock moved while it was counted: "
                "count it again before posting."
            )
        return None

    def _text(self, line: ReviewLine, column: int) -> str:
        if column == FLAG:
            return self.flag_text(line)
        if column == R_LOCATION:
            return line.location
        if column == R_SKU:
            return line.sku
        if column == R_NAME:
            return line.name
        if column == R_COUNTED:
            return self.tr("not counted") if line.counted is None else str(line.counted)
        if column == R_EXPECTED:
            return "" if line.expected is None else str(line.expected)
        if column == R_VARIANCE:
            if line.variance is None:
                return ""
            return f"+{line.variance}" if line.variance > 0 else str(line.variance)
        if column == R_VALUE:
            return "" if line.value_cents is None else format_money(line.value_cents, self.currency)
        if column == R_ROUND:
            return str(line.round)
        return str(line.on_hand_now)
