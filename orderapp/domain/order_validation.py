"""What the shopkeeper typed into the order form, and whether it makes a good order.

Pure: no database, no clock, no Qt. The form keeps an ``OrderDraft`` (text as typed), and on every
edit calls ``check_draft(draft, catalogue, rules)``; the returned ``DraftCheck`` says, per field,
what is wrong (``FieldError`` with field names such as "customer.phone", "lines[2].qty",
"delivery.postcode"), what each line costs, how much stock each line has, and the totals. Saving is
possible when ``check.can_save``; confirming when ``check.can_confirm``.

The services run the same check again before writing, with a catalogue read in the same
transaction, so what the form allowed and what is stored never differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import NamedTuple

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from orderapp.domain.money import MoneyError, format_money, parse_money
from orderapp.domain.phones import phone_problem, to_e164
from orderapp.domain.postcodes import normalise_postcode, postcode_problem
from orderapp.domain.safe_text import has_bad_characters
from orderapp.errors import FieldError
from orderapp.i18n import _

MAX_QUANTITY = 99_999
# Order amounts are stored in 32-bit integer columns on PostgreSQL.
MAX_AMOUNT = 2_000_000_000
MAX_NOTES = 5_000


class Fulfilment(StrEnum):
    DELIVERY = "delivery"
    PICKUP = "pickup"
    WALK_IN = "walk_in"


class PaymentStatus(StrEnum):
    UNPAID = "unpaid"
    PAID = "paid"
    PARTLY_PAID = "partly_paid"
    REFUNDED = "refunded"


class Priority(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"


# --- what the form holds ------------------------------------------------------------------------


@dataclass(frozen=True)
class CustomerDraft:
    customer_id: int | None = None  # an existing customer the user picked; None = new or none
    name: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class AddressDraft:
    recipient: str = ""  # empty: the customer's name
    phone: str = ""  # empty: the customer's phone
    line1: str = ""
    line2: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""  # ISO 3166-1 alpha-2; empty: the shop's own country


@dataclass(frozen=True)
class LineDraft:
    code: str = ""  # SKU or barcode as typed or scanned (or the SKU of the product picked by name)
    product_id: int | None = None  # set when the product was picked from the completion list
    qty: str = "1"
    unit_price: str = ""  # empty: the catalogue price
    discount: str = ""  # an amount ("5", "2.50") or a percentage of the line ("10%")

    def is_blank(self) -> bool:
        """The empty row at the bottom of the form: nothing chosen, nothing changed."""
        return (
            not self.code.strip()
            and self.product_id is None
            and self.qty.strip() in ("", "1")
            and not self.unit_price.strip()
            and not self.discount.strip()
        )


@dataclass(frozen=True)
class OrderDraft:
    customer: CustomerDraft = CustomerDraft()
    fulfilment: str = Fulfilment.DELIVERY.value
    delivery: AddressDraft = AddressDraft()
    lines: tuple[LineDraft, ...] = ()
    order_discount: str = ""
    shipping_fee: str = ""
    payment_status: str = PaymentStatus.UNPAID.value
    amount_paid: str = ""  # only for "partly_paid"
    priority: str = Priority.NORMAL.value
    due_at: datetime | None = None
    notes: str = ""
    channel: str = "phone"
    external_ref: str = ""


# --- what the form checks against ---------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueItem:
    product_id: int
    sku: str
    name: str
    price_cents: int
    on_hand: int
    reserved: int
    active: bool = True
    pack_qty: int = 1  # units in one scan of the code that found it (a case barcode)

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


@dataclass(frozen=True)
class Catalogue:
    """The products a draft refers to, found by id or by code (SKU or barcode, case-insensitive)."""

    by_id: Mapping[int, CatalogueItem] = field(default_factory=dict)
    by_code: Mapping[str, CatalogueItem] = field(default_factory=dict)

    @staticmethod
    def of(items: Iterable[CatalogueItem], codes: Mapping[str, CatalogueItem] | None = None) -> Catalogue:
        by_id = {item.product_id: item for item in items}
        by_code = {item.sku.casefold(): item for item in by_id.values()}
        for code, item in (codes or {}).items():
            by_code[code.strip().casefold()] = item
        return Catalogue(by_id, by_code)

    def find(self, code: str) -> CatalogueItem | None:
        return self.by_code.get(code.strip().casefold())

    def get(self, product_id: int) -> CatalogueItem | None:
        return self.by_id.get(product_id)

    def resolve(self, line: LineDraft) -> CatalogueItem | None:
        if line.product_id is not None:
            return self.get(line.product_id)
        return self.find(line.code) if line.code.strip() else None


@dataclass(frozen=True)
class DraftRules:
    currency: str = "CNY"
    phone_region: str = "CN"  # the shop's default region for phone numbers and addresses
    allow_backorders: bool = False
    # Editing a confirmed order: what it already holds, product id -> units (available to it too).
    already_reserved: Mapping[int, int] = field(default_factory=dict)


# --- the verdict --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LineCheck:
    index: int  # position in draft.lines
    item: CatalogueItem | None
    qty: int | None
    unit_price_cents: int | None
    discount_cents: int
    total_cents: int  # qty x unit price - discount (0 while something is missing)
    price_changed: bool  # unit price differs from the catalogue's
    available: int | None  # units this line may take (including what the order already holds)
    short: bool  # more wanted than available: refused, or backordered when the shop allows it


@dataclass(frozen=True)
class DraftCheck:
    errors: tuple[FieldError, ...]  # block saving
    stock_errors: tuple[FieldError, ...]  # block confirming (empty when backorders are allowed)
    lines: tuple[LineCheck, ...]  # one per non-blank line, in order
    subtotal_cents: int
    discount_cents: int
    shipping_cents: int
    total_cents: int
    paid_cents: int
    customer_phone: str  # E.164, or "" when none or invalid
    delivery_phone: str
    postcode: str  # normalised
    country: str

    @property
    def can_save(self) -> bool:
        return not self.errors

    @property
    def can_confirm(self) -> bool:
        return not self.errors and not self.stock_errors and bool(self.lines)

    @property
    def backordered(self) -> tuple[LineCheck, ...]:
        return tuple(line for line in self.lines if line.short)

    def message_for(self, field_name: str) -> str:
        """The first message for a field (what to paint under it), or ""."""
        for error in (*self.errors, *self.stock_errors):
            if error.field == field_name:
                return error.message
        return ""

    def all_errors(self) -> tuple[FieldError, ...]:
        return (*self.errors, *self.stock_errors)


def validate_draft(draft: OrderDraft, catalogue: Catalogue, rules: DraftRules) -> list[FieldError]:
    """Every problem that stops the draft from being confirmed (see ``check_draft`` for more)."""
    return list(check_draft(draft, catalogue, rules).all_errors())


def unstorable_text(draft: OrderDraft) -> list[FieldError]:
    """Fields holding a NUL character or half a character (pasted from a broken source): no database
    can keep them, so the field says so rather than the save failing."""
    parts: list[tuple[str, object]] = [("customer", draft.customer), ("delivery", draft.delivery), ("", draft)]
    parts += [(f"lines[{index}]", line) for index, line in enumerate(draft.lines)]
    found: list[FieldError] = []
    for prefix, part in parts:
        for item in fields(part):  # type: ignore[arg-type]
            value = getattr(part, item.name)
            if isinstance(value, str) and has_bad_characters(value):
                found.append(
                    FieldError(
                        f"{prefix}.{item.name}" if prefix else item.name,
                        _("This holds a character that cannot be stored (a NUL, or half of an emoji); retype it."),
                    )
                )
    return found


def totals_problem(subtotal_cents: int, total_cents: int) -> str:
    """Why an order's goods or total cannot be stored (each must stay within ``MAX_AMOUNT``, like a
    line); empty when they can. Used by the form, the services and the importers alike."""
    if subtotal_cents > MAX_AMOUNT or total_cents > MAX_AMOUNT:
        return _("The order's total is too large; split it into several orders.")
    return ""


# --- single values -----------------------------------------------------------------------------


def quantity_problem(text: str) -> str:
    """Why ``text`` is not a quantity (a positive whole number); empty when it is one."""
    try:
        parse_quantity(text)
    except ValueError as exc:
        return str(exc)
    return ""


def parse_quantity(text: str) -> int:
    """A positive whole number of units; raises ValueError with the sentence to show."""
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        raise ValueError(_("Enter the quantity."))
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(_("The quantity must be a whole number, e.g. 1 or 12.")) from None
    if not value.is_finite() or value != value.to_integral_value():
        raise ValueError(_("The quantity must be a whole number, e.g. 1 or 12."))
    if value < 1:
        raise ValueError(_("The quantity must be at least 1; remove the line to sell none."))
    if value > MAX_QUANTITY:
        raise ValueError(_("The quantity can be at most {max:,}; split a bigger order.").format(max=MAX_QUANTITY))
    return int(value)


def parse_amount(text: str, currency: str, *, empty: int | None = 0) -> int:
    """A money amount the user typed, not negative, in minor units. Empty text gives ``empty``
    (or the "Enter an amount" message when ``empty`` is None). Raises ValueError with the sentence."""
    if not text.strip():
        if empty is None:
            raise ValueError(_("Enter an amount."))
        return empty
    try:
        value = parse_money(text, currency)
    except MoneyError as exc:
        if exc.kind == "too_large":
            raise ValueError(_("This amount is too large; check the digits.")) from None
        if exc.kind in ("not_amount", "decimals"):
            example = format_money(1250, currency, symbol=False)
            raise ValueError(_("This is not an amount; type it like {example}.").format(example=example)) from None
        raise ValueError(str(exc)) from None  # another currency, a decimal comma: say which
    if value < 0:
        raise ValueError(_("The amount cannot be negative."))
    if value > MAX_AMOUNT:
        raise ValueError(_("This amount is too large; check the digits."))
    return value


_PERCENT = re.compile(r"\s*(\d+(?:\.\d+)?)\s*[%％]\s*")


def parse_discount(text: str, line_total: int, currency: str) -> int:
    """A discount as an amount or a percentage ("10%") of ``line_total``, in minor units."""
    match = _PERCENT.fullmatch(text)
    if match is not None:
        percent = Decimal(match.group(1))
        if percent > 100:
            raise ValueError(_("A discount cannot be more than 100%."))
        return int((Decimal(line_total) * percent / 100).to_integral_value())
    return parse_amount(text, currency)


def email_problem(text: str) -> str:
    """Why ``text`` is not an e-mail address (syntax only, no network); empty when it is one."""
    try:
        validate_email(text.strip(), check_deliverability=False)
    except EmailNotValidError:
        return _("This is not an e-mail address; it is written like name@example.com.")
    return ""


def normalise_email(text: str) -> str:
    try:
        return validate_email(text.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        return text.strip()


def country_problem(code: str) -> str:
    if code.upper() in phonenumbers.SUPPORTED_REGIONS:
        return ""
    return _("Choose the country from the list (its two-letter code, e.g. CN, US, GB).")


# --- the whole draft ---------------------------------------------------------------------------


class _Problems:
    """The field errors found so far, in the order the form lists them."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field_name: str, message: str) -> None:
        self.errors.append(FieldError(field_name, message))

    def add_if(self, field_name: str, message: str) -> bool:
        """Record ``message`` when there is one; True when there was."""
        if message:
            self.add(field_name, message)
        return bool(message)

    def too_long(self, field_name: str, text: str, limit: int) -> bool:
        if len(text.strip()) > limit:
            self.add(field_name, _("This can be at most {limit} characters.").format(limit=limit))
            return True
        return False


