"""Orders: placing, editing, confirming (stock reserved), picking, shipping, delivering, cancelling,
holding, walk-in sales, and the order as the detail view shows it.

API summary (for the order screens; every function takes the ``Database`` and runs its own
transaction, returns frozen dataclasses, and raises an ``OrderAppError`` whose message is a sentence
for the user; ``ValidationFailed.errors`` carry field names as in ``domain.order_validation``):

Form (pure, call on every edit; ``orderapp.domain.order_validation``):
    OrderDraft / CustomerDraft / AddressDraft / LineDraft     what the form holds (text as typed)
    check_draft(draft, catalogue, rules) -> DraftCheck          errors per field, line totals, stock
    left_to_fix(check) -> list[str]                             the short list under Confirm
    field_label("lines[2].qty") -> "Line 3 quantity"
    order_catalogue.catalogue_for(db, draft) -> Catalogue       products the draft names (re-read on line edits)
    order_catalogue.lookup_code(db, code) / find_products(db, text)   scan or type a product; completion
    order_settings.load_order_settings(db).rules() -> DraftRules      currency, phone region, backorders
    customers.find_customers(db, text) / customer_by_phone(db, phone) / create_customer(db, CustomerInput)
    domain.phones.display_phone(text, region)                   reformat a phone when the field is left
    find_possible_duplicate(db, draft) -> str | None           "SO-000123" when the same customer ordered
                                                                the same items within 30 minutes

Drafts (``orderapp.services.order_drafts``): save_draft / list_drafts / load_draft / discard_draft.

Orders:
    place_order(db, draft, user_id=, confirm=False, allow_duplicate=False, draft_id=None) -> OrderView
    update_order(db, order_id, draft, user_id=, confirm=False, expected_updated_at=None, draft_id=None) -> OrderView
    confirm_order(db, order_id, user_id=) -> OrderView          raises OutOfStock (.shortages)
    bulk_confirm(db, order_ids, user_id=, progress=, cancelled=) -> BulkConfirmResult
    start_picking / ship_order(carrier=, tracking_number=) / mark_delivered
    cancel_order(reason=) / hold_order(reason=) / release_order(reason=)
    complete_walk_in(db, draft, user_id=) -> OrderView         stock taken at once, status completed
    get_order(db, order_id) / get_order_by_number(db, "SO-000123") -> OrderView (lines, timeline,
        allowed actions); OrderView.to_draft() gives the draft for editing.

List (``orderapp.services.order_list``): list_orders(db, OrderFilter, after=cursor, limit=) -> OrderPage
    (keyset pages newest first; OrderFilter: statuses, channels, created_from/to, priority,
    overdue_only, search). Start-up: order_search.ensure_search_index(db) in a worker.
Import (``orderapp.services.order_import``): plan_import(db, path, format=, progress=, cancelled=)
    -> ImportPlan (the preview: .orders, .skipped, .problems by row); run_import(db, plan, user_id=,
    progress=, cancelled=) -> ImportResult; template_text() / write_template(path).
Stock (``orderapp.services.stock_ledger``): reserve / release / ship / sell / record_movement,
    inside a write session; order_lifecycle.change_status(session, order, to, user_id=) for others.

Errors: OutOfStock, PossibleDuplicate, OrderNotEditable, ChangedElsewhere, IllegalTransition
(``order_lifecycle``), customers.DuplicateCustomer (offer ``.existing``), ValidationFailed, NotFound.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, joinedload

from orderapp.domain.edit_conflicts import FieldChange
from orderapp.domain.money import format_money
from orderapp.domain.order_numbers import order_id_from_number, order_number
from orderapp.domain.order_status import OPEN_STATUSES, RESERVING_STATUSES, OrderStatus, can_move
from orderapp.domain.order_validation import (
    AddressDraft,
    CustomerDraft,
    DraftCheck,
    Fulfilment,
    LineDraft,
    OrderDraft,
    PaymentStatus,
    check_draft,
)
from orderapp.domain.phones import display_phone
from orderapp.domain.shortages import (
    OrderedUnits,
    Shortage,
    backordered_skus,
    refused,
    reservation_changes,
    shortages,
    units_by_product,
)
from orderapp.errors import FieldError, NotFound, OrderAppError, ValidationFailed
from orderapp.i18n import _
from orderapp.services import stock_ledger
from orderapp.services.customers import CustomerInput, CustomerView, DuplicateCustomer, add_customer, find_by_phone
from orderapp.services.edit_conflicts import EditConflict, conflict_if_changed, order_fields, order_labels
from orderapp.services.exceptions import refuse_if_held
from orderapp.services.exceptions_checks import raise_shortage
from orderapp.services.order_catalogue import catalogue_for_draft
from orderapp.services.order_lifecycle import (
    IllegalTransition,
    change_status,
    record_event,
    record_short_shipment,
    ship_shortages,
    short_ship_reason,
    status_label,
)
from orderapp.services.order_search import refresh_search_rows
from orderapp.services.order_settings import OrderSettings, read_order_settings
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order, OrderEvent, OrderLine, StockMovement, User
from orderapp.store.order_models import OrderDraftRecord
from orderapp.store.types import utc_now

__all__ = [
    "BulkConfirmResult",
    "ChangedElsewhere",
    "IllegalTransition",
    "OrderLineView",
    "OrderNotEditable",
    "OrderView",
    "OutOfStock",
    "PossibleDuplicate",
    "Shortage",
    "TimelineEntry",
    "bulk_confirm",
    "cancel_order",
    "complete_walk_in",
    "confirm_order",
    "find_possible_duplicate",
    "get_order",
    "get_order_by_number",
    "hold_order",
    "mark_delivered",
    "place_order",
    "release_order",
    "ship_order",
    "start_picking",
    "update_order",
]

EDITABLE = frozenset({OrderStatus.RECEIVED, OrderStatus.CONFIRMED})


# --- errors ---------------------------------------------------------------------------------------


class OutOfStock(OrderAppError):
    """Confirming (or selling) needs more than the stock allows, and backorders are off."""

    def __init__(self, number: str, shortages: Sequence[Shortage]) -> None:
        self.number = number
        self.shortages = tuple(shortages)
        parts = [
            _("{name} ({sku}): {available} available, {wanted} wanted").format(
                name=s.name, sku=s.sku, available=max(s.available, 0), wanted=s.wanted
            )
            for s in self.shortages
        ]
        super().__init__(
            _("Not enough stock for order {number}: {parts}. Lower the quantities or wait for stock.").format(
                number=number or _("(new)"), parts="; ".join(parts)
            )
        )


class PossibleDuplicate(OrderAppError):
    """The same customer ordered the same items a few minutes ago: ask before placing it again."""

    def __init__(self, existing_number: str, minutes_ago: int) -> None:
        self.existing_number = existing_number
        self.minutes_ago = minutes_ago
        super().__init__(
            _(
                "This customer ordered the same items {minutes} minutes ago (order {number}). "
                "Place this order as well only if they really want both."
            ).format(minutes=max(minutes_ago, 1), number=existing_number)
        )


class OrderNotEditable(OrderAppError):
    pass


class ChangedElsewhere(EditConflict):
    def __init__(self, message: str, changes: tuple[FieldChange, ...] = (), current: OrderView | None = None) -> None:
        super().__init__(message, changes, current)


# --- views ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrderLineView:
    id: int
    line_no: int
    product_id: int
    sku: str
    name: str
    quantity: int
    unit_price_cents: int
    catalogue_price_cents: int
    discount_cents: int
    total_cents: int
    backordered: bool

    @property
    def price_changed(self) -> bool:
        return self.unit_price_cents != self.catalogue_price_cents


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
class OrderView:
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
    subtotal_cents: int
    discount_cents: int
    shipping_cents: int
    total_cents: int
    payment_status: str
    paid_cents: int
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
        return _holds_stock(self.status, self.held_from)

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
class BulkConfirmResult:
    confirmed: tuple[str, ...]  # order numbers
    refused: tuple[tuple[str, str], ...]  # (order number, the reason as a sentence)
    cancelled: bool = False  # the user stopped it; the rest were not tried


# --- placing and editing --------------------------------------------------------------------------


def place_order(
    database: Database,
    draft: OrderDraft,
    *,
    user_id: int,
    confirm: bool = False,
    allow_duplicate: bool = False,
    draft_id: int | None = None,
    now: datetime | None = None,
) -> OrderView:
    """Check and store a new order (status received), optionally confirming it at once.

    All or nothing: when confirming fails for stock, the order is not stored either (the form
    still has it, and its saved draft). ``draft_id`` names the saved draft this order came from; it
    is removed in the same transaction. Raises ValidationFailed, DuplicateCustomer,
    PossibleDuplicate (unless ``allow_duplicate``), OutOfStock.
    """
    when = now or utc_now()
    with database.session(write=True) as session:
        settings = read_order_settings(session)
        order = _place(session, draft, settings, user_id=user_id, allow_duplicate=allow_duplicate, at=when)
        if confirm:
            _confirm(session, order, settings, user_id=user_id, at=when)
        _discard_draft(session, draft_id)
        session.commit()
        return _view(session, order, settings, when)


def update_order(
    database: Database,
    order_id: int,
    draft: OrderDraft,
    *,
    user_id: int,
    confirm: bool = False,
    expected_updated_at: datetime | None = None,
    expected: OrderView | None = None,
    draft_id: int | None = None,
    now: datetime | None = None,
) -> OrderView:
    """Store the edited order. A confirmed order's reservations follow its new lines atomically:
    extra units are reserved (refused with OutOfStock unless backorders are allowed), fewer units
    are released. ``confirm`` also confirms a received order, in the same transaction: when its stock
    is short nothing is stored (OutOfStock), as with ``place_order``; an order already confirmed or on
    hold is only edited. ``expected`` (the order as the form loaded it) guards against overwriting
    someone else's change: ChangedElsewhere then, with what changed and the order as it is now (an
    ``EditConflict``); ``expected_updated_at`` does the same without saying what changed."""
    when = now or utc_now()
    with database.session(write=True) as session:
        settings = read_order_settings(session)
        order = _lock(session, order_id)
        current = OrderStatus(order.status)
        effective = OrderStatus(order.held_from) if current is OrderStatus.ON_HOLD and order.held_from else current
        if effective not in EDITABLE:
            raise OrderNotEditable(
                _("Order {number} is {status} and can no longer be changed; cancel it and enter a new one.").format(
                    number=order.number, status=status_label(order.status)
                )
            )
        if expected is not None and order.updated_at != expected.updated_at:
            what = _("Order {number}").format(number=order.number)
            current_view = _view(session, order, settings, when)
            conflict_if_changed(what, expected, current_view, order_fields, order_labels(), error=ChangedElsewhere)
        if expected_updated_at is not None and order.updated_at != expected_updated_at:
            raise ChangedElsewhere(
                _(
                    "Order {number} was changed on another PC after you opened it; "
                    "close it and open it again to see the changes (your edits are kept as a draft)."
                ).format(number=order.number)
            )
        holding = _holds_stock(order.status, order.held_from)
        held = _held(session, order.id) if holding else {}
        catalogue = catalogue_for_draft(session, draft)
        check = check_draft(draft, catalogue, settings.rules(held))
        if check.errors:
            raise ValidationFailed(check.errors)
        before_total = order.total_cents
        customer = _customer_for(session, draft, check, settings)
        _apply(order, draft, check, customer, settings)
        _replace_lines(session, order, check, backorders=holding)
        if holding:
            _adjust_reservations(session, order, held, check, settings, user_id=user_id, at=when)
        order.updated_at = when
        detail = _("Edited; total {before} -> {after}").format(
            before=format_money(before_total, order.currency), after=format_money(order.total_cents, order.currency)
        )
        record_event(session, order, user_id=user_id, kind="edit", detail=detail, at=when)
        if confirm and current is OrderStatus.RECEIVED:
            _confirm(session, order, settings, user_id=user_id, at=when)
        session.flush()
        refresh_search_rows(session, [order.id])
        _discard_draft(session, draft_id)
        session.commit()
        return _view(session, order, settings, when)


def find_possible_duplicate(database: Database, draft: OrderDraft, *, now: datetime | None = None) -> str | None:
    """The number of an order by the same customer with the same items placed within the shop's
    duplicate window (30 minutes), or None. The form asks before placing when there is one."""
    when = now or utc_now()
    with database.session() as session:
        settings = read_order_settings(session)
        catalogue = catalogue_for_draft(session, draft)
        check = check_draft(draft, catalogue, settings.rules())
        customer_id = draft.customer.customer_id
        if customer_id is None and check.customer_phone:
            found = find_by_phone(session, check.customer_phone, settings.phone_region)
            customer_id = found.id if found else None
        if customer_id is None:
            return None
        duplicate = _duplicate_of(session, customer_id, _items(check), settings, when)
        return duplicate.number if duplicate is not None else None


def complete_walk_in(
    database: Database, draft: OrderDraft, *, user_id: int, draft_id: int | None = None, now: datetime | None = None
) -> OrderView:
    """A counter sale: stored and completed at once, the units leave the stock now (no packing).

    Refused with OutOfStock when the shelf figures do not cover it, unless backorders are allowed.
    """
    when = now or utc_now()
    walk_in = replace(
        draft, fulfilment=Fulfilment.WALK_IN.value, channel="store" if draft.channel == "phone" else draft.channel
    )
    with database.session(write=True) as session:
        settings = read_order_settings(session)
        order = _place(session, walk_in, settings, user_id=user_id, allow_duplicate=True, at=when)
        short = []
        for product_id, qty in _wanted(order).items():
            if not stock_ledger.sell(
                session,
                product_id,
                qty,
                user_id=user_id,
                order_id=order.id,
                allow_short=settings.allow_backorders,
                reference=order.number,
                at=when,
            ):
                short.append(product_id)
        if refused(short, allow_backorders=settings.allow_backorders):
            raise OutOfStock(order.number, _shortages(session, order, short))
        change_status(session, order, OrderStatus.COMPLETED, user_id=user_id, detail=_("Counter sale"), at=when)
        _discard_draft(session, draft_id)
        session.commit()
        return _view(session, order, settings, when)


# --- the lifecycle ------------------------------------------------------------------------------


def confirm_order(database: Database, order_id: int, *, user_id: int, now: datetime | None = None) -> OrderView:
    """Reserve the order's stock and confirm it, or change nothing and raise OutOfStock.

    Two PCs confirming the last units at once: exactly one succeeds, the other gets OutOfStock.
    """
    when = now or utc_now()
    with database.session(write=True) as session:
        settings = read_order_settings(session)
        order, _customer = _lock_with_lines(session, order_id)
        view = (
            None if settings.allow_backorders else _confirm_at_once(session, order, settings, user_id=user_id, at=when)
        )
        if view is not None:
            session.commit()
            return view
        session.rollback()  # a product is short (or backorders are allowed): go line by line
        order = _lock(session, order_id)
        _confirm(session, order, settings, user_id=user_id, at=when)
        session.commit()
        return _view(session, order, settings, when)


def bulk_confirm(
    database: Database,
    order_ids: Iterable[int],
    *,
    user_id: int,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BulkConfirmResult:
    """Confirm each order whose stock allows it (oldest first, each in its own transaction), and
    list the others with the reason. ``cancelled()`` is asked between orders."""
    ids = list(dict.fromkeys(order_ids))
    with database.session() as session:
        ordered = [row[0] for row in session.execute(select(Order.id).where(Order.id.in_(ids)).order_by(Order.id))]
        numbers = {oid: num for oid, num in session.execute(select(Order.id, Order.number).where(Order.id.in_(ids)))}
    confirmed: list[str] = []
    refused: list[tuple[str, str]] = [
        (str(i), _("There is no order {id}.").format(id=i)) for i in ids if i not in numbers
    ]
    for done, order_id in enumerate(ordered):
        if cancelled is not None and cancelled():
            return BulkConfirmResult(tuple(confirmed), tuple(refused), cancelled=True)
        try:
            confirm_order(database, order_id, user_id=user_id)
        except OrderAppError as exc:
            refused.append((numbers[order_id], str(exc)))
            if isinstance(exc, OutOfStock):  # an out-of-stock exception to follow up (services/exceptions_checks.py)
                raise_shortage(database, order_id, str(exc))
        else:
            confirmed.append(numbers[order_id])
        if progress is not None:
            progress(done + 1, len(ordered))
    return BulkConfirmResult(tuple(confirmed), tuple(refused))


def start_picking(database: Database, order_id: int, *, user_id: int) -> OrderView:
    return _move(database, order_id, OrderStatus.PICKING, user_id=user_id)


def ship_order(
    database: Database,
    order_id: int,
    *,
    carrier: str,
    tracking_number: str,
    user_id: int,
    now: datetime | None = None,
    short_reason: str = "",
) -> OrderView:
    """The packed order leaves: carrier and tracking number recorded, its units leave the stock.

    Units that are not on hand (a count found fewer than were reserved) are refused with
    ``ShortOnHand``, unless the owner ships anyway with ``short_reason``: then on hand goes below
    zero, and the reason is in the ledger rows and on the order's timeline."""
    when = now or utc_now()
    carrier, tracking = " ".join(carrier.split()), "".join(tracking_number.split())
    with database.session(write=True) as session:
        settings = read_order_settings(session)
        order = _lock(session, order_id)
        refuse_if_held(session, order.id, order.number)  # a severe exception is open
        errors = []
        if order.fulfilment == Fulfilment.DELIVERY:
            if not carrier:
                errors.append(FieldError("carrier", _("Enter the carrier, e.g. SF Express.")))
            if not tracking:
                errors.append(FieldError("tracking_number", _("Enter the tracking number from the label.")))
        if len(carrier) > 64:
            errors.append(FieldError("carrier", _("This can be at most {limit} characters.").format(limit=64)))
        if len(tracking) > 64:
            errors.append(FieldError("tracking_number", _("This can be at most {limit} characters.").format(limit=64)))
        if errors:
            raise ValidationFailed(errors)
        if not can_move(OrderStatus(order.status), OrderStatus.SHIPPED):
            raise IllegalTransition(order.number, order.status, OrderStatus.SHIPPED)
        held = _held(session, order.id)
        short = ship_shortages(session, order, short_reason)
        for product_id, qty in _wanted(order).items():
            reserved = held.get(product_id, 0)
            if not stock_ledger.record_movement(
                session,
                product_id,
                "ship",
                -qty,
                -reserved,
                user_id=user_id,
                reason=short_ship_reason(short_reason) if short else "Order shipped",
                reference=order.number,
                order_id=order.id,
                at=when,
                require_on_hand=not short,
            ):
                raise stock_ledger.StockProblem(
                    _("The stock figures of order {number} do not add up; run a stock check.").format(
                        number=order.number
                    )
                )
        if short:
            record_short_shipment(session, order, short, short_reason, user_id=user_id, at=when)
        order.carrier, order.tracking_number = carrier, tracking
        detail = " ".join(part for part in (carrier, tracking) if part)
        change_status(session, order, OrderStatus.SHIPPED, user_id=user_id, detail=detail, at=when)
        session.commit()
        return _view(session, order, settings, when)


