"""Orders through their life, on SQLite and PostgreSQL: what the shopkeeper sees and what the stock says."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from order_shop import USER, Shop, delivery_draft, figures, make_shop
from sqlalchemy import func, select

from orderapp.domain.order_status import OrderStatus
from orderapp.domain.order_validation import AddressDraft, CustomerDraft, LineDraft, OrderDraft
from orderapp.errors import ValidationFailed
from orderapp.services.customers.lookup import (
    CustomerInput,
    DuplicateCustomer,
    create_customer,
    customer_by_phone,
    find_customers,
)
from orderapp.services.orders import placing as orders
from orderapp.services.orders.lifecycle import IllegalTransition, change_status
from orderapp.services.orders.products_for_orders import find_products, lookup_code
from orderapp.services.settings.orders import save_order_settings
from orderapp.services.stock import ledger as stock_ledger
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order, OrderEvent, StockMovement
from orderapp.store.types import utc_now


@pytest.fixture
def shop(database: Database) -> Shop:
    return make_shop(database)


def test_placing_and_confirming_reserves_stock(database: Database, shop: Shop) -> None:
    view = orders.place_order(database, delivery_draft(LineDraft(code="TEA-001", qty="4")), user_id=USER)
    assert view.number == f"SO-{view.id:06d}" and view.status == "received"
    assert figures(database, shop.tea) == (10, 0)
    view = orders.confirm_order(database, view.id, user_id=USER)
    assert view.status == "confirmed"
    assert figures(database, shop.tea) == (10, 4)
    assert [(t.title, t.user_name) for t in view.timeline] == [("Received", "Owner"), ("Confirmed", "Owner")]
    assert view.customer is not None and view.customer.phone == "+8613812345678"
    assert view.ship_phone_display == "138 1234 5678"


def test_an_order_placed_and_confirmed_at_once_keeps_that_time(database: Database, shop: Shop) -> None:
    """Placed and confirmed in one step at a given moment (a sale keyed in afterwards, the demo's
    history): the order's last change is that moment, not the time the row happened to be written."""
    when = utc_now().replace(microsecond=250_000) - timedelta(days=3)
    draft = delivery_draft(LineDraft(code="TEA-001", qty="2"))
    view = orders.place_order(database, draft, user_id=USER, confirm=True, now=when)
    with database.session() as session:
        order = session.get(Order, view.id)
        assert order is not None
        assert (order.status, order.created_at, order.updated_at) == ("confirmed", when, when)
        events = session.scalars(select(OrderEvent.at).where(OrderEvent.order_id == view.id)).all()
    assert events == [when, when]
    assert figures(database, shop.tea) == (10, 2)


def test_a_barcode_line_and_a_case_barcode(database: Database, shop: Shop) -> None:
    view = orders.place_order(
        database,
        delivery_draft(LineDraft(code="6901234567892", qty="2"), LineDraft(code="4006381333931")),
        user_id=USER,
    )
    assert [(line.sku, line.quantity) for line in view.lines] == [("TEA-001", 2), ("NDL-002", 1)]
    assert view.total_cents == 2 * 2500 + 1250


def test_confirming_more_than_the_stock_is_refused_and_changes_nothing(database: Database, shop: Shop) -> None:
    draft = delivery_draft(LineDraft(code="TEA-001", qty="2"), LineDraft(code="SOP-003", qty="2"))
    with pytest.raises(orders.OutOfStock) as refused:
        orders.place_order(database, draft, user_id=USER, confirm=True)
    assert str(refused.value) == (
        "Not enough stock for order SO-000001: Dish Soap 1.5kg (SOP-003): 1 available, 2 wanted. "
        "Lower the quantities or wait for stock."
    )
    assert figures(database, shop.tea) == (10, 0) and figures(database, shop.soap) == (1, 0)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 0  # all or nothing

    placed = orders.place_order(database, draft, user_id=USER)
    with pytest.raises(orders.OutOfStock):
        orders.confirm_order(database, placed.id, user_id=USER)
    assert orders.get_order(database, placed.id).status == "received"
    assert figures(database, shop.tea) == (10, 0)


