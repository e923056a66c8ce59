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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    ColumnElement,
    Table,
    bindparam,
    func,
    insert,
    literal,
    or_,
    select,
    true,
    tuple_,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from orderapp.domain import count_maths
from orderapp.domain.count_maths import EntryFact, Flag, LineState, Thresholds
from orderapp.domain.product_validation import QTY_MAX, BarcodeKind
from orderapp.domain.staff import Permission
from orderapp.errors import FieldError, NotFound, OrderAppError, ValidationFailed
from orderapp.i18n import _
from orderapp.services.catalogue import location_condition, match_code, search_condition
from orderapp.services.stock_ledger import MovementSpec, record_movements
from orderapp.store import staff_store
from orderapp.store.count_models import StockCount, StockCountEntry, StockCountLine
from orderapp.store.database import Database
from orderapp.store.models import Product, ProductBarcode, StockMovement
from orderapp.store.types import utc_now

_LINE = cast(Table, StockCountLine.__table__)
DEFAULT_THRESHOLDS = Thresholds()
_ENTRY = cast(Table, StockCountEntry.__table__)


class ScopeKind(StrEnum):
    ALL = "all"
    LOCATION = "location"
    CATEGORY = "category"
    PRODUCTS = "products"


class CountStatus(StrEnum):
    OPEN = "open"
    POSTED = "posted"
    CANCELLED = "cancelled"