def mark_delivered(database: Database, order_id: int, *, user_id: int, detail: str = "") -> OrderView:
    return _move(database, order_id, OrderStatus.DELIVERED, user_id=user_id, detail=detail)


def cancel_order(
    database: Database, order_id: int, *, reason: str, user_id: int, now: datetime | None = None
) -> OrderView:
    """Cancel an order that has not shipped; its reserved stock is released. A reason is required."""
    when = now or utc_now()
    reason = _required_reason(reason)
    with database.session(write=True) as session:
        settings = read_order_settings(session)
        order = _lock(session, order_id)
        if not can_move(OrderStatus(order.status), OrderStatus.CANCELLED):
            raise IllegalTransition(order.number, order.status, OrderStatus.CANCELLED)
        for product_id, qty in _held(session, order.id).items():
            if qty > 0:
                stock_ledger.release(
                    session,
                    product_id,
                    qty,
                    user_id=user_id,
                    order_id=order.id,
                    reference=order.number,
                    reason="Order cancelled",
                    at=when,
                )
        for line in order.lines:
            line.backordered = False
        change_status(session, order, OrderStatus.CANCELLED, user_id=user_id, detail=reason, at=when)
        session.commit()
        return _view(session, order, settings, when)


def hold_order(database: Database, order_id: int, *, reason: str, user_id: int) -> OrderView:
    """Stop work on an order (it keeps any stock it holds); release it later to continue."""
    return _move(database, order_id, OrderStatus.ON_HOLD, user_id=user_id, detail=_required_reason(reason))


