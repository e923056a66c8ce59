"""The orders list on a shop with a few thousand orders: newest first, loaded a page at a time as
the user scrolls (in a worker, so scrolling never waits), filters, one search box that finds an
order by number, phone in any format, SKU or barcode, and overdue orders that stand out."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from gui_helpers import commit_text
from order_keys import type_keys, wedge_burst
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from orderapp.demo import DemoSize, build_demo_shop
from orderapp.gui.context import AppContext
from orderapp.gui.order_list_model import NUMBER, OVERDUE_BACKGROUND, OVERDUE_TEXT, PHONE, STATUS
from orderapp.gui.orders_screen import OrdersScreen, create_screen
from orderapp.services.orders.listing import PAGE_SIZE
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order, OrderLine, ProductBarcode
from orderapp.store.opening import open_database, open_new_shop_database

ORDERS = 3000


@pytest.fixture(scope="module")
def _busy_shop_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("busy-shop") / "busy.sqlite"
    database = open_new_shop_database(str(path))
    try:
        build_demo_shop(
            database, DemoSize(products=150, customers=400, orders=ORDERS, days=90), seed=3, now=datetime.now(UTC)
        )
    finally:
        database.dispose()
    return path


@pytest.fixture
def busy_shop(_busy_shop_template: Path, tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "busy.sqlite"
    source = sqlite3.connect(f"file:{_busy_shop_template}?mode=ro", uri=True)
    target = sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    database = open_database(str(copy))
    try:
        yield database
    finally:
        database.dispose()


def open_screen(qtbot: QtBot, database: Database) -> OrdersScreen:
    screen = create_screen(AppContext(database, station="TILL-1"))
    assert isinstance(screen, OrdersScreen)
    qtbot.addWidget(screen)
    screen.resize(1366, 800)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=2000)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=10_000)
    return screen


def search(qtbot: QtBot, screen: OrdersScreen, text: str) -> list[str]:
    """Type into the search box and press Enter; the numbers of the orders the list then shows."""
    screen.search_box.setFocus()
    screen.search_box.selectAll()
    type_keys(qtbot, screen.search_box, text)
    qtbot.keyClick(screen.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.model.loading, timeout=10_000)
    return numbers(screen)


def numbers(screen: OrdersScreen) -> list[str]:
    return [row.number for row in screen.rows()]


def test_the_list_loads_page_by_page_as_it_scrolls_without_waiting(qtbot: QtBot, busy_shop: Database) -> None:
    screen = open_screen(qtbot, busy_shop)
    model = screen.model
    assert model.rowCount() == PAGE_SIZE
    assert model.pages_fetched == 1
    numbers = screen.row_texts(NUMBER)
    with busy_shop.session() as session:
        newest = session.scalars(select(Order.number).order_by(Order.created_at.desc(), Order.id.desc())).first()
    assert numbers[0].startswith(str(newest))  # the newest first (a flag may follow the number)
    created = [row.created_at for row in screen.rows()]
    assert created == sorted(created, reverse=True)
    assert screen.list_status.text() == f"{PAGE_SIZE} orders shown; more load as you scroll."

    # A reload starts in a worker: the GUI has the empty list at once, the rows come after.
    model.reload()
    assert model.rowCount() == 0 and model.loading
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE, timeout=10_000)

    for pages in (2, 3):
        with qtbot.waitSignal(model.page_loaded, timeout=10_000):
            screen.table.scrollToBottom()
        assert model.rowCount() == pages * PAGE_SIZE
        assert model.pages_fetched == pages + 1  # one page per scroll to the end, never the whole table
    rows = screen.rows()
    assert len({row.id for row in rows}) == len(rows)  # no order twice across page boundaries
    keys = [(row.created_at, row.id) for row in rows]
    assert keys == sorted(keys, reverse=True)
    assert model.canFetchMore()


def test_the_model_keeps_qt_rules_while_pages_arrive(
    qtbot: QtBot, qtmodeltester: ModelTester, busy_shop: Database
) -> None:
    """Pages arrive from the worker threads as in the app; the tester watches every insert and reset."""
    screen = open_screen(qtbot, busy_shop)
    model = screen.model
    qtmodeltester.check(model, force_py=True)  # it asks for more rows itself, too
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    before = model.rowCount()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == before + PAGE_SIZE, timeout=10_000)
    screen.overdue_only.setChecked(True)  # a reset, then the first page for the new filters
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() > 0, timeout=10_000)
    screen.search_box.setText("nobody-has-this")
    screen.apply_filters()
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    assert model.rowCount() == 0


def test_search_finds_an_order_by_a_phone_typed_in_another_format(
    qtbot: QtBot, busy_shop: Database, sync_tasks: object
) -> None:
    with busy_shop.session() as session:
        number, phone = session.execute(
            select(Order.number, Order.ship_phone).where(Order.ship_phone.like("+86%")).order_by(Order.id).limit(1)
        ).one()
    national = phone[3:]  # "+8613912345678" -> "13912345678"
    typed = f"+86 {national[:3]}-{national[3:7]}-{national[7:]}"
    screen = open_screen(qtbot, busy_shop)
    found = search(qtbot, screen, typed)
    assert number in found
    digits = {"".join(ch for ch in text if ch.isdigit()) for text in screen.row_texts(PHONE)}
    assert digits == {national}
    assert search(qtbot, screen, f"{national[:3]} {national[3:7]} {national[7:]}") == found


def test_search_finds_an_order_by_number_sku_and_barcode(qtbot: QtBot, busy_shop: Database, sync_tasks: object) -> None:
    screen = open_screen(qtbot, busy_shop)
    assert search(qtbot, screen, "SO-001234")[0] == "SO-001234"
    with busy_shop.session() as session:
        product_id, sku = session.execute(
            select(OrderLine.product_id, OrderLine.sku).order_by(OrderLine.id.desc()).limit(1)
        ).one()
        code = session.scalars(select(ProductBarcode.code).where(ProductBarcode.product_id == product_id)).first()
        with_product = set(
            session.scalars(select(Order.number).join(OrderLine).where(OrderLine.product_id == product_id))
        )
    search(qtbot, screen, sku)
    while screen.model.canFetchMore():
        screen.model.fetchMore()
    assert set(numbers(screen)) == with_product
    assert code is not None
    search(qtbot, screen, code)
    while screen.model.canFetchMore():
        screen.model.fetchMore()
    assert set(numbers(screen)) == with_product
    with busy_shop.session() as session:
        name = session.scalars(
            select(Customer.name)
            .join(Order, Order.customer_id == Customer.id)
            .where(Customer.name.like("王%"))
            .limit(1)
        ).one()
    screen.search_box.clear()
    commit_text(screen.search_box, name)  # typed with an input method
    qtbot.keyClick(screen.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.model.loading, timeout=10_000)
    assert screen.rows() and {row.customer_name for row in screen.rows()} == {name}
    assert search(qtbot, screen, "nobody-has-this") == []
    assert screen.list_status.text() == "No order matches; change the search or the filters."


def test_filters_and_overdue_orders_standing_out(qtbot: QtBot, busy_shop: Database, sync_tasks: object) -> None:
    screen = open_screen(qtbot, busy_shop)
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("on_hold"))
    assert set(screen.row_texts(STATUS)) == {"on hold"}
    screen.status_filter.setCurrentIndex(0)
    screen.channel_filter.setCurrentIndex(screen.channel_filter.findData("store"))
    assert {row.channel for row in screen.rows()} == {"store"}
    screen.channel_filter.setCurrentIndex(0)
    screen.priority_filter.setCurrentIndex(screen.priority_filter.findData("urgent"))
    assert screen.rows() and {row.priority for row in screen.rows()} == {"urgent"}
    assert all(text.endswith(" !") for text in screen.row_texts(NUMBER))
    screen.priority_filter.setCurrentIndex(0)

    qtbot.mouseClick(screen.overdue_only, Qt.MouseButton.LeftButton)
    rows = screen.rows()
    assert rows and all(row.overdue for row in rows)
    index = screen.model.index(0, NUMBER)
    foreground = index.data(Qt.ItemDataRole.ForegroundRole)
    background = index.data(Qt.ItemDataRole.BackgroundRole)
    font = index.data(Qt.ItemDataRole.FontRole)
    assert isinstance(foreground, QBrush) and foreground.color() == OVERDUE_TEXT
    assert isinstance(background, QBrush) and background.color() == OVERDUE_BACKGROUND
    assert isinstance(font, QFont) and font.bold()
    assert "Overdue" in index.data(Qt.ItemDataRole.ToolTipRole)
    qtbot.mouseClick(screen.overdue_only, Qt.MouseButton.LeftButton)
    plain = [row for row in screen.rows() if not row.overdue]
    row = screen.model.row_of(plain[0].id)
    assert screen.model.index(row, NUMBER).data(Qt.ItemDataRole.BackgroundRole) is None

    screen.period_filter.setCurrentIndex(screen.period_filter.findData("today"))
    today = datetime.now(UTC).astimezone().date()
    assert all(row.created_at.astimezone().date() <= today for row in screen.rows())
    assert screen.model.rowCount() < 100


def test_choosing_an_order_shows_it_and_enter_opens_it_for_editing(
    qtbot: QtBot, busy_shop: Database, sync_tasks: object
) -> None:
    screen = open_screen(qtbot, busy_shop)
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("received"))
    number = numbers(screen)[0]
    qtbot.keyClick(screen.search_box, Qt.Key.Key_Down)  # from the search box into the list
    assert screen.table.hasFocus()
    assert screen.detail.view is not None and screen.detail.view.number == number
    assert screen.detail.heading.text() == f"{number} · received"
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    form = screen.current_form()
    assert form is not None and form.title() == f"Edit {number}"


def test_a_slip_scanned_on_the_list_finds_its_order(qtbot: QtBot, busy_shop: Database, sync_tasks: object) -> None:
    screen = open_screen(qtbot, busy_shop)
    screen.table.setFocus()
    wedge_burst(screen.table, "SO-000042")
    assert screen.search_box.text() == "SO-000042"
    assert numbers(screen)[0] == "SO-000042"
