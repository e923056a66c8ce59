"""Staff figures per packer, in the daily summary, the printed summary and ``orderapp report staff``;
on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from packing_shop import GREEN_TEA, OOLONG, STRAWS, TEA, UNKNOWN_CODE, PackingShop, make_packing_shop
from pdf_checks import pdf_text, squashed
from sqlalchemy import update

from orderapp.documents.daily_report import render_daily_summary
from orderapp.documents.output import pdf_bytes
from orderapp.domain.staff import Actor
from orderapp.services.documents.daily_summary import daily_summary, today_in_shop
from orderapp.services.documents.paperwork import shop_paper
from orderapp.services.packing.station import open_order, override_pack, record_scan, undo_last_scan
from orderapp.services.staff import people as staff
from orderapp.services.staff.figures import duration_text, staff_report
from orderapp.store.database import Database
from orderapp.store.packing_models import PackSession


@pytest.fixture
def shop(database: Database) -> PackingShop:
    return make_packing_shop(database)


@pytest.fixture
def packers(database: Database) -> dict[str, Actor]:
    owner = staff.owner_without_pin(database, station="PC")
    assert owner is not None
    staff.add_user(database, "李娜", "packer", "2222", actor=owner)
    staff.add_user(database, "Tom", "packer", "3333", actor=owner)
    return {
        "owner": owner,
        "li": staff.sign_in(database, "李娜", "2222", station="PACK-1"),
        "tom": staff.sign_in(database, "Tom", "3333", station="PACK-2"),
    }


def scan(database: Database, session_id: int, code: str, who: Actor) -> None:
    record_scan(database, session_id, code, symbology=None, source="wedge", user_id=who.user_id, station=who.station)


def pack_the_day(database: Database, packers: dict[str, Actor]) -> None:
    li, tom = packers["li"], packers["tom"]
    # 李娜 packs SO-000001 (2 tea + 1 oolong), with one wrong item caught and one undo
    view = open_order(database, "SO-000001", user_id=li.user_id, station=li.station)
    for code in (TEA, GREEN_TEA, TEA, TEA):  # the third tea is one too many
        scan(database, view.session_id, code, li)
    undo_last_scan(database, view.session_id, user_id=li.user_id, station=li.station)
    scan(database, view.session_id, TEA, li)
    scan(database, view.session_id, OOLONG, li)
    # and SO-000005 (1 straw pack)
    view = open_order(database, "SO-000005", user_id=li.user_id, station=li.station)
    scan(database, view.session_id, STRAWS, li)
    # Tom: an unknown code, then SO-000006 packed without full check, approved by the owner
    view = open_order(database, "SO-000006", user_id=tom.user_id, station=tom.station)
    scan(database, view.session_id, UNKNOWN_CODE, tom)
    override_pack(
        database, view.session_id, "label torn", user_id=tom.user_id, station=tom.station,
        approved_by=packers["owner"].user_id,
    )  # fmt: skip
    with database.session(write=True) as session:  # known durations: 李娜 2 and 4 minutes, Tom 1
        for pack in session.query(PackSession).filter(PackSession.outcome.is_not(None)).all():
            assert pack.finished_at is not None
            minutes = {"SO-000001": 2, "SO-000005": 4, "SO-000006": 1}[_number(session, pack.order_id)]
            session.execute(
                update(PackSession)
                .where(PackSession.id == pack.id)
                .values(started_at=pack.finished_at - timedelta(minutes=minutes))
            )
        session.commit()


def _number(session, order_id: int) -> str:
    from orderapp.store.models import Order

    return session.get_one(Order, order_id).number


def test_each_packer_s_orders_items_mistakes_overrides_and_median_time(
    database: Database, shop: PackingShop, packers: dict[str, Actor]
) -> None:
    pack_the_day(database, packers)
    today = today_in_shop(database)
    report = staff_report(database, today, today)
    figures = {f.name: f for f in report.packers}
    assert set(figures) == {"李娜", "Tom"}
    li, tom = figures["李娜"], figures["Tom"]
    assert (li.orders_packed, li.items_packed, li.wrong_items_caught, li.overrides) == (2, 4, 2, 0)
    assert li.median_seconds == pytest.approx(180, abs=1) and duration_text(li.median_seconds) == "3:00"
    assert (tom.orders_packed, tom.items_packed, tom.wrong_items_caught, tom.overrides) == (1, 0, 1, 1)
    assert tom.median_seconds == pytest.approx(60, abs=1)
    assert [f.name for f in report.packers] == ["李娜", "Tom"]  # most orders first
    assert staff_report(database, today + timedelta(days=1), today + timedelta(days=1)).packers == ()
    summary = daily_summary(database, today)
    assert {f.name: f.orders_packed for f in summary.packers} == {"李娜": 2, "Tom": 1}
    assert summary.figures.wrong_items_caught == sum(f.wrong_items_caught for f in summary.packers)
    assert summary.figures.overrides == sum(f.overrides for f in summary.packers)


def test_the_printed_daily_summary_lists_the_packers(
    database: Database, shop: PackingShop, packers: dict[str, Actor], tmp_path: Path
) -> None:
    pack_the_day(database, packers)
    summary = daily_summary(database, today_in_shop(database))
    pdf = pdf_bytes(lambda out: render_daily_summary(summary, shop_paper(database).letterhead, out))
    text = squashed(pdf_text(pdf, tmp_path))
    assert "Packer" in text and "Mediantimeper" in text
    assert "李娜24203:00" in text and "Tom10111:00" in text  # orders, items, caught, overrides, median


def test_the_staff_report_command(database_url: str, database: Database, shop: PackingShop, packers) -> None:
    pack_the_day(database, packers)
    env = {**os.environ, "ORDERAPP_LANGUAGE": "en"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "orderapp", "report", "staff", "--database", database_url, *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)

    table = run()
    assert table.returncode == 0, table.stderr
    assert "李娜" in table.stdout and "median time per order" in table.stdout
    rows = list(csv.reader(io.StringIO(run("--csv").stdout)))
    assert rows[0][0] == "packer" and ["李娜", "2", "4", "2", "0", "3:00"] in rows
    empty = run("--since", "2020-01-01", "--until", "2020-01-02")
    assert empty.returncode == 0 and "Nobody packed" in empty.stdout
    backwards = run("--since", "2020-01-05", "--until", "2020-01-02")
    assert backwards.returncode == 1 and "--until is before --since" in backwards.stderr
