"""The returns mode at the packing station records the parcel being opened, as packing does (issue 16).

``ReturnRecorder`` watches a ``ReturnDialog`` opened from the packing station: the clip starts when a
return's order is opened in the dialog and ends when the return (or a refund) is recorded or the
dialog is left. It is stored with the order and, once recorded, the return (``finish_clip``'s
``return_id``); each item scanned back in is a mark, and the picture says RETURN OF ORDER ... The
recording setting, the free-space floor and a missing camera are respected as at packing: nothing is
recorded (the record then says why) and the return works as usual. Database work and closing the
file run on the task pool.

While the dialog is open the camera's scans go to it, not to packing (``route_camera_scans``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout

from orderapp.gui.context import AppContext
from orderapp.gui.evidence_recording import ClipRecorder
from orderapp.gui.style import set_state
from orderapp.services.aftersales.returns import RefundView, ReturnableOrder, ReturnView


class ReturnRecorder(ClipRecorder):
    kind = "return"

    def __init__(self, dialog: Any, camera: Any, context: AppContext) -> None:
        super().__init__(dialog, context, dialog)
        self.setObjectName("return_recorder")
        self._dialog = dialog
        self._generation = 0
        self._just_recorded = ""  # the dialog shows the order again after a return: no new clip for that
        self.indicator.setObjectName("return_recording_indicator")
        self.indicator.setWordWrap(True)
        self.indicator.hide()
        layout = dialog.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.indicator)
        camera.frame.connect(self._frame)
        dialog.order_shown.connect(self._order_shown)
        dialog.item_scanned.connect(self._item_scanned)
        dialog.recorded.connect(self._recorded)
        dialog.finished.connect(lambda _code: self.stop("abandoned"))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop_now)

    # -- the dialog's events ---------------------------------------------------------------------

    def _order_shown(self, order: ReturnableOrder | None) -> None:
        if order is None:
            return
        if order.number == self._just_recorded:
            self._just_recorded = ""
            return
        if order.number == self._number:  # the same parcel: its clip goes on
            return
        self.stop("abandoned")
        self._generation += 1
        self._number = order.number
        generation = self._generation
        self._begin(order.number, lambda: generation == self._generation)

    def _show_recording(self) -> None:
        self.indicator.setText(self.tr("● Recording the return of {number}").format(number=self._number))
        self.indicator.setToolTip(
            self.tr("A video of this parcel being opened is recorded (Settings > Packing video).")
        )
        set_state(self.indicator, "recording")
        self.indicator.show()

    def _item_scanned(self, outcome: str, code: str) -> None:
        if self._recorder is not None:
            self._recorder.mark(outcome, code)

    def _recorded(self, result: ReturnView | RefundView) -> None:
        number = self._number
        if self._recorder is None:
            self.stop("abandoned")  # nothing was being recorded (switched off, no folder): nothing to close
        elif isinstance(result, ReturnView):
            self._recorder.mark("returned", result.number)
            self.stop("returned", return_id=result.id)
        else:
            self._recorder.mark("refunded", result.amount_text())
            self.stop("refunded")
        self._just_recorded = number

    # -- closing ---------------------------------------------------------------------------------

    def stop(self, outcome: str, *, return_id: int | None = None) -> None:
        recorder, clip_id = self._take()
        self._number = ""
        self._generation += 1
        self.indicator.hide()
        if recorder is not None and clip_id is not None:
            if outcome == "abandoned":
                recorder.mark("abandoned", "")
            self._close(recorder, clip_id, outcome, return_id)

    def _not_finished_text(self) -> str:
        return self.tr("The return's video could not be finished; its file is kept and is checked at the next start.")

    def _not_started_text(self, exc: BaseException) -> str:
        return self.tr("No video is recorded for this return: {reason}").format(reason=exc)

    def _show_problem(self, message: str) -> None:
        self.indicator.setText(message)
        self.indicator.setToolTip(message)
        set_state(self.indicator, "warning")
        self.indicator.show()
        self.problem.emit(message)


def route_camera_scans(screen: Any, dialog: Any) -> None:
    """While ``dialog`` is open, the packing station's camera scans go to it (items coming back are
    not packed); packing gets them again when it closes."""
    panel = getattr(screen, "camera_panel", None)
    if panel is None:
        return
    panel.scanned.disconnect(screen.handle_scan)
    panel.scanned.connect(dialog.handle_scan)

    def give_back(_code: int) -> None:
        panel.scanned.disconnect(dialog.handle_scan)
        panel.scanned.connect(screen.handle_scan)

    dialog.finished.connect(give_back, Qt.ConnectionType.SingleShotConnection)
