"""A Qt table of rows filled one keyset page at a time as the user scrolls, each page read in a worker.

``fetchMore`` runs the subclass's ``_page_reader()`` (a call that reads the next page from the
database, in a worker, so scrolling never waits on it) and appends the rows when the page arrives.
``reload`` starts again from the first page; a page still on its way for the filters shown before
is dropped (each reload is a new generation).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Signal

from orderapp.gui.tasks import run_task

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class PagedTableModel(QAbstractTableModel):
    page_loaded = Signal(int)  # rows loaded so far, after each page
    load_failed = Signal(object)  # the exception
    loading_changed = Signal(bool)

    column_count = 0  # the subclass's number of columns

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._done = True  # nothing to fetch until ``reload`` starts it
        self._loading = False
        self._generation = 0

    # -- what the subclass gives -------------------------------------------------------------------

    def _page_reader(self) -> Callable[[], Any]:
        """A call, run in a worker, that reads the page after the rows shown (capture what it
        needs now: it must not touch the model)."""
        raise NotImplementedError

    def _page_rows(self, page: Any) -> tuple[Sequence[Any], bool]:
        """The rows of an arrived page and whether it was the last (keep its cursor here)."""
        raise NotImplementedError

    def _forget(self) -> None:
        """What the subclass drops when starting again from the first page."""

    # -- paging -----------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._loading

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._done = False
        self._set_loading(False)
        self._forget()
        self.endResetModel()
        self.fetchMore(ROOT)

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and not self._done and not self._loading

    def fetchMore(self, parent: Index = ROOT) -> None:
        if parent.isValid() or self._done or self._loading:
            return
        self._set_loading(True)
        generation = self._generation
        run_task(
            self._page_reader(),
            functools.partial(self._page_arrived, generation),
            functools.partial(self._page_failed, generation),
            context=self,
        )

    def _page_arrived(self, generation: int, page: Any) -> None:
        if generation != self._generation:
            return  # for filters no longer shown
        rows, last = self._page_rows(page)
        self._done = last
        if rows:
            first = len(self._rows)
            self.beginInsertRows(ROOT, first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._set_loading(False)
        self.page_loaded.emit(len(self._rows))

    def _page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._done = True  # not retried by scrolling; the screen offers to try again
        self._set_loading(False)
        self.load_failed.emit(exc)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # -- the table --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self.column_count

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.column_count - 1))
