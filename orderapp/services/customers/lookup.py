"""Customers as the order form meets them: search by name or phone as the user types, create one in
place, and never a second customer for a phone number that already has one."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from orderapp.domain.order_validation import email_problem, normalise_email
from orderapp.domain.phones import display_phone, looks_like_phone, phone_problem, search_digits, to_e164
from orderapp.domain.postcodes import normalise_postcode, postcode_problem
from orderapp.errors import FieldError, NotFound, ValidationFailed
from orderapp.i18n import _
from orderapp.services.orders.search import refresh_customer_orders
from orderapp.services.settings.orders import read_order_settings
from orderapp.services.shop.edit_conflicts import conflict_if_changed, customer_fields, customer_labels
from orderapp.store.database import Database
from orderapp.store.models import Customer


@dataclass(frozen=True)
class CustomerView:
    id: int
    name: str
    phone: str  # E.164 as stored ("" when none)
    phone_display: str  # the local way: "138 1234 5678"
    email: str
    address_line1: str
    address_line2: str
    city: str
    region: str
    postcode: str
    country: str
    notes: str

    @staticmethod
    def of(customer: Customer, phone_region: str) -> CustomerView:
        return CustomerView(
            id=customer.id,
            name=customer.name,
            phone=customer.phone,
            phone_display=display_phone(customer.phone, phone_region) if customer.phone else "",
            email=customer.email,
            address_line1=customer.address_line1,
            address_line2=customer.address_line2,
            city=customer.city,
            region=customer.region,
            postcode=customer.postcode,
            country=customer.country,
            notes=customer.notes,
        )


@dataclass(frozen=True)
class CustomerInput:
    name: str
    phone: str = ""
    email: str = ""
    address_line1: str = ""
    address_line2: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""
    notes: str = ""


class DuplicateCustomer(ValidationFailed):
    """The phone number already belongs to a customer: offer that one instead."""

    def __init__(self, existing: CustomerView) -> None:
        self.existing = existing
        super().__init__(
            [
                FieldError(
                    "customer.phone",
                    _("This phone number belongs to {name}; choose that customer instead of adding a new one.").format(
                        name=existing.name
                    ),
                )
            ]
        )


def find_customers(database: Database, typed: str, *, limit: int = 20) -> list[CustomerView]:
    """Customers for the completion list: those whose name starts with ``typed`` or whose phone
    starts with the number typed (any format) come first, found through the indexes; then those
    whose name or phone merely contains it."""
    text = " ".join(typed.split())
    if not text:
        return []
    with database.session() as session:
        region = read_order_settings(session).phone_region
        starts: list[ColumnElement[bool]] = [and_(Customer.name >= text, Customer.name < text + "\U0010ffff")]
        contains: list[ColumnElement[bool]] = [Customer.name.ilike("%" + _escape_like(text) + "%", escape="\\")]
        if looks_like_phone(text):
            code = phonenumbers.country_code_for_region(region)
            for digits in search_digits(text, region):
                for start in {f"+{digits}", f"+{code}{digits}"}:
                    starts.append(and_(Customer.phone >= start, Customer.phone < start + "~"))
                contains.append(Customer.phone.like("%" + digits + "%"))
        found: dict[int, Customer] = {}
        for conditions, ordered in ((starts, True), (contains, False)):
            query = select(Customer).where(or_(*conditions))
            if ordered:  # through the indexes, in order; a scan for "contains" stops at the limit instead
                query = query.order_by(Customer.name)
            for customer in session.scalars(query.limit(limit)):
                found[customer.id] = customer
            if found:  # what starts with the text is what the user is typing; the rest only when none does
                break
        return sorted((CustomerView.of(c, region) for c in found.values()), key=lambda view: view.name)


def customer_by_phone(database: Database, phone: str) -> CustomerView | None:
    """The customer who has this phone number (typed in any format), for the "use this customer?" offer."""
    with database.session() as session:
        region = read_order_settings(session).phone_region
        found = find_by_phone(session, phone, region)
        return None if found is None else CustomerView.of(found, region)


def find_by_phone(session: Session, phone: str, region: str) -> Customer | None:
    if not phone.strip() or phone_problem(phone, region):
        return None
    e164 = to_e164(phone, region)
    return session.scalars(select(Customer).where(Customer.phone == e164).order_by(Customer.id).limit(1)).first()


def get_customer(database: Database, customer_id: int) -> CustomerView:
    with database.session() as session:
        region = read_order_settings(session).phone_region
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise NotFound(_("Customer {id} does not exist; it may have been removed.").format(id=customer_id))
        return CustomerView.of(customer, region)


def create_customer(database: Database, given: CustomerInput) -> CustomerView:
    """Check and add a customer. Raises ValidationFailed (field names "customer.name", ...) or
    DuplicateCustomer when the phone number already has a customer."""
    with database.session(write=True) as session:
        region = read_order_settings(session).phone_region
        customer = add_customer(session, given, region)
        session.commit()
        return CustomerView.of(customer, region)


def update_customer(
    database: Database, customer_id: int, given: CustomerInput, *, expected: CustomerView | None = None
) -> CustomerView:
    """Change a customer's details; their orders' search text follows. ``expected``: the customer as
    the form opened them; ``EditConflict`` when another PC has changed them since (nothing stored)."""
    with database.session(write=True) as session:
        region = read_order_settings(session).phone_region
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise NotFound(_("Customer {id} does not exist; it may have been removed.").format(id=customer_id))
        if expected is not None:
            now = CustomerView.of(customer, region)
            what = _("Customer {name}").format(name=now.name)
            conflict_if_changed(what, expected, now, customer_fields, customer_labels())
        values = _checked(given, region)
        if values["phone"]:
            other = find_by_phone(session, values["phone"], region)
            if other is not None and other.id != customer_id:
                raise DuplicateCustomer(CustomerView.of(other, region))
        for key, value in values.items():
            setattr(customer, key, value)
        session.flush()
        refresh_customer_orders(session, customer_id)
        session.commit()
        return CustomerView.of(customer, region)


def add_customer(session: Session, given: CustomerInput, region: str) -> Customer:
    """Check and add a customer in the caller's transaction (flushed, so it has an id). Does NOT commit."""
    values = _checked(given, region)
    if values["phone"]:
        existing = find_by_phone(session, values["phone"], region)
        if existing is not None:
            raise DuplicateCustomer(CustomerView.of(existing, region))
    customer = Customer(**values)
    session.add(customer)
    session.flush()
    return customer


