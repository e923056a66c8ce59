"""The order form's parts on their own: the draft saver (nothing typed is lost, even when the app quits
while a save is running), the line editor and the customer picker."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from gui_helpers import commit_text, key_text
from order_keys import type_keys
from order_shop import Shop, make_shop
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from orderapp.domain.order_validation import (
    Catalogue,
    CatalogueItem,
    DraftRules,
    LineDraft,
    OrderDraft,
    check_draft,
)
from orderapp.gui import order_draft_saver
from orderapp.gui.context import AppContext
from orderapp.gui.customer_picker import CustomerPicker
from orderapp.gui.order_draft_saver import DraftSaver
from orderapp.gui.order_form import OrderForm
from orderapp.gui.order_lines import OrderLines
from orderapp.services.customers.lookup import CustomerInput, create_customer
from orderapp.services.orders.drafts import list_drafts, save_draft
from orderapp.services.settings.orders import load_order_settings
from orderapp.store.database import Database

STATION = "TILL-9"


@pytest.fixture
def products(shop: Database) -> Shop:
    return make_shop(shop)


class SlowSaves:
    """The first draft save blocks until released: a save "in flight" when the app quits."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.calls = 0
        real = order_draft_saver.save_draft

        def slow(*args: Any, **kwargs: Any) -> int:
            self.calls += 1
            if self.calls == 1:
                self.started.set()
                assert self.release.wait(10)
            return real(*args, **kwargs)

        monkeypatch.setattr(order_draft_saver, "save_draft", slow)


@pytest.fixture
def form(qtbot: QtBot, shop: Database, products: Shop) -> Iterator[OrderForm]:
    made = OrderForm(AppContext(shop, station=STATION), load_order_settings(shop))
    qtbot.addWidget(made)
    made.resize(1024, 700)
    made.show()
    qtbot.waitExposed(made)
    yield made


def saved_notes(database: Database) -> list[str]:
    return [saved.draft.notes for saved in list_drafts(database, station=STATION, user_id=1)]


def quit_app() -> None:
    app = QCoreApplication.instance()
    assert app is not None
    app.aboutToQuit.emit()


# -- the draft saver ---------------------------------------------------------------------------------


