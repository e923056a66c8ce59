"""The demo shop's exceptions: every family in every status, with the history that got them there."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

from sqlalchemy import select

from orderapp.demo import DemoSize, build_demo_shop
from orderapp.domain.exception_rules import ExceptionStatus, Family
from orderapp.services.aftersales.exceptions import QueueFilter, exception_queue, get_exception
from orderapp.store.database import Database
from orderapp.store.exception_models import ExceptionEvent
from orderapp.store.models import Order

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


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
