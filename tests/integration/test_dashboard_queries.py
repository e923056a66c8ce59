"""The dashboard never reads the whole order table: each of its queries is answered from an index."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event

from orderapp.services.shop.dashboard import dashboard_figures
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Order, Product, Setting


def test_dashboard_counts_what_needs_attention(database: Database) -> None:
    now = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)  # 11:00 in Shanghai
    with database.session(write=True) as session:
        session.add(Setting(key="shop.timezone", value="Asia/Shanghai", updated_by=DEFAULT_USER_ID))
        session.add_all(
            [
                Product(sku="LOW", name="低库存 Low", on_hand=3, reserved=1, reorder_point=2),
                Product(sku="OK", name="OK", on_hand=30, reorder_point=2),
                Product(sku="OFF", name="Inactive", on_hand=0, reorder_point=5, active=False),
            ]
        )

        def order(n: int, status: str, created: datetime, due: datetime | None = None) -> Order:
            return Order(
                number=f"SO-{n:06d}",
                status=status,
                currency="CNY",
                created_at=created,
                updated_at=created,
                due_at=due,
                created_by=DEFAULT_USER_ID,
            )

        session.add_all(
            [
                order(1, "received", now - timedelta(hours=2), due=now - timedelta(minutes=5)),  # today, overdue
                order(2, "confirmed", now - timedelta(hours=10)),  # 01:00 local: today, to pack
                order(3, "picking", now - timedelta(hours=12)),  # 23:00 local yesterday, to pack
                order(4, "shipped", now - timedelta(days=3), due=now - timedelta(days=2)),  # late but done
                order(5, "on_hold", now - timedelta(days=1), due=now - timedelta(hours=1)),  # overdue
            ]
        )
        session.commit()

    figures = dashboard_figures(database, now=now)

    assert (figures.orders_today, figures.to_pack, figures.overdue, figures.low_stock) == (2, 2, 2, 1)
    assert str(figures.day) == "2026-11-22"


def test_no_dashboard_query_scans_the_order_table(tmp_path: Any) -> None:
    from orderapp.store.opening import open_database

    database = open_database(tmp_path / "shop.sqlite")
    statements: list[tuple[str, Any]] = []

    @event.listens_for(database.engine, "before_cursor_execute")
    def _capture(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    try:
        dashboard_figures(database)
        event.remove(database.engine, "before_cursor_execute", _capture)
        with database.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            plans = {
                s: [row[-1] for row in raw.execute("EXPLAIN QUERY PLAN " + s, p).fetchall()]
                for s, p in statements
                if "orders" in s
            }
    finally:
        database.dispose()
    assert len(plans) == 3
    for statement, plan in plans.items():
        assert not any(step.startswith("SCAN orders") for step in plan), (statement, plan)


def test_a_shop_that_never_set_its_zone_counts_today_in_the_zone_settings_shows(database: Database) -> None:
    from orderapp.services.settings.shop import ShopSettings

    assert ShopSettings().timezone == "Asia/Shanghai"
    now = datetime(2026, 11, 21, 17, 0, tzinfo=UTC)  # already 01:00 on the 22nd in Shanghai
    with database.session(write=True) as session:
        session.add(
            Order(number="SO-000001", currency="CNY", created_at=now - timedelta(minutes=30),
                  updated_at=now, created_by=DEFAULT_USER_ID)
        )  # fmt: skip
        session.commit()
    figures = dashboard_figures(database, now=now)
    assert str(figures.day) == "2026-11-22"
    assert figures.orders_today == 1
