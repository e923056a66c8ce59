"""Inventory: the products list (page by page, searched and filtered), a product's details and
figures, the product form, receiving, adjusting, movement history, import and export, and the
reorder list.

Every figure comes from ``orderapp.services`` (catalogue, stock, reorder, product_import,
product_export) in a worker; the screen only shows them and says in place what went wrong.
A USB scanner's code typed anywhere on the screen searches for that product.
"""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain.money import format_money
from orderapp.domain.shop_clock import shop_zone
from orderapp.errors import OrderAppError
from orderapp.gui import problems
from orderapp.gui.context import AppContext
from orderapp.gui.fitting import fixed_lines
from orderapp.gui.forms import child, load_form
from orderapp.gui.product_export_dialog import ProductExport, choose_export_file, progress_for
from orderapp.gui.product_form import ProductFormDialog
from orderapp.gui.product_import_dialog import ProductImportDialog
from orderapp.gui.product_table import NAME, ProductTableModel, fit_columns_once, row_of_detail
from orderapp.gui.scanner_input import WedgeScannerFilter
from orderapp.gui.stock_dialogs import AdjustDialog, ProductRef, ReceiveDialog
from orderapp.gui.stock_history import HistoryDialog
from orderapp.gui.stock_reorder import ReorderList
from orderapp.gui.style import set_state
from orderapp.gui.tasks import run_task
from orderapp.services.settings.shop import ShopSettings, load_settings
from orderapp.services.stock.catalogue import (
    ProductDetail,
    ProductQuery,
    Removal,
    StatusFilter,
    categories,
    count_products,
    get_product,
    locations,
    remove_product,
    set_active,
)
from orderapp.services.stock.product_export import ExportResult
from orderapp.services.stock.product_import import ImportResult
from orderapp.services.stock.shelf import StockChange

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 250