def release_order(database: Database, order_id: int, *, reason: str, user_id: int) -> OrderView:
    """Take the order off hold: it goes back to the status it had."""
    reason = _required_reason(reason)
    with database.session() as session:
        order = session.get(Order, order_id)
        if order is None:
            raise _no_order(order_id)
        back = OrderStatus(order.held_from or OrderStatus.RECEIVED)
        if order.status != OrderStatus.ON_HOLD:
            raise IllegalTransition(order.number, order.status, back)
    return _move(database, order_id, back, user_id=user_id, detail=reason)


# --- reading ------------------------------------------------------------------------------------


def get_order(database: Database, order_id: int, *, now: datetime | None = None) -> OrderView:
    with database.session() as session:
        order = session.get(Order, order_id)
        if order is None:
            raise _no_order(order_id)
        return _view(session, order, read_order_settings(session), now or utc_now())


def get_order_by_number(database: Database, number: str) -> OrderView:
    """By "SO-000123" (also "so000123", "123") or an external number such as Shopify's "#1001"."""
    with database.session() as session:
        text = number.strip()
        found = session.scalars(select(Order).where(Order.number == text.upper())).first()
        if found is None:
            order_id = order_id_from_number(text)
            found = session.get(Order, order_id) if order_id is not None else None
        if found is None and text:
            found = session.scalars(select(Order).where(Order.external_ref == text).order_by(Order.id.desc())).first()
        if found is None:
            raise NotFound(_("There is no order {number}; check the number.").format(number=text))
        return _view(session, found, read_order_settings(session), utc_now())


