"""The demo shop's pure rules: timelines follow the order state machine, tracking numbers are well formed."""

from __future__ import annotations

import random
import re
from itertools import pairwise

import pytest

from orderapp.demo.orders import OrderMaker, _steps
from orderapp.demo.products import _chinese_size
from orderapp.domain.order_status import OrderStatus, can_move

ALL_KINDS = [
    (kind, status, branch)
    for kind, statuses in (
        ("walk_in", ("received", "completed", "cancelled", "returned")),
        ("pickup", ("received", "confirmed", "picking", "packed", "delivered", "returned", "on_hold", "cancelled")),
        ("delivery", tuple(s.value for s in OrderStatus if s != OrderStatus.COMPLETED)),
    )
    for status in statuses
    for branch in (("received", "confirmed", "picking", "packed") if status in ("on_hold", "cancelled") else ("",))
    if not (kind == "walk_in" and branch)
]


@pytest.mark.parametrize("kind, status, branch", ALL_KINDS)
def test_every_timeline_is_a_path_the_app_allows(kind: str, status: str, branch: str) -> None:
    path = ["received", *(step for step, _low, _high in _steps(kind, status, branch))]
    assert path[-1] == status
    for before, after in pairwise(path):
        assert can_move(OrderStatus(before), OrderStatus(after)), (kind, path)
    if branch:
        assert path[-2] == branch
    assert all(low > 0 and high >= low for _step, low, high in _steps(kind, status, branch))


def test_ems_tracking_numbers_carry_a_valid_s10_check_digit() -> None:
    maker = object.__new__(OrderMaker)
    maker.rng = random.Random(3)
    for _ in range(200):
        number = maker._tracking("EMS")
        assert re.fullmatch(r"E[A-Z]\d{9}CN", number)
        digits = [int(d) for d in number[2:10]]
        check = 11 - sum(d * w for d, w in zip(digits, (8, 6, 4, 2, 3, 5, 9, 7), strict=True)) % 11
        assert int(number[10]) == {10: 0, 11: 5}.get(check, check)
    assert re.fullmatch(r"SF\d{12}", maker._tracking("SF############"))


@pytest.mark.parametrize(
    "size, label", [("10 pcs", "10个"), ("5 packs", "5包"), ("250g", "250g"), ("1.8L", "1.8L"), ("100 pairs", "100双")]
)
def test_chinese_labels_count_in_chinese(size: str, label: str) -> None:
    assert _chinese_size(size) == label
