"""Working an exception: start it, note it, give it an owner, take an action, resolve it (a resolution
is required), reopen it. Each step is recorded in its history with who and when.

Actions: a reship is a new linked order at zero price; a cancel cancels the order (its stock goes
back); a refund, replacement or compensation is recorded with its amount (the money side of refunds
belongs to the refunds capability).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderapp.domain import exception_labels as labels
from orderapp.domain import exception_rules as rules
from orderapp.domain.exception_rules import ActionType, ExceptionStatus
from orderapp.errors import FieldError, NotFound, OrderAppError, ValidationFailed
from orderapp.i18n import _
from orderapp.services.aftersales.exceptions import (
    MAX_OWNER,
    MAX_TEXT,
    ExceptionDetail,
    detail_in,
    exception_number,
    user_name,
)
from orderapp.store.database import Database
from orderapp.store.exception_models import ExceptionEvent, OrderException
from orderapp.store.types import utc_now

MAX_AMOUNT_CENTS = 100_000_000_00


class IllegalExceptionMove(OrderAppError):
    pass


def start_exception(database: Database, exception_id: int, *, user_id: int, note: str = "") -> ExceptionDetail:
    """Someone works on it now (e.g. contacting the customer)."""
    return move_exception(database, exception_id, ExceptionStatus.IN_PROGRESS, user_id=user_id, note=note)


def resolve_exception(
    database: Database, exception_id: int, resolution: str, *, user_id: int, now: datetime | None = None
) -> ExceptionDetail:
    """Close it with a resolution (required: what was done and how it ended)."""
    return move_exception(
        database, exception_id, ExceptionStatus.RESOLVED, user_id=user_id, resolution=resolution, now=now
    )


def reopen_exception(database: Database, exception_id: int, reason: str, *, user_id: int) -> ExceptionDetail:
    if not reason.strip():
        raise ValidationFailed([FieldError("note", _("Say why the exception is opened again."))])
    return move_exception(database, exception_id, ExceptionStatus.OPEN, user_id=user_id, note=reason)


def move_exception(
    database: Database,
    exception_id: int,
    target: ExceptionStatus | str,
    *,
    user_id: int,
    resolution: str = "",
    note: str = "",
    now: datetime | None = None,
) -> ExceptionDetail:
    """Move the exception along its flow; a resolution is required to resolve. Nothing changes when refused."""
    target = ExceptionStatus(target)
    resolution, note = resolution.strip(), note.strip()
    if target is ExceptionStatus.RESOLVED and not resolution:
        raise ValidationFailed(
            [
                FieldError(
                    "resolution",
                    _("Write the resolution: what was done and how it ended, e.g. 'reshipped, customer agreed'."),
                )
            ]
        )
    _check_length(resolution=resolution, note=note)
    when = now or utc_now()
    with database.session(write=True) as session:
        record = _lock(session, exception_id)
        current = ExceptionStatus(record.status)
        if not rules.can_move(current, target):
            raise IllegalExceptionMove(
                _("Exception {number} is {current}; it cannot become {target}.").format(
                    number=exception_number(record.id),
                    current=labels.status_label(current),
                    target=labels.status_label(target),
                )
            )
        _set_status(
            session, record, target, actor=user_name(session, user_id), when=when, resolution=resolution, note=note
        )
        session.commit()
        return detail_in(session, exception_id, when)


def add_note(database: Database, exception_id: int, text: str, *, user_id: int) -> ExceptionDetail:
    text = text.strip()
    if not text:
        raise ValidationFailed([FieldError("note", _("Type the note first."))])
    _check_length(note=text)
    when = utc_now()
    with database.session(write=True) as session:
        record = _lock(session, exception_id)
        record.updated_at = when
        session.add(
            ExceptionEvent(exception_id=record.id, at=when, actor=user_name(session, user_id), kind="note", detail=text)
        )
        session.commit()
        return detail_in(session, exception_id, when)


def assign_owner(database: Database, exception_id: int, owner: str, *, user_id: int) -> ExceptionDetail:
    owner = " ".join(owner.split())
    if not owner or len(owner) > MAX_OWNER:
        raise ValidationFailed(
            [FieldError("owner", _("Name the person who owns it (up to {most} characters).").format(most=MAX_OWNER))]
        )
    when = utc_now()
    with database.session(write=True) as session:
        record = _lock(session, exception_id)
        if record.owner != owner:
            session.add(
                ExceptionEvent(
                    exception_id=record.id,
                    at=when,
                    actor=user_name(session, user_id),
                    kind="owner",
                    detail=_("{old} → {new}").format(old=record.owner or "-", new=owner),
                )
            )
            record.owner, record.updated_at = owner, when
        session.commit()
        return detail_in(session, exception_id, when)


def take_action(
    database: Database,
    exception_id: int,
    action: ActionType | str,
    *,
    user_id: int,
    amount_cents: int | None = None,
    detail: str = "",
    now: datetime | None = None,
) -> ExceptionDetail:
    """Record an action and move the exception to "action taken".

    A reship places a linked order at zero price (same customer, address and items); a cancel
    cancels the order. Refund, replacement and compensation are recorded with their amount
    (required for a refund and a compensation)."""
    try:
        action = ActionType(action)
    except ValueError:
        raise ValidationFailed([FieldError("action", _("Choose the action from the list."))]) from None
    detail = detail.strip()
    _check_length(note=detail)
    if amount_cents is not None and not 0 < amount_cents <= MAX_AMOUNT_CENTS:
        raise ValidationFailed([FieldError("amount", _("Type an amount above zero."))])
    if action in (ActionType.REFUND, ActionType.COMPENSATION) and amount_cents is None:
        raise ValidationFailed(
            [FieldError("amount", _("Type the amount of the {action}.").format(action=labels.action_label(action)))]
        )
    when = now or utc_now()
    with database.session() as session:
        record = session.get(OrderException, exception_id)
        if record is None:
            raise _missing(exception_id)
        order_id = record.order_id
        if (
            not rules.can_move(record.status, ExceptionStatus.ACTION_TAKEN)
            and record.status != ExceptionStatus.ACTION_TAKEN
        ):
            raise IllegalExceptionMove(
                _("Exception {number} is {current}; reopen it before taking an action.").format(
                    number=exception_number(record.id), current=labels.status_label(record.status)
                )
            )
    linked: int | None = None
    if action is ActionType.RESHIP:
        linked = _reship(database, order_id, exception_number(exception_id), user_id=user_id)
    elif action is ActionType.CANCEL:
        from orderapp.services.orders.placing import cancel_order

        cancel_order(
            database,
            order_id,
            reason=detail or _("Cancelled for exception {number}.").format(number=exception_number(exception_id)),
            user_id=user_id,
        )
    with database.session(write=True) as session:
        record = _lock(session, exception_id)
        actor = user_name(session, user_id)
        session.add(
            ExceptionEvent(
                exception_id=record.id,
                at=when,
                actor=actor,
                kind="action",
                action=action.value,
                amount_cents=amount_cents,
                linked_order_id=linked,
                detail=detail,
            )
        )
        if record.status != ExceptionStatus.ACTION_TAKEN:
            _set_status(session, record, ExceptionStatus.ACTION_TAKEN, actor=actor, when=when)
        session.commit()
        return detail_in(session, exception_id, when)


# --- inside ---------------------------------------------------------------------------------------


def _reship(database: Database, order_id: int, reference: str, *, user_id: int) -> int:
    """Place the zero-price order that sends the goods again; its id."""
    from orderapp.services.orders.placing import get_order, place_order

    original = get_order(database, order_id)
    draft = original.to_draft()
    draft = replace(
        draft,
        lines=tuple(replace(line, unit_price="0", discount="") for line in draft.lines),
        order_discount="",
        shipping_fee="",
        payment_status="paid",
        amount_paid="",
        priority="urgent",
        due_at=None,
        notes=_("Reship of order {order} for exception {number}.").format(order=original.number, number=reference),
        external_ref="",
    )
    placed = place_order(database, draft, user_id=user_id, allow_duplicate=True)
    return placed.id


def _set_status(
    session: Session,
    record: OrderException,
    target: ExceptionStatus,
    *,
    actor: str,
    when: datetime,
    resolution: str = "",
    note: str = "",
) -> None:
    session.add(
        ExceptionEvent(
            exception_id=record.id,
            at=when,
            actor=actor,
            kind="status",
            from_status=record.status,
            to_status=target.value,
            detail=resolution or note,
        )
    )
    record.status = target.value
    record.is_open = target is not ExceptionStatus.RESOLVED
    record.updated_at = when
    if target is ExceptionStatus.RESOLVED:
        record.resolution, record.resolved_at = resolution, when
    elif target is ExceptionStatus.OPEN:
        record.resolution, record.resolved_at = "", None


def _lock(session: Session, exception_id: int) -> OrderException:
    record = session.scalars(
        select(OrderException).where(OrderException.id == exception_id).with_for_update()
    ).one_or_none()
    if record is None:
        raise _missing(exception_id)
    return record


def _missing(exception_id: int) -> NotFound:
    return NotFound(_("There is no exception {number}.").format(number=exception_number(exception_id)))


def _check_length(*, resolution: str = "", note: str = "") -> None:
    errors = [
        FieldError(name, _("Keep this under {most} characters.").format(most=MAX_TEXT))
        for name, text in (("resolution", resolution), ("note", note))
        if len(text) > MAX_TEXT
    ]
    if errors:
        raise ValidationFailed(errors)
