"""One key per retail code

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

product_barcode.match_key: the key every lookup matches (orderapp.domain.gtin.code_key), the
GTIN-14 of a retail code however it is written (EAN-8, UPC-E, UPC-A, EAN-13, GTIN-14, GS1 AI 01),
else the code itself; unique. Filled here for every existing row.

A shop may already hold one GTIN written two ways on two products. Those rows are never merged
and no product is guessed: all of them are left with a NULL key (still found by their exact code)
and the conflict is logged; ``orderapp barcode-conflicts`` and the Inventory screen list them
until the shop removes the code from the wrong product. The same GTIN written twice on one
product keeps the key on its first row.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

from orderapp.domain.barcode_keys import BarcodeRow, plan_match_keys

revision = "0005"
down_revision = "0009"
branch_labels = None
depends_on = None

log = logging.getLogger("orderapp.migrations")

_BARCODE = sa.table(
    "product_barcode",
    sa.column("id", sa.Integer()),
    sa.column("product_id", sa.Integer()),
    sa.column("code", sa.String()),
    sa.column("symbology", sa.String()),
    sa.column("match_key", sa.String()),
)
_CHUNK = 5_000


def upgrade() -> None:
    op.add_column("product_barcode", sa.Column("match_key", sa.String(length=64), nullable=True))
    connection = op.get_bind()
    rows = [
        BarcodeRow(*row)
        for row in connection.execute(
            sa.select(_BARCODE.c.id, _BARCODE.c.product_id, _BARCODE.c.code, _BARCODE.c.symbology)
        )
    ]
    plan = plan_match_keys(rows)
    given = [{"row_id": row_id, "key": key} for row_id, key in plan.keys.items() if key is not None]
    statement = _BARCODE.update().where(_BARCODE.c.id == sa.bindparam("row_id")).values(match_key=sa.bindparam("key"))
    for start in range(0, len(given), _CHUNK):
        connection.execute(statement, given[start : start + _CHUNK])
    for key, conflicting in plan.conflicts.items():
        log.warning(
            "barcode conflict: GTIN %s is on products %s (codes %s); left unkeyed until resolved",
            key,
            ", ".join(sorted({str(row.product_id) for row in conflicting})),
            ", ".join(row.code for row in conflicting),
        )
    op.create_index("ix_product_barcode_match_key", "product_barcode", ["match_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_product_barcode_match_key", table_name="product_barcode")
    with op.batch_alter_table("product_barcode", schema=None) as batch_op:
        batch_op.drop_column("match_key")
