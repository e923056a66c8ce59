"""The order form: a new order, a walk-in sale, or an order being edited.

What the user types is kept as an ``OrderDraft`` and checked with the pure ``check_draft`` on every
edit; each message is painted under its field (a label called ``error_<field>``, e.g.
``error_customer.phone`` or ``error_lines[0].qty``), and Confirm stays disabled while anything is
wrong, with a short list of what is left. Products are added by SKU, barcode (typed, or scanned with
a USB wedge scanner anywhere in the form) or name completion; customers are found as the name or
phone is typed. Everything that touches the database (lookups, draft saves, placing the order) runs
in a worker. The draft is saved shortly after each edit, so closing the window or a crash loses
nothing; the orders screen offers it back.

Keys: Ctrl+Enter confirms (completes a walk-in sale), Ctrl+S saves without confirming, Ctrl+L goes to
"Add product", Ctrl+Delete removes the line being edited, Esc closes the form (kept as a draft).
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import phonenumbers
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain.money import format_money
from orderapp.domain.order_validation import (
    AddressDraft,
    CatalogueItem,
    CustomerDraft,
    DraftCheck,
    DraftRules,
    Fulfilment,
    OrderDraft,
    PaymentStatus,
    Priority,
    check_draft,
    left_to_fix,
)
from orderapp.domain.phones import display_phone, phone_problem
from orderapp.errors import OrderAppError, ValidationFailed
from orderapp.gui.context import AppContext
from orderapp.gui.countries import country_choice
from orderapp.gui.customer_picker import CustomerPicker
from orderapp.gui.forms import child, load_form
from orderapp.gui.order_draft_saver import DraftSaver, has_content
from orderapp.gui.order_lines import OrderLines, shortcut_text, show_message
from orderapp.gui.order_list_model import channel_label, payment_label
from orderapp.gui.order_products import LineCatalogue, ProductEntry
from orderapp.gui.problems import problem_shown, show_done, show_problem
from orderapp.gui.scanner_input import WedgeScannerFilter
from orderapp.gui.style import set_state
from orderapp.gui.tasks import report_unexpected, run_task
from orderapp.services.customers import CustomerView, DuplicateCustomer
from orderapp.services.order_settings import OrderSettings
from orderapp.services.orders import (
    OrderView,
    OutOfStock,
    PossibleDuplicate,
    complete_walk_in,
    confirm_order,
    place_order,
    update_order,
)

log = logging.getLogger(__name__)

# Every order-level field the check can name, in the order they appear on the form.
FIELDS = (
    "customer.name",
    "customer.phone",
    "customer.email",
    "fulfilment",
    "delivery.line1",
    "delivery.line2",
    "delivery.city",
    "delivery.region",
    "delivery.postcode",
    "delivery.country",
    "delivery.recipient",
    "delivery.phone",
    "lines",
    "order_discount",
    "shipping_fee",
    "payment_status",
    "amount_paid",
    "priority",
    "due_at",
    "channel",
    "external_ref",
    "notes",
)
CHANNELS = ("phone", "web", "store", "wechat", "shopify", "import")
CARRIER_COUNTRIES = ("CN", "HK", "TW", "SG", "JP", "KR", "US", "CA", "GB", "IE", "DE", "FR", "NL", "IT", "ES", "AU")

LOOKUP_DELAY_MS = 200
_QTY_PREFIX = re.compile(r"^\s*(\d{1,5})\s*[*×]\s*(\S.*)$")


class FormMode:
    NEW = "new"
    WALK_IN = "walk_in"
    EDIT = "edit"


def _ui_name(field: str) -> str:
    return "error_" + field.replace(".", "_")


class OrderForm(QWidget):
    """One order being entered or edited. The orders screen shows it in a tab."""

    validated = Signal(object)  # DraftCheck, after every re-check (tests wait on it)
    draft_saved = Signal(int)  # the draft's id, after each save
    line_added = Signal(int)  # index of the line that got the product (new or more units)
    product_refused = Signal(str)  # the message shown under "Add product"
    customers_found = Signal(int)  # how many customers the completion list shows
    phone_owner_found = Signal(object)  # CustomerView | None
    order_saved = Signal(object)  # OrderView: placed, edited or confirmed; the form is done
    sale_completed = Signal(object)  # OrderView of a walk-in sale; the form is ready for the next
    submit_failed = Signal(str)  # the problem shown
    closed = Signal()  # the form may be deleted now (its draft is saved)
    title_changed = Signal(str)

    def __init__(
        self,
        context: AppContext,
        settings: OrderSettings,
        *,
        mode: str = FormMode.NEW,
        order: OrderView | None = None,
        draft: OrderDraft | None = None,
        draft_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("order_form_" + mode)
        self.context = context
        self._database = context.database
        self.settings = settings
        self.mode = mode
        self.order = order
        self._restored_draft_id = draft_id
        self._zone = ZoneInfo(settings.timezone)
        self._rules = self._rules_for(order)
        self._check: DraftCheck | None = None
        self._touched: set[str] = set()
        self._show_all = False
        self._filling = False
        self._busy = False
        self._finished = False
        self._close_wanted = False
        self._service_errors: dict[str, str] = {}
        self.last_order: OrderView | None = None

        self.form = load_form("order_form.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self._find_widgets()
        self._setup_choices()
        self._setup_parts()
        self._connect()
        self._setup_shortcuts()
        self._setup_scanner()

        self._filling = True
        try:
            if draft is not None:
                self.fill(draft)
            elif order is not None:
                self.fill(order.to_draft())
            else:
                walk_in = OrderDraft(fulfilment=Fulfilment.WALK_IN.value, channel="store")
                self.fill(walk_in if mode == FormMode.WALK_IN else OrderDraft())
                if mode == FormMode.WALK_IN:
                    self._set_payment(PaymentStatus.PAID.value)
        finally:
            self._filling = False
        if draft is not None or order is not None:
            # What the database holds already (the saved draft, or the order): no draft until it changes.
            self.saver.mark_saved(self.draft())
        if draft is not None:
            self._touched.update(self._fields_with_content())
        self._update_title()
        self._refresh_catalogue()
        self.recheck()
        QTimer.singleShot(0, self.focus_first_field)

    # -- building --------------------------------------------------------------------------------

    def _find_widgets(self) -> None:
        f = self.form
        self.heading = child(f, QLabel, "form_heading")
        self.form_scroll = child(f, QScrollArea, "form_scroll")
        self.customer_name = child(f, QLineEdit, "customer_name")
        self.customer_state = child(f, QLabel, "customer_state")
        self.customer_new = child(f, QPushButton, "customer_new")
        self.customer_phone = child(f, QLineEdit, "customer_phone")
        self.phone_offer = child(f, QFrame, "phone_offer")
        self.phone_offer_text = child(f, QLabel, "phone_offer_text")
        self.use_offered_customer = child(f, QPushButton, "use_offered_customer")
        self.customer_email = child(f, QLineEdit, "customer_email")
        self.customer_box = child(f, QGroupBox, "customer_box")
        self.delivery_box = child(f, QGroupBox, "delivery_box")
        self.fulfilment_delivery = child(f, QRadioButton, "fulfilment_delivery")
        self.fulfilment_pickup = child(f, QRadioButton, "fulfilment_pickup")
        self.fulfilment_walk_in = child(f, QRadioButton, "fulfilment_walk_in")
        self.address_fields = child(f, QWidget, "address_fields")
        self.pickup_note = child(f, QLabel, "pickup_note")
        self.delivery_line1 = child(f, QLineEdit, "delivery_line1")
        self.delivery_line2 = child(f, QLineEdit, "delivery_line2")
        self.delivery_city = child(f, QLineEdit, "delivery_city")
        self.delivery_region = child(f, QLineEdit, "delivery_region")
        self.delivery_postcode = child(f, QLineEdit, "delivery_postcode")
        self.delivery_country = child(f, QComboBox, "delivery_country")
        self.delivery_recipient = child(f, QLineEdit, "delivery_recipient")
        self.delivery_phone = child(f, QLineEdit, "delivery_phone")
        self.product_entry = child(f, QLineEdit, "product_entry")
        self.add_product = child(f, QPushButton, "add_product")
        self.product_entry_error = child(f, QLabel, "error_product_entry")
        self.lines_area = child(f, QWidget, "lines_area")
        self.order_discount = child(f, QLineEdit, "order_discount")
        self.shipping_fee = child(f, QLineEdit, "shipping_fee")
        self.subtotal_value = child(f, QLabel, "subtotal_value")
        self.total_value = child(f, QLabel, "total_value")
        self.payment_status = child(f, QComboBox, "payment_status")
        self.amount_paid = child(f, QLineEdit, "amount_paid")
        self.amount_paid_label = child(f, QLabel, "label_amount_paid")
        self.priority_urgent = child(f, QCheckBox, "priority_urgent")
        self.due_enabled = child(f, QCheckBox, "due_enabled")
        self.due_at = child(f, QDateTimeEdit, "due_at")
        self.channel = child(f, QComboBox, "channel")
        self.external_ref = child(f, QLineEdit, "external_ref")
        self.notes = child(f, QPlainTextEdit, "notes")
        self.form_problem = child(f, QLabel, "form_problem")
        self.left_to_fix_label = child(f, QLabel, "left_to_fix")
        self.keys_hint = child(f, QLabel, "keys_hint")
        self.discard_button = child(f, QPushButton, "discard_form")
        self.close_button = child(f, QPushButton, "close_form")
        self.save_button = child(f, QPushButton, "save_order")
        self.confirm_button = child(f, QPushButton, "confirm_order")
        # The error labels carry the field's own name ("error_customer.phone"), as the check names it.
        self.error_labels: dict[str, QLabel] = {}
        for field in FIELDS:
            label = child(f, QLabel, _ui_name(field))
            label.setObjectName("error_" + field)
            label.hide()
            self.error_labels[field] = label
        self.product_entry_error.hide()
        self.phone_offer.hide()
        self.form_problem.hide()
        self.customer_new.hide()
        self.pickup_note.hide()

    def _setup_choices(self) -> None:
        for status in PaymentStatus:
            self.payment_status.addItem(payment_label(status.value), status.value)
        for channel in CHANNELS:
            self.channel.addItem(channel_label(channel), channel)
        region = self.settings.phone_region.upper()
        countries = [region, *[c for c in CARRIER_COUNTRIES if c != region]]
        countries += sorted(set(phonenumbers.SUPPORTED_REGIONS) - set(countries))
        for code in countries:
            self.delivery_country.addItem(country_choice(code), code)
        finder = QCompleter(self.delivery_country.model(), self.delivery_country)
        finder.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        finder.setFilterMode(Qt.MatchFlag.MatchContains)
        self.delivery_country.setCompleter(finder)
        self.due_at.setDateTime(QDateTime.currentDateTime().addDays(1))
        self.due_at.setEnabled(False)
        self.keys_hint.setText(
            self.tr("{confirm} confirm · {save} save · {add} add product · {remove} remove line · Esc close").format(
                confirm=shortcut_text("Ctrl+Return"),
                save=shortcut_text("Ctrl+S"),
                add=shortcut_text("Ctrl+L"),
                remove=shortcut_text("Ctrl+Del"),
            )
        )
        self.keys_hint.setStyleSheet("color: palette(mid);")

    def _setup_parts(self) -> None:
        self.lines = OrderLines(self.lines_area, self)
        self.customers = CustomerPicker(
            self._database,
            self.settings.phone_region,
            name=self.customer_name,
            phone=self.customer_phone,
            state=self.customer_state,
            new_button=self.customer_new,
            offer=self.phone_offer,
            offer_text=self.phone_offer_text,
            use_offered=self.use_offered_customer,
            parent=self,
        )
        self.customer_completer = self.customers.completer
        self.products = ProductEntry(
            self._database,
            self.settings.currency,
            entry=self.product_entry,
            add_button=self.add_product,
            error=self.product_entry_error,
            parent=self,
        )
        self.product_completer = self.products.completer
        self.catalogue = LineCatalogue(self._database, self.draft, self)
        self.saver = DraftSaver(
            self._database,
            self.draft,
            station=self.context.station,
            user_id=self.context.user_id,
            order_id=self.order.id if self.order is not None else None,
            draft_id=self._restored_draft_id,
            parent=self,
        )
        self._catalogue_timer = QTimer(self)
        self._catalogue_timer.setSingleShot(True)
        self._catalogue_timer.setInterval(LOOKUP_DELAY_MS)
        self._catalogue_timer.timeout.connect(self._refresh_catalogue)

    def _connect(self) -> None:
        plain_fields: dict[str, QLineEdit] = {
            "customer.email": self.customer_email,
            "delivery.line1": self.delivery_line1,
            "delivery.line2": self.delivery_line2,
            "delivery.city": self.delivery_city,
            "delivery.region": self.delivery_region,
            "delivery.postcode": self.delivery_postcode,
            "delivery.recipient": self.delivery_recipient,
            "order_discount": self.order_discount,
            "shipping_fee": self.shipping_fee,
            "amount_paid": self.amount_paid,
            "external_ref": self.external_ref,
        }
        for field, edit in plain_fields.items():
            edit.textEdited.connect(lambda _text, f=field: self._edited(f))
            edit.editingFinished.connect(functools.partial(self._left, field))
        self.customer_name.textEdited.connect(self._name_edited)
        self.customer_name.editingFinished.connect(functools.partial(self._left, "customer.name"))
        self.customer_phone.textEdited.connect(self._phone_edited)
        self.customer_phone.editingFinished.connect(lambda: self._phone_left(self.customer_phone, "customer.phone"))
        self.delivery_phone.textEdited.connect(lambda _text: self._edited("delivery.phone"))
        self.delivery_phone.editingFinished.connect(lambda: self._phone_left(self.delivery_phone, "delivery.phone"))
        self.delivery_country.currentTextChanged.connect(lambda _t: self._edited("delivery.country"))
        self.customers.picked.connect(self._customer_picked)
        self.customers.forgotten.connect(self._changed)
        self.customers.failed.connect(self._background_failed)
        self.customers.customers_found.connect(self.customers_found)
        self.customers.phone_owner_found.connect(self.phone_owner_found)
        self.lines.edited.connect(self._line_edited)
        self.lines.remove_wanted.connect(self.remove_line)
        self.lines.quantity_entered.connect(self.focus_product_entry)
        self.lines.rows_changed.connect(self._chain_tabs)
        self.saver.saved.connect(self.draft_saved)
        self.saver.failed.connect(self._show_problem)
        for button in (self.fulfilment_delivery, self.fulfilment_pickup, self.fulfilment_walk_in):
            button.toggled.connect(self._fulfilment_toggled)
        self.products.wanted.connect(self.add_item)
        self.products.refused.connect(self.product_refused)
        self.products.failed.connect(self._background_failed)
        self.catalogue.arrived.connect(self._catalogue_arrived)
        self.catalogue.failed.connect(self._background_failed)
        self.payment_status.currentIndexChanged.connect(lambda _i: self._edited("payment_status"))
        self.priority_urgent.toggled.connect(lambda _c: self._edited("priority"))
        self.due_enabled.toggled.connect(self._due_toggled)
        self.due_at.dateTimeChanged.connect(lambda _d: self._edited("due_at"))
        self.channel.currentTextChanged.connect(lambda _t: self._edited("channel"))
        self.notes.textChanged.connect(lambda: self._edited("notes"))
        self.confirm_button.clicked.connect(lambda: self.submit(confirm=True))
        self.save_button.clicked.connect(lambda: self.submit(confirm=False))
        self.close_button.clicked.connect(self.request_close)
        self.discard_button.clicked.connect(self.discard)

    def _setup_shortcuts(self) -> None:
        def shortcut(keys: str, slot: Callable[[], None], name: str) -> QShortcut:
            made = QShortcut(QKeySequence(keys), self)
            made.setObjectName(name)
            made.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.activated.connect(slot)
            return made

        shortcut("Ctrl+Return", self._confirm_key, "shortcut_confirm")
        shortcut("Ctrl+Enter", self._confirm_key, "shortcut_confirm_keypad")
        shortcut("Ctrl+S", lambda: self.submit(confirm=False), "shortcut_save")
        shortcut("Ctrl+L", self.focus_product_entry, "shortcut_add_product")
        shortcut("Ctrl+Del", self._remove_focused_line, "shortcut_remove_line")
        shortcut("Esc", self._escape, "shortcut_close")

    def _setup_scanner(self) -> None:
        """A USB wedge scanner's burst anywhere in the form adds the product (none of its keys land in
        the field that has the focus); a code typed into "Add product" and Enter works as well."""
        self.wedge = WedgeScannerFilter(self)
        self.wedge.scanned.connect(self.handle_scan)
        self.wedge.rejected.connect(self.products.refuse)

    # -- reading and filling the form ------------------------------------------------------------

    def draft(self) -> OrderDraft:
        """The form as an ``OrderDraft`` (text as typed)."""
        picked = self.customers.customer
        return OrderDraft(
            customer=CustomerDraft(
                customer_id=picked.id if picked is not None else None,
                name=self.customer_name.text(),
                phone=self.customer_phone.text(),
                email=self.customer_email.text(),
            ),
            fulfilment=self.fulfilment(),
            delivery=AddressDraft(
                recipient=self.delivery_recipient.text(),
                phone=self.delivery_phone.text(),
                line1=self.delivery_line1.text(),
                line2=self.delivery_line2.text(),
                city=self.delivery_city.text(),
                region=self.delivery_region.text(),
                postcode=self.delivery_postcode.text(),
                country=self._country(),
            ),
            lines=self.lines.drafts(),
            order_discount=self.order_discount.text(),
            shipping_fee=self.shipping_fee.text(),
            payment_status=str(self.payment_status.currentData() or PaymentStatus.UNPAID.value),
            amount_paid=self.amount_paid.text(),
            priority=Priority.URGENT.value if self.priority_urgent.isChecked() else Priority.NORMAL.value,
            due_at=self._due() if self.due_enabled.isChecked() else None,
            notes=self.notes.toPlainText(),
            channel=self._channel(),
            external_ref=self.external_ref.text(),
        )

    def fill(self, draft: OrderDraft) -> None:
        """Show ``draft`` in the form (a restored draft, or the order being edited)."""
        was_filling, self._filling = self._filling, True
        try:
            customer = draft.customer
            self.customer_name.setText(customer.name)
            self.customer_phone.setText(customer.phone)
            self.customer_email.setText(customer.email)
            {
                Fulfilment.PICKUP.value: self.fulfilment_pickup,
                Fulfilment.WALK_IN.value: self.fulfilment_walk_in,
            }.get(draft.fulfilment, self.fulfilment_delivery).setChecked(True)
            address = draft.delivery
            self.delivery_recipient.setText(address.recipient)
            self.delivery_phone.setText(address.phone)
            self.delivery_line1.setText(address.line1)
            self.delivery_line2.setText(address.line2)
            self.delivery_city.setText(address.city)
            self.delivery_region.setText(address.region)
            self.delivery_postcode.setText(address.postcode)
            self._set_country(address.country or self.settings.phone_region)
            self.lines.fill(draft.lines)
            self.order_discount.setText(draft.order_discount)
            self.shipping_fee.setText(draft.shipping_fee)
            self._set_payment(draft.payment_status)
            self.amount_paid.setText(draft.amount_paid)
            self.priority_urgent.setChecked(draft.priority == Priority.URGENT.value)
            self.due_enabled.setChecked(draft.due_at is not None)
            if draft.due_at is not None:
                local = draft.due_at.astimezone(self._zone)
                self.due_at.setDateTime(
                    QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
                )
            index = self.channel.findData(draft.channel)
            if index >= 0:
                self.channel.setCurrentIndex(index)
            else:
                self.channel.setEditText(draft.channel)
            self.external_ref.setText(draft.external_ref)
            self.notes.setPlainText(draft.notes)
            self.customers.restore(customer, self.order.customer if self.order is not None else None)
            self._show_fulfilment()
        finally:
            self._filling = was_filling

    def fulfilment(self) -> str:
        if self.fulfilment_walk_in.isChecked():
            return Fulfilment.WALK_IN.value
        if self.fulfilment_pickup.isChecked():
            return Fulfilment.PICKUP.value
        return Fulfilment.DELIVERY.value

    def _country(self) -> str:
        text = self.delivery_country.currentText().strip()
        if not text:
            return ""
        index = self.delivery_country.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.delivery_country.itemData(index))
        return text.split()[0].upper()

    def _set_country(self, code: str) -> None:
        index = self.delivery_country.findData(code.upper())
        if index >= 0:
            self.delivery_country.setCurrentIndex(index)
        else:
            self.delivery_country.setEditText(code)

    def _channel(self) -> str:
        text = self.channel.currentText().strip()
        index = self.channel.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.channel.itemData(index))
        return text

    def _set_payment(self, status: str) -> None:
        index = self.payment_status.findData(status)
        self.payment_status.setCurrentIndex(max(index, 0))

    def _due(self) -> datetime:
        moment = self.due_at.dateTime()
        local = datetime(
            moment.date().year(),
            moment.date().month(),
            moment.date().day(),
            moment.time().hour(),
            moment.time().minute(),
            tzinfo=self._zone,
        )
        return local.astimezone(UTC)

    def _fields_with_content(self) -> set[str]:
        draft = self.draft()
        present = {
            "customer.name": draft.customer.name,
            "customer.phone": draft.customer.phone,
            "customer.email": draft.customer.email,
            "delivery.line1": draft.delivery.line1,
            "delivery.city": draft.delivery.city,
            "delivery.postcode": draft.delivery.postcode,
            "delivery.phone": draft.delivery.phone,
            "order_discount": draft.order_discount,
            "shipping_fee": draft.shipping_fee,
            "amount_paid": draft.amount_paid,
        }
        touched = {field for field, text in present.items() if text.strip()}
        if draft.lines:
            touched.add("lines")
        return touched

    # -- the lines -------------------------------------------------------------------------------

    def line_count(self) -> int:
        return len(self.lines)

    def line_qty(self, index: int) -> QLineEdit:
        return self.lines.rows[index].qty

    def line_price(self, index: int) -> QLineEdit:
        return self.lines.rows[index].price

    def line_discount(self, index: int) -> QLineEdit:
        return self.lines.rows[index].discount

    def line_code(self, index: int) -> QLineEdit:
        return self.lines.rows[index].code

    def line_available(self, index: int) -> QLabel:
        return self.lines.rows[index].available

    def line_name(self, index: int) -> QLabel:
        return self.lines.rows[index].name

    def remove_line(self, index: int) -> None:
        if not 0 <= index < len(self.lines):
            return
        had_focus = self.lines.remove(index)
        self._shift_touched(index)
        self._changed()
        if had_focus:
            if self.lines.rows:
                self.lines.rows[min(index, len(self.lines) - 1)].qty.setFocus()
            else:
                self.focus_product_entry()

    def _shift_touched(self, removed: int) -> None:
        pattern = re.compile(r"lines\[(\d+)\]\.(\w+)")
        kept = set()
        for field in self._touched:
            match = pattern.fullmatch(field)
            if match is None or int(match.group(1)) < removed:
                kept.add(field)
            elif int(match.group(1)) > removed:
                kept.add(f"lines[{int(match.group(1)) - 1}].{match.group(2)}")
        self._touched = kept

    def _remove_focused_line(self) -> None:
        index = self.lines.focused_index()
        if index is not None:
            self.remove_line(index)

    def _line_edited(self, index: int, what: str) -> None:
        self._touched.update({f"lines[{index}].{what}", "lines"})
        if what == "product":
            self._catalogue_timer.start()
        self._changed()

    def _chain_tabs(self) -> None:
        """Tab follows the form's order, with the lines after "Add product"."""
        chain: list[QWidget] = [
            self.customer_name,
            self.customer_phone,
            self.customer_email,
            self.fulfilment_delivery,
            self.fulfilment_pickup,
            self.fulfilment_walk_in,
            self.delivery_line1,
            self.delivery_line2,
            self.delivery_city,
            self.delivery_region,
            self.delivery_postcode,
            self.delivery_country,
            self.delivery_recipient,
            self.delivery_phone,
            self.product_entry,
            self.add_product,
        ]
        chain.extend(self.lines.inputs())
        chain += [
            self.order_discount,
            self.shipping_fee,
            self.payment_status,
            self.amount_paid,
            self.priority_urgent,
            self.due_enabled,
            self.due_at,
            self.channel,
            self.external_ref,
            self.notes,
            self.confirm_button,
            self.save_button,
            self.close_button,
            self.discard_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- adding products -------------------------------------------------------------------------

    def focus_product_entry(self) -> None:
        self.product_entry.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.product_entry.selectAll()

    def focus_first_field(self) -> None:
        if self.mode == FormMode.WALK_IN or self.fulfilment() == Fulfilment.WALK_IN.value:
            self.focus_product_entry()
        else:
            self.customer_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_from_entry(self) -> None:
        self.products.add_from_entry()

    def handle_scan(self, scan: Any) -> None:
        """A code from the USB wedge scanner (a ``Scan``)."""
        code = str(getattr(scan, "code", scan)).strip()
        if code and not self._busy:
            self.products.add_code(code, quantity=1, typed=False)

    def add_code(self, code: str, *, quantity: int = 1, typed: bool = True) -> None:
        """Look the code up (SKU or barcode; typed text may also be a unique name) and add the product."""
        self.products.add_code(code, quantity=quantity, typed=typed)

    def add_item(self, item: CatalogueItem, units: int) -> None:
        """Add ``units`` of the product: more units on its line when it has a plain one, else a new line."""
        self.product_entry_error.hide()
        self.catalogue.remember(item)
        index = self.lines.add_units(item, units)
        if index is not None:
            self._touched.update({f"lines[{index}].qty", "lines"})
            self._changed()
            self.line_added.emit(index)
            return
        row = self.lines.append()
        row.code.setText(item.sku)
        row.product_id = item.product_id
        row.qty.setText(str(units))
        index = len(self.lines) - 1
        self._touched.update({f"lines[{index}].product", f"lines[{index}].qty", "lines"})
        self._changed()
        self.line_added.emit(index)
        QTimer.singleShot(0, lambda: self.form_scroll.ensureWidgetVisible(row.qty))

    # -- the customer ----------------------------------------------------------------------------

    def _name_edited(self, _text: str) -> None:
        self.customers.name_edited()
        self._edited("customer.name")

    def pick_customer(self, customer: CustomerView) -> None:
        """Make the order this existing customer's: their details fill empty fields."""
        self.customers.pick(customer)

    def _customer_picked(self, customer: CustomerView) -> None:
        was_filling, self._filling = self._filling, True
        try:
            if customer.email and not self.customer_email.text().strip():
                self.customer_email.setText(customer.email)
            if self.fulfilment() == Fulfilment.DELIVERY.value and not self.delivery_line1.text().strip():
                self.delivery_line1.setText(customer.address_line1)
                self.delivery_line2.setText(customer.address_line2)
                self.delivery_city.setText(customer.city)
                self.delivery_region.setText(customer.region)
                self.delivery_postcode.setText(customer.postcode)
                if customer.country:
                    self._set_country(customer.country)
        finally:
            self._filling = was_filling
        self._service_errors.pop("customer.phone", None)
        self._touched.update({"customer.name", "customer.phone"})
        self._changed()

    def _phone_edited(self, _text: str) -> None:
        self._service_errors.pop("customer.phone", None)
        self.customers.phone_edited()
        self._edited("customer.phone")

    def _phone_left(self, field: QLineEdit, name: str) -> None:
        """A valid phone is rewritten the way the shop's region writes it when the field is left."""
        text = field.text()
        region = self.settings.phone_region
        if text.strip() and not phone_problem(text, region):
            pretty = display_phone(text, region)
            if pretty != text:
                field.setText(pretty)
        self._left(name)

    # -- edits and the check -----------------------------------------------------------------------

    def _edited(self, field: str) -> None:
        if self._filling:
            return
        self._touched.add(field)
        self._service_errors.pop(field, None)
        if field == "payment_status":
            self._show_payment()
        self._changed()

    def _left(self, field: str) -> None:
        if self._filling or self._finished:
            return
        if field not in self._touched:
            self._touched.add(field)
            self.recheck()

    def _changed(self) -> None:
        """Something the user did changed the draft: check it again and save it soon."""
        if self._filling:
            return
        self.form_problem.hide()
        self.recheck()
        if not self._finished:
            self.saver.schedule()

    def _fulfilment_toggled(self, checked: bool) -> None:
        if not checked:
            return
        self._show_fulfilment()
        if self._filling:
            return
        self._touched.add("fulfilment")
        if self.fulfilment() == Fulfilment.WALK_IN.value:
            self._filling = True  # the form's own choices for a counter sale, not the user's
            try:
                if "payment_status" not in self._touched:
                    self._set_payment(PaymentStatus.PAID.value)
                if "channel" not in self._touched:
                    self.channel.setCurrentIndex(self.channel.findData("store"))
            finally:
                self._filling = False
            self._show_payment()
        self._changed()

    def _show_fulfilment(self) -> None:
        kind = self.fulfilment()
        self.address_fields.setVisible(kind == Fulfilment.DELIVERY.value)
        self.pickup_note.setVisible(kind != Fulfilment.DELIVERY.value)
        if kind == Fulfilment.PICKUP.value:
            self.pickup_note.setText(self.tr("The customer collects the order at the shop; no address needed."))
        elif kind == Fulfilment.WALK_IN.value:
            self.pickup_note.setText(
                self.tr("Sold at the counter: the customer is optional and the stock is taken at once.")
            )
        self._show_payment()
        self._show_buttons()
        self._update_title()

    def _show_payment(self) -> None:
        partly = self.payment_status.currentData() == PaymentStatus.PARTLY_PAID.value
        self.amount_paid.setVisible(partly)
        self.amount_paid_label.setVisible(partly)
        if not partly:
            self.error_labels["amount_paid"].hide()

    def _due_toggled(self, checked: bool) -> None:
        self.due_at.setEnabled(checked)
        if checked and not self._filling:
            self.due_at.setFocus()
        self._edited("due_at")

    def _rules_for(self, order: OrderView | None) -> DraftRules:
        held: dict[int, int] = {}
        if order is not None and order.holds_stock:
            for line in order.lines:
                held[line.product_id] = held.get(line.product_id, 0) + line.quantity
        return self.settings.rules(held)

    def _pending_lines(self) -> set[int]:
        """Lines whose product is still being looked up."""
        return self.lines.pending(self.catalogue.answered)

    def check(self) -> DraftCheck:
        """The last check (runs one when there is none)."""
        if self._check is None:
            self.recheck()
        assert self._check is not None
        return self._check

    def recheck(self) -> DraftCheck:
        draft = self.draft()
        check = check_draft(draft, self.catalogue.current, self._rules)
        self._check = check
        self._paint(check)
        self.validated.emit(check)
        return check

    def message_for(self, field: str) -> str:
        """The message painted under ``field`` ("" when none is shown)."""
        label = self.error_label(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def error_label(self, field: str) -> QLabel | None:
        return self.form.findChild(QLabel, "error_" + field)

    def _visible(self, field: str) -> bool:
        return self._show_all or field in self._touched

    def _paint(self, check: DraftCheck) -> None:
        pending = self._pending_lines()
        messages: dict[str, str] = {}
        for error in check.all_errors():
            messages.setdefault(error.field, error.message)
        for field, message in self._service_errors.items():
            messages.setdefault(field, message)
        shown = {field: message for field, message in messages.items() if self._visible(field)}
        for field, label in self.error_labels.items():
            show_message(label, shown.get(field, ""))
        currency = self.settings.currency
        self.lines.paint(check, shown, pending, currency=currency, backorders=self._rules.allow_backorders)
        self.subtotal_value.setText(format_money(check.subtotal_cents, currency))
        extra = []
        if check.discount_cents:
            extra.append(self.tr("discount −{amount}").format(amount=format_money(check.discount_cents, currency)))
        if check.shipping_cents:
            extra.append(self.tr("shipping {amount}").format(amount=format_money(check.shipping_cents, currency)))
        self.total_value.setText(
            format_money(check.total_cents, currency) + (f"  ({', '.join(extra)})" if extra else "")
        )
        self._paint_left_to_fix(check, bool(pending))
        self._show_buttons()

    def _paint_left_to_fix(self, check: DraftCheck, pending: bool) -> None:
        items = left_to_fix(check, limit=4)
        for message in self._service_errors.values():
            if not any(item.startswith(message) for item in items):
                items.append(message)
        if pending:
            items.append(self.tr("Looking up the products…"))
        ready = not items and self._can_confirm(check)
        if items:
            text = self.tr("Left to fix:") + "\n" + "\n".join("• " + item for item in items)
        elif ready:
            text = (
                self.tr("Ready: {keys} completes the sale.")
                if self.fulfilment() == Fulfilment.WALK_IN.value
                else self.tr("Ready: {keys} confirms the order and reserves the stock.")
            ).format(keys=shortcut_text("Ctrl+Return"))
        else:
            text = ""
        self.left_to_fix_label.setText(text)
        set_state(self.left_to_fix_label, "done" if ready else ("problem" if items else ""))

    def left_to_fix_items(self) -> list[str]:
        text = self.left_to_fix_label.text()
        return [line[2:] for line in text.splitlines() if line.startswith("• ")]

    def _can_confirm(self, check: DraftCheck) -> bool:
        return check.can_confirm and not self._service_errors and not self._pending_lines()

    def _show_buttons(self) -> None:
        check = self._check
        walk_in = self.fulfilment() == Fulfilment.WALK_IN.value
        editing = self.order is not None
        idle = not self._busy and not self._finished
        can_confirm = check is not None and self._can_confirm(check) and idle
        can_save = check is not None and check.can_save and not self._pending_lines() and idle
        if editing:
            assert self.order is not None
            self.save_button.setText(self.tr("Save changes"))
            self.save_button.setVisible(True)
            self.save_button.setEnabled(can_save)
            confirmable = "confirm" in self.order.actions
            self.confirm_button.setVisible(confirmable)
            self.confirm_button.setText(self.tr("Save and confirm"))
            self.confirm_button.setEnabled(can_confirm)
            self.discard_button.setText(self.tr("Discard changes…"))
        elif walk_in:
            self.save_button.setVisible(False)
            self.confirm_button.setVisible(True)
            self.confirm_button.setText(self.tr("Complete sale"))
            self.confirm_button.setEnabled(can_confirm)
            self.confirm_button.setToolTip(
                self.tr("Sell it now: the stock is taken at once ({keys})").format(keys=shortcut_text("Ctrl+Return"))
            )
        else:
            self.save_button.setVisible(True)
            self.save_button.setText(self.tr("Save as received"))
            self.save_button.setEnabled(can_save)
            self.confirm_button.setVisible(True)
            self.confirm_button.setText(self.tr("Confirm"))
            self.confirm_button.setEnabled(can_confirm)
            self.confirm_button.setToolTip(
                self.tr("Save and confirm: the stock is reserved ({keys})").format(keys=shortcut_text("Ctrl+Return"))
            )

    def _update_title(self) -> None:
        if self.order is not None:
            title = self.tr("Edit {number}").format(number=self.order.number)
        elif self.fulfilment() == Fulfilment.WALK_IN.value:
            title = self.tr("Walk-in sale")
        else:
            title = self.tr("New order")
        if self.heading.text() != title:
            self.heading.setText(title)
            self.title_changed.emit(title)

    def title(self) -> str:
        return self.heading.text()

    # -- the catalogue ---------------------------------------------------------------------------

    def _refresh_catalogue(self) -> None:
        self.catalogue.refresh()

    def _catalogue_arrived(self) -> None:
        self.lines.attach_products(self.catalogue.current)
        self.recheck()

    def _background_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OrderAppError):
            self._show_problem(str(exc))
        else:
            log.error("an order form lookup failed", exc_info=exc)
            self._show_problem(self.tr("The database could not be read just now; try again in a moment."))

    def problem_text(self) -> str:
        """The problem shown above the buttons ("" when none)."""
        return problem_shown(self.form_problem)

    def _show_problem(self, message: str) -> None:
        show_problem(self.form_problem, message)

    # -- drafts ----------------------------------------------------------------------------------

    @property
    def draft_id(self) -> int | None:
        return self.saver.draft_id

    def has_content(self) -> bool:
        return has_content(self.draft())

    def is_dirty(self) -> bool:
        """Typed since the last draft save."""
        return not self._finished and self.saver.is_dirty()

    def save_draft_now(self, then: Callable[[], None] | None = None) -> None:
        """Save the draft (in a worker) if it changed; ``then`` runs once everything typed is saved."""
        self.saver.save_now(then)

    def request_close(self) -> None:
        """Close the form; what was typed stays as a draft. ``closed`` follows once it is saved."""
        if self._close_wanted:
            return
        self._close_wanted = True
        self.save_draft_now(then=self.closed.emit)

    def _escape(self) -> None:
        if self.customers.hide_popup():
            return
        if self.products.hide_popup():
            return
        self.request_close()

    def discard(self) -> None:
        """Throw the form away, with its draft, after asking."""
        if self.has_content() or self.order is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Discard this order?"),
                self.tr("Everything typed in this form will be lost. Discard it?")
                if self.order is None
                else self.tr("Your changes to {number} will be lost. Discard them?").format(number=self.order.number),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self._finished = True

        def closed() -> None:
            self._close_wanted = True
            self.closed.emit()

        self.saver.discard(closed)

    # -- placing the order -----------------------------------------------------------------------

    def _confirm_key(self) -> None:
        if self.confirm_button.isVisible():
            self.submit(confirm=True)
        else:
            self.submit(confirm=False)

    def submit(self, *, confirm: bool, allow_duplicate: bool = False) -> None:
        """Place (or store the edit of) the order; ``confirm`` reserves its stock too. A walk-in sale is
        completed. Refused in place when the check finds anything wrong."""
        if self._busy or self._finished:
            return
        self._show_all = True
        check = self.recheck()
        allowed = self._can_confirm(check) if confirm else (check.can_save and not self._pending_lines())
        if self.fulfilment() == Fulfilment.WALK_IN.value and self.order is None:
            allowed = self._can_confirm(check)
        if not allowed:
            self._focus_first_problem(check)
            return
        self.saver.stop()
        if self.saver.saving:
            self.saver.when_idle(lambda: self.submit(confirm=confirm, allow_duplicate=allow_duplicate))
            return
        self._busy = True
        self._show_buttons()
        self._show_problem("")
        draft = self.draft()
        database, user_id, draft_id = self._database, self.context.user_id, self.saver.draft_id
        order = self.order
        walk_in = draft.fulfilment == Fulfilment.WALK_IN.value and order is None

        def work() -> tuple[OrderView, str]:
            if walk_in:
                return complete_walk_in(database, draft, user_id=user_id, draft_id=draft_id), ""
            if order is None:
                view = place_order(
                    database,
                    draft,
                    user_id=user_id,
                    confirm=confirm,
                    allow_duplicate=allow_duplicate,
                    draft_id=draft_id,
                )
                return view, ""
            view = update_order(
                database, order.id, draft, user_id=user_id, expected_updated_at=order.updated_at, draft_id=draft_id
            )
            if confirm and "confirm" in view.actions:
                try:
                    view = confirm_order(database, view.id, user_id=user_id)
                except OrderAppError as exc:
                    return view, str(exc)
            return view, ""

        run_task(
            work,
            lambda result: self._submitted(*result, walk_in=walk_in),
            lambda exc: self._submit_failed(exc, confirm),
            context=self,
        )

    def _submitted(self, view: OrderView, problem: str, *, walk_in: bool) -> None:
        self._busy = False
        self.last_order = view
        if walk_in:
            self._next_sale(view)
            self.sale_completed.emit(view)
            return
        self._finished = True
        self.saver.finish()
        self._show_buttons()
        if problem:
            # Saved, but confirming failed (stock): the order is kept as received; say why.
            self._show_problem(problem)
        self.order_saved.emit(view)

    def _next_sale(self, sold: OrderView) -> None:
        """A counter sale is done: an empty sale form for the next customer, the last sale noted."""
        self.saver.start_over()
        self._touched.clear()
        self._show_all = False
        self._service_errors.clear()
        self.customers.reset()
        self.catalogue.clear()
        self._filling = True
        try:
            self.fill(OrderDraft(fulfilment=Fulfilment.WALK_IN.value, channel="store"))
            self._set_payment(PaymentStatus.PAID.value)
        finally:
            self._filling = False
        self.saver.stop()
        self.recheck()
        note = self.tr("Sale {number} completed: {total}.").format(number=sold.number, total=sold.total_text())
        self.product_entry_error.hide()
        show_done(self.form_problem, note)
        self.focus_product_entry()

    def _submit_failed(self, exc: BaseException, confirm: bool) -> None:
        self._busy = False
        if isinstance(exc, PossibleDuplicate):
            self._show_buttons()
            if self._ask_duplicate(exc):
                self.submit(confirm=confirm, allow_duplicate=True)
            else:
                self._show_problem(
                    self.tr("Not placed: order {number} already has these items.").format(number=exc.existing_number)
                )
                self.submit_failed.emit(str(exc))
            return
        if isinstance(exc, DuplicateCustomer):
            self.customers.offer(exc.existing)
            self._service_errors["customer.phone"] = exc.errors[0].message
            self._touched.add("customer.phone")
        elif isinstance(exc, ValidationFailed):
            for error in exc.errors:
                self._service_errors[error.field] = error.message
                self._touched.add(error.field)
        if isinstance(exc, OutOfStock):
            self.catalogue.refresh(fully=True)
        if isinstance(exc, OrderAppError):
            message = (
                self.tr("Fix the fields marked in red, then try again.")
                if isinstance(exc, ValidationFailed)
                else str(exc)
            )
            self.recheck()
            self._show_problem(message)
            self.submit_failed.emit(message)
            return
        self._show_buttons()
        self._show_problem(self.tr("The order could not be saved; your typing is kept. Try again."))
        self.submit_failed.emit(str(exc))
        report_unexpected(exc)

    def _ask_duplicate(self, exc: PossibleDuplicate) -> bool:
        box = QMessageBox(self)
        box.setObjectName("duplicate_order_question")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Same order again?"))
        box.setText(str(exc))
        place = box.addButton(self.tr("Place it as well"), QMessageBox.ButtonRole.AcceptRole)
        place.setObjectName("place_duplicate")
        keep = box.addButton(self.tr("Don't place it"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("skip_duplicate")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is place

    def _focus_first_problem(self, check: DraftCheck) -> None:
        widgets: dict[str, QWidget] = {
            "customer.name": self.customer_name,
            "customer.phone": self.customer_phone,
            "customer.email": self.customer_email,
            "delivery.line1": self.delivery_line1,
            "delivery.line2": self.delivery_line2,
            "delivery.city": self.delivery_city,
            "delivery.region": self.delivery_region,
            "delivery.postcode": self.delivery_postcode,
            "delivery.country": self.delivery_country,
            "delivery.recipient": self.delivery_recipient,
            "delivery.phone": self.delivery_phone,
            "lines": self.product_entry,
            "order_discount": self.order_discount,
            "shipping_fee": self.shipping_fee,
            "payment_status": self.payment_status,
            "amount_paid": self.amount_paid,
            "due_at": self.due_at,
            "channel": self.channel,
            "external_ref": self.external_ref,
            "notes": self.notes,
        }
        line_widgets = {"product": "code", "qty": "qty", "unit_price": "price", "discount": "discount"}
        fields = [error.field for error in check.all_errors()] + list(self._service_errors)
        for field in fields:
            match = re.fullmatch(r"lines\[(\d+)\]\.(\w+)", field)
            widget: QWidget | None
            if match is not None and int(match.group(1)) < len(self.lines):
                widget = getattr(self.lines.rows[int(match.group(1))], line_widgets.get(match.group(2), "qty"))
            else:
                widget = widgets.get(field)
            if widget is not None and widget.isVisible():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                self.form_scroll.ensureWidgetVisible(widget)
                return