def test_quitting_while_a_save_runs_keeps_every_character(
    qtbot: QtBot, form: OrderForm, shop: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = SlowSaves(monkeypatch)
    commit_text(form.notes, "门口放 ")
    form.save_draft_now()  # the first save starts and hangs in its worker
    assert slow.started.wait(5)
    type_keys(qtbot, form.notes, "leave at the door")
    commit_text(form.notes, " 谢谢")
    threading.Timer(0.3, slow.release.set).start()
    quit_app()  # at once: no timer has fired for the last keystrokes
    assert saved_notes(shop) == ["门口放 leave at the door 谢谢"]


def test_quitting_right_after_typing_keeps_it(qtbot: QtBot, form: OrderForm, shop: Database) -> None:
    type_keys(qtbot, form.customer_phone, "13812345678")
    commit_text(form.notes, "备注")
    quit_app()
    [saved] = list_drafts(shop, station=STATION, user_id=1)
    assert saved.draft.notes == "备注" and saved.draft.customer.phone == "13812345678"
    quit_app()  # quitting twice (or a second handler) saves nothing new and makes no second draft
    assert len(list_drafts(shop, station=STATION, user_id=1)) == 1


def test_an_older_save_landing_last_does_not_undo_newer_typing(qtbot: QtBot, shop: Database) -> None:
    text = {"notes": "first"}
    saver = DraftSaver(shop, lambda: OrderDraft(notes=text["notes"]), station=STATION, user_id=1)
    older_payload = OrderDraft(notes="first")
    text["notes"] = "first and more"
    saver.save_before_quit()  # revision 1: the newest text
    # The save that was in flight (started earlier, so an older revision) commits afterwards.
    save_draft(shop, older_payload, station=STATION, user_id=1, form_key=saver.form_key, revision=0)
    assert saved_notes(shop) == ["first and more"]


def test_a_discarded_form_leaves_no_draft_even_with_a_save_in_flight(
    qtbot: QtBot, form: OrderForm, shop: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = SlowSaves(monkeypatch)
    commit_text(form.notes, "不要了")
    form.save_draft_now()
    assert slow.started.wait(5)
    form.saver.discard(lambda: None)
    threading.Timer(0.3, slow.release.set).start()
    quit_app()  # before the save in flight has even landed
    assert saved_notes(shop) == []


# -- the line editor ---------------------------------------------------------------------------------

ITEM = CatalogueItem(
    product_id=7, sku="TEA-001", name="茉莉花茶 特级 明前 春茶 礼盒装", price_cents=2500, on_hand=4, reserved=1
)


def test_lines_paint_names_stock_and_messages_and_renumber_when_one_goes(qtbot: QtBot) -> None:
    area = QWidget()
    qtbot.addWidget(area)
    lines = OrderLines(area)
    for qty in ("2", "5", "x"):
        row = lines.append()
        row.code.setText("TEA-001")
        row.product_id = ITEM.product_id
        row.qty.setText(qty)
    catalogue = Catalogue({ITEM.product_id: ITEM}, {"tea-001": ITEM})
    check = check_draft(OrderDraft(lines=lines.drafts()), catalogue, DraftRules(currency="CNY"))
    messages = {error.field: error.message for error in check.all_errors()}
    lines.paint(check, messages, set(), currency="CNY", backorders=False)
    assert lines.rows[0].name.text() == ITEM.name
    assert "only 3 available" in lines.rows[1].available.text()
    assert lines.rows[1].available.property("state") == "short"
    assert messages["lines[2].qty"] and lines.rows[2].errors["qty"].text() == messages["lines[2].qty"]

    removed: list[int] = []
    lines.remove_wanted.connect(removed.append)
    lines.rows[0].remove.click()
    assert removed == [0]
    lines.remove(0)
    assert [row.qty.text() for row in lines.rows] == ["5", "x"]
    assert area.findChild(QLineEdit, "line_1_qty") is lines.rows[1].qty
    assert area.findChild(QLabel, "error_lines[1].qty") is lines.rows[1].errors["qty"]


def test_more_units_go_on_the_plain_line_and_a_priced_line_is_left_alone(qtbot: QtBot) -> None:
    area = QWidget()
    qtbot.addWidget(area)
    lines = OrderLines(area)
    row = lines.append()
    row.product_id = ITEM.product_id
    row.qty.setText("2")
    assert lines.add_units(ITEM, 12) == 0 and row.qty.text() == "14"
    row.price.setText("20")
    assert lines.add_units(ITEM, 1) is None
    edits: list[tuple[int, str]] = []
    lines.edited.connect(lambda index, what: edits.append((index, what)))
    key_text(row.code, "X")
    assert edits == [(0, "product")] and row.product_id is None
    assert lines.drafts() == (LineDraft(code="X", qty="14", unit_price="20"),)


# -- the customer picker -----------------------------------------------------------------------------


def picker_for(qtbot: QtBot, shop: Database) -> tuple[CustomerPicker, QLineEdit, QLineEdit, QLabel, QFrame, QWidget]:
    host = QWidget()
    qtbot.addWidget(host)
    name, phone, state = QLineEdit(host), QLineEdit(host), QLabel(host)
    offer, offer_text, use, new = QFrame(host), QLabel(host), QPushButton(host), QPushButton(host)
    picker = CustomerPicker(
        shop,
        "CN",
        name=name,
        phone=phone,
        state=state,
        new_button=new,
        offer=offer,
        offer_text=offer_text,
        use_offered=use,
        parent=host,
    )
    host.show()
    return picker, name, phone, state, offer, host


def test_a_known_phone_is_offered_and_taking_it_picks_the_customer(
    qtbot: QtBot, shop: Database, sync_tasks: object
) -> None:
    existing = create_customer(shop, CustomerInput(name="李雷", phone="139 0000 1111", city="上海"))
    picker, name, phone, state, offer, _host = picker_for(qtbot, shop)
    commit_text(name, "李")
    picker.name_edited()
    assert "New customer" in state.text()
    with qtbot.waitSignal(picker.phone_owner_found, timeout=5000) as found:
        key_text(phone, "13900001111")
        picker.phone_edited()
    assert found.args[0].id == existing.id
    assert offer.isVisible() and "李雷" in picker.offer_text.text() and "上海" in picker.offer_text.text()
    with qtbot.waitSignal(picker.picked, timeout=2000):
        picker._use_offered()
    assert picker.customer is not None and picker.customer.id == existing.id
    assert name.text() == "李雷" and state.text().startswith("Existing customer") and not offer.isVisible()
    commit_text(name, "x")  # another name typed: a new customer again
    picker.name_edited()
    assert picker.customer is None and "New customer" in state.text()
