"""Is a counted code still in view when no decoder read it in this frame?

A small, dim or noisy label may go unread for half a second while it lies still under the camera;
counted again when it reads again, one unit would count twice. So the region where a counted code
was last read is kept as a picture, and a frame without a read of that code is compared with it:
if the same picture is still there (normalised correlation, a few pixels of jitter allowed, light
changes ignored), the code is still in view and does not re-arm. An empty table, a hand, another
item or the label moved away does not look the same, and the code re-arms as before
(``AcceptanceRules.rearm_s``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

import cv2
import numpy as np

from orderapp.scanning.agreement import box_of, code_key
from orderapp.scanning.decoding import Decoded

SAME_PICTURE = 0.6  # normalised correlation at or above which the region shows what it showed
JITTER_PX = 6  # how far the picture may have shifted (a hand holding an item still is never quite still)
MIN_SIDE_PX = 24  # a linear code's outline can be a thin line across its bars: the region is at least this


@dataclass(frozen=True)
class _Snapshot:
    x0: int
    y0: int
    picture: np.ndarray  # grey, the region at the code's last read


class StillInView:
    """Keeps the picture of each code's last read; ``present`` says which codes still show."""

    def __init__(self) -> None:
        self._last: dict[str, _Snapshot] = {}

    def remember(self, grey: np.ndarray, decoded: Iterable[Decoded]) -> None:
        """The region of each code read in this frame, as it looks now."""
        height, width = grey.shape[:2]
        for item in decoded:
            box = box_of(item.corners)
            if box is None:
                continue
            x0, y0, x1, y1 = box
            pad_x = max((MIN_SIDE_PX - (x1 - x0)) / 2, 0.1 * (x1 - x0), 4)
            pad_y = max((MIN_SIDE_PX - (y1 - y0)) / 2, 0.1 * (y1 - y0), 4)
            left, top = max(0, int(x0 - pad_x)), max(0, int(y0 - pad_y))
            right, bottom = min(width, int(x1 + pad_x) + 1), min(height, int(y1 + pad_y) + 1)
            if right - left < 8 or bottom - top < 8:
                continue
            self._last[code_key(item)] = _Snapshot(left, top, grey[top:bottom, left:right].copy())

    def present(self, grey: np.ndarray, keys: Collection[str]) -> set[str]:
        """Which of ``keys`` (codes not read in this frame) still show their last read's picture."""
        found: set[str] = set()
        height, width = grey.shape[:2]
        for key in keys:
            snapshot = self._last.get(key)
            if snapshot is None:
                continue
            h, w = snapshot.picture.shape[:2]
            left, top = max(0, snapshot.x0 - JITTER_PX), max(0, snapshot.y0 - JITTER_PX)
            right = min(width, snapshot.x0 + w + JITTER_PX)
            bottom = min(height, snapshot.y0 + h + JITTER_PX)
            window = grey[top:bottom, left:right]
            if window.shape[0] < h or window.shape[1] < w or float(snapshot.picture.std()) < 4:
                continue  # at the frame's edge, or a region with nothing to recognise
            score = cv2.matchTemplate(window, snapshot.picture, cv2.TM_CCOEFF_NORMED)
            if float(score.max()) >= SAME_PICTURE:
                found.add(key)
        return found

    def forget(self, keep: Callable[[str], bool]) -> None:
        """Drop the pictures of codes the acceptance no longer tracks."""
        for key in [key for key in self._last if not keep(key)]:
            del self._last[key]

    def reset(self) -> None:
        self._last.clear()
