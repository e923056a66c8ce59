"""Every figure of the daily summary, checked against the same figure worked out here directly from
the rows of a demo shop (on SQLite and, with ORDERAPP_TEST_PG_URL, PostgreSQL).

The expected figures are computed a different way from the service: whole tables read into Python,
standing figures (on hold, at or below reorder point) replayed forward from the timeline and the
ledger, where the service works backward from today's figures.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pdf_checks import page_count, pdf_text
from sqlalchemy import func, select, text

from orderapp.demo import DemoSize, build_demo_shop
from orderapp.domain.exception_rules import ExceptionStatus
from orderapp.domain.returns import ReturnItem
from orderapp.services.aftersales.exception_actions import move_exception, resolve_exception
from orderapp.services.aftersales.exceptions import raise_exception
from orderapp.services.aftersales.return_figures import ReturnFigures
from orderapp.services.aftersales.returns import record_return
from orderapp.services.documents.daily_summary import (
    PAYMENT_STATUSES,
    DayFigures,
    PaymentFigure,
    TopProduct,
    daily_summary,
)
from orderapp.services.documents.exception_figures import ExceptionFigures
from orderapp.services.stock.ledger import record_movement
from orderapp.store.database import Database
from orderapp.store.exception_models import ExceptionEvent, OrderException
from orderapp.store.models import DEFAULT_USER_ID, Order, OrderEvent, OrderLine, Product, Setting, StockMovement
from orderapp.store.packing_models import PackScan, PackSession
from orderapp.store.return_models import OrderReturn, OrderReturnLine, Refund

NOW = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai
DAY = date(2026, 11, 18)
ZONE = ZoneInfo("Asia/Shanghai")
WRONG = ("not_on_order", "over_scan", "unknown", "invalid")


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE).astimezone(UTC)


def bounds(day: date) -> tuple[datetime, datetime]:
    return local(day, 0), datetime.combine(day + timedelta(days=1), time(0), tzinfo=ZONE).astimezone(UTC)


@pytest.fixture
def shop(database: Database) -> Database:
    build_demo_shop(database, DemoSize(products=60, customers=30, orders=420, days=12), seed=7, now=NOW)
    with database.session(write=True) as session:
        products = session.scalars(select(Product).order_by(Product.id).limit(6)).all()
        for index, product in enumerate(products):
            product.cost_cents = 150 * (index + 1)
        # Adjustments and count corrections on the day, the day before and the week before.
        for day, deltas in ((DAY, (-3, 2, -1)), (DAY - timedelta(days=1), (-5,)), (DAY - timedelta(days=7), (4, -2))):
            for index, delta in enumerate(deltas):
                kind = "count" if index == 1 else "adjust"
                assert record_movement(
                    session,
                    products[index].id,
                    kind,
                    delta,
                    0,
                    user_id=DEFAULT_USER_ID,
                    reason="Broken jar" if delta < 0 else "Found on shelf",
                    reference="",
                    at=local(day, 9 + index),
                )
        # One late adjustment after the day ends: it must not count for the day, and it changes the
        # stock figure the day is judged on only from that moment.
        record_movement(
            session,
            products[5].id,
            "adjust",
            -products[5].on_hand,
            0,
            user_id=DEFAULT_USER_ID,
            reason="Water damage",
            reference="",
            at=local(DAY + timedelta(days=1), 0, 30),
        )
        session.commit()
    _add_packing(database)
    return database


def _add_packing(database: Database) -> None:
    pack_session, pack_scan = PackSession, PackScan
    with database.session(write=True) as session:
        order_id = session.scalar(select(Order.id).order_by(Order.id).limit(1))
        outcomes = {
            DAY: ["accepted", "not_on_order", "over_scan", "unknown", "invalid", "undo", "typed_qty", "accepted"],
            DAY - timedelta(days=1): ["accepted", "not_on_order"],
            DAY - timedelta(days=7): ["invalid", "invalid", "over_scan"],
        }
        sessions = {DAY: ["packed", "override", "override", "abandoned"], DAY - timedelta(days=1): ["override"]}
        for day, kinds in sessions.items():
            for index, outcome in enumerate(kinds):
                session.add(
                    pack_session(
                        order_id=order_id,
                        user_id=DEFAULT_USER_ID,
                        station="PC-1",
                        started_at=local(day, 10, index),
                        finished_at=local(day, 10, index + 5),
                        outcome=outcome,
                        override_reason="Scanner broken" if outcome == "override" else None,
                    )
                )
        session.flush()
        holder = session.scalar(select(pack_session.id).limit(1))
        for day, kinds in outcomes.items():
            for index, outcome in enumerate(kinds):
                session.add(
                    pack_scan(
                        order_id=order_id,
                        pack_session_id=holder,
                        at=local(day, 11, index),
                        user_id=DEFAULT_USER_ID,
                        station="PC-1",
                        code="6901234567892",
                        symbology="ean13",
                        source="camera",
                        outcome=outcome,
                        quantity=1 if outcome == "accepted" else 0,
                    )
                )
        session.commit()


def expected_figures(database: Database, day: date, now: datetime) -> DayFigures:
    """The figures worked out from whole tables, in plain Python."""
    start, end = bounds(day)
    moment = min(end, now)
    with database.session() as session:
        orders = session.execute(
            select(
                Order.id,
                Order.created_at,
                Order.status,
                Order.subtotal_cents,
                Order.discount_cents,
                Order.total_cents,
                Order.paid_cents,
                Order.payment_status,
            )
        ).all()
        lines = session.execute(
            select(
                OrderLine.order_id,
                OrderLine.product_id,
                OrderLine.sku,
                OrderLine.name,
                OrderLine.quantity,
                OrderLine.unit_price_cents,
                OrderLine.discount_cents,
            )
        ).all()
        events = session.execute(
            select(OrderEvent.id, OrderEvent.order_id, OrderEvent.at, OrderEvent.from_status, OrderEvent.to_status)
        ).all()
        movements = session.execute(
            select(
                StockMovement.product_id,
                StockMovement.at,
                StockMovement.kind,
                StockMovement.qty_delta,
                StockMovement.reserved_delta,
            )
        ).all()
        products = session.execute(
            select(Product.id, Product.active, Product.created_at, Product.reorder_point, Product.cost_cents)
        ).all()
        returned = session.execute(
            select(OrderReturn.created_at, func.coalesce(func.sum(OrderReturnLine.value_cents), 0))
            .join(OrderReturnLine, OrderReturnLine.return_id == OrderReturn.id)
            .group_by(OrderReturn.id, OrderReturn.created_at)
        ).all()
        refunds = session.execute(select(Refund.created_at, Refund.amount_cents)).all()
        scans = session.execute(select(PackScan.at, PackScan.outcome)).all()
        problems = session.execute(select(OrderException.id, OrderException.opened_at, OrderException.severity)).all()
        problem_events = session.execute(
            select(ExceptionEvent.id, ExceptionEvent.exception_id, ExceptionEvent.at, ExceptionEvent.to_status).where(
                ExceptionEvent.kind == "status"
            )
        ).all()
        packs = session.execute(select(PackSession.finished_at, PackSession.outcome)).all()

    taken = [o for o in orders if start <= o.created_at < end]
    sold = [o for o in taken if o.status != "cancelled"]
    sold_ids = {o.id for o in sold}
    sold_lines = [line for line in lines if line.order_id in sold_ids]

    reached: dict[str, set[int]] = defaultdict(set)
    for event in events:
        if start <= event.at < end and event.to_status in ("confirmed", "packed", "shipped", "cancelled"):
            if event.from_status == "on_hold" and event.to_status != "cancelled":
                continue  # released from hold: not a new step
            reached[event.to_status].add(event.order_id)

    gross = sum(line.quantity * line.unit_price_cents for line in sold_lines)
    discounts = sum(line.discount_cents for line in sold_lines) + sum(o.discount_cents for o in sold)
    net = gross - discounts
    by_hour, orders_by_hour = [0] * 24, [0] * 24
    for o in sold:
        hour = o.created_at.astimezone(ZONE).hour
        by_hour[hour] += o.subtotal_cents - o.discount_cents
        orders_by_hour[hour] += 1

    per_product: dict[int, TopProduct] = {}
    for line in sold_lines:
        seen = per_product.get(line.product_id, TopProduct(line.sku, line.name, 0, 0))
        per_product[line.product_id] = TopProduct(
            seen.sku,
            seen.name,
            seen.quantity + line.quantity,
            seen.net_cents + line.quantity * line.unit_price_cents - line.discount_cents,
        )
    top = tuple(sorted(per_product.values(), key=lambda p: (-p.quantity, -p.net_cents, p.sku))[:10])

    payment = []
    for status in PAYMENT_STATUSES:
        group = [o for o in sold if o.payment_status == status]
        owed = sum(max(0, o.total_cents - o.paid_cents) for o in group) if status in ("unpaid", "partly_paid") else 0
        payment.append(PaymentFigure(status, len(group), sum(o.total_cents for o in group), owed))

    adjustments = [m for m in movements if m.kind in ("adjust", "count") and start <= m.at < end]
    cost = {p.id: p.cost_cents for p in products}

    stock_then: Counter[int] = Counter()
    reserved_then: Counter[int] = Counter()
    for m in movements:
        if m.at < moment:
            stock_then[m.product_id] += m.qty_delta
            reserved_then[m.product_id] += m.reserved_delta
    low = sum(
        1
        for p in products
        if p.active and p.created_at < moment and stock_then[p.id] - reserved_then[p.id] <= p.reorder_point
    )

    status_then: dict[int, tuple[datetime, int, str]] = {}
    for event in events:
        if event.to_status is not None and event.at < moment:
            known = status_then.get(event.order_id)
            if known is None or (event.at, event.id) > known[:2]:
                status_then[event.order_id] = (event.at, event.id, event.to_status)
    on_hold = sum(1 for _at, _id, status in status_then.values() if status == "on_hold")

    # Units back on the shelf and written off, from the ledger (a damaged return comes in, then goes out).
    back = [m for m in movements if m.kind in ("return", "write_off") and start <= m.at < end]
    day_returns = [value for at, value in returned if start <= at < end]
    day_refunds = [amount for at, amount in refunds if start <= at < end]
    returns = ReturnFigures(
        returns=len(day_returns),
        value_cents=sum(day_returns),
        restocked_units=sum(m.qty_delta for m in back),
        written_off_units=-sum(m.qty_delta for m in back if m.kind == "write_off"),
        refunds=len(day_refunds),
        refunded_cents=sum(day_refunds),
    )

    # Exceptions replayed forward: each one's status at the moment is the last status it was moved to
    # before then (open when it was never moved).
    moved: dict[int, list[tuple[datetime, int, str]]] = defaultdict(list)
    for event in problem_events:
        moved[event.exception_id].append((event.at, event.id, event.to_status))
    open_then: Counter[str] = Counter()
    for problem in problems:
        if problem.opened_at >= moment:
            continue
        before = sorted(step for step in moved[problem.id] if step[0] < moment)
        if not before or before[-1][2] != "resolved":
            open_then[problem.severity] += 1
    exceptions = ExceptionFigures(
        opened=sum(1 for p in problems if start <= p.opened_at < end),
        resolved=len({e.exception_id for e in problem_events if e.to_status == "resolved" and start <= e.at < end}),
        open_minor=open_then["minor"],
        open_moderate=open_then["moderate"],
        open_severe=open_then["severe"],
    )

    return DayFigures(
        day=day,
        received=len(taken),
        confirmed=len(reached["confirmed"]),
        packed=len(reached["packed"]),
        shipped=len(reached["shipped"]),
        cancelled=len(reached["cancelled"]),
        sales_orders=len(sold),
        gross_cents=gross,
        discount_cents=discounts,
        net_cents=net,
        average_order_cents=round(net / len(sold)) if sold else 0,
        items_sold=sum(line.quantity for line in sold_lines),
        top_products=top,
        sales_by_hour=tuple(by_hour),
        orders_by_hour=tuple(orders_by_hour),
        payment=tuple(payment),
        wrong_items_caught=sum(1 for s in scans if start <= s.at < end and s.outcome in WRONG),
        overrides=sum(1 for s in packs if s.finished_at and start <= s.finished_at < end and s.outcome == "override"),
        packing_recorded=True,
        adjustment_units=sum(m.qty_delta for m in adjustments),
        adjustment_value_cents=sum(m.qty_delta * cost[m.product_id] for m in adjustments),
        at_or_below_reorder=low,
        on_hold=on_hold,
        returns=returns,
        exceptions=exceptions,
    )


def test_every_figure_matches_the_shop_s_rows(shop: Database) -> None:
    summary = daily_summary(shop, DAY, now=NOW)
    assert (summary.day, summary.currency, summary.timezone) == (DAY, "CNY", "Asia/Shanghai")
    assert summary.figures == expected_figures(shop, DAY, NOW)
    assert summary.previous_day == expected_figures(shop, DAY - timedelta(days=1), NOW)
    assert summary.last_week == expected_figures(shop, DAY - timedelta(days=7), NOW)
    figures = summary.figures
    # The fixture is rich enough for the comparison to mean something.
    assert figures.received > 10 and figures.confirmed > 5 and figures.shipped > 5 and figures.on_hold > 0
    by_demo_packers = sum(p.wrong_items_caught for p in summary.packers if p.user_id != DEFAULT_USER_ID)
    assert (figures.wrong_items_caught - by_demo_packers, figures.overrides) == (4, 2)  # the scans added here
    assert (figures.adjustment_units, figures.adjustment_value_cents) == (-2, -3 * 150 + 2 * 300 - 450)
    assert len(figures.top_products) == 10 and sum(figures.sales_by_hour) == figures.net_cents


def test_exceptions_opened_resolved_and_open_at_the_day_s_end(shop: Database) -> None:
    days = (DAY - timedelta(days=1), DAY, NOW.astimezone(ZONE).date())
    before = [daily_summary(shop, day, now=NOW).figures.exceptions for day in days]
    with shop.session() as session:
        # The newest orders the demo gave no exception of its own (it may have one open already).
        untouched = ~select(OrderException.id).where(OrderException.order_id == Order.id).exists()
        first, second, third = session.scalars(
            select(Order.id).where(untouched).order_by(Order.id.desc()).limit(3)
        ).all()
    # Severe, raised the day before and resolved on the day.
    lost = raise_exception(
        shop, first, "lost", "severe", user_id=DEFAULT_USER_ID, now=local(DAY - timedelta(days=1), 10)
    )
    resolve_exception(shop, lost.id, "Found at the depot", user_id=DEFAULT_USER_ID, now=local(DAY, 15))
    # Moderate, raised and resolved on the day, opened again the next morning.
    damaged = raise_exception(shop, second, "damaged", "moderate", user_id=DEFAULT_USER_ID, now=local(DAY, 9))
    resolve_exception(shop, damaged.id, "Replacement sent", user_id=DEFAULT_USER_ID, now=local(DAY, 11))
    move_exception(
        shop,
        damaged.id,
        ExceptionStatus.OPEN,
        user_id=DEFAULT_USER_ID,
        note="The replacement broke too",
        now=local(DAY + timedelta(days=1), 9),
    )
    # Minor, raised on the day and still open.
    raise_exception(shop, third, "unreachable", "minor", user_id=DEFAULT_USER_ID, now=local(DAY, 12))

    after = [daily_summary(shop, day, now=NOW).figures.exceptions for day in days]
    change = [
        tuple(
            getattr(a, name) - getattr(b, name)
            for name in ("opened", "resolved", "open_minor", "open_moderate", "open_severe")
        )
        for a, b in zip(after, before, strict=True)
    ]
    assert change == [(1, 0, 0, 0, 1), (2, 2, 1, 0, 0), (0, 0, 1, 1, 0)]
    for day, figures in zip(days, after, strict=True):
        assert figures == expected_figures(shop, day, NOW).exceptions


def test_today_counts_up_to_now_with_standing_figures_as_they_are(shop: Database) -> None:
    today = NOW.astimezone(ZONE).date()
    summary = daily_summary(shop, today, now=NOW)
    assert summary.figures == expected_figures(shop, today, NOW)
    with shop.session() as session:
        on_hold_now = session.scalar(select(Order.id).where(Order.status == "on_hold").limit(1))
    assert on_hold_now is not None and summary.figures.on_hold > 0


def test_a_day_without_orders_is_all_zeros(shop: Database) -> None:
    figures = daily_summary(shop, date(2025, 1, 1), now=NOW).figures
    assert (figures.received, figures.net_cents, figures.average_order_cents, figures.items_sold) == (0, 0, 0, 0)
    assert figures.top_products == () and sum(figures.sales_by_hour) == 0


def test_release_from_hold_is_not_a_second_confirmation_and_hold_is_judged_at_the_day_s_end(
    database: Database,
) -> None:
    with database.session(write=True) as session:
        session.add(Setting(key="shop.timezone", value="Asia/Shanghai", updated_by=DEFAULT_USER_ID))
        order = Order(
            number="SO-000001",
            currency="CNY",
            status="confirmed",
            created_by=DEFAULT_USER_ID,
            created_at=local(DAY, 9),
            updated_at=local(DAY, 9),
        )
        later = Order(
            number="SO-000002",
            currency="CNY",
            status="confirmed",
            created_by=DEFAULT_USER_ID,
            created_at=local(DAY, 9),
            updated_at=local(DAY, 9),
        )
        session.add_all([order, later])
        session.flush()
        steps = [
            (order, 9, None, "received"),
            (order, 10, "received", "confirmed"),
            (order, 11, "confirmed", "on_hold"),
            (order, 12, "on_hold", "confirmed"),
            (later, 9, None, "received"),
            (later, 15, "received", "on_hold"),
        ]
        for which, hour, before, after in steps:
            session.add(
                OrderEvent(
                    order_id=which.id, at=local(DAY, hour), user_id=DEFAULT_USER_ID, from_status=before, to_status=after
                )
            )
        session.add(
            OrderEvent(
                order_id=later.id,
                at=local(DAY + timedelta(days=1), 8),
                user_id=DEFAULT_USER_ID,
                from_status="on_hold",
                to_status="received",
            )
        )
        session.add(
            OrderEvent(
                order_id=later.id,
                at=local(DAY + timedelta(days=1), 9),
                user_id=DEFAULT_USER_ID,
                from_status="received",
                to_status="confirmed",
            )
        )
        session.commit()
    figures = daily_summary(database, DAY, now=NOW).figures
    assert figures.confirmed == 1
    assert figures.on_hold == 1  # SO-000002 was on hold when the day ended
    next_day = daily_summary(database, DAY + timedelta(days=1), now=NOW).figures
    assert next_day.on_hold == 0 and next_day.confirmed == 1


def test_a_day_is_the_shop_s_local_day_across_a_clock_change(database: Database) -> None:
    zone = ZoneInfo("America/New_York")
    spring = date(2026, 3, 8)  # clocks go from 02:00 to 03:00: a 23-hour day
    with database.session(write=True) as session:
        session.add(Setting(key="shop.timezone", value="America/New_York", updated_by=DEFAULT_USER_ID))
        for number, moment in (
            ("A-1", datetime(2026, 3, 8, 0, 30, tzinfo=zone)),
            ("A-2", datetime(2026, 3, 8, 3, 30, tzinfo=zone)),
            ("A-3", datetime(2026, 3, 8, 23, 59, tzinfo=zone)),
            ("B-1", datetime(2026, 3, 9, 0, 0, tzinfo=zone)),
            ("C-1", datetime(2026, 3, 7, 23, 59, tzinfo=zone)),
        ):
            session.add(
                Order(
                    number=number,
                    currency="USD",
                    created_by=DEFAULT_USER_ID,
                    subtotal_cents=1000,
                    total_cents=1000,
                    created_at=moment.astimezone(UTC),
                    updated_at=moment.astimezone(UTC),
                )
            )
        session.commit()
    figures = daily_summary(database, spring, now=datetime(2026, 4, 1, tzinfo=UTC)).figures
    assert figures.received == 3
    assert [hour for hour, count in enumerate(figures.orders_by_hour) if count] == [0, 3, 23]


def test_without_the_packing_tables_the_packing_figures_are_zero(tmp_path: Path) -> None:
    from orderapp.store.opening import open_database

    database = open_database(tmp_path / "shop.sqlite")
    try:
        with database.engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS pack_scan"))
            conn.execute(text("DROP TABLE IF EXISTS pack_session"))
        summary = daily_summary(database, DAY, now=NOW)
    finally:
        database.dispose()
    assert (summary.figures.wrong_items_caught, summary.figures.overrides) == (0, 0)
    assert summary.figures.packing_recorded is False


def test_the_printed_summary_shows_the_same_figures(shop: Database, tmp_path: Path) -> None:
    import io

    from orderapp.documents.daily_report import figure_lines, render_daily_summary
    from orderapp.services.documents.paperwork import shop_paper

    summary = daily_summary(shop, DAY, now=NOW)
    out = io.BytesIO()
    pages = render_daily_summary(summary, shop_paper(shop).letterhead, out)
    text_ = pdf_text(out.getvalue(), tmp_path)
    assert pages == 1
    assert (
        "Daily summary" in text_
        and "Wednesday, November 18, 2026" in text_
        and "Nov 17, 2026" in text_
        and "Nov 11, 2026" in text_
    )
    for line in figure_lines():
        assert line.label in text_, line.label
        row = next(row for row in text_.splitlines() if line.label in row)
        values = [line.text(figures, "CNY") for figures in (summary.figures, summary.previous_day, summary.last_week)]
        assert row.split()[-3:] == values, line.label  # the day, the day before, the week before
    for product in summary.figures.top_products[:3]:
        assert product.name.split()[0] in text_
    assert "Sales by hour" in text_


@pytest.mark.parametrize("language", ["en", "zh_CN", "both"])
def test_the_printed_summary_has_the_returns_refunds_and_exceptions_on_one_page(
    shop: Database, tmp_path: Path, language: str
) -> None:
    from orderapp.documents import words
    from orderapp.documents.daily_report import figure_lines
    from orderapp.documents.words import _
    from orderapp.services.documents import printing as documents

    with shop.session() as session:
        order_id = session.scalar(select(Order.id).order_by(Order.id).limit(1))
        shipped, line_id = session.execute(
            select(Order.id, OrderLine.id)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .where(Order.status.in_(("shipped", "delivered")), Order.paid_cents > 500, OrderLine.quantity >= 2)
            .order_by(Order.id)
            .limit(1)
        ).one()
    assert order_id is not None
    raise_exception(shop, order_id, "lost", "severe", user_id=DEFAULT_USER_ID, now=local(DAY, 10))
    record_return(
        shop,
        shipped,
        [ReturnItem(line_id, 1, "resellable"), ReturnItem(line_id, 1, "damaged")],
        reason="defective",
        refund_cents=500,
        user_id=DEFAULT_USER_ID,
        now=local(DAY, 14),
    )
    summary = daily_summary(shop, DAY, now=NOW)
    figures = summary.figures
    # Something to print in each section, so a zero cannot pass for a figure.
    assert figures.returns == expected_figures(shop, DAY, NOW).returns
    assert (figures.returns.restocked_units, figures.returns.written_off_units, figures.returns.refunds) >= (1, 1, 1)
    assert figures.exceptions.open_severe > 0
    result = documents.daily_summary_pdf(shop, DAY, tmp_path / "day.pdf", summary=summary, language=language)
    assert result.path is not None
    assert page_count(result.path, tmp_path) == 1
    text_ = pdf_text(result.path, tmp_path)
    if language != "en":
        assert "退货与退款" in text_ and "退款金额" in text_  # the returns section, in Chinese
    with words.speaking(language):
        shown = [
            (
                line.section,
                line.label,
                [line.text(f, "CNY") for f in (figures, summary.previous_day, summary.last_week)],
            )
            for line in figure_lines()
        ]
        sections = {_("Returns and refunds"), _("Exceptions")}
    assert sections <= {section for section, _label, _values in shown}
    for section, label, values in shown:
        assert section in text_, section
        row = next(row for row in text_.splitlines() if label in row)
        assert row.split()[-3:] == values, label  # the day, the day before, the week before
