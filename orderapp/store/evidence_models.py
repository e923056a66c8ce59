"""Packing evidence: one row per clip recorded at the packing station (issue 16).

An ``evidence_clip`` is one recording of one packing session: from opening the order to packing,
overriding or leaving it. ``status`` is ``recording`` while the camera records (or after a crash,
until the station recovers it), ``done`` once the file is closed and hashed, ``no_video`` when no
picture could be recorded (``note`` says why: no camera, folder full...), and ``expired`` when the
shop's retention rules deleted the file (the row stays so the order still tells what happened).

``order_number`` is kept as written on the clip, so a clip can be found and exported by its number
even if the order itself is gone. ``marks`` holds the scan marks as JSON (offsets in ms from the
clip's start).

``kind`` is ``packing`` for a packing session's clip, ``return`` for a parcel opened in the packing
station's returns mode (``return_id`` then names the return recorded while it ran, if one was).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from orderapp.store import packing_models, return_models  # noqa: F401 - the tables its keys refer to
from orderapp.store.base import Base
from orderapp.store.types import UTCDateTime, utc_now


class EvidenceClip(Base):
    __tablename__ = "evidence_clip"
    __table_args__ = (
        Index("ix_evidence_clip_order_number_started_at", "order_number", "started_at"),
        Index("ix_evidence_clip_started_at", "started_at"),
        Index("ix_evidence_clip_status_started_at", "status", "started_at"),
        Index("ix_evidence_clip_pack_session_id", "pack_session_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    order_number: Mapped[str] = mapped_column(String(64))
    pack_session_id: Mapped[int | None] = mapped_column(ForeignKey("pack_session.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16), default="packing", server_default="packing")  # packing | return
    return_id: Mapped[int | None] = mapped_column(ForeignKey("order_return.id", ondelete="SET NULL"))
    station: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16))  # recording | done | no_video | expired
    outcome: Mapped[str] = mapped_column(String(16), default="")  # packed | override | abandoned | ""
    file_path: Mapped[str] = mapped_column(Text, default="")
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    frames: Mapped[int] = mapped_column(Integer, default=0)
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)
    codec: Mapped[str] = mapped_column(String(16), default="")
    marks: Mapped[str] = mapped_column(Text, default="[]")
    note: Mapped[str] = mapped_column(Text, default="")
