"""Packing sessions and scans

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

pack_session: one packer on one order at one station; pack_scan: every scan, undo and typed
quantity at the packing station, with its outcome (see orderapp/store/packing_models.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pack_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_pack_session_order_id_orders"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_pack_session_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pack_session")),
    )
    with op.batch_alter_table("pack_session", schema=None) as batch_op:
        batch_op.create_index("ix_pack_session_order_id_started_at", ["order_id", "started_at"], unique=False)
        batch_op.create_index("ix_pack_session_station_finished_at", ["station", "finished_at"], unique=False)
        batch_op.create_index("ix_pack_session_started_at", ["started_at"], unique=False)

    op.create_table(
        "pack_scan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("pack_session_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=200), nullable=False),
        sa.Column("symbology", sa.String(length=16), nullable=True),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("order_line_id", sa.Integer(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_pack_scan_order_id_orders"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_line.id"],
            name=op.f("fk_pack_scan_order_line_id_order_line"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pack_session_id"],
            ["pack_session.id"],
            name=op.f("fk_pack_scan_pack_session_id_pack_session"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_pack_scan_product_id_product"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_pack_scan_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pack_scan")),
    )
    with op.batch_alter_table("pack_scan", schema=None) as batch_op:
        batch_op.create_index("ix_pack_scan_at", ["at"], unique=False)
        batch_op.create_index("ix_pack_scan_order_id_id", ["order_id", "id"], unique=False)
        batch_op.create_index("ix_pack_scan_pack_session_id", ["pack_session_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pack_scan", schema=None) as batch_op:
        batch_op.drop_index("ix_pack_scan_pack_session_id")
        batch_op.drop_index("ix_pack_scan_order_id_id")
        batch_op.drop_index("ix_pack_scan_at")
    op.drop_table("pack_scan")
    with op.batch_alter_table("pack_session", schema=None) as batch_op:
        batch_op.drop_index("ix_pack_session_started_at")
        batch_op.drop_index("ix_pack_session_station_finished_at")
        batch_op.drop_index("ix_pack_session_order_id_started_at")
    op.drop_table("pack_session")
