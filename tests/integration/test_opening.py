"""Opening a shop: what is not ours, damaged, or too new is refused with a clear message, untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from orderapp.errors import (
    DamagedDatabase,
    DatabaseInUse,
    ForeignDatabase,
    NewerDatabase,
    NotADatabase,
    ServerUnreachable,
)
from orderapp.store import backup_policy, backups
from orderapp.store.models import Product
from orderapp.store.opening import open_database, open_new_shop_database


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's bytes and the names beside it: what 'untouched' means."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(p.name for p in path.parent.iterdir())


def make_shop(path: Path) -> None:
    db = open_database(path)
    with db.session(write=True) as session:
        session.add(Product(sku="S-1", name="绿茶 Green tea"))
        session.commit()
    db.dispose()
    # Fold the WAL into the file so that the file alone is the shop.
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)


def test_a_new_file_becomes_an_empty_shop(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "shop.sqlite"
    db = open_database(path)
    db.dispose()
    assert path.is_file()
    assert backups.list_backups(path) == []  # nothing to copy aside for a new shop


def test_a_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping list: tea, rice\n", encoding="utf-8")
    before = fingerprint(path)
    with pytest.raises(NotADatabase, match="not an OrderApp database"):
        open_database(path)
    assert fingerprint(path) == before


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(NotADatabase, match="is a folder"):
        open_database(tmp_path)


def test_a_damaged_shop_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    make_shop(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xde\xad\xbe\xef" * ((4096 - 100) // 4)  # the schema page, after the header
    path.write_bytes(bytes(data))
    before = fingerprint(path)
    with pytest.raises(DamagedDatabase, match="damaged") as caught:
        open_database(path)
    assert "restore a backup" in str(caught.value)
    assert fingerprint(path) == before


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    before = fingerprint(path)
    with pytest.raises(ForeignDatabase, match="another program"):
        open_database(path)
    assert fingerprint(path) == before


def test_a_shop_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    make_shop(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    before = fingerprint(path)
    with pytest.raises(NewerDatabase, match="newer version of OrderApp"):
        open_database(path)
    assert fingerprint(path) == before


def test_a_newer_postgres_shop_is_refused(postgres_url: str) -> None:
    db = open_database(postgres_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dfeed'"))
    db.dispose()
    with pytest.raises(NewerDatabase):
        open_database(postgres_url)


test_a_newer_postgres_shop_is_refused = pytest.mark.postgres(test_a_newer_postgres_shop_is_refused)


def test_an_unreachable_server_says_so_without_the_password() -> None:
    with pytest.raises(ServerUnreachable) as caught:
        open_database("postgresql://shop:s3cret@127.0.0.1:1/shop")
    message = str(caught.value)
    assert "Cannot reach the database server" in message
    assert "s3cret" not in message and "127.0.0.1:1" in message


def test_a_new_shop_is_not_built_over_an_existing_one(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    make_shop(path)
    before = fingerprint(path)
    with pytest.raises(DatabaseInUse, match="already holds a shop"):
        open_new_shop_database(path)
    assert fingerprint(path) == before


def test_restoring_a_backup_keeps_the_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    make_shop(path)
    copy = backup_policy.take_automatic_backup(path, "daily").path
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    kept = backups.restore_backup(copy, path).kept
    assert kept is not None and kept.read_bytes().startswith(b"SQLite format 3\x00" + b"\x00" * 8)
    db = open_database(path)
    try:
        with db.session() as session:
            assert session.query(Product).one().name == "绿茶 Green tea"
    finally:
        db.dispose()
