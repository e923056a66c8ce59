"""Count maths: variances against the ledger at the moment a line was counted."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from orderapp.domain.count_maths import (
    EntryFact,
    Flag,
    LineState,
    Thresholds,
    add_entry,
    flags,
    fold_entries,
    posting_adjustment,
)


def test_expected_is_the_ledger_at_the_last_entry() -> None:
    state = fold_entries([EntryFact(4, 10, 7), EntryFact(5, 10, 7)])
    assert (state.counted, state.expected, state.variance) == (9, 10, -1)
    assert not state.moved_while_counting


def test_a_sale_between_two_entries_of_the_same_line_is_flagged_not_guessed() -> None:
    state = fold_entries([EntryFact(4, 10, 7), EntryFact(5, 9, 8)])  # one sold between the scans
    assert state.moved_while_counting
    assert Flag.MOVED in flags(state, 1, 100, Thresholds(0, 0))


def test_an_uncounted_line_has_no_variance_and_posting_leaves_it_alone_unless_zeroed() -> None:
    state = LineState()
    assert state.variance is None
    assert posting_adjustment(state, on_hand_now=7, zero_uncounted=False) == 0
    assert posting_adjustment(state, on_hand_now=7, zero_uncounted=True) == -7


def test_thresholds_flag_a_first_count_but_trust_a_recount() -> None:
    state = fold_entries([EntryFact(2, 10, 1)])
    assert flags(state, 1, 100, Thresholds(units=5, value_cents=0)) == {Flag.OVER_UNITS}
    assert flags(state, 1, 1_000, Thresholds(units=0, value_cents=5_000)) == {Flag.OVER_VALUE}
    assert flags(state, 2, 1_000, Thresholds(units=5, value_cents=5_000)) == frozenset()
    assert flags(fold_entries([EntryFact(10, 10, 1)]), 1, 1_000, Thresholds(1, 1)) == frozenset()


# One product on a shelf. Sales and deliveries are recorded in the ledger; some units went missing
# before the count without a record (that is what a count is for). The counter counts the whole
# shelf at some moment, in one or several entries. Whatever happens before and after, posting
# must make the figure equal the shelf, and the variance equal the missing units.
events = st.lists(
    st.one_of(st.tuples(st.just("sale"), st.integers(1, 5)), st.tuples(st.just("receive"), st.integers(1, 20))),
    max_size=8,
)


@given(
    start=st.integers(0, 60),
    missing=st.integers(0, 10),
    before=events,
    after=events,
    pieces=st.integers(1, 4),
)
def test_sales_before_and_after_the_count_never_show_as_variance(
    start: int, missing: int, before: list[tuple[str, int]], after: list[tuple[str, int]], pieces: int
) -> None:
    ledger, shelf, mark = start, max(start - missing, 0), 0
    lost = ledger - shelf

    def move(kind: str, qty: int) -> None:
        nonlocal ledger, shelf, mark
        qty = min(qty, shelf) if kind == "sale" else qty
        if qty == 0:
            return
        delta = -qty if kind == "sale" else qty
        ledger, shelf, mark = ledger + delta, shelf + delta, mark + 1

    for kind, qty in before:
        move(kind, qty)
    state = LineState()
    remaining = shelf
    for piece in range(pieces):  # the shelf counted in parts, nothing sold meanwhile
        qty = remaining if piece == pieces - 1 else remaining // 2
        remaining -= qty
        state = add_entry(state, EntryFact(qty, ledger, mark))
    assert state.variance == -lost
    assert not state.moved_while_counting
    for kind, qty in after:
        move(kind, qty)
    assert ledger + posting_adjustment(state, on_hand_now=ledger, zero_uncounted=False) == shelf
