"""Frames and image files to barcodes: one cascade, each step only when the one before read nothing.

1. zxing-cpp on the grey frame (95% of the DEV photos in ~6 ms a 720p frame: every camera frame);
2. zxing-cpp on a CLAHE-enhanced 2x copy (small, blurry, dim or glary codes);
3. ZBar (pyzbar) on the same copy (it rescues some blurry EAN/UPC codes, but misreads more).

The order is what each step measurably adds on the DEV photos and generated frames (benchmarks
``scanning``); zxing-cpp comes before ZBar on the enhanced copy so that ZBar's misreads never win over
a zxing-cpp read. ``orderapp decode`` runs the whole cascade on a file. A camera runs step 1 on every
frame and steps 2-3 as a "second look" within a CPU budget (``FrameDecoder``). A missing ZBar leaves
steps 1-2, with a notice.
"""

from __future__ import annotations

import functools
import importlib
import logging
import operator
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import cv2
import numpy as np
import zxingcpp

from orderapp.domain.gtin import GS1_PREFIXES, Symbology, gs1_gtin, is_valid_gtin
from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.scanning.agreement import without_disputes
from orderapp.scanning.bundled_zbar import prefer_bundled_zbar
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


# GTIN14 is ITF-14, the case code printed on cartons; only a 14-digit read with a valid check digit counts
# (``_decoded``), since ITF decodes any interleaved digits.
DEFAULT_SYMBOLOGIES: frozenset[Symbology] = frozenset(
    {Symbology.EAN8, Symbology.EAN13, Symbology.UPCA, Symbology.UPCE, Symbology.CODE128, Symbology.QR}
) | {Symbology.DATAMATRIX, Symbology.GTIN14}

