"""Order drafts keyed by their form

Revision ID: 0009
Revises: 0004
Create Date: 2026-12-03

``order_draft.form_key``: the open order form a draft belongs to, so that every save of the form is
an upsert of one row (a save in flight when the app quits and the save made at quitting land on the
same draft); ``order_draft.revision``: the form's save counter, so an older save never overwrites a
newer one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("order_draft") as batch:
        batch.add_column(sa.Column("form_key", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))
        batch.create_unique_constraint(batch.f("uq_order_draft_form_key"), ["form_key"])


def downgrade() -> None:
    with op.batch_alter_table("order_draft") as batch:
        batch.drop_constraint(batch.f("uq_order_draft_form_key"), type_="unique")
        batch.drop_column("revision")
        batch.drop_column("form_key")
