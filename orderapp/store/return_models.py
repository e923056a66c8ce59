"""Returns and refunds (after-sales capability).

An ``order_return`` is one parcel or handful of items coming back from a shipped, delivered or
counter-sold order: its own scanner-safe number (``RT-000001``, printed as Code 128 on the return
slip), why, and, for an exchange, the new order sent in its place. Each ``order_return_line`` is one
order line's units coming back, with their condition: ``resellable`` units went back on the shelf
through the stock ledger (kind ``return``), ``damaged`` ones came back and were written off (a
``return`` and a ``write_off`` movement). ``value_cents`` is what the units were sold for.

A ``refund`` is money paid back to the customer, for an order (and optionally one of its returns);
the refunds of an order never add up to more than was paid for it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from orderapp.store.base import Base
from orderapp.store.types import UTCDateTime, utc_now


class OrderReturn(Base):
    __tablename__ = "order_return"
    __table_args__ = (Index("ix_order_return_created_at", "created_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # RT-000001
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    reason: Mapped[str] = mapped_column(String(32))  # domain.returns.ReturnReason
    note: Mapped[str] = mapped_column(Text, default="")
    value_cents: Mapped[int] = mapped_column(Integer, default=0)
    exchange_order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    station: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))


class OrderReturnLine(Base):
    __tablename__ = "order_return_line"
    __table_args__ = (CheckConstraint("quantity >= 1", name="quantity_positive"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("order_return.id", ondelete="CASCADE"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_line.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    condition: Mapped[str] = mapped_column(String(16))  # resellable | damaged
    value_cents: Mapped[int] = mapped_column(Integer, default=0)


class Refund(Base):
    __tablename__ = "refund"
    __table_args__ = (
        CheckConstraint("amount_cents >= 1", name="amount_positive"),
        Index("ix_refund_created_at", "created_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    return_id: Mapped[int | None] = mapped_column(ForeignKey("order_return.id"), index=True)
    amount_cents: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
