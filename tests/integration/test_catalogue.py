"""The catalogue: searching and paging, and the product form's rules against the real database."""

from __future__ import annotations

from dataclasses import replace

import pytest

from orderapp.domain.gtin import is_in_store_ean13
from orderapp.domain.product_validation import BarcodeDraft, BarcodeKind, ProductDraft
from orderapp.errors import ValidationFailed
from orderapp.services.stock import catalogue
from orderapp.services.stock.catalogue import ProductQuery, ProductSort, Removal, StatusFilter
from orderapp.services.stock.shelf import receive_stock
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

USER = DEFAULT_USER_ID


def add(database: Database, sku: str, name: str, *codes: str, **fields: object) -> int:
    barcodes = tuple(BarcodeDraft(code) for code in codes)
    draft = ProductDraft(sku=sku, name=name, barcodes=barcodes, **fields)  # type: ignore[arg-type]
    return catalogue.create_product(database, draft, user_id=USER).id


@pytest.fixture
def shop(database: Database) -> Database:
    add(
        database,
        "TEA-001",
        "西湖龙井 Longjing Green Tea 100g",
        "6901234567892",
        category="茶叶",
        location="A-01-1",
        price_cents=8800,
        reorder_point=5,
    )
    add(
        database,
        "TEA-002",
        "茉莉花茶 Jasmine Tea 250g",
        "4006381333931",
        category="茶叶",
        location="A-01-2",
        price_cents=3800,
    )
    add(
        database,
        "RICE-01",
        "东北大米 Northeast Rice 5kg",
        "036000291452",
        category="米面",
        location="B-02-1",
        price_cents=4590,
        reorder_point=2,
    )
    add(database, "SNK-100", "Jasmine Rice Crackers", "96385074", category="零食", location="A-10-3", price_cents=990)
    return database


def skus(page: catalogue.ProductPage) -> list[str]:
    return [row.sku for row in page.rows]


@pytest.mark.parametrize(
    "search, expected",
    [
        ("jasmine", ["SNK-100", "TEA-002"]),  # any case, in the middle of the name
        ("龙井", ["TEA-001"]),  # two Chinese characters (shorter than a trigram)
        ("花茶", ["TEA-002"]),
        ("tea-00", ["TEA-001", "TEA-002"]),  # part of a SKU
        ("rice 5kg", ["RICE-01"]),  # every word must match
        ("4006381333931", ["TEA-002"]),  # a whole barcode
        ("036 000 291 452", ["RICE-01"]),  # a barcode typed with spaces
        ("100%", []),  # LIKE wildcards are plain characters
        ("zz_zz", []),
    ],
)
def test_search_finds_by_sku_name_or_barcode(shop: Database, search: str, expected: list[str]) -> None:
    assert skus(catalogue.list_products(shop, ProductQuery(search=search))) == expected


def test_filters_for_category_location_and_low_stock(shop: Database) -> None:
    assert skus(catalogue.list_products(shop, ProductQuery(category="茶叶"))) == ["TEA-001", "TEA-002"]
    assert skus(catalogue.list_products(shop, ProductQuery(location="A"))) == ["SNK-100", "TEA-001", "TEA-002"]
    assert skus(catalogue.list_products(shop, ProductQuery(location="A-01"))) == ["TEA-001", "TEA-002"]
    rice = catalogue.list_products(shop, ProductQuery(search="RICE-01")).rows[0]
    receive_stock(shop, rice.id, 10, user_id=USER)
    low = catalogue.list_products(shop, ProductQuery(low_stock=True))
    assert skus(low) == ["SNK-100", "TEA-001", "TEA-002"]  # nothing in stock, reorder points 0 and 5
    assert all(row.low_stock for row in low.rows)


def test_inactive_products_are_hidden_unless_asked_for(shop: Database) -> None:
    tea = catalogue.list_products(shop, ProductQuery(search="TEA-002")).rows[0]
    catalogue.set_active(shop, tea.id, False, user_id=USER)
    assert "TEA-002" not in skus(catalogue.list_products(shop))
    assert skus(catalogue.list_products(shop, ProductQuery(status=StatusFilter.INACTIVE))) == ["TEA-002"]
    assert len(catalogue.list_products(shop, ProductQuery(status=StatusFilter.ALL)).rows) == 4


def test_pages_follow_on_without_gaps_or_repeats_in_both_orders(database: Database) -> None:
    for n in range(23):
        add(database, f"P-{n:03d}", f"Item {(n * 7) % 23:02d}", price_cents=100)
    for sort in ProductSort:
        seen: list[str] = []
        after = None
        while True:
            page = catalogue.list_products(database, ProductQuery(sort=sort), after=after, limit=5)
            seen += [row.name if sort is ProductSort.NAME else row.sku for row in page.rows]
            if page.next_key is None:
                break
            after = page.next_key
        assert seen == sorted(seen) and len(seen) == 23
    assert catalogue.count_products(database, ProductQuery(search="item")) == 23


def test_rows_carry_stock_figures_and_the_first_barcode(shop: Database) -> None:
    row = catalogue.list_products(shop, ProductQuery(search="TEA-001")).rows[0]
    receive_stock(shop, row.id, 7, user_id=USER)
    row = catalogue.list_products(shop, ProductQuery(search="TEA-001")).rows[0]
    assert (row.on_hand, row.reserved, row.available, row.barcode) == (7, 0, 7, "6901234567892")


