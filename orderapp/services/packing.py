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
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from orderapp.domain.gtin import Symbology, is_valid_gtin
from orderapp.domain.order_status import TO_PACK_STATUSES, OrderStatus
from orderapp.domain.scan_decision import LineState, ProductRef, ScanVerdict, Verdict, judge_scan
from orderapp.domain.staff import Permission
from orderapp.errors import FieldError, NotFound, OrderAppError, ValidationFailed
from orderapp.i18n import _
from orderapp.services import staff_audit
from orderapp.services.exceptions import refuse_if_held
from orderapp.services.order_lifecycle import change_status, refuse_short_packing, status_label
from orderapp.services.packing_queue import COUNTED_OUTCOMES, QueueEntry, read_queue
from orderapp.services.packing_settings import read_packing_settings
from orderapp.store import staff_store
from orderapp.store.barcode_lookup import CodeOwner, find_code
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order, OrderLine, Product, User
from orderapp.store.packing_models import PackScan, PackSession
from orderapp.store.types import utc_now

SOURCES = ("camera", "wedge", "typed")
MAX_CODE_LENGTH = 200
MAX_REASON_LENGTH = 1000
_GTIN_SYMBOLOGIES = frozenset({Symbology.EAN8, Symbology.UPCE, Symbology.UPCA, Symbology.EAN13, Symbology.GTIN14})


class ScanOutcome(StrEnum):
    ACCEPTED = "accepted"
    OVER_SCAN = "over_scan"
    NOT_ON_ORDER = "not_on_order"
    UNKNOWN = "unknown"
    INVALID = "invalid"
    UNDO = "undo"
    TYPED_QTY = "typed_qty"


BLOCKING_OUTCOMES = frozenset(
    {ScanOutcome.OVER_SCAN, ScanOutcome.NOT_ON_ORDER, ScanOutcome.UNKNOWN, ScanOutcome.INVALID}
)


class SessionOutcome(StrEnum):
    PACKED = "packed"
    OVERRIDE = "override"
    ABANDONED = "abandoned"


# -- errors ----------------------------------------------------------------------------------------


class OrderNotFound(NotFound):
    pass


class NotReadyToPack(OrderAppError):
    """The order is not waiting to be packed (not confirmed yet, already packed, on hold, cancelled...)."""

    def __init__(self, message: str, number: str, status: str) -> None:
        super().__init__(message)
        self.number = number
        self.status = status


class BeingPackedElsewhere(OrderAppError):
    """Another station has the order open; opening it here again with ``take_over=True`` moves it."""

    def __init__(self, message: str, number: str, station: str, packer: str) -> None:
        super().__init__(message)
        self.number = number
        self.station = station
        self.packer = packer


class SessionClosed(OrderAppError):
    """The packing session was finished or taken over elsewhere; open the order again."""


class NoOrderOpen(OrderAppError):
    pass


class NothingToUndo(OrderAppError):
    pass


class TypedQuantityRefused(OrderAppError):
    pass


# -- what the service returns ----------------------------------------------------------------------


@dataclass(frozen=True)
class _LineState:
    line_id: int
    line_no: int
    product_id: int
    sku: str
    name: str
    location: str
    ordered: int
    scanned: int


@dataclass(frozen=True)
class PackLine(_LineState):
    typed_allowed: bool  # a big line: after one unit is scanned, the rest may be typed

    @property
    def remaining(self) -> int:
        return max(self.ordered - self.scanned, 0)

    @property
    def complete(self) -> bool:
        return self.scanned >= self.ordered

    @property
    def typed_ready(self) -> bool:
        """A count may be typed now: allowed for this line, one unit verified by a scan, some left."""
        return self.typed_allowed and self.scanned > 0 and not self.complete


