"""Packing sessions and every scan at the packing station (packing capability).

A ``pack_session`` is one packer working on one order at one station, from opening the order to
packing it (``packed``), packing it without full verification (``override``) or leaving it for
another time (``abandoned``); ``outcome`` is NULL while the session is open.

A ``pack_scan`` is one thing the packer did: every scan (good or refused), every undo and every
typed quantity. ``quantity`` is the units it counted for its order line: a case barcode counts its
pack quantity, an undo counts minus what it took back, a refused scan counts 0. So the units
scanned for a line are always ``SUM(quantity)`` of its rows, and an order's progress survives a
crash, a lost camera or a closed screen.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from orderapp.store.base import Base
from orderapp.store.types import UTCDateTime, utc_now


class PackSession(Base):
    __tablename__ = "pack_session"
    __table_args__ = (
        Index("ix_pack_session_order_id_started_at", "order_id", "started_at"),
        Index("ix_pack_session_station_finished_at", "station", "finished_at"),
        Index("ix_pack_session_started_at", "started_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    station: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(String(16))  # NULL while open | packed | override | abandoned
    override_reason: Mapped[str | None] = mapped_column(Text)


class PackScan(Base):
    __tablename__ = "pack_scan"
    __table_args__ = (
        Index("ix_pack_scan_at", "at"),
        Index("ix_pack_scan_order_id_id", "order_id", "id"),
        Index("ix_pack_scan_pack_session_id", "pack_session_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    pack_session_id: Mapped[int] = mapped_column(ForeignKey("pack_session.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    station: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(200))  # as read or typed ("" for a typed quantity)
    symbology: Mapped[str | None] = mapped_column(String(16))  # domain.gtin.Symbology, NULL when typed
    source: Mapped[str] = mapped_column(String(8))  # camera | wedge | typed
    # accepted | over_scan | not_on_order | unknown | invalid | undo | typed_qty
    outcome: Mapped[str] = mapped_column(String(16))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id", ondelete="SET NULL"))
    order_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_line.id", ondelete="CASCADE"))
    quantity: Mapped[int] = mapped_column(Integer, default=0)
