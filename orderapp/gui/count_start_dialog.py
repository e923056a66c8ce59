"""Starting a stock count: of everything, a location, a category or chosen products; blind by default."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain import product_csv
from orderapp.domain.count_maths import Thresholds
from orderapp.errors import FieldError, OrderAppError, ValidationFailed
from orderapp.gui.context import AppContext
from orderapp.gui.forms import child, load_form
from orderapp.gui.tasks import run_task
from orderapp.services.stock.catalogue import categories, find_by_code, locations
from orderapp.services.stock.counts import CountScope, CountSummary, start_count

log = logging.getLogger(__name__)


class UnknownProductCodes(ValidationFailed):
    pass


def chosen_codes(text: str) -> list[str]:
    """SKUs or barcodes as typed or scanned: separated by spaces, commas, semicolons or lines."""
    found: list[str] = []
    for part in text.replace(",", " ").replace(";", " ").replace("，", " ").split():
        if part not in found:
            found.append(part)
    return found


class CountStartDialog(QDialog):
    started = Signal(object)  # CountSummary
    problem_shown = Signal(str)

    def __init__(self, context: AppContext, *, currency: str = "CNY", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("count_start_dialog")
        self.setWindowTitle(self.tr("Start a count"))
        self.context = context
        self.currency = currency
        self._starting = False

        self.form = load_form("count_start.ui", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        f = self.form
        self.title = child(f, QLineEdit, "start_title")
        self.scope_all = child(f, QRadioButton, "scope_all")
        self.scope_location = child(f, QRadioButton, "scope_location")
        self.scope_category = child(f, QRadioButton, "scope_category")
        self.scope_products = child(f, QRadioButton, "scope_products")
        self.location_value = child(f, QComboBox, "scope_location_value")
        self.category_value = child(f, QComboBox, "scope_category_value")
        self.products_value = child(f, QPlainTextEdit, "scope_products_value")
        self.blind = child(f, QCheckBox, "start_blind")
        self.threshold_units = child(f, QSpinBox, "start_threshold_units")
        self.threshold_value = child(f, QLineEdit, "start_threshold_value")
        self.errors = {
            "title": child(f, QLabel, "error_title"),
            "scope": child(f, QLabel, "error_scope"),
            "threshold_units": child(f, QLabel, "error_threshold_units"),
            "threshold_value_cents": child(f, QLabel, "error_threshold_value_cents"),
        }
        self.problem = child(f, QLabel, "start_problem")
        self.start_button = child(f, QPushButton, "start_ok")
        self.cancel_button = child(f, QPushButton, "start_cancel")
        for label in [*self.errors.values(), self.problem]:
            label.hide()

        defaults = Thresholds()
        self.threshold_units.setValue(defaults.units)
        self.threshold_value.setText(product_csv.format_amount(defaults.value_cents, currency))
        self.threshold_currency = QLabel(currency)  # the amount is in the shop's currency: say which
        self.threshold_currency.setObjectName("start_threshold_currency")
        bar = f.findChild(QHBoxLayout, "start_threshold_bar")
        if bar is not None:
            bar.insertWidget(bar.indexOf(self.threshold_value) + 1, self.threshold_currency)
        self.location_value.lineEdit().setPlaceholderText(self.tr("e.g. A or A-03"))  # type: ignore[union-attr]
        self.location_value.editTextChanged.connect(lambda _t: self.scope_location.setChecked(True))
        # Suggest, never fill in: "C-23" must stay "C-23", not silently become the narrower "C-23-2".
        self.location_value.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.location_value.completer()
        if completer is not None:
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.category_value.activated.connect(lambda _i: self.scope_category.setChecked(True))
        self.products_value.textChanged.connect(
            lambda: self.scope_products.setChecked(True) if self.products_value.toPlainText().strip() else None
        )
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)

        database = context.database
        run_task(
            lambda: (categories(database), locations(database)),
            self._values_arrived,
            lambda exc: log.warning("reading categories failed", exc_info=exc),
            context=self,
        )

    def _values_arrived(self, values: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
        found_categories, found_locations = values
        self.category_value.addItems(list(found_categories))
        aisles = sorted({loc.split("-", 1)[0] for loc in found_locations if "-" in loc})
        text = self.location_value.currentText()
        self.location_value.blockSignals(True)
        self.location_value.addItems(aisles + [loc for loc in found_locations if loc not in aisles])
        self.location_value.setEditText(text)
        self.location_value.blockSignals(False)

    def scope_text(self) -> tuple[str, str]:
        if self.scope_location.isChecked():
            return "location", self.location_value.currentText()
        if self.scope_category.isChecked():
            return "category", self.category_value.currentText()
        if self.scope_products.isChecked():
            return "products", self.products_value.toPlainText()
        return "all", ""

    def start(self) -> None:
        if self._starting:
            return
        for label in [*self.errors.values(), self.problem]:
            label.hide()
        text = self.threshold_value.text().strip()
        value, message = product_csv.parse_amount(text, self.currency) if text else (0, "")
        if value is None:
            self._show_errors([FieldError("threshold_value_cents", message)])
            return
        thresholds = Thresholds(self.threshold_units.value(), value)
        kind, scope_value = self.scope_text()
        title, blind = self.title.text(), self.blind.isChecked()
        database, user_id = self.context.database, self.context.user_id
        no_products = self.tr("Type or scan the SKUs or barcodes of the products to count.")
        unknown_text = self.tr("No product has the code {codes}; check them.")

        def work() -> CountSummary:
            if kind == "location":
                scope = CountScope.location(scope_value)
            elif kind == "category":
                scope = CountScope.category(scope_value)
            elif kind == "products":
                codes = chosen_codes(scope_value)
                if not codes:
                    raise UnknownProductCodes([FieldError("scope", no_products)])
                ids, unknown = [], []
                for code in codes:
                    match = find_by_code(database, code)
                    if match is None:
                        unknown.append(code)
                    else:
                        ids.append(match.product_id)
                if unknown:
                    raise UnknownProductCodes([FieldError("scope", unknown_text.format(codes=", ".join(unknown)))])
                scope = CountScope.products(ids)
            else:
                scope = CountScope.everything()
            return start_count(database, scope, user_id=user_id, title=title, blind=blind, thresholds=thresholds)

        self._starting = True
        self.start_button.setEnabled(False)
        run_task(work, self._started, self._failed, context=self)

    def _started(self, summary: CountSummary) -> None:
        self._starting = False
        self.started.emit(summary)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._starting = False
        self.start_button.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self._show_errors(list(exc.errors))
            return
        if not isinstance(exc, OrderAppError):
            log.error("starting a count failed", exc_info=exc)
        self.problem.setText(str(exc))
        self.problem.show()
        self.problem_shown.emit(str(exc))

    def _show_errors(self, errors: list[FieldError]) -> None:
        for error in errors:
            label = self.errors.get(error.field, self.problem)
            label.setText(error.message)
            label.show()
        self.problem_shown.emit("; ".join(e.message for e in errors))
