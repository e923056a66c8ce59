"""Confirming an order's stock rules, without a database: units per product, edits, shortages."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from orderapp.domain.shortages import (
    OrderedUnits,
    ReservationChange,
    Shortage,
    backordered_skus,
    refused,
    reservation_changes,
    shortages,
    units_by_product,
)

TEA = OrderedUnits(7, "TEA-1", "Longjing 龙井 100g", 2)
CUP = OrderedUnits(3, "CUP-9", "Gaiwan cup", 1)
TEA_AGAIN = OrderedUnits(7, "TEA-1", "Longjing 龙井 100g", 5)


def test_units_of_one_product_on_several_lines_are_added_up_in_product_order() -> None:
    units = units_by_product((line.product_id, line.quantity) for line in (TEA, CUP, TEA_AGAIN))
    assert units == {3: 1, 7: 7}
    assert list(units) == [3, 7]  # rows are always locked in this order: no deadlock between two PCs


@given(st.lists(st.tuples(st.integers(1, 50), st.integers(1, 1000)), max_size=30))
def test_the_units_per_product_keep_every_unit(pairs: list[tuple[int, int]]) -> None:
    units = units_by_product(pairs)
    assert sum(units.values()) == sum(qty for _, qty in pairs)
    assert list(units) == sorted(units)


def test_an_edit_reserves_the_extra_units_and_gives_back_the_fewer_ones() -> None:
    held = {3: 2, 7: 5, 9: 1}
    wanted = {3: 2, 7: 8, 11: 4}
    assert reservation_changes(held, wanted) == [
        ReservationChange(7, 3),
        ReservationChange(9, -1),
        ReservationChange(11, 4),
    ]


@given(
    st.dictionaries(st.integers(1, 20), st.integers(1, 50)),
    st.dictionaries(st.integers(1, 20), st.integers(1, 50)),
)
def test_held_plus_the_changes_is_what_the_edited_order_wants(held: dict[int, int], wanted: dict[int, int]) -> None:
    after = dict(held)
    for product_id, delta in reservation_changes(held, wanted):
        after[product_id] = after.get(product_id, 0) + delta
    assert {pid: qty for pid, qty in after.items() if qty} == wanted


def test_short_stock_refuses_the_order_unless_the_shop_takes_backorders() -> None:
    assert refused([7], allow_backorders=False)
    assert not refused([7], allow_backorders=True)
    assert not refused([], allow_backorders=False)


def test_a_shortage_counts_what_the_order_already_holds_as_available_to_it() -> None:
    lines = [TEA, CUP, TEA_AGAIN]
    found = shortages(lines, [7], available={7: 1, 3: 40}, held={7: 2})
    assert found == [Shortage(7, "TEA-1", "Longjing 龙井 100g", wanted=7, available=3)]


def test_a_product_missing_from_the_figures_has_nothing_available() -> None:
    assert shortages([CUP], [3], available={}, held={})[0].available == 0


def test_the_timeline_names_each_backordered_sku_once_in_line_order() -> None:
    lines = [TEA, CUP, TEA_AGAIN]
    assert backordered_skus(lines, [7, 3]) == ["TEA-1", "CUP-9"]
    assert backordered_skus(lines, []) == []