# --- inside a transaction -----------------------------------------------------------------------


def confirm_in(session: Session, order: Order, *, user_id: int, at: datetime | None = None) -> None:
    """Confirm ``order`` in the caller's write transaction (an exchange's replacement order; see
    ``confirm_order``). Does NOT commit."""
    _confirm(session, order, read_order_settings(session), user_id=user_id, at=at or utc_now())


def place_in(session: Session, draft: OrderDraft, *, user_id: int, at: datetime | None = None) -> Order:
    """Check and store a new order (status received) in the caller's write transaction, e.g. an
    exchange's replacement order (see ``place_order``). Does NOT commit."""
    settings = read_order_settings(session)
    return _place(session, draft, settings, user_id=user_id, allow_duplicate=True, at=at or utc_now())


def _place(
    session: Session, draft: OrderDraft, settings: OrderSettings, *, user_id: int, allow_duplicate: bool, at: datetime
) -> Order:
    catalogue = catalogue_for_draft(session, draft)
    check = check_draft(draft, catalogue, settings.rules())
    if check.errors:
        raise ValidationFailed(check.errors)
    customer = _customer_for(session, draft, check, settings)
    if customer is not None and not allow_duplicate:
        existing = _duplicate_of(session, customer.id, _items(check), settings, at)
        if existing is not None:
            raise PossibleDuplicate(existing.number, int((at - existing.placed_at).total_seconds() // 60))
    order = Order(
        number="NEW-" + uuid.uuid4().hex[:16],  # unique until the id is known, a moment later
        currency=settings.currency,
        created_at=at,
        updated_at=at,
        created_by=user_id,
        status=OrderStatus.RECEIVED.value,
    )
    _apply(order, draft, check, customer, settings)
    session.add(order)
    session.flush()
    order.number = order_number(order.id)
    _replace_lines(session, order, check, backorders=False)
    session.add(
        OrderEvent(
            order=order,
            at=at,
            user_id=user_id,
            kind="status",
            from_status=None,
            to_status=OrderStatus.RECEIVED.value,
            detail=_channel_detail(order.channel),
        )
    )
    session.flush()
    refresh_search_rows(session, [order.id])
    return order


def _confirm(session: Session, order: Order, settings: OrderSettings, *, user_id: int, at: datetime) -> None:
    current = OrderStatus(order.status)
    if not can_move(current, OrderStatus.CONFIRMED) or current is OrderStatus.ON_HOLD:
        raise IllegalTransition(order.number, current, OrderStatus.CONFIRMED)
    if not order.lines:
        raise ValidationFailed([FieldError("lines", _("Add at least one product before confirming."))])
    short: list[int] = []
    for product_id, qty in _wanted(order).items():
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
        raise OutOfStock(order.number, _shortages(session, order, short))
    for line in order.lines:
        line.backordered = line.product_id in short
    skus = backordered_skus(_units(order), short)
    detail = _("Backordered: {skus}").format(skus=", ".join(skus)) if short else ""
    change_status(session, order, OrderStatus.CONFIRMED, user_id=user_id, detail=detail, at=at)


def _confirm_at_once(
    session: Session, order: Order, settings: OrderSettings, *, user_id: int, at: datetime
) -> OrderView | None:
    """The common case of confirming, in as few statements (round trips to a server) as can be: the
    status and timeline, the view, then every line's reservation at once, last, so that the hot
    products' rows stay locked only until the commit just after. None when a product is short (or
    the order cannot be confirmed); the caller then rolls back and goes line by line (``_confirm``)."""
    current = OrderStatus(order.status)
    if not order.lines or current is OrderStatus.ON_HOLD or not can_move(current, OrderStatus.CONFIRMED):
        return None
    change_status(session, order, OrderStatus.CONFIRMED, user_id=user_id, at=at)
    view = _view(session, order, settings, at, lines=order.lines)
    reserved = stock_ledger.reserve_all(
        session, _wanted(order), user_id=user_id, order_id=order.id, reference=order.number, at=at
    )
    return view if reserved else None


def _move(
    database: Database, order_id: int, to: OrderStatus, *, user_id: int, detail: str = "", now: datetime | None = None
) -> OrderView:
    when = now or utc_now()
    with database.session(write=True) as session:
        settings = read_order_settings(session)
        order = _lock(session, order_id)
        change_status(session, order, to, user_id=user_id, detail=detail, at=when)
        session.commit()
        return _view(session, order, settings, when)


def _lock(session: Session, order_id: int) -> Order:
    """The order, locked against other writers until commit (PostgreSQL row lock; SQLite's write
    transaction already excludes them)."""
    order = session.scalars(select(Order).where(Order.id == order_id).with_for_update()).first()
    if order is None:
        raise _no_order(order_id)
    return order


def _lock_with_lines(session: Session, order_id: int) -> tuple[Order, Customer | None]:
    """``_lock``, with the order's lines and customer in the same statement (one round trip instead
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
        raise _no_order(order_id)
    return found[0], found[1]


def _no_order(order_id: int) -> NotFound:
    return NotFound(_("Order {id} does not exist; it may have been removed.").format(id=order_id))


def _holds_stock(status: str, held_from: str | None) -> bool:
    if status == OrderStatus.ON_HOLD:
        return held_from in RESERVING_STATUSES
    return status in RESERVING_STATUSES


def _held(session: Session, order_id: int) -> dict[int, int]:
    """What the order holds reserved, per product, according to the ledger."""
    rows = session.execute(
        select(StockMovement.product_id, func.sum(StockMovement.reserved_delta))
        .where(StockMovement.order_id == order_id)
        .group_by(StockMovement.product_id)
    )
    return dict(sorted((pid, int(total)) for pid, total in rows if total))


def _units(order: Order) -> list[OrderedUnits]:
    return [OrderedUnits(line.product_id, line.sku, line.name, line.quantity) for line in order.lines]


def _wanted(order: Order) -> dict[int, int]:
    return units_by_product((line.product_id, line.quantity) for line in order.lines)


def _items(check: DraftCheck) -> dict[int, int]:
    return units_by_product(
        (line.item.product_id, line.qty) for line in check.lines if line.item is not None and line.qty is not None
    )


def _shortages(session: Session, order: Order, product_ids: Sequence[int]) -> list[Shortage]:
    figures = stock_ledger.figures(session, product_ids)
    held = _held(session, order.id) if order.id is not None else {}
    available = {pid: figure.available for pid, figure in figures.items()}
    return shortages(_units(order), product_ids, available=available, held=held)


class _PlacedBefore(NamedTuple):
    number: str
    placed_at: datetime


def _duplicate_of(
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


def _customer_for(session: Session, draft: OrderDraft, check: DraftCheck, settings: OrderSettings) -> Customer | None:
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


def _apply(
    order: Order, draft: OrderDraft, check: DraftCheck, customer: Customer | None, settings: OrderSettings
) -> None:
    """Copy the checked draft onto the order (not its lines)."""
    address = draft.delivery
    delivery = draft.fulfilment == Fulfilment.DELIVERY
    customer_name = customer.name if customer is not None else " ".join(draft.customer.name.split())
    order.customer_id = customer.id if customer is not None else None
    order.fulfilment = draft.fulfilment
    order.channel = draft.channel.strip()
    order.external_ref = draft.external_ref.strip()
    order.priority = draft.priority
    order.ship_name = " ".join(address.recipient.split()) or customer_name
    order.ship_phone = check.delivery_phone or check.customer_phone or (customer.phone if customer else "")
    order.ship_line1 = address.line1.strip() if delivery else ""
    order.ship_line2 = address.line2.strip() if delivery else ""
    order.ship_city = address.city.strip() if delivery else ""
    order.ship_region = address.region.strip() if delivery else ""
    order.ship_postcode = check.postcode if delivery else ""
    order.ship_country = check.country if delivery else ""
    order.subtotal_cents = check.subtotal_cents
    order.discount_cents = check.discount_cents
    order.shipping_cents = check.shipping_cents
    order.total_cents = check.total_cents
    order.payment_status = draft.payment_status
    order.paid_cents = check.paid_cents
    order.notes = draft.notes
    order.due_at = draft.due_at


def _replace_lines(session: Session, order: Order, check: DraftCheck, *, backorders: bool) -> None:
    """Make the order's lines those of the check, keeping the ids of lines that stay (in place)."""
    existing = list(order.lines)
    for position, line_check in enumerate(check.lines):
        item = line_check.item
        assert item is not None and line_check.qty is not None and line_check.unit_price_cents is not None
        line = existing[position] if position < len(existing) else OrderLine(order=order)
        line.line_no = position + 1
        line.product_id = item.product_id
        line.sku = item.sku
        line.name = item.name
        line.quantity = line_check.qty
        line.unit_price_cents = line_check.unit_price_cents
        line.catalogue_price_cents = item.price_cents
        line.discount_cents = line_check.discount_cents
        line.backordered = backorders and line_check.short
        if position >= len(existing):
            session.add(line)
    for extra in existing[len(check.lines) :]:
        order.lines.remove(extra)
        session.delete(extra)


def _adjust_reservations(
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
    for product_id, delta in reservation_changes(held, _items(check)):
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
        raise OutOfStock(order.number, _shortages(session, order, short))


def _discard_draft(session: Session, draft_id: int | None) -> None:
    if draft_id is not None:
        session.execute(delete(OrderDraftRecord).where(OrderDraftRecord.id == draft_id))


def _required_reason(reason: str) -> str:
    text = " ".join(reason.split())
    if not text:
        raise ValidationFailed([FieldError("reason", _("Enter a reason; it is kept in the order's timeline."))])
    if len(text) > 500:
        raise ValidationFailed([FieldError("reason", _("This can be at most {limit} characters.").format(limit=500))])
    return text


def _channel_detail(channel: str) -> str:
    return {
        "phone": _("Phone order"),
        "web": _("Web order"),
        "store": _("In the shop"),
        "shopify": _("Imported from Shopify"),
        "import": _("Imported"),
    }.get(channel, channel)


def _actions(order: Order) -> frozenset[str]:
    status = OrderStatus(order.status)
    effective = OrderStatus(order.held_from) if status is OrderStatus.ON_HOLD and order.held_from else status
    actions = set()
    if effective in EDITABLE:
        actions.add("edit")
    if status is OrderStatus.RECEIVED:
        actions.add("confirm")
    if status is OrderStatus.CONFIRMED:
        actions.add("pick")
    if status is OrderStatus.PACKED:
        actions.add("ship")
    if status is OrderStatus.SHIPPED:
        actions.add("deliver")
    if can_move(status, OrderStatus.CANCELLED):
        actions.add("cancel")
    if can_move(status, OrderStatus.ON_HOLD):
        actions.add("hold")
    if status is OrderStatus.ON_HOLD:
        actions.add("release")
    return frozenset(actions)


def is_overdue(status: str, due_at: datetime | None, now: datetime) -> bool:
    return due_at is not None and due_at < now and status in OPEN_STATUSES


def _view(
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
        actions=_actions(order),
    )
