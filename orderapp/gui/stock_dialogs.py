"""Receiving a delivery (scan or type, with the supplier's reference) and adjusting stock with a reason.

Both show the product's on-hand, reserved and available figures, book through
``orderapp.services.stock.shelf`` in a worker, and say what went wrong in place when the service refuses.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain.product_validation import QTY_MAX
from orderapp.errors import OrderAppError, ValidationFailed
from orderapp.gui import problems
from orderapp.gui.context import AppContext
from orderapp.gui.form_parts import number_field, push_button
from orderapp.gui.forms import child, load_form
from orderapp.gui.row_tables import fit_columns, set_text
from orderapp.gui.scanner_input import WedgeScannerFilter
from orderapp.gui.tasks import run_task
from orderapp.services.stock.catalogue import CodeMatch, find_by_code
from orderapp.services.stock.shelf import (
    AdjustReason,
    NotEnoughStock,
    ReceiptLine,
    StockChange,
    adjust_stock,
    reason_label,
    receive_delivery,
    stock_figures,
)

log = logging.getLogger(__name__)

PRODUCT, QTY, ON_HAND, REMOVE = range(4)


@dataclass
class _Line:
    product_id: int
    sku: str
    name: str
    on_hand: int
    reserved: int
    qty: int


@dataclass(frozen=True)
class ProductRef:
    """The product a dialog opens on, with its figures as the list showed them."""

    id: int
    sku: str
    name: str
    on_hand: int
    reserved: int


class ReceiveDialog(QDialog):
    """One delivery: scan or type each product (a case counts its pack), then Receive books them all."""

    received = Signal(object)  # tuple[StockChange, ...]
    line_added = Signal(object)  # the _Line that was added or increased
    problem_shown = Signal(str)

    def __init__(self, context: AppContext, product: ProductRef | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receive_dialog")
        self.setWindowTitle(self.tr("Receive stock"))
        self.resize(720, 560)
        self.context = context
        self.lines: list[_Line] = []
        self._pending: deque[str] = deque()
        self._looking_up = False
        self._saving = False

        self.form = load_form("product_receive.ui", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        f = self.form
        self.code = child(f, QLineEdit, "receive_code")
        self.add_button = child(f, QPushButton, "receive_add")
        self.last = child(f, QLabel, "receive_last")
        self.problem = child(f, QLabel, "receive_problem")
        self.table = child(f, QTableWidget, "receive_lines")
        self.reference = child(f, QLineEdit, "receive_reference")
        self.note = child(f, QLineEdit, "receive_note")
        self.reference_error = child(f, QLabel, "error_reference")
        self.note_error = child(f, QLabel, "error_note")
        self.total = child(f, QLabel, "receive_total")
        self.save_button = child(f, QPushButton, "receive_save")
        self.cancel_button = child(f, QPushButton, "receive_cancel")
        for label in (self.problem, self.reference_error, self.note_error):
            label.hide()
        # A scanner ends each code with Enter: it must add the code, never press a button.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        self.table.setColumnCount(4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Units received"), self.tr("On hand now"), ""]
        )
        fit_columns(self.table, stretch=PRODUCT)  # units, on hand and the remove button as wide as they need
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.code.returnPressed.connect(self.submit_code)
        self.add_button.clicked.connect(self.submit_code)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.wedge = WedgeScannerFilter(self)
        self.wedge.scanned.connect(lambda scan: self.add_code(scan.code))
        self.wedge.rejected.connect(self._show_problem)

        if product is not None:
            self._add(_Line(product.id, product.sku, product.name, product.on_hand, product.reserved, 1))
        self._show_lines()
        self.code.setFocus()

    # -- adding lines ---------------------------------------------------------------------------

    def submit_code(self) -> None:
        text = self.code.text().strip()
        if not text:
            self._show_problem(self.tr("Scan a barcode, or type a barcode or SKU and press Enter."))
            return
        self.code.clear()
        self.add_code(text)

    def add_code(self, code: str) -> None:
        """A scanned or typed code: its product's line gains one unit (a case: its pack)."""
        self._pending.append(code)
        self._next_code()

    def _next_code(self) -> None:
        if self._looking_up or not self._pending:
            return
        code = self._pending.popleft()
        self._looking_up = True
        database = self.context.database

        def look_up() -> tuple[CodeMatch | None, int, int]:
            match = find_by_code(database, code)
            if match is None:
                return None, 0, 0
            figures = stock_figures(database, match.product_id)
            return match, figures.on_hand, figures.reserved

        run_task(
            look_up,
            lambda found: self._code_found(code, found),
            self._lookup_failed,
            context=self,
        )

    def _code_found(self, code: str, found: tuple[CodeMatch | None, int, int]) -> None:
        self._looking_up = False
        match, on_hand, reserved = found
        if match is None:
            self._show_problem(
                self.tr(
                    "No product has the code {code}. Check that it was read right, or add the code to its "
                    "product first."
                ).format(code=code)
            )
        else:
            self.problem.hide()
            line = self._add(_Line(match.product_id, match.sku, match.name, on_hand, reserved, match.units))
            case = self.tr(" (a case of {units})").format(units=match.units) if match.units > 1 else ""
            self.last.setText(
                self.tr("{name}: {qty} units{case}").format(name=match.name, qty=line.qty, case=case)
                + ("" if match.active else " · " + self.tr("inactive product"))
            )
            self._show_lines()
            self.line_added.emit(line)
        self._next_code()

    def _lookup_failed(self, exc: BaseException) -> None:
        self._looking_up = False
        if not isinstance(exc, OrderAppError):
            log.error("looking up a code failed", exc_info=exc)
        self._show_problem(str(exc))
        self._next_code()

    def _add(self, line: _Line) -> _Line:
        for existing in self.lines:
            if existing.product_id == line.product_id:
                existing.qty += line.qty
                existing.on_hand, existing.reserved = line.on_hand, line.reserved
                return existing
        self.lines.append(line)
        return line

    def _show_lines(self) -> None:
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            set_text(self.table, row, PRODUCT, f"{line.sku} · {line.name}")
            spin = number_field(f"receive_qty_{row}", 0, QTY_MAX)
            spin.setValue(line.qty)
            spin.valueChanged.connect(lambda value, line=line: self._qty_changed(line, value))
            self.table.setCellWidget(row, QTY, spin)
            figures = self.tr("{on_hand} (available {available})").format(
                on_hand=line.on_hand, available=line.on_hand - line.reserved
            )
            set_text(self.table, row, ON_HAND, figures, figure=True)
            remove = push_button(self.tr("Remove"), f"receive_remove_{row}")
            remove.setAutoDefault(False)
            remove.clicked.connect(lambda _checked=False, line=line: self._remove(line))
            self.table.setCellWidget(row, REMOVE, remove)
        self._show_total()

    def _qty_changed(self, line: _Line, value: int) -> None:
        line.qty = value
        self._show_total()

    def _remove(self, line: _Line) -> None:
        self.lines.remove(line)
        self._show_lines()

    def _show_total(self) -> None:
        units = sum(line.qty for line in self.lines)
        products = self.tr("%n products", "", len(self.lines))
        self.total.setText(
            self.tr("{products}, {units} in all").format(products=products, units=self.tr("%n units", "", units))
        )
        self.save_button.setEnabled(bool(self.lines) and not self._saving)

    def qty_spin(self, row: int) -> QSpinBox:
        spin = self.table.cellWidget(row, QTY)
        assert isinstance(spin, QSpinBox)
        return spin

    # -- booking --------------------------------------------------------------------------------

    def save(self) -> None:
        if self._saving or not self.lines:
            return
        lines = [ReceiptLine(line.product_id, line.qty) for line in self.lines]
        reference, note = self.reference.text(), self.note.text()
        database, user_id = self.context.database, self.context.user_id
        self._saving = True
        self._show_total()
        for label in (self.problem, self.reference_error, self.note_error):
            label.hide()
        run_task(
            lambda: receive_delivery(database, lines, user_id=user_id, supplier_reference=reference, note=note),
            self._received,
            self._failed,
            context=self,
        )

    def _received(self, changes: tuple[StockChange, ...]) -> None:
        self._saving = False
        self.received.emit(changes)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self._show_total()
        if isinstance(exc, ValidationFailed):
            general: list[str] = []
            for error in exc.errors:
                if error.field == "reference":
                    self.reference_error.setText(error.message)
                    self.reference_error.show()
                elif error.field == "note":
                    self.note_error.setText(error.message)
                    self.note_error.show()
                elif error.field.startswith("lines[") and error.field.endswith("].qty"):
                    index = int(error.field[len("lines[") : error.field.index("]")])
                    name = self.lines[index].name if index < len(self.lines) else "?"
                    general.append(f"{name}: {error.message}")
                else:
                    general.append(error.message)
            if general:
                self._show_problem("\n".join(general))
            return
        if not isinstance(exc, OrderAppError):
            log.error("receiving stock failed", exc_info=exc)
        self._show_problem(self.tr("Nothing was received: {reason}").format(reason=exc))

    def _show_problem(self, message: str) -> None:
        problems.show_problem(self.problem, message)
        self.problem_shown.emit(message)
        QApplication.beep()


