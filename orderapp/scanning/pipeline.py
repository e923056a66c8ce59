"""The packing station's camera pipeline, frame by frame: decoding (``FrameDecoder``) then acceptance
(``ScanFilter``). The GUI's camera worker feeds it live frames; ``replay_video`` feeds it a recorded
video on the video's own clock, so ``orderapp decode VIDEO`` and the tests see exactly what the
station would have counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import numpy as np

from orderapp.domain.gtin import Symbology
from orderapp.i18n import _
from orderapp.scanning.acceptance import (
    AcceptanceRules,
    Scan,
    ScanFilter,
    ViewState,
    has_valid_check_digit,
    view_hint,
)
from orderapp.scanning.agreement import code_key
from orderapp.scanning.camera import CameraUnavailable, open_video
from orderapp.scanning.decoding import DEFAULT_SYMBOLOGIES, Decoded, FrameDecoder, as_grey
from orderapp.scanning.presence import StillInView


@dataclass(frozen=True)
class FrameResult:
    """What one frame gave: its reads (outlines), the scans accepted in it, and the view's state."""

    decoded: list[Decoded]
    scans: list[Scan]
    state: ViewState

    @property
    def hint(self) -> str:
        """The preview's sentence for the state ("" when there is nothing to say)."""
        return view_hint(self.state)


class FramePipeline:
    """Decode and accept frames; one per camera run, used from one thread.

    ``background`` runs the decoder's second look on its own thread (a live camera); False runs it in
    line, budgeted on the frames' own times (a recorded video replayed faster than real time).
    """

    def __init__(
        self,
        symbologies: frozenset[Symbology] = DEFAULT_SYMBOLOGIES,
        *,
        rules: AcceptanceRules | None = None,
        background: bool = True,
        second_opinion: bool = True,
    ) -> None:
        self.decoder = FrameDecoder(symbologies, second_opinion=second_opinion, background=background)
        self.filter = ScanFilter(rules or AcceptanceRules())
        self.presence = StillInView()  # a counted label lying there unread does not count again

    @property
    def notice(self) -> str | None:
        """A sentence when reading is degraded (ZBar missing), else None."""
        return self.decoder.notice

    def feed(self, frame: np.ndarray, at: float) -> FrameResult:
        """``frame`` taken at ``at`` seconds (any clock that only goes forward)."""
        decoded = self.decoder.decode(frame, at)
        missing = self.filter.counted_keys() - {code_key(item) for item in decoded if has_valid_check_digit(item)}
        grey = as_grey(frame) if decoded or missing else None
        present = self.presence.present(grey, missing) if grey is not None and missing else set()
        scans = self.filter.feed(decoded, at, still_in_view=present)
        if grey is not None and decoded:
            self.presence.remember(grey, decoded)
        self.presence.forget(self.filter.tracks)
        return FrameResult(decoded, scans, self.filter.state)

    def reset(self) -> None:
        """Forget what is in view (a camera that was lost and comes back)."""
        self.filter.reset()
        self.presence.reset()

    def close(self) -> None:
        self.decoder.close()

    def __enter__(self) -> FramePipeline:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


@dataclass(frozen=True)
class TimedScan:
    """A scan accepted from a video, ``seconds`` from its start."""

    seconds: float
    scan: Scan


def replay_video(
    path: Path, symbologies: frozenset[Symbology] = DEFAULT_SYMBOLOGIES, *, rules: AcceptanceRules | None = None
) -> Iterator[TimedScan]:
    """Every scan the packing station would accept from the video at ``path``: each frame, in order,
    at its time from the video's frame rate. Raises CameraUnavailable (a sentence) when the file
    cannot be played or holds no pictures."""
    source = open_video(Path(path))
    frames = 0
    try:
        with FramePipeline(symbologies, rules=rules, background=False) as pipeline:
            while (frame := source.read()) is not None:
                seconds = frames / source.fps
                frames += 1
                for scan in pipeline.feed(frame, seconds).scans:
                    yield TimedScan(seconds, scan)
    finally:
        source.release()
    if frames == 0:
        raise CameraUnavailable(
            _("The video {path} holds no pictures OrderApp can read: use an MJPG .avi or an MPEG-4 .mp4 file.").format(
                path=path
            )
        )