class _Destination(NamedTuple):
    country: str
    postcode: str
    delivery_phone: str


class _Totals(NamedTuple):
    subtotal: int
    order_discount: int
    shipping: int
    total: int


def check_draft(draft: OrderDraft, catalogue: Catalogue, rules: DraftRules) -> DraftCheck:
    """Every field of the draft checked, each line priced and held against the stock, and the totals."""
    found = _Problems()
    found.errors.extend(unstorable_text(draft))
    fulfilment = _check_fulfilment(draft, found)
    customer_phone = _check_customer(draft.customer, fulfilment, rules.phone_region, found)
    destination = _check_destination(draft, fulfilment, customer_phone, rules.phone_region, found)
    priced = [
        _check_line(index, line, catalogue, rules, found)
        for index, line in enumerate(draft.lines)
        if not line.is_blank()
    ]
    if not priced:
        found.add("lines", _("Add at least one product."))
    lines, stock_errors = _check_stock(priced, rules)
    totals = _check_totals(draft, sum(line.total_cents for line in lines), rules.currency, found)
    paid = _check_payment(draft, totals.total, rules.currency, found)
    _check_the_rest(draft, found)
    return DraftCheck(
        errors=tuple(found.errors),
        stock_errors=tuple(stock_errors),
        lines=tuple(lines),
        subtotal_cents=totals.subtotal,
        discount_cents=totals.order_discount,
        shipping_cents=totals.shipping,
        total_cents=totals.total,
        paid_cents=paid,
        customer_phone=customer_phone,
        delivery_phone=destination.delivery_phone,
        postcode=destination.postcode,
        country=destination.country,
    )


