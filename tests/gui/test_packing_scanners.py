"""The packing screen with real scanners: videos read through the real OpenCV capture code (the
camera path, MJPG .avi files showing barcodes one after another) and a USB keyboard-wedge scanner's
bursts of keystrokes. Background work runs on the real thread pool, as in the app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp
from packing_shop import GREEN_TEA, GREEN_TEA_NAME, OOLONG, OOLONG_NAME, TEA, TEA_NAME, PackingShop, make_packing_shop
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from orderapp.gui.context import AppContext
from orderapp.gui.packing_lines import ORDERED, PRODUCT, SCANNED
from orderapp.gui.packing_screen import PackingScreen, create_screen
from orderapp.store.database import Database
from orderapp.store.models import Order
from orderapp.store.packing_models import PackScan

STATION = "PACK-1"
FPS = 30
SIZE = (960, 540)
_FORMATS = {
    13: zxingcpp.BarcodeFormat.EAN13,
    12: zxingcpp.BarcodeFormat.UPCA,
    8: zxingcpp.BarcodeFormat.EAN8,
}


def barcode_image(text: str) -> np.ndarray:
    """A printed-looking barcode: order numbers as Code 128 (as on the slip), GTINs as EAN/UPC."""
    kind = _FORMATS.get(len(text)) if text.isdigit() else zxingcpp.BarcodeFormat.Code128
    assert kind is not None, text
    image = np.array(zxingcpp.create_barcode(text, kind).to_image(scale=4, add_quiet_zones=True))
    return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)


def write_video(path: Path, codes: list[str], *, frames_each: int = 12, gap: int = 10) -> Path:
    """An MJPG .avi that shows each code for ``frames_each`` frames on a desk-grey background, with
    ``gap`` empty frames before each, so every showing is a separate scan (as a packer's hand does)."""
    width, height = SIZE
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), FPS, (width, height))
    assert writer.isOpened()
    empty = np.full((height, width, 3), 170, np.uint8)
    try:
        for code in codes:
            for _ in range(gap):
                writer.write(empty)
            frame = empty.copy()
            label = barcode_image(code)
            top, left = (height - label.shape[0]) // 2, (width - label.shape[1]) // 2
            frame[top : top + label.shape[0], left : left + label.shape[1]] = label
            for _ in range(frames_each):
                writer.write(frame)
        for _ in range(gap):
            writer.write(empty)
    finally:
        writer.release()
    return path


@pytest.fixture
def packing(shop: Database) -> PackingShop:
    return make_packing_shop(shop)


@pytest.fixture
def screen(qtbot: QtBot, shop: Database, packing: PackingShop) -> Iterator[PackingScreen]:
    widget = create_screen(AppContext(shop, station=STATION))
    assert isinstance(widget, PackingScreen)
    qtbot.addWidget(widget)
    widget.sounds.enabled = False
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitSignal(widget.queue_shown, timeout=5000, raising=False)
    yield widget
    widget.stop_camera()


def shown_lines(screen: PackingScreen) -> dict[str, tuple[int, int]]:
    model = screen.lines_model
    return {
        model.index(row, PRODUCT).data(): (int(model.index(row, SCANNED).data()), int(model.index(row, ORDERED).data()))
        for row in range(model.rowCount())
    }


def status_of(database: Database, order_id: int) -> str:
    with database.session() as session:
        return session.get_one(Order, order_id).status


