"""The packing service: the queue, every scan outcome, undo, typed counts, packing, overrides and
resuming, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from packing_shop import (
    CUPS,
    GREEN_TEA,
    GREEN_TEA_NAME,
    OOLONG,
    OOLONG_NAME,
    STRAWS,
    TEA,
    TEA_CASE,
    TEA_MISREAD,
    TEA_NAME,
    UNKNOWN_CODE,
    PackingShop,
    make_packing_shop,
)
from sqlalchemy import select

from orderapp.domain.gtin import Symbology
from orderapp.errors import ValidationFailed
from orderapp.services.packing.queue import packing_queue
from orderapp.services.packing.station import (
    BeingPackedElsewhere,
    NoOrderOpen,
    NothingToUndo,
    NotReadyToPack,
    OrderNotFound,
    PackingView,
    ScanOutcome,
    ScanResult,
    SessionClosed,
    TypedQuantityRefused,
    current_packing,
    handle_code,
    leave_order,
    open_order,
    order_scans,
    override_pack,
    record_invalid,
    record_scan,
    type_quantity,
    undo_last_scan,
)
from orderapp.services.settings.packing import PackingSettings, load_packing_settings, save_packing_settings
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Order, OrderEvent, User
from orderapp.store.opening import open_database
from orderapp.store.packing_models import PackScan, PackSession

STATION = "PACK-1"
OTHER_STATION = "PACK-2"
ME = DEFAULT_USER_ID


@pytest.fixture
def shop(database: Database) -> PackingShop:
    return make_packing_shop(database)


def scan(database: Database, view: PackingView, code: str, *, source: str = "camera", symbology=None) -> ScanResult:
    return record_scan(database, view.session_id, code, symbology=symbology, source=source, user_id=ME, station=STATION)


def counts(view: PackingView) -> dict[str, tuple[int, int]]:
    return {line.name: (line.scanned, line.ordered) for line in view.lines}


def status_of(database: Database, order_id: int) -> str:
    with database.session() as session:
        return session.get_one(Order, order_id).status


def events_of(database: Database, order_id: int) -> list[tuple[str, str | None, str | None, str, int]]:
    with database.session() as session:
        rows = session.execute(
            select(OrderEvent.kind, OrderEvent.from_status, OrderEvent.to_status, OrderEvent.detail, OrderEvent.user_id)
            .where(OrderEvent.order_id == order_id)
            .order_by(OrderEvent.id)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def sessions_of(database: Database, order_id: int) -> list[PackSession]:
    with database.session() as session:
        return list(
            session.scalars(select(PackSession).where(PackSession.order_id == order_id).order_by(PackSession.id))
        )


# -- the queue ----------------------------------------------------------------------------------------


def test_the_queue_holds_orders_ready_to_pack_most_urgent_first(database: Database, shop: PackingShop) -> None:
    queue = packing_queue(database)
    # urgent first, then the one due soonest, then the rest oldest first; received and packed are not there
    assert [entry.number for entry in queue.entries] == ["SO-000005", "SO-000006", "SO-000001", "SO-000002"]
    assert queue.total == 4
    first = queue.entries[0]
    assert first.urgent and first.customer == "王小明" and (first.lines, first.units) == (1, 1)
    big = queue.entries[3]
    assert (big.lines, big.units, big.scanned_units, big.packing_at) == (2, 18, 0, "")


def test_the_queue_shows_progress_and_where_an_order_is_open(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000002", user_id=ME, station=STATION)
    scan(database, view, CUPS)
    scan(database, view, CUPS)
    entry = next(e for e in packing_queue(database).entries if e.number == "SO-000002")
    assert (entry.scanned_units, entry.packing_at) == (2, STATION)


# -- opening ------------------------------------------------------------------------------------------


def test_opening_an_order_starts_a_session_and_moves_it_to_picking(database: Database, shop: PackingShop) -> None:
    view = open_order(database, " so-000001 ", user_id=ME, station=STATION)  # as typed, in lower case
    assert (view.number, view.status, view.customer, view.outcome) == ("SO-000001", "picking", "王小明", None)
    assert counts(view) == {TEA_NAME: (0, 2), OOLONG_NAME: (0, 1)}
    assert [line.location for line in view.lines] == ["A-01-1", "A-01-2"]
    assert not view.can_undo
    assert status_of(database, shop.two_teas) == "picking"
    kind, before, after, detail, user = events_of(database, shop.two_teas)[-1]
    assert (kind, before, after, user) == ("status", "confirmed", "picking", ME)
    assert STATION in detail
    (session,) = sessions_of(database, shop.two_teas)
    assert (session.user_id, session.station, session.outcome, session.finished_at) == (ME, STATION, None, None)


def test_opening_again_at_the_same_station_resumes_the_same_session(database: Database, shop: PackingShop) -> None:
    first = open_order(database, "SO-000001", user_id=ME, station=STATION)
    scan(database, first, TEA)
    again = open_order(database, "SO-000001", user_id=ME, station=STATION)
    assert again.session_id == first.session_id
    assert counts(again)[TEA_NAME] == (1, 2)
    assert len(sessions_of(database, shop.two_teas)) == 1


@pytest.mark.parametrize(
    ("number", "error", "words"),
    [
        ("SO-999999", OrderNotFound, "There is no order SO-999999"),
        ("SO-000003", NotReadyToPack, "not confirmed yet"),
        ("SO-000004", NotReadyToPack, "already packed"),
    ],
)
def test_orders_that_cannot_be_packed_are_refused_with_the_reason(
    database: Database, shop: PackingShop, number: str, error: type[Exception], words: str
) -> None:
    with pytest.raises(error, match=words):
        open_order(database, number, user_id=ME, station=STATION)
    assert sessions_of(database, shop.received) == []


def test_a_packed_order_says_who_packed_it_and_where(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000005", user_id=ME, station=STATION)
    assert scan(database, view, STRAWS).packed
    with pytest.raises(NotReadyToPack, match=rf"already packed \(by Owner at {STATION}"):
        open_order(database, "SO-000005", user_id=ME, station=OTHER_STATION)


def test_an_order_open_at_another_station_is_only_taken_over_on_purpose(database: Database, shop: PackingShop) -> None:
    theirs = open_order(database, "SO-000001", user_id=ME, station=OTHER_STATION)
    record_scan(database, theirs.session_id, TEA, symbology=None, source="wedge", user_id=ME, station=OTHER_STATION)
    with pytest.raises(BeingPackedElsewhere, match=f"being packed at {OTHER_STATION} by Owner") as refused:
        open_order(database, "SO-000001", user_id=ME, station=STATION)
    assert refused.value.station == OTHER_STATION
    mine = open_order(database, "SO-000001", user_id=ME, station=STATION, take_over=True)
    assert counts(mine)[TEA_NAME] == (1, 2)  # their progress is kept
    old, new = sessions_of(database, shop.two_teas)
    assert (old.outcome, new.outcome, new.station) == ("abandoned", None, STATION)
    # the other station can no longer scan into the order
    with pytest.raises(SessionClosed, match="taken over"):
        record_scan(database, theirs.session_id, TEA, symbology=None, source="wedge", user_id=ME, station=OTHER_STATION)
    assert counts(open_order(database, "SO-000001", user_id=ME, station=STATION))[TEA_NAME] == (1, 2)


# -- the outcomes of a scan ----------------------------------------------------------------------------


def test_a_needed_item_counts_up(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000001", user_id=ME, station=STATION)
    result = scan(database, view, TEA, symbology=Symbology.EAN13)
    assert result.outcome is ScanOutcome.ACCEPTED and not result.blocking
    assert (result.product_name, result.quantity, result.message) == (TEA_NAME, 1, f"{TEA_NAME}: 1 of 2")
    assert counts(result.view) == {TEA_NAME: (1, 2), OOLONG_NAME: (0, 1)}
    assert result.view.can_undo and not result.packed
    assert status_of(database, shop.two_teas) == "picking"


def test_a_complete_item_scanned_again_is_an_over_scan_and_not_counted(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000001", user_id=ME, station=STATION)
    scan(database, view, OOLONG)
    result = scan(database, view, OOLONG)
    assert result.outcome is ScanOutcome.OVER_SCAN and result.blocking
    assert result.message == f"{OOLONG_NAME} is already complete (1 of 1). Take this one out of the box."
    assert counts(result.view)[OOLONG_NAME] == (1, 1)
    assert result.quantity == 0


def test_a_case_counts_its_pack_quantity(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000002", user_id=ME, station=STATION)
    result = scan(database, view, TEA_CASE, symbology=Symbology.GTIN14)
    assert (result.outcome, result.quantity) == (ScanOutcome.ACCEPTED, 6)
    assert counts(result.view)[TEA_NAME] == (6, 6)


def test_a_case_holding_more_than_is_needed_is_an_over_scan(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000001", user_id=ME, station=STATION)
    result = scan(database, view, TEA_CASE)
    assert result.outcome is ScanOutcome.OVER_SCAN and result.case_too_big and result.blocking
    assert "holds 6" in result.message and "needs only 2 more" in result.message
    assert counts(result.view)[TEA_NAME] == (0, 2)
    result = scan(database, view, TEA)
    result = scan(database, view, TEA_CASE)  # one more needed: the case is still too big, not "complete"
    assert result.case_too_big and "needs only 1 more" in result.message
    result = scan(database, view, TEA)
    result = scan(database, view, TEA)  # now the tea is complete: an over-scan
    assert result.outcome is ScanOutcome.OVER_SCAN and not result.case_too_big
    assert "already complete (2 of 2)" in result.message


def test_a_product_not_on_the_order_is_named(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000001", user_id=ME, station=STATION)
    result = scan(database, view, GREEN_TEA)
    assert result.outcome is ScanOutcome.NOT_ON_ORDER and result.blocking
    assert result.product_name == GREEN_TEA_NAME
    assert result.message == f"{GREEN_TEA_NAME} is not on order SO-000001. Take it out of the box."
    assert counts(result.view) == {TEA_NAME: (0, 2), OOLONG_NAME: (0, 1)}


def test_an_unknown_code_is_refused(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000001", user_id=ME, station=STATION)
    result = scan(database, view, UNKNOWN_CODE)
    assert result.outcome is ScanOutcome.UNKNOWN and result.blocking
    assert result.message.startswith(f"{UNKNOWN_CODE} is not the barcode of any product.")
    assert result.product_name == ""


@pytest.mark.parametrize(("source", "symbology"), [("typed", None), ("camera", Symbology.EAN13)])
def test_a_wrong_check_digit_is_invalid(database: Database, shop: PackingShop, source: str, symbology) -> None:
    view = open_order(database, "SO-000001", user_id=ME, station=STATION)
    result = scan(database, view, TEA_MISREAD, source=source, symbology=symbology)
    assert result.outcome is ScanOutcome.INVALID and result.blocking
    assert "wrong check digit" in result.message
    assert counts(result.view)[TEA_NAME] == (0, 2)


def test_a_code_refused_by_the_scanner_layer_is_stored_as_invalid(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000001", user_id=ME, station=STATION)
    result = record_invalid(
        database, view.session_id, "", message="That barcode has a wrong check digit.", source="wedge",
        user_id=ME, station=STATION,
    )  # fmt: skip
    assert (result.outcome, result.blocking, result.message) == (
        ScanOutcome.INVALID,
        True,
        "That barcode has a wrong check digit.",
    )
    assert order_scans(database, shop.two_teas) == [("invalid", "", 0)]
    assert counts(result.view) == {TEA_NAME: (0, 2), OOLONG_NAME: (0, 1)}


def test_a_upc_a_read_as_ean_13_is_the_same_product(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000001", user_id=ME, station=STATION)
    result = scan(database, view, "0" + OOLONG, symbology=Symbology.EAN13)
    assert (result.outcome, result.product_name) == (ScanOutcome.ACCEPTED, OOLONG_NAME)


def test_every_scan_is_stored_with_who_where_and_how(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000001", user_id=ME, station=STATION)
    scan(database, view, TEA, source="camera", symbology=Symbology.EAN13)
    scan(database, view, GREEN_TEA, source="wedge")
    scan(database, view, UNKNOWN_CODE, source="typed")
    with database.session() as session:
        rows = session.execute(
            select(
                PackScan.code,
                PackScan.source,
                PackScan.symbology,
                PackScan.outcome,
                PackScan.product_id,
                PackScan.quantity,
                PackScan.user_id,
                PackScan.station,
                PackScan.pack_session_id,
                PackScan.at,
            )
            .where(PackScan.order_id == shop.two_teas)
            .order_by(PackScan.id)
        ).all()
    assert [row[:6] for row in rows] == [
        (TEA, "camera", "ean13", "accepted", shop.tea, 1),
        (GREEN_TEA, "wedge", None, "not_on_order", shop.green_tea, 0),
        (UNKNOWN_CODE, "typed", None, "unknown", None, 0),
    ]
    assert all(row[6:9] == (ME, STATION, view.session_id) for row in rows)
    assert rows[0].at <= rows[2].at and rows[0].at.tzinfo is not None


# -- undo ---------------------------------------------------------------------------------------------


def test_undo_takes_back_the_last_counted_scans_one_by_one(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000001", user_id=ME, station=STATION)
    scan(database, view, TEA)
    scan(database, view, OOLONG)
    scan(database, view, GREEN_TEA)  # refused scans are not undone: they counted nothing
    first = undo_last_scan(database, view.session_id, user_id=ME, station=STATION)
    assert (first.outcome, first.product_name, first.quantity) == (ScanOutcome.UNDO, OOLONG_NAME, -1)
    assert counts(first.view) == {TEA_NAME: (1, 2), OOLONG_NAME: (0, 1)}
    second = undo_last_scan(database, view.session_id, user_id=ME, station=STATION)
    assert counts(second.view) == {TEA_NAME: (0, 2), OOLONG_NAME: (0, 1)}
    assert not second.view.can_undo
    with pytest.raises(NothingToUndo, match="nothing to undo"):
        undo_last_scan(database, view.session_id, user_id=ME, station=STATION)
    assert [outcome for outcome, _code, _qty in order_scans(database, shop.two_teas)] == [
        "accepted",
        "accepted",
        "not_on_order",
        "undo",
        "undo",
    ]


def test_undo_of_a_case_takes_back_the_whole_case(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000002", user_id=ME, station=STATION)
    scan(database, view, TEA_CASE)
    result = undo_last_scan(database, view.session_id, user_id=ME, station=STATION)
    assert result.quantity == -6 and counts(result.view)[TEA_NAME] == (0, 6)


# -- typed quantities ---------------------------------------------------------------------------------


def test_a_big_line_takes_a_typed_count_after_one_unit_is_scanned(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000002", user_id=ME, station=STATION)
    cups = next(line for line in view.lines if line.name == "Paper Cups 8oz")
    assert cups.typed_allowed and not cups.typed_ready
    with pytest.raises(TypedQuantityRefused, match="Scan one Paper Cups 8oz first"):
        type_quantity(database, view.session_id, cups.line_id, 5, user_id=ME, station=STATION)
    after = scan(database, view, CUPS).view
    assert after.line(cups.line_id).typed_ready
    with pytest.raises(ValidationFailed, match="from 1 to 11") as too_many:
        type_quantity(database, view.session_id, cups.line_id, 12, user_id=ME, station=STATION)
    assert too_many.value.errors[0].field == "quantity"
    result = type_quantity(database, view.session_id, cups.line_id, 11, user_id=ME, station=STATION)
    assert (result.outcome, result.quantity, result.message) == (
        ScanOutcome.TYPED_QTY,
        11,
        "Paper Cups 8oz: 12 of 12 (typed)",
    )
    assert result.view.line(cups.line_id).complete
    undone = undo_last_scan(database, view.session_id, user_id=ME, station=STATION)
    assert undone.view.line(cups.line_id).scanned == 1


def test_small_lines_and_a_shop_that_turned_typing_off_refuse_typed_counts(
    database: Database, shop: PackingShop
) -> None:
    view = open_order(database, "SO-000002", user_id=ME, station=STATION)
    tea = next(line for line in view.lines if line.name == TEA_NAME)
    assert not tea.typed_allowed  # 6 is below the default of 10
    scan(database, view, TEA)
    with pytest.raises(TypedQuantityRefused, match="lines of 10 or more"):
        type_quantity(database, view.session_id, tea.line_id, 2, user_id=ME, station=STATION)
    save_packing_settings(database, PackingSettings(typed_qty_from=0))
    assert load_packing_settings(database).typed_qty_from == 0
    cups = next(line for line in view.lines if line.name == "Paper Cups 8oz")
    scan(database, view, CUPS)
    with pytest.raises(TypedQuantityRefused, match="turned off"):
        type_quantity(database, view.session_id, cups.line_id, 2, user_id=ME, station=STATION)
    save_packing_settings(database, PackingSettings(typed_qty_from=5))
    assert (
        type_quantity(database, view.session_id, tea.line_id, 5, user_id=ME, station=STATION)
        .view.line(tea.line_id)
        .complete
    )


def test_the_typed_count_threshold_is_checked(database: Database, shop: PackingShop) -> None:
    with pytest.raises(ValidationFailed, match="from 0 to"):
        save_packing_settings(database, PackingSettings(typed_qty_from=-1))
    assert load_packing_settings(database) == PackingSettings(typed_qty_from=10)


# -- packing ------------------------------------------------------------------------------------------


def test_the_last_needed_item_packs_the_order_and_offers_the_next(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000001", user_id=ME, station=STATION)
    results = [scan(database, view, code) for code in (TEA, OOLONG, TEA)]
    assert [r.packed for r in results] == [False, False, True]
    last = results[-1]
    assert last.view.complete and last.view.outcome == "packed" and last.view.status == "packed"
    assert last.next_order is not None and last.next_order.number == "SO-000005"  # the urgent one
    assert status_of(database, shop.two_teas) == "packed"
    (session,) = sessions_of(database, shop.two_teas)
    assert (session.outcome, session.user_id, session.station) == ("packed", ME, STATION)
    assert session.finished_at is not None and session.started_at <= session.finished_at
    kind, before, after, detail, user = events_of(database, shop.two_teas)[-1]
    assert (kind, before, after, user) == ("status", "picking", "packed", ME)
    assert "every item scanned" in detail
    assert "SO-000001" not in [e.number for e in packing_queue(database).entries]
    with pytest.raises(SessionClosed, match="already packed"):
        scan(database, view, TEA)


def test_packing_without_full_verification_needs_a_reason(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000001", user_id=ME, station=STATION)
    scan(database, view, TEA)
    with pytest.raises(ValidationFailed) as refused:
        override_pack(database, view.session_id, "   ", user_id=ME, station=STATION)
    assert refused.value.errors[0].field == "reason"
    assert status_of(database, shop.two_teas) == "picking"
    result = override_pack(database, view.session_id, "标签撕坏了 label torn", user_id=ME, station=STATION)
    assert result.view.outcome == "override" and result.view.status == "packed"
    assert result.next_order is not None
    (session,) = sessions_of(database, shop.two_teas)
    assert (session.outcome, session.override_reason) == ("override", "标签撕坏了 label torn")
    kind, before, after, detail, _user = events_of(database, shop.two_teas)[-1]
    assert (kind, before, after) == ("override", "picking", "packed")
    assert "1 of 3 units scanned" in detail and "标签撕坏了 label torn" in detail


# -- resuming and switching -----------------------------------------------------------------------------


def test_progress_survives_a_crash_and_resumes_at_the_station(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000002", user_id=ME, station=STATION)
    scan(database, view, CUPS)
    scan(database, view, TEA_CASE)
    url = database.url
    database.dispose()  # the PC went down
    reopened = open_database(url.render_as_string(hide_password=False))
    try:
        resumed = current_packing(reopened, STATION)
        assert resumed is not None and resumed.session_id == view.session_id
        assert counts(resumed) == {"Paper Cups 8oz": (1, 12), TEA_NAME: (6, 6)}
        assert current_packing(reopened, OTHER_STATION) is None
    finally:
        reopened.dispose()


def test_leaving_an_order_keeps_its_progress_for_later(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000001", user_id=ME, station=STATION)
    scan(database, view, TEA)
    leave_order(database, view.session_id)
    assert current_packing(database, STATION) is None
    later = open_order(database, "SO-000001", user_id=ME, station=STATION)
    assert later.session_id != view.session_id and counts(later)[TEA_NAME] == (1, 2)
    assert later.can_undo  # the unit scanned in the earlier session can still be taken back


def test_a_slip_scanned_anywhere_opens_its_order(database: Database, shop: PackingShop) -> None:
    with pytest.raises(NoOrderOpen, match="Scan the barcode on the order's packing slip"):
        handle_code(database, TEA, symbology=None, source="wedge", user_id=ME, station=STATION, session_id=None)
    first = handle_code(database, "SO-000001", symbology="code128", source="camera", user_id=ME, station=STATION,
                        session_id=None)  # fmt: skip
    assert isinstance(first, PackingView) and first.number == "SO-000001"
    item = handle_code(database, TEA, symbology=None, source="wedge", user_id=ME, station=STATION,
                       session_id=first.session_id)  # fmt: skip
    assert isinstance(item, ScanResult) and item.outcome is ScanOutcome.ACCEPTED
    # another slip in the middle of an order switches to it; the first keeps its progress
    second = handle_code(database, "SO-000006", symbology="code128", source="camera", user_id=ME, station=STATION,
                         session_id=first.session_id)  # fmt: skip
    assert isinstance(second, PackingView) and second.number == "SO-000006"
    assert [s.outcome for s in sessions_of(database, shop.two_teas)] == ["abandoned"]
    assert current_packing(database, STATION).number == "SO-000006"  # type: ignore[union-attr]
    back = open_order(database, "SO-000001", user_id=ME, station=STATION)
    assert counts(back)[TEA_NAME] == (1, 2)


def test_an_order_put_on_hold_while_packing_stops_the_scans(database: Database, shop: PackingShop) -> None:
    view = open_order(database, "SO-000001", user_id=ME, station=STATION)
    with database.session(write=True) as session:
        session.get_one(Order, shop.two_teas).status = "on_hold"
        session.commit()
    with pytest.raises(NotReadyToPack, match="on hold"):
        scan(database, view, TEA)
    assert sessions_of(database, shop.two_teas)[0].outcome == "abandoned"
    assert order_scans(database, shop.two_teas) == []


def test_a_second_packer_at_the_same_station_gets_a_session_of_their_own(database: Database, shop: PackingShop) -> None:
    with database.session(write=True) as session:
        helper = User(username="li", display_name="李雷")
        session.add(helper)
        session.commit()
        helper_id = helper.id
    mine = open_order(database, "SO-000001", user_id=ME, station=STATION)
    scan(database, mine, TEA)
    theirs = open_order(database, "SO-000001", user_id=helper_id, station=STATION)
    assert theirs.session_id != mine.session_id and theirs.user_id == helper_id
    assert counts(theirs)[TEA_NAME] == (1, 2)
    assert [s.outcome for s in sessions_of(database, shop.two_teas)] == ["abandoned", None]