@dataclass(frozen=True)
class PackingView:
    session_id: int
    order_id: int
    number: str
    status: str
    customer: str
    priority: str
    due_at: datetime | None
    notes: str
    started_at: datetime
    finished_at: datetime | None
    outcome: str | None  # the session's: None while open, packed | override | abandoned
    station: str
    user_id: int
    lines: tuple[PackLine, ...]
    can_undo: bool
    typed_qty_from: int

    @property
    def units(self) -> int:
        return sum(line.ordered for line in self.lines)

    @property
    def scanned_units(self) -> int:
        return sum(min(line.scanned, line.ordered) for line in self.lines)

    @property
    def complete(self) -> bool:
        return all(line.complete for line in self.lines)

    @property
    def is_open(self) -> bool:
        return self.outcome is None

    def line(self, line_id: int) -> PackLine:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise KeyError(line_id)


@dataclass(frozen=True)
class ScanResult:
    outcome: ScanOutcome
    code: str
    source: str
    message: str  # a sentence for the packer, translated
    product_id: int | None
    product_name: str  # "" when the code is no product's
    line_id: int | None
    quantity: int  # units counted (negative for an undo, 0 for a refused scan)
    view: PackingView  # the order after this scan
    packed: bool  # this scan completed the order and packed it
    next_order: QueueEntry | None  # offered once the order is packed
    case_too_big: bool = False  # an over-scan because the case holds more units than are still needed

    @property
    def blocking(self) -> bool:
        return self.outcome in BLOCKING_OUTCOMES


@dataclass(frozen=True)
class PackResult:
    view: PackingView
    next_order: QueueEntry | None


# -- opening an order --------------------------------------------------------------------------------


def normalise_order_number(text: str) -> str:
    return text.strip().upper()


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
        _check_packable(session, order)
        now = utc_now()
        open_sessions = session.scalars(
            select(PackSession).where(PackSession.order_id == order.id, PackSession.outcome.is_(None))
        ).all()
        mine = [s for s in open_sessions if s.station == station and s.user_id == user_id]
        others = [s for s in open_sessions if s not in mine]
        elsewhere = [s for s in others if s.station != station]
        if elsewhere and not take_over:
            holder = elsewhere[0]
            packer = _user_name(session, holder.user_id)
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
            _close(other, SessionOutcome.ABANDONED, now)
        _leave_other_orders(session, station, order.id, now)
        if mine:
            pack = mine[0]
            for extra in mine[1:]:
                _close(extra, SessionOutcome.ABANDONED, now)
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
        view = _view(session, pack, order)
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
        if order.status not in _TO_PACK:
            _close(pack, SessionOutcome.ABANDONED, utc_now())
            session.commit()
            return None
        view = _view(session, pack, order)
        session.commit()
        return view


def packing_view(database: Database, session_id: int) -> PackingView:
    """The order of a packing session as it stands now."""
    with database.session() as session:
        pack = session.get(PackSession, session_id)
        if pack is None:
            raise SessionClosed(_("This packing session no longer exists; open the order again."))
        return _view(session, pack, session.get_one(Order, pack.order_id))


def leave_order(database: Database, session_id: int) -> None:
    """Stop packing for now (back to the queue); the order keeps every unit scanned so far."""
    with database.session(write=True) as session:
        pack = session.get(PackSession, session_id)
        if pack is not None and pack.outcome is None:
            _close(pack, SessionOutcome.ABANDONED, utc_now())
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
        is_item = bool(_find_barcode(session, text, symbology))
        is_slip = not is_item and _is_order_number(session, text)
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
    source = _checked_source(source)
    symbology_value = _symbology_value(symbology)
    with database.session(write=True) as session:
        pack, order = _open_work(session, session_id)
        states = _line_states(session, order.id)
        found = _find_barcode(session, text, symbology_value)
        now = utc_now()
        product = ProductRef(found[0].product_id, found[0].name) if found else None
        pack_qty = found[0].pack_qty if found else 1
        lines = [LineState(state.line_id, state.product_id, state.ordered, state.scanned) for state in states]
        verdict = judge_scan(lines, product, pack_qty)
        product_id = product.product_id if product is not None else None
        product_name = product.name if product is not None else ""
        if verdict.counts:  # the order line's own name, as the packer sees it in the list
            product_name = next(state.name for state in states if state.line_id == verdict.line_id)
        outcome, message = _worded(verdict, text, symbology_value, product_name, order.number)
        line_id, quantity = verdict.line_id, verdict.quantity
        case_too_big = verdict.verdict is Verdict.CASE_TOO_BIG
        return _finish_step(
            session, pack, order, outcome, text, source, message, product_id, product_name, line_id, quantity,
            user_id=user_id, station=station, now=now, symbology=symbology_value, case_too_big=case_too_big,
        )  # fmt: skip


