"""Order exceptions: the kinds of problem, the status flow and the priority, as pure rules.

An exception is one problem with one order: a family (payment, logistics, product, customer), a type
within it, a severity, an owner and a status that moves open -> in progress -> action taken ->
resolved. Its priority is a figure the queue sorts by: severity first, then the order's urgency and
the customer's tags, growing with the exception's age so nothing waits for ever.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo


class Family(StrEnum):
    PAYMENT = "payment"
    LOGISTICS = "logistics"
    PRODUCT = "product"
    CUSTOMER = "customer"


class Severity(StrEnum):
    MINOR = "minor"
    MODERATE = "moderate"
    SEVERE = "severe"


class ExceptionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"  # someone works on it, e.g. contacting the customer
    ACTION_TAKEN = "action_taken"  # reshipped, refunded, cancelled... waiting to see it settled
    RESOLVED = "resolved"


class ActionType(StrEnum):
    RESHIP = "reship"  # a linked zero-price order
    REFUND = "refund"  # full or partial, amount recorded
    REPLACEMENT = "replacement"
    COMPENSATION = "compensation"
    CANCEL = "cancel"


# Types per family. The last ones of logistics are the time limits per step.
TYPES: dict[Family, tuple[str, ...]] = {
    Family.PAYMENT: ("failed", "duplicate", "amount_mismatch", "unpaid_at_packing", "unpaid_import"),
    Family.LOGISTICS: (
        "delayed",
        "lost",
        "wrong_address",
        "returned_to_sender",
        "damaged_in_transit",
        "late_confirm",
        "late_pack",
        "late_ship",
    ),
    Family.PRODUCT: ("out_of_stock", "damaged", "wrong_item_sent", "quality_complaint", "pack_override", "wrong_scans"),
    Family.CUSTOMER: ("unreachable", "incomplete_address", "invalid_address", "duplicate_customer"),
}

FAMILY_OF_TYPE: dict[str, Family] = {kind: family for family, kinds in TYPES.items() for kind in kinds}

OPEN_STATUSES = frozenset({ExceptionStatus.OPEN, ExceptionStatus.IN_PROGRESS, ExceptionStatus.ACTION_TAKEN})

FLOW: dict[ExceptionStatus, frozenset[ExceptionStatus]] = {
    ExceptionStatus.OPEN: frozenset(
        {ExceptionStatus.IN_PROGRESS, ExceptionStatus.ACTION_TAKEN, ExceptionStatus.RESOLVED}
    ),
    ExceptionStatus.IN_PROGRESS: frozenset({ExceptionStatus.ACTION_TAKEN, ExceptionStatus.RESOLVED}),
    ExceptionStatus.ACTION_TAKEN: frozenset({ExceptionStatus.IN_PROGRESS, ExceptionStatus.RESOLVED}),
    ExceptionStatus.RESOLVED: frozenset({ExceptionStatus.OPEN}),  # reopened: it came back
}


def can_move(current: ExceptionStatus | str, target: ExceptionStatus | str) -> bool:
    return ExceptionStatus(target) in FLOW[ExceptionStatus(current)]


def holds_order(severity: Severity | str, status: ExceptionStatus | str) -> bool:
    """A severe exception that is not resolved stops packing and shipping its order."""
    return Severity(severity) is Severity.SEVERE and ExceptionStatus(status) in OPEN_STATUSES


# --- priority -------------------------------------------------------------------------------------

SEVERITY_POINTS = {Severity.MINOR: 10, Severity.MODERATE: 40, Severity.SEVERE: 80}
URGENT_POINTS = 20
TAG_POINTS = {"vip": 15, "risk": 10}
# The figure grows by one point for every this many seconds the exception is open (four hours: a minor
# problem left for two weeks overtakes a fresh severe one, so nothing waits for ever).
SECONDS_PER_AGE_POINT = 4 * 3600


def base_priority(severity: Severity | str, *, urgent: bool, tags: Iterable[str] = ()) -> int:
    """The priority when raised: severity, plus an urgent order, plus the customer's tags (VIP, risk)."""
    points = SEVERITY_POINTS[Severity(severity)] + (URGENT_POINTS if urgent else 0)
    seen = {tag.strip().lower() for tag in tags}
    return points + sum(value for tag, value in TAG_POINTS.items() if tag in seen)


def priority(base: int, opened_at: datetime, now: datetime) -> int:
    """The figure shown: the base plus one point per four hours open."""
    age = max(int((now - opened_at).total_seconds()), 0)
    return base + age // SECONDS_PER_AGE_POINT


def queue_key(base: int, opened_at: datetime) -> int:
    """A stored sort key that orders the queue by ``priority`` at any moment (ascending = first).

    priority(now) = base + (now - opened) / k, so sorting by priority descending is sorting by
    opened - base * k ascending: ``now`` drops out, and the queue needs no re-sorting as time passes.
    """
    return int(opened_at.timestamp()) - base * SECONDS_PER_AGE_POINT


def wrong_scans_limit_reached(wrong_scans: int, limit: int) -> bool:
    return limit > 0 and wrong_scans >= limit


# --- what the automatic checks judge --------------------------------------------------------------


def address_problem(line1: str, city: str, postcode: str, country: str) -> tuple[str, str] | None:
    """(type, sentence) when an imported delivery address cannot be sent to as it is; None when fine."""
    from orderapp.domain.postcodes import postcode_problem
    from orderapp.i18n import _

    missing = [label for label, value in ((_("street"), line1), (_("city"), city)) if not value.strip()]
    if missing:
        return "incomplete_address", _("The address has no {parts}.").format(parts=", ".join(missing))
    problem = postcode_problem(postcode, country or "CN")
    if problem:
        return "invalid_address", problem
    return None


def cutoffs_between(start: datetime, end: datetime, minutes: int, zone: ZoneInfo) -> list[datetime]:
    """The daily pack cut-offs (the shop's local time, ``minutes`` after midnight) in (start, end], as UTC."""
    found: list[datetime] = []
    day = start.astimezone(zone).date()
    last = end.astimezone(zone).date()
    while day <= last:
        moment = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=zone).astimezone(UTC)
        if start < moment <= end:
            found.append(moment)
        day += timedelta(days=1)
    return found


def last_cutoff(now: datetime, minutes: int, zone: ZoneInfo) -> datetime:
    """The latest daily cut-off at or before ``now``, as UTC."""
    local = now.astimezone(zone)
    moment = datetime.combine(local.date(), time(minutes // 60, minutes % 60), tzinfo=zone)
    if moment > local:
        moment -= timedelta(days=1)
    return moment.astimezone(UTC)
