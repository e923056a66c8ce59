"""The small widgets the settings groups and dialogs build alike: each has an ``objectName`` (tests and
people drive it by that name), and a field's label can be its buddy (Alt+letter moves to the field)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """``widget`` with the objectName tests and people drive it by."""
    widget.setObjectName(name)
    return widget


def push_button(text: str, name: str) -> QPushButton:
    return named(QPushButton(text), name)


def text_field(name: str, *, placeholder: str = "", read_only: bool = False, secret: bool = False) -> QLineEdit:
    """A line of text; a ``secret`` one (a PIN, a password) shows dots."""
    field = named(QLineEdit(), name)
    if secret:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    if placeholder:
        field.setPlaceholderText(placeholder)
    field.setReadOnly(read_only)
    return field


def number_field(name: str, low: int, high: int, *, suffix: str = "") -> QSpinBox:
    """A whole number from ``low`` to ``high``; ``suffix`` is its unit (" days", " GB")."""
    spin = named(QSpinBox(), name)
    spin.setRange(low, high)
    if suffix:
        spin.setSuffix(suffix)
    return spin


def note(name: str = "", text: str = "", *, hidden: bool = False) -> QLabel:
    """A sentence that wraps to the width it is given (a message, an explanation)."""
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    if hidden:
        label.hide()
    return label


def error_note(name: str) -> QLabel:
    """Where a dialog says in red what is wrong (hidden until it has something to say)."""
    label = note(name, hidden=True)
    label.setProperty("role", "error")
    return label


def buddy_label(text: str, field: QWidget) -> QLabel:
    """The label of ``field``: its &-letter (Alt+letter) moves the cursor to the field."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


def choose_folder(parent: QWidget, title: str, start: str) -> str:
    """The folder the user picks, starting at ``start`` ("" when they cancel)."""
    return QFileDialog.getExistingDirectory(parent, title, start)
