"""Packing an order by scanning every item: open it, match each scan against its lines, pack it.

Each call is one write transaction and stores what happened (``pack_scan``), so the progress of an
order is in the database, never only on the screen: a crash, a lost camera or a closed screen
resumes exactly where the packer was. A scan is matched through the product's barcodes (a case
barcode counts its pack quantity) and has one outcome:

- ``accepted``: a line needed it; the line's count goes up by the units it holds;
- ``over_scan``: the product's lines are already complete (or the case holds more than is still
  needed); nothing is counted and the packer must take it out;
- ``not_on_order``: a known product that this order does not contain;
- ``unknown``: no product has that code;
- ``invalid``: a GTIN with a wrong check digit (a misread or a typing slip).

The last four stop the packer (``ScanResult.blocking``). When every line is complete the order
becomes packed, with the packer, station, start and end time in its ``pack_session``. Packing an
order without every item scanned is an override: it needs a reason, recorded on the session and on
the order's timeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderapp.domain.gtin import Symbology
from orderapp.domain.order_status import OrderStatus
from orderapp.domain.scan_decision import LineState, ProductRef, Verdict, judge_scan
from orderapp.domain.scan_outcomes import (
    BLOCKING_OUTCOMES,
    MAX_CODE_LENGTH,
    MAX_REASON_LENGTH,
    SOURCES,
    ScanOutcome,
    SessionOutcome,
    checked_source,
    normalise_order_number,
    stored_symbology,
    worded,
)
from orderapp.domain.staff import Permission
from orderapp.errors import FieldError, ValidationFailed
from orderapp.i18n import _
from orderapp.services.orders.lifecycle import change_status, refuse_short_packing
from orderapp.services.packing.queue import QueueEntry
from orderapp.services.packing.rows import (
    TO_PACK,
    check_packable,
    close_session,
    find_barcode,
    is_order_number,
    last_undoable,
    leave_other_orders,
    line_counts,
    next_to_pack,
    open_work,
    packing_view_of,
    user_name,
)
from orderapp.services.packing.views import (
    BeingPackedElsewhere,
    NoOrderOpen,
    NothingToUndo,
    NotReadyToPack,
    OrderNotFound,
    PackingView,
    PackLine,
    PackResult,
    ScanResult,
    SessionClosed,
    StoredScan,
    TypedQuantityRefused,
)
from orderapp.services.settings.packing import read_packing_settings
from orderapp.services.staff import audit_entries as staff_audit
from orderapp.store import staff_store
from orderapp.store.database import Database
from orderapp.store.models import Order, OrderLine
from orderapp.store.packing_models import PackScan, PackSession
from orderapp.store.types import utc_now

__all__ = [
    "BLOCKING_OUTCOMES",
    "MAX_CODE_LENGTH",
    "MAX_REASON_LENGTH",
    "SOURCES",
    "BeingPackedElsewhere",
    "NoOrderOpen",
    "NotReadyToPack",
    "NothingToUndo",
    "OrderNotFound",
    "PackLine",
    "PackResult",
    "PackingView",
    "ScanOutcome",
    "ScanResult",
    "SessionClosed",
    "SessionOutcome",
    "StoredScan",
    "TypedQuantityRefused",
    "current_packing",
    "handle_code",
    "leave_order",
    "normalise_order_number",
    "open_order",
    "order_scans",
    "override_pack",
    "packing_view",
    "record_invalid",
    "record_scan",
    "type_quantity",
    "undo_last_scan",
]


# -- opening an order --------------------------------------------------------------------------------


def open_order(database: Database, number: str, *, user_id: int, station: str, take_over: bool = False) -> PackingView:
    """Start (or resume) packing the order with this number at ``station``.

    Resumes the station's open session for the order; otherwise starts one, leaving any other
    order open at this station for later (its progress is kept). A confirmed order moves to
    picking. Raises ``OrderNotFound``, ``NotReadyToPack``, or ``BeingPackedElsewhere`` when another
    station has it open (unless ``take_over``).
    """
    wanted = normalise_order_number(number)
    with database.session(write=True) as session:
        order = session.scalars(select(Order).where(Order.number == wanted).with_for_update()).one_or_none()
        if order is None:
            raise OrderNotFound(
                _(
                    "There is no order {number}. Check the number on the slip, or choose the order from the list."
                ).format(number=wanted or "?")
            )
        check_packable(session, order)
        now = utc_now()
        open_sessions = session.scalars(
            select(PackSession).where(PackSession.order_id == order.id, PackSession.outcome.is_(None))
        ).all()
        mine = [s for s in open_sessions if s.station == station and s.user_id == user_id]
        others = [s for s in open_sessions if s not in mine]
        elsewhere = [s for s in others if s.station != station]
        if elsewhere and not take_over:
            holder = elsewhere[0]
            packer = user_name(session, holder.user_id)
            raise BeingPackedElsewhere(
                _(
                    "Order {number} is being packed at {station} by {packer}. Open it here only if that "
                    "packer has stopped: its progress is kept."
                ).format(number=order.number, station=holder.station, packer=packer),
                order.number,
                holder.station,
                packer,
            )
        for other in others:
            close_session(other, SessionOutcome.ABANDONED, now)
        leave_other_orders(session, station, order.id, now)
        if mine:
            pack = mine[0]
            for extra in mine[1:]:
                close_session(extra, SessionOutcome.ABANDONED, now)
        else:
            pack = PackSession(order_id=order.id, user_id=user_id, station=station, started_at=now)
            session.add(pack)
            if order.status == OrderStatus.CONFIRMED.value:
                change_status(
                    session,
                    order,
                    OrderStatus.PICKING,
                    user_id=user_id,
                    detail=_("Packing started at {station}.").format(station=station),
                    at=now,
                )
        session.flush()
        view = packing_view_of(session, pack, order)
        session.commit()
        return view


def current_packing(database: Database, station: str) -> PackingView | None:
    """The order left open at ``station`` (after a crash or a closed screen), to resume; None if none.

    A session whose order can no longer be packed (cancelled or put on hold meanwhile) is closed.
    """
    with database.session(write=True) as session:
        pack = session.scalars(
            select(PackSession)
            .where(PackSession.station == station, PackSession.outcome.is_(None))
            .order_by(PackSession.started_at.desc(), PackSession.id.desc())
            .limit(1)
        ).one_or_none()
        if pack is None:
            return None
        order = session.get_one(Order, pack.order_id)
        if order.status not in TO_PACK:
            close_session(pack, SessionOutcome.ABANDONED, utc_now())
            session.commit()
            return None
        view = packing_view_of(session, pack, order)
        session.commit()
        return view


def packing_view(database: Database, session_id: int) -> PackingView:
    """The order of a packing session as it stands now."""
    with database.session() as session:
        pack = session.get(PackSession, session_id)
        if pack is None:
            raise SessionClosed(_("This packing session no longer exists; open the order again."))
        return packing_view_of(session, pack, session.get_one(Order, pack.order_id))


def leave_order(database: Database, session_id: int) -> None:
    """Stop packing for now (back to the queue); the order keeps every unit scanned so far."""
    with database.session(write=True) as session:
        pack = session.get(PackSession, session_id)
        if pack is not None and pack.outcome is None:
            close_session(pack, SessionOutcome.ABANDONED, utc_now())
            session.commit()


# -- scanning ---------------------------------------------------------------------------------------


def handle_code(
    database: Database,
    code: str,
    *,
    symbology: Symbology | str | None,
    source: str,
    user_id: int,
    station: str,
    session_id: int | None,
    take_over: bool = False,
) -> ScanResult | PackingView:
    """What the packing screen does with any scanned or typed code.

    An order's slip (its number) opens that order (a ``PackingView``), from anywhere; any other code
    is an item for the open order (a ``ScanResult``). Raises ``NoOrderOpen`` for an item scanned
    before any order is open.
    """
    text = code.strip()
    with database.session() as session:
        is_item = bool(find_barcode(session, text, symbology))
        is_slip = not is_item and is_order_number(session, text)
    if is_slip:
        return open_order(database, text, user_id=user_id, station=station, take_over=take_over)
    if session_id is None:
        raise NoOrderOpen(
            _("No order is open. Scan the barcode on the order's packing slip first, or choose it from the list.")
        )
    return record_scan(database, session_id, text, symbology=symbology, source=source, user_id=user_id, station=station)


def record_scan(
    database: Database,
    session_id: int,
    code: str,
    *,
    symbology: Symbology | str | None,
    source: str,
    user_id: int,
    station: str,
) -> ScanResult:
    """Match one scanned or typed item code against the order and store the scan with its outcome."""
    text = code.strip()
    if not text:
        raise ValidationFailed([FieldError("code", _("Type or scan a barcode first."))])
    if len(text) > MAX_CODE_LENGTH:
        raise ValidationFailed(
            [FieldError("code", _("A barcode has at most {most} characters.").format(most=MAX_CODE_LENGTH))]
        )
    source = checked_source(source)
    symbology_value = stored_symbology(symbology)
    with database.session(write=True) as session:
        pack, order = open_work(session, session_id)
        states = line_counts(session, order.id)
        found = find_barcode(session, text, symbology_value)
        now = utc_now()
        product = ProductRef(found[0].product_id, found[0].name) if found else None
        pack_qty = found[0].pack_qty if found else 1
        lines = [LineState(state.line_id, state.product_id, state.ordered, state.scanned) for state in states]
        verdict = judge_scan(lines, product, pack_qty)
        product_id = product.product_id if product is not None else None
        product_name = product.name if product is not None else ""
        if verdict.counts:  # the order line's own name, as the packer sees it in the list
            product_name = next(state.name for state in states if state.line_id == verdict.line_id)
        outcome, message = worded(verdict, text, symbology_value, product_name, order.number)
        line_id, quantity = verdict.line_id, verdict.quantity
        case_too_big = verdict.verdict is Verdict.CASE_TOO_BIG
        return _finish_step(
            session, pack, order, outcome, text, source, message, product_id, product_name, line_id, quantity,
            user_id=user_id, station=station, now=now, symbology=symbology_value, case_too_big=case_too_big,
        )  # fmt: skip


def record_invalid(
    database: Database,
    session_id: int,
    code: str,
    *,
    message: str,
    source: str,
    user_id: int,
    station: str,
) -> ScanResult:
    """Store a code the scanner layer refused before it could be matched (e.g. a USB scanner's burst
    with a wrong check digit); ``message`` says why, for the packer. ``code`` may be "" when the
    scanner layer did not keep the text."""
    source = checked_source(source)
    text = code.strip()[:MAX_CODE_LENGTH]
    with database.session(write=True) as session:
        pack, order = open_work(session, session_id)
        now = utc_now()
        return _finish_step(
            session, pack, order, ScanOutcome.INVALID, text, source, message, None, "", None, 0,
            user_id=user_id, station=station, now=now, symbology=None,
        )  # fmt: skip


def undo_last_scan(database: Database, session_id: int, *, user_id: int, station: str) -> ScanResult:
    """Take back the last unit (or case, or typed count) counted on the order, even from an earlier session."""
    with database.session(write=True) as session:
        pack, order = open_work(session, session_id)
        target = last_undoable(session, order.id)
        if target is None:
            raise NothingToUndo(_("There is nothing to undo: no item of order {number} is counted.").format(
                number=order.number
            ))  # fmt: skip
        now = utc_now()
        line = session.get_one(OrderLine, target.order_line_id)
        message = _("Undone: {product}, {quantity} fewer counted. Take it out of the box.").format(
            product=line.name, quantity=target.quantity
        )
        return _finish_step(
            session, pack, order, ScanOutcome.UNDO, target.code, "typed", message, target.product_id, line.name,
            line.id, -target.quantity, user_id=user_id, station=station, now=now, symbology=target.symbology,
        )  # fmt: skip


def type_quantity(
    database: Database, session_id: int, line_id: int, quantity: int, *, user_id: int, station: str
) -> ScanResult:
    """Count ``quantity`` more units of a big line without scanning each one.

    Allowed on lines of at least ``packing.typed_qty_from`` units, once one unit of the line has
    been scanned (so the product itself is verified), for at most what the line still needs.
    """
    with database.session(write=True) as session:
        pack, order = open_work(session, session_id)
        settings = read_packing_settings(session)
        states = line_counts(session, order.id)
        state = next((s for s in states if s.line_id == line_id), None)
        if state is None:
            raise TypedQuantityRefused(_("That line is not on order {number}.").format(number=order.number))
        if settings.typed_qty_from <= 0 or state.ordered < settings.typed_qty_from:
            raise TypedQuantityRefused(
                _("Scan every unit of {product}: counts are typed only for lines of {least} or more.").format(
                    product=state.name, least=settings.typed_qty_from
                )
                if settings.typed_qty_from > 0
                else _("Scan every unit of {product}: typing counts is turned off for this shop.").format(
                    product=state.name
                )
            )
        if state.scanned <= 0:
            raise TypedQuantityRefused(
                _("Scan one {product} first, so the product is checked; then type how many more.").format(
                    product=state.name
                )
            )
        remaining = state.ordered - state.scanned
        if remaining <= 0:
            raise TypedQuantityRefused(_("{product} is already complete.").format(product=state.name))
        if not 1 <= quantity <= remaining:
            raise ValidationFailed(
                [
                    FieldError(
                        "quantity",
                        _("Type a number from 1 to {remaining}: that is how many {product} are still needed.").format(
                            remaining=remaining, product=state.name
                        ),
                    )
                ]
            )
        now = utc_now()
        message = _("{product}: {scanned} of {ordered} (typed)").format(
            product=state.name, scanned=state.scanned + quantity, ordered=state.ordered
        )
        return _finish_step(
            session, pack, order, ScanOutcome.TYPED_QTY, "", "typed", message, state.product_id, state.name,
            state.line_id, quantity, user_id=user_id, station=station, now=now, symbology=None,
        )  # fmt: skip


def override_pack(
    database: Database, session_id: int, reason: str, *, user_id: int, station: str, approved_by: int | None = None
) -> PackResult:
    """Mark the order packed although not every item was scanned; ``reason`` is required and recorded.
    A packer needs an owner's approval (``approved_by``, after the owner typed their PIN)."""
    why = reason.strip()
    if not why:
        raise ValidationFailed(
            [FieldError("reason", _("Say why the order is packed without scanning every item, e.g. 'label torn'."))]
        )
    if len(why) > MAX_REASON_LENGTH:
        raise ValidationFailed(
            [FieldError("reason", _("Keep the reason under {most} characters.").format(most=MAX_REASON_LENGTH))]
        )
    with database.session(write=True) as session:
        staff_store.require(session, user_id, Permission.PACK_OVERRIDE, approved_by=approved_by)
        pack, order = open_work(session, session_id)
        refuse_short_packing(session, order)  # never pack what a count says is not on the shelf
        states = line_counts(session, order.id)
        scanned = sum(min(s.scanned, s.ordered) for s in states)
        units = sum(s.ordered for s in states)
        now = utc_now()
        pack.override_reason = why
        was = order.status
        close_session(pack, SessionOutcome.OVERRIDE, now)
        change_status(
            session,
            order,
            OrderStatus.PACKED,
            user_id=user_id,
            kind="override",
            detail=_(
                "Packed without full verification at {station} ({scanned} of {units} units scanned): {reason}"
            ).format(station=station, scanned=scanned, units=units, reason=why),
            at=now,
        )
        staff_audit.pack_override(session, user_id, station, order.number, was, why, approved_by)
        session.flush()
        view = packing_view_of(session, pack, order)
        next_order = next_to_pack(session, order.id)
        session.commit()
        return PackResult(view=view, next_order=next_order)


