"""The order form's checks: what the shopkeeper reads under each field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orderapp.domain.money import format_money, parse_money
from orderapp.domain.order_validation import (
    MAX_QUANTITY,
    AddressDraft,
    Catalogue,
    CatalogueItem,
    CustomerDraft,
    DraftRules,
    LineDraft,
    OrderDraft,
    check_draft,
    field_label,
    left_to_fix,
    parse_amount,
    parse_quantity,
    validate_draft,
)
from orderapp.domain.phones import display_phone, looks_like_phone, search_digits, stored_digits, to_e164

TEA = CatalogueItem(1, "TEA-001", "茉莉花茶 Jasmine Tea", 2500, on_hand=10, reserved=2)
SOAP = CatalogueItem(2, "SOP-003", "Dish Soap", 800, on_hand=1, reserved=0)
OLD = CatalogueItem(3, "OLD-004", "Old Biscuits", 500, on_hand=5, reserved=0, active=False)
CASE = CatalogueItem(1, "TEA-001", "茉莉花茶 Jasmine Tea", 2500, on_hand=10, reserved=2, pack_qty=12)
CATALOGUE = Catalogue.of([TEA, SOAP, OLD], {"6901234567892": TEA, "16901234567899": CASE})
RULES = DraftRules(currency="CNY", phone_region="CN")


def good_draft(**changes: object) -> OrderDraft:
    base = OrderDraft(
        customer=CustomerDraft(name="王小明", phone="138 1234 5678", email="xiaoming@example.com"),
        delivery=AddressDraft(line1="南京东路100号", city="上海", postcode="200001"),
        lines=(LineDraft(code="TEA-001", qty="2"),),
    )
    return OrderDraft(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def messages(draft: OrderDraft, rules: DraftRules = RULES) -> dict[str, str]:
    check = check_draft(draft, CATALOGUE, rules)
    return {error.field: error.message for error in reversed(check.all_errors())}


def test_a_good_draft_has_no_messages_and_its_totals() -> None:
    check = check_draft(good_draft(shipping_fee="10", order_discount="5"), CATALOGUE, RULES)
    assert check.all_errors() == ()
    assert check.can_confirm
    assert (check.subtotal_cents, check.discount_cents, check.shipping_cents, check.total_cents) == (
        5000,
        500,
        1000,
        5500,
    )
    assert check.customer_phone == "+8613812345678"


@pytest.mark.parametrize(
    ("qty", "message"),
    [
        ("0", "The quantity must be at least 1; remove the line to sell none."),
        ("-3", "The quantity must be at least 1; remove the line to sell none."),
        ("1.5", "The quantity must be a whole number, e.g. 1 or 12."),
        ("two", "The quantity must be a whole number, e.g. 1 or 12."),
        ("", "Enter the quantity."),
        ("100000", "The quantity can be at most 99,999; split a bigger order."),
    ],
)
def test_quantity_messages(qty: str, message: str) -> None:
    draft = good_draft(lines=(LineDraft(code="TEA-001"), LineDraft(code="SOP-003", qty=qty)))
    assert messages(draft)["lines[1].qty"] == message


def test_each_field_says_what_is_wrong_under_itself() -> None:
    draft = good_draft(
        customer=CustomerDraft(name="", phone="12345", email="not-an-email"),
        delivery=AddressDraft(line1="", city="", postcode="2000"),
        lines=(LineDraft(code="NOPE-1", qty="1"), LineDraft(code="OLD-004", qty="1")),
        shipping_fee="abc",
    )
    found = messages(draft)
    assert found["customer.name"] == "Enter the customer's name, or pick an existing customer."
    assert found["customer.phone"].startswith("This phone number has the wrong number of digits")
    assert found["customer.email"] == "This is not an e-mail address; it is written like name@example.com."
    assert found["delivery.line1"] == "Enter the street and house number; the courier needs them."
    assert found["delivery.city"] == "Enter the city."
    assert found["delivery.postcode"] == "This is not a postcode of CN; it is written like 200030."
    assert found["lines[0].product"] == "No product has the SKU or barcode “NOPE-1”; check it, or search by name."
    assert found["lines[1].product"] == "“Old Biscuits” is no longer sold; choose another product."
    assert found["shipping_fee"] == "This is not an amount; type it like 12.50."
    assert not check_draft(draft, CATALOGUE, RULES).can_save


def test_discount_larger_than_the_line_is_refused() -> None:
    found = messages(good_draft(lines=(LineDraft(code="TEA-001", qty="2", discount="60"),)))
    assert found["lines[0].discount"] == "The discount is larger than the line (¥50.00); lower it."
    check = check_draft(good_draft(lines=(LineDraft(code="TEA-001", qty="2", discount="10%"),)), CATALOGUE, RULES)
    assert check.lines[0].total_cents == 4500 and check.all_errors() == ()


def test_order_discount_larger_than_the_goods_is_refused() -> None:
    assert messages(good_draft(order_discount="51"))["order_discount"] == (
        "The order discount is larger than the goods (¥50.00); lower it."
    )


def test_changed_price_is_marked_and_used() -> None:
    check = check_draft(good_draft(lines=(LineDraft(code="TEA-001", qty="2", unit_price="20"),)), CATALOGUE, RULES)
    assert check.lines[0].price_changed and check.lines[0].total_cents == 4000


def test_barcode_finds_the_product_and_a_case_code_knows_its_pack() -> None:
    assert CATALOGUE.find("6901234567892") == TEA
    assert CATALOGUE.find(" 16901234567899 ").pack_qty == 12  # type: ignore[union-attr]
    assert CATALOGUE.find("tea-001") == TEA  # SKUs in any case


def test_more_than_available_blocks_confirm_but_not_saving() -> None:
    check = check_draft(good_draft(lines=(LineDraft(code="TEA-001", qty="9"),)), CATALOGUE, RULES)
    assert check.can_save and not check.can_confirm
    assert check.message_for("lines[0].qty") == "Only 8 of “茉莉花茶 Jasmine Tea” can be sold now; lower the quantity."
    allowed = check_draft(
        good_draft(lines=(LineDraft(code="TEA-001", qty="9"),)), CATALOGUE, DraftRules(allow_backorders=True)
    )
    assert allowed.can_confirm and allowed.lines[0].short and allowed.backordered


def test_stock_is_checked_over_all_lines_of_a_product() -> None:
    draft = good_draft(lines=(LineDraft(code="SOP-003", qty="1"), LineDraft(code="SOP-003", qty="1")))
    assert "Dish Soap" in messages(draft)["lines[1].qty"]


def test_an_edited_order_may_use_what_it_already_holds() -> None:
    rules = DraftRules(already_reserved={1: 2})
    check = check_draft(good_draft(lines=(LineDraft(code="TEA-001", qty="10"),)), CATALOGUE, rules)
    assert check.can_confirm and check.lines[0].available == 10


def test_pickup_and_walk_in_need_no_address() -> None:
    pickup = good_draft(fulfilment="pickup", delivery=AddressDraft())
    assert messages(pickup) == {}
    walk_in = OrderDraft(fulfilment="walk_in", lines=(LineDraft(code="6901234567892"),))
    assert messages(walk_in) == {}


def test_delivery_needs_a_phone_somewhere() -> None:
    draft = good_draft(customer=CustomerDraft(name="王小明"))
    assert messages(draft)["customer.phone"] == "Enter a phone number; the courier calls it on delivery."
    with_recipient_phone = good_draft(
        customer=CustomerDraft(name="王小明"),
        delivery=AddressDraft(line1="x", city="y", postcode="200001", phone="021 6123 4567"),
    )
    assert messages(with_recipient_phone) == {}


def test_an_empty_order_and_the_blank_last_row() -> None:
    assert messages(good_draft(lines=(LineDraft(),)))["lines"] == "Add at least one product."
    assert messages(good_draft(lines=(LineDraft(code="TEA-001"), LineDraft()))) == {}


def test_partly_paid_needs_an_amount_below_the_total() -> None:
    assert messages(good_draft(payment_status="partly_paid"))["amount_paid"] == "Enter an amount."
    assert "choose paid instead" in messages(good_draft(payment_status="partly_paid", amount_paid="50"))["amount_paid"]
    assert check_draft(good_draft(payment_status="partly_paid", amount_paid="20"), CATALOGUE, RULES).paid_cents == 2000
    assert check_draft(good_draft(payment_status="paid"), CATALOGUE, RULES).paid_cents == 5000


def test_a_foreign_address_is_checked_against_its_country() -> None:
    uk = good_draft(delivery=AddressDraft(line1="10 Downing St", city="London", postcode="sw1a2aa", country="GB"))
    check = check_draft(uk, CATALOGUE, RULES)
    assert check.all_errors() == () and check.postcode == "SW1A 2AA"
    bad = good_draft(delivery=AddressDraft(line1="1 Main St", city="Springfield", postcode="1234", country="US"))
    assert messages(bad)["delivery.postcode"] == "This is not a postcode of US; it is written like 94103 or 94103-1234."


def test_the_short_list_under_confirm() -> None:
    check = check_draft(
        good_draft(customer=CustomerDraft(phone="13812345678"), lines=(LineDraft(code="TEA-001", qty="0"),)),
        CATALOGUE,
        RULES,
    )
    assert left_to_fix(check) == [
        "Customer name: Enter the customer's name, or pick an existing customer.",
        "Line 1 quantity: The quantity must be at least 1; remove the line to sell none.",
    ]
    assert field_label("lines[2].unit_price") == "Line 3 price"


def test_validate_draft_lists_stock_problems_too() -> None:
    assert [
        e.field for e in validate_draft(good_draft(lines=(LineDraft(code="SOP-003", qty="2"),)), CATALOGUE, RULES)
    ] == ["lines[0].qty"]


def test_a_due_time_must_carry_its_zone() -> None:
    assert "due_at" in messages(good_draft(due_at=datetime(2026, 1, 1)))
    assert messages(good_draft(due_at=datetime(2026, 1, 1, tzinfo=UTC))) == {}


# --- property-based ------------------------------------------------------------------------------


@given(st.integers(min_value=1, max_value=MAX_QUANTITY), st.sampled_from(["{}", " {} ", "{:,}", "{}.0", "{}.00"]))
def test_every_positive_whole_number_is_a_quantity(value: int, template: str) -> None:
    assert parse_quantity(template.format(value)) == value


@given(st.text())
def test_a_quantity_is_never_zero_negative_or_fractional(text: str) -> None:
    try:
        value = parse_quantity(text)
    except ValueError as exc:
        assert str(exc)  # a sentence for the user, never an empty message
    else:
        assert isinstance(value, int) and 1 <= value <= MAX_QUANTITY


@given(st.decimals(min_value=-(10**6), max_value=10**6, places=3, allow_nan=False, allow_infinity=False))
def test_a_quantity_with_a_fraction_is_refused(value: object) -> None:
    text = str(value)
    if "." in text and text.split(".")[1].strip("0"):
        with pytest.raises(ValueError):
            parse_quantity(text)


@given(st.integers(min_value=0, max_value=2_000_000_000), st.sampled_from(["CNY", "USD", "JPY", "EUR", "KWD"]))
def test_money_typed_as_shown_reads_back_the_same(minor: int, currency: str) -> None:
    assert parse_amount(format_money(minor, currency, symbol=False), currency) == minor
    assert parse_amount(format_money(minor, currency), currency) == minor
    assert parse_money(format_money(-minor, currency), currency) == -minor


@given(st.text(max_size=20))
def test_money_input_never_crashes_and_is_never_negative(text: str) -> None:
    try:
        value = parse_amount(text, "CNY")
    except ValueError as exc:
        assert str(exc)
    else:
        assert 0 <= value <= 2_000_000_000


_MOBILE = st.builds(
    lambda p, r: f"1{p}{r:08d}", st.sampled_from(["38", "39", "50", "86", "88"]), st.integers(0, 10**8 - 1)
)


_FORMATS = [
    lambda n: n,
    lambda n: f"{n[:3]} {n[3:7]} {n[7:]}",
    lambda n: f"+86 {n}",
    lambda n: f"+86-{n[:3]}-{n[3:7]}-{n[7:]}",
    lambda n: f"0086{n}",
    lambda n: f"({n[:3]}) {n[3:]}",
    lambda n: "".join(chr(ord(c) + 0xFEE0) for c in n),  # full-width digits from a Chinese IME
]


@given(_MOBILE, st.sampled_from(_FORMATS))
def test_a_mobile_number_in_any_format_is_the_same_number(number: str, write: Callable[[str], str]) -> None:
    typed = write(number)
    assert to_e164(typed, "CN") == "+86" + number
    assert display_phone(typed, "CN").replace(" ", "") == number
    assert looks_like_phone(typed)
    assert any(digits in stored_digits("+86" + number) for digits in search_digits(typed, "CN"))


@given(_MOBILE, st.integers(min_value=3, max_value=11), st.integers(min_value=0, max_value=8))
def test_any_piece_of_a_phone_number_finds_it(number: str, length: int, start: int) -> None:
    piece = number[start : start + length]
    if len(piece) >= 3:
        assert any(d in stored_digits("+86" + number) for d in search_digits(piece, "CN"))


def test_a_landline_typed_with_its_trunk_zero_still_finds_the_stored_number() -> None:
    stored = stored_digits(to_e164("021 6123 4567", "CN"))
    assert stored == "862161234567"
    assert any(d in stored for d in search_digits("021 6123", "CN"))
    assert any(d in stored for d in search_digits("(021) 6123-4567", "CN"))
