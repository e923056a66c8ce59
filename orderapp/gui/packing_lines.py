"""The order's lines at the packing station: product, bin, scanned and ordered, in type big enough
to read at arm's length. Complete lines turn green; the line the last scan touched is marked."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from orderapp.services.packing.station import PackLine

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

PRODUCT, LOCATION, SCANNED, ORDERED = range(4)
LINE_POINT_SIZE = 20
FIGURE_POINT_SIZE = 26
_COMPLETE = QColor("#d4f2dc")
_TOUCHED = QColor("#fff3bf")


class PackLinesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[PackLine] = []
        self._touched: int | None = None
        self._line_font = QFont()
        self._line_font.setPointSize(LINE_POINT_SIZE)
        self._figure_font = QFont()
        self._figure_font.setPointSize(FIGURE_POINT_SIZE)
        self._figure_font.setBold(True)

    @property
    def lines(self) -> list[PackLine]:
        return list(self._lines)

    def set_lines(self, lines: tuple[PackLine, ...] | list[PackLine], touched: int | None = None) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._touched = touched
        self.endResetModel()

    def row_of(self, line_id: int) -> int:
        for row, line in enumerate(self._lines):
            if line.line_id == line_id:
                return row
        return -1

    def line_at(self, row: int) -> PackLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Product"), self.tr("Bin"), self.tr("Scanned"), self.tr("Ordered"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PRODUCT:
                return line.name
            if column == LOCATION:
                return line.location
            if column == SCANNED:
                return str(line.scanned)
            if column == ORDERED:
                return str(line.ordered)
        if role == Qt.ItemDataRole.FontRole:
            return self._figure_font if column in (SCANNED, ORDERED) else self._line_font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SCANNED, ORDERED, LOCATION):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.complete:
                return QBrush(_COMPLETE)
            if line.line_id == self._touched:
                return QBrush(_TOUCHED)
        if role == Qt.ItemDataRole.ForegroundRole and line.complete:
            return QBrush(QColor("#0b3d1c"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{sku} · {name}: {scanned} of {ordered} scanned").format(
                sku=line.sku, name=line.name, scanned=line.scanned, ordered=line.ordered
            )
        if role == Qt.ItemDataRole.AccessibleTextRole and column == PRODUCT:
            return self.tr("{name}, {scanned} of {ordered}").format(
                name=line.name, scanned=line.scanned, ordered=line.ordered
            )
        return None
