"""SQLAlchemy 2 models. Every schema change goes with an Alembic migration in db/versions.

Money is integer minor units; times are UTC (UTCDateTime); every record of who did something points
at a user. Per-product ``on_hand`` and ``reserved`` are caches of the stock ledger, updated in the
same transaction as the ledger row that explains them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column, relationship

from orderapp.domain.gtin import code_key
from orderapp.store.base import Base
from orderapp.store.types import UTCDateTime, utc_now


class User(Base):
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


DEFAULT_USER_ID = 1  # created by the first migration: "owner"


class Setting(Base):
    """Shop-wide settings as key/value; ``data`` holds binary values such as the logo."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)
    data: Mapped[bytes | None] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))


class Product(Base):
    __tablename__ = "product"
    __table_args__ = (
        CheckConstraint("price_cents >= 0", name="price_not_negative"),
        CheckConstraint("cost_cents >= 0", name="cost_not_negative"),
        CheckConstraint("reserved >= 0", name="reserved_not_negative"),
        CheckConstraint("reorder_point >= 0", name="reorder_point_not_negative"),
        CheckConstraint("reorder_qty >= 0", name="reorder_qty_not_negative"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    category: Mapped[str] = mapped_column(String(100), default="", index=True)
    location: Mapped[str] = mapped_column(String(64), default="", index=True)  # bin, e.g. "A-03-2"
    unit: Mapped[str] = mapped_column(String(20), default="")
    price_cents: Mapped[int] = mapped_column(Integer, default=0)
    cost_cents: Mapped[int] = mapped_column(Integer, default=0)
    reorder_point: Mapped[int] = mapped_column(Integer, default=0)
    reorder_qty: Mapped[int] = mapped_column(Integer, default=0)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    reserved: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, onupdate=utc_now)

    barcodes: Mapped[list[ProductBarcode]] = relationship(
        back_populates="product", cascade="all, delete-orphan", order_by="ProductBarcode.id"
    )

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


def _match_key(context: DefaultExecutionContext) -> str:
    """The key of a row inserted without one (every writer should set it; this is the safety net)."""
    row = context.get_current_parameters()  # type: ignore[no-untyped-call]
    return code_key(str(row["code"]))


class ProductBarcode(Base):
    """A code that identifies a product: its unit GTIN, a case code worth ``pack_qty`` units, or
    an internal code. A code belongs to at most one product.

    ``match_key`` is what every lookup matches (``orderapp.domain.gtin.code_key``): the GTIN-14 of a
    retail code whichever way it is written, else the code itself. It is unique, so one GTIN written
    two ways cannot name two products. NULL marks a row left without its key because another
    product has the same GTIN (found when the key was introduced, migration 0005): such a row is
    matched only by its exact code until the shop resolves it (``orderapp barcode-conflicts``).
    """

    __tablename__ = "product_barcode"
    __table_args__ = (
        CheckConstraint("pack_qty >= 1", name="pack_qty_positive"),
        Index("ix_product_barcode_match_key", "match_key", unique=True),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    symbology: Mapped[str] = mapped_column(String(16))  # domain.gtin.Symbology
    match_key: Mapped[str | None] = mapped_column(String(64), default=_match_key)
    kind: Mapped[str] = mapped_column(String(16), default="unit")  # unit | case | internal
    pack_qty: Mapped[int] = mapped_column(Integer, default=1)

    product: Mapped[Product] = relationship(back_populates="barcodes")


class Customer(Base):
    __tablename__ = "customer"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    phone: Mapped[str] = mapped_column(String(32), default="", index=True)  # E.164, e.g. +8613812345678
    email: Mapped[str] = mapped_column(String(254), default="")
    address_line1: Mapped[str] = mapped_column(String(200), default="")
    address_line2: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(2), default="")  # ISO 3166-1 alpha-2
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_created_at_id", "created_at", "id"),
        Index("ix_orders_status_due_at", "status", "due_at"),
        CheckConstraint("discount_cents >= 0", name="discount_not_negative"),
        CheckConstraint("shipping_cents >= 0", name="shipping_not_negative"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # letters, digits, '-': Code 128 safe
    external_ref: Mapped[str] = mapped_column(String(64), default="", index=True)  # e.g. Shopify "#1001"
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20), default="phone")  # phone | web | store | shopify | ...
    status: Mapped[str] = mapped_column(String(20), default="received")  # domain.order_status.OrderStatus
    held_from: Mapped[str | None] = mapped_column(String(20))  # status to return to on release
    priority: Mapped[str] = mapped_column(String(10), default="normal")  # normal | urgent
    fulfilment: Mapped[str] = mapped_column(String(10), default="delivery")  # delivery | pickup | walk_in
    ship_name: Mapped[str] = mapped_column(String(200), default="")
    ship_phone: Mapped[str] = mapped_column(String(32), default="")
    ship_line1: Mapped[str] = mapped_column(String(200), default="")
    ship_line2: Mapped[str] = mapped_column(String(200), default="")
    ship_city: Mapped[str] = mapped_column(String(100), default="")
    ship_region: Mapped[str] = mapped_column(String(100), default="")
    ship_postcode: Mapped[str] = mapped_column(String(20), default="")
    ship_country: Mapped[str] = mapped_column(String(2), default="")
    currency: Mapped[str] = mapped_column(String(3))
    subtotal_cents: Mapped[int] = mapped_column(Integer, default=0)
    discount_cents: Mapped[int] = mapped_column(Integer, default=0)
    shipping_cents: Mapped[int] = mapped_column(Integer, default=0)
    total_cents: Mapped[int] = mapped_column(Integer, default=0)
    payment_status: Mapped[str] = mapped_column(String(16), default="unpaid")  # unpaid|paid|partly_paid|refunded
    paid_cents: Mapped[int] = mapped_column(Integer, default=0)
    carrier: Mapped[str] = mapped_column(String(64), default="")
    tracking_number: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, onupdate=utc_now)
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.line_no"
    )
    events: Mapped[list[OrderEvent]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderEvent.id"
    )


