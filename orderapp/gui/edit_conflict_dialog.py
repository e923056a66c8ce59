"""The question asked when another PC changed what is being saved here: what they changed (field,
when you opened it, now), and a choice: take their version (reload), or save yours over it."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from orderapp.gui.row_tables import ALL, fill_text, text_table
from orderapp.services.shop.edit_conflicts import EditConflict


class Choice(StrEnum):
    RELOAD = "reload"
    OVERWRITE = "overwrite"
    CANCEL = "cancel"


class EditConflictDialog(QDialog):
    def __init__(self, conflict: EditConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("edit_conflict_dialog")
        self.setWindowTitle(self.tr("Changed on another PC"))
        self.choice = Choice.CANCEL
        layout = QVBoxLayout(self)
        self.message = QLabel(str(conflict))
        self.message.setObjectName("conflict_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.table = text_table(
            "conflict_changes", [self.tr("Field"), self.tr("When you opened it"), self.tr("Now")], stretch=ALL
        )
        fill_text(self.table, [(change.label, change.opened, change.now) for change in conflict.changes])
        layout.addWidget(self.table)

        buttons = QDialogButtonBox()
        self.reload_button = QPushButton(self.tr("&Take their version"))
        self.reload_button.setObjectName("conflict_reload")
        self.reload_button.setToolTip(self.tr("Show the record as it is now; your changes here are dropped"))
        self.overwrite_button = QPushButton(self.tr("&Save mine over it"))
        self.overwrite_button.setObjectName("conflict_overwrite")
        self.overwrite_button.setToolTip(self.tr("Store what you typed, replacing the other PC's change"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("conflict_cancel")
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.overwrite_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.reload_button.clicked.connect(lambda: self._choose(Choice.RELOAD))
        self.overwrite_button.clicked.connect(lambda: self._choose(Choice.OVERWRITE))
        cancel.clicked.connect(self.reject)
        self.reload_button.setDefault(True)
        layout.addWidget(buttons)
        self.resize(560, 180 + 28 * len(conflict.changes))

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()


def ask_about_conflict(parent: QWidget, conflict: EditConflict) -> Choice:
    """Ask, modally; Cancel keeps the form as it is (nothing saved, nothing lost)."""
    dialog = EditConflictDialog(conflict, parent)
    dialog.exec()
    return dialog.choice
