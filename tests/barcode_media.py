"""Barcode pictures and videos the scanning tests and benchmarks make for themselves.

Codes come from zxing-cpp's writer; frames are composed with OpenCV on a textured 1280x720 "desk";
videos are MJPG .avi written with cv2.VideoWriter, the format the pip OpenCV wheel reads back.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import zxingcpp

from orderapp.domain.gtin import Symbology

FRAME_SIZE = (1280, 720)
_FORMAT = {
    Symbology.EAN8: zxingcpp.BarcodeFormat.EAN8,
    Symbology.EAN13: zxingcpp.BarcodeFormat.EAN13,
    Symbology.UPCA: zxingcpp.BarcodeFormat.UPCA,
    Symbology.UPCE: zxingcpp.BarcodeFormat.UPCE,
    Symbology.CODE128: zxingcpp.BarcodeFormat.Code128,
    Symbology.QR: zxingcpp.BarcodeFormat.QRCode,
    Symbology.GTIN14: zxingcpp.BarcodeFormat.ITF,
}


_GTIN_BY_LENGTH = {8: Symbology.EAN8, 12: Symbology.UPCA, 13: Symbology.EAN13}


def as_printed(text: str) -> tuple[str, Symbology]:
    """``text`` with the symbology a shop prints it in: GTINs as EAN/UPC, anything else (an order
    number on a slip) as Code 128."""
    if text.isdigit() and len(text) in _GTIN_BY_LENGTH:
        return text, _GTIN_BY_LENGTH[len(text)]
    return text, Symbology.CODE128


def barcode_image(text: str, symbology: Symbology, *, module_px: int = 3) -> np.ndarray:
    """The code as grey pixels with its quiet zones, ``module_px`` pixels per bar module."""
    barcode = zxingcpp.create_barcode(text, _FORMAT[symbology])
    return np.asarray(barcode.to_image(scale=module_px, add_quiet_zones=True)).copy()


def desk(seed: int = 0, size: tuple[int, int] = FRAME_SIZE) -> np.ndarray:
    """A plain but not blank BGR background: soft gradients and noise, like a packing table."""
    width, height = size
    rng = np.random.default_rng(seed)
    x = np.linspace(0, 1, width, dtype=np.float32)
    y = np.linspace(0, 1, height, dtype=np.float32)[:, None]
    base = 90 + 60 * x[None, :] + 40 * y
    noise = cv2.GaussianBlur(rng.normal(0, 12, (height, width)).astype(np.float32), (0, 0), 3)
    grey = np.clip(base + noise, 0, 255).astype(np.uint8)
    tint = np.stack([grey, np.clip(grey.astype(np.int16) + 10, 0, 255).astype(np.uint8), grey], axis=2)
    return tint


def place(
    frame: np.ndarray, code: np.ndarray, *, centre: tuple[int, int] | None = None, angle: float = 0.0, blur: int = 0
) -> np.ndarray:
    """``frame`` with the code pasted on (on its white label), rotated ``angle`` degrees and blurred."""
    out = frame.copy()
    label = cv2.copyMakeBorder(code, 8, 8, 8, 8, cv2.BORDER_CONSTANT, value=255)
    if angle:
        h, w = label.shape
        diagonal = int(np.ceil(np.hypot(h, w)))
        canvas = np.zeros((diagonal, diagonal), np.uint8)
        mask = np.zeros_like(canvas)
        oy, ox = (diagonal - h) // 2, (diagonal - w) // 2
        canvas[oy : oy + h, ox : ox + w] = label
        mask[oy : oy + h, ox : ox + w] = 255
        rotation = cv2.getRotationMatrix2D((diagonal / 2, diagonal / 2), angle, 1.0)
        label = cv2.warpAffine(canvas, rotation, (diagonal, diagonal), flags=cv2.INTER_LINEAR)
        mask = cv2.warpAffine(mask, rotation, (diagonal, diagonal), flags=cv2.INTER_NEAREST)
    else:
        mask = np.full_like(label, 255)
    if blur:
        label = cv2.GaussianBlur(label, (0, 0), blur)
    h, w = label.shape
    fh, fw = out.shape[:2]
    cx, cy = centre if centre is not None else (fw // 2, fh // 2)
    x0, y0 = max(0, cx - w // 2), max(0, cy - h // 2)
    x1, y1 = min(fw, x0 + w), min(fh, y0 + h)
    patch = label[: y1 - y0, : x1 - x0]
    keep = mask[: y1 - y0, : x1 - x0] > 0
    region = out[y0:y1, x0:x1]
    region[keep] = patch[keep][:, None]
    return out


@dataclass(frozen=True)
class Shot:
    """``frames`` frames showing ``code`` (None: the empty desk)."""

    code: tuple[str, Symbology] | None
    frames: int
    centre: tuple[int, int] | None = None
    angle: float = 0.0


def frames_for(shots: Iterable[Shot], *, seed: int = 0, module_px: int = 3) -> Iterable[np.ndarray]:
    background = desk(seed)
    images: dict[tuple[str, Symbology], np.ndarray] = {}
    for shot in shots:
        if shot.code is None:
            picture = background
        else:
            if shot.code not in images:
                images[shot.code] = barcode_image(*shot.code, module_px=module_px)
            picture = place(background, images[shot.code], centre=shot.centre, angle=shot.angle)
        for _ in range(shot.frames):
            yield picture


def write_video(path: Path, frames: Iterable[np.ndarray], *, fps: float = 30.0) -> Path:
    """An MJPG .avi of ``frames`` (all the same size, BGR)."""
    writer: cv2.VideoWriter | None = None
    try:
        for frame in frames:
            if writer is None:
                height, width = frame.shape[:2]
                writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (width, height))
                if not writer.isOpened():
                    raise RuntimeError(f"OpenCV cannot write {path}")
            writer.write(frame)
    finally:
        if writer is not None:
            writer.release()
    return path


_MADE: dict[tuple[object, ...], Path] = {}
_STORE: list[Path] = []  # the folder of the videos kept, made when the first one is


def _made_once(key: tuple[object, ...], path: Path, make: Callable[[], Path]) -> Path:
    """``make()`` writes the video to ``path``; a video already made in this process with the same
    ``key`` (all that decides its content: it is deterministic) is copied to ``path`` instead. Many
    tests (the evidence ones, say) film the same packing in each of their fixtures."""
    kept = _MADE.get(key)
    if kept is not None and kept.is_file():
        shutil.copyfile(kept, path)
        return path
    make()
    if not _STORE:
        _STORE.append(Path(tempfile.mkdtemp(prefix="orderapp-test-videos-")))
        atexit.register(shutil.rmtree, _STORE[0], True)
    kept = _STORE[0] / f"{len(_MADE)}{path.suffix}"
    shutil.copyfile(path, kept)
    _MADE[key] = kept
    return path


def sequence_video(
    path: Path,
    codes: Sequence[tuple[str, Symbology]],
    *,
    frames_each: int = 12,
    gap_frames: int = 15,
    fps: float = 30.0,
) -> Path:
    """A video that shows each code in turn, with the empty desk before, between and after them,
    each code a little elsewhere in the frame like a hand would hold it. The default gap (0.5 s at
    30 fps) is longer than the camera's re-arm time, so the same code shown twice counts twice."""
    shots: list[Shot] = [Shot(None, gap_frames)]
    spots = [(640, 360), (560, 330), (720, 400), (600, 420), (700, 300)]
    for number, code in enumerate(codes):
        shots.append(Shot(code, frames_each, centre=spots[number % len(spots)], angle=(number % 3 - 1) * 4.0))
        shots.append(Shot(None, gap_frames))
    key = ("sequence", path.suffix.lower(), tuple(shots), fps)
    return _made_once(key, path, lambda: write_video(path, frames_for(shots), fps=fps))


