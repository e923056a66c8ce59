"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22

The first schema: users, settings, products with their barcodes, customers, orders with lines
and a timeline, and the stock ledger. Creates the default user, "owner" (id 1).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from datetime import UTC, datetime


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    app_user = op.create_table('app_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_user')),
    sa.UniqueConstraint('username', name=op.f('uq_app_user_username'))
    )
    # No explicit id: the first row gets 1 on every backend, and PostgreSQL's sequence stays in step.
    op.bulk_insert(app_user, [{'username': 'owner', 'display_name': 'Owner', 'active': True,
                               'created_at': datetime.now(UTC).replace(tzinfo=None)}])
    op.create_table('customer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('address_line1', sa.String(length=200), nullable=False),
    sa.Column('address_line2', sa.String(length=200), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('region', sa.String(length=100), nullable=False),
    sa.Column('postcode', sa.String(length=20), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer'))
    )
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_phone'), ['phone'], unique=False)

    op.create_table('product',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('category', sa.String(length=100), nullable=False),
    sa.Column('location', sa.String(length=64), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('price_cents', sa.Integer(), nullable=False),
    sa.Column('cost_cents', sa.Integer(), nullable=False),
    sa.Column('reorder_point', sa.Integer(), nullable=False),
    sa.Column('reorder_qty', sa.Integer(), nullable=False),
    sa.Column('on_hand', sa.Integer(), nullable=False),
    sa.Column('reserved', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('cost_cents >= 0', name=op.f('ck_product_cost_not_negative')),
    sa.CheckConstraint('price_cents >= 0', name=op.f('ck_product_price_not_negative')),
    sa.CheckConstraint('reorder_point >= 0', name=op.f('ck_product_reorder_point_not_negative')),
    sa.CheckConstraint('reorder_qty >= 0', name=op.f('ck_product_reorder_qty_not_negative')),
    sa.CheckConstraint('reserved >= 0', name=op.f('ck_product_reserved_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product')),
    sa.UniqueConstraint('sku', name=op.f('uq_product_sku'))
    )
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_product_location'), ['location'], unique=False)
        batch_op.create_index(batch_op.f('ix_product_name'), ['name'], unique=False)

    op.create_table('orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('external_ref', sa.String(length=64), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('held_from', sa.String(length=20), nullable=True),
    sa.Column('priority', sa.String(length=10), nullable=False),
    sa.Column('fulfilment', sa.String(length=10), nullable=False),
    sa.Column('ship_name', sa.String(length=200), nullable=False),
    sa.Column('ship_phone', sa.String(length=32), nullable=False),
    sa.Column('ship_line1', sa.String(length=200), nullable=False),
    sa.Column('ship_line2', sa.String(length=200), nullable=False),
    sa.Column('ship_city', sa.String(length=100), nullable=False),
    sa.Column('ship_region', sa.String(length=100), nullable=False),
    sa.Column('ship_postcode', sa.String(length=20), nullable=False),
    sa.Column('ship_country', sa.String(length=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('subtotal_cents', sa.Integer(), nullable=False),
    sa.Column('discount_cents', sa.Integer(), nullable=False),
    sa.Column('shipping_cents', sa.Integer(), nullable=False),
    sa.Column('total_cents', sa.Integer(), nullable=False),
    sa.Column('payment_status', sa.String(length=16), nullable=False),
    sa.Column('paid_cents', sa.Integer(), nullable=False),
    sa.Column('carrier', sa.String(length=64), nullable=False),
    sa.Column('tracking_number', sa.String(length=64), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.CheckConstraint('discount_cents >= 0', name=op.f('ck_orders_discount_not_negative')),
    sa.CheckConstraint('shipping_cents >= 0', name=op.f('ck_orders_shipping_not_negative')),
    sa.ForeignKeyConstraint(['created_by'], ['app_user.id'], name=op.f('fk_orders_created_by_app_user')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_orders_customer_id_customer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_orders')),
    sa.UniqueConstraint('number', name=op.f('uq_orders_number'))
    )
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_index('ix_orders_created_at_id', ['created_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_external_ref'), ['external_ref'], unique=False)
        batch_op.create_index('ix_orders_status_due_at', ['status', 'due_at'], unique=False)

    op.create_table('product_barcode',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('symbology', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('pack_qty', sa.Integer(), nullable=False),
    sa.CheckConstraint('pack_qty >= 1', name=op.f('ck_product_barcode_pack_qty_positive')),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_product_barcode_product_id_product'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_barcode')),
    sa.UniqueConstraint('code', name=op.f('uq_product_barcode_code'))
    )
    with op.batch_alter_table('product_barcode', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_barcode_product_id'), ['product_id'], unique=False)

    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.Column('data', sa.LargeBinary(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['updated_by'], ['app_user.id'], name=op.f('fk_setting_updated_by_app_user')),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('order_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_event_order_id_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_order_event_user_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_event'))
    )
    with op.batch_alter_table('order_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_event_at'), ['at'], unique=False)
        batch_op.create_index('ix_order_event_order_id_at', ['order_id', 'at'], unique=False)

    op.create_table('order_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_price_cents', sa.Integer(), nullable=False),
    sa.Column('catalogue_price_cents', sa.Integer(), nullable=False),
    sa.Column('discount_cents', sa.Integer(), nullable=False),
    sa.Column('backordered', sa.Boolean(), nullable=False),
    sa.CheckConstraint('discount_cents >= 0', name=op.f('ck_order_line_discount_not_negative')),
    sa.CheckConstraint('quantity >= 1', name=op.f('ck_order_line_quantity_positive')),
    sa.CheckConstraint('unit_price_cents >= 0', name=op.f('ck_order_line_unit_price_not_negative')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_line_order_id_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_order_line_product_id_product')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_line'))
    )
    with op.batch_alter_table('order_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_line_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_order_line_product_id'), ['product_id'], unique=False)

    op.create_table('stock_movement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('qty_delta', sa.Integer(), nullable=False),
    sa.Column('reserved_delta', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_stock_movement_order_id_orders')),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_stock_movement_product_id_product')),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_stock_movement_user_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_movement'))
    )
    with op.batch_alter_table('stock_movement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_movement_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_movement_order_id'), ['order_id'], unique=False)
        batch_op.create_index('ix_stock_movement_product_id_at', ['product_id', 'at', 'id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('stock_movement', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_movement_product_id_at')
        batch_op.drop_index(batch_op.f('ix_stock_movement_order_id'))
        batch_op.drop_index(batch_op.f('ix_stock_movement_at'))

    op.drop_table('stock_movement')
    with op.batch_alter_table('order_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_line_product_id'))
        batch_op.drop_index(batch_op.f('ix_order_line_order_id'))

    op.drop_table('order_line')
    with op.batch_alter_table('order_event', schema=None) as batch_op:
        batch_op.drop_index('ix_order_event_order_id_at')
        batch_op.drop_index(batch_op.f('ix_order_event_at'))

    op.drop_table('order_event')
    op.drop_table('setting')
    with op.batch_alter_table('product_barcode', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_barcode_product_id'))

    op.drop_table('product_barcode')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index('ix_orders_status_due_at')
        batch_op.drop_index(batch_op.f('ix_orders_external_ref'))
        batch_op.drop_index(batch_op.f('ix_orders_customer_id'))
        batch_op.drop_index('ix_orders_created_at_id')

    op.drop_table('orders')
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_name'))
        batch_op.drop_index(batch_op.f('ix_product_location'))
        batch_op.drop_index(batch_op.f('ix_product_category'))

    op.drop_table('product')
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_phone'))
        batch_op.drop_index(batch_op.f('ix_customer_name'))

    op.drop_table('customer')
    op.drop_table('app_user')
