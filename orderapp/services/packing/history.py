"""The packing history: recent pack sessions, newest first, with who packed what where, how it ended
and whether a video of it exists (issue 16: "Play packing video" from the packing history).

Paged by keyset on (started_at, id), so a page costs the same on a shop with a million orders as on
a new one; a search by order number goes through the order's own index. Returns frozen values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from orderapp.domain.order_numbers import order_id_from_number
from orderapp.i18n import _
from orderapp.store.database import Database
from orderapp.store.evidence_models import EvidenceClip
from orderapp.store.models import Order, User
from orderapp.store.packing_models import PackSession

PAGE = 50
MAX_PAGE = 500


@dataclass(frozen=True)
class HistoryCursor:
    """Where the next page starts: after the session that started at ``started_at`` with ``id``."""

    started_at: datetime
    id: int


@dataclass(frozen=True)
class PackHistoryRow:
    session_id: int
    order_id: int
    order_number: str
    packer: str
    station: str
    started_at: datetime
    ended_at: datetime | None
    result: str  # packed | overridden | left | open
    video: str  # video | recording | no_video | deleted | "" (nothing was recorded: switched off, or before videos)
    video_note: str  # why there is no video, when the record says

    @property
    def has_video(self) -> bool:
        return self.video == "video"


@dataclass(frozen=True)
class PackHistoryPage:
    rows: tuple[PackHistoryRow, ...]
    next: HistoryCursor | None  # None: this was the last page
    searched: str = ""  # the order number searched for ("" for every session)
    message: str = ""  # a sentence when the search found nothing


_RESULTS = {"packed": "packed", "override": "overridden", "abandoned": "left"}


def packing_history(
    database: Database, *, order: str = "", after: HistoryCursor | None = None, limit: int = PAGE
) -> PackHistoryPage:
    """One page of pack sessions, newest first (after ``after``); only those of the order numbered
    ``order`` ("SO-000123", "so123", "123") when it is given."""
    limit = max(1, min(limit, MAX_PAGE))
    text = order.strip()
    with database.session() as session:
        query = (
            select(
                PackSession.id,
                PackSession.order_id,
                Order.number,
                User.display_name,
                PackSession.station,
                PackSession.started_at,
                PackSession.finished_at,
                PackSession.outcome,
            )
            .join(Order, Order.id == PackSession.order_id)
            .join(User, User.id == PackSession.user_id)
            .order_by(PackSession.started_at.desc(), PackSession.id.desc())
            .limit(limit + 1)
        )
        if text:
            order_id = session.scalar(select(Order.id).where(Order.number == text.upper()))
            if order_id is None:
                order_id = order_id_from_number(text)
            if order_id is None:
                return PackHistoryPage(
                    (),
                    None,
                    text,
                    _("{text} is not an order number; type it as on the slip, e.g. SO-000123.").format(text=text),
                )
            query = query.where(PackSession.order_id == order_id)
        if after is not None:
            # "<=" first: a plain range on the started_at index, however deep the page
            query = query.where(
                PackSession.started_at <= after.started_at,
                or_(PackSession.started_at < after.started_at, PackSession.id < after.id),
            )
        found = session.execute(query).all()
        more = len(found) > limit
        found = found[:limit]
        videos = _videos(session, [row[0] for row in found])
    rows = tuple(
        PackHistoryRow(
            session_id=row[0],
            order_id=row[1],
            order_number=row[2],
            packer=row[3],
            station=row[4],
            started_at=row[5],
            ended_at=row[6],
            result=_RESULTS.get(row[7] or "", "open"),
            video=videos.get(row[0], ("", ""))[0],
            video_note=videos.get(row[0], ("", ""))[1],
        )
        for row in found
    )
    cursor = HistoryCursor(rows[-1].started_at, rows[-1].session_id) if more and rows else None
    message = ""
    if text and not rows and after is None:
        message = _("No packing of order {number} is recorded.").format(number=text.upper())
    return PackHistoryPage(rows, cursor, text, message)


def _videos(session: Session, session_ids: list[int]) -> dict[int, tuple[str, str]]:
    """For each pack session, whether it has a playable clip (``video``), one being recorded now
    (``recording``), only a record saying why not (``no_video``), or a clip since deleted (``deleted``)."""
    if not session_ids:
        return {}
    best: dict[int, tuple[str, str]] = {}
    rank = {"done": 3, "recording": 2, "expired": 1, "no_video": 0}
    found = session.execute(
        select(EvidenceClip.pack_session_id, EvidenceClip.status, EvidenceClip.note).where(
            EvidenceClip.pack_session_id.in_(session_ids)
        )
    ).all()
    chosen: dict[int, str] = {}
    for session_id, status, note in found:
        if session_id is None:
            continue
        if session_id in chosen and rank.get(chosen[session_id], 0) >= rank.get(status, 0):
            continue
        chosen[session_id] = status
        video = {"done": "video", "expired": "deleted", "recording": "recording"}.get(status, "no_video")
        best[session_id] = (video, note or "")
    return best