# --- Footage with varied conditions: what a webcam at a packing table sees --------------------------


@dataclass(frozen=True)
class Showing:
    """One presentation of a code to the camera, and the conditions it is filmed in.

    ``hold_s`` in view, then ``gap_s`` of empty table. ``module_px`` is the code's size, ``blur`` the
    focus blur (Gaussian sigma, pixels), ``light`` a gain on the whole picture (0.4 dim, 1.6 glare),
    ``noise`` sensor noise (sigma), ``motion_px`` how far the item moves per frame (with matching
    motion blur), ``dropouts`` the share of frames smeared beyond reading (a shaken item), ``angle``
    its tilt in degrees.
    """

    code: tuple[str, Symbology]
    hold_s: float = 1.0
    gap_s: float = 0.6
    module_px: int = 3
    blur: float = 0.0
    light: float = 1.0
    noise: float = 0.0
    motion_px: float = 0.0
    dropouts: float = 0.0
    angle: float = 0.0


def _label(code: tuple[str, Symbology], module_px: int, angle: float) -> tuple[np.ndarray, np.ndarray]:
    """The code on its white label, rotated, with the mask of the label's pixels."""
    label = cv2.copyMakeBorder(barcode_image(*code, module_px=module_px), 8, 8, 8, 8, cv2.BORDER_CONSTANT, value=255)
    h, w = label.shape
    mask = np.full_like(label, 255)
    if angle:
        diagonal = int(np.ceil(np.hypot(h, w)))
        canvas = np.zeros((diagonal, diagonal), np.uint8)
        mask = np.zeros_like(canvas)
        oy, ox = (diagonal - h) // 2, (diagonal - w) // 2
        canvas[oy : oy + h, ox : ox + w] = label
        mask[oy : oy + h, ox : ox + w] = 255
        rotation = cv2.getRotationMatrix2D((diagonal / 2, diagonal / 2), angle, 1.0)
        label = cv2.warpAffine(canvas, rotation, (diagonal, diagonal), flags=cv2.INTER_LINEAR)
        mask = cv2.warpAffine(mask, rotation, (diagonal, diagonal), flags=cv2.INTER_NEAREST)
    return label, mask


