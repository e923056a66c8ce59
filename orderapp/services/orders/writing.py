"""Writing orders inside the caller's write transaction: placing a checked draft, confirming with
reservations, locking, the customer, the lines and the reservations of an edit. Nothing here commits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import NamedTuple, cast

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.attributes import set_committed_value

from orderapp.domain.order_numbers import order_number
from orderapp.domain.order_status import OrderStatus, can_move
from orderapp.domain.order_validation import AddressDraft, DraftCheck, Fulfilment, OrderDraft, check_draft
from orderapp.domain.shortages import (
    OrderedUnits,
    Shortage,
    backordered_skus,
    refused,
    reservation_changes,
    shortages,
    units_by_product,
)
from orderapp.errors import FieldError, NotFound, ValidationFailed
from orderapp.i18n import _
from orderapp.services.customers.lookup import (
    CustomerInput,
    CustomerView,
    DuplicateCustomer,
    add_customer,
    find_by_phone,
)
from orderapp.services.orders.errors import OutOfStock, PossibleDuplicate
from orderapp.services.orders.lifecycle import IllegalTransition, change_status
from orderapp.services.orders.products_for_orders import catalogue_for_draft
from orderapp.services.orders.search import refresh_search_rows
from orderapp.services.settings.orders import OrderSettings, read_order_settings
from orderapp.services.staff import audit_entries as staff_audit
from orderapp.services.stock import ledger as stock_ledger
from orderapp.store.bulk_rows import BulkRows
from orderapp.store.models import Customer, Order, OrderEvent, OrderLine, StockMovement
from orderapp.store.order_models import OrderDraftRecord
from orderapp.store.order_rows import SHIP_TO_COLUMNS, LineFigures, OrderFigures, OrderRows, ShipTo
from orderapp.store.types import utc_now


def confirm_in(session: Session, order: Order, *, user_id: int, at: datetime | None = None) -> None:
    """Confirm ``order`` in the caller's write transaction (an exchange's replacement order; see
    ``confirm_order``). Does NOT commit."""
    confirm_reserving(session, order, read_order_settings(session), user_id=user_id, at=at or utc_now())


def place_in(session: Session, draft: OrderDraft, *, user_id: int, at: datetime | None = None) -> Order:
    """Check and store a new order (status received) in the caller's write transaction, e.g. an
    exchange's replacement order (see ``place_order``). Does NOT commit."""
    settings = read_order_settings(session)
    return place_draft(session, draft, settings, user_id=user_id, allow_duplicate=True, at=at or utc_now())


