"""A judged packing scan in the words the packer reads and the outcome stored, without a database."""

from __future__ import annotations

import pytest

from orderapp.domain.gtin import Symbology
from orderapp.domain.scan_decision import LineState, ProductRef, judge_scan
from orderapp.domain.scan_outcomes import (
    BLOCKING_OUTCOMES,
    ScanOutcome,
    checked_source,
    looks_misread,
    normalise_order_number,
    stored_symbology,
    worded,
)

TEA = ProductRef(7, "Longjing 龙井 100g")
LINES = [LineState(line_id=1, product_id=7, ordered=3, scanned=1)]


def test_a_needed_scan_is_accepted_and_says_how_many_of_the_line_are_in() -> None:
    outcome, message = worded(judge_scan(LINES, TEA, 1), "6901234567892", Symbology.EAN13.value, TEA.name, "SO-000001")
    assert outcome is ScanOutcome.ACCEPTED
    assert message == "Longjing 龙井 100g: 2 of 3"
    assert outcome not in BLOCKING_OUTCOMES


def test_a_scan_of_a_complete_line_is_an_over_scan_that_stops_the_packer() -> None:
    done = [LineState(line_id=1, product_id=7, ordered=3, scanned=3)]
    outcome, message = worded(judge_scan(done, TEA, 1), "6901234567892", Symbology.EAN13.value, TEA.name, "SO-000001")
    assert outcome is ScanOutcome.OVER_SCAN and outcome in BLOCKING_OUTCOMES
    assert "already complete (3 of 3)" in message


def test_a_case_bigger_than_what_is_left_is_stored_as_an_over_scan_and_asks_for_single_units() -> None:
    outcome, message = worded(
        judge_scan(LINES, TEA, 12), "16901234567899", Symbology.GTIN14.value, TEA.name, "SO-000001"
    )
    assert outcome is ScanOutcome.OVER_SCAN
    assert "This case holds 12 of Longjing 龙井 100g, but the order needs only 2 more." in message


def test_another_product_is_not_on_the_order_and_the_message_names_the_order() -> None:
    cup = ProductRef(9, "Gaiwan cup")
    outcome, message = worded(judge_scan(LINES, cup, 1), "4006381333931", None, cup.name, "SO-000042")
    assert outcome is ScanOutcome.NOT_ON_ORDER
    assert message == "Gaiwan cup is not on order SO-000042. Take it out of the box."


def test_an_unknown_gtin_with_a_wrong_check_digit_is_called_a_misread() -> None:
    outcome, message = worded(judge_scan(LINES, None, 1), "6901234567891", Symbology.EAN13.value, "", "SO-000001")
    assert outcome is ScanOutcome.INVALID
    assert "wrong check digit" in message


def test_an_unknown_code_with_a_right_check_digit_is_unknown() -> None:
    outcome, message = worded(judge_scan(LINES, None, 1), "6901234567892", None, "", "SO-000001")
    assert outcome is ScanOutcome.UNKNOWN
    assert message.startswith("6901234567892 is not the barcode of any product.")


def test_only_gtin_shaped_codes_can_look_misread() -> None:
    assert looks_misread("6901234567891", None)
    assert not looks_misread("6901234567891", "code128")
    assert not looks_misread("ABC-1", None)


def test_codes_and_symbologies_are_stored_in_one_form() -> None:
    assert normalise_order_number("  so-000123 ") == "SO-000123"
    assert stored_symbology(Symbology.EAN13) == "ean13"
    assert stored_symbology("") is None
    assert checked_source("wedge") == "wedge"
    with pytest.raises(ValueError, match="scan source must be one of"):
        checked_source("bluetooth")
