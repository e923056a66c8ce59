"""The order form as a shopkeeper uses it: typing bad values and reading the message under each
field, fixing them and confirming; adding products by SKU, name and USB scanner; customers found
as they are typed; the duplicate-order question; the walk-in sale; drafts that survive a closed
window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_helpers import DialogDriver, commit_text, show_window
from order_keys import type_keys, wedge_burst
from order_shop import Shop, figures, make_shop
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from orderapp.gui.context import AppContext
from orderapp.gui.main_window import MainWindow
from orderapp.gui.order_form import OrderForm
from orderapp.gui.orders_screen import OrdersScreen, create_screen
from orderapp.services.customers.lookup import CustomerInput, create_customer
from orderapp.services.orders.drafts import list_drafts
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order

STATION = "TILL-1"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def products(shop: Database) -> Shop:
    return make_shop(shop)


@pytest.fixture
def screen(qtbot: QtBot, shop: Database, products: Shop, sync_tasks: object) -> Iterator[OrdersScreen]:
    widget = create_screen(AppContext(shop, station=STATION))
    assert isinstance(widget, OrdersScreen)
    show_screen(qtbot, widget)
    yield widget


def show_screen(qtbot: QtBot, screen: OrdersScreen) -> None:
    """Shown and active, as the window a person works in (window shortcuts need that)."""
    qtbot.addWidget(screen)
    screen.resize(1366, 800)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=2000)


def new_form(qtbot: QtBot, screen: OrdersScreen) -> OrderForm:
    qtbot.keyClick(screen.table, Qt.Key.Key_N, CTRL)
    form = screen.current_form()
    assert form is not None
    return form


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Replace what the field holds, as a person does: select everything, type over it."""
    edit.setFocus()
    edit.selectAll()
    if text:
        type_keys(qtbot, edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)


def add_product(qtbot: QtBot, form: OrderForm, code: str) -> None:
    retype(qtbot, form.product_entry, code)
    qtbot.keyClick(form.product_entry, Qt.Key.Key_Return)


def fill_delivery(qtbot: QtBot, form: OrderForm, *, phone: str = "138 1234 5678") -> None:
    commit_text(form.customer_name, "王小明")
    retype(qtbot, form.customer_phone, phone)
    commit_text(form.delivery_line1, "南京东路100号")
    commit_text(form.delivery_city, "上海")
    retype(qtbot, form.delivery_postcode, "200001")


def orders_in(database: Database) -> list[tuple[str, str, int]]:
    with database.session() as session:
        return [tuple(row) for row in session.execute(select(Order.number, Order.status, Order.total_cents))]  # type: ignore[misc]


# -- typing bad values, reading the messages, fixing them ---------------------------------------------


