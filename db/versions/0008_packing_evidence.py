"""Packing evidence clips

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-03

evidence_clip: one video of one packing session, with its file, size, SHA-256 and scan marks (see
orderapp/store/evidence_models.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_clip",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("order_number", sa.String(length=64), nullable=False),
        sa.Column("pack_session_id", sa.Integer(), nullable=True),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("file_path", sa.Text(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("frames", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("codec", sa.String(length=16), nullable=False),
        sa.Column("marks", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_evidence_clip_order_id_orders"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["pack_session_id"],
            ["pack_session.id"],
            name=op.f("fk_evidence_clip_pack_session_id_pack_session"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_evidence_clip_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_clip")),
    )
    with op.batch_alter_table("evidence_clip", schema=None) as batch_op:
        batch_op.create_index("ix_evidence_clip_order_number_started_at", ["order_number", "started_at"], unique=False)
        batch_op.create_index("ix_evidence_clip_started_at", ["started_at"], unique=False)
        batch_op.create_index("ix_evidence_clip_status_started_at", ["status", "started_at"], unique=False)


def downgrade() -> None:
    op.drop_table("evidence_clip")
