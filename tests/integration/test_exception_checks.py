"""The automatic checks: each trigger raises one exception, once, however often the checks run;
the time limits per step; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from packing_shop import CUPS, GREEN_TEA, NOW, TEA, UNKNOWN_CODE, PackingShop, make_packing_shop
from sqlalchemy import select

from orderapp.services.aftersales.exception_actions import resolve_exception
from orderapp.services.aftersales.exception_checks import run_exception_checks
from orderapp.services.aftersales.exception_deadlines import step_deadlines
from orderapp.services.aftersales.exceptions import exception_queue, order_exceptions
from orderapp.services.orders import importing as order_import
from orderapp.services.orders.placing import bulk_confirm
from orderapp.services.packing.station import open_order, override_pack, record_scan
from orderapp.services.settings.exceptions import ExceptionSettings, save_exception_settings
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Order, OrderEvent, Product

ME = DEFAULT_USER_ID
NO_LIMITS = ExceptionSettings(confirm_hours=0, pack_cutoff="", ship_hours=0, delivery_days=0)


@pytest.fixture
def shop(database: Database) -> PackingShop:
    return make_packing_shop(database)


def kinds(database: Database, order_id: int) -> list[str]:
    return sorted(row.type for row in order_exceptions(database, order_id))


def all_kinds(database: Database) -> list[tuple[str, str]]:
    return sorted((row.order_number, row.type) for row in exception_queue(database, limit=1000))


def pay(database: Database, *order_ids: int) -> None:
    with database.session(write=True) as session:
        for order_id in order_ids:
            order = session.get_one(Order, order_id)
            order.payment_status, order.paid_cents = "paid", order.total_cents
        session.commit()


def test_a_pack_override_raises_one_exception_however_often_the_checks_run(
    database: Database, shop: PackingShop
) -> None:
    save_exception_settings(database, NO_LIMITS)
    pay(database, shop.two_teas)
    view = open_order(database, "SO-000001", user_id=ME, station="PACK-1")
    record_scan(database, view.session_id, TEA, symbology=None, source="typed", user_id=ME, station="PACK-1")
    override_pack(database, view.session_id, "label torn 标签破了", user_id=ME, station="PACK-1")
    first = run_exception_checks(database)
    assert [(row.order_number, row.type, row.owner) for row in first.raised] == [
        ("SO-000001", "pack_override", "Owner")
    ]
    assert "label torn 标签破了" in first.raised[0].cause
    assert "SO-000001" in first.notice()
    assert run_exception_checks(database).raised == ()
    assert run_exception_checks(database).notice() == ""
    assert kinds(database, shop.two_teas) == ["pack_override"]


def test_an_unpaid_order_reaching_packing_is_raised_and_a_paid_one_is_not(
    database: Database, shop: PackingShop
) -> None:
    save_exception_settings(database, NO_LIMITS)
    pay(database, shop.big)
    open_order(database, "SO-000001", user_id=ME, station="PACK-1")  # unpaid
    open_order(database, "SO-000002", user_id=ME, station="PACK-2")  # paid
    raised = run_exception_checks(database).raised
    assert [(row.order_number, row.type, row.family) for row in raised] == [
        ("SO-000001", "unpaid_at_packing", "payment")
    ]
    run_exception_checks(database)
    assert all_kinds(database) == [("SO-000001", "unpaid_at_packing")]


@pytest.mark.parametrize("limit, wrong, raised", [(3, 3, True), (3, 2, False), (2, 2, True), (0, 5, False)])
def test_repeated_wrong_scans_on_one_order(
    database: Database, shop: PackingShop, limit: int, wrong: int, raised: bool
) -> None:
    save_exception_settings(
        database, ExceptionSettings(confirm_hours=0, pack_cutoff="", ship_hours=0, delivery_days=0, wrong_scans=limit)
    )
    pay(database, shop.two_teas)
    view = open_order(database, "SO-000001", user_id=ME, station="PACK-1")
    codes = [GREEN_TEA, UNKNOWN_CODE, CUPS, GREEN_TEA, UNKNOWN_CODE][:wrong]
    for index, code in enumerate(codes):
        record_scan(database, view.session_id, code, symbology=None, source="typed", user_id=ME, station="PACK-1")
        if index == 0:
            run_exception_checks(database)  # a run in between: the count is of the whole order
    record_scan(database, view.session_id, TEA, symbology=None, source="typed", user_id=ME, station="PACK-1")
    run_exception_checks(database)
    assert kinds(database, shop.two_teas) == (["wrong_scans"] if raised else [])


def test_a_shortage_at_bulk_confirm_raises_out_of_stock_once(database: Database, shop: PackingShop) -> None:
    with database.session(write=True) as session:
        session.get_one(Product, shop.tea).on_hand = 0
        session.commit()
    first = bulk_confirm(database, [shop.received], user_id=ME)
    again = bulk_confirm(database, [shop.received], user_id=ME)
    assert first.refused and again.refused
    rows = order_exceptions(database, shop.received)
    assert [(row.type, row.family, row.status) for row in rows] == [("out_of_stock", "product", "open")]
    assert "Not enough stock" in rows[0].cause


CSV = """order_ref,customer_name,phone,fulfilment,address1,city,postcode,country,sku,quantity,payment_status,channel
WX-1,王小明,138 1234 5679,delivery,南京东路100号,上海,200001,CN,TEA-1,1,unpaid,wechat
WX-2,李娜,138 1234 5670,delivery,南京东路101号,上海,200001,CN,TEA-1,1,paid,wechat
WX-3,Ann,138 1234 5671,pickup,,,,,TEA-1,1,paid,
"""


def test_imported_orders_unpaid_or_with_a_bad_address(database: Database, shop: PackingShop, tmp_path: Path) -> None:
    save_exception_settings(database, NO_LIMITS)
    path = tmp_path / "orders.csv"
    path.write_text(CSV, encoding="utf-8")
    _plan, result = order_import.import_orders(database, path, user_id=ME)
    assert result is not None
    numbers = dict(zip(("WX-1", "WX-2", "WX-3"), result.numbers, strict=True))
    with database.session(write=True) as session:  # an address the import kept as given
        order = session.scalars(select(Order).where(Order.number == numbers["WX-2"])).one()
        order.ship_postcode = "12"
        session.commit()
    raised = run_exception_checks(database).raised
    assert sorted((row.order_number, row.type) for row in raised) == sorted(
        [(numbers["WX-1"], "unpaid_import"), (numbers["WX-2"], "invalid_address")]
    )
    assert run_exception_checks(database).raised == ()


def test_a_delivery_order_without_street_or_city_is_an_incomplete_address(
    database: Database, shop: PackingShop
) -> None:
    save_exception_settings(database, NO_LIMITS)
    with database.session(write=True) as session:
        session.add(
            Order(number="SO-000099", channel="shopify", external_ref="#1001", status="received", currency="CNY",
                  payment_status="paid", ship_postcode="200001", ship_country="CN", created_by=ME)
        )  # fmt: skip
        session.commit()
    raised = run_exception_checks(database).raised
    assert [(row.type, row.family) for row in raised] == [("incomplete_address", "customer")]
    assert "street" in raised[0].cause and "city" in raised[0].cause


def test_time_limits_raise_when_an_order_crosses_them(database: Database, shop: PackingShop) -> None:
    # SO-000003 (received) arrived at NOW - 40 h; confirm within 48 h
    save_exception_settings(
        database, ExceptionSettings(confirm_hours=48, pack_cutoff="", ship_hours=0, delivery_days=0)
    )
    assert run_exception_checks(database, now=NOW).raised == ()
    assert run_exception_checks(database, now=NOW + timedelta(hours=7, minutes=59)).raised == ()
    raised = run_exception_checks(database, now=NOW + timedelta(hours=8, minutes=1)).raised
    assert [(row.order_number, row.type) for row in raised] == [("SO-000003", "late_confirm")]
    assert "48 hours" in raised[0].cause
    assert run_exception_checks(database, now=NOW + timedelta(hours=9)).raised == ()
    # resolved, it is not raised again by a later run
    resolve_exception(database, raised[0].id, "confirmed by phone", user_id=ME)
    assert run_exception_checks(database, now=NOW + timedelta(hours=20)).raised == ()


def test_ship_limit_counts_every_order_not_shipped(database: Database, shop: PackingShop) -> None:
    save_exception_settings(
        database, ExceptionSettings(confirm_hours=0, pack_cutoff="", ship_hours=25, delivery_days=0)
    )
    raised = run_exception_checks(database, now=NOW).raised  # first run: what crossed in the last day
    # arrived 30 and 40 hours ago; not 50 (crossed more than a day ago), nor 20, 1 and 2 hours
    assert sorted(row.order_number for row in raised) == ["SO-000001", "SO-000003"]
    later = run_exception_checks(database, now=NOW + timedelta(hours=6)).raised
    assert [row.order_number for row in later] == ["SO-000002"]


def test_the_pack_cut_off_in_the_shops_time(database: Database, shop: PackingShop) -> None:
    # the shop is in Asia/Shanghai (UTC+8): NOW is 17:00 there; cut-off 18:00 today = 10:00 UTC
    save_exception_settings(
        database, ExceptionSettings(confirm_hours=0, pack_cutoff="18:00", ship_hours=0, delivery_days=0)
    )
    run_exception_checks(database, now=NOW)
    assert run_exception_checks(database, now=NOW + timedelta(minutes=59)).raised == ()
    raised = run_exception_checks(database, now=NOW + timedelta(minutes=61)).raised
    # not packed, arrived before the cut-off and after the one before: all still-unpacked orders of the last day
    assert sorted(row.order_number for row in raised) == ["SO-000002", "SO-000005", "SO-000006"]
    assert all(row.type == "late_pack" for row in raised)


def test_delivery_limit_per_carrier(database: Database, shop: PackingShop) -> None:
    save_exception_settings(
        database,
        ExceptionSettings(
            confirm_hours=0, pack_cutoff="", ship_hours=0, delivery_days=5, carrier_days=(("SF Express", 2),)
        ),
    )
    shipped = NOW - timedelta(days=1)
    with database.session(write=True) as session:
        for order_id, carrier in ((shop.packed, "sf express"), (shop.big, "EMS")):
            order = session.get_one(Order, order_id)
            order.status, order.carrier = "shipped", carrier
            session.add(
                OrderEvent(
                    order_id=order_id, at=shipped, user_id=ME, kind="status", from_status="packed", to_status="shipped"
                )
            )
        session.commit()
    run_exception_checks(database, now=NOW)
    assert run_exception_checks(database, now=shipped + timedelta(days=2, minutes=-1)).raised == ()
    raised = run_exception_checks(database, now=shipped + timedelta(days=2, minutes=1)).raised
    assert [(row.order_number, row.type) for row in raised] == [("SO-000004", "delayed")]
    assert "SF" in raised[0].cause or "sf" in raised[0].cause
    assert run_exception_checks(database, now=shipped + timedelta(days=4)).raised == ()
    raised = run_exception_checks(database, now=shipped + timedelta(days=5, minutes=1)).raised
    assert [(row.order_number, row.type) for row in raised] == [("SO-000002", "delayed")]


def test_a_long_pause_between_runs_still_raises_what_crossed_meanwhile(database: Database, shop: PackingShop) -> None:
    save_exception_settings(
        database, ExceptionSettings(confirm_hours=41, pack_cutoff="", ship_hours=0, delivery_days=0)
    )
    run_exception_checks(database, now=NOW)
    raised = run_exception_checks(database, now=NOW + timedelta(days=3)).raised
    assert [row.order_number for row in raised] == ["SO-000003"]
    assert datetime(2026, 1, 1, tzinfo=UTC) < raised[0].opened_at


@pytest.mark.parametrize(
    "confirm_hours, at_risk, overdue",
    [(39, 0, 1), (40, 0, 1), (41, 1, 0), (42, 0, 0)],
)
def test_the_dashboard_line_counts_at_risk_and_overdue(
    database: Database, shop: PackingShop, confirm_hours: int, at_risk: int, overdue: int
) -> None:
    # SO-000003 is the one order still to confirm; it arrived 40 hours before NOW
    save_exception_settings(
        database, ExceptionSettings(confirm_hours=confirm_hours, pack_cutoff="", ship_hours=0, delivery_days=0)
    )
    deadlines = step_deadlines(database, now=NOW)
    assert (deadlines.at_risk, dict(deadlines.overdue)) == (at_risk, {"confirm": overdue})
    assert f"At risk in the next hour: {at_risk}" in deadlines.text()


def test_the_dashboard_line_by_step_and_open_exceptions(database: Database, shop: PackingShop) -> None:
    # NOW is 17:00 in Shanghai, the cut-off 16:00 (08:00 UTC): every order not packed that arrived by then
    # is late (SO-000005 arrived at 08:00 UTC exactly); one arrived after it
    save_exception_settings(
        database, ExceptionSettings(confirm_hours=24, pack_cutoff="16:00", ship_hours=45, delivery_days=0)
    )
    with database.session(write=True) as session:
        session.get_one(Order, shop.urgent).created_at = NOW - timedelta(minutes=59)
        session.commit()
    run_exception_checks(database, now=NOW)
    deadlines = step_deadlines(database, now=NOW)
    assert dict(deadlines.overdue) == {"confirm": 1, "pack": 4, "ship": 1}
    later = step_deadlines(database, now=NOW + timedelta(days=1))  # the next cut-off has passed for every one
    assert dict(later.overdue)["pack"] == 5
    assert deadlines.open_exceptions == len(exception_queue(database, limit=1000)) > 0
    assert deadlines.severe_open == 0


def test_two_causes_of_one_open_kind_in_one_run_raise_one(database: Database, shop: PackingShop) -> None:
    save_exception_settings(database, NO_LIMITS)
    pay(database, shop.two_teas, shop.big)
    for number in ("SO-000001", "SO-000002"):
        view = open_order(database, number, user_id=ME, station="PACK-1")
        override_pack(database, view.session_id, "scanner broken", user_id=ME, station="PACK-1")
    with database.session(write=True) as session:  # the same order overridden twice (packed, reopened, packed)
        first = session.scalars(select(OrderEvent).where(OrderEvent.kind == "override")).first()
        assert first is not None
        session.add(OrderEvent(order_id=first.order_id, user_id=ME, kind="override", detail="again"))
        session.commit()
    raised = run_exception_checks(database).raised
    assert sorted((row.order_number, row.type) for row in raised) == [
        ("SO-000001", "pack_override"),
        ("SO-000002", "pack_override"),
    ]
