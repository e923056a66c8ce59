"""Receiving, adjusting and the movement history, as the person at the shelf sees them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from orderapp.domain.product_validation import BarcodeDraft, BarcodeKind, ProductDraft
from orderapp.errors import ValidationFailed
from orderapp.services.stock import catalogue
from orderapp.services.stock import shelf as stock
from orderapp.services.stock.ledger import reserve
from orderapp.services.stock.shelf import AdjustReason, NotEnoughStock, ReceiptLine
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Order

USER = DEFAULT_USER_ID
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def tea(database: Database) -> int:
    draft = ProductDraft(
        sku="TEA-001",
        name="西湖龙井 Longjing 100g",
        cost_cents=5000,
        barcodes=(BarcodeDraft("6901234567892"), BarcodeDraft("16901234567899", BarcodeKind.CASE, 12)),
    )
    return catalogue.create_product(database, draft, user_id=USER).id


def test_a_delivery_scanned_by_case_and_unit_adds_up(database: Database, tea: int) -> None:
    scans = ["16901234567899", "16901234567899", "6901234567892"]
    lines = []
    for code in scans:
        match = catalogue.find_by_code(database, code)
        assert match is not None
        lines.append(ReceiptLine(match.product_id, match.units))
    changes = stock.receive_delivery(database, lines, user_id=USER, supplier_reference="PO-2026-117")
    assert changes[-1].on_hand == 25
    history = stock.movement_history(database, tea)
    assert [(r.kind, r.qty_delta, r.reference) for r in history.rows] == [("receive", 1, "PO-2026-117")] + [
        ("receive", 12, "PO-2026-117")
    ] * 2
    assert history.rows[0].user_name == "Owner"


def test_a_bad_line_refuses_the_whole_delivery(database: Database, tea: int) -> None:
    with pytest.raises(ValidationFailed) as caught:
        stock.receive_delivery(database, [ReceiptLine(tea, 5), ReceiptLine(tea, 0)], user_id=USER)
    assert caught.value.errors[0].field == "lines[1].qty"
    assert stock.stock_figures(database, tea).on_hand == 0


@pytest.mark.parametrize(
    "reason, qty, words",
    [
        (AdjustReason.DAMAGED, 2, "type the number as a minus"),
        (AdjustReason.LOST, 1, "type the number as a minus"),
        (AdjustReason.FOUND, -1, "type a number above 0"),
        (AdjustReason.CORRECTION, 0, "not 0"),
    ],
)
def test_adjustment_signs_must_fit_the_reason(
    database: Database, tea: int, reason: AdjustReason, qty: int, words: str
) -> None:
    with pytest.raises(ValidationFailed, match=words):
        stock.adjust_stock(database, tea, qty, reason, user_id=USER)


def test_adjustments_record_reason_note_and_reference(database: Database, tea: int) -> None:
    stock.receive_stock(database, tea, 10, user_id=USER, at=T0)
    stock.adjust_stock(
        database,
        tea,
        -2,
        AdjustReason.DAMAGED,
        user_id=USER,
        note="crushed box",
        reference="R-9",
        at=T0 + timedelta(hours=1),
    )
    change = stock.adjust_stock(database, tea, 1, AdjustReason.FOUND, user_id=USER, at=T0 + timedelta(hours=2))
    assert (change.on_hand, change.available) == (9, 9)
    rows = stock.movement_history(database, tea).rows
    assert [(r.kind, r.qty_delta, r.reason, r.reference, r.on_hand_after) for r in rows] == [
        ("adjust", 1, "found", "", 9),
        ("adjust", -2, "damaged: crushed box", "R-9", 8),
        ("receive", 10, "Delivery received", "", 10),
    ]


def test_units_reserved_for_orders_cannot_be_adjusted_away(database: Database, tea: int) -> None:
    stock.receive_stock(database, tea, 5, user_id=USER)
    with database.session(write=True) as session:
        order = Order(number="SO-1", currency="CNY", created_by=USER)
        session.add(order)
        session.flush()
        assert reserve(session, tea, 4, user_id=USER, order_id=order.id, allow_backorder=False)
        session.commit()
    with pytest.raises(NotEnoughStock, match="Only 1 can be taken away: 5 are on hand and 4 of them are reserved"):
        stock.adjust_stock(database, tea, -2, AdjustReason.LOST, user_id=USER)
    figures = stock.stock_figures(database, tea)
    assert (figures.on_hand, figures.reserved, figures.available) == (5, 4, 1)
    stock.adjust_stock(database, tea, -1, AdjustReason.LOST, user_id=USER)
    assert stock.stock_figures(database, tea).available == 0


def test_history_pages_carry_the_running_figures(database: Database, tea: int) -> None:
    for n in range(7):
        stock.receive_stock(database, tea, n + 1, user_id=USER, at=T0 + timedelta(minutes=n))
    first = stock.movement_history(database, tea, limit=3)
    second = stock.movement_history(database, tea, after=first.next_key, limit=3)
    third = stock.movement_history(database, tea, after=second.next_key, limit=3)
    rows = first.rows + second.rows + third.rows
    assert [r.qty_delta for r in rows] == [7, 6, 5, 4, 3, 2, 1]
    assert [r.on_hand_after for r in rows] == [28, 21, 15, 10, 6, 3, 1]
    assert third.next_key is None


def test_returns_go_back_on_the_shelf(database: Database, tea: int) -> None:
    change = stock.return_to_stock(database, tea, 2, user_id=USER, reference="SO-77", note="unopened")
    assert change.on_hand == 2
    assert stock.movement_history(database, tea).rows[0].reason == "Returned to stock: unopened"
    assert stock.stock_mismatches(database) == []
