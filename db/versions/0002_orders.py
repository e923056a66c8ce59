"""Order drafts and order search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

order_draft: what a user is typing into an order form, saved as they work (crash recovery).
ix_orders_status_created_at_id: the orders list filtered by status, newest first.
order_search: one row of searchable text per order (number, external number, names, phone
digits, SKUs), with a substring index outside the models: an FTS5 trigram table kept in step by
triggers on SQLite, a pg_trgm GIN index on PostgreSQL (skipped, with search still working by
scanning, when the server does not let this user create the pg_trgm extension). Existing orders
get their search rows here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Kept identical to orderapp/services/orders/search.py (a migration must not change when the app does).
SQLITE_INDEX_DDL = (
    "CREATE VIRTUAL TABLE order_search_fts USING fts5("
    "text, content='order_search', content_rowid='order_id', tokenize='trigram')",
    "CREATE TRIGGER order_search_ai AFTER INSERT ON order_search BEGIN "
    "INSERT INTO order_search_fts(rowid, text) VALUES (new.order_id, new.text); END",
    "CREATE TRIGGER order_search_ad AFTER DELETE ON order_search BEGIN "
    "INSERT INTO order_search_fts(order_search_fts, rowid, text) VALUES ('delete', old.order_id, old.text); END",
    "CREATE TRIGGER order_search_au AFTER UPDATE ON order_search BEGIN "
    "INSERT INTO order_search_fts(order_search_fts, rowid, text) VALUES ('delete', old.order_id, old.text); "
    "INSERT INTO order_search_fts(rowid, text) VALUES (new.order_id, new.text); END",
)
SQLITE_INDEX_DROP = (
    "DROP TRIGGER IF EXISTS order_search_ai",
    "DROP TRIGGER IF EXISTS order_search_ad",
    "DROP TRIGGER IF EXISTS order_search_au",
    "DROP TABLE IF EXISTS order_search_fts",
)
PG_INDEX_DDL = "CREATE INDEX ix_order_search_text_trgm ON order_search USING gin (text gin_trgm_ops)"

_FILL = """
INSERT INTO order_search (order_id, text)
SELECT o.id,
       o.number || {nl} || o.external_ref || {nl} || coalesce(c.name, '') || {nl} || o.ship_name || {nl}
       || replace(coalesce(c.phone, ''), '+', '') || {nl} || replace(o.ship_phone, '+', '') || {nl}
       || coalesce((SELECT {agg}(l.sku, ' ') FROM order_line l WHERE l.order_id = o.id), '')
FROM orders o LEFT JOIN customer c ON c.id = o.customer_id
"""


def upgrade() -> None:
    op.create_table(
        "order_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.String(length=200), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_order_draft_order_id_orders"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_order_draft_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_draft")),
    )
    with op.batch_alter_table("order_draft", schema=None) as batch_op:
        batch_op.create_index("ix_order_draft_station_user_id", ["station", "user_id"], unique=False)

    op.create_table(
        "order_search",
        sa.Column("order_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_order_search_order_id_orders"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_order_search")),
    )

    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index("ix_orders_status_created_at_id", ["status", "created_at", "id"], unique=False)

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(_FILL.format(nl="char(10)", agg="group_concat"))
        for statement in SQLITE_INDEX_DDL:
            op.execute(statement)
        op.execute("INSERT INTO order_search_fts(order_search_fts) VALUES ('rebuild')")
    elif bind.dialect.name == "postgresql":
        op.execute(_FILL.format(nl="chr(10)", agg="string_agg"))
        if _create_trigram_extension(bind):
            op.execute(PG_INDEX_DDL)


def _create_trigram_extension(bind: sa.Connection) -> bool:
    installed = bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).first()
    if installed is not None:
        return True
    savepoint = bind.begin_nested()
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_INDEX_DROP:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_order_search_text_trgm")
    op.drop_table("order_search")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_status_created_at_id")
    with op.batch_alter_table("order_draft", schema=None) as batch_op:
        batch_op.drop_index("ix_order_draft_station_user_id")
    op.drop_table("order_draft")
