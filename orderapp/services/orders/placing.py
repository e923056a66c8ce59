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

Drafts (``orderapp.services.orders.drafts``): save_draft / list_drafts / load_draft / discard_draft.

Orders:
    place_order(db, draft, user_id=, confirm=False, allow_duplicate=False, draft_id=None) -> OrderView
    update_order(db, order_id, draft, user_id=, confirm=False, expected_updated_at=None, draft_id=None) -> OrderView
    confirm_order(db, order_id, user_id=) -> OrderView          raises OutOfStock (.shortages)
    confirm(db, order_id, user_id=) -> ConfirmedOrder           the same, without the view (detail, bulk)
    bulk_confirm(db, order_ids, user_id=, progress=, cancelled=) -> BulkConfirmResult
    start_picking / ship_order(carrier=, tracking_number=) / mark_delivered
    cancel_order(reason=) / hold_order(reason=) / release_order(reason=)
    complete_walk_in(db, draft, user_id=) -> OrderView         stock taken at once, status completed
    get_order(db, order_id) / get_order_by_number(db, "SO-000123") -> OrderView (lines, timeline,
        allowed actions); OrderView.to_draft() gives the draft for editing.

List (``orderapp.services.orders.listing``): list_orders(db, OrderFilter, after=cursor, limit=) -> OrderPage
    (keyset pages newest first; OrderFilter: statuses, channels, created_from/to, priority,
    overdue_only, search). Start-up: order_search.ensure_search_index(db) in a worker.
Import (``orderapp.services.orders.importing``): plan_import(db, path, format=, progress=, cancelled=)
    -> ImportPlan (the preview: .orders, .skipped, .problems by row); run_import(db, plan, user_id=,
    progress=, cancelled=) -> ImportResult; template_text() / write_template(path).
Stock (``orderapp.services.stock.ledger``): reserve / release / ship / sell / record_movement,
    inside a write session; order_lifecycle.change_status(session, order, to, user_id=) for others.

Errors: OutOfStock, PossibleDuplicate, OrderNotEditable, ChangedElsewhere, IllegalTransition
(``order_lifecycle``), customers.DuplicateCustomer (offer ``.existing``), ValidationFailed, NotFound.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select

from orderapp.domain.money import format_money
from orderapp.domain.order_actions import EDITABLE, holds_stock, required_reason
from orderapp.domain.order_numbers import order_id_from_number
from orderapp.domain.order_status import OrderStatus, can_move
from orderapp.domain.order_validation import Fulfilment, OrderDraft, check_draft
from orderapp.domain.shortages import Shortage, refused
from orderapp.errors import FieldError, NotFound, OrderAppError, ValidationFailed
from orderapp.i18n import _
from orderapp.services.aftersales.exception_checks import raise_shortage
from orderapp.services.aftersales.exceptions import refuse_if_held
from orderapp.services.customers.lookup import find_by_phone
from orderapp.services.orders.errors import ChangedElsewhere, OrderNotEditable, OutOfStock, PossibleDuplicate
from orderapp.services.orders.lifecycle import (
    IllegalTransition,
    change_status,
    record_event,
    record_short_shipment,
    ship_shortages,
    short_ship_reason,
    status_label,
)
from orderapp.services.orders.products_for_orders import catalogue_for_draft
from orderapp.services.orders.search import refresh_search_rows
from orderapp.services.orders.views import (
    BulkConfirmResult,
    ConfirmedOrder,
    OrderLineView,
    OrderView,
    TimelineEntry,
    order_view,
)
from orderapp.services.orders.writing import (
    ToConfirm,
    adjust_reservations,
    apply_draft,
    confirm_at_once,
    confirm_reserving,
    customer_for,
    delete_draft_record,
    draft_units,
    duplicate_of,
    held_stock,
    lock_for_confirm,
    lock_order,
    lock_with_lines,
    mark_confirmed,
    no_order,
    order_shortages,
    place_draft,
    replace_lines,
    wanted_units,
)
from orderapp.services.settings.orders import read_order_settings
from orderapp.services.shop.edit_conflicts import conflict_if_changed, order_fields, order_labels
from orderapp.services.stock import ledger as stock_ledger
from orderapp.store.database import Database
from orderapp.store.models import Order
from orderapp.store.types import utc_now

