"""The packing and counts screens at 1024x700 and 1366x768, in English and in Chinese, with the demo
shop's data (long Chinese and English product names): the window never widens itself, no button's
text is cut, the packing banner keeps one size whatever it says and shows its last line, the count
review shows whole names, and every access key (Alt+letter) is used once per screen."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from gui_helpers import show_window
from PySide6.QtCore import QLocale, QRect, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from orderapp import i18n
from orderapp.gui.app import install_translators
from orderapp.gui.count_lines import R_NAME
from orderapp.gui.counts_screen import CountsScreen
from orderapp.gui.main_window import MainWindow
from orderapp.gui.packing_screen import PackingScreen
from orderapp.services.packing.queue import packing_queue
from orderapp.services.stock import counts
from orderapp.services.stock.counts import CountScope
from orderapp.store.database import Database

SIZES = [(1024, 700), (1366, 768)]
_ACCESS_KEY = re.compile(r"&([^&\s])")


@pytest.fixture(params=["en_US", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    installed: list[QTranslator] = install_translators(qapp, QLocale(request.param))
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    i18n.install(None)


def open_window(qtbot: QtBot, database: Database, size: tuple[int, int]) -> MainWindow:
    window = show_window(qtbot, database)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0], timeout=3000)
    return window


def cut_buttons(screen: QWidget) -> list[str]:
    """Visible buttons and check boxes whose text does not fit their width."""
    cut = []
    for button in screen.findChildren(QAbstractButton):
        if not button.isVisibleTo(screen.window()) or not button.text():
            continue
        text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        needed = button.fontMetrics().horizontalAdvance(text)
        if needed > button.width() - 8 or button.width() < button.sizeHint().width():
            cut.append(f"{button.objectName()} {text!r}: {needed} px of text in {button.width()} px")
    return cut


def clipped_labels(screen: QWidget) -> list[str]:
    """Visible labels whose text does not fit them (squeezed to nothing, or wrapped taller than they are)."""
    clipped = []
    for label in screen.findChildren(QLabel):
        text = label.text()
        if (
            not label.isVisibleTo(screen.window())
            or not text
            or (label.pixmap() is not None and not label.pixmap().isNull())
        ):
            continue
        room = label.contentsRect()
        flags = int(label.alignment()) | (int(Qt.TextFlag.TextWordWrap) if label.wordWrap() else 0)
        needed = label.fontMetrics().boundingRect(QRect(0, 0, max(room.width(), 1), 100_000), flags, text)
        if room.width() < 20 or needed.height() > room.height() + 2:
            clipped.append(f"{label.objectName()} {text[:40]!r}: {needed.height()} px high in {room.height()} px")
    return clipped


def access_keys(screen: QWidget, window: MainWindow) -> list[str]:
    texts = [action.text() for action in window.menuBar().actions()]
    for widget in screen.findChildren(QWidget):
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(index) for index in range(widget.count())]
    return [match.group(1).lower() for text in texts for match in [_ACCESS_KEY.search(text)] if match]


def banner_fits(screen: PackingScreen) -> bool:
    return screen.banner.fits()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_packing_fits_and_never_widens_the_window(
    qtbot: QtBot, demo_shop: Database, language: str, size: tuple[int, int]
) -> None:
    window = open_window(qtbot, demo_shop, size)
    window.show_screen("packing")
    screen = window.findChild(PackingScreen)
    assert screen is not None
    qtbot.waitUntil(lambda: screen.queue_table.rowCount() > 1, timeout=10_000)
    entries = packing_queue(demo_shop).entries
    with qtbot.waitSignal(screen.order_shown, timeout=10_000):
        screen.open_number(entries[0].number)
    qtbot.wait(50)  # the layout settles
    assert window.width() == size[0]
    assert cut_buttons(screen) == []
    assert clipped_labels(screen) == []

    # The banner: one size whatever it says, and the whole text (last line included) shows.
    heights = set()
    for text in (
        "OK",
        screen.tr("Scan the items of {number}.").format(number=entries[0].number),
        "西湖龙井 Longjing Dragon Well green tea, first flush, 250 g tin: " * 3,
        "This case holds 24 of Baker & Sons Digestive Biscuits 400g, but the order needs only 1 more. "
        "Take the case out and scan single units.",
    ):
        screen._set_status(text, "alert")
        qtbot.wait(10)
        heights.add((screen.status_area.height(), screen.undo_button.y()))
        assert banner_fits(screen), text
    assert len(heights) == 1  # nothing below the banner moved

    # "Open next" after an order is packed, then opening it: still the same width, nothing cut.
    screen._order_packed(screen.view, entries[1])  # type: ignore[arg-type]
    assert screen.next_order_button.isVisible()
    qtbot.wait(10)
    assert window.width() == size[0]
    assert cut_buttons(screen) == []
    with qtbot.waitSignal(screen.order_shown, timeout=10_000):
        qtbot.mouseClick(screen.next_order_button, Qt.MouseButton.LeftButton)
    assert screen.view is not None and screen.view.number == entries[1].number
    assert window.width() == size[0]

    keys = access_keys(screen, window)
    assert len(keys) >= 8
    assert [key for key, times in Counter(keys).items() if times > 1] == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_counts_fit_and_never_widen_the_window(
    qtbot: QtBot, demo_shop: Database, language: str, size: tuple[int, int]
) -> None:
    counts.start_count(demo_shop, CountScope.everything(), user_id=1, title="货架 A 全部商品 Shelf A, everything")
    window = open_window(qtbot, demo_shop, size)
    window.show_screen("counts")
    screen = window.findChild(CountsScreen)
    assert screen is not None
    qtbot.waitUntil(lambda: screen.summary is not None and screen.lines_model.rowCount() > 0, timeout=10_000)
    assert window.width() == size[0]
    assert cut_buttons(screen) == []
    assert clipped_labels(screen) == []
    with qtbot.waitSignal(screen.review_shown, timeout=10_000):
        screen.open_review()
    qtbot.wait(10)
    assert window.width() == size[0]
    assert cut_buttons(screen) == []
    view, model = screen.review_view, screen.review_model
    metrics = view.fontMetrics()
    widest = max(metrics.horizontalAdvance(str(model.index(row, R_NAME).data())) for row in range(model.rowCount()))
    assert widest <= view.columnWidth(R_NAME) - 6  # names whole, never "…"
    assert screen.threshold_currency.text() == "CNY" and screen.threshold_currency.isVisible()

    keys = access_keys(screen, window)
    assert len(keys) >= 12
    assert [key for key, times in Counter(keys).items() if times > 1] == []
