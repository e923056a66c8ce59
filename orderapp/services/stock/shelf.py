"""Stock movements a person makes at the shelf: receiving deliveries, adjusting with a reason,
taking returns back, and reading a product's movement history.

API summary (every function takes a ``Database`` and returns frozen dataclasses):

    ``receive_delivery(database, lines, *, user_id, supplier_reference="", note="") -> tuple[StockChange, ...]``
        One delivery, all lines in one transaction: each ``ReceiptLine(product_id, qty)`` adds
        ``qty`` units. A scanned code is turned into a line with ``catalogue.find_by_code``
        (a case barcode is worth its pack quantity: ``CodeMatch.units``).
    ``receive_stock(database, product_id, qty, ...)``: a delivery of one line.
    ``adjust_stock(database, product_id, qty_delta, reason, *, user_id, note="", reference="")``
        ``AdjustReason``: damaged and lost take units away, found adds them, correction goes
        either way. Taking away more than is free (on hand minus what open orders have reserved)
        is refused with a message saying how many are free.
    ``return_to_stock(database, product_id, qty, *, user_id, reference="", order_id=None, note="")``
    ``stock_figures(database, product_id) -> StockFigures`` (on hand, reserved, available).
    ``movement_history(database, product_id, *, after=None, limit=100) -> MovementPage``
        The product's ledger newest first, each row with user, time, kind, reason, reference,
        order number, and the on-hand / reserved figures right after it. Page on with
        ``after=page.next_key``.
    ``stock_mismatches(database) -> list[...]``: products whose cached figures differ from the
        ledger (always empty; for the "check stock" tool and tests).

Every change goes through ``orderapp.services.stock.ledger`` (``record_movement``): the ledger row
and the product's cached figures change in one transaction, and nothing here writes either by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func, or_, select, tuple_
from sqlalchemy.orm import Session

from orderapp.domain.product_validation import QTY_MAX
from orderapp.errors import FieldError, NotFound, OrderAppError, ValidationFailed
from orderapp.i18n import _
from orderapp.services.staff import audit_entries as staff_audit
from orderapp.services.stock import ledger as stock_ledger
from orderapp.services.stock.ledger import REASON_MAX, REFERENCE_MAX, StockFigures
from orderapp.store.database import Database
from orderapp.store.models import Order, Product, StockMovement, User
from orderapp.store.types import utc_now


class AdjustReason(StrEnum):
    DAMAGED = "damaged"
    LOST = "lost"
    FOUND = "found"
    CORRECTION = "correction"


def reason_label(reason: AdjustReason) -> str:
    return {
        AdjustReason.DAMAGED: _("damaged"),
        AdjustReason.LOST: _("lost"),
        AdjustReason.FOUND: _("found"),
        AdjustReason.CORRECTION: _("correction"),
    }[reason]


class NotEnoughStock(OrderAppError):
    """Taking away more units than are free."""


@dataclass(frozen=True)
class ReceiptLine:
    product_id: int
    qty: int


@dataclass(frozen=True)
class StockChange:
    product_id: int
    sku: str
    name: str
    qty_delta: int
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


@dataclass(frozen=True)
class MovementRow:
    id: int
    at: datetime
    kind: str  # receive, reserve, release, ship, sale, adjust, count, return, ...
    qty_delta: int
    reserved_delta: int
    on_hand_after: int
    reserved_after: int
    user_id: int
    user_name: str
    reason: str
    reference: str
    order_id: int | None
    order_number: str


@dataclass(frozen=True)
class MovementKey:
    at: datetime
    id: int


@dataclass(frozen=True)
class MovementPage:
    rows: tuple[MovementRow, ...]
    next_key: MovementKey | None


def receive_stock(
    database: Database,
    product_id: int,
    qty: int,
    *,
    user_id: int,
    supplier_reference: str = "",
    note: str = "",
    at: datetime | None = None,
) -> StockChange:
    return receive_delivery(
        database,
        [ReceiptLine(product_id, qty)],
        user_id=user_id,
        supplier_reference=supplier_reference,
        note=note,
        at=at,
    )[0]


def receive_delivery(
    database: Database,
    lines: Sequence[ReceiptLine],
    *,
    user_id: int,
    supplier_reference: str = "",
    note: str = "",
    at: datetime | None = None,
) -> tuple[StockChange, ...]:
    """Book a delivery: every line or none. Lines of the same product may repeat (scans)."""
    errors = [
        FieldError(f"lines[{i}].qty", message)
        for i, line in enumerate(lines)
        if (message := _qty_problem(line.qty, allow_negative=False))
    ]
    errors += _text_problems(supplier_reference, note)
    if not lines:
        errors.append(FieldError("lines", _("Scan or type at least one product to receive.")))
    if errors:
        raise ValidationFailed(errors)
    reason = _("Delivery received") + (f": {note.strip()}" if note.strip() else "")
    with database.session(write=True) as session:
        moment = at or utc_now()
        for line in lines:
            stock_ledger.record_movement(
                session,
                line.product_id,
                "receive",
                line.qty,
                0,
                user_id=user_id,
                reason=reason,
                reference=supplier_reference.strip(),
                at=moment,
            )
        changes = _changes(session, [(line.product_id, line.qty) for line in lines])
        session.commit()
    return changes


def adjust_stock(
    database: Database,
    product_id: int,
    qty_delta: int,
    reason: AdjustReason,
    *,
    user_id: int,
    note: str = "",
    reference: str = "",
    at: datetime | None = None,
) -> StockChange:
    """Correct the stock by ``qty_delta`` units for ``reason``; refused when it would take more
    than is free (units reserved for open orders must be released from their orders first)."""
    errors: list[FieldError] = []
    message = _qty_problem(qty_delta, allow_negative=True)
    if message:
        errors.append(FieldError("qty_delta", message))
    elif reason in (AdjustReason.DAMAGED, AdjustReason.LOST) and qty_delta > 0:
        errors.append(
            FieldError("qty_delta", _("Damaged or lost units are taken away: type the number as a minus, e.g. -2."))
        )
    elif reason is AdjustReason.FOUND and qty_delta < 0:
        errors.append(FieldError("qty_delta", _("Found units are added: type a number above 0.")))
    errors += _text_problems(reference, note)
    if errors:
        raise ValidationFailed(errors)
    text = reason.value + (f": {note.strip()}" if note.strip() else "")
    with database.session(write=True) as session:
        staff_audit.stock_adjustment(session, user_id, product_id, qty_delta, text)
        recorded = stock_ledger.record_movement(
            session,
            product_id,
            "adjust",
            qty_delta,
            0,
            user_id=user_id,
            reason=text,
            reference=reference.strip(),
            at=at,
            require_available=qty_delta < 0,
        )
        if not recorded:
            figures = stock_ledger.figures(session, [product_id])[product_id]
            raise NotEnoughStock(
                _(
                    "Only {free} can be taken away: {on_hand} are on hand and {reserved} of them are reserved "
                    "for open orders. Take fewer, or cancel or change those orders first."
                ).format(free=max(figures.available, 0), on_hand=figures.on_hand, reserved=figures.reserved)
            )
        change = _changes(session, [(product_id, qty_delta)])[0]
        session.commit()
    return change


def return_to_stock(
    database: Database,
    product_id: int,
    qty: int,
    *,
    user_id: int,
    reference: str = "",
    order_id: int | None = None,
    note: str = "",
    at: datetime | None = None,
) -> StockChange:
    """Units a customer brought back that can be sold again."""
    errors = []
    message = _qty_problem(qty, allow_negative=False)
    if message:
        errors.append(FieldError("qty", message))
    errors += _text_problems(reference, note)
    if errors:
        raise ValidationFailed(errors)
    with database.session(write=True) as session:
        stock_ledger.record_movement(
            session,
            product_id,
            "return",
            qty,
            0,
            user_id=user_id,
            reason=_("Returned to stock") + (f": {note.strip()}" if note.strip() else ""),
            reference=reference.strip(),
            order_id=order_id,
            at=at,
        )
        change = _changes(session, [(product_id, qty)])[0]
        session.commit()
    return change


def stock_figures(database: Database, product_id: int) -> StockFigures:
    with database.session() as session:
        found = stock_ledger.figures(session, [product_id])
    if product_id not in found:
        raise NotFound(_("Product {id} does not exist; it may have been removed.").format(id=product_id))
    return found[product_id]


def movement_history(
    database: Database, product_id: int, *, after: MovementKey | None = None, limit: int = 100
) -> MovementPage:
    """The product's ledger, newest first, with the figures right after each movement."""
    limit = max(1, min(limit, 1_000))
    with database.session() as session:
        product = session.execute(select(Product.on_hand, Product.reserved).where(Product.id == product_id)).first()
        if product is None:
            raise NotFound(_("Product {id} does not exist; it may have been removed.").format(id=product_id))
        on_hand, reserved = int(product.on_hand), int(product.reserved)
        mine = StockMovement.product_id == product_id
        if after is not None:
            newer = or_(
                StockMovement.at > after.at,
                (StockMovement.at == after.at) & (StockMovement.id >= after.id),
            )
            later = session.execute(
                select(
                    func.coalesce(func.sum(StockMovement.qty_delta), 0),
                    func.coalesce(func.sum(StockMovement.reserved_delta), 0),
                ).where(mine, newer)
            ).one()
            on_hand -= int(later[0])
            reserved -= int(later[1])
        statement = (
            select(StockMovement, User.display_name, Order.number)
            .join(User, User.id == StockMovement.user_id)
            .outerjoin(Order, Order.id == StockMovement.order_id)
            .where(mine)
            .order_by(StockMovement.at.desc(), StockMovement.id.desc())
            .limit(limit + 1)
        )
        if after is not None:
            statement = statement.where(tuple_(StockMovement.at, StockMovement.id) < tuple_(after.at, after.id))
        found = session.execute(statement).all()
    rows: list[MovementRow] = []
    for movement, user_name, order_number in found[:limit]:
        rows.append(
            MovementRow(
                id=movement.id,
                at=movement.at,
                kind=movement.kind,
                qty_delta=movement.qty_delta,
                reserved_delta=movement.reserved_delta,
                on_hand_after=on_hand,
                reserved_after=reserved,
                user_id=movement.user_id,
                user_name=user_name,
                reason=movement.reason,
                reference=movement.reference,
                order_id=movement.order_id,
                order_number=order_number or "",
            )
        )
        on_hand -= movement.qty_delta
        reserved -= movement.reserved_delta
    next_key = MovementKey(rows[-1].at, rows[-1].id) if len(found) > limit else None
    return MovementPage(tuple(rows), next_key)


