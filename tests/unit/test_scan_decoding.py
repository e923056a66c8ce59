"""Frame decoding: every symbology in its printed form, the ZBar second opinion, ZBar missing, image files."""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
from barcode_media import barcode_image, desk, place

from orderapp.domain.gtin import Symbology
from orderapp.errors import OrderAppError
from orderapp.scanning import decoding
from orderapp.scanning.decoding import DEFAULT_SYMBOLOGIES, Decoded, FrameDecoder, UnreadableImage, decode_image_file

CODES = [
    ("6901234567892", Symbology.EAN13, "6901234567892", Symbology.EAN13),
    ("036000291452", Symbology.UPCA, "036000291452", Symbology.UPCA),
    ("96385074", Symbology.EAN8, "96385074", Symbology.EAN8),
    ("04252614", Symbology.UPCE, "04252614", Symbology.UPCE),
    ("ORD-7K2Q", Symbology.CODE128, "ORD-7K2Q", Symbology.CODE128),
    ("茶叶 Oolong 250g", Symbology.QR, "茶叶 Oolong 250g", Symbology.QR),
]


def frame_showing(
    text: str, symbology: Symbology, *, angle: float = 0.0, centre: tuple[int, int] = (640, 360)
) -> np.ndarray:
    return place(desk(), barcode_image(text, symbology), centre=centre, angle=angle)


def read(decoder: FrameDecoder, frame: np.ndarray) -> list[tuple[str, Symbology]]:
    return [(d.text, d.symbology) for d in decoder.decode(frame)]


@pytest.fixture
def decoder():
    made = FrameDecoder()
    yield made
    made.close()


@pytest.mark.parametrize("written, symbology, text, read_as", CODES, ids=[c[1].value for c in CODES])
def test_each_symbology_is_read_in_the_form_printed_under_it(
    decoder: FrameDecoder, written: str, symbology: Symbology, text: str, read_as: Symbology
) -> None:
    assert read(decoder, frame_showing(written, symbology, angle=5)) == [(text, read_as)]


def test_the_outline_surrounds_the_code(decoder: FrameDecoder) -> None:
    (found,) = decoder.decode(frame_showing("6901234567892", Symbology.EAN13, centre=(400, 300)))
    xs = [x for x, _ in found.corners]
    ys = [y for _, y in found.corners]
    assert len(found.corners) == 4 and found.decoder == "zxing"
    assert min(xs) < 400 < max(xs) and min(ys) < 300 < max(ys)
    assert max(xs) - min(xs) > 150  # the bars are ~280 px wide at 3 px a module


def test_grey_frames_are_read_too(decoder: FrameDecoder) -> None:
    frame = cv2.cvtColor(frame_showing("96385074", Symbology.EAN8), cv2.COLOR_BGR2GRAY)
    assert read(decoder, frame) == [("96385074", Symbology.EAN8)]


def test_an_empty_desk_gives_nothing(decoder: FrameDecoder) -> None:
    assert decoder.decode(desk()) == []


def test_symbologies_left_out_are_not_read() -> None:
    only_retail = FrameDecoder(frozenset({Symbology.EAN13, Symbology.UPCA}), second_opinion=False)
    assert only_retail.decode(frame_showing("ORD-7K2Q", Symbology.CODE128)) == []
    assert read(only_retail, frame_showing("036000291452", Symbology.UPCA)) == [("036000291452", Symbology.UPCA)]


def test_gs1_128_case_labels_give_the_case_gtin() -> None:
    import zxingcpp

    label = np.asarray(
        zxingcpp.create_barcode("(01)10012345000017(10)LOT7", zxingcpp.BarcodeFormat.Code128, gs1=True).to_image(
            scale=3
        )
    )
    frame = place(desk(), label)
    assert read(FrameDecoder(second_opinion=False), frame) == [("10012345000017", Symbology.GTIN14)]


def test_itf14_case_codes_are_read_by_default_and_only_when_asked_for() -> None:
    frame = frame_showing("10012345000017", Symbology.GTIN14)
    expected = [("10012345000017", Symbology.GTIN14)]
    assert read(FrameDecoder(second_opinion=False), frame) == expected  # cartons' ITF-14, issue 9
    assert FrameDecoder(DEFAULT_SYMBOLOGIES - {Symbology.GTIN14}, second_opinion=False).decode(frame) == []