_F = zxingcpp.BarcodeFormat
_ZXING_FORMAT = {
    Symbology.EAN8: _F.EAN8,
    Symbology.EAN13: _F.EAN13,
    Symbology.UPCA: _F.UPCA,
    Symbology.UPCE: _F.UPCE,
    Symbology.CODE128: _F.Code128,
    Symbology.QR: _F.QRCode,
    Symbology.DATAMATRIX: _F.DataMatrix,
    Symbology.GTIN14: _F.ITF,  # ITF-14 on cases; GS1-128 cases come through Code 128
}
_FROM_ZXING = {
    _F.EAN8: Symbology.EAN8,
    _F.EAN13: Symbology.EAN13,
    _F.UPCA: Symbology.UPCA,
    _F.UPCE: Symbology.UPCE,
    _F.Code128: Symbology.CODE128,
    _F.QRCode: Symbology.QR,
    _F.DataMatrix: Symbology.DATAMATRIX,
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


SECOND_LOOK_CPU_SHARE = 0.25  # of one core, at most, for the second look while nothing is read
TRACK_PATIENCE_FRAMES = 8  # a code the second look found is looked for where it was this long
MAX_ENHANCED_SIDE = 4096  # a larger picture is contrast-boosted but not enlarged


def zbar_missing_notice() -> str:
    return _(
        "ZBar is not installed, so barcodes are read with zxing-cpp alone; a few blurry codes may need "
        "a second try. Reinstalling OrderApp (or installing libzbar0 on Linux) brings it back."
    )


def load_zbar() -> ModuleType | None:
    """pyzbar's decoder, or None when the ZBar library cannot be loaded (a degraded install)."""
    try:
        prefer_bundled_zbar()  # the packaged app's own copy, where there is one
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


def read_zxing(
    grey: np.ndarray,
    formats: Any,
    symbologies: frozenset[Symbology],
    *,
    scale: float = 1.0,
    offset: tuple[int, int] = (0, 0),
) -> list[Decoded]:
    """zxing-cpp's reads of ``grey``; ``offset`` and ``scale`` map corners back to the whole frame."""
    found: list[Decoded] = []
    for result in zxingcpp.read_barcodes(grey, formats=formats, text_mode=zxingcpp.TextMode.Plain):
        symbology = read_as = _FROM_ZXING.get(result.format)
        if symbology is None:
            continue
        text = result.text
        if result.symbology_identifier in GS1_PREFIXES:  # GS1-128, GS1 QR, GS1 DataMatrix: AI (01)
            gtin = gs1_gtin(text)
            if gtin is not None:
                text, symbology = gtin, Symbology.GTIN14
        p = result.position
        corners = tuple(
            (round(pt.x / scale) + offset[0], round(pt.y / scale) + offset[1])
            for pt in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
        )
        decoded = _decoded(text, symbology, corners, "zxing")
        if decoded is not None and (decoded.symbology in symbologies or read_as in symbologies):
            found.append(decoded)
    return found


def _zbar_symbols(zbar: ModuleType, symbologies: Iterable[Symbology]) -> list[Any]:
    return [getattr(zbar.ZBarSymbol, _ZBAR_SYMBOL[s]) for s in symbologies if s in _ZBAR_SYMBOL]  # no DataMatrix


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


def enhanced(grey: np.ndarray) -> tuple[np.ndarray, float]:
    """A copy of ``grey`` for the second look: enlarged 2x (bars of a pixel or two become readable) and
    locally contrast-boosted (CLAHE: dim, glary or washed-out labels), with its scale."""
    image = grey
    if min(grey.shape) >= 16:
        # One CLAHE object per call: the camera thread and the second look use this at the same time.
        # A mild clip limit: stronger ones lost DEV photos that this one reads (benchmarks ``scanning``).
        image = cv2.createCLAHE(clipLimit=1.0, tileGridSize=(8, 8)).apply(grey)
    if max(grey.shape) * 2 > MAX_ENHANCED_SIDE:
        return image, 1.0
    # Enlarged after the boost (cheaper, and it read more DEV photos than the other order); cubic
    # keeps bar edges sharper than linear.
    return cv2.resize(image, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC), 2.0


def read_enhanced(
    grey: np.ndarray,
    formats: Any,
    symbologies: frozenset[Symbology],
    zbar: ModuleType | None,
    zbar_symbols: list[Any],
    *,
    offset: tuple[int, int] = (0, 0),
) -> list[Decoded]:
    """The cascade's second and third steps on ``grey`` (after zxing-cpp found nothing in it):
    zxing-cpp on the enhanced copy, then, on a miss, ZBar on the same copy. In that order because
    zxing-cpp adds the most reads and ZBar's misreads must not win over its reads (DESIGN section 4)."""
    image, scale = enhanced(grey)
    found = read_zxing(image, formats, symbologies, scale=scale, offset=offset)
    if not found and zbar is not None and zbar_symbols:
        found = read_zbar(zbar, image, zbar_symbols, offset=offset, scale=scale)
    return found


def read_cascade(
    grey: np.ndarray, formats: Any, symbologies: frozenset[Symbology], zbar: ModuleType | None, zbar_symbols: list[Any]
) -> list[Decoded]:
    """The whole cascade, each step only on a miss of the one before: zxing-cpp on the grey picture;
    zxing-cpp on the enhanced copy; ZBar on the enhanced copy. Reads that disagree (two codes where
    one symbol is) are dropped, both of them; the next step then has its say."""
    found = without_disputes(read_zxing(grey, formats, symbologies))
    if found:
        return found
    image, scale = enhanced(grey)
    found = without_disputes(read_zxing(image, formats, symbologies, scale=scale))
    if not found and zbar is not None and zbar_symbols:
        found = without_disputes(read_zbar(zbar, image, zbar_symbols, scale=scale))
    return found


@dataclass
class _Track:
    """Where the second look read a code zxing-cpp could not: looked at again in the next frame."""

    box: tuple[int, int, int, int]  # x0, y0, x1, y1
    misses: int = 0  # frames in a row it was not read there


def _box_around(corners: Corners, shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    xs = [x for x, _ in corners]
    ys = [y for _, y in corners]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    # Room for a hand moving the item between frames, for quiet zones, and for a linear code's
    # outline, which may be a thin line across the bars.
    mx, my = max(40, width // 2), max(40, height // 2, width // 3)
    return (max(0, min(xs) - mx), max(0, min(ys) - my), min(shape[1], max(xs) + mx), min(shape[0], max(ys) + my))


@dataclass(frozen=True)
class _Look:
    """A second look's result: the reads, and the CPU time it took."""

    found: list[Decoded]
    seconds: float


def _timed(job: Callable[[], list[Decoded]]) -> _Look:
    started = time.perf_counter()
    found = job()
    return _Look(found, time.perf_counter() - started)


class FrameDecoder:
    """Decodes camera frames; one instance per camera, used from one thread (the camera's).

    Every frame: zxing-cpp on the grey frame. After zxing-cpp has found nothing in ``idle_frames``
    frames, the second look (``read_enhanced``: zxing-cpp, then ZBar, on a CLAHE-enhanced 2x copy)
    reads a whole frame, on a background thread (``background=True``, the camera) or in line with
    the frames (``background=False``: a recorded video replayed on the frame's own clock). Its time
    is budgeted by the wall clock: the next look starts no sooner than its duration divided by
    ``cpu_share`` after the last one started, so an empty view keeps a second look running at most
    ``cpu_share`` of the time besides zxing-cpp. (Wall time, not CPU time: OpenCV's enhancement may
    run on its own threads. On a busy machine looks take longer and so come less often, and a replay
    of the same video can differ a little with the machine's load.) A code found there is looked
    at again in each following frame in a small area around it (a millisecond or two), so that
    every ``Decoded`` returned is a read of the frame passed in and the acceptance rules still see
    it frame by frame.
    """

    def __init__(
        self,
        symbologies: frozenset[Symbology] = DEFAULT_SYMBOLOGIES,
        *,
        second_opinion: bool = True,
        idle_frames: int = 3,
        cpu_share: float = SECOND_LOOK_CPU_SHARE,
        background: bool = True,
    ) -> None:
        if not symbologies:
            raise ValueError("at least one symbology")
        if not 0 < cpu_share <= 1:
            raise ValueError("cpu_share must be in (0, 1]")
        self.symbologies = frozenset(symbologies)
        self.notice: str | None = None
        self._formats = _zxing_formats(self.symbologies)
        self._second_opinion = second_opinion
        self._zbar: ModuleType | None = None
        self._zbar_symbols: list[Any] = []
        if second_opinion:
            self._zbar = load_zbar()
            if self._zbar is None:
                self.notice = zbar_missing_notice()
            else:
                wanted = self.symbologies & _SECOND_OPINION_SYMBOLOGIES
                self._zbar_symbols = _zbar_symbols(self._zbar, wanted)
        self._idle_frames = idle_frames
        self._cpu_share = cpu_share
        self._background = background
        self._misses = 0
        self._pool: ThreadPoolExecutor | None = None
        self._pending: Future[_Look] | None = None
        self._next_look = float("-inf")
        self._tracks: list[_Track] = []
        self.looks = 0  # second looks run (for tests and benchmarks)
        self.look_seconds = 0.0  # their total duration

    @property
    def second_opinion_active(self) -> bool:
        """Whether ZBar takes part (False: zxing-cpp alone, ZBar missing or not wanted)."""
        return self._zbar is not None and bool(self._zbar_symbols)

    def decode(self, frame: np.ndarray, at: float | None = None) -> list[Decoded]:
        """The codes read in ``frame``; ``at`` is its time in seconds (the second look's budget runs
        on it when ``background`` is False; a live camera's decoder uses the monotonic clock)."""
        grey = as_grey(frame)
        # Two codes read where one symbol is count as no read (as in ``read_cascade``): the second look
        # then has its say, and the acceptance rules still see any disagreement between frames.
        found = without_disputes(read_zxing(grey, self._formats, self.symbologies))
        if not self._second_opinion:
            return found
        now = time.monotonic() if self._background or at is None else at
        self._collect_second_look(grey.shape, now)
        if self._tracks:
            found += self._follow_tracks(grey, found)
        self._misses = 0 if found else self._misses + 1
        if self._misses >= self._idle_frames and self._pending is None and now >= self._next_look:
            # cvtColor made a new array; a grey frame may be the caller's reused buffer.
            image = grey.copy() if grey is frame else grey

            def job() -> list[Decoded]:
                return read_enhanced(image, self._formats, self.symbologies, self._zbar, self._zbar_symbols)

            self._look_started = now
            if self._background:
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="second-look")
                self._pending = self._pool.submit(_timed, job)
            else:
                done: Future[_Look] = Future()
                done.set_result(_timed(job))
                self._pending = done  # its reads are followed from the next frame on, as a live camera would
        return found

    def _collect_second_look(self, shape: tuple[int, ...], now: float) -> None:
        pending = self._pending
        if pending is None or not pending.done():
            return
        self._pending = None
        try:
            look = pending.result()
        except Exception:  # a failed second look must never stop the camera; zxing-cpp carries on
            log.exception("second look at a frame failed")
            self._next_look = now + 1.0
            return
        self.looks += 1
        self.look_seconds += look.seconds
        self._next_look = self._look_started + look.seconds / self._cpu_share
        for decoded in look.found:
            self._tracks.append(_Track(_box_around(decoded.corners, shape)))

    def _follow_tracks(self, grey: np.ndarray, seen: list[Decoded]) -> list[Decoded]:
        found: list[Decoded] = []
        tracks, self._tracks = self._tracks, []
        texts = {d.text for d in seen}
        for track in tracks:
            x0, y0, x1, y1 = track.box
            crop = np.ascontiguousarray(grey[y0:y1, x0:x1])
            reads = without_disputes(read_zxing(crop, self._formats, self.symbologies, offset=(x0, y0)))
            if not reads:
                zbar, symbols = self._zbar, self._zbar_symbols
                reads = without_disputes(
                    read_enhanced(crop, self._formats, self.symbologies, zbar, symbols, offset=(x0, y0))
                )
            if any(d.text in texts for d in reads):
                continue  # zxing-cpp reads it in the whole frame now: no need to follow it
            if not reads and track.misses + 1 < TRACK_PATIENCE_FRAMES:
                # A blurred frame or two: the code is probably still there; look again next frame.
                self._tracks.append(_Track(track.box, track.misses + 1))
            for decoded in reads:
                if decoded.text not in texts:
                    texts.add(decoded.text)
                    found.append(decoded)
                    self._tracks.append(_Track(_box_around(decoded.corners, grey.shape)))
        return found

    def wait_for_second_opinion(self, timeout: float = 5.0) -> bool:
        """Block until a running second look has finished (for tests and benchmarks); True if one ran."""
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
    """Every code in one image file, through the camera's cascade (``read_cascade``): zxing-cpp on
    the picture, then zxing-cpp and then ZBar on its CLAHE-enhanced 2x copy, each only on a miss."""
    grey = load_grey_image(Path(path))
    zbar = load_zbar()
    symbols = _zbar_symbols(zbar, symbologies) if zbar is not None else []
    unique: dict[str, Decoded] = {}
    for decoded in read_cascade(grey, _zxing_formats(symbologies), frozenset(symbologies), zbar, symbols):
        unique.setdefault(decoded.text, decoded)
    return list(unique.values())
