"""A product import's column mapping, problems and changed columns, without a database."""

from __future__ import annotations

from dataclasses import replace

from orderapp.domain.product_import_rules import ImportProblem, changed_columns, map_columns
from orderapp.domain.product_validation import BarcodeDraft, BarcodeKind, ProductDraft


def test_headers_are_matched_by_name_and_unknown_ones_are_ignored() -> None:
    problems, columns, used, ignored = map_columns(["sku", "name", "price", "colour"], None)
    assert problems == []
    assert columns == {"sku": 0, "name": 1, "price": 2}
    assert used["price"] == "price"
    assert ignored == ["colour"]


def test_a_file_without_a_sku_column_is_refused_on_the_header_row() -> None:
    problems, _columns, _used, _ignored = map_columns(["name", "price"], None)
    assert [(p.row, p.column) for p in problems] == [(1, "")]
    assert "The file has no “sku” column" in str(problems[0])


def test_a_column_twice_and_two_columns_mapped_to_one_field_are_each_named() -> None:
    problems, *_rest = map_columns(["sku", "name", "name"], None)
    assert "The column “name” appears twice; delete one." in [p.message for p in problems]
    problems, *_rest = map_columns(["sku", "Title", "Name"], {"sku": "sku", "Title": "name", "Name": "name"})
    assert any("Two columns are both read as “name”" in p.message for p in problems)


def test_a_mapping_to_no_product_field_and_a_case_quantity_alone_are_refused() -> None:
    problems, *_rest = map_columns(["sku", "x"], {"sku": "sku", "x": "colour"})
    assert [p.message for p in problems] == ["“colour” is not a product field."]
    problems, *_rest = map_columns(["sku", "case_qty"], None)
    assert [p.message for p in problems] == ["case_qty needs a case_barcodes column beside it."]


def test_a_problem_reads_with_its_row_and_column_as_a_spreadsheet_numbers_them() -> None:
    assert str(ImportProblem(3, "price", "Type a price.")) == "Row 3, price: Type a price."
    assert str(ImportProblem(3, "", "Too many cells.")) == "Row 3: Too many cells."
    assert str(ImportProblem(0, "", "The file is empty.")) == "The file is empty."


def test_an_update_lists_only_the_columns_whose_values_change() -> None:
    before = ProductDraft("TEA-1", "Longjing", price_cents=1000, barcodes=(BarcodeDraft("6901234567892"),))
    assert changed_columns(before, before) == ()
    after = replace(before, price_cents=1200, active=False)
    assert changed_columns(before, after) == ("price", "active")
    cased = replace(before, barcodes=(*before.barcodes, BarcodeDraft("16901234567899", BarcodeKind.CASE, 12)))
    assert changed_columns(before, cased) == ("case_barcodes",)
