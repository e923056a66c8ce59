"""One way every screen shows a problem (or a good outcome) in its own status line.

A screen keeps one label for it (role "problem" in the style sheet) and calls ``show_problem`` with
the sentence from the error, or ``show_done`` with what went well; an empty message hides the line.
The label's height is the screen's to fix (``reserve_lines``) so that a message appearing never
moves the buttons under the user's mouse.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from orderapp.gui.style import set_role, set_state


def prepare(label: QLabel, *, lines: int = 0) -> None:
    """Make ``label`` a problem line: wrapped, selectable, red or green by state; with ``lines``, it
    keeps room for that many lines whether it shows anything or not."""
    set_role(label, "problem")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if lines:
        reserve_lines(label, lines)


def reserve_lines(label: QLabel, lines: int) -> None:
    label.setProperty("reserved", True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    label.setFixedHeight(label.fontMetrics().lineSpacing() * lines + 4)
    label.show()


def show_problem(label: QLabel, message: str) -> None:
    """Say what is wrong (red); "" clears it."""
    _show(label, message, "problem")


def show_done(label: QLabel, message: str) -> None:
    """Say what went well (green); "" clears it."""
    _show(label, message, "done")


def problem_shown(label: QLabel) -> str:
    """The problem the label shows now ("" when none, or when it shows a good outcome)."""
    if label.isHidden() or label.property("state") != "problem":
        return ""
    return label.text()


def _show(label: QLabel, message: str, state: str) -> None:
    set_role(label, label.property("role") or "problem")
    set_state(label, state if message else "")
    label.setText(message)
    if label.property("reserved") is not True:
        label.setVisible(bool(message))
