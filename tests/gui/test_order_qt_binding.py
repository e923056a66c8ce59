"""The Qt binding keeps Python's reference counts right.

PySide6 6.12.0 on CPython 3.11 drops a reference to ``None`` on every Qt call that returns nothing
(``setText``, ``show``, ...), on every Python slot that Qt calls, and to ``True`` on every
``emit()``. On 3.11 those objects are not immortal, so after some tens of thousands of calls (a
morning of typing orders) the process aborts with "Fatal Python error: none_dealloc". PySide6
6.11.3 keeps the counts right. This guard fails, cleanly and quickly, on a binding with the fault.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

CALLS = 500


class _Sender(QObject):
    ping = Signal()


def test_qt_calls_that_return_nothing_keep_none_alive(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    before = sys.getrefcount(None)
    for number in range(CALLS):
        edit.setText(str(number))
    assert sys.getrefcount(None) - before > -CALLS // 2, "each Qt call loses a reference to None"


def test_emitting_a_signal_keeps_true_alive() -> None:
    sender = _Sender()
    sender.ping.connect(lambda: 1)
    before = sys.getrefcount(True)
    for _ in range(CALLS):
        sender.ping.emit()
    assert sys.getrefcount(True) - before > -CALLS // 2, "each emit() loses a reference to True"
