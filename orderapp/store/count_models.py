"""Stock counts: counts, their lines and every count entry (inventory capability).

A ``stock_count`` is one stocktake of a scope (everything, a location, a category or chosen
products); ``status`` is open, posted or cancelled. Each product in it has a ``stock_count_line``
holding what a printed count sheet needs (location, SKU and name as they were when the count
started), and the line's figures for its current round, kept in step with its entries in the same
transaction (see ``orderapp.domain.count_maths`` for what counted, expected and variance mean).
``open_product_id`` equals ``product_id`` while the count is open and is NULL afterwards: its
unique constraint keeps a product in at most one open count, on every backend and under races.

A ``stock_count_entry`` is one scan or typed quantity from one PC: append-only. A mistake is
undone by a further entry with the opposite quantity; a recount starts a new round on the line.

Also here: the product list's search indexes (the product table itself is in ``models``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from orderapp.store.base import Base
from orderapp.store.models import Product
from orderapp.store.types import UTCDateTime, utc_now


class StockCount(Base):
    __tablename__ = "stock_count"
    __table_args__ = (Index("ix_stock_count_status_id", "status", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    scope_kind: Mapped[str] = mapped_column(String(16))  # all | location | category | products
    scope_value: Mapped[str] = mapped_column(String(200), default="")  # the location or category
    blind: Mapped[bool] = mapped_column(Boolean, default=True)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | posted | cancelled
    threshold_units: Mapped[int] = mapped_column(Integer, default=3)
    threshold_value_cents: Mapped[int] = mapped_column(Integer, default=5_000)
    zero_uncounted: Mapped[bool] = mapped_column(Boolean, default=False)  # how it was posted
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class StockCountLine(Base):
    __tablename__ = "stock_count_line"
    __table_args__ = (
        UniqueConstraint("count_id", "product_id", name="uq_stock_count_line_count_id_product_id"),
        Index("ix_stock_count_line_count_id_location_sku", "count_id", "location", "sku"),
        Index("ix_stock_count_line_product_id", "product_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    count_id: Mapped[int] = mapped_column(ForeignKey("stock_count.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    open_product_id: Mapped[int | None] = mapped_column(Integer, unique=True)
    location: Mapped[str] = mapped_column(String(64), default="")
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    start_on_hand: Mapped[int] = mapped_column(Integer, default=0)
    round: Mapped[int] = mapped_column(Integer, default=1)
    counted_qty: Mapped[int | None] = mapped_column(Integer)  # NULL: not counted in this round
    expected_qty: Mapped[int | None] = mapped_column(Integer)  # ledger on-hand at the round's last entry
    first_mark: Mapped[int | None] = mapped_column(Integer)
    last_mark: Mapped[int | None] = mapped_column(Integer)
    entries: Mapped[int] = mapped_column(Integer, default=0)  # in this round
    counted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    posted_delta: Mapped[int | None] = mapped_column(Integer)  # the count movement posting wrote


class StockCountEntry(Base):
    __tablename__ = "stock_count_entry"
    __table_args__ = (
        Index("ix_stock_count_entry_count_id_id", "count_id", "id"),
        Index("ix_stock_count_entry_line_id_round", "line_id", "round"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    count_id: Mapped[int] = mapped_column(ForeignKey("stock_count.id"))
    line_id: Mapped[int] = mapped_column(ForeignKey("stock_count_line.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    round: Mapped[int] = mapped_column(Integer)
    qty: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    station: Mapped[str] = mapped_column(String(64), default="")
    source: Mapped[str] = mapped_column(String(8))  # scan | typed | undo
    code: Mapped[str] = mapped_column(String(64), default="")  # the barcode scanned ("" when typed)
    on_hand_seen: Mapped[int] = mapped_column(Integer)  # ledger on-hand in the entry's transaction
    ledger_mark: Mapped[int] = mapped_column(Integer)  # id of the product's last on-hand movement then


# The product list walks this index in SKU order and reads the name from it without touching the
# table: a search too short for the trigram index (two Chinese characters) stays a fast scan.
Index("ix_product_sku_name_active", Product.sku, Product.name, Product.active)

# The product list's substring search index, made by migration 0004 and not described by the
# models (Alembic's comparison must leave it alone): on SQLite the FTS5 trigram table
# ``product_search_fts`` (with its shadow tables) kept in step by triggers on ``product``, on
# PostgreSQL the pg_trgm GIN index ``ix_product_search_trgm`` on "sku || ' ' || name".
PRODUCT_SEARCH_OBJECTS = ("product_search_fts", "ix_product_search_trgm")
PRODUCT_SEARCH_TEXT = "(product.sku || ' ' || product.name)"


def outside_models(name: str | None, type_: str) -> bool:
    """True for the search-index objects above (for Alembic's ``include_object`` / ``include_name``)."""
    return name is not None and type_ in ("table", "index") and name.startswith(PRODUCT_SEARCH_OBJECTS)
