"""The stock ledger's own rules, single and bulk: what a movement writes, what it refuses, and that the
product's figures always equal what the ledger says."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from orderapp.errors import NotFound
from orderapp.services.stock.ledger import (
    MovementSpec,
    StockProblem,
    ledger_mismatches,
    record_movement,
    record_movements,
    release,
    reserve,
    sell,
    ship,
)
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Product, StockMovement

USER = DEFAULT_USER_ID
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
T1 = datetime(2026, 11, 21, 17, 30, tzinfo=UTC)


def make_products(database: Database, *stock: int) -> list[int]:
    """Products with that much opening stock (received through the ledger), created at T0."""
    ids = []
    with database.session(write=True) as session:
        for number, qty in enumerate(stock):
            product = Product(sku=f"SKU-{number}", name=f"商品 {number}", created_at=T0, updated_at=T0)
            session.add(product)
            session.flush()
            if qty:
                record_movement(session, product.id, "receive", qty, 0, user_id=USER, reason="Opening", reference="")
            ids.append(product.id)
        session.commit()
    return ids


def figures(database: Database, product_id: int) -> tuple[int, int]:
    with database.session() as session:
        assert ledger_mismatches(session) == []
        product = session.get(Product, product_id)
        assert product is not None
        return product.on_hand, product.reserved


def ledger(database: Database, product_id: int) -> list[tuple[str, int, int, str, str, int | None]]:
    with database.session() as session:
        rows = session.execute(
            select(
                StockMovement.kind,
                StockMovement.qty_delta,
                StockMovement.reserved_delta,
                StockMovement.reason,
                StockMovement.reference,
                StockMovement.order_id,
            )
            .where(StockMovement.product_id == product_id)
            .order_by(StockMovement.id)
        ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def test_many_movements_move_the_figures_and_write_every_row(database: Database) -> None:
    tea, soap, rice = make_products(database, 10, 4, 0)
    with database.session(write=True) as session:
        reserve(session, soap, 3, user_id=USER, order_id=None, allow_backorder=False)
        session.commit()
    with database.session(write=True) as session:
        record_movements(
            session,
            [
                MovementSpec(tea, "count", -3, "Count 7: counted 7, expected 10", "COUNT-7"),
                MovementSpec(soap, "count", 2, "Count 7: counted 6, expected 4", "COUNT-7"),
                MovementSpec(tea, "count", 1, "Count 7: one more found", "COUNT-7"),
                MovementSpec(rice, "count", 5, "茉莉花 " * 60, "R" * 150),
                MovementSpec(rice, "count", -5, "back again", ""),
            ],
            user_id=USER,
            at=T1,
        )
        session.commit()
    assert figures(database, tea) == (8, 0)
    assert figures(database, soap) == (6, 3)  # the reservation is left as it was
    assert figures(database, rice) == (0, 0)
    assert ledger(database, tea)[1:] == [
        ("count", -3, 0, "Count 7: counted 7, expected 10", "COUNT-7", None),
        ("count", 1, 0, "Count 7: one more found", "COUNT-7", None),
    ]
    long_row = ledger(database, rice)[0]
    assert (long_row[3], long_row[4]) == (("茉莉花 " * 60)[:200], "R" * 100)
    with database.session() as session:
        at = session.scalars(select(StockMovement.at).where(StockMovement.reference == "COUNT-7")).all()
        updated = session.scalars(select(Product.updated_at).where(Product.id.in_([tea, soap, rice]))).all()
    assert set(at) == {T1}
    assert set(updated) == {T0}  # a product's "updated" means its details, not its stock


@pytest.mark.parametrize("unknown_deltas", [[1], [3, -3]], ids=["moved", "cancelling-out"])
def test_many_movements_with_an_unknown_product_are_refused_and_nothing_stays(
    database: Database, unknown_deltas: list[int]
) -> None:
    (tea,) = make_products(database, 10)
    unknown = [MovementSpec(tea + 99, "count", delta, "x", "C") for delta in unknown_deltas]
    with database.session(write=True) as session:
        with pytest.raises(NotFound, match=f"Product {tea + 99} does not exist"):
            record_movements(session, [MovementSpec(tea, "count", -2, "x", "C"), *unknown], user_id=USER, at=T1)
        session.rollback()
    assert figures(database, tea) == (10, 0)
    assert len(ledger(database, tea)) == 1


def test_no_movements_write_nothing(database: Database) -> None:
    (tea,) = make_products(database, 10)
    with database.session(write=True) as session:
        record_movements(session, [], user_id=USER, at=T1)
        session.commit()
    assert figures(database, tea) == (10, 0)
    assert len(ledger(database, tea)) == 1


def test_a_product_already_loaded_shows_the_new_figures(database: Database) -> None:
    tea, soap = make_products(database, 10, 5)
    with database.session(write=True) as session:
        loaded = [session.get(Product, tea), session.get(Product, soap)]
        assert [p.on_hand for p in loaded if p] == [10, 5]
        record_movements(session, [MovementSpec(tea, "count", -4, "x", "C")], user_id=USER, at=T1)
        record_movement(session, soap, "sale", -2, 0, user_id=USER, reason="x", reference="")
        assert [p.on_hand for p in loaded if p] == [6, 3]
        session.commit()


def test_one_movement_for_an_unknown_product_is_refused(database: Database) -> None:
    (tea,) = make_products(database, 1)
    with (
        database.session(write=True) as session,
        pytest.raises(NotFound, match=f"Product {tea + 5} does not exist"),
    ):
        record_movement(session, tea + 5, "receive", 1, 0, user_id=USER, reason="x", reference="")


def test_one_movement_keeps_the_text_to_the_ledger_s_lengths(database: Database) -> None:
    (tea,) = make_products(database, 0)
    with database.session(write=True) as session:
        assert record_movement(
            session, tea, "receive", 3, 0, user_id=USER, reason="龙井" * 150, reference="PO-" * 50, at=T1
        )
        session.commit()
    assert ledger(database, tea) == [("receive", 3, 0, ("龙井" * 150)[:200], ("PO-" * 50)[:100], None)]


def test_taking_what_is_not_there_writes_nothing_unless_allowed(database: Database) -> None:
    (tea,) = make_products(database, 2)
    with database.session(write=True) as session:
        assert not reserve(session, tea, 3, user_id=USER, order_id=None, allow_backorder=False, reference="A-1")
        assert not sell(session, tea, 3, user_id=USER, order_id=None, allow_short=False, reference="S-1")
        session.commit()
    assert figures(database, tea) == (2, 0)
    assert len(ledger(database, tea)) == 1
    with database.session(write=True) as session:
        assert not reserve(session, tea, 3, user_id=USER, order_id=None, allow_backorder=True, reference="A-2")
        assert not sell(session, tea, 1, user_id=USER, order_id=None, allow_short=True, reference="S-2")
        assert not reserve(session, tea, 1, user_id=USER, order_id=None, allow_backorder=True, reason="Phone order")
        session.commit()
    assert figures(database, tea) == (1, 4)
    assert ledger(database, tea)[1:] == [
        ("reserve", 0, 3, "Order confirmed (backorder)", "A-2", None),
        ("sale", -1, 0, "Counter sale", "S-2", None),
        ("reserve", 0, 1, "Phone order (backorder)", "", None),
    ]


def test_taking_what_is_there_is_recorded_once(database: Database) -> None:
    (tea,) = make_products(database, 5)
    with database.session(write=True) as session:
        assert reserve(session, tea, 2, user_id=USER, order_id=None, allow_backorder=True, reference="A-1")
        assert sell(session, tea, 3, user_id=USER, order_id=None, allow_short=True, reference="S-1")
        session.commit()
    assert figures(database, tea) == (2, 2)
    assert ledger(database, tea)[1:] == [
        ("reserve", 0, 2, "Order confirmed", "A-1", None),
        ("sale", -3, 0, "Counter sale", "S-1", None),
    ]


def test_releasing_or_shipping_more_than_is_reserved_is_refused(database: Database) -> None:
    (tea,) = make_products(database, 5)
    with database.session(write=True) as session:
        assert reserve(session, tea, 2, user_id=USER, order_id=None, allow_backorder=False)
        with pytest.raises(StockProblem, match="Cannot release 3 units of product"):
            release(session, tea, 3, user_id=USER, order_id=None)
        with pytest.raises(StockProblem, match="Cannot ship 3 units of product"):
            ship(session, tea, 3, user_id=USER, order_id=None)
        ship(session, tea, 1, user_id=USER, order_id=None, reference="O-1")
        release(session, tea, 1, user_id=USER, order_id=None, reference="O-1")
        session.commit()
    assert figures(database, tea) == (4, 0)
    assert ledger(database, tea)[2:] == [
        ("ship", -1, -1, "Order shipped", "O-1", None),
        ("release", 0, -1, "Reservation released", "O-1", None),
    ]


@pytest.mark.parametrize("qty", [0, -1, True, 1.5])
def test_a_quantity_that_is_not_a_positive_whole_number_is_a_programming_error(database: Database, qty: object) -> None:
    (tea,) = make_products(database, 5)
    with database.session(write=True) as session:
        for call in (
            lambda: reserve(session, tea, qty, user_id=USER, order_id=None, allow_backorder=True),  # type: ignore[arg-type]
            lambda: release(session, tea, qty, user_id=USER, order_id=None),  # type: ignore[arg-type]
            lambda: ship(session, tea, qty, user_id=USER, order_id=None),  # type: ignore[arg-type]
            lambda: sell(session, tea, qty, user_id=USER, order_id=None, allow_short=True),  # type: ignore[arg-type]
        ):
            with pytest.raises(ValueError, match="positive whole number"):
                call()
    assert len(ledger(database, tea)) == 1
