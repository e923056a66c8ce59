"""The order detail: what the order allows is offered (and nothing else), each action asks for what
it needs (a reason, a carrier and tracking number) with the message under the field when it is
missing, the timeline says who did what and when, and editing a confirmed order moves its stock."""

from __future__ import annotations

from collections.abc import Callable

import orders_screen_fixtures
from gui_helpers import DialogDriver
from order_keys import type_keys
from order_shop import USER, Shop, delivery_draft, figures, make_shop
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from orderapp.domain.order_status import OrderStatus
from orderapp.domain.order_validation import LineDraft
from orderapp.gui.context import AppContext
from orderapp.gui.orders_screen import OrdersScreen, create_screen
from orderapp.services.orders.lifecycle import change_status
from orderapp.services.orders.placing import OrderView, get_order, place_order
from orderapp.store.database import Database
from orderapp.store.models import Order

products = orders_screen_fixtures.products  # the fixtures: a small shop, and its Orders screen shown
screen = orders_screen_fixtures.screen


def place(shop: Database, *lines: LineDraft, confirm: bool = False, phone: str = "138 1234 5678") -> OrderView:
    return place_order(shop, delivery_draft(*lines, phone=phone), user_id=USER, confirm=confirm)


def shown(qtbot: QtBot, screen: OrdersScreen, view: OrderView) -> None:
    screen.refresh()
    screen.show_order(view.id)
    qtbot.waitUntil(lambda: screen.detail.view is not None and screen.detail.view.id == view.id, timeout=5000)


def act_in_dialog(steps: Callable[[QDialog], None]) -> DialogDriver:
    def step(widget: QWidget) -> None:
        assert isinstance(widget, QDialog) and widget.objectName() == "order_action_dialog"
        steps(widget)

    return DialogDriver(step)


