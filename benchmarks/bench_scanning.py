"""Scanning benchmarks, measured fairly (``python benchmarks/run.py scanning``):

- read rate on the DEV photos (../shared/barcode-samples), per folder and overall, with the wrong retail
  codes each reader reports: the app's cascade (``decode_image_file``, what ``orderapp decode`` uses),
  what each cascade step adds, the camera pipeline (the photo held for 6 frames), raw zxing-cpp and raw
  pyzbar;
- decode time per 1280x720 frame made from the DEV photos (each photo held on the desk) and of the
  empty desk, against raw zxing-cpp on the same grey frame (the baseline gets the app's input);
- the CPU the second look takes while nothing is read (its budget: a quarter of one core);
- frame to accepted scan on the GUI thread through CameraController, from a paced 30 fps video, each
  scan paired with the showing it belongs to by code and order (never by position in a list);
- preview frames shown per second meanwhile;
- presentations in generated footage with varied conditions (blur, light, noise, motion, size, hold
  times; 720p and 1080p), replayed through the packing pipeline: accepted, extra counts, codes
  accepted that were not shown. Seeds differ from the tests'. A "hard" set (small, blurred, dim,
  moving codes) is reported beside it: its misses are decoding limits, its wrong codes must stay 0.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import ROOT, Row, benchmark

SAMPLES = ROOT.parent / "shared" / "barcode-samples"
IMAGE_SUFFIXES = {".png", ".webp", ".jpg", ".jpeg"}
NAME = "scanning"
sys.path.insert(0, str(ROOT / "tests"))


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _samples() -> list[tuple[str, Path, str]]:
    found = []
    for folder in sorted(p for p in SAMPLES.iterdir() if p.is_dir()):
        for image in sorted(folder.iterdir()):
            expected = image.with_suffix(".txt")
            if image.suffix.lower() in IMAGE_SUFFIXES and expected.exists():
                found.append((folder.name, image, expected.read_bytes().decode("utf-8")))
    return found


def _matches(text: str, expected: str) -> bool:
    from orderapp.scanning.gtin_forms import gtin_key

    return text == expected or gtin_key(text) == gtin_key(expected)


def _read_rates() -> list[Row]:
    import cv2
    import zxingcpp
    from pyzbar import pyzbar

    from orderapp.domain.gtin import is_valid_gtin
    from orderapp.scanning.agreement import without_disputes
    from orderapp.scanning.decoding import (
        DEFAULT_SYMBOLOGIES,
        _zbar_symbols,
        _zxing_formats,
        decode_image_file,
        enhanced,
        load_grey_image,
        load_zbar,
        read_zbar,
        read_zxing,
    )
    from orderapp.scanning.pipeline import FramePipeline

    formats = _zxing_formats(DEFAULT_SYMBOLOGIES)
    zbar = load_zbar()
    symbols = _zbar_symbols(zbar, DEFAULT_SYMBOLOGIES) if zbar is not None else []

    def camera(image_path: Path) -> list[str]:
        """The photo held in front of the camera for half a second: the codes the station accepts."""
        image = cv2.imread(str(image_path))
        with FramePipeline(background=False) as pipeline:
            return [scan.code for number in range(15) for scan in pipeline.feed(image, number / 30).scans]

    def step1(path: Path) -> list[str]:
        return [d.text for d in without_disputes(read_zxing(load_grey_image(path), formats, DEFAULT_SYMBOLOGIES))]

    def step2(path: Path) -> list[str]:
        grey = load_grey_image(path)
        image, scale = enhanced(grey)
        found = without_disputes(read_zxing(grey, formats, DEFAULT_SYMBOLOGIES))
        return [d.text for d in found or without_disputes(read_zxing(image, formats, DEFAULT_SYMBOLOGIES, scale=scale))]

    def zbar_enhanced(path: Path) -> list[str]:
        if zbar is None:
            return []
        image, scale = enhanced(load_grey_image(path))
        return [d.text for d in read_zbar(zbar, image, symbols, scale=scale)]

    def raw_zbar(image_path: Path) -> list[str]:
        grey = cv2.imread(str(image_path), cv2.IMREAD_GRAYSCALE)
        return [r.data.decode("utf-8", "replace") for r in pyzbar.decode(grey)]

    def raw_zxing(image_path: Path) -> list[str]:
        grey = cv2.imread(str(image_path), cv2.IMREAD_GRAYSCALE)
        return [r.text for r in zxingcpp.read_barcodes(grey, formats=formats)]

    readers = {
        "cascade (file, orderapp decode)": lambda p: [d.text for d in decode_image_file(p)],
        "cascade step 1: zxing-cpp": step1,
        "cascade steps 1-2: + zxing-cpp on CLAHE 2x": step2,
        "ZBar alone on CLAHE 2x (step 3's reader)": zbar_enhanced,
        "pipeline (camera: decoding and acceptance, 0.5 s)": camera,
        "raw zxing-cpp": raw_zxing,
        "raw pyzbar": raw_zbar,
    }
    samples = _samples()
    folders = sorted({folder for folder, _, _ in samples})
    results: dict[str, dict[str, list[bool]]] = {name: {f: [] for f in folders} for name in readers}
    missed: dict[str, list[str]] = {name: [] for name in readers}
    wrong: dict[str, list[str]] = {name: [] for name in readers}
    for folder, image, expected in samples:
        for name, read in readers.items():
            texts = read(image)
            ok = any(_matches(t, expected) for t in texts)
            results[name][folder].append(ok)
            if not ok:
                missed[name].append(f"{folder}/{image.name}")
            for text in texts:
                if not _matches(text, expected) and text.isdigit() and is_valid_gtin(text):
                    wrong[name].append(f"{folder}/{image.name}: {text}")
    rows = []
    for folder in folders:
        for name in (
            "cascade (file, orderapp decode)",
            "pipeline (camera: decoding and acceptance, 0.5 s)",
            "raw zxing-cpp",
        ):
            rate = 100 * statistics.fmean(results[name][folder])
            rows.append(Row(NAME, f"read {folder} ({len(results[name][folder])}): {name}", rate, "%"))
    for name in readers:
        flat = [ok for oks in results[name].values() for ok in oks]
        goal = ">= 97.7%" if name.startswith("cascade (file") else ""
        rows.append(
            Row(
                NAME,
                f"read all DEV ({len(flat)}): {name}",
                100 * statistics.fmean(flat),
                "%",
                goal,
                {"missed": missed[name], "wrong_retail_codes": wrong[name]},
            )
        )
        rows.append(
            Row(
                NAME,
                f"wrong retail codes on DEV: {name}",
                len(wrong[name]),
                "codes",
                "0" if name.startswith(("cascade (file", "pipeline")) else "",
            )
        )
    return rows


def _photo_frames() -> list[tuple[str, object]]:
    """1280x720 grey frames: each DEV photo held on the desk, plus the empty desk."""
    import cv2
    from barcode_media import desk, photo_frame

    frames = []
    for number, (folder, image, _expected) in enumerate(_samples()):
        frames.append((f"{folder}/{image.name}", cv2.cvtColor(photo_frame(image, seed=number), cv2.COLOR_BGR2GRAY)))
    frames.append(("empty desk", cv2.cvtColor(desk(seed=3), cv2.COLOR_BGR2GRAY)))
    return frames


def _decode_times(rounds: int) -> list[Row]:
    import zxingcpp

    from orderapp.scanning.decoding import DEFAULT_SYMBOLOGIES, FrameDecoder, _zxing_formats

    formats = _zxing_formats(DEFAULT_SYMBOLOGIES)
    frames = _photo_frames()
    rows = []
    groups = {"DEV photos on the desk": frames[:-1], "the empty desk": frames[-1:] * 10}
    for label, group in groups.items():
        # The app's decoder as in the camera loop (second look on its thread within its budget, one
        # frame every 33 ms); raw zxing-cpp gets the same grey frame, alternately, so both see the
        # same machine load.
        decoder = FrameDecoder()
        ours: list[float] = []
        raw: list[float] = []
        try:
            for _ in range(rounds):
                for number, (_name, grey) in enumerate(group):
                    # Which goes first alternates, so neither always meets a busier moment.
                    for turn in (0, 1) if number % 2 else (1, 0):
                        started = time.perf_counter()
                        if turn == 0:
                            decoder.decode(grey)
                            ours.append((time.perf_counter() - started) * 1000)
                        else:
                            zxingcpp.read_barcodes(grey, formats=formats, text_mode=zxingcpp.TextMode.Plain)
                            raw.append((time.perf_counter() - started) * 1000)
                    time.sleep(max(0.0, 1 / 30 - (ours[-1] + raw[-1]) / 1000))
        finally:
            decoder.close()
        ratio = statistics.median(ours) / statistics.median(raw)
        detail = {
            "p90_ms": round(_p(ours, 0.9), 2),
            "mean_ms": round(statistics.fmean(ours), 2),
            "raw_zxing_median_ms": round(statistics.median(raw), 2),
            "raw_zxing_p90_ms": round(_p(raw, 0.9), 2),
            "mean_ratio": round(statistics.fmean(ours) / statistics.fmean(raw), 2),
            "frames": len(ours),
        }
        rows.append(Row(NAME, f"decode 1280x720, {label}: pipeline median", statistics.median(ours), "ms", "", detail))
        rows.append(Row(NAME, f"decode 1280x720, {label}: raw zxing-cpp median", statistics.median(raw), "ms"))
        rows.append(Row(NAME, f"decode 1280x720, {label}: pipeline / raw zxing-cpp", ratio, "x", "<= 1.2x"))
    return rows


def _second_look_budget(seconds: float) -> list[Row]:
    """The second look's share of one core while nothing is read: its own time over the wall time,
    and the process's CPU beyond what raw zxing-cpp takes on the same frames."""
    import zxingcpp

    from orderapp.scanning.decoding import DEFAULT_SYMBOLOGIES, FrameDecoder, _zxing_formats

    grey = _photo_frames()[-1][1]
    formats = _zxing_formats(DEFAULT_SYMBOLOGIES)

    def paced(work) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        started, cpu = time.perf_counter(), time.process_time()
        frame = 0
        while time.perf_counter() - started < seconds:
            work()
            frame += 1
            time.sleep(max(0.0, started + frame / 30 - time.perf_counter()))
        return time.perf_counter() - started, time.process_time() - cpu

    decoder = FrameDecoder()
    try:
        started = time.perf_counter()
        _wall, cpu = paced(lambda: decoder.decode(grey))
        decoder.wait_for_second_opinion()
        decoder.decode(grey)  # collects the last look
        wall = time.perf_counter() - started  # until the last look ended: all of its time is inside
        looks, look_seconds = decoder.looks, decoder.look_seconds
    finally:
        decoder.close()
    raw_wall, raw_cpu = paced(lambda: zxingcpp.read_barcodes(grey, formats=formats))
    return [
        Row(
            NAME,
            "second look while nothing is read, 720p: its time / wall time",
            100 * look_seconds / wall,
            "% of a core",
            "<= 25%",
            {"looks": looks, "seconds": round(wall, 1)},
        ),
        Row(
            NAME,
            "second look while nothing is read, 720p: process CPU beyond raw zxing-cpp",
            100 * (cpu / wall - raw_cpu / raw_wall),
            "% of a core",
            "<= 25%",
            {"pipeline_cpu_s": round(cpu, 2), "raw_cpu_s": round(raw_cpu, 2)},
        ),
    ]


