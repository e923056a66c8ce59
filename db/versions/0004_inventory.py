"""Stock counts

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22

stock_count: one stocktake and its scope; stock_count_line: one product in it, with what a count
sheet prints and its current figures; stock_count_entry: every scan or typed quantity, append-only
(see orderapp/store/count_models.py and orderapp/domain/count_maths.py).

Also, for the product list: a covering index (sku, name, active), and a substring search index
which the models do not describe: on SQLite an FTS5
trigram table ``product_search_fts`` (rowid = product id, body = SKU and name) kept in step by
triggers on ``product``; on PostgreSQL a pg_trgm GIN index on the same text. NOTE: SQLite drops a
table's triggers with the table, so a later migration that rebuilds ``product`` in batch mode must
run ``SQLITE_SEARCH_TRIGGERS`` again (and ``rebuild`` the FTS table).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stock_count",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("scope_kind", sa.String(length=16), nullable=False),
        sa.Column("scope_value", sa.String(length=200), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("threshold_units", sa.Integer(), nullable=False),
        sa.Column("threshold_value_cents", sa.Integer(), nullable=False),
        sa.Column("zero_uncounted", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["app_user.id"], name=op.f("fk_stock_count_created_by_app_user")),
        sa.ForeignKeyConstraint(["closed_by"], ["app_user.id"], name=op.f("fk_stock_count_closed_by_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_count")),
    )
    op.create_index("ix_stock_count_status_id", "stock_count", ["status", "id"], unique=False)

    op.create_table(
        "stock_count_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("count_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("open_product_id", sa.Integer(), nullable=True),
        sa.Column("location", sa.String(length=64), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("start_on_hand", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("counted_qty", sa.Integer(), nullable=True),
        sa.Column("expected_qty", sa.Integer(), nullable=True),
        sa.Column("first_mark", sa.Integer(), nullable=True),
        sa.Column("last_mark", sa.Integer(), nullable=True),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("counted_at", sa.DateTime(), nullable=True),
        sa.Column("posted_delta", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["count_id"], ["stock_count.id"], name=op.f("fk_stock_count_line_count_id_stock_count")
        ),
        sa.ForeignKeyConstraint(["product_id"], ["product.id"], name=op.f("fk_stock_count_line_product_id_product")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_count_line")),
        sa.UniqueConstraint("count_id", "product_id", name="uq_stock_count_line_count_id_product_id"),
        sa.UniqueConstraint("open_product_id", name=op.f("uq_stock_count_line_open_product_id")),
    )
    op.create_index(
        "ix_stock_count_line_count_id_location_sku", "stock_count_line", ["count_id", "location", "sku"], unique=False
    )
    op.create_index("ix_stock_count_line_product_id", "stock_count_line", ["product_id"], unique=False)

    op.create_table(
        "stock_count_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("count_id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("on_hand_seen", sa.Integer(), nullable=False),
        sa.Column("ledger_mark", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["count_id"], ["stock_count.id"], name=op.f("fk_stock_count_entry_count_id_stock_count")
        ),
        sa.ForeignKeyConstraint(
            ["line_id"], ["stock_count_line.id"], name=op.f("fk_stock_count_entry_line_id_stock_count_line")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_stock_count_entry_product_id_product")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_stock_count_entry_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_count_entry")),
    )
    op.create_index("ix_stock_count_entry_count_id_id", "stock_count_entry", ["count_id", "id"], unique=False)
    op.create_index("ix_stock_count_entry_line_id_round", "stock_count_entry", ["line_id", "round"], unique=False)
    op.create_index("ix_product_sku_name_active", "product", ["sku", "name", "active"], unique=False)
    create_search_index()


# The text searched: SKU and name. The product list queries this very expression.
SEARCH_TEXT = "sku || ' ' || name"

SQLITE_SEARCH_TABLE = "CREATE VIRTUAL TABLE product_search_fts USING fts5(body, tokenize='trigram')"
SQLITE_SEARCH_TRIGGERS = (
    """CREATE TRIGGER product_search_ai AFTER INSERT ON product BEGIN
        INSERT INTO product_search_fts(rowid, body) VALUES (new.id, new.sku || ' ' || new.name);
    END""",
    """CREATE TRIGGER product_search_au AFTER UPDATE OF sku, name ON product BEGIN
        DELETE FROM product_search_fts WHERE rowid = old.id;
        INSERT INTO product_search_fts(rowid, body) VALUES (new.id, new.sku || ' ' || new.name);
    END""",
    """CREATE TRIGGER product_search_ad AFTER DELETE ON product BEGIN
        DELETE FROM product_search_fts WHERE rowid = old.id;
    END""",
)


def create_search_index() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(SQLITE_SEARCH_TABLE)
        op.execute(f"INSERT INTO product_search_fts(rowid, body) SELECT id, {SEARCH_TEXT} FROM product")
        for trigger in SQLITE_SEARCH_TRIGGERS:
            op.execute(trigger)
    elif bind.dialect.name == "postgresql":
        # pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it. Where it
        # cannot be had, the product list still works, by scanning.
        with bind.begin_nested() as savepoint:
            try:
                bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            except sa.exc.DBAPIError:
                savepoint.rollback()
                return
        op.execute(f"CREATE INDEX ix_product_search_trgm ON product USING gin (({SEARCH_TEXT}) gin_trgm_ops)")


def drop_search_index() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("product_search_ai", "product_search_au", "product_search_ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS product_search_fts")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_product_search_trgm")  # the extension stays: others may use it


def downgrade() -> None:
    drop_search_index()
    op.drop_index("ix_product_sku_name_active", table_name="product")
    op.drop_index("ix_stock_count_entry_line_id_round", table_name="stock_count_entry")
    op.drop_index("ix_stock_count_entry_count_id_id", table_name="stock_count_entry")
    op.drop_table("stock_count_entry")
    op.drop_index("ix_stock_count_line_product_id", table_name="stock_count_line")
    op.drop_index("ix_stock_count_line_count_id_location_sku", table_name="stock_count_line")
    op.drop_table("stock_count_line")
    op.drop_index("ix_stock_count_status_id", table_name="stock_count")
    op.drop_table("stock_count")