def _motion_blur(image: np.ndarray, length: int) -> np.ndarray:
    if length < 2:
        return image
    kernel = np.zeros((1, length), np.float32)
    kernel[0, :] = 1.0 / length
    return cv2.filter2D(image, -1, kernel, borderType=cv2.BORDER_REPLICATE)


def _offset_u8(field: np.ndarray, level: float) -> np.ndarray:
    """``field * level`` rounded, plus 128, as uint8 (saturated)."""
    out = field * level
    out += 128.0
    np.rint(out, out=out)
    np.clip(out, 0, 255, out=out)
    return out.astype(np.uint8)


def footage_frames(
    showings: Sequence[Showing], *, size: tuple[int, int] = FRAME_SIZE, fps: float = 30.0, seed: int = 0
) -> Iterable[np.ndarray]:
    """Frames of ``showings`` one after another, starting with ``showings[0].gap_s`` of empty table.

    Each code enters near the middle, drifts with ``motion_px`` (back and forth, like a hand), and is
    filmed with its conditions; the random parts (noise, dropouts, drift) follow ``seed``.
    """
    rng = np.random.default_rng(seed)
    width, height = size
    background = desk(seed, size)
    noise_fields = [rng.normal(0, 1, (height, width)).astype(np.float32) for _ in range(16)]
    # The noise of the current level as uint8 offset by 128 (sigma 8 stays far inside 0..255): one
    # saturating OpenCV pass per frame, a tenth of the time float32 numpy takes on a 1080p frame.
    scaled: dict[float, list[np.ndarray]] = {}

    def noise_at(level: float, index: int) -> np.ndarray:
        if level not in scaled:
            scaled.clear()
            scaled[level] = [_offset_u8(field, level) for field in noise_fields]
        return scaled[level][index]

    def finish(frame: np.ndarray, showing: Showing, number: int) -> np.ndarray:
        if showing.light == 1.0 and not showing.noise:
            return frame
        if not showing.noise:
            return cv2.convertScaleAbs(frame, alpha=showing.light)  # saturating, rounded
        noise = cv2.cvtColor(noise_at(showing.noise, int(rng.integers(len(noise_fields)))), cv2.COLOR_GRAY2BGR)
        return cv2.addWeighted(frame, showing.light, noise, 1.0, -128.0)  # light * frame + noise, saturated

    number = 0
    lead = showings[0].gap_s if showings else 0.0
    for _ in range(round(lead * fps)):
        yield finish(background, showings[0], number)
        number += 1
    for showing in showings:
        label, mask = _label(showing.code, showing.module_px, showing.angle)
        if showing.blur:
            label = cv2.GaussianBlur(label, (0, 0), showing.blur)
        lh, lw = label.shape
        cx = width // 2 + int(rng.integers(-width // 8, width // 8 + 1))
        cy = height // 2 + int(rng.integers(-height // 8, height // 8 + 1))
        direction = 1.0
        x = float(cx)
        for _ in range(round(showing.hold_s * fps)):
            if showing.motion_px:
                x += direction * showing.motion_px
                if abs(x - cx) > width // 6:
                    direction = -direction
            patch = _motion_blur(label, int(showing.motion_px))
            if showing.dropouts and rng.random() < showing.dropouts:
                patch = cv2.GaussianBlur(_motion_blur(label, 3 * showing.module_px * 6), (0, 0), 2 * showing.module_px)
            frame = background.copy()
            x0, y0 = int(x) - lw // 2, cy - lh // 2
            fx0, fy0 = max(0, x0), max(0, y0)
            fx1, fy1 = min(width, x0 + lw), min(height, y0 + lh)
            if fx1 > fx0 and fy1 > fy0:
                sub = patch[fy0 - y0 : fy1 - y0, fx0 - x0 : fx1 - x0]
                keep = mask[fy0 - y0 : fy1 - y0, fx0 - x0 : fx1 - x0] > 0
                region = frame[fy0:fy1, fx0:fx1]
                region[keep] = sub[keep][:, None]
            yield finish(frame, showing, number)
            number += 1
        for _ in range(round(showing.gap_s * fps)):
            yield finish(background, showing, number)
            number += 1


