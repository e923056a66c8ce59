"""The return dialog: items coming back from a shipped or delivered order, counted by scanning them
(a USB scanner anywhere in the dialog, or the code typed) or by setting the units per line, each
line resellable or damaged, why, and optionally a refund or the same items sent again (an exchange).

Opened from the order detail (the order already chosen) or from the packing station's "Returns…"
(scan the packing slip or a return slip first). Every read and write runs in a worker through the
returns services, the same functions the command line uses.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain.money import format_money, parse_money
from orderapp.domain.order_validation import CatalogueItem
from orderapp.domain.returns import Condition, ReturnItem, ReturnReason, place_scanned_units, reason_label
from orderapp.errors import OrderAppError
from orderapp.gui import problems
from orderapp.gui.context import AppContext
from orderapp.gui.form_parts import named, push_button, text_field
from orderapp.gui.row_tables import fit_columns, set_text
from orderapp.gui.scanner_input import WedgeScannerFilter, keep_scanner_input
from orderapp.gui.station_buttons import station_button
from orderapp.gui.tasks import report_unexpected, run_task
from orderapp.scanning.acceptance import InvalidCode, Scan, typed_scan
from orderapp.services.aftersales.returns import (
    RefundView,
    ReturnableOrder,
    ReturnView,
    record_exchange,
    record_refund,
    record_return,
    returnable_order,
)
from orderapp.services.orders.lifecycle import status_label
from orderapp.services.orders.products_for_orders import lookup_code

log = logging.getLogger(__name__)


SKU, PRODUCT, SHIPPED, RETURNED, COMING, CONDITION = range(6)
_SLIP_NUMBER = re.compile(r"(?i)\s*(SO|RT)[-\s]*\d{1,12}\s*")


class ReturnDialog(QDialog):
    recorded = Signal(object)  # ReturnView or RefundView
    scan_handled = Signal(str)  # what the dialog said about a scan ("" when it was counted)
    order_shown = Signal(object)  # ReturnableOrder (or None), after it is painted
    item_scanned = Signal(str, str)  # (returned_item | not_returnable | unknown, code): marks on a return's video

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, order: str = "") -> None:
        super().__init__(parent)
        keep_scanner_input(self)  # returned items are scanned into this dialog, not packed
        self.setObjectName("return_dialog")
        self.setWindowTitle(self.tr("Return from an order"))
        self.resize(860, 600)
        self.context = context
        self.order: ReturnableOrder | None = None
        self.last_return: ReturnView | None = None
        self._busy = False
        self.spins: dict[int, QSpinBox] = {}
        self.conditions: dict[int, QComboBox] = {}

        self.code_entry = text_field("return_code_entry")
        self.code_entry.setPlaceholderText(
            self.tr("Scan the packing slip, a return slip or an item, or type its number")
        )
        self.code_submit = push_button(self.tr("Enter"), "return_code_submit")
        self.heading = named(QLabel(self.tr("Scan the packing slip or type the order number.")), "return_heading")
        self.heading.setWordWrap(True)
        self.scan_message = named(QLabel(), "return_scan_message")
        problems.prepare(self.scan_message)
        self.lines = named(QTableWidget(0, 6), "return_lines")
        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("SKU"),
                self.tr("Product"),
                self.tr("Shipped"),
                self.tr("Returned before"),
                self.tr("Coming back"),
                self.tr("Condition"),
            ]
        )
        fit_columns(self.lines, stretch=PRODUCT)
        self.reason = named(QComboBox(), "return_reason")
        for reason in ReturnReason:
            self.reason.addItem(reason_label(reason), reason.value)
        self.note = text_field("return_note")
        self.value = named(QLabel(), "return_value")
        self.refund = text_field("refund_amount")
        self.refund.setPlaceholderText(self.tr("no refund"))
        self.refund_value = push_button(self.tr("Refund the value"), "refund_value")
        self.refund_hint = named(QLabel(), "refund_hint")
        self.exchange = named(QCheckBox(self.tr("Send the same items again (exchange, at no charge)")), "exchange")
        self.problem = named(QLabel(), "return_problem")
        problems.prepare(self.problem)
        self.record_button = push_button(self.tr("Record"), "return_record")
        self.slip_button = push_button(self.tr("Return slip…"), "return_slip")
        self.close_button = push_button(self.tr("Close"), "return_close")

        entry_row = QHBoxLayout()
        entry_row.addWidget(self.code_entry, 1)
        entry_row.addWidget(self.code_submit)
        form = QFormLayout()
        form.addRow(self.tr("Why"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Value"), self.value)
        refund_row = QHBoxLayout()
        refund_row.addWidget(self.refund, 1)
        refund_row.addWidget(self.refund_value)
        refund_row.addWidget(self.refund_hint, 2)
        form.addRow(self.tr("Refund"), refund_row)
        form.addRow("", self.exchange)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.slip_button)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(entry_row)
        layout.addWidget(self.scan_message)
        layout.addWidget(self.heading)
        layout.addWidget(self.lines, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)

        self.record_button.setDefault(False)
        self.record_button.setAutoDefault(False)
        self.code_submit.setAutoDefault(False)
        self.slip_button.setEnabled(False)
        self.code_entry.returnPressed.connect(self.submit_typed_code)
        self.code_submit.clicked.connect(self.submit_typed_code)
        self.record_button.clicked.connect(self.submit)
        self.slip_button.clicked.connect(self.show_slip)
        self.close_button.clicked.connect(self.reject)
        self.refund_value.clicked.connect(self._refund_the_value)
        self.wedge = WedgeScannerFilter(self)
        self.wedge.scanned.connect(self.handle_scan)
        self.wedge.rejected.connect(lambda message, _code: self._say_scan(message))
        self._show_order(None)
        if order:
            self.open_order(order)

    # -- the order -------------------------------------------------------------------------------

    def open_order(self, number: str) -> None:
        database = self.context.database
        run_task(lambda: returnable_order(database, number), self._show_order, self._scan_failed, context=self)

    def _show_order(self, order: ReturnableOrder | None) -> None:
        self.order = order
        self.spins.clear()
        self.conditions.clear()
        self.lines.setRowCount(0)
        self.lines.setRowCount(0 if order is None else len(order.lines))
        for widget in (self.reason, self.note, self.refund, self.refund_value, self.exchange, self.record_button):
            widget.setEnabled(order is not None)
        self.problem.hide()
        if order is None:
            self.value.setText("—")
            self.refund_hint.setText("")
            self.order_shown.emit(None)
            return
        self.heading.setText(
            self.tr("{number} · {customer} · {status}").format(
                number=order.number, customer=order.customer_name or "—", status=status_label(order.status)
            )
        )
        for row, line in enumerate(order.lines):
            for column, text in ((SKU, line.sku), (PRODUCT, line.name), (SHIPPED, str(line.sold))):
                set_text(self.lines, row, column, text)
            set_text(self.lines, row, RETURNED, str(line.returned))
            spin = named(QSpinBox(), f"coming_back_{row}")
            spin.setRange(0, line.returnable)
            spin.valueChanged.connect(lambda _value: self._update_value())
            self.lines.setCellWidget(row, COMING, spin)
            condition = named(QComboBox(), f"condition_{row}")
            condition.addItem(self.tr("Resellable"), Condition.RESELLABLE.value)
            condition.addItem(self.tr("Damaged (write off)"), Condition.DAMAGED.value)
            condition.setEnabled(line.returnable > 0)
            self.lines.setCellWidget(row, CONDITION, condition)
            self.spins[line.order_line_id] = spin
            self.conditions[line.order_line_id] = condition
            for column in (SHIPPED, RETURNED):
                item = self.lines.item(row, column)
                assert item is not None
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.refund.clear()
        self.refund_hint.setText(
            self.tr("paid {paid}, up to {left} can be refunded").format(
                paid=format_money(order.paid_cents, order.currency),
                left=format_money(order.refundable_cents, order.currency),
            )
        )
        self._update_value()
        self.order_shown.emit(order)

    def counted(self) -> dict[int, int]:
        return {line_id: spin.value() for line_id, spin in self.spins.items() if spin.value() > 0}

    def items(self) -> list[ReturnItem]:
        return [
            ReturnItem(line_id, units, str(self.conditions[line_id].currentData()))
            for line_id, units in self.counted().items()
        ]

    def value_cents(self) -> int:
        if self.order is None:
            return 0
        by_id = {line.order_line_id: line for line in self.order.lines}
        return sum(by_id[line_id].value_of(units) for line_id, units in self.counted().items())

    def _update_value(self) -> None:
        if self.order is not None:
            units = sum(self.counted().values())
            self.value.setText(
                self.tr("Units coming back: {units} · value {value}").format(
                    units=units, value=format_money(self.value_cents(), self.order.currency)
                )
            )

    def _refund_the_value(self) -> None:
        if self.order is not None:
            amount = min(self.value_cents(), self.order.refundable_cents)
            self.refund.setText(format_money(amount, self.order.currency, symbol=False).replace(",", ""))

    # -- scans -----------------------------------------------------------------------------------

    def submit_typed_code(self) -> None:
        text = self.code_entry.text()
        self.code_entry.clear()
        try:
            scan = typed_scan(text, "typed")
        except InvalidCode as exc:
            self._say_scan(str(exc))
            return
        self.handle_scan(scan)

    def handle_scan(self, scan: Scan) -> None:
        """A slip's number opens its order; an item's code counts one unit (a case its pack) back in."""
        code = scan.code
        if self.order is None or _SLIP_NUMBER.fullmatch(code):
            if self.order is not None and self.counted():
                self._say_scan(self.tr("Record or clear the items counted before opening another order."))
                return
            self.scan_message.hide()
            self.open_order(code)
            return
        database = self.context.database
        run_task(lambda: lookup_code(database, code), lambda item: self._item_found(code, item), self._scan_failed)

    def _item_found(self, code: str, item: CatalogueItem | None) -> None:
        if self.order is None:
            return
        if item is None:
            self.item_scanned.emit("unknown", code)
            self._say_scan(self.tr("No product has the code {code}; check the item.").format(code=code))
            return
        product_id, units, label = item.product_id, item.pack_qty, f"{item.sku} {item.name}"
        line_id, message = place_scanned_units(self.order.lines, self.counted(), product_id, units, label)
        if line_id is None:
            self.item_scanned.emit("not_returnable", code)
            self._say_scan(message)
            return
        spin = self.spins[line_id]
        spin.setValue(spin.value() + units)
        self.item_scanned.emit("returned_item", code)
        problems.show_done(
            self.scan_message, self.tr("{item}: {units} counted.").format(item=label, units=spin.value())
        )
        self.scan_handled.emit("")

    def _say_scan(self, message: str) -> None:
        problems.show_problem(self.scan_message, message)
        self.scan_handled.emit(message)

    def _scan_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OrderAppError):
            self._say_scan(str(exc))
        else:
            self._say_scan(self.tr("That did not work; nothing was changed. Try again."))
            report_unexpected(exc)

    # -- recording -------------------------------------------------------------------------------

    def submit(self) -> None:
        order = self.order
        if order is None or self._busy:
            return
        items = self.items()
        refund = 0
        if self.refund.text().strip():
            try:
                refund = parse_money(self.refund.text(), order.currency)
            except ValueError:
                problems.show_problem(self.problem, self.tr("Write the refund as an amount, e.g. 12.50."))
                return
        if not items and not refund:
            problems.show_problem(self.problem, self.tr("Count the items that come back, or enter a refund."))
            return
        reason = str(self.reason.currentData())
        note = self.note.text()
        database, context = self.context.database, self.context
        if not items:

            def run() -> ReturnView | RefundView:
                return record_refund(
                    database, order.order_id, refund, reason=note or reason_label(reason), user_id=context.user_id
                )
        elif self.exchange.isChecked():
            wanted: dict[int, int] = {}
            by_id = {line.order_line_id: line for line in order.lines}
            for item in items:
                product = by_id[item.order_line_id].product_id
                wanted[product] = wanted.get(product, 0) + item.quantity

            def run() -> ReturnView | RefundView:
                return record_exchange(
                    database,
                    order.order_id,
                    items,
                    sorted(wanted.items()),
                    reason=reason,
                    note=note,
                    station=context.station,
                    user_id=context.user_id,
                )
        else:

            def run() -> ReturnView | RefundView:
                return record_return(
                    database,
                    order.order_id,
                    items,
                    reason=reason,
                    note=note,
                    refund_cents=refund,
                    station=context.station,
                    user_id=context.user_id,
                )

        self._busy = True
        self.record_button.setEnabled(False)
        run_task(run, self._recorded, self._failed, context=self)

    def _recorded(self, result: ReturnView | RefundView) -> None:
        self._busy = False
        self.record_button.setEnabled(True)
        if isinstance(result, ReturnView):
            self.last_return = result
            self.slip_button.setEnabled(True)
            text = self.tr("Return {number} recorded: {restocked} back in stock, {written_off} written off.").format(
                number=result.number, restocked=result.restocked_units, written_off=result.written_off_units
            )
            if result.refund_cents:
                text += " " + self.tr("Refunded {amount}.").format(
                    amount=format_money(result.refund_cents, result.currency)
                )
            if result.exchange_order_number:
                text += " " + self.tr("Order {number} sends the exchange.").format(number=result.exchange_order_number)
        else:
            text = self.tr("Refund of {amount} recorded.").format(amount=result.amount_text())
        problems.show_done(self.scan_message, text)
        self.note.clear()
        self.exchange.setChecked(False)
        self.recorded.emit(result)
        if self.order is not None:
            self.open_order(self.order.number)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.record_button.setEnabled(True)
        if isinstance(exc, OrderAppError):
            problems.show_problem(self.problem, str(exc))
        else:
            problems.show_problem(self.problem, self.tr("That did not work; nothing was changed. Try again."))
            report_unexpected(exc)

    def show_slip(self) -> None:
        ret = self.last_return
        if ret is None:
            return
        from orderapp.gui.print_preview import PrintPreview
        from orderapp.services.documents.return_slips import return_slip_pdf

        database = self.context.database

        def shown(data: object) -> None:
            assert isinstance(data, bytes)
            preview = PrintPreview(
                data, self.tr("Return slip {number}").format(number=ret.number), f"{ret.number}.pdf", self
            )
            self.preview = preview
            preview.show()

        run_task(lambda: return_slip_pdf(database, ret.number), shown, self._failed, context=self)


def add_return_action(detail: QWidget) -> QPushButton:
    """The order detail's "Return / refund…" button, shown for orders that have left the shop."""
    from orderapp.gui.order_detail import OrderDetail

    assert isinstance(detail, OrderDetail)
    button = push_button(QCoreApplication.translate("OrderDetail", "Return / refund…"), "action_return")
    row = detail.actions_row.layout()
    assert isinstance(row, QHBoxLayout)
    row.insertWidget(max(0, row.count() - 1), button)
    button.hide()

    def shown(view: object) -> None:
        button.setVisible(getattr(view, "status", "") in ("shipped", "delivered", "completed", "returned"))

    def clicked() -> None:
        view = detail.view
        if view is None:
            return
        dialog = ReturnDialog(detail.context, detail, order=view.number)
        detail.return_dialog = dialog  # type: ignore[attr-defined]
        dialog.recorded.connect(lambda _result: detail.load(view.id))
        dialog.open()

    detail.order_shown.connect(shown)
    button.clicked.connect(clicked)
    return button


def add_returns_station(screen: QWidget, beside: QPushButton, context: AppContext) -> QPushButton:
    """The packing station's "Returns…" button (next to ``beside``): items scanned back in, by the
    USB scanner or the station's camera, the parcel's opening recorded (``return_recording``)."""
    button = push_button(QCoreApplication.translate("PackingScreen", "Returns…"), "returns_station")

    def returns() -> ReturnDialog:
        from orderapp.gui.return_recording import ReturnRecorder, route_camera_scans

        dialog = ReturnDialog(context, screen)
        screen.returns_dialog = dialog  # type: ignore[attr-defined]
        camera = getattr(screen, "camera", None)
        if camera is not None:  # the parcel being opened is recorded, as packing is (issue 16)
            dialog.recorder = ReturnRecorder(dialog, camera, context)  # type: ignore[attr-defined]
            route_camera_scans(screen, dialog)
        packing_recorder = getattr(screen, "recorder", None)
        if packing_recorder is not None:  # an order left open for packing: the return is not in its clip
            packing_recorder.pause_for(dialog)
        return dialog

    return station_button(beside, button, returns)
