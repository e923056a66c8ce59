"""The packing screen with real scanners: videos read through the real OpenCV capture code (the
camera path, MJPG .avi files showing barcodes one after another) and a USB keyboard-wedge scanner's
bursts of keystrokes. Background work runs on the real thread pool, as in the app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from barcode_media import as_printed, sequence_video
from english_catalogue import english  # noqa: F401  (a fixture, for plural forms)
from packing_shop import (
    GREEN_TEA,
    GREEN_TEA_NAME,
    OOLONG,
    OOLONG_NAME,
    TEA,
    TEA_CASE,
    TEA_NAME,
    PackingShop,
    make_packing_shop,
)
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from scanner_keys import scanner_presses, send
from sqlalchemy import select

from orderapp.gui.context import AppContext
from orderapp.gui.packing_lines import ORDERED, PRODUCT, SCANNED
from orderapp.gui.packing_screen import PackingScreen, create_screen
from orderapp.store.database import Database
from orderapp.store.models import Order
from orderapp.store.packing_models import PackScan

pytestmark = pytest.mark.usefixtures("english")  # an English PC: plural forms from the catalogue

STATION = "PACK-1"


def write_video(path: Path, codes: list[str]) -> Path:
    """A video showing each code in turn, as a hand holds up one item after another."""
    return sequence_video(path, [as_printed(code) for code in codes])


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


def green_pixels(image: QImage) -> int:
    """How many pixels of the preview are the outline's bright green."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(rgb.constBits(), np.uint8).reshape(rgb.height(), rgb.bytesPerLine() // 4, 4)
    blue, green, red = pixels[..., 0].astype(int), pixels[..., 1].astype(int), pixels[..., 2].astype(int)
    return int(np.count_nonzero((green > 180) & (red < 80) & (blue < 150)))


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

    def outline_painted(_image: object) -> None:
        pixmap = screen.camera_preview.pixmap()
        if screen.camera_panel._outlines and not pixmap.isNull():
            green.append(bool(green_pixels(pixmap.toImage())))

    green: list[bool] = []
    screen.camera.found.connect(seen)
    screen.camera.frame.connect(outline_painted)  # after the screen's own slot has painted the frame
    with qtbot.waitSignal(screen.order_packed, timeout=30_000) as packed:
        screen.start_camera(video)
    assert packed.args[0].number == "SO-000001"
    assert shown_lines(screen) == {TEA_NAME: (2, 2), OOLONG_NAME: (1, 1)}
    assert status_of(shop, packing.two_teas) == "packed"
    assert camera_scans(shop) == [(TEA, "accepted"), (OOLONG, "accepted"), (TEA, "accepted")]
    assert screen.camera_panel.frames_shown > 0 and not screen.camera_preview.pixmap().isNull()
    assert "Hold steady…" in hints and outlined and min(outlined) >= 4
    assert any(green)  # the codes found were outlined on the preview


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
    assert message.startswith("The video has ended. What is scanned so far is kept.")
    assert "typed codes work meanwhile" in message
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
    assert "does not exist" in screen.camera_message.text()
    assert not screen.camera_toggle.isChecked()
    qtbot.keyClicks(screen.code_entry, "SO-000001")
    screen.wedge.flush()  # keyClicks types at machine speed; a person's keys are handed on like this
    qtbot.waitUntil(lambda: screen.code_entry.text() == "SO-000001", timeout=3000)
    with qtbot.waitSignal(screen.order_shown, timeout=5000):
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


def test_a_wedge_burst_with_a_wrong_check_digit_stops_the_packer(
    qtbot: QtBot, screen: PackingScreen, shop: Database
) -> None:
    with qtbot.waitSignal(screen.order_shown, timeout=5000):
        wedge_burst(screen.code_entry, "SO-000001")
    with qtbot.waitSignal(screen.alert_raised, timeout=5000):
        wedge_burst(screen.code_entry, TEA[:-1] + "3")
    alert = screen.alert
    assert alert is not None and alert.title_label.text() == "Misread barcode"
    assert "wrong check digit" in alert.message_label.text()
    assert screen.code_entry.text() == ""
    with shop.session() as session:
        assert session.execute(select(PackScan.outcome, PackScan.source, PackScan.code)).all() == [
            ("invalid", "wedge", TEA[:-1] + "3")
        ]
    qtbot.waitUntil(lambda: alert.armed, timeout=3000)
    alert.acknowledge()


def test_the_camera_list_and_resolution_are_offered_and_a_missing_camera_is_explained(
    qtbot: QtBot, shop: Database, packing: PackingShop, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orderapp.gui import camera_panel
    from orderapp.scanning.camera import CameraInfo

    monkeypatch.setattr(
        camera_panel, "list_cameras", lambda: [CameraInfo(0, "Integrated Camera"), CameraInfo(7, "USB 摄像头")]
    )
    widget = create_screen(AppContext(shop, station=STATION))
    assert isinstance(widget, PackingScreen)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.camera_choice.count() == 2, timeout=5000)
    assert [widget.camera_choice.itemText(i) for i in range(2)] == ["Integrated Camera", "USB 摄像头"]
    assert [widget.camera_resolution.itemData(i) for i in range(3)] == [(640, 480), (1280, 720), (1920, 1080)]
    assert widget.camera_resolution.currentData() == (1280, 720)
    widget.camera_choice.setCurrentIndex(1)  # index 7: no such device on this machine
    try:
        with qtbot.waitSignal(
            widget.camera_message_changed, timeout=10_000, check_params_cb=lambda text: "cannot be used" in text
        ):
            qtbot.mouseClick(widget.camera_toggle, Qt.MouseButton.LeftButton)
        message = widget.camera_message.text()
        assert message.startswith("Camera 8 cannot be used.") and "What is scanned so far is kept." in message
        assert widget.camera_toggle.isChecked()  # the worker keeps trying; plugging it in resumes scanning
    finally:
        if widget.camera_toggle.isChecked():
            qtbot.mouseClick(widget.camera_toggle, Qt.MouseButton.LeftButton)  # the packer stops it
    assert not widget.camera.is_running() and widget.camera_message.text() == ""
    assert widget.camera_toggle.text() == "Start ca&mera"


