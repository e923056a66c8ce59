"""The Counts screen as staff use it: start a blind count, count by scanning (USB wedge bursts) and
typing while the shop keeps selling, review, recount in place, post or cancel, print the sheet."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from english_catalogue import english  # noqa: F401  (a fixture, for plural forms)
from gui_helpers import DialogDriver
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from orderapp.domain.product_validation import BarcodeDraft, BarcodeKind, ProductDraft
from orderapp.gui.context import AppContext
from orderapp.gui.count_lines import COUNTED
from orderapp.gui.counts_screen import CountsScreen, create_screen
from orderapp.services.stock import catalogue, counts
from orderapp.services.stock import shelf as stock
from orderapp.services.stock.counts import CountScope, CountStatus
from orderapp.services.stock.ledger import sell
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, StockMovement

pytestmark = pytest.mark.usefixtures("english")  # an English PC: plural forms from the catalogue

USER = DEFAULT_USER_ID
TEA, TEA_CASE, RICE = "6901234567892", "16901234567899", "6920000000012"
TEA_NAME, JASMINE_NAME, RICE_NAME = "西湖龙井 Longjing", "茉莉花茶 Jasmine", "东北大米 Rice"


def add(
    shop: Database, sku: str, name: str, qty: int, location: str, cost: int, codes: tuple[BarcodeDraft, ...] = ()
) -> int:
    draft = ProductDraft(sku=sku, name=name, location=location, cost_cents=cost, barcodes=codes)
    product_id = catalogue.create_product(shop, draft, user_id=USER).id
    stock.receive_stock(shop, product_id, qty, user_id=USER)
    return product_id


@pytest.fixture
def products(shop: Database) -> dict[str, int]:
    return {
        "tea": add(
            shop,
            "TEA-001",
            TEA_NAME,
            10,
            "A-01-1",
            100,
            (BarcodeDraft(TEA), BarcodeDraft(TEA_CASE, BarcodeKind.CASE, 12)),
        ),
        "jasmine": add(shop, "TEA-002", JASMINE_NAME, 10, "A-02-1", 100),
        "rice": add(shop, "RICE-001", RICE_NAME, 5, "B-01-1", 4000, (BarcodeDraft(RICE),)),
    }


@pytest.fixture
def screen(qtbot: QtBot, shop: Database, products: dict[str, int]) -> Iterator[CountsScreen]:
    widget = create_screen(AppContext(shop, station="COUNT-1"))
    assert isinstance(widget, CountsScreen)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def sale(shop: Database, product_id: int, qty: int) -> None:
    """A sale at the till while the count goes on."""
    with shop.session(write=True) as session:
        assert sell(session, product_id, qty, user_id=USER, order_id=None, allow_short=False)
        session.commit()


def on_hand(shop: Database, product_id: int) -> int:
    return stock.stock_figures(shop, product_id).on_hand


def wedge_burst(widget: QWidget, code: str) -> None:
    """What a USB wedge scanner does: the code's characters as key presses in quick succession, then Enter."""
    for char in code:
        key = Qt.Key(ord(char.upper())) if char.isalnum() else Qt.Key.Key_Minus
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))


def scan(qtbot: QtBot, screen: CountsScreen, code: str) -> None:
    screen.code.setFocus()
    with qtbot.waitSignal(screen.entry_shown, timeout=5000):
        wedge_burst(screen.code, code)


def press(name: str) -> Callable[[QWidget], None]:
    """A dialog step: click the button called ``name``."""

    def step(dialog: QWidget) -> None:
        button = dialog.findChild(QPushButton, name)
        assert button is not None, f"{dialog.objectName()} has no {name}"
        button.click()

    return step


def start(qtbot: QtBot, screen: CountsScreen, title: str, *, location: str = "") -> counts.CountSummary:
    dialog = screen.open_start_dialog()
    qtbot.keyClicks(dialog.title, title)
    if location:
        dialog.scope_location.setChecked(True)
        dialog.location_value.setEditText(location)
    with qtbot.waitSignal(screen.count_shown, timeout=5000) as shown:
        dialog.start_button.click()
    qtbot.waitUntil(lambda: not screen.lines_model.loading and screen.lines_model.rowCount() > 0, timeout=5000)
    summary: counts.CountSummary = shown.args[0]
    return summary


def counted_column(screen: CountsScreen) -> dict[str, str]:
    model = screen.lines_model
    return {row.sku: str(model.data(model.index(r, COUNTED))) for r, row in enumerate(model.rows())}


