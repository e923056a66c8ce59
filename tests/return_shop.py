"""Orders that have left the shop, for the returns tests: placed, confirmed, packed and shipped."""

from __future__ import annotations

import itertools

from order_shop import USER, delivery_draft

from orderapp.domain.order_status import OrderStatus
from orderapp.domain.order_validation import LineDraft
from orderapp.services.orders import placing as orders
from orderapp.services.orders.lifecycle import change_status
from orderapp.store.database import Database
from orderapp.store.models import Order

_PHONES = itertools.count(10)


def shipped(
    database: Database, *lines: LineDraft, paid: bool = True, deliver: bool = False, name: str = "王小明"
) -> orders.OrderView:
    """A paid (or unpaid) order for ``lines``, shipped (or delivered); each call is a new customer."""
    extra: dict[str, object] = {"payment_status": "paid"} if paid else {}
    draft = delivery_draft(*lines, name=name, phone=f"138 1234 {5600 + next(_PHONES) % 400}", **extra)
    view = orders.place_order(database, draft, user_id=USER, confirm=True)
    with database.session(write=True) as session:  # the packing station's part
        order = session.get(Order, view.id)
        assert order is not None
        change_status(session, order, OrderStatus.PACKED, user_id=USER, detail="scan-verified")
        session.commit()
    view = orders.ship_order(database, view.id, carrier="SF", tracking_number="SF1", user_id=USER)
    if deliver:
        view = orders.mark_delivered(database, view.id, user_id=USER)
    return view
