"""Every path works for backups and restore: a shop in a folder named with spaces, ``#``, ``?``, ``%``
or Chinese is backed up (by hand and automatically, into folders named the same way), checked,
listed, and restored, and nothing stray is made beside it (a raw path in a SQLite URI would name
another file); a PostgreSQL shop is backed up to such a path."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from order_shop import USER, delivery_draft, make_shop
from sqlalchemy import func, select

from orderapp.domain.order_validation import LineDraft
from orderapp.services.orders import placing as orders
from orderapp.store import backup_policy, backups, integrity
from orderapp.store.backups_pg import tool
from orderapp.store.database import Database
from orderapp.store.models import Order
from orderapp.store.opening import open_database

NAMES = ["Shop #2", "what? shop", "100% tea", "茶叶 店", "a#b?c%20d", "备份 #1 ?% x"]


def orderapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orderapp", *args],
        capture_output=True,
        text=True,
        input="",
        env=dict(os.environ),
        timeout=300,
    )


def place(database: Database, n: int, first: int = 0) -> None:
    for i in range(first, first + n):
        orders.place_order(
            database, delivery_draft(LineDraft(code="TEA-001"), name=f"顾客{i}", phone=f"1390000{i:04d}"), user_id=USER
        )


def orders_in(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM orders").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("name", NAMES)
def test_a_shop_in_any_folder_is_backed_up_checked_and_restored(tmp_path: Path, name: str) -> None:
    shop = tmp_path / name / "shop.sqlite"
    database = open_database(shop)
    make_shop(database)
    place(database, 2)
    database.dispose()
    integrity.check_file(shop)  # the damage check opens it by a quoted URI too

    by_hand = tmp_path / name / f"备份 {name}" / f"copy {name}.sqlite"
    made = orderapp("backup", "--database", str(shop), "--out", str(by_hand))
    assert made.returncode == 0, made.stderr
    assert "checked: 2 orders" in made.stdout
    read = backups.read_backup(by_hand)
    assert read.verified and read.summary is not None and read.summary.orders == 2
    assert orders_in(by_hand) == 2  # the copy is the shop, not an empty file made elsewhere

    chosen = tmp_path / name / f"auto {name}"
    backup_policy.save_settings(shop, backup_policy.BackupSettings(folder=chosen, keep=2))
    automatic = backup_policy.backup_if_due(shop)
    assert automatic is not None and automatic.path.parent == chosen and automatic.verified
    assert automatic.summary is not None and automatic.summary.orders == 2
    assert backup_policy.last_good_backup(shop) is not None
    assert [b.path for b in backup_policy.list_shop_backups(shop)] == [automatic.path]

    database = open_database(shop)
    place(database, 3, first=10)  # after the backups: gone after the restore, kept in the replaced shop
    database.dispose()
    restored = orderapp("restore", str(by_hand), "--database", str(shop), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert ": 2 orders" in restored.stdout
    assert orders_in(shop) == 2
    kept = Path(restored.stdout.split("kept as ", 1)[1].strip().rstrip("."))
    assert kept.parent == shop.parent and orders_in(kept) == 5

    # Nothing stray anywhere: only the shop, its WAL files, what was asked for, and the replaced shop.
    made_here = {p.name for p in shop.parent.iterdir()}
    expected = {"shop.sqlite", f"备份 {name}", f"auto {name}", kept.name, "backups"}
    assert made_here - {"shop.sqlite-wal", "shop.sqlite-shm"} <= expected, made_here
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert {p.name for p in by_hand.parent.iterdir()} == {by_hand.name, by_hand.name + ".json"}


@pytest.mark.parametrize("name", NAMES)
def test_a_backup_in_any_folder_is_restored_through_the_service(tmp_path: Path, name: str) -> None:
    shop = tmp_path / "shop.sqlite"
    database = open_database(shop)
    make_shop(database)
    place(database, 1)
    database.dispose()
    copy = backup_policy.back_up_to(shop, tmp_path / name / f"{name}.sqlite").path
    assert copy.parent.name == name and copy.exists()
    database = open_database(shop)
    place(database, 2, first=10)
    database.dispose()
    result = backups.restore_backup(copy, shop)
    assert result is not None
    assert orders_in(shop) == 1
    assert sorted(p.name for p in (tmp_path / name).iterdir()) == sorted([copy.name, copy.name + ".json"])


@pytest.mark.postgres
@pytest.mark.parametrize("name", NAMES)
def test_a_postgres_shop_is_backed_up_into_any_folder(postgres_url: str, tmp_path: Path, name: str) -> None:
    if tool("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    database = open_database(postgres_url)
    try:
        make_shop(database)
        place(database, 2)
        with database.session() as session:
            assert session.scalar(select(func.count()).select_from(Order)) == 2
    finally:
        database.dispose()
    target = tmp_path / name / f"{name}.dump"
    made = orderapp("backup", "--database", postgres_url, "--out", str(target))
    assert made.returncode == 0, made.stderr
    assert "checked: 2 orders" in made.stdout
    read = backups.read_backup(target)
    assert read.verified and read.summary is not None and read.summary.orders == 2
    assert sorted(p.name for p in target.parent.iterdir()) == sorted([target.name, target.name + ".json"])
    assert [p.name for p in tmp_path.iterdir()] == [name]
