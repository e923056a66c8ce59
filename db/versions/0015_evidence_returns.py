"""Return clips and the packing history

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03

evidence_clip.kind: ``packing`` (an order packed at the station) or ``return`` (a parcel opened in
the returns mode); evidence_clip.return_id: the return recorded while that clip ran. The index on
pack_session_id lets the packing history tell, page by page, which sessions have a video.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("evidence_clip", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=16), server_default="packing", nullable=False))
        batch_op.add_column(sa.Column("return_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_evidence_clip_return_id_order_return"),
            "order_return",
            ["return_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index("ix_evidence_clip_pack_session_id", ["pack_session_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("evidence_clip", schema=None) as batch_op:
        batch_op.drop_index("ix_evidence_clip_pack_session_id")
        batch_op.drop_constraint(batch_op.f("fk_evidence_clip_return_id_order_return"), type_="foreignkey")
        batch_op.drop_column("return_id")
        batch_op.drop_column("kind")
