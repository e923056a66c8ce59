"""The stock ledger: every change of stock is one appended ``stock_movement`` row, and the product's
cached ``on_hand`` / ``reserved`` figures move with it in the same transaction.

Every function here works inside the caller's session and never commits. Use a write session
(``database.session(write=True)``): on SQLite it holds the write lock from the first statement
(BEGIN IMMEDIATE), on PostgreSQL the conditional UPDATE is atomic per row. Either way the check
"is there enough?" and the change are one statement, so two stations can never both take the last
unit: the second one's UPDATE matches no row and it is told so.

Conventions (kinds): ``receive``, ``reserve``, ``release``, ``ship``, ``sale``, ``adjust``, ``count``,
``return``; other capabilities may add their own kinds. ``qty_delta`` changes on hand, ``reserved_delta``
the reservation; available = on_hand - reserved.

Backorders: when an order line is confirmed with ``allow_backorder`` and the stock is short, the full
quantity is still reserved (available goes below zero and shows the shortfall). So for every order
holding stock, ``reserved`` always contains all of its lines, and shipping or cancelling can undo
exactly what was reserved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from orderapp.errors import NotFound, OrderAppError
from orderapp.i18n import _
from orderapp.store.models import Product, StockMovement
from orderapp.store.types import utc_now

_PRODUCT = cast(Table, Product.__table__)


class StockProblem(OrderAppError):
    """A stock change that the figures do not allow (e.g. releasing more than is reserved)."""


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
) -> bool:
    """Append one ledger row and apply it to the product's cached figures, atomically.

    The product row is changed by ONE conditional UPDATE; the ledger row is only written when that
    UPDATE matched. Conditions: the reservation never goes below zero, and with ``require_available``
    the product's available figure after the change must not be below zero.

    Returns True when the movement was recorded, False when a condition refused it (nothing is
    written then). Raises ``NotFound`` for an unknown product. Does NOT commit.
    """
    statement = _TAKE_AVAILABLE if require_available else _CHANGE_FIGURES
    result = session.execute(statement, {"p_id": product_id, "p_qty": qty_delta, "p_reserved": reserved_delta})
    assert isinstance(result, CursorResult)
    loaded = session.identity_map.get(identity_key(Product, product_id))
    if loaded is not None:
        session.expire(loaded, ["on_hand", "reserved"])
    if result.rowcount != 1:
        if session.scalar(select(Product.id).where(Product.id == product_id)) is None:
            raise NotFound(_("Product {id} does not exist; it may have been deleted.").format(id=product_id))
        return False
    session.execute(
        _INSERT_MOVEMENT,
        {
            "product_id": product_id,
            "at": at or utc_now(),
            "user_id": user_id,
            "kind": kind,
            "qty_delta": qty_delta,
            "reserved_delta": reserved_delta,
            "reason": reason[:200],
            "reference": reference[:100],
            "order_id": order_id,
        },
    )
    return True


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
_TAKE_AVAILABLE = (
    update(_PRODUCT)
    .where(_P.id == bindparam("p_id"), _AFTER_RESERVED >= 0, _AFTER_ON_HAND - _AFTER_RESERVED >= 0)
    .values(on_hand=_AFTER_ON_HAND, reserved=_AFTER_RESERVED, updated_at=_P.updated_at)
)
_INSERT_MOVEMENT = cast(Table, StockMovement.__table__).insert()


def reserve(
    session: Session,
    product_id: int,
    qty: int,
    *,
    user_id: int,
    order_id: int | None,
    allow_backorder: bool,
    reference: str = "",
    reason: str = "Order confirmed",
    at: datetime | None = None,
) -> bool:
    """Reserve ``qty`` units for an order.

    Returns True when the units were available and are now reserved. When they are not available:
    without ``allow_backorder`` nothing is written and False is returned; with it the full quantity
    is reserved anyway (a backorder) and False is returned, so the caller can mark the line.
    """
    _check_qty(qty)
    if record_movement(
        session,
        product_id,
        "reserve",
        0,
        qty,
        user_id=user_id,
        reason=reason,
        reference=reference,
        order_id=order_id,
        at=at,
        require_available=True,
    ):
        return True
    if allow_backorder:
        record_movement(
            session,
            product_id,
            "reserve",
            0,
            qty,
            user_id=user_id,
            reason=reason + " (backorder)",
            reference=reference,
            order_id=order_id,
            at=at,
        )
    return False


def release(
    session: Session,
    product_id: int,
    qty: int,
    *,
    user_id: int,
    order_id: int | None,
    reference: str = "",
    reason: str = "Reservation released",
    at: datetime | None = None,
) -> None:
    """Give back ``qty`` reserved units (order cancelled, line removed, quantity lowered)."""
    _check_qty(qty)
    if not record_movement(
        session,
        product_id,
        "release",
        0,
        -qty,
        user_id=user_id,
        reason=reason,
        reference=reference,
        order_id=order_id,
        at=at,
    ):
        raise StockProblem(
            _("Cannot release {qty} units of product {id}: fewer are reserved. Run a stock check.").format(
                qty=qty, id=product_id
            )
        )


def ship(
    session: Session,
    product_id: int,
    qty: int,
    *,
    user_id: int,
    order_id: int | None,
    reference: str = "",
    reason: str = "Order shipped",
    at: datetime | None = None,
) -> None:
    """Reserved units leave the shop: on hand and reserved both go down by ``qty``."""
    _check_qty(qty)
    if not record_movement(
        session,
        product_id,
        "ship",
        -qty,
        -qty,
        user_id=user_id,
        reason=reason,
        reference=reference,
        order_id=order_id,
        at=at,
    ):
        raise StockProblem(
            _("Cannot ship {qty} units of product {id}: fewer are reserved for it. Run a stock check.").format(
                qty=qty, id=product_id
            )
        )


def sell(
    session: Session,
    product_id: int,
    qty: int,
    *,
    user_id: int,
    order_id: int | None,
    allow_short: bool,
    reference: str = "",
    reason: str = "Counter sale",
    at: datetime | None = None,
) -> bool:
    """A walk-in sale: ``qty`` units leave at once (on hand goes down, no reservation).

    Returns True when the units were available. When not: without ``allow_short`` nothing is
    written and False is returned; with it the sale is recorded anyway and False is returned.
    """
    _check_qty(qty)
    if record_movement(
        session,
        product_id,
        "sale",
        -qty,
        0,
        user_id=user_id,
        reason=reason,
        reference=reference,
        order_id=order_id,
        at=at,
        require_available=True,
    ):
        return True
    if allow_short:
        record_movement(
            session,
            product_id,
            "sale",
            -qty,
            0,
            user_id=user_id,
            reason=reason,
            reference=reference,
            order_id=order_id,
            at=at,
        )
    return False


def figures(session: Session, product_ids: Iterable[int]) -> dict[int, StockFigures]:
    """Current cached figures for the given products (missing ids are absent)."""
    ids = sorted(set(product_ids))
    if not ids:
        return {}
    rows = session.execute(select(Product.id, Product.on_hand, Product.reserved).where(Product.id.in_(ids))).all()
    return {pid: StockFigures(pid, on_hand, reserved) for pid, on_hand, reserved in rows}


def ledger_mismatches(
    session: Session, product_ids: Iterable[int] | None = None
) -> list[tuple[int, int, int, int, int]]:
    """Products whose cached figures differ from the ledger: (id, on_hand, ledger on hand, reserved,
    ledger reserved). Empty when everything agrees (it always should)."""
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
        (int(pid), int(on_hand), int(ledger_qty), int(reserved), int(ledger_res))
        for pid, on_hand, ledger_qty, reserved, ledger_res in session.execute(query)
        if on_hand != ledger_qty or reserved != ledger_res
    ]


def _check_qty(qty: int) -> None:
    if isinstance(qty, bool) or not isinstance(qty, int) or qty < 1:
        raise ValueError(f"quantity must be a positive whole number, got {qty!r}")
