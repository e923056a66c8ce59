"""The scan filter (what counts as a scan from camera reads) and typed/wedge codes."""

from __future__ import annotations

import pytest

from orderapp.domain.gtin import Symbology
from orderapp.scanning.acceptance import InvalidCode, Scan, ScanFilter, typed_scan
from orderapp.scanning.decoding import Decoded
from orderapp.scanning.gtin_forms import canonical_gtin, gtin_key, upca_to_upce

BOX = ((10, 10), (110, 10), (110, 60), (10, 60))
TEA = Decoded("6901234567892", Symbology.EAN13, BOX, "zxing")
TEA_BY_ZBAR = Decoded("6901234567892", Symbology.EAN13, BOX, "zbar")
MISREAD = Decoded("7034759003930", Symbology.EAN13, BOX, "zxing")  # valid check digit, seen once
ORDER = Decoded("ORD-7K2Q", Symbology.CODE128, BOX, "zxing")


def run(scan_filter: ScanFilter, frames: list[list[Decoded]]) -> list[tuple[int, str]]:
    """(frame number, code) for every scan accepted while the frames go by."""
    accepted = []
    for number, decoded in enumerate(frames):
        accepted += [(number, scan.code) for scan in scan_filter.feed(decoded)]
    return accepted


def test_a_code_counts_once_it_is_read_in_two_frames_in_a_row() -> None:
    assert run(ScanFilter(), [[], [TEA], [TEA], [TEA], [TEA]]) == [(2, "6901234567892")]


def test_the_accepted_scan_says_what_was_read() -> None:
    scan_filter = ScanFilter()
    scan_filter.feed([ORDER])
    assert scan_filter.feed([ORDER]) == [Scan("ORD-7K2Q", Symbology.CODE128, "camera")]


def test_a_misread_in_one_frame_is_never_accepted() -> None:
    frames = [[TEA], [MISREAD, TEA], [TEA], [], [MISREAD], [], [MISREAD], []]
    assert run(ScanFilter(), frames) == [(1, "6901234567892")]


def test_reads_must_be_consecutive() -> None:
    assert run(ScanFilter(), [[TEA], [], [TEA], [], [TEA]]) == []


def test_reads_by_either_decoder_count_towards_the_same_code() -> None:
    assert run(ScanFilter(), [[TEA], [TEA_BY_ZBAR]]) == [(1, "6901234567892")]


def test_frames_required_is_configurable() -> None:
    assert run(ScanFilter(frames_required=3), [[TEA], [TEA], [TEA]]) == [(2, "6901234567892")]
    assert run(ScanFilter(frames_required=1), [[TEA]]) == [(0, "6901234567892")]


def test_a_held_code_counts_once_even_when_a_frame_misses_it() -> None:
    # Motion blur loses the code for a frame or two: still the same unit in front of the camera.
    frames = [[TEA], [TEA], [TEA], [], [TEA], [], [], [TEA], [TEA]]
    assert run(ScanFilter(absent_frames_to_rearm=3), frames) == [(1, "6901234567892")]


def test_the_same_code_counts_again_after_it_has_left_the_view() -> None:
    frames = [[TEA], [TEA], [], [], [], [TEA], [TEA]]
    assert run(ScanFilter(absent_frames_to_rearm=3), frames) == [(1, "6901234567892"), (6, "6901234567892")]


def test_two_codes_in_view_are_each_accepted() -> None:
    assert run(ScanFilter(), [[TEA, ORDER], [ORDER, TEA]]) == [(1, "ORD-7K2Q"), (1, "6901234567892")]


def test_reset_forgets_what_was_accepted() -> None:
    scan_filter = ScanFilter()
    run(scan_filter, [[TEA], [TEA]])
    scan_filter.reset()
    assert run(scan_filter, [[TEA], [TEA]]) == [(1, "6901234567892")]