def test_backorders_when_the_shop_allows_them(database: Database, shop: Shop) -> None:
    save_order_settings(database, allow_backorders=True)
    view = orders.place_order(
        database,
        delivery_draft(LineDraft(code="SOP-003", qty="3"), LineDraft(code="TEA-001")),
        user_id=USER,
        confirm=True,
    )
    assert view.status == "confirmed"
    assert [(line.sku, line.backordered) for line in view.lines] == [("SOP-003", True), ("TEA-001", False)]
    assert view.timeline[-1].detail == "Backordered: SOP-003"
    assert figures(database, shop.soap) == (1, 3)  # available shows the shortfall: -2


def test_editing_a_confirmed_order_moves_its_reservation(database: Database, shop: Shop) -> None:
    view = orders.place_order(
        database,
        delivery_draft(LineDraft(code="TEA-001", qty="4"), LineDraft(code="NDL-002", qty="2")),
        user_id=USER,
        confirm=True,
    )
    assert figures(database, shop.tea) == (10, 4) and figures(database, shop.noodles) == (3, 2)
    edited = replace(view.to_draft(), lines=(LineDraft(code="TEA-001", qty="10"), LineDraft(code="SOP-003")))
    view = orders.update_order(database, view.id, edited, user_id=USER, expected_updated_at=view.updated_at)
    assert figures(database, shop.tea) == (10, 10)  # it may take what it already held
    assert figures(database, shop.noodles) == (3, 0)
    assert figures(database, shop.soap) == (1, 1)
    assert view.timeline[-1].title == "Edited"

    too_many = replace(view.to_draft(), lines=(LineDraft(code="TEA-001", qty="11"),))
    with pytest.raises(orders.OutOfStock):
        orders.update_order(database, view.id, too_many, user_id=USER)
    assert figures(database, shop.tea) == (10, 10) and figures(database, shop.soap) == (1, 1)  # unchanged
    assert [line.quantity for line in orders.get_order(database, view.id).lines] == [10, 1]


def test_editing_and_confirming_is_one_step(database: Database, shop: Shop) -> None:
    view = orders.place_order(database, delivery_draft(LineDraft(code="TEA-001", qty="2")), user_id=USER)
    edited = replace(view.to_draft(), lines=(LineDraft(code="TEA-001", qty="3"), LineDraft(code="NDL-002")))
    view = orders.update_order(
        database, view.id, edited, user_id=USER, confirm=True, expected_updated_at=view.updated_at
    )
    assert view.status == "confirmed"
    assert [line.quantity for line in view.lines] == [3, 1]
    assert [entry.title for entry in view.timeline] == ["Received", "Edited", "Confirmed"]
    assert figures(database, shop.tea) == (10, 3) and figures(database, shop.noodles) == (3, 1)

    # Already confirmed: confirm=True edits it, and its reservation follows the lines.
    again = replace(view.to_draft(), lines=(LineDraft(code="TEA-001", qty="5"),))
    view = orders.update_order(database, view.id, again, user_id=USER, confirm=True)
    assert view.status == "confirmed" and figures(database, shop.tea) == (10, 5)
    assert figures(database, shop.noodles) == (3, 0)


@pytest.mark.parametrize("qty, status", [("2", "confirmed"), ("4", "received")])
def test_an_edit_that_cannot_be_confirmed_stores_nothing(database: Database, shop: Shop, qty: str, status: str) -> None:
    view = orders.place_order(database, delivery_draft(LineDraft(code="NDL-002", qty="1")), user_id=USER)
    edited = replace(view.to_draft(), lines=(LineDraft(code="NDL-002", qty=qty), LineDraft(code="SOP-003")))
    if status == "received":  # 4 noodles wanted, 3 on the shelf
        with pytest.raises(orders.OutOfStock, match=r"红烧牛肉面 Beef Noodles \(NDL-002\): 3 available, 4 wanted"):
            orders.update_order(database, view.id, edited, user_id=USER, confirm=True)
        stored = orders.get_order(database, view.id)
        assert [(line.sku, line.quantity) for line in stored.lines] == [("NDL-002", 1)]  # the edit is not kept
        assert [entry.title for entry in stored.timeline] == ["Received"]
        assert figures(database, shop.noodles) == (3, 0) and figures(database, shop.soap) == (1, 0)
    else:
        stored = orders.update_order(database, view.id, edited, user_id=USER, confirm=True)
        assert figures(database, shop.noodles) == (3, 2) and figures(database, shop.soap) == (1, 1)
    assert stored.status == status


