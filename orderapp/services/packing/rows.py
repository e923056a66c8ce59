"""Packing's rows read and written inside the caller's session: the order checked and locked, the
session closed, the lines' counts, the last scan to undo, the view. Nothing here commits (except
where an order no longer waiting is let go, said at ``open_work``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from orderapp.domain.gtin import Symbology
from orderapp.domain.order_status import TO_PACK_STATUSES, OrderStatus
from orderapp.domain.scan_outcomes import ScanOutcome, SessionOutcome, normalise_order_number
from orderapp.i18n import _
from orderapp.services.aftersales.exceptions import refuse_if_held
from orderapp.services.orders.lifecycle import status_label
from orderapp.services.packing.queue import COUNTED_OUTCOMES, QueueEntry, read_queue
from orderapp.services.packing.views import LineCounts, NotReadyToPack, PackingView, PackLine, SessionClosed
from orderapp.services.settings.packing import read_packing_settings
from orderapp.store.barcode_lookup import CodeOwner, find_code
from orderapp.store.models import Customer, Order, OrderLine, Product, User
from orderapp.store.packing_models import PackScan, PackSession
from orderapp.store.types import utc_now

TO_PACK = frozenset(status.value for status in TO_PACK_STATUSES)


def check_packable(session: Session, order: Order) -> None:
    if order.status in TO_PACK:
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
                packer=user_name(session, last.user_id),
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


def open_work(session: Session, session_id: int) -> tuple[PackSession, Order]:
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
    if order.status not in TO_PACK:
        close_session(pack, SessionOutcome.ABANDONED, utc_now())
        session.commit()
        check_packable(session, order)
    return pack, order


def close_session(pack: PackSession, outcome: SessionOutcome, when: datetime) -> None:
    pack.outcome = outcome.value
    pack.finished_at = when


def leave_other_orders(session: Session, station: str, order_id: int, when: datetime) -> None:
    for other in session.scalars(
        select(PackSession).where(
            PackSession.station == station, PackSession.outcome.is_(None), PackSession.order_id != order_id
        )
    ):
        close_session(other, SessionOutcome.ABANDONED, when)


def line_counts(session: Session, order_id: int) -> list[LineCounts]:
    counted = sum_by_line(session, order_id)
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
        LineCounts(line_id, line_no, product_id, sku, name, location, quantity, counted.get(line_id, 0))
        for line_id, line_no, product_id, sku, name, location, quantity in rows
    ]


def sum_by_line(session: Session, order_id: int) -> dict[int, int]:
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


def last_undoable(session: Session, order_id: int) -> PackScan | None:
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


def packing_view_of(session: Session, pack: PackSession, order: Order) -> PackingView:
    settings = read_packing_settings(session)
    states = line_counts(session, order.id)
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
        can_undo=pack.outcome is None and last_undoable(session, order.id) is not None,
        typed_qty_from=threshold,
    )


def next_to_pack(session: Session, just_packed: int) -> QueueEntry | None:
    queue = read_queue(session, limit=20, exclude=[just_packed])
    return next((entry for entry in queue.entries if not entry.packing_at), None)


def find_barcode(session: Session, code: str, symbology: Symbology | str | None = None) -> list[CodeOwner]:
    """The products (with units per scan) of ``code`` in any written form of its GTIN (the one key,
    ``orderapp.store.barcode_lookup``), best first; empty when no product has it."""
    return find_code(session, code, symbology)


def is_order_number(session: Session, code: str) -> bool:
    wanted = normalise_order_number(code)
    if not wanted:
        return False
    return session.scalar(select(Order.id).where(Order.number == wanted)) is not None


def user_name(session: Session, user_id: int) -> str:
    row = session.execute(select(User.display_name, User.username).where(User.id == user_id)).one_or_none()
    if row is None:
        return "?"
    return str(row[0] or row[1])
