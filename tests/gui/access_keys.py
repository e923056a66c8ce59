"""The access keys (Alt+letter) a person can press in a window as it stands: every visible button,
check box, radio button, labelled field (a label with a buddy), group box, tab and menu-bar menu."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QTabBar, QWidget

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def access_key(text: str) -> str | None:
    """The letter after the single "&" in ``text`` ("&Phone" -> "P", "订单(&O)" -> "O")."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def access_keys(root: QWidget) -> dict[str, list[str]]:
    """Each access key in use under ``root`` (and its window's menu bar), with what carries it."""
    keys: dict[str, list[str]] = defaultdict(list)

    def add(text: str, what: str) -> None:
        key = access_key(text)
        if key is not None:
            keys[key].append(f"{what} {text!r}")

    window = root.window()
    if isinstance(window, QMainWindow) and window.menuBar().isVisibleTo(window):
        for action in window.menuBar().actions():
            if action.isVisible():
                add(action.text(), "menu")
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None and widget.buddy().isVisibleTo(window)
        ):
            add(widget.text(), name)
        elif isinstance(widget, QGroupBox):
            add(widget.title(), name)
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    add(widget.tabText(index), name)
    return dict(keys)


def clashes(root: QWidget) -> dict[str, list[str]]:
    """Access keys used more than once (each pressing would fire only one of them, or cycle)."""
    return {key: users for key, users in access_keys(root).items() if len(users) > 1}
