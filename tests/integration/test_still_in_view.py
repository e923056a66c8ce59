"""A counted label that lies still under the camera but goes unread for a while (small, dim, noisy)
must not count again when it reads again; taken away and shown again, it counts again."""

from __future__ import annotations

from collections.abc import Iterator

import cv2
import numpy as np
import pytest
from barcode_media import Showing, desk, footage_frames

from orderapp.domain.gtin import Symbology
from orderapp.scanning.decoding import Decoded, as_grey
from orderapp.scanning.pipeline import FramePipeline
from orderapp.scanning.presence import StillInView

FPS = 30.0
SIZE = (640, 480)  # a small webcam picture: the test decodes every frame
CODES = [("6901234567892", Symbology.EAN13), ("036000291452", Symbology.UPCA), ("ORD-7K2Q", Symbology.CODE128)]


def held_frames(code: tuple[str, Symbology], seconds: float, seed: int) -> list[np.ndarray]:
    """A label held still for ``seconds``, after a moment of empty table, with sensor noise."""
    showing = Showing(code, hold_s=seconds, gap_s=0.4, module_px=3, noise=3, light=0.8)
    return list(footage_frames([showing], size=SIZE, fps=FPS, seed=seed))


def run(pipeline: FramePipeline, frames: list[np.ndarray], unread: tuple[float, float]) -> list[float]:
    """Feed the frames; the decoder reads nothing between ``unread`` seconds (the label unreadable
    for a while, whatever is in the picture). Returns the seconds of the scans."""
    real_decode = pipeline.decoder.decode

    def decode(frame: np.ndarray, at: float | None = None) -> list[Decoded]:
        found = real_decode(frame, at)
        return [] if at is not None and unread[0] <= at < unread[1] else found

    pipeline.decoder.decode = decode  # type: ignore[method-assign]
    scans = []
    for number, frame in enumerate(frames):
        at = number / FPS
        scans.extend(at for _scan in pipeline.feed(frame, at).scans)
    return scans


@pytest.fixture
def pipeline() -> Iterator[FramePipeline]:
    with FramePipeline(background=False) as made:
        yield made


@pytest.mark.parametrize("code", CODES, ids=[c[1].value for c in CODES])
@pytest.mark.parametrize("unread_s", [0.4, 0.7, 1.5])
def test_a_label_lying_there_unread_counts_once(
    pipeline: FramePipeline, code: tuple[str, Symbology], unread_s: float
) -> None:
    frames = held_frames(code, 3.0, seed=len(code[0]))
    scans = run(pipeline, frames, (1.0, 1.0 + unread_s))
    assert len(scans) == 1 and scans[0] < 1.0, scans


@pytest.mark.parametrize("code", CODES, ids=[c[1].value for c in CODES])
def test_taken_away_while_unread_and_shown_again_it_counts_again(
    pipeline: FramePipeline, code: tuple[str, Symbology]
) -> None:
    """The same frames, but the table is empty while nothing reads: the next unit counts."""
    frames = held_frames(code, 3.0, seed=len(code[0]))
    empty = desk(len(code[0]), SIZE)
    for number in range(round(1.0 * FPS), round(1.6 * FPS)):
        frames[number] = empty
    scans = run(pipeline, frames, (1.0, 1.6))
    assert len(scans) == 2 and scans[0] < 1.0 <= 1.6 <= scans[1], scans


def test_the_picture_survives_light_noise_and_jitter_but_not_another_picture() -> None:
    frames = held_frames(CODES[0], 1.0, seed=5)
    first = frames[20]
    reads = FramePipeline(background=False).decoder.decode(first, 0.0)
    assert reads
    presence = StillInView()
    presence.remember(as_grey(first), reads)
    key = "06901234567892"  # the GTIN key of the EAN-13 read
    later = as_grey(frames[25])
    assert presence.present(later, {key}) == {key}
    dimmer = cv2.convertScaleAbs(later, alpha=0.6, beta=10)
    assert presence.present(dimmer, {key}) == {key}
    shifted = np.roll(later, (3, -4), axis=(0, 1))
    assert presence.present(shifted, {key}) == {key}
    table = as_grey(desk(5, SIZE))
    assert presence.present(table, {key}) == set()
    other = held_frames(CODES[2], 1.0, seed=5)[20]
    assert presence.present(as_grey(other), {key}) == set()
    assert presence.present(later, {"some other code"}) == set()