def _worded(verdict: ScanVerdict, code: str, symbology: str | None, name: str, number: str) -> tuple[ScanOutcome, str]:
    """The stored outcome of a judged scan and the sentence for the packer."""
    kind = verdict.verdict
    if kind is Verdict.NEEDED:
        return ScanOutcome.ACCEPTED, _("{product}: {scanned} of {ordered}").format(
            product=name, scanned=verdict.scanned_after, ordered=verdict.ordered
        )
    if kind is Verdict.UNKNOWN:
        if _looks_misread(code, symbology):
            return ScanOutcome.INVALID, _(
                "{code} has a wrong check digit: it was misread or mistyped. Take the item out and scan it again."
            ).format(code=code)
        return ScanOutcome.UNKNOWN, _(
            "{code} is not the barcode of any product. Take the item out of the box and check it; "
            "if it belongs to a product, add the barcode to that product."
        ).format(code=code)
    if kind is Verdict.NOT_ON_ORDER:
        return ScanOutcome.NOT_ON_ORDER, _("{product} is not on order {number}. Take it out of the box.").format(
            product=name, number=number
        )
    if kind is Verdict.CASE_TOO_BIG:
        # stored as an over-scan (nothing counted, the packer takes it out); the screen titles it apart
        return ScanOutcome.OVER_SCAN, _(
            "This case holds {pack} of {product}, but the order needs only {remaining} more. "
            "Take the case out and scan single units."
        ).format(pack=verdict.pack_qty, product=name, remaining=verdict.most_one_scan)
    return ScanOutcome.OVER_SCAN, _(
        "{product} is already complete ({ordered} of {ordered}). Take this one out of the box."
    ).format(product=name, ordered=verdict.ordered)


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
    source = _checked_source(source)
    text = code.strip()[:MAX_CODE_LENGTH]
    with database.session(write=True) as session:
        pack, order = _open_work(session, session_id)
        now = utc_now()
        return _finish_step(
            session, pack, order, ScanOutcome.INVALID, text, source, message, None, "", None, 0,
            user_id=user_id, station=station, now=now, symbology=None,
        )  # fmt: skip


def undo_last_scan(database: Database, session_id: int, *, user_id: int, station: str) -> ScanResult:
    """Take back the last unit (or case, or typed count) counted on the order, even from an earlier session."""
    with database.session(write=True) as session:
        pack, order = _open_work(session, session_id)
        target = _last_undoable(session, order.id)
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
        pack, order = _open_work(session, session_id)
        settings = read_packing_settings(session)
        states = _line_states(session, order.id)
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
        pack, order = _open_work(session, session_id)
        refuse_short_packing(session, order)  # never pack what a count says is not on the shelf
        states = _line_states(session, order.id)
        scanned = sum(min(s.scanned, s.ordered) for s in states)
        units = sum(s.ordered for s in states)
        now = utc_now()
        pack.override_reason = why
        was = order.status
        _close(pack, SessionOutcome.OVERRIDE, now)
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
        view = _view(session, pack, order)
        next_order = _next_order(session, order.id)
        session.commit()
        return PackResult(view=view, next_order=next_order)


# -- inside a transaction --------------------------------------------------------------------------


_TO_PACK = frozenset(status.value for status in TO_PACK_STATUSES)


