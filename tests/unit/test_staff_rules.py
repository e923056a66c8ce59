"""The staff rules without a database: who may do what, PIN hashing and the lockout maths."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from orderapp.domain import staff
from orderapp.domain.staff import LOCK_MINUTES, MAX_WRONG_PINS, Permission, PinState, Role

OWNER_ONLY = [
    Permission.SETTINGS,
    Permission.PRICES,
    Permission.USERS,
    Permission.POST_COUNT,
    Permission.BIG_ADJUSTMENT,
    Permission.REFUND,
    Permission.AUDIT,
]


@pytest.mark.parametrize("permission", OWNER_ONLY)
def test_owner_only_permissions(permission: Permission) -> None:
    assert staff.allowed(Role.OWNER, permission)
    assert not staff.allowed(Role.SHOPKEEPER, permission)
    assert not staff.allowed("packer", permission)
    assert "owner" in staff.refusal(Role.PACKER, permission).lower()


def test_shopkeeper_enters_orders_and_products_but_a_packer_does_none_of_it() -> None:
    for permission in (Permission.ORDERS, Permission.PRODUCTS, Permission.PACK_OVERRIDE, Permission.BLIND_REVIEW):
        assert staff.allowed(Role.SHOPKEEPER, permission)
        assert not staff.allowed(Role.PACKER, permission)
    assert "shopkeeper" in staff.refusal(Role.SHOPKEEPER, Permission.PRICES)


@pytest.mark.parametrize(
    "pin, problem",
    [("", "digits only"), ("12a4", "digits only"), ("１２３４", "digits only"), ("123", "at least 4"),
     ("1", "at least 4"), ("1234567890123", "at most 12"), ("1234", ""), ("000000", "")],
)  # fmt: skip
def test_pin_rules(pin: str, problem: str) -> None:
    message = staff.pin_problem(pin)
    assert (problem in message) if problem else message == ""


def test_pin_is_stored_salted_and_never_in_plain_text() -> None:
    first, second = staff.hash_pin("4821"), staff.hash_pin("4821")
    assert first != second  # a fresh salt each time
    assert "4821" not in first and first.startswith("scrypt$")
    assert staff.pin_matches("4821", first) and staff.pin_matches("4821", second)
    assert not staff.pin_matches("4822", first)
    assert not staff.pin_matches("4821", "garbage") and not staff.pin_matches("4821", "md5$x$y$z$aa$bb")


def test_five_wrong_pins_in_a_row_lock_for_a_while() -> None:
    now = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    state = PinState(0, None)
    for n in range(1, MAX_WRONG_PINS):
        state = staff.after_wrong_pin(state, now)
        assert not staff.is_locked(state, now)
        assert staff.tries_left(state) == MAX_WRONG_PINS - n
    state = staff.after_wrong_pin(state, now)
    assert staff.is_locked(state, now)
    assert staff.is_locked(state, now + timedelta(minutes=LOCK_MINUTES) - timedelta(seconds=1))
    assert staff.minutes_left(state, now + timedelta(minutes=3)) == LOCK_MINUTES - 3
    later = now + timedelta(minutes=LOCK_MINUTES)
    assert not staff.is_locked(state, later)
    # after the lock ends, one wrong PIN is the first of a new run, not an instant lock
    again = staff.after_wrong_pin(state, later)
    assert not staff.is_locked(again, later) and again.wrong_tries == 1


def test_badges_are_code128_safe_and_recognised() -> None:
    codes = {staff.new_badge_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert code.startswith("STAFF-") and code.replace("-", "").isalnum() and code.isascii()
        assert staff.is_badge_code(code) and staff.is_badge_code(code.lower())
    assert not staff.is_badge_code("4006381333931") and not staff.is_badge_code("A-1024")


def test_actor_knows_its_permissions() -> None:
    packer = staff.Actor(3, "李娜", Role.PACKER, "PACK-1")
    assert not packer.may(Permission.PACK_OVERRIDE)
    assert staff.Actor(1, "Owner", Role.OWNER, "PC").may(Permission.PACK_OVERRIDE)
