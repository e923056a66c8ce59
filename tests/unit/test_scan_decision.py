"""The packing scan decision on its own: every small order shape, every product and case size."""

from __future__ import annotations

import itertools

import pytest

from orderapp.domain.scan_decision import LineState, ProductRef, Verdict, judge_scan

TEA, RICE, SOAP = ProductRef(1, "Tea"), ProductRef(2, "Rice"), ProductRef(3, "Soap")


def _orders() -> list[tuple[LineState, ...]]:
    """Every order of up to three lines over two products, 1-3 ordered, 0-4 counted (over-counts too)."""
    shapes: list[tuple[LineState, ...]] = [()]
    single = [(product, ordered, scanned) for product in (1, 2) for ordered in (1, 2, 3) for scanned in range(0, 5)]
    for size in (1, 2, 3):
        for combo in itertools.product(single, repeat=size):
            if size == 3 and len({c[0] for c in combo}) == 1 and combo[0][1] == 3:
                continue  # keeps the run short; three lines of one product are covered with 1-2 ordered
            shapes.append(tuple(LineState(10 + n, p, o, s) for n, (p, o, s) in enumerate(combo)))
    return shapes


ORDERS = _orders()


@pytest.mark.parametrize("pack_qty", [1, 2, 3, 4, 24])
@pytest.mark.parametrize("product", [None, TEA, RICE, SOAP], ids=["no product", "tea", "rice", "soap"])
def test_every_order_shape_gets_the_one_right_verdict(product: ProductRef | None, pack_qty: int) -> None:
    for lines in ORDERS:
        verdict = judge_scan(lines, product, pack_qty)
        mine = [line for line in lines if product is not None and line.product_id == product.product_id]
        fitting = [line for line in mine if line.ordered - line.scanned >= pack_qty]
        needed = sum(max(line.ordered - line.scanned, 0) for line in mine)
        assert verdict.pack_qty == pack_qty
        if product is None:
            assert verdict.verdict is Verdict.UNKNOWN
        elif not mine:
            assert verdict.verdict is Verdict.NOT_ON_ORDER
        elif fitting:
            first = fitting[0]
            assert verdict.verdict is Verdict.NEEDED, lines
            assert (verdict.line_id, verdict.quantity) == (first.line_id, pack_qty)
            assert verdict.scanned_after == first.scanned + pack_qty <= first.ordered
            assert verdict.ordered == first.ordered
            assert verdict.needed == needed - pack_qty
        elif needed > 0:
            assert verdict.verdict is Verdict.CASE_TOO_BIG, lines
            assert pack_qty > verdict.most_one_scan == max(line.ordered - line.scanned for line in mine) > 0
            assert verdict.line_id in {line.line_id for line in mine}
            assert verdict.needed == needed
        else:
            assert verdict.verdict is Verdict.OVER_SCAN, lines
            assert verdict.line_id == mine[0].line_id
            assert verdict.ordered == sum(line.ordered for line in mine)
        assert verdict.counts == (verdict.verdict is Verdict.NEEDED)
        assert verdict.quantity == (pack_qty if verdict.counts else 0)
        assert (verdict.line_id is None) == (verdict.verdict in (Verdict.UNKNOWN, Verdict.NOT_ON_ORDER))


def test_a_case_of_24_when_one_more_is_needed_is_a_case_too_big_not_complete() -> None:
    verdict = judge_scan([LineState(1, 1, 30, 29)], TEA, 24)
    assert verdict.verdict is Verdict.CASE_TOO_BIG
    assert (verdict.pack_qty, verdict.most_one_scan, verdict.needed, verdict.quantity) == (24, 1, 1, 0)


def test_a_case_that_fits_exactly_completes_the_line() -> None:
    verdict = judge_scan([LineState(1, 1, 24, 0), LineState(2, 2, 1, 0)], TEA, 24)
    assert verdict.verdict is Verdict.NEEDED
    assert (verdict.line_id, verdict.quantity, verdict.scanned_after, verdict.needed) == (1, 24, 24, 0)


def test_a_product_on_two_lines_fills_the_first_that_needs_it() -> None:
    lines = [LineState(1, 1, 2, 2), LineState(2, 2, 1, 0), LineState(3, 1, 3, 1)]
    verdict = judge_scan(lines, TEA, 1)
    assert (verdict.verdict, verdict.line_id, verdict.scanned_after, verdict.ordered) == (Verdict.NEEDED, 3, 2, 3)


def test_a_case_split_over_two_lines_is_refused_and_says_the_most_one_scan_can_count() -> None:
    verdict = judge_scan([LineState(1, 1, 12, 0), LineState(2, 1, 12, 2)], TEA, 24)
    assert verdict.verdict is Verdict.CASE_TOO_BIG
    assert (verdict.needed, verdict.most_one_scan, verdict.line_id) == (22, 12, 1)


def test_an_over_counted_line_is_complete_not_negative() -> None:
    verdict = judge_scan([LineState(1, 1, 2, 5)], TEA, 1)
    assert verdict.verdict is Verdict.OVER_SCAN
    assert (verdict.needed, verdict.quantity, verdict.ordered) == (0, 0, 2)


@pytest.mark.parametrize("pack_qty", [0, -1])
def test_a_scan_stands_for_at_least_one_unit(pack_qty: int) -> None:
    with pytest.raises(ValueError):
        judge_scan([LineState(1, 1, 2, 0)], TEA, pack_qty)
