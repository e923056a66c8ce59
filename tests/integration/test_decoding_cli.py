"""``orderapp decode IMAGE...``: a path line, then a line per code; exit 1 when an image cannot be read."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp
from barcode_media import barcode_image, desk, place

from orderapp.cli import main
from orderapp.domain.gtin import Symbology


def picture(path: Path, *codes: tuple[str, Symbology]) -> Path:
    frame = desk()
    spots = [(360, 200), (900, 520)]
    for (text, symbology), spot in zip(codes, spots, strict=False):
        frame = place(frame, barcode_image(text, symbology), centre=spot)
    cv2.imwrite(str(path), frame)
    return path


def test_each_image_gets_its_path_then_its_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = picture(tmp_path / "one.png", ("6901234567892", Symbology.EAN13), ("ORD-7K2Q", Symbology.CODE128))
    two = picture(tmp_path / "two.jpg", ("036000291452", Symbology.UPCA))
    assert main(["decode", str(one), str(two)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == str(one)
    assert sorted(lines[1:3]) == ["  code128 ORD-7K2Q", "  ean13 6901234567892"]
    assert lines[3:] == [str(two), "  upca 036000291452"]


def test_an_image_without_codes_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = picture(tmp_path / "desk.png")
    assert main(["decode", str(empty)]) == 0
    assert capsys.readouterr().out.splitlines() == [str(empty), "  (no barcode found)"]


def test_line_breaks_in_a_code_stay_on_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "vcard.png"
    qr = zxingcpp.create_barcode("王芳\r\n13812345678", zxingcpp.BarcodeFormat.QRCode)
    cv2.imwrite(str(path), place(desk(), np.asarray(qr.to_image(scale=6))))
    assert main(["decode", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [str(path), "  qr 王芳\\x0d\\x0a13812345678"]


def test_unreadable_images_give_an_error_and_a_failing_exit_but_the_rest_are_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = picture(tmp_path / "good.png", ("96385074", Symbology.EAN8))
    bad = tmp_path / "bad.png"
    bad.write_text("not an image")
    missing = tmp_path / "missing.png"
    assert main(["decode", str(bad), str(missing), str(good)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [str(bad), str(missing), str(good), "  ean8 96385074"]
    assert f"orderapp: {bad} is not an image OrderApp can read" in captured.err
    assert f"orderapp: {missing} does not exist" in captured.err


def test_the_symbologies_can_be_narrowed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    both = picture(tmp_path / "both.png", ("6901234567892", Symbology.EAN13), ("ORD-7K2Q", Symbology.CODE128))
    assert main(["decode", "--symbology", "code128", str(both)]) == 0
    assert capsys.readouterr().out.splitlines() == [str(both), "  code128 ORD-7K2Q"]


def test_an_unknown_symbology_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["decode", "--symbology", "aztec", str(tmp_path / "x.png")])
    assert raised.value.code == 2
    assert "'aztec' is not a symbology OrderApp reads" in capsys.readouterr().err