def write_footage(
    path: Path,
    showings: Sequence[Showing],
    *,
    size: tuple[int, int] = FRAME_SIZE,
    fps: float = 30.0,
    seed: int = 0,
) -> Path:
    """``footage_frames`` as a video: MJPG for .avi, mp4v for .mp4."""
    fourcc = "mp4v" if path.suffix.lower() == ".mp4" else "MJPG"

    def write() -> Path:
        writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*fourcc), fps, size)
        if not writer.isOpened():
            raise RuntimeError(f"OpenCV cannot write {path}")
        try:
            for frame in footage_frames(showings, size=size, fps=fps, seed=seed):
                writer.write(frame)
        finally:
            writer.release()
        return path

    return _made_once(("footage", fourcc, tuple(showings), size, fps, seed), path, write)


def showing_spans(showings: Sequence[Showing], *, fps: float = 30.0) -> list[tuple[float, float]]:
    """(first, last) second each showing is in view in ``footage_frames``' timeline."""
    spans = []
    frame = round(showings[0].gap_s * fps) if showings else 0
    for showing in showings:
        held = round(showing.hold_s * fps)
        spans.append((frame / fps, (frame + held - 1) / fps))
        frame += held + round(showing.gap_s * fps)
    return spans


def photo_frame(path: Path, *, size: tuple[int, int] = FRAME_SIZE, seed: int = 0) -> np.ndarray:
    """A real photo (e.g. a DEV sample) held in front of the camera: scaled to fit half to most of a
    ``size`` frame on the desk, as BGR."""
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if image is None:
        raise ValueError(f"cannot read {path}")
    width, height = size
    rng = np.random.default_rng(seed)
    fit = min(width / image.shape[1], height / image.shape[0]) * float(rng.uniform(0.5, 0.95))
    fit = min(fit, 2.0)
    photo = cv2.resize(image, None, fx=fit, fy=fit, interpolation=cv2.INTER_AREA if fit < 1 else cv2.INTER_CUBIC)
    frame = desk(seed, size)
    ph, pw = photo.shape[:2]
    x0 = int(rng.integers(0, width - pw + 1))
    y0 = int(rng.integers(0, height - ph + 1))
    frame[y0 : y0 + ph, x0 : x0 + pw] = photo
    return frame
