"""What the stock count services return (frozen rows for the Counts screen) and refuse with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from orderapp.domain.count_maths import Flag, Thresholds
from orderapp.domain.count_scope import CountStatus, ScopeKind
from orderapp.errors import OrderAppError


class CountClosed(OrderAppError):
    pass


class NotInCount(OrderAppError):
    def __init__(self, message: str, product_id: int, *, elsewhere: bool = False) -> None:
        super().__init__(message)
        self.product_id = product_id
        self.elsewhere = elsewhere  # True: it is in another open count, so it cannot be added to this one


class UnknownCode(OrderAppError):
    pass


class CountOverlaps(OrderAppError):
    pass


class CountNeedsReview(OrderAppError):
    def __init__(self, message: str, flagged: int) -> None:
        super().__init__(message)
        self.flagged = flagged


@dataclass(frozen=True)
class CountSummary:
    id: int
    title: str
    scope_kind: ScopeKind
    scope_value: str
    blind: bool
    status: CountStatus
    thresholds: Thresholds
    created_at: datetime
    created_by: int
    closed_at: datetime | None
    lines: int
    counted_lines: int


@dataclass(frozen=True)
class EntryResult:
    entry_id: int
    line_id: int
    product_id: int
    sku: str
    name: str
    qty: int  # units this entry added (negative: taken off)
    counted: int  # the line's total in its current round
    line_added: bool  # the product was not in the count and its line was added now


@dataclass(frozen=True)
class CounterLine:
    line_id: int
    product_id: int
    location: str
    sku: str
    name: str
    barcode: str
    counted: int | None  # None: not counted yet (in this round)
    round: int
    expected: int | None  # None on a blind count


@dataclass(frozen=True)
class LineKey:
    location: str
    sku: str
    line_id: int


@dataclass(frozen=True)
class CounterPage:
    rows: tuple[CounterLine, ...]
    next_key: LineKey | None


@dataclass(frozen=True)
class ReviewLine:
    line_id: int
    product_id: int
    location: str
    sku: str
    name: str
    round: int
    entries: int
    counted: int | None
    expected: int | None  # the ledger's on-hand when the line was counted
    variance: int | None
    value_cents: int | None  # variance x cost (price where the cost is unknown)
    flags: frozenset[Flag]
    counted_at: datetime | None
    on_hand_now: int

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


@dataclass(frozen=True)
class PostResult:
    count_id: int
    adjusted_lines: int
    units_added: int
    units_removed: int
    value_cents: int  # the adjustments' value at cost (negative: stock lost)
    short_skus: tuple[str, ...]  # now holding fewer units than open orders have reserved


@dataclass(frozen=True)
class CountSheetLine:
    location: str
    sku: str
    name: str
    barcode: str
    expected: int | None  # only on a count that is not blind


class CountEntryRow(NamedTuple):
    id: int
    line_id: int
    round: int
    qty: int
    station: str
    source: str