def ok(dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox, "action_buttons")
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def field(dialog: QDialog, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def test_only_the_actions_the_order_allows_are_offered_and_each_is_recorded(
    qtbot: QtBot, screen: OrdersScreen, shop: Database, products: Shop
) -> None:
    view = place(shop, LineDraft(code="TEA-001", qty="2"))
    shown(qtbot, screen, view)
    detail = screen.detail
    assert detail.offered_actions() == ["edit", "confirm", "hold", "cancel"]
    assert detail.heading.text() == f"{view.number} · received"

    with qtbot.waitSignal(detail.order_changed, timeout=5000):
        qtbot.mouseClick(detail.buttons["confirm"], Qt.MouseButton.LeftButton)
    assert detail.heading.text() == f"{view.number} · confirmed"
    assert detail.offered_actions() == ["edit", "pick", "hold", "cancel"]
    assert figures(shop, products.tea) == (10, 2)

    def hold(dialog: QDialog) -> None:
        ok(dialog)  # no reason typed
        error = field(dialog, QLabel, "error_reason")
        assert error.isVisible() and error.text() == "Enter a reason; it is kept in the order's timeline."
        assert dialog.isVisible()
        field(dialog, QLineEdit, "reason").setText("客户要求周一再发 customer asks to wait until Monday")
        ok(dialog)

    driver = act_in_dialog(hold)
    qtbot.mouseClick(detail.buttons["hold"], Qt.MouseButton.LeftButton)
    driver.check()
    assert detail.view is not None and detail.view.status == "on_hold"
    assert detail.offered_actions() == ["edit", "release", "cancel"]
    when, who, what, why = detail.timeline_texts()[0]  # newest first
    assert (who, what, why) == ("Owner", "On hold", "客户要求周一再发 customer asks to wait until Monday")
    assert when[:4].isdigit()
    assert screen.rows()[0].status == "on_hold"  # the list row follows without a reload

    def release(dialog: QDialog) -> None:
        field(dialog, QLineEdit, "reason").setText("Monday")
        ok(dialog)

    driver = act_in_dialog(release)
    qtbot.mouseClick(detail.buttons["release"], Qt.MouseButton.LeftButton)
    driver.check()
    assert detail.view is not None and detail.view.status == "confirmed"
    assert detail.timeline_texts()[0][2:] == ("Released from hold", "Monday")

    def cancel(dialog: QDialog) -> None:
        field(dialog, QLineEdit, "reason").setText("Customer changed their mind")
        ok(dialog)

    driver = act_in_dialog(cancel)
    qtbot.mouseClick(detail.buttons["cancel"], Qt.MouseButton.LeftButton)
    driver.check()
    assert detail.view is not None and detail.view.status == "cancelled"
    assert detail.offered_actions() == []  # nothing more can happen to it
    assert figures(shop, products.tea) == (10, 0)  # its reservation released
    titles = [row[2] for row in detail.timeline_texts()]
    assert titles == ["Cancelled", "Released from hold", "On hold", "Confirmed", "Received"]


def test_shipping_asks_for_the_carrier_and_tracking_number(
    qtbot: QtBot, screen: OrdersScreen, shop: Database, products: Shop
) -> None:
    view = place(shop, LineDraft(code="NDL-002", qty="1"), confirm=True)
    with shop.session(write=True) as session:
        order = session.get(Order, view.id)
        assert order is not None
        change_status(session, order, OrderStatus.PACKED, user_id=USER)
        session.commit()
    shown(qtbot, screen, view)
    detail = screen.detail
    assert detail.offered_actions() == ["ship", "hold", "cancel"]

    def ship(dialog: QDialog) -> None:
        ok(dialog)
        assert field(dialog, QLabel, "error_carrier").text() == "Enter the carrier, e.g. SF Express."
        assert field(dialog, QLabel, "error_tracking_number").text() == "Enter the tracking number from the label."
        field(dialog, QComboBox, "carrier").setCurrentIndex(0)
        field(dialog, QLineEdit, "tracking_number").setText("SF1234567890")
        ok(dialog)

    driver = act_in_dialog(ship)
    qtbot.mouseClick(detail.buttons["ship"], Qt.MouseButton.LeftButton)
    driver.check()
    assert detail.view is not None and detail.view.status == "shipped"
    assert detail.view.tracking_number == "SF1234567890"
    assert detail.timeline_texts()[0][2:] == ("Shipped", "顺丰速运 SF Express SF1234567890")
    assert "SF1234567890" in detail.summary.text()
    assert figures(shop, products.noodles) == (2, 0)  # the unit left the shop
    assert detail.offered_actions() == ["deliver"]
    with qtbot.waitSignal(detail.order_changed, timeout=5000):
        qtbot.mouseClick(detail.buttons["deliver"], Qt.MouseButton.LeftButton)
    assert get_order(shop, view.id).status == "delivered"
    assert detail.offered_actions() == []


def test_an_action_someone_else_made_impossible_is_explained(
    qtbot: QtBot, screen: OrdersScreen, shop: Database
) -> None:
    view = place(shop, LineDraft(code="TEA-001", qty="1"))
    shown(qtbot, screen, view)
    with shop.session(write=True) as session:  # another PC cancels it meanwhile
        order = session.get(Order, view.id)
        assert order is not None
        change_status(session, order, OrderStatus.CANCELLED, user_id=USER, detail="by phone")
        session.commit()
    with qtbot.waitSignal(screen.detail.action_failed, timeout=5000):
        qtbot.mouseClick(screen.detail.buttons["confirm"], Qt.MouseButton.LeftButton)
    assert "cannot be moved to confirmed" in screen.detail.problem.text()
    assert screen.detail.view is not None and screen.detail.view.status == "cancelled"  # shown as it is now
    assert screen.detail.offered_actions() == []


def test_editing_a_confirmed_order_moves_its_reservation(
    qtbot: QtBot, screen: OrdersScreen, shop: Database, products: Shop
) -> None:
    view = place(shop, LineDraft(code="TEA-001", qty="2"), confirm=True)
    shown(qtbot, screen, view)
    qtbot.mouseClick(screen.detail.buttons["edit"], Qt.MouseButton.LeftButton)
    form = screen.current_form()
    assert form is not None and form.title() == f"Edit {view.number}"
    assert form.customer_name.text() == "王小明"
    assert form.line_available(0).text() == "10 available"  # its own 2 count as available to it
    assert not form.confirm_button.isVisible()  # already confirmed
    form.line_qty(0).setFocus()
    form.line_qty(0).selectAll()
    type_keys(qtbot, form.line_qty(0), "11")
    assert "Only 10" in form.message_for("lines[0].qty")
    form.line_qty(0).selectAll()
    type_keys(qtbot, form.line_qty(0), "5")
    with qtbot.waitSignal(form.order_saved, timeout=5000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert figures(shop, products.tea) == (10, 5)
    assert screen.detail.view is not None and screen.detail.view.lines[0].quantity == 5
    assert screen.detail.timeline_texts()[0][2] == "Edited"


def test_an_edited_order_is_confirmed_in_one_step_and_short_stock_keeps_the_form_open(
    qtbot: QtBot, screen: OrdersScreen, shop: Database, products: Shop
) -> None:
    view = place(shop, LineDraft(code="NDL-002", qty="1"))
    shown(qtbot, screen, view)
    qtbot.mouseClick(screen.detail.buttons["edit"], Qt.MouseButton.LeftButton)
    form = screen.current_form()
    assert form is not None and form.confirm_button.isVisible()
    form.line_qty(0).setFocus()
    form.line_qty(0).selectAll()
    type_keys(qtbot, form.line_qty(0), "3")
    place(shop, LineDraft(code="NDL-002", qty="2"), confirm=True, phone="139 8765 4321")  # another PC, meanwhile
    with qtbot.waitSignal(form.submit_failed, timeout=5000) as failed:
        qtbot.mouseClick(form.confirm_button, Qt.MouseButton.LeftButton)
    assert failed.args is not None and "红烧牛肉面 Beef Noodles (NDL-002): 1 available, 3 wanted" in failed.args[0]
    assert screen.current_form() is form and form.line_qty(0).text() == "3"  # nothing typed is lost
    stored = get_order(shop, view.id)
    assert (stored.status, stored.lines[0].quantity) == ("received", 1)  # and nothing half stored
    assert figures(shop, products.noodles) == (3, 2)

    form.line_qty(0).setFocus()
    form.line_qty(0).selectAll()
    type_keys(qtbot, form.line_qty(0), "1")
    with qtbot.waitSignal(form.order_saved, timeout=5000):
        qtbot.mouseClick(form.confirm_button, Qt.MouseButton.LeftButton)
    stored = get_order(shop, view.id)
    assert (stored.status, stored.lines[0].quantity) == ("confirmed", 1)
    assert [entry.title for entry in stored.timeline] == ["Received", "Edited", "Confirmed"]
    assert figures(shop, products.noodles) == (3, 3)


def test_the_detail_marks_backordered_lines_and_changed_prices(
    qtbot: QtBot, shop: Database, sync_tasks: object
) -> None:
    make_shop(shop, allow_backorders=True)
    view = place(shop, LineDraft(code="SOP-003", qty="3", unit_price="7.00"), confirm=True)
    screen = create_screen(AppContext(shop))
    assert isinstance(screen, OrdersScreen)
    qtbot.addWidget(screen)
    screen.show()
    shown(qtbot, screen, view)
    assert screen.detail.badges.text() == "BACKORDERED"
    assert screen.detail.lines.item(0, 6).text() == "backordered, price changed (catalogue ¥8.00)"


def test_no_action_button_is_left_without_a_name(screen: OrdersScreen) -> None:
    for button in screen.detail.findChildren(QPushButton):
        assert button.objectName(), button.text()


def test_confirming_the_selected_orders_lists_those_the_stock_does_not_allow(
    qtbot: QtBot, screen: OrdersScreen, shop: Database, products: Shop
) -> None:
    fits = place(shop, LineDraft(code="TEA-001", qty="3"))
    too_many = place(shop, LineDraft(code="SOP-003", qty="2"), phone="139 0000 1111")  # 1 on the shelf
    screen.refresh()
    screen.table.selectAll()
    assert screen.action_confirm_selected.isEnabled()

    def confirm(dialog: QWidget) -> None:
        assert dialog.objectName() == "order_bulk_confirm"
        start = dialog.findChild(QPushButton, "bulk_start")
        assert start is not None and start.text() == "&Confirm 2 orders"
        start.click()
        summary = dialog.findChild(QLabel, "bulk_summary")
        assert summary is not None and summary.text() == "Confirmed 1 orders. 1 could not be confirmed:"
        close = dialog.findChild(QPushButton, "bulk_close")
        assert close is not None
        close.click()

    driver = DialogDriver(confirm)
    qtbot.keyClick(screen.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    driver.check()
    refused = screen.bulk_dialog.refused_rows()
    assert [number for number, _why in refused] == [too_many.number]
    assert "Dish Soap 1.5kg (SOP-003): 1 available, 2 wanted" in refused[0][1]
    assert get_order(shop, fits.id).status == "confirmed"
    assert get_order(shop, too_many.id).status == "received"
    assert {row.number: row.status for row in screen.rows()} == {fits.number: "confirmed", too_many.number: "received"}


def test_the_timeline_shows_the_orders_exceptions(
    qtbot: QtBot, screen: OrdersScreen, shop: Database, products: Shop
) -> None:
    from orderapp.services.aftersales.exception_actions import resolve_exception
    from orderapp.services.aftersales.exceptions import raise_exception

    view = place(shop, LineDraft(code="TEA-001", qty="1"))
    row = raise_exception(shop, view.id, "unreachable", "severe", user_id=USER, cause="电话无人接听 no answer")
    resolve_exception(shop, row.id, "reached by WeChat", user_id=USER)
    shown(qtbot, screen, view)
    texts = screen.detail.timeline_texts()  # newest first
    assert texts[0][2:] == (f"Exception {row.number} resolved", "reached by WeChat")
    assert texts[1][2:] == (f"Exception {row.number}: Customer unreachable (severe)", "电话无人接听 no answer")
    assert texts[2][2] == "Received"
