"""The order as the screens show it (lines, timeline, the actions allowed now), read inside a session."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderapp.domain.money import format_money
from orderapp.domain.order_actions import allowed_actions, holds_stock, is_overdue
from orderapp.domain.order_status import OrderStatus
from orderapp.domain.order_validation import AddressDraft, CustomerDraft, LineDraft, OrderDraft, PaymentStatus
from orderapp.domain.phones import display_phone
from orderapp.i18n import _
from orderapp.services.customers.lookup import CustomerView
from orderapp.services.orders.lifecycle import status_label
from orderapp.services.settings.orders import OrderSettings
from orderapp.store.models import Customer, Order, OrderEvent, OrderLine, User
from orderapp.store.order_rows import LineFigures, OrderFigures

# --- views -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrderLineView(LineFigures):
    id: int
    line_no: int
    total_cents: int
    backordered: bool


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    user_id: int
    user_name: str
    kind: str  # status | edit | note | override | ...
    from_status: str | None
    to_status: str | None
    detail: str

    @property
    def title(self) -> str:
        """ "Confirmed", "On hold", "Edited": the entry's headline, translated."""
        if self.from_status == OrderStatus.ON_HOLD and self.to_status != OrderStatus.CANCELLED:
            return _("Released from hold")
        if self.to_status:
            label = status_label(self.to_status)
            return label[:1].upper() + label[1:]
        return {
            "edit": _("Edited"),
            "note": _("Note"),
            "override": _("Override"),
            "return": _("Items returned"),
            "refund": _("Refunded"),
        }.get(self.kind, self.kind)


@dataclass(frozen=True)
class OrderView(OrderFigures):
    id: int
    number: str
    external_ref: str
    channel: str
    status: str
    held_from: str | None
    priority: str
    fulfilment: str
    customer: CustomerView | None
    ship_name: str
    ship_phone: str  # E.164
    ship_phone_display: str
    ship_line1: str
    ship_line2: str
    ship_city: str
    ship_region: str
    ship_postcode: str
    ship_country: str
    currency: str
    carrier: str
    tracking_number: str
    notes: str
    due_at: datetime | None
    created_at: datetime
    updated_at: datetime
    created_by: int
    lines: tuple[OrderLineView, ...]
    timeline: tuple[TimelineEntry, ...]
    overdue: bool
    actions: frozenset[str]  # what may be done now: edit, confirm, pick, ship, deliver, cancel, hold, release

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def holds_stock(self) -> bool:
        return holds_stock(self.status, self.held_from)

    @property
    def backordered(self) -> bool:
        return any(line.backordered for line in self.lines)

    def total_text(self) -> str:
        return format_money(self.total_cents, self.currency)

    def to_draft(self) -> OrderDraft:
        """The order as the form edits it (amounts as plain numbers, e.g. "12.50")."""
        money = self._money
        customer = self.customer
        return OrderDraft(
            customer=CustomerDraft(
                customer_id=customer.id if customer else None,
                name=customer.name if customer else "",
                phone=customer.phone_display if customer else "",
                email=customer.email if customer else "",
            ),
            fulfilment=self.fulfilment,
            delivery=AddressDraft(
                recipient=self.ship_name,
                phone=self.ship_phone_display if customer is None or self.ship_phone != customer.phone else "",
                line1=self.ship_line1,
                line2=self.ship_line2,
                city=self.ship_city,
                region=self.ship_region,
                postcode=self.ship_postcode,
                country=self.ship_country,
            ),
            lines=tuple(
                LineDraft(
                    code=line.sku,
                    product_id=line.product_id,
                    qty=str(line.quantity),
                    unit_price="" if not line.price_changed else money(line.unit_price_cents),
                    discount=money(line.discount_cents) if line.discount_cents else "",
                )
                for line in self.lines
            ),
            order_discount=money(self.discount_cents) if self.discount_cents else "",
            shipping_fee=money(self.shipping_cents) if self.shipping_cents else "",
            payment_status=self.payment_status,
            amount_paid=money(self.paid_cents) if self.payment_status == PaymentStatus.PARTLY_PAID else "",
            priority=self.priority,
            due_at=self.due_at,
            notes=self.notes,
            channel=self.channel,
            external_ref=self.external_ref,
        )

    def _money(self, minor: int) -> str:
        return format_money(minor, self.currency, symbol=False).replace(",", "")


