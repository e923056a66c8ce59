"""Importing products in the GUI: the preview with the column mapping, every problem with its row
number, nothing written on errors unless the user chooses the valid rows only."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from orderapp.domain.product_validation import BarcodeDraft, ProductDraft
from orderapp.gui.context import AppContext
from orderapp.gui.inventory_screen import InventoryScreen, create_screen
from orderapp.gui.product_import_dialog import ProductImportDialog
from orderapp.services.stock import catalogue, product_import_write
from orderapp.services.stock.catalogue import ProductQuery, StatusFilter
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

ALL = ProductQuery(status=StatusFilter.ALL)


@pytest.fixture
def existing(shop: Database) -> int:
    draft = ProductDraft("TEA-001", "西湖龙井 Longjing", price_cents=8800, barcodes=(BarcodeDraft("6901234567892"),))
    return catalogue.create_product(shop, draft, user_id=DEFAULT_USER_ID).id


@pytest.fixture
def dialog(qtbot: QtBot, shop: Database, existing: int) -> Iterator[ProductImportDialog]:
    widget = ProductImportDialog(AppContext(shop))
    qtbot.addWidget(widget)
    widget.show()
    yield widget


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def preview(qtbot: QtBot, dialog: ProductImportDialog, path: Path) -> None:
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.open_file(path)


BAD_FILE = (
    "sku,name,price,barcodes\n"
    "TEA-001,西湖龙井 Longjing,92.00,6901234567892\n"  # row 2: an update (price)
    "TEA-002,碧螺春 Biluochun,66.00,6901234567893\n"  # row 3: wrong check digit
    "TEA-003,Jasmine,-1,\n"  # row 4: negative price
    "TEA-004,Oolong,30.00,\n"  # row 5: fine
    "TEA-004,Oolong again,31.00,\n"  # row 6: same SKU again
    "TEA-005,Pu-erh,abc,\n"  # row 7: not an amount
)


def test_a_file_with_errors_shows_each_problem_with_its_row_and_writes_nothing(
    qtbot: QtBot, dialog: ProductImportDialog, shop: Database, tmp_path: Path
) -> None:
    preview(qtbot, dialog, write(tmp_path / "products.csv", BAD_FILE))

    problems = dialog.problems_shown()
    assert [(row, column) for row, column, _message in problems] == [
        ("3", "barcodes"),
        ("4", "price"),
        ("5", "sku"),
        ("6", "sku"),
        ("7", "price"),
    ]
    assert "wrong check digit" in problems[0][2]
    assert problems[3][2] == "SKU TEA-004 is also on row 5; each SKU may appear once."
    rows = dict((row, what) for row, _sku, what in dialog.rows_shown())
    assert rows["2"] == "Update: Price"
    assert rows["3"] == "Not imported: has a problem"
    assert "Nothing has been written yet" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.valid_only.isEnabled() and not dialog.valid_only.isChecked()
    assert catalogue.count_products(shop, ALL) == 1
    assert catalogue.get_product(shop, 1).price_cents == 8800


def test_the_valid_rows_are_imported_only_when_chosen(
    qtbot: QtBot, dialog: ProductImportDialog, shop: Database, tmp_path: Path
) -> None:
    preview(qtbot, dialog, write(tmp_path / "products.csv", BAD_FILE))
    dialog.valid_only.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as done:
        dialog.import_button.click()
    result = done.args[0]
    assert result.written
    assert dialog.summary.text().startswith("Imported: 0 new, 1 updated, 0 unchanged.")
    assert catalogue.count_products(shop, ALL) == 1  # TEA-004 was on two rows: both skipped
    assert catalogue.get_product(shop, 1).price_cents == 9200


def test_a_clean_file_imports_new_products_and_updates(
    qtbot: QtBot, dialog: ProductImportDialog, shop: Database, tmp_path: Path
) -> None:
    text = "sku,name,price,barcodes\nTEA-001,西湖龙井 Longjing,88.00,6901234567892\nTEA-009,白茶 White tea,45.50,\n"
    preview(qtbot, dialog, write(tmp_path / "clean.csv", text))
    assert [what for _row, _sku, what in dialog.rows_shown()] == ["Unchanged", "New product"]
    assert dialog.problems_shown() == []
    assert not dialog.valid_only.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    assert catalogue.count_products(shop, ProductQuery(search="TEA-009")) == 1


def test_the_column_mapping_can_be_chosen_and_the_preview_follows(
    qtbot: QtBot, dialog: ProductImportDialog, shop: Database, tmp_path: Path
) -> None:
    text = "Item No,品名,售价\nTEA-010,红茶 Black tea,20\n"
    preview(qtbot, dialog, write(tmp_path / "mapped.csv", text))
    # the Chinese headers are recognised; "Item No" is not, so there is no SKU column yet
    assert dialog.mapping() == {"Item No": "", "品名": "name", "售价": "price"}
    assert [(row, message) for row, _column, message in dialog.problems_shown()] == [
        (
            "1",
            "The file has no “sku” column; the first row must hold the column names, as in an exported file "
            "(sku, name, price, ...).",
        )
    ]
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.set_mapping("Item No", "sku")
    assert dialog.problems_shown() == []
    assert dialog.rows_shown() == [("2", "TEA-010", "New product")]
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    (row,) = catalogue.list_products(shop, ProductQuery(search="TEA-010")).rows
    assert (row.name, row.price_cents) == ("红茶 Black tea", 2000)


def test_a_gbk_file_from_chinese_excel_imports_with_its_chinese_names(
    qtbot: QtBot, dialog: ProductImportDialog, shop: Database, tmp_path: Path
) -> None:
    path = write(tmp_path / "gbk.csv", "货号,商品名称,售价\r\nTEA-020,铁观音 乌龙茶,128\r\n", encoding="gbk")
    preview(qtbot, dialog, path)
    assert dialog.rows_shown() == [("2", "TEA-020", "New product")]
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    (row,) = catalogue.list_products(shop, ProductQuery(search="TEA-020")).rows
    assert row.name == "铁观音 乌龙茶"


def test_the_screen_lists_imported_products(qtbot: QtBot, shop: Database, existing: int, tmp_path: Path) -> None:
    screen = create_screen(AppContext(shop))
    assert isinstance(screen, InventoryScreen)
    qtbot.addWidget(screen)
    screen.show()
    dialog = screen.open_import()
    preview(qtbot, dialog, write(tmp_path / "one.csv", "sku,name\nNEW-1,New one\n"))
    with qtbot.waitSignal(screen.products_loaded, timeout=10_000):
        dialog.import_button.click()
    assert [row[0] for row in screen.rows_shown()] == ["NEW-1", "TEA-001"]


def test_a_long_import_shows_progress_and_stopping_it_writes_nothing(
    qtbot: QtBot, dialog: ProductImportDialog, shop: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A slow disk: each staged batch takes a moment, so the press of Stop reaches the import while it
    # is still staging (staging into memory is otherwise over before the first progress is painted).
    stage_batch = product_import_write.ProductStage._stage_batch

    def slow_stage_batch(self: product_import_write.ProductStage, *args: object) -> None:
        time.sleep(0.05)
        stage_batch(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(product_import_write.ProductStage, "_stage_batch", slow_stage_batch)
    rows = "".join(f"BULK-{n:05d},Bulk item {n},1.00\n" for n in range(12_000))
    preview(qtbot, dialog, write(tmp_path / "bulk.csv", "sku,name,price\n" + rows))
    assert dialog.summary.text().startswith("Nothing has been written yet. Import would add 12000 new products")
    seen: list[tuple[str, int, int]] = []

    def stop_when_writing(phase: str, done: int, total: int) -> None:
        seen.append((phase, done, total))
        if phase == "writing":
            dialog.stop_button.click()

    dialog.progress.moved.connect(stop_when_writing)
    with qtbot.waitSignal(dialog.stopped, timeout=60_000):
        dialog.import_button.click()
        assert dialog.progress_bar.isVisible() and dialog.stop_button.isVisible()
    assert ("checking", 12_000, 12_000) in seen
    assert dialog.summary.text() == "Stopped; nothing was written."
    assert catalogue.count_products(shop, ALL) == 1
    assert not dialog.progress_bar.isVisible()
