"""Stock never goes below zero silently: after a count finds fewer units than are reserved, shipping
and packing by override are refused with a sentence; the owner may ship anyway with a reason, which
the ledger and the order's timeline keep."""

from __future__ import annotations

import pytest
from order_shop import USER, Shop, delivery_draft, figures, make_shop
from sqlalchemy import select

from orderapp.domain.order_validation import LineDraft
from orderapp.services.orders import placing as orders
from orderapp.services.packing import station as packing
from orderapp.services.stock import ledger as stock_ledger
from orderapp.store.database import Database
from orderapp.store.models import OrderEvent, StockMovement

STATION = "PACK-1"


@pytest.fixture
def shop(database: Database) -> Shop:
    return make_shop(database)


def count_down_to(database: Database, product_id: int, on_hand: int) -> None:
    """A stock count that found ``on_hand`` units on the shelf."""
    with database.session(write=True) as session:
        now = stock_ledger.figures(session, [product_id])[product_id].on_hand
        assert stock_ledger.record_movement(
            session, product_id, "count", on_hand - now, 0, user_id=USER, reason="Count", reference="C-1"
        )
        session.commit()


def packed_order(database: Database, qty: int, code: str = "NDL-002") -> orders.OrderView:
    view = orders.place_order(database, delivery_draft(LineDraft(code=code, qty=str(qty))), user_id=USER, confirm=True)
    packing_view = packing.open_order(database, view.number, user_id=USER, station=STATION)
    packing.override_pack(database, packing_view.session_id, "label torn", user_id=USER, station=STATION)
    return orders.get_order(database, view.id)


@pytest.mark.parametrize("left", [0, 1, 2])
def test_shipping_more_than_is_on_hand_is_refused_and_changes_nothing(
    database: Database, shop: Shop, left: int
) -> None:
    view = packed_order(database, 3)  # all 3 noodles reserved
    count_down_to(database, shop.noodles, left)  # the shelf holds fewer
    with pytest.raises(stock_ledger.ShortOnHand) as refused:
        orders.ship_order(database, view.id, carrier="SF Express", tracking_number="SF1", user_id=USER)
    message = str(refused.value)
    assert "cannot be shipped" in message and f"3 needed, {left} on hand" in message
    assert "红烧牛肉面" in message
    assert figures(database, shop.noodles) == (left, 3)
    assert orders.get_order(database, view.id).status == "packed"


def test_the_owner_can_ship_short_with_a_reason_that_is_recorded(database: Database, shop: Shop) -> None:
    view = packed_order(database, 3)
    count_down_to(database, shop.noodles, 2)
    with pytest.raises(stock_ledger.ShortOnHand):
        orders.ship_order(database, view.id, carrier="SF", tracking_number="SF1", user_id=USER, short_reason="  ")
    shipped = orders.ship_order(
        database, view.id, carrier="SF", tracking_number="SF1", user_id=USER, short_reason="货在仓库二 in store 2"
    )
    assert shipped.status == "shipped"
    assert figures(database, shop.noodles) == (-1, 0)  # shown, not silent: the ledger says why
    with database.session() as session:
        reasons = session.scalars(
            select(StockMovement.reason).where(StockMovement.kind == "ship", StockMovement.order_id == view.id)
        ).all()
        events = session.scalars(
            select(OrderEvent.detail).where(OrderEvent.order_id == view.id, OrderEvent.kind == "override")
        ).all()
    assert reasons == ["Shipped without stock on hand: 货在仓库二 in store 2"]
    assert any("货在仓库二 in store 2" in detail and "3 needed, 2 on hand" in detail for detail in events)


def test_shipping_what_is_on_hand_still_works(database: Database, shop: Shop) -> None:
    view = packed_order(database, 2)
    orders.ship_order(database, view.id, carrier="SF", tracking_number="SF1", user_id=USER)
    assert figures(database, shop.noodles) == (1, 0)


def test_packing_by_override_what_is_not_on_the_shelf_is_refused(database: Database, shop: Shop) -> None:
    view = orders.place_order(
        database, delivery_draft(LineDraft(code="TEA-001", qty="4"), LineDraft(code="SOP-003", qty="1")),
        user_id=USER, confirm=True,
    )  # fmt: skip
    count_down_to(database, shop.tea, 3)
    packing_view = packing.open_order(database, view.number, user_id=USER, station=STATION)
    with pytest.raises(stock_ledger.ShortOnHand) as refused:
        packing.override_pack(database, packing_view.session_id, "label torn", user_id=USER, station=STATION)
    assert "cannot be packed" in str(refused.value) and "4 needed, 3 on hand" in str(refused.value)
    assert "Dish Soap" not in str(refused.value)  # only the short product is named
    assert orders.get_order(database, view.id).status == "picking"  # still to pack
    assert figures(database, shop.tea) == (3, 4)
