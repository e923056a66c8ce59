"""The customers screen: find a customer by name or phone (or list those with a tag), edit their
details and tags (VIP, risk and the shop's own), read their order history, and find and merge
duplicates (``customer_duplicates_dialog``). Every read and write runs in a worker."""

from __future__ import annotations

import logging
from dataclasses import fields

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain.money import format_money
from orderapp.domain.shop_clock import shop_zone
from orderapp.errors import OrderAppError, ValidationFailed
from orderapp.gui import problems
from orderapp.gui.context import AppContext
from orderapp.gui.form_parts import named, push_button, text_field
from orderapp.gui.order_list_model import local_time_text
from orderapp.gui.row_tables import pick_one_row
from orderapp.gui.style import set_role
from orderapp.gui.tasks import report_unexpected, run_task
from orderapp.services.customers.book import (
    CustomerHistory,
    CustomerPage,
    customer_history,
    list_customers,
    save_customer,
)
from orderapp.services.customers.lookup import CustomerInput
from orderapp.services.customers.merge import MergeResult
from orderapp.services.customers.tags import KNOWN_TAGS, RISK, VIP, tag_label
from orderapp.services.orders.lifecycle import status_label

log = logging.getLogger(__name__)

# The customer's one-line boxes, in CustomerInput's order (the notes have a box of their own).
FIELDS = tuple(field.name for field in fields(CustomerInput) if field.name != "notes")


