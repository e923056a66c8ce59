"""Counting with real scanners: a USB wedge scanner's bursts recognised anywhere on the Counts
screen (whatever has focus), and the webcam path fed by a video file read through OpenCV, exactly
as a camera is. Background work runs on the real thread pool and the camera on its own thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from barcode_media import as_printed, sequence_video
from english_catalogue import english  # noqa: F401  (a fixture, for plural forms)
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from scanner_keys import scanner_presses, send

from orderapp.domain.product_validation import BarcodeDraft, BarcodeKind, ProductDraft
from orderapp.gui.context import AppContext
from orderapp.gui.count_lines import COUNTED
from orderapp.gui.counts_screen import CountsScreen, create_screen
from orderapp.services.stock import catalogue, counts
from orderapp.services.stock import shelf as stock
from orderapp.services.stock.counts import CountScope
from orderapp.services.stock.ledger import sell
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

pytestmark = pytest.mark.usefixtures("english")  # an English PC: plural forms from the catalogue

USER = DEFAULT_USER_ID
TEA, TEA_CASE, RICE = "6901234567892", "4006381333931", "6920000000012"
TEA_NAME = "西湖龙井 Longjing"


@pytest.fixture
def products(shop: Database) -> dict[str, int]:
    found = {}
    for key, sku, name, qty, codes in (
        ("tea", "TEA-001", TEA_NAME, 10, (BarcodeDraft(TEA), BarcodeDraft(TEA_CASE, BarcodeKind.CASE, 6))),
        ("rice", "RICE-001", "东北大米 Rice", 5, (BarcodeDraft(RICE),)),
    ):
        draft = ProductDraft(sku=sku, name=name, location="A-01-1", cost_cents=100, barcodes=codes)
        found[key] = catalogue.create_product(shop, draft, user_id=USER).id
        stock.receive_stock(shop, found[key], qty, user_id=USER)
    return found


@pytest.fixture
def screen(qtbot: QtBot, shop: Database, products: dict[str, int]) -> Iterator[CountsScreen]:
    counts.start_count(shop, CountScope.everything(), user_id=USER, title="Shelf A")
    widget = create_screen(AppContext(shop, station="COUNT-1"))
    assert isinstance(widget, CountsScreen)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    with qtbot.waitSignal(widget.count_shown, timeout=5000):
        widget.show()
    qtbot.waitUntil(lambda: widget.lines_model.rowCount() == 2, timeout=5000)
    yield widget
    widget.stop_camera()


def counted(screen: CountsScreen) -> dict[str, str]:
    model = screen.lines_model
    return {row.sku: str(model.data(model.index(r, COUNTED))) for r, row in enumerate(model.rows())}


def wedge_burst(widget: QWidget, code: str) -> None:
    """What a wedge scanner does: the code's characters as key presses in quick succession, then Enter."""
    for char in code:
        key = Qt.Key(ord(char.upper())) if char.isalnum() else Qt.Key.Key_Minus
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))


def test_a_wedge_scanner_counts_whatever_has_focus_and_types_into_nothing(
    qtbot: QtBot, screen: CountsScreen, shop: Database, products: dict[str, int]
) -> None:
    screen.lines_view.setFocus()
    with qtbot.waitSignal(screen.entry_shown, timeout=5000):
        wedge_burst(screen.lines_view, TEA_CASE)
    assert screen.scan_name.text() == f"{TEA_NAME}\nTEA-001"
    assert screen.scan_total.text() == "6 counted (+6)"
    screen.line_search.setFocus()
    with qtbot.waitSignal(screen.entry_shown, timeout=5000):
        wedge_burst(screen.line_search, TEA)
    assert screen.line_search.text() == ""  # the burst did not leak into the search field
    assert counted(screen)["TEA-001"] == "7"


def test_a_misread_wedge_code_is_refused_with_its_reason(qtbot: QtBot, screen: CountsScreen) -> None:
    screen.lines_view.setFocus()
    with qtbot.waitSignal(screen.scan_refused, timeout=5000):
        wedge_burst(screen.lines_view, "6901234567893")
    assert screen.scan_message.text().startswith("6901234567893 has a wrong check digit")
    assert set(counted(screen).values()) == {"—"}


# -- the webcam path, fed by a video file ---------------------------------------------------------


def write_video(path: Path, codes: list[str]) -> Path:
    """A video showing each code in turn, as a hand holds up one item after another."""
    return sequence_video(path, [as_printed(code) for code in codes])


def test_counting_with_the_webcam_while_a_sale_happens_posts_the_right_stock(
    qtbot: QtBot, screen: CountsScreen, shop: Database, products: dict[str, int], tmp_path: Path
) -> None:
    video = write_video(tmp_path / "count.avi", [TEA_CASE, TEA, RICE, RICE, RICE, RICE])
    lost: list[str] = []
    screen.camera.lost.connect(lost.append)
    with shop.session(write=True) as session:  # a rice sale before the rice shelf is counted
        assert sell(session, products["rice"], 1, user_id=USER, order_id=None, allow_short=False)
        session.commit()
    screen.start_camera(str(video))
    qtbot.waitUntil(lambda: counted(screen) == {"TEA-001": "7", "RICE-001": "4"}, timeout=30_000)
    qtbot.waitUntil(lambda: bool(lost), timeout=30_000)  # the video has ended
    assert screen.scan_name.text() == "东北大米 Rice\nRICE-001"
    assert screen.scan_total.text() == "4 counted (+1)"
    assert screen.camera_preview.pixmap() is not None

    review = counts.review_lines(shop, screen.summary.id)  # type: ignore[union-attr]
    assert {(r.sku, r.variance) for r in review} == {("TEA-001", -3), ("RICE-001", 0)}
    screen.post(confirmed=True, accept_flagged=True)
    qtbot.waitUntil(lambda: stock.stock_figures(shop, products["tea"]).on_hand == 7, timeout=5000)
    assert stock.stock_figures(shop, products["rice"]).on_hand == 4


@pytest.mark.parametrize("per_key_ms", [8, 30, 45])
@pytest.mark.parametrize("suffix", ["Enter", "Tab", "CR+LF", "none"])
def test_a_sku_label_read_by_any_scanner_counts_its_product_from_anywhere(
    qtbot: QtBot, screen: CountsScreen, per_key_ms: int, suffix: str
) -> None:
    start = 1_000_000
    for focus, expected in ((screen.line_search, "1"), (screen.lines_view, "2"), (screen.typed_qty, "3")):
        focus.setFocus()
        presses = scanner_presses("RICE-001", per_key_ms, suffix=suffix, start=start)  # letters, Shift, digits
        start = presses[-1].stamp + 1000
        with qtbot.waitSignal(screen.entry_shown, timeout=5000):
            send(focus, presses)
        assert counted(screen)["RICE-001"] == expected
    assert screen.line_search.text() == ""
    assert screen.typed_qty.value() == 1
