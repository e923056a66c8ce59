"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

from orderapp import paths
from orderapp.store import backups, migrations
from orderapp.store.count_models import outside_models as inventory_outside_models
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Customer, Product, ProductBarcode, User
from orderapp.store.opening import open_database
from orderapp.store.order_models import outside_models as orders_outside_models
from orderapp.store.schema import metadata


def _made_outside_models(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    return not (orders_outside_models(name, type_) or inventory_outside_models(name, type_))


def test_migrations_from_empty_match_the_models(database: Database) -> None:
    with database.engine.connect() as conn:
        assert migrations.schema_state(conn).revision == migrations.head_revision()
        opts = {"compare_type": True, "include_object": _made_outside_models}
        differences = compare_metadata(MigrationContext.configure(conn, opts=opts), metadata)
    assert differences == []


def test_the_default_user_exists(database: Database) -> None:
    with database.session() as session:
        user = session.get(User, DEFAULT_USER_ID)
    assert user is not None and user.username == "owner"


def test_chinese_text_and_utc_times_round_trip(database: Database) -> None:
    made_at = datetime(2026, 11, 21, 16, 30, tzinfo=UTC)
    with database.session(write=True) as session:
        product = Product(
            sku="茶-001",
            name="茉莉花茶 Jasmine Tea 250g",
            category="茶叶",
            location="A-01-1",
            created_at=made_at,
            updated_at=made_at,
        )
        product.barcodes.append(ProductBarcode(code="6901234567892", symbology="ean13"))
        session.add(product)
        session.add(Customer(name="王小明", phone="+8613812345678", city="上海", address_line1="南京东路100号"))
        session.commit()
    with database.session() as session:
        back = session.scalars(select(Product)).one()
        customer = session.scalars(select(Customer)).one()
        assert (back.sku, back.name, back.category) == ("茶-001", "茉莉花茶 Jasmine Tea 250g", "茶叶")
        assert back.created_at == made_at and back.created_at.tzinfo is not None
        assert [b.code for b in back.barcodes] == ["6901234567892"]
        assert (customer.name, customer.address_line1) == ("王小明", "南京东路100号")


def test_a_barcode_belongs_to_one_product(database: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with database.session(write=True) as session:
        for sku in ("A", "B"):
            p = Product(sku=sku, name=sku)
            p.barcodes.append(ProductBarcode(code="4006381333931", symbology="ean13"))
            session.add(p)
        with pytest.raises(IntegrityError):
            session.commit()


def test_sqlite_runs_with_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    db = open_database(tmp_path / "shop.sqlite")
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30000
    finally:
        db.dispose()


def ship_a_new_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A copy of db/ with one more revision, as a future OrderApp would ship it."""
    copy = tmp_path / "db"
    shutil.copytree(paths.bundled_dir("db"), copy)
    head = migrations.head_revision()
    (copy / "versions" / "9000_add_product_note.py").write_text(
        f'''
import sqlalchemy as sa
from alembic import op

revision = "9000"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("product") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("product") as batch:
        batch.drop_column("note")
''',
        encoding="utf-8",
    )
    real = paths.bundled_dir

    def patched(name: str) -> Path:
        return copy if name == "db" else real(name)

    monkeypatch.setattr(paths, "bundled_dir", patched)
    return "9000"


@pytest.mark.parametrize("folder", ["plain", "Shop #2", "what? shop", "100% tea", "茶叶 店", "a#b?c%20d"])
def test_an_older_shop_is_copied_aside_then_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    path = tmp_path / folder / "shop.sqlite"
    db = open_database(path)
    with db.session(write=True) as session:
        session.add(Product(sku="茶-1", name="龙井 Longjing"))
        session.commit()
    db.dispose()

    new_revision = ship_a_new_revision(tmp_path, monkeypatch)
    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            assert migrations.schema_state(conn).revision == new_revision
            assert conn.execute(text("SELECT name, note FROM product")).one() == ("龙井 Longjing", None)
    finally:
        db.dispose()

    copies = backups.list_backups(path)
    assert len(copies) == 1
    assert copies[0].verified and copies[0].summary is not None
    assert copies[0].summary.counts["product"] == 1  # not an empty copy of some other file
    # Nothing stray beside the shop (a raw path in a SQLite URI names another file and makes it).
    assert {p.name for p in path.parent.iterdir()} <= {"shop.sqlite", "shop.sqlite-wal", "shop.sqlite-shm", "backups"}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([folder, "db"])  # db: the new revision
    old = Database(copies[0].path)
    try:
        with old.engine.connect() as conn:
            assert conn.execute(text("SELECT name FROM product")).scalar() == "龙井 Longjing"
            assert "note" not in [c["name"] for c in inspect(conn).get_columns("product")]
    finally:
        old.dispose()


@pytest.mark.postgres
def test_postgres_shop_upgrades_in_place(postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_database(postgres_url).dispose()
    new_revision = ship_a_new_revision(tmp_path, monkeypatch)
    db = open_database(postgres_url)
    try:
        with db.engine.connect() as conn:
            assert migrations.schema_state(conn).revision == new_revision
    finally:
        db.dispose()
