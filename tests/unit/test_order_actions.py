"""What an order allows now, whether it holds stock, overdue, and the reason rule: no database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from orderapp.domain.order_actions import allowed_actions, holds_stock, is_overdue, required_reason
from orderapp.errors import ValidationFailed

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def test_a_received_order_can_be_edited_confirmed_cancelled_and_held_but_not_shipped() -> None:
    assert allowed_actions("received", None) == {"edit", "confirm", "cancel", "hold"}


def test_a_packed_order_can_be_shipped_and_no_longer_edited() -> None:
    actions = allowed_actions("packed", None)
    assert "ship" in actions
    assert "edit" not in actions and "confirm" not in actions


def test_an_order_held_from_confirmed_stays_editable_and_can_only_be_released_or_cancelled() -> None:
    actions = allowed_actions("on_hold", "confirmed")
    assert "edit" in actions and "release" in actions
    assert "pick" not in actions and "hold" not in actions


def test_a_delivered_order_allows_nothing_but_what_the_status_machine_allows() -> None:
    assert "cancel" not in allowed_actions("delivered", None)
    assert "edit" not in allowed_actions("delivered", None)


def test_stock_is_held_by_a_confirmed_order_and_by_one_held_from_confirmed_only() -> None:
    assert holds_stock("confirmed", None)
    assert not holds_stock("received", None)
    assert holds_stock("on_hold", "confirmed")
    assert not holds_stock("on_hold", "received")


def test_an_open_order_past_its_due_time_is_overdue_and_a_delivered_one_is_not() -> None:
    yesterday = NOW - timedelta(days=1)
    assert is_overdue("confirmed", yesterday, NOW)
    assert not is_overdue("delivered", yesterday, NOW)
    assert not is_overdue("confirmed", NOW + timedelta(hours=1), NOW)
    assert not is_overdue("confirmed", None, NOW)


def test_a_reason_has_its_spaces_folded() -> None:
    assert required_reason("  customer   rang \n back ") == "customer rang back"


@pytest.mark.parametrize(
    ("reason", "message"),
    [("   ", "Enter a reason; it is kept in the order's timeline."), ("x" * 501, "at most 500 characters")],
)
def test_an_empty_or_overlong_reason_is_refused_with_a_sentence(reason: str, message: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        required_reason(reason)
    assert message in str(refused.value.errors[0].message)
