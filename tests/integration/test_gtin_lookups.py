"""Every written form of a GTIN finds its product on every screen: packing scan, count scan,
receiving (find_by_code), product search, order entry and order search. Random GTINs of every
family (hypothesis), stored in one digit form and scanned in another, on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from gtin_strategies import RetailCode, retail_codes, scanned_forms
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from orderapp.domain.order_validation import LineDraft, OrderDraft
from orderapp.domain.product_validation import BarcodeDraft, BarcodeKind, ProductDraft
from orderapp.errors import ValidationFailed
from orderapp.services.orders import listing as order_list
from orderapp.services.orders import products_for_orders as order_catalogue
from orderapp.services.packing import station as packing
from orderapp.services.stock import catalogue, counts
from orderapp.services.stock.counts import CountScope
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Order, OrderLine, ProductBarcode

USER = DEFAULT_USER_ID
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
SLOW_DB = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


Added = tuple[int, int, str]


class Shop:
    """Products added one by one, each with an order waiting to be packed; one open count."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.numbers = itertools.count(1)
        catalogue.create_product(database, ProductDraft(sku="SHELF-Z", name="On shelf Z", location="Z-0"), user_id=USER)
        self.count_id = counts.start_count(database, CountScope.location("Z"), user_id=USER).id

    @contextmanager
    def add(
        self, code: RetailCode, stored: str, kind: BarcodeKind = BarcodeKind.UNIT
    ) -> Iterator[tuple[int, int, str]]:
        """(product id, order id, order number) of a new product whose barcode is ``stored``; the
        barcode is taken off again afterwards, so that another example may draw the same GTIN."""
        n = next(self.numbers)
        pack = 6 if kind is BarcodeKind.CASE else 1
        detail = catalogue.create_product(
            self.database,
            ProductDraft(sku=f"G-{n}", name=f"货品 {n}", location="Z-1", barcodes=(BarcodeDraft(stored, kind, pack),)),
            user_id=USER,
        )
        number = f"GT-{n:06d}"
        with self.database.session(write=True) as session:
            order = Order(
                number=number, status="confirmed", currency="CNY", created_by=USER, created_at=NOW, updated_at=NOW
            )
            order.lines.append(
                OrderLine(
                    line_no=1,
                    product_id=detail.id,
                    sku=detail.sku,
                    name=detail.name,
                    quantity=pack,
                    unit_price_cents=100,
                    catalogue_price_cents=100,
                )
            )
            session.add(order)
            session.commit()
            order_id = order.id
        try:
            yield detail.id, order_id, number
        finally:
            with self.database.session(write=True) as session:
                session.execute(delete(ProductBarcode).where(ProductBarcode.product_id == detail.id))
                session.commit()


@pytest.fixture
def shop(database: Database) -> Shop:
    return Shop(database)


def stored_form(data: st.DataObject, code: RetailCode) -> str:
    return data.draw(st.sampled_from([text for text, _symbology in code.digit_forms()]), label="stored")


@SLOW_DB
@given(data=st.data())
def test_a_packing_scan_in_any_form_counts_the_item(shop: Shop, data: st.DataObject) -> None:
    code = data.draw(retail_codes(), label="gtin")
    with shop.add(code, stored_form(data, code)) as (product_id, _order_id, number):
        text, symbology = data.draw(scanned_forms(code), label="scanned")
        source = data.draw(st.sampled_from(packing.SOURCES), label="source")
        view = packing.open_order(shop.database, number, user_id=USER, station="bench-1")
        # What the packing screen calls for every scan: a code that is no slip is an item of the open order.
        result = packing.handle_code(
            shop.database,
            text,
            symbology=symbology,
            source=source,
            user_id=USER,
            station="bench-1",
            session_id=view.session_id,
        )
        assert isinstance(result, packing.ScanResult)
        assert (result.outcome, result.product_id, result.quantity) == (packing.ScanOutcome.ACCEPTED, product_id, 1)
        assert result.packed  # the order's only item: the box is complete


@SLOW_DB
@given(data=st.data())
def test_a_count_scan_in_any_form_counts_its_product(shop: Shop, data: st.DataObject) -> None:
    code = data.draw(retail_codes(), label="gtin")
    with shop.add(code, stored_form(data, code)) as (product_id, _order_id, _number):
        for _scan in range(2):
            text, symbology = data.draw(scanned_forms(code), label="scanned")
            entry = counts.record_entry(
                shop.database,
                shop.count_id,
                user_id=USER,
                station="shelf",
                code=text,
                add_if_missing=True,
                symbology=symbology,
            )
            assert (entry.product_id, entry.qty) == (product_id, 1)
        assert entry.counted == 2


