"""The packing station's two dialogs: the blocking red alert for a refused scan, and the reason asked
for when an order is packed without every item scanned."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from orderapp.gui.fitting import FittedBanner

# The acknowledge button wakes up only after this long, so that the scan that raised the alert,
# or a double tap, cannot dismiss it before the packer has seen it.
ALERT_ARM_MS = 500

_ALERT_STYLE = """
QDialog#packing_alert { background: #b3261e; }
QDialog#packing_alert QLabel { color: white; }
QPushButton#alert_acknowledge {
    font-size: 18pt; font-weight: bold; padding: 14px 28px;
    background: white; color: #b3261e; border-radius: 8px;
}
QPushButton#alert_acknowledge:disabled { background: #e8a39d; color: #7a1a14; }
"""


class PackingAlert(QDialog):
    """A refused scan: red, modal, and gone only when the packer clicks the button (or presses Esc).

    A scanner types characters and Enter; neither does anything here, so a scan cannot dismiss it.
    """

    acknowledged = Signal()

    def __init__(self, title: str, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packing_alert")
        self.setWindowTitle(self.tr("Stop: check this item"))
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setStyleSheet(_ALERT_STYLE)
        self.setMinimumWidth(620)
        self._armed = False
        self._done = False

        self.title_label = QLabel(title)
        self.title_label.setObjectName("alert_title")
        font = self.title_label.font()
        font.setPointSize(30)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)

        self.message_label = QLabel(message)
        self.message_label.setObjectName("alert_message")
        font = self.message_label.font()
        font.setPointSize(20)
        self.message_label.setFont(font)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        # Room for three lines at this size, whatever the message: a longer one is set smaller, never cut.
        self._message_fit = FittedBanner(
            self.message_label, height=self.message_label.fontMetrics().lineSpacing() * 3 + 8, largest=20, smallest=11
        )

        self.button = QPushButton(self.tr("I have dealt with it – continue"))
        self.button.setObjectName("alert_acknowledge")
        # Never the default button and never focused: Enter and Space from a scanner cannot press it.
        self.button.setAutoDefault(False)
        self.button.setDefault(False)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setEnabled(False)
        self.button.clicked.connect(self.acknowledge)

        self.missed = QLabel("")
        self.missed.setObjectName("alert_missed")
        self.missed.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.missed.setWordWrap(True)
        self.missed.hide()

        self.how = QLabel(self.tr("Click the button or press Esc once the item is out of the box."))
        self.how.setObjectName("alert_how")
        self.how.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(20)
        layout.addWidget(self.title_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.missed)
        layout.addWidget(self.how)

        QTimer.singleShot(ALERT_ARM_MS, self, self._arm)

    def show_missed(self, count: int) -> None:
        """Scans made while this alert is up are not counted: say how many, as they happen."""
        self.missed.setText(
            self.tr("%n scan(s) made while this alert is up were not counted: scan them again afterwards.", "", count)
        )
        self.missed.setVisible(count > 0)

    @property
    def armed(self) -> bool:
        return self._armed

    def _arm(self) -> None:
        self._armed = True
        self.button.setEnabled(True)

    def acknowledge(self) -> None:
        if not self._armed or self._done:
            return
        self._done = True
        self.accept()
        self.acknowledged.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.isAutoRepeat():
            self.acknowledge()
        event.accept()  # everything else, scanner bursts included, is swallowed

    def reject(self) -> None:
        """Esc and the window's close button go through here: only a deliberate acknowledgement closes."""
        self.acknowledge()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._done:
            super().closeEvent(event)
        else:
            event.ignore()


class OverrideDialog(QDialog):
    """Asks why an order is packed although not every item was scanned. ``reason_given`` carries the
    text; the screen answers with ``show_error`` (stays open) or ``done_ok`` (closes)."""

    reason_given = Signal(str)

    def __init__(self, number: str, scanned: int, units: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("override_dialog")
        self.setWindowTitle(self.tr("Pack without full check"))
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(480)
        explanation = QLabel(
            self.tr(
                "Only {scanned} of {units} units of order {number} are scanned. Marking it packed now is "
                "recorded on the order with your name and your reason."
            ).format(scanned=scanned, units=units, number=number)
        )
        explanation.setObjectName("override_explanation")
        explanation.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("override_reason")
        self.reason.setPlaceholderText(self.tr("Why? e.g. the label is torn, checked by eye"))
        self.reason.setTabChangesFocus(True)
        self.error = QLabel("")
        self.error.setObjectName("override_error")
        self.error.setProperty("role", "error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(self.tr("Mark packed"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("override_confirm")
        self.confirm.setAutoDefault(False)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("override_cancel")
        self.confirm.clicked.connect(self._confirm)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def _confirm(self) -> None:
        text = self.reason.toPlainText().strip()
        if not text:
            self.show_error(self.tr("Say why the order is packed without scanning every item."))
            return
        self.confirm.setEnabled(False)
        self.reason_given.emit(text)

    def show_error(self, message: str) -> None:
        self.confirm.setEnabled(True)
        self.error.setText(message)
        self.error.show()

    def done_ok(self) -> None:
        self.accept()
