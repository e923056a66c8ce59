"""Pick lists, count sheets and labels read back from their PDFs."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pdf_checks import barcodes_in, page_count, page_images, pdf_pages_text, pdf_text, squashed

from orderapp.documents.count_sheet import CountSheetInfo, CountSheetLine, render_count_sheet
from orderapp.documents.labels import SHEETS, LabelProduct, UnknownSheet, render_labels, sheet
from orderapp.documents.letterhead import Letterhead
from orderapp.documents.pick_list import PickItem, PickList, PickOrder, bin_order, render_pick_list
from orderapp.domain.gtin import with_check_digit

SHOP = Letterhead(name="莲花茶庄 Lotus Tea House")
MADE = datetime(2026, 11, 21, 1, 0, tzinfo=UTC)


def test_bin_locations_sort_the_way_the_shelves_run() -> None:
    locations = ["A-10-1", "", "A-2-1", "B-01-1", "a-2-2", "A-02-3"]
    ordered = sorted(locations, key=lambda location: bin_order(location, "X"))
    assert ordered == ["A-2-1", "a-2-2", "A-02-3", "A-10-1", "B-01-1", ""]


def pick_list(items: int = 3) -> PickList:
    return PickList(
        orders=(PickOrder("SO-000001", "王小明", 5), PickOrder("SO-000002", "Ann Lee <A&B>", 2, urgent=True)),
        items=tuple(
            PickItem(f"A-{i:02d}-1", f"TEA-{i:06d}", f"龙井 Longjing {i}", 3, (("SO-000001", 2), ("SO-000002", 1)))
            for i in range(1, items + 1)
        ),
        made_at=MADE,
    )


def test_a_pick_list_shows_the_orders_with_barcodes_and_each_product_once(tmp_path: Path) -> None:
    out = io.BytesIO()
    render_pick_list(pick_list(), SHOP, out)
    data = out.getvalue()
    text = pdf_text(data, tmp_path)
    for expected in (
        "Pick list",
        "2 orders, 3 products, 9 units",
        "Printed Nov 21, 2026 09:00",
        "王小明",
        "Ann Lee <A&B>",
        "URGENT",
        "A-01-1",
        "龙井 Longjing 2",
        "SO-000001 × 2",
        "SO-000002 × 1",
        "Page 1 of 1",
    ):
        assert expected in text, expected
    found = barcodes_in(page_images(data, tmp_path)[0])
    assert ("SO-000001", "code128") in found and ("SO-000002", "code128") in found


def test_a_long_pick_list_repeats_its_header_and_counts_pages(tmp_path: Path) -> None:
    out = io.BytesIO()
    pages = render_pick_list(pick_list(items=120), SHOP, out)
    texts = pdf_pages_text(out.getvalue(), tmp_path)
    assert pages == len(texts) >= 3
    for number, page in enumerate(texts, start=1):
        assert f"Page {number} of {pages}" in page and "Pick list" in page and "Location" in page


def test_a_count_sheet_lists_what_to_count_with_a_box_to_write_in(tmp_path: Path) -> None:
    rows = [
        CountSheetLine("A-01-1", "TEA-000001", "龙井绿茶 250g", "6901234567892", 12),
        CountSheetLine("A-01-2", "TEA-000002", "Earl Grey <Twinings>", "", 0),
    ]
    out = io.BytesIO()
    render_count_sheet(CountSheetInfo("Count 7: aisle A", MADE, blind=False), rows, SHOP, out)
    text = pdf_text(out.getvalue(), tmp_path)
    for expected in ("Count 7: aisle A", "2 products", "龙井绿茶 250g", "6901234567892", "Expected", "12", "Counted"):
        assert expected in text, expected
    assert "Earl Grey <Twinings>" in text


def test_a_blind_count_sheet_does_not_show_what_the_books_say(tmp_path: Path) -> None:
    rows = [CountSheetLine("A-01-1", "TEA-000001", "龙井绿茶 250g", "", None)]
    out = io.BytesIO()
    render_count_sheet(CountSheetInfo("Count 8", MADE, blind=True), rows, SHOP, out)
    text = pdf_text(out.getvalue(), tmp_path)
    assert "blind count" in text and "龙井绿茶 250g" in text
    assert "Expected" not in text


LABEL_PRODUCTS = [
    LabelProduct(
        "TEA-000001",
        "龙井绿茶 West Lake Longjing 250g",
        12800,
        "CNY",
        with_check_digit("690123456789"),
        "ean13",
        "A-01-2",
    ),
    LabelProduct(
        "IMP-000002", "Skippy Peanut Butter 462g", 3990, "CNY", with_check_digit("03760000001"), "upca", "K-10-1"
    ),
    LabelProduct("SNK-000003", '乐事薯片 <原味> & "经典"', 750, "CNY", with_check_digit("6901234"), "ean8", ""),
    LabelProduct("HSE-000004", "Bin bags " * 80, 500, "CNY", "", "", "H-2-3"),
]


@pytest.mark.parametrize("key", list(SHEETS))
def test_labels_carry_name_price_and_a_barcode_that_scans(key: str, tmp_path: Path) -> None:
    out = io.BytesIO()
    pages = render_labels(LABEL_PRODUCTS, sheet(key), out, shelf=True)
    data = out.getvalue()
    assert pages == (4 if key == "50x30" else 1) == page_count(data, tmp_path)
    text = squashed(pdf_text(data, tmp_path))
    for expected in ("¥128.00", "¥39.90", "¥7.50", "A-01-2", "K-10-1", "HSE-000004", '乐事薯片<原味>&"经典"'):
        assert expected in text, expected
    found = {code for image in page_images(data, tmp_path, dpi=300) for code, _kind in barcodes_in(image)}
    # EAN-13 and UPC-A read as their 13 and 12 digits; a product without a barcode gets its SKU.
    assert {LABEL_PRODUCTS[0].barcode, LABEL_PRODUCTS[1].barcode, "HSE-000004"} <= {
        code if len(code) != 13 or not code.startswith("0") else code[1:] for code in found
    }
    assert any(code.endswith(LABEL_PRODUCTS[2].barcode) for code in found)


def test_labels_fill_a_sheet_then_start_the_next() -> None:
    out = io.BytesIO()
    assert render_labels(LABEL_PRODUCTS[:1], sheet("a4-3x8"), out, copies=25) == 2
    out = io.BytesIO()
    assert render_labels(LABEL_PRODUCTS[:1], sheet("avery-5160"), out, copies=30) == 1


def test_an_unknown_label_sheet_is_refused_with_the_choices() -> None:
    with pytest.raises(UnknownSheet, match="a4-3x8, avery-5160, 50x30"):
        sheet("avery-9999")
