"""A product's movement history: the ledger newest first, page by page, with who, when, why and the
figures right after each movement."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from orderapp.domain.shop_clock import local, shop_zone
from orderapp.gui.context import AppContext
from orderapp.gui.forms import child, load_form
from orderapp.gui.product_table import LOW, RIGHT, Page, PagedTableModel, fit_columns_once
from orderapp.gui.stock_dialogs import ProductRef
from orderapp.services.stock.shelf import MovementRow, movement_history
from orderapp.store.database import Database

WHEN, KIND, CHANGE, ON_HAND, RESERVED_CHANGE, RESERVED, USER, REASON, REFERENCE = range(9)


def kind_label(kind: str) -> str:
    labels = {
        "receive": QCoreApplication.translate("StockHistory", "Received"),
        "sale": QCoreApplication.translate("StockHistory", "Sold"),
        "ship": QCoreApplication.translate("StockHistory", "Shipped"),
        "reserve": QCoreApplication.translate("StockHistory", "Reserved"),
        "release": QCoreApplication.translate("StockHistory", "Released"),
        "adjust": QCoreApplication.translate("StockHistory", "Adjusted"),
        "count": QCoreApplication.translate("StockHistory", "Counted"),
        "return": QCoreApplication.translate("StockHistory", "Returned"),
    }
    return labels.get(kind, kind)


def signed(value: int) -> str:
    return f"+{value}" if value > 0 else (str(value) if value else "")


class MovementModel(PagedTableModel):
    PAGE = 100

    def __init__(
        self, database: Database, product_id: int, parent: Any = None, *, zone: ZoneInfo | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.product_id = product_id
        self.zone = zone

    def page_reader(self, after: Any) -> Callable[[], Page]:
        database, product_id, limit = self.database, self.product_id, self.PAGE
        return lambda: movement_history(database, product_id, after=after, limit=limit)

    def headers(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("What"),
            self.tr("On hand ±"),
            self.tr("On hand after"),
            self.tr("Reserved ±"),
            self.tr("Reserved after"),
            self.tr("By"),
            self.tr("Reason"),
            self.tr("Reference"),
        ]

    def cell(self, row: MovementRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (CHANGE, ON_HAND, RESERVED_CHANGE, RESERVED):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == CHANGE and row.qty_delta < 0:
            return QBrush(LOW)
        if role == Qt.ItemDataRole.ToolTipRole and column in (REASON, REFERENCE):
            return self._text(row, column)
        return None

    def _text(self, row: MovementRow, column: int) -> str:
        if column == WHEN:
            return self._time(row.at)
        if column == KIND:
            return kind_label(row.kind)
        if column == CHANGE:
            return signed(row.qty_delta)
        if column == ON_HAND:
            return str(row.on_hand_after)
        if column == RESERVED_CHANGE:
            return signed(row.reserved_delta)
        if column == RESERVED:
            return str(row.reserved_after)
        if column == USER:
            return row.user_name
        if column == REASON:
            return row.reason
        parts = [row.reference]
        if row.order_number and row.order_number != row.reference:
            parts.append(self.tr("order {number}").format(number=row.order_number))
        return " · ".join(p for p in parts if p)

    def _time(self, moment: datetime) -> str:
        return local(moment, self.zone or shop_zone("")).strftime("%Y-%m-%d %H:%M")


class HistoryDialog(QDialog):
    """The ledger of one product; more rows load as the list is scrolled."""

    def __init__(
        self, context: AppContext, product: ProductRef, *, zone: ZoneInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(self.tr("Movement history of {sku}").format(sku=product.sku))
        self.resize(1000, 600)
        self.form = load_form("product_history.ui", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        f = self.form
        child(f, QLabel, "history_product").setText(f"{product.sku} · {product.name}")
        child(f, QLabel, "history_figures").setText(
            self.tr("On hand {on_hand} · reserved {reserved} · available {available}").format(
                on_hand=product.on_hand, reserved=product.reserved, available=product.on_hand - product.reserved
            )
        )
        self.status = child(f, QLabel, "history_status")
        self.table = child(f, QTableView, "history_table")
        self.model = MovementModel(context.database, product.id, self, zone=zone)
        self.table.setModel(self.model)
        fit_columns_once(self.table, self.model, REASON)
        self.table.verticalHeader().hide()
        self.model.page_loaded.connect(self._loaded)
        self.model.load_failed.connect(lambda message: self.status.setText(message))
        child(f, QPushButton, "history_close").clicked.connect(self.accept)
        self.model.restart()

    def _loaded(self, rows: int) -> None:
        if self.model.complete:
            self.status.setText(self.tr("{rows} movements").format(rows=rows))
        else:
            self.status.setText(self.tr("{rows} most recent movements; scroll for older ones").format(rows=rows))
