"""Every screen and dialog fits and reads whole at 1024x700 (and 1366x768), in English and in Chinese,
with realistic data: long Chinese product names, a full order form with its "Left to fix" list. Fails
when a label, button or list a person needs is cut or elided, when widgets overlap, or when the window
grows by itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from both_languages import both_languages  # noqa: F401  (the `language` fixture: English, then Chinese)
from dialog_tour import visit
from gui_helpers import show_window
from layout_checks import cut_text, elided_cells, overlaps
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QWidget
from pytestqt.qtbot import QtBot
from screen_tour import tour

from orderapp.domain.product_validation import ProductDraft
from orderapp.gui.order_form import OrderForm
from orderapp.gui.order_list_model import STATUS
from orderapp.gui.orders_screen import OrdersScreen
from orderapp.services.stock import catalogue
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

NAME_HEADERS = ("Name", "Product", "名称", "商品", "Figure", "指标", "Count", "盘点")
# Screens other work owns: checked below without failing the run until their fixes land.
OTHERS: tuple[str, ...] = ()
LONG_NAME = "特级西湖龙井明前春茶礼盒装（狮峰山核心产区）500克 Longjing Gift Box"
SIZES = [QSize(1024, 700), QSize(1366, 768)]


def long_named_product(database: Database) -> str:
    draft = ProductDraft(sku="TEA-LONG-01", name=LONG_NAME, category="茶叶", location="A-01-2", price_cents=128800)
    catalogue.create_product(database, draft, user_id=DEFAULT_USER_ID)
    return draft.sku


def fill_order_form(qtbot: QtBot, form: OrderForm, sku: str) -> None:
    """A half-done order: a long product on a line, everything else still to fix (all shown)."""
    with qtbot.waitSignal(form.line_added, timeout=10_000):
        form.add_code(sku)
    form.submit(confirm=True)  # refused: every problem shown, and the "Left to fix" list
    qtbot.waitUntil(lambda: len(form.left_to_fix_items()) >= 3, timeout=5000)


def problems_on(root: object, name: str) -> list[str]:
    found = cut_text(root) + overlaps(root) + elided_cells(root, NAME_HEADERS)  # type: ignore[arg-type]
    return [f"{name}: {problem}" for problem in found]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_screen_fits_and_reads_whole(qtbot: QtBot, demo_shop: Database, language: str, size: QSize) -> None:
    sku = long_named_product(demo_shop)
    window = show_window(qtbot, demo_shop)
    window.resize(size)
    qtbot.wait(50)
    found: list[str] = []
    for name, root in tour(qtbot, window, demo_shop, size):
        if name.split("/")[0] in OTHERS:
            continue  # checked below (their own fixes are pending)
        if name == "orders/form new":
            orders = window.screen_for("orders")
            assert isinstance(orders, OrdersScreen)
            form = orders.current_form()
            assert form is not None
            fill_order_form(qtbot, form, sku)
            qtbot.wait(200)  # the form lays itself out again around the messages now shown
            assert not form.left_to_fix_label.visibleRegion().isEmpty()
        if name == "orders":
            table = window.screen_for("orders").table  # type: ignore[attr-defined]
            right = table.columnViewportPosition(STATUS) + table.columnWidth(STATUS)
            if table.columnViewportPosition(STATUS) < 0 or right > table.viewport().width():
                found.append("orders: the Status column is out of view")
        found += problems_on(root, name)
        if window.size() != size:
            found.append(
                f"{name}: the window grew from {size.width()}x{size.height()} to {window.width()}x{window.height()}"
            )
            window.resize(size)
    assert found == [], f"{language} at {size.width()}x{size.height()}:\n" + "\n".join(found)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_dialog_fits_and_reads_whole(
    qtbot: QtBot, demo_shop: Database, language: str, size: QSize, tmp_path: Path
) -> None:
    long_named_product(demo_shop)
    window = show_window(qtbot, demo_shop)
    window.resize(size)
    qtbot.wait(50)
    found: list[str] = []

    def look(name: str, root: object) -> None:
        found.extend(problems_on(root, name))
        if window.size() != size:
            found.append(f"{name}: the window grew to {window.width()}x{window.height()}")
            window.resize(size)

    seen = visit(qtbot, window, demo_shop, look, tmp_path)
    assert len(seen) >= 14
    assert found == [], f"{language} at {size.width()}x{size.height()}:\n" + "\n".join(found)


@pytest.mark.parametrize("size", SIZES[:1], ids=["1024x700"])
def test_packing_counts_and_reports_fit(qtbot: QtBot, demo_shop: Database, language: str, size: QSize) -> None:
    window = show_window(qtbot, demo_shop)
    window.resize(size)
    found: list[str] = []
    for key in OTHERS:
        window.show_screen("dashboard")
        window.resize(size)
        qtbot.wait(50)
        window.show_screen(key)
        qtbot.wait(150)
        found += problems_on(window, key)
        if window.size() != size:
            found.append(f"{key}: the window grew to {window.width()}x{window.height()}")
            window.resize(size)
    assert found == []


# Each screen's status and problem lines: what they say must never move the buttons under the mouse.
STATUS_LINES = {
    "dashboard": ("load_problem",),
    "orders": ("list_status",),
    "inventory": ("inventory_problem",),
    "counts": ("count_problem", "scan_message", "scan_name", "scan_total"),
    "reports": ("report_problem", "report_status"),
    "settings": ("settings_problem", "rules_problem"),
}
STATUS_TEXTS = (
    "",
    "OK",
    "数据库暂时无法读取，请稍后再试。The database could not be read just now; try again in a moment.",
)


def places(screen: QWidget) -> dict[str, QRect]:
    """Where each visible button, field and list of the screen is, in the screen's coordinates."""
    found = {}
    for widget in screen.findChildren(QAbstractButton) + screen.findChildren(QAbstractItemView):
        if widget.isVisibleTo(screen) and widget.objectName() and not widget.objectName().startswith("qt_"):
            found[widget.objectName()] = QRect(widget.mapTo(screen, QPoint(0, 0)), widget.size())
    return found


