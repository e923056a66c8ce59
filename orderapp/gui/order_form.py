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
import logging
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLineEdit,
    QMessageBox,
    QWidget,
)

from orderapp.domain.money import format_money
from orderapp.domain.order_validation import (
    CatalogueItem,
    DraftCheck,
    DraftRules,
    Fulfilment,
    OrderDraft,
    PaymentStatus,
    check_draft,
    left_to_fix,
)
from orderapp.domain.phones import display_phone, phone_problem
from orderapp.errors import OrderAppError
from orderapp.gui.context import AppContext
from orderapp.gui.customer_picker import CustomerPicker
from orderapp.gui.order_draft_saver import DraftSaver, has_content
from orderapp.gui.order_form_view import FormMode, OrderFormView
from orderapp.gui.order_lines import shortcut_text, show_message
from orderapp.gui.order_products import LineCatalogue, ProductEntry
from orderapp.gui.order_submit import FormSubmission
from orderapp.gui.problems import problem_shown, show_problem
from orderapp.gui.scanner_input import WedgeScannerFilter
from orderapp.gui.style import set_state
from orderapp.services.customers.lookup import CustomerView
from orderapp.services.orders.placing import (
    OrderView,
)
from orderapp.services.settings.orders import OrderSettings

log = logging.getLogger(__name__)

LOOKUP_DELAY_MS = 200
_QTY_PREFIX = re.compile(r"^\s*(\d{1,5})\s*[*×]\s*(\S.*)$")