class CustomersScreen(QWidget):
    customers_shown = Signal(int)  # rows in the list
    customer_shown = Signal(object)  # CustomerHistory
    saved = Signal(object)  # CustomerHistory

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen_customers")
        self.context = context
        self._database = context.database
        self._zone = shop_zone("Asia/Shanghai")
        self.history: CustomerHistory | None = None
        self._rows: list[int] = []
        self._after: tuple[str, int] | None = None
        self._query = 0

        self.search = text_field("customers_search")
        self.search.setPlaceholderText(self.tr("Find a customer by name or phone"))
        self.search.setClearButtonEnabled(True)
        self.tag_filter = named(QComboBox(), "customers_tag")
        self.tag_filter.addItem(self.tr("Everyone"), "")
        for tag in KNOWN_TAGS:
            self.tag_filter.addItem(tag_label(tag), tag)
        self.duplicates_button = push_button(self.tr("Find duplicates…"), "find_duplicates")
        self.table = named(QTableWidget(0, 5), "customers_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Phone"), self.tr("City"), self.tr("Orders"), self.tr("Tags")]
        )
        pick_one_row(self.table, stretch=0)
        self.more_button = push_button(self.tr("Show more"), "customers_more")
        self.count = named(QLabel(), "customers_count")

        self.heading = named(QLabel(self.tr("Choose a customer to see their details and orders.")), "customer_heading")
        self.heading.setWordWrap(True)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        labels = {
            "name": self.tr("Name"),
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "address_line1": self.tr("Address"),
            "address_line2": self.tr("Address line 2"),
            "city": self.tr("City"),
            "region": self.tr("Region"),
            "postcode": self.tr("Postcode"),
            "country": self.tr("Country code"),
        }
        for name in FIELDS:
            edit = named(QLineEdit(), f"customer_{name}")
            error = named(QLabel(), f"error_customer_{name}")
            set_role(error, "error")
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(edit)
            box.addWidget(error)
            form.addRow(labels[name], box)
            self.edits[name] = edit
            self.errors[name] = error
        self.notes = named(QPlainTextEdit(), "customer_notes")
        self.notes.setFixedHeight(54)
        form.addRow(self.tr("Notes"), self.notes)
        self.vip = named(QCheckBox(tag_label(VIP)), "tag_vip")
        self.risk = named(QCheckBox(tag_label(RISK)), "tag_risk")
        self.other_tags = text_field("tag_other")
        self.other_tags.setPlaceholderText(self.tr("other tags, separated by spaces"))
        tags_row = QHBoxLayout()
        tags_row.addWidget(self.vip)
        tags_row.addWidget(self.risk)
        tags_row.addWidget(self.other_tags, 1)
        form.addRow(self.tr("Tags"), tags_row)
        self.error_tags = named(QLabel(), "error_customer_tags")
        set_role(self.error_tags, "error")
        self.error_tags.hide()
        form.addRow("", self.error_tags)
        self.save_button = push_button(self.tr("Save"), "customer_save")
        self.problem = named(QLabel(), "customer_problem")
        problems.prepare(self.problem)
        self.summary = named(QLabel(), "customer_summary")
        self.orders = named(QTableWidget(0, 5), "customer_orders")
        self.orders.setHorizontalHeaderLabels(
            [self.tr("Order"), self.tr("Placed"), self.tr("Status"), self.tr("Total"), self.tr("Returns")]
        )
        self.orders.verticalHeader().hide()
        self.orders.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orders.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.orders.horizontalHeader().setStretchLastSection(True)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.tag_filter)
        top.addWidget(self.duplicates_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.more_button)
        left_layout.addLayout(bottom)
        self.detail = named(QWidget(), "customer_detail")
        right_layout = QVBoxLayout(self.detail)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addLayout(form)
        save_row = QHBoxLayout()
        save_row.addWidget(self.problem, 1)
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        right_layout.addLayout(save_row)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.orders, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.tag_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.more_button.clicked.connect(self.load_more)
        self.save_button.clicked.connect(self.save)
        self.duplicates_button.clicked.connect(self.open_duplicates)
        self.duplicates_dialog: QWidget | None = None
        self._show_history(None)
        self.refresh()

    def set_timezone(self, name: str) -> None:
        self._zone = shop_zone(name)

    # -- the list ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._query += 1
        query = self._query
        self._after = None
        search, tag = self.search.text(), str(self.tag_filter.currentData() or "")
        database = self._database
        run_task(
            lambda: list_customers(database, search, tag=tag),
            lambda page: self._listed(query, page, replace=True),
            self._failed,
            context=self,
        )

    def load_more(self) -> None:
        after, query = self._after, self._query
        if after is None:
            return
        search, tag = self.search.text(), str(self.tag_filter.currentData() or "")
        database = self._database
        run_task(
            lambda: list_customers(database, search, tag=tag, after=after),
            lambda page: self._listed(query, page, replace=False),
            self._failed,
            context=self,
        )

    def _listed(self, query: int, page: CustomerPage, *, replace: bool) -> None:
        if query != self._query:
            return
        selected = self.selected_id()
        if replace:
            self.table.setRowCount(0)
            self._rows = []
        self.table.blockSignals(True)
        for row in page.rows:
            index = self.table.rowCount()
            self.table.insertRow(index)
            tags = " ".join(tag_label(tag) for tag in sorted(row.tags))
            for column, text in enumerate((row.name, row.phone_display, row.city, str(row.orders), tags)):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(index, column, item)
            self._rows.append(row.id)
            if row.id == selected:
                self.table.selectRow(index)
        self.table.blockSignals(False)
        if page.rows:
            last = page.rows[-1]
            self._after = (last.name, last.id)
        self.more_button.setVisible(page.more)
        self.count.setText(self.tr("Customers shown: {count}").format(count=len(self._rows)))
        self.customers_shown.emit(len(self._rows))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._rows):
            return None
        return self._rows[rows[0].row()]

    def select_customer(self, customer_id: int) -> None:
        if customer_id in self._rows:
            self.table.selectRow(self._rows.index(customer_id))
        else:
            self.load_customer(customer_id)

    def _selection_changed(self) -> None:
        customer_id = self.selected_id()
        if customer_id is not None:
            self.load_customer(customer_id)

    # -- one customer ----------------------------------------------------------------------------

    def load_customer(self, customer_id: int) -> None:
        database = self._database
        run_task(lambda: customer_history(database, customer_id), self._show_history, self._failed, context=self)

    def _show_history(self, history: CustomerHistory | None) -> None:
        self.history = history
        for widget in (self.save_button, self.notes, self.vip, self.risk, self.other_tags, *self.edits.values()):
            widget.setEnabled(history is not None)
        for label in (*self.errors.values(), self.error_tags):
            label.hide()
        self.problem.hide()
        if history is None:
            self.orders.setRowCount(0)
            self.summary.setText("")
            return
        customer = history.customer
        self.heading.setText(customer.name)
        values = {name: getattr(customer, name) for name in FIELDS}
        values["phone"] = customer.phone_display
        for name, edit in self.edits.items():
            edit.setText(values[name])
        self.notes.setPlainText(customer.notes)
        self.vip.setChecked(VIP in history.tags)
        self.risk.setChecked(RISK in history.tags)
        self.other_tags.setText(" ".join(sorted(history.tags - {VIP, RISK})))
        currency = history.orders[0].currency if history.orders else ""
        self.summary.setText(
            self.tr("Orders: {count} · spent {spent}").format(
                count=len(history.orders), spent=format_money(history.spent_cents, currency) if currency else "—"
            )
        )
        self.orders.setRowCount(len(history.orders))
        for row, order in enumerate(history.orders):
            cells = (
                order.number,
                local_time_text(order.created_at, self._zone),
                status_label(order.status),
                format_money(order.total_cents, order.currency),
                str(order.returns) if order.returns else "",
            )
            for column, text in enumerate(cells):
                self.orders.setItem(row, column, QTableWidgetItem(text))
        self.customer_shown.emit(history)

    def tags_wanted(self) -> list[str]:
        tags = self.other_tags.text().replace(",", " ").split()
        if self.vip.isChecked():
            tags.append(VIP)
        if self.risk.isChecked():
            tags.append(RISK)
        return tags

    def save(self) -> None:
        history = self.history
        if history is None:
            return
        given = CustomerInput(
            **{name: edit.text() for name, edit in self.edits.items()}, notes=self.notes.toPlainText()
        )
        tags = self.tags_wanted()
        database = self._database
        customer_id = history.customer.id
        self.save_button.setEnabled(False)
        run_task(
            lambda: save_customer(database, customer_id, given, tags), self._saved, self._save_failed, context=self
        )

    def _saved(self, history: CustomerHistory) -> None:
        self._show_history(history)
        problems.show_done(self.problem, self.tr("Saved."))
        self.saved.emit(history)
        self.refresh()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        for label in (*self.errors.values(), self.error_tags):
            label.hide()
        if isinstance(exc, ValidationFailed):
            unplaced: list[str] = []
            for error in exc.errors:
                field = error.field.removeprefix("customer.")
                under = self.error_tags if field == "tags" else self.errors.get(field)
                if under is None:
                    unplaced.append(error.message)
                    continue
                under.setText(error.message)
                under.show()
            if unplaced:
                problems.show_problem(self.problem, " ".join(unplaced))
        else:
            self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, OrderAppError):
            problems.show_problem(self.problem, str(exc))
        else:
            problems.show_problem(self.problem, self.tr("That did not work; nothing was changed. Try again."))
            report_unexpected(exc)

    # -- duplicates ------------------------------------------------------------------------------

    def open_duplicates(self) -> QWidget:
        from orderapp.gui.customer_duplicates_dialog import DuplicatesDialog

        dialog = DuplicatesDialog(self.context, self)
        dialog.merged.connect(self._merged)
        self.duplicates_dialog = dialog
        dialog.open()
        return dialog

    def _merged(self, result: MergeResult) -> None:
        self.refresh()
        self.load_customer(result.kept_id)


def create_screen(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return CustomersScreen(context, parent)