def test_an_edit_from_a_stale_screen_is_refused(database: Database, shop: Shop) -> None:
    view = orders.place_order(database, delivery_draft(LineDraft(code="TEA-001")), user_id=USER)
    orders.update_order(database, view.id, view.to_draft(), user_id=USER, expected_updated_at=view.updated_at)
    with pytest.raises(orders.ChangedElsewhere, match="changed on another PC"):
        orders.update_order(database, view.id, view.to_draft(), user_id=USER, expected_updated_at=view.updated_at)


def test_the_whole_way_to_delivered(database: Database, shop: Shop) -> None:
    view = orders.place_order(database, delivery_draft(LineDraft(code="TEA-001", qty="3")), user_id=USER, confirm=True)
    view = orders.start_picking(database, view.id, user_id=USER)
    assert view.actions == {"cancel", "hold"}
    with database.session(write=True) as session:  # the packing station's part
        order = session.get(Order, view.id)
        assert order is not None
        change_status(session, order, OrderStatus.PACKED, user_id=USER, detail="scan-verified")
        session.commit()
    with pytest.raises(ValidationFailed) as missing:
        orders.ship_order(database, view.id, carrier="", tracking_number=" ", user_id=USER)
    assert {e.field for e in missing.value.errors} == {"carrier", "tracking_number"}
    view = orders.ship_order(
        database, view.id, carrier="顺丰速运 SF Express", tracking_number="SF 1234 5678 901", user_id=USER
    )
    assert (view.status, view.carrier, view.tracking_number) == ("shipped", "顺丰速运 SF Express", "SF12345678901")
    assert figures(database, shop.tea) == (7, 0)
    view = orders.mark_delivered(database, view.id, user_id=USER)
    assert [t.to_status for t in view.timeline] == [
        "received",
        "confirmed",
        "picking",
        "packed",
        "shipped",
        "delivered",
    ]
    assert view.timeline[4].detail == "顺丰速运 SF Express SF12345678901"
    with pytest.raises(IllegalTransition, match="is delivered and cannot be moved to cancelled"):
        orders.cancel_order(database, view.id, reason="too late", user_id=USER)


def test_cancelling_needs_a_reason_and_releases_the_stock(database: Database, shop: Shop) -> None:
    view = orders.place_order(database, delivery_draft(LineDraft(code="NDL-002", qty="3")), user_id=USER, confirm=True)
    assert figures(database, shop.noodles) == (3, 3)
    with pytest.raises(ValidationFailed, match="Enter a reason"):
        orders.cancel_order(database, view.id, reason="  ", user_id=USER)
    view = orders.cancel_order(database, view.id, reason="客户取消 customer cancelled", user_id=USER)
    assert view.status == "cancelled" and view.timeline[-1].detail == "客户取消 customer cancelled"
    assert figures(database, shop.noodles) == (3, 0)
    assert view.actions == frozenset()


def test_hold_keeps_the_reservation_and_release_goes_back(database: Database, shop: Shop) -> None:
    view = orders.place_order(database, delivery_draft(LineDraft(code="TEA-001", qty="2")), user_id=USER, confirm=True)
    with pytest.raises(ValidationFailed):
        orders.hold_order(database, view.id, reason="", user_id=USER)
    view = orders.hold_order(database, view.id, reason="waiting for payment", user_id=USER)
    assert (view.status, view.held_from, view.actions) == ("on_hold", "confirmed", {"edit", "cancel", "release"})
    assert figures(database, shop.tea) == (10, 2)
    with pytest.raises(IllegalTransition):
        orders.start_picking(database, view.id, user_id=USER)
    view = orders.release_order(database, view.id, reason="paid", user_id=USER)
    assert view.status == "confirmed" and view.timeline[-1].title == "Released from hold"
    held = orders.hold_order(database, view.id, reason="address check", user_id=USER)
    cancelled = orders.cancel_order(database, held.id, reason="wrong address", user_id=USER)
    assert cancelled.status == "cancelled" and figures(database, shop.tea) == (10, 0)