def test_zbar_reads_a_frame_after_zxing_has_found_nothing_and_follows_the_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Stand in for a blurry EAN that only ZBar can read: zxing-cpp is made to find nothing."""
    monkeypatch.setattr(decoding, "read_zxing", lambda *args, **kwargs: [])
    decoder = FrameDecoder(idle_frames=2, cpu_share=1.0)
    frame = frame_showing("6901234567892", Symbology.EAN13, centre=(500, 300))
    try:
        assert decoder.decode(frame) == []
        assert decoder.decode(frame) == []  # second miss: ZBar starts on its own thread
        assert decoder.wait_for_second_opinion()
        first = decoder.decode(frame)  # ZBar's find is re-read in this frame's crop
        second = decoder.decode(frame)
        assert [(d.text, d.decoder) for d in first] == [("6901234567892", "zbar")]
        assert [(d.text, d.decoder) for d in second] == [("6901234567892", "zbar")]
        xs = [x for x, _ in second[0].corners]
        assert min(xs) < 500 < max(xs)  # corners in whole-frame pixels, not crop pixels
        assert decoder.decode(desk()) == []  # a blurred frame: still looked for where it was ...
        assert [d.text for d in decoder.decode(frame)] == ["6901234567892"]
        for _ in range(decoding.TRACK_PATIENCE_FRAMES):
            assert decoder.decode(desk()) == []  # ... until it has been gone a while: no longer followed
        assert decoder.decode(frame) == []
    finally:
        decoder.close()


def test_zbar_is_not_asked_while_zxing_reads_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    decoder = FrameDecoder(idle_frames=2, cpu_share=1.0)
    frame = frame_showing("6901234567892", Symbology.EAN13)
    try:
        for _ in range(5):
            assert [d.decoder for d in decoder.decode(frame)] == ["zxing"]
        assert decoder.wait_for_second_opinion() is False
    finally:
        decoder.close()


@pytest.fixture
def zbar_library_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    """What pyzbar does on a machine without libzbar: importing pyzbar.pyzbar raises ImportError."""
    import pyzbar.zbar_library

    def no_library() -> None:
        raise ImportError("Unable to find zbar shared library")

    for module in ("pyzbar.pyzbar", "pyzbar.wrapper"):
        if module in sys.modules:
            monkeypatch.delitem(sys.modules, module)
    monkeypatch.setattr(pyzbar.zbar_library, "load", no_library)


@pytest.mark.usefixtures("zbar_library_missing")
def test_without_zbar_frames_are_read_by_zxing_alone_with_a_notice() -> None:
    decoder = FrameDecoder()
    assert decoder.notice is not None and "ZBar is not installed" in decoder.notice
    assert not decoder.second_opinion_active
    assert read(decoder, frame_showing("96385074", Symbology.EAN8)) == [("96385074", Symbology.EAN8)]
    for _ in range(5):
        assert decoder.decode(desk()) == []


@pytest.mark.usefixtures("zbar_library_missing")
def test_without_zbar_image_files_are_still_read(tmp_path: Path) -> None:
    path = tmp_path / "code.png"
    cv2.imwrite(str(path), frame_showing("6901234567892", Symbology.EAN13))
    assert [d.text for d in decode_image_file(path)] == ["6901234567892"]


def test_with_zbar_there_is_no_notice(decoder: FrameDecoder) -> None:
    assert decoder.notice is None and decoder.second_opinion_active


def test_image_files_are_read_with_full_effort(tmp_path: Path) -> None:
    path = tmp_path / "标签.png"  # a non-ASCII name, as a Chinese shop names its files
    ok, data = cv2.imencode(".png", frame_showing("036000291452", Symbology.UPCA, angle=-8))
    assert ok
    data.tofile(path)
    found = decode_image_file(path)
    assert [(d.text, d.symbology) for d in found] == [("036000291452", Symbology.UPCA)]


def test_a_picture_without_a_code_gives_nothing(tmp_path: Path) -> None:
    path = tmp_path / "desk.jpg"
    cv2.imwrite(str(path), desk())
    assert decode_image_file(path) == []


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda folder: folder / "missing.png", "does not exist"),
        (lambda folder: folder, "is a folder"),
        (lambda folder: _write(folder / "notes.png", b"these are not pixels"), "not an image OrderApp can read"),
        (lambda folder: _write(folder / "empty.png", b""), "not an image OrderApp can read"),
    ],
    ids=["missing", "folder", "text", "empty"],
)
def test_files_that_are_not_images_raise_a_clear_error(tmp_path: Path, make, message: str) -> None:
    with pytest.raises(UnreadableImage, match=message) as raised:
        decode_image_file(make(tmp_path))
    assert isinstance(raised.value, OrderAppError)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_decoded_is_a_frozen_value() -> None:
    decoded = Decoded("96385074", Symbology.EAN8, ((0, 0),), "zxing")
    with pytest.raises(AttributeError):
        decoded.text = "x"  # type: ignore[misc]


def test_the_cascade_asks_zbar_only_when_zxing_finds_nothing_on_the_enhanced_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ZBar's misreads must not win: on the same copy zxing-cpp is asked first."""
    asked: list[str] = []
    zbar_misread = Decoded("7034759003930", Symbology.EAN13, ((0, 0), (9, 0), (9, 9), (0, 9)), "zbar")

    def zbar(*args, **kwargs) -> list[Decoded]:  # type: ignore[no-untyped-def]
        asked.append("zbar")
        return [zbar_misread]

    monkeypatch.setattr(decoding, "read_zbar", zbar)
    grey = decoding.as_grey(frame_showing("6901234567892", Symbology.EAN13))
    formats = decoding._zxing_formats(DEFAULT_SYMBOLOGIES)
    zbar_module = decoding.load_zbar()
    found = decoding.read_cascade(grey, formats, DEFAULT_SYMBOLOGIES, zbar_module, ["EAN13"])
    assert [d.text for d in found] == ["6901234567892"] and asked == []
    assert decoding.read_enhanced(grey, formats, DEFAULT_SYMBOLOGIES, zbar_module, ["EAN13"])[0].decoder == "zxing"
    assert asked == []
    empty = decoding.as_grey(desk())
    assert decoding.read_cascade(empty, formats, DEFAULT_SYMBOLOGIES, zbar_module, ["EAN13"]) == [zbar_misread]
    assert asked == ["zbar"]  # nothing else read anything: ZBar has its say last


