"""Tags on customers: VIP and risk (and the shop's own words), stored in ``customer_tag``.

``customer_tags(session, customer_id)`` is the plain read that other services use (e.g. the
exceptions' priority); ``set_customer_tags`` is the customers screen's write.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from orderapp.errors import FieldError, NotFound, ValidationFailed
from orderapp.i18n import _
from orderapp.store.customer_models import CustomerTag
from orderapp.store.database import Database
from orderapp.store.models import Customer

VIP = "vip"
RISK = "risk"
KNOWN_TAGS = (VIP, RISK)
TAG_MAX = 32
_TAG = re.compile(r"[\w-]+")


def tag_label(tag: str) -> str:
    return {VIP: _("VIP"), RISK: _("Risk")}.get(tag, tag)


def customer_tags(session: Session, customer_id: int) -> frozenset[str]:
    """The customer's tags ("vip", "risk", ...); empty for an unknown customer. Reads only."""
    return frozenset(session.scalars(select(CustomerTag.tag).where(CustomerTag.customer_id == customer_id)))


def tags_of(session: Session, customer_ids: Iterable[int]) -> dict[int, frozenset[str]]:
    """Tags of many customers at once (for a list)."""
    ids = sorted(set(customer_ids))
    found: dict[int, set[str]] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(CustomerTag.customer_id, CustomerTag.tag).where(
                CustomerTag.customer_id.in_(ids[start : start + 500])
            )
        )
        for customer_id, tag in rows:
            found.setdefault(customer_id, set()).add(tag)
    return {customer_id: frozenset(tags) for customer_id, tags in found.items()}


def clean_tags(tags: Iterable[str]) -> frozenset[str]:
    """Tags as stored: lower case, one word each (letters, digits, '-', '_'); raises ValidationFailed."""
    cleaned: set[str] = set()
    for tag in tags:
        text = tag.strip().casefold().replace(" ", "-")
        if not text:
            continue
        if len(text) > TAG_MAX or not _TAG.fullmatch(text):
            raise ValidationFailed(
                [
                    FieldError(
                        "customer.tags",
                        _("{tag!r} cannot be a tag: use one word of at most {limit} letters or digits.").format(
                            tag=tag, limit=TAG_MAX
                        ),
                    )
                ]
            )
        cleaned.add(text)
    return frozenset(cleaned)


def set_customer_tags(database: Database, customer_id: int, tags: Iterable[str]) -> frozenset[str]:
    """Replace the customer's tags; returns them as stored."""
    wanted = clean_tags(tags)
    with database.session(write=True) as session:
        write_tags(session, customer_id, wanted)
        session.commit()
        return customer_tags(session, customer_id)


def write_tags(session: Session, customer_id: int, tags: frozenset[str]) -> None:
    """Replace the customer's tags in the caller's transaction. Does NOT commit."""
    if session.get(Customer, customer_id) is None:
        raise NotFound(_("Customer {id} does not exist; it may have been removed.").format(id=customer_id))
    session.execute(delete(CustomerTag).where(CustomerTag.customer_id == customer_id))
    session.add_all(CustomerTag(customer_id=customer_id, tag=tag) for tag in sorted(tags))
    session.flush()