def _finish_step(
    session: Session,
    pack: PackSession,
    order: Order,
    outcome: ScanOutcome,
    code: str,
    source: str,
    message: str,
    product_id: int | None,
    product_name: str,
    line_id: int | None,
    quantity: int,
    *,
    user_id: int,
    station: str,
    now: datetime,
    symbology: str | None,
    case_too_big: bool = False,
) -> ScanResult:
    """Store the scan (every outcome, refused ones too), pack the order if it is now complete, commit,
    and describe the result."""
    session.add(
        PackScan(
            order_id=order.id,
            pack_session_id=pack.id,
            at=now,
            user_id=user_id,
            station=station,
            code=code,
            symbology=symbology,
            source=source,
            outcome=outcome.value,
            product_id=product_id,
            order_line_id=line_id,
            quantity=quantity,
        )
    )
    session.flush()
    packed = False
    next_order: QueueEntry | None = None
    if outcome in (ScanOutcome.ACCEPTED, ScanOutcome.TYPED_QTY):
        states = line_counts(session, order.id)
        if states and all(s.scanned >= s.ordered for s in states):
            units = sum(s.ordered for s in states)
            close_session(pack, SessionOutcome.PACKED, now)
            change_status(
                session,
                order,
                OrderStatus.PACKED,
                user_id=user_id,
                detail=_("Packed at {station}, every item scanned ({units} units).").format(
                    station=station, units=units
                ),
                at=now,
            )
            session.flush()
            packed = True
            next_order = next_to_pack(session, order.id)
    view = packing_view_of(session, pack, order)
    session.commit()
    return ScanResult(
        outcome=outcome,
        code=code,
        source=source,
        message=message,
        product_id=product_id,
        product_name=product_name,
        line_id=line_id,
        quantity=quantity,
        view=view,
        packed=packed,
        next_order=next_order,
        case_too_big=case_too_big,
    )


def order_scans(database: Database, order_id: int) -> Sequence[StoredScan]:
    """Every scan of an order, oldest first: for support and tests."""
    with database.session() as session:
        rows = session.execute(
            select(PackScan.outcome, PackScan.code, PackScan.quantity)
            .where(PackScan.order_id == order_id)
            .order_by(PackScan.id)
        )
        return [StoredScan(outcome, code, int(quantity)) for outcome, code, quantity in rows]