def test_reads_that_disagree_in_a_step_are_dropped_and_the_next_step_decides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = decoding.read_zxing
    calls: list[float] = []

    def first_look_disagrees(grey, formats, symbologies, *, scale=1.0, offset=(0, 0)):  # type: ignore[no-untyped-def]
        found = real(grey, formats, symbologies, scale=scale, offset=offset)
        calls.append(scale)
        if len(calls) == 1:  # the plain frame: a misread beside the right read of the same bars
            return [*found, Decoded("7034759003930", Symbology.EAN13, found[0].corners, "zxing")]
        return found

    monkeypatch.setattr(decoding, "read_zxing", first_look_disagrees)
    grey = decoding.as_grey(frame_showing("6901234567892", Symbology.EAN13))
    formats = decoding._zxing_formats(DEFAULT_SYMBOLOGIES)
    found = decoding.read_cascade(grey, formats, DEFAULT_SYMBOLOGIES, None, [])
    assert [d.text for d in found] == ["6901234567892"]
    assert calls == [1.0, 2.0]  # the enhanced 2x copy decided


def test_the_second_look_keeps_within_its_cpu_budget() -> None:
    """Replayed on a video's clock, an empty view's second looks take at most a quarter of the time."""
    decoder = FrameDecoder(idle_frames=1, background=False)
    empty = desk()
    try:
        for number in range(150):  # five seconds at 30 fps
            decoder.decode(empty, number / 30)
        assert decoder.looks >= 1
        # Each look starts no sooner than its duration / 0.25 after the one before, so the total is
        # at most a quarter of the time, plus the last look.
        average = decoder.look_seconds / decoder.looks
        assert decoder.look_seconds <= 0.25 * (149 / 30) + average + 1e-6
    finally:
        decoder.close()


def test_without_zbar_the_second_look_still_reads_with_zxing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decoding, "load_zbar", lambda: None)
    decoder = FrameDecoder(idle_frames=1, cpu_share=1.0, background=False)
    real = decoding.read_zxing
    monkeypatch.setattr(
        decoding, "read_zxing", lambda grey, *a, scale=1.0, **k: real(grey, *a, scale=scale, **k) if scale > 1 else []
    )
    frame = frame_showing("6901234567892", Symbology.EAN13)
    try:
        assert decoder.notice is not None
        assert decoder.decode(frame, 0.0) == []  # plain look misses; the second look runs
        found = decoder.decode(frame, 0.033)  # and is followed in this frame
        assert [(d.text, d.decoder) for d in found] == [("6901234567892", "zxing")]
    finally:
        decoder.close()