__all__ = [
    "BulkConfirmResult",
    "ChangedElsewhere",
    "ConfirmedOrder",
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
    "confirm",
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
        order = place_draft(session, draft, settings, user_id=user_id, allow_duplicate=allow_duplicate, at=when)
        if confirm:
            confirm_reserving(session, order, settings, user_id=user_id, at=when)
        delete_draft_record(session, draft_id)
        session.commit()
        return order_view(session, order, settings, when)


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
        order = lock_order(session, order_id)
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
            current_view = order_view(session, order, settings, when)
            conflict_if_changed(what, expected, current_view, order_fields, order_labels(), error=ChangedElsewhere)
        if expected_updated_at is not None and order.updated_at != expected_updated_at:
            raise ChangedElsewhere(
                _(
                    "Order {number} was changed on another PC after you opened it; "
                    "close it and open it again to see the changes (your edits are kept as a draft)."
                ).format(number=order.number)
            )
        holding = holds_stock(order.status, order.held_from)
        held = held_stock(session, order.id) if holding else {}
        catalogue = catalogue_for_draft(session, draft)
        check = check_draft(draft, catalogue, settings.rules(held))
        if check.errors:
            raise ValidationFailed(check.errors)
        before_total = order.total_cents
        customer = customer_for(session, draft, check, settings)
        apply_draft(order, draft, check, customer, settings)
        replace_lines(session, order, check, backorders=holding)
        if holding:
            adjust_reservations(session, order, held, check, settings, user_id=user_id, at=when)
        order.updated_at = when
        detail = _("Edited; total {before} -> {after}").format(
            before=format_money(before_total, order.currency), after=format_money(order.total_cents, order.currency)
        )
        record_event(session, order, user_id=user_id, kind="edit", detail=detail, at=when)
        if confirm and current is OrderStatus.RECEIVED:
            confirm_reserving(session, order, settings, user_id=user_id, at=when)
        session.flush()
        refresh_search_rows(session, [order.id])
        delete_draft_record(session, draft_id)
        session.commit()
        return order_view(session, order, settings, when)


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
        duplicate = duplicate_of(session, customer_id, draft_units(check), settings, when)
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
        order = place_draft(session, walk_in, settings, user_id=user_id, allow_duplicate=True, at=when)
        short = []
        for product_id, qty in wanted_units(order).items():
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
            raise OutOfStock(order.number, order_shortages(session, order, short))
        change_status(session, order, OrderStatus.COMPLETED, user_id=user_id, detail=_("Counter sale"), at=when)
        delete_draft_record(session, draft_id)
        session.commit()
        return order_view(session, order, settings, when)


# --- the lifecycle ------------------------------------------------------------------------------


def confirm(database: Database, order_id: int, *, user_id: int, now: datetime | None = None) -> ConfirmedOrder:
    """``confirm_order`` without the view (the order detail, which reads what it shows after the
    write, and bulk confirming): the same rows and refusals, but only the order's number and status
    back, so the write lock is held for a few statements. Raises OutOfStock, IllegalTransition, NotFound."""
    when = now or utc_now()
    with database.session(write=True) as session:
        to_confirm = lock_for_confirm(session, order_id)
        if confirm_at_once(session, order_id, to_confirm, user_id=user_id, at=when):
            session.commit()
            return ConfirmedOrder(order_id, to_confirm.number, OrderStatus.CONFIRMED.value, when)
        session.rollback()  # a product is short, or it cannot be confirmed: go line by line to say which
        order = lock_order(session, order_id)
        confirm_reserving(session, order, read_order_settings(session), user_id=user_id, at=when)
        session.commit()
        skus = tuple(dict.fromkeys(line.sku for line in order.lines if line.backordered))
        return ConfirmedOrder(order.id, order.number, order.status, order.updated_at, skus)


def confirm_order(database: Database, order_id: int, *, user_id: int, now: datetime | None = None) -> OrderView:
    """Reserve the order's stock and confirm it, or change nothing and raise OutOfStock; the order
    as the detail view shows it back (``confirm`` when that is not needed).

    Two PCs confirming the last units at once: exactly one succeeds, the other gets OutOfStock.
    """
    when = now or utc_now()
    with database.session(write=True) as session:
        settings = read_order_settings(session)
        order, _customer = lock_with_lines(session, order_id)
        to_confirm = ToConfirm(order.number, order.status, wanted_units(order))
        if to_confirm.at_once:
            mark_confirmed(session, order.id, order.number, user_id=user_id, at=when, order=order)
            # The view before the reservations: the products' rows stay locked only until the commit.
            view = order_view(session, order, settings, when, lines=order.lines)
            if stock_ledger.reserve_all(
                session, to_confirm.wanted, user_id=user_id, order_id=order.id, reference=order.number, at=when
            ):
                session.commit()
                return view
        session.rollback()  # a product is short (or it cannot be confirmed): go line by line to say which
        order = lock_order(session, order_id)
        confirm_reserving(session, order, settings, user_id=user_id, at=when)
        session.commit()
        return order_view(session, order, settings, when)


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
            confirm(database, order_id, user_id=user_id)
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
        order = lock_order(session, order_id)
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
        held = held_stock(session, order.id)
        short = ship_shortages(session, order, short_reason)
        for product_id, qty in wanted_units(order).items():
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
        return order_view(session, order, settings, when)


def mark_delivered(database: Database, order_id: int, *, user_id: int, detail: str = "") -> OrderView:
    return _move(database, order_id, OrderStatus.DELIVERED, user_id=user_id, detail=detail)


def cancel_order(
    database: Database, order_id: int, *, reason: str, user_id: int, now: datetime | None = None
) -> OrderView:
    """Cancel an order that has not shipped; its reserved stock is released. A reason is required."""
    when = now or utc_now()
    reason = required_reason(reason)
    with database.session(write=True) as session:
        settings = read_order_settings(session)
        order = lock_order(session, order_id)
        if not can_move(OrderStatus(order.status), OrderStatus.CANCELLED):
            raise IllegalTransition(order.number, order.status, OrderStatus.CANCELLED)
        for product_id, qty in held_stock(session, order.id).items():
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
        return order_view(session, order, settings, when)


def hold_order(database: Database, order_id: int, *, reason: str, user_id: int) -> OrderView:
    """Stop work on an order (it keeps any stock it holds); release it later to continue."""
    return _move(database, order_id, OrderStatus.ON_HOLD, user_id=user_id, detail=required_reason(reason))


def release_order(database: Database, order_id: int, *, reason: str, user_id: int) -> OrderView:
    """Take the order off hold: it goes back to the status it had."""
    reason = required_reason(reason)
    with database.session() as session:
        order = session.get(Order, order_id)
        if order is None:
            raise no_order(order_id)
        back = OrderStatus(order.held_from or OrderStatus.RECEIVED)
        if order.status != OrderStatus.ON_HOLD:
            raise IllegalTransition(order.number, order.status, back)
    return _move(database, order_id, back, user_id=user_id, detail=reason)


# --- reading ------------------------------------------------------------------------------------


def get_order(database: Database, order_id: int, *, now: datetime | None = None) -> OrderView:
    with database.session() as session:
        order = session.get(Order, order_id)
        if order is None:
            raise no_order(order_id)
        return order_view(session, order, read_order_settings(session), now or utc_now())


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
        return order_view(session, found, read_order_settings(session), utc_now())


def _move(
    database: Database, order_id: int, to: OrderStatus, *, user_id: int, detail: str = "", now: datetime | None = None
) -> OrderView:
    when = now or utc_now()
    with database.session(write=True) as session:
        settings = read_order_settings(session)
        order = lock_order(session, order_id)
        change_status(session, order, to, user_id=user_id, detail=detail, at=when)
        session.commit()
        return order_view(session, order, settings, when)
