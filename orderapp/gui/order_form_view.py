"""The order form's widgets: the Designer form (ui/order_form.ui), its choices, and reading the form
as an ``OrderDraft`` or showing one in it. No behaviour: ``OrderForm`` adds checking, lookups, saving
and placing the order on top of this view.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import phonenumbers
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain.order_validation import (
    AddressDraft,
    CustomerDraft,
    Fulfilment,
    OrderDraft,
    PaymentStatus,
    Priority,
)
from orderapp.domain.shop_clock import local, shop_now, shop_zone
from orderapp.gui.countries import country_choice
from orderapp.gui.customer_picker import CustomerPicker
from orderapp.gui.forms import child, load_form
from orderapp.gui.order_lines import OrderLines, shortcut_text
from orderapp.gui.order_list_model import channel_label, payment_label
from orderapp.gui.style import set_role
from orderapp.services.orders.placing import OrderView
from orderapp.services.settings.orders import OrderSettings

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


class FormMode:
    NEW = "new"
    WALK_IN = "walk_in"
    EDIT = "edit"


def _ui_name(field: str) -> str:
    return "error_" + field.replace(".", "_")


class OrderFormView(QWidget):
    """The order form's widgets, by the names the check gives its fields."""

    customers: CustomerPicker  # made by the form (it needs the database)

    def __init__(self, settings: OrderSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._zone = shop_zone(settings.timezone)
        self.form = load_form("order_form.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self._find_widgets()
        self._setup_choices()
        self.lines = OrderLines(self.lines_area, self)

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
        # Due tomorrow at this hour, where the shop is (not where the PC's clock thinks it is).
        self._set_due(shop_now(self._zone) + timedelta(days=1))
        self.due_at.setEnabled(False)
        self.keys_hint.setText(
            self.tr("{confirm} confirm · {save} save · {add} add product · {remove} remove line · Esc close").format(
                confirm=shortcut_text("Ctrl+Return"),
                save=shortcut_text("Ctrl+S"),
                add=shortcut_text("Ctrl+L"),
                remove=shortcut_text("Ctrl+Del"),
            )
        )
        set_role(self.keys_hint, "hint")
        self.keys_hint.setWordWrap(True)  # the keys wrap under each other at 1024 wide instead of widening the window

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

    def show_draft(self, draft: OrderDraft) -> None:
        """Put ``draft``'s text in the widgets (the customer picked, if any, is the form's to restore)."""
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
            self._set_due(draft.due_at)
        index = self.channel.findData(draft.channel)
        if index >= 0:
            self.channel.setCurrentIndex(index)
        else:
            self.channel.setEditText(draft.channel)
        self.external_ref.setText(draft.external_ref)
        self.notes.setPlainText(draft.notes)

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

    def _set_due(self, moment: datetime) -> None:
        """Show ``moment`` (any zone) as the shop's wall-clock time."""
        shown = local(moment, self._zone)
        self.due_at.setDateTime(QDateTime(QDate(shown.year, shown.month, shown.day), QTime(shown.hour, shown.minute)))

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

    def field_widgets(self) -> dict[str, QWidget]:
        """The widget each order-level field is typed in (the check's field names)."""
        return {
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

    def message_for(self, field: str) -> str:
        """The message painted under ``field`` ("" when none is shown)."""
        label = self.error_label(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def error_label(self, field: str) -> QLabel | None:
        return self.form.findChild(QLabel, "error_" + field)

    def left_to_fix_items(self) -> list[str]:
        text = self.left_to_fix_label.text()
        return [line[2:] for line in text.splitlines() if line.startswith("• ")]

    def title(self) -> str:
        return self.heading.text()

    def show_buttons(self, *, walk_in: bool, order: OrderView | None, can_confirm: bool, can_save: bool) -> None:
        """The buttons' words for what the form holds: an edit, a counter sale or a new order."""
        if order is not None:
            self.save_button.setText(self.tr("Save changes"))
            self.save_button.setVisible(True)
            self.save_button.setEnabled(can_save)
            self.confirm_button.setVisible("confirm" in order.actions)
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
