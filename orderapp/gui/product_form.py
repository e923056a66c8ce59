"""The product form: every field checked as it is typed, the message under the field, Save only
when nothing is wrong.

The pure rules (``domain.product_validation.validate_product``) run on every key; what needs the
database (a SKU or barcode another product already has) is checked by ``catalogue.check_product`` in
a worker a moment after typing stops. Save stays disabled until that check has come back clean.
Messages appear under a field once it has been edited (a new, empty form is not covered in red).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import fields

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain import product_csv
from orderapp.domain.product_validation import (
    PACK_MAX,
    BarcodeDraft,
    BarcodeKind,
    ProductDraft,
    normalised,
    validate_product,
)
from orderapp.errors import FieldError, OrderAppError, ValidationFailed
from orderapp.gui.context import AppContext
from orderapp.gui.edit_conflict_dialog import Choice, ask_about_conflict
from orderapp.gui.forms import child, load_form
from orderapp.gui.questions import ask
from orderapp.gui.tasks import run_task
from orderapp.services.shop.edit_conflicts import EditConflict
from orderapp.services.stock.catalogue import ProductDetail, check_product, create_product, update_product

log = logging.getLogger(__name__)

CHECK_DELAY_MS = 250
# The draft's fields with an entry and an error label of their own (active and barcodes have other widgets).
FIELDS = tuple(f.name for f in fields(ProductDraft) if f.name not in {"active", "barcodes"})


class BarcodeRow(QWidget):
    """One barcode of the product: the code, its kind, and (for a case) how many units it holds."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Scan or type the barcode"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Unit"), BarcodeKind.UNIT.value)
        self.kind.addItem(self.tr("Case"), BarcodeKind.CASE.value)
        self.kind.addItem(self.tr("In-store"), BarcodeKind.INTERNAL.value)
        self.kind.setToolTip(self.tr("Unit: one item. Case: an outer case of several. In-store: a code you made."))
        self.pack_label = QLabel(self.tr("units per case"))
        self.pack = QSpinBox()
        self.pack.setRange(0, PACK_MAX)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setAutoDefault(False)
        self.code_error = QLabel()
        self.pack_error = QLabel()
        for label in (self.code_error, self.pack_error):
            label.setWordWrap(True)
            label.setProperty("role", "error")
            label.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.code, 0, 0)
        grid.addWidget(self.kind, 0, 1)
        grid.addWidget(self.pack, 0, 2)
        grid.addWidget(self.pack_label, 0, 3)
        grid.addWidget(self.remove, 0, 4)
        # Each message has the row's whole width: a check-digit sentence reads whole, not in a narrow column.
        grid.addWidget(self.code_error, 1, 0, 1, 5)
        grid.addWidget(self.pack_error, 2, 0, 1, 5)
        grid.setColumnStretch(0, 1)
        self.code.textChanged.connect(self.changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.pack.valueChanged.connect(self.changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self._kind_changed()

    def number(self, index: int) -> None:
        """Name the row's widgets after its place in the list (tests and people find them by it)."""
        self.setObjectName(f"barcode_row_{index}")
        self.code.setObjectName(f"barcode_code_{index}")
        self.kind.setObjectName(f"barcode_kind_{index}")
        self.pack.setObjectName(f"barcode_pack_{index}")
        self.remove.setObjectName(f"remove_barcode_{index}")

    def name_errors(self, draft_index: int | None) -> None:
        """The error labels carry the field name of the draft's barcode (``error_barcodes[0].code``)."""
        where = f"barcodes[{draft_index}]" if draft_index is not None else "barcodes[-]"
        self.code_error.setObjectName(f"error_{where}.code")
        self.pack_error.setObjectName(f"error_{where}.pack_qty")

    def _kind_changed(self) -> None:
        case = self.current_kind() is BarcodeKind.CASE
        self.pack.setEnabled(case)
        self.pack.setVisible(case)
        self.pack_label.setVisible(case)
        if case and self.pack.value() == 1:
            self.pack.setValue(0)
        elif not case:
            self.pack.setValue(1)
        self.changed.emit()

    def current_kind(self) -> BarcodeKind:
        return BarcodeKind(self.kind.currentData())

    def draft(self) -> BarcodeDraft:
        kind = self.current_kind()
        return BarcodeDraft(self.code.text(), kind, self.pack.value() if kind is BarcodeKind.CASE else 1)

    def fill(self, barcode: BarcodeDraft) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(barcode.kind.value)))
        self.code.setText(barcode.code)
        self.pack.setValue(barcode.pack_qty)

    def is_empty(self) -> bool:
        return not self.code.text().strip()

    def show_errors(self, code: str, pack: str) -> None:
        for label, text in ((self.code_error, code), (self.pack_error, pack)):
            label.setText(text)
            label.setVisible(bool(text))


