"""Packing evidence (issue 16): what recording costs and what it gives.

- preview frames per second and decode time per frame of the real camera loop (CameraController on a
  paced 30 fps video), with recording off and on, alternated in the same run;
- the encoder's CPU share of one core at 1280x720 (thread CPU time over clip time), and the GUI
  thread's time per recorded frame (QImage to the recorder's queue);
- MB per minute of packing footage at the chosen settings (a desk with labels moving through and
  sensor noise), and how many of its frames still read as a barcode (a label stays readable);
- time to open the player on an order until its first picture is shown.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from common import ROOT, Row, benchmark

NAME = "evidence"
VIDEO_SECONDS = 6
ROUNDS = 2


def _footage(seconds: float, fps: int = 15) -> list:  # type: ignore[type-arg]
    """Frames like a packing bench: labels moving through the picture, a little sensor noise."""
    import cv2
    import numpy as np
    from barcode_media import barcode_image, desk, place

    from orderapp.domain.gtin import Symbology

    background = desk(5)
    codes = [barcode_image(code, Symbology.EAN13) for code in ("6901234567892", "4006381333931", "5012345678900")]
    rng = np.random.default_rng(1)
    noise = [rng.normal(0, 2.0, background.shape).astype(np.int16) for _ in range(8)]
    frames = []
    for number in range(int(seconds * fps)):
        code = codes[(number // (fps * 4)) % len(codes)]
        x = 200 + (number * 11) % 880
        y = 360 + int(60 * np.sin(number / 9))
        picture = place(background, code, centre=(x, y), angle=(number % 40) / 4 - 5)
        frames.append(np.clip(picture.astype(np.int16) + noise[number % len(noise)], 0, 255).astype(np.uint8))
        _ = cv2
    return frames


def _encoding() -> list[Row]:
    import cv2
    import zxingcpp

    from orderapp.scanning.recording import FRAME_RATE, ClipWriter, probe_clip

    seconds = 60
    frames = _footage(min(seconds, 20), FRAME_RATE)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "minute.ts"
        writer = ClipWriter(
            path, order_number="SO-123456", station="PACK-1", packer="Owner", started_at=datetime.now(UTC)
        )
        cpu = 0.0
        count = seconds * FRAME_RATE
        for number in range(count):
            started = time.thread_time()
            writer.write(frames[number % len(frames)], number * 1000 // FRAME_RATE)
            cpu += time.thread_time() - started
        facts = writer.close()
        size = path.stat().st_size
        read_frames, _last = probe_clip(path)
        capture = cv2.VideoCapture(str(path))
        readable = total = 0
        while True:
            ok, frame = capture.read()
            if not ok:
                break
            total += 1
            if total % 5 == 0:
                readable += bool(zxingcpp.read_barcodes(frame))
        capture.release()
        checked = total // 5
    share = cpu / seconds * 100
    return [
        Row(
            NAME,
            f"encoder CPU, 1280x720 at {FRAME_RATE} fps ({facts.codec})",
            share,
            "% of a core",
            "<= 15%",
            {"ms_per_frame": round(cpu / count * 1000, 2), "frames": count},
        ),
        Row(
            NAME,
            "clip size per minute of packing",
            size / 1_000_000 * 60 / seconds,
            "MB/min",
            "<= 5 MB/min",
            {"frames_read_back": read_frames, "codec": facts.codec},
        ),
        Row(NAME, "clip frames in which a label still reads", readable / max(checked, 1) * 100, "%", "label readable"),
    ]


class _TimedSource:
    def __init__(self, path: Path) -> None:
        from orderapp.scanning.camera import open_video

        self._source = open_video(path, paced=True)
        self.fps = self._source.fps

    def read(self):  # type: ignore[no-untyped-def]
        return self._source.read()

    def release(self) -> None:
        self._source.release()


def _camera_loop() -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from barcode_media import write_video
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtGui import QImage, QPixmap
    from PySide6.QtWidgets import QApplication, QLabel

    import orderapp.gui.camera_worker as camera_worker
    from orderapp.gui.evidence_recording import qimage_to_bgr
    from orderapp.scanning.decoding import FrameDecoder
    from orderapp.scanning.recording import Recorder

    app = QApplication.instance() or QApplication([])
    decode_ms: list[float] = []
    decode_cpu_ms: list[float] = []
    lock = threading.Lock()

    class _TimedDecoder(FrameDecoder):
        def decode(self, image):  # type: ignore[no-untyped-def]
            started, cpu = time.perf_counter(), time.thread_time()
            try:
                return super().decode(image)
            finally:
                with lock:
                    decode_ms.append((time.perf_counter() - started) * 1000)
                    decode_cpu_ms.append((time.thread_time() - cpu) * 1000)

    camera_worker.FrameDecoder = _TimedDecoder  # type: ignore[misc]
    results: dict[bool, dict[str, list[float]]] = {False: {}, True: {}}
    with tempfile.TemporaryDirectory() as tmp:
        video = write_video(Path(tmp) / "bench.avi", _footage(VIDEO_SECONDS, 30), fps=30)
        for round_no in range(ROUNDS * 2):
            recording = round_no % 2 == 1
            decode_ms.clear()
            decode_cpu_ms.clear()
            label = QLabel()
            label.resize(640, 360)
            label.show()
            shown: list[float] = []
            feed_ms: list[float] = []
            recorder = (
                Recorder(
                    Path(tmp) / f"clip-{round_no}.ts",
                    order_number="SO-1",
                    station="PACK-1",
                    packer="Owner",
                    started_at=datetime.now(UTC),
                )
                if recording
                else None
            )

            def show(image: QImage, label: QLabel = label, shown: list[float] = shown) -> None:
                label.setPixmap(
                    QPixmap.fromImage(image).scaled(
                        label.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
                    )
                )
                shown.append(time.perf_counter())

            def record(image: QImage, recorder: Recorder | None = recorder, feed_ms: list[float] = feed_ms) -> None:
                if recorder is not None and recorder.wants_frame():
                    started = time.perf_counter()
                    recorder.feed(qimage_to_bgr(image))
                    feed_ms.append((time.perf_counter() - started) * 1000)

            controller = camera_worker.CameraController()
            controller.frame.connect(show)
            controller.frame.connect(record)
            loop = QEventLoop()
            controller.lost.connect(lambda _message, loop=loop: loop.quit())
            controller.start_source(lambda: _TimedSource(video), is_camera=False)
            loop.exec()
            controller.stop()
            label.close()
            app.processEvents()
            fps = (len(shown) - 1) / (shown[-1] - shown[0]) if len(shown) > 1 else 0.0
            entry = results[recording]
            entry.setdefault("fps", []).append(fps)
            entry.setdefault("decode", []).append(statistics.median(decode_ms) if decode_ms else float("nan"))
            entry.setdefault("decode_cpu", []).append(
                statistics.median(decode_cpu_ms) if decode_cpu_ms else float("nan")
            )
            if recorder is not None:
                facts = recorder.finish()
                entry.setdefault("encoder_share", []).append(
                    recorder.encode_seconds / max(facts.duration_ms / 1000, 0.001) * 100
                )
                entry.setdefault("feed", []).append(statistics.median(feed_ms) if feed_ms else float("nan"))
                entry.setdefault("dropped", []).append(float(recorder.dropped))
    off, on = results[False], results[True]
    return [
        Row(NAME, "preview, recording off", statistics.median(off["fps"]), "fps", ">= 25 fps", {"rounds": off["fps"]}),
        Row(NAME, "preview, recording on", statistics.median(on["fps"]), "fps", ">= 25 fps", {"rounds": on["fps"]}),
        Row(
            NAME,
            "decode per frame, recording off",
            statistics.median(off["decode"]),
            "ms",
            "",
            {"rounds": off["decode"]},
        ),
        Row(
            NAME,
            "decode per frame, recording on",
            statistics.median(on["decode"]),
            "ms",
            "~ same as off",
            {"rounds": on["decode"]},
        ),
        Row(NAME, "decode CPU per frame, recording off", statistics.median(off["decode_cpu"]), "ms", ""),
        Row(NAME, "decode CPU per frame, recording on", statistics.median(on["decode_cpu"]), "ms", "~ same as off"),
        Row(
            NAME,
            "encoder thread CPU while packing (live)",
            statistics.median(on["encoder_share"]),
            "% of a core",
            "<= 15%",
            {"rounds": on["encoder_share"], "frames_dropped": on["dropped"]},
        ),
        Row(NAME, "GUI thread per recorded frame (copy to the recorder)", statistics.median(on["feed"]), "ms", ""),
    ]


def _player_open() -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from barcode_media import as_printed, sequence_video
    from evidence_packing import pack_from_video
    from packing_shop import OOLONG, TEA, make_packing_shop
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from orderapp.gui.evidence_player import EvidencePlayer
    from orderapp.services.settings.evidence import RecordingSettings, save_recording_settings
    from orderapp.store.opening import open_database

    app = QApplication.instance() or QApplication([])
    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(str(Path(tmp) / "shop.sqlite"))
        try:
            make_packing_shop(database)
            save_recording_settings(database, RecordingSettings(free_floor_mb=0))
            video = sequence_video(Path(tmp) / "p.avi", [as_printed(c) for c in ("SO-000001", TEA, OOLONG, TEA)])
            pack_from_video(database, video)
            for _ in range(5):
                started = time.perf_counter()
                player = EvidencePlayer(database, "SO-000001")
                player.show()
                loop = QEventLoop()
                player.frame_shown.connect(lambda _ms, loop=loop: loop.quit())
                QTimer.singleShot(10_000, loop.quit)
                loop.exec()
                times.append((time.perf_counter() - started) * 1000)
                player.close()
                app.processEvents()
        finally:
            database.dispose()
    return [
        Row(NAME, "open the player on an order to first picture", statistics.median(times), "ms", "", {"all": times})
    ]


@benchmark
def bench_evidence(args: argparse.Namespace) -> list[Row]:
    sys.path.insert(0, str(ROOT / "tests"))
    return _encoding() + _camera_loop() + _player_open()