def test_illegal_moves_are_refused_with_both_statuses(database: Database, shop: Shop) -> None:
    view = orders.place_order(database, delivery_draft(LineDraft(code="TEA-001")), user_id=USER)
    with pytest.raises(IllegalTransition) as refused:
        orders.ship_order(database, view.id, carrier="SF", tracking_number="1", user_id=USER)
    assert str(refused.value) == (
        f"Order {view.number} is received and cannot be moved to shipped; refresh the order and try again."
    )
    orders.confirm_order(database, view.id, user_id=USER)
    with pytest.raises(IllegalTransition):
        orders.confirm_order(database, view.id, user_id=USER)
    assert figures(database, shop.tea) == (10, 1)  # not reserved twice


def test_a_walk_in_sale_takes_the_stock_at_once(database: Database, shop: Shop) -> None:
    sale = OrderDraft(fulfilment="walk_in", lines=(LineDraft(code="6901234567892", qty="2"),), payment_status="paid")
    view = orders.complete_walk_in(database, sale, user_id=USER)
    assert (view.status, view.fulfilment, view.channel, view.customer) == ("completed", "walk_in", "store", None)
    assert view.paid_cents == 5000
    assert figures(database, shop.tea) == (8, 0)
    with pytest.raises(orders.OutOfStock):
        orders.complete_walk_in(database, OrderDraft(lines=(LineDraft(code="SOP-003", qty="2"),)), user_id=USER)
    assert figures(database, shop.soap) == (1, 0)


def test_the_same_order_twice_within_half_an_hour_asks_first(database: Database, shop: Shop) -> None:
    first = orders.place_order(database, delivery_draft(LineDraft(code="TEA-001", qty="2")), user_id=USER)
    assert first.customer is not None
    again = delivery_draft(LineDraft(code="TEA-001", qty="2"))
    again = replace(again, customer=replace(again.customer, customer_id=first.customer.id))
    assert orders.find_possible_duplicate(database, again) == first.number
    with pytest.raises(orders.PossibleDuplicate, match=f"same items 1 minutes ago \\(order {first.number}\\)"):
        orders.place_order(database, again, user_id=USER)
    second = orders.place_order(database, again, user_id=USER, allow_duplicate=True)
    assert second.number != first.number
    different = replace(again, lines=(LineDraft(code="TEA-001", qty="3"),))
    assert orders.find_possible_duplicate(database, different) is None
    later = utc_now() + timedelta(minutes=31)
    assert orders.find_possible_duplicate(database, again, now=later) is None


def test_a_known_phone_offers_the_existing_customer(database: Database, shop: Shop) -> None:
    existing = create_customer(database, CustomerInput(name="李雷", phone="+86 139 1234 5678"))
    assert customer_by_phone(database, "13912345678") == existing
    assert [c.name for c in find_customers(database, "1234 5678")] == ["李雷"]
    assert [c.name for c in find_customers(database, "李")] == ["李雷"]
    with pytest.raises(DuplicateCustomer) as duplicate:
        orders.place_order(
            database, delivery_draft(LineDraft(code="TEA-001"), name="Li Lei", phone="139-1234-5678"), user_id=USER
        )
    assert duplicate.value.existing.id == existing.id
    assert duplicate.value.errors[0].field == "customer.phone"
    assert "belongs to 李雷" in duplicate.value.errors[0].message
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 1


def test_bad_input_is_refused_with_every_field_and_nothing_is_stored(database: Database, shop: Shop) -> None:
    draft = OrderDraft(
        customer=CustomerDraft(name="王小明", phone="123"), delivery=AddressDraft(), lines=(LineDraft(code="NOPE"),)
    )
    with pytest.raises(ValidationFailed) as refused:
        orders.place_order(database, draft, user_id=USER)
    assert {e.field for e in refused.value.errors} == {
        "customer.phone",
        "delivery.line1",
        "delivery.city",
        "delivery.postcode",
        "lines[0].product",
    }
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 0
        assert session.scalar(select(func.count()).select_from(Customer)) == 0


def test_bulk_confirm_confirms_what_stock_allows_and_lists_the_rest(database: Database, shop: Shop) -> None:
    ids = [
        orders.place_order(
            database,
            delivery_draft(LineDraft(code="NDL-002", qty="2"), name=f"客户{i}", phone=f"1390000000{i}"),
            user_id=USER,
        ).id
        for i in range(3)
    ]
    seen: list[tuple[int, int]] = []
    result = orders.bulk_confirm(database, [*ids, 999], user_id=USER, progress=lambda d, t: seen.append((d, t)))
    assert result.confirmed == ("SO-000001",)
    assert [number for number, _reason in result.refused] == ["999", "SO-000002", "SO-000003"]
    assert "Beef Noodles (NDL-002): 1 available, 2 wanted" in result.refused[1][1]
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert figures(database, shop.noodles) == (3, 2)
    stopped = orders.bulk_confirm(database, ids, user_id=USER, cancelled=lambda: True)
    assert stopped.cancelled and stopped.confirmed == ()


