"""The demo shop's people: the owner (no PIN, so the demo opens without signing in), a shopkeeper
and two packers, and the last two weeks' packing done by the packers, so the staff figures and the
audit have something to show. Called by the demo builder inside its one transaction."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Connection, Table, bindparam, insert, select, update

from orderapp.domain.staff import new_badge_code
from orderapp.i18n import _
from orderapp.store.bulk_rows import BulkRows
from orderapp.store.models import DEFAULT_USER_ID, OrderEvent, OrderLine, User
from orderapp.store.packing_models import PackScan, PackSession
from orderapp.store.staff_models import AuditEntry, StaffAccount

# name, role, PIN: 1111, 2222 and 3333, hashed ahead (scrypt is slow on purpose; the demo is built often)
DEMO_STAFF = (
    (
        "王芳 Wang Fang",
        "shopkeeper",
        "scrypt$16384$8$1$6f7264657261707031313131$b391a44a067de6aa99126f6603013f484893b8cb603774b3c9c3bd57f555e935",
    ),
    (
        "李娜 Li Na",
        "packer",
        "scrypt$16384$8$1$6f7264657261707032323232$c061d7b61dc4878697c3326c018eb12272fa6fbad6fc34c9f0e2cef64ca8f2b6",
    ),
    (
        "Tom",
        "packer",
        "scrypt$16384$8$1$6f7264657261707033333333$0b1bb32cb0449893809ec9ec22a70f453c6ddadd9a0eb411fda77506be518d10",
    ),
)
STATIONS = ("PACK-1", "PACK-2")
PACKING_DAYS = 14
WRONG_ITEM_SHARE = 0.04


def add_demo_staff(conn: Connection, now: datetime, *, seed: int = 1) -> dict[str, int]:
    """Add the demo's users and give its recent packing to the packers; returns their ids by name."""
    rng = random.Random(seed)
    ids: dict[str, int] = {}
    for name, role, pin_hash in DEMO_STAFF:
        user_id = conn.execute(
            insert(User).returning(User.id),
            {"username": name.split()[0].casefold(), "display_name": name, "active": True, "created_at": now},
        ).scalar_one()
        conn.execute(
            insert(StaffAccount),
            {
                "user_id": user_id,
                "role": role,
                "pin_hash": pin_hash,
                "wrong_pins": 0,
                "badge_code": new_badge_code(),
            },
        )
        ids[name] = user_id
        conn.execute(  # the owner added them: the audit log shows it
            insert(AuditEntry),
            {
                "at": now - timedelta(days=PACKING_DAYS + 1),
                "user_id": DEFAULT_USER_ID,
                "station": "FRONT-DESK",
                "action": "user_add",
                "object": _("user {name}").format(name=name),
                "before": "",
                "after": role,
            },
        )
    packers = [ids[name] for name, role, _pin in DEMO_STAFF if role == "packer"]
    events = conn.execute(
        select(OrderEvent.id, OrderEvent.order_id, OrderEvent.at)
        .where(OrderEvent.to_status == "packed", OrderEvent.at >= now - timedelta(days=PACKING_DAYS))
        .order_by(OrderEvent.id)
    ).all()
    if not events:
        return ids
    lines: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    order_ids = [event.order_id for event in events]
    for start in range(0, len(order_ids), 900):
        for line in conn.execute(
            select(OrderLine.order_id, OrderLine.id, OrderLine.product_id, OrderLine.quantity).where(
                OrderLine.order_id.in_(order_ids[start : start + 900])
            )
        ):
            lines[line.order_id].append((line.id, line.product_id, line.quantity))
    bulk = BulkRows(conn, now)
    stamp = bulk.stamp_time
    reassigned: list[dict[str, int]] = []
    sessions: list[tuple[int, int, str, object, object, str, None]] = []
    for event in events:
        packer = packers[event.order_id % len(packers)] if rng.random() < 0.85 else rng.choice(packers)
        reassigned.append({"e_id": event.id, "e_user": packer})
        minutes = rng.uniform(1.0, 3.5) if packer == packers[0] else rng.uniform(1.5, 6.0)
        station = STATIONS[packers.index(packer) % len(STATIONS)]
        started = stamp(event.at - timedelta(minutes=minutes))
        sessions.append((event.order_id, packer, station, started, stamp(event.at), "packed", None))
    conn.execute(
        update(OrderEvent).where(OrderEvent.id == bindparam("e_id")).values(user_id=bindparam("e_user")),
        reassigned,
    )
    session_ids = bulk.allocate_ids(_SESSIONS, len(sessions))
    bulk.insert(
        _SESSIONS,
        ("id", *_SESSION_COLUMNS),
        [(pack_id, *row) for pack_id, row in zip(session_ids, sessions, strict=True)],
    )
    scans: list[tuple[object, ...]] = []
    for pack_id, (order_id, user, place, _started, at, _outcome, _reason) in zip(session_ids, sessions, strict=True):
        for line_id, product_id, quantity in lines[order_id]:
            if rng.random() < WRONG_ITEM_SHARE:  # a wrong item caught before the right one
                scans.append((order_id, pack_id, at, user, place, "", None, "wedge", "not_on_order", None, None, 0))
            scans.append(
                (order_id, pack_id, at, user, place, "", None, "wedge", "accepted", product_id, line_id, quantity)
            )
    bulk.insert(_SCANS, _SCAN_COLUMNS, scans)
    return ids


_SESSIONS = cast(Table, PackSession.__table__)
_SCANS = cast(Table, PackScan.__table__)
_SESSION_COLUMNS = ("order_id", "user_id", "station", "started_at", "finished_at", "outcome", "override_reason")
_SCAN_COLUMNS = (
    "order_id",
    "pack_session_id",
    "at",
    "user_id",
    "station",
    "code",
    "symbology",
    "source",
    "outcome",
    "product_id",
    "order_line_id",
    "quantity",
)