def _check_fulfilment(draft: OrderDraft, found: _Problems) -> Fulfilment:
    try:
        return Fulfilment(draft.fulfilment)
    except ValueError:
        found.add("fulfilment", _("Choose delivery, pickup or walk-in."))
        return Fulfilment.DELIVERY


def _check_customer(customer: CustomerDraft, fulfilment: Fulfilment, region: str, found: _Problems) -> str:
    """Who the order is for; returns the customer's phone in E.164, or "" when none or invalid."""
    name = customer.name.strip()
    if not name and customer.customer_id is None and fulfilment is not Fulfilment.WALK_IN:
        found.add("customer.name", _("Enter the customer's name, or pick an existing customer."))
    found.too_long("customer.name", name, 200)
    customer_phone = _phone(customer.phone, region, "customer.phone", found)
    if customer.email.strip():
        found.add_if("customer.email", email_problem(customer.email))
        found.too_long("customer.email", customer.email, 254)
    return customer_phone


def _phone(text: str, region: str, field_name: str, found: _Problems) -> str:
    """A typed phone number in E.164, or "" when none (or wrong: then ``found`` says why)."""
    if not text.strip() or found.add_if(field_name, phone_problem(text, region)):
        return ""
    return to_e164(text, region)


def _check_destination(
    draft: OrderDraft, fulfilment: Fulfilment, customer_phone: str, region: str, found: _Problems
) -> _Destination:
    """Where it goes: the address a delivery needs, and the phone the courier calls."""
    address = draft.delivery
    country = (address.country.strip() or region).upper()
    postcode = normalise_postcode(address.postcode, country)
    if fulfilment is not Fulfilment.DELIVERY:
        return _Destination(country, postcode, _phone(address.phone, region, "delivery.phone", found))
    # An empty recipient means the customer (whose name is required).
    found.too_long("delivery.recipient", address.recipient, 200)
    if not address.line1.strip():
        found.add("delivery.line1", _("Enter the street and house number; the courier needs them."))
    found.too_long("delivery.line1", address.line1, 200)
    found.too_long("delivery.line2", address.line2, 200)
    if not address.city.strip():
        found.add("delivery.city", _("Enter the city."))
    found.too_long("delivery.city", address.city, 100)
    found.too_long("delivery.region", address.region, 100)
    if not found.add_if("delivery.country", country_problem(country)):
        found.add_if("delivery.postcode", postcode_problem(address.postcode, country))
    if address.phone.strip():
        delivery_phone = _phone(address.phone, region, "delivery.phone", found)
    elif not draft.customer.phone.strip():
        found.add("customer.phone", _("Enter a phone number; the courier calls it on delivery."))
        delivery_phone = ""
    else:
        delivery_phone = customer_phone
    return _Destination(country, postcode, delivery_phone)


