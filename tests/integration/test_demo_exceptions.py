"""The demo shop's exceptions: every family in every status, with the history that got them there."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from orderapp.demo import DemoSize, build_demo_shop
from orderapp.domain.exception_rules import ExceptionStatus, Family
from orderapp.services.aftersales.exceptions import QueueFilter, exception_queue, get_exception
from orderapp.store.database import Database
from orderapp.store.exception_models import ExceptionEvent, OrderException
from orderapp.store.models import Order
from orderapp.store.opening import open_new_shop_database

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_no_exception_is_raised_or_worked_on_after_now(tmp_path: Path) -> None:
    """A busy last hour: orders placed minutes before now get exceptions too, never dated later."""
    latest: list[datetime] = []
    for seed in range(1, 7):
        database = open_new_shop_database(f"sqlite:///{tmp_path / f'shop-{seed}.sqlite'}")
        try:
            build_demo_shop(database, DemoSize(products=30, customers=10, orders=400, days=1), seed=seed, now=NOW)
            with database.session() as session:
                opened = session.scalars(select(OrderException.opened_at)).all()
                worked = session.scalars(select(ExceptionEvent.at)).all()
                placed = session.scalars(
                    select(Order.created_at).join(OrderException, OrderException.order_id == Order.id)
                ).all()
        finally:
            database.dispose()
        assert opened and worked
        assert max(opened) <= NOW and max(worked) <= NOW
        latest.append(max(placed))
    assert max(latest) >= NOW - timedelta(minutes=30)  # the case that matters was among them: a recent order


def test_every_family_in_every_status(database: Database) -> None:
    build_demo_shop(database, DemoSize(products=60, customers=20, orders=200, days=20), now=NOW)
    rows = exception_queue(database, QueueFilter(open_only=False), limit=500, now=NOW)
    seen: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        seen[row.family].add(row.status)
        assert row.opened_at <= NOW
    assert {family: statuses for family, statuses in seen.items()} == {
        family.value: {status.value for status in ExceptionStatus} for family in Family
    }
    with database.session() as session:
        statuses = {order_id: status for order_id, status in session.execute(select(Order.id, Order.status))}
        actions = defaultdict(list)
        for exception_id, action, amount in session.execute(
            select(ExceptionEvent.exception_id, ExceptionEvent.action, ExceptionEvent.amount_cents).where(
                ExceptionEvent.kind == "action"
            )
        ):
            actions[exception_id].append((action, amount))
    for row in rows:
        detail = get_exception(database, row.id, now=NOW)
        assert detail.history[0].kind == "raised"
        assert [e.to_status for e in detail.history if e.kind == "status"][-1:] in ([], [row.status])
        if row.status == "resolved":
            assert row.resolution and row.resolved_at is not None
        if row.status == "action_taken":
            assert actions[row.id], row
        for action, amount in actions[row.id]:
            if action in ("refund", "compensation"):
                assert amount and amount > 0
            if action == "cancel":
                assert statuses[row.order_id] == "cancelled"
        if row.family == "logistics" and row.type in ("lost", "delayed"):
            assert statuses[row.order_id] == "shipped"
