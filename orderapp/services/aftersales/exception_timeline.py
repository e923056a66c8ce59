"""An order's timeline with its exceptions in it: each raised, worked, acted on and resolved step
appears among the order's own steps, in time order."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select

from orderapp.domain import exception_labels as labels
from orderapp.i18n import _
from orderapp.services.aftersales.exceptions import exception_number
from orderapp.services.orders.placing import OrderView, TimelineEntry
from orderapp.store.database import Database
from orderapp.store.exception_models import ExceptionEvent, OrderException


@dataclass(frozen=True)
class ExceptionTimelineEntry(TimelineEntry):
    headline: str = ""

    @property
    def title(self) -> str:
        return self.headline


def with_exceptions(database: Database, view: OrderView) -> OrderView:
    """The order as given, its timeline holding its exceptions' history too."""
    with database.session() as session:
        rows = session.execute(
            select(ExceptionEvent, OrderException.id, OrderException.type, OrderException.severity)
            .join(OrderException, OrderException.id == ExceptionEvent.exception_id)
            .where(OrderException.order_id == view.id)
            .order_by(ExceptionEvent.id)
        ).all()
    if not rows:
        return view
    entries = [
        ExceptionTimelineEntry(
            at=event.at,
            user_id=0,
            user_name=event.actor,
            kind="exception",
            from_status=None,
            to_status=None,
            detail=_headline_detail(event),
            headline=_headline(event, exception_number(exception_id), kind, severity),
        )
        for event, exception_id, kind, severity in rows
    ]
    merged = sorted([*view.timeline, *entries], key=lambda entry: entry.at)
    return replace(view, timeline=tuple(merged))


def _headline(event: ExceptionEvent, number: str, kind: str, severity: str) -> str:
    if event.kind == "raised":
        return _("Exception {number}: {type} ({severity})").format(
            number=number, type=labels.type_label(kind), severity=labels.severity_label(severity)
        )
    if event.kind == "status" and event.to_status:
        return _("Exception {number} {status}").format(number=number, status=labels.status_label(event.to_status))
    if event.kind == "action" and event.action:
        return _("Exception {number}: {action}").format(number=number, action=labels.action_label(event.action))
    if event.kind == "owner":
        return _("Exception {number}: new owner").format(number=number)
    return _("Exception {number}: note").format(number=number)


def _headline_detail(event: ExceptionEvent) -> str:
    if event.amount_cents is not None:
        return f"{event.amount_cents / 100:.2f} {event.detail}".strip()
    return event.detail
