"""Generated webcam footage (blur, light, noise, motion, code size, hold times, 720p and 1080p, MJPG .avi
and mp4v .mp4) through ``orderapp decode VIDEO`` and the core camera pipeline, which is what the
packing station runs: one count per presentation, never a code that was not shown."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from barcode_media import Showing, desk, footage_frames, showing_spans, write_footage

from orderapp.cli import main
from orderapp.domain.gtin import Symbology
from orderapp.scanning import decoding
from orderapp.scanning.acceptance import AcceptanceRules
from orderapp.scanning.decoding import Decoded
from orderapp.scanning.gtin_forms import gtin_key
from orderapp.scanning.pipeline import TimedScan, replay_video

CODES = [
    ("6901234567892", Symbology.EAN13),
    ("96385074", Symbology.EAN8),
    ("036000291452", Symbology.UPCA),
    ("04252614", Symbology.UPCE),
    ("ORD-7K2Q", Symbology.CODE128),
    ("茶叶 Oolong", Symbology.QR),
]
LINE = re.compile(r"^  (\d+\.\d\d)s (\w+) (.+)$")


def same_code(scan_code: str, shown: str) -> bool:
    return scan_code == shown or gtin_key(scan_code) == gtin_key(shown)


def decode_lines(video: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[float, str, str]]:
    """(seconds, symbology, code) for each line ``orderapp decode VIDEO`` prints under the path."""
    assert main(["decode", str(video)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == str(video)
    parsed = []
    for line in lines[1:]:
        if line == "  (no scan accepted)":
            continue
        match = LINE.match(line)
        assert match, f"unexpected line {line!r}"
        parsed.append((float(match[1]), match[2], match[3]))
    return parsed


def check_each_showing_counted_once(scans: list[TimedScan], showings: list[Showing]) -> None:
    """Every showing counted exactly once, within its time in view; nothing else counted."""
    spans = showing_spans(showings)
    for showing, (first, last) in zip(showings, spans, strict=True):
        inside = [t for t in scans if first - 0.01 <= t.seconds <= last + 0.01]
        assert [t.scan.code for t in inside if same_code(t.scan.code, showing.code[0])] == [t.scan.code for t in inside]
        assert len(inside) == 1, f"{showing}: {[(round(t.seconds, 2), t.scan.code) for t in inside]}"
    assert len(scans) == len(showings), [(round(t.seconds, 2), t.scan.code) for t in scans]


@pytest.mark.parametrize(
    "showing, size, suffix",
    [
        (Showing(CODES[0], hold_s=10, gap_s=0.5, blur=0.8, motion_px=1, dropouts=0.15, angle=4), (1280, 720), ".avi"),
        (Showing(CODES[3], hold_s=10, gap_s=0.5, module_px=4, light=0.6, noise=4, angle=-6), (1920, 1080), ".mp4"),
    ],
    ids=["ean13-720p-shaken", "upce-1080p-dim"],
)
def test_an_item_held_ten_seconds_counts_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], showing: Showing, size: tuple[int, int], suffix: str
) -> None:
    video = write_footage(tmp_path / f"held{suffix}", [showing], size=size, seed=7)
    lines = decode_lines(video, capsys)
    assert [(symbology, code) for _t, symbology, code in lines] == [(showing.code[1].value, showing.code[0])]
    first, _last = showing_spans([showing])[0]
    assert first <= lines[0][0] <= first + 0.5  # counted within half a second of coming into view


@pytest.mark.parametrize("code", CODES, ids=[c[1].value for c in CODES])
def test_two_units_shown_half_a_second_apart_count_twice(tmp_path: Path, code: tuple[str, Symbology]) -> None:
    rng = np.random.default_rng(len(code[0]))
    showings = [
        Showing(code, hold_s=float(rng.uniform(0.7, 1.5)), gap_s=0.5, module_px=3, blur=float(rng.uniform(0, 0.8)))
        for _ in range(2)
    ]
    scans = list(replay_video(write_footage(tmp_path / "two.avi", showings, seed=3), rules=AcceptanceRules()))
    check_each_showing_counted_once(scans, showings)


@pytest.mark.parametrize("seed", [1, 2])
def test_blur_dropouts_and_shaking_never_count_again(tmp_path: Path, seed: int) -> None:
    showings = [
        Showing(CODES[seed], hold_s=4, gap_s=0.6, dropouts=0.3, motion_px=2, blur=0.6, angle=8),
        Showing(CODES[seed + 2], hold_s=4, gap_s=0.6, dropouts=0.2, motion_px=1, light=1.3, noise=3),
    ]
    scans = list(replay_video(write_footage(tmp_path / "shaken.avi", showings, seed=seed)))
    check_each_showing_counted_once(scans, showings)


@pytest.mark.parametrize(
    "size, module_px",
    [((1280, 720), 2), ((1280, 720), 4), ((1920, 1080), 3), ((1920, 1080), 6)],
    ids=["720p-small", "720p-large", "1080p-small", "1080p-large"],
)
def test_every_symbology_at_several_sizes_gives_exactly_the_items_shown(
    tmp_path: Path, size: tuple[int, int], module_px: int
) -> None:
    rng = np.random.default_rng(module_px)
    showings = [
        Showing(code, hold_s=0.8, gap_s=0.5, module_px=module_px, angle=float(rng.uniform(-10, 10))) for code in CODES
    ]
    scans = list(replay_video(write_footage(tmp_path / "all.avi", showings, size=size, seed=module_px)))
    check_each_showing_counted_once(scans, showings)


@pytest.mark.parametrize("seed", [11, 12])
def test_hard_footage_may_miss_an_item_but_never_counts_a_code_not_shown(tmp_path: Path, seed: int) -> None:
    """Small, blurred, dim, noisy, moving codes: where decoders misread (ean13 read as a UPC-A, say)."""
    rng = np.random.default_rng(seed)
    showings = [
        Showing(
            CODES[int(rng.integers(len(CODES)))],
            hold_s=float(rng.uniform(0.6, 2.0)),
            gap_s=float(rng.uniform(0.5, 0.9)),
            module_px=int(rng.integers(2, 5)),
            blur=float(rng.uniform(0.8, 1.6)),
            light=float(rng.choice([0.5, 0.7, 1.3])),
            noise=float(rng.uniform(2, 8)),
            motion_px=float(rng.integers(0, 4)),
            dropouts=float(rng.uniform(0, 0.3)),
            angle=float(rng.uniform(-12, 12)),
        )
        for _ in range(6)
    ]
    scans = list(replay_video(write_footage(tmp_path / "hard.avi", showings, seed=seed)))
    spans = showing_spans(showings)
    for timed in scans:
        shown = [s for s, (first, last) in zip(showings, spans, strict=True) if first - 0.01 <= timed.seconds <= last]
        assert len(shown) == 1 and same_code(timed.scan.code, shown[0].code[0]), (timed, showings)
    for first, last in spans:
        assert len([t for t in scans if first - 0.01 <= t.seconds <= last + 0.01]) <= 1


def test_a_decoder_reading_another_code_where_the_item_is_gets_nothing_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A misread that repeats (as ZBar's do) at the place of the right code: neither counts."""
    read = decoding.read_zxing
    frames = {"n": 0}

    def misreading(*args, **kwargs) -> list[Decoded]:  # type: ignore[no-untyped-def]
        found = read(*args, **kwargs)
        frames["n"] += 1
        if found and frames["n"] % 3 == 0:
            right = found[0]
            return [Decoded("7034759003930", Symbology.EAN13, right.corners, "zbar")]
        return found

    monkeypatch.setattr(decoding, "read_zxing", misreading)
    showing = Showing(CODES[0], hold_s=2.0, gap_s=0.5)
    assert list(replay_video(write_footage(tmp_path / "misread.avi", [showing], seed=5))) == []