def test_a_blind_count_by_scanning_and_typing_posts_exact_variances_while_sales_go_on(
    qtbot: QtBot, screen: CountsScreen, shop: Database, products: dict[str, int]
) -> None:
    summary = start(qtbot, screen, "Whole shop")
    assert summary.blind and summary.lines == 3
    # blind: the counter sees no expected quantities anywhere
    headers = [
        screen.lines_model.headerData(c, Qt.Orientation.Horizontal) for c in range(screen.lines_model.columnCount())
    ]
    assert headers == ["Location", "SKU", "Name", "Barcode", "Counted"]
    assert counted_column(screen) == {"TEA-001": "—", "TEA-002": "—", "RICE-001": "—"}

    scan(qtbot, screen, TEA_CASE)  # a case of 12
    assert screen.scan_name.text() == f"{TEA_NAME}\nTEA-001"
    assert screen.scan_total.text() == "12 counted (+12)"
    sale(shop, products["tea"], 1)  # sold after its shelf was counted

    sale(shop, products["jasmine"], 3)  # sold before its shelf was counted: 7 left on it
    assert screen.select_line("TEA-002")
    screen.typed_qty.setValue(7)
    with qtbot.waitSignal(screen.entry_shown, timeout=5000):
        screen.add_typed_button.click()
    assert screen.scan_total.text() == "7 counted (+7)"

    for expected in (1, 2, 3, 4):
        scan(qtbot, screen, RICE)
        assert screen.scan_total.text() == f"{expected} counted (+1)"
    assert screen.scan_name.text() == f"{RICE_NAME}\nRICE-001"
    assert counted_column(screen) == {"TEA-001": "12", "TEA-002": "7", "RICE-001": "4"}

    screen.tabs.setCurrentIndex(1)
    assert screen.review_cover.isVisible() and not screen.review_panel.isVisible()
    with qtbot.waitSignal(screen.review_shown, timeout=5000):
        screen.open_review_button.click()
    # variances by value: the rice (-1 x 40.00) before the tea (+2 x 1.00); the jasmine sale is no variance
    assert [(r[2], r[4], r[5], r[6], r[7]) for r in screen.review_shown_rows()] == [
        ("RICE-001", "4", "5", "-1", "-¥40.00"),
        ("TEA-001", "12", "10", "+2", "¥2.00"),
        ("TEA-002", "7", "7", "0", "¥0.00"),
    ]

    driver = DialogDriver(press("confirm_post_yes"))
    with qtbot.waitSignal(screen.count_posted, timeout=10_000) as posted:
        screen.post_button.click()
    driver.check()
    result = posted.args[0]
    assert (result.adjusted_lines, result.units_added, result.units_removed) == (2, 2, 1)
    assert screen.problem.text().startswith("Posted: 2 lines adjusted, 2 units added and 1 taken off")
    assert on_hand(shop, products["tea"]) == 10 - 1 + 2
    assert on_hand(shop, products["jasmine"]) == 7
    assert on_hand(shop, products["rice"]) == 4
    with shop.session() as session:
        kinds = session.execute(
            select(StockMovement.product_id, StockMovement.qty_delta).where(StockMovement.kind == "count")
        ).all()
    assert sorted(kinds) == sorted([(products["tea"], 2), (products["rice"], -1)])
    qtbot.waitUntil(lambda: screen.summary is not None and screen.summary.status is CountStatus.POSTED, timeout=5000)
    assert not screen.code.isEnabled()


def test_a_line_far_off_is_flagged_and_recounted_in_place(
    qtbot: QtBot, screen: CountsScreen, shop: Database, products: dict[str, int]
) -> None:
    start(qtbot, screen, "Aisle A", location="A")
    scan(qtbot, screen, TEA_CASE)
    for _ in range(3):
        scan(qtbot, screen, TEA)  # 15 on the shelf by this count: 5 more than the books
    assert screen.select_line("TEA-002")
    with qtbot.waitSignal(screen.entry_shown, timeout=5000):
        screen.add_typed(10)

    driver = DialogDriver(press("confirm_post_yes"), press("confirm_post_flagged_no"))
    with qtbot.waitSignal(screen.review_shown, timeout=10_000):
        screen.post_button.click()
    driver.check()
    assert screen.review_shown_rows()[0][:3] == ("Recount: large difference", "A-01-1", "TEA-001")
    assert on_hand(shop, products["tea"]) == 10  # nothing posted

    with qtbot.waitSignal(screen.recount_requested, timeout=5000):
        screen.recount_flagged_button.click()
    qtbot.waitUntil(lambda: counted_column(screen)["TEA-001"] == "—", timeout=5000)
    scan(qtbot, screen, TEA_CASE)  # the second count finds 12: the first one was wrong
    assert screen.scan_total.text() == "12 counted (+12)"
    assert counted_column(screen)["TEA-001"] == "12 (recount)"

    driver = DialogDriver(press("confirm_post_yes"))
    with qtbot.waitSignal(screen.count_posted, timeout=10_000):
        screen.post_button.click()
    driver.check()
    assert on_hand(shop, products["tea"]) == 12
    assert on_hand(shop, products["jasmine"]) == 10


