"""The last line of defence: an unexpected error is logged and shown in a dialog; the app carries on.

``sys.excepthook`` (the GUI thread, Qt slots, virtual methods) and ``threading.excepthook`` (other
Python threads) both end here. The dialog is always opened from the GUI thread's event loop, never
from inside the hook, so a failure in a worker thread is marshalled across, and a failure while the
dialog itself is being shown cannot recurse: it is logged, and added to the dialog already open.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from orderapp.app_logging import log_file
from orderapp.gui.desktop import open_folder

log = logging.getLogger("orderapp.crash")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class CrashDialog(QDialog):
    def __init__(self, details: str, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setWindowTitle(self.tr("OrderApp – something went wrong"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._log_path = log_path
        self._count = 1

        self.message = QLabel(self.tr("Something went wrong. Your work has been kept; you can carry on."))
        self.message.setObjectName("crash_message")
        self.message.setWordWrap(True)
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.message.setFont(font)

        self.log_path_label = QLabel(
            self.tr("The details are in the log file, for whoever helps you with OrderApp:\n{path}").format(
                path=log_path
            )
        )
        self.log_path_label.setObjectName("crash_log_path")
        self.log_path_label.setWordWrap(True)
        self.log_path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.toggle_details = QPushButton(self.tr("Show &details"))
        self.toggle_details.setObjectName("toggle_details")
        self.toggle_details.setCheckable(True)
        self.toggle_details.toggled.connect(self._show_details)

        self.details = QPlainTextEdit(details)
        self.details.setObjectName("crash_details")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumHeight(220)
        self.details.hide()

        self.open_log_folder = QPushButton(self.tr("Open &log folder"))
        self.open_log_folder.setObjectName("open_log_folder")
        self.open_log_folder.clicked.connect(self._open_log_folder)
        self.continue_button = QPushButton(self.tr("&Continue"))
        self.continue_button.setObjectName("continue")
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)

        buttons = QHBoxLayout()
        buttons.addWidget(self.toggle_details)
        buttons.addStretch(1)
        buttons.addWidget(self.open_log_folder)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.log_path_label)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.resize(560, 180)

    def add_error(self, details: str) -> None:
        """Another error while this dialog is open: one dialog, all the details."""
        self._count += 1
        self.details.appendPlainText("\n" + details)
        self.message.setText(
            self.tr("Something went wrong ({count} times). Your work has been kept; you can carry on.").format(
                count=self._count
            )
        )

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.toggle_details.setText(self.tr("Hide &details") if shown else self.tr("Show &details"))
        if shown:
            self.resize(max(self.width(), 720), max(self.height(), 460))

    def _open_log_folder(self) -> None:
        open_folder(self._log_path.parent)


class CrashHandler(QObject):
    """Installed once by the app; ``uninstall()`` puts the previous hooks back (tests)."""

    _report = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crash_handler")
        self.dialog: CrashDialog | None = None
        self._previous_hook: ExceptHook | None = None
        self._previous_thread_hook: Callable[[threading.ExceptHookArgs], object] | None = None
        self._opening = False
        # Queued even on the GUI thread: the dialog opens after the failing code has unwound.
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> CrashHandler:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        if self._previous_hook is not None and sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_hook
        if self._previous_thread_hook is not None and threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous_thread_hook

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, thread: str = ""
    ) -> None:
        try:
            if issubclass(exc_type, KeyboardInterrupt):
                app = QCoreApplication.instance()
                if app is not None:
                    app.quit()
                return
            details = "".join(traceback.format_exception(exc_type, exc, tb))
            where = f" in thread {thread}" if thread else ""
            log.error("Unexpected error%s:\n%s", where, details.rstrip())
            if QCoreApplication.instance() is None:
                sys.__excepthook__(exc_type, exc, tb)
                return
            self._report.emit(details)
        except Exception:  # the hook itself must never fail loudly or loop
            sys.__excepthook__(exc_type, exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        value = args.exc_value if args.exc_value is not None else args.exc_type()
        self.excepthook(args.exc_type, value, args.exc_traceback, thread=name)

    @Slot(str)
    def _show(self, details: str) -> None:
        if self._opening:
            log.error("another error while the crash dialog was opening; see above")
            return
        self._opening = True
        try:
            if self.dialog is not None and self.dialog.isVisible():
                self.dialog.add_error(details)
                return
            parent = QApplication.activeWindow()
            self.dialog = CrashDialog(details, log_file(), parent)
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.destroyed.connect(self._forget_dialog)
            self.dialog.open()  # modal but not blocking: no nested event loop inside the hook
            self.dialog.raise_()
        except Exception:
            log.exception("the crash dialog could not be shown")
        finally:
            self._opening = False

    @Slot()
    def _forget_dialog(self) -> None:
        self.dialog = None


_installed: CrashHandler | None = None


def install_crash_handler() -> CrashHandler:
    """Install the crash handler (once; later calls return the one installed)."""
    global _installed
    if _installed is None:
        _installed = CrashHandler().install()
    return _installed


def uninstall_crash_handler() -> None:
    global _installed
    if _installed is not None:
        _installed.uninstall()
        _installed = None
