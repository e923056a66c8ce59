"""Returns and refunds of one local day, for the owner's daily summary (``daily_summary.DayFigures.returns``).

- returns: returns recorded that day; value: what their units were sold for; restocked: units put
  back on the shelf (resellable); written off: damaged units.
- refunds: refunds recorded that day and the money paid back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, case, func, select

from orderapp.domain.returns import Condition
from orderapp.store.return_models import OrderReturn, OrderReturnLine, Refund


@dataclass(frozen=True)
class ReturnFigures:
    returns: int = 0
    value_cents: int = 0
    restocked_units: int = 0
    written_off_units: int = 0
    refunds: int = 0
    refunded_cents: int = 0


NO_RETURNS = ReturnFigures()


def return_figures(conn: Connection, start: datetime, end: datetime) -> ReturnFigures:
    """The figures for returns and refunds recorded in [start, end)."""
    returns, value = conn.execute(
        select(func.count(), func.coalesce(func.sum(OrderReturn.value_cents), 0)).where(
            OrderReturn.created_at >= start, OrderReturn.created_at < end
        )
    ).one()
    resellable = OrderReturnLine.condition == Condition.RESELLABLE.value
    restocked, written_off = conn.execute(
        select(
            func.coalesce(func.sum(case((resellable, OrderReturnLine.quantity), else_=0)), 0),
            func.coalesce(func.sum(case((resellable, 0), else_=OrderReturnLine.quantity)), 0),
        )
        .select_from(OrderReturnLine)
        .join(OrderReturn, OrderReturn.id == OrderReturnLine.return_id)
        .where(OrderReturn.created_at >= start, OrderReturn.created_at < end)
    ).one()
    refunds, refunded = conn.execute(
        select(func.count(), func.coalesce(func.sum(Refund.amount_cents), 0)).where(
            Refund.created_at >= start, Refund.created_at < end
        )
    ).one()
    return ReturnFigures(
        returns=int(returns),
        value_cents=int(value),
        restocked_units=int(restocked),
        written_off_units=int(written_off),
        refunds=int(refunds),
        refunded_cents=int(refunded),
    )
