"""Staff accounts and the audit log

Revision ID: 0013
Revises: 0009
Create Date: 2026-12-03

staff_account: a user's role, PIN hash, lock and badge code; audit_entry: the append-only log of
sensitive actions (see orderapp/store/staff_models.py). Every user the shop already has becomes an
owner without a PIN, so an existing shop opens exactly as before.
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0008"
branch_labels = None
depends_on = None

_BADGE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def upgrade() -> None:
    staff = op.create_table(
        "staff_account",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=True),
        sa.Column("wrong_pins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_sign_in_at", sa.DateTime(), nullable=True),
        sa.Column("badge_code", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_staff_account_user_id_app_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_staff_account")),
        sa.UniqueConstraint("badge_code", name=op.f("uq_staff_account_badge_code")),
    )
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("object", sa.String(length=200), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_audit_entry_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index("ix_audit_entry_at_id", ["at", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_user_id"), ["user_id"], unique=False)

    users = op.get_bind().execute(sa.text("SELECT id FROM app_user ORDER BY id")).scalars().all()
    if users:
        op.bulk_insert(
            staff,
            [
                {
                    "user_id": user_id,
                    "role": "owner",
                    "pin_hash": None,
                    "wrong_pins": 0,
                    "badge_code": "STAFF-" + "".join(secrets.choice(_BADGE_ALPHABET) for _ in range(8)),
                }
                for user_id in users
            ],
        )


def downgrade() -> None:
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_user_id"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_action"))
        batch_op.drop_index("ix_audit_entry_at_id")
    op.drop_table("audit_entry")
    op.drop_table("staff_account")
