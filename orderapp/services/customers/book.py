"""The customers screen's reads and writes: the list (search by name or phone, filter by tag, pages by
name), one customer with their tags and order history, and saving an edit with its tags.

The order form's look-ups stay in ``services.customers``; tags in ``services.customer_tags``; the
duplicate finder and the merge in ``services.customer_merge``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select, tuple_
from sqlalchemy.orm import Session

from orderapp.domain.order_status import OrderStatus
from orderapp.domain.phones import display_phone, looks_like_phone, search_digits
from orderapp.services.customers.lookup import CustomerInput, CustomerView, update_customer
from orderapp.services.customers.tags import clean_tags, customer_tags, tags_of, write_tags
from orderapp.services.settings.orders import read_order_settings
from orderapp.store.customer_models import CustomerTag
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order
from orderapp.store.return_models import OrderReturn

PAGE = 200


@dataclass(frozen=True)
class CustomerRow:
    id: int
    name: str
    phone_display: str
    email: str
    city: str
    orders: int
    last_order_at: datetime | None
    tags: frozenset[str]


@dataclass(frozen=True)
class CustomerPage:
    rows: tuple[CustomerRow, ...]
    more: bool  # another page follows: ask again with ``after`` = the last row's (name, id)


@dataclass(frozen=True)
class HistoryOrder:
    id: int
    number: str
    created_at: datetime
    status: str
    total_cents: int
    currency: str
    returns: int


@dataclass(frozen=True)
class CustomerHistory:
    customer: CustomerView
    tags: frozenset[str]
    orders: tuple[HistoryOrder, ...]

    @property
    def spent_cents(self) -> int:
        """What the orders that were not cancelled came to (in the shop's currency)."""
        return sum(order.total_cents for order in self.orders if order.status != OrderStatus.CANCELLED)


def list_customers(
    database: Database,
    search: str = "",
    *,
    tag: str = "",
    after: tuple[str, int] | None = None,
    limit: int = PAGE,
) -> CustomerPage:
    """Customers by name; ``search`` matches part of the name, or of the phone in any format."""
    with database.session() as session:
        region = read_order_settings(session).phone_region
        query = select(Customer)
        text = " ".join(search.split())
        if text:
            conditions: list[ColumnElement[bool]] = [Customer.name.ilike("%" + _escape_like(text) + "%", escape="\\")]
            if looks_like_phone(text):  # phones are stored as E.164: the digits typed are somewhere in them
                for digits in search_digits(text, region):
                    conditions.append(Customer.phone.like("%" + digits + "%"))
            query = query.where(or_(*conditions))
        if tag:
            query = query.where(
                select(CustomerTag.tag).where(CustomerTag.customer_id == Customer.id, CustomerTag.tag == tag).exists()
            )
        if after is not None:
            query = query.where(tuple_(Customer.name, Customer.id) > tuple_(*after))
        customers = list(session.scalars(query.order_by(Customer.name, Customer.id).limit(limit + 1)))
        more = len(customers) > limit
        customers = customers[:limit]
        ids = [customer.id for customer in customers]
        counts = _order_counts(session, ids)
        tags = tags_of(session, ids)
        return CustomerPage(
            tuple(
                CustomerRow(
                    id=customer.id,
                    name=customer.name,
                    phone_display=display_phone(customer.phone, region) if customer.phone else "",
                    email=customer.email,
                    city=customer.city,
                    orders=counts.get(customer.id, (0, None))[0],
                    last_order_at=counts.get(customer.id, (0, None))[1],
                    tags=tags.get(customer.id, frozenset()),
                )
                for customer in customers
            ),
            more,
        )


def customer_history(database: Database, customer_id: int) -> CustomerHistory:
    """The customer, their tags and every order, newest first, with how many returns each had."""
    from orderapp.services.customers.lookup import get_customer

    view = get_customer(database, customer_id)
    with database.session() as session:
        returns = select(func.count()).where(OrderReturn.order_id == Order.id).correlate(Order).scalar_subquery()
        rows = session.execute(
            select(Order.id, Order.number, Order.created_at, Order.status, Order.total_cents, Order.currency, returns)
            .where(Order.customer_id == customer_id)
            .order_by(Order.created_at.desc(), Order.id.desc())
        ).all()
        return CustomerHistory(
            customer=view,
            tags=customer_tags(session, customer_id),
            orders=tuple(
                HistoryOrder(
                    id=row[0],
                    number=row[1],
                    created_at=row[2],
                    status=row[3],
                    total_cents=row[4],
                    currency=row[5],
                    returns=int(row[6] or 0),
                )
                for row in rows
            ),
        )


def save_customer(database: Database, customer_id: int, given: CustomerInput, tags: Iterable[str]) -> CustomerHistory:
    """Save an edit of the customer's details and tags (checked like the order form checks them)."""
    wanted = clean_tags(tags)
    update_customer(database, customer_id, given)
    with database.session(write=True) as session:
        write_tags(session, customer_id, wanted)
        session.commit()
    return customer_history(database, customer_id)


def _order_counts(session: Session, ids: list[int]) -> dict[int, tuple[int, datetime | None]]:
    if not ids:
        return {}
    rows = session.execute(
        select(Order.customer_id, func.count(), func.max(Order.created_at))
        .where(Order.customer_id.in_(ids))
        .group_by(Order.customer_id)
    )
    return {int(customer_id): (int(count), last) for customer_id, count, last in rows if customer_id is not None}


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


__all__ = [
    "CustomerHistory",
    "CustomerPage",
    "CustomerRow",
    "HistoryOrder",
    "customer_history",
    "list_customers",
    "save_customer",
]