def test_a_product_outside_the_count_can_be_added_or_put_aside(
    qtbot: QtBot, screen: CountsScreen, shop: Database, products: dict[str, int]
) -> None:
    start(qtbot, screen, "Aisle A", location="A")
    driver = DialogDriver(press("add_to_count_no"))
    with qtbot.waitSignal(screen.scan_refused, timeout=5000):
        scan_without_wait(screen, RICE)
    driver.check()
    assert screen.scan_message.text() == f"Put aside: {RICE} was not counted."

    driver = DialogDriver(press("add_to_count_yes"))
    scan(qtbot, screen, RICE)
    driver.check()
    assert screen.scan_name.text() == f"{RICE_NAME}\nRICE-001"
    qtbot.waitUntil(lambda: "RICE-001" in counted_column(screen), timeout=5000)
    assert counts.get_count(shop, screen.summary.id).lines == 3  # type: ignore[union-attr]


def scan_without_wait(screen: CountsScreen, code: str) -> None:
    screen.code.setFocus()
    wedge_burst(screen.code, code)


def test_an_unknown_code_is_refused_and_counts_nothing(qtbot: QtBot, screen: CountsScreen, shop: Database) -> None:
    start(qtbot, screen, "Whole shop")
    with qtbot.waitSignal(screen.scan_refused, timeout=5000):
        scan_without_wait(screen, "4006381333931")
    assert screen.scan_message.text().startswith("No product has the code 4006381333931.")
    assert set(counted_column(screen).values()) == {"—"}


def test_several_pcs_count_at_once_and_the_list_refreshes(
    qtbot: QtBot, screen: CountsScreen, shop: Database, products: dict[str, int]
) -> None:
    summary = start(qtbot, screen, "Whole shop")
    scan(qtbot, screen, TEA)
    counts.record_entry(shop, summary.id, user_id=USER, station="COUNT-2", code=TEA_CASE)  # the other PC
    counts.record_entry(shop, summary.id, user_id=USER, station="COUNT-2", product_id=products["rice"], qty=5)
    with qtbot.waitSignal(screen.lines_model.refreshed, timeout=5000):
        screen.refresh_lines_button.click()
    assert counted_column(screen) == {"TEA-001": "13", "TEA-002": "—", "RICE-001": "5"}
    scan(qtbot, screen, TEA)
    assert screen.scan_total.text() == "14 counted (+1)"
    qtbot.waitUntil(lambda: "2 of 3 lines counted" in screen.info.text(), timeout=5000)


def test_undo_takes_the_last_scan_back(qtbot: QtBot, screen: CountsScreen, shop: Database) -> None:
    start(qtbot, screen, "Whole shop")
    scan(qtbot, screen, TEA)
    scan(qtbot, screen, TEA_CASE)
    with qtbot.waitSignal(screen.entry_shown, timeout=5000):
        screen.undo_button.click()
    assert screen.scan_total.text() == "1 counted (undone: -12)"
    assert counted_column(screen)["TEA-001"] == "1"


def test_cancelling_leaves_stock_untouched(
    qtbot: QtBot, screen: CountsScreen, shop: Database, products: dict[str, int]
) -> None:
    start(qtbot, screen, "Whole shop")
    scan(qtbot, screen, TEA_CASE)
    driver = DialogDriver(press("confirm_cancel_yes"))
    with qtbot.waitSignal(screen.count_cancelled, timeout=5000):
        screen.cancel_button.click()
    driver.check()
    assert on_hand(shop, products["tea"]) == 10
    assert "cancelled" in screen.info.text()
    assert not screen.post_button.isEnabled()
    # its products can be counted again
    assert counts.start_count(shop, CountScope.everything(), user_id=USER).lines == 3


def test_the_count_sheet_is_printed_without_expected_figures_on_a_blind_count(
    qtbot: QtBot, screen: CountsScreen, shop: Database
) -> None:
    start(qtbot, screen, "Whole shop")
    with qtbot.waitSignal(screen.document_ready, timeout=20_000) as ready:
        screen.print_button.click()
    preview = ready.args[0]
    assert preview.pages() == 1
    assert preview.windowTitle() == "Count sheet 1: Whole shop"
    text = pdf_text(preview.data)
    assert "TEA-001" in text and "RICE-001" in text and "Expected" not in text
    preview.close()


