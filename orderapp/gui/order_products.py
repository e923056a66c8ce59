"""The order form's product side: the "Add product" entry (SKU, barcode, "3*TEA-001", or a name with a
completion list; USB scanner codes too) and the catalogue of the products the lines name.

``ProductEntry`` turns what is typed or scanned into a product and says so (``wanted(item, units)``)
or says why not (``refused(message)``); the form decides which line gets it. ``LineCatalogue`` reads
the lines' products with their stock now, in a worker, and keeps what it has learnt.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QPushButton

from orderapp.domain.money import format_money
from orderapp.domain.order_validation import Catalogue, CatalogueItem, OrderDraft
from orderapp.gui.forms import hide_completion
from orderapp.gui.tasks import run_task
from orderapp.services.orders.products_for_orders import catalogue_for, find_products, lookup_code
from orderapp.store.database import Database

LOOKUP_DELAY_MS = 200
_QTY_PREFIX = re.compile(r"^\s*(\d{1,5})\s*[*×]\s*(\S.*)$")


class ProductEntry(QObject):
    wanted = Signal(object, int)  # CatalogueItem, units: add it to the order
    refused = Signal(str)  # the message shown under "Add product"
    failed = Signal(object)  # a lookup failed (the exception)

    def __init__(
        self,
        database: Database,
        currency: str,
        *,
        entry: QLineEdit,
        add_button: QPushButton,
        error: QLabel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._currency = currency
        self.entry, self.error = entry, error
        self._query = ""
        self._quantity = 1
        self._model = QStandardItemModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setObjectName("product_completer")
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(Qt.ItemDataRole.UserRole + 2)
        self.completer.setMaxVisibleItems(12)
        entry.setCompleter(self.completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self._search)
        entry.textEdited.connect(self._typed)
        entry.returnPressed.connect(self._return)
        add_button.clicked.connect(self.add_from_entry)
        self.completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        error.hide()

    def hide_popup(self) -> bool:
        return hide_completion(self.completer)  # Esc: True when a completion list was open

    def _return(self) -> None:
        popup = self.completer.popup()
        if popup is not None and popup.isVisible() and popup.currentIndex().isValid():
            return  # the highlighted product is taken by the completer's ``activated``
        self.add_from_entry()

    def add_from_entry(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        quantity = 1
        match = _QTY_PREFIX.fullmatch(text)
        if match is not None:
            quantity, text = max(int(match.group(1)), 1), match.group(2).strip()
        self._timer.stop()
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()
        self.add_code(text, quantity=quantity, typed=True)

    def add_code(self, code: str, *, quantity: int = 1, typed: bool = True) -> None:
        """Look the code up (SKU or barcode; typed text may also be a unique name) and add the product."""
        database = self._database

        def look_up() -> tuple[CatalogueItem | None, int]:
            item = lookup_code(database, code)
            if item is not None or not typed:
                return item, 1 if item is not None else 0
            found = find_products(database, code, limit=2)
            return (found[0], 1) if len(found) == 1 else (None, len(found))

        run_task(
            look_up,
            lambda result: self._looked_up(code, quantity, typed, *result),
            self.failed.emit,
            context=self,
        )

    def _looked_up(self, code: str, quantity: int, typed: bool, item: CatalogueItem | None, matches: int) -> None:
        if item is None:
            if matches > 1:
                message = self.tr("Several products match “{text}”; pick one from the list.").format(text=code)
                self._query = ""
                self._search()
            elif typed:
                message = self.tr("No product has the SKU or barcode “{code}”; check it, or search by name.").format(
                    code=code
                )
            else:
                message = self.tr("The scanned code “{code}” is not in the catalogue; check the product.").format(
                    code=code
                )
            self.refuse(message)
            return
        if not item.active:
            self.refuse(self.tr("“{name}” is no longer sold; choose another product.").format(name=item.name))
            return
        self.error.hide()
        self.wanted.emit(item, quantity * max(item.pack_qty, 1))
        if typed:
            self.entry.clear()

    def refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.refused.emit(message)

    def _typed(self, text: str) -> None:
        self.error.hide()
        if text.strip():
            self._timer.start()
        else:
            self._model.clear()

    def _search(self) -> None:
        text = self.entry.text().strip()
        match = _QTY_PREFIX.fullmatch(text)
        if match is not None:
            text = match.group(2).strip()
        if not text or text == self._query:
            return
        self._query = text
        self._quantity = max(int(match.group(1)), 1) if match is not None else 1
        database = self._database
        run_task(
            lambda: find_products(database, text, limit=15),
            lambda items: self._found(text, items),
            self.failed.emit,
            context=self,
        )

    def _found(self, text: str, items: list[CatalogueItem]) -> None:
        if text not in self.entry.text().strip():
            return  # typed on meanwhile, or already added
        self._model.clear()
        for item in items:
            entry = QStandardItem(
                self.tr("{sku} · {name} · {price} · {available} available").format(
                    sku=item.sku,
                    name=item.name,
                    price=format_money(item.price_cents, self._currency),
                    available=item.available,
                )
            )
            entry.setData(item, Qt.ItemDataRole.UserRole + 1)
            entry.setData(item.sku, Qt.ItemDataRole.UserRole + 2)
            self._model.appendRow(entry)
        if items and self.entry.hasFocus():
            self.completer.setCompletionPrefix("")
            self.completer.complete()

    def _picked(self, index: QModelIndex) -> None:
        item = index.data(Qt.ItemDataRole.UserRole + 1)
        if not isinstance(item, CatalogueItem):
            return
        self.error.hide()
        self.wanted.emit(item, self._quantity * max(item.pack_qty, 1))
        self._query = ""
        QTimer.singleShot(0, self.entry.clear)


class LineCatalogue(QObject):
    """The products the order's lines name, with their stock as last read."""

    arrived = Signal()  # new products were read: check the draft again
    failed = Signal(object)

    def __init__(self, database: Database, read: Callable[[], OrderDraft], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._read_draft = read
        self.current = Catalogue()
        self.answered: set[tuple[str, object]] = set()  # ("code", folded) / ("id", n) looked up already
        self._running = False
        self._again = False

    def clear(self) -> None:
        self.current = Catalogue()
        self.answered.clear()

    def remember(self, item: CatalogueItem) -> None:
        """A product the user picked: known at once, no lookup needed."""
        unit = replace(item, pack_qty=1)
        by_id = dict(self.current.by_id)
        by_code = dict(self.current.by_code)
        by_id[unit.product_id] = unit
        by_code[unit.sku.casefold()] = unit
        self.current = Catalogue(by_id, by_code)
        self.answered.add(("id", unit.product_id))
        self.answered.add(("code", unit.sku.strip().casefold()))

    def refresh(self, *, fully: bool = False) -> None:
        """Read the products the lines name (with their stock now); ``arrived`` follows."""
        if fully:
            self.answered.clear()
        if self._running:
            self._again = True
            return
        draft = self._read_draft()
        if not any(not line.is_blank() for line in draft.lines):
            return
        self._running = True
        asked: set[tuple[str, object]] = {
            ("code", line.code.strip().casefold()) for line in draft.lines if line.product_id is None
        }
        asked |= {("id", line.product_id) for line in draft.lines if line.product_id is not None}
        database = self._database
        run_task(
            lambda: catalogue_for(database, draft),
            lambda catalogue: self._read(asked, catalogue),
            self._failed,
            context=self,
        )

    def _read(self, asked: set[tuple[str, object]], catalogue: Catalogue) -> None:
        self._running = False
        by_id = {**self.current.by_id, **catalogue.by_id}
        by_code = {**self.current.by_code, **catalogue.by_code}
        for item in catalogue.by_id.values():
            by_code[item.sku.casefold()] = item
        self.current = Catalogue(by_id, by_code)
        self.answered |= asked
        self.arrived.emit()
        self._next()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self.failed.emit(exc)
        self._next()

    def _next(self) -> None:
        again, self._again = self._again, False
        if again:
            self.refresh()
