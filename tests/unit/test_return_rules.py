"""The pure rules of returns and refunds: numbers, shares of a line's value, refusals."""

from __future__ import annotations

import pytest

from orderapp.domain.returns import (
    ReturnableLine,
    ReturnItem,
    check_refund,
    check_return,
    items_by_sku,
    return_id_from_number,
    return_number,
)


def line(sold: int = 3, returned: int = 0, price: int = 1000, discount: int = 0, line_id: int = 1) -> ReturnableLine:
    return ReturnableLine(line_id, 10 + line_id, f"SKU-{line_id}", "茶", sold, returned, price, discount)


@pytest.mark.parametrize("text", ["RT-000042", "rt-42", "RT 42", " RT000042 "])
def test_return_numbers_read_back(text: str) -> None:
    assert return_number(42) == "RT-000042"
    assert return_id_from_number(text) == 42


@pytest.mark.parametrize("text", ["SO-000042", "42", "RT-", "RT-0", ""])
def test_other_text_is_not_a_return_number(text: str) -> None:
    assert return_id_from_number(text) is None


@pytest.mark.parametrize(("sold", "price", "discount"), [(3, 1000, 100), (7, 999, 13), (1, 500, 0), (4, 2500, 2500)])
def test_returns_one_by_one_add_up_to_the_line(sold: int, price: int, discount: int) -> None:
    values = [line(sold, returned, price, discount).value_of(1) for returned in range(sold)]
    assert sum(values) == sold * price - discount
    assert line(sold, 0, price, discount).value_of(sold) == sold * price - discount


def test_refusals_say_what_is_wrong() -> None:
    lines = [line(sold=2, returned=1)]
    assert [e.message for e in check_return("SO-1", "shipped", lines, [ReturnItem(1, 2)], "other")] == [
        "Only 1 of SKU-1 can come back: 2 were shipped and 1 already returned."
    ]
    assert check_return("SO-1", "delivered", lines, [ReturnItem(1, 1, "damaged")], "defective") == []
    assert (
        "resellable or damaged"
        in check_return("SO-1", "shipped", lines, [ReturnItem(1, 1, "lost")], "other")[0].message
    )
    assert "not been shipped" in check_return("SO-1", "packed", lines, [ReturnItem(1, 1)], "other")[0].message
    assert check_return("SO-1", "returned", lines, [ReturnItem(1, 1)], "other")[0].message == (
        "Every item of order SO-1 has already come back."
    )
    assert check_return("SO-1", "shipped", lines, [], "other")[0].message == "Choose at least one item that comes back."


@pytest.mark.parametrize(
    ("amount", "paid", "refunded", "problem"),
    [
        (100, 1000, 0, ""),
        (1000, 1000, 0, ""),
        (1001, 1000, 0, "At most 10.00 can be refunded for order SO-1: 10.00 was paid and 0.00 already refunded."),
        (1, 1000, 1000, "At most 0.00 can be refunded"),
        (0, 1000, 0, "Enter the amount to refund, more than zero."),
        (-5, 1000, 0, "Enter the amount to refund, more than zero."),
        (5, 0, 0, "Nothing was paid for order SO-1"),
    ],
)
def test_a_refund_never_exceeds_what_was_paid(amount: int, paid: int, refunded: int, problem: str) -> None:
    said = check_refund("SO-1", amount, paid, refunded, lambda cents: f"{cents / 100:.2f}")
    assert said.startswith(problem) and bool(said) == bool(problem)


def test_skus_fill_their_lines_in_order() -> None:
    lines = [line(sold=2, line_id=1), line(sold=3, line_id=2)]
    lines = [lines[0], ReturnableLine(2, 11, "SKU-1", "茶", 3, 0, 1000, 0)]  # one SKU on two lines
    items, errors = items_by_sku("SO-1", lines, [("sku-1", 4, "resellable"), ("NOPE", 1, "damaged")])
    assert items == [ReturnItem(1, 2, "resellable"), ReturnItem(2, 2, "resellable")]
    assert [e.message for e in errors] == ["NOPE is not on order SO-1."]
