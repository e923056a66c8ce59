"""Order exceptions and their history (exceptions capability).

``order_exception``: one problem with one order (optionally one of its lines): family and type
(``domain.exception_rules``), severity, owner (a person's name), status, resolution. ``priority_base``
is the priority when raised and ``queue_key`` the stored sort key that keeps the queue in priority
order as time passes (``domain.exception_rules.queue_key``); ``is_open`` is False once resolved, so
the open queue is one index range. ``source_key`` names what raised it automatically (e.g.
"override:812" for pack session 812): the unique constraint makes each cause raise one exception,
however often the checks run.

``exception_event``: who did what and when, append-only: raised, a status change, a note, an action
(reship, refund, replacement, compensation, cancel, with its amount and linked order), a new owner.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from orderapp.store.base import Base
from orderapp.store.types import UTCDateTime, utc_now


class OrderException(Base):
    __tablename__ = "order_exception"
    __table_args__ = (
        Index("ix_order_exception_is_open_queue_key", "is_open", "queue_key"),
        Index("ix_order_exception_order_id_is_open", "order_id", "is_open"),
        Index("ix_order_exception_opened_at", "opened_at"),
        Index("ix_order_exception_resolved_at", "resolved_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    order_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_line.id", ondelete="SET NULL"))
    family: Mapped[str] = mapped_column(String(16))
    type: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(16))
    owner: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(16), default="open")
    is_open: Mapped[bool] = mapped_column(Boolean, default=True)
    cause: Mapped[str] = mapped_column(Text, default="")  # what happened, a sentence
    resolution: Mapped[str] = mapped_column(Text, default="")
    priority_base: Mapped[int] = mapped_column(Integer, default=0)
    queue_key: Mapped[int] = mapped_column(BigInteger, default=0)
    source_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    opened_by: Mapped[str] = mapped_column(String(100), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class ExceptionEvent(Base):
    __tablename__ = "exception_event"
    __table_args__ = (Index("ix_exception_event_exception_id_id", "exception_id", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    exception_id: Mapped[int] = mapped_column(ForeignKey("order_exception.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    actor: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(16))  # raised | status | note | action | owner
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    action: Mapped[str | None] = mapped_column(String(16))  # domain.exception_rules.ActionType
    amount_cents: Mapped[int | None] = mapped_column(Integer)
    linked_order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    detail: Mapped[str] = mapped_column(Text, default="")
