"""Counting stock while the shop keeps selling: scope, blind counting, several PCs, exact variances,
review, recount, posting and cancelling."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest

from orderapp.domain.count_maths import Flag, Thresholds
from orderapp.domain.product_validation import BarcodeDraft, BarcodeKind, ProductDraft
from orderapp.errors import ValidationFailed
from orderapp.services.stock import catalogue, counts
from orderapp.services.stock import shelf as stock
from orderapp.services.stock.counts import CountScope, CountStatus
from orderapp.services.stock.ledger import sell
from orderapp.services.stock.shelf import AdjustReason
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, StockMovement

USER = DEFAULT_USER_ID


def add(
    database: Database,
    sku: str,
    stock_qty: int,
    *,
    location: str = "A-01-1",
    category: str = "茶叶",
    codes: tuple[BarcodeDraft, ...] = (),
    cost: int = 100,
) -> int:
    draft = ProductDraft(
        sku=sku, name=f"{sku} 商品", location=location, category=category, cost_cents=cost, barcodes=codes
    )
    product_id = catalogue.create_product(database, draft, user_id=USER).id
    if stock_qty:
        stock.receive_stock(database, product_id, stock_qty, user_id=USER)
    return product_id


def sale(database: Database, product_id: int, qty: int) -> None:
    with database.session(write=True) as session:
        assert sell(session, product_id, qty, user_id=USER, order_id=None, allow_short=False)
        session.commit()


def on_hand(database: Database, product_id: int) -> int:
    return stock.stock_figures(database, product_id).on_hand


@pytest.fixture
def shop(database: Database) -> dict[str, int]:
    return {
        "tea": add(
            database,
            "TEA-1",
            10,
            location="A-01-1",
            codes=(BarcodeDraft("6901234567892"), BarcodeDraft("16901234567899", BarcodeKind.CASE, 12)),
        ),
        "jasmine": add(database, "TEA-2", 10, location="A-02-1"),
        "rice": add(database, "RICE-1", 5, location="B-01-1", category="米面", cost=4000),
    }


def test_a_count_covers_its_scope(database: Database, shop: dict[str, int]) -> None:
    old = add(database, "OLD-1", 0, location="A-09-9")
    catalogue.set_active(database, old, False, user_id=USER)
    everything = counts.start_count(database, CountScope.everything(), user_id=USER)
    assert everything.lines == 3  # the inactive product without stock is not counted
    counts.cancel_count(database, everything.id, user_id=USER)
    assert counts.start_count(database, CountScope.location("A"), user_id=USER).lines == 2
    assert counts.start_count(database, CountScope.category("米面"), user_id=USER).lines == 1
    with pytest.raises(ValidationFailed, match="No product is kept in location Z"):
        counts.start_count(database, CountScope.location("Z"), user_id=USER)


def test_a_product_is_in_one_open_count_at_a_time(database: Database, shop: dict[str, int]) -> None:
    aisle = counts.start_count(database, CountScope.location("A"), user_id=USER, title="Aisle A")
    with pytest.raises(counts.CountOverlaps, match="2 of these products are already in open count #1 “Aisle A”"):
        counts.start_count(database, CountScope.everything(), user_id=USER)
    counts.cancel_count(database, aisle.id, user_id=USER)
    assert counts.start_count(database, CountScope.everything(), user_id=USER).lines == 3


def test_a_blind_count_never_shows_the_counter_the_expected_quantity(database: Database, shop: dict[str, int]) -> None:
    blind = counts.start_count(database, CountScope.location("A"), user_id=USER)
    assert [line.expected for line in counts.counter_lines(database, blind.id).rows] == [None, None]
    assert [line.expected for line in counts.count_sheet_lines(database, blind.id)] == [None, None]
    open_ = counts.start_count(database, CountScope.location("B"), user_id=USER, blind=False)
    assert [line.expected for line in counts.counter_lines(database, open_.id).rows] == [5]
    sheet = counts.count_sheet_lines(database, open_.id)
    assert [(s.location, s.sku, s.name, s.expected) for s in sheet] == [("B-01-1", "RICE-1", "RICE-1 商品", 5)]


def test_scans_add_one_and_case_scans_their_pack(database: Database, shop: dict[str, int]) -> None:
    count = counts.start_count(database, CountScope.location("A"), user_id=USER)
    counts.record_entry(database, count.id, user_id=USER, station="PC1", code="6901234567892")
    counts.record_entry(database, count.id, user_id=USER, station="PC1", code="6901234567892")
    result = counts.record_entry(database, count.id, user_id=USER, station="PC1", code="16901234567899")
    assert (result.sku, result.qty, result.counted) == ("TEA-1", 12, 14)
    with pytest.raises(counts.UnknownCode, match="No product has the code 4006381333931"):
        counts.record_entry(database, count.id, user_id=USER, station="PC1", code="4006381333931")
    with pytest.raises(counts.NotInCount, match="RICE-1 “RICE-1 商品” \\(B-01-1\\) is not in this count"):
        counts.record_entry(database, count.id, user_id=USER, station="PC1", product_id=shop["rice"], qty=3)
    added = counts.record_entry(
        database, count.id, user_id=USER, station="PC1", product_id=shop["rice"], qty=3, add_if_missing=True
    )
    assert added.line_added and counts.get_count(database, count.id).lines == 3


def test_a_product_in_another_open_count_is_refused_naming_it(database: Database, shop: dict[str, int]) -> None:
    counts.start_count(database, CountScope.location("B"), user_id=USER, title="Back room")
    aisle = counts.start_count(database, CountScope.location("A"), user_id=USER)
    with pytest.raises(counts.NotInCount, match="belongs to open count #1 “Back room”"):
        counts.record_entry(
            database, aisle.id, user_id=USER, station="PC1", product_id=shop["rice"], add_if_missing=True
        )


def test_sales_during_the_count_never_show_as_variances(database: Database, shop: dict[str, int]) -> None:
    tea, jasmine, rice = shop["tea"], shop["jasmine"], shop["rice"]
    count = counts.start_count(database, CountScope.everything(), user_id=USER)
    # TEA-1: 10 on the shelf, counted; then 2 sold: the sale happened after its count.
    counts.record_entry(database, count.id, user_id=USER, station="PC1", product_id=tea, qty=10)
    sale(database, tea, 2)
    # TEA-2: 3 sold before anybody counted it; the shelf then holds 7, and 7 are counted.
    sale(database, jasmine, 3)
    counts.record_entry(database, count.id, user_id=USER, station="PC2", product_id=jasmine, qty=7)
    sale(database, jasmine, 1)
    # RICE-1: one bag went missing without a record; then one sold; 3 on the shelf are counted.
    sale(database, rice, 1)
    counts.record_entry(database, count.id, user_id=USER, station="PC1", product_id=rice, qty=3)
    review = {line.sku: line for line in counts.review_lines(database, count.id)}
    assert {sku: (line.counted, line.expected, line.variance) for sku, line in review.items()} == {
        "TEA-1": (10, 10, 0),
        "TEA-2": (7, 7, 0),
        "RICE-1": (3, 4, -1),
    }
    assert review["RICE-1"].value_cents == -4000
    result = counts.post_count(database, count.id, user_id=USER)
    assert (result.adjusted_lines, result.units_added, result.units_removed) == (1, 0, 1)
    # The sales after counting are kept: the figures are the shelf's.
    assert (on_hand(database, tea), on_hand(database, jasmine), on_hand(database, rice)) == (8, 6, 3)
    assert stock.stock_mismatches(database) == []


def test_a_sale_while_a_line_is_being_counted_flags_it_and_a_recount_settles_it(
    database: Database, shop: dict[str, int]
) -> None:
    tea = shop["tea"]
    count = counts.start_count(database, CountScope.products([tea]), user_id=USER)
    counts.record_entry(database, count.id, user_id=USER, station="PC1", product_id=tea, qty=6)
    sale(database, tea, 1)  # was that unit one of the six already counted? nobody knows
    counts.record_entry(database, count.id, user_id=USER, station="PC1", product_id=tea, qty=4)
    line = counts.review_lines(database, count.id)[0]
    assert Flag.MOVED in line.flags
    with pytest.raises(counts.CountNeedsReview, match="1 line\\(s\\) are flagged for a recount"):
        counts.post_count(database, count.id, user_id=USER)
    assert counts.request_recount(database, count.id, [line.line_id], user_id=USER) == 1
    assert counts.review_lines(database, count.id)[0].counted is None
    counts.record_entry(database, count.id, user_id=USER, station="PC2", product_id=tea, qty=9)
    line = counts.review_lines(database, count.id)[0]
    assert (line.round, line.counted, line.expected, line.flags) == (2, 9, 9, frozenset())
    counts.post_count(database, count.id, user_id=USER)
    assert on_hand(database, tea) == 9
    assert len(counts.entries_of(database, count.id)) == 3  # the first round's entries are kept


def test_review_sorts_by_value_and_flags_lines_over_the_thresholds(database: Database, shop: dict[str, int]) -> None:
    count = counts.start_count(database, CountScope.everything(), user_id=USER, thresholds=Thresholds(5, 10_000))
    counts.record_entry(database, count.id, user_id=USER, station="PC1", product_id=shop["tea"], qty=4)  # -6 x 1.00
    counts.record_entry(database, count.id, user_id=USER, station="PC1", product_id=shop["rice"], qty=2)  # -3 x 40.00
    lines = counts.review_lines(database, count.id)
    assert [(line.sku, line.variance, line.value_cents) for line in lines] == [
        ("RICE-1", -3, -12_000),
        ("TEA-1", -6, -600),
        ("TEA-2", None, None),
    ]
    assert lines[0].flags == {Flag.OVER_VALUE}
    assert lines[1].flags == {Flag.OVER_UNITS}
    assert counts.review_lines(database, count.id, variances_only=True)[-1].sku == "TEA-1"
    result = counts.post_count(database, count.id, user_id=USER, accept_flagged=True)
    assert result.value_cents == -12_600
    assert on_hand(database, shop["jasmine"]) == 10  # not counted: left alone


def test_posting_writes_count_movements_and_closes_the_count(database: Database, shop: dict[str, int]) -> None:
    moment = datetime(2026, 11, 21, 18, 0, tzinfo=UTC)
    count = counts.start_count(database, CountScope.location("A"), user_id=USER)
    counts.record_entry(database, count.id, user_id=USER, station="PC1", product_id=shop["tea"], qty=11)
    counts.post_count(database, count.id, user_id=USER, zero_uncounted=True, accept_flagged=True, at=moment)
    with database.session() as session:
        rows = session.query(StockMovement).filter(StockMovement.kind == "count").order_by(StockMovement.product_id)
        found = [(m.product_id, m.qty_delta, m.reference, m.reason, m.at) for m in rows]
    assert found == [
        (shop["tea"], 1, f"COUNT-{count.id}", f"Count {count.id}: counted 11, expected 10", moment),
        (shop["jasmine"], -10, f"COUNT-{count.id}", f"Count {count.id}: not counted, set to 0", moment),
    ]
    assert counts.get_count(database, count.id).status is CountStatus.POSTED
    with pytest.raises(counts.CountClosed, match="is already posted"):
        counts.record_entry(database, count.id, user_id=USER, station="PC1", product_id=shop["tea"])
    with pytest.raises(counts.CountClosed):
        counts.post_count(database, count.id, user_id=USER)
    assert stock.stock_mismatches(database) == []


def test_cancelling_leaves_stock_untouched(database: Database, shop: dict[str, int]) -> None:
    count = counts.start_count(database, CountScope.everything(), user_id=USER)
    counts.record_entry(database, count.id, user_id=USER, station="PC1", product_id=shop["tea"], qty=1)
    before = [on_hand(database, pid) for pid in shop.values()]
    summary = counts.cancel_count(database, count.id, user_id=USER)
    assert summary.status is CountStatus.CANCELLED
    assert [on_hand(database, pid) for pid in shop.values()] == before
    with database.session() as session:
        assert session.query(StockMovement).filter(StockMovement.kind == "count").count() == 0


def test_undo_appends_the_opposite_entry(database: Database, shop: dict[str, int]) -> None:
    count = counts.start_count(database, CountScope.products([shop["tea"]]), user_id=USER)
    first = counts.record_entry(database, count.id, user_id=USER, station="PC1", code="16901234567899")
    counts.record_entry(database, count.id, user_id=USER, station="PC1", code="6901234567892")
    undone = counts.undo_entry(database, first.entry_id, user_id=USER, station="PC1")
    assert (undone.qty, undone.counted) == (-12, 1)
    with pytest.raises(ValidationFailed, match="already undone"):
        counts.undo_entry(database, first.entry_id, user_id=USER, station="PC1")
    assert [(qty, source) for _id, _line, _round, qty, _station, source in counts.entries_of(database, count.id)] == [
        (12, "scan"),
        (1, "scan"),
        (-12, "undo"),
    ]


def test_several_pcs_count_the_same_count_at_once(database: Database, shop: dict[str, int]) -> None:
    count = counts.start_count(database, CountScope.location("A"), user_id=USER)

    def scan_many(station: str) -> None:
        for _ in range(15):
            counts.record_entry(database, count.id, user_id=USER, station=station, code="6901234567892")
            counts.record_entry(database, count.id, user_id=USER, station=station, product_id=shop["jasmine"])

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(scan_many, ["PC1", "PC2", "PC3", "PC4"]))
    lines = {line.sku: line.counted for line in counts.counter_lines(database, count.id).rows}
    assert lines == {"TEA-1": 60, "TEA-2": 60}
    assert {station for *_rest, station, _source in counts.entries_of(database, count.id)} == {
        "PC1",
        "PC2",
        "PC3",
        "PC4",
    }


def test_counter_lines_page_in_location_order_and_filter(database: Database) -> None:
    for n in range(12):
        add(database, f"S-{n:02d}", 1, location=f"C-{(11 - n):02d}")
    count = counts.start_count(database, CountScope.everything(), user_id=USER)
    first = counts.counter_lines(database, count.id, limit=5)
    rest = counts.counter_lines(database, count.id, after=first.next_key, limit=50)
    locations = [line.location for line in first.rows + rest.rows]
    assert locations == sorted(locations) and len(locations) == 12
    counts.record_entry(database, count.id, user_id=USER, station="PC1", product_id=first.rows[0].product_id)
    assert len(counts.counter_lines(database, count.id, uncounted_only=True).rows) == 11
    assert [line.sku for line in counts.counter_lines(database, count.id, search="S-03").rows] == ["S-03"]


def test_entry_times_and_who_are_kept(database: Database, shop: dict[str, int]) -> None:
    count = counts.start_count(database, CountScope.products([shop["rice"]]), user_id=USER)
    at = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)
    counts.record_entry(database, count.id, user_id=USER, station="收银台", product_id=shop["rice"], qty=0, at=at)
    line = counts.review_lines(database, count.id)[0]
    assert (line.counted, line.variance, line.counted_at) == (0, -5, at)
    assert counts.entries_of(database, count.id)[0][4] == "收银台"


def test_an_adjustment_after_counting_is_kept(database: Database, shop: dict[str, int]) -> None:
    tea = shop["tea"]
    count = counts.start_count(database, CountScope.products([tea]), user_id=USER)
    counts.record_entry(database, count.id, user_id=USER, station="PC1", product_id=tea, qty=9)
    stock.adjust_stock(database, tea, -2, AdjustReason.DAMAGED, user_id=USER)
    counts.post_count(database, count.id, user_id=USER)
    assert on_hand(database, tea) == 7
