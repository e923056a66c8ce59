"""Signing in: the sign-in dialog (a name and a PIN, or a scanned staff badge) and the owner's PIN
asked at the moment a packer needs an owner's approval (``approve``)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain.staff import Actor, Permission, is_badge_code, permission_label
from orderapp.errors import OrderAppError
from orderapp.gui.context import AppContext
from orderapp.gui.scanner_input import keep_scanner_input
from orderapp.gui.tasks import report_unexpected, run_task
from orderapp.services.staff import people as staff
from orderapp.store.database import Database


class _PinForm(QDialog):
    """A name box and a PIN box, an error line and one button; the work runs in a worker."""

    signed_in = Signal(object)  # Actor

    def __init__(self, title: str, intro: str, names: list[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        keep_scanner_input(self)  # a typed PIN or a scanned badge is this dialog's own
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(420)
        self.actor: Actor | None = None
        self.intro = QLabel(intro)
        self.intro.setObjectName("sign_in_intro")
        self.intro.setWordWrap(True)
        self.name = QComboBox()
        self.name.setObjectName("sign_in_name")
        self.name.setEditable(True)
        self.name.addItems(names)
        self.name.setAccessibleName(self.tr("Name"))
        self.pin = QLineEdit()
        self.pin.setObjectName("sign_in_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin.setPlaceholderText(self.tr("PIN, or scan your staff badge"))
        self.error = QLabel("")
        self.error.setObjectName("sign_in_error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&PIN"), self.pin)
        self.buttons = QDialogButtonBox()
        self.ok: QPushButton = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("sign_in_ok")
        self.ok.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("sign_in_cancel")
        self.ok.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.pin.setFocus()

    def submit(self) -> None:
        if not self.ok.isEnabled():
            return
        self.ok.setEnabled(False)
        self.error.hide()
        name, pin = self.name.currentText().strip(), self.pin.text().strip()
        run_task(lambda: self.work(name, pin), self._done, self._failed, context=self)

    def work(self, name: str, pin: str) -> Actor | None:
        raise NotImplementedError

    def _done(self, actor: Actor | None) -> None:
        self.ok.setEnabled(True)
        if actor is None:  # a badge that needs the PIN too: its name is chosen, type the PIN
            self.pin.clear()
            self.show_error(self.tr("Badge read: now type the PIN for {name}.").format(name=self.name.currentText()))
            return
        self.actor = actor
        self.signed_in.emit(actor)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.pin.clear()
        self.pin.setFocus()
        if not isinstance(exc, OrderAppError):
            report_unexpected(exc)
        self.show_error(str(exc))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class SignInDialog(_PinForm):
    """Who is working at this PC. A scanned staff badge (in either box) signs its person in."""

    def __init__(self, database: Database, station: str, parent: QWidget | None = None, *, current: str = "") -> None:
        names = [row.name for row in staff.list_users(database, include_removed=False)]
        super().__init__(
            self.tr("Sign in"),
            self.tr("Choose your name and type your PIN, or scan your staff badge."),
            names,
            parent,
        )
        self.setObjectName("sign_in_dialog")
        self._database, self._station = database, station
        self._badge_name = ""
        if current:
            self.name.setCurrentText(current)

    def work(self, name: str, pin: str) -> Actor | None:
        badge = pin if is_badge_code(pin) else name if is_badge_code(name) else ""
        if badge:
            actor = staff.sign_in_badge(self._database, badge, station=self._station)
            if actor is None:
                self._badge_name = staff.badge_user_name(self._database, badge)
            return actor
        return staff.sign_in(self._database, name, pin, station=self._station)

    def _done(self, actor: Actor | None) -> None:
        if actor is None and self._badge_name:
            self.name.setCurrentText(self._badge_name)
        super()._done(actor)


class OwnerPinDialog(_PinForm):
    """An owner types their PIN at this PC to approve one action of someone who may not do it."""

    def __init__(self, database: Database, station: str, what: str, parent: QWidget | None = None) -> None:
        owners = [row.name for row in staff.owners(database)]
        super().__init__(
            self.tr("Owner's approval"),
            self.tr("Only the owner can {what}. An owner can approve it here with their PIN.").format(what=what),
            owners,
            parent,
        )
        self.setObjectName("owner_pin_dialog")
        self.ok.setText(self.tr("Approve"))
        self._database, self._station = database, station

    def work(self, name: str, pin: str) -> Actor | None:
        return staff.approve_as_owner(self._database, name, pin, station=self._station)


@dataclass(frozen=True)
class Approval:
    given: bool
    by: int | None = None  # the approving owner; None when the signed-in person may do it themselves


_remembered: dict[Hashable, int] = {}


def approve(
    parent: QWidget, context: AppContext, permission: Permission, *, remember: Hashable | None = None
) -> Approval:
    """Ask an owner's PIN when the signed-in person may not do ``permission``; ``remember`` keeps the
    approval for the same thing (e.g. one count's review) while the same person is signed in."""
    if context.may(permission):
        return Approval(True)
    key = (context.user_id, permission, remember) if remember is not None else None
    if key is not None and key in _remembered:
        return Approval(True, _remembered[key])
    dialog = OwnerPinDialog(context.database, context.station, permission_label(permission), parent)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted and dialog.actor is not None
    approver = dialog.actor
    dialog.deleteLater()
    if not accepted or approver is None:
        return Approval(False)
    if key is not None:
        _remembered[key] = approver.user_id
    return Approval(True, approver.user_id)
