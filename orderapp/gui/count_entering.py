"""Counting on the counts screen's first tab: scans from the camera, a USB scanner or the code field,
quantities typed by hand (0: an empty shelf), and undoing this PC's last entries.

Each entry is stored by ``orderapp.services.stock.counts.record_entry`` through the screen's serial work
queue, one at a time and in the order they came; the product's name and the line's running total are
then shown large.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QApplication, QLabel

from orderapp.errors import OrderAppError, ValidationFailed
from orderapp.gui.count_lines import NAME
from orderapp.gui.count_screen_base import CountsScreenBase, log
from orderapp.gui.questions import ask
from orderapp.gui.style import set_state
from orderapp.services.stock.counts import (
    CountClosed,
    CountStatus,
    EntryResult,
    NotInCount,
    UnknownCode,
    record_entry,
    undo_entry,
)


@dataclass(frozen=True)
class _Entry:
    """One scan or typed quantity waiting for its turn."""

    code: str | None = None
    product_id: int | None = None
    qty: int = 1
    add_if_missing: bool = False
    label: str = ""  # what the person scanned or chose, for messages


class CountEntering(CountsScreenBase):
    def handle_scan(self, scan: Any) -> None:
        """A code from the camera or a USB scanner: one more of that product (a case: its pack)."""
        if QApplication.activeModalWidget() is not None:
            return  # a dialog is up (starting a count, a question): the scan is not for the count
        code = getattr(scan, "code", "")
        if code:
            self._enqueue(_Entry(code=code, label=code))

    def _wedge_scanned(self, scan: Any) -> None:
        if self.isVisible():  # another screen is in front: the scan is for that one
            self.handle_scan(scan)

    def submit_code(self) -> None:
        text = self.code.text().strip()
        if not text:
            self._refuse(self.tr("Scan a barcode, or type a barcode or SKU and press Enter."))
            return
        self.code.clear()
        self._enqueue(_Entry(code=text, label=text))

    def add_typed(self, qty: int) -> None:
        """Units counted by hand of the product chosen in the list, or else of the one just scanned
        (0: an empty shelf)."""
        rows = self.lines_view.selectionModel().selectedRows()
        if rows:
            line = self.lines_model.row_at(rows[0].row())
            self._enqueue(_Entry(product_id=line.product_id, qty=qty, label=line.sku))
            return
        last = self._last_entry
        if last is None:
            self._refuse(self.tr("Scan the product or choose it in the list first, then type how many you counted."))
            return
        self._enqueue(_Entry(product_id=last.product_id, qty=qty, label=last.sku))

    def _add_typed_by_enter(self) -> None:
        self.typed_qty.interpretText()
        self.add_typed(self.typed_qty.value())

    def select_line(self, sku: str) -> bool:
        """Choose the product ``sku`` in the list of lines (if it is loaded)."""
        for number, row in enumerate(self.lines_model.rows()):
            if row.sku == sku:
                self.lines_view.selectRow(number)
                return True
        return False

    def _enqueue(self, entry: _Entry, *, first: bool = False) -> None:
        summary = self.summary
        if summary is None or summary.status is not CountStatus.OPEN:
            self._refuse(self.tr("Choose an open count first, or start one."))
            return
        database, context, count_id = self.database, self.context, summary.id

        def prepare() -> Any:
            if self.summary is None or self.summary.id != count_id:
                return None  # another count was opened meanwhile
            return lambda: record_entry(
                database,
                count_id,
                user_id=context.user_id,
                station=context.station,
                code=entry.code,
                product_id=entry.product_id,
                qty=entry.qty,
                add_if_missing=entry.add_if_missing,
            )

        self.work.add(
            "entry",
            prepare,
            lambda result: self._entry_done(count_id, result),
            lambda exc: self._entry_failed(count_id, entry, exc),
            first=first,
        )

    def _settled(self) -> None:
        if self.summary is not None:
            self._summary_timer.start()  # "12 of 40 counted", once the scanning pauses
        self.work_settled.emit()

    def _entry_done(self, count_id: int, result: EntryResult) -> None:
        if self.summary is not None and self.summary.id == count_id:
            self._last_entry = result
            self._undo.append(result.entry_id)
            self.undo_button.setEnabled(True)
            self._show_entry(result)
            if result.line_added:
                self.lines_model.refresh()
            self.entry_shown.emit(result)

    def _show_entry(self, result: EntryResult) -> None:
        self.scan_message_fit.set_text("")
        self._paint_scan_display("done")
        self.scan_name_fit.set_text(f"{result.name}\n{result.sku}")
        if result.qty > 1:
            added = self.tr("+{qty}").format(qty=result.qty)
        elif result.qty < 0:
            added = str(result.qty)
        elif result.qty == 0:
            added = self.tr("empty shelf")
        else:
            added = "+1"
        self.scan_total_fit.set_text(self.tr("{counted} counted ({added})").format(counted=result.counted, added=added))
        row = self.lines_model.show_entry(result)
        if row is not None:
            self.lines_view.scrollTo(self.lines_model.index(row, NAME))
        self._show_lines_status()

    def _entry_failed(self, count_id: int, entry: _Entry, exc: BaseException) -> None:
        if self.summary is None or self.summary.id != count_id:
            return
        if isinstance(exc, NotInCount) and not exc.elsewhere and not entry.add_if_missing:
            if self._ask_to_add(str(exc)):
                self._enqueue(
                    _Entry(entry.code, entry.product_id, entry.qty, add_if_missing=True, label=entry.label), first=True
                )
            else:
                self._refuse(self.tr("Put aside: {label} was not counted.").format(label=entry.label))
            return
        if isinstance(exc, CountClosed):
            self.work.clear()
            self.show_count(count_id)
        if isinstance(exc, ValidationFailed | UnknownCode | NotInCount | CountClosed | OrderAppError):
            self._refuse(str(exc))
        else:
            log.error("recording a count entry failed", exc_info=exc)
            self._refuse(
                self.tr("The entry was not recorded ({kind}: {detail}).").format(kind=type(exc).__name__, detail=exc)
            )

    def _ask_to_add(self, message: str) -> bool:
        return ask(
            self,
            "add_to_count",
            self.tr("Not in this count"),
            message,
            yes=(self.tr("Add it to this count"), "add_to_count_yes"),
            no=(self.tr("Put it aside"), "add_to_count_no"),
        )

    def _refuse(self, message: str) -> None:
        self._paint_scan_display("problem")
        self.scan_message_fit.set_text(message)
        QApplication.beep()
        self.scan_refused.emit(message)

    def undo_last(self) -> None:
        if not self._undo or self.work.busy or len(self.work):
            return
        entry_id = self._undo.pop()
        summary = self.summary
        assert summary is not None
        self.undo_button.setEnabled(bool(self._undo))
        database, context, count_id = self.database, self.context, summary.id
        self.work.add(
            "undo",
            lambda: lambda: undo_entry(database, entry_id, user_id=context.user_id, station=context.station),
            lambda result: self._undone(count_id, result),
            lambda exc: self._refuse(str(exc)),
        )

    def _undone(self, count_id: int, result: EntryResult) -> None:
        if self.summary is not None and self.summary.id == count_id:
            self._show_entry(result)
            self.scan_total_fit.set_text(
                self.tr("{counted} counted (undone: {qty})").format(counted=result.counted, qty=result.qty)
            )
            self.entry_shown.emit(result)

    def _paint_scan_display(self, state: str) -> None:
        """Green after a counted entry, red after a refused one (resources/style.qss)."""
        set_state(self.scan_display, state)
        for label in self.scan_display.findChildren(QLabel):  # their colour follows the frame's state
            label.style().unpolish(label)
            label.style().polish(label)
