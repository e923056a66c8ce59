"""Frames and image files to barcodes: zxing-cpp on every frame, pyzbar as the second opinion.

DESIGN section 4: zxing-cpp reads 95% of the DEV photos in ~6 ms a frame, ZBar 82% in ~45 ms but it
rescues some blurry EAN/UPC codes zxing-cpp misses. So a camera frame always goes through zxing-cpp;
ZBar only looks at a frame after zxing-cpp has found nothing for a few frames, on its own thread and
at a limited rate, so it never holds up the preview. When ZBar finds a code there, the area around
it is re-read by ZBar in each following frame (a small crop: about a millisecond), so that every
``Decoded`` returned for a frame is a read of that frame and the consecutive-frames rule still
guards against misreads.
"""

from __future__ import annotations

import functools
import importlib
import logging
import operator
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import cv2
import numpy as np
import zxingcpp

from orderapp.domain.gtin import Symbology, is_valid_gtin
from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.scanning.gtin_forms import canonical_gtin

log = logging.getLogger(__name__)

Corners = tuple[tuple[int, int], ...]


class UnreadableImage(OrderAppError):
    """An image file that is missing or cannot be read as a picture."""


@dataclass(frozen=True)
class Decoded:
    text: str
    symbology: Symbology
    corners: Corners  # polygon in frame pixels, for outlining
    decoder: str  # "zxing" | "zbar"


DEFAULT_SYMBOLOGIES: frozenset[Symbology] = frozenset(
    {Symbology.EAN8, Symbology.EAN13, Symbology.UPCA, Symbology.UPCE, Symbology.CODE128, Symbology.QR}
)

_F = zxingcpp.BarcodeFormat
_ZXING_FORMAT = {
    Symbology.EAN8: _F.EAN8,
    Symbology.EAN13: _F.EAN13,
    Symbology.UPCA: _F.UPCA,
    Symbology.UPCE: _F.UPCE,
    Symbology.CODE128: _F.Code128,
    Symbology.QR: _F.QRCode,
    Symbology.GTIN14: _F.ITF,  # ITF-14 on cases; GS1-128 cases come through Code 128
}
_FROM_ZXING = {
    _F.EAN8: Symbology.EAN8,
    _F.EAN13: Symbology.EAN13,
    _F.UPCA: Symbology.UPCA,
    _F.UPCE: Symbology.UPCE,
    _F.Code128: Symbology.CODE128,
    _F.QRCode: Symbology.QR,
    _F.ITF: Symbology.GTIN14,
}
# ZBar symbol names as pyzbar spells them (pyzbar.pyzbar.ZBarSymbol members).
_ZBAR_SYMBOL = {
    Symbology.EAN8: "EAN8",
    Symbology.EAN13: "EAN13",
    Symbology.UPCA: "UPCA",
    Symbology.UPCE: "UPCE",
    Symbology.CODE128: "CODE128",
    Symbology.QR: "QRCODE",
    Symbology.GTIN14: "I25",
}
_FROM_ZBAR = {name: symbology for symbology, name in _ZBAR_SYMBOL.items()}
# The camera's second opinion skips QR: ZBar's QR finder doubles its time and zxing-cpp reads QR well.
_SECOND_OPINION_SYMBOLOGIES = frozenset(
    {Symbology.EAN8, Symbology.EAN13, Symbology.UPCA, Symbology.UPCE, Symbology.CODE128, Symbology.GTIN14}
)


def zbar_missing_notice() -> str:
    return _(
        "ZBar is not installed, so barcodes are read with zxing-cpp alone; a few blurry codes may need "
        "a second try. Reinstalling OrderApp (or installing libzbar0 on Linux) brings it back."
    )


def load_zbar() -> ModuleType | None:
    """pyzbar's decoder, or None when the ZBar library cannot be loaded (a degraded install)."""
    try:
        return importlib.import_module("pyzbar.pyzbar")
    except (ImportError, OSError) as exc:  # "Unable to find zbar shared library", or a broken DLL
        log.warning("ZBar unavailable, reading with zxing-cpp alone: %s", exc)
        return None


def as_grey(frame: np.ndarray) -> np.ndarray:
    """A 2-D uint8 view of ``frame`` (BGR, BGRA or already grey)."""
    if frame.ndim == 2:
        return frame
    if frame.ndim == 3 and frame.shape[2] == 1:
        return frame[:, :, 0]
    if frame.ndim == 3 and frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
    if frame.ndim == 3 and frame.shape[2] == 3:
        return cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    raise ValueError(f"not an image array: shape {frame.shape}")


def _zxing_formats(symbologies: Iterable[Symbology]) -> Any:
    formats = tuple(_ZXING_FORMAT[s] for s in symbologies)
    try:
        return zxingcpp.BarcodeFormats(formats)  # zxing-cpp 3 (where "|" is deprecated)
    except TypeError:  # zxing-cpp 2
        return functools.reduce(operator.or_, formats)


