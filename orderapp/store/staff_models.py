"""Staff accounts and the audit log (staff capability).

``staff_account`` adds to a user (``app_user``) what signing in needs: the role, the PIN as a
salted scrypt hash (NULL: no PIN, as the demo's owner), the run of wrong PINs and the lock, the
last sign-in and the staff badge's code. ``audit_entry`` is append-only: one row per sensitive
action, with the value before and after as text (JSON where it has several fields).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from orderapp.store.base import Base
from orderapp.store.types import UTCDateTime, utc_now


class StaffAccount(Base):
    __tablename__ = "staff_account"
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))  # domain.staff.Role
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    wrong_pins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    badge_code: Mapped[str] = mapped_column(String(32), unique=True)


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_at_id", "at", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    station: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32), index=True)  # services.audit.Action
    object: Mapped[str] = mapped_column(String(200))  # "setting shop.name", "product SKU-1", "order A-12"
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