class AdjustDialog(QDialog):
    """Correct one product's stock for a reason: damaged, lost, found or a correction either way."""

    adjusted = Signal(object)  # StockChange
    problem_shown = Signal(str)

    def __init__(self, context: AppContext, product: ProductRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adjust_dialog")
        self.setWindowTitle(self.tr("Adjust stock"))
        self.context = context
        self.product = product
        self._saving = False

        self.form = load_form("product_adjust.ui", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        f = self.form
        self.heading = child(f, QLabel, "adjust_product")
        self.figures = child(f, QLabel, "adjust_figures")
        self.reason = child(f, QComboBox, "adjust_reason")
        self.qty_label = child(f, QLabel, "label_adjust_qty")
        self.qty = child(f, QSpinBox, "adjust_qty")
        self.qty_error = child(f, QLabel, "error_qty_delta")
        self.reference = child(f, QLineEdit, "adjust_reference")
        self.reference_error = child(f, QLabel, "error_reference")
        self.note = child(f, QLineEdit, "adjust_note")
        self.note_error = child(f, QLabel, "error_note")
        self.result_label = child(f, QLabel, "adjust_result")
        self.problem = child(f, QLabel, "adjust_problem")
        self.save_button = child(f, QPushButton, "adjust_save")
        self.cancel_button = child(f, QPushButton, "adjust_cancel")
        for label in (self.qty_error, self.reference_error, self.note_error, self.problem):
            label.hide()

        self.heading.setText(f"{product.sku} · {product.name}")
        self.figures.setText(
            self.tr("On hand {on_hand} · reserved {reserved} · available {available}").format(
                on_hand=product.on_hand, reserved=product.reserved, available=product.on_hand - product.reserved
            )
        )
        for reason in AdjustReason:
            self.reason.addItem(reason_label(reason), reason.value)
        self.reason.currentIndexChanged.connect(self._reason_changed)
        self.qty.valueChanged.connect(self._show_result)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self._reason_changed()

    def current_reason(self) -> AdjustReason:
        return AdjustReason(self.reason.currentData())

    def set_reason(self, reason: AdjustReason) -> None:
        self.reason.setCurrentIndex(self.reason.findData(reason.value))

    def _reason_changed(self) -> None:
        reason = self.current_reason()
        if reason in (AdjustReason.DAMAGED, AdjustReason.LOST):
            self.qty_label.setText(self.tr("Units &taken away"))
            self.qty.setRange(0, QTY_MAX)
        elif reason is AdjustReason.FOUND:
            self.qty_label.setText(self.tr("Units &found"))
            self.qty.setRange(0, QTY_MAX)
        else:
            self.qty_label.setText(self.tr("&Change (− takes away)"))
            self.qty.setRange(-QTY_MAX, QTY_MAX)
        self._show_result()

    def qty_delta(self) -> int:
        """What the ledger will record: damaged and lost units are taken away."""
        units = self.qty.value()
        return -units if self.current_reason() in (AdjustReason.DAMAGED, AdjustReason.LOST) else units

    def _show_result(self) -> None:
        after = self.product.on_hand + self.qty_delta()
        self.result_label.setText(self.tr("On hand after: {after}").format(after=after))
        self.qty_error.hide()

    def save(self) -> None:
        if self._saving:
            return
        database, user_id = self.context.database, self.context.user_id
        product_id, delta, reason = self.product.id, self.qty_delta(), self.current_reason()
        note, reference = self.note.text(), self.reference.text()
        self._saving = True
        self.save_button.setEnabled(False)
        for label in (self.qty_error, self.reference_error, self.note_error, self.problem):
            label.hide()
        run_task(
            lambda: adjust_stock(database, product_id, delta, reason, user_id=user_id, note=note, reference=reference),
            self._adjusted,
            self._failed,
            context=self,
        )

    def _adjusted(self, change: StockChange) -> None:
        self._saving = False
        self.adjusted.emit(change)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            labels = {"qty_delta": self.qty_error, "reference": self.reference_error, "note": self.note_error}
            for error in exc.errors:
                label = labels.get(error.field, self.problem)
                label.setText(error.message)
                label.show()
            self.problem_shown.emit(str(exc))
            return
        if not isinstance(exc, (NotEnoughStock, OrderAppError)):
            log.error("adjusting stock failed", exc_info=exc)
        self.problem.setText(str(exc))
        self.problem.show()
        self.problem_shown.emit(str(exc))
