"""A stock count's rows read and written inside the caller's session: the count and its lines
locked, a line found or added, an entry appended, the review figures. Nothing here commits.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, func, select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from orderapp.domain import count_maths
from orderapp.domain.count_maths import EntryFact, LineState, Thresholds
from orderapp.domain.count_scope import CountScope, CountStatus, EntrySource, ScopeKind, count_name, status_word
from orderapp.domain.product_validation import BarcodeKind
from orderapp.errors import FieldError, NotFound, ValidationFailed
from orderapp.i18n import _
from orderapp.services.stock.catalogue import location_condition
from orderapp.services.stock.count_views import (
    CountClosed,
    CountOverlaps,
    CountSummary,
    EntryResult,
    NotInCount,
    ReviewLine,
)
from orderapp.store.count_models import StockCount, StockCountEntry, StockCountLine
from orderapp.store.models import Product, ProductBarcode, StockMovement
from orderapp.store.types import utc_now

LINE_TABLE = cast(Table, StockCountLine.__table__)
ENTRY_TABLE = cast(Table, StockCountEntry.__table__)


def scope_condition(scope: CountScope) -> ColumnElement[bool]:
    if scope.kind is ScopeKind.LOCATION:
        return location_condition(scope.value)
    if scope.kind is ScopeKind.CATEGORY:
        return Product.category == scope.value
    if scope.kind is ScopeKind.PRODUCTS:
        return Product.id.in_(scope.product_ids)
    return true()


def refuse_overlap(session: Session, in_scope: ColumnElement[bool]) -> None:
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
            ).format(n=clash[2], count=count_name(clash[0], clash[1]))
        )


def count_summary(session: Session, count_id: int) -> CountSummary:
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


def first_code() -> Any:
    return (
        select(ProductBarcode.code)
        .where(ProductBarcode.product_id == StockCountLine.product_id)
        .order_by((ProductBarcode.kind != BarcodeKind.UNIT.value), ProductBarcode.id)
        .limit(1)
        .correlate(StockCountLine)
        .scalar_subquery()
    )


def count_row(session: Session, count_id: int) -> StockCount:
    count = session.get(StockCount, count_id)
    if count is None:
        raise NotFound(_("Count {id} does not exist.").format(id=count_id))
    return count


def open_count(session: Session, count_id: int, *, lock: str) -> StockCount:
    """The count, locked (share for entries, update for closing it) and checked to be open."""
    statement = select(StockCount).where(StockCount.id == count_id)
    statement = statement.with_for_update(read=lock == "share")
    count = session.scalars(statement).first()
    if count is None:
        raise NotFound(_("Count {id} does not exist.").format(id=count_id))
    if count.status != CountStatus.OPEN.value:
        raise CountClosed(
            _("Count {count} is already {status}; nothing more can be counted or changed in it.").format(
                count=count_name(count.id, count.title), status=status_word(CountStatus(count.status))
            )
        )
    return count


def locked_line(session: Session, line_id: int) -> StockCountLine:
    line = session.scalars(select(StockCountLine).where(StockCountLine.id == line_id).with_for_update()).first()
    assert line is not None
    return line


def line_for(session: Session, count_id: int, product_id: int, *, add_if_missing: bool) -> tuple[StockCountLine, bool]:
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
                sku=product.sku, name=product.name, count=count_name(other[0], other[1])
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


def append_entry(
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
    state = line_state(line)
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


def line_state(line: StockCountLine) -> LineState:
    return LineState(
        counted=line.counted_qty,
        expected=line.expected_qty,
        first_mark=line.first_mark,
        last_mark=line.last_mark,
        entries=line.entries,
    )


def review_rows(session: Session, count: StockCount, *, variances_only: bool) -> tuple[ReviewLine, ...]:
    thresholds = Thresholds(count.threshold_units, count.threshold_value_cents)
    rows = session.execute(
        select(StockCountLine, Product.cost_cents, Product.price_cents, Product.on_hand)
        .join(Product, Product.id == StockCountLine.product_id)
        .where(StockCountLine.count_id == count.id)
    ).all()
    result: list[ReviewLine] = []
    for line, cost, price, on_hand in rows:
        state = line_state(line)
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


def close_count(
    session: Session, count: StockCount, status: CountStatus, user_id: int, moment: datetime, *, zero_uncounted: bool
) -> None:
    session.execute(update(LINE_TABLE).where(LINE_TABLE.c.count_id == count.id).values(open_product_id=None))
    count.status = status.value
    count.closed_at = moment
    count.closed_by = user_id
    count.zero_uncounted = zero_uncounted
    session.flush()
