"""The stock ledger: every change of stock is one appended ``stock_movement`` row, and the product's
cached ``on_hand`` / ``reserved`` figures move with it in the same transaction. This module is the
only place that writes either (the demo generator aside, which builds a whole consistent shop in
bulk): everything else records movements through it.

Every function here works inside the caller's session and never commits. Use a write session
(``database.session(write=True)``): on SQLite it holds the write lock from the first statement
(BEGIN IMMEDIATE), on PostgreSQL the conditional UPDATE is atomic per row. Either way the check
"is there enough?" and the change are one statement, so two stations can never both take the last
unit: the second one's UPDATE matches no row and it is told so.

``record_movement`` records one movement; ``reserve`` / ``release`` / ``ship`` / ``sell`` are the
order and counter ones on top of it; ``record_movements`` records many on-hand movements at once
(posting a count) with the same rows, figures and refusals, in two statements.

Conventions (kinds): ``receive``, ``reserve``, ``release``, ``ship``, ``sale``, ``adjust``, ``count``,
``return``; other capabilities may add their own kinds. ``qty_delta`` changes on hand, ``reserved_delta``
the reservation; available = on_hand - reserved. A reason and a reference longer than the ledger keeps
(``REASON_MAX``, ``REFERENCE_MAX``) are cut short.

Backorders: when an order line is confirmed with ``allow_backorder`` and the stock is short, the full
quantity is still reserved (available goes below zero and shows the shortfall). So for every order
holding stock, ``reserved`` always contains all of its lines, and shipping or cancelling can undo
exactly what was reserved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import NamedTuple, TypedDict, Unpack, cast

from sqlalchemy import Table, Update, bindparam, func, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from orderapp.errors import NotFound, OrderAppError
from orderapp.i18n import _
from orderapp.store.models import Product, StockMovement
from orderapp.store.types import utc_now

_PRODUCT = cast(Table, Product.__table__)
_MOVEMENT = cast(Table, StockMovement.__table__)
# The longest reason and reference the ledger keeps: the lengths of those stock_movement columns.
REASON_MAX = 200
REFERENCE_MAX = 100


class StockProblem(OrderAppError):
    """A stock change that the figures do not allow (e.g. releasing more than is reserved)."""


@dataclass(frozen=True)
class OnHandShortage:
    product_id: int
    name: str
    wanted: int
    on_hand: int


class ShortOnHand(StockProblem):
    """Units would leave that are not on hand (a count found fewer than were reserved): refused, so
    on hand never goes below zero silently. ``shortages`` says which products and how many."""

    def __init__(self, message: str, shortages: Sequence[OnHandShortage]) -> None:
        super().__init__(message)
        self.shortages = tuple(shortages)


def on_hand_shortages(session: Session, wanted: Mapping[int, int]) -> list[OnHandShortage]:
    """The products of ``wanted`` (product id -> units leaving) with fewer units on hand. Does NOT commit."""
    ids = sorted(wanted)
    if not ids:
        return []
    rows = session.execute(select(_P.id, _P.name, _P.on_hand).where(_P.id.in_(ids))).all()
    return [
        OnHandShortage(int(pid), str(name), wanted[pid], int(on_hand))
        for pid, name, on_hand in rows
        if on_hand < wanted[pid]
    ]


def shortage_lines(shortages: Sequence[OnHandShortage]) -> str:
    """ "“Tea” (3 needed, 1 on hand), ..." for messages."""
    return ", ".join(
        _("“{name}” ({wanted} needed, {on_hand} on hand)").format(name=s.name, wanted=s.wanted, on_hand=s.on_hand)
        for s in shortages
    )


@dataclass(frozen=True)
class StockFigures:
    product_id: int
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


def record_movement(
    session: Session,
    product_id: int,
    kind: str,
    qty_delta: int,
    reserved_delta: int,
    *,
    user_id: int,
    reason: str,
    reference: str,
    order_id: int | None = None,
    at: datetime | None = None,
    require_available: bool = False,
    require_on_hand: bool = False,
) -> bool:
    """Append one ledger row and apply it to the product's cached figures, atomically.

    The product row is changed by ONE conditional UPDATE; the ledger row is only written when that
    UPDATE matched. Conditions: the reservation never goes below zero, with ``require_available``
    the product's available figure after the change must not be below zero, and with
    ``require_on_hand`` its on-hand figure (shipping: what leaves must be on the shelf).

    Returns True when the movement was recorded, False when a condition refused it (nothing is
    written then). Raises ``NotFound`` for an unknown product. Does NOT commit.
    """
    change = {"p_id": product_id, "p_qty": qty_delta, "p_reserved": reserved_delta}
    statement = _TAKE_AVAILABLE if require_available else _CHANGE_FIGURES
    if require_on_hand:
        statement = statement.where(_AFTER_ON_HAND >= 0)
    if not _move_figures(session, statement, [change]):
        return False
    session.execute(
        _INSERT_MOVEMENT,
        _ledger_row(
            product_id,
            kind,
            qty_delta,
            reserved_delta,
            user_id=user_id,
            reason=reason,
            reference=reference,
            order_id=order_id,
            at=at or utc_now(),
        ),
    )
    return True


@dataclass(frozen=True)
class MovementSpec:
    """One on-hand movement for ``record_movements``: no reservation change, no order."""

    product_id: int
    kind: str
    qty_delta: int
    reason: str
    reference: str


def record_movements(
    session: Session, movements: Sequence[MovementSpec], *, user_id: int, at: datetime | None = None
) -> None:
    """``record_movement`` for many unconditional on-hand movements at once (posting a 10,000-line
    count), with the same rows and the same figures as one call each, in two statements: one
    executemany UPDATE (a net change per product, ``on_hand = on_hand + delta``, so concurrent
    changes add up) and one executemany INSERT. Raises ``NotFound`` for an unknown product, after
    which the caller must roll back. Does NOT commit.
    """
    if not movements:
        return
    totals: dict[int, int] = {}
    for movement in movements:
        totals[movement.product_id] = totals.get(movement.product_id, 0) + movement.qty_delta
    # In product id order, like every other multi-product change, so two of them cannot deadlock.
    # Every product is in it, even one whose movements cancel out, so that a missing one is noticed.
    changes = [{"p_id": pid, "p_qty": totals[pid], "p_reserved": 0} for pid in sorted(totals)]
    if not _move_figures(session, _CHANGE_FIGURES, changes):
        # Not reachable while the figures are right: no movement here changes the reservation.
        raise StockProblem(_("The stock figures do not add up; run a stock check."))
    moment = at or utc_now()
    session.execute(
        _INSERT_MOVEMENT,
        [
            _ledger_row(
                m.product_id,
                m.kind,
                m.qty_delta,
                0,
                user_id=user_id,
                reason=m.reason,
                reference=m.reference,
                order_id=None,
                at=moment,
            )
            for m in movements
        ],
    )


# Built once (confirming an order runs these for every line). A Core UPDATE, no ORM bookkeeping;
# "updated_at" stays, because stock changes are explained by the ledger and a product's "updated"
# means its details. The reservation never goes below zero.
_P = _PRODUCT.c
_AFTER_ON_HAND = _P.on_hand + bindparam("p_qty")
_AFTER_RESERVED = _P.reserved + bindparam("p_reserved")
_CHANGE_FIGURES = (
    update(_PRODUCT)
    .where(_P.id == bindparam("p_id"), _AFTER_RESERVED >= 0)
    .values(on_hand=_AFTER_ON_HAND, reserved=_AFTER_RESERVED, updated_at=_P.updated_at)
)
_TAKE_AVAILABLE = _CHANGE_FIGURES.where(_AFTER_ON_HAND - _AFTER_RESERVED >= 0)
_INSERT_MOVEMENT = _MOVEMENT.insert()


def _move_figures(session: Session, statement: Update, changes: list[dict[str, int]]) -> bool:
    """Run a figures UPDATE for these changes (``p_id``, ``p_qty``, ``p_reserved``): True when it
    changed every product, False when a condition refused one, ``NotFound`` when one does not exist."""
    result = session.execute(statement, changes)
    assert isinstance(result, CursorResult)
    # Objects of these products already in the session would still show the figures from before.
    for change in changes:
        loaded = session.identity_map.get(identity_key(Product, change["p_id"]))
        if loaded is not None:
            session.expire(loaded, ["on_hand", "reserved"])
    if result.rowcount == len(changes):
        return True
    ids = [change["p_id"] for change in changes]
    existing: set[int] = set()
    for start in range(0, len(ids), 900):
        existing.update(session.scalars(select(_P.id).where(_P.id.in_(ids[start : start + 900]))))
    missing = [pid for pid in ids if pid not in existing]
    if missing:
        raise NotFound(_("Product {id} does not exist; it may have been deleted.").format(id=missing[0]))
    return False


def _ledger_row(
    product_id: int,
    kind: str,
    qty_delta: int,
    reserved_delta: int,
    *,
    user_id: int,
    reason: str,
    reference: str,
    order_id: int | None,
    at: datetime,
) -> dict[str, object]:
    return {
        "product_id": product_id,
        "at": at,
        "user_id": user_id,
        "kind": kind,
        "qty_delta": qty_delta,
        "reserved_delta": reserved_delta,
        "reason": reason[:REASON_MAX],
        "reference": reference[:REFERENCE_MAX],
        "order_id": order_id,
    }


class OrderMove(TypedDict, total=False):
    """What ``reserve``, ``release``, ``ship`` and ``sell`` take besides the product and the units."""

    reference: str  # the order's number, shown in the ledger
    reason: str  # the ledger row's reason; each function has its own default
    at: datetime | None  # when; now if not given


@dataclass(frozen=True)
class _Kind:
    """One kind of order movement: its ledger kind, how ``qty`` units change on hand and reserved,
    and what happens when the units are not there."""

    name: str
    on_hand: int  # -1: on hand goes down by qty, 0: unchanged
    reserved: int  # +1: reserved goes up by qty, -1: down
    reason: str  # the default reason
    # Taking from the reservation: the sentence (fields qty, id) raised as StockProblem when fewer units
    # are reserved. None: taking from what is available, which answers False instead.
    refusal: Callable[[], str] | None = None


_RESERVE = _Kind("reserve", 0, 1, "Order confirmed")
_SELL = _Kind("sale", -1, 0, "Counter sale")
_RELEASE = _Kind(
    "release",
    0,
    -1,
    "Reservation released",
    lambda: _("Cannot release {qty} units of product {id}: fewer are reserved. Run a stock check."),
)
_SHIP = _Kind(
    "ship",
    -1,
    -1,
    "Order shipped",
    lambda: _("Cannot ship {qty} units of product {id}: fewer are reserved for it. Run a stock check."),
)


def reserve(
    session: Session,
    product_id: int,
    qty: int,
    *,
    user_id: int,
    order_id: int | None,
    allow_backorder: bool,
    **move: Unpack[OrderMove],
) -> bool:
    """Reserve ``qty`` units for an order.

    Returns True when the units were available and are now reserved. When they are not available:
    without ``allow_backorder`` nothing is written and False is returned; with it the full quantity
    is reserved anyway (a backorder) and False is returned, so the caller can mark the line.
    """
    return _order_move(session, _RESERVE, product_id, qty, user_id, order_id, move, short=allow_backorder)


def reserve_all(
    session: Session,
    wanted: Mapping[int, int],
    *,
    user_id: int,
    order_id: int,
    reference: str = "",
    reason: str = "Order confirmed",
    at: datetime | None = None,
) -> bool:
    """Reserve every product's units in ``wanted`` (product id -> units) when ALL are available:
    ``reserve`` for a whole order in two statements whatever its number of lines: one INSERT of the
    ledger rows, then one executemany UPDATE of the figures (pipelined by psycopg on PostgreSQL, in
    product id order). The UPDATE comes last so that the products' rows, which other stations
    confirming the same products wait for, are locked for as short a time as can be: call this last
    before committing.

    True when everything is reserved. False when some product is short: then ledger rows and some
    products' figures have been written, and the caller must roll the transaction back (and may go
    product by product with ``reserve`` to learn which are short). Does NOT commit.
    """
    for qty in wanted.values():
        _check_qty(qty)
    changes = [{"p_id": pid, "p_qty": 0, "p_reserved": wanted[pid]} for pid in sorted(wanted)]
    if not changes:
        return True
    moment = at or utc_now()
    rows = [
        _ledger_row(
            change["p_id"],
            "reserve",
            0,
            change["p_reserved"],
            user_id=user_id,
            reason=reason,
            reference=reference,
            order_id=order_id,
            at=moment,
        )
        for change in changes
    ]
    session.execute(_INSERT_MOVEMENT, rows)
    return _move_figures(session, _TAKE_AVAILABLE, changes)


def release(
    session: Session, product_id: int, qty: int, *, user_id: int, order_id: int | None, **move: Unpack[OrderMove]
) -> None:
    """Give back ``qty`` reserved units (order cancelled, line removed, quantity lowered)."""
    _order_move(session, _RELEASE, product_id, qty, user_id, order_id, move)


def ship(
    session: Session, product_id: int, qty: int, *, user_id: int, order_id: int | None, **move: Unpack[OrderMove]
) -> None:
    """Reserved units leave the shop: on hand and reserved both go down by ``qty``."""
    _order_move(session, _SHIP, product_id, qty, user_id, order_id, move)


def sell(
    session: Session,
    product_id: int,
    qty: int,
    *,
    user_id: int,
    order_id: int | None,
    allow_short: bool,
    **move: Unpack[OrderMove],
) -> bool:
    """A walk-in sale: ``qty`` units leave at once (on hand goes down, no reservation).

    Returns True when the units were available. When not: without ``allow_short`` nothing is
    written and False is returned; with it the sale is recorded anyway and False is returned.
    """
    return _order_move(session, _SELL, product_id, qty, user_id, order_id, move, short=allow_short)


def _order_move(
    session: Session,
    kind: _Kind,
    product_id: int,
    qty: int,
    user_id: int,
    order_id: int | None,
    move: OrderMove,
    *,
    short: bool = False,
) -> bool:
    """Record ``qty`` units of ``kind``. Taking from what is available: True when the units were
    there; when not, False, after recording the movement all the same when ``short`` allows it (a
    reservation's reason then says "(backorder)"), else writing nothing. Taking from the reservation:
    True, or ``StockProblem`` with the kind's refusal and nothing written."""
    _check_qty(qty)
    reason = move.get("reason", kind.reason)
    movement = partial(
        record_movement,
        session,
        product_id,
        kind.name,
        kind.on_hand * qty,
        kind.reserved * qty,
        user_id=user_id,
        reference=move.get("reference", ""),
        order_id=order_id,
        at=move.get("at"),
    )
    if movement(reason=reason, require_available=kind.refusal is None):
        return True
    if kind.refusal is not None:
        raise StockProblem(kind.refusal().format(qty=qty, id=product_id))
    if short:
        movement(reason=reason + " (backorder)" if kind is _RESERVE else reason)
    return False


def figures(session: Session, product_ids: Iterable[int]) -> dict[int, StockFigures]:
    """Current cached figures for the given products (missing ids are absent)."""
    ids = sorted(set(product_ids))
    if not ids:
        return {}
    rows = session.execute(select(Product.id, Product.on_hand, Product.reserved).where(Product.id.in_(ids))).all()
    return {pid: StockFigures(pid, on_hand, reserved) for pid, on_hand, reserved in rows}


class LedgerMismatch(NamedTuple):
    product_id: int
    on_hand: int
    ledger_on_hand: int
    reserved: int
    ledger_reserved: int


def ledger_mismatches(session: Session, product_ids: Iterable[int] | None = None) -> list[LedgerMismatch]:
    """Products whose cached figures differ from the ledger. Empty when everything agrees (it always should)."""
    sums = (
        select(
            StockMovement.product_id.label("pid"),
            func.sum(StockMovement.qty_delta).label("qty"),
            func.sum(StockMovement.reserved_delta).label("res"),
        )
        .group_by(StockMovement.product_id)
        .subquery()
    )
    query = select(
        Product.id,
        Product.on_hand,
        func.coalesce(sums.c.qty, 0),
        Product.reserved,
        func.coalesce(sums.c.res, 0),
    ).outerjoin(sums, sums.c.pid == Product.id)
    if product_ids is not None:
        query = query.where(Product.id.in_(sorted(set(product_ids))))
    return [
        LedgerMismatch(int(pid), int(on_hand), int(ledger_qty), int(reserved), int(ledger_res))
        for pid, on_hand, ledger_qty, reserved, ledger_res in session.execute(query)
        if on_hand != ledger_qty or reserved != ledger_res
    ]


def _check_qty(qty: int) -> None:
    if isinstance(qty, bool) or not isinstance(qty, int) or qty < 1:
        raise ValueError(f"quantity must be a positive whole number, got {qty!r}")
