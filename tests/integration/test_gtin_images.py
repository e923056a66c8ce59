"""Generated barcode pictures of random GTINs (GS1 DataMatrix, GS1 QR, GS1-128 with other AIs
around (01), and the retail symbols), read by the app's decoder (``orderapp decode`` and the
camera's), find their product at the packing bench."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import cv2
import numpy as np
import pytest
import zxingcpp
from gtin_strategies import RetailCode, retail_codes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from orderapp.domain.gtin import Symbology
from orderapp.domain.product_validation import BarcodeDraft, ProductDraft
from orderapp.scanning.decoding import DEFAULT_SYMBOLOGIES, FrameDecoder, decode_image_file
from orderapp.services.packing import station as packing
from orderapp.services.stock import catalogue, counts
from orderapp.services.stock.counts import CountScope
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Order, OrderLine, ProductBarcode

USER = DEFAULT_USER_ID
F = zxingcpp.BarcodeFormat
GS1_SYMBOLS = {"datamatrix": F.DataMatrix, "qr": F.QRCode, "gs1-128": F.Code128}
RETAIL_SYMBOLS = {"ean13": F.EAN13, "upca": F.UPCA, "ean8": F.EAN8, "upce": F.UPCE}


def picture(content: str, symbol: zxingcpp.BarcodeFormat, *, gs1: bool) -> np.ndarray:
    """The symbol as printed: black on white with its quiet zone, a few pixels per module, grey."""
    made = zxingcpp.create_barcode(content, symbol, gs1=True) if gs1 else zxingcpp.create_barcode(content, symbol)
    image = np.array(zxingcpp.write_barcode_to_image(made, scale=4))
    return cv2.copyMakeBorder(image, 40, 40, 40, 40, cv2.BORDER_CONSTANT, value=255)


def test_datamatrix_is_read_by_default() -> None:
    assert Symbology.DATAMATRIX in DEFAULT_SYMBOLOGIES


class Bench:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.numbers = itertools.count(1)

    def pack_one(self, stored: str, text: str, symbology: Symbology) -> packing.ScanResult:
        """Make a product with barcode ``stored`` and an order of one, then scan ``text`` for it."""
        n = next(self.numbers)
        product = catalogue.create_product(
            self.database, ProductDraft(sku=f"IMG-{n}", name=f"图 {n}", barcodes=(BarcodeDraft(stored),)), user_id=USER
        )
        try:
            with self.database.session(write=True) as session:
                order = Order(number=f"IM-{n:06d}", status="confirmed", currency="CNY", created_by=USER)
                order.lines.append(
                    OrderLine(
                        line_no=1,
                        product_id=product.id,
                        sku=product.sku,
                        name=product.name,
                        quantity=1,
                        unit_price_cents=100,
                        catalogue_price_cents=100,
                    )
                )
                session.add(order)
                session.commit()
                number = order.number
            view = packing.open_order(self.database, number, user_id=USER, station="b")
            result = packing.record_scan(
                self.database,
                view.session_id,
                text,
                symbology=symbology,
                source="camera",
                user_id=USER,
                station="bench",
            )
            assert result.product_id == product.id
            return result
        finally:  # free the GTIN for the next example
            with self.database.session(write=True) as session:
                session.execute(delete(ProductBarcode).where(ProductBarcode.product_id == product.id))
                session.commit()


@pytest.fixture
def bench(database: Database) -> Iterator[Bench]:
    yield Bench(database)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_gs1_datamatrix_qr_or_gs1_128_on_the_item_packs_its_product(
    bench: Bench, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    code: RetailCode = data.draw(retail_codes(), label="gtin")
    stored = data.draw(st.sampled_from([text for text, _s in code.digit_forms()]), label="stored")
    symbol = data.draw(st.sampled_from(sorted(GS1_SYMBOLS)), label="symbol")
    lot = data.draw(st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", min_size=1, max_size=8), label="lot")
    content = data.draw(
        st.sampled_from(
            (
                f"(01){code.key}",
                f"(01){code.key}(17)271231(10){lot}",
                f"(10){lot}(01){code.key}",  # (01) after a variable-length element: FNC1 between
                f"(11)260101(01){code.key}(21){lot}",
            )
        ),
        label="content",
    )
    path = tmp_path_factory.mktemp("gs1") / f"{symbol}.png"
    cv2.imwrite(str(path), picture(content, GS1_SYMBOLS[symbol], gs1=True))
    read = decode_image_file(path)  # what ``orderapp decode FILE`` prints
    assert [(d.text, d.symbology) for d in read] == [(code.key, Symbology.GTIN14)]
    result = bench.pack_one(stored, read[0].text, read[0].symbology)
    assert (result.outcome, result.quantity) == (packing.ScanOutcome.ACCEPTED, 1)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_camera_reads_the_retail_symbol_and_finds_the_product_stored_in_another_form(
    bench: Bench, data: st.DataObject
) -> None:
    code: RetailCode = data.draw(retail_codes(families=("ean8", "upce", "upca", "ean13")), label="gtin")
    stored = data.draw(st.sampled_from([text for text, _s in code.digit_forms()]), label="stored")
    decoder = FrameDecoder()
    try:
        read = decoder.decode(picture(code.printed, RETAIL_SYMBOLS[code.family], gs1=False))
    finally:
        decoder.close()
    assert len(read) == 1
    result = bench.pack_one(stored, read[0].text, read[0].symbology)
    assert (result.outcome, result.quantity) == (packing.ScanOutcome.ACCEPTED, 1)


def test_a_plain_qr_with_the_printed_01_form_counts_on_the_shelf(database: Database) -> None:
    """Not a GS1 symbol, just the text "(01)..." in a QR (a shop's own label): still its GTIN."""
    product = catalogue.create_product(
        database,
        ProductDraft(sku="QR-1", name="QR tea", location="Q-1", barcodes=(BarcodeDraft("4006381333931"),)),
        user_id=USER,
    )
    count = counts.start_count(database, CountScope.location("Q"), user_id=USER)
    decoder = FrameDecoder()
    try:
        read = decoder.decode(picture("(01)04006381333931(10)LOT7", F.QRCode, gs1=False))
    finally:
        decoder.close()
    assert [d.symbology for d in read] == [Symbology.QR]
    entry = counts.record_entry(
        database, count.id, user_id=USER, station="shelf", code=read[0].text, symbology=read[0].symbology.value
    )
    assert entry.product_id == product.id and entry.qty == 1
