"""Change notices for the other PCs (PostgreSQL)

Revision ID: 0014
Revises: 0009
Create Date: 2026-12-03

On PostgreSQL, every committed change to the shop's data sends the changed table's name on the
``orderapp_changes`` channel (``pg_notify``, delivered at commit, once per table and transaction), so
that the other PCs refresh their lists within a moment (``orderapp.store.change_feed``). A
statement-level trigger per table: one call per statement, whatever the number of rows.

SQLite needs nothing: the other PCs there watch ``PRAGMA data_version``.
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0012"
branch_labels = None
depends_on = None

FUNCTION = "orderapp_notify_change"
# Tables whose changes other PCs show. Not: the order search rows and the drafts (private to a
# form), the ledger (every movement also changes its product row, which is here).
TABLES = (
    "app_user",
    "setting",
    "product",
    "product_barcode",
    "customer",
    "orders",
    "order_line",
    "order_event",
    "pack_session",
    "pack_scan",
    "stock_count",
    "stock_count_line",
    "stock_count_entry",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('orderapp_changes', TG_TABLE_NAME);
            RETURN NULL;
        END
        $$
        """
    )
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_notify_change AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_notify_change ON {table}")
    op.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
