"""Backups a shopkeeper can trust: made while the shop is in use, checked, kept to the last N, and
put back by ``orderapp restore`` with the replaced shop kept aside; on SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from order_shop import USER, delivery_draft, make_shop
from processes import another_process
from shop_damage import zero_a_page_of
from sqlalchemy import create_engine, func, select, text

from orderapp.domain.order_validation import LineDraft
from orderapp.services.orders import placing as orders
from orderapp.services.settings.shop import load_settings, save_settings
from orderapp.services.stock import ledger as stock_ledger
from orderapp.store import backup_policy, backups
from orderapp.store.backups import BackupFailed, RestoreRefused
from orderapp.store.database import Database, normalise_url, sqlite_path
from orderapp.store.models import Order, OrderLine
from orderapp.store.opening import open_database

SHOP_NAME = "莲花茶馆 Lotus Tea"


def orderapp(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orderapp", *args],
        capture_output=True,
        text=True,
        input=stdin if stdin is not None else "",
        env=dict(os.environ),
        timeout=300,
    )


def name_shop(database: Database) -> None:
    from dataclasses import replace

    save_settings(database, replace(load_settings(database), name=SHOP_NAME), user_id=USER)


def place(database: Database, n: int, first: int = 0) -> list[int]:
    return [
        orders.place_order(
            database,
            delivery_draft(LineDraft(code="TEA-001"), name=f"顾客{i}", phone=f"1390000{i:04d}"),
            user_id=USER,
        ).id
        for i in range(first, first + n)
    ]


def order_count(database: Database) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(Order)) or 0


def backup_file(database: Database, folder: Path, name: str = "backup #1") -> Path:
    return folder / (name + (".sqlite" if database.is_sqlite else ".dump"))


def url_of(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


def needs_pg_tools(database: Database) -> None:
    if not database.is_sqlite and backups_pg_tool() is None:
        pytest.skip("pg_dump is not installed")


def backups_pg_tool() -> str | None:
    from orderapp.store.backups_pg import tool

    return tool("pg_dump")


def test_a_backup_holds_the_shop_and_says_what_it_holds(database: Database, tmp_path: Path) -> None:
    needs_pg_tools(database)
    make_shop(database)
    name_shop(database)
    place(database, 4)
    folder = tmp_path / "备份 #2 ?%"
    result = orderapp("backup", "--database", url_of(database), "--out", str(backup_file(database, folder)))
    assert result.returncode == 0, result.stderr
    assert "checked: 4 orders" in result.stdout and SHOP_NAME in result.stdout
    made = backups.read_backup(backup_file(database, folder))
    assert made.verified and made.summary is not None
    assert made.summary.shop_name == SHOP_NAME and made.summary.orders == 4
    assert made.summary.last_order_at is not None
    assert made.summary.counts["order_line"] == 4
    assert sorted(p.name for p in folder.iterdir()) == sorted([made.path.name, made.path.name + ".json"])


def test_restore_puts_the_backup_back_and_keeps_the_replaced_shop(database: Database, tmp_path: Path) -> None:
    needs_pg_tools(database)
    make_shop(database)
    name_shop(database)
    place(database, 3)
    copy = backup_policy.back_up_to(database.url, backup_file(database, tmp_path)).path
    place(database, 2, first=100)  # made after the backup: gone after the restore, kept in the replaced shop
    url = url_of(database)
    database.dispose()

    result = orderapp("restore", str(copy), "--database", url, "--yes")
    assert result.returncode == 0, result.stderr
    assert f"{SHOP_NAME}”: 3 orders" in result.stdout
    assert "kept as" in result.stdout
    restored = open_database(url)
    try:
        assert order_count(restored) == 3
        assert load_settings(restored).name == SHOP_NAME
        with restored.session() as session:
            assert stock_ledger.ledger_mismatches(session) == []
    finally:
        restored.dispose()
    kept = Path(result.stdout.split("kept as ", 1)[1].strip().rstrip("."))
    if sqlite_path(normalise_url(url)) is not None:
        with sqlite3.connect(kept) as conn:
            assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 5
    else:
        from orderapp.store.backups_pg import read_dump

        assert read_dump(kept).orders == 5


def test_restore_asks_first_and_changes_nothing_without_an_answer(database: Database, tmp_path: Path) -> None:
    needs_pg_tools(database)
    make_shop(database)
    place(database, 2)
    copy = backup_policy.back_up_to(database.url, backup_file(database, tmp_path)).path
    place(database, 1, first=50)
    result = orderapp("restore", str(copy), "--database", url_of(database))
    assert result.returncode == 1
    assert "holds the shop" in result.stdout and "2 orders" in result.stdout
    assert "add --yes" in result.stderr and "Traceback" not in result.stderr
    assert order_count(database) == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not an OrderApp backup"),
        (b"Dear supplier, 40 boxes of tea please.", "not an OrderApp backup"),
    ],
)
def test_what_is_not_a_backup_is_never_restored(tmp_path: Path, content: bytes, message: str) -> None:
    shop = tmp_path / "shop.sqlite"
    database = open_database(shop)
    make_shop(database)
    database.dispose()
    before = shop.read_bytes()
    bad = tmp_path / "backup.sqlite"
    bad.write_bytes(content)
    result = orderapp("restore", str(bad), "--database", str(shop), "--yes")
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
    assert shop.read_bytes() == before
    with pytest.raises(RestoreRefused):
        backups.restore_backup(bad, shop)


def test_a_damaged_backup_is_never_restored(tmp_path: Path) -> None:
    shop = tmp_path / "shop.sqlite"
    database = open_database(shop)
    make_shop(database)
    place(database, 30)
    copy = backup_policy.back_up_to(database.url, tmp_path / "copy.sqlite").path
    database.dispose()
    zero_a_page_of(copy, "orders")
    with pytest.raises(RestoreRefused, match="damaged"):
        backups.restore_backup(copy, shop)


def test_automatic_backups_keep_the_last_n_in_the_chosen_folder(tmp_path: Path) -> None:
    shop = tmp_path / "shop.sqlite"
    database = open_database(shop)
    make_shop(database)
    database.dispose()
    chosen = tmp_path / "second drive" / "店 backups"
    backup_policy.save_settings(shop, backup_policy.BackupSettings(folder=chosen, keep=2))
    assert backup_policy.daily_backup_due(shop)
    first = backup_policy.backup_if_due(shop)
    assert first is not None and first.path.parent == chosen
    assert backup_policy.backup_if_due(shop) is None  # one a day
    assert not backup_policy.daily_backup_due(shop)
    manual = backup_policy.back_up_to(shop, chosen / "shop-20200101-000000-manual.sqlite")
    for _ in range(3):
        time.sleep(0.01)
        backup_policy.take_automatic_backup(shop, "before-9000")
    left = backup_policy.list_shop_backups(shop)
    automatic = [b for b in left if b.label != "manual"]
    assert len(automatic) == 2 and all(b.verified for b in automatic)
    assert manual.path in [b.path for b in left]  # one taken by hand is never deleted
    assert backup_policy.last_good_backup(shop) == left[0]
    assert not (tmp_path / "backups").exists()  # nothing in the default folder once another is chosen


def test_a_folder_that_cannot_be_written_says_so(tmp_path: Path) -> None:
    shop = tmp_path / "shop.sqlite"
    open_database(shop).dispose()
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(BackupFailed, match="Cannot write the backup"):
        backup_policy.back_up_to(shop, blocker / "backup.sqlite")
    result = orderapp("backup", "--database", str(shop), "--out", str(blocker / "b.sqlite"))
    assert result.returncode == 1 and "Cannot write the backup" in result.stderr


# --- backups while another PC writes ---------------------------------------------------------------


def _writer(url: str, stop: multiprocessing.synchronize.Event, started: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    database = Database(url)
    i = 0
    while not stop.is_set():
        order = orders.place_order(
            database,
            delivery_draft(
                LineDraft(code="TEA-001"), LineDraft(code="NDL-002"), name=f"写{i}", phone=f"1380000{i % 10000:04d}"
            ),
            user_id=USER,
        )
        try:
            orders.confirm_order(database, order.id, user_id=USER)
        except orders.OutOfStock:
            orders.cancel_order(database, order.id, reason="out of stock", user_id=USER)
        i += 1
        started.set()
    database.dispose()


def test_backups_taken_while_another_pc_writes_are_whole(database: Database, tmp_path: Path) -> None:
    needs_pg_tools(database)
    make_shop(database, allow_backorders=True)
    context = another_process()
    stop, started = context.Event(), context.Event()
    writer = context.Process(target=_writer, args=(url_of(database), stop, started))
    writer.start()
    taken = []
    try:
        assert started.wait(120)
        for n in range(4):
            taken.append(backup_policy.back_up_to(database.url, backup_file(database, tmp_path, f"during {n}")))
    finally:
        stop.set()
        writer.join(120)
    assert writer.exitcode == 0
    sizes = [b.summary.orders for b in taken if b.summary]
    assert len(sizes) == 4 and all(b.verified for b in taken)
    assert sizes == sorted(sizes) and sizes[-1] > 0  # each one a later moment of the same shop
    for backup in (taken[0], taken[-1]):
        assert_whole(backup.path, database, tmp_path)


def assert_whole(path: Path, database: Database, tmp_path: Path) -> None:
    """Every order in the backup has both its lines, and the stock figures agree with the ledger."""
    copy = Database(path) if database.is_sqlite else Database(_restored_copy(path, database))
    try:
        with copy.session() as session:
            lines = session.execute(select(OrderLine.order_id, func.count()).group_by(OrderLine.order_id)).all()
            order_ids = set(session.scalars(select(Order.id)))
            assert {order_id for order_id, _n in lines} == order_ids
            assert all(n == 2 for _id, n in lines)
            assert stock_ledger.ledger_mismatches(session) == []
            if database.is_sqlite:
                assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    finally:
        copy.dispose()
        if not database.is_sqlite:
            _drop(copy.url.database or "", database)


def _restored_copy(dump: Path, database: Database) -> str:
    name = f"orderapp_restore_{uuid.uuid4().hex[:10]}"
    admin = create_engine(database.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    target = database.url.set(database=name)
    from orderapp.store.backups_pg import restore_server_database

    restore_server_database(dump, target, dump.parent / "kept")
    return target.render_as_string(hide_password=False)


def _drop(name: str, database: Database) -> None:
    admin = create_engine(database.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
