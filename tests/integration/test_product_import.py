"""Importing products from CSV: every bad file says what is wrong on which row and changes nothing;
good files in the encodings Excel writes import right; an export re-imports unchanged."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from sqlalchemy import select

from orderapp.cli import main
from orderapp.demo import DemoSize, build_demo_shop
from orderapp.domain.product_validation import BarcodeDraft, BarcodeKind, ProductDraft
from orderapp.services.stock import catalogue
from orderapp.services.stock.product_export import export_products
from orderapp.services.stock.product_import import ImportCancelled, RowAction, import_products, read_header
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Product, ProductBarcode

USER = DEFAULT_USER_ID
# The template, as the issue and the export's users see it.
HEADER = (
    "sku,name,category,location,unit,price,cost,reorder_point,reorder_qty,"
    "barcodes,case_barcodes,case_qty,internal_barcodes,active"
)


def snapshot(database: Database) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with database.session() as session:
        products = [
            tuple(row)
            for row in session.execute(
                select(
                    Product.id,
                    Product.sku,
                    Product.name,
                    Product.category,
                    Product.location,
                    Product.unit,
                    Product.price_cents,
                    Product.cost_cents,
                    Product.reorder_point,
                    Product.reorder_qty,
                    Product.active,
                    Product.on_hand,
                    Product.updated_at,
                ).order_by(Product.id)
            )
        ]
        codes = [
            tuple(row)
            for row in session.execute(
                select(
                    ProductBarcode.code, ProductBarcode.product_id, ProductBarcode.kind, ProductBarcode.pack_qty
                ).order_by(ProductBarcode.code)
            )
        ]
    return products, codes


@pytest.fixture
def shop(database: Database) -> Database:
    catalogue.create_product(
        database,
        ProductDraft(
            sku="TEA-001",
            name="西湖龙井 Longjing",
            price_cents=8800,
            barcodes=(BarcodeDraft("6901234567892"), BarcodeDraft("16901234567899", BarcodeKind.CASE, 12)),
        ),
        user_id=USER,
    )
    return database


def csv_bytes(*rows: str, header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return ("\r\n".join([header, *rows]) + "\r\n").encode(encoding)


BAD_FILES = [
    pytest.param(b"\x00\x81\xff\xfe\x80 not text at all", "", "not text in UTF-8 or GB18030", id="binary"),
    pytest.param(b"", "", "The file is empty", id="empty"),
    pytest.param(csv_bytes("TEA-9,Tea", header="name,price"), "Row 1", "has no “sku” column", id="no-sku-column"),
    pytest.param(csv_bytes("A,B,1", header="sku,name,name"), "Row 1, name", "appears twice", id="column-twice"),
    pytest.param(
        csv_bytes("NEW-1,Green Tea,,,,12.00,,,,,,,,yes", "NEW-1,Black Tea,,,,14.00,,,,,,,,yes"),
        "Row 3, sku: SKU NEW-1 is also on row 2",
        "each SKU may appear once",
        id="sku-twice-in-file",
    ),
    pytest.param(
        csv_bytes("NEW-1,Green Tea,,,,12.00,,,,4006381333932,,,,yes"),
        "Row 2, barcodes:",
        "wrong check digit",
        id="check-digit",
    ),
    pytest.param(
        csv_bytes("NEW-1,Green Tea,,,,12.00,,,,6901234567892,,,,yes"),
        "Row 2, barcodes:",
        "already belongs to TEA-001 “西湖龙井 Longjing”",
        id="barcode-of-another-product",
    ),
    pytest.param(
        csv_bytes("NEW-1,Green Tea,,,,4006381333931,,,,4006381333931,,,,yes", "NEW-2,Tea,,,,1,,,,4006381333931,,,,yes"),
        "Row 2, barcodes:",
        "is on rows 2, 3",
        id="barcode-on-two-rows",
    ),
    pytest.param(csv_bytes("NEW-1,Green Tea,,,,twelve,,,,,,,,yes"), "Row 2, price:", "not an amount", id="price-text"),
    pytest.param(csv_bytes("NEW-1,Green Tea,,,,-3.00,,,,,,,,yes"), "Row 2, price:", "negative", id="price-negative"),
    pytest.param(csv_bytes("NEW-1,Green Tea,,,,,,,,,,,,yes"), "Row 2, price:", "The price is empty", id="price-empty"),
    pytest.param(
        csv_bytes("NEW-1,Green Tea,,,,1.00,,-2,,,,,,yes"), "Row 2, reorder_point:", "negative", id="reorder-negative"
    ),
    pytest.param(csv_bytes("NEW-1,,,,,1.00,,,,,,,,yes"), "Row 2, name:", "Type the product's name", id="no-name"),
    pytest.param(csv_bytes(",Green Tea,,,,1.00,,,,,,,,yes"), "Row 2, sku:", "The SKU is empty", id="no-sku"),
    pytest.param(
        csv_bytes("NEW-1,Green, Tea,,,,1.00,,,,,,,,yes"),
        "Row 2:",
        "a value probably holds an unquoted comma",
        id="unquoted-comma",
    ),
    pytest.param(
        csv_bytes("NEW-1,Tea,,,,1.00,,,,,16901234567882 26901234567880,12 6 24,,yes"),
        "Row 2, case_qty:",
        "one pack quantity for each case barcode",
        id="case-qty-mismatch",
    ),
    pytest.param(csv_bytes("NEW-1,Tea,,,,1.00,,,,,,,,perhaps"), "Row 2, active:", "not yes or no", id="active-word"),
    pytest.param(
        csv_bytes("NEW-1,Tea,,,,1.00,,,,6.90123E+12,,,,yes"),
        "Row 2, barcodes:",
        "a spreadsheet shortened",
        id="excel-number",
    ),
]


@pytest.mark.parametrize("data, where, words", BAD_FILES)
def test_each_bad_file_says_what_and_where_and_changes_nothing(
    shop: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, where: str, words: str
) -> None:
    before = snapshot(shop)
    result = import_products(shop, data, user_id=USER)
    texts = [str(problem) for problem in result.problems]
    assert any(words in text and text.startswith(where) for text in texts), texts
    assert not result.written
    assert snapshot(shop) == before
    # The command line says the same and exits non-zero.
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    assert main(["import", "products", str(path), "--database", url_of(shop)]) == 1
    assert words in capsys.readouterr().err
    assert snapshot(shop) == before


def url_of(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


def test_one_bad_row_stops_the_whole_file_unless_valid_rows_only_is_chosen(shop: Database) -> None:
    data = csv_bytes(
        "NEW-1,Green Tea,,,,12.00,,,,,,,,yes",
        "NEW-2,Black Tea,,,,oops,,,,,,,,yes",
        "TEA-001,西湖龙井 Longjing,,,,90.00,,,,6901234567892,16901234567899,12,,yes",
    )
    before = snapshot(shop)
    refused = import_products(shop, data, user_id=USER)
    assert not refused.written and snapshot(shop) == before
    assert [(r.row, r.action) for r in refused.rows] == [
        (2, RowAction.NEW),
        (3, RowAction.SKIPPED),
        (4, RowAction.UPDATE),
    ]
    assert "import the valid rows only" in refused.summary()
    done = import_products(shop, data, user_id=USER, valid_only=True)
    assert done.written and (done.new, done.updated, done.skipped) == (1, 1, 1)
    assert catalogue.find_by_code(shop, "NEW-1") is not None
    assert catalogue.find_by_code(shop, "NEW-2") is None
    tea = catalogue.find_by_code(shop, "TEA-001")
    assert tea is not None and catalogue.get_product(shop, tea.product_id).price_cents == 9000


def test_a_dry_run_shows_new_and_updated_rows_and_writes_nothing(shop: Database) -> None:
    data = csv_bytes(
        "TEA-001,西湖龙井 Longjing 新包装,,,,88.00,,,,6901234567892,16901234567899,12,,yes",
        "NEW-1,Green Tea,,,,12.00,,,,,,,,yes",
    )
    before = snapshot(shop)
    result = import_products(shop, data, user_id=USER, dry_run=True)
    assert [(r.sku, r.action, r.changed) for r in result.rows] == [
        ("TEA-001", RowAction.UPDATE, ("name",)),
        ("NEW-1", RowAction.NEW, ()),
    ]
    assert snapshot(shop) == before and not result.written


def test_a_gbk_file_with_chinese_names_imports_correctly(database: Database) -> None:
    data = csv_bytes(
        "茶-001,茉莉花茶 250g,茶叶,A-01-1,盒,38.00,21.00,5,24,6901234567892,,,,是",
        "米-002,东北大米 5kg,米面粮油,B-02-1,袋,45.90,30.00,2,10,,,,,是",
        header="货号,商品名称,分类,库位,单位,售价,进价,补货点,补货量,条码,箱码,箱规,店内码,在售",
        encoding="gbk",
    )
    result = import_products(database, data, user_id=USER)
    assert result.encoding == "gb18030" and result.problems == () and result.new == 2
    rows = catalogue.list_products(database, catalogue.ProductQuery(category="茶叶")).rows
    assert [(r.sku, r.name, r.category, r.unit, r.price_cents) for r in rows] == [
        ("茶-001", "茉莉花茶 250g", "茶叶", "盒", 3800)
    ]
    rice = catalogue.find_by_code(database, "米-002")
    assert rice is not None
    assert catalogue.get_product(database, rice.product_id).barcodes[0].kind is BarcodeKind.INTERNAL


def test_utf8_with_bom_and_semicolons_import(database: Database) -> None:
    data = codecs.BOM_UTF8 + "sku;name;price\r\nA-1;Café „Crème“, fin;1,50\r\n".encode()
    result = import_products(database, data, user_id=USER)
    assert result.encoding == "utf-8-sig" and result.new == 1, result.problems
    row = catalogue.list_products(database).rows[0]
    assert (row.name, row.price_cents) == ("Café „Crème“, fin", 150)


def test_export_then_import_changes_nothing(database: Database, tmp_path: Path) -> None:
    build_demo_shop(database, DemoSize(products=150, customers=10, orders=40), seed=3)
    catalogue.create_product(
        database,
        ProductDraft(
            sku="-5",
            name='=HYPERLINK("http://evil")',
            category="@cmd",
            location="+A",
            unit="'=x",
            barcodes=(BarcodeDraft("INT-+1"),),
        ),
        user_id=USER,
    )
    first = catalogue.list_products(database).rows[0]
    catalogue.set_active(database, first.id, False, user_id=USER)
    path = tmp_path / "products.csv"
    exported = export_products(database, path)
    assert exported.rows == 151
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == HEADER
    assert "'=HYPERLINK" in text and "'-5" in text and "'@cmd" in text and "''=x" in text
    before = snapshot(database)
    result = import_products(database, path, user_id=USER)
    assert result.problems == ()
    assert (result.new, result.updated, result.unchanged) == (0, 0, 151)
    assert snapshot(database) == before


def test_a_code_can_move_between_rows_of_one_file(shop: Database) -> None:
    data = csv_bytes(
        "TEA-001,西湖龙井 Longjing,,,,88.00,,,,,16901234567899,12,,yes",
        "TEA-002,Longjing refill,,,,50.00,,,,6901234567892,,,,yes",
    )
    result = import_products(shop, data, user_id=USER)
    assert result.problems == () and result.written
    moved = catalogue.find_by_code(shop, "6901234567892")
    assert moved is not None and moved.sku == "TEA-002"


def test_columns_can_be_mapped_by_hand(database: Database) -> None:
    data = b"Item code,Description,RRP,Notes\r\nX-1,Soap,2.50,keep dry\r\n"
    header = read_header(data)
    assert header.suggested == {"Item code": "sku", "Description": "name", "RRP": "", "Notes": ""}
    mapping = {**header.suggested, "RRP": "price"}
    result = import_products(database, data, user_id=USER, mapping=mapping)
    assert result.new == 1 and result.ignored_columns == ("Notes",)
    assert catalogue.list_products(database).rows[0].price_cents == 250


def test_progress_is_reported_and_cancel_writes_nothing(database: Database) -> None:
    data = csv_bytes(*[f"N-{n:05d},Item {n},,,,1.00,,,,,,,,yes" for n in range(2_500)])
    seen: list[tuple[str, int, int]] = []
    result = import_products(database, data, user_id=USER, dry_run=True, progress=lambda *a: seen.append(a))
    assert result.new == 2_500
    assert seen[0] == ("checking", 0, 2_500) and seen[-1] == ("checking", 2_500, 2_500)
    before = snapshot(database)
    calls = iter(range(10_000))
    with pytest.raises(ImportCancelled, match="nothing was written"):
        import_products(database, data, user_id=USER, cancelled=lambda: next(calls) >= 4)  # during the writing
    assert snapshot(database) == before
    assert_search_index_works(database)


def assert_search_index_works(database: Database) -> None:
    """A product saved now can be found by a part of its name (the search index is kept up)."""
    catalogue.create_product(database, ProductDraft(sku="LATE-1", name="普洱熟茶 Ripe Pu-erh"), user_id=USER)
    found = catalogue.list_products(database, catalogue.ProductQuery(search="Pu-erh"))
    assert [row.sku for row in found.rows] == ["LATE-1"]


def test_a_big_import_is_searchable_and_keeps_the_index_up(database: Database) -> None:
    data = csv_bytes(*[f"N-{n:05d},Item {n} 龙井,,,,1.00,,,,,,,,yes" for n in range(1_500)])
    assert import_products(database, data, user_id=USER).new == 1_500
    assert catalogue.count_products(database, catalogue.ProductQuery(search="item 1499")) == 1
    assert catalogue.count_products(database, catalogue.ProductQuery(search="龙井")) == 1_500
    assert_search_index_works(database)


def test_the_command_line_imports_and_exports(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = url_of(database)
    source = tmp_path / "in.csv"
    source.write_bytes(csv_bytes("NEW-1,Green Tea,,,,12.00,,,,,,,,yes"))
    assert main(["import", "products", str(source), "--database", url, "--dry-run"]) == 0
    assert "2\tnew\tNEW-1\tGreen Tea" in capsys.readouterr().out
    assert catalogue.find_by_code(database, "NEW-1") is None
    assert main(["import", "products", str(source), "--database", url]) == 0
    assert "1 new" in capsys.readouterr().out
    target = tmp_path / "out.csv"
    assert main(["export", "products", str(target), "--database", url, "--encoding", "gb18030"]) == 0
    assert "Green Tea" in target.read_text(encoding="gb18030")
    assert main(["import", "products", str(target), "--database", url]) == 0
    assert "0 new, 0 updated, 1 unchanged" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes("NEW-2,Tea,,,,x,,,,,,,,yes"))
    assert main(["import", "products", str(bad), "--database", url]) == 1
    assert "Row 2, price:" in capsys.readouterr().err


def test_internal_codes_made_by_another_pc_while_the_file_is_staged_are_not_taken_twice(database: Database) -> None:
    """The rows are staged without the write lock, so another PC may save a product meanwhile and
    be given the next internal code: the import's codes are numbered on from it at the move."""
    data = csv_bytes(*[f"N-{n:05d},Item {n},,,,1.00,,,,,,,,yes" for n in range(2_500)])
    saved: list[str] = []

    def other_pc_saves_a_product(phase: str, done: int, _total: int) -> None:
        if phase == "writing" and done == 1_000 and not saved:  # a thousand rows are staged
            detail = catalogue.create_product(database, ProductDraft(sku="OTHER-1", name="Green tea"), user_id=USER)
            saved.extend(b.code for b in detail.barcodes)

    result = import_products(database, data, user_id=USER, progress=other_pc_saves_a_product)
    assert result.written and result.new == 2_500 and len(saved) == 1
    with database.session() as session:
        codes = session.execute(
            select(Product.sku, ProductBarcode.code, ProductBarcode.kind).join(ProductBarcode)
        ).all()
    assert len(codes) == 2_501 and len({code for _sku, code, _kind in codes}) == 2_501
    imported = sorted(code for sku, code, _kind in codes if sku.startswith("N-"))
    assert all(kind == "internal" for _sku, _code, kind in codes)
    assert imported[0] > saved[0]  # numbered on from the other PC's code
    assert catalogue.find_by_code(database, saved[0]) is not None


def test_a_failure_at_the_end_of_the_move_leaves_the_catalogue_as_it_was(
    shop: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Everything is moved into the catalogue, then the commit does not happen: nothing changed,
    nothing staged is left over, and the same file imports whole afterwards."""
    from orderapp.services.stock import product_import_write

    data = csv_bytes(
        *[f"N-{n:05d},Item {n},,,,1.00,,,,,,,,yes" for n in range(1_200)],
        "TEA-001,Changed tea,,,,9.99,,,,,,,,yes",
    )
    before = snapshot(shop)
    real_move = product_import_write.ProductStage.move

    def move_then_fail(self: product_import_write.ProductStage) -> None:
        real_move(self)
        raise OSError("disk full")

    monkeypatch.setattr(product_import_write.ProductStage, "move", move_then_fail)
    with pytest.raises(OSError, match="disk full"):
        import_products(shop, data, user_id=USER)
    assert snapshot(shop) == before
    monkeypatch.undo()
    result = import_products(shop, data, user_id=USER)
    assert result.written and result.new == 1_200 and result.updated == 1
    assert catalogue.count_products(shop, catalogue.ProductQuery(search="Item 1199")) == 1
    assert_search_index_works(shop)