def create_screen(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return InventoryScreen(context, parent)


class InventoryScreen(QWidget):
    products_loaded = Signal(int)  # rows in the list so far, after each page
    product_shown = Signal(object)  # ProductDetail, once the detail panel shows it
    stock_changed = Signal(object)  # tuple[StockChange, ...] after a receipt or adjustment is shown
    problem_shown = Signal(str)
    exported = Signal(object)  # ExportResult

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen_inventory")
        self.context = context
        self.database = context.database
        self.currency = "CNY"
        self.zone: ZoneInfo | None = None
        self.detail: ProductDetail | None = None
        self.dialog: QDialog | None = None
        self.export_job: ProductExport | None = None
        self._categories: tuple[str, ...] = ()
        self._locations: tuple[str, ...] = ()
        self._detail_generation = 0
        self._count_generation = 0

        self.form = load_form("product_list.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 9, 9, 9)
        layout.addWidget(self.form)
        f = self.form
        self.tabs = child(f, QTabWidget, "inventory_tabs")
        self.search = child(f, QLineEdit, "product_search")
        self.category_filter = child(f, QComboBox, "filter_category")
        self.location_filter = child(f, QComboBox, "filter_location")
        self.status_filter = child(f, QComboBox, "filter_status")
        for combo in (self.category_filter, self.location_filter, self.status_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # choices read whole
        self.low_stock_filter = child(f, QCheckBox, "filter_low_stock")
        self.count_label = child(f, QLabel, "product_count")
        self.count_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # one line, no gap
        self.table = child(f, QTableView, "product_table")
        self.detail_panel = child(f, QWidget, "product_detail")
        self.detail_name = child(f, QLabel, "detail_name")
        self.detail_sku = child(f, QLabel, "detail_sku")
        self.detail_info = child(f, QLabel, "detail_info")
        self.detail_on_hand = child(f, QLabel, "detail_on_hand")
        self.detail_reserved = child(f, QLabel, "detail_reserved")
        self.detail_available = child(f, QLabel, "detail_available")
        self.detail_barcodes = child(f, QLabel, "detail_barcodes")
        self.detail_status = child(f, QLabel, "detail_status")
        self.new_button = child(f, QPushButton, "new_product")
        self.receive_delivery_button = child(f, QPushButton, "receive_delivery")
        self.import_button = child(f, QPushButton, "import_products")
        self.export_button = child(f, QPushButton, "export_products")
        self.edit_button = child(f, QPushButton, "edit_product")
        self.receive_button = child(f, QPushButton, "receive_stock")
        self.adjust_button = child(f, QPushButton, "adjust_stock")
        self.history_button = child(f, QPushButton, "show_history")
        self.deactivate_button = child(f, QPushButton, "deactivate_product")
        self.delete_button = child(f, QPushButton, "delete_product")
        self.problem = child(f, QLabel, "inventory_problem")
        fixed_lines(self.problem, 1)  # its room kept, whatever it says
        self.problem.hide()

        self.status_filter.addItem(self.tr("Active products"), StatusFilter.ACTIVE.value)
        self.status_filter.addItem(self.tr("Inactive products"), StatusFilter.INACTIVE.value)
        self.status_filter.addItem(self.tr("All products"), StatusFilter.ALL.value)
        self.category_filter.addItem(self.tr("All categories"), None)
        location_edit = self.location_filter.lineEdit()
        assert location_edit is not None
        location_edit.setPlaceholderText(self.tr("Any location"))
        location_edit.setClearButtonEnabled(True)
        self.location_filter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        split = child(f, QSplitter, "product_split")
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        self.detail_panel.setMaximumWidth(380)

        self.model = ProductTableModel(self.database, self)
        self.table.setModel(self.model)
        fit_columns_once(self.table, self.model, NAME)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.load_failed.connect(self._show_problem)
        self.model.modelReset.connect(self._list_reset)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_product_form())

        self._search_timer = QTimer(self)
        self._search_timer.setObjectName("product_search_timer")
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_query)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_query)
        self.location_filter.editTextChanged.connect(lambda _text: self._search_timer.start())
        self.category_filter.currentIndexChanged.connect(lambda _i: self.apply_query())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_query())
        self.low_stock_filter.toggled.connect(lambda _on: self.apply_query())

        self.new_button.clicked.connect(lambda: self.open_product_form(new=True))
        self.edit_button.clicked.connect(lambda: self.open_product_form())
        self.receive_button.clicked.connect(lambda: self.open_receive())
        self.receive_delivery_button.clicked.connect(lambda: self.open_receive(empty=True))
        self.adjust_button.clicked.connect(lambda: self.open_adjust())
        self.history_button.clicked.connect(lambda: self.open_history())
        self.deactivate_button.clicked.connect(self.toggle_active)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(lambda: self.open_import())
        self.export_button.clicked.connect(self.export_with_dialog)

        self.reorder = ReorderList(self.database, f, self)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.detail_panel.installEventFilter(self)  # wrapped name and details keep every line (_fit_wrapped)
        for label in (self.detail_name, self.detail_info):  # and again once the layout has given them their width
            label.installEventFilter(self)

        self.wedge = WedgeScannerFilter(self)
        self.wedge.scanned.connect(self._scanned)

        self._show_detail(None)
        self._load_settings()
        self._load_filter_values()
        self.apply_query()

    # -- shop settings and filter values --------------------------------------------------------

    def _load_settings(self) -> None:
        database = self.database
        run_task(lambda: load_settings(database), self._settings_arrived, lambda exc: None, context=self)

    def _settings_arrived(self, settings: ShopSettings) -> None:
        self.currency = settings.currency
        self.model.set_currency(settings.currency)
        self.zone = shop_zone(settings.timezone)
        if self.detail is not None:
            self._show_detail(self.detail)

    def _load_filter_values(self) -> None:
        database = self.database
        run_task(
            lambda: (categories(database), locations(database)),
            self._filter_values_arrived,
            lambda exc: log.warning("reading categories failed", exc_info=exc),
            context=self,
        )

    def _filter_values_arrived(self, values: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
        self._categories, self._locations = values
        chosen = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("All categories"), None)
        for category in self._categories:
            self.category_filter.addItem(category, category)
        self.category_filter.setCurrentIndex(max(0, self.category_filter.findData(chosen)))
        self.category_filter.blockSignals(False)
        text = self.location_filter.currentText()
        self.location_filter.blockSignals(True)
        self.location_filter.clear()
        self.location_filter.addItems(list(self._location_prefixes()))
        self.location_filter.setEditText(text)
        self.location_filter.blockSignals(False)

    def _location_prefixes(self) -> list[str]:
        """Aisles first ("A"), then every bin: choosing an aisle shows all of its bins."""
        aisles = sorted({loc.split("-", 1)[0] for loc in self._locations if "-" in loc})
        return aisles + [loc for loc in self._locations if loc not in aisles]

    # -- the list -------------------------------------------------------------------------------

    def query(self) -> ProductQuery:
        status = self.status_filter.currentData()
        location = self.location_filter.currentText().strip()
        return ProductQuery(
            search=self.search.text().strip(),
            category=self.category_filter.currentData(),
            location=location or None,
            low_stock=self.low_stock_filter.isChecked(),
            status=StatusFilter(status) if status else StatusFilter.ACTIVE,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched in (self.detail_panel, self.detail_name, self.detail_info):
            self._fit_wrapped()
        return super().eventFilter(watched, event)

    def _fit_wrapped(self) -> None:
        """A long name wraps over several lines in the detail panel: it gets the height they need at the
        panel's width now (a layout in a splitter would give it one line)."""
        changed = False
        for label in (self.detail_name, self.detail_info):
            width = label.width() if label.width() > 50 else self.detail_panel.width() - 20
            height = label.heightForWidth(width) if label.text() else 0
            changed = changed or height != label.minimumHeight()
            label.setMinimumHeight(height)
        layout = self.detail_panel.layout()
        if changed and layout is not None:  # laid out again once this resize is over (never over each other)
            QTimer.singleShot(0, layout.activate)

    def show_list(self, kind: str) -> None:
        """A dashboard card: "low_stock" lists the active products at or below their reorder point."""
        if kind != "low_stock":
            return
        self.search.clear()
        self.tabs.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(StatusFilter.ACTIVE.value), 0))
        self.category_filter.setCurrentIndex(0)
        self.location_filter.setCurrentIndex(0)
        if self.low_stock_filter.isChecked():
            self.apply_query()
        else:
            self.low_stock_filter.setChecked(True)  # applies the query

    def apply_query(self) -> None:
        """Search again with what is typed and chosen now (the list starts at its first page)."""
        self._search_timer.stop()
        query = self.query()
        self.problem.hide()
        self.model.set_query(query)
        self._count_generation += 1
        generation = self._count_generation
        self.count_label.setText(self.tr("Searching…"))
        database = self.database
        run_task(
            lambda: count_products(database, query),
            lambda count: self._counted(generation, count),
            lambda exc: self._counted(generation, None),
            context=self,
        )

    def _counted(self, generation: int, count: int | None) -> None:
        if generation != self._count_generation:
            return
        if count is None:
            self.count_label.setText("")
        elif count == 0:
            self.count_label.setText(self.tr("No product matches; check the search or the filters."))
        else:
            self.count_label.setText(self.tr("%n products", "", count))

    def _page_loaded(self, rows: int) -> None:
        if self.detail is None and rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self.products_loaded.emit(rows)

    def _list_reset(self) -> None:
        self._show_detail(None)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        product_id = self.selected_product_id()
        if product_id is None:
            self._show_detail(None)
            return
        self.load_detail(product_id)

    def selected_product_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.model.row_at(rows[0].row()).id)

    def select_product(self, product_id: int) -> bool:
        """Select the product in the list if it is loaded there; True when it was."""
        row = self.model.row_of_product(product_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def rows_shown(self) -> list[tuple[str, ...]]:
        """The list as the user sees it: each row's cells as text."""
        return [
            tuple(str(self.model.data(self.model.index(r, c)) or "") for c in range(self.model.columnCount()))
            for r in range(self.model.rowCount())
        ]

    # -- the selected product -------------------------------------------------------------------

    def load_detail(self, product_id: int) -> None:
        self._detail_generation += 1
        generation = self._detail_generation
        database = self.database
        run_task(
            lambda: get_product(database, product_id),
            lambda detail: self._detail_arrived(generation, detail),
            self._show_problem,
            context=self,
        )

    def _detail_arrived(self, generation: int, detail: ProductDetail) -> None:
        if generation != self._detail_generation:
            return
        self._show_detail(detail)
        self.model.update_product(row_of_detail(detail))

    def _show_detail(self, detail: ProductDetail | None) -> None:
        self.detail = detail
        for button in (
            self.edit_button,
            self.receive_button,
            self.adjust_button,
            self.history_button,
            self.deactivate_button,
        ):
            button.setEnabled(detail is not None)
        self.delete_button.setVisible(detail is not None and not detail.has_history)
        if detail is None:
            self.detail_name.setText(self.tr("Choose a product in the list."))
            self._fit_wrapped()
            for label in (
                self.detail_sku,
                self.detail_info,
                self.detail_on_hand,
                self.detail_reserved,
                self.detail_available,
                self.detail_barcodes,
                self.detail_status,
            ):
                label.setText("")
            return
        self.detail_name.setText(detail.name)
        self.detail_sku.setText(self.tr("SKU {sku}").format(sku=detail.sku))
        info = [
            self.tr("Price {price}").format(price=format_money(detail.price_cents, self.currency)),
            self.tr("cost {cost}").format(cost=format_money(detail.cost_cents, self.currency)),
        ]
        if detail.category:
            info.insert(0, detail.category)
        if detail.location:
            info.insert(0, self.tr("Location {location}").format(location=detail.location))
        info.append(
            self.tr("reorder at {point}, order {qty}").format(point=detail.reorder_point, qty=detail.reorder_qty)
        )
        self.detail_info.setText(" · ".join(info))
        self._fit_wrapped()
        self.detail_on_hand.setText(str(detail.on_hand))
        self.detail_reserved.setText(str(detail.reserved))
        self.detail_available.setText(str(detail.available))
        low = detail.available <= detail.reorder_point
        set_state(self.detail_available, "alert" if low else "")
        self.detail_available.setToolTip(
            self.tr("At or below the reorder point ({point})").format(point=detail.reorder_point) if low else ""
        )
        codes = []
        for barcode in detail.barcodes:
            if barcode.kind.value == "case":
                codes.append(self.tr("{code} (case of {qty})").format(code=barcode.code, qty=barcode.pack_qty))
            elif barcode.kind.value == "internal":
                codes.append(self.tr("{code} (in-store)").format(code=barcode.code))
            else:
                codes.append(barcode.code)
        self.detail_barcodes.setText(self.tr("Barcodes: {codes}").format(codes=", ".join(codes)) if codes else "")
        if detail.active:
            self.detail_status.setText("")
            self.deactivate_button.setText(self.tr("&Deactivate"))
        else:
            self.detail_status.setText(self.tr("Inactive: not sold and not counted; its history is kept."))
            self.deactivate_button.setText(self.tr("Re&activate"))
        self.product_shown.emit(detail)

    def figures_shown(self) -> tuple[str, str, str]:
        """On hand, reserved and available as the detail panel shows them."""
        return self.detail_on_hand.text(), self.detail_reserved.text(), self.detail_available.text()

    def _ref(self) -> ProductRef | None:
        detail = self.detail
        if detail is None:
            return None
        return ProductRef(detail.id, detail.sku, detail.name, detail.on_hand, detail.reserved)

    # -- dialogs --------------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_product_form(self, *, new: bool = False) -> ProductFormDialog | None:
        detail = None if new else self.detail
        if not new and detail is None:
            return None
        dialog = ProductFormDialog(
            self.context,
            detail,
            currency=self.currency,
            categories=self._categories,
            locations=self._locations,
            parent=self,
        )
        dialog.saved.connect(self._product_saved)
        self._open(dialog)
        return dialog

    def _product_saved(self, detail: ProductDetail) -> None:
        if self.model.row_of_product(detail.id) is None:
            self.apply_query()
        else:
            self.model.update_product(row_of_detail(detail))
        self._show_detail(detail)
        self.select_product(detail.id)
        self._load_filter_values()

    def open_receive(self, *, empty: bool = False) -> ReceiveDialog:
        dialog = ReceiveDialog(self.context, None if empty else self._ref(), self)
        dialog.received.connect(self._stock_moved)
        self._open(dialog)
        return dialog

    def open_adjust(self) -> AdjustDialog | None:
        product = self._ref()
        if product is None:
            return None
        dialog = AdjustDialog(self.context, product, self)
        dialog.adjusted.connect(lambda change: self._stock_moved((change,)))
        self._open(dialog)
        return dialog

    def open_history(self) -> HistoryDialog | None:
        product = self._ref()
        if product is None:
            return None
        dialog = HistoryDialog(self.context, product, zone=self.zone, parent=self)
        self._open(dialog)
        return dialog

    def _stock_moved(self, changes: tuple[StockChange, ...]) -> None:
        for change in changes:
            self.model.update_figures(change.product_id, change.on_hand, change.reserved)
        if self.detail is not None and any(c.product_id == self.detail.id for c in changes):
            self.load_detail(self.detail.id)
        if self.tabs.currentIndex() == 1:
            self.reorder.refresh()
        self.stock_changed.emit(changes)

    def open_import(self) -> ProductImportDialog:
        dialog = ProductImportDialog(self.context, self)
        dialog.imported.connect(self._imported)
        self._open(dialog)
        return dialog

    def _imported(self, result: ImportResult) -> None:
        if result.written:
            self.apply_query()
            self._load_filter_values()

    # -- active, delete -------------------------------------------------------------------------

    def toggle_active(self) -> None:
        detail = self.detail
        if detail is None:
            return
        database, user_id = self.database, self.context.user_id
        run_task(
            lambda: set_active(database, detail.id, not detail.active, user_id=user_id),
            self._detail_changed,
            self._show_problem,
            context=self,
        )

    def _detail_changed(self, detail: ProductDetail) -> None:
        self.model.update_product(row_of_detail(detail))
        self._show_detail(detail)

    def delete_selected(self, *, confirmed: bool = False) -> None:
        detail = self.detail
        if detail is None:
            return
        if not confirmed:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Delete product"),
                self.tr("Delete {sku} “{name}”? It has never moved, so nothing else refers to it.").format(
                    sku=detail.sku, name=detail.name
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self,
            )
            box.setObjectName("confirm_delete")
            if box.exec() != QMessageBox.StandardButton.Yes:
                return
        database, user_id = self.database, self.context.user_id
        run_task(
            lambda: remove_product(database, detail.id, user_id=user_id),
            lambda removal: self._removed(detail, removal),
            self._show_problem,
            context=self,
        )

    def _removed(self, detail: ProductDetail, removal: Removal) -> None:
        if removal is Removal.DELETED:
            self.apply_query()
        else:
            self._show_problem(
                self.tr("{sku} has a history, so it was deactivated instead of deleted.").format(sku=detail.sku)
            )
            self.load_detail(detail.id)

    # -- export ---------------------------------------------------------------------------------

    def export_with_dialog(self) -> None:
        chosen = choose_export_file(self)
        if chosen is not None:
            self.export_to(*chosen)

    def export_to(self, path: object, encoding: str = "utf-8-sig") -> ProductExport:
        from pathlib import Path

        job = ProductExport(self.database, self)
        self.export_job = job
        self._export_progress = progress_for(job, self)
        job.finished.connect(self._exported)
        job.failed.connect(self._show_problem)
        job.cancelled.connect(lambda: self._show_problem(self.tr("Export stopped; no file was written.")))
        job.start(Path(str(path)), encoding)
        return job

    def _exported(self, result: ExportResult) -> None:
        self.count_label.setText(
            self.tr("{rows} products exported to {path}.").format(rows=result.rows, path=result.path)
        )
        self.exported.emit(result)

    # -- scanning and tabs ----------------------------------------------------------------------

    def _scanned(self, scan: object) -> None:
        if QApplication.activeModalWidget() is not None or not self.isVisible():
            return  # a dialog (receiving) takes its own scans
        code = getattr(scan, "code", "")
        if code:
            self.tabs.setCurrentIndex(0)
            self.search.setText(code)
            self.apply_query()

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.reorder.refresh()

    def _show_problem(self, problem: object) -> None:
        if isinstance(problem, BaseException) and not isinstance(problem, OrderAppError):
            log.error("an inventory task failed", exc_info=problem)
        message = str(problem)
        problems.show_problem(self.problem, message)
        self.problem_shown.emit(message)

    def selected_index(self) -> QModelIndex:
        rows = self.table.selectionModel().selectedRows()
        return rows[0] if rows else QModelIndex()
