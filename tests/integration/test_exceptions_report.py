"""The exceptions report (figures beside the period before, and its PDF) and the exceptions commands."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from packing_shop import PackingShop, make_packing_shop
from pdf_checks import pdf_text

from orderapp.errors import ValidationFailed
from orderapp.services.aftersales.exception_actions import resolve_exception
from orderapp.services.aftersales.exceptions import raise_exception
from orderapp.services.aftersales.exceptions_report import exceptions_report, mask_cause, median, percentile
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Order
from orderapp.store.packing_models import PackSession

ME = DEFAULT_USER_ID
# the shop is in Asia/Shanghai; these are noon there
DAY = {d: datetime(2026, 11, d, 4, 0, tzinfo=UTC) for d in range(1, 31)}


@pytest.fixture
def shop(database: Database) -> PackingShop:
    return make_packing_shop(database)


def fill(database: Database, shop: PackingShop) -> None:
    """November 11-20 (the period): four opened, three resolved after 2, 4 and 10 hours; Nov 1-10: one."""
    with database.session(write=True) as session:
        session.get_one(Order, shop.big).carrier = "SF Express"
        session.add(
            PackSession(
                order_id=shop.two_teas,
                user_id=ME,
                station="PACK-1",
                started_at=DAY[12],
                finished_at=DAY[12],
                outcome="override",
            )
        )
        session.commit()
    a = raise_exception(
        database, shop.two_teas, "pack_override", "moderate", user_id=ME, cause="label torn on SO-000001", now=DAY[12]
    )
    b = raise_exception(
        database, shop.big, "pack_override", "moderate", user_id=ME, cause="label torn on SO-000002", now=DAY[13]
    )
    c = raise_exception(database, shop.big, "lost", "severe", user_id=ME, cause="包裹丢失 parcel lost", now=DAY[14])
    raise_exception(database, shop.urgent, "failed", "minor", user_id=ME, now=DAY[20] + timedelta(hours=11))
    raise_exception(database, shop.urgent, "lost", "minor", user_id=ME, now=DAY[21])  # after the period
    old = raise_exception(database, shop.received, "unreachable", "minor", user_id=ME, now=DAY[5])
    resolve_exception(database, a.id, "ok", user_id=ME, now=DAY[12] + timedelta(hours=2))
    resolve_exception(database, b.id, "ok", user_id=ME, now=DAY[13] + timedelta(hours=4))
    resolve_exception(database, c.id, "ok", user_id=ME, now=DAY[14] + timedelta(hours=10))
    resolve_exception(database, old.id, "ok", user_id=ME, now=DAY[5] + timedelta(hours=1))


def test_the_figures_beside_the_period_before(database: Database, shop: PackingShop) -> None:
    fill(database, shop)
    report = exceptions_report(database, date(2026, 11, 11), date(2026, 11, 20))
    now, before = report.current, report.previous
    assert (before.start, before.end) == (date(2026, 11, 1), date(2026, 11, 10))
    assert (now.opened, now.resolved, before.opened, before.resolved) == (4, 3, 1, 1)
    assert now.family_counts() == {"product": 2, "logistics": 1, "payment": 1}
    assert now.by_type[0] == ("product", "pack_override", 2)
    assert (now.median_hours, now.p90_hours) == (4.0, 10.0)
    assert (before.median_hours, before.p90_hours) == (1.0, 1.0)
    assert now.causes[0] == ("label torn on #", 2)
    assert now.by_packer == (("Owner", 1),) or now.by_packer[0][1] == 1
    products = dict(now.by_product)
    # the product exceptions: the two overrides, on SO-000001 (tea, oolong) and SO-000002 (cups, tea)
    assert products == {"TEA-1 茉莉花茶 Jasmine Tea 250g": 2, "CUP-8 Paper Cups 8oz": 1, "OOL-1 Oolong Tea 100g": 1}
    assert now.by_carrier == (("SF Express", 1),)  # the parcel lost on SO-000002


def test_the_pdf_shows_the_figures_in_chinese_and_english(
    database: Database, shop: PackingShop, tmp_path: Path
) -> None:
    fill(database, shop)
    out = tmp_path / "异常 report.pdf"
    report = exceptions_report(database, date(2026, 11, 11), date(2026, 11, 20), out)
    assert report.path == out and report.pages >= 1
    text = pdf_text(out, tmp_path)
    for expected in (
        "Exceptions report",
        "2026-11-11 – 2026-11-20",
        "Exceptions opened",
        "label torn on #",
        "Packed without full scan",
        "SF Express",
        "茉莉花茶",
        "4.0 h",
        "10.0 h",
    ):
        assert expected in text, expected


@pytest.mark.parametrize(
    "start, end, message",
    [
        (date(2026, 11, 20), date(2026, 11, 1), "swap the dates"),
        (date(2025, 1, 1), date(2026, 11, 1), "at most 366 days"),
    ],
)
def test_a_bad_period_is_refused_and_nothing_is_written(
    database: Database, tmp_path: Path, start: date, end: date, message: str
) -> None:
    out = tmp_path / "r.pdf"
    with pytest.raises(ValidationFailed, match=message):
        exceptions_report(database, start, end, out)
    assert not out.exists()


def test_median_and_percentile_against_plain_definitions() -> None:
    values = [7.0, 1.0, 3.0, 9.0, 5.0, 2.0, 8.0, 4.0, 6.0, 10.0]
    assert median(values) == 5.5 and median([3.0]) == 3.0 and median([]) is None
    assert percentile(values, 0.9) == 9.0 and percentile(values, 1.0) == 10.0 and percentile([], 0.9) is None
    assert mask_cause("3 scans on order SO-000123 were refused") == "# scans on order # were refused"
    assert mask_cause("标签破了 label torn") == "标签破了 label torn"


def orderapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orderapp", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "ORDERAPP_LANGUAGE": "en"},
        timeout=120,
    )


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_commands(database: Database, shop: PackingShop, tmp_path: Path) -> None:
    fill(database, shop)
    url = database.location
    listed = orderapp("exceptions", "list", "--csv", "--database", url)
    assert listed.returncode == 0, listed.stderr
    rows = list(csv.reader(io.StringIO(listed.stdout)))
    assert rows[0] == [
        "number",
        "order",
        "family",
        "type",
        "severity",
        "priority",
        "status",
        "owner",
        "opened",
        "age",
        "resolution",
    ]
    assert len(rows) == 1 + 6
    assert {row[3] for row in rows[1:]} >= {"pack_override", "lost", "failed", "unreachable"}
    open_only = orderapp("exceptions", "list", "--open", "--database", url)
    assert open_only.returncode == 0 and "SO-000005" in open_only.stdout and "SO-000003" not in open_only.stdout
    out = tmp_path / "report.pdf"
    made = orderapp(
        "report", "exceptions", "--from", "2026-11-11", "--to", "2026-11-20", "--out", str(out), "--database", url
    )
    assert made.returncode == 0, made.stderr
    assert "4 opened, 3 resolved" in made.stdout and out.exists()
    bad = orderapp(
        "report",
        "exceptions",
        "--from",
        "2026-11-31",
        "--to",
        "2026-12-01",
        "--out",
        str(tmp_path / "x.pdf"),
        "--database",
        url,
    )
    assert bad.returncode != 0 and "'2026-11-31' is not a date; write it as YYYY-MM-DD" in bad.stderr
    swapped = orderapp(
        "report",
        "exceptions",
        "--from",
        "2026-12-01",
        "--to",
        "2026-11-01",
        "--out",
        str(tmp_path / "y.pdf"),
        "--database",
        url,
    )
    assert swapped.returncode != 0 and "swap the dates" in swapped.stderr
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()
