"""Packing videos for the demo shop: its last few packed orders get a short clip made from generated
footage of their own barcodes (the slip, then each item), with the scan marks, so a new user finds
"Play packing video" working at once. The clips go where the shop's clips go (beside the demo shop
file). A few seconds of work; nothing here needs a camera."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import cv2
import numpy as np
from sqlalchemy import select

from orderapp.scanning.recording import FRAME_RATE, ClipWriter, RecordingProblem, ScanMark
from orderapp.services.packing.evidence import finish_clip, start_clip
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Order, OrderEvent, OrderLine, ProductBarcode

log = logging.getLogger(__name__)

DEMO_CLIPS = 3
DEMO_STATION = "PACK-1"
_SIZE = (1280, 720)
_SHOW_S = 1.4  # each code in view
_GAP_S = 0.6
_MAX_ITEMS = 3


def _desk(seed: int) -> np.ndarray:
    width, height = _SIZE
    rng = np.random.default_rng(seed)
    x = np.linspace(0, 1, width, dtype=np.float32)
    y = np.linspace(0, 1, height, dtype=np.float32)[:, None]
    noise = cv2.GaussianBlur(rng.normal(0, 10, (height, width)).astype(np.float32), (0, 0), 4)
    base = 110 + 50 * x[None, :] + 30 * y + noise
    grey = np.clip(base, 0, 255).astype(np.uint8)
    return np.dstack([grey, np.clip(grey.astype(np.int16) + 12, 0, 255).astype(np.uint8), grey])


def _label(code: str, symbology: str) -> np.ndarray | None:
    import zxingcpp

    formats = {
        "ean13": zxingcpp.BarcodeFormat.EAN13,
        "ean8": zxingcpp.BarcodeFormat.EAN8,
        "upca": zxingcpp.BarcodeFormat.UPCA,
        "upce": zxingcpp.BarcodeFormat.UPCE,
    }
    try:
        barcode = zxingcpp.create_barcode(code, formats.get(symbology, zxingcpp.BarcodeFormat.Code128))
        image = np.asarray(barcode.to_image(scale=3, add_quiet_zones=True))
    except Exception:  # a code the writer refuses (e.g. a GTIN-14): that item is shown without a label
        return None
    return cv2.copyMakeBorder(image, 10, 10, 10, 10, cv2.BORDER_CONSTANT, value=255)


def _with_label(desk: np.ndarray, label: np.ndarray, x: int, y: int) -> np.ndarray:
    frame = desk.copy()
    height, width = label.shape[:2]
    x = min(max(0, x - width // 2), _SIZE[0] - width)
    y = min(max(0, y - height // 2), _SIZE[1] - height)
    frame[y : y + height, x : x + width] = label[:, :, None]
    return frame


def add_demo_clips(database: Database, count: int = DEMO_CLIPS) -> int:
    """Record clips for the ``count`` orders packed last; returns how many were made."""
    with database.session() as session:
        rows = session.execute(
            select(Order.id, Order.number, OrderEvent.at)
            .join(OrderEvent, OrderEvent.order_id == Order.id)
            .where(OrderEvent.to_status == "packed")
            .order_by(OrderEvent.at.desc(), OrderEvent.id.desc())
            .limit(count * 3)
        ).all()
        chosen: list[tuple[int, str, datetime, list[tuple[str, str]]]] = []
        for order_id, number, packed_at in rows:
            if any(item[0] == order_id for item in chosen):
                continue
            codes = session.execute(
                select(ProductBarcode.code, ProductBarcode.symbology, OrderLine.quantity)
                .join(OrderLine, OrderLine.product_id == ProductBarcode.product_id)
                .where(OrderLine.order_id == order_id, ProductBarcode.kind == "unit")
                .order_by(OrderLine.line_no)
            ).all()
            items = [(code, symbology) for code, symbology, quantity in codes for _ in range(min(quantity, 2))]
            chosen.append((order_id, number, packed_at, items[:_MAX_ITEMS]))
            if len(chosen) == count:
                break
    made = 0
    for seed, (_order_id, number, packed_at, items) in enumerate(chosen):
        try:
            if _record(database, number, packed_at, items, seed):
                made += 1
        except (RecordingProblem, OSError) as exc:
            log.warning("demo packing video for %s not made: %s", number, exc)
    return made


def _record(database: Database, number: str, packed_at: datetime, items: list[tuple[str, str]], seed: int) -> bool:
    shots = [(number, "code128"), *items]
    seconds = len(shots) * (_SHOW_S + _GAP_S) + _GAP_S
    started = packed_at - timedelta(seconds=seconds)
    start = start_clip(database, number, station=DEMO_STATION, user_id=DEFAULT_USER_ID, started_at=started)
    if start.path is None or start.clip_id is None:
        return False
    writer = ClipWriter(start.path, order_number=number, station=DEMO_STATION, packer=start.packer, started_at=started)
    desk = _desk(seed)
    offset = 0.0
    step = 1 / FRAME_RATE
    spots = [(640, 360), (560, 320), (720, 400), (600, 420)]

    def idle(until: float) -> None:
        nonlocal offset
        while offset < until:
            writer.write(desk, int(offset * 1000))
            offset += step

    for index, (code, symbology) in enumerate(shots):
        idle(offset + _GAP_S)
        label = _label(code, symbology)
        shown_until = offset + _SHOW_S
        cx, cy = spots[index % len(spots)]
        marked = False
        while offset < shown_until:
            drift = int((offset - shown_until + _SHOW_S) * 40)
            frame = _with_label(desk, label, cx + drift, cy) if label is not None else desk
            if not marked and offset >= shown_until - _SHOW_S / 2 and index > 0:
                writer.mark(ScanMark(int(offset * 1000), "accepted", code))
                marked = True
            writer.write(frame, int(offset * 1000))
            offset += step
    writer.mark(ScanMark(int(offset * 1000), "packed", number))
    idle(offset + _GAP_S)
    facts = writer.close(int(seconds * 1000))
    finish_clip(database, start.clip_id, facts, outcome="packed", ended_at=packed_at)
    return True