@dataclass(frozen=True)
class ConfirmedOrder:
    """What ``orders.confirm`` returns: the order confirmed, without the whole view (for callers that
    do not show the order; ``confirm_order`` returns the ``OrderView``)."""

    id: int
    number: str
    status: str
    updated_at: datetime
    backordered: tuple[str, ...] = ()  # the SKUs confirmed without stock (backorders allowed)


@dataclass(frozen=True)
class BulkConfirmResult:
    confirmed: tuple[str, ...]  # order numbers
    refused: tuple[tuple[str, str], ...]  # (order number, the reason as a sentence)
    cancelled: bool = False  # the user stopped it; the rest were not tried


def order_view(
    session: Session, order: Order, settings: OrderSettings, now: datetime, *, lines: Iterable[OrderLine] | None = None
) -> OrderView:
    """``lines``: the order's lines when the caller has them, current, in this transaction."""
    region = settings.phone_region
    customer = session.get(Customer, order.customer_id) if order.customer_id is not None else None
    events = session.execute(
        select(OrderEvent, User.display_name)
        .join(User, User.id == OrderEvent.user_id)
        .where(OrderEvent.order_id == order.id)
        .order_by(OrderEvent.at, OrderEvent.id)
    ).all()
    if lines is None:
        lines = session.scalars(select(OrderLine).where(OrderLine.order_id == order.id).order_by(OrderLine.line_no))
    return OrderView(
        id=order.id,
        number=order.number,
        external_ref=order.external_ref,
        channel=order.channel,
        status=order.status,
        held_from=order.held_from,
        priority=order.priority,
        fulfilment=order.fulfilment,
        customer=CustomerView.of(customer, region) if customer is not None else None,
        ship_name=order.ship_name,
        ship_phone=order.ship_phone,
        ship_phone_display=display_phone(order.ship_phone, region) if order.ship_phone else "",
        ship_line1=order.ship_line1,
        ship_line2=order.ship_line2,
        ship_city=order.ship_city,
        ship_region=order.ship_region,
        ship_postcode=order.ship_postcode,
        ship_country=order.ship_country,
        currency=order.currency,
        subtotal_cents=order.subtotal_cents,
        discount_cents=order.discount_cents,
        shipping_cents=order.shipping_cents,
        total_cents=order.total_cents,
        payment_status=order.payment_status,
        paid_cents=order.paid_cents,
        carrier=order.carrier,
        tracking_number=order.tracking_number,
        notes=order.notes,
        due_at=order.due_at,
        created_at=order.created_at,
        updated_at=order.updated_at,
        created_by=order.created_by,
        lines=tuple(
            OrderLineView(
                id=line.id,
                line_no=line.line_no,
                product_id=line.product_id,
                sku=line.sku,
                name=line.name,
                quantity=line.quantity,
                unit_price_cents=line.unit_price_cents,
                catalogue_price_cents=line.catalogue_price_cents,
                discount_cents=line.discount_cents,
                total_cents=line.quantity * line.unit_price_cents - line.discount_cents,
                backordered=line.backordered,
            )
            for line in lines
        ),
        timeline=tuple(
            TimelineEntry(
                at=event.at,
                user_id=event.user_id,
                user_name=user_name,
                kind=event.kind,
                from_status=event.from_status,
                to_status=event.to_status,
                detail=event.detail,
            )
            for event, user_name in events
        ),
        overdue=is_overdue(order.status, order.due_at, now),
        actions=allowed_actions(order.status, order.held_from),
    )