def place_draft(
    session: Session, draft: OrderDraft, settings: OrderSettings, *, user_id: int, allow_duplicate: bool, at: datetime
) -> Order:
    catalogue = catalogue_for_draft(session, draft)
    check = check_draft(draft, catalogue, settings.rules())
    if check.errors:
        raise ValidationFailed(check.errors)
    customer = customer_for(session, draft, check, settings)
    if customer is not None and not allow_duplicate:
        existing = duplicate_of(session, customer.id, draft_units(check), settings, at)
        if existing is not None:
            raise PossibleDuplicate(existing.number, int((at - existing.placed_at).total_seconds() // 60))
    session.flush()  # a customer just added has its id; the rows below go past the ORM
    header = draft_header(draft, check, customer)
    rows = OrderRows(BulkRows(session.connection(), at))
    (order_id,) = rows.ids(1)  # PostgreSQL: from the sequence; SQLite: after the highest, under the write lock
    rows.write(
        [
            rows.order(
                id=order_id,
                number=order_number(order_id),
                external_ref=header.external_ref,
                customer_id=header.customer_id,
                channel=header.channel,
                status=OrderStatus.RECEIVED.value,
                priority=header.priority,
                fulfilment=header.fulfilment,
                ship_to=header.ship_to,
                currency=settings.currency,
                figures=header.figures,
                notes=header.notes,
                due_at=header.due_at,
                created_at=at,
                updated_at=at,
                created_by=user_id,
            )
        ],
        [
            rows.line(order_id=order_id, line_no=line_no, figures=figures)
            for line_no, (figures, _short) in enumerate(checked_lines(check), start=1)
        ],
        [
            rows.event(
                order_id=order_id,
                at=at,
                user_id=user_id,
                to_status=OrderStatus.RECEIVED.value,
                detail=channel_detail(header.channel),
            )
        ],
    )
    refresh_search_rows(session, [order_id])
    order = session.get(Order, order_id)
    assert order is not None
    return order


def confirm_reserving(session: Session, order: Order, settings: OrderSettings, *, user_id: int, at: datetime) -> None:
    current = OrderStatus(order.status)
    if not can_move(current, OrderStatus.CONFIRMED) or current is OrderStatus.ON_HOLD:
        raise IllegalTransition(order.number, current, OrderStatus.CONFIRMED)
    if not order.lines:
        raise ValidationFailed([FieldError("lines", _("Add at least one product before confirming."))])
    short: list[int] = []
    for product_id, qty in wanted_units(order).items():
        covered = stock_ledger.reserve(
            session,
            product_id,
            qty,
            user_id=user_id,
            order_id=order.id,
            allow_backorder=settings.allow_backorders,
            reference=order.number,
            at=at,
        )
        if not covered:
            short.append(product_id)
    if refused(short, allow_backorders=settings.allow_backorders):
        raise OutOfStock(order.number, order_shortages(session, order, short))
    for line in order.lines:
        line.backordered = line.product_id in short
    skus = backordered_skus(ordered_units(order), short)
    detail = _("Backordered: {skus}").format(skus=", ".join(skus)) if short else ""
    change_status(session, order, OrderStatus.CONFIRMED, user_id=user_id, detail=detail, at=at)


class ToConfirm(NamedTuple):
    """An order as confirming needs it: read and locked in one statement (``lock_for_confirm``)."""

    number: str
    status: str
    wanted: dict[int, int]  # product id -> units, over every line

    @property
    def at_once(self) -> bool:
        """Whether ``confirm_at_once`` may try it; else only ``confirm_reserving`` can say why not."""
        return self.status == OrderStatus.RECEIVED and bool(self.wanted)


def lock_for_confirm(session: Session, order_id: int) -> ToConfirm:
    """The order's number, status and units per product, the order locked against other writers
    until commit (as ``lock_order``), in one statement and without loading ORM objects."""
    rows = session.execute(
        select(_ORDERS.c.number, _ORDERS.c.status, _LINES.c.product_id, _LINES.c.quantity)
        .select_from(_ORDERS.outerjoin(_LINES, _LINES.c.order_id == _ORDERS.c.id))
        .where(_ORDERS.c.id == order_id)
        .with_for_update(of=_ORDERS)
    ).all()
    if not rows:
        raise no_order(order_id)
    wanted = units_by_product((pid, qty) for _number, _status, pid, qty in rows if pid is not None)
    return ToConfirm(str(rows[0].number), str(rows[0].status), wanted)


def confirm_at_once(
    session: Session, order_id: int, to_confirm: ToConfirm, *, user_id: int, at: datetime, order: Order | None = None
) -> bool:
    """The common case of confirming (a received order whose every product is available), in as few
    statements (round trips to a server) as can be, and without the ORM's unit of work: the status,
    the timeline row, then every line's reservation at once, last, so that the hot products' rows
    stay locked only until the commit just after. The same rows as ``confirm_reserving``.

    False when a product is short: the caller must then roll back and go line by line
    (``confirm_reserving``, which also says why an order cannot be confirmed). ``order``: the order's
    object when the session holds it (kept in step with what was written). Does NOT commit."""
    if not to_confirm.at_once:
        return False
    mark_confirmed(session, order_id, to_confirm.number, user_id=user_id, at=at, order=order)
    return stock_ledger.reserve_all(
        session, to_confirm.wanted, user_id=user_id, order_id=order_id, reference=to_confirm.number, at=at
    )


def mark_confirmed(
    session: Session, order_id: int, number: str, *, user_id: int, at: datetime, order: Order | None = None
) -> None:
    """``change_status`` from received to confirmed (no detail) in two Core statements: the same order
    row and timeline row as that writes. Only for an order locked and seen received. Does NOT commit."""
    received, confirmed = OrderStatus.RECEIVED.value, OrderStatus.CONFIRMED.value
    session.execute(_CONFIRM_ORDER, {"o_id": order_id, "o_updated_at": at})
    session.execute(
        _INSERT_EVENT,
        {
            "order_id": order_id,
            "at": at,
            "user_id": user_id,
            "kind": "status",
            "from_status": received,
            "to_status": confirmed,
            "detail": "",
        },
    )
    staff_audit.order_status(session, user_id, number, received, confirmed, "status", "")
    if order is not None:  # the session's object shows what the row now holds (nothing left to flush)
        set_committed_value(order, "status", confirmed)
        set_committed_value(order, "updated_at", at)


_ORDERS = cast(Table, Order.__table__)
_LINES = cast(Table, OrderLine.__table__)
_CONFIRM_ORDER = (
    update(_ORDERS)
    .where(_ORDERS.c.id == bindparam("o_id"))
    .values(status=OrderStatus.CONFIRMED.value, updated_at=bindparam("o_updated_at"))
)
_INSERT_EVENT = cast(Table, OrderEvent.__table__).insert()


def lock_order(session: Session, order_id: int) -> Order:
    """The order, locked against other writers until commit (PostgreSQL row lock; SQLite's write
    transaction already excludes them)."""
    order = session.scalars(select(Order).where(Order.id == order_id).with_for_update()).first()
    if order is None:
        raise no_order(order_id)
    return order


def lock_with_lines(session: Session, order_id: int) -> tuple[Order, Customer | None]:
    """``lock_order``, with the order's lines and customer in the same statement (one round trip instead
    of three). Keep the customer while the session needs it: the session holds it only weakly."""
    found = (
        session.execute(
            select(Order, Customer)
            .outerjoin(Customer, Customer.id == Order.customer_id)
            .where(Order.id == order_id)
            .options(joinedload(Order.lines))
            .with_for_update(of=Order)
        )
        .unique()
        .first()
    )
    if found is None:
        raise no_order(order_id)
    return found[0], found[1]


def no_order(order_id: int) -> NotFound:
    return NotFound(_("Order {id} does not exist; it may have been removed.").format(id=order_id))


def held_stock(session: Session, order_id: int) -> dict[int, int]:
    """What the order holds reserved, per product, according to the ledger."""
    rows = session.execute(
        select(StockMovement.product_id, func.sum(StockMovement.reserved_delta))
        .where(StockMovement.order_id == order_id)
        .group_by(StockMovement.product_id)
    )
    return dict(sorted((pid, int(total)) for pid, total in rows if total))


def ordered_units(order: Order) -> list[OrderedUnits]:
    return [OrderedUnits(line.product_id, line.sku, line.name, line.quantity) for line in order.lines]


def wanted_units(order: Order) -> dict[int, int]:
    return units_by_product((line.product_id, line.quantity) for line in order.lines)


def draft_units(check: DraftCheck) -> dict[int, int]:
    return units_by_product(
        (line.item.product_id, line.qty) for line in check.lines if line.item is not None and line.qty is not None
    )


def order_shortages(session: Session, order: Order, product_ids: Sequence[int]) -> list[Shortage]:
    figures = stock_ledger.figures(session, product_ids)
    held = held_stock(session, order.id) if order.id is not None else {}
    available = {pid: figure.available for pid, figure in figures.items()}
    return shortages(ordered_units(order), product_ids, available=available, held=held)


class _PlacedBefore(NamedTuple):
    number: str
    placed_at: datetime


def duplicate_of(
    session: Session, customer_id: int, items: dict[int, int], settings: OrderSettings, at: datetime
) -> _PlacedBefore | None:
    """The newest order by this customer with exactly these items (product and units) placed within
    the duplicate window and not cancelled."""
    if settings.duplicate_window_minutes <= 0 or not items:
        return None
    since = at - timedelta(minutes=settings.duplicate_window_minutes)
    recent = session.execute(
        select(Order.id, Order.number, Order.created_at)
        .where(Order.customer_id == customer_id, Order.created_at >= since, Order.status != OrderStatus.CANCELLED)
        .order_by(Order.created_at.desc())
    ).all()
    for order_id, number, placed_at in recent:
        lines: dict[int, int] = {}
        for product_id, qty in session.execute(
            select(OrderLine.product_id, OrderLine.quantity).where(OrderLine.order_id == order_id)
        ):
            lines[product_id] = lines.get(product_id, 0) + qty
        if lines == items:
            return _PlacedBefore(str(number), placed_at)
    return None


def customer_for(session: Session, draft: OrderDraft, check: DraftCheck, settings: OrderSettings) -> Customer | None:
    """The order's customer: the one picked (missing details filled in), or a new one; never a
    second customer for a phone number that already has one (DuplicateCustomer offers it)."""
    given = draft.customer
    region = settings.phone_region
    if given.customer_id is not None:
        customer = session.get(Customer, given.customer_id)
        if customer is None:
            raise ValidationFailed(
                [
                    FieldError(
                        "customer.name", _("The chosen customer no longer exists; pick or enter the customer again.")
                    )
                ]
            )
        if check.customer_phone and check.customer_phone != customer.phone:
            other = find_by_phone(session, check.customer_phone, region)
            if other is not None and other.id != customer.id:
                raise DuplicateCustomer(CustomerView.of(other, region))
            if not customer.phone:
                customer.phone = check.customer_phone
        if given.email.strip() and not customer.email:
            customer.email = given.email.strip()
        return customer
    if not given.name.strip():
        return None
    address = draft.delivery if draft.fulfilment == Fulfilment.DELIVERY else AddressDraft()
    return add_customer(
        session,
        CustomerInput(
            name=given.name,
            phone=check.customer_phone,
            email=given.email,
            address_line1=address.line1,
            address_line2=address.line2,
            city=address.city,
            region=address.region,
            postcode=check.postcode if address.line1.strip() else "",
            country=check.country if address.line1.strip() else "",
        ),
        region,
    )


@dataclass(frozen=True)
class DraftHeader:
    """What a checked draft puts on its order (not its lines): the same for a new order and an edit."""

    customer_id: int | None
    fulfilment: str
    channel: str
    external_ref: str
    priority: str
    ship_to: ShipTo
    figures: OrderFigures
    notes: str
    due_at: datetime | None


def draft_header(draft: OrderDraft, check: DraftCheck, customer: Customer | None) -> DraftHeader:
    address = draft.delivery
    delivery = draft.fulfilment == Fulfilment.DELIVERY
    customer_name = customer.name if customer is not None else " ".join(draft.customer.name.split())
    ship_to = ShipTo(
        " ".join(address.recipient.split()) or customer_name,
        check.delivery_phone or check.customer_phone or (customer.phone if customer else ""),
        *(
            (address.line1.strip(), address.line2.strip(), address.city.strip(), address.region.strip())
            if delivery
            else ("", "", "", "")
        ),
        check.postcode if delivery else "",
        check.country if delivery else "",
    )
    return DraftHeader(
        customer.id if customer is not None else None,
        str(draft.fulfilment),
        draft.channel.strip(),
        draft.external_ref.strip(),
        str(draft.priority),
        ship_to,
        OrderFigures(
            check.subtotal_cents,
            check.discount_cents,
            check.shipping_cents,
            check.total_cents,
            str(draft.payment_status),
            check.paid_cents,
        ),
        draft.notes,
        draft.due_at,
    )


def apply_draft(
    order: Order, draft: OrderDraft, check: DraftCheck, customer: Customer | None, settings: OrderSettings
) -> None:
    """Copy the checked draft onto the order (not its lines)."""
    header = draft_header(draft, check, customer)
    order.customer_id = header.customer_id
    order.fulfilment = header.fulfilment
    order.channel = header.channel
    order.external_ref = header.external_ref
    order.priority = header.priority
    for column, value in zip(SHIP_TO_COLUMNS, header.ship_to.values(), strict=True):
        setattr(order, column, value)
    for field in fields(OrderFigures):
        setattr(order, field.name, getattr(header.figures, field.name))
    order.notes = header.notes
    order.due_at = header.due_at


def checked_lines(check: DraftCheck) -> list[tuple[LineFigures, bool]]:
    """The checked draft's lines as their figures, and whether each is short of stock."""
    lines = []
    for line_check in check.lines:
        item = line_check.item
        assert item is not None and line_check.qty is not None and line_check.unit_price_cents is not None
        figures = LineFigures(
            item.product_id,
            item.sku,
            item.name,
            line_check.qty,
            line_check.unit_price_cents,
            item.price_cents,
            line_check.discount_cents,
        )
        lines.append((figures, line_check.short))
    return lines


def replace_lines(session: Session, order: Order, check: DraftCheck, *, backorders: bool) -> None:
    """Make the order's lines those of the check, keeping the ids of lines that stay (in place)."""
    existing = list(order.lines)
    for position, (figures, short) in enumerate(checked_lines(check)):
        line = existing[position] if position < len(existing) else OrderLine(order=order)
        line.line_no = position + 1
        for field in fields(LineFigures):
            setattr(line, field.name, getattr(figures, field.name))
        line.backordered = backorders and short
        if position >= len(existing):
            session.add(line)
    for extra in existing[len(check.lines) :]:
        order.lines.remove(extra)
        session.delete(extra)


def adjust_reservations(
    session: Session,
    order: Order,
    held: dict[int, int],
    check: DraftCheck,
    settings: OrderSettings,
    *,
    user_id: int,
    at: datetime,
) -> None:
    short: list[int] = []
    for product_id, delta in reservation_changes(held, draft_units(check)):
        if delta > 0:
            covered = stock_ledger.reserve(
                session,
                product_id,
                delta,
                user_id=user_id,
                order_id=order.id,
                allow_backorder=settings.allow_backorders,
                reference=order.number,
                reason="Order edited",
                at=at,
            )
            if not covered:
                short.append(product_id)
        else:
            stock_ledger.release(
                session,
                product_id,
                -delta,
                user_id=user_id,
                order_id=order.id,
                reference=order.number,
                reason="Order edited",
                at=at,
            )
    if refused(short, allow_backorders=settings.allow_backorders):
        raise OutOfStock(order.number, order_shortages(session, order, short))


def delete_draft_record(session: Session, draft_id: int | None) -> None:
    if draft_id is not None:
        session.execute(delete(OrderDraftRecord).where(OrderDraftRecord.id == draft_id))


def channel_detail(channel: str) -> str:
    return {
        "phone": _("Phone order"),
        "web": _("Web order"),
        "store": _("In the shop"),
        "shopify": _("Imported from Shopify"),
        "import": _("Imported"),
    }.get(channel, channel)
