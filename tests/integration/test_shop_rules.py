"""The orders and packing rules, saved together as the Settings screen does, read back by their own
capabilities' services."""

from __future__ import annotations

import pytest

from orderapp.errors import ValidationFailed
from orderapp.services.settings.orders import load_order_settings, save_order_settings
from orderapp.services.settings.packing import load_packing_settings
from orderapp.services.settings.rules import ShopRules, TypedRules, check_typed_rules, load_rules, save_rules
from orderapp.store.database import Database


def test_a_new_shop_has_the_default_rules(database: Database) -> None:
    assert load_rules(database) == ShopRules(allow_backorders=False, duplicate_window_minutes=30, typed_qty_from=10)


def test_saved_rules_are_what_orders_and_packing_then_read(database: Database) -> None:
    saved = save_rules(database, ShopRules(allow_backorders=True, duplicate_window_minutes=0, typed_qty_from=0))
    assert saved == ShopRules(True, 0, 0)
    assert load_order_settings(database).allow_backorders is True
    assert load_order_settings(database).duplicate_window_minutes == 0
    assert load_packing_settings(database).typed_qty_from == 0
    assert load_rules(database) == saved


def test_a_rule_out_of_range_is_refused_and_nothing_is_stored(database: Database) -> None:
    with pytest.raises(ValidationFailed) as caught:
        save_rules(database, ShopRules(allow_backorders=True, duplicate_window_minutes=45, typed_qty_from=-1))
    assert [e.field for e in caught.value.errors] == ["typed_qty_from"]
    assert load_rules(database) == ShopRules()  # the backorders and window were not written either


def test_a_negative_duplicate_window_is_refused_by_the_orders_settings(database: Database) -> None:
    with pytest.raises(ValidationFailed) as caught:
        save_order_settings(database, allow_backorders=True, duplicate_window_minutes=-1)
    assert "0 turns the duplicate check off" in str(caught.value)
    assert load_order_settings(database).allow_backorders is False


@pytest.mark.parametrize(
    "minutes, units, fields",
    [
        ("30", "10", []),
        (" 0 ", "+5", []),
        ("３０", "１２", []),
        ("30", "1e3", ["typed_qty_from"]),
        ("thirty", "-1", ["duplicate_window_minutes", "typed_qty_from"]),
        ("10081", "100000", ["duplicate_window_minutes"]),
        ("9" * 5000, "10", ["duplicate_window_minutes"]),
    ],
)
def test_typed_rules_are_read_or_refused_with_a_message(minutes: str, units: str, fields: list[str]) -> None:
    rules, errors = check_typed_rules(TypedRules(False, minutes, units))
    assert [e.field for e in errors] == fields
    assert all(e.message for e in errors)
    assert (rules is None) == bool(fields)
