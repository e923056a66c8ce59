"""The decoding pipeline on real photos: ../shared/barcode-samples (zxing-cpp's public test images).

Floors sit a little below what was measured (file pipeline 43/44, camera pipeline 42/44 on the DEV
folders, ean13-1/36.webp being too blurred for either decoder), so a change that costs reads fails
here. See SOURCE.md in that folder for the file convention.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import pytest

from orderapp.scanning.decoding import FrameDecoder, decode_image_file
from orderapp.scanning.gtin_forms import gtin_key

IMAGE_SUFFIXES = {".png", ".webp", ".jpg", ".jpeg"}
# Floors per folder: (file pipeline, camera pipeline); measured 100% everywhere but ean13-1 (15/16, 14/16).
FLOORS = {
    "ean13-1": (0.90, 0.85),
    "upca-1": (1.0, 1.0),
    "ean8-1": (1.0, 1.0),
    "code128-1": (1.0, 1.0),
    "qrcode-1": (1.0, 1.0),
}
OVERALL_FLOOR = 0.977  # 43 of the 44 DEV photos: kept, never lowered


@dataclass(frozen=True)
class Sample:
    image: Path
    expected: str

    @property
    def folder(self) -> str:
        return self.image.parent.name


def samples_in(root: Path) -> Iterator[Sample]:
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        for image in sorted(folder.iterdir()):
            expected = image.with_suffix(".txt")
            if image.suffix.lower() in IMAGE_SUFFIXES and expected.exists():
                yield Sample(image, expected.read_bytes().decode("utf-8"))


def matches(text: str, expected: str) -> bool:
    """UPC-A/UPC-E expectations are written as 13 digits: compare GTINs by their 14-digit key."""
    return text == expected or gtin_key(text) == gtin_key(expected)


@pytest.fixture
def samples(shared_dir: Path) -> list[Sample]:
    root = shared_dir / "barcode-samples"
    if not root.is_dir():
        pytest.skip(f"{root} is absent: the DEV barcode photos are only beside a developer's checkout")
    found = list(samples_in(root))
    assert len(found) >= 40, f"expected the 44 DEV photos in {root}, found {len(found)}"
    return found


def read_by_file_pipeline(sample: Sample) -> bool:
    return any(matches(d.text, sample.expected) for d in decode_image_file(sample.image))


def read_by_camera_pipeline(sample: Sample, frames: int = 6) -> bool:
    """The photo held in front of the camera for a few frames, ZBar's second opinion included."""
    image = cv2.imread(str(sample.image))
    decoder = FrameDecoder(idle_frames=1, cpu_share=1.0)
    try:
        for _ in range(frames):
            if any(matches(d.text, sample.expected) for d in decoder.decode(image)):
                return True
            decoder.wait_for_second_opinion()
        return False
    finally:
        decoder.close()


def rates(samples: list[Sample], read) -> tuple[dict[str, float], float, list[str]]:
    per_folder: dict[str, list[bool]] = {}
    missed = []
    for sample in samples:
        ok = read(sample)
        per_folder.setdefault(sample.folder, []).append(ok)
        if not ok:
            missed.append(f"{sample.folder}/{sample.image.name}")
    flat = [ok for oks in per_folder.values() for ok in oks]
    return {f: sum(oks) / len(oks) for f, oks in per_folder.items()}, sum(flat) / len(flat), missed


def test_file_pipeline_read_rate_on_the_dev_photos(samples: list[Sample]) -> None:
    per_folder, overall, missed = rates(samples, read_by_file_pipeline)
    for folder, rate in per_folder.items():
        assert rate >= FLOORS.get(folder, (0.9, 0.9))[0], f"{folder}: {rate:.0%}; missed {missed}"
    assert overall >= OVERALL_FLOOR, f"{overall:.1%} overall; missed {missed}"


def test_camera_pipeline_read_rate_on_the_dev_photos(samples: list[Sample]) -> None:
    per_folder, overall, missed = rates(samples, read_by_camera_pipeline)
    for folder, rate in per_folder.items():
        assert rate >= FLOORS.get(folder, (0.9, 0.9))[1], f"{folder}: {rate:.0%}; missed {missed}"
    assert overall >= 0.93, f"{overall:.1%} overall; missed {missed}"


def test_a_small_photo_zxing_misses_at_first_look_is_read_enlarged(samples: list[Sample]) -> None:
    """ean13-1/34: an ISBN photo with bars ~1 px wide; zxing-cpp reads it at twice the size."""
    (sample,) = [s for s in samples if s.folder == "ean13-1" and s.image.stem == "34"]
    assert read_by_file_pipeline(sample)


def test_the_pipeline_reads_what_the_sample_says_exactly(samples: list[Sample]) -> None:
    """Code 128 text with non-ASCII characters, QR text with CR LF: byte for byte."""
    for sample in samples:
        if sample.folder in ("code128-1", "qrcode-1"):
            texts = [d.text for d in decode_image_file(sample.image)]
            assert sample.expected in texts, f"{sample.image.name}: {texts!r}"


def test_the_cascade_reports_no_wrong_retail_code_on_the_dev_photos(samples: list[Sample]) -> None:
    """ean13-1/35 gives zxing-cpp two EAN-13s on one symbol: the disagreement is dropped, not reported."""
    wrong = []
    for sample in samples:
        for decoded in decode_image_file(sample.image):
            if decoded.text.isdigit() and not matches(decoded.text, sample.expected):
                wrong.append(f"{sample.folder}/{sample.image.name}: {decoded.text}")
    assert wrong == []
