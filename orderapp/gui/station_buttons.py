"""The packing station's extra buttons (History…, Returns…): each placed after a button of the
station's row and opening its dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton


def station_button(beside: QPushButton, button: QPushButton, make_dialog: Callable[[], QDialog]) -> QPushButton:
    """``button`` placed right after ``beside`` in its row; a click opens the dialog ``make_dialog``
    makes (window-modal: the station stays painted behind it)."""
    parent = beside.parentWidget()
    for layout in parent.findChildren(QHBoxLayout) if parent is not None else []:
        if layout.indexOf(beside) >= 0:
            layout.insertWidget(layout.indexOf(beside) + 1, button)
            break
    button.clicked.connect(lambda: make_dialog().open())
    return button