def test_an_order_number_typed_any_way_opens_it(database: Database, shop: Shop) -> None:
    view = orders.place_order(
        database, replace(delivery_draft(LineDraft(code="TEA-001")), external_ref="#1001"), user_id=USER
    )
    for typed in (view.number, view.number.lower(), str(view.id), "#1001"):
        assert orders.get_order_by_number(database, typed).id == view.id


def test_the_draft_of_a_stored_order_round_trips(database: Database, shop: Shop) -> None:
    draft = delivery_draft(
        LineDraft(code="TEA-001", qty="2", unit_price="20", discount="5"),
        order_discount="3",
        shipping_fee="12.5",
        payment_status="partly_paid",
        amount_paid="10",
        priority="urgent",
        notes="门口放 leave at door",
    )
    view = orders.place_order(database, draft, user_id=USER)
    assert (view.subtotal_cents, view.discount_cents, view.shipping_cents, view.total_cents, view.paid_cents) == (
        3500,
        300,
        1250,
        4450,
        1000,
    )
    again = orders.update_order(database, view.id, view.to_draft(), user_id=USER)
    assert (again.total_cents, again.paid_cents, again.priority, again.notes) == (4450, 1000, "urgent", view.notes)
    assert again.lines[0].price_changed


def test_stock_ledger_primitives_keep_the_figures_and_the_ledger_equal(database: Database, shop: Shop) -> None:
    with database.session(write=True) as session:
        assert stock_ledger.reserve(session, shop.soap, 1, user_id=USER, order_id=None, allow_backorder=False)
        assert not stock_ledger.reserve(session, shop.soap, 1, user_id=USER, order_id=None, allow_backorder=False)
        stock_ledger.ship(session, shop.soap, 1, user_id=USER, order_id=None)
        assert not stock_ledger.sell(session, shop.soap, 1, user_id=USER, order_id=None, allow_short=False)
        with pytest.raises(stock_ledger.StockProblem):
            stock_ledger.release(session, shop.soap, 1, user_id=USER, order_id=None)
        session.commit()
    assert figures(database, shop.soap) == (0, 0)
    with database.session() as session:
        kinds = session.scalars(
            select(StockMovement.kind).where(StockMovement.product_id == shop.soap).order_by(StockMovement.id)
        ).all()
    assert kinds == ["receive", "reserve", "ship"]


def test_change_status_records_who_and_when(database: Database, shop: Shop) -> None:
    view = orders.place_order(database, delivery_draft(LineDraft(code="TEA-001")), user_id=USER)
    with database.session(write=True) as session:
        order = session.get(Order, view.id)
        assert order is not None
        change_status(session, order, OrderStatus.ON_HOLD, user_id=USER, detail="check address")
        with pytest.raises(IllegalTransition, match="is on hold and cannot be moved to confirmed"):
            change_status(session, order, OrderStatus.CONFIRMED, user_id=USER)
        session.commit()
        event = session.scalars(select(OrderEvent).order_by(OrderEvent.id.desc())).first()
        assert event is not None
        assert (event.from_status, event.to_status, event.detail, event.user_id) == (
            "received",
            "on_hold",
            "check address",
            USER,
        )
        assert order.held_from == "received"


def test_products_for_the_form_by_name_sku_or_scan(database: Database, shop: Shop) -> None:
    assert [item.sku for item in find_products(database, "茉莉")] == ["TEA-001"]
    assert [item.sku for item in find_products(database, "noodles")] == ["NDL-002"]  # contained, any case
    assert [item.sku for item in find_products(database, "ndl")] == ["NDL-002"]
    assert find_products(database, "biscuits") == []  # no longer sold
    case = lookup_code(database, "16901234567899")
    assert case is not None and (case.sku, case.pack_qty, case.available) == ("TEA-001", 12, 10)
    assert lookup_code(database, "0000000000000") is None