@SLOW_DB
@given(data=st.data())
def test_receiving_product_search_order_entry_and_order_search_find_any_form(shop: Shop, data: st.DataObject) -> None:
    code = data.draw(retail_codes(), label="gtin")
    with shop.add(code, stored_form(data, code)) as (product_id, order_id, _number):
        database = shop.database

        text, symbology = data.draw(scanned_forms(code), label="receive")
        match = catalogue.find_by_code(database, text, symbology)
        assert match is not None and (match.product_id, match.units) == (product_id, 1)

        text, _symbology = data.draw(scanned_forms(code), label="product search")
        rows = catalogue.list_products(database, catalogue.ProductQuery(search=text)).rows
        assert [row.id for row in rows] == [product_id]

        text, _symbology = data.draw(scanned_forms(code), label="order entry")
        line = LineDraft(code=text)
        item = order_catalogue.catalogue_for(database, OrderDraft(lines=(line,))).resolve(line)
        assert item is not None and item.product_id == product_id
        item = order_catalogue.lookup_code(database, text)
        assert item is not None and item.product_id == product_id

        text, _symbology = data.draw(scanned_forms(code), label="order search")
        found = order_list.list_orders(database, order_list.OrderFilter(search=text), now=NOW).rows
        assert order_id in [row.id for row in found]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_case_code_in_any_form_counts_its_pack(shop: Shop, data: st.DataObject) -> None:
    code = data.draw(retail_codes(families=("gtin14",)), label="case gtin")
    with shop.add(code, code.printed, BarcodeKind.CASE) as (product_id, _order_id, number):
        text, symbology = data.draw(scanned_forms(code), label="scanned")
        view = packing.open_order(shop.database, number, user_id=USER, station="bench-1")
        result = packing.record_scan(
            shop.database, view.session_id, text, symbology=symbology, source="camera", user_id=USER, station="bench-1"
        )
        assert (result.outcome, result.product_id, result.quantity) == (packing.ScanOutcome.ACCEPTED, product_id, 6)
        match = catalogue.find_by_code(shop.database, text, symbology)
        assert match is not None and match.units == 6


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_same_gtin_written_another_way_on_another_product_is_refused(shop: Shop, data: st.DataObject) -> None:
    code = data.draw(retail_codes(), label="gtin")
    forms = [text for text, _symbology in code.digit_forms()]
    first = data.draw(st.sampled_from(forms), label="first")
    second = data.draw(st.sampled_from(forms), label="second")
    with shop.add(code, first) as (product_id, _order, _number):
        owner = catalogue.get_product(shop.database, product_id)
        draft = ProductDraft(sku=f"OTHER-{product_id}", name="Another product", barcodes=(BarcodeDraft(second),))
        with pytest.raises(ValidationFailed) as refused:
            catalogue.create_product(shop.database, draft, user_id=USER)
        messages = {error.field: error.message for error in refused.value.errors}
        message = messages["barcodes[0].code"]
        assert f"{owner.sku} “{owner.name}”" in message and second in message
        if first != second:
            assert f"the same GTIN as {first}" in message
        assert catalogue.check_product(shop.database, draft)[0].message == message
        # The product that has it may keep it, and write it another way.
        rewritten = replace(owner.draft(), barcodes=(BarcodeDraft(second),))
        updated = catalogue.update_product(shop.database, product_id, rewritten, user_id=USER)
        assert [b.code for b in updated.barcodes] == [second]


def test_one_product_may_not_list_one_gtin_twice(database: Database) -> None:
    draft = ProductDraft(sku="TEA", name="Tea", barcodes=(BarcodeDraft("036000291452"), BarcodeDraft("00036000291452")))
    errors = catalogue.check_product(database, draft)
    assert [(e.field, e.message) for e in errors] == [
        (
            "barcodes[1].code",
            "00036000291452 is the same GTIN as 036000291452 on line 1 of this product's list; keep one.",
        )
    ]


def test_codes_that_are_not_gtins_match_only_as_written(database: Database) -> None:
    made = catalogue.create_product(
        database,
        ProductDraft(sku="BAG-1", name="Bag", barcodes=(BarcodeDraft("BAG-0001", BarcodeKind.INTERNAL),)),
        user_id=USER,
    )
    assert catalogue.find_by_code(database, "BAG-0001") is not None
    assert catalogue.find_by_code(database, " BAG-0001 ") is not None
    assert catalogue.find_by_code(database, "bag-0001") is None
    assert catalogue.find_by_code(database, "(01)BAG-0001") is None
    other = catalogue.check_product(
        database, ProductDraft(sku="BAG-2", name="Bag 2", barcodes=(BarcodeDraft("BAG-0001", BarcodeKind.INTERNAL),))
    )
    assert other and made.sku in other[0].message
