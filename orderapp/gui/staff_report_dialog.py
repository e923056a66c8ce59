"""The staff report on screen: per packer over chosen days, with CSV export (the same figures as
``orderapp report staff`` and the daily summary)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from orderapp.gui.context import AppContext
from orderapp.gui.row_tables import fill_text, text_table
from orderapp.gui.tasks import run_task
from orderapp.services.staff.figures import StaffReport, report_rows, staff_report, write_report_csv


class StaffReportDialog(QDialog):
    loaded = Signal(object)  # StaffReport

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staff_report_dialog")
        self.setWindowTitle(self.tr("Staff report"))
        self.resize(820, 420)
        self.context = context
        self.report: StaffReport | None = None
        self.since = QDateEdit(QDate.currentDate().addDays(-6))
        self.since.setObjectName("staff_since")
        self.until = QDateEdit(QDate.currentDate())
        self.until.setObjectName("staff_until")
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.reload)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("staff_export")
        self.export_button.clicked.connect(self.choose_export)
        headers = [
            self.tr("Packer"),
            self.tr("Orders packed"),
            self.tr("Items packed"),
            self.tr("Wrong items caught"),
            self.tr("Overrides"),
            self.tr("Median time per order"),
        ]
        self.table = text_table("staff_table", headers)
        self.note = QLabel("")
        self.note.setObjectName("staff_note")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.since)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.until)
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.reload()

    def days(self) -> tuple[date, date]:
        a, b = self.since.date(), self.until.date()
        return date(a.year(), a.month(), a.day()), date(b.year(), b.month(), b.day())

    def reload(self) -> None:
        since, until = self.days()
        if until < since:
            self.note.setText(self.tr("The last day is before the first; choose the days again."))
            return
        database = self.context.database
        run_task(lambda: staff_report(database, since, until), self._arrived, self._failed, context=self)

    def _arrived(self, report: StaffReport) -> None:
        if (report.since, report.until) != self.days():
            return  # the days changed meanwhile: a newer report is on its way
        self.report = report
        rows = report_rows(report)
        fill_text(self.table, rows)
        self.note.setText("" if rows else self.tr("Nobody packed an order on these days."))
        self.loaded.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.note.setText(self.tr("The staff report could not be made: {reason}").format(reason=exc))

    def choose_export(self) -> None:
        path, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the staff report"), "staff.csv", "CSV (*.csv)"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        if self.report is None:
            return
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            write_report_csv(self.report, out)
        self.note.setText(self.tr("Written to {path}").format(path=path))
