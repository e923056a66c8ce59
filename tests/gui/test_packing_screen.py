"""The packing screen, driven as a packer would: the queue, scans good and bad, the blocking alert,
undo, typed counts, overrides, resuming, and typed codes. Camera and USB scanner tests are in
test_packing_scanners.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from english_catalogue import english  # noqa: F401  (a fixture, for plural forms)
from packing_shop import (
    CUPS,
    GREEN_TEA,
    GREEN_TEA_NAME,
    OOLONG,
    OOLONG_NAME,
    TEA,
    TEA_CASE,
    TEA_MISREAD,
    TEA_NAME,
    UNKNOWN_CODE,
    PackingShop,
    make_packing_shop,
)
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from orderapp.domain.gtin import Symbology
from orderapp.gui import tasks
from orderapp.gui.context import AppContext
from orderapp.gui.packing_dialogs import OverrideDialog, PackingAlert
from orderapp.gui.packing_lines import ORDERED, PRODUCT, SCANNED
from orderapp.gui.packing_screen import PackingScreen, create_screen
from orderapp.scanning.acceptance import Scan
from orderapp.services.packing.station import open_order, record_scan
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Order, OrderEvent
from orderapp.store.packing_models import PackScan, PackSession

pytestmark = pytest.mark.usefixtures("english")  # an English PC: plural forms from the catalogue

STATION = "PACK-1"


@pytest.fixture
def packing(shop: Database) -> PackingShop:
    return make_packing_shop(shop)


@pytest.fixture
def screen(qtbot: QtBot, shop: Database, packing: PackingShop, sync_tasks: tasks.SynchronousRunner) -> PackingScreen:
    return open_screen(qtbot, shop)


def open_screen(qtbot: QtBot, database: Database) -> PackingScreen:
    widget = create_screen(AppContext(database, station=STATION))
    assert isinstance(widget, PackingScreen)
    qtbot.addWidget(widget)
    widget.sounds.enabled = False  # what would play is still recorded in ``played``
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_lines(screen: PackingScreen) -> dict[str, tuple[int, int]]:
    model = screen.lines_model
    return {
        model.index(row, PRODUCT).data(): (int(model.index(row, SCANNED).data()), int(model.index(row, ORDERED).data()))
        for row in range(model.rowCount())
    }


def queue_numbers(screen: PackingScreen) -> list[str]:
    return [screen.queue_table.item(row, 0).text() for row in range(screen.queue_table.rowCount())]


def scan(screen: PackingScreen, code: str, source: str = "wedge", symbology: Symbology | None = None) -> None:
    screen.handle_scan(Scan(code=code, symbology=symbology, source=source))


def open_from_queue(qtbot: QtBot, screen: PackingScreen, number: str) -> None:
    row = next(r for r, text in enumerate(queue_numbers(screen)) if text.startswith(number))
    screen.queue_table.selectRow(row)
    with qtbot.waitSignal(screen.order_shown, timeout=5000):
        qtbot.mouseClick(screen.open_selected, Qt.MouseButton.LeftButton)


def acknowledge(qtbot: QtBot, alert: PackingAlert) -> None:
    qtbot.waitUntil(alert.button.isEnabled, timeout=3000)
    qtbot.mouseClick(alert.button, Qt.MouseButton.LeftButton)


def press(widget, key: Qt.Key, text: str = "") -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def scans_stored(database: Database) -> list[tuple[str, str, str]]:
    with database.session() as session:
        rows = session.execute(select(PackScan.code, PackScan.outcome, PackScan.source).order_by(PackScan.id))
        return [tuple(row) for row in rows]  # type: ignore[misc]


@pytest.fixture
def no_alert_left(qtbot: QtBot) -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, PackingAlert) and widget.isVisible():
            qtbot.waitUntil(lambda w=widget: w.armed, timeout=3000)
            widget.acknowledge()


# -- the queue and opening an order --------------------------------------------------------------------


def test_the_queue_shows_orders_ready_to_pack_most_urgent_first(screen: PackingScreen) -> None:
    assert queue_numbers(screen) == ["SO-000005 (urgent)", "SO-000006", "SO-000001", "SO-000002"]
    assert screen.queue_count.text() == "4 waiting"
    assert screen.queue_table.item(0, 1).text() == "王小明"
    assert screen.order_heading.text() == "No order open"
    assert "Scan an order's packing slip" in screen.status_text()
    assert not screen.undo_button.isEnabled() and not screen.override_button.isEnabled()


def test_choosing_an_order_shows_its_lines_in_large_type(qtbot: QtBot, screen: PackingScreen) -> None:
    open_from_queue(qtbot, screen, "SO-000001")
    assert screen.order_heading.text() == "SO-000001 · 王小明"
    assert shown_lines(screen) == {TEA_NAME: (0, 2), OOLONG_NAME: (0, 1)}
    assert screen.order_progress.text() == "0 / 3 units"
    assert screen.status_text() == "Scan the items of SO-000001."
    assert screen.lines_model.index(0, SCANNED).data(Qt.ItemDataRole.FontRole).pointSize() >= 20
    assert screen.status_area.font().pointSize() >= 24
    assert screen.override_button.isEnabled() and not screen.undo_button.isEnabled()


def test_a_slip_scanned_anywhere_opens_its_order(qtbot: QtBot, screen: PackingScreen) -> None:
    with qtbot.waitSignal(screen.order_shown, timeout=5000) as shown:
        scan(screen, "SO-000002", source="camera", symbology=Symbology.CODE128)
    assert shown.args[0].number == "SO-000002"
    assert shown_lines(screen) == {"Paper Cups 8oz": (0, 12), TEA_NAME: (0, 6)}


def test_an_item_before_any_order_asks_for_the_slip(qtbot: QtBot, screen: PackingScreen) -> None:
    with qtbot.waitSignal(screen.problem_shown, timeout=5000):
        scan(screen, TEA)
    assert "Scan the barcode on the order's packing slip first" in screen.status_text()
    assert screen.status_state() == "problem"
    assert screen.alert is None


# -- good scans -----------------------------------------------------------------------------------------


def test_a_good_scan_counts_up_with_a_green_flash_and_a_chirp(qtbot: QtBot, screen: PackingScreen) -> None:
    open_from_queue(qtbot, screen, "SO-000001")
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        scan(screen, TEA)
    assert shown_lines(screen)[TEA_NAME] == (1, 2)
    assert screen.status_text() == f"{TEA_NAME}: 1 of 2"
    assert screen.status_state() == "good"
    assert screen.sounds.played[-1] == "good"
    assert screen.undo_button.isEnabled()
    qtbot.waitUntil(lambda: screen.status_state() == "ready", timeout=3000)  # the flash ends


def test_the_last_item_packs_the_order_and_offers_the_next(
    qtbot: QtBot, screen: PackingScreen, shop: Database, packing: PackingShop
) -> None:
    open_from_queue(qtbot, screen, "SO-000001")
    with qtbot.waitSignal(screen.order_packed, timeout=5000):
        for code in (TEA, OOLONG, TEA):
            scan(screen, code)
    assert shown_lines(screen) == {TEA_NAME: (2, 2), OOLONG_NAME: (1, 1)}
    assert screen.status_state() == "packed"
    assert screen.status_text().startswith("SO-000001 is packed. Next: SO-000005.")
    assert screen.next_order_button.isVisible() and screen.next_order_button.text() == "Open &next: SO-000005"
    assert not screen.undo_button.isEnabled()
    with shop.session() as session:
        assert session.get_one(Order, packing.two_teas).status == "packed"
        pack = session.scalars(select(PackSession).where(PackSession.order_id == packing.two_teas)).one()
        assert (pack.outcome, pack.user_id, pack.station) == ("packed", DEFAULT_USER_ID, STATION)
    qtbot.waitUntil(lambda: not any(n.startswith("SO-000001") for n in queue_numbers(screen)), timeout=5000)
    with qtbot.waitSignal(screen.order_shown, timeout=5000):
        qtbot.mouseClick(screen.next_order_button, Qt.MouseButton.LeftButton)
    assert screen.order_heading.text().startswith("SO-000005")


def test_a_case_barcode_counts_its_pack_quantity(qtbot: QtBot, screen: PackingScreen) -> None:
    open_from_queue(qtbot, screen, "SO-000002")
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        scan(screen, TEA_CASE)
    assert shown_lines(screen)[TEA_NAME] == (6, 6)


# -- refused scans: the blocking alert ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codes", "title", "words"),
    [
        ([GREEN_TEA], "Not on this order", f"{GREEN_TEA_NAME} is not on order SO-000001"),
        ([OOLONG, OOLONG], "Already complete", f"{OOLONG_NAME} is already complete"),
        ([UNKNOWN_CODE], "Unknown barcode", f"{UNKNOWN_CODE} is not the barcode of any product"),
        ([TEA_MISREAD], "Misread barcode", "wrong check digit"),
    ],
)
def test_a_refused_scan_raises_a_blocking_red_alert(
    qtbot: QtBot, screen: PackingScreen, shop: Database, no_alert_left: None, codes: list[str], title: str, words: str
) -> None:
    open_from_queue(qtbot, screen, "SO-000001")
    before = None
    with qtbot.waitSignal(screen.alert_raised, timeout=5000):
        for code in codes:
            before = dict(shown_lines(screen))
            scan(screen, code)
    alert = screen.alert
    assert alert is not None and alert.isVisible() and alert.isModal()
    assert QApplication.activeModalWidget() is alert
    assert alert.title_label.text() == title
    assert words in alert.message_label.text()
    assert shown_lines(screen) == before  # the count did not change
    assert screen.sounds.played[-1] == "alert"
    assert screen.status_state() == "alert"
    acknowledge(qtbot, alert)
    assert screen.alert is None and not alert.isVisible()
    assert screen.status_state() == "ready"


def test_the_alert_ignores_scans_and_enter_until_acknowledged(
    qtbot: QtBot, screen: PackingScreen, shop: Database
) -> None:
    open_from_queue(qtbot, screen, "SO-000001")
    with qtbot.waitSignal(screen.alert_raised, timeout=5000):
        scan(screen, GREEN_TEA)
    alert = screen.alert
    assert alert is not None and not alert.button.isEnabled()  # not even a double tap dismisses it
    qtbot.waitUntil(lambda: alert.armed, timeout=3000)
    scan(screen, TEA)  # scanned while the alert is up: ignored, not counted, not stored
    for key, text in (
        (Qt.Key.Key_Return, "\r"),
        (Qt.Key.Key_Enter, "\r"),
        (Qt.Key.Key_Space, " "),
        (Qt.Key.Key_6, "6"),
    ):
        press(alert, key, text)
    alert.close()  # the window's close button does not dismiss it either
    assert alert.isVisible() and screen.alert is alert
    assert shown_lines(screen)[TEA_NAME] == (0, 2)
    assert [outcome for _code, outcome, _source in scans_stored(shop)] == ["not_on_order"]
    assert alert.missed.isVisible()
    assert alert.missed.text().startswith("1 scan made while this alert is up was not counted")
    press(alert, Qt.Key.Key_Escape)  # a deliberate key
    assert screen.alert is None and not alert.isVisible()
    assert screen.status_text().startswith("1 scan made while the alert was up was not counted: scan that item again.")
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        scan(screen, TEA)
    assert shown_lines(screen)[TEA_NAME] == (1, 2)


# -- undo, typed counts, overrides ---------------------------------------------------------------------


def test_undo_takes_back_the_last_scan(qtbot: QtBot, screen: PackingScreen) -> None:
    open_from_queue(qtbot, screen, "SO-000001")
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        scan(screen, TEA)
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        qtbot.mouseClick(screen.undo_button, Qt.MouseButton.LeftButton)
    assert shown_lines(screen)[TEA_NAME] == (0, 2)
    assert screen.status_text().startswith(f"Undone: {TEA_NAME}, 1 fewer counted.")
    assert not screen.undo_button.isEnabled()


def test_the_undo_key_works_even_in_the_entry_field(qtbot: QtBot, screen: PackingScreen) -> None:
    open_from_queue(qtbot, screen, "SO-000001")
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        scan(screen, OOLONG)
    screen.code_entry.setFocus()
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        qtbot.keyClick(screen.code_entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown_lines(screen)[OOLONG_NAME] == (0, 1)


def test_a_big_line_takes_a_typed_count_after_one_scan(qtbot: QtBot, screen: PackingScreen) -> None:
    open_from_queue(qtbot, screen, "SO-000002")
    assert not screen.typed_qty_row.isVisible()  # nothing scanned yet: the product is not verified
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        scan(screen, CUPS)
    assert screen.typed_qty_row.isVisible()
    assert screen.typed_qty_label.text() == "Paper Cups 8oz: how many more are in the box?"
    assert (screen.typed_qty.maximum(), screen.typed_qty.value()) == (11, 11)
    screen.typed_qty.setValue(10)
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        qtbot.mouseClick(screen.typed_qty_apply, Qt.MouseButton.LeftButton)
    assert shown_lines(screen)["Paper Cups 8oz"] == (11, 12)
    assert screen.typed_qty.maximum() == 1


def test_packing_without_full_check_needs_a_reason_and_is_recorded(
    qtbot: QtBot, screen: PackingScreen, shop: Database, packing: PackingShop
) -> None:
    open_from_queue(qtbot, screen, "SO-000001")
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        scan(screen, TEA)
    qtbot.mouseClick(screen.override_button, Qt.MouseButton.LeftButton)
    dialog = screen.findChild(OverrideDialog, "override_dialog")
    assert dialog is not None and dialog.isVisible()
    confirm = dialog.findChild(QPushButton, "override_confirm")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    error = dialog.error
    assert error.isVisible() and error.text() == "Say why the order is packed without scanning every item."
    assert dialog.isVisible()
    scan(screen, TEA)  # the dialog is up: scans are ignored until it is answered
    reason = dialog.findChild(QPlainTextEdit, "override_reason")
    reason.setPlainText("标签撕坏了 label torn")
    with qtbot.waitSignal(screen.order_packed, timeout=5000):
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert screen.status_text().startswith("SO-000001 is marked packed without full check")
    with shop.session() as session:
        assert session.get_one(Order, packing.two_teas).status == "packed"
        event = session.scalars(
            select(OrderEvent).where(OrderEvent.order_id == packing.two_teas).order_by(OrderEvent.id.desc())
        ).first()
        assert event is not None and event.kind == "override" and "标签撕坏了 label torn" in event.detail
        assert "1 of 3 units scanned" in event.detail
    assert [outcome for _code, outcome, _source in scans_stored(shop)] == ["accepted"]


# -- resuming -------------------------------------------------------------------------------------------


def test_closing_the_screen_and_opening_it_again_resumes_the_order(
    qtbot: QtBot, shop: Database, packing: PackingShop, sync_tasks: tasks.SynchronousRunner
) -> None:
    first = open_screen(qtbot, shop)
    open_from_queue(qtbot, first, "SO-000002")
    with qtbot.waitSignal(first.scan_handled, timeout=5000):
        scan(first, TEA_CASE)
    first.close()
    first.deleteLater()
    again = open_screen(qtbot, shop)
    assert again.order_heading.text().startswith("SO-000002")
    assert shown_lines(again) == {"Paper Cups 8oz": (0, 12), TEA_NAME: (6, 6)}
    assert again.status_text() == "SO-000002 resumed where you left off: 6 of 18 scanned."
    with qtbot.waitSignal(again.scan_handled, timeout=5000):
        scan(again, CUPS)
    assert shown_lines(again)["Paper Cups 8oz"] == (1, 12)


def test_an_order_open_at_another_station_is_taken_over_only_when_asked(
    qtbot: QtBot, screen: PackingScreen, shop: Database
) -> None:
    theirs = open_order(shop, "SO-000001", user_id=DEFAULT_USER_ID, station="PACK-2")
    record_scan(shop, theirs.session_id, TEA, symbology=None, source="wedge", user_id=DEFAULT_USER_ID, station="PACK-2")
    scan(screen, "SO-000001", source="camera", symbology=Symbology.CODE128)
    question = screen.findChild(QMessageBox, "take_over_question")
    assert question is not None and question.isVisible()
    assert "being packed at PACK-2" in question.text()
    with qtbot.waitSignal(screen.order_shown, timeout=5000):
        question.button(QMessageBox.StandardButton.Yes).click()
    assert shown_lines(screen)[TEA_NAME] == (1, 2)


# -- typed entry --------------------------------------------------------------------------------------------


def type_in(qtbot: QtBot, screen: PackingScreen, text: str) -> None:
    """Type into the entry field; the text shows once the keys are known to be a person's (not a scanner's)."""
    qtbot.keyClicks(screen.code_entry, text)
    screen.wedge.flush()  # keyClicks types at machine speed: hand the keys on as a person's
    qtbot.waitUntil(lambda: screen.code_entry.text() == text, timeout=3000)


def test_a_typed_code_is_checked_like_a_scan(qtbot: QtBot, screen: PackingScreen, shop: Database) -> None:
    type_in(qtbot, screen, "so-000001")
    with qtbot.waitSignal(screen.order_shown, timeout=5000):
        qtbot.keyClick(screen.code_entry, Qt.Key.Key_Return)
    assert screen.order_heading.text().startswith("SO-000001")
    assert screen.code_entry.text() == ""
    type_in(qtbot, screen, OOLONG)
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        qtbot.mouseClick(screen.code_submit, Qt.MouseButton.LeftButton)
    assert shown_lines(screen)[OOLONG_NAME] == (1, 1)
    assert scans_stored(shop)[-1] == (OOLONG, "accepted", "typed")


def test_a_mistyped_barcode_stops_the_packer(qtbot: QtBot, screen: PackingScreen, shop: Database) -> None:
    open_from_queue(qtbot, screen, "SO-000001")
    type_in(qtbot, screen, TEA_MISREAD)
    with qtbot.waitSignal(screen.alert_raised, timeout=5000):
        qtbot.keyClick(screen.code_entry, Qt.Key.Key_Return)
    alert = screen.alert
    assert alert is not None and alert.title_label.text() == "Misread barcode"
    assert scans_stored(shop)[-1] == (TEA_MISREAD, "invalid", "typed")
    acknowledge(qtbot, alert)


def test_an_empty_entry_explains_what_to_type(qtbot: QtBot, screen: PackingScreen) -> None:
    qtbot.keyClick(screen.code_entry, Qt.Key.Key_Return)
    assert screen.code_error.isVisible()
    assert screen.code_error.text() == "Type the digits under the barcode, or the order number on the slip."


# -- the demo shop, from the main window ------------------------------------------------------------------


def test_a_demo_order_is_packed_from_the_main_window(
    qtbot: QtBot, demo_shop: Database, sync_tasks: tasks.SynchronousRunner
) -> None:
    from gui_helpers import show_window

    from orderapp.store.models import OrderLine, ProductBarcode

    window = show_window(qtbot, demo_shop, demo=True)
    window.show_screen("packing")
    screen = window.screen_for("packing")
    assert isinstance(screen, PackingScreen) and screen.isVisible()
    screen.sounds.enabled = False
    first = screen.queue_table.item(0, 0).text().split()[0]
    with demo_shop.session() as session:
        order = session.scalars(select(Order).where(Order.number == first)).one()
        lines = session.execute(
            select(OrderLine.product_id, OrderLine.quantity).where(OrderLine.order_id == order.id)
        ).all()
        unit_codes = dict(
            session.execute(
                select(ProductBarcode.product_id, ProductBarcode.code).where(ProductBarcode.kind == "unit")
            ).all()
        )
    with qtbot.waitSignal(screen.order_shown, timeout=5000):
        scan(screen, first, source="camera", symbology=Symbology.CODE128)
    with qtbot.waitSignal(screen.order_packed, timeout=10_000):
        for product_id, quantity in lines:
            for _unit in range(quantity):
                scan(screen, unit_codes[product_id])
    assert screen.status_text().startswith(f"{first} is packed.")
    assert all(scanned == ordered for scanned, ordered in shown_lines(screen).values())
    with demo_shop.session() as session:
        assert session.get_one(Order, order.id).status == "packed"


def queue_items(screen: PackingScreen, number: str) -> str:
    row = next(r for r, text in enumerate(queue_numbers(screen)) if text.startswith(number))
    item = screen.queue_table.item(row, 2)
    assert item is not None
    return item.text()


def test_the_queue_items_column_follows_each_scan(qtbot: QtBot, screen: PackingScreen) -> None:
    assert queue_items(screen, "SO-000001") == "3 units"
    open_from_queue(qtbot, screen, "SO-000001")
    for expected in ("1/3 units", "2/3 units"):
        with qtbot.waitSignal(screen.scan_handled, timeout=5000):
            scan(screen, TEA)
        assert queue_items(screen, "SO-000001") == expected  # at once, not one scan behind
    assert screen.order_progress.text() == "2 / 3 units"
