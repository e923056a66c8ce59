"""A carton's ITF-14 (its GTIN-14, interleaved 2 of 5) read by the camera finds its product: the case
code stored as written, or the unit's EAN-13 behind a GTIN-14 with indicator 0. ITF reads any run of
interleaved digits, so only 14 digits with a valid check digit count."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pytest
from barcode_media import barcode_image, sequence_video

from orderapp.domain.gtin import Symbology, code_key, with_check_digit
from orderapp.domain.product_validation import BarcodeDraft, BarcodeKind, ProductDraft
from orderapp.scanning.decoding import DEFAULT_SYMBOLOGIES, decode_image_file
from orderapp.scanning.pipeline import replay_video
from orderapp.services.stock import catalogue
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID


def random_gtin14(rng: random.Random, indicator: int) -> str:
    return with_check_digit(f"{indicator}{rng.randrange(10**12):012d}")


def write_picture(path: Path, text: str) -> Path:
    image = barcode_image(text, Symbology.GTIN14, module_px=3)
    framed = np.pad(image, 60, constant_values=255)
    cv2.imwrite(str(path), framed)
    return path


def test_itf14_is_read_by_default() -> None:
    assert Symbology.GTIN14 in DEFAULT_SYMBOLOGIES


@pytest.mark.parametrize("seed", range(4))
def test_a_printed_itf14_is_read_as_its_gtin14(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    for indicator in (0, 1, 5, 8):
        code = random_gtin14(rng, indicator)
        read = decode_image_file(write_picture(tmp_path / f"{code}.png", code))
        assert [(d.text, d.symbology) for d in read] == [(code, Symbology.GTIN14)], code


def test_interleaved_digits_that_are_not_a_gtin14_are_never_read(tmp_path: Path) -> None:
    good = with_check_digit("1234567890123")
    wrong_digit = good[:-1] + str((int(good[-1]) + 3) % 10)
    for text in (wrong_digit, "123456789012", "1234567890123456"):  # bad check digit, 12 and 16 digits
        assert decode_image_file(write_picture(tmp_path / f"{text}.png", text)) == [], text


def test_a_case_shown_to_the_camera_finds_its_product_by_its_gtin_key(database: Database, tmp_path: Path) -> None:
    rng = random.Random(7)
    unit = with_check_digit(f"69{rng.randrange(10**10):010d}")  # the unit's EAN-13
    case = random_gtin14(rng, 1)  # the carton's own GTIN-14
    product = catalogue.create_product(
        database,
        ProductDraft(
            sku="TEA-CASE",
            name="龙井茶 Longjing tea 250 g",
            barcodes=(BarcodeDraft(unit), BarcodeDraft(case, BarcodeKind.CASE, 12)),
        ),
        user_id=DEFAULT_USER_ID,
    )
    inner = "0" + unit  # an ITF-14 with indicator 0: the unit's own GTIN
    video = sequence_video(tmp_path / "cases.avi", [(case, Symbology.GTIN14), (inner, Symbology.GTIN14)])
    scans = [timed.scan for timed in replay_video(video)]
    assert [(s.code, s.symbology) for s in scans] == [(case, Symbology.GTIN14), (inner, Symbology.GTIN14)]
    found = [catalogue.find_by_code(database, s.code, s.symbology) for s in scans]
    assert [(m.product_id, m.units) for m in found if m is not None] == [(product.id, 12), (product.id, 1)]
    assert code_key(scans[1].code) == code_key(unit)
