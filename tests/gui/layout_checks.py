"""What a person would see wrong on a screen as it is laid out: text cut short ("k without full chec"),
a list cut top and bottom, a "Name" column showing "…", two widgets on top of each other.

Each check returns sentences naming the widget and what is wrong (empty: nothing wrong)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QWidget,
)

SLACK = 2  # pixels of rounding a style may take


def _visible(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root.window()) and widget.width() > 0 and widget.height() > 0


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def cut_text(root: QWidget) -> list[str]:
    """Labels and buttons too small for their text."""
    found = []
    for widget in root.findChildren(QWidget):
        if not _visible(widget, root) or widget.objectName().startswith("qt_"):
            continue  # Qt's own parts (a spin box's editor) are Qt's to size
        if isinstance(widget, QLabel) and widget.text() and widget.textFormat() != Qt.TextFormat.RichText:
            if "<" in widget.text() and ">" in widget.text():
                continue  # rich text: laid out by Qt's document layout
            metrics = widget.fontMetrics()
            margin = widget.margin() * 2 + widget.contentsMargins().left() + widget.contentsMargins().right()
            room = widget.width() - margin
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + SLACK:
                    found.append(f"{_name(widget)}: needs {needed}px of height, has {widget.height()}px")
            else:
                lines = widget.text().split("\n")
                wide = max(metrics.horizontalAdvance(_plain(line)) for line in lines)
                if wide > room + SLACK:
                    found.append(f"{_name(widget)} {widget.text()!r}: needs {wide}px, has {room}px")
                tall = metrics.lineSpacing() * len(lines)
                if tall > widget.height() + SLACK + 2:
                    found.append(
                        f"{_name(widget)} {widget.text()!r}: needs {tall}px of height, has {widget.height()}px"
                    )
        elif isinstance(widget, QPushButton | QCheckBox | QRadioButton) and widget.text():
            hint = widget.sizeHint()
            if widget.width() + SLACK < hint.width() or widget.height() + SLACK < min(hint.height(), 24):
                found.append(
                    f"{_name(widget)} {widget.text()!r}: {widget.width()}x{widget.height()}px, "
                    f"its text needs {hint.width()}x{hint.height()}px"
                )
        elif isinstance(widget, QComboBox) and widget.currentText():
            needed = widget.fontMetrics().horizontalAdvance(widget.currentText()) + 30
            if widget.width() + SLACK < min(needed, 140) and not widget.isEditable():
                found.append(f"{_name(widget)} {widget.currentText()!r}: {widget.width()}px wide")
        elif isinstance(widget, QLineEdit):
            if widget.height() + SLACK < widget.minimumSizeHint().height():
                found.append(f"{_name(widget)}: {widget.height()}px high, needs {widget.minimumSizeHint().height()}px")
            text = widget.text()
            room = widget.width() - 12  # the frame and the text margins
            if 0 < len(text) <= 12 and widget.fontMetrics().horizontalAdvance(text) > room + SLACK:
                found.append(f"{_name(widget)} {text!r}: a short value cut, {widget.width()}px wide")
    return found


def overlaps(root: QWidget) -> list[str]:
    """Two visible widgets of one parent drawn over each other."""
    kinds = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)
    found = []
    parents: dict[int, list[QWidget]] = {}
    for widget in root.findChildren(QWidget):
        if isinstance(widget, kinds) and _visible(widget, root) and widget.parentWidget() is not None:
            parents.setdefault(id(widget.parentWidget()), []).append(widget)
    for siblings in parents.values():
        for index, first in enumerate(siblings):
            for second in siblings[index + 1 :]:
                shared: QRect = first.geometry().intersected(second.geometry())
                if shared.width() > SLACK * 2 and shared.height() > SLACK * 2:
                    found.append(f"{_name(first)} and {_name(second)} overlap by {shared.width()}x{shared.height()}px")
    return found


def _wraps_whole(table: QTableView, row: int, text: str, width: int) -> bool:
    """A wrapping table whose row is tall enough for ``text`` broken at its spaces into ``width``."""
    if not table.wordWrap() or " " not in text.strip():
        return False
    metrics = table.fontMetrics()
    lines, current = 1, ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and metrics.horizontalAdvance(trial) + 8 > width:
            lines, current = lines + 1, word
            if metrics.horizontalAdvance(word) + 8 > width:
                return False  # one word wider than the column: cut whatever the height
        else:
            current = trial
    return table.rowHeight(row) >= lines * metrics.lineSpacing()


def elided_cells(root: QWidget, headers: tuple[str, ...]) -> list[str]:
    """Cells of the columns named ``headers`` ("Name", "名称", ...) too narrow for their text."""
    found = []
    for table in root.findChildren(QTableView):
        if not _visible(table, root) or table.model() is None:
            continue
        model = table.model()
        metrics = table.fontMetrics()
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            if title not in headers or table.isColumnHidden(column):
                continue
            width = table.columnWidth(column)
            for row in range(min(model.rowCount(), 40)):
                text = str(model.data(model.index(row, column)) or "")
                needed = metrics.horizontalAdvance(text) + 8  # the item's own margins
                if needed > width + SLACK and _wraps_whole(table, row, text, width):
                    continue  # shown whole on more lines: the row grew to hold them
                if needed > width + SLACK:
                    found.append(f"{_name(table)} row {row} {title}: {text!r} needs {needed}px, column has {width}px")
                    break
    return found