def pdf_text(data: bytes) -> str:
    import subprocess

    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return result.stdout.decode()


def test_starting_a_count_that_overlaps_an_open_one_is_refused_naming_it(
    qtbot: QtBot, screen: CountsScreen, shop: Database
) -> None:
    start(qtbot, screen, "Aisle A", location="A")
    dialog = screen.open_start_dialog()
    with qtbot.waitSignal(dialog.problem_shown, timeout=5000):
        dialog.start_button.click()
    assert dialog.problem.text().startswith("2 of these products are already in open count #1 “Aisle A”")
    dialog.scope_location.setChecked(True)
    dialog.location_value.setEditText("Z")
    with qtbot.waitSignal(dialog.problem_shown, timeout=5000):
        dialog.start_button.click()
    assert dialog.errors["scope"].text() == "No product is kept in location Z; check the location."
    dialog.close()


def test_a_count_of_chosen_products_typed_or_scanned_into_the_list(
    qtbot: QtBot, screen: CountsScreen, shop: Database
) -> None:
    dialog = screen.open_start_dialog()
    dialog.products_value.setPlainText(f"RICE-001\n{TEA_CASE}  NOPE-1")
    assert dialog.scope_products.isChecked()
    with qtbot.waitSignal(dialog.problem_shown, timeout=5000):
        dialog.start_button.click()
    assert dialog.errors["scope"].text() == "No product has the code NOPE-1; check them."
    dialog.products_value.setPlainText(f"RICE-001\n{TEA_CASE}")
    assert dialog.blind.isChecked()  # blind unless chosen otherwise
    dialog.blind.setChecked(False)
    with qtbot.waitSignal(screen.count_shown, timeout=5000) as shown:
        dialog.start_button.click()
    assert shown.args[0].lines == 2 and not shown.args[0].blind
    qtbot.waitUntil(lambda: screen.lines_model.rowCount() == 2, timeout=5000)
    # not blind: the counter sees what the books say
    model = screen.lines_model
    assert model.headerData(5, Qt.Orientation.Horizontal) == "Expected now"
    assert [(row.sku, model.data(model.index(r, 5))) for r, row in enumerate(model.rows())] == [
        ("TEA-001", "10"),
        ("RICE-001", "5"),
    ]


def test_the_main_window_builds_the_counts_screen_on_first_visit(qtbot: QtBot, window: object) -> None:
    from orderapp.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.show_screen("counts")
    screen = window.screen_for("counts")
    assert isinstance(screen, CountsScreen)
    assert screen.title.text() == "Start a count, or choose one in the list."
    assert not screen.count_panel.isEnabled()


def test_the_product_just_scanned_takes_a_typed_quantity_with_enter(
    qtbot: QtBot, screen: CountsScreen, shop: Database
) -> None:
    start(qtbot, screen, "Shelf")
    scan(qtbot, screen, RICE)  # no row clicked: the typed quantity is for what was just scanned
    assert not screen.lines_view.selectionModel().selectedRows()
    screen.typed_qty.setFocus()
    screen.typed_qty.lineEdit().selectAll()
    qtbot.keyClicks(screen.typed_qty, "5")
    screen.wedge.flush()
    with qtbot.waitSignal(screen.entry_shown, timeout=5000):
        qtbot.keyClick(screen.typed_qty, Qt.Key.Key_Return)  # Enter in the box adds, as Add does
    assert screen.scan_total.text() == "6 counted (+5)"
    assert counted_column(screen)["RICE-001"] == "6"
    with qtbot.waitSignal(screen.entry_shown, timeout=5000):
        screen.add_typed_button.click()
    assert counted_column(screen)["RICE-001"] == "11"


def test_typing_a_location_never_completes_it_to_a_narrower_one(
    qtbot: QtBot, screen: CountsScreen, shop: Database
) -> None:
    add(shop, "BIN-1", "Bin one", 1, "C-23-2", 100)
    dialog = screen.open_start_dialog()
    qtbot.waitUntil(lambda: dialog.location_value.findText("C-23-2") >= 0, timeout=5000)
    dialog.location_value.setFocus()
    qtbot.keyClicks(dialog.location_value, "C-23")
    screen.wedge.flush()
    assert dialog.location_value.currentText() == "C-23"
    assert dialog.location_value.lineEdit().selectedText() == ""  # nothing silently added after the cursor
    dialog.reject()


def test_lines_are_counted_in_plain_english_plurals(qtbot: QtBot, screen: CountsScreen) -> None:
    start(qtbot, screen, "Whole shop")
    assert "0 of 3 lines counted" in screen.info.text()
    assert screen.lines_status.text().startswith("3 lines shown")