def test_videos_and_images_mix_and_an_unreadable_video_fails_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypmp42 but nothing after it")
    missing = tmp_path / "missing.avi"
    empty_table = write_footage(tmp_path / "empty.avi", [Showing(CODES[0], hold_s=0, gap_s=0.5)])
    good = write_footage(tmp_path / "good.avi", [Showing(CODES[4], hold_s=1.0, gap_s=0.5)])
    assert main(["decode", str(broken), str(missing), str(empty_table), str(good)]) == 1
    captured = capsys.readouterr()
    out = captured.out.splitlines()
    assert out[0] == str(broken) and out[1] == str(missing)
    assert out[2:4] == [str(empty_table), "  (no scan accepted)"]
    assert out[4] == str(good) and LINE.match(out[5]) and out[5].endswith(" code128 ORD-7K2Q")
    errors = captured.err.splitlines()
    assert len(errors) == 2
    assert "cannot be played" in errors[0] or "holds no pictures" in errors[0]
    assert "does not exist" in errors[1]


@pytest.mark.parametrize("light, noise", [(0.6, 4.0), (1.3, 8.0), (0.5, 0.0), (1.6, 2.0)])
def test_the_footage_is_lit_and_noisy_as_asked(light: float, noise: float) -> None:
    """The conditions the tests above name are in the frames: the desk's brightness times ``light``
    (saturated at white), and sensor noise of sigma ``noise``, fresh in each frame."""
    showing = Showing(CODES[0], hold_s=0.0, gap_s=0.2, light=light, noise=noise)
    size = (320, 180)
    frames = list(footage_frames([showing], size=size, seed=4))
    assert len(frames) == 12  # the lead-in and the gap after the (empty) showing
    lit = np.clip(desk(4, size).astype(np.float64) * light, 0, 255)
    inside = (lit > 4 * noise + 1) & (lit < 254 - 4 * noise)  # where noise is not cut off at black or white
    for frame in frames:
        assert frame.shape == (180, 320, 3) and frame.dtype == np.uint8
        difference = frame.astype(np.float64) - lit
        assert abs(difference[inside].mean()) < 0.6
        assert abs(difference[inside].std() - noise) < 0.4 + 0.02 * noise  # 0.4: rounding to whole levels
        assert np.array_equal(frame[..., 0], frame[..., 2])  # one grain of noise per pixel, as before
    if noise:
        assert not np.array_equal(frames[0], frames[1]) or not np.array_equal(frames[1], frames[2])
