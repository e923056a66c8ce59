"""The permission checks and audit entries other services make inside their own transaction.

Each helper takes a Session and never commits: the audit row lands with the change it explains,
or not at all. A service calls one of these with one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from orderapp.domain.money import format_money
from orderapp.domain.staff import DEFAULT_BIG_ADJUSTMENT, Permission, station_name
from orderapp.i18n import _
from orderapp.store import settings_store, staff_store
from orderapp.store.models import Product
from orderapp.store.staff_models import AuditEntry
from orderapp.store.types import utc_now

BIG_ADJUSTMENT_KEY = "staff.big_adjustment_units"
IDLE_LOCK_KEY = "staff.idle_lock_minutes"


def price_change(session: Session, user_id: int, sku: str, before: Any, after: Any) -> None:
    """A product edit that changes its price or cost needs the owner and is logged."""
    if (before.price_cents, before.cost_cents) == (after.price_cents, after.cost_cents):
        return
    staff_store.require(session, user_id, Permission.PRICES)
    staff_store.append_audit(
        session,
        user_id=user_id,
        action="price",
        object=_("product {sku}").format(sku=sku),
        before=_prices(session, before.price_cents, before.cost_cents),
        after=_prices(session, after.price_cents, after.cost_cents),
    )


def price_changes(session: Session, user_id: int, changes: Sequence[tuple[str, Any, Any]]) -> None:
    """Many products at once (an import): (sku, before, after) drafts; one check, one insert."""
    changed = [c for c in changes if (c[1].price_cents, c[1].cost_cents) != (c[2].price_cents, c[2].cost_cents)]
    if not changed:
        return
    staff_store.require(session, user_id, Permission.PRICES)
    currency = settings_store.read_values(session, ["shop.currency"]).get("shop.currency", "CNY")
    now, station = utc_now(), station_name()

    def shown(draft: Any) -> str:
        return _("price {price}, cost {cost}").format(
            price=format_money(draft.price_cents, currency, symbol=False),
            cost=format_money(draft.cost_cents, currency, symbol=False),
        )

    session.execute(
        insert(AuditEntry),
        [
            {
                "at": now,
                "user_id": user_id,
                "station": station,
                "action": "price",
                "object": _("product {sku}").format(sku=sku)[:200],
                "before": shown(before),
                "after": shown(after),
            }
            for sku, before, after in changed
        ],
    )


def _prices(session: Session, price: int, cost: int) -> str:
    currency = settings_store.read_values(session, ["shop.currency"]).get("shop.currency", "CNY")
    return _("price {price}, cost {cost}").format(
        price=format_money(price, currency, symbol=False), cost=format_money(cost, currency, symbol=False)
    )


def big_adjustment_units(session: Session) -> int:
    text = settings_store.read_values(session, [BIG_ADJUSTMENT_KEY]).get(BIG_ADJUSTMENT_KEY, "")
    return int(text) if text.isdigit() else DEFAULT_BIG_ADJUSTMENT


def stock_adjustment(session: Session, user_id: int, product_id: int, delta: int, reason: str) -> None:
    """An adjustment of more than the shop's threshold (either way) needs the owner and is logged."""
    if abs(delta) <= big_adjustment_units(session):
        return
    row = session.execute(select(Product.sku, Product.on_hand).where(Product.id == product_id)).first()
    sku, on_hand = (row.sku, row.on_hand) if row else (f"#{product_id}", 0)
    staff_store.require(session, user_id, Permission.BIG_ADJUSTMENT)
    staff_store.append_audit(
        session,
        user_id=user_id,
        action="stock_adjust",
        object=_("product {sku}").format(sku=sku),
        before=_("on hand {n}").format(n=on_hand),
        after=_("on hand {n} ({reason})").format(n=on_hand + delta, reason=reason),
    )


def pack_override(
    session: Session, user_id: int, station: str, number: str, before: str, detail: str, approved_by: int | None
) -> None:
    if approved_by is not None and approved_by != user_id:
        detail += " " + _("(approved by {name})").format(name=staff_store.user_name(session, approved_by))
    staff_store.append_audit(
        session,
        user_id=user_id,
        station=station,
        action="pack_override",
        object=_("order {number}").format(number=number),
        before=before,
        after=f"packed: {detail}",
    )


def order_status(session: Session, user_id: int, number: str, before: str, after: str, kind: str, detail: str) -> None:
    """Cancellations are logged (called by order_lifecycle.change_status)."""
    if after != "cancelled":
        return
    staff_store.append_audit(
        session,
        user_id=user_id,
        action="cancel",
        object=_("order {number}").format(number=number),
        before=before,
        after=f"{after}: {detail}" if detail else after,
    )
