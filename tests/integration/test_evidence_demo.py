"""The demo shop's packing videos: its last packed orders have a clip of their own barcodes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import cv2
import zxingcpp

from orderapp.cli import main
from orderapp.demo import DemoSize, build_demo_shop
from orderapp.demo.packing_clips import add_demo_clips
from orderapp.domain.gtin import code_key
from orderapp.scanning.recording import probe_clip
from orderapp.services.packing.evidence import list_clips
from orderapp.store.opening import open_database


def test_the_demo_shop_holds_clips_of_its_last_packed_orders(tmp_path: Path) -> None:
    database = open_database(str(tmp_path / "demo-shop.sqlite"))
    try:
        build_demo_shop(database, DemoSize(products=30, customers=8, orders=60, days=5), now=datetime.now(UTC))
        assert add_demo_clips(database, 2) == 2
        clips = list_clips(database)
    finally:
        database.dispose()
    assert len(clips) == 2 and len({clip.order_number for clip in clips}) == 2
    for clip in clips:
        assert clip.status == "done" and clip.file is not None
        assert clip.file.parent.parent == tmp_path / "demo-shop-videos"
        frames, last_ms = probe_clip(clip.file)
        assert frames == clip.frames and last_ms == clip.duration_ms > 3000
        assert clip.marks[-1].outcome == "packed" and clip.marks[-1].code == clip.order_number
        assert all(mark.outcome == "accepted" for mark in clip.marks[:-1]) and len(clip.marks) >= 2
        capture = cv2.VideoCapture(str(clip.file))
        seen: set[str] = set()
        while True:
            ok, frame = capture.read()
            if not ok:
                break
            seen.update(result.text for result in zxingcpp.read_barcodes(frame))
        capture.release()
        assert clip.order_number in seen  # the slip, readable in the clip
        # each scanned item is in the picture, whichever form of its GTIN the reader gives
        assert {code_key(mark.code) for mark in clip.marks[:-1]} <= {code_key(code) for code in seen}
    out = tmp_path / "export"
    assert (
        main(
            [
                "evidence",
                "export",
                clips[0].order_number,
                "--out",
                str(out),
                "--database",
                str(tmp_path / "demo-shop.sqlite"),
            ]
        )
        == 0
    )
    assert main(["evidence", "verify", str(out)]) == 0