class EntrySource(StrEnum):
    SCAN = "scan"
    TYPED = "typed"
    UNDO = "undo"


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
class CountScope:
    kind: ScopeKind
    value: str = ""
    product_ids: tuple[int, ...] = ()

    @classmethod
    def everything(cls) -> CountScope:
        return cls(ScopeKind.ALL)

    @classmethod
    def location(cls, location: str) -> CountScope:
        return cls(ScopeKind.LOCATION, location.strip())

    @classmethod
    def category(cls, category: str) -> CountScope:
        return cls(ScopeKind.CATEGORY, category.strip())

    @classmethod
    def products(cls, product_ids: Iterable[int]) -> CountScope:
        return cls(ScopeKind.PRODUCTS, "", tuple(sorted(set(product_ids))))


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
    errors = _scope_problems(scope) + _threshold_problems(thresholds)
    if len(title) > 200:
        errors.append(FieldError("title", _("A title can be at most 200 characters.")))
    if errors:
        raise ValidationFailed(errors)
    in_scope = _scope_condition(scope)
    with database.session(write=True) as session:
        _refuse_overlap(session, in_scope)
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
                insert(_LINE).from_select(
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
            raise ValidationFailed([FieldError("scope", _nothing_to_count(scope))])
        session.commit()
        return _summary(session, count.id)


def _scope_problems(scope: CountScope) -> list[FieldError]:
    if scope.kind in (ScopeKind.LOCATION, ScopeKind.CATEGORY) and not scope.value:
        return [FieldError("scope", _("Choose the location or category to count."))]
    if scope.kind is ScopeKind.PRODUCTS and not scope.product_ids:
        return [FieldError("scope", _("Choose at least one product to count."))]
    return []


def _threshold_problems(thresholds: Thresholds) -> list[FieldError]:
    errors = []
    if not 0 <= thresholds.units <= QTY_MAX:
        errors.append(FieldError("threshold_units", _("Type a number of units of 0 or more (0: no limit).")))
    if not 0 <= thresholds.value_cents <= 2_000_000_000:
        errors.append(FieldError("threshold_value_cents", _("Type an amount of 0 or more (0: no limit).")))
    return errors


def _nothing_to_count(scope: CountScope) -> str:
    if scope.kind is ScopeKind.LOCATION:
        return _("No product is kept in location {value}; check the location.").format(value=scope.value)
    if scope.kind is ScopeKind.CATEGORY:
        return _("No product is in category {value}; check the category.").format(value=scope.value)
    return _("There are no products to count.")


def _scope_condition(scope: CountScope) -> ColumnElement[bool]:
    if scope.kind is ScopeKind.LOCATION:
        return location_condition(scope.value)
    if scope.kind is ScopeKind.CATEGORY:
        return Product.category == scope.value
    if scope.kind is ScopeKind.PRODUCTS:
        return Product.id.in_(scope.product_ids)
    return true()


def _refuse_overlap(session: Session, in_scope: ColumnElement[bool]) -> None:
    clash = session.execute(
        select(StockCount.id, StockCount.title, func.count())
        .join(StockCountLine, StockCountLine.count_id == StockCount.id)
        .join(Product, Product.id == StockCountLine.open_product_id)
        .where(in_scope)
        .group_by(StockCount.id, StockCount.title)
        .order_by(StockCount.id)
        .limit(1)
    ).first()
    if clash is not None:
        raise CountOverlaps(
            _(
                "{n} of these products are already in open count {count}; post or cancel that count first, "
                "or count something else."
            ).format(n=clash[2], count=_count_name(clash[0], clash[1]))
        )


def _count_name(count_id: int, title: str) -> str:
    return f"#{count_id} “{title}”" if title else f"#{count_id}"


# --- reading ------------------------------------------------------------------------------------


def get_count(database: Database, count_id: int) -> CountSummary:
    with database.session() as session:
        return _summary(session, count_id)


def list_counts(database: Database, *, status: CountStatus | None = None) -> tuple[CountSummary, ...]:
    with database.session() as session:
        query = select(StockCount.id).order_by(StockCount.id.desc())
        if status is not None:
            query = query.where(StockCount.status == status.value)
        return tuple(_summary(session, count_id) for count_id in session.scalars(query))


def _summary(session: Session, count_id: int) -> CountSummary:
    count = session.get(StockCount, count_id)
    if count is None:
        raise NotFound(_("Count {id} does not exist.").format(id=count_id))
    lines, counted = session.execute(
        select(func.count(), func.count(StockCountLine.counted_qty)).where(StockCountLine.count_id == count_id)
    ).one()
    return CountSummary(
        id=count.id,
        title=count.title,
        scope_kind=ScopeKind(count.scope_kind),
        scope_value=count.scope_value,
        blind=count.blind,
        status=CountStatus(count.status),
        thresholds=Thresholds(count.threshold_units, count.threshold_value_cents),
        created_at=count.created_at,
        created_by=count.created_by,
        closed_at=count.closed_at,
        lines=int(lines),
        counted_lines=int(counted),
    )


def _first_code() -> Any:
    return (
        select(ProductBarcode.code)
        .where(ProductBarcode.product_id == StockCountLine.product_id)
        .order_by((ProductBarcode.kind != BarcodeKind.UNIT.value), ProductBarcode.id)
        .limit(1)
        .correlate(StockCountLine)
        .scalar_subquery()
    )


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
        count = _count(session, count_id)
        statement = (
            select(
                StockCountLine.id,
                StockCountLine.product_id,
                StockCountLine.location,
                StockCountLine.sku,
                StockCountLine.name,
                _first_code(),
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
        count = _count(session, count_id)
        rows = session.execute(
            select(StockCountLine.location, StockCountLine.sku, StockCountLine.name, _first_code(), Product.on_hand)
            .join(Product, Product.id == StockCountLine.product_id)
            .where(StockCountLine.count_id == count_id)
            .order_by(StockCountLine.location, StockCountLine.sku, StockCountLine.id)
        ).all()
    return tuple(
        CountSheetLine(location, sku, name, code or "", None if count.blind else on_hand)
        for location, sku, name, code, on_hand in rows
    )


def _count(session: Session, count_id: int) -> StockCount:
    count = session.get(StockCount, count_id)
    if count is None:
        raise NotFound(_("Count {id} does not exist.").format(id=count_id))
    return count


def _open_count(session: Session, count_id: int, *, lock: str) -> StockCount:
    """The count, locked (share for entries, update for closing it) and checked to be open."""
    statement = select(StockCount).where(StockCount.id == count_id)
    statement = statement.with_for_update(read=lock == "share")
    count = session.scalars(statement).first()
    if count is None:
        raise NotFound(_("Count {id} does not exist.").format(id=count_id))
    if count.status != CountStatus.OPEN.value:
        raise CountClosed(
            _("Count {count} is already {status}; nothing more can be counted or changed in it.").format(
                count=_count_name(count.id, count.title), status=_status_word(CountStatus(count.status))
            )
        )
    return count


def _status_word(status: CountStatus) -> str:
    return {CountStatus.OPEN: _("open"), CountStatus.POSTED: _("posted"), CountStatus.CANCELLED: _("cancelled")}[status]


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
        _open_count(session, count_id, lock="share")
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
        line, added = _line_for(session, count_id, pid, add_if_missing=add_if_missing)
        result = _append(session, line, units, user_id=user_id, station=station, source=source, code=scanned, at=at)
        session.commit()
    return replace(result, line_added=added)


def undo_entry(database: Database, entry_id: int, *, user_id: int, station: str) -> EntryResult:
    """Take an entry back by appending its opposite (entries are never changed or deleted)."""
    with database.session(write=True) as session:
        entry = session.get(StockCountEntry, entry_id)
        if entry is None:
            raise NotFound(_("That count entry does not exist."))
        _open_count(session, entry.count_id, lock="share")
        line = _locked_line(session, entry.line_id)
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
        result = _append(
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


def _locked_line(session: Session, line_id: int) -> StockCountLine:
    line = session.scalars(select(StockCountLine).where(StockCountLine.id == line_id).with_for_update()).first()
    assert line is not None
    return line


def _line_for(session: Session, count_id: int, product_id: int, *, add_if_missing: bool) -> tuple[StockCountLine, bool]:
    line = session.scalars(
        select(StockCountLine)
        .where(StockCountLine.count_id == count_id, StockCountLine.product_id == product_id)
        .with_for_update()
    ).first()
    if line is not None:
        return line, False
    product = session.get(Product, product_id)
    if product is None:
        raise NotFound(_("Product {id} does not exist; it may have been removed.").format(id=product_id))
    other = session.execute(
        select(StockCount.id, StockCount.title)
        .join(StockCountLine, StockCountLine.count_id == StockCount.id)
        .where(StockCountLine.open_product_id == product_id)
    ).first()
    if other is not None:
        raise NotInCount(
            _("{sku} “{name}” belongs to open count {count}; count it there.").format(
                sku=product.sku, name=product.name, count=_count_name(other[0], other[1])
            ),
            product_id,
            elsewhere=True,
        )
    if not add_if_missing:
        where = f" ({product.location})" if product.location else ""
        raise NotInCount(
            _("{sku} “{name}”{where} is not in this count. Add it to the count, or put it aside.").format(
                sku=product.sku, name=product.name, where=where
            ),
            product_id,
        )
    line = StockCountLine(
        count_id=count_id,
        product_id=product_id,
        open_product_id=product_id,
        location=product.location,
        sku=product.sku,
        name=product.name,
        start_on_hand=product.on_hand,
        round=1,
        entries=0,
    )
    try:
        with session.begin_nested():
            session.add(line)
    except IntegrityError:
        raise CountOverlaps(
            _("{sku} was just added to another count on another PC; count it there.").format(sku=product.sku)
        ) from None
    return line, True


def _append(
    session: Session,
    line: StockCountLine,
    units: int,
    *,
    user_id: int,
    station: str,
    source: EntrySource,
    code: str,
    at: datetime | None,
) -> EntryResult:
    """Write one entry and the line's new figures, with the ledger as of now (see count_maths)."""
    # Under the product's row lock (PostgreSQL: FOR SHARE waits for a sale being written), the
    # cached on-hand equals the ledger's sum of every movement committed so far and none after.
    product = session.execute(
        select(Product.on_hand, Product.sku, Product.name)
        .where(Product.id == line.product_id)
        .with_for_update(read=True)
    ).one()
    mark = session.scalar(
        select(func.coalesce(func.max(StockMovement.id), 0)).where(
            StockMovement.product_id == line.product_id, StockMovement.qty_delta != 0
        )
    )
    state = _state(line)
    after = count_maths.add_entry(state, EntryFact(units, int(product.on_hand), int(mark or 0)))
    assert after.counted is not None
    if after.counted < 0:
        raise ValidationFailed(
            [
                FieldError(
                    "qty",
                    _("Only {counted} of {sku} have been counted; you cannot take off {units}.").format(
                        counted=state.counted or 0, sku=product.sku, units=-units
                    ),
                )
            ]
        )
    moment = at or utc_now()
    entry = StockCountEntry(
        count_id=line.count_id,
        line_id=line.id,
        product_id=line.product_id,
        round=line.round,
        qty=units,
        at=moment,
        user_id=user_id,
        station=station[:64],
        source=source.value,
        code=code[:64],
        on_hand_seen=int(product.on_hand),
        ledger_mark=int(mark or 0),
    )
    session.add(entry)
    line.counted_qty = after.counted
    line.expected_qty = after.expected
    line.first_mark = after.first_mark
    line.last_mark = after.last_mark
    line.entries = after.entries
    line.counted_at = moment
    session.flush()
    return EntryResult(entry.id, line.id, line.product_id, product.sku, product.name, units, after.counted, False)


def _state(line: StockCountLine) -> LineState:
    return LineState(
        counted=line.counted_qty,
        expected=line.expected_qty,
        first_mark=line.first_mark,
        last_mark=line.last_mark,
        entries=line.entries,
    )


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
        count = _count(session, count_id)
        if count.blind and user_id is not None:
            staff_store.require(session, user_id, Permission.BLIND_REVIEW, approved_by=approved_by)
        return _review(session, count, variances_only=variances_only)


def _review(session: Session, count: StockCount, *, variances_only: bool) -> tuple[ReviewLine, ...]:
    thresholds = Thresholds(count.threshold_units, count.threshold_value_cents)
    rows = session.execute(
        select(StockCountLine, Product.cost_cents, Product.price_cents, Product.on_hand)
        .join(Product, Product.id == StockCountLine.product_id)
        .where(StockCountLine.count_id == count.id)
    ).all()
    result: list[ReviewLine] = []
    for line, cost, price, on_hand in rows:
        state = _state(line)
        variance = state.variance
        if variances_only and not variance:
            continue
        unit_value = cost or price
        result.append(
            ReviewLine(
                line_id=line.id,
                product_id=line.product_id,
                location=line.location,
                sku=line.sku,
                name=line.name,
                round=line.round,
                entries=line.entries,
                counted=state.counted,
                expected=state.expected,
                variance=variance,
                value_cents=None if variance is None else count_maths.variance_value(variance, unit_value),
                flags=count_maths.flags(state, line.round, unit_value, thresholds),
                counted_at=line.counted_at,
                on_hand_now=on_hand,
            )
        )
    session.expunge_all()
    result.sort(
        key=lambda r: (
            r.counted is None,
            -abs(r.value_cents or 0),
            -abs(r.variance or 0),
            r.location,
            r.sku,
        )
    )
    return tuple(result)


def request_recount(database: Database, count_id: int, line_ids: Sequence[int], *, user_id: int) -> int:
    """Start those lines over in a new round; returns how many lines were reset."""
    if not line_ids:
        return 0
    with database.session(write=True) as session:
        _open_count(session, count_id, lock="update")
        result = session.execute(
            update(_LINE)
            .where(_LINE.c.count_id == count_id, _LINE.c.id.in_(sorted(set(line_ids))))
            .values(
                round=_LINE.c.round + 1,
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
    errors = _threshold_problems(thresholds)
    if errors:
        raise ValidationFailed(errors)
    with database.session(write=True) as session:
        count = _open_count(session, count_id, lock="update")
        count.threshold_units = thresholds.units
        count.threshold_value_cents = thresholds.value_cents
        session.commit()
        return _summary(session, count_id)


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
        count = _open_count(session, count_id, lock="update")
        thresholds = Thresholds(count.threshold_units, count.threshold_value_cents)
        rows = session.execute(
            select(
                _LINE.c.id,
                _LINE.c.product_id,
                _LINE.c.round,
                _LINE.c.counted_qty,
                _LINE.c.expected_qty,
                _LINE.c.first_mark,
                _LINE.c.last_mark,
                _LINE.c.entries,
                Product.cost_cents,
                Product.price_cents,
            )
            .join(Product, Product.id == _LINE.c.product_id)
            .where(_LINE.c.count_id == count_id)
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
                update(_LINE).where(_LINE.c.id == bindparam("l_id")).values(posted_delta=bindparam("l_delta")), posted
            )
        _close(session, count, CountStatus.POSTED, user_id, moment, zero_uncounted=zero_uncounted)
        short = session.scalars(
            select(Product.sku)
            .join(StockCountLine, StockCountLine.product_id == Product.id)
            .where(StockCountLine.count_id == count_id, Product.on_hand < Product.reserved)
            .order_by(Product.sku)
        ).all()
        staff_store.append_audit(
            session, user_id=user_id, action="post_count", object=_count_name(count_id, count.title),
            before=_("open"), after=_("posted: +{added} / -{removed} units").format(added=added, removed=removed),
        )  # fmt: skip
        session.commit()
    return PostResult(count_id, len(movements), added, removed, value, tuple(short))


def cancel_count(database: Database, count_id: int, *, user_id: int) -> CountSummary:
    """Close the count without touching stock; its entries are kept."""
    with database.session(write=True) as session:
        count = _open_count(session, count_id, lock="update")
        _close(session, count, CountStatus.CANCELLED, user_id, utc_now(), zero_uncounted=False)
        session.commit()
        return _summary(session, count_id)


def _close(
    session: Session, count: StockCount, status: CountStatus, user_id: int, moment: datetime, *, zero_uncounted: bool
) -> None:
    session.execute(update(_LINE).where(_LINE.c.count_id == count.id).values(open_product_id=None))
    count.status = status.value
    count.closed_at = moment
    count.closed_by = user_id
    count.zero_uncounted = zero_uncounted
    session.flush()


class CountEntryRow(NamedTuple):
    id: int
    line_id: int
    round: int
    qty: int
    station: str
    source: str


def entries_of(database: Database, count_id: int) -> tuple[CountEntryRow, ...]:
    """Every entry of a count, oldest first, for audits."""
    with database.session() as session:
        rows = session.execute(
            select(_ENTRY.c.id, _ENTRY.c.line_id, _ENTRY.c.round, _ENTRY.c.qty, _ENTRY.c.station, _ENTRY.c.source)
            .where(_ENTRY.c.count_id == count_id)
            .order_by(_ENTRY.c.id)
        ).all()
    return tuple(CountEntryRow(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows)
