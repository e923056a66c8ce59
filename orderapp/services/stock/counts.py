"""Stock counts (stocktaking) that stay right while the shop keeps selling.

API summary (for the Counts screen; every function takes a ``Database`` and returns frozen
dataclasses). What "counted", "expected" and "variance" mean, exactly, is in
``orderapp.domain.count_maths``; in short: each line is compared with the ledger's on-hand at the
moment that line was counted, so a sale during the count never shows as a variance.

Starting
    ``start_count(database, scope, *, user_id, title="", blind=True, thresholds=Thresholds())
    -> CountSummary``. ``CountScope.everything()``, ``.location("A")`` (that bin and all under it),
    ``.category("Tea")`` or ``.products([ids])``. One line per product in scope (active products,
    and inactive ones that still have stock). A product can be in one open count at a time:
    starting a count that overlaps an open one is refused with a message naming it.
    ``list_counts(database, status=None)``, ``get_count(database, count_id)``.

Counting (any number of PCs at once; blind counts never show expected quantities here)
    ``record_entry(database, count_id, *, user_id, station, code=None, product_id=None, qty=1,
    add_if_missing=False) -> EntryResult``. With ``code`` (a scan, or a code typed in the scan
    box) each call adds ``qty`` scans: a unit barcode adds 1 per scan, a case barcode its pack
    quantity. With ``product_id`` (picked from the list) ``qty`` units are typed in (0 records an
    empty shelf: the line is counted, at zero). A negative ``qty`` takes units off (a miscount)
    as long as the line stays at 0 or more. A code no product has raises ``UnknownCode``; a
    product not in the count raises ``NotInCount`` (its message says where the product is kept)
    unless ``add_if_missing`` adds its line. Every entry is kept with user, station, time, source
    (scan / typed / undo) and the scanned code. About 2 ms each (p95, SQLite).
    ``EntryResult.counted`` is the line's total so far, which the counter may see.
    ``undo_entry(database, entry_id, *, user_id, station) -> EntryResult``: an entry is never
    changed or deleted; undoing appends the opposite quantity.
    ``counter_lines(database, count_id, *, after=None, limit=200, search="", uncounted_only=False)
    -> CounterPage``: the lines in location then SKU order, with what has been counted; ``expected``
    is None on a blind count.
    ``count_sheet_lines(database, count_id) -> tuple[CountSheetLine, ...]``: rows for the printed
    count sheet (location, SKU, name, barcode; expected only when the count is not blind).

Reviewing and closing (a manager: expected quantities are shown here)
    ``review_lines(database, count_id, *, variances_only=False) -> tuple[ReviewLine, ...]``:
    counted lines by size of their variance's value (cost x units), largest first, then
    uncounted lines; ``flags`` says why a line should be recounted (over the unit or value
    threshold on its first count, or stock moved while it was being counted).
    ``request_recount(database, count_id, line_ids, *, user_id) -> int``: those lines start a new
    round in place (earlier entries are kept but no longer add up).
    ``set_thresholds(database, count_id, thresholds, *, user_id)``.
    ``post_count(database, count_id, *, user_id, zero_uncounted=False, accept_flagged=False)
    -> PostResult``: every adjustment in one transaction, as "count" movements in the ledger;
    refused while lines are flagged unless ``accept_flagged``; uncounted lines stay as they are
    unless ``zero_uncounted``.
    ``cancel_count(database, count_id, *, user_id) -> CountSummary``: stock is left untouched.
    ``entries_of(database, count_id)``: every entry, oldest first, for an audit view.
    Posting 10,000 lines takes about 0.4 s (benchmarks/bench_inventory.py): run it off the GUI
    thread, like ``start_count`` of a whole shop and ``review_lines`` of a big count.

Errors: ``CountClosed``, ``NotInCount``, ``UnknownCode``, ``CountOverlaps``, ``CountNeedsReview``,
``ValidationFailed``, ``NotFound`` (all ``OrderAppError``: their message is for the user).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, literal, or_, select, tuple_, update
from sqlalchemy.exc import IntegrityError

from orderapp.domain import count_maths
from orderapp.domain.count_maths import LineState, Thresholds
from orderapp.domain.count_scope import (
    CountScope,
    CountStatus,
    EntrySource,
    ScopeKind,
    count_name,
    nothing_to_count,
    scope_problems,
    threshold_problems,
)
from orderapp.domain.product_validation import QTY_MAX
from orderapp.domain.staff import Permission
from orderapp.errors import FieldError, NotFound, ValidationFailed
from orderapp.i18n import _
from orderapp.services.stock.catalogue import match_code, search_condition
from orderapp.services.stock.count_rows import (
    ENTRY_TABLE,
    LINE_TABLE,
    append_entry,
    close_count,
    count_row,
    count_summary,
    first_code,
    line_for,
    locked_line,
    open_count,
    refuse_overlap,
    review_rows,
    scope_condition,
)
from orderapp.services.stock.count_views import (
    CountClosed,
    CountEntryRow,
    CounterLine,
    CounterPage,
    CountNeedsReview,
    CountOverlaps,
    CountSheetLine,
    CountSummary,
    EntryResult,
    LineKey,
    NotInCount,
    PostResult,
    ReviewLine,
    UnknownCode,
)
from orderapp.services.stock.ledger import MovementSpec, record_movements
from orderapp.store import staff_store
from orderapp.store.count_models import StockCount, StockCountEntry, StockCountLine
from orderapp.store.database import Database
from orderapp.store.models import Product
from orderapp.store.types import utc_now

__all__ = [
    "DEFAULT_THRESHOLDS",
    "CountClosed",
    "CountEntryRow",
    "CountNeedsReview",
    "CountOverlaps",
    "CountScope",
    "CountSheetLine",
    "CountStatus",
    "CountSummary",
    "CounterLine",
    "CounterPage",
    "EntryResult",
    "EntrySource",
    "LineKey",
    "NotInCount",
    "PostResult",
    "ReviewLine",
    "ScopeKind",
    "UnknownCode",
    "cancel_count",
    "count_sheet_lines",
    "counter_lines",
    "entries_of",
    "get_count",
    "list_counts",
    "post_count",
    "record_entry",
    "request_recount",
    "review_lines",
    "set_thresholds",
    "start_count",
    "undo_entry",
]


DEFAULT_THRESHOLDS = Thresholds()


# --- starting -----------------------------------------------------------------------------------


def start_count(
    database: Database,
    scope: CountScope,
    *,
    user_id: int,
    title: str = "",
    blind: bool = True,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    at: datetime | None = None,
) -> CountSummary:
    errors = scope_problems(scope) + threshold_problems(thresholds)
    if len(title) > 200:
        errors.append(FieldError("title", _("A title can be at most 200 characters.")))
    if errors:
        raise ValidationFailed(errors)
    in_scope = scope_condition(scope)
    with database.session(write=True) as session:
        refuse_overlap(session, in_scope)
        count = StockCount(
            title=title.strip(),
            scope_kind=scope.kind.value,
            scope_value=scope.value,
            blind=blind,
            status=CountStatus.OPEN.value,
            threshold_units=thresholds.units,
            threshold_value_cents=thresholds.value_cents,
            zero_uncounted=False,
            note="",
            created_at=at or utc_now(),
            created_by=user_id,
        )
        session.add(count)
        session.flush()
        source = select(
            literal(count.id),
            Product.id,
            Product.id,
            Product.location,
            Product.sku,
            Product.name,
            Product.on_hand,
            literal(1),
            literal(0),
        ).where(in_scope, or_(Product.active.is_(True), Product.on_hand != 0))
        try:
            session.execute(
                insert(LINE_TABLE).from_select(
                    [
                        "count_id",
                        "product_id",
                        "open_product_id",
                        "location",
                        "sku",
                        "name",
                        "start_on_hand",
                        "round",
                        "entries",
                    ],
                    source,
                )
            )
        except IntegrityError:
            session.rollback()
            raise CountOverlaps(
                _("Another PC has just started a count of some of these products; open that count instead.")
            ) from None
        lines = session.scalar(select(func.count()).where(StockCountLine.count_id == count.id)) or 0
        if lines <= 0:
            raise ValidationFailed([FieldError("scope", nothing_to_count(scope))])
        session.commit()
        return count_summary(session, count.id)


# --- reading ------------------------------------------------------------------------------------


def get_count(database: Database, count_id: int) -> CountSummary:
    with database.session() as session:
        return count_summary(session, count_id)


def list_counts(database: Database, *, status: CountStatus | None = None) -> tuple[CountSummary, ...]:
    with database.session() as session:
        query = select(StockCount.id).order_by(StockCount.id.desc())
        if status is not None:
            query = query.where(StockCount.status == status.value)
        return tuple(count_summary(session, count_id) for count_id in session.scalars(query))


def counter_lines(
    database: Database,
    count_id: int,
    *,
    after: LineKey | None = None,
    limit: int = 200,
    search: str = "",
    uncounted_only: bool = False,
) -> CounterPage:
    limit = max(1, min(limit, 1_000))
    with database.session() as session:
        count = count_row(session, count_id)
        statement = (
            select(
                StockCountLine.id,
                StockCountLine.product_id,
                StockCountLine.location,
                StockCountLine.sku,
                StockCountLine.name,
                first_code(),
                StockCountLine.counted_qty,
                StockCountLine.round,
                Product.on_hand,
            )
            .join(Product, Product.id == StockCountLine.product_id)
            .where(StockCountLine.count_id == count_id)
            .order_by(StockCountLine.location, StockCountLine.sku, StockCountLine.id)
            .limit(limit + 1)
        )
        if after is not None:
            statement = statement.where(
                tuple_(StockCountLine.location, StockCountLine.sku, StockCountLine.id)
                > tuple_(after.location, after.sku, after.line_id)
            )
        if uncounted_only:
            statement = statement.where(StockCountLine.counted_qty.is_(None))
        if search.strip():
            statement = statement.where(search_condition(session, search))
        found = session.execute(statement).all()
    rows = tuple(
        CounterLine(
            line_id=r[0],
            product_id=r[1],
            location=r[2],
            sku=r[3],
            name=r[4],
            barcode=r[5] or "",
            counted=r[6],
            round=r[7],
            expected=None if count.blind else r[8],
        )
        for r in found[:limit]
    )
    next_key = LineKey(rows[-1].location, rows[-1].sku, rows[-1].line_id) if len(found) > limit else None
    return CounterPage(rows, next_key)


def count_sheet_lines(database: Database, count_id: int) -> tuple[CountSheetLine, ...]:
    """The printed count sheet: every line in location then SKU order (expected only when not blind)."""
    with database.session() as session:
        count = count_row(session, count_id)
        rows = session.execute(
            select(StockCountLine.location, StockCountLine.sku, StockCountLine.name, first_code(), Product.on_hand)
            .join(Product, Product.id == StockCountLine.product_id)
            .where(StockCountLine.count_id == count_id)
            .order_by(StockCountLine.location, StockCountLine.sku, StockCountLine.id)
        ).all()
    return tuple(
        CountSheetLine(location, sku, name, code or "", None if count.blind else on_hand)
        for location, sku, name, code, on_hand in rows
    )


# --- counting -----------------------------------------------------------------------------------


def record_entry(
    database: Database,
    count_id: int,
    *,
    user_id: int,
    station: str,
    code: str | None = None,
    product_id: int | None = None,
    qty: int = 1,
    add_if_missing: bool = False,
    at: datetime | None = None,
    symbology: str | None = None,
) -> EntryResult:
    """Add a scan (``code``, any written form of its GTIN; ``symbology`` as the decoder saw it, if
    known) or a typed quantity (``product_id``) to the count."""
    if (code is None) == (product_id is None):
        raise ValueError("give either a scanned code or a product id")
    if isinstance(qty, bool) or not isinstance(qty, int) or abs(qty) > QTY_MAX:
        raise ValidationFailed([FieldError("qty", _("Type a whole number of units."))])
    if qty == 0 and code is not None:
        raise ValidationFailed([FieldError("qty", _("A scan counts at least one; type 0 for an empty shelf."))])
    with database.session(write=True) as session:
        open_count(session, count_id, lock="share")
        if code is not None:
            match = match_code(session, code, symbology)
            if match is None:
                raise UnknownCode(
                    _(
                        "No product has the code {code}. Check that it was read right, or add the code to its "
                        "product first."
                    ).format(code=code.strip())
                )
            pid, units, scanned, source = match.product_id, match.units * qty, match.code, EntrySource.SCAN
        else:
            assert product_id is not None
            pid, units, scanned, source = product_id, qty, "", EntrySource.TYPED
        line, added = line_for(session, count_id, pid, add_if_missing=add_if_missing)
        result = append_entry(
            session, line, units, user_id=user_id, station=station, source=source, code=scanned, at=at
        )
        session.commit()
    return replace(result, line_added=added)


def undo_entry(database: Database, entry_id: int, *, user_id: int, station: str) -> EntryResult:
    """Take an entry back by appending its opposite (entries are never changed or deleted)."""
    with database.session(write=True) as session:
        entry = session.get(StockCountEntry, entry_id)
        if entry is None:
            raise NotFound(_("That count entry does not exist."))
        open_count(session, entry.count_id, lock="share")
        line = locked_line(session, entry.line_id)
        if entry.source == EntrySource.UNDO.value or entry.round != line.round:
            raise ValidationFailed(
                [
                    FieldError(
                        "entry", _("This entry can no longer be undone: it was an undo, or the line was recounted.")
                    )
                ]
            )
        undone = session.scalar(
            select(func.count()).where(
                StockCountEntry.line_id == line.id,
                StockCountEntry.source == EntrySource.UNDO.value,
                StockCountEntry.code == f"undo:{entry.id}",
            )
        )
        if undone:
            raise ValidationFailed([FieldError("entry", _("This entry was already undone."))])
        result = append_entry(
            session,
            line,
            -entry.qty,
            user_id=user_id,
            station=station,
            source=EntrySource.UNDO,
            code=f"undo:{entry.id}",
            at=None,
        )
        session.commit()
    return result


# --- reviewing and closing ----------------------------------------------------------------------


def review_lines(
    database: Database,
    count_id: int,
    *,
    variances_only: bool = False,
    user_id: int | None = None,
    approved_by: int | None = None,
) -> tuple[ReviewLine, ...]:
    """The count's lines with their expected figures; a blind count's review needs the owner (or a
    packer with an owner's approval) when ``user_id`` says who is looking."""
    with database.session() as session:
        count = count_row(session, count_id)
        if count.blind and user_id is not None:
            staff_store.require(session, user_id, Permission.BLIND_REVIEW, approved_by=approved_by)
        return review_rows(session, count, variances_only=variances_only)


def request_recount(database: Database, count_id: int, line_ids: Sequence[int], *, user_id: int) -> int:
    """Start those lines over in a new round; returns how many lines were reset."""
    if not line_ids:
        return 0
    with database.session(write=True) as session:
        open_count(session, count_id, lock="update")
        result = session.execute(
            update(LINE_TABLE)
            .where(LINE_TABLE.c.count_id == count_id, LINE_TABLE.c.id.in_(sorted(set(line_ids))))
            .values(
                round=LINE_TABLE.c.round + 1,
                counted_qty=None,
                expected_qty=None,
                first_mark=None,
                last_mark=None,
                entries=0,
                counted_at=None,
            )
        )
        session.commit()
        return int(getattr(result, "rowcount", 0) or 0)


def set_thresholds(database: Database, count_id: int, thresholds: Thresholds, *, user_id: int) -> CountSummary:
    errors = threshold_problems(thresholds)
    if errors:
        raise ValidationFailed(errors)
    with database.session(write=True) as session:
        count = open_count(session, count_id, lock="update")
        count.threshold_units = thresholds.units
        count.threshold_value_cents = thresholds.value_cents
        session.commit()
        return count_summary(session, count_id)


def post_count(
    database: Database,
    count_id: int,
    *,
    user_id: int,
    zero_uncounted: bool = False,
    accept_flagged: bool = False,
    at: datetime | None = None,
) -> PostResult:
    """Apply every line's adjustment in one transaction, as "count" movements."""
    moment = at or utc_now()
    with database.session(write=True) as session:
        staff_store.require(session, user_id, Permission.POST_COUNT)
        count = open_count(session, count_id, lock="update")
        thresholds = Thresholds(count.threshold_units, count.threshold_value_cents)
        rows = session.execute(
            select(
                LINE_TABLE.c.id,
                LINE_TABLE.c.product_id,
                LINE_TABLE.c.round,
                LINE_TABLE.c.counted_qty,
                LINE_TABLE.c.expected_qty,
                LINE_TABLE.c.first_mark,
                LINE_TABLE.c.last_mark,
                LINE_TABLE.c.entries,
                Product.cost_cents,
                Product.price_cents,
            )
            .join(Product, Product.id == LINE_TABLE.c.product_id)
            .where(LINE_TABLE.c.count_id == count_id)
        ).all()
        states = {r.id: LineState(r.counted_qty, r.expected_qty, r.first_mark, r.last_mark, r.entries) for r in rows}
        flagged = sum(
            1 for r in rows if count_maths.flags(states[r.id], r.round, r.cost_cents or r.price_cents, thresholds)
        )
        if flagged and not accept_flagged:
            raise CountNeedsReview(
                _(
                    "{n} line(s) are flagged for a recount. Recount them, or post anyway if you have checked them."
                ).format(n=flagged),
                flagged,
            )
        on_hand_now: dict[int, int] = {}
        uncounted = sorted(r.product_id for r in rows if states[r.id].counted is None)
        if zero_uncounted and uncounted:
            # Setting to zero needs the figure as it is now: lock those products against sales.
            for start in range(0, len(uncounted), 900):
                for pid, on_hand in session.execute(
                    select(Product.id, Product.on_hand)
                    .where(Product.id.in_(uncounted[start : start + 900]))
                    .order_by(Product.id)
                    .with_for_update()
                ):
                    on_hand_now[pid] = on_hand
        reference = f"COUNT-{count_id}"
        movements: list[MovementSpec] = []
        posted: list[dict[str, Any]] = []
        added = removed = value = 0
        for r in rows:
            state = states[r.id]
            delta = count_maths.posting_adjustment(
                state, on_hand_now=on_hand_now.get(r.product_id, 0), zero_uncounted=zero_uncounted
            )
            posted.append({"l_id": r.id, "l_delta": delta})
            if delta == 0:
                continue
            if state.counted is None:
                reason = _("Count {id}: not counted, set to 0").format(id=count_id)
            else:
                reason = _("Count {id}: counted {counted}, expected {expected}").format(
                    id=count_id, counted=state.counted, expected=state.expected
                )
            movements.append(MovementSpec(r.product_id, "count", delta, reason, reference))
            added += max(delta, 0)
            removed += max(-delta, 0)
            value += delta * (r.cost_cents or r.price_cents)
        record_movements(session, movements, user_id=user_id, at=moment)
        if posted:
            session.execute(
                update(LINE_TABLE)
                .where(LINE_TABLE.c.id == bindparam("l_id"))
                .values(posted_delta=bindparam("l_delta")),
                posted,
            )
        close_count(session, count, CountStatus.POSTED, user_id, moment, zero_uncounted=zero_uncounted)
        short = session.scalars(
            select(Product.sku)
            .join(StockCountLine, StockCountLine.product_id == Product.id)
            .where(StockCountLine.count_id == count_id, Product.on_hand < Product.reserved)
            .order_by(Product.sku)
        ).all()
        staff_store.append_audit(
            session, user_id=user_id, action="post_count", object=count_name(count_id, count.title),
            before=_("open"), after=_("posted: +{added} / -{removed} units").format(added=added, removed=removed),
        )  # fmt: skip
        session.commit()
    return PostResult(count_id, len(movements), added, removed, value, tuple(short))


def cancel_count(database: Database, count_id: int, *, user_id: int) -> CountSummary:
    """Close the count without touching stock; its entries are kept."""
    with database.session(write=True) as session:
        count = open_count(session, count_id, lock="update")
        close_count(session, count, CountStatus.CANCELLED, user_id, utc_now(), zero_uncounted=False)
        session.commit()
        return count_summary(session, count_id)


def entries_of(database: Database, count_id: int) -> tuple[CountEntryRow, ...]:
    """Every entry of a count, oldest first, for audits."""
    with database.session() as session:
        rows = session.execute(
            select(
                ENTRY_TABLE.c.id,
                ENTRY_TABLE.c.line_id,
                ENTRY_TABLE.c.round,
                ENTRY_TABLE.c.qty,
                ENTRY_TABLE.c.station,
                ENTRY_TABLE.c.source,
            )
            .where(ENTRY_TABLE.c.count_id == count_id)
            .order_by(ENTRY_TABLE.c.id)
        ).all()
    return tuple(CountEntryRow(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows)