def test_a_sku_already_used_is_refused_naming_the_product(shop: Database) -> None:
    with pytest.raises(ValidationFailed) as caught:
        catalogue.create_product(shop, ProductDraft(sku="TEA-001", name="Other"), user_id=USER)
    assert caught.value.errors[0].field == "sku"
    assert "西湖龙井" in caught.value.errors[0].message


def test_a_barcode_on_another_product_is_refused_naming_it(shop: Database) -> None:
    draft = ProductDraft(sku="NEW-1", name="New", barcodes=(BarcodeDraft("12345670"), BarcodeDraft("4006381333931")))
    errors = catalogue.check_product(shop, draft)
    assert [e.field for e in errors] == ["barcodes[1].code"]
    assert "TEA-002" in errors[0].message and "茉莉花茶" in errors[0].message
    with pytest.raises(ValidationFailed):
        catalogue.create_product(shop, draft, user_id=USER)
    assert catalogue.count_products(shop, ProductQuery(search="NEW-1")) == 0


def test_a_product_without_barcode_gets_a_unique_internal_one(database: Database) -> None:
    first = catalogue.get_product(database, add(database, "A", "A"))
    second = catalogue.get_product(database, add(database, "B", "B"))
    codes = [first.barcodes[0].code, second.barcodes[0].code]
    assert all(is_in_store_ean13(code) for code in codes)
    assert codes[0] != codes[1]
    assert first.barcodes[0].kind is BarcodeKind.INTERNAL
    assert catalogue.find_by_code(database, codes[1]).sku == "B"  # type: ignore[union-attr]


def test_case_barcodes_are_worth_their_pack(database: Database) -> None:
    draft = ProductDraft(
        sku="TEA-9",
        name="Tea",
        barcodes=(BarcodeDraft("6901234567892"), BarcodeDraft("16901234567899", BarcodeKind.CASE, 12)),
    )
    catalogue.create_product(database, draft, user_id=USER)
    assert catalogue.find_by_code(database, "16901234567899").units == 12  # type: ignore[union-attr]
    assert catalogue.find_by_code(database, "6901234567892").units == 1  # type: ignore[union-attr]
    assert catalogue.find_by_code(database, "TEA-9").kind is None  # type: ignore[union-attr]
    assert catalogue.find_by_code(database, "0000") is None


def test_editing_keeps_what_did_not_change_and_moves_a_code(shop: Database) -> None:
    tea = catalogue.list_products(shop, ProductQuery(search="TEA-002")).rows[0]
    detail = catalogue.get_product(shop, tea.id)
    assert catalogue.update_product(shop, tea.id, detail.draft(), user_id=USER) == detail  # no change, no write
    edited = replace(detail.draft(), name="茉莉花茶 Jasmine Tea 250g (new pack)", barcodes=(BarcodeDraft("96385074"),))
    with pytest.raises(ValidationFailed):  # still SNK-100's code
        catalogue.update_product(shop, tea.id, edited, user_id=USER)
    edited = replace(edited, barcodes=(BarcodeDraft("4006381333931"), BarcodeDraft("INT-7")))
    after = catalogue.update_product(shop, tea.id, edited, user_id=USER)
    assert after.name.endswith("(new pack)")
    assert [b.code for b in after.barcodes] == ["4006381333931", "INT-7"]
    assert skus(catalogue.list_products(shop, ProductQuery(search="new pack"))) == ["TEA-002"]


def test_a_product_with_history_is_deactivated_never_deleted(shop: Database) -> None:
    tea = catalogue.list_products(shop, ProductQuery(search="TEA-001")).rows[0]
    snack = catalogue.list_products(shop, ProductQuery(search="SNK-100")).rows[0]
    receive_stock(shop, tea.id, 3, user_id=USER)
    assert catalogue.get_product(shop, tea.id).has_history
    assert catalogue.remove_product(shop, tea.id, user_id=USER) is Removal.DEACTIVATED
    assert catalogue.get_product(shop, tea.id).active is False
    assert catalogue.remove_product(shop, snack.id, user_id=USER) is Removal.DELETED
    assert catalogue.find_by_code(shop, "96385074") is None
    assert catalogue.list_products(shop, ProductQuery(search="SNK-100")).rows == ()


def test_category_and_location_lists(shop: Database) -> None:
    assert catalogue.categories(shop) == tuple(sorted({"米面", "茶叶", "零食"}))
    assert catalogue.locations(shop) == ("A-01-1", "A-01-2", "A-10-3", "B-02-1")


def test_products_saved_at_once_on_several_pcs_get_different_internal_codes(database: Database) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def save_ten(station: int) -> list[str]:
        return [
            catalogue.create_product(database, ProductDraft(sku=f"PC{station}-{n}", name="散装 Loose"), user_id=USER)
            .barcodes[0]
            .code
            for n in range(10)
        ]

    with ThreadPoolExecutor(max_workers=4) as pool:
        codes = [code for batch in pool.map(save_ten, range(4)) for code in batch]
    assert len(codes) == 40 and len(set(codes)) == 40
    assert all(is_in_store_ean13(code) for code in codes)