def _check_line(index: int, line: LineDraft, catalogue: Catalogue, rules: DraftRules, found: _Problems) -> LineCheck:
    """One line: its product, quantity, price and discount (stock is checked over all lines after)."""
    prefix = f"lines[{index}]"
    currency = rules.currency
    item = catalogue.resolve(line)
    found.add_if(f"{prefix}.product", _product_problem(line, item))
    qty: int | None
    try:
        qty = parse_quantity(line.qty)
    except ValueError as exc:
        found.add(f"{prefix}.qty", str(exc))
        qty = None
    unit_price: int | None = None
    if item is not None or line.unit_price.strip():  # no product, no price yet: say nothing about it
        try:
            default_price = item.price_cents if item is not None else None
            unit_price = parse_amount(line.unit_price, currency, empty=default_price)
        except ValueError as exc:
            found.add(f"{prefix}.unit_price", str(exc))
    gross = qty * unit_price if qty is not None and unit_price is not None else None
    discount = 0
    if line.discount.strip():
        try:
            discount = parse_discount(line.discount, gross or 0, currency)
        except ValueError as exc:
            found.add(f"{prefix}.discount", str(exc))
        else:
            if gross is not None and discount > gross:
                found.add(
                    f"{prefix}.discount",
                    _("The discount is larger than the line ({total}); lower it.").format(
                        total=format_money(gross, currency)
                    ),
                )
    if gross is not None and gross > MAX_AMOUNT:
        found.add(f"{prefix}.qty", _("This line's total is too large; check the quantity and the price."))
    return LineCheck(
        index=index,
        item=item,
        qty=qty,
        unit_price_cents=unit_price,
        discount_cents=discount,
        total_cents=max(0, gross - discount) if gross is not None else 0,
        price_changed=item is not None and unit_price is not None and unit_price != item.price_cents,
        available=None if item is None else item.available + rules.already_reserved.get(item.product_id, 0),
        short=False,
    )


