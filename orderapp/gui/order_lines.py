"""The order form's line editor: one grid row per order line (code, product, quantity, price,
discount, stock, total, remove), with each line's messages under it.

It holds the rows and paints them from a ``DraftCheck``; it knows nothing of customers, drafts or
placing the order. Edits are reported by signals (``edited(index, what)``, ``remove_wanted(index)``)
and the form decides what follows (re-check, save). Widgets carry the names tests and people use:
``line_<n>_qty``, ``error_lines[<n>].qty``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QSizePolicy, QToolButton, QWidget

from orderapp.domain.money import format_money
from orderapp.domain.order_validation import Catalogue, CatalogueItem, DraftCheck, LineCheck, LineDraft
from orderapp.gui.style import set_state

LINE_FIELDS = ("product", "qty", "unit_price", "discount")


def shortcut_text(sequence: str) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


@dataclass
class LineRow:
    """The widgets of one order line, and the product picked for it."""

    number: QLabel
    code: QLineEdit
    name: QLabel
    qty: QLineEdit
    price: QLineEdit
    discount: QLineEdit
    available: QLabel
    total: QLabel
    remove: QToolButton
    errors: dict[str, QLabel]
    product_id: int | None = None

    def cells(self) -> tuple[QWidget, ...]:
        return (
            self.number,
            self.code,
            self.name,
            self.qty,
            self.price,
            self.discount,
            self.available,
            self.total,
            self.remove,
        )

    def widgets(self) -> list[QWidget]:
        return [*self.cells(), *self.errors.values()]

    def inputs(self) -> list[QWidget]:
        return [self.code, self.qty, self.price, self.discount, self.remove]

    def has_focus(self) -> bool:
        return any(widget.hasFocus() for widget in self.inputs())

    def draft(self) -> LineDraft:
        return LineDraft(
            code=self.code.text(),
            product_id=self.product_id,
            qty=self.qty.text(),
            unit_price=self.price.text(),
            discount=self.discount.text(),
        )


class OrderLines(QObject):
    """The lines of one order, laid out in ``area`` (a widget the form's .ui provides)."""

    edited = Signal(int, str)  # line index, "product" | "qty" | "unit_price" | "discount"
    remove_wanted = Signal(int)  # the line's ✕ was pressed
    quantity_entered = Signal()  # Enter in a quantity: back to "Add product"
    rows_changed = Signal()  # a line was added or removed (the tab order follows)

    def __init__(self, area: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.area = area
        self.rows: list[LineRow] = []
        grid = QGridLayout(area)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(2, 1)
        self._grid = grid
        self._headers: list[QLabel] = []
        titles = (
            "#",
            self.tr("SKU / barcode"),
            self.tr("Product"),
            self.tr("Qty"),
            self.tr("Unit price"),
            self.tr("Discount"),
            self.tr("Available"),
            self.tr("Line total"),
        )
        for column, text in enumerate(titles):
            header = QLabel(text)
            header.setObjectName(f"lines_header_{column}")
            header.setProperty("role", "heading")
            grid.addWidget(header, 0, column)
            self._headers.append(header)
        self._show_headers()

    # -- reading -----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.rows)

    def drafts(self) -> tuple[LineDraft, ...]:
        return tuple(row.draft() for row in self.rows)

    def focused_index(self) -> int | None:
        for index, row in enumerate(self.rows):
            if row.has_focus():
                return index
        return None

    def inputs(self) -> list[QWidget]:
        """Every line's inputs in tab order."""
        return [widget for row in self.rows for widget in row.inputs()]

    def pending(self, answered: set[tuple[str, object]]) -> set[int]:
        """Lines whose product has not been looked up yet (``answered`` holds what has been)."""
        waiting = set()
        for index, row in enumerate(self.rows):
            if row.product_id is not None:
                if ("id", row.product_id) not in answered:
                    waiting.add(index)
            elif row.code.text().strip() and ("code", row.code.text().strip().casefold()) not in answered:
                waiting.add(index)
        return waiting

    # -- changing ------------------------------------------------------------------------------------

    def fill(self, lines: tuple[LineDraft, ...]) -> None:
        while self.rows:
            self._drop(len(self.rows) - 1)
        for line in lines:
            row = self.append()
            row.code.setText(line.code)
            row.product_id = line.product_id
            row.qty.setText(line.qty)
            row.price.setText(line.unit_price)
            row.discount.setText(line.discount)

    def append(self) -> LineRow:
        index = len(self.rows)
        row = LineRow(
            number=QLabel(),
            code=QLineEdit(),
            name=QLabel(),
            qty=QLineEdit("1"),
            price=QLineEdit(),
            discount=QLineEdit(),
            available=QLabel(),
            total=QLabel(),
            remove=QToolButton(),
            errors={field: QLabel() for field in LINE_FIELDS},
        )
        row.code.setMaximumWidth(170)
        row.code.setToolTip(self.tr("The product's SKU or barcode; change it to sell another product"))
        row.name.setWordWrap(True)
        row.name.setMinimumWidth(160)
        row.qty.setMaximumWidth(70)
        row.qty.setAlignment(Qt.AlignmentFlag.AlignRight)
        row.qty.setToolTip(self.tr("How many units"))
        row.price.setMaximumWidth(100)
        row.price.setAlignment(Qt.AlignmentFlag.AlignRight)
        row.discount.setMaximumWidth(90)
        row.discount.setAlignment(Qt.AlignmentFlag.AlignRight)
        row.discount.setPlaceholderText(self.tr("e.g. 5 or 10%"))
        row.discount.setToolTip(self.tr("Discount on this line: an amount, or a percentage such as 10%"))
        row.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for label in (row.available, row.total):  # never squeezed below their text ("only 3 available")
            label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        row.remove.setText("✕")
        row.remove.setToolTip(self.tr("Remove this line ({keys})").format(keys=shortcut_text("Ctrl+Del")))
        row.remove.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for label in row.errors.values():
            label.setWordWrap(True)
            label.setProperty("role", "error")
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            label.hide()
        row.code.textEdited.connect(lambda _t, r=row: self._code_edited(r))
        for edit, what in ((row.qty, "qty"), (row.price, "unit_price"), (row.discount, "discount")):
            edit.textEdited.connect(lambda _t, r=row, w=what: self.edited.emit(self.rows.index(r), w))
        row.qty.returnPressed.connect(self.quantity_entered.emit)
        row.remove.clicked.connect(lambda _c=False, r=row: self.remove_wanted.emit(self.rows.index(r)))
        self.rows.append(row)
        self._place(row, index)
        self._show_headers()
        self.rows_changed.emit()
        return row

    def add_units(self, item: CatalogueItem, units: int) -> int | None:
        """More units on the product's plain line (no price or discount typed); its index, or None when
        the product needs a new line."""
        for index, row in enumerate(self.rows):
            if row.product_id == item.product_id and not row.price.text().strip() and not row.discount.text().strip():
                try:
                    current = int(row.qty.text().strip())
                except ValueError:
                    return None  # a quantity being corrected: a new line says more than a guess
                row.qty.setText(str(current + units))
                return index
        return None

    def remove(self, index: int) -> bool:
        """Remove line ``index``; True when it had the focus."""
        had_focus = self.rows[index].has_focus()
        self._drop(index)
        self.rows_changed.emit()
        return had_focus

    def attach_products(self, catalogue: Catalogue) -> None:
        """Lines whose typed code names a product keep it (even when the code is a case barcode)."""
        for row in self.rows:
            if row.product_id is None and row.code.text().strip():
                found = catalogue.find(row.code.text())
                if found is not None and found.pack_qty == 1:
                    row.product_id = found.product_id

    def _code_edited(self, row: LineRow) -> None:
        row.product_id = None  # a code typed by hand names the product again
        self.edited.emit(self.rows.index(row), "product")

    def _place(self, row: LineRow, index: int) -> None:
        grid = self._grid
        top = 1 + index * 4
        for column, widget in enumerate(row.cells()):
            grid.addWidget(widget, top, column)
        grid.addWidget(row.errors["product"], top + 1, 1, 1, 2)
        grid.addWidget(row.errors["qty"], top + 1, 3, 1, 6)
        grid.addWidget(row.errors["unit_price"], top + 2, 4, 1, 5)
        grid.addWidget(row.errors["discount"], top + 3, 5, 1, 4)
        for widget in row.cells():
            widget.show()
        row.number.setText(str(index + 1))
        names = ("number", "code", "name", "qty", "price", "discount", "available", "total", "remove")
        for name, widget in zip(names, row.cells(), strict=True):
            widget.setObjectName(f"line_{index}_{name}")
            widget.setAccessibleName(self.tr("Line {n} {what}").format(n=index + 1, what=name))
        for field, label in row.errors.items():
            label.setObjectName(f"error_lines[{index}].{field}")

    def _drop(self, index: int) -> None:
        row = self.rows.pop(index)
        for widget in row.widgets():
            self._grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        for position in range(index, len(self.rows)):
            moved = self.rows[position]
            for widget in moved.widgets():
                self._grid.removeWidget(widget)
            self._place(moved, position)
        self._show_headers()

    def _show_headers(self) -> None:
        for header in self._headers:
            header.setVisible(bool(self.rows))

    # -- painting ------------------------------------------------------------------------------------

    def paint(
        self,
        check: DraftCheck,
        messages: dict[str, str],
        pending: set[int],
        *,
        currency: str,
        backorders: bool,
    ) -> None:
        """Show each line's product, price, stock, total and the messages for it (``messages``: field
        name to message, only those the user should see now)."""
        by_index = {line.index: line for line in check.lines}
        for index, row in enumerate(self.rows):
            for field, label in row.errors.items():
                message = messages.get(f"lines[{index}].{field}", "")
                if field == "product" and index in pending:
                    message = ""
                show_message(label, message)
            line = by_index.get(index)
            item = line.item if line is not None else None
            if index in pending:
                row.name.setText(self.tr("Looking up…"))
            else:
                row.name.setText(item.name if item is not None else "")
            if item is not None:
                row.price.setPlaceholderText(format_money(item.price_cents, currency, symbol=False))
            changed = bool(line is not None and line.price_changed)
            set_state(row.price, "changed" if changed else "")
            row.price.setToolTip(
                self.tr("Changed from the catalogue price {price}").format(
                    price=format_money(item.price_cents, currency)
                )
                if changed and item is not None
                else self.tr("Empty: the catalogue price")
            )
            self._paint_stock(row, line, backorders)
            row.total.setText(format_money(line.total_cents, currency) if line is not None and line.qty else "")

    def _paint_stock(self, row: LineRow, line: LineCheck | None, backorders: bool) -> None:
        state = ""
        if line is None or line.available is None:
            text = ""
        elif line.short and backorders:
            text = self.tr("{n} available · backordered").format(n=max(line.available, 0))
            state = "backordered"
        elif line.short:
            text = self.tr("only {n} available").format(n=max(line.available, 0))
            state = "short"
        else:
            text = self.tr("{n} available").format(n=line.available)
        row.available.setText(text)
        row.available.setToolTip(
            self.tr("Not enough stock: this line is confirmed as backordered and packed when stock arrives.")
            if state == "backordered"
            else ""
        )
        set_state(row.available, state)


def show_message(label: QLabel, message: str) -> None:
    """A field's message under it; hidden when there is none."""
    if label.text() != message:
        label.setText(message)
    label.setVisible(bool(message))