class ProductFormDialog(QDialog):
    """Create a product (``detail`` None) or change one; ``saved(ProductDetail)`` when stored."""

    saved = Signal(object)
    validated = Signal()  # after each full check (pure rules + the database) has been shown

    def __init__(
        self,
        context: AppContext,
        detail: ProductDetail | None = None,
        *,
        currency: str = "CNY",
        categories: Sequence[str] = (),
        locations: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("product_form_dialog")
        self.setMinimumWidth(520)  # room for a barcode's message on two lines, not six
        self.context = context
        self.detail = detail
        self.currency = currency
        self._filling = False
        self._saving = False
        self._touched: set[str] = set()
        self._check_generation = 0
        self._checked_generation = -1
        self._errors: dict[str, str] = {}
        self.barcode_rows: list[BarcodeRow] = []

        self.form = load_form("product_form.ui", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        f = self.form
        self.heading = child(f, QLabel, "form_heading")
        self.stock = child(f, QLabel, "form_stock")
        self.inputs: dict[str, QLineEdit] = {
            "sku": child(f, QLineEdit, "product_sku"),
            "name": child(f, QLineEdit, "product_name"),
            "category": child(f, QLineEdit, "product_category"),
            "location": child(f, QLineEdit, "product_location"),
            "unit": child(f, QLineEdit, "product_unit"),
            "price_cents": child(f, QLineEdit, "product_price"),
            "cost_cents": child(f, QLineEdit, "product_cost"),
            "reorder_point": child(f, QLineEdit, "product_reorder_point"),
            "reorder_qty": child(f, QLineEdit, "product_reorder_qty"),
        }
        self.active = child(f, QCheckBox, "product_active")
        self.error_labels = {field: child(f, QLabel, f"error_{field}") for field in FIELDS}
        self.rows_box = child(f, QWidget, "barcode_rows")
        self.add_barcode_button = child(f, QPushButton, "add_barcode")
        self.problem = child(f, QLabel, "form_problem")
        self.save_button = child(f, QPushButton, "save_product")
        self.cancel_button = child(f, QPushButton, "cancel_product")
        for label in [*self.error_labels.values(), self.problem]:
            label.hide()
        # A scanner ends each code with Enter: in a barcode field that must not press Save.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        for widget, values in ((self.inputs["category"], categories), (self.inputs["location"], locations)):
            if values:
                completer = QCompleter(list(values), widget)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                widget.setCompleter(completer)

        self._check_timer = QTimer(self)
        self._check_timer.setObjectName("product_check_timer")
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self._check_with_database)

        for name, widget in self.inputs.items():
            widget.textEdited.connect(lambda _text, name=name: self._edited(name))
            widget.editingFinished.connect(self._check_now)
        self.active.toggled.connect(lambda _on: self._edited("active"))
        self.add_barcode_button.clicked.connect(self._add_barcode_clicked)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self._cancel)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.activated.connect(self.save)

        self._fill()
        self._as_opened = self._typed()

    # -- leaving --------------------------------------------------------------------------------

    def _typed(self) -> tuple[object, ...]:
        """What the form holds, as typed (to tell whether anything was changed)."""
        texts = tuple(widget.text() for widget in self.inputs.values())
        return (*texts, self.active.isChecked(), tuple(row.draft() for row in self._filled_rows()))

    def has_changes(self) -> bool:
        return self._typed() != self._as_opened

    def may_leave(self) -> bool:
        """Esc, Cancel or the window's close button: ask before throwing edits away (True: leave)."""
        if not self.has_changes() or self._saving:
            return True
        return ask(
            self,
            "discard_product_changes",
            self.tr("Discard changes?"),
            self.tr("Your changes to this product have not been saved. Discard them?")
            if self.detail is not None
            else self.tr("This new product has not been saved. Discard it?"),
            yes=(self.tr("&Discard"), "discard_changes"),
            no=(self.tr("&Keep editing"), "keep_editing"),
            yes_role=QMessageBox.ButtonRole.DestructiveRole,
        )

    def _cancel(self) -> None:
        if self.may_leave():
            self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self._cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The person closed the window; a close by the program (quitting) is not asked about.
        if event.spontaneous() and not self.may_leave():
            event.ignore()
            return
        super().closeEvent(event)

    # -- filling --------------------------------------------------------------------------------

    def _fill(self) -> None:
        detail = self.detail
        self._filling = True
        try:
            if detail is None:
                self.setWindowTitle(self.tr("New product"))
                self.heading.setText(self.tr("New product"))
                self.stock.setText(self.tr("Stock starts at 0; receive a delivery to add units."))
                self.inputs["price_cents"].setText(product_csv.format_amount(0, self.currency))
                self.inputs["cost_cents"].setText(product_csv.format_amount(0, self.currency))
                self.inputs["reorder_point"].setText("0")
                self.inputs["reorder_qty"].setText("0")
            else:
                self.setWindowTitle(self.tr("Product {sku}").format(sku=detail.sku))
                self.heading.setText(f"{detail.sku} · {detail.name}")
                self.stock.setText(
                    self.tr(
                        "On hand {on_hand} · reserved {reserved} · available {available}. Stock changes "
                        "through receiving, adjusting and counts, not here."
                    ).format(on_hand=detail.on_hand, reserved=detail.reserved, available=detail.available)
                )
                values = {
                    "sku": detail.sku,
                    "name": detail.name,
                    "category": detail.category,
                    "location": detail.location,
                    "unit": detail.unit,
                    "price_cents": product_csv.format_amount(detail.price_cents, self.currency),
                    "cost_cents": product_csv.format_amount(detail.cost_cents, self.currency),
                    "reorder_point": str(detail.reorder_point),
                    "reorder_qty": str(detail.reorder_qty),
                }
                for name, value in values.items():
                    self.inputs[name].setText(value)
                self.active.setChecked(detail.active)
                for barcode in detail.draft().barcodes:
                    self.add_barcode(barcode)
                self._touched = set(FIELDS) | {"barcodes"}
        finally:
            self._filling = False
        self._edited(None)

    # -- barcodes -------------------------------------------------------------------------------

    def _add_barcode_clicked(self) -> None:
        row = self.add_barcode()
        row.code.setFocus()

    def add_barcode(self, barcode: BarcodeDraft | None = None) -> BarcodeRow:
        row = BarcodeRow(self.rows_box)
        if barcode is not None:
            row.fill(barcode)
        layout = self.rows_box.layout()
        assert layout is not None
        layout.addWidget(row)
        self.barcode_rows.append(row)
        row.changed.connect(lambda: self._edited("barcodes"))
        row.code.editingFinished.connect(self._check_now)
        row.remove_requested.connect(self.remove_barcode)
        self._renumber()
        if not self._filling:
            self._edited(None)
        return row

    def remove_barcode(self, row: BarcodeRow) -> None:
        if row in self.barcode_rows:
            self.barcode_rows.remove(row)
            row.hide()
            row.setParent(None)
            row.deleteLater()
            self._renumber()
            self._edited("barcodes")

    def _renumber(self) -> None:
        for index, row in enumerate(self.barcode_rows):
            row.number(index)

    # -- checking -------------------------------------------------------------------------------

    def draft(self) -> tuple[ProductDraft, list[FieldError]]:
        """The product as typed, and the problems of turning the text into numbers."""
        problems: list[FieldError] = []
        amounts: dict[str, int] = {}
        for name in ("price_cents", "cost_cents"):
            text = self.inputs[name].text().strip()
            value, message = product_csv.parse_amount(text, self.currency) if text else (0, "")
            if value is None:
                problems.append(FieldError(name, message))
            amounts[name] = value or 0
        for name in ("reorder_point", "reorder_qty"):
            text = self.inputs[name].text().strip()
            value, message = product_csv.parse_count(text) if text else (0, "")
            if value is None:
                problems.append(FieldError(name, message))
            amounts[name] = value or 0
        draft = ProductDraft(
            sku=self.inputs["sku"].text(),
            name=self.inputs["name"].text(),
            category=self.inputs["category"].text(),
            location=self.inputs["location"].text(),
            unit=self.inputs["unit"].text(),
            price_cents=amounts["price_cents"],
            cost_cents=amounts["cost_cents"],
            reorder_point=amounts["reorder_point"],
            reorder_qty=amounts["reorder_qty"],
            active=self.active.isChecked(),
            barcodes=tuple(row.draft() for row in self._filled_rows()),
        )
        return normalised(draft), problems

    def _filled_rows(self) -> list[BarcodeRow]:
        """Barcode rows with a code in them; an empty row is left out (nothing to save)."""
        return [row for row in self.barcode_rows if not row.is_empty()]

    def _edited(self, field: str | None) -> None:
        if self._filling:
            return
        if field is not None:
            self._touched.add(field)
        draft, problems = self.draft()
        self._check_generation += 1
        self._show_errors(problems + validate_product(draft))
        self._check_timer.start()

    def _check_now(self) -> None:
        if self._checked_generation != self._check_generation and not self._filling:
            self._check_timer.stop()
            self._check_with_database()

    def _check_with_database(self) -> None:
        draft, problems = self.draft()
        generation = self._check_generation
        database = self.context.database
        product_id = self.detail.id if self.detail is not None else None
        run_task(
            lambda: check_product(database, draft, product_id=product_id),
            lambda errors: self._checked(generation, problems, errors),
            lambda exc: self._check_failed(generation, exc),
            context=self,
        )

    def _checked(self, generation: int, problems: list[FieldError], errors: list[FieldError]) -> None:
        if generation != self._check_generation:
            return  # typed on since; a newer check follows
        self._checked_generation = generation
        self._show_errors(problems + errors)
        self.validated.emit()

    def _check_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._check_generation:
            return
        if not isinstance(exc, OrderAppError):
            log.error("checking a product failed", exc_info=exc)
        self._checked_generation = generation
        self.problem.setText(self.tr("The product could not be checked: {reason}").format(reason=exc))
        self.problem.show()
        self.validated.emit()

    def _show_errors(self, errors: list[FieldError]) -> None:
        messages: dict[str, str] = {}
        for error in errors:
            messages.setdefault(error.field, error.message)
        self._errors = messages
        for field, label in self.error_labels.items():
            text = messages.get(field, "") if field in self._touched else ""
            label.setText(text)
            label.setVisible(bool(text))
        show_codes = "barcodes" in self._touched
        filled = self._filled_rows()
        for row in self.barcode_rows:
            index = filled.index(row) if row in filled else None
            row.name_errors(index)
            if index is None or not show_codes:
                row.show_errors("", "")
            else:
                row.show_errors(
                    messages.get(f"barcodes[{index}].code", ""), messages.get(f"barcodes[{index}].pack_qty", "")
                )
        self._update_save()
        QTimer.singleShot(0, self, self._fit_height)  # not after the dialog is gone

    def _fit_height(self) -> None:
        """Messages that appeared get their lines: the dialog grows taller rather than cut them."""
        layout = self.layout()
        if layout is None:
            return
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalMinimumSize().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    def _update_save(self) -> None:
        checked = self._checked_generation == self._check_generation
        ok = not self._errors and checked and not self._saving
        self.save_button.setEnabled(ok)
        if self._errors:
            hidden = [m for f, m in self._errors.items() if not self._shown(f)]
            self.save_button.setToolTip("\n".join(hidden) or self.tr("Fix the fields marked in red first."))
        else:
            self.save_button.setToolTip("")

    def _shown(self, field: str) -> bool:
        return field in self._touched or (field.startswith("barcodes[") and "barcodes" in self._touched)

    def errors(self) -> dict[str, str]:
        """The message under each field, as the user sees them now (field name -> text)."""
        shown = {field: label.text() for field, label in self.error_labels.items() if label.isVisible()}
        for index, row in enumerate(self._filled_rows()):
            if row.code_error.isVisible():
                shown[f"barcodes[{index}].code"] = row.code_error.text()
            if row.pack_error.isVisible():
                shown[f"barcodes[{index}].pack_qty"] = row.pack_error.text()
        return shown

    def error_for(self, field: str) -> str:
        label = self.findChild(QLabel, f"error_{field}")
        return label.text() if label is not None and label.isVisible() else ""

    # -- saving ---------------------------------------------------------------------------------

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        draft, problems = self.draft()
        if problems:
            self._show_errors(problems)
            return
        self._saving = True
        self._update_save()
        self.problem.hide()
        database, user_id = self.context.database, self.context.user_id
        detail = self.detail
        if detail is None:
            run_task(
                lambda: create_product(database, draft, user_id=user_id), self._saved, self._save_failed, context=self
            )
        else:
            product_id = detail.id
            run_task(
                lambda: update_product(database, product_id, draft, user_id=user_id, expected=detail),
                self._saved,
                self._save_failed,
                context=self,
            )

    def _saved(self, detail: ProductDetail) -> None:
        self._saving = False
        self.detail = detail
        self.saved.emit(detail)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, EditConflict):
            self._changed_elsewhere(exc)
            return
        if isinstance(exc, ValidationFailed):
            self._touched |= set(FIELDS) | {"barcodes"}
            self._show_errors(list(exc.errors))
            return
        if not isinstance(exc, OrderAppError):
            log.error("saving a product failed", exc_info=exc)
        self.problem.setText(self.tr("The product was not saved: {reason}").format(reason=exc))
        self.problem.show()
        self._update_save()

    def _changed_elsewhere(self, conflict: EditConflict) -> None:
        """Another PC saved this product meanwhile: take theirs, or save ours over it knowingly."""
        choice = ask_about_conflict(self, conflict)
        self.detail = conflict.current
        if choice is Choice.OVERWRITE:
            self._update_save()
            self.save()
            return
        if choice is Choice.RELOAD:
            for row in list(self.barcode_rows):
                self.remove_barcode(row)
            self._fill()
            self._as_opened = self._typed()
        else:
            self.problem.setText(self.tr("Not saved: {reason}").format(reason=conflict))
            self.problem.show()
        self._update_save()
