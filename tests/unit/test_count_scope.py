"""A stock count's scope, its thresholds' checks and its words, without a database."""

from __future__ import annotations

from orderapp.domain.count_maths import Thresholds
from orderapp.domain.count_scope import (
    CountScope,
    CountStatus,
    ScopeKind,
    count_name,
    nothing_to_count,
    scope_problems,
    status_word,
    threshold_problems,
)
from orderapp.domain.product_validation import QTY_MAX


def test_a_scope_keeps_its_location_trimmed_and_its_products_sorted_once() -> None:
    assert CountScope.location("  A-3 ") == CountScope(ScopeKind.LOCATION, "A-3")
    assert CountScope.products([5, 2, 5]).product_ids == (2, 5)


def test_a_location_or_category_count_without_one_chosen_is_refused_with_a_sentence() -> None:
    assert [e.message for e in scope_problems(CountScope.location("  "))] == [
        "Choose the location or category to count."
    ]
    assert [e.message for e in scope_problems(CountScope.category(""))] == ["Choose the location or category to count."]
    assert [e.message for e in scope_problems(CountScope.products([]))] == ["Choose at least one product to count."]
    assert scope_problems(CountScope.everything()) == []


def test_negative_or_huge_thresholds_are_refused_per_field() -> None:
    assert threshold_problems(Thresholds(0, 0)) == []
    fields = [e.field for e in threshold_problems(Thresholds(-1, 2_000_000_001))]
    assert fields == ["threshold_units", "threshold_value_cents"]
    assert [e.field for e in threshold_problems(Thresholds(QTY_MAX + 1, 0))] == ["threshold_units"]


def test_an_empty_scope_is_explained_by_what_was_chosen() -> None:
    assert nothing_to_count(CountScope.location("B")) == "No product is kept in location B; check the location."
    assert nothing_to_count(CountScope.category("Tea")) == "No product is in category Tea; check the category."
    assert nothing_to_count(CountScope.everything()) == "There are no products to count."


def test_a_count_is_named_by_number_and_title() -> None:
    assert count_name(7, "Shelf A") == "#7 “Shelf A”"
    assert count_name(7, "") == "#7"
    assert status_word(CountStatus.POSTED) == "posted"