def _decoded(text: str, symbology: Symbology, corners: Corners, decoder: str) -> Decoded | None:
    if symbology is Symbology.GTIN14 and not (len(text) == 14 and is_valid_gtin(text)):
        return None  # ITF reads anything interleaved; only a 14-digit GTIN is a case code
    text, symbology = canonical_gtin(text, symbology)
    return Decoded(text, symbology, corners, decoder)


def _gs1_case_code(text: str) -> str | None:
    """The GTIN-14 of a GS1-128 whose first element is (01), as printed on cases."""
    gtin = text[2:16]
    if text.startswith("01") and len(gtin) == 14 and gtin.isdigit() and is_valid_gtin(gtin):
        return gtin
    return None


def read_zxing(
    grey: np.ndarray, formats: Any, symbologies: frozenset[Symbology], *, scale: float = 1.0
) -> list[Decoded]:
    """zxing-cpp's reads of ``grey``; ``scale`` maps corners back when ``grey`` was resized."""
    found: list[Decoded] = []
    for result in zxingcpp.read_barcodes(grey, formats=formats, text_mode=zxingcpp.TextMode.Plain):
        symbology = read_as = _FROM_ZXING.get(result.format)
        if symbology is None:
            continue
        text = result.text
        if symbology is Symbology.CODE128 and result.symbology_identifier == "]C1":
            gtin = _gs1_case_code(text)
            if gtin is not None:
                text, symbology = gtin, Symbology.GTIN14
        p = result.position
        corners = tuple(
            (round(pt.x / scale), round(pt.y / scale))
            for pt in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
        )
        decoded = _decoded(text, symbology, corners, "zxing")
        if decoded is not None and (decoded.symbology in symbologies or read_as in symbologies):
            found.append(decoded)
    return found


def _zbar_symbols(zbar: ModuleType, symbologies: Iterable[Symbology]) -> list[Any]:
    return [getattr(zbar.ZBarSymbol, _ZBAR_SYMBOL[s]) for s in symbologies]


def read_zbar(
    zbar: ModuleType, grey: np.ndarray, symbols: list[Any], *, offset: tuple[int, int] = (0, 0), scale: float = 1.0
) -> list[Decoded]:
    """ZBar's reads of ``grey``; ``offset`` and ``scale`` map corners back to the whole frame."""
    found: list[Decoded] = []
    for result in zbar.decode(grey, symbols=symbols):
        symbology = _FROM_ZBAR.get(result.type)
        if symbology is None:
            continue
        try:
            text = result.data.decode("utf-8")
        except UnicodeDecodeError:
            text = result.data.decode("latin-1")
        dx, dy = offset
        corners = tuple((round(pt.x / scale) + dx, round(pt.y / scale) + dy) for pt in result.polygon)
        decoded = _decoded(text, symbology, corners, "zbar")
        if decoded is not None:
            found.append(decoded)
    return found


@dataclass
class _Track:
    """Where ZBar last read a code zxing-cpp could not: re-read there in the next frame."""

    symbology: Symbology
    box: tuple[int, int, int, int]  # x0, y0, x1, y1


