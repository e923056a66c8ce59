"""Customer tags and merges (customers capability; the customer table itself is in ``models``).

``customer_tag``: one tag on one customer (``vip``, ``risk`` or the shop's own words), which the
customers screen shows and the exceptions' priority reads (``services.customer_tags``).

``customer_merge``: one duplicate folded into the customer kept: the removed customer's details as
they were (JSON), and how many rows of each table were moved, so a merge loses nothing and can be
traced.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from orderapp.store.base import Base
from orderapp.store.types import UTCDateTime, utc_now


class CustomerTag(Base):
    __tablename__ = "customer_tag"
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(32), primary_key=True)


class CustomerMerge(Base):
    __tablename__ = "customer_merge"
    id: Mapped[int] = mapped_column(primary_key=True)
    kept_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    merged_id: Mapped[int] = mapped_column(Integer)  # the removed customer's id
    merged_details: Mapped[str] = mapped_column(Text)  # the removed customer as JSON
    moved: Mapped[str] = mapped_column(Text, default="")  # "orders=3 order_draft=1 ..."
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