def test_waiting_lists_codes_seen_but_not_yet_accepted() -> None:
    scan_filter = ScanFilter()
    scan_filter.feed([TEA])
    assert scan_filter.waiting() == ["6901234567892"]
    scan_filter.feed([TEA])
    assert scan_filter.waiting() == []


@pytest.mark.parametrize(
    "decoded",
    [
        Decoded("6901234567891", Symbology.EAN13, BOX, "zbar"),  # wrong check digit
        Decoded("036000291453", Symbology.UPCA, BOX, "zxing"),
        Decoded("96385075", Symbology.EAN8, BOX, "zxing"),
        Decoded("10012345000018", Symbology.GTIN14, BOX, "zxing"),
        Decoded("690123456789", Symbology.EAN13, BOX, "zxing"),  # 12 digits is no EAN-13
        Decoded("", Symbology.CODE128, BOX, "zxing"),
    ],
)
def test_codes_with_a_wrong_check_digit_are_refused_however_often_seen(decoded: Decoded) -> None:
    assert run(ScanFilter(), [[decoded]] * 5) == []


@pytest.mark.parametrize(
    "text, code, symbology",
    [
        ("6901234567892", "6901234567892", Symbology.EAN13),
        ("  6901234567892\r\n", "6901234567892", Symbology.EAN13),
        ("\x026901234567892\x03", "6901234567892", Symbology.EAN13),  # STX/ETX framing from a scanner
        ("036000291452", "036000291452", Symbology.UPCA),
        ("0036000291452", "036000291452", Symbology.UPCA),  # the UPC-A in its EAN-13 form
        ("96385074", "96385074", Symbology.EAN8),
        ("04252614", "04252614", Symbology.UPCE),
        ("01234565", "01234565", Symbology.EAN8),  # valid both ways: read as the EAN-8 it also is
        ("10012345000017", "10012345000017", Symbology.GTIN14),
        ("６９０１２３４５６７８９２", "6901234567892", Symbology.EAN13),  # full-width digits from an IME
        ("ORD-7K2Q", "ORD-7K2Q", None),
        ("12345", "12345", None),  # an in-house short code
        ("茶叶-001", "茶叶-001", None),
    ],
)
def test_typed_codes_are_cleaned_and_recognised(text: str, code: str, symbology: Symbology | None) -> None:
    assert typed_scan(text, "typed") == Scan(code, symbology, "typed")


def test_the_source_is_kept() -> None:
    assert typed_scan("ORD-1", "wedge").source == "wedge"


@pytest.mark.parametrize(
    "text, message",
    [
        ("6901234567891", "6901234567891 has a wrong check digit"),
        ("036000291453", "036000291453 has a wrong check digit"),
        ("96385075", "96385075 has a wrong check digit"),
        ("", "Nothing was scanned"),
        ("  \r\n\t", "Nothing was scanned"),
        ("69012\ufffd4567892", "characters no barcode carries"),
        ("A" * 201, "too long"),
    ],
)
def test_bad_typed_codes_are_refused_with_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(InvalidCode, match=message):
        typed_scan(text, "typed")


def test_gtin_forms_agree_on_one_key() -> None:
    assert gtin_key("036000291452") == gtin_key("0036000291452") == gtin_key("00036000291452") == "00036000291452"
    assert gtin_key("01234565", Symbology.UPCE) == gtin_key("012345000065")
    assert gtin_key("96385074") == "00000096385074"
    assert gtin_key("ORD-7K2Q") == "ORD-7K2Q"


@pytest.mark.parametrize("upce", ["01234565", "04252614", "01234133", "01234531", "01200003", "11234562"])
def test_upc_e_compresses_back_to_what_was_printed(upce: str) -> None:
    from orderapp.domain.gtin import upce_to_upca

    upca = upce_to_upca(upce)
    assert upca_to_upce(upca) == upce
    assert canonical_gtin("0" + upca, Symbology.UPCE) == (upce, Symbology.UPCE)


def test_a_upc_a_without_a_upc_e_form_stays_upc_a() -> None:
    assert upca_to_upce("036000291452") is None
