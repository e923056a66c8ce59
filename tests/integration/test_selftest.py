"""``orderapp selftest``: the installation check that the packaged app's smoke test runs (packaging/build.py).
Here it runs from the source tree, where it must pass, and must fail loudly when a piece is broken."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pdf_checks import pdf_text

from orderapp.cli import main


def test_selftest_passes_and_lists_what_it_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "check"
    assert main(["selftest", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "FAILED" not in said
    assert "0 failed" in said
    report = json.loads((out / "selftest.json").read_text(encoding="utf-8"))
    assert set(report["passed"]) == {
        "drivers",
        "resources",
        "demo shop",
        "barcode",
        "video",
        "opencv maths",
        "documents",
    }
    assert sorted(report["documents"]) == [
        "count-sheet.pdf",
        "daily-summary.pdf",
        "labels.pdf",
        "picklist.pdf",
        "slips.pdf",
    ]
    # The words the bundle's smoke test looks for are really in the PDFs (Chinese included).
    for name, words in report["documents"].items():
        text = pdf_text(out / name, tmp_path)
        assert words, name
        for word in words:
            assert word in text, (name, word)
    assert "示例小店" in report["documents"]["slips.pdf"]
    assert report["facts"]["order_numbers"][0] in pdf_text(out / "slips.pdf", tmp_path)


def test_a_broken_decoder_fails_the_selftest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import orderapp.scanning.decoding as decoding

    monkeypatch.setattr(decoding, "decode_image_file", lambda path, symbologies=None: [])
    assert main(["selftest", "--out", str(tmp_path / "check")]) == 1
    said = capsys.readouterr().out
    assert "FAILED barcode" in said
    assert "holds '4006381333931' but the decoder read nothing" in said
    assert "ok     documents" in said  # one failure does not hide the other checks


def test_a_video_that_plays_back_without_its_barcode_fails_the_selftest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import orderapp.scanning.pipeline as pipeline

    monkeypatch.setattr(pipeline, "replay_video", lambda path, symbologies=None: iter(()))
    assert main(["selftest", "--out", str(tmp_path / "check")]) == 1
    said = capsys.readouterr().out
    assert "FAILED video" in said
    assert "packing.ts shows 4006381333931 once but playing it back accepted nothing" in said


def test_wrong_linear_algebra_in_opencv_fails_the_selftest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import cv2

    solve = cv2.solve
    # What a forwarder passing integers of the wrong width did in the bundle: results off by a few percent.
    monkeypatch.setattr(cv2, "solve", lambda a, b, flags: (True, solve(a, b, flags=flags)[1] * 1.03))
    assert main(["selftest", "--out", str(tmp_path / "check")]) == 1
    said = capsys.readouterr().out
    assert "FAILED opencv maths: RuntimeError: OpenCV's LU solve (float64) is off numpy's by" in said


def test_missing_zbar_is_a_notice_unless_required(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import orderapp.scanning.decoding as decoding

    monkeypatch.setattr(decoding, "load_zbar", lambda: None)
    assert main(["selftest", "--out", str(tmp_path / "lenient")]) == 0
    assert "notice ZBar is not installed" in capsys.readouterr().out
    assert main(["selftest", "--require-zbar", "--out", str(tmp_path / "strict")]) == 1
    assert "ZBar cannot be loaded" in capsys.readouterr().out


def test_selftest_refuses_a_folder_with_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "keep.txt").write_text("the user's file", encoding="utf-8")
    assert main(["selftest", "--out", str(tmp_path)]) == 2
    assert "is not empty; give an empty folder" in capsys.readouterr().err
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "the user's file"