def settled_places(qtbot: QtBot, screen: QWidget) -> dict[str, QRect]:
    """Where things are once what the screen loads has arrived and been laid out."""
    last: dict[str, QRect] = {}
    same = 0
    for _ in range(60):  # the same for half a second: a busy machine delivers late
        now = places(screen)
        same = same + 1 if now == last else 0
        if same == 4:
            break
        last = now
        qtbot.wait(125)
    return last


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_status_lines_keep_their_size_whatever_they_say(
    qtbot: QtBot, demo_shop: Database, language: str, size: QSize
) -> None:
    window = show_window(qtbot, demo_shop)
    window.resize(size)
    moved: list[str] = []
    for key, names in STATUS_LINES.items():
        window.show_screen(key)
        qtbot.wait(300)
        screen = window.screen_for(key)
        for name in names:
            label = screen.findChild(QLabel, name)
            assert label is not None, f"{key}: no {name}"
            label.setText("")  # one pass of the layout first: the inventory's wrapped details settle on it
            before = settled_places(qtbot, screen)
            for text in STATUS_TEXTS:
                label.setText(text)
                label.setVisible(bool(text))  # as a screen shows and hides its line
                label.repaint()
                qtbot.wait(20)
                after = places(screen)
                shifted = [n for n, rect in after.items() if before.get(n) != rect]
                if shifted:
                    moved.append(
                        f"{key}: {name} saying {text[:12]!r} moved "
                        + ", ".join(f"{n} {before.get(n)} -> {after[n]}" for n in sorted(shifted)[:3])
                    )
                if window.size() != size:
                    moved.append(f"{key}: {name} saying {text[:12]!r} grew the window to {window.height()}")
                    window.resize(size)
                if label.isVisible() and label.text():
                    moved += [f"{key}: {problem}" for problem in cut_text(label.parentWidget()) if name in problem]
            label.setText("")
        if window.size() != size:
            moved.append(f"{key}: the window grew to {window.width()}x{window.height()}")
            window.resize(size)
    assert moved == [], f"{language} at {size.width()}x{size.height()}:\n" + "\n".join(moved)


def test_the_check_digit_message_reads_whole(qtbot: QtBot, shop: Database, language: str) -> None:
    from orderapp.gui.context import AppContext
    from orderapp.gui.product_form import ProductFormDialog

    dialog = ProductFormDialog(AppContext(shop), None, currency="CNY")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    row = dialog.add_barcode()
    with qtbot.waitSignal(dialog.validated, timeout=5000):
        qtbot.keyClicks(row.code, "6901234567890")
    qtbot.wait(200)
    message = row.code_error
    assert message.isVisible() and "2" in message.text()  # names the digit it should be
    assert message.height() >= message.heightForWidth(message.width())
    assert cut_text(dialog) == [] and overlaps(dialog) == []