def _checked(given: CustomerInput, region: str) -> dict[str, str]:
    errors: list[FieldError] = []
    name = " ".join(given.name.split())
    if not name:
        errors.append(FieldError("customer.name", _("Enter the customer's name.")))
    elif len(name) > 200:
        errors.append(FieldError("customer.name", _("This can be at most {limit} characters.").format(limit=200)))
    phone = ""
    if given.phone.strip():
        message = phone_problem(given.phone, region)
        if message:
            errors.append(FieldError("customer.phone", message))
        else:
            phone = to_e164(given.phone, region)
    email = ""
    if given.email.strip():
        message = email_problem(given.email)
        if message:
            errors.append(FieldError("customer.email", message))
        else:
            email = normalise_email(given.email)
    country = (given.country.strip() or (region if given.address_line1.strip() else "")).upper()
    postcode = given.postcode.strip()
    if postcode and country:
        message = postcode_problem(postcode, country)
        if message:
            errors.append(FieldError("customer.postcode", message))
        postcode = normalise_postcode(postcode, country)
    if errors:
        raise ValidationFailed(errors)
    return {
        "name": name,
        "phone": phone,
        "email": email,
        "address_line1": given.address_line1.strip()[:200],
        "address_line2": given.address_line2.strip()[:200],
        "city": given.city.strip()[:100],
        "region": given.region.strip()[:100],
        "postcode": postcode[:20],
        "country": country[:2],
        "notes": given.notes,
    }


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