def test_bad_values_are_explained_under_their_fields_and_fixed_ones_confirm(
    qtbot: QtBot, screen: OrdersScreen, shop: Database, products: Shop
) -> None:
    form = new_form(qtbot, screen)
    assert form.customer_name.hasFocus()
    assert not form.confirm_button.isEnabled()

    commit_text(form.customer_name, "王小明")
    retype(qtbot, form.customer_phone, "12345")
    assert "wrong number of digits" in form.message_for("customer.phone")
    error_label = form.findChild(QWidget, "error_customer.phone")
    assert error_label is not None and error_label.isVisible()

    add_product(qtbot, form, "TEA-001")
    assert form.line_count() == 1
    assert form.line_name(0).text() == "茉莉花茶 Jasmine Tea 250g"
    assert form.line_available(0).text() == "10 available"
    retype(qtbot, form.line_qty(0), "0")
    assert "at least 1" in form.message_for("lines[0].qty")
    retype(qtbot, form.line_qty(0), "1.5")
    assert "whole number" in form.message_for("lines[0].qty")
    retype(qtbot, form.line_qty(0), "11")
    assert (
        form.message_for("lines[0].qty")
        == "Only 10 of “茉莉花茶 Jasmine Tea 250g” can be sold now; lower the quantity."
    )
    assert form.line_available(0).text() == "only 10 available"
    retype(qtbot, form.line_qty(0), "2")
    retype(qtbot, form.line_discount(0), "999")
    assert "larger than the line" in form.message_for("lines[0].discount")
    retype(qtbot, form.delivery_postcode, "12")
    assert "not a postcode" in form.message_for("delivery.postcode")
    # Untouched fields say nothing yet; the list under Confirm says everything that is left.
    assert form.message_for("delivery.line1") == ""
    left = form.left_to_fix_items()
    assert left[0] == "Phone: This phone number has the wrong number of digits or an unknown area code; check it."
    assert len(left) == 5 and left[-1].startswith("... and ")  # short: the first four, then how many more
    assert not form.confirm_button.isEnabled()

    # Trying to confirm anyway: refused in place, every message shown, the cursor on the first problem.
    qtbot.keyClick(form.line_discount(0), Qt.Key.Key_Return, CTRL)
    assert orders_in(shop) == []
    assert form.message_for("delivery.line1") == "Enter the street and house number; the courier needs them."
    assert form.customer_phone.hasFocus()

    retype(qtbot, form.customer_phone, "138 1234 5678")
    retype(qtbot, form.line_discount(0), "10%")
    retype(qtbot, form.delivery_postcode, "200001")
    commit_text(form.delivery_line1, "南京东路100号")
    commit_text(form.delivery_city, "上海")
    for field in ("customer.phone", "lines[0].qty", "lines[0].discount", "delivery.postcode", "delivery.line1"):
        assert form.message_for(field) == "", field
    assert form.left_to_fix_items() == []
    assert form.total_value.text().startswith("¥45.00")
    assert form.confirm_button.isEnabled()

    with qtbot.waitSignal(form.order_saved, timeout=5000) as saved:
        qtbot.keyClick(form.line_discount(0), Qt.Key.Key_Return, CTRL)
    view = saved.args[0]
    assert orders_in(shop) == [(view.number, "confirmed", 4500)]
    assert figures(shop, products.tea) == (10, 2)  # two units reserved
    assert screen.current_form() is None  # back on the list, the new order shown
    assert screen.detail.view is not None and screen.detail.view.number == view.number
    assert screen.row_texts(0)[0] == view.number
    assert list_drafts(shop, station=STATION, user_id=1) == []


def test_a_phone_is_reformatted_when_left_and_an_email_is_checked(qtbot: QtBot, screen: OrdersScreen) -> None:
    form = new_form(qtbot, screen)
    retype(qtbot, form.customer_phone, "13812345678")
    qtbot.keyClick(form.customer_phone, Qt.Key.Key_Tab)
    assert form.customer_phone.text() == "138 1234 5678"
    retype(qtbot, form.customer_email, "wang@")
    assert "e-mail address" in form.message_for("customer.email")
    retype(qtbot, form.customer_email, "wang@example.com")
    assert form.message_for("customer.email") == ""


