"""The orders list as a Qt table model: newest first, one keyset page at a time as the user scrolls.

``fetchMore`` asks ``list_orders`` for the page after the last row shown, in a worker, so scrolling
never waits on the database; the rows are appended when the page arrives. Changing the filters
starts again from the first page (a page still on its way for the old filters is dropped).
Overdue orders (past their due time, not shipped yet) are painted red and bold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from orderapp.domain.money import format_money
from orderapp.domain.shop_clock import local, shop_zone
from orderapp.gui.paged_table_model import Index, PagedTableModel
from orderapp.services.orders.lifecycle import status_label
from orderapp.services.orders.listing import PAGE_SIZE, OrderFilter, OrderPage, OrderRow, PageCursor, list_orders
from orderapp.services.orders.placing import OrderView
from orderapp.store.database import Database

NUMBER, CREATED, CUSTOMER, PHONE, CHANNEL, STATUS, ITEMS, TOTAL, PAYMENT, DUE = range(10)
COLUMN_COUNT = 10
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the OrderRow itself

OVERDUE_TEXT = QColor("#b3261e")
OVERDUE_BACKGROUND = QColor("#fde7e5")
URGENT_TEXT = QColor("#8a4b00")


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrderList", text)


def payment_label(status: str) -> str:
    return {
        "unpaid": _tr("unpaid"),
        "paid": _tr("paid"),
        "partly_paid": _tr("partly paid"),
        "refunded": _tr("refunded"),
    }.get(status, status)


def channel_label(channel: str) -> str:
    return {
        "phone": _tr("phone"),
        "web": _tr("web"),
        "store": _tr("in the shop"),
        "shopify": _tr("Shopify"),
        "import": _tr("imported"),
        "wechat": _tr("WeChat"),
    }.get(channel, channel)


def local_time_text(moment: datetime | None, zone: ZoneInfo) -> str:
    """ "2026-11-20 14:30" in the shop's time zone."""
    if moment is None:
        return ""
    return local(moment, zone).strftime("%Y-%m-%d %H:%M")


class OrderListModel(PagedTableModel):
    column_count = COLUMN_COUNT

    def __init__(
        self,
        database: Database,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        timezone: str = "Asia/Shanghai",
    ) -> None:
        super().__init__(parent)
        self._database = database
        self.page_size = page_size
        self._zone = shop_zone(timezone)
        self._rows: list[OrderRow] = []
        self._filters = OrderFilter()
        self._cursor: PageCursor | None = None
        self.pages_fetched = 0
        self._bold = QFont()
        self._bold.setBold(True)

    # -- what the screen drives -----------------------------------------------------------------

    @property
    def filters(self) -> OrderFilter:
        return self._filters

    @property
    def complete(self) -> bool:
        """Every matching order is loaded."""
        return self._done and not self._loading

    def set_timezone(self, name: str) -> None:
        self._zone = shop_zone(name)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))

    def set_filters(self, filters: OrderFilter) -> None:
        """Show the orders matching ``filters``, from the newest; the first page is fetched at once."""
        self._filters = filters
        self.reload()

    def _forget(self) -> None:
        self._cursor = None

    def row_at(self, row: int) -> OrderRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, order_id: int) -> int:
        for row, order in enumerate(self._rows):
            if order.id == order_id:
                return row
        return -1

    def update_order(self, view: OrderView) -> None:
        """Show what an action did to an order already in the list (no reload, the scroll stays)."""
        row = self.row_of(view.id)
        if row < 0:
            return
        old = self._rows[row]
        self._rows[row] = replace(
            old,
            status=view.status,
            priority=view.priority,
            fulfilment=view.fulfilment,
            item_count=sum(line.quantity for line in view.lines),
            total_cents=view.total_cents,
            payment_status=view.payment_status,
            due_at=view.due_at,
            overdue=view.overdue,
            customer_name=view.customer.name if view.customer is not None else view.ship_name,
            phone=view.ship_phone or old.phone,
        )
        self._row_changed(row)

    # -- paging ---------------------------------------------------------------------------------

    def _page_reader(self) -> Callable[[], OrderPage]:
        database, filters, after, limit = self._database, self._filters, self._cursor, self.page_size
        return lambda: list_orders(database, filters, after=after, limit=limit)

    def _page_rows(self, page: OrderPage) -> tuple[Sequence[OrderRow], bool]:
        self.pages_fetched += 1
        self._cursor = page.next
        return page.rows, page.next is None

    # -- the table ------------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Order"),
                self.tr("Placed"),
                self.tr("Customer"),
                self.tr("Phone"),
                self.tr("Channel"),
                self.tr("Status"),
                self.tr("Items"),
                self.tr("Total"),
                self.tr("Payment"),
                self.tr("Due"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (ITEMS, TOTAL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        order = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(order, column)
        if role == ROW_ROLE:
            return order
        if role == Qt.ItemDataRole.ForegroundRole:
            if order.overdue:
                return QBrush(OVERDUE_TEXT)
            if order.priority == "urgent" and column in (NUMBER, STATUS):
                return QBrush(URGENT_TEXT)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(OVERDUE_BACKGROUND) if order.overdue else None
        if role == Qt.ItemDataRole.FontRole:
            if order.overdue or (order.priority == "urgent" and column == NUMBER):
                return self._bold
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ITEMS, TOTAL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = []
            if order.overdue:
                notes.append(self.tr("Overdue: it was due {due} and has not shipped.").format(due=self._due(order)))
            if order.priority == "urgent":
                notes.append(self.tr("Urgent"))
            if order.external_ref:
                notes.append(self.tr("Their number: {ref}").format(ref=order.external_ref))
            return "\n".join(notes) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._text(order, column)
            return self.tr("{text} (overdue)").format(text=text) if order.overdue and column == NUMBER else text
        return None

    def _due(self, order: OrderRow) -> str:
        return local_time_text(order.due_at, self._zone)

    def _text(self, order: OrderRow, column: int) -> str:
        if column == NUMBER:
            return order.number + (" !" if order.priority == "urgent" else "")
        if column == CREATED:
            return local_time_text(order.created_at, self._zone)
        if column == CUSTOMER:
            return order.customer_name
        if column == PHONE:
            return order.phone_display
        if column == CHANNEL:
            return channel_label(order.channel)
        if column == STATUS:
            return status_label(order.status)
        if column == ITEMS:
            return str(order.item_count)
        if column == TOTAL:
            return format_money(order.total_cents, order.currency)
        if column == PAYMENT:
            return payment_label(order.payment_status)
        if column == DUE:
            due = self._due(order)
            return self.tr("{due} (overdue)").format(due=due) if order.overdue else due
        return ""
