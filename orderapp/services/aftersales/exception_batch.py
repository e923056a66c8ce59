"""Raising many exceptions in one go (the automatic checks): the same rules as ``raise_in`` (never a
second open exception of one type on an order, never twice for one cause) with a few statements for
the whole batch instead of several per exception. Never commits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from orderapp.domain import exception_rules as rules
from orderapp.domain.exception_rules import ExceptionStatus, Severity
from orderapp.services.aftersales.exceptions import MAX_TEXT, OrderRef, customer_tags
from orderapp.store.exception_models import ExceptionEvent, OrderException

CHUNK = 900


@dataclass(frozen=True)
class Candidate:
    order: OrderRef
    kind: str
    severity: Severity
    cause: str
    source_key: str | None


def raise_many(
    session: Session, candidates: Sequence[Candidate], *, actor: str, owner: str, now: datetime
) -> list[tuple[int, OrderRef]]:
    """Add the candidates that are new; returns (exception id, order) of each one added."""
    if not candidates:
        return []
    order_ids = sorted({c.order.id for c in candidates})
    keys = sorted({c.source_key for c in candidates if c.source_key is not None})
    open_pairs: set[tuple[int, str]] = set()
    for start in range(0, len(order_ids), CHUNK):
        chunk = order_ids[start : start + CHUNK]
        open_pairs.update(
            (order_id, kind)
            for order_id, kind in session.execute(
                select(OrderException.order_id, OrderException.type).where(
                    OrderException.order_id.in_(chunk), OrderException.is_open.is_(True)
                )
            )
        )
    used_keys: set[str] = set()
    for start in range(0, len(keys), CHUNK):
        used_keys.update(
            key
            for key in session.scalars(
                select(OrderException.source_key).where(OrderException.source_key.in_(keys[start : start + CHUNK]))
            )
            if key is not None
        )
    chosen: list[Candidate] = []
    for candidate in candidates:
        pair = (candidate.order.id, candidate.kind)
        if pair in open_pairs or (candidate.source_key is not None and candidate.source_key in used_keys):
            continue
        open_pairs.add(pair)
        if candidate.source_key is not None:
            used_keys.add(candidate.source_key)
        chosen.append(candidate)
    if not chosen:
        return []
    rows = []
    for candidate in chosen:
        base = rules.base_priority(
            candidate.severity,
            urgent=candidate.order.priority == "urgent",
            tags=customer_tags(session, candidate.order),
        )
        rows.append(
            {
                "order_id": candidate.order.id,
                "order_line_id": None,
                "family": rules.FAMILY_OF_TYPE[candidate.kind].value,
                "type": candidate.kind,
                "severity": candidate.severity.value,
                "owner": owner,
                "status": ExceptionStatus.OPEN.value,
                "is_open": True,
                "cause": candidate.cause[:MAX_TEXT],
                "resolution": "",
                "priority_base": base,
                "queue_key": rules.queue_key(base, now),
                "source_key": candidate.source_key,
                "opened_at": now,
                "opened_by": actor,
                "resolved_at": None,
                "updated_at": now,
            }
        )
    # One executemany without RETURNING (SQLite would insert row by row to keep RETURNING in order);
    # the new ids are then read back by cause, or one by one for the few without a cause key.
    keyed = [row for row, candidate in zip(rows, chosen, strict=True) if candidate.source_key]
    if keyed:
        session.execute(insert(OrderException), keyed)
    by_key: dict[str, int] = {}
    new_keys = [str(row["source_key"]) for row in keyed]
    for start in range(0, len(new_keys), CHUNK):
        by_key.update(
            (str(key), exception_id)
            for exception_id, key in session.execute(
                select(OrderException.id, OrderException.source_key).where(
                    OrderException.source_key.in_(new_keys[start : start + CHUNK])
                )
            )
        )
    ids = [
        by_key[candidate.source_key]
        if candidate.source_key
        else session.execute(insert(OrderException).returning(OrderException.id), row).scalar_one()
        for row, candidate in zip(rows, chosen, strict=True)
    ]
    session.execute(
        insert(ExceptionEvent),
        [
            {
                "exception_id": exception_id,
                "at": now,
                "actor": actor,
                "kind": "raised",
                "from_status": None,
                "to_status": ExceptionStatus.OPEN.value,
                "action": None,
                "amount_cents": None,
                "linked_order_id": None,
                "detail": candidate.cause[:MAX_TEXT],
            }
            for exception_id, candidate in zip(ids, chosen, strict=True)
        ],
    )
    return [(exception_id, candidate.order) for exception_id, candidate in zip(ids, chosen, strict=True)]
