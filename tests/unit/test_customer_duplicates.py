"""The duplicate-customer rules without a database: phones in any format, names and addresses
written differently, close names only at one place."""

from __future__ import annotations

import pytest

from orderapp.domain.customer_duplicates import CustomerFacts, find_duplicates, names_close, phone_key, plain


@pytest.mark.parametrize(
    ("typed", "region", "e164"),
    [
        ("138 1234 5678", "CN", "+8613812345678"),
        ("+86 138-1234-5678", "GB", "+8613812345678"),
        ("0086 13812345678", "CN", "+8613812345678"),
        ("020 7946 0958", "GB", "+442079460958"),
        ("not a phone", "CN", ""),
        ("", "CN", ""),
    ],
)
def test_phones_in_any_format_have_one_key(typed: str, region: str, e164: str) -> None:
    assert phone_key(typed, region) == e164


@pytest.mark.parametrize(
    ("first", "second", "close"),
    [
        ("王小明", "王晓明", True),
        ("王伟", "王芳", False),  # two characters: too short to tell
        ("王小明", "李小明", False),
        ("Anna Smith", "Ana Smith", True),
        ("Jonathan Baker", "Jonathon Baker", True),
        ("Anna Smith", "Peter Smith", False),
        ("ＡＢＣ Trading", "abc trading", True),  # full-width letters
    ],
)
def test_close_names(first: str, second: str, close: bool) -> None:
    assert names_close(plain(first), plain(second)) is close


def test_pairs_say_why_and_strangers_are_left_alone() -> None:
    customers = [
        CustomerFacts(1, "王小明", "+8613812345678", "南京东路100号", "200001", "上海"),
        CustomerFacts(2, "Wang Xiaoming", "138-1234-5678"),
        CustomerFacts(3, "王 小明", "", "南京东路 100 号", "200001", "上海"),
        CustomerFacts(4, "王晓明", "", "", "200001", "上海"),
        CustomerFacts(5, "王晓明", "", "", "100000", "北京"),  # another city
        CustomerFacts(6, "李雷", "+8613900000000", "", "200001", "上海"),
    ]
    pairs = {(pair.first_id, pair.second_id): pair.matches for pair in find_duplicates(customers, "CN")}
    assert pairs == {
        (1, 2): ("same_phone",),
        (1, 3): ("same_name_address",),
        (1, 4): ("close_name",),
        (3, 4): ("close_name",),
    }