def test_no_camera_is_explained_and_start_looks_again(
    qtbot: QtBot, shop: Database, packing: PackingShop, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orderapp.gui import camera_panel
    from orderapp.scanning.camera import CameraInfo

    cameras: list[CameraInfo] = []
    monkeypatch.setattr(camera_panel, "list_cameras", lambda: list(cameras))
    widget = create_screen(AppContext(shop, station=STATION))
    assert isinstance(widget, PackingScreen)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.camera_choice.itemText(0) == "No camera found", timeout=5000)
    assert widget.camera_message.text().startswith("No camera was found. Plug in a webcam and press Start camera")
    cameras.append(CameraInfo(9, "USB Camera"))  # plugged in now
    try:
        with qtbot.waitSignal(
            widget.camera_message_changed, timeout=10_000, check_params_cb=lambda text: "Camera 10" in text
        ):
            qtbot.mouseClick(widget.camera_toggle, Qt.MouseButton.LeftButton)
        assert widget.camera_choice.itemText(0) == "USB Camera"
    finally:
        if widget.camera_toggle.isChecked():
            qtbot.mouseClick(widget.camera_toggle, Qt.MouseButton.LeftButton)


# -- any USB scanner: timed key events, as a real keyboard sends them ---------------------------------


@pytest.mark.parametrize("per_key_ms", [8, 30, 45])
@pytest.mark.parametrize("suffix", ["Enter", "Tab", "CR+LF", "none"])
def test_a_slip_read_by_any_scanner_opens_its_order_from_anywhere_on_the_screen(
    qtbot: QtBot, screen: PackingScreen, per_key_ms: int, suffix: str
) -> None:
    start = 1_000_000
    for focus in (screen.queue_table, screen.code_entry):
        focus.setFocus()
        presses = scanner_presses("SO-000001", per_key_ms, suffix=suffix, start=start)
        start = presses[-1].stamp + 1000
        with qtbot.waitSignal(screen.order_shown, timeout=5000):
            send(focus, presses)  # Shift before each capital, as scanners type it
        assert screen.order_heading.text().startswith("SO-000001")
        assert screen.code_entry.text() == ""
    screen.code_entry.setFocus()
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        send(screen.code_entry, scanner_presses(TEA, per_key_ms, suffix=suffix, start=start))
    assert shown_lines(screen)[TEA_NAME] == (1, 2)
    assert screen.code_entry.text() == ""


def test_bursts_while_the_alert_is_up_are_counted_as_missed_and_told(
    qtbot: QtBot, screen: PackingScreen, shop: Database
) -> None:
    with qtbot.waitSignal(screen.order_shown, timeout=5000):
        send(screen.code_entry, scanner_presses("SO-000001", 8))
    with qtbot.waitSignal(screen.alert_raised, timeout=5000):
        send(screen.code_entry, scanner_presses(GREEN_TEA, 8, start=200_000))
    alert = screen.alert
    assert alert is not None
    qtbot.waitUntil(lambda: alert.armed, timeout=3000)
    for n, start in enumerate((300_000, 400_000), start=1):
        send(alert, scanner_presses(TEA, 8, start=start))  # the keys land on the alert
        assert alert.missed.text().startswith(f"{n} scan")
    assert alert.missed.text() == "2 scans made while this alert is up were not counted: scan them again afterwards."
    assert alert.isVisible()  # the bursts' Enter did not dismiss it
    alert.acknowledge()
    assert screen.status_text().startswith("2 scans made while the alert was up were not counted")
    assert shown_lines(screen)[TEA_NAME] == (0, 2)
    with shop.session() as session:
        assert [row[0] for row in session.execute(select(PackScan.outcome))] == ["not_on_order"]


def test_a_case_holding_more_than_is_needed_is_titled_case_too_big_not_complete(
    qtbot: QtBot, screen: PackingScreen
) -> None:
    with qtbot.waitSignal(screen.order_shown, timeout=5000):
        send(screen.code_entry, scanner_presses("SO-000001", 8))
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        send(screen.code_entry, scanner_presses(TEA, 8, start=200_000))  # 1 of 2: one more needed
    with qtbot.waitSignal(screen.alert_raised, timeout=5000):
        send(screen.code_entry, scanner_presses(TEA_CASE, 8, start=300_000))  # a case of 6
    alert = screen.alert
    assert alert is not None
    assert alert.title_label.text() == "Case too big"
    assert alert.message_label.text().startswith("This case holds 6 of")
    assert "needs only 1 more" in alert.message_label.text()
    qtbot.waitUntil(lambda: alert.armed, timeout=3000)
    alert.acknowledge()


def test_the_camera_panel_shows_the_workers_hint(screen: PackingScreen) -> None:
    screen.camera_panel.show_hint("Take it out of view to count the next one")
    assert screen.camera_hint.text() == "Take it out of view to count the next one"