def test_changing_the_price_marks_it_and_pickup_needs_no_address(
    qtbot: QtBot, screen: OrdersScreen, shop: Database
) -> None:
    form = new_form(qtbot, screen)
    commit_text(form.customer_name, "李雷")
    retype(qtbot, form.customer_phone, "139 0000 1111")
    add_product(qtbot, form, "NDL-002")
    assert form.line_price(0).placeholderText() == "12.50"
    assert form.line_price(0).property("state") in (None, "")
    retype(qtbot, form.line_price(0), "10")
    assert form.line_price(0).property("state") == "changed"
    assert "12.50" in form.line_price(0).toolTip()
    qtbot.keyClick(form, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # Pickup
    qtbot.waitUntil(lambda: form.fulfilment() == "pickup", timeout=2000)  # a mnemonic "animates" the click
    assert not form.address_fields.isVisible()
    assert form.left_to_fix_items() == []
    with qtbot.waitSignal(form.order_saved, timeout=5000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)  # saved as received: nothing reserved
    assert [(status, total) for _n, status, total in orders_in(shop)] == [("received", 1000)]


# -- products: by name, by scanner ---------------------------------------------------------------------


def test_a_product_is_found_by_part_of_its_name(qtbot: QtBot, screen: OrdersScreen) -> None:
    form = new_form(qtbot, screen)
    form.product_entry.setFocus()
    commit_text(form.product_entry, "牛肉")
    form.add_from_entry()  # the only product whose name has it
    assert form.line_count() == 1
    assert form.line_code(0).text() == "NDL-002"
    add_product(qtbot, form, "3*NDL-002")
    assert form.line_qty(0).text() == "4"  # the same product: more units on its line
    add_product(qtbot, form, "NO-SUCH")
    assert (
        form.product_entry_error.text() == "No product has the SKU or barcode “NO-SUCH”; check it, or search by name."
    )
    assert form.line_count() == 1


def test_a_barcode_scanned_by_a_usb_wedge_scanner_adds_the_line(
    qtbot: QtBot, screen: OrdersScreen, shop: Database, products: Shop
) -> None:
    form = new_form(qtbot, screen)
    form.focus_product_entry()
    wedge_burst(form.product_entry, "6901234567892")  # the tea's EAN-13
    assert form.line_count() == 1
    assert (form.line_code(0).text(), form.line_qty(0).text()) == ("TEA-001", "1")
    assert form.product_entry.text() == ""
    wedge_burst(form.product_entry, "16901234567899")  # a case of 12
    assert form.line_count() == 1
    assert form.line_qty(0).text() == "13"
    assert "only 10 available" in form.line_available(0).text()
    wedge_burst(form.product_entry, "4006381333931")  # the noodles
    assert [form.line_code(i).text() for i in range(form.line_count())] == ["TEA-001", "NDL-002"]


def test_a_scan_adds_the_product_whatever_field_has_the_focus(qtbot: QtBot, screen: OrdersScreen) -> None:
    form = new_form(qtbot, screen)
    form.notes.setFocus()
    with qtbot.waitSignal(form.line_added, timeout=5000):
        wedge_burst(form.notes, "6901234567892")
    assert form.notes.toPlainText() == ""
    assert form.line_code(0).text() == "TEA-001"


def test_a_scan_with_a_wrong_check_digit_is_refused_under_add_product(qtbot: QtBot, screen: OrdersScreen) -> None:
    form = new_form(qtbot, screen)
    form.notes.setFocus()
    with qtbot.waitSignal(form.product_refused, timeout=5000) as refused:
        wedge_burst(form.notes, "6901234567893")
    assert "wrong check digit" in refused.args[0]
    assert form.product_entry_error.isVisible()
    assert form.line_count() == 0
    assert form.notes.toPlainText() == ""


# -- customers -----------------------------------------------------------------------------------------


def test_an_existing_customer_is_found_as_the_name_is_typed(qtbot: QtBot, screen: OrdersScreen, shop: Database) -> None:
    create_customer(shop, CustomerInput(name="王小明", phone="13812345678", address_line1="南京东路100号", city="上海"))
    form = new_form(qtbot, screen)
    with qtbot.waitSignal(form.customers_found, timeout=5000) as found:
        commit_text(form.customer_name, "王")
    assert found.args == [1]
    popup = form.customer_completer.popup()
    assert popup.isVisible()
    assert popup.model().index(0, 0).data() == "王小明 · 138 1234 5678 · 上海"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.customer_name.text() == "王小明"
    assert form.customer_phone.text() == "138 1234 5678"
    assert form.delivery_line1.text() == "南京东路100号"
    assert form.customer_state.text().startswith("Existing customer")


def test_a_phone_that_belongs_to_a_customer_offers_that_customer(
    qtbot: QtBot, screen: OrdersScreen, shop: Database
) -> None:
    existing = create_customer(shop, CustomerInput(name="Charlotte Green", phone="13812345678"))
    form = new_form(qtbot, screen)
    type_keys(qtbot, form.customer_name, "Charlie")
    with qtbot.waitSignal(form.phone_owner_found, timeout=5000):
        retype(qtbot, form.customer_phone, "+86 138-1234-5678")  # the same number, written another way
    assert form.phone_offer.isVisible()
    assert "Charlotte Green" in form.phone_offer_text.text()
    qtbot.keyClick(form, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: form.customer_name.text() == "Charlotte Green", timeout=2000)
    assert not form.phone_offer.isVisible()
    assert form.draft().customer.customer_id == existing.id
    qtbot.keyClick(form, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # pickup
    qtbot.waitUntil(lambda: form.fulfilment() == "pickup", timeout=2000)
    add_product(qtbot, form, "SOP-003")
    with qtbot.waitSignal(form.order_saved, timeout=5000):
        qtbot.keyClick(form.product_entry, Qt.Key.Key_Return, CTRL)
    with shop.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 1


def test_the_same_order_twice_asks_before_placing_it(qtbot: QtBot, screen: OrdersScreen, shop: Database) -> None:
    def enter_order(*, known: bool) -> OrderForm:
        form = new_form(qtbot, screen)
        with qtbot.waitSignal(form.phone_owner_found, timeout=5000):
            fill_delivery(qtbot, form)
        if known:  # the phone now belongs to the customer the first order made: take that one
            assert form.phone_offer.isVisible()
            qtbot.mouseClick(form.use_offered_customer, Qt.MouseButton.LeftButton)
        add_product(qtbot, form, "NDL-002")
        return form

    form = enter_order(known=False)
    with qtbot.waitSignal(form.order_saved, timeout=5000):
        qtbot.keyClick(form.product_entry, Qt.Key.Key_Return, CTRL)

    def answer(button: str) -> object:
        def step(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            assert "ordered the same items" in box.text()
            clicked = box.findChild(QPushButton, button)
            assert clicked is not None
            clicked.click()

        return step

    form = enter_order(known=True)
    driver = DialogDriver(answer("skip_duplicate"))
    with qtbot.waitSignal(form.submit_failed, timeout=5000):
        qtbot.keyClick(form.product_entry, Qt.Key.Key_Return, CTRL)
    driver.check()
    assert len(orders_in(shop)) == 1
    assert "Not placed" in form.form_problem.text()

    driver = DialogDriver(answer("place_duplicate"))
    with qtbot.waitSignal(form.order_saved, timeout=5000):
        qtbot.mouseClick(form.confirm_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert len(orders_in(shop)) == 2


# -- the walk-in sale ----------------------------------------------------------------------------------


def test_a_walk_in_sale_takes_a_few_keystrokes_and_the_stock_at_once(
    qtbot: QtBot, screen: OrdersScreen, shop: Database, products: Shop
) -> None:
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_F2)
    form = screen.current_form()
    assert form is not None and form.title() == "Walk-in sale"
    assert form.product_entry.hasFocus()
    type_keys(qtbot, form.product_entry, "TEA-001")
    qtbot.keyClick(form.product_entry, Qt.Key.Key_Return)
    with qtbot.waitSignal(form.sale_completed, timeout=5000) as sold:
        qtbot.keyClick(form.product_entry, Qt.Key.Key_Return, CTRL)
    view = sold.args[0]
    assert (view.status, view.payment_status, view.total_cents) == ("completed", "paid", 2500)
    assert figures(shop, products.tea) == (9, 0)  # taken from the shelf, nothing reserved
    # Ready for the next customer at once.
    assert screen.current_form() is form
    assert form.line_count() == 0
    assert form.product_entry.hasFocus()
    assert form.form_problem.text() == f"Sale {view.number} completed: ¥25.00."
    assert screen.row_texts(0)[0] == view.number


def test_a_walk_in_sale_of_more_than_the_shelf_holds_is_refused(
    qtbot: QtBot, screen: OrdersScreen, shop: Database
) -> None:
    qtbot.keyClick(screen.table, Qt.Key.Key_F2)
    form = screen.current_form()
    assert form is not None
    add_product(qtbot, form, "2*SOP-003")
    assert form.message_for("lines[0].qty") == "Only 1 of “Dish Soap 1.5kg” can be sold now; lower the quantity."
    assert not form.confirm_button.isEnabled()
    qtbot.keyClick(form.product_entry, Qt.Key.Key_Return, CTRL)
    assert orders_in(shop) == []


def test_allowed_backorders_are_marked_on_the_line(qtbot: QtBot, shop: Database, sync_tasks: object) -> None:
    make_shop(shop, allow_backorders=True)
    screen = create_screen(AppContext(shop, station=STATION))
    assert isinstance(screen, OrdersScreen)
    show_screen(qtbot, screen)
    form = new_form(qtbot, screen)
    fill_delivery(qtbot, form)
    add_product(qtbot, form, "3*SOP-003")
    assert form.line_available(0).text() == "1 available · backordered"
    assert form.message_for("lines[0].qty") == ""
    with qtbot.waitSignal(form.order_saved, timeout=5000) as saved:
        qtbot.keyClick(form.product_entry, Qt.Key.Key_Return, CTRL)
    assert saved.args[0].status == "confirmed" and saved.args[0].backordered
    assert screen.detail.lines.item(0, 6).text() == "backordered"


# -- drafts -------------------------------------------------------------------------------------------


def test_an_order_being_typed_comes_back_after_the_window_is_destroyed(
    qtbot: QtBot, shop: Database, products: Shop
) -> None:
    """Real worker threads and timers, as in the app: the draft is saved on its own after typing."""
    window = MainWindow(shop)  # not handed to qtbot: this test destroys it itself
    with qtbot.waitSignal(window.dashboard.figures_loaded, timeout=10_000):
        window.show()
        qtbot.waitExposed(window)
    window.show_screen("orders")
    screen = window.screen_for("orders")
    assert isinstance(screen, OrdersScreen)
    qtbot.waitUntil(lambda: screen.settings is not None, timeout=5000)
    form = new_form(qtbot, screen)
    commit_text(form.customer_name, "王小明")
    retype(qtbot, form.customer_phone, "138 1234 5678")
    with qtbot.waitSignal(form.line_added, timeout=5000):
        add_product(qtbot, form, "2*NDL-002")
    commit_text(form.notes, "下午送货 after 3pm")
    qtbot.waitUntil(lambda: form.draft_id is not None and not form.is_dirty(), timeout=5000)

    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: not screen.isVisible(), timeout=2000)
    del window, screen, form

    window = show_window(qtbot, shop)
    window.show_screen("orders")
    screen = window.screen_for("orders")
    assert isinstance(screen, OrdersScreen)
    qtbot.waitUntil(lambda: screen.drafts_banner.isVisible(), timeout=5000)
    assert "王小明 · 1 lines" in screen.drafts_text.text()
    qtbot.mouseClick(screen.open_drafts_button, Qt.MouseButton.LeftButton)
    form = screen.current_form()
    assert form is not None
    assert form.customer_name.text() == "王小明"
    assert form.customer_phone.text() == "138 1234 5678"
    assert form.notes.toPlainText() == "下午送货 after 3pm"
    qtbot.waitUntil(lambda: form.line_name(0).text() == "红烧牛肉面 Beef Noodles", timeout=5000)
    assert (form.line_code(0).text(), form.line_qty(0).text()) == ("NDL-002", "2")
    assert not screen.drafts_banner.isVisible()
    # The address was never typed: the form says so, and finishing it places the order.
    assert form.message_for("delivery.line1") == ""
    commit_text(form.delivery_line1, "南京东路100号")
    commit_text(form.delivery_city, "上海")
    retype(qtbot, form.delivery_postcode, "200001")
    with qtbot.waitSignal(form.order_saved, timeout=5000):
        qtbot.keyClick(form.delivery_postcode, Qt.Key.Key_Return, CTRL)
    assert [status for _n, status, _t in orders_in(shop)] == ["confirmed"]
    qtbot.waitUntil(lambda: list_drafts(shop, station=window.context.station, user_id=1) == [], timeout=5000)


def test_closing_a_form_keeps_its_draft_and_discarding_drops_it(
    qtbot: QtBot, screen: OrdersScreen, shop: Database
) -> None:
    form = new_form(qtbot, screen)
    commit_text(form.customer_name, "韩梅梅")
    with qtbot.waitSignal(form.closed, timeout=5000):
        qtbot.keyClick(form.customer_name, Qt.Key.Key_Escape)
    saved = list_drafts(shop, station=STATION, user_id=1)
    assert [d.summary for d in saved] == ["韩梅梅 · 0 lines"]
    assert screen.drafts_banner.isVisible()

    screen.open_draft(saved[0])
    form = screen.current_form()
    assert form is not None and form.customer_name.text() == "韩梅梅"
    driver = DialogDriver(lambda box: _press(box, "Discard"))
    with qtbot.waitSignal(form.closed, timeout=5000):
        qtbot.mouseClick(form.discard_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert list_drafts(shop, station=STATION, user_id=1) == []


def _press(box: QWidget, text: str) -> None:
    assert isinstance(box, QMessageBox)
    for button in box.buttons():
        if button.text().replace("&", "") == text:
            button.click()
            return
    raise AssertionError(f"no {text!r} button in {[b.text() for b in box.buttons()]}")


# -- the keyboard ---------------------------------------------------------------------------------------


def test_a_delivery_order_is_entered_without_the_mouse(
    qtbot: QtBot, screen: OrdersScreen, shop: Database, products: Shop
) -> None:
    alt = Qt.KeyboardModifier.AltModifier

    def keys(widget: QWidget, text: str) -> None:
        type_keys(qtbot, widget, text)

    form = new_form(qtbot, screen)  # Ctrl+N
    keys(form.customer_name, "Li Wei")
    qtbot.keyClick(form.customer_name, Qt.Key.Key_Tab)
    assert form.customer_phone.hasFocus()
    keys(form.customer_phone, "13900001111")
    qtbot.keyClick(form.customer_phone, Qt.Key.Key_A, alt)  # the address, by its label's Alt key
    assert form.delivery_line1.hasFocus()
    keys(form.delivery_line1, "88 Century Avenue")
    qtbot.keyClick(form.delivery_line1, Qt.Key.Key_I, alt)
    assert form.delivery_city.hasFocus()
    keys(form.delivery_city, "Shanghai")
    qtbot.keyClick(form.delivery_city, Qt.Key.Key_Z, alt)  # Alt+O is the phone now (Alt+H is Help)
    assert form.delivery_postcode.hasFocus()
    keys(form.delivery_postcode, "200120")
    qtbot.keyClick(form.delivery_postcode, Qt.Key.Key_L, CTRL)
    assert form.product_entry.hasFocus()
    keys(form.product_entry, "2*TEA-001")
    qtbot.keyClick(form.product_entry, Qt.Key.Key_Return)
    keys(form.product_entry, "NDL-002")
    qtbot.keyClick(form.product_entry, Qt.Key.Key_Return)
    assert form.customer_phone.text() == "139 0000 1111"  # reformatted when it was left
    assert form.left_to_fix_items() == []
    with qtbot.waitSignal(form.order_saved, timeout=5000) as saved:
        qtbot.keyClick(form.product_entry, Qt.Key.Key_Return, CTRL)
    view = saved.args[0]
    assert (view.status, view.total_cents, view.ship_city) == ("confirmed", 2 * 2500 + 1250, "Shanghai")
    assert [(line.sku, line.quantity) for line in view.lines] == [("TEA-001", 2), ("NDL-002", 1)]


def test_every_shortcut_is_shown_in_the_menu_and_its_tooltip(qtbot: QtBot, screen: OrdersScreen) -> None:
    listed = {action.objectName(): action for action in screen.menu.actions() if action.objectName()}
    for name, keys in (
        ("action_new_order", "Ctrl+N"),
        ("action_walk_in", "F2"),
        ("action_find", "Ctrl+F"),
        ("action_import", "Ctrl+I"),
        ("action_confirm_selected", "Ctrl+Shift+C"),
        ("action_refresh", "F5"),
    ):
        action = listed[name]
        assert action.shortcut().toString() == keys
        assert action.toolTip().endswith(f"({keys})")
    form = new_form(qtbot, screen)
    assert "Ctrl+Return" in form.confirm_button.toolTip()
    assert "Ctrl+S" in form.save_button.toolTip()
    assert "Ctrl+L" in form.product_entry.toolTip()
    assert "Ctrl+Return confirm" in form.keys_hint.text()
