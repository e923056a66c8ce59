"""Order drafts saved as the user works: closing the window or a crash never loses what was typed.

The form calls ``save_draft`` shortly after each edit (in a worker), keeps the returned id, and
passes it to ``place_order``/``update_order`` (which remove the draft in the same transaction) or to
``discard_draft`` when the user abandons the form on purpose. On start, ``list_drafts`` for the
station and user offers what was left open.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from orderapp.domain.order_validation import AddressDraft, CustomerDraft, LineDraft, OrderDraft
from orderapp.i18n import _
from orderapp.store.database import Database
from orderapp.store.order_models import OrderDraftRecord
from orderapp.store.types import utc_now

FORMAT_VERSION = 1


@dataclass(frozen=True)
class SavedDraft:
    id: int
    station: str
    user_id: int
    order_id: int | None  # the order being edited; None for a new order
    summary: str
    updated_at: datetime
    draft: OrderDraft


def draft_to_json(draft: OrderDraft) -> str:
    data = asdict(draft)
    data["due_at"] = draft.due_at.isoformat() if draft.due_at is not None else None
    data["version"] = FORMAT_VERSION
    return json.dumps(data, ensure_ascii=False)


def draft_from_json(text: str) -> OrderDraft:
    """Read a saved draft; unknown keys are ignored and missing ones get their defaults, so a draft
    saved by another version of the app still opens."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("a saved draft is a JSON object")
    due = data.get("due_at")
    lines = [line for line in data.get("lines") or () if isinstance(line, dict)]
    return OrderDraft(
        **{
            **_known(OrderDraft, data, skip={"customer", "delivery", "lines", "due_at"}),
            "customer": CustomerDraft(**_known(CustomerDraft, data.get("customer") or {})),
            "delivery": AddressDraft(**_known(AddressDraft, data.get("delivery") or {})),
            "lines": tuple(LineDraft(**_known(LineDraft, line)) for line in lines),
            "due_at": datetime.fromisoformat(due) if isinstance(due, str) and due else None,
        }
    )


def _known(cls: type, data: Any, skip: set[str] | None = None) -> dict[str, Any]:
    if not isinstance(data, dict):
        return {}
    names = {f.name for f in fields(cls)} - (skip or set())
    return {key: value for key, value in data.items() if key in names}


def summarise(draft: OrderDraft) -> str:
    """ "王小明 · 3 lines" for the list of drafts to recover."""
    who = draft.customer.name.strip() or draft.delivery.recipient.strip() or _("no customer yet")
    lines = sum(1 for line in draft.lines if not line.is_blank())
    return _("{who} · {count} lines").format(who=who, count=lines)[:200]


def save_draft(
    database: Database,
    draft: OrderDraft,
    *,
    station: str,
    user_id: int,
    draft_id: int | None = None,
    order_id: int | None = None,
    form_key: str | None = None,
    revision: int = 0,
) -> int:
    """Store the draft and return its id. Cheap: one small write.

    With ``form_key`` (the open form's own key) the save is an idempotent upsert of that form's one
    row: saving the same thing twice, or two saves racing (one in flight while the app quits), leave
    one draft, holding the save with the highest ``revision``. Without it, ``draft_id`` names the row
    to overwrite (a new row when there is none)."""
    payload = draft_to_json(draft)
    summary = summarise(draft)
    for attempt in range(2):
        try:
            return _upsert(database, payload, summary, station, user_id, draft_id, order_id, form_key, revision)
        except IntegrityError:
            if form_key is None or attempt:
                raise
            # Another save of the same form inserted its row first: this one becomes an update of it.
    raise AssertionError("unreachable")


def _upsert(
    database: Database,
    payload: str,
    summary: str,
    station: str,
    user_id: int,
    draft_id: int | None,
    order_id: int | None,
    form_key: str | None,
    revision: int,
) -> int:
    now = utc_now()
    with database.session(write=True) as session:
        record = None
        if form_key is not None:
            record = session.scalars(select(OrderDraftRecord).where(OrderDraftRecord.form_key == form_key)).first()
        if record is None and draft_id is not None:
            record = session.get(OrderDraftRecord, draft_id)
        if record is None:
            record = OrderDraftRecord(
                station=station, user_id=user_id, order_id=order_id, payload=payload, created_at=now, revision=revision
            )
            session.add(record)
        elif form_key is not None and record.form_key == form_key and record.revision > revision:
            return record.id  # a newer save of this form is stored already
        record.form_key = form_key if form_key is not None else record.form_key
        record.revision = revision
        record.payload = payload
        record.summary = summary
        record.updated_at = now
        record.order_id = order_id
        session.commit()
        return record.id


def list_drafts(database: Database, *, station: str, user_id: int) -> list[SavedDraft]:
    """The drafts this user left open at this station, newest first."""
    with database.session() as session:
        rows = session.scalars(
            select(OrderDraftRecord)
            .where(OrderDraftRecord.station == station, OrderDraftRecord.user_id == user_id)
            .order_by(OrderDraftRecord.updated_at.desc(), OrderDraftRecord.id.desc())
        ).all()
        return [_saved(record) for record in rows]


def load_draft(database: Database, draft_id: int) -> SavedDraft | None:
    with database.session() as session:
        record = session.get(OrderDraftRecord, draft_id)
        return None if record is None else _saved(record)


def discard_draft(database: Database, draft_id: int | None, *, form_key: str | None = None) -> None:
    """Remove the draft ``draft_id`` and, with ``form_key``, the one that form saved (its id may not
    have reached the form yet)."""
    with database.session(write=True) as session:
        records = [session.get(OrderDraftRecord, draft_id)] if draft_id is not None else []
        if form_key is not None:
            records += session.scalars(select(OrderDraftRecord).where(OrderDraftRecord.form_key == form_key)).all()
        for record in {id(r): r for r in records if r is not None}.values():
            session.delete(record)
        session.commit()


def _saved(record: OrderDraftRecord) -> SavedDraft:
    try:
        draft = draft_from_json(record.payload)
    except (ValueError, TypeError):
        draft = OrderDraft(notes=record.payload)  # unreadable: keep the text where the user can see it
    return SavedDraft(
        id=record.id,
        station=record.station,
        user_id=record.user_id,
        order_id=record.order_id,
        summary=record.summary,
        updated_at=record.updated_at,
        draft=draft,
    )
