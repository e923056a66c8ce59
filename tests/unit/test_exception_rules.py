"""The exceptions' pure rules: the status flow, the hold, and a priority the stored queue key keeps in order."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from orderapp.domain.exception_rules import (
    FAMILY_OF_TYPE,
    TYPES,
    ExceptionStatus,
    Family,
    Severity,
    base_priority,
    can_move,
    holds_order,
    priority,
    queue_key,
)

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_every_family_of_the_issue_has_its_types() -> None:
    assert set(TYPES) == set(Family)
    for kind in ("failed", "duplicate", "amount_mismatch", "unpaid_at_packing"):
        assert FAMILY_OF_TYPE[kind] is Family.PAYMENT
    for kind in ("delayed", "lost", "wrong_address", "returned_to_sender", "damaged_in_transit"):
        assert FAMILY_OF_TYPE[kind] is Family.LOGISTICS
    for kind in ("out_of_stock", "damaged", "wrong_item_sent", "quality_complaint"):
        assert FAMILY_OF_TYPE[kind] is Family.PRODUCT
    for kind in ("unreachable", "incomplete_address", "invalid_address", "duplicate_customer"):
        assert FAMILY_OF_TYPE[kind] is Family.CUSTOMER


@pytest.mark.parametrize(
    "current, target, allowed",
    [
        ("open", "in_progress", True),
        ("open", "resolved", True),
        ("in_progress", "action_taken", True),
        ("action_taken", "resolved", True),
        ("action_taken", "in_progress", True),
        ("resolved", "open", True),
        ("resolved", "in_progress", False),
        ("resolved", "action_taken", False),
        ("in_progress", "open", False),
        ("open", "open", False),
    ],
)
def test_the_status_flow(current: str, target: str, allowed: bool) -> None:
    assert can_move(current, target) is allowed


@pytest.mark.parametrize("status", list(ExceptionStatus))
@pytest.mark.parametrize("severity", list(Severity))
def test_only_a_severe_unresolved_exception_holds_its_order(severity: Severity, status: ExceptionStatus) -> None:
    assert holds_order(severity, status) is (severity is Severity.SEVERE and status is not ExceptionStatus.RESOLVED)


def test_priority_rises_with_severity_urgency_tags_and_age() -> None:
    minor = base_priority("minor", urgent=False)
    moderate = base_priority("moderate", urgent=False)
    severe = base_priority("severe", urgent=False)
    assert minor < moderate < severe
    assert base_priority("moderate", urgent=True) > moderate
    assert base_priority("moderate", urgent=False, tags=["VIP"]) > moderate
    assert base_priority("moderate", urgent=False, tags=[" Risk "]) > moderate
    assert base_priority("moderate", urgent=False, tags=["regular"]) == moderate
    assert priority(severe, T0, T0) == severe
    assert priority(severe, T0, T0 + timedelta(hours=24)) == severe + 6
    # a minor problem left for days overtakes a fresh severe one: nothing waits for ever
    assert priority(minor, T0, T0 + timedelta(days=14)) > priority(
        severe, T0 + timedelta(days=14), T0 + timedelta(days=14)
    )


def test_the_stored_queue_key_orders_by_priority_at_any_later_moment() -> None:
    rng = random.Random(13)
    items = []
    for _ in range(300):
        base = base_priority(
            rng.choice(list(Severity)), urgent=rng.random() < 0.3, tags=rng.choice([[], ["vip"], ["risk"]])
        )
        opened = T0 + timedelta(seconds=rng.randrange(0, 30 * 24 * 3600))
        items.append((base, opened))
    for later in (timedelta(days=31), timedelta(days=40), timedelta(days=400)):
        now = T0 + later
        ordered = sorted(items, key=lambda item: queue_key(*item))
        figures = [priority(base, opened, now) for base, opened in ordered]
        assert figures == sorted(figures, reverse=True)