def _product_problem(line: LineDraft, item: CatalogueItem | None) -> str:
    if item is not None:
        return "" if item.active else _("“{name}” is no longer sold; choose another product.").format(name=item.name)
    if line.product_id is None and not line.code.strip():
        return _("Type a SKU or barcode, or pick a product by name.")
    if line.product_id is not None:
        return _("This product is no longer in the catalogue; choose another one.")
    return _("No product has the SKU or barcode “{code}”; check it, or search by name.").format(code=line.code.strip())


def _check_stock(lines: list[LineCheck], rules: DraftRules) -> tuple[list[LineCheck], list[FieldError]]:
    """Each line marked short when its product's units over all lines pass what is available; without
    backorders, each short line gets an error that blocks confirming."""
    wanted: dict[int, int] = {}
    for line in lines:
        if line.item is not None and line.qty is not None:
            wanted[line.item.product_id] = wanted.get(line.item.product_id, 0) + line.qty
    checked: list[LineCheck] = []
    stock_errors: list[FieldError] = []
    for line in lines:
        item = line.item
        if item is not None and line.qty is not None and line.available is not None:
            short = wanted[item.product_id] > line.available
            if short and not rules.allow_backorders:
                stock_errors.append(FieldError(f"lines[{line.index}].qty", _stock_problem(item, line.available)))
            line = replace(line, short=short)
        checked.append(line)
    return checked, stock_errors


def _stock_problem(item: CatalogueItem, available: int) -> str:
    left = max(available, 0)
    if left:
        return _("Only {left} of “{name}” can be sold now; lower the quantity.").format(left=left, name=item.name)
    return _("“{name}” is out of stock; remove the line or wait for stock.").format(name=item.name)


