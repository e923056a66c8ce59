"""An unexpected error is logged, shown in a dialog, and the app carries on."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from orderapp.app_logging import log_file
from orderapp.gui import crash
from orderapp.gui.crash import CrashHandler
from orderapp.gui.main_window import MainWindow

pytestmark = pytest.mark.qt_no_exception_capture  # the crash handler, not pytest-qt, takes these


class StockCountMismatch(Exception):
    pass


def fail_on_refresh() -> None:
    raise StockCountMismatch("shelf A-03 says 7, the books say 9")


def shown_dialog(qtbot: QtBot, handler: CrashHandler) -> crash.CrashDialog:
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert handler.dialog is not None
    return handler.dialog


def test_an_error_in_a_slot_shows_the_crash_dialog_and_the_app_carries_on(
    qtbot: QtBot, window: MainWindow, crash_handler: CrashHandler
) -> None:
    window.dashboard.refresh_button.clicked.connect(fail_on_refresh)
    qtbot.mouseClick(window.dashboard.refresh_button, Qt.MouseButton.LeftButton)

    dialog = shown_dialog(qtbot, crash_handler)
    message = dialog.findChild(QLabel, "crash_message")
    assert message is not None
    assert message.text() == "Something went wrong. Your work has been kept; you can carry on."
    log_path = dialog.findChild(QLabel, "crash_log_path")
    assert log_path is not None and str(log_file()) in log_path.text()
    details = dialog.findChild(QPlainTextEdit, "crash_details")
    assert details is not None and not details.isVisible()
    toggle = dialog.findChild(QPushButton, "toggle_details")
    assert toggle is not None
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert details.isVisible()
    assert "StockCountMismatch: shelf A-03 says 7, the books say 9" in details.toPlainText()
    assert "fail_on_refresh" in details.toPlainText()

    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "StockCountMismatch: shelf A-03 says 7, the books say 9" in logged

    continue_button = dialog.findChild(QPushButton, "continue")
    assert continue_button is not None
    qtbot.mouseClick(continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: crash_handler.dialog is None)
    assert window.isVisible()
    window.dashboard.refresh_button.clicked.disconnect(fail_on_refresh)
    window.show_screen("settings")  # still usable
    assert window.stack.currentWidget().objectName() == "screen_settings"
    with qtbot.waitSignal(window.dashboard.figures_loaded, timeout=10_000):
        window.show_screen("dashboard")


def test_an_error_in_another_thread_is_shown_on_the_gui_thread(
    qtbot: QtBot, window: MainWindow, crash_handler: CrashHandler
) -> None:
    worker = threading.Thread(target=fail_on_refresh, name="label-printer")
    worker.start()
    worker.join()
    dialog = shown_dialog(qtbot, crash_handler)
    assert dialog.thread() is window.thread()
    assert "StockCountMismatch" in dialog.details.toPlainText()
    assert "in thread label-printer" in log_file().read_text(encoding="utf-8")


def test_a_second_error_joins_the_dialog_already_open(
    qtbot: QtBot, window: MainWindow, crash_handler: CrashHandler
) -> None:
    window.dashboard.refresh_button.clicked.connect(fail_on_refresh)
    qtbot.mouseClick(window.dashboard.refresh_button, Qt.MouseButton.LeftButton)
    first = shown_dialog(qtbot, crash_handler)
    crash_handler.excepthook(ValueError, ValueError("again"), None)
    qtbot.waitUntil(lambda: "again" in first.details.toPlainText())
    assert crash_handler.dialog is first
    assert "2 times" in first.message.text()
    window.dashboard.refresh_button.clicked.disconnect(fail_on_refresh)


def test_a_dialog_that_cannot_open_does_not_loop(
    qtbot: QtBot, window: MainWindow, crash_handler: CrashHandler, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_dialog(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no memory for a dialog")

    monkeypatch.setattr(crash, "CrashDialog", broken_dialog)
    crash_handler.excepthook(ValueError, ValueError("first"), None)
    qtbot.waitUntil(lambda: "the crash dialog could not be shown" in log_file().read_text(encoding="utf-8"))
    logged = log_file().read_text(encoding="utf-8")
    assert logged.count("RuntimeError: no memory for a dialog") == 1  # logged once, no loop
    assert window.isVisible()


def test_a_failed_background_task_reaches_the_crash_dialog(
    qtbot: QtBot, window: MainWindow, crash_handler: CrashHandler
) -> None:
    from orderapp.gui.tasks import run_task

    run_task(fail_on_refresh, on_done=lambda _result: None)  # nobody handles its failure
    dialog = shown_dialog(qtbot, crash_handler)
    assert "shelf A-03" in dialog.details.toPlainText()


def test_the_log_folder_button_opens_the_log_folder(
    qtbot: QtBot, window: MainWindow, crash_handler: CrashHandler, monkeypatch: pytest.MonkeyPatch, log_dir: Path
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(crash, "open_folder", lambda folder: opened.append(folder) or True)
    crash_handler.excepthook(ValueError, ValueError("look at the log"), None)
    dialog = shown_dialog(qtbot, crash_handler)
    button = dialog.findChild(QPushButton, "open_log_folder")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [log_dir]
