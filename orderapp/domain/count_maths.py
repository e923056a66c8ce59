"""Count maths: what a count line's counted, expected and variance figures are, and when to recount.

Sales go on while a shop counts, so "expected" cannot be the on-hand figure when the count started,
nor the one when it is posted. The rule here:

* Every count entry (a scan or a typed quantity) is written in one transaction with a look at the
  stock ledger for that product, taken under the product's row lock: ``on_hand_seen`` (the ledger's
  on-hand sum, which the product's cached figure always equals) and ``ledger_mark`` (the id of the
  product's latest movement that changed on-hand, 0 if none). So "as of the entry" means "after
  every movement committed before the entry and none after it": the order the database put them
  in, not the PCs' clocks, which may disagree.
* A line is counted in rounds (a recount starts a new round). Its ``counted`` quantity is the sum of
  the entries of the current round; several PCs may add to it at once.
* Its ``expected`` quantity is ``on_hand_seen`` of the round's latest entry: the ledger's on-hand at
  the moment the line's count was complete. Its variance is ``counted - expected``.
* If on-hand moved between the round's first and latest entry (a sale of this very product while
  it was being counted), nobody can know whether the sold unit had already been counted; the line
  is flagged "moved while counting" for a recount instead of guessing.
* Posting adds ``variance`` to the product's on-hand as it is at posting time. Sales and receipts
  after the line was counted are therefore kept, and a sale during the count of other lines, or
  before or after this line was counted, never shows as a variance.
* Lines left uncounted change nothing, unless the poster chooses to set them to zero; then their
  expected quantity is the on-hand at posting time.

This module is pure (no I/O); ``orderapp.services.stock.counts`` applies it to the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class EntryFact:
    """One count entry, with the ledger as the entry's transaction saw it."""

    qty: int
    on_hand_seen: int
    ledger_mark: int


@dataclass(frozen=True)
class LineState:
    """A line's figures for its current round (``counted`` is None until its first entry)."""

    counted: int | None = None
    expected: int | None = None
    first_mark: int | None = None
    last_mark: int | None = None
    entries: int = 0

    @property
    def variance(self) -> int | None:
        if self.counted is None or self.expected is None:
            return None
        return self.counted - self.expected

    @property
    def moved_while_counting(self) -> bool:
        return self.first_mark is not None and self.first_mark != self.last_mark


def add_entry(state: LineState, entry: EntryFact) -> LineState:
    """The line after one more entry of the current round."""
    return LineState(
        counted=(state.counted or 0) + entry.qty,
        expected=entry.on_hand_seen,
        first_mark=entry.ledger_mark if state.first_mark is None else state.first_mark,
        last_mark=entry.ledger_mark,
        entries=state.entries + 1,
    )


def fold_entries(entries: Iterable[EntryFact]) -> LineState:
    """The line after all of a round's entries, in the order they were written."""
    state = LineState()
    for entry in entries:
        state = add_entry(state, entry)
    return state


class Flag(StrEnum):
    OVER_UNITS = "over_units"  # |variance| at or over the count's unit threshold
    OVER_VALUE = "over_value"  # |variance| x cost at or over the count's value threshold
    MOVED = "moved_while_counting"


@dataclass(frozen=True)
class Thresholds:
    """Lines whose first count is this far off are flagged for a recount (0 switches a test off)."""

    units: int = 3
    value_cents: int = 5_000


def variance_value(variance: int, cost_cents: int) -> int:
    return variance * cost_cents


def flags(state: LineState, round_no: int, cost_cents: int, thresholds: Thresholds) -> frozenset[Flag]:
    """Why a counted line should be recounted before posting (empty: it need not be).

    A line that was already recounted (round 2 or later) is trusted however large its variance:
    two counts agreeing is the confirmation. "Moved while counting" is flagged in every round.
    """
    found: set[Flag] = set()
    variance = state.variance
    if variance is None:
        return frozenset()
    if state.moved_while_counting:
        found.add(Flag.MOVED)
    if round_no == 1 and variance != 0:
        if thresholds.units > 0 and abs(variance) >= thresholds.units:
            found.add(Flag.OVER_UNITS)
        if thresholds.value_cents > 0 and abs(variance_value(variance, cost_cents)) >= thresholds.value_cents:
            found.add(Flag.OVER_VALUE)
    return frozenset(found)


def posting_adjustment(state: LineState, *, on_hand_now: int, zero_uncounted: bool) -> int:
    """The count movement posting writes for a line: the variance; for an uncounted line 0, or
    ``-on_hand_now`` when uncounted lines are set to zero."""
    variance = state.variance
    if variance is not None:
        return variance
    return -on_hand_now if zero_uncounted else 0