def _check_packable(session: Session, order: Order) -> None:
    if order.status in _TO_PACK:
        refuse_if_held(session, order.id, order.number)  # a severe exception is open
        return
    if order.status == OrderStatus.PACKED.value:
        last = session.scalars(
            select(PackSession)
            .where(PackSession.order_id == order.id, PackSession.outcome.in_(["packed", "override"]))
            .order_by(PackSession.finished_at.desc())
            .limit(1)
        ).one_or_none()
        if last is not None and last.finished_at is not None:
            message = _("Order {number} is already packed (by {packer} at {station}, {when}).").format(
                number=order.number,
                packer=_user_name(session, last.user_id),
                station=last.station,
                when=last.finished_at.strftime("%Y-%m-%d %H:%M UTC"),
            )
        else:
            message = _("Order {number} is already packed.").format(number=order.number)
    elif order.status == OrderStatus.RECEIVED.value:
        message = _("Order {number} is not confirmed yet; confirm it on the Orders screen, then pack it.").format(
            number=order.number
        )
    else:
        message = _("Order {number} is {status}, so it cannot be packed.").format(
            number=order.number, status=status_label(order.status)
        )
    raise NotReadyToPack(message, order.number, order.status)


def _open_work(session: Session, session_id: int) -> tuple[PackSession, Order]:
    """The open session and its order, locked; refuses closed sessions and orders no longer waiting."""
    pack = session.get(PackSession, session_id)
    if pack is None:
        raise SessionClosed(_("This packing session no longer exists; open the order again."))
    order = session.scalars(select(Order).where(Order.id == pack.order_id).with_for_update()).one()
    session.refresh(pack)  # read again now that the order is locked: another station may have closed it
    if pack.outcome is not None:
        if pack.outcome == SessionOutcome.ABANDONED.value:
            raise SessionClosed(
                _("Order {number} was closed here or taken over at another station; open it again to go on.").format(
                    number=order.number
                )
            )
        raise SessionClosed(_("Order {number} is already packed.").format(number=order.number))
    if order.status not in _TO_PACK:
        _close(pack, SessionOutcome.ABANDONED, utc_now())
        session.commit()
        _check_packable(session, order)
    return pack, order


def _close(pack: PackSession, outcome: SessionOutcome, when: datetime) -> None:
    pack.outcome = outcome.value
    pack.finished_at = when


def _leave_other_orders(session: Session, station: str, order_id: int, when: datetime) -> None:
    for other in session.scalars(
        select(PackSession).where(
            PackSession.station == station, PackSession.outcome.is_(None), PackSession.order_id != order_id
        )
    ):
        _close(other, SessionOutcome.ABANDONED, when)


def _line_states(session: Session, order_id: int) -> list[_LineState]:
    counted = _sum_by_line(session, order_id)
    rows = session.execute(
        select(
            OrderLine.id,
            OrderLine.line_no,
            OrderLine.product_id,
            OrderLine.sku,
            OrderLine.name,
            Product.location,
            OrderLine.quantity,
        )
        .join(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.order_id == order_id)
        .order_by(OrderLine.line_no, OrderLine.id)
    )
    return [
        _LineState(line_id, line_no, product_id, sku, name, location, quantity, counted.get(line_id, 0))
        for line_id, line_no, product_id, sku, name, location, quantity in rows
    ]


def _sum_by_line(session: Session, order_id: int) -> dict[int, int]:
    rows = session.execute(
        select(PackScan.order_line_id, func.sum(PackScan.quantity))
        .where(
            PackScan.order_id == order_id,
            PackScan.outcome.in_(COUNTED_OUTCOMES),
            PackScan.order_line_id.is_not(None),
        )
        .group_by(PackScan.order_line_id)
    )
    return {line_id: int(units or 0) for line_id, units in rows if line_id is not None}


def _last_undoable(session: Session, order_id: int) -> PackScan | None:
    """The newest counted scan of the order not yet taken back (undos take back the newest first)."""
    stack: list[PackScan] = []
    for scan in session.scalars(
        select(PackScan)
        .where(PackScan.order_id == order_id, PackScan.outcome.in_(COUNTED_OUTCOMES))
        .order_by(PackScan.id)
    ):
        if scan.outcome == ScanOutcome.UNDO.value:
            if stack:
                stack.pop()
        else:
            stack.append(scan)
    return stack[-1] if stack else None


