"""The order form's customer picker: find a customer as the name is typed, spot a phone number that
belongs to someone already, and say whether the order is for an existing or a new customer.

It drives the customer widgets of the form's .ui (name, phone, the "Existing customer" note, the
"New customer" button and the phone offer) and looks customers up in workers. It knows nothing of
addresses or drafts: when a customer is picked it says so (``picked``) and the form fills the rest.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QFrame, QLabel, QLineEdit, QPushButton

from orderapp.domain.order_validation import CustomerDraft
from orderapp.domain.phones import display_phone, phone_problem
from orderapp.gui.forms import hide_completion
from orderapp.gui.style import set_role
from orderapp.gui.tasks import run_task
from orderapp.services.customers.lookup import CustomerView, customer_by_phone, find_customers
from orderapp.store.database import Database

LOOKUP_DELAY_MS = 200


class CustomerPicker(QObject):
    customers_found = Signal(int)  # how many customers the completion list shows
    phone_owner_found = Signal(object)  # CustomerView | None
    picked = Signal(object)  # CustomerView: the user chose an existing customer
    forgotten = Signal()  # "New customer": the order is no longer for the picked customer
    failed = Signal(object)  # a lookup failed (the exception)

    def __init__(
        self,
        database: Database,
        phone_region: str,
        *,
        name: QLineEdit,
        phone: QLineEdit,
        state: QLabel,
        new_button: QPushButton,
        offer: QFrame,
        offer_text: QLabel,
        use_offered: QPushButton,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._region = phone_region
        self.name, self.phone, self.state = name, phone, state
        self.new_button, self.offer_frame, self.offer_text = new_button, offer, offer_text
        self.customer: CustomerView | None = None
        self._offered: CustomerView | None = None
        self._query = ""
        self._model = QStandardItemModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setObjectName("customer_completer")
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(Qt.ItemDataRole.UserRole + 2)
        self.completer.setMaxVisibleItems(10)
        name.setCompleter(self.completer)
        self._name_timer = self._timer(self._search)
        self._phone_timer = self._timer(self._look_up_phone_owner)
        self.completer.activated[QModelIndex].connect(self._chosen)  # type: ignore[index]
        new_button.clicked.connect(self.forget)
        use_offered.clicked.connect(self._use_offered)
        offer.hide()
        new_button.hide()

    def _timer(self, slot: Any) -> QTimer:
        made = QTimer(self)
        made.setSingleShot(True)
        made.setInterval(LOOKUP_DELAY_MS)
        made.timeout.connect(slot)
        return made

    # -- what the form tells it --------------------------------------------------------------------

    def restore(self, given: CustomerDraft, known: CustomerView | None) -> None:
        """A draft or an order is shown: its picked customer (``known`` when the form has the full one)."""
        self.customer = None
        if given.customer_id is not None:
            if known is not None and known.id == given.customer_id:
                self.customer = known
            else:
                self.customer = _placeholder_customer(given)
        self.show_state()

    def name_edited(self) -> None:
        if self.customer is not None and self.name.text().strip() != self.customer.name:
            self.customer = None  # typing another name: a new customer, unless one is picked again
            self._phone_timer.start()
        self.show_state()
        self._name_timer.start()

    def phone_edited(self) -> None:
        self._phone_timer.start()

    def hide_popup(self) -> bool:
        return hide_completion(self.completer)  # Esc: True when a completion list was open

    def reset(self) -> None:
        self.customer = None
        self._offered = None
        self.offer_frame.hide()
        self.show_state()

    # -- picking -------------------------------------------------------------------------------------

    def pick(self, customer: CustomerView) -> None:
        """Make the order this existing customer's."""
        self.customer = customer
        self._offered = None
        self.name.setText(customer.name)
        self.phone.setText(customer.phone_display)
        self._query = customer.name
        self.offer_frame.hide()
        self.show_state()
        self.picked.emit(customer)

    def forget(self) -> None:
        self.customer = None
        self.show_state()
        self.name.setFocus()
        self.name.selectAll()
        self._phone_timer.start()
        self.forgotten.emit()

    def offer(self, customer: CustomerView | None) -> None:
        """Offer ``customer`` as the one the typed phone belongs to (None: no offer)."""
        self._offered = customer
        if customer is None:
            self.offer_frame.hide()
            return
        where = f" ({customer.city})" if customer.city else ""
        self.offer_text.setText(
            self.tr("{phone} belongs to {name}{where}. Use that customer instead of adding a new one?").format(
                phone=customer.phone_display, name=customer.name, where=where
            )
        )
        self.offer_frame.show()

    def show_state(self) -> None:
        customer = self.customer
        if customer is not None:
            text = self.tr("Existing customer")
            if customer.phone_display:
                text += " · " + customer.phone_display
            self.state.setText(text)
            set_role(self.state, "note")
            self.new_button.show()
        else:
            typed = self.name.text().strip()
            self.state.setText(self.tr("New customer: saved with the order") if typed else "")
            set_role(self.state, "")
            self.new_button.hide()

    def _use_offered(self) -> None:
        if self._offered is not None:
            self.pick(self._offered)
            self.phone.setFocus()

    def _chosen(self, index: QModelIndex) -> None:
        customer = index.data(Qt.ItemDataRole.UserRole + 1)
        if isinstance(customer, CustomerView):
            self.pick(customer)

    # -- lookups -------------------------------------------------------------------------------------

    def _search(self) -> None:
        text = self.name.text().strip()
        if not text or text == self._query:
            return
        self._query = text
        database = self._database
        run_task(
            lambda: find_customers(database, text, limit=12),
            lambda found: self._found(text, found),
            self.failed.emit,
            context=self,
        )

    def _found(self, text: str, found: list[CustomerView]) -> None:
        if self.name.text().strip() != text:
            return
        self._model.clear()
        for customer in found:
            label = customer.name
            if customer.phone_display:
                label += " · " + customer.phone_display
            if customer.city:
                label += " · " + customer.city
            entry = QStandardItem(label)
            entry.setData(customer, Qt.ItemDataRole.UserRole + 1)
            entry.setData(customer.name, Qt.ItemDataRole.UserRole + 2)
            self._model.appendRow(entry)
        if found and self.name.hasFocus() and (self.customer is None or self.customer.name != text):
            self.completer.setCompletionPrefix("")
            self.completer.complete()
        self.customers_found.emit(len(found))

    def _look_up_phone_owner(self) -> None:
        text = self.phone.text()
        if not text.strip() or phone_problem(text, self._region):
            self.offer(None)
            return
        database = self._database
        run_task(
            lambda: customer_by_phone(database, text),
            lambda found: self._phone_owner(text, found),
            self.failed.emit,
            context=self,
        )

    def _phone_owner(self, text: str, found: CustomerView | None) -> None:
        now = self.phone.text()
        if now != text and display_phone(text, self._region) != now:
            return
        picked = self.customer.id if self.customer is not None else None
        self.offer(found if found is not None and found.id != picked else None)
        self.phone_owner_found.emit(found)


def _placeholder_customer(given: CustomerDraft) -> CustomerView:
    """A picked customer restored from a draft: its id and what the draft says of it."""
    return CustomerView(
        id=given.customer_id or 0,
        name=given.name,
        phone="",
        phone_display=given.phone,
        email=given.email,
        address_line1="",
        address_line2="",
        city="",
        region="",
        postcode="",
        country="",
        notes="",
    )
