"""A PostgreSQL server that goes away in the middle of some work: the person gets a sentence, nothing
of that work is stored, and the app carries on by itself once the server answers again."""

from __future__ import annotations

import time

import pytest
from order_shop import USER, delivery_draft, figures, make_shop
from sqlalchemy import create_engine, func, select, text

from orderapp.domain.order_validation import LineDraft
from orderapp.errors import OrderAppError, ServerUnreachable
from orderapp.services.orders import placing as orders
from orderapp.store.database import Database
from orderapp.store.models import Order
from orderapp.store.opening import open_database

pytestmark = pytest.mark.postgres


def _drop_connections(database: Database) -> int:
    killer = create_engine(database.url, isolation_level="AUTOCOMMIT")
    try:
        with killer.connect() as conn:
            return int(
                conn.execute(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                ).scalar_one()
            )
    finally:
        killer.dispose()


def test_the_server_dropping_out_mid_work_stores_nothing_and_says_so(postgres_url: str) -> None:
    database = open_database(postgres_url)
    try:
        shop = make_shop(database)
        placed = orders.place_order(database, delivery_draft(LineDraft(code="TEA-001", qty="2")), user_id=USER)
        with database.session(write=True) as session:
            order = session.get_one(Order, placed.id)
            order.notes = "half of an edit"
            session.flush()  # written in the transaction, not committed
            assert _drop_connections(database) >= 1
            time.sleep(0.5)  # the backend is gone (pg_terminate_backend only asks)
            with pytest.raises(ServerUnreachable) as lost:
                session.execute(select(func.count()).select_from(Order))
        assert isinstance(lost.value, OrderAppError)
        assert str(lost.value).startswith("The connection to the database server")
        assert "was not stored; try again in a moment" in str(lost.value)
        assert "orderapp:orderapp@" not in str(lost.value)
        # Back to work without restarting: the next steps connect afresh.
        assert orders.get_order(database, placed.id).notes == ""
        assert orders.confirm_order(database, placed.id, user_id=USER).status == "confirmed"
        assert figures(database, shop.tea) == (10, 2)
    finally:
        database.dispose()


def test_a_server_that_is_down_gets_a_sentence() -> None:
    database = Database("postgresql://orderapp:orderapp@127.0.0.1:1/orderapp")
    try:
        with pytest.raises(ServerUnreachable, match="Cannot reach the database server postgresql") as refused:
            orders.get_order(database, 1)
        assert "Check that the server is running" in str(refused.value)
    finally:
        database.dispose()
