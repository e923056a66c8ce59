"""Duplicate customers: finding them (``find_duplicate_customers``) and merging one into another
(``merge_customers``) so that every order, draft, return and tag follows and nothing is lost.

The merge moves every row of every table whose foreign key points at ``customer.id`` (found from
the models, so tables that other capabilities add later follow too), rewrites the saved order drafts
that name the removed customer, unites the tags, fills the kept customer's empty details from the
other one and notes the details that differ, keeps the removed customer's details as they were in
``customer_merge`` and refreshes the orders' search text. One transaction: all of it or nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import cast

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from orderapp.domain.customer_duplicates import CustomerFacts, DuplicatePair, find_duplicates
from orderapp.errors import NotFound, OrderAppError
from orderapp.i18n import _
from orderapp.services.orders.drafts import draft_from_json, draft_to_json
from orderapp.services.orders.search import refresh_customer_orders
from orderapp.services.settings.orders import read_order_settings
from orderapp.store.customer_models import CustomerMerge, CustomerTag
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order
from orderapp.store.order_models import OrderDraftRecord
from orderapp.store.schema import metadata
from orderapp.store.types import utc_now

DETAIL_FIELDS = ("phone", "email", "address_line1", "address_line2", "city", "region", "postcode", "country")


class CannotMerge(OrderAppError):
    pass


@dataclass(frozen=True)
class DuplicateCandidate:
    pair: DuplicatePair
    first_name: str
    first_phone: str
    first_orders: int
    second_name: str
    second_phone: str
    second_orders: int

    @property
    def suggested_keep(self) -> int:
        """The one with more orders (the older one when even): the other is merged into it."""
        if self.second_orders > self.first_orders:
            return self.pair.second_id
        return self.pair.first_id


@dataclass(frozen=True)
class MergeResult:
    kept_id: int
    merged_id: int
    moved: tuple[tuple[str, int], ...]  # (table.column, rows moved)
    drafts: int  # saved order drafts that named the removed customer
    tags: frozenset[str]

    @property
    def orders_moved(self) -> int:
        return dict(self.moved).get("orders.customer_id", 0)


def find_duplicate_customers(database: Database) -> list[DuplicateCandidate]:
    """Pairs of customers that look like one person, for the customers screen (run it in a worker)."""
    with database.session() as session:
        region = read_order_settings(session).phone_region
        facts = [
            CustomerFacts(*row)
            for row in session.execute(
                select(
                    Customer.id, Customer.name, Customer.phone, Customer.address_line1, Customer.postcode, Customer.city
                )
            )
        ]
        pairs = find_duplicates(facts, region)
        by_id = {fact.id: fact for fact in facts}
        wanted = sorted({pair.first_id for pair in pairs} | {pair.second_id for pair in pairs})
        counts: dict[int, int] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for customer_id, count in session.execute(
                select(Order.customer_id, func.count()).where(Order.customer_id.in_(chunk)).group_by(Order.customer_id)
            ):
                if customer_id is not None:
                    counts[int(customer_id)] = int(count)
    return [
        DuplicateCandidate(
            pair,
            by_id[pair.first_id].name,
            by_id[pair.first_id].phone,
            counts.get(pair.first_id, 0),
            by_id[pair.second_id].name,
            by_id[pair.second_id].phone,
            counts.get(pair.second_id, 0),
        )
        for pair in pairs
    ]


def customer_references() -> list[tuple[Table, str]]:
    """(table, column) of every foreign key to ``customer.id`` in the schema."""
    found: list[tuple[Table, str]] = []
    for table in metadata.sorted_tables:
        for column in table.columns:
            for key in column.foreign_keys:
                if key.column.table.name == "customer" and key.column.name == "id":
                    found.append((table, column.name))
    return found


def merge_customers(database: Database, keep_id: int, merge_id: int, *, user_id: int) -> MergeResult:
    """Fold customer ``merge_id`` into ``keep_id`` (see the module's description); ``merge_id`` is gone after."""
    if keep_id == merge_id:
        raise CannotMerge(_("Choose two different customers to merge."))
    with database.session(write=True) as session:
        customers = {
            customer.id: customer
            for customer in session.scalars(
                select(Customer).where(Customer.id.in_([keep_id, merge_id])).order_by(Customer.id).with_for_update()
            )
        }
        for wanted in (keep_id, merge_id):
            if wanted not in customers:
                raise NotFound(_("Customer {id} does not exist; it may have been merged already.").format(id=wanted))
        kept, gone = customers[keep_id], customers[merge_id]
        details = {name: getattr(gone, name) for name in ("name", "notes", *DETAIL_FIELDS)}
        details["id"] = gone.id

        tags = _united_tags(session, keep_id, merge_id)
        moved: list[tuple[str, int]] = []
        for table, column in customer_references():
            if table.name in (CustomerTag.__tablename__,):
                continue
            result = session.execute(update(table).where(table.c[column] == merge_id).values({column: keep_id}))
            count = cast(CursorResult[tuple[()]], result).rowcount
            if count:
                moved.append((f"{table.name}.{column}", int(count)))
        drafts = _move_drafts(session, keep_id, merge_id)
        _fill_details(kept, gone)
        session.flush()
        session.execute(delete(Customer).where(Customer.id == merge_id))
        session.add(
            CustomerMerge(
                kept_id=keep_id,
                merged_id=merge_id,
                merged_details=json.dumps(details, ensure_ascii=False),
                moved=" ".join(f"{name}={count}" for name, count in moved)
                + (f" order_draft.payload={drafts}" if drafts else ""),
                created_at=utc_now(),
                created_by=user_id,
            )
        )
        session.flush()
        refresh_customer_orders(session, keep_id)
        session.commit()
        return MergeResult(keep_id, merge_id, tuple(moved), drafts, tags)


def _united_tags(session: Session, keep_id: int, merge_id: int) -> frozenset[str]:
    mine = set(session.scalars(select(CustomerTag.tag).where(CustomerTag.customer_id == keep_id)))
    theirs = set(session.scalars(select(CustomerTag.tag).where(CustomerTag.customer_id == merge_id)))
    session.execute(delete(CustomerTag).where(CustomerTag.customer_id == merge_id))
    session.add_all(CustomerTag(customer_id=keep_id, tag=tag) for tag in sorted(theirs - mine))
    session.flush()
    return frozenset(mine | theirs)


def _move_drafts(session: Session, keep_id: int, merge_id: int) -> int:
    """Saved order drafts hold the customer's id inside their JSON: rewrite those that name ``merge_id``."""
    moved = 0
    for record in session.scalars(select(OrderDraftRecord).where(OrderDraftRecord.payload.contains(str(merge_id)))):
        try:
            draft = draft_from_json(record.payload)
        except (ValueError, TypeError):
            continue  # a damaged draft is left as it is; the form reports it when opened
        if draft.customer.customer_id == merge_id:
            record.payload = draft_to_json(replace(draft, customer=replace(draft.customer, customer_id=keep_id)))
            moved += 1
    return moved


def _fill_details(kept: Customer, gone: Customer) -> None:
    """Empty details of the kept customer come from the other; details that differ go into the notes."""
    differing: list[str] = []
    if gone.name.strip() and gone.name != kept.name:
        differing.append(gone.name)
    for name in DETAIL_FIELDS:
        theirs = getattr(gone, name) or ""
        if not theirs:
            continue
        if not getattr(kept, name):
            setattr(kept, name, theirs)
        elif theirs != getattr(kept, name):
            differing.append(theirs)
    notes = [kept.notes.strip()] if kept.notes.strip() else []
    if gone.notes.strip():
        notes.append(gone.notes.strip())
    if differing:
        notes.append(_("Merged from customer {id}: {details}").format(id=gone.id, details=" · ".join(differing)))
    kept.notes = "\n".join(notes)
