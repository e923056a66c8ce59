"""Returns, refunds, customer tags and merges

Revision ID: 0012
Revises: 0009
Create Date: 2026-12-03

order_return / order_return_line: items coming back from an order, each line resellable or damaged;
refund: money paid back for an order; customer_tag: VIP, risk and the shop's own tags;
customer_merge: a duplicate customer folded into another (see orderapp/store/return_models.py and
orderapp/store/customer_models.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "order_return",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("value_cents", sa.Integer(), nullable=False),
        sa.Column("exchange_order_id", sa.Integer(), nullable=True),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_order_return_order_id_orders")),
        sa.ForeignKeyConstraint(
            ["exchange_order_id"], ["orders.id"], name=op.f("fk_order_return_exchange_order_id_orders")
        ),
        sa.ForeignKeyConstraint(["created_by"], ["app_user.id"], name=op.f("fk_order_return_created_by_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_return")),
        sa.UniqueConstraint("number", name=op.f("uq_order_return_number")),
    )
    op.create_index("ix_order_return_created_at", "order_return", ["created_at"], unique=False)
    op.create_index(op.f("ix_order_return_order_id"), "order_return", ["order_id"], unique=False)
    op.create_index(op.f("ix_order_return_exchange_order_id"), "order_return", ["exchange_order_id"], unique=False)

    op.create_table(
        "order_return_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("condition", sa.String(length=16), nullable=False),
        sa.Column("value_cents", sa.Integer(), nullable=False),
        sa.CheckConstraint("quantity >= 1", name=op.f("ck_order_return_line_quantity_positive")),
        sa.ForeignKeyConstraint(
            ["return_id"],
            ["order_return.id"],
            name=op.f("fk_order_return_line_return_id_order_return"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["order_line_id"], ["order_line.id"], name=op.f("fk_order_return_line_order_line_id_order_line")
        ),
        sa.ForeignKeyConstraint(["product_id"], ["product.id"], name=op.f("fk_order_return_line_product_id_product")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_return_line")),
    )
    op.create_index(op.f("ix_order_return_line_return_id"), "order_return_line", ["return_id"], unique=False)
    op.create_index(op.f("ix_order_return_line_order_line_id"), "order_return_line", ["order_line_id"], unique=False)

    op.create_table(
        "refund",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=True),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount_cents >= 1", name=op.f("ck_refund_amount_positive")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_refund_order_id_orders")),
        sa.ForeignKeyConstraint(["return_id"], ["order_return.id"], name=op.f("fk_refund_return_id_order_return")),
        sa.ForeignKeyConstraint(["created_by"], ["app_user.id"], name=op.f("fk_refund_created_by_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refund")),
    )
    op.create_index("ix_refund_created_at", "refund", ["created_at"], unique=False)
    op.create_index(op.f("ix_refund_order_id"), "refund", ["order_id"], unique=False)
    op.create_index(op.f("ix_refund_return_id"), "refund", ["return_id"], unique=False)

    op.create_table(
        "customer_tag",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_customer_tag_customer_id_customer"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("customer_id", "tag", name=op.f("pk_customer_tag")),
    )
    op.create_table(
        "customer_merge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kept_id", sa.Integer(), nullable=False),
        sa.Column("merged_id", sa.Integer(), nullable=False),
        sa.Column("merged_details", sa.Text(), nullable=False),
        sa.Column("moved", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kept_id"], ["customer.id"], name=op.f("fk_customer_merge_kept_id_customer"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["created_by"], ["app_user.id"], name=op.f("fk_customer_merge_created_by_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_merge")),
    )
    op.create_index(op.f("ix_customer_merge_kept_id"), "customer_merge", ["kept_id"], unique=False)


def downgrade() -> None:
    op.drop_table("customer_merge")
    op.drop_table("customer_tag")
    op.drop_table("refund")
    op.drop_table("order_return_line")
    op.drop_table("order_return")
