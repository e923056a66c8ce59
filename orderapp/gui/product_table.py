"""Table models that load page by page in a worker (keyset pages from the services), and the
products list built on them.

``PagedTableModel`` answers Qt's ``canFetchMore``/``fetchMore``: the view asks for more rows when the
user scrolls near the end; the next page is read off the GUI thread and its rows are inserted when
it arrives. A new query (``restart``) drops pages still on their way (their generation is old).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView

from orderapp.domain.money import format_money
from orderapp.errors import OrderAppError
from orderapp.gui.tasks import run_task
from orderapp.services.stock.catalogue import ProductDetail, ProductFigures, ProductQuery, ProductRow, list_products
from orderapp.store.database import Database

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
LOW = QColor("#b3261e")
MUTED = QColor("#7a7a7a")
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class Page(Protocol):
    @property
    def rows(self) -> Sequence[Any]: ...

    @property
    def next_key(self) -> Any: ...


class PagedTableModel(QAbstractTableModel):
    """Rows arrive a page at a time; subclasses say how to read a page and how to show a row."""

    page_loaded = Signal(int)  # rows loaded so far, after each page
    load_failed = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._next: Any = None
        self._done = True
        self._loading = False
        self._generation = 0
        self._titles: list[str] | None = None  # headers() is asked for often: translated once per reset
        self.error = ""

    # -- what subclasses provide ----------------------------------------------------------------

    def page_reader(self, after: Any) -> Callable[[], Page]:
        """A function (run in a worker, so it must not touch this model) that reads the page after ``after``."""
        raise NotImplementedError

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    # -- loading --------------------------------------------------------------------------------

    def restart(self) -> None:
        """Forget every row and read the first page again (a new search, a new filter)."""
        self._generation += 1
        self.beginResetModel()
        self._titles = None
        self._rows = []
        self._next = None
        self._done = False
        self._loading = False
        self.error = ""
        self.endResetModel()
        self.fetchMore()

    def clear(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._titles = None
        self._rows = []
        self._next = None
        self._done = True
        self._loading = False
        self.endResetModel()

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def complete(self) -> bool:
        return self._done

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._done and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._done or self._loading:
            return
        self._loading = True
        generation = self._generation
        read = self.page_reader(self._next)
        run_task(
            read,
            lambda page: self._page_arrived(generation, page),
            lambda exc: self._page_failed(generation, exc),
            context=self,
        )

    def _page_arrived(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        self._loading = False
        rows = list(page.rows)
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._next = page.next_key
        self._done = page.next_key is None
        self.page_loaded.emit(len(self._rows))

    def _page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._done = True  # no retry loop from the view; a new search or refresh tries again
        if not isinstance(exc, OrderAppError):
            log.error("loading a page of rows failed", exc_info=exc)
        self.error = str(exc)
        self.load_failed.emit(self.error)

    # -- rows -----------------------------------------------------------------------------------

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def replace_row(self, row: int, value: Any) -> None:
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.titles()) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def titles(self) -> list[str]:
        if self._titles is None:
            self._titles = self.headers()
        return self._titles

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = self.titles()
            if 0 <= section < len(titles):
                return titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.titles()):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)


# -- the products list ----------------------------------------------------------------------------

SKU, NAME, CATEGORY, LOCATION, PRICE, ON_HAND, RESERVED, AVAILABLE, BARCODE = range(9)
PRODUCT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def row_of_detail(detail: ProductDetail) -> ProductRow:
    """The list row of a product just saved or moved (its first code as the list shows it)."""
    figures = {field.name: getattr(detail, field.name) for field in fields(ProductFigures)}
    return ProductRow(**figures, barcode=detail.barcodes[0].code if detail.barcodes else "")


class ProductTableModel(PagedTableModel):
    """The catalogue as the user searched and filtered it, with each product's stock figures."""

    PAGE = 100

    def __init__(self, database: Database, parent: Any = None, *, currency: str = "CNY") -> None:
        super().__init__(parent)
        self.database = database
        self.query = ProductQuery()
        self.currency = currency

    def set_query(self, query: ProductQuery) -> None:
        self.query = query
        self.restart()

    def set_currency(self, currency: str) -> None:
        self.currency = currency
        if self._rows:
            self.dataChanged.emit(self.index(0, PRICE), self.index(len(self._rows) - 1, PRICE))

    def page_reader(self, after: Any) -> Callable[[], Page]:
        database, query, limit = self.database, self.query, self.PAGE
        return lambda: list_products(database, query, after=after, limit=limit)

    def headers(self) -> list[str]:
        return [
            self.tr("SKU"),
            self.tr("Name"),
            self.tr("Category"),
            self.tr("Location"),
            self.tr("Price"),
            self.tr("On hand"),
            self.tr("Reserved"),
            self.tr("Available"),
            self.tr("Barcode"),
        ]

    def cell(self, row: ProductRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PRICE, ON_HAND, RESERVED, AVAILABLE):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if not row.active:
                return QBrush(MUTED)
            if column == AVAILABLE and row.low_stock:
                return QBrush(LOW)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not row.active:
                return self.tr("Inactive: not sold, kept for its history")
            if column == AVAILABLE and row.low_stock:
                return self.tr("At or below the reorder point ({point})").format(point=row.reorder_point)
        if role == PRODUCT_ID_ROLE:
            return row.id
        return None

    def _text(self, row: ProductRow, column: int) -> str:
        if column == SKU:
            return row.sku
        if column == NAME:
            return row.name if row.active else self.tr("{name} (inactive)").format(name=row.name)
        if column == CATEGORY:
            return row.category
        if column == LOCATION:
            return row.location
        if column == PRICE:
            return format_money(row.price_cents, self.currency)
        if column == ON_HAND:
            return str(row.on_hand)
        if column == RESERVED:
            return str(row.reserved)
        if column == AVAILABLE:
            return str(row.available)
        return row.barcode

    def row_of_product(self, product_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == product_id:
                return number
        return None

    def update_product(self, row: ProductRow) -> None:
        """Show a product's new details or figures where it is in the list (if it is loaded)."""
        number = self.row_of_product(row.id)
        if number is not None:
            self.replace_row(number, row)

    def update_figures(self, product_id: int, on_hand: int, reserved: int) -> None:
        number = self.row_of_product(product_id)
        if number is not None:
            self.replace_row(number, replace(self._rows[number], on_hand=on_hand, reserved=reserved))


def fit_columns_once(view: Any, model: PagedTableModel, stretch: int) -> None:
    """Size the columns to the first page, then leave them be: resizing to contents on every change
    would read every loaded row again for each scan or figure that changes. Column ``stretch`` (the
    names) is never squeezed below what its first page needs."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # The name column shows its names whole (the list scrolls sideways when the window is narrow);
    # the last column takes what room is left.
    header.setStretchLastSection(True)
    pending = {"fit": True}

    def reset() -> None:
        pending["fit"] = True

    def loaded(_rows: int) -> None:
        if pending["fit"] and model.rowCount():
            pending["fit"] = False
            view.resizeColumnsToContents()

    model.modelReset.connect(reset)
    model.page_loaded.connect(loaded)
