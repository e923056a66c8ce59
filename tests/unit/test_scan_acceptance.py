"""The scan filter (what counts as a scan from camera reads) and typed/wedge codes."""

from __future__ import annotations

import pytest

from orderapp.domain.gtin import Symbology
from orderapp.scanning.acceptance import (
    AcceptanceRules,
    InvalidCode,
    Scan,
    ScanFilter,
    ViewState,
    typed_scan,
    view_hint,
)
from orderapp.scanning.decoding import Decoded
from orderapp.scanning.gtin_forms import canonical_gtin, gtin_key, upca_to_upce

BOX = ((10, 10), (110, 10), (110, 60), (10, 60))
ELSEWHERE = ((700, 400), (800, 400), (800, 450), (700, 450))  # far from BOX: another label
TEA = Decoded("6901234567892", Symbology.EAN13, BOX, "zxing")
TEA_BY_ZBAR = Decoded("6901234567892", Symbology.EAN13, BOX, "zbar")
MISREAD = Decoded("7034759003930", Symbology.EAN13, BOX, "zxing")  # valid check digit, where TEA is
ORDER = Decoded("ORD-7K2Q", Symbology.CODE128, ELSEWHERE, "zxing")
SHORT = Decoded("96385074", Symbology.EAN8, BOX, "zxing")
UPCE = Decoded("04252614", Symbology.UPCE, BOX, "zbar")

Frames = list[list[Decoded]]


def run(scan_filter: ScanFilter, frames: Frames, *, fps: float = 30.0) -> list[tuple[int, str]]:
    """(frame number, code) for every scan accepted while the frames go by at ``fps``."""
    accepted = []
    for number, decoded in enumerate(frames):
        accepted += [(number, scan.code) for scan in scan_filter.feed(decoded, number / fps)]
    return accepted


def seconds(duration: float, reads: list[Decoded], fps: float = 30.0) -> Frames:
    return [list(reads) for _ in range(round(duration * fps))]


def test_a_code_counts_once_it_is_read_in_two_frames_in_a_row() -> None:
    assert run(ScanFilter(), [[], [TEA], [TEA], [TEA], [TEA]]) == [(2, "6901234567892")]


def test_the_accepted_scan_says_what_was_read() -> None:
    scan_filter = ScanFilter()
    scan_filter.feed([ORDER], 0.0)
    assert scan_filter.feed([ORDER], 0.033) == [Scan("ORD-7K2Q", Symbology.CODE128, "camera")]


@pytest.mark.parametrize("fps", [5.0, 15.0, 30.0, 60.0])
def test_an_item_held_ten_seconds_counts_once_at_any_frame_rate(fps: float) -> None:
    assert run(ScanFilter(), seconds(10, [TEA], fps), fps=fps) == [(1, "6901234567892")]


@pytest.mark.parametrize(
    "pattern", [[1, 0], [1, 1, 0], [1, 0, 0, 0, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]]
)
def test_blur_dropouts_shorter_than_the_rearm_time_never_count_again(pattern: list[int]) -> None:
    # 10 s of a held, shaken item whose code the decoder loses in some frames (up to 7 frames, 0.23 s).
    frames = [[TEA] if pattern[n % len(pattern)] else [] for n in range(300)]
    frames[:2] = [[TEA], [TEA]]
    assert [code for _n, code in run(ScanFilter(), frames)] == ["6901234567892"]


@pytest.mark.parametrize("gap_s", [0.35, 0.5, 1.0, 3.0])
def test_a_second_unit_shown_after_the_rearm_time_counts_again(gap_s: float) -> None:
    frames = seconds(1.0, [TEA]) + seconds(gap_s, []) + seconds(1.0, [TEA])
    assert [code for _n, code in run(ScanFilter(), frames)] == ["6901234567892"] * 2


@pytest.mark.parametrize("gap_s, counts", [(0.2, 1), (0.6, 2), (1.1, 2)])
def test_the_rearm_time_is_the_callers_setting(gap_s: float, counts: int) -> None:
    frames = seconds(0.5, [TEA]) + seconds(gap_s, []) + seconds(0.5, [TEA])
    assert len(run(ScanFilter(AcceptanceRules(rearm_s=0.5)), frames)) == counts
    assert len(run(ScanFilter(AcceptanceRules(rearm_s=0.1)), frames)) == 2


def test_a_code_read_only_now_and_then_while_held_waits_longer_before_it_counts_again() -> None:
    # A small blurred code read in one frame of seven (unread for 0.2 s at a time), then lost for
    # 0.35 s while held: still the same unit. Gone for a whole second, it is the next one.
    held = [[TEA] if n % 7 == 0 else [] for n in range(43)]
    frames = [[TEA], [TEA], *held, *seconds(0.35, []), *held]
    assert len(run(ScanFilter(), frames)) == 1
    frames = [[TEA], [TEA], *held, *seconds(1.0, []), [TEA], [TEA]]
    assert len(run(ScanFilter(), frames)) == 2


def test_rearming_is_timed_from_frame_times_not_frame_counts() -> None:
    # A camera that slows to 5 fps in dim light: 2 missing frames are 0.4 s out of view.
    frames = seconds(1.0, [TEA], 5) + seconds(0.4, [], 5) + seconds(1.0, [TEA], 5)
    assert len(run(ScanFilter(), frames, fps=5)) == 2
    # ... while at 60 fps 12 missing frames are only 0.2 s.
    frames = seconds(1.0, [TEA], 60) + seconds(0.2, [], 60) + seconds(1.0, [TEA], 60)
    assert len(run(ScanFilter(), frames, fps=60)) == 1


