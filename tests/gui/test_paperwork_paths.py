"""The window and the command line make each document through the same service: the same PDF text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdf_checks import pdf_text
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from orderapp.cli import main
from orderapp.domain.product_validation import ProductDraft
from orderapp.gui.context import AppContext
from orderapp.gui.counts_screen import CountsScreen
from orderapp.gui.counts_screen import create_screen as counts_screen
from orderapp.services.settings.documents import DocumentSettings, save_document_settings
from orderapp.services.stock import catalogue, counts
from orderapp.services.stock import shelf as stock
from orderapp.services.stock.counts import CountScope
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

# The moment a sheet is made differs between the two runs; everything else must not.
_PRINTED = re.compile(r"(Printed|打印于) .*\d\d:\d\d")


def _products(shop: Database) -> None:
    for sku, name, location in (("TEA-001", "西湖龙井 Longjing", "A-01-1"), ("RICE-001", "东北大米 Rice", "B-01-1")):
        draft = ProductDraft(sku=sku, name=name, location=location, cost_cents=100)
        product_id = catalogue.create_product(shop, draft, user_id=DEFAULT_USER_ID).id
        stock.receive_stock(shop, product_id, 5, user_id=DEFAULT_USER_ID)


def _sheet_from_the_window(qtbot: QtBot, shop: Database, count_id: int) -> tuple[str, bytes]:
    screen = counts_screen(AppContext(shop, station="COUNT-1"))
    assert isinstance(screen, CountsScreen)
    qtbot.addWidget(screen)
    screen.resize(1200, 760)
    screen.show()
    with qtbot.waitSignal(screen.count_shown, timeout=10_000):
        screen.show_count(count_id)
    with qtbot.waitSignal(screen.document_ready, timeout=20_000) as ready:
        screen.print_button.click()
    preview = ready.args[0]
    preview.close()
    return preview.windowTitle(), preview.data


def test_a_count_sheet_reads_the_same_from_the_window_and_the_command_line(
    qtbot: QtBot, shop: Database, shop_path: Path, tmp_path: Path
) -> None:
    _products(shop)
    titled = counts.start_count(shop, CountScope.everything(), user_id=DEFAULT_USER_ID, title="Aisle A", blind=False)
    title, data = _sheet_from_the_window(qtbot, shop, titled.id)
    out = tmp_path / "cli.pdf"
    assert (
        main(["print", "count-sheet", "--count", str(titled.id), "--out", str(out), "--database", str(shop_path)]) == 0
    )
    window_text, cli_text = (_PRINTED.sub("", pdf_text(pdf, tmp_path)) for pdf in (data, out))
    assert title == f"Count sheet {titled.id}: Aisle A"
    assert f"Count sheet {titled.id}: Aisle A" in cli_text
    assert window_text == cli_text
    assert "Expected" in cli_text and "2 products" in cli_text


def test_an_untitled_count_sheet_is_named_by_its_scope_alike_in_chinese(
    qtbot: QtBot, shop: Database, shop_path: Path, tmp_path: Path
) -> None:
    _products(shop)
    save_document_settings(shop, DocumentSettings(paperwork_language="zh_CN"))
    untitled = counts.start_count(shop, CountScope.location("A-01"), user_id=DEFAULT_USER_ID)
    title, data = _sheet_from_the_window(qtbot, shop, untitled.id)
    out = tmp_path / "cli.pdf"
    assert (
        main(["print", "count-sheet", "--count", str(untitled.id), "--out", str(out), "--database", str(shop_path)])
        == 0
    )
    window_text, cli_text = (_PRINTED.sub("", pdf_text(pdf, tmp_path)) for pdf in (data, out))
    assert title == f"盘点表 {untitled.id}：库位 A-01"
    assert window_text == cli_text
    assert f"盘点表 {untitled.id}：库位 A-01" in cli_text and "1 个商品" in cli_text and "盲盘" in cli_text


def test_the_preview_warns_before_printing_a_name_no_font_has(
    qtbot: QtBot, shop: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orderapp.documents import fonts
    from orderapp.documents.output import Batch
    from orderapp.gui.reports_screen import create_screen as reports_screen
    from orderapp.services.documents.printing import PrintResult

    screen = reports_screen(AppContext(shop))
    qtbot.addWidget(screen)
    screen.show()
    warning = fonts.missing_warning({"\U0001f600"})

    def build(batch: Batch) -> PrintResult:
        return PrintResult("Packing slip", "slip.pdf", 1, 1, "", (warning,), data=_blank_pdf())

    with qtbot.waitSignal(screen.document_ready, timeout=20_000) as ready:
        screen.run_document(build, 1, "Packing slip")
    preview = ready.args[0]
    qtbot.waitUntil(preview.isVisible, timeout=5_000)
    label = preview.findChild(QLabel, "preview_warning")
    assert label.isVisible() and "U+1F600" in label.text()
    preview.close()


def _blank_pdf() -> bytes:
    import io

    from orderapp.documents.letterhead import Letterhead
    from orderapp.documents.packing_slip import SlipOptions, render_slips

    out = io.BytesIO()
    render_slips([], Letterhead("Lotus Tea House"), SlipOptions(), out)
    return out.getvalue()
