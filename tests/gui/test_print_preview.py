"""The print preview: the pages as they print, the system print dialog, and what reaches the printer."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pdf_checks import barcodes_in, page_count, page_images
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from orderapp.documents.letterhead import Letterhead
from orderapp.documents.packing_slip import SlipLine, SlipOptions, SlipOrder, render_slips
from orderapp.gui import tasks
from orderapp.gui.print_preview import PrintPreview, page_image


def slips_pdf(count: int = 3) -> bytes:
    orders = [
        SlipOrder(
            number=f"SO-{100 + n:06d}",
            created_at=datetime(2026, 11, 21, 2, 0, tzinfo=UTC),
            lines=(SlipLine("TEA-000001", "龙井绿茶 Longjing 250g", 2, 12800),),
            ship_name="王小明",
        )
        for n in range(count)
    ]
    out = io.BytesIO()
    render_slips(orders, Letterhead("莲花茶庄 Lotus Tea House"), SlipOptions(), out)
    return out.getvalue()


@pytest.fixture
def preview(qtbot: QtBot) -> PrintPreview:
    dialog = PrintPreview(slips_pdf(), "Packing slips", "slips.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_preview_shows_every_page_as_it_will_print(qtbot: QtBot, preview: PrintPreview, tmp_path: Path) -> None:
    assert preview.pages() == 3
    assert preview.findChild(type(preview.page_count), "preview_page_count").text() == "3 pages"
    assert "王小明" in preview.document.getAllText(0).text()
    image = page_image(preview.document, 1, 200)  # the page as the preview and the printer draw it
    assert (image.width(), image.height()) == (1654, 2339)  # A4 at 200 dpi
    path = tmp_path / "page-2.png"
    assert image.save(str(path))
    assert ("SO-000101", "code128") in barcodes_in(path)


def test_print_sends_the_chosen_pages_to_the_printer(
    qtbot: QtBot,
    preview: PrintPreview,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sync_tasks: tasks.SynchronousRunner,
) -> None:
    """The system dialog is answered as a person would: pages 2-3, to a PDF printer."""
    printed = tmp_path / "printed.pdf"

    def answer(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(300)
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", answer)
    with qtbot.waitSignal(preview.printed, timeout=20_000) as done:
        qtbot.mouseClick(preview.findChild(QPushButton, "preview_print"), Qt.MouseButton.LeftButton)
    assert done.args == [2]
    assert page_count(printed, tmp_path) == 2
    images = page_images(printed, tmp_path, dpi=200)
    assert ("SO-000101", "code128") in barcodes_in(images[0])
    assert ("SO-000102", "code128") in barcodes_in(images[1])


def test_printing_in_the_background_can_be_cancelled(qtbot: QtBot, tmp_path: Path) -> None:
    preview = PrintPreview(slips_pdf(40), "Packing slips", "slips.pdf")
    qtbot.addWidget(preview)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cancelled.pdf"))
    job = preview.print_on(printer)
    with qtbot.waitSignal(job.cancelled, timeout=30_000):
        job.cancel()
    assert preview.print_button.isEnabled()


def test_a_cancelled_print_dialog_prints_nothing(
    qtbot: QtBot, preview: PrintPreview, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected.value)
    qtbot.mouseClick(preview.findChild(QPushButton, "preview_print"), Qt.MouseButton.LeftButton)
    assert preview.print_job is None


def test_the_page_count_is_said_in_words_that_count(qtbot: QtBot) -> None:
    one = PrintPreview(slips_pdf(1), "Packing slip", "slip.pdf")
    qtbot.addWidget(one)
    assert one.page_count.text() == "1 page"
    assert not one.warning.isVisible() and one.warning.text() == ""
