"""Returns at the packing station and from the order detail: items scanned back in with a USB
scanner (a burst of keys), refused when not on the order or more than was shipped, recorded through
the same service as the command line, with the stock figures after."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from order_shop import Shop, figures, make_shop
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from return_shop import shipped

from orderapp.domain.order_validation import LineDraft
from orderapp.gui.context import AppContext
from orderapp.gui.orders_screen import OrdersScreen
from orderapp.gui.orders_screen import create_screen as orders_screen
from orderapp.gui.packing_screen import PackingScreen
from orderapp.gui.packing_screen import create_screen as packing_screen
from orderapp.gui.return_dialog import ReturnDialog
from orderapp.services.aftersales.returns import returnable_order
from orderapp.services.orders.placing import get_order
from orderapp.store.database import Database

TEA_CODE = "6901234567892"
TEA_CASE = "16901234567899"  # a case of 12
NOODLES_CODE = "4006381333931"


@pytest.fixture
def products(shop: Database) -> Shop:
    return make_shop(shop)


def wedge_burst(widget: QWidget, code: str) -> None:
    """A USB scanner: the code's characters as key presses in quick succession, then Enter."""
    for char in code:
        key = Qt.Key(ord(char.upper())) if char.isalnum() else Qt.Key.Key_Minus
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))


@pytest.fixture
def station(qtbot: QtBot, shop: Database, products: Shop, sync_tasks: object) -> Iterator[PackingScreen]:
    widget = packing_screen(AppContext(shop, station="PACK-1"))
    assert isinstance(widget, PackingScreen)
    qtbot.addWidget(widget)
    widget.sounds.enabled = False
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.stop_camera()


def open_returns(qtbot: QtBot, station: PackingScreen) -> ReturnDialog:
    button = station.findChild(QPushButton, "returns_station")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = station.returns_dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, ReturnDialog) and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    return dialog


def spins(dialog: ReturnDialog) -> list[int]:
    return [dialog.lines.cellWidget(row, 4).value() for row in range(dialog.lines.rowCount())]  # type: ignore[union-attr]


def test_items_scanned_back_in_at_the_packing_station(
    qtbot: QtBot, station: PackingScreen, shop: Database, products: Shop
) -> None:
    view = shipped(shop, LineDraft(code="TEA-001", qty="3"), LineDraft(code="NDL-002", qty="1"))
    assert figures(shop, products.tea) == (7, 0)
    dialog = open_returns(qtbot, station)
    wedge_burst(dialog.lines, view.number)  # the packing slip's barcode
    assert dialog.heading.text().startswith(view.number)
    assert [dialog.lines.item(row, 0).text() for row in range(dialog.lines.rowCount())] == ["TEA-001", "NDL-002"]

    wedge_burst(dialog.code_entry, TEA_CODE)
    wedge_burst(dialog.lines, TEA_CODE)
    assert dialog.code_entry.text() == ""  # the bursts typed nothing into the field
    wedge_burst(dialog.lines, NOODLES_CODE)
    assert spins(dialog) == [2, 1]
    said: list[str] = []
    dialog.scan_handled.connect(said.append)
    wedge_burst(dialog.lines, NOODLES_CODE)  # only one was shipped
    wedge_burst(dialog.lines, TEA_CASE)  # a case of 12 was never sent
    wedge_burst(dialog.lines, "4006381333948")  # a valid code no product has
    assert said == [
        "NDL-002 红烧牛肉面 Beef Noodles: all 1 units that can come back are already counted.",
        "TEA-001 茉莉花茶 Jasmine Tea 250g: all 3 units that can come back are already counted.",
        "No product has the code 4006381333948; check the item.",
    ]
    assert dialog.scan_message.isVisible() and "4006381333948" in dialog.scan_message.text()
    assert spins(dialog) == [2, 1]

    damaged = dialog.lines.cellWidget(1, 5)
    assert isinstance(damaged, QComboBox)
    damaged.setCurrentIndex(damaged.findData("damaged"))
    dialog.reason.setCurrentIndex(dialog.reason.findData("damaged_in_transit"))
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert dialog.last_return is not None
    assert dialog.last_return.number in dialog.scan_message.text()
    assert "2 back in stock, 1 written off" in dialog.scan_message.text()
    assert figures(shop, products.tea) == (9, 0)
    assert figures(shop, products.noodles) == (2, 0)  # 3 - 1 shipped; the damaged one came back and was written off
    assert spins(dialog) == [0, 0]  # the order is read again: one tea left to come back
    assert [line.returnable for line in returnable_order(shop, view.number).lines] == [1, 0]
    assert dialog.slip_button.isEnabled()


def test_a_refund_above_what_was_paid_is_refused_in_the_dialog(
    qtbot: QtBot, shop: Database, products: Shop, sync_tasks: object
) -> None:
    view = shipped(shop, LineDraft(code="TEA-001", qty="2"))
    dialog = ReturnDialog(AppContext(shop), order=view.number)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.spins[view.lines[0].id].setValue(1)
    assert dialog.value.text() == "Units coming back: 1 · value ¥25.00"
    dialog.refund.setText("50.01")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == (
        f"At most ¥50.00 can be refunded for order {view.number}: ¥50.00 was paid and ¥0.00 already refunded."
    )
    assert figures(shop, products.tea) == (8, 0)  # nothing recorded
    qtbot.mouseClick(dialog.refund_value, Qt.MouseButton.LeftButton)
    assert dialog.refund.text() == "25.00"
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert "Refunded ¥25.00" in dialog.scan_message.text()
    assert returnable_order(shop, view.number).refunded_cents == 2500


def test_the_order_detail_offers_a_return_once_the_order_has_left(
    qtbot: QtBot, shop: Database, products: Shop, sync_tasks: object
) -> None:
    view = shipped(shop, LineDraft(code="TEA-001", qty="2"), deliver=True)
    screen = orders_screen(AppContext(shop, station="TILL-1"))
    assert isinstance(screen, OrdersScreen)
    qtbot.addWidget(screen)
    screen.resize(1366, 800)
    screen.show()
    screen.refresh()
    screen.show_order(view.id)
    qtbot.waitUntil(lambda: screen.detail.view is not None and screen.detail.view.id == view.id, timeout=5000)
    button = screen.detail.findChild(QPushButton, "action_return")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = screen.detail.return_dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, ReturnDialog) and dialog.order is not None and dialog.order.number == view.number
    dialog.spins[view.lines[0].id].setValue(2)
    dialog.exchange.setChecked(True)
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert dialog.last_return is not None and dialog.last_return.exchange_order_number
    qtbot.waitUntil(lambda: screen.detail.view is not None and screen.detail.view.status == "returned", timeout=5000)
    assert get_order(shop, view.id).status == "returned"
    assert figures(shop, products.tea) == (10, 2)  # both back on the shelf, two reserved for the exchange
    dialog.close()


def test_no_return_is_offered_before_the_order_ships(
    qtbot: QtBot, shop: Database, products: Shop, sync_tasks: object
) -> None:
    from order_shop import USER, delivery_draft

    from orderapp.services.orders.placing import place_order

    view = place_order(shop, delivery_draft(LineDraft(code="TEA-001")), user_id=USER, confirm=True)
    screen = orders_screen(AppContext(shop))
    assert isinstance(screen, OrdersScreen)
    qtbot.addWidget(screen)
    screen.show()
    screen.show_order(view.id)
    qtbot.waitUntil(lambda: screen.detail.view is not None, timeout=5000)
    button = screen.detail.findChild(QPushButton, "action_return")
    assert button is not None and not button.isVisible()
