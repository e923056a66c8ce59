"""Every bad input gets a sentence and changes nothing (SQLite and PostgreSQL).

Hostile cells go into both importers and hostile text into every search box; whatever comes in,
the only exceptions are the project's typed errors (``OrderAppError``), and nothing is written when
a file is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from order_shop import USER, Shop, make_shop
from sqlalchemy import func, select

from orderapp.domain.order_validation import LineDraft
from orderapp.errors import OrderAppError
from orderapp.services.customers import lookup as customers
from orderapp.services.orders import importing as order_import
from orderapp.services.orders import listing as order_list
from orderapp.services.orders import placing as orders
from orderapp.services.orders import products_for_orders as order_catalogue
from orderapp.services.orders.listing import OrderFilter
from orderapp.services.packing import station as packing
from orderapp.services.stock import catalogue, counts, product_export, product_import
from orderapp.services.stock.counts import CountScope
from orderapp.store.database import Database
from orderapp.store.db_errors import NumberTooLarge, TextNotStorable
from orderapp.store.models import Customer, Order, OrderLine, Product, ProductBarcode, StockMovement

GENERIC = "order_ref,created_at,customer_name,phone,sku,quantity,unit_price,line_discount,shipping_fee,notes\n"
PRODUCTS = "sku,name,category,price,cost,barcodes\n"

# The cells a hostile tester tried, and more of their kind.
HOSTILE_CELLS = [
    "1e1000000",
    "-1e1000000",
    "9" * 5000,
    "NaN",
    "Infinity",
    "0001-01-01 00:10 +05:00",
    "9999-12-31 23:59 -05:00",
    "0001-01-01T00:00:00-14:00",
    "x" * 131_073,
    "ab\x00cd",
    "\x00",
    "half \ud83d emoji",
    "\udfff",
    "$1,00",
    "€1,50",
    "1,500",
    "=cmd|' /C calc'!A0",
    '"',
    "\r\n",
    "٣٤٥",
    "🍵" * 300,
]


def table_counts(database: Database) -> tuple[int, ...]:
    with database.session() as session:
        return tuple(
            session.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (Order, OrderLine, Customer, Product, ProductBarcode, StockMovement)
        )


def quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


def encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def try_order_import(database: Database, data: bytes) -> list[str]:
    """The sentences the order import gave (nothing written), or [] when it imported."""
    try:
        plan = order_import.plan_import(database, data)
    except OrderAppError as refused:
        return [str(refused)]
    if not plan.ok:
        return [str(p) for p in plan.errors]
    try:
        order_import.run_import(database, plan, user_id=USER)
    except OrderAppError as refused:
        return [str(refused)]
    return []


def try_product_import(database: Database, data: bytes) -> list[str]:
    try:
        result = product_import.import_products(database, data, user_id=USER)
    except OrderAppError as refused:
        return [str(refused)]
    return [str(p) for p in result.problems] if not result.written else []


@pytest.fixture
def shop(database: Database) -> Shop:
    return make_shop(database)


@pytest.mark.parametrize("cell", HOSTILE_CELLS, ids=range(len(HOSTILE_CELLS)))
@pytest.mark.parametrize("column", ["created_at", "customer_name", "quantity", "unit_price", "notes"])
def test_a_hostile_order_cell_gets_a_sentence_with_its_row(
    database: Database, shop: Shop, cell: str, column: str
) -> None:
    values = {"order_ref": "H-1", "customer_name": "王小明", "sku": "TEA-001", "quantity": "1", column: cell}
    row = ",".join(quoted(values.get(name, "")) for name in GENERIC.strip().split(","))
    before = table_counts(database)
    sentences = try_order_import(database, encoded(GENERIC + "H-0,,Li,,TEA-001,1,,,,\n" + row + "\n"))
    if sentences:
        assert table_counts(database) == before
        assert any("Row 3" in s for s in sentences), sentences
        assert all("Traceback" not in s and len(s) < 600 for s in sentences)


@pytest.mark.parametrize("cell", HOSTILE_CELLS, ids=range(len(HOSTILE_CELLS)))
@pytest.mark.parametrize("column", ["name", "price", "barcodes"])
def test_a_hostile_product_cell_gets_a_sentence_with_its_row(database: Database, cell: str, column: str) -> None:
    values = {"sku": "H-1", "name": "Tea", "price": "1.00", column: cell}
    row = ",".join(quoted(values.get(name, "")) for name in PRODUCTS.strip().split(","))
    before = table_counts(database)
    sentences = try_product_import(database, encoded(PRODUCTS + "H-0,Fine,,2.00,,\n" + row + "\n"))
    if sentences:
        assert table_counts(database) == before
        assert any("Row 3" in s for s in sentences), sentences


@pytest.mark.parametrize(
    "cell, words",
    [
        ("1e1000000", "not an amount"),
        ("$1,00", "another currency ($)"),
        ("€1,50", "another currency (€)"),
        ("1,00", "write it like 1.00"),
        ("1,500", "could be 1500 or 1.500"),
    ],
)
def test_money_in_another_currency_or_with_a_decimal_comma_is_refused(
    database: Database, shop: Shop, cell: str, words: str
) -> None:
    row = f"M-1,,Li,,TEA-001,1,{quoted(cell)},,,\n"
    assert any(words in s and "Row 2" in s for s in try_order_import(database, encoded(GENERIC + row)))
    row = f"M-1,Tea,,{quoted(cell)},,\n"
    assert any(words in s and "Row 2" in s for s in try_product_import(database, encoded(PRODUCTS + row)))
    assert table_counts(database)[0] == 0


def test_an_order_total_beyond_the_range_is_refused_like_a_line(database: Database, shop: Shop) -> None:
    """Each line is within range; together they are beyond what the total column holds."""
    rows = "BIG-1,,Li,,TEA-001,10000,1500.00,,,\n" * 2  # 2 x 15,000,000.00: each line fits, the total not
    sentences = try_order_import(database, encoded(GENERIC + rows))
    assert any("total is too large" in s and "Row 2" in s for s in sentences), sentences
    assert table_counts(database)[0] == 0


def test_a_total_beyond_the_integer_range_never_reaches_the_database_raw(database: Database, shop: Shop) -> None:
    """Even past the checks, the database's refusal is a sentence and nothing is kept."""
    products = Product.__table__
    with database.session(write=True) as session, pytest.raises(NumberTooLarge):
        session.execute(products.update().values(price_cents=10**20))
    bad_names = ["\ud800"] if database.is_sqlite else ["a\x00b", "\ud800"]
    for name in bad_names:
        with database.session(write=True) as session, pytest.raises(TextNotStorable):
            session.execute(products.update().values(name=name))
    assert table_counts(database)[3] == 4