class _TimedSource:
    """A paced video whose reads are timestamped, so latency counts from the frame's arrival."""

    def __init__(self, path: Path) -> None:
        from orderapp.scanning.camera import open_video

        self._source = open_video(path, paced=True)
        self.fps = self._source.fps
        self.read_at: list[float] = []
        self._lock = threading.Lock()

    def read(self):  # type: ignore[no-untyped-def]
        frame = self._source.read()
        if frame is not None:
            with self._lock:
                self.read_at.append(time.perf_counter())
        return frame

    def release(self) -> None:
        self._source.release()


def _camera_loop() -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from barcode_media import sequence_video
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtGui import QImage, QPixmap
    from PySide6.QtWidgets import QApplication, QLabel

    from orderapp.domain.gtin import Symbology
    from orderapp.gui.camera_worker import CameraController

    app = QApplication.instance() or QApplication([])
    codes = [
        ("6901234567892", Symbology.EAN13),
        ("036000291452", Symbology.UPCA),
        ("96385074", Symbology.EAN8),
        ("ORD-7K2Q", Symbology.CODE128),
        ("04252614", Symbology.UPCE),
        ("6901234567892", Symbology.EAN13),
    ] * 3
    gap, each = 15, 20
    with tempfile.TemporaryDirectory() as tmp:
        video = sequence_video(Path(tmp) / "scan.avi", codes, frames_each=each, gap_frames=gap)
        first_frame_of = [gap + n * (each + gap) for n in range(len(codes))]
        holder: list[_TimedSource] = []

        def opener() -> _TimedSource:
            holder.append(_TimedSource(video))
            return holder[-1]

        label = QLabel()
        label.resize(640, 360)
        label.show()
        shown: list[float] = []
        scanned_at: list[tuple[str, float]] = []

        def show(image: QImage) -> None:
            label.setPixmap(
                QPixmap.fromImage(image).scaled(
                    label.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
                )
            )
            shown.append(time.perf_counter())

        controller = CameraController()
        controller.frame.connect(show)
        controller.scanned.connect(lambda scan: scanned_at.append((scan.code, time.perf_counter())))
        loop = QEventLoop()
        controller.lost.connect(lambda _message: loop.quit())
        controller.start_source(opener, is_camera=False)
        loop.exec()
        controller.stop()
        label.close()
        app.processEvents()
    source = holder[0]
    # Pair each scan with its showing: scans come in showing order, each must name the code shown
    # and arrive after that showing's first frame was read. A scan that fits no showing is unpaired.
    latencies: list[float] = []
    unpaired: list[str] = []
    showing = 0
    for code, at in scanned_at:
        while showing < len(codes) and (codes[showing][0] != code or first_frame_of[showing] >= len(source.read_at)):
            showing += 1
        if showing == len(codes) or at < source.read_at[first_frame_of[showing]]:
            unpaired.append(code)
            continue
        latencies.append((at - source.read_at[first_frame_of[showing]]) * 1000)
        showing += 1
    frames = len(source.read_at)
    source_fps = (frames - 1) / (source.read_at[-1] - source.read_at[0])
    preview_fps = (len(shown) - 1) / (shown[-1] - shown[0]) if len(shown) > 1 else 0.0
    return [
        Row(
            NAME,
            "frame read to scanned signal: median",
            statistics.median(latencies) if latencies else float("nan"),
            "ms",
            "<= 100 ms",
            {
                "max_ms": round(max(latencies), 1) if latencies else None,
                "all_ms": [round(v, 1) for v in latencies],
                "paired": len(latencies),
                "showings": len(codes),
                "unpaired_scans": unpaired,
            },
        ),
        Row(NAME, "frame read to scanned signal: max", max(latencies) if latencies else float("nan"), "ms"),
        Row(
            NAME,
            "preview while decoding a 30 fps source",
            preview_fps,
            "fps",
            ">= 25 fps",
            {"source_fps": round(source_fps, 2), "frames_read": frames, "previews_shown": len(shown)},
        ),
    ]