def stock_mismatches(database: Database) -> list[stock_ledger.LedgerMismatch]:
    """Products whose on hand or reserved figures differ from what the ledger says."""
    with database.session() as session:
        return stock_ledger.ledger_mismatches(session)


def _qty_problem(qty: int, *, allow_negative: bool) -> str:
    if isinstance(qty, bool) or not isinstance(qty, int):
        return _("Type a whole number of units.")
    if qty == 0 or (qty < 0 and not allow_negative):
        return _("Type a number of units above 0.") if not allow_negative else _("Type a number of units, not 0.")
    if abs(qty) > QTY_MAX:
        return _("That is more units than a shop can hold; check the number.")
    return ""


def _text_problems(reference: str, note: str) -> list[FieldError]:
    errors = []
    if len(reference.strip()) > REFERENCE_MAX:
        errors.append(FieldError("reference", _("A reference can be at most {n} characters.").format(n=REFERENCE_MAX)))
    if len(note.strip()) > REASON_MAX - 20:
        errors.append(FieldError("note", _("A note can be at most {n} characters.").format(n=REASON_MAX - 20)))
    return errors


def _changes(session: Session, deltas: Sequence[tuple[int, int]]) -> tuple[StockChange, ...]:
    ids = sorted({pid for pid, _delta in deltas})
    rows = {
        r.id: r
        for r in session.execute(
            select(Product.id, Product.sku, Product.name, Product.on_hand, Product.reserved).where(Product.id.in_(ids))
        )
    }
    return tuple(
        StockChange(pid, rows[pid].sku, rows[pid].name, delta, rows[pid].on_hand, rows[pid].reserved)
        for pid, delta in deltas
    )