def test_export_to_a_folder_or_an_unwritable_path_is_a_sentence(database: Database, shop: Shop, tmp_path: Path) -> None:
    for target in (tmp_path, tmp_path / "missing" / "products.csv", Path("/proc/products.csv")):
        with pytest.raises(OrderAppError) as refused:
            product_export.export_products(database, target)
        assert str(target.parent) in str(refused.value) and "choose" in str(refused.value)


SEARCH_TEXT = st.one_of(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(["\x00", "\ud800", "\udfff", "%", "_", "\\", '"', "'", "*", "-", "(", ")", "^"]),
            st.characters(codec=None),
        ),
        max_size=12,
    ),
    st.sampled_from(["NEAR(a b)", "a OR", "AND", '"', "*", "\x00", "\ud83d", "SO-\x00001", "13812345678\x00"]),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=SEARCH_TEXT)
def test_any_text_in_any_search_box_finds_or_says_something(database: Database, typed: str) -> None:
    searches = [
        lambda: order_list.list_orders(database, OrderFilter(search=typed)),
        lambda: catalogue.list_products(database, catalogue.ProductQuery(search=typed)),
        lambda: catalogue.find_by_code(database, typed),
        lambda: customers.find_customers(database, typed),
        lambda: order_catalogue.find_products(database, typed),
        lambda: order_catalogue.lookup_code(database, typed),
        lambda: counts.counter_lines(database, _count_id(database), search=typed),
        lambda: packing.open_order(database, typed, user_id=USER, station="PACK-1"),
        lambda: orders.get_order_by_number(database, typed),
    ]
    before = table_counts(database)
    for search in searches:
        try:
            search()
        except OrderAppError as said:
            assert str(said)
    assert table_counts(database)[:2] == before[:2]


_COUNTS: dict[str, int] = {}


def _count_id(database: Database) -> int:
    key = database.location
    if key not in _COUNTS:
        if not table_counts(database)[3]:
            make_shop(database)
        _COUNTS[key] = counts.start_count(database, CountScope.everything(), user_id=USER).id
    return _COUNTS[key]


HOSTILE = st.one_of(
    st.sampled_from(HOSTILE_CELLS[:10] + HOSTILE_CELLS[11:]),
    st.text(max_size=20),
    st.text(alphabet=st.sampled_from("0123456789,.-+e$€¥ \x00\ud800"), max_size=14),
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(HOSTILE, min_size=6, max_size=6))
def test_fuzzed_files_import_or_are_refused_without_writing(database: Database, cells: list[str]) -> None:
    if not table_counts(database)[3]:
        make_shop(database)
    ref, name, qty, price, when, notes = cells
    order_row = ",".join(quoted(c) for c in (ref or "F", when, name, "", "TEA-001", qty, price, "", "", notes))
    for attempt, data in (
        (try_order_import, GENERIC + order_row + "\n"),
        (try_product_import, PRODUCTS + ",".join(quoted(c) for c in (ref or "F", name, notes, price, qty, "")) + "\n"),
    ):
        before = table_counts(database)
        if attempt(database, encoded(data)):
            assert table_counts(database) == before


def test_a_form_with_hostile_text_is_refused_without_a_traceback(database: Database, shop: Shop) -> None:
    from order_shop import delivery_draft

    for bad in ("王\x00小明", "half \ud83d"):
        with pytest.raises(OrderAppError):
            orders.place_order(database, delivery_draft(LineDraft(code="TEA-001", qty="1"), name=bad), user_id=USER)
    assert table_counts(database)[0] == 0
