"""Confirming an order in few statements (each one a round trip to a PostgreSQL server), with the same
figures, ledger and refusals as line by line; and a server connection closed meanwhile is replaced."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from order_shop import USER, Shop, delivery_draft, figures, make_shop
from sqlalchemy import create_engine, event, select, text

from orderapp.domain.order_validation import LineDraft
from orderapp.domain.staff import Actor, Role
from orderapp.errors import NotFound
from orderapp.services.orders import placing as orders
from orderapp.services.staff import people as staff
from orderapp.store.database import Database
from orderapp.store.models import OrderEvent, StockMovement
from orderapp.store.opening import open_database


@pytest.fixture
def shop(database: Database) -> Shop:
    return make_shop(database)


@contextmanager
def counted(database: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.upper().startswith("BEGIN"):  # SQLite's own BEGIN IMMEDIATE
            statements.append(statement.split()[0].upper())

    event.listen(database.engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", note)


def test_a_confirm_of_several_lines_takes_a_few_statements(database: Database, shop: Shop) -> None:
    draft = delivery_draft(
        LineDraft(code="TEA-001", qty="2"),
        LineDraft(code="NDL-002"),
        LineDraft(code="6901234567892", qty="3"),  # the tea again, by its barcode
        LineDraft(code="SOP-003"),
    )
    placed = orders.place_order(database, draft, user_id=USER)
    with counted(database) as statements:
        view = orders.confirm_order(database, placed.id, user_id=USER)
    assert view.status == "confirmed"
    assert [line.sku for line in view.lines] == ["TEA-001", "NDL-002", "TEA-001", "SOP-003"]
    assert not any(line.backordered for line in view.lines)
    assert [t.title for t in view.timeline] == ["Received", "Confirmed"]
    # settings, order with lines and customer, order status, timeline row, figures, ledger, timeline read
    assert len(statements) <= 7, statements
    assert figures(database, shop.tea) == (10, 5)
    assert figures(database, shop.noodles) == (3, 1)
    assert figures(database, shop.soap) == (1, 1)
    with database.session() as session:
        moves = session.execute(
            select(StockMovement.product_id, StockMovement.kind, StockMovement.reserved_delta, StockMovement.reference)
            .where(StockMovement.order_id == placed.id)
            .order_by(StockMovement.product_id)
        ).all()
    assert [tuple(m) for m in moves] == [
        (shop.tea, "reserve", 5, placed.number),
        (shop.noodles, "reserve", 1, placed.number),
        (shop.soap, "reserve", 1, placed.number),
    ]


@pytest.mark.parametrize("short_position", [0, 1, 2])
def test_a_short_line_anywhere_refuses_the_whole_order_and_names_it(
    database: Database, shop: Shop, short_position: int
) -> None:
    lines = [LineDraft(code="TEA-001", qty="2"), LineDraft(code="NDL-002", qty="3")]
    lines.insert(short_position, LineDraft(code="SOP-003", qty="2"))  # 1 in stock
    placed = orders.place_order(database, delivery_draft(*lines), user_id=USER)
    with pytest.raises(orders.OutOfStock) as refused:
        orders.confirm_order(database, placed.id, user_id=USER)
    assert [s.sku for s in refused.value.shortages] == ["SOP-003"]
    assert "Dish Soap 1.5kg (SOP-003): 1 available, 2 wanted" in str(refused.value)
    assert orders.get_order(database, placed.id).status == "received"
    assert figures(database, shop.tea) == (10, 0)
    assert figures(database, shop.noodles) == (3, 0)
    assert figures(database, shop.soap) == (1, 0)


def test_confirming_twice_is_refused_and_reserves_once(database: Database, shop: Shop) -> None:
    placed = orders.place_order(database, delivery_draft(LineDraft(code="TEA-001", qty="4")), user_id=USER)
    orders.confirm_order(database, placed.id, user_id=USER)
    with pytest.raises(orders.IllegalTransition):
        orders.confirm_order(database, placed.id, user_id=USER)
    assert figures(database, shop.tea) == (10, 4)


@pytest.mark.postgres
def test_connections_the_server_closed_are_replaced_without_a_word(postgres_url: str) -> None:
    database = open_database(postgres_url)
    try:
        shop = make_shop(database)
        placed = orders.place_order(database, delivery_draft(LineDraft(code="TEA-001")), user_id=USER)
        killer = create_engine(database.url, isolation_level="AUTOCOMMIT")
        with killer.connect() as conn:
            killed = conn.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            ).scalar()
            # pg_terminate_backend only asks: wait until the backends have gone (and told their clients).
            for _ in range(100):
                left = conn.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                ).scalar()
                if not left:
                    break
                time.sleep(0.05)
        killer.dispose()
        assert killed and killed >= 1  # the pooled connection of this shop
        view = orders.confirm_order(database, placed.id, user_id=USER)
        assert view.status == "confirmed"
        assert figures(database, shop.tea) == (10, 1)
    finally:
        database.dispose()


def _ledger_and_timeline(database: Database, order_id: int) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    with database.session() as session:
        moves = session.execute(
            select(
                StockMovement.product_id,
                StockMovement.kind,
                StockMovement.qty_delta,
                StockMovement.reserved_delta,
                StockMovement.reason,
                StockMovement.reference,
                StockMovement.user_id,
            )
            .where(StockMovement.order_id == order_id)
            .order_by(StockMovement.product_id)
        ).all()
        events = session.execute(
            select(OrderEvent.kind, OrderEvent.from_status, OrderEvent.to_status, OrderEvent.detail, OrderEvent.user_id)
            .where(OrderEvent.order_id == order_id)
            .order_by(OrderEvent.id)
        ).all()
    return [tuple(m) for m in moves], [tuple(e) for e in events]


def test_the_light_confirm_writes_what_confirm_order_writes_in_five_statements(database: Database, shop: Shop) -> None:
    owner = USER
    packer = staff.add_user(
        database, "Lin", Role.SHOPKEEPER, "4321", actor=Actor(USER, "Owner", Role.OWNER, "Till 1")
    ).id
    lines = (LineDraft(code="TEA-001", qty="2"), LineDraft(code="NDL-002"), LineDraft(code="6901234567892"))
    with_view = orders.place_order(database, delivery_draft(*lines), user_id=owner)
    light = orders.place_order(database, delivery_draft(*lines, name="李娜", phone="139 8765 4321"), user_id=owner)
    orders.confirm_order(database, with_view.id, user_id=packer)
    with counted(database) as statements:
        done = orders.confirm(database, light.id, user_id=packer)
    # order and lines, order status, timeline row, ledger rows, figures
    assert len(statements) <= 5, statements
    assert (done.number, done.status, done.backordered) == (light.number, "confirmed", ())
    assert figures(database, shop.tea) == (10, 6)
    assert figures(database, shop.noodles) == (3, 2)
    seen = orders.get_order(database, light.id)
    assert seen.status == "confirmed" and seen.updated_at == done.updated_at
    assert [(t.title, t.user_name) for t in seen.timeline][-1] == ("Confirmed", "Lin")
    light_moves, light_events = _ledger_and_timeline(database, light.id)
    view_moves, view_events = _ledger_and_timeline(database, with_view.id)
    # The rows change_status and reserve write, line by line: who, the status step, the reservations.
    assert light_events[-1] == ("status", "received", "confirmed", "", packer)
    assert light_moves == [
        (shop.tea, "reserve", 0, 3, "Order confirmed", light.number, packer),
        (shop.noodles, "reserve", 0, 1, "Order confirmed", light.number, packer),
    ]
    assert light_events[1:] == view_events[1:]
    assert [m[:-2] for m in light_moves] == [m[:-2] for m in view_moves]


def test_the_light_confirm_refuses_as_confirm_order_does(database: Database, shop: Shop) -> None:
    short = orders.place_order(
        database, delivery_draft(LineDraft(code="TEA-001"), LineDraft(code="SOP-003", qty="2")), user_id=USER
    )
    with pytest.raises(orders.OutOfStock) as refused:
        orders.confirm(database, short.id, user_id=USER)
    assert "Dish Soap 1.5kg (SOP-003): 1 available, 2 wanted" in str(refused.value)
    assert orders.get_order(database, short.id).status == "received"
    assert figures(database, shop.tea) == (10, 0)
    assert _ledger_and_timeline(database, short.id)[0] == []
    placed = orders.place_order(
        database, delivery_draft(LineDraft(code="TEA-001"), name="李娜", phone="139 8765 4321"), user_id=USER
    )
    orders.confirm(database, placed.id, user_id=USER)
    with pytest.raises(orders.IllegalTransition):
        orders.confirm(database, placed.id, user_id=USER)
    assert figures(database, shop.tea) == (10, 1)
    with pytest.raises(NotFound):
        orders.confirm(database, 999_999, user_id=USER)


def test_the_light_confirm_backorders_when_the_shop_allows_it(database: Database) -> None:
    shop = make_shop(database, allow_backorders=True)
    placed = orders.place_order(
        database, delivery_draft(LineDraft(code="TEA-001"), LineDraft(code="SOP-003", qty="3")), user_id=USER
    )
    done = orders.confirm(database, placed.id, user_id=USER)
    assert (done.status, done.backordered) == ("confirmed", ("SOP-003",))
    assert figures(database, shop.soap) == (1, 3)
    view = orders.get_order(database, placed.id)
    assert [line.backordered for line in view.lines] == [False, True]
    assert view.timeline[-1].detail == "Backordered: SOP-003"
