"""Order exceptions

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-03

order_exception: one problem with one order (family, type, severity, owner, status, resolution,
priority and its stored queue key, the cause that raised it); exception_event: its history (see
orderapp/store/exception_models.py and orderapp/domain/exception_rules.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "order_exception",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=True),
        sa.Column("family", sa.String(length=16), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("is_open", sa.Boolean(), nullable=False),
        sa.Column("cause", sa.Text(), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("priority_base", sa.Integer(), nullable=False),
        sa.Column("queue_key", sa.BigInteger(), nullable=False),
        sa.Column("source_key", sa.String(length=80), nullable=True),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("opened_by", sa.String(length=100), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_order_exception_order_id_orders"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_line.id"],
            name=op.f("fk_order_exception_order_line_id_order_line"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_exception")),
        sa.UniqueConstraint("source_key", name=op.f("uq_order_exception_source_key")),
    )
    op.create_index("ix_order_exception_is_open_queue_key", "order_exception", ["is_open", "queue_key"])
    op.create_index("ix_order_exception_order_id_is_open", "order_exception", ["order_id", "is_open"])
    op.create_index("ix_order_exception_opened_at", "order_exception", ["opened_at"])
    op.create_index("ix_order_exception_resolved_at", "order_exception", ["resolved_at"])

    op.create_table(
        "exception_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exception_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=True),
        sa.Column("amount_cents", sa.Integer(), nullable=True),
        sa.Column("linked_order_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["exception_id"],
            ["order_exception.id"],
            name=op.f("fk_exception_event_exception_id_order_exception"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["linked_order_id"],
            ["orders.id"],
            name=op.f("fk_exception_event_linked_order_id_orders"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exception_event")),
    )
    op.create_index("ix_exception_event_exception_id_id", "exception_event", ["exception_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_exception_event_exception_id_id", table_name="exception_event")
    op.drop_table("exception_event")
    for name in (
        "ix_order_exception_resolved_at",
        "ix_order_exception_opened_at",
        "ix_order_exception_order_id_is_open",
        "ix_order_exception_is_open_queue_key",
    ):
        op.drop_index(name, table_name="order_exception")
    op.drop_table("order_exception")
