"""Order exceptions: raising, the queue, the status flow with its history, actions, and the hold on
packing and shipping, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from packing_shop import NOW, PackingShop, make_packing_shop
from sqlalchemy import func, select

from orderapp.errors import OrderAppError, ValidationFailed
from orderapp.services.aftersales.exception_actions import (
    IllegalExceptionMove,
    add_note,
    assign_owner,
    move_exception,
    reopen_exception,
    resolve_exception,
    start_exception,
    take_action,
)
from orderapp.services.aftersales.exceptions import (
    DuplicateException,
    OrderHeldByException,
    QueueFilter,
    exception_queue,
    get_exception,
    order_exceptions,
    raise_exception,
)
from orderapp.services.orders.placing import get_order, ship_order
from orderapp.services.packing.station import open_order
from orderapp.store.database import Database
from orderapp.store.exception_models import ExceptionEvent, OrderException
from orderapp.store.models import DEFAULT_USER_ID, Order

ME = DEFAULT_USER_ID


@pytest.fixture
def shop(database: Database) -> PackingShop:
    return make_packing_shop(database)


def snapshot(database: Database) -> tuple[list[tuple[object, ...]], int]:
    with database.session() as session:
        rows = [tuple(r) for r in session.execute(select(OrderException.__table__).order_by(OrderException.id))]
        events = session.scalar(select(func.count()).select_from(ExceptionEvent)) or 0
        return rows, events


def test_a_raised_exception_is_in_the_queue_with_its_owner_and_history(database: Database, shop: PackingShop) -> None:
    row = raise_exception(
        database, shop.two_teas, "damaged", "moderate", user_id=ME, cause="杯子碎了 cup broken", owner="李娜", now=NOW
    )
    assert (row.family, row.type, row.severity, row.status, row.owner) == (
        "product",
        "damaged",
        "moderate",
        "open",
        "李娜",
    )
    assert row.order_number == "SO-000001" and row.number == f"EX-{row.id}"
    queue = exception_queue(database, now=NOW)
    assert [r.id for r in queue] == [row.id]
    detail = get_exception(database, row.id, now=NOW)
    assert [(e.kind, e.detail) for e in detail.history] == [("raised", "杯子碎了 cup broken")]
    assert detail.history[0].actor  # who raised it


def test_the_same_open_exception_is_not_raised_twice(database: Database, shop: PackingShop) -> None:
    raise_exception(database, shop.two_teas, "lost", "severe", user_id=ME, now=NOW)
    before = snapshot(database)
    with pytest.raises(DuplicateException, match="already has this exception open"):
        raise_exception(database, shop.two_teas, "lost", "severe", user_id=ME, now=NOW)
    assert snapshot(database) == before
    # another type, or the same type on another order, is fine
    raise_exception(database, shop.two_teas, "wrong_address", "minor", user_id=ME, now=NOW)
    raise_exception(database, shop.big, "lost", "minor", user_id=ME, now=NOW)
    assert len(exception_queue(database, now=NOW)) == 3


@pytest.mark.parametrize(
    "kind, severity, message",
    [("exploded", "minor", "kind of problem"), ("lost", "terrible", "minor, moderate or severe")],
)
def test_a_bad_type_or_severity_is_refused_with_a_sentence(
    database: Database, shop: PackingShop, kind: str, severity: str, message: str
) -> None:
    with pytest.raises(ValidationFailed, match=message):
        raise_exception(database, shop.two_teas, kind, severity, user_id=ME)
    assert snapshot(database) == ([], 0)


def test_the_queue_is_by_priority_then_age_and_filters(database: Database, shop: PackingShop) -> None:
    old_minor = raise_exception(
        database, shop.big, "damaged", "minor", user_id=ME, owner="Ann", now=NOW - timedelta(hours=4)
    )
    severe = raise_exception(database, shop.two_teas, "lost", "severe", user_id=ME, owner="Bo", now=NOW)
    urgent_moderate = raise_exception(database, shop.urgent, "failed", "moderate", user_id=ME, owner="Ann", now=NOW)
    new_minor = raise_exception(database, shop.received, "unreachable", "minor", user_id=ME, owner="Ann", now=NOW)
    queue = exception_queue(database, now=NOW)
    assert [r.id for r in queue] == [severe.id, urgent_moderate.id, old_minor.id, new_minor.id]
    assert [r.priority for r in queue] == sorted((r.priority for r in queue), reverse=True)
    assert old_minor.priority < next(r for r in queue if r.id == old_minor.id).priority  # it grew with age
    assert [r.id for r in exception_queue(database, QueueFilter(owner="Ann"), now=NOW)] == [
        urgent_moderate.id, old_minor.id, new_minor.id,
    ]  # fmt: skip
    assert [r.id for r in exception_queue(database, QueueFilter(family="payment"), now=NOW)] == [urgent_moderate.id]
    assert [r.id for r in exception_queue(database, QueueFilter(severity="minor"), now=NOW)] == [
        old_minor.id,
        new_minor.id,
    ]
    # keyset pages give the same rows as one page
    first = exception_queue(database, limit=2, now=NOW)
    rest = exception_queue(database, after=(first[-1].queue_key, first[-1].id), limit=10, now=NOW)
    assert [r.id for r in first + rest] == [r.id for r in queue]
    resolve_exception(database, severe.id, "found at the depot", user_id=ME)
    assert severe.id not in [r.id for r in exception_queue(database, now=NOW)]
    assert [r.id for r in exception_queue(database, QueueFilter(status="resolved"), now=NOW)] == [severe.id]


def test_the_flow_with_notes_owner_and_resolution_is_recorded(database: Database, shop: PackingShop) -> None:
    row = raise_exception(database, shop.two_teas, "unreachable", "moderate", user_id=ME, now=NOW)
    start_exception(database, row.id, user_id=ME, note="called twice")
    add_note(database, row.id, "留言了 left a message", user_id=ME)
    assign_owner(database, row.id, "王芳", user_id=ME)
    detail = resolve_exception(database, row.id, "customer called back, address confirmed", user_id=ME)
    assert detail.row.status == "resolved" and detail.row.resolution == "customer called back, address confirmed"
    assert detail.row.owner == "王芳" and detail.row.resolved_at is not None
    assert [(e.kind, e.to_status) for e in detail.history] == [
        ("raised", "open"), ("status", "in_progress"), ("note", None), ("owner", None), ("status", "resolved"),
    ]  # fmt: skip
    assert detail.history[2].detail == "留言了 left a message"
    reopened = reopen_exception(database, row.id, "it happened again", user_id=ME)
    assert (reopened.row.status, reopened.row.resolution, reopened.row.resolved_at) == ("open", "", None)


@pytest.mark.parametrize("resolution", ["", "   "])
def test_resolving_without_a_resolution_is_refused_and_changes_nothing(
    database: Database, shop: PackingShop, resolution: str
) -> None:
    row = raise_exception(database, shop.two_teas, "lost", "severe", user_id=ME, now=NOW)
    start_exception(database, row.id, user_id=ME)
    before = snapshot(database)
    with pytest.raises(ValidationFailed, match="Write the resolution"):
        resolve_exception(database, row.id, resolution, user_id=ME)
    assert snapshot(database) == before


def test_a_move_outside_the_flow_is_refused(database: Database, shop: PackingShop) -> None:
    row = raise_exception(database, shop.two_teas, "lost", "minor", user_id=ME, now=NOW)
    resolve_exception(database, row.id, "found", user_id=ME)
    before = snapshot(database)
    with pytest.raises(IllegalExceptionMove, match="cannot become"):
        move_exception(database, row.id, "in_progress", user_id=ME)
    with pytest.raises(IllegalExceptionMove, match="reopen it"):
        take_action(database, row.id, "refund", amount_cents=500, user_id=ME)
    with pytest.raises(ValidationFailed, match="Type the note"):
        add_note(database, row.id, "  ", user_id=ME)
    assert snapshot(database) == before


def test_a_severe_open_exception_holds_packing_and_shipping(database: Database, shop: PackingShop) -> None:
    row = raise_exception(database, shop.two_teas, "failed", "severe", user_id=ME, now=NOW)
    with pytest.raises(OrderHeldByException, match=r"SO-000001 is held by severe exception EX-\d+"):
        open_order(database, "SO-000001", user_id=ME, station="PACK-1")
    packed_row = raise_exception(database, shop.packed, "wrong_address", "severe", user_id=ME, now=NOW)
    with pytest.raises(OrderHeldByException, match="SO-000004"):
        ship_order(database, shop.packed, carrier="SF Express", tracking_number="SF123", user_id=ME)
    assert get_order(database, shop.packed).status == "packed"
    # a moderate one does not hold; resolving the severe one lets the order go on
    raise_exception(database, shop.big, "damaged", "moderate", user_id=ME, now=NOW)
    assert open_order(database, "SO-000002", user_id=ME, station="PACK-1").number == "SO-000002"
    resolve_exception(database, row.id, "paid by bank transfer", user_id=ME)
    assert open_order(database, "SO-000001", user_id=ME, station="PACK-1").number == "SO-000001"
    resolve_exception(database, packed_row.id, "address corrected", user_id=ME)
    assert ship_order(database, shop.packed, carrier="SF", tracking_number="SF1", user_id=ME).status == "shipped"


def test_actions_are_recorded_with_amount_and_a_reship_is_a_linked_zero_price_order(
    database: Database, shop: PackingShop
) -> None:
    row = raise_exception(database, shop.packed, "damaged_in_transit", "moderate", user_id=ME, now=NOW)
    take_action(database, row.id, "refund", amount_cents=1250, detail="partial refund", user_id=ME)
    before = snapshot(database)
    with pytest.raises(ValidationFailed, match="street"):  # the order has no address to send it to
        take_action(database, row.id, "reship", user_id=ME)
    assert snapshot(database) == before
    with database.session(write=True) as session:
        order = session.get_one(Order, shop.packed)
        order.ship_line1, order.ship_city, order.ship_postcode, order.ship_country = (
            "南京路 100 号",
            "上海",
            "200001",
            "CN",
        )
        session.commit()
    detail = take_action(database, row.id, "reship", user_id=ME)
    assert detail.row.status == "action_taken"
    actions = [(e.action, e.amount_cents) for e in detail.history if e.kind == "action"]
    assert actions == [("refund", 1250), ("reship", None)]
    reship_number = detail.history[-1].linked_order_number
    assert reship_number and reship_number != "SO-000004"
    with database.session() as session:
        reship = session.scalars(select(Order).where(Order.number == reship_number)).one()
        assert reship.total_cents == 0 and reship.customer_id is not None
        assert [(line.sku, line.quantity, line.unit_price_cents) for line in reship.lines] == [("TEA-1", 1, 0)]
        assert "SO-000004" in reship.notes


@pytest.mark.parametrize("amount", [None, 0, -5])
def test_a_refund_needs_an_amount_above_zero(database: Database, shop: PackingShop, amount: int | None) -> None:
    row = raise_exception(database, shop.packed, "damaged", "minor", user_id=ME, now=NOW)
    before = snapshot(database)
    with pytest.raises(ValidationFailed, match="amount"):
        take_action(database, row.id, "refund", amount_cents=amount, user_id=ME)
    assert snapshot(database) == before


def test_cancel_action_cancels_the_order(database: Database, shop: PackingShop) -> None:
    row = raise_exception(database, shop.received, "unreachable", "moderate", user_id=ME, now=NOW)
    take_action(database, row.id, "cancel", detail="customer never answered", user_id=ME)
    assert get_order(database, shop.received).status == "cancelled"


def test_the_orders_exceptions_for_its_timeline(database: Database, shop: PackingShop) -> None:
    first = raise_exception(database, shop.two_teas, "lost", "minor", user_id=ME, now=NOW - timedelta(hours=1))
    second = raise_exception(database, shop.two_teas, "failed", "moderate", user_id=ME, now=NOW)
    raise_exception(database, shop.big, "failed", "moderate", user_id=ME, now=NOW)
    assert [r.id for r in order_exceptions(database, shop.two_teas)] == [first.id, second.id]
    assert isinstance(OrderHeldByException("x"), OrderAppError)
