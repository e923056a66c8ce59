"""What the two import dialogs (orders, products) share: the controls of a long import found in
their forms by the same names, and the signal that carries a worker's progress to the GUI thread."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QWidget

from orderapp.gui.forms import child


class WorkProgress(QObject):
    """Lives on the GUI thread; the worker emits ``moved(phase, done, total)`` and the dialog's
    progress bar follows (a queued signal across threads)."""

    moved = Signal(str, int, int)


class ImportControls(NamedTuple):
    summary: QLabel
    progress: QProgressBar
    stop: QPushButton
    close: QPushButton
    run: QPushButton


def import_controls(form: QWidget, *, close: str, run: str) -> ImportControls:
    """The summary, progress bar and stop button (named alike in both forms), and the close and
    import buttons named ``close`` and ``run`` in this form."""
    return ImportControls(
        child(form, QLabel, "import_summary"),
        child(form, QProgressBar, "import_progress"),
        child(form, QPushButton, "cancel_work"),
        child(form, QPushButton, close),
        child(form, QPushButton, run),
    )