def _footage_showings(seed: int, count: int, *, size: tuple[int, int], hard: bool) -> list[object]:
    import numpy as np
    from barcode_media import Showing

    from orderapp.domain.gtin import Symbology

    codes = [
        ("6901234567892", Symbology.EAN13),
        ("5012345678900", Symbology.EAN13),
        ("036000291452", Symbology.UPCA),
        ("96385074", Symbology.EAN8),
        ("40123455", Symbology.EAN8),
        ("04252614", Symbology.UPCE),
        ("01234565", Symbology.UPCE),
        ("ORD-7K2Q", Symbology.CODE128),
        ("SO-000361", Symbology.CODE128),
        ("茶叶 Oolong", Symbology.QR),
    ]
    rng = np.random.default_rng(seed)
    larger = 1 if size[0] > 1280 else 0  # the same item fills more pixels at 1080p
    showings = []
    for _ in range(count):
        code = codes[int(rng.integers(len(codes)))]
        if hard:
            conditions = {
                "module_px": int(rng.integers(2, 4)) + larger,
                "blur": float(rng.uniform(1.0, 1.8)),
                "light": float(rng.choice([0.45, 0.6, 1.4])),
                "noise": float(rng.uniform(4, 10)),
                "motion_px": float(rng.integers(2, 6)),
            }
        else:
            conditions = {
                "module_px": int(rng.integers(2, 5)) + larger,
                "blur": float(rng.choice([0.0, 0.5, 0.8, 1.1])),
                "light": float(rng.choice([0.5, 0.75, 1.0, 1.3])),
                "noise": float(rng.choice([0.0, 3.0, 6.0])),
                "motion_px": float(rng.choice([0.0, 1.0, 2.0])),
            }
        showings.append(
            Showing(
                code,
                hold_s=float(rng.choice([0.8, 1.5, 3.0, 10.0], p=[0.35, 0.35, 0.2, 0.1])),
                gap_s=float(rng.uniform(0.5, 1.0)),
                dropouts=float(rng.choice([0.0, 0.15, 0.3])),
                angle=float(rng.uniform(-12, 12)),
                **conditions,  # type: ignore[arg-type]
            )
        )
    return showings


