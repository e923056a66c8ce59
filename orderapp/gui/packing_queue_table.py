"""The packing station's list of orders to pack, in the shop's chosen sort, with how many units each
holds and how far its packing has got, VIP customers and easy orders marked, the open order marked,
and its Items cell following each scan."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from orderapp.services.packing.queue import QueueEntry

ITEMS = 2


class PackingQueueTable(QObject):
    """Fills ``table`` (from the form) with queue entries; ``entries`` are the ones shown, in order."""

    def __init__(self, table: QTableWidget, station: str) -> None:
        super().__init__(table)
        self.table = table
        self.station = station
        self.entries: tuple[QueueEntry, ...] = ()
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([self.tr("Order"), self.tr("Customer"), self.tr("Items")])
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()

    def show(self, entries: tuple[QueueEntry, ...]) -> None:
        self.entries = entries
        table = self.table
        table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            number = QTableWidgetItem(entry.number)
            if entry.urgent:
                number.setText(self.tr("{number} (urgent)").format(number=entry.number))
                number.setForeground(QColor("#b3261e"))
                font = number.font()
                font.setBold(True)
                number.setFont(font)
            tips = [self.tr("Waiting since {when}").format(when=_local(entry.created_at))]
            if entry.due_at is not None:
                tips.append(self.tr("Due {when}").format(when=_local(entry.due_at)))
            if entry.packing_at:
                tips.append(self.tr("Open at {station}").format(station=entry.packing_at))
            if entry.easy:
                tips.append(self.tr("Easy: one SKU, all of it in stock"))
            if entry.held:
                number.setText(self.tr("{number} (held)").format(number=entry.number))
                number.setForeground(QColor("#6b6b6b"))
                tips.append(self.tr("Held by a severe exception: resolve it on the Exceptions screen to pack it"))
            number.setToolTip("\n".join(tips))
            items = self.items_text(entry.scanned_units, entry.units)
            if entry.packing_at and entry.packing_at != self.station:
                items += " · " + self.tr("at {station}").format(station=entry.packing_at)
            table.setItem(row, 0, number)
            customer = QTableWidgetItem(entry.customer)
            if entry.vip:
                customer.setText(self.tr("{customer} (VIP)").format(customer=entry.customer))
            table.setItem(row, 1, customer)
            table.setItem(row, ITEMS, QTableWidgetItem(items))

    def items_text(self, scanned: int, units: int) -> str:
        if scanned:
            return self.tr("{scanned}/%n unit(s)", "", units).format(scanned=scanned)
        return self.tr("%n unit(s)", "", units)

    def show_progress(self, order_id: int, scanned: int, units: int) -> None:
        """The open order's Items cell follows each scan (the list itself reloads only now and then)."""
        row = self.row_of(order_id)
        item = self.table.item(row, ITEMS) if row >= 0 else None
        if item is not None:
            item.setText(self.items_text(scanned, units))

    def mark(self, order_id: int) -> None:
        row = self.row_of(order_id)
        if row >= 0:
            self.table.selectRow(row)

    def row_of(self, order_id: int) -> int:
        return next((row for row, entry in enumerate(self.entries) if entry.order_id == order_id), -1)


def _local(moment: datetime) -> str:
    # The PC's clock: the packer reads it against the clock on the wall.
    return moment.astimezone().strftime("%d %b %H:%M")