def camera_scans(database: Database) -> list[tuple[str, str]]:
    with database.session() as session:
        rows = session.execute(
            select(PackScan.code, PackScan.outcome).where(PackScan.source == "camera").order_by(PackScan.id)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


# -- the camera path ---------------------------------------------------------------------------------------


def test_a_video_showing_the_orders_items_packs_it(
    qtbot: QtBot, screen: PackingScreen, shop: Database, packing: PackingShop, tmp_path: Path
) -> None:
    video = write_video(tmp_path / "pack.avi", ["SO-000001", TEA, OOLONG, TEA])
    hints: list[str] = []
    outlined: list[int] = []

    def seen(found: list) -> None:
        if found:
            outlined.append(len(found[0].corners))
            hints.append(screen.camera_hint.text())

    screen.camera.found.connect(seen)
    with qtbot.waitSignal(screen.order_packed, timeout=30_000) as packed:
        screen.start_camera(video)
    assert packed.args[0].number == "SO-000001"
    assert shown_lines(screen) == {TEA_NAME: (2, 2), OOLONG_NAME: (1, 1)}
    assert status_of(shop, packing.two_teas) == "packed"
    assert camera_scans(shop) == [(TEA, "accepted"), (OOLONG, "accepted"), (TEA, "accepted")]
    assert screen.frames_shown > 0 and not screen.camera_preview.pixmap().isNull()
    assert "Hold steady…" in hints and outlined and min(outlined) >= 4


def test_a_video_with_a_wrong_item_raises_the_alert_and_leaves_the_order_unpacked(
    qtbot: QtBot, screen: PackingScreen, shop: Database, packing: PackingShop, tmp_path: Path
) -> None:
    video = write_video(tmp_path / "wrong.avi", ["SO-000001", TEA, GREEN_TEA, OOLONG, TEA])
    with qtbot.waitSignal(screen.alert_raised, timeout=30_000) as raised:
        screen.start_camera(video)
    assert raised.args[0].product_name == GREEN_TEA_NAME
    alert = screen.alert
    assert alert is not None and alert.isVisible()
    assert alert.message_label.text() == f"{GREEN_TEA_NAME} is not on order SO-000001. Take it out of the box."
    # the video goes on showing the rest while nobody acknowledges: nothing more is counted
    qtbot.waitUntil(lambda: not screen.camera.is_running(), timeout=30_000)
    assert screen.alert is alert and alert.isVisible()
    assert shown_lines(screen) == {TEA_NAME: (1, 2), OOLONG_NAME: (0, 1)}
    assert status_of(shop, packing.two_teas) == "picking"
    assert camera_scans(shop) == [(TEA, "accepted"), (GREEN_TEA, "not_on_order")]
    qtbot.waitUntil(lambda: alert.armed, timeout=3000)
    qtbot.mouseClick(alert.button, Qt.MouseButton.LeftButton)
    assert screen.alert is None
    assert status_of(shop, packing.two_teas) == "picking"


def test_the_video_ending_keeps_the_progress_and_scanning_resumes(
    qtbot: QtBot, screen: PackingScreen, shop: Database, packing: PackingShop, tmp_path: Path
) -> None:
    first = write_video(tmp_path / "first.avi", ["SO-000001", TEA])
    with qtbot.waitSignal(screen.camera.lost, timeout=30_000):
        screen.start_camera(first)
    qtbot.waitUntil(lambda: screen.camera_message.text() != "", timeout=5000)
    message = screen.camera_message.text()
    assert "What is scanned so far is kept." in message and "typed codes work meanwhile" in message
    assert shown_lines(screen) == {TEA_NAME: (1, 2), OOLONG_NAME: (0, 1)}
    assert not screen.camera_toggle.isChecked()
    # the camera is back (here: a second video) and the same order goes on from where it was
    second = write_video(tmp_path / "second.avi", [OOLONG, TEA])
    with qtbot.waitSignal(screen.order_packed, timeout=30_000):
        screen.start_camera(second)
    assert shown_lines(screen) == {TEA_NAME: (2, 2), OOLONG_NAME: (1, 1)}
    assert status_of(shop, packing.two_teas) == "packed"


def test_a_missing_video_or_camera_is_reported_and_typing_still_works(
    qtbot: QtBot, screen: PackingScreen, tmp_path: Path
) -> None:
    with qtbot.waitSignal(screen.camera_message_changed, timeout=10_000, check_params_cb=lambda text: "kept" in text):
        screen.start_camera(tmp_path / "no-such-video.avi")
    assert screen.camera_message.isVisible()
    with qtbot.waitSignal(screen.order_shown, timeout=5000):
        qtbot.keyClicks(screen.code_entry, "SO-000001")
        qtbot.keyClick(screen.code_entry, Qt.Key.Key_Return)


# -- the USB keyboard-wedge scanner --------------------------------------------------------------------


def wedge_burst(widget: QWidget, code: str) -> None:
    """What a wedge scanner does: the code's characters as key presses in quick succession, then Enter."""
    for char in code:
        key = Qt.Key(ord(char.upper())) if char.isalnum() else Qt.Key.Key_Minus
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))


def test_a_wedge_scanner_works_whatever_has_focus_and_types_into_nothing(
    qtbot: QtBot, screen: PackingScreen, shop: Database
) -> None:
    screen.queue_table.setFocus()
    with qtbot.waitSignal(screen.order_shown, timeout=5000):
        wedge_burst(screen.queue_table, "SO-000001")
    assert screen.order_heading.text().startswith("SO-000001")
    screen.code_entry.setFocus()
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        wedge_burst(screen.code_entry, TEA)
    assert screen.code_entry.text() == ""  # the burst did not leak into the field
    assert shown_lines(screen)[TEA_NAME] == (1, 2)
    with shop.session() as session:
        assert session.execute(select(PackScan.code, PackScan.source)).all() == [(TEA, "wedge")]
