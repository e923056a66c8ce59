"""Shipping from the order detail when a count found fewer units than the order holds: the Ship
dialog says so, and offers "Ship short" with a reason; without a reason nothing leaves, with one the
order ships, the stock goes below zero visibly and the reason is in the ledger and on the timeline."""

from __future__ import annotations

import orders_screen_fixtures
import pytest
from gui_helpers import DialogDriver
from order_shop import USER, Shop, delivery_draft, figures
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from orderapp.domain.order_validation import LineDraft
from orderapp.gui.orders_screen import OrdersScreen
from orderapp.services.orders import placing as orders
from orderapp.services.packing import station as packing
from orderapp.services.stock import ledger as stock_ledger
from orderapp.store.database import Database
from orderapp.store.models import StockMovement

products = orders_screen_fixtures.products  # the fixtures: a small shop, and its Orders screen shown
screen = orders_screen_fixtures.screen

REASON = "货在二号仓 the rest is in store 2"


def packed_order(shop: Database, qty: int) -> orders.OrderView:
    view = orders.place_order(shop, delivery_draft(LineDraft(code="NDL-002", qty=str(qty))), user_id=USER, confirm=True)
    session = packing.open_order(shop, view.number, user_id=USER, station="PACK-1")
    packing.override_pack(shop, session.session_id, "label torn", user_id=USER, station="PACK-1")
    return orders.get_order(shop, view.id)


def count_down_to(shop: Database, product_id: int, on_hand: int) -> None:
    with shop.session(write=True) as session:
        now = stock_ledger.figures(session, [product_id])[product_id].on_hand
        assert stock_ledger.record_movement(
            session, product_id, "count", on_hand - now, 0, user_id=USER, reason="Count", reference="C-1"
        )
        session.commit()


def find(dialog: QWidget, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def open_ship_dialog(qtbot: QtBot, screen: OrdersScreen, view: orders.OrderView) -> None:
    screen.refresh()
    screen.show_order(view.id)
    qtbot.waitUntil(lambda: screen.detail.view is not None and screen.detail.view.id == view.id, timeout=5000)
    qtbot.mouseClick(screen.detail.buttons["ship"], Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("left", [0, 2])
def test_shipping_short_needs_a_reason_and_is_recorded(
    qtbot: QtBot, screen: OrdersScreen, shop: Database, products: Shop, left: int
) -> None:
    view = packed_order(shop, 3)
    count_down_to(shop, products.noodles, left)
    seen: dict[str, object] = {}

    def ship(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        short = find(dialog, QPushButton, "ship_short")
        assert not short.isVisible()  # not offered before the shop says the units are missing
        find(dialog, QComboBox, "carrier").setCurrentIndex(0)
        find(dialog, QLineEdit, "tracking_number").setText("SF1234567890")
        find(dialog, QDialogButtonBox, "action_buttons").button(QDialogButtonBox.StandardButton.Ok).click()
        problem = find(dialog, QLabel, "action_problem")
        assert "cannot be shipped" in problem.text() and f"3 needed, {left} on hand" in problem.text()
        assert short.isVisible() and find(dialog, QLineEdit, "reason").isVisible()
        assert figures(shop, products.noodles) == (left, 3)  # nothing left the shelf

        short.click()  # no reason: refused, in place
        error = find(dialog, QLabel, "error_reason")
        assert error.isVisible() and "Enter why it is shipped short" in error.text()
        assert dialog.isVisible() and orders.get_order(shop, view.id).status == "packed"
        seen["refused_stock"] = figures(shop, products.noodles)

        find(dialog, QLineEdit, "reason").setText(REASON)
        short.click()
        seen["closed"] = not dialog.isVisible()

    driver = DialogDriver(ship)
    open_ship_dialog(qtbot, screen, view)
    driver.check()
    assert seen == {"refused_stock": (left, 3), "closed": True}
    detail = screen.detail
    assert detail.view is not None and detail.view.status == "shipped"
    assert figures(shop, products.noodles) == (left - 3, 0)  # below zero, and the ledger says why
    with shop.session() as session:
        reasons = session.scalars(
            select(StockMovement.reason).where(StockMovement.kind == "ship", StockMovement.order_id == view.id)
        ).all()
    assert reasons == [f"Shipped without stock on hand: {REASON}"]
    timeline = detail.timeline_texts()
    overrides = [why for _when, _who, what, why in timeline if what == "Override"]
    assert len(overrides) == 1 and REASON in overrides[0] and f"3 needed, {left} on hand" in overrides[0]
    assert timeline[0][2] == "Shipped"


def test_shipping_what_is_on_hand_offers_no_ship_short(
    qtbot: QtBot, screen: OrdersScreen, shop: Database, products: Shop
) -> None:
    view = packed_order(shop, 2)

    def ship(dialog: QWidget) -> None:
        find(dialog, QComboBox, "carrier").setCurrentIndex(1)
        find(dialog, QLineEdit, "tracking_number").setText("JD0001")
        assert not find(dialog, QPushButton, "ship_short").isVisible()
        assert not find(dialog, QLineEdit, "reason").isVisible()
        find(dialog, QDialogButtonBox, "action_buttons").button(QDialogButtonBox.StandardButton.Ok).click()

    driver = DialogDriver(ship)
    open_ship_dialog(qtbot, screen, view)
    driver.check()
    assert orders.get_order(shop, view.id).status == "shipped"
    assert figures(shop, products.noodles) == (1, 0)
    assert all(what != "Override" for _w, _u, what, _d in screen.detail.timeline_texts())