def _check_totals(draft: OrderDraft, subtotal: int, currency: str, found: _Problems) -> _Totals:
    try:
        order_discount = parse_amount(draft.order_discount, currency)
    except ValueError as exc:
        found.add("order_discount", str(exc))
        order_discount = 0
    if order_discount > subtotal:
        found.add(
            "order_discount",
            _("The order discount is larger than the goods ({subtotal}); lower it.").format(
                subtotal=format_money(subtotal, currency)
            ),
        )
        order_discount = subtotal
    try:
        shipping = parse_amount(draft.shipping_fee, currency)
    except ValueError as exc:
        found.add("shipping_fee", str(exc))
        shipping = 0
    total = subtotal - order_discount + shipping
    found.add_if("lines", totals_problem(subtotal, total))
    return _Totals(subtotal, order_discount, shipping, total)


def _check_payment(draft: OrderDraft, total: int, currency: str, found: _Problems) -> int:
    """What has been paid, in minor units."""
    try:
        payment = PaymentStatus(draft.payment_status)
    except ValueError:
        found.add("payment_status", _("Choose unpaid, paid, partly paid or refunded."))
        return 0
    if payment is PaymentStatus.PAID:
        return total
    if payment is not PaymentStatus.PARTLY_PAID:
        return 0
    try:
        paid = parse_amount(draft.amount_paid, currency, empty=None)
    except ValueError as exc:
        found.add("amount_paid", str(exc))
        return 0
    if paid == 0:
        found.add("amount_paid", _("Enter how much was paid, or choose unpaid."))
    elif paid >= total:
        found.add(
            "amount_paid",
            _("That is the whole total ({total}) or more; choose paid instead.").format(
                total=format_money(total, currency)
            ),
        )
    return paid


def _check_the_rest(draft: OrderDraft, found: _Problems) -> None:
    """Priority, due date, notes, channel and the external reference."""
    if draft.priority not in {p.value for p in Priority}:
        found.add("priority", _("Choose normal or urgent."))
    if draft.due_at is not None and draft.due_at.tzinfo is None:
        found.add("due_at", _("The due date has no time zone; choose it again."))
    if len(draft.notes) > MAX_NOTES:
        found.add("notes", _("Notes can be at most {limit:,} characters.").format(limit=MAX_NOTES))
    if not draft.channel.strip() or len(draft.channel.strip()) > 20:
        found.add("channel", _("Choose where the order came from (phone, web, store, ...)."))
    found.too_long("external_ref", draft.external_ref, 64)


def left_to_fix(check: DraftCheck, *, limit: int = 5) -> list[str]:
    """The short list under the Confirm button: what is still wrong, one sentence per field."""
    seen: set[str] = set()
    out: list[str] = []
    for error in check.all_errors():
        if error.field in seen:
            continue
        seen.add(error.field)
        out.append(f"{field_label(error.field)}: {error.message}")
    if len(out) > limit:
        rest = len(out) - limit
        out = [*out[:limit], _("... and {count} more.").format(count=rest)]
    return out


_LABELS = {
    "customer.name": "Customer name",
    "customer.phone": "Phone",
    "customer.email": "E-mail",
    "delivery.recipient": "Recipient",
    "delivery.phone": "Delivery phone",
    "delivery.line1": "Address",
    "delivery.line2": "Address line 2",
    "delivery.city": "City",
    "delivery.region": "Province / state",
    "delivery.postcode": "Postcode",
    "delivery.country": "Country",
    "lines": "Products",
    "order_discount": "Order discount",
    "shipping_fee": "Shipping fee",
    "payment_status": "Payment",
    "amount_paid": "Amount paid",
    "priority": "Priority",
    "due_at": "Due date",
    "notes": "Notes",
    "channel": "Channel",
    "external_ref": "External number",
    "fulfilment": "Delivery or pickup",
}
_LINE_FIELD = re.compile(r"lines\[(\d+)\]\.(\w+)")
_LINE_LABELS = {"product": "product", "qty": "quantity", "unit_price": "price", "discount": "discount"}


def field_label(field_name: str) -> str:
    """A field name as the user reads it: "lines[2].qty" -> "Line 3 quantity"."""
    match = _LINE_FIELD.fullmatch(field_name)
    if match is not None:
        return _("Line {n} {what}").format(n=int(match.group(1)) + 1, what=_(_LINE_LABELS.get(match.group(2), "")))
    return _(_LABELS.get(field_name, field_name))