class OrderForm(OrderFormView):
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
        super().__init__(settings, parent)
        self.setObjectName("order_form_" + mode)
        self.context = context
        self._database = context.database
        self.mode = mode
        self.order = order
        self._restored_draft_id = draft_id
        self._rules = self._rules_for(order)
        self._check: DraftCheck | None = None
        # Shared with the form's parts (``submission``): which messages show, and what the form is doing.
        self.touched: set[str] = set()  # fields the user has been in: their messages show
        self.show_all = False  # after a submit every message shows
        self.filling = False  # the form itself is filling fields: no edits recorded
        self.busy = False  # a submit is running
        self.finished = False  # placed, saved or discarded: nothing more is saved
        self._close_wanted = False
        self.service_errors: dict[str, str] = {}  # the last refusal's messages, by field
        self.last_order: OrderView | None = None

        self._setup_parts()
        self._connect()
        self._setup_shortcuts()
        self._setup_scanner()

        self.filling = True
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
            self.filling = False
        if draft is not None or order is not None:
            # What the database holds already (the saved draft, or the order): no draft until it changes.
            self.saver.mark_saved(self.draft())
        if draft is not None:
            self.touched.update(self._fields_with_content())
        self._update_title()
        self.catalogue.refresh()
        self.recheck()
        QTimer.singleShot(0, self.focus_first_field)

    # -- building --------------------------------------------------------------------------------

    def _setup_parts(self) -> None:
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
        self._catalogue_timer.timeout.connect(self.catalogue.refresh)
        self.submission = FormSubmission(self)

    def _connect(self) -> None:
        own_handlers = {"customer.name", "customer.phone", "delivery.phone", "lines"}  # connected below
        plain_fields = {
            field: widget
            for field, widget in self.field_widgets().items()
            if isinstance(widget, QLineEdit) and field not in own_handlers
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
        self.saver.failed.connect(self.show_form_problem)
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

        shortcut("Ctrl+Return", self.submission.confirm_key, "shortcut_confirm")
        shortcut("Ctrl+Enter", self.submission.confirm_key, "shortcut_confirm_keypad")
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

    # -- filling the form -----------------------------------------------------------------------

    def fill(self, draft: OrderDraft) -> None:
        """Show ``draft`` in the form (a restored draft, or the order being edited)."""
        was_filling, self.filling = self.filling, True
        try:
            self.show_draft(draft)
            self.customers.restore(draft.customer, self.order.customer if self.order is not None else None)
            self._show_fulfilment()
        finally:
            self.filling = was_filling

    # -- the lines -------------------------------------------------------------------------------

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
        for field in self.touched:
            match = pattern.fullmatch(field)
            if match is None or int(match.group(1)) < removed:
                kept.add(field)
            elif int(match.group(1)) > removed:
                kept.add(f"lines[{int(match.group(1)) - 1}].{match.group(2)}")
        self.touched = kept

    def _remove_focused_line(self) -> None:
        index = self.lines.focused_index()
        if index is not None:
            self.remove_line(index)

    def _line_edited(self, index: int, what: str) -> None:
        self.touched.update({f"lines[{index}].{what}", "lines"})
        if what == "product":
            self._catalogue_timer.start()
        self._changed()

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
        if code and not self.busy:
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
            self.touched.update({f"lines[{index}].qty", "lines"})
            self._changed()
            self.line_added.emit(index)
            return
        row = self.lines.append()
        row.code.setText(item.sku)
        row.product_id = item.product_id
        row.qty.setText(str(units))
        index = len(self.lines) - 1
        self.touched.update({f"lines[{index}].product", f"lines[{index}].qty", "lines"})
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
        was_filling, self.filling = self.filling, True
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
            self.filling = was_filling
        self.service_errors.pop("customer.phone", None)
        self.touched.update({"customer.name", "customer.phone"})
        self._changed()

    def _phone_edited(self, _text: str) -> None:
        self.service_errors.pop("customer.phone", None)
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
        if self.filling:
            return
        self.touched.add(field)
        self.service_errors.pop(field, None)
        if field == "payment_status":
            self._show_payment()
        self._changed()

    def _left(self, field: str) -> None:
        if self.filling or self.finished:
            return
        if field not in self.touched:
            self.touched.add(field)
            self.recheck()

    def _changed(self) -> None:
        """Something the user did changed the draft: check it again and save it soon."""
        if self.filling:
            return
        self.form_problem.hide()
        self.recheck()
        if not self.finished:
            self.saver.schedule()

    def _fulfilment_toggled(self, checked: bool) -> None:
        if not checked:
            return
        self._show_fulfilment()
        if self.filling:
            return
        self.touched.add("fulfilment")
        if self.fulfilment() == Fulfilment.WALK_IN.value:
            self.filling = True  # the form's own choices for a counter sale, not the user's
            try:
                if "payment_status" not in self.touched:
                    self._set_payment(PaymentStatus.PAID.value)
                if "channel" not in self.touched:
                    self.channel.setCurrentIndex(self.channel.findData("store"))
            finally:
                self.filling = False
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
        self.show_buttons_now()
        self._update_title()

    def _show_payment(self) -> None:
        partly = self.payment_status.currentData() == PaymentStatus.PARTLY_PAID.value
        self.amount_paid.setVisible(partly)
        self.amount_paid_label.setVisible(partly)
        if not partly:
            self.error_labels["amount_paid"].hide()

    def _due_toggled(self, checked: bool) -> None:
        self.due_at.setEnabled(checked)
        if checked and not self.filling:
            self.due_at.setFocus()
        self._edited("due_at")

    def _rules_for(self, order: OrderView | None) -> DraftRules:
        held: dict[int, int] = {}
        if order is not None and order.holds_stock:
            for line in order.lines:
                held[line.product_id] = held.get(line.product_id, 0) + line.quantity
        return self.settings.rules(held)

    def pending_lines(self) -> set[int]:
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

    def _visible(self, field: str) -> bool:
        return self.show_all or field in self.touched

    def _paint(self, check: DraftCheck) -> None:
        pending = self.pending_lines()
        messages: dict[str, str] = {}
        for error in check.all_errors():
            messages.setdefault(error.field, error.message)
        for field, message in self.service_errors.items():
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
        self.show_buttons_now()

    def _paint_left_to_fix(self, check: DraftCheck, pending: bool) -> None:
        items = left_to_fix(check, limit=4)
        for message in self.service_errors.values():
            if not any(item.startswith(message) for item in items):
                items.append(message)
        if pending:
            items.append(self.tr("Looking up the products…"))
        ready = not items and self.can_confirm(check)
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

    def can_confirm(self, check: DraftCheck) -> bool:
        return check.can_confirm and not self.service_errors and not self.pending_lines()

    def show_buttons_now(self) -> None:
        check = self._check
        idle = not self.busy and not self.finished
        self.show_buttons(
            walk_in=self.fulfilment() == Fulfilment.WALK_IN.value,
            order=self.order,
            can_confirm=check is not None and self.can_confirm(check) and idle,
            can_save=check is not None and check.can_save and not self.pending_lines() and idle,
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

    # -- the catalogue ---------------------------------------------------------------------------

    def _catalogue_arrived(self) -> None:
        self.lines.attach_products(self.catalogue.current)
        self.recheck()

    def _background_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OrderAppError):
            self.show_form_problem(str(exc))
        else:
            log.error("an order form lookup failed", exc_info=exc)
            self.show_form_problem(self.tr("The database could not be read just now; try again in a moment."))

    def problem_text(self) -> str:
        """The problem shown above the buttons ("" when none)."""
        return problem_shown(self.form_problem)

    def show_form_problem(self, message: str) -> None:
        show_problem(self.form_problem, message)

    # -- drafts ----------------------------------------------------------------------------------

    @property
    def draft_id(self) -> int | None:
        return self.saver.draft_id

    def has_content(self) -> bool:
        return has_content(self.draft())

    def is_dirty(self) -> bool:
        """Typed since the last draft save."""
        return not self.finished and self.saver.is_dirty()

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
        self.finished = True

        def closed() -> None:
            self._close_wanted = True
            self.closed.emit()

        self.saver.discard(closed)

    # -- placing the order -----------------------------------------------------------------------

    def submit(self, *, confirm: bool, allow_duplicate: bool = False) -> None:
        """Place (or store the edit of) the order; ``confirm`` reserves its stock too. A walk-in sale is
        completed. Refused in place when the check finds anything wrong."""
        self.submission.submit(confirm=confirm, allow_duplicate=allow_duplicate)