def _footage(sets: list[tuple[str, int, int, tuple[int, int], bool]]) -> list[Row]:
    from barcode_media import showing_spans, write_footage

    from orderapp.scanning.pipeline import replay_video

    rows = []
    for label, seed, count, size, hard in sets:
        showings = _footage_showings(seed, count, size=size, hard=hard)
        with tempfile.TemporaryDirectory() as tmp:
            video = write_footage(Path(tmp) / "footage.avi", showings, size=size, seed=seed)  # type: ignore[arg-type]
            started = time.perf_counter()
            scans = list(replay_video(video))
            took = time.perf_counter() - started
        spans = showing_spans(showings)  # type: ignore[arg-type]
        accepted = extra = 0
        not_shown: list[str] = []
        missed: list[str] = []
        for showing, (first, last) in zip(showings, spans, strict=True):
            inside = [t for t in scans if first - 0.01 <= t.seconds <= last + 0.01]
            right = [t for t in inside if _matches(t.scan.code, showing.code[0])]  # type: ignore[attr-defined]
            accepted += bool(right)
            extra += max(0, len(right) - 1)
            not_shown += [f"{t.seconds:.2f}s {t.scan.code}" for t in inside if t not in right]
            if not right:
                missed.append(repr(showing))
        not_shown += [
            f"{t.seconds:.2f}s {t.scan.code}"
            for t in scans
            if not any(first - 0.01 <= t.seconds <= last + 0.01 for first, last in spans)
        ]
        goal = not hard
        video_s = spans[-1][1] + showings[-1].gap_s  # type: ignore[attr-defined]
        rows += [
            Row(
                NAME,
                f"footage {label}: presentations accepted",
                100 * accepted / len(showings),
                "%",
                ">= 95%" if goal else "",
                {"showings": len(showings), "missed": missed, "video_s": round(video_s, 1), "replay_s": round(took, 1)},
            ),
            Row(NAME, f"footage {label}: extra counts", extra, "counts", "0"),
            Row(
                NAME,
                f"footage {label}: codes accepted that were not shown",
                len(not_shown),
                "codes",
                "0",
                {"codes": not_shown},
            ),
        ]
    return rows


@benchmark
def bench_scanning(args: argparse.Namespace) -> list[Row]:
    rows: list[Row] = []
    if SAMPLES.is_dir():
        rows += _read_rates()
        rows += _decode_times(max(3, 2 * args.repeat))
    else:
        print(f"{SAMPLES} is absent: read rates and photo frames skipped", file=sys.stderr)
    rows += _second_look_budget(8.0)
    rows += _camera_loop()
    rows += _footage(
        [
            ("720p varied (3 x 14 showings)", 2001, 14, (1280, 720), False),
            ("720p varied, second set", 2002, 14, (1280, 720), False),
            ("720p varied, third set", 2003, 14, (1280, 720), False),
            ("1080p varied (10 showings)", 2004, 10, (1920, 1080), False),
            ("720p hard (8 showings)", 2005, 8, (1280, 720), True),
        ]
    )
    return rows
