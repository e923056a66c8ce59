"""The screens' common tables: no row numbers, columns as wide as what they hold, one whole row picked
at a time or plain text that is read, never edited in place."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTableWidget, QTableWidgetItem

ALL = -1  # fit_columns(stretch=ALL): every column shares the width


def fit_columns(table: QTableView, *, stretch: int | None = None, stretch_last: bool = False) -> None:
    """No row numbers; each column as wide as what it holds (a name whole, never "…"), except
    ``stretch``, which takes the rest of the width (``ALL``: the columns share it); with
    ``stretch_last`` the last column fills what is left."""
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(
        QHeaderView.ResizeMode.Stretch if stretch == ALL else QHeaderView.ResizeMode.ResizeToContents
    )
    if stretch is not None and stretch != ALL:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if stretch_last:
        header.setStretchLastSection(True)


def pick_one_row(table: QTableView, *, stretch: int) -> None:
    """A click picks one whole row; nothing is edited in the cells; the columns are as wide as their
    contents, except ``stretch``, which takes the rest of the width."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    fit_columns(table, stretch=stretch)


def text_table(name: str, headers: Sequence[str], *, stretch: int | None = None) -> QTableWidget:
    """A table of plain text under ``headers``, read and never edited in place (``fill_text`` fills it)."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    fit_columns(table, stretch=stretch)
    return table


def fill_text(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """One table row per item of ``rows``, a text cell per string."""
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            set_text(table, row, column, text)


def set_text(table: QTableWidget, row: int, column: int, text: str, *, figure: bool = False) -> QTableWidgetItem:
    """The cell at ``row``, ``column`` holds ``text``, on the right when it is a ``figure`` (its item is
    returned, to set its font or tooltip)."""
    item = QTableWidgetItem(text)
    if figure:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    table.setItem(row, column, item)
    return item
