"""Random days in the shop: receipts, sales, orders confirmed (some as backorders), shipped and
cancelled, adjustments, unrecorded losses, and counts started, counted, posted or cancelled while
all that goes on. After every step: each product's figures equal its ledger, they equal what a
careful bookkeeper (the model here) expects, available stock is below zero only for a product with
a backorder or a shortage the count reported, and every count line's variance is exact.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    rule,
    run_state_machine_as_test,
)

from orderapp.domain.count_maths import Flag
from orderapp.domain.product_validation import ProductDraft
from orderapp.errors import ValidationFailed
from orderapp.services.stock import catalogue, counts
from orderapp.services.stock import shelf as stock
from orderapp.services.stock.ledger import release, reserve, sell, ship
from orderapp.services.stock.shelf import AdjustReason, NotEnoughStock
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Order

USER = DEFAULT_USER_ID
_names = itertools.count(1)


@dataclass
class Shelf:
    id: int
    sku: str
    on_hand: int = 0  # what the ledger should say
    reserved: int = 0
    physical: int = 0  # what is really on the shelf
    may_be_short: bool = False  # a backorder, or a shortage a count reported


@dataclass
class OpenOrder:
    id: int
    shelf: Shelf
    qty: int
    backordered: bool


@dataclass
class OpenCount:
    id: int
    shelf: Shelf
    counted: int | None = None
    expected: int | None = None  # the model's on-hand when the shelf was counted
    extra: list[int] = field(default_factory=list)


def shop_day(database: Database) -> type[RuleBasedStateMachine]:
    class ShopDay(RuleBasedStateMachine):
        orders = Bundle("orders")
        open_counts = Bundle("counts")

        def __init__(self) -> None:
            super().__init__()
            self.shelves: list[Shelf] = []
            for _ in range(3):
                sku = f"P-{next(_names):05d}"
                product = catalogue.create_product(
                    database, ProductDraft(sku=sku, name=sku, cost_cents=100), user_id=USER
                )
                self.shelves.append(Shelf(product.id, sku))
            self.counting: set[int] = set()

        def shelf(self, index: int) -> Shelf:
            return self.shelves[index % len(self.shelves)]

        @rule(index=st.integers(0, 2), qty=st.integers(1, 20))
        def receive(self, index: int, qty: int) -> None:
            shelf = self.shelf(index)
            stock.receive_stock(database, shelf.id, qty, user_id=USER, supplier_reference="PO")
            shelf.on_hand += qty
            shelf.physical += qty

        @rule(index=st.integers(0, 2), qty=st.integers(1, 6))
        def counter_sale(self, index: int, qty: int) -> None:
            shelf = self.shelf(index)
            if shelf.physical - shelf.reserved < qty:
                return  # nobody can buy what is not on the shelf
            with database.session(write=True) as session:
                sold = sell(session, shelf.id, qty, user_id=USER, order_id=None, allow_short=False)
                session.commit()
            assert sold == (shelf.on_hand - shelf.reserved >= qty)
            if sold:
                shelf.on_hand -= qty
                shelf.physical -= qty

        @rule(target=orders, index=st.integers(0, 2), qty=st.integers(1, 8), backorder=st.booleans())
        def confirm_order(self, index: int, qty: int, backorder: bool) -> OpenOrder | None:
            shelf = self.shelf(index)
            with database.session(write=True) as session:
                order = Order(number=f"SO-{next(_names):06d}", currency="CNY", created_by=USER)
                session.add(order)
                session.flush()
                enough = reserve(session, shelf.id, qty, user_id=USER, order_id=order.id, allow_backorder=backorder)
                session.commit()
                order_id = order.id
            assert enough == (shelf.on_hand - shelf.reserved >= qty)
            if not enough and not backorder:
                return None
            shelf.reserved += qty
            shelf.may_be_short |= not enough
            return OpenOrder(order_id, shelf, qty, not enough)

        @rule(order=consumes(orders))
        def ship_order(self, order: OpenOrder | None) -> None:
            if order is None or order.shelf.physical < order.qty or order.shelf.on_hand < order.qty:
                return  # cannot pack what is not there; the order waits (and is dropped here)
            with database.session(write=True) as session:
                ship(session, order.shelf.id, order.qty, user_id=USER, order_id=order.id)
                session.commit()
            order.shelf.on_hand -= order.qty
            order.shelf.reserved -= order.qty
            order.shelf.physical -= order.qty

        @rule(order=consumes(orders))
        def cancel_order(self, order: OpenOrder | None) -> None:
            if order is None:
                return
            with database.session(write=True) as session:
                release(session, order.shelf.id, order.qty, user_id=USER, order_id=order.id)
                session.commit()
            order.shelf.reserved -= order.qty

        @rule(index=st.integers(0, 2), qty=st.integers(-5, 5).filter(bool))
        def adjust(self, index: int, qty: int) -> None:
            shelf = self.shelf(index)
            if shelf.physical + qty < 0:
                return
            reason = AdjustReason.FOUND if qty > 0 else AdjustReason.DAMAGED
            try:
                stock.adjust_stock(database, shelf.id, qty, reason, user_id=USER)
            except NotEnoughStock:
                assert shelf.on_hand - shelf.reserved < -qty
                return
            assert qty > 0 or shelf.on_hand - shelf.reserved >= -qty
            shelf.on_hand += qty
            shelf.physical += qty

        @rule(index=st.integers(0, 2), qty=st.integers(1, 3))
        def units_go_missing(self, index: int, qty: int) -> None:
            shelf = self.shelf(index)
            shelf.physical -= min(qty, shelf.physical)  # nobody records this: a count will find it

        @rule(target=open_counts, index=st.integers(0, 2))
        def start_count(self, index: int) -> OpenCount | None:
            shelf = self.shelf(index)
            if shelf.id in self.counting:
                try:
                    counts.start_count(database, counts.CountScope.products([shelf.id]), user_id=USER)
                except counts.CountOverlaps:
                    return None
                raise AssertionError("a product was let into two open counts")
            summary = counts.start_count(database, counts.CountScope.products([shelf.id]), user_id=USER)
            self.counting.add(shelf.id)
            return OpenCount(summary.id, shelf)

        @rule(count=open_counts, parts=st.integers(1, 3))
        def count_the_shelf(self, count: OpenCount | None, parts: int) -> None:
            if count is None or count.counted is not None:
                return
            shelf, left = count.shelf, count.shelf.physical
            for part in range(parts):  # one person counts the shelf in parts, from different PCs
                qty = left if part == parts - 1 else left // 2
                left -= qty
                counts.record_entry(database, count.id, user_id=USER, station=f"PC{part}", product_id=shelf.id, qty=qty)
            count.counted, count.expected = shelf.physical, shelf.on_hand
            line = counts.review_lines(database, count.id)[0]
            assert (line.counted, line.expected, line.variance) == (
                shelf.physical,
                shelf.on_hand,
                shelf.physical - shelf.on_hand,
            )
            assert Flag.MOVED not in line.flags

        @rule(count=consumes(open_counts))
        def post_count(self, count: OpenCount | None) -> None:
            if count is None:
                return
            shelf = count.shelf
            result = counts.post_count(database, count.id, user_id=USER, accept_flagged=True)
            if count.counted is not None and count.expected is not None:
                shelf.on_hand += count.counted - count.expected
            if shelf.on_hand < shelf.reserved:
                assert result.short_skus == (shelf.sku,)
                shelf.may_be_short = True
            self.counting.discard(shelf.id)

        @rule(count=consumes(open_counts))
        def cancel_count(self, count: OpenCount | None) -> None:
            if count is None:
                return
            counts.cancel_count(database, count.id, user_id=USER)
            self.counting.discard(count.shelf.id)
            try:
                counts.record_entry(database, count.id, user_id=USER, station="PC9", product_id=count.shelf.id)
            except counts.CountClosed:
                pass
            else:
                raise AssertionError("a cancelled count took an entry")

        @invariant()
        def figures_equal_the_ledger_and_the_model(self) -> None:
            ids = [s.id for s in self.shelves]
            assert stock_mismatches(database, ids) == []
            for shelf in self.shelves:
                figures = stock.stock_figures(database, shelf.id)
                assert (figures.on_hand, figures.reserved) == (shelf.on_hand, shelf.reserved), shelf.sku
                if figures.available < 0:
                    assert shelf.may_be_short, f"{shelf.sku}: available {figures.available} without a backorder"

    return ShopDay


def stock_mismatches(database: Database, ids: list[int]) -> list[object]:
    from orderapp.services.stock.ledger import ledger_mismatches

    with database.session() as session:
        return list(ledger_mismatches(session, ids))


def test_random_shop_days_keep_stock_right(database: Database) -> None:
    run_state_machine_as_test(
        shop_day(database),
        settings=settings(
            max_examples=20,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )


def test_a_refused_entry_leaves_the_count_as_it_was(database: Database) -> None:
    product = catalogue.create_product(database, ProductDraft(sku="X-1", name="X"), user_id=USER)
    summary = counts.start_count(database, counts.CountScope.products([product.id]), user_id=USER)
    with pytest.raises(ValidationFailed, match="Only 0 of X-1 have been counted; you cannot take off 1"):
        counts.record_entry(database, summary.id, user_id=USER, station="PC1", product_id=product.id, qty=-1)
    assert counts.get_count(database, summary.id).counted_lines == 0
    assert counts.entries_of(database, summary.id) == ()
