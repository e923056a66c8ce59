"""Returns, refunds and exchanges through the stock ledger, on SQLite and PostgreSQL: the stock
figures after, the refusals (nothing changed), the slip, and the daily summary's figures."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from order_shop import USER, Shop, delivery_draft, figures, make_shop
from pdf_checks import barcodes_in, page_images, pdf_text
from return_shop import shipped
from sqlalchemy import func, select

from orderapp.domain.order_validation import LineDraft
from orderapp.domain.returns import ReturnItem
from orderapp.errors import ValidationFailed
from orderapp.services.aftersales import returns
from orderapp.services.aftersales.returns import RefundRefused
from orderapp.services.documents.daily_summary import daily_summary
from orderapp.services.documents.return_slips import return_slip_pdf
from orderapp.services.orders import placing as orders
from orderapp.services.orders.placing import OutOfStock
from orderapp.store.database import Database
from orderapp.store.models import StockMovement
from orderapp.store.return_models import OrderReturn, OrderReturnLine, Refund

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def shop(database: Database) -> Shop:
    return make_shop(database)


def line_id(view: orders.OrderView, sku: str) -> int:
    return next(line.id for line in view.lines if line.sku == sku)


def counts(database: Database) -> tuple[int, int, int, int]:
    with database.session() as session:
        return (
            session.scalar(select(func.count()).select_from(OrderReturn)) or 0,
            session.scalar(select(func.count()).select_from(OrderReturnLine)) or 0,
            session.scalar(select(func.count()).select_from(Refund)) or 0,
            session.scalar(select(func.count()).select_from(StockMovement)) or 0,
        )


def test_a_partial_return_puts_resellable_units_back_and_writes_damaged_ones_off(
    database: Database, shop: Shop
) -> None:
    view = shipped(database, LineDraft(code="TEA-001", qty="3"), LineDraft(code="NDL-002", qty="2"), deliver=True)
    assert figures(database, shop.tea) == (7, 0)
    assert figures(database, shop.noodles) == (1, 0)
    ret = returns.record_return(
        database,
        view.id,
        [ReturnItem(line_id(view, "TEA-001"), 2), ReturnItem(line_id(view, "NDL-002"), 1, "damaged")],
        reason="damaged_in_transit",
        user_id=USER,
    )
    assert ret.number == f"RT-{ret.id:06d}"
    assert (ret.restocked_units, ret.written_off_units, ret.value_cents) == (2, 1, 2 * 2500 + 1250)
    assert figures(database, shop.tea) == (9, 0)  # back on the shelf
    assert figures(database, shop.noodles) == (1, 0)  # came back, written off
    with database.session() as session:
        moves = session.execute(
            select(StockMovement.product_id, StockMovement.kind, StockMovement.qty_delta, StockMovement.reference)
            .where(StockMovement.reference == ret.number)
            .order_by(StockMovement.id)
        ).all()
    assert sorted(moves) == sorted(
        [
            (shop.tea, "return", 2, ret.number),
            (shop.noodles, "return", 1, ret.number),
            (shop.noodles, "write_off", -1, ret.number),
        ]
    )
    after = orders.get_order(database, view.id)
    assert after.status == "delivered"  # one tea and one noodles are still with the customer
    assert after.timeline[-1].title == "Items returned"
    order = returns.returnable_order(database, view.number)
    assert [(line.sku, line.returnable) for line in order.lines] == [("TEA-001", 1), ("NDL-002", 1)]
    # The rest comes back later: the order is returned.
    returns.record_return(
        database,
        view.id,
        [ReturnItem(line_id(view, "TEA-001"), 1), ReturnItem(line_id(view, "NDL-002"), 1)],
        reason="not_wanted",
        user_id=USER,
    )
    assert orders.get_order(database, view.id).status == "returned"
    assert figures(database, shop.tea) == (10, 0)
    assert figures(database, shop.noodles) == (2, 0)
    with pytest.raises(ValidationFailed, match="has already come back"):
        returns.record_return(
            database, view.id, [ReturnItem(line_id(view, "TEA-001"), 1)], reason="other", user_id=USER
        )
    assert figures(database, shop.tea) == (10, 0)


@pytest.mark.parametrize(
    ("quantity", "message"),
    [
        (4, "Only 3 of TEA-001 can come back: 3 were shipped and 0 already returned."),
        (0, "Enter how many units of TEA-001 come back (1 or more)."),
        (-2, "Enter how many units of TEA-001 come back (1 or more)."),
    ],
)
def test_a_return_above_what_was_shipped_is_refused_and_changes_nothing(
    database: Database, shop: Shop, quantity: int, message: str
) -> None:
    view = shipped(database, LineDraft(code="TEA-001", qty="3"))
    before = counts(database)
    with pytest.raises(ValidationFailed) as refused:
        returns.record_return(
            database, view.id, [ReturnItem(line_id(view, "TEA-001"), quantity)], reason="not_wanted", user_id=USER
        )
    assert message in str(refused.value)
    assert counts(database) == before
    assert figures(database, shop.tea) == (7, 0)
    assert orders.get_order(database, view.id).status == "shipped"


def test_two_items_of_one_line_cannot_add_up_to_more_than_was_shipped(database: Database, shop: Shop) -> None:
    view = shipped(database, LineDraft(code="TEA-001", qty="2"))
    tea = line_id(view, "TEA-001")
    with pytest.raises(ValidationFailed, match="Only 2 of TEA-001 can come back"):
        returns.record_return(
            database, view.id, [ReturnItem(tea, 2), ReturnItem(tea, 1, "damaged")], reason="other", user_id=USER
        )
    assert figures(database, shop.tea) == (8, 0)


def test_an_order_not_yet_shipped_takes_no_return(database: Database, shop: Shop) -> None:
    view = orders.place_order(database, delivery_draft(LineDraft(code="TEA-001")), user_id=USER, confirm=True)
    before = counts(database)
    with pytest.raises(ValidationFailed, match="has not been shipped"):
        returns.record_return(database, view.id, [ReturnItem(view.lines[0].id, 1)], reason="not_wanted", user_id=USER)
    assert counts(database) == before
    assert figures(database, shop.tea) == (10, 1)


def test_a_line_of_another_order_and_no_reason_are_refused(database: Database, shop: Shop) -> None:
    first = shipped(database, LineDraft(code="TEA-001"))
    second = shipped(database, LineDraft(code="SOP-003"))
    with pytest.raises(ValidationFailed) as refused:
        returns.record_return(database, first.id, [ReturnItem(second.lines[0].id, 1)], reason="", user_id=USER)
    text = str(refused.value)
    assert "This item is not on order " + first.number in text
    assert "Choose why the items come back." in text
    assert counts(database)[0] == 0


def test_refunds_full_and_partial_and_never_above_what_was_paid(database: Database, shop: Shop) -> None:
    view = shipped(database, LineDraft(code="TEA-001", qty="2"))  # paid ¥50.00
    assert view.paid_cents == 5000
    first = returns.record_refund(database, view.id, 1500, reason="Late delivery", user_id=USER)
    assert (first.refunded_cents, first.payment_status) == (1500, "paid")
    before = counts(database)
    with pytest.raises(RefundRefused) as refused:
        returns.record_refund(database, view.id, 3501, reason="Too much", user_id=USER)
    assert str(refused.value) == (
        f"At most ¥35.00 can be refunded for order {view.number}: ¥50.00 was paid and ¥15.00 already refunded."
    )
    with pytest.raises(RefundRefused, match="more than zero"):
        returns.record_refund(database, view.id, 0, reason="Nothing", user_id=USER)
    with pytest.raises(RefundRefused, match="Say why"):
        returns.record_refund(database, view.id, 100, reason="  ", user_id=USER)
    assert counts(database) == before
    last = returns.record_refund(database, view.id, 3500, reason="Returned in full", user_id=USER)
    assert (last.refunded_cents, last.payment_status) == (5000, "refunded")
    assert orders.get_order(database, view.id).payment_status == "refunded"
    with pytest.raises(RefundRefused, match=r"At most ¥0\.00"):
        returns.record_refund(database, view.id, 1, reason="Again", user_id=USER)


def test_an_unpaid_order_has_nothing_to_refund(database: Database, shop: Shop) -> None:
    view = shipped(database, LineDraft(code="TEA-001"), paid=False)
    with pytest.raises(RefundRefused, match="Nothing was paid for order"):
        returns.record_refund(database, view.id, 100, reason="Goodwill", user_id=USER)


def test_a_return_whose_refund_is_refused_is_not_recorded_either(database: Database, shop: Shop) -> None:
    view = shipped(database, LineDraft(code="TEA-001", qty="2"))
    before = counts(database)
    with pytest.raises(RefundRefused):
        returns.record_return(
            database,
            view.id,
            [ReturnItem(view.lines[0].id, 1)],
            reason="not_wanted",
            refund_cents=5001,
            user_id=USER,
        )
    assert counts(database) == before
    assert figures(database, shop.tea) == (8, 0)
    ret = returns.record_return(
        database, view.id, [ReturnItem(view.lines[0].id, 1)], reason="not_wanted", refund_cents=2500, user_id=USER
    )
    assert ret.refund_cents == 2500
    assert returns.returnable_order(database, ret.number).refunded_cents == 2500  # found by the return's number


def test_line_discounts_are_shared_so_the_returns_add_up_to_the_line(database: Database, shop: Shop) -> None:
    view = shipped(database, LineDraft(code="TEA-001", qty="3", discount="1.00"))  # 3 x 25.00 - 1.00 = 74.00
    tea = view.lines[0].id
    values = [
        returns.record_return(database, view.id, [ReturnItem(tea, 1)], reason="other", user_id=USER).value_cents
        for _ in range(3)
    ]
    assert sum(values) == 7400
    assert max(values) - min(values) <= 1


def test_an_exchange_is_a_return_and_a_linked_zero_price_order(database: Database, shop: Shop) -> None:
    view = shipped(database, LineDraft(code="TEA-001", qty="2"))
    ret = returns.record_exchange(
        database,
        view.id,
        [ReturnItem(view.lines[0].id, 1, "damaged")],
        [(shop.tea, 1)],
        reason="damaged_in_transit",
        user_id=USER,
    )
    assert ret.exchange_order_number
    new = orders.get_order_by_number(database, ret.exchange_order_number)
    assert (new.status, new.total_cents, new.customer and new.customer.name) == ("confirmed", 0, "王小明")
    assert (new.ship_line1, new.ship_city) == ("南京东路100号", "上海")
    assert [(line.sku, line.quantity) for line in new.lines] == [("TEA-001", 1)]
    assert view.number in new.notes and ret.number in new.notes
    assert figures(database, shop.tea) == (8, 1)  # 8 on hand (damaged one written off), 1 reserved to send


def test_an_exchange_without_stock_changes_nothing(database: Database, shop: Shop) -> None:
    view = shipped(database, LineDraft(code="TEA-001"))
    before = counts(database)
    with pytest.raises(OutOfStock):
        returns.record_exchange(
            database,
            view.id,
            [ReturnItem(view.lines[0].id, 1, "damaged")],
            [(shop.soap, 5)],
            reason="wrong_item",
            user_id=USER,
        )
    assert counts(database) == before
    assert figures(database, shop.soap) == (1, 0)


def test_the_return_slip_carries_its_number_as_code_128(database: Database, shop: Shop, tmp_path: Path) -> None:
    view = shipped(database, LineDraft(code="TEA-001", qty="2"), LineDraft(code="NDL-002"))
    ret = returns.record_return(
        database,
        view.id,
        [ReturnItem(line_id(view, "TEA-001"), 2), ReturnItem(line_id(view, "NDL-002"), 1, "damaged")],
        reason="wrong_item",
        note="客户说颜色不对",
        refund_cents=1000,
        user_id=USER,
    )
    path = return_slip_pdf(database, ret.number, tmp_path / "slip.pdf")
    assert isinstance(path, Path)
    text = pdf_text(path, tmp_path)
    for expected in (ret.number, view.number, "茉莉花茶 Jasmine Tea 250g", "Damaged", "Resellable", "Wrong item sent"):
        assert expected in text
    assert "客户说颜色不对" in text
    assert "¥62.50" in text and "¥10.00" in text
    codes = [code for image in page_images(path, tmp_path) for code, _kind in barcodes_in(image)]
    assert ret.number in codes


def test_the_daily_summary_counts_returns_and_refunds(database: Database, shop: Shop) -> None:
    day = date(2026, 11, 18)

    def at(hour: int, on: date = day) -> datetime:
        return datetime.combine(on, time(hour), tzinfo=ZONE).astimezone(UTC)

    first = shipped(database, LineDraft(code="TEA-001", qty="3"), LineDraft(code="NDL-002", qty="2"))
    second = shipped(database, LineDraft(code="SOP-003"))
    record = returns.record_return
    record(database, first.id, [ReturnItem(line_id(first, "TEA-001"), 2)], reason="other", user_id=USER, now=at(9))
    record(
        database,
        first.id,
        [ReturnItem(line_id(first, "NDL-002"), 2, "damaged"), ReturnItem(line_id(first, "TEA-001"), 1, "damaged")],
        reason="defective",
        refund_cents=1200,
        user_id=USER,
        now=at(23),
    )
    record(
        database,
        second.id,
        [ReturnItem(second.lines[0].id, 1)],
        reason="other",
        user_id=USER,
        now=at(1, day + timedelta(days=1)),
    )
    returns.record_refund(database, second.id, 800, reason="Returned", user_id=USER, now=at(0))
    returns.record_refund(database, first.id, 300, reason="Goodwill", user_id=USER, now=at(12, day - timedelta(days=1)))

    # Worked out here from the rows, the other way round: every return and refund, bucketed by local day.
    with database.session() as session:
        rows = session.execute(
            select(
                OrderReturn.created_at, OrderReturnLine.quantity, OrderReturnLine.condition, OrderReturnLine.value_cents
            ).join(OrderReturn, OrderReturn.id == OrderReturnLine.return_id)
        ).all()
        refunds = session.execute(select(Refund.created_at, Refund.amount_cents)).all()
        return_days = {ret.created_at.astimezone(ZONE).date(): 0 for ret in session.scalars(select(OrderReturn))}
        for ret in session.scalars(select(OrderReturn)):
            return_days[ret.created_at.astimezone(ZONE).date()] += 1
    mine = [row for row in rows if row[0].astimezone(ZONE).date() == day]
    expected_value = sum(row[3] for row in mine)
    assert expected_value == 2 * 2500 + 2 * 1250 + 2500
    summary = daily_summary(database, day, now=at(12, day + timedelta(days=2)))
    figures_today = summary.figures.returns
    assert figures_today.returns == return_days[day] == 2
    assert figures_today.value_cents == expected_value
    assert figures_today.restocked_units == sum(row[1] for row in mine if row[2] == "resellable") == 2
    assert figures_today.written_off_units == sum(row[1] for row in mine if row[2] == "damaged") == 3
    day_refunds = [amount for when, amount in refunds if when.astimezone(ZONE).date() == day]
    assert (figures_today.refunds, figures_today.refunded_cents) == (len(day_refunds), sum(day_refunds)) == (2, 2000)
    assert (summary.previous_day.returns.refunds, summary.previous_day.returns.refunded_cents) == (1, 300)
    assert summary.previous_day.returns.returns == 0
