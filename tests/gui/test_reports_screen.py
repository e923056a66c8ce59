"""The Reports screen as the owner uses it: pick a day, read the figures, preview, print or save."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from gui_helpers import commit_text
from pdf_checks import page_count, pdf_text
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QTabWidget, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from orderapp.documents.daily_report import figure_lines
from orderapp.documents.output import Batch
from orderapp.documents.papers import PAPERS
from orderapp.gui import tasks
from orderapp.gui.context import AppContext
from orderapp.gui.print_preview import PrintPreview
from orderapp.gui.reports_screen import ReportsScreen, create_screen
from orderapp.services.documents.daily_summary import daily_summary, today_in_shop
from orderapp.services.documents.printing import PrintResult
from orderapp.services.settings.documents import load_document_settings
from orderapp.store.database import Database
from orderapp.store.models import Order, OrderLine, Product


def open_screen(qtbot: QtBot, database: Database) -> ReportsScreen:
    screen = create_screen(AppContext(database))
    assert isinstance(screen, ReportsScreen)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    return screen


def show_print_tab(screen: ReportsScreen) -> None:
    tabs = screen.findChild(QTabWidget, "reports_tabs")
    tabs.setCurrentWidget(screen.findChild(QWidget, "print_tab"))


def cell(screen: ReportsScreen, label: str, column: int) -> str:
    table = screen.figures_table
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.text().strip() == label:
            value = table.item(row, column)
            return value.text() if value is not None else ""
    raise AssertionError(f"no row {label!r}")


def test_the_screen_shows_every_figure_of_the_day_beside_the_day_before_and_the_week_before(
    qtbot: QtBot, demo_shop: Database, sync_tasks: tasks.SynchronousRunner
) -> None:
    screen = open_screen(qtbot, demo_shop)
    day = today_in_shop(demo_shop) - timedelta(days=2)
    screen.day.setDate(QDate(day.year, day.month, day.day))
    summary = daily_summary(demo_shop, day)
    assert screen.summary is not None and screen.summary.day == day
    for line in figure_lines():
        for column, figures in enumerate((summary.figures, summary.previous_day, summary.last_week), start=1):
            assert cell(screen, line.label, column) == line.text(figures, "CNY"), (line.label, column)
    before = day - timedelta(days=1)
    assert screen.figures_table.horizontalHeaderItem(2).text().endswith(f"{before:%b} {before.day}, {before.year}")
    assert screen.chart.values == summary.figures.sales_by_hour
    top = screen.top_table
    assert top.rowCount() == len(summary.figures.top_products) > 0
    first = summary.figures.top_products[0]
    assert top.item(0, 0).text() == f"1. {first.name}" and top.item(0, 1).text() == str(first.quantity)


def test_the_busiest_hour_has_the_tallest_bar(
    qtbot: QtBot, demo_shop: Database, sync_tasks: tasks.SynchronousRunner
) -> None:
    screen = open_screen(qtbot, demo_shop)
    day = today_in_shop(demo_shop) - timedelta(days=3)
    screen.day.setDate(QDate(day.year, day.month, day.day))
    values = screen.chart.values
    assert any(values)
    rects = screen.chart.bar_rects()
    busiest = values.index(max(values))
    assert max(rects, key=lambda rect: rect.height()) == rects[busiest]
    assert all(rect.height() == 0 for rect, value in zip(rects, values, strict=True) if value == 0)
    assert screen.chart.grab().width() > 0  # paints without error


def test_the_day_buttons_move_the_day_and_reload(qtbot: QtBot, demo_shop: Database) -> None:
    screen = open_screen(qtbot, demo_shop)
    qtbot.waitUntil(lambda: screen.summary is not None, timeout=10_000)
    today = today_in_shop(demo_shop)
    with qtbot.waitSignal(screen.summary_loaded, timeout=10_000) as loaded:
        qtbot.mouseClick(screen.findChild(QPushButton, "report_previous_day"), Qt.MouseButton.LeftButton)
    assert loaded.args[0].day == today - timedelta(days=1)
    assert screen.selected_day() == today - timedelta(days=1)
    with qtbot.waitSignal(screen.summary_loaded, timeout=10_000) as loaded:
        qtbot.mouseClick(screen.findChild(QPushButton, "report_today"), Qt.MouseButton.LeftButton)
    assert loaded.args[0].day == today


def test_preview_then_save_the_summary_as_pdf(
    qtbot: QtBot,
    demo_shop: Database,
    sync_tasks: tasks.SynchronousRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = open_screen(qtbot, demo_shop)
    qtbot.mouseClick(screen.findChild(QPushButton, "summary_preview"), Qt.MouseButton.LeftButton)
    preview = screen.preview
    assert isinstance(preview, PrintPreview) and preview.isVisible()
    assert preview.pages() == 1
    page_text = preview.document.getAllText(0).text()
    assert "Daily summary" in page_text and "Revenue, net" in page_text
    target = tmp_path / "summary.pdf"
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF files (*.pdf)"))
    with qtbot.waitSignal(preview.saved, timeout=5_000):
        qtbot.mouseClick(preview.findChild(QPushButton, "preview_save"), Qt.MouseButton.LeftButton)
    assert target.read_bytes() == preview.data
    today = today_in_shop(demo_shop)
    assert f"{today:%A}, {today:%B} {today.day}, {today.year}" in pdf_text(target, tmp_path)  # English, in full


def test_print_the_summary_straight_from_the_screen(
    qtbot: QtBot, demo_shop: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    printed = tmp_path / "printed.pdf"

    def answer(dialog: QPrintDialog) -> int:  # the person picks a printer (here: a PDF file) and OK
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", answer)
    screen = open_screen(qtbot, demo_shop)
    qtbot.waitUntil(lambda: screen.summary is not None, timeout=10_000)
    with qtbot.waitSignal(screen.document_ready, timeout=20_000) as made:
        qtbot.mouseClick(screen.findChild(QPushButton, "summary_print"), Qt.MouseButton.LeftButton)
    preview = made.args[0]
    pages: list[int] = []
    preview.printed.connect(pages.append)  # delivered through the event loop, so not missed here
    qtbot.waitUntil(lambda: pages == [1], timeout=30_000)
    assert page_count(printed, tmp_path) == 1
    assert not preview.isVisible()  # printed without stopping at a preview


def test_a_save_that_fails_says_why_and_keeps_the_preview(
    qtbot: QtBot,
    demo_shop: Database,
    sync_tasks: tasks.SynchronousRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = open_screen(qtbot, demo_shop)
    screen.make_summary_pdf()
    preview = screen.preview
    assert preview is not None
    shown: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    assert preview.save_to(str(tmp_path / "missing-folder" / "summary")) is False
    assert "does not exist" in shown[0]
    assert preview.isVisible()


def test_slips_for_every_confirmed_order_are_made_in_the_background(
    qtbot: QtBot, demo_shop: Database, tmp_path: Path
) -> None:
    with demo_shop.session() as session:
        confirmed = list(
            session.scalars(
                select(Order.number).where(Order.status == "confirmed").order_by(Order.created_at, Order.id)
            )
        )
    assert confirmed
    screen = open_screen(qtbot, demo_shop)
    show_print_tab(screen)
    qtbot.waitUntil(lambda: screen.summary is not None, timeout=10_000)
    status = screen.findChild(QComboBox, "slips_status")
    status.setCurrentIndex(status.findData("confirmed"))
    with qtbot.waitSignal(screen.document_ready, timeout=30_000) as made:
        qtbot.mouseClick(screen.findChild(QPushButton, "make_status_slips"), Qt.MouseButton.LeftButton)
    preview = made.args[0]
    assert preview.pages() >= len(confirmed)
    assert screen.progress.property("reached") == len(confirmed)  # the progress dialog counted every slip
    path = tmp_path / "slips.pdf"
    path.write_bytes(preview.data)
    text = pdf_text(path, tmp_path)
    assert all(number in text for number in confirmed)


def test_a_batch_can_be_cancelled_and_nothing_is_shown(qtbot: QtBot, demo_shop: Database) -> None:
    screen = open_screen(qtbot, demo_shop)
    qtbot.waitUntil(lambda: screen.summary is not None, timeout=10_000)
    reached_third = threading.Event()
    gate = threading.Event()

    def slow_batch(batch: Batch) -> PrintResult:
        for index in range(100):
            batch.step()
            if index == 3:
                reached_third.set()
                gate.wait(10)
            batch.finished_one()
        return PrintResult("never", "x.pdf", 1, 1, "", data=b"%PDF-never")

    job = screen.run_document(slow_batch, 100, "test batch")
    assert job is not None
    qtbot.waitUntil(reached_third.is_set, timeout=10_000)
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        screen.progress.findChild(QPushButton).click()  # the person presses Cancel
        gate.set()
    assert screen.preview is None
    assert "Stopped" in screen.findChild(QLabel, "report_status").text()


def test_unknown_order_numbers_are_named_under_the_field(
    qtbot: QtBot, demo_shop: Database, sync_tasks: tasks.SynchronousRunner
) -> None:
    screen = open_screen(qtbot, demo_shop)
    show_print_tab(screen)
    field = screen.findChild(QLineEdit, "slip_orders")
    qtbot.keyClicks(field, "SO-999999, SO-999998")
    qtbot.mouseClick(screen.findChild(QPushButton, "make_order_slips"), Qt.MouseButton.LeftButton)
    error = screen.findChild(QLabel, "slip_orders_error")
    assert error.isVisible()
    assert "SO-999999, SO-999998" in error.text()
    assert screen.preview is None
    qtbot.keyClicks(field, "1")
    assert not error.isVisible()  # typing again clears the message


def test_a_pick_list_and_labels_from_what_is_typed(
    qtbot: QtBot, demo_shop: Database, sync_tasks: tasks.SynchronousRunner
) -> None:
    with demo_shop.session() as session:
        numbers = list(session.scalars(select(Order.number).where(Order.status == "confirmed").limit(3)))
        skus = list(session.scalars(select(Product.sku).order_by(Product.id).limit(2)))
    screen = open_screen(qtbot, demo_shop)
    show_print_tab(screen)
    qtbot.keyClicks(screen.findChild(QLineEdit, "slip_orders"), " ".join(numbers).lower())
    qtbot.mouseClick(screen.findChild(QPushButton, "make_pick_list"), Qt.MouseButton.LeftButton)
    assert screen.preview is not None
    pick_text = screen.preview.document.getAllText(0).text()
    assert "Pick list" in pick_text and all(number in pick_text for number in numbers)

    qtbot.keyClicks(screen.findChild(QLineEdit, "label_skus"), ",".join(skus))
    sheet = screen.findChild(QComboBox, "label_sheet")
    sheet.setCurrentIndex(sheet.findData("50x30"))
    screen.findChild(QCheckBox, "label_shelf").setChecked(True)
    qtbot.mouseClick(screen.findChild(QPushButton, "make_labels"), Qt.MouseButton.LeftButton)
    assert screen.preview.pages() == 2  # one 50 x 30 mm label per page
    assert skus[1] in screen.preview.document.getAllText(1).text()


def test_slip_settings_are_saved_and_used(
    qtbot: QtBot, demo_shop: Database, sync_tasks: tasks.SynchronousRunner, tmp_path: Path
) -> None:
    screen = open_screen(qtbot, demo_shop)
    show_print_tab(screen)
    paper = screen.findChild(QComboBox, "slip_paper")
    paper.setCurrentIndex(paper.findData("4x6"))
    screen.findChild(QCheckBox, "slip_show_prices").setChecked(False)
    commit_text(screen.findChild(type(screen.slip_footer), "slip_footer"), "七天无理由退换 Returns within 7 days")
    qtbot.mouseClick(screen.findChild(QPushButton, "save_document_settings"), Qt.MouseButton.LeftButton)
    assert "Saved" in screen.findChild(QLabel, "document_settings_message").text()
    stored = load_document_settings(demo_shop)
    assert (stored.slip_paper, stored.show_prices, stored.slip_footer) == (
        "4x6",
        False,
        "七天无理由退换 Returns within 7 days",
    )
    with demo_shop.session() as session:
        number = session.scalar(select(Order.number).where(Order.status == "confirmed").limit(1))
    assert number is not None
    qtbot.keyClicks(screen.findChild(QLineEdit, "slip_orders"), number)
    qtbot.mouseClick(screen.findChild(QPushButton, "make_order_slips"), Qt.MouseButton.LeftButton)
    preview = screen.preview
    assert preview is not None
    size = preview.document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (round(PAPERS["4x6"].width), round(PAPERS["4x6"].height))
    text = preview.document.getAllText(0).text()
    assert "七天无理由退换" in text and number in text and "¥" not in text
    path = tmp_path / "slip.pdf"
    path.write_bytes(preview.data)
    assert page_count(path, tmp_path) == 1


def test_a_too_long_footer_is_refused_under_the_field(
    qtbot: QtBot, demo_shop: Database, sync_tasks: tasks.SynchronousRunner
) -> None:
    screen = open_screen(qtbot, demo_shop)
    show_print_tab(screen)
    screen.slip_footer.setPlainText("退" * 501)
    qtbot.mouseClick(screen.findChild(QPushButton, "save_document_settings"), Qt.MouseButton.LeftButton)
    error = screen.findChild(QLabel, "slip_footer_error")
    assert error.isVisible() and "at most 500 characters" in error.text()
    assert load_document_settings(demo_shop).slip_footer == ""


def test_an_empty_day_shows_zeros_and_no_products(
    qtbot: QtBot, shop: Database, sync_tasks: tasks.SynchronousRunner
) -> None:
    screen = open_screen(qtbot, shop)
    assert cell(screen, "Received", 1) == "0"
    assert cell(screen, "Revenue, net", 1) == "CN¥0.00"  # money as English writes yuan (CLDR, via Babel)
    assert screen.top_table.rowCount() == 0
    assert screen.selected_day() == today_in_shop(shop)
    assert isinstance(screen.selected_day(), date)


def _visible_progress_dialogs() -> list[QWidget]:
    from PySide6.QtWidgets import QApplication, QProgressDialog

    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QProgressDialog) and widget.isVisible()
    ]


@pytest.mark.parametrize("made_in", [0.0, 0.6])
def test_after_a_preview_no_progress_dialog_comes_back_and_close_closes(
    qtbot: QtBot, demo_shop: Database, made_in: float
) -> None:
    """Issue 11: a "Making … 100%" dialog came up a moment after every preview and blocked its Close.

    Both a document made at once and one slow enough for the progress dialog to show are tried.
    """
    import time

    screen = open_screen(qtbot, demo_shop)
    qtbot.waitUntil(lambda: screen.summary is not None, timeout=10_000)
    pdf = _one_page_pdf()

    def build(batch: Batch) -> PrintResult:
        batch.step()
        time.sleep(made_in)
        batch.finished_one()
        return PrintResult("A test document", "test.pdf", 1, 1, "", data=pdf)

    with qtbot.waitSignal(screen.document_ready, timeout=20_000) as made:
        screen.run_document(build, 1, "a test document")
    preview = made.args[0]
    assert isinstance(preview, PrintPreview)
    qtbot.waitUntil(preview.isVisible, timeout=5_000)
    qtbot.wait(4_500)  # Qt's own timer showed the dialog 4 s after it was made
    assert _visible_progress_dialogs() == []
    assert _modal_widget() is None
    qtbot.mouseClick(preview.findChild(QPushButton, "preview_close"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not preview.isVisible(), timeout=5_000)
    assert _visible_progress_dialogs() == []


def _modal_widget() -> QWidget | None:
    from PySide6.QtWidgets import QApplication

    return QApplication.activeModalWidget()


def _one_page_pdf() -> bytes:
    import io

    from orderapp.documents.letterhead import Letterhead
    from orderapp.documents.packing_slip import SlipOptions, render_slips

    out = io.BytesIO()
    render_slips([], Letterhead("Lotus Tea House"), SlipOptions(), out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("language", "heading", "not_there"),
    [
        ("zh_CN", "装箱单", "Packing slip"),
        ("both", "Packing slip 装箱单", "CN¥"),
        ("en", "Packing slip", "装箱单"),
    ],
)
def test_the_paperwork_language_is_saved_and_slips_summary_and_pick_list_follow_it(
    qtbot: QtBot, demo_shop: Database, sync_tasks: tasks.SynchronousRunner, language: str, heading: str, not_there: str
) -> None:
    screen = open_screen(qtbot, demo_shop)
    show_print_tab(screen)
    chooser = screen.findChild(QComboBox, "paperwork_language")
    assert [chooser.itemData(index) for index in range(chooser.count())] == ["", "en", "zh_CN", "both"]
    chooser.setCurrentIndex(chooser.findData(language))
    qtbot.mouseClick(screen.findChild(QPushButton, "save_document_settings"), Qt.MouseButton.LeftButton)
    assert load_document_settings(demo_shop).paperwork_language == language
    with demo_shop.session() as session:
        number = session.scalar(select(Order.number).where(Order.status == "confirmed").limit(1))
    assert number is not None
    qtbot.keyClicks(screen.findChild(QLineEdit, "slip_orders"), number)
    qtbot.mouseClick(screen.findChild(QPushButton, "make_order_slips"), Qt.MouseButton.LeftButton)
    assert screen.preview is not None
    slip = screen.preview.document.getAllText(0).text()
    assert heading in slip and not_there not in slip and number in slip
    qtbot.mouseClick(screen.findChild(QPushButton, "make_pick_list"), Qt.MouseButton.LeftButton)
    pick_list = screen.preview.document.getAllText(0).text()
    assert {"zh_CN": "拣货单", "both": "Pick list 拣货单", "en": "Pick list"}[language] in pick_list
    screen.make_summary_pdf("preview")
    summary = screen.preview.document.getAllText(0).text()
    assert {"zh_CN": "每日汇总", "both": "Daily summary 每日汇总", "en": "Daily summary"}[language] in summary
    # a reopened screen shows the saved choice
    again = open_screen(qtbot, demo_shop)
    assert again.findChild(QComboBox, "paperwork_language").currentData() == language


def test_a_long_top_product_name_wraps_whole_on_a_small_laptop(
    qtbot: QtBot, demo_shop: Database, sync_tasks: tasks.SynchronousRunner
) -> None:
    from layout_checks import elided_cells

    day = today_in_shop(demo_shop) - timedelta(days=2)
    top_sku = daily_summary(demo_shop, day).figures.top_products[0].sku
    long_name = "金禾螺蛳粉 Golden Grain Luosifen Rice Noodles with Extra Sour Bamboo Shoots, Family Pack 330g x 6"
    with demo_shop.session() as session:  # the top list names products as they were sold: the lines' names
        session.execute(update(OrderLine).where(OrderLine.sku == top_sku).values(name=long_name))
        session.commit()
    screen = open_screen(qtbot, demo_shop)
    screen.resize(1024, 700)
    screen.day.setDate(QDate(day.year, day.month, day.day))
    qtbot.waitUntil(lambda: screen.top_table.rowCount() > 0 and long_name in screen.top_table.item(0, 0).text())
    qtbot.wait(50)  # the rows settle to their wrapped height
    assert elided_cells(screen, ("Product",)) == []
    assert screen.top_table.rowHeight(0) >= 2 * screen.top_table.fontMetrics().lineSpacing()


def test_the_days_own_figures_are_in_sight_on_a_small_laptop(
    qtbot: QtBot, demo_shop: Database, sync_tasks: tasks.SynchronousRunner
) -> None:
    from gui_helpers import show_window

    window = show_window(qtbot, demo_shop)  # the navigation beside it, as the owner sees it
    window.resize(1024, 700)
    window.show_screen("reports")
    screen = window.screen_for("reports")
    assert isinstance(screen, ReportsScreen)
    day = today_in_shop(demo_shop) - timedelta(days=2)
    screen.day.setDate(QDate(day.year, day.month, day.day))
    qtbot.waitUntil(lambda: screen.summary is not None and screen.summary.day == day)
    qtbot.wait(100)
    table = screen.figures_table
    sight = table.viewport().rect()
    row = next(row for row in range(table.rowCount()) if table.item(row, 1) is not None and table.item(row, 1).text())
    cell_rect = table.visualRect(table.model().index(row, 1))
    # The day's column whole in the table's view, without scrolling sideways (the other days may need it).
    assert sight.left() <= cell_rect.left() and cell_rect.right() <= sight.right(), (cell_rect, sight)
    assert table.horizontalHeaderItem(1).text().endswith(f"{day:%b} {day.day}, {day.year}")