def test_a_misread_in_one_frame_is_never_accepted() -> None:
    stray = Decoded(MISREAD.text, Symbology.EAN13, ELSEWHERE, "zbar")
    frames: Frames = [[TEA], [stray, TEA], [TEA]] + [[] for _ in range(60)]
    for number in (20, 40, 60):  # now and then, never twice within the agreement time
        frames[number] = [stray]
    assert [code for _n, code in run(ScanFilter(), frames)] == ["6901234567892"]


def test_a_frame_whose_reads_disagree_counts_nothing() -> None:
    # Two different retail codes where one symbol is: neither counts, however long it goes on.
    assert run(ScanFilter(), seconds(2, [TEA, MISREAD])) == []


@pytest.mark.parametrize("every", [2, 3, 5])
def test_one_decoder_reading_another_code_at_the_same_place_refuses_both(every: int) -> None:
    # ZBar repeats its misread frame after frame; zxing-cpp reads the right code now and then.
    frames = [[TEA] if n % every == 0 else [Decoded(MISREAD.text, Symbology.EAN13, BOX, "zbar")] for n in range(90)]
    assert run(ScanFilter(), frames) == []


def test_the_right_code_counts_once_the_disagreement_has_gone() -> None:
    frames = seconds(0.5, [TEA, MISREAD]) + seconds(1.0, [TEA])
    accepted = run(ScanFilter(), frames)
    assert [code for _n, code in accepted] == ["6901234567892"]
    assert accepted[0][0] / 30 >= 0.5 + AcceptanceRules().dispute_s - 0.05


def test_codes_at_different_places_do_not_dispute_each_other() -> None:
    assert sorted(code for _n, code in run(ScanFilter(), [[TEA, ORDER], [ORDER, TEA]])) == [
        "6901234567892",
        "ORD-7K2Q",
    ]


def test_one_gtin_written_two_ways_is_no_disagreement() -> None:
    upca = Decoded("036000291452", Symbology.UPCA, BOX, "zxing")
    as_ean13 = Decoded("0036000291452", Symbology.EAN13, BOX, "zbar")
    assert len(run(ScanFilter(), [[upca, as_ean13], [upca], [as_ean13]])) == 1


@pytest.mark.parametrize("code", [SHORT, UPCE])
def test_short_codes_need_more_agreement(code: Decoded) -> None:
    rules = AcceptanceRules()
    assert run(ScanFilter(), [[code]] * (rules.short_frames_required - 1)) == []
    accepted = run(ScanFilter(), seconds(1, [code]))
    assert len(accepted) == 1
    number = accepted[0][0]
    assert number + 1 >= rules.short_frames_required and number / 30 >= rules.short_hold_s - 1e-9
    # ... over time, not frames: at 120 fps four frames are not enough.
    assert run(ScanFilter(), [[code]] * 5, fps=120) == []


def test_reads_must_come_close_together() -> None:
    # Once every 0.6 s is a stray read, not a code held in view ...
    assert run(ScanFilter(), [[TEA] if n % 18 == 0 else [] for n in range(120)]) == []
    # ... while a code read in every other frame (blur) is held in view.
    assert run(ScanFilter(), [[TEA], [], [TEA], [], [TEA]]) == [(2, "6901234567892")]


def test_reads_by_either_decoder_count_towards_the_same_code() -> None:
    assert run(ScanFilter(), [[TEA], [TEA_BY_ZBAR]]) == [(1, "6901234567892")]


def test_frames_required_is_configurable() -> None:
    assert run(ScanFilter(AcceptanceRules(frames_required=3)), [[TEA], [TEA], [TEA]]) == [(2, "6901234567892")]
    assert run(ScanFilter(AcceptanceRules(frames_required=1)), [[TEA]]) == [(0, "6901234567892")]


def test_reset_forgets_what_was_accepted() -> None:
    scan_filter = ScanFilter()
    run(scan_filter, [[TEA], [TEA]])
    scan_filter.reset()
    assert run(scan_filter, [[TEA], [TEA]]) == [(1, "6901234567892")]


def test_waiting_lists_codes_seen_but_not_yet_accepted() -> None:
    scan_filter = ScanFilter()
    scan_filter.feed([TEA], 0.0)
    assert scan_filter.waiting() == ["6901234567892"]
    scan_filter.feed([TEA], 0.03)
    assert scan_filter.waiting() == []


def test_the_view_state_tells_the_packer_what_to_do() -> None:
    scan_filter = ScanFilter()
    states = []
    for number, decoded in enumerate([[], [TEA], [TEA], [TEA], [], [], [], [], [], [], [], [], [], [], []]):
        scan_filter.feed(decoded, number / 30)
        states.append(scan_filter.state)
    assert states[0] is ViewState.EMPTY
    assert states[1] is ViewState.READING
    assert states[2:4] == [ViewState.COUNTED] * 2
    assert states[4] is ViewState.COUNTED  # just gone: not re-armed yet
    assert states[-1] is ViewState.EMPTY  # gone for longer than the re-arm time: show the next one
    assert "take it out of view to count the next one" in view_hint(ViewState.COUNTED)
    assert view_hint(ViewState.READING) and view_hint(ViewState.DISPUTED) and view_hint(ViewState.EMPTY) == ""
    scan_filter.feed([TEA, MISREAD], 1.0)
    assert scan_filter.state is ViewState.DISPUTED


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
    assert run(ScanFilter(), seconds(2, [decoded])) == []


def test_rules_out_of_range_are_refused() -> None:
    with pytest.raises(ValueError):
        AcceptanceRules(rearm_s=0)
    with pytest.raises(ValueError):
        AcceptanceRules(frames_required=0)


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
