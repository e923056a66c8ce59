"""The yes-or-no questions the screens ask: a message box whose two buttons have names (tests and
people drive them by these), "no" the default and what Esc answers."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(
    parent: QWidget,
    name: str,
    title: str,
    text: str,
    *,
    yes: tuple[str, str],
    no: tuple[str, str],
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    yes_role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.AcceptRole,
) -> bool:
    """Ask (modal); True when the user answers ``yes``. ``yes`` and ``no`` are (text, objectName)."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setObjectName(name)
    accept = box.addButton(yes[0], yes_role)
    accept.setObjectName(yes[1])
    reject = box.addButton(no[0], QMessageBox.ButtonRole.RejectRole)
    reject.setObjectName(no[1])
    box.setDefaultButton(reject)
    box.setEscapeButton(reject)
    box.exec()
    return box.clickedButton() is accept