class OrderLine(Base):
    __tablename__ = "order_line"
    __table_args__ = (
        CheckConstraint("quantity >= 1", name="quantity_positive"),
        CheckConstraint("unit_price_cents >= 0", name="unit_price_not_negative"),
        CheckConstraint("discount_cents >= 0", name="discount_not_negative"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    sku: Mapped[str] = mapped_column(String(64))  # as sold, kept if the catalogue changes later
    name: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_cents: Mapped[int] = mapped_column(Integer)
    catalogue_price_cents: Mapped[int] = mapped_column(Integer)
    discount_cents: Mapped[int] = mapped_column(Integer, default=0)
    backordered: Mapped[bool] = mapped_column(Boolean, default=False)

    order: Mapped[Order] = relationship(back_populates="lines")


class OrderEvent(Base):
    """One step in an order's timeline: a status change, a hold, an edit, a note."""

    __tablename__ = "order_event"
    __table_args__ = (Index("ix_order_event_order_id_at", "order_id", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    kind: Mapped[str] = mapped_column(String(20), default="status")  # status | edit | note | override
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    detail: Mapped[str] = mapped_column(Text, default="")  # reason, carrier and tracking, ...

    order: Mapped[Order] = relationship(back_populates="events")


class StockMovement(Base):
    """The stock ledger: append-only. ``qty_delta`` changes on hand, ``reserved_delta`` the reservation.

    kinds: receive, reserve, release, ship, sale, adjust, count, return.
    """

    __tablename__ = "stock_movement"
    __table_args__ = (Index("ix_stock_movement_product_id_at", "product_id", "at", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    kind: Mapped[str] = mapped_column(String(16))
    qty_delta: Mapped[int] = mapped_column(Integer, default=0)
    reserved_delta: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(String(200), default="")
    reference: Mapped[str] = mapped_column(String(100), default="")  # supplier ref, order number, count id
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
