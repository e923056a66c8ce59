"""Order drafts and order search (orders capability).

``order_draft``: what a user is typing into an order form, saved as they work, so that closing the
window or a crash loses nothing; one row per open form (``form_key``), per station and user. ``order_id`` is set
when the form edits an existing order.

Also an index on ``orders`` for the orders list filtered by status (``ORDERS_BY_STATUS``).

``order_search``: one row per order holding the text the orders list searches (order number,
external number, customer and recipient names, phone digits, SKUs), kept in step by the order
services (``orderapp.services.orders.search``). The substring index over it is backend-specific and
lives outside the models (see ``SEARCH_INDEX_OBJECTS``): on SQLite an FTS5 trigram table
``order_search_fts`` kept in step by triggers, on PostgreSQL a pg_trgm GIN index.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from orderapp.store.base import Base
from orderapp.store.models import Order
from orderapp.store.types import UTCDateTime, utc_now

# The orders list filtered by status, newest first: one index range per status, no sort.
ORDERS_BY_STATUS = Index("ix_orders_status_created_at_id", Order.status, Order.created_at, Order.id)


class OrderDraftRecord(Base):
    __tablename__ = "order_draft"
    __table_args__ = (Index("ix_order_draft_station_user_id", "station", "user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    # The open form the draft belongs to (a random key per form): every save of that form writes this
    # one row, whichever save lands first. ``revision`` counts the form's saves; an older one never
    # overwrites a newer one (a save in flight when the app quits, and the save made at quitting).
    form_key: Mapped[str | None] = mapped_column(String(36), unique=True)
    revision: Mapped[int] = mapped_column(default=0, server_default="0")
    station: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    summary: Mapped[str] = mapped_column(String(200), default="")  # "王小明 · 3 lines", for the recovery list
    payload: Mapped[str] = mapped_column(Text)  # the OrderDraft as JSON
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class OrderSearch(Base):
    __tablename__ = "order_search"
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="")


# Database objects made by migration 0002 that the models do not describe (Alembic's comparison
# must leave them alone): the FTS5 table with its shadow tables and triggers, the pg_trgm index.
SEARCH_INDEX_OBJECTS = ("order_search_fts", "ix_order_search_text_trgm", "order_search_ai", "order_search_ad")


def outside_models(name: str | None, type_: str) -> bool:
    """True for the search-index objects above (for Alembic's ``include_object``)."""
    return name is not None and type_ in ("table", "index") and name.startswith(SEARCH_INDEX_OBJECTS)
