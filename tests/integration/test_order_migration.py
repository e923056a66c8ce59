"""A shop made before the orders search existed gets it on upgrade: its orders are found at once."""

from __future__ import annotations

from datetime import datetime

from alembic import command
from sqlalchemy import Connection, text

from orderapp.services.orders.listing import OrderFilter, list_orders
from orderapp.store import migrations
from orderapp.store.database import Database
from orderapp.store.opening import open_database

WHEN = datetime(2026, 11, 1, 10, 0)  # naive UTC, as stored


def _insert(conn: Connection, table: str, **values: object) -> None:
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    conn.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks})"), values)


def _old_shop_with_one_order(conn: Connection) -> None:
    """The rows as the first schema (revision 0001) holds them."""
    address = {"address_line1": "", "address_line2": "", "city": "", "region": "", "postcode": "", "country": "CN"}
    _insert(conn, "customer", name="王小明", phone="+8613812345678", email="", notes="", created_at=WHEN, **address)
    _insert(
        conn, "product", sku="TEA-001", name="Tea", category="", location="", unit="", price_cents=100, cost_cents=0,
        reorder_point=0, reorder_qty=0, on_hand=0, reserved=0, active=True, created_at=WHEN, updated_at=WHEN,
    )  # fmt: skip
    ship = {f"ship_{part}": "" for part in ("line1", "line2", "city", "region", "postcode")}
    _insert(
        conn, "orders", number="SO-000001", external_ref="#9", customer_id=1, channel="web", status="received",
        priority="normal", fulfilment="delivery", ship_name="王小明", ship_phone="+8613812345678", ship_country="CN",
        currency="CNY", subtotal_cents=100, discount_cents=0, shipping_cents=0, total_cents=100,
        payment_status="unpaid", paid_cents=0, carrier="", tracking_number="", notes="", created_at=WHEN,
        updated_at=WHEN, created_by=1, **ship,
    )  # fmt: skip
    _insert(
        conn, "order_line", order_id=1, line_no=1, product_id=1, sku="TEA-001", name="Tea", quantity=1,
        unit_price_cents=100, catalogue_price_cents=100, discount_cents=0, backordered=False,
    )  # fmt: skip


def test_upgrading_an_older_shop_indexes_its_orders(database_url: str) -> None:
    old = Database(database_url)
    try:
        with old.write_engine.begin() as conn:
            command.upgrade(migrations.alembic_config(conn), "0001")
            _old_shop_with_one_order(conn)
    finally:
        old.dispose()

    database = open_database(database_url)  # upgrades to the newest schema
    try:
        for typed in ("王小明", "小明", "138 1234 5678", "TEA-001", "SO-000001", "#9"):
            assert [row.number for row in list_orders(database, OrderFilter(search=typed)).rows] == ["SO-000001"], typed
    finally:
        database.dispose()
