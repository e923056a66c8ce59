"""The orders list's filter row: status, channel, period (whole days in the shop's time zone),
priority, "Overdue only" and the search box, read as one ``OrderFilter``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit

from orderapp.domain.order_status import OPEN_STATUSES, TO_PACK_STATUSES, OrderStatus
from orderapp.domain.shop_clock import shop_today, shop_zone
from orderapp.gui.order_form_view import CHANNELS
from orderapp.gui.order_list_model import channel_label
from orderapp.services.orders.lifecycle import status_label
from orderapp.services.orders.listing import OrderFilter

OPEN_FILTER = "open"
TO_PACK_FILTER = "to_pack"
STATUS_CHOICES = (
    OrderStatus.RECEIVED,
    OrderStatus.CONFIRMED,
    OrderStatus.PICKING,
    OrderStatus.PACKED,
    OrderStatus.SHIPPED,
    OrderStatus.DELIVERED,
    OrderStatus.COMPLETED,
    OrderStatus.ON_HOLD,
    OrderStatus.CANCELLED,
    OrderStatus.RETURNED,
)


class OrderFilterBar(QObject):
    changed = Signal()  # a choice changed (the search box is the screen's: it waits for typing to pause)

    def __init__(
        self,
        *,
        status: QComboBox,
        channel: QComboBox,
        period: QComboBox,
        priority: QComboBox,
        date_from: QDateEdit,
        date_to: QDateEdit,
        overdue: QCheckBox,
        search: QLineEdit,
        zone_name: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.status, self.channel, self.period, self.priority = status, channel, period, priority
        self.date_from, self.date_to, self.overdue, self.search = date_from, date_to, overdue, search
        self._zone_name = zone_name
        status.addItem(self.tr("Every status"), None)
        status.addItem(self.tr("Open (not shipped yet)"), OPEN_FILTER)
        status.addItem(self.tr("To pack (confirmed or picking)"), TO_PACK_FILTER)
        for choice in STATUS_CHOICES:
            status.addItem(status_label(choice), choice.value)
        channel.addItem(self.tr("Every channel"), None)
        for name in CHANNELS:
            channel.addItem(channel_label(name), name)
        for text, key in (
            (self.tr("Any time"), None),
            (self.tr("Today"), "today"),
            (self.tr("Yesterday"), "yesterday"),
            (self.tr("Last 7 days"), "7"),
            (self.tr("Last 30 days"), "30"),
            (self.tr("This month"), "month"),
            (self.tr("Between dates…"), "between"),
        ):
            period.addItem(text, key)
        priority.addItem(self.tr("Any priority"), None)
        priority.addItem(self.tr("Urgent"), "urgent")
        priority.addItem(self.tr("Normal"), "normal")
        self.start_dates_today()
        date_from.hide()
        date_to.hide()
        for combo in (status, channel, priority):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        period.currentIndexChanged.connect(self._period_changed)
        date_from.dateChanged.connect(lambda _d: self.changed.emit())
        date_to.dateChanged.connect(lambda _d: self.changed.emit())
        overdue.toggled.connect(lambda _c: self.changed.emit())

    def start_dates_today(self) -> None:
        """ "Between dates" starts from the shop's today (not the PC's), unless the user is using it."""
        if not self.date_from.isHidden():
            return
        day = shop_today(self._zone_name())
        self.date_to.setDate(QDate(day.year, day.month, day.day))
        self.date_from.setDate(self.date_to.date().addDays(-7))

    def _period_changed(self, _index: int) -> None:
        between = self.period.currentData() == "between"
        self.date_from.setVisible(between)
        self.date_to.setVisible(between)
        self.changed.emit()

    def show_list(self, kind: str) -> None:
        """The choices behind a dashboard card ("orders_today", "to_pack", "overdue"); every other
        filter and the search are cleared so the list holds what the figure counted. No ``changed``."""
        period, status, overdue = {
            "orders_today": ("today", None, False),
            "to_pack": (None, TO_PACK_FILTER, False),
            "overdue": (None, OPEN_FILTER, True),
        }.get(kind, (None, None, False))
        widgets = (self.status, self.channel, self.priority, self.period, self.overdue)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.clear()
            self.status.setCurrentIndex(max(self.status.findData(status), 0))
            self.channel.setCurrentIndex(0)
            self.priority.setCurrentIndex(0)
            self.period.setCurrentIndex(max(self.period.findData(period), 0))
            self.overdue.setChecked(overdue)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.date_from.hide()
        self.date_to.hide()

    def current(self) -> OrderFilter:
        status = self.status.currentData()
        statuses: frozenset[str] = frozenset()
        if status == OPEN_FILTER:
            statuses = frozenset(str(s) for s in OPEN_STATUSES)
        elif status == TO_PACK_FILTER:
            statuses = frozenset(str(s) for s in TO_PACK_STATUSES)
        elif status:
            statuses = frozenset({str(status)})
        channel = self.channel.currentData()
        created_from, created_to = self._period()
        return OrderFilter(
            statuses=statuses,
            channels=frozenset({str(channel)}) if channel else frozenset(),
            created_from=created_from,
            created_to=created_to,
            priority=self.priority.currentData() or None,
            overdue_only=self.overdue.isChecked(),
            search=self.search.text().strip(),
        )

    def _period(self) -> tuple[datetime | None, datetime | None]:
        """The chosen period as UTC instants: whole days in the shop's time zone."""
        key = self.period.currentData()
        if not key:
            return None, None
        zone = shop_zone(self._zone_name())
        today = shop_today(zone)

        def start(day: date) -> datetime:
            return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)

        if key == "today":
            return start(today), start(today + timedelta(days=1))
        if key == "yesterday":
            return start(today - timedelta(days=1)), start(today)
        if key in ("7", "30"):
            return start(today - timedelta(days=int(key) - 1)), start(today + timedelta(days=1))
        if key == "month":
            return start(today.replace(day=1)), start(today + timedelta(days=1))
        given = self.date_from.date(), self.date_to.date()
        first, last = sorted(date(d.year(), d.month(), d.day()) for d in given)
        return start(first), start(last + timedelta(days=1))
