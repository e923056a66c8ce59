"""A "Play packing video" button for any screen that has an order chosen (the exceptions, the packing
history): ``set_order(number)`` looks for the order's clips off the GUI thread; the button is enabled
when one plays, otherwise disabled with the reason in its tooltip (and in ``reason``)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from orderapp.gui.context import AppContext
from orderapp.gui.evidence_player import EvidencePlayer
from orderapp.gui.tasks import run_task
from orderapp.services.packing.evidence import ClipRecord, list_clips

log = logging.getLogger(__name__)


class PlayVideoButton(QPushButton):
    checked = Signal(bool)  # the chosen order's clips are known: True when one plays

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Play packing video"), parent)
        self.setObjectName("action_play_video")
        self.context = context
        self.number = ""
        self.reason = ""
        self.player: EvidencePlayer | None = None
        self.clicked.connect(self.play)
        self.set_order("")

    def set_order(self, number: str) -> None:
        self.number = number
        self.setEnabled(False)
        if not number:
            self._explain(self.tr("Choose an order first."))
            return
        self._explain(self.tr("Looking for a video of order {number}…").format(number=number))
        database = self.context.database
        run_task(
            lambda: list_clips(database, number), lambda clips: self._listed(number, clips), self._failed, context=self
        )

    def _listed(self, number: str, clips: list[ClipRecord]) -> None:
        if number != self.number:  # another order was chosen meanwhile
            return
        playable = any(clip.playable for clip in clips)
        self.setEnabled(playable)
        if playable:
            self._explain("")
        elif clips:
            self._explain(clips[0].note or self.tr("The video of order {number} was deleted.").format(number=number))
        else:
            self._explain(self.tr("Order {number} has no packing video.").format(number=number))
        self.checked.emit(playable)

    def _failed(self, exc: BaseException) -> None:
        log.error("looking for packing videos failed", exc_info=exc)
        self._explain(self.tr("The packing videos could not be read."))
        self.checked.emit(False)

    def _explain(self, reason: str) -> None:
        self.reason = reason
        self.setToolTip(reason)
        self.setAccessibleDescription(reason)

    def play(self) -> None:
        if not self.number:
            return
        player = EvidencePlayer(self.context.database, self.number, self.window(), context=self.context)
        player.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        player.deleted.connect(lambda _record: self.set_order(self.number))
        self.player = player
        player.open()