def _view(session: Session, pack: PackSession, order: Order) -> PackingView:
    settings = read_packing_settings(session)
    states = _line_states(session, order.id)
    customer = order.ship_name
    if not customer and order.customer_id is not None:
        customer = session.scalar(select(Customer.name).where(Customer.id == order.customer_id)) or ""
    threshold = settings.typed_qty_from
    lines = tuple(
        PackLine(
            line_id=s.line_id,
            line_no=s.line_no,
            product_id=s.product_id,
            sku=s.sku,
            name=s.name,
            location=s.location,
            ordered=s.ordered,
            scanned=s.scanned,
            typed_allowed=threshold > 0 and s.ordered >= threshold,
        )
        for s in states
    )
    return PackingView(
        session_id=pack.id,
        order_id=order.id,
        number=order.number,
        status=order.status,
        customer=customer,
        priority=order.priority,
        due_at=order.due_at,
        notes=order.notes,
        started_at=pack.started_at,
        finished_at=pack.finished_at,
        outcome=pack.outcome,
        station=pack.station,
        user_id=pack.user_id,
        lines=lines,
        can_undo=pack.outcome is None and _last_undoable(session, order.id) is not None,
        typed_qty_from=threshold,
    )


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
        states = _line_states(session, order.id)
        if states and all(s.scanned >= s.ordered for s in states):
            units = sum(s.ordered for s in states)
            _close(pack, SessionOutcome.PACKED, now)
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
            next_order = _next_order(session, order.id)
    view = _view(session, pack, order)
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


def _next_order(session: Session, just_packed: int) -> QueueEntry | None:
    queue = read_queue(session, limit=20, exclude=[just_packed])
    return next((entry for entry in queue.entries if not entry.packing_at), None)


def _find_barcode(session: Session, code: str, symbology: Symbology | str | None = None) -> list[CodeOwner]:
    """The products (with units per scan) of ``code`` in any written form of its GTIN (the one key,
    ``orderapp.store.barcode_lookup``), best first; empty when no product has it."""
    return find_code(session, code, symbology)


def _is_order_number(session: Session, code: str) -> bool:
    wanted = normalise_order_number(code)
    if not wanted:
        return False
    return session.scalar(select(Order.id).where(Order.number == wanted)) is not None


def _looks_misread(code: str, symbology: str | None) -> bool:
    """A GTIN whose check digit is wrong: read as a GTIN, or typed as 8, 12, 13 or 14 digits."""
    if symbology in _GTIN_SYMBOLOGIES:
        return not is_valid_gtin(code)
    if symbology is None and code.isdigit() and len(code) in (8, 12, 13, 14):
        return not is_valid_gtin(code)
    return False


def _symbology_value(symbology: Symbology | str | None) -> str | None:
    if symbology is None or symbology == "":
        return None
    return str(symbology.value if isinstance(symbology, Symbology) else symbology)[:16]


def _checked_source(source: str) -> str:
    if source not in SOURCES:
        raise ValueError(f"scan source must be one of {SOURCES}, not {source!r}")
    return source


def _user_name(session: Session, user_id: int) -> str:
    row = session.execute(select(User.display_name, User.username).where(User.id == user_id)).one_or_none()
    if row is None:
        return "?"
    return str(row[0] or row[1])


class StoredScan(NamedTuple):
    outcome: str
    code: str
    quantity: int


def order_scans(database: Database, order_id: int) -> Sequence[StoredScan]:
    """Every scan of an order, oldest first: for support and tests."""
    with database.session() as session:
        rows = session.execute(
            select(PackScan.outcome, PackScan.code, PackScan.quantity)
            .where(PackScan.order_id == order_id)
            .order_by(PackScan.id)
        )
        return [StoredScan(outcome, code, int(quantity)) for outcome, code, quantity in rows]