def _box_around(corners: Corners, shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    xs = [x for x, _ in corners]
    ys = [y for _, y in corners]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    # Room for a hand moving the item between frames, and for ZBar's quiet-zone needs.
    mx, my = max(40, width // 2), max(40, height // 2)
    return (max(0, min(xs) - mx), max(0, min(ys) - my), min(shape[1], max(xs) + mx), min(shape[0], max(ys) + my))


class FrameDecoder:
    """Decodes camera frames; one instance per camera, used from one thread (the camera's).

    ``second_opinion`` runs ZBar as described in the module docstring; ``idle_frames`` is how many
    frames zxing-cpp must find nothing in before ZBar looks, ``second_opinion_gap_s`` the least time
    between two ZBar runs (it bounds the CPU ZBar takes on an empty view).
    """

    def __init__(
        self,
        symbologies: frozenset[Symbology] = DEFAULT_SYMBOLOGIES,
        *,
        second_opinion: bool = True,
        idle_frames: int = 3,
        second_opinion_gap_s: float = 0.1,
    ) -> None:
        if not symbologies:
            raise ValueError("at least one symbology")
        self.symbologies = frozenset(symbologies)
        self.notice: str | None = None
        self._formats = _zxing_formats(self.symbologies)
        self._zbar: ModuleType | None = None
        if second_opinion:
            self._zbar = load_zbar()
            if self._zbar is None:
                self.notice = zbar_missing_notice()
        self._idle_frames = idle_frames
        self._gap_s = second_opinion_gap_s
        self._misses = 0
        self._pool: ThreadPoolExecutor | None = None
        self._pending: Future[list[Decoded]] | None = None
        self._last_started = -1e9
        self._tracks: dict[str, _Track] = {}
        self._zbar_symbols: list[Any] = []
        if self._zbar is not None:
            wanted = self.symbologies & _SECOND_OPINION_SYMBOLOGIES
            self._zbar_symbols = _zbar_symbols(self._zbar, wanted)
            if not self._zbar_symbols:
                self._zbar = None

    @property
    def second_opinion_active(self) -> bool:
        return self._zbar is not None

    def decode(self, frame: np.ndarray) -> list[Decoded]:
        grey = as_grey(frame)
        found = read_zxing(grey, self._formats, self.symbologies)
        if self._zbar is None:
            return found
        self._collect_second_opinion(grey.shape)
        if self._tracks:
            found += self._follow_tracks(grey, {d.text for d in found})
        self._misses = 0 if found else self._misses + 1
        if self._misses >= self._idle_frames and self._pending is None:
            now = time.monotonic()
            if now - self._last_started >= self._gap_s:
                self._last_started = now
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zbar-second-opinion")
                # cvtColor made a new array; a grey frame may be the caller's reused buffer.
                image = grey.copy() if grey is frame else grey
                self._pending = self._pool.submit(read_zbar, self._zbar, image, self._zbar_symbols)
        return found

    def _collect_second_opinion(self, shape: tuple[int, ...]) -> None:
        pending = self._pending
        if pending is None or not pending.done():
            return
        self._pending = None
        try:
            results = pending.result()
        except Exception:  # a ZBar failure must never stop the camera; zxing-cpp carries on
            log.exception("ZBar second opinion failed")
            return
        for decoded in results:
            self._tracks[decoded.text] = _Track(decoded.symbology, _box_around(decoded.corners, shape))

    def _follow_tracks(self, grey: np.ndarray, seen: set[str]) -> list[Decoded]:
        assert self._zbar is not None
        found: list[Decoded] = []
        tracks, self._tracks = self._tracks, {}
        for text, track in tracks.items():
            if text in seen:
                continue  # zxing-cpp reads it now: no need to follow it
            x0, y0, x1, y1 = track.box
            reads = read_zbar(
                self._zbar,
                np.ascontiguousarray(grey[y0:y1, x0:x1]),
                _zbar_symbols(self._zbar, [track.symbology]),
                offset=(x0, y0),
            )
            for decoded in reads:
                if decoded.text not in seen:
                    seen.add(decoded.text)
                    found.append(decoded)
                    self._tracks[decoded.text] = _Track(decoded.symbology, _box_around(decoded.corners, grey.shape))
        return found

    def wait_for_second_opinion(self, timeout: float = 5.0) -> bool:
        """Block until a running ZBar read has finished (for tests and benchmarks); True if one ran."""
        pending = self._pending
        if pending is None:
            return False
        pending.exception(timeout)
        return True

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._pending = None
        self._tracks.clear()


def load_grey_image(path: Path) -> np.ndarray:
    """The image at ``path`` as grey pixels; raises UnreadableImage with a sentence for the user."""
    try:
        data = np.fromfile(path, dtype=np.uint8)  # cv2.imread cannot open non-ASCII paths on Windows
    except FileNotFoundError:
        raise UnreadableImage(_("{path} does not exist: check the file name.").format(path=path)) from None
    except IsADirectoryError:
        raise UnreadableImage(_("{path} is a folder, not an image: name an image file.").format(path=path)) from None
    except OSError as exc:
        raise UnreadableImage(
            _("{path} cannot be read ({reason}): check that the file is there and you may open it.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
    grey = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE) if data.size else None
    if grey is None:
        grey = _load_with_pillow(path)
    if grey is None:
        raise UnreadableImage(
            _("{path} is not an image OrderApp can read: use a PNG, JPEG or WebP picture.").format(path=path)
        )
    return grey


def _load_with_pillow(path: Path) -> np.ndarray | None:
    """Formats OpenCV lacks (GIF, some TIFFs); Pillow comes with ReportLab."""
    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError:  # pragma: no cover - ReportLab depends on Pillow
        return None
    try:
        with Image.open(path) as image:
            return np.asarray(image.convert("L"))
    except (UnidentifiedImageError, OSError, ValueError):
        return None


def decode_image_file(path: Path, symbologies: frozenset[Symbology] = DEFAULT_SYMBOLOGIES) -> list[Decoded]:
    """Every code in one image file, with full effort (for files and ``orderapp decode``).

    Tries, until one finds something: zxing-cpp; ZBar; zxing-cpp on the picture enlarged 2x (small
    photos whose bars are only a pixel or two wide); ZBar after a local contrast boost (CLAHE).
    """
    grey = load_grey_image(Path(path))
    formats = _zxing_formats(symbologies)
    zbar = load_zbar()
    symbols = _zbar_symbols(zbar, symbologies) if zbar is not None else []
    attempts: list[Any] = [lambda: read_zxing(grey, formats, symbologies)]
    if zbar is not None:
        attempts.append(lambda: read_zbar(zbar, grey, symbols))
    if max(grey.shape) <= 1600:
        attempts.append(
            lambda: read_zxing(
                cv2.resize(grey, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC), formats, symbologies, scale=2.0
            )
        )
    if zbar is not None and min(grey.shape) >= 16:
        attempts.append(
            lambda: read_zbar(zbar, cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8)).apply(grey), symbols)
        )
    for attempt in attempts:
        found: list[Decoded] = attempt()
        if found:
            unique: dict[str, Decoded] = {}
            for decoded in found:
                unique.setdefault(decoded.text, decoded)
            return list(unique.values())
    return []
