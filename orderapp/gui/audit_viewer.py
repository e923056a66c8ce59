"""The audit log viewer: who changed what, when and at which PC, with filters and CSV export."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from orderapp.gui.context import AppContext
from orderapp.gui.form_parts import named, push_button, text_field
from orderapp.gui.tasks import run_task
from orderapp.services.staff.audit_log import AuditFilter, AuditRow, action_labels, audit_entries, export_audit_csv
from orderapp.services.staff.people import list_users

Index = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[AuditRow, ...] = ()
        self.headers = [
            self.tr("Time"),
            self.tr("User"),
            self.tr("Station"),
            self.tr("Action"),
            self.tr("Object"),
            self.tr("Before"),
            self.tr("After"),
        ]

    def set_rows(self, rows: tuple[AuditRow, ...]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.rows[index.row()]
        values = [
            row.at.strftime("%Y-%m-%d %H:%M:%S"),
            row.user,
            row.station,
            row.action_label,
            row.object,
            row.before,
            row.after,
        ]
        return values[index.column()]


class AuditDialog(QDialog):
    loaded = Signal(int)  # rows shown (tests wait on it)
    exported = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_dialog")
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1000, 600)
        self.context = context
        self.use_since = QCheckBox(self.tr("From"))
        self.use_since.setObjectName("audit_use_since")
        self.since = QDateEdit(QDate.currentDate().addDays(-30))
        self.since.setObjectName("audit_since")
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.until = QDateEdit(QDate.currentDate())
        self.until.setObjectName("audit_until")
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.use_until = QCheckBox(self.tr("to"))
        self.use_until.setObjectName("audit_use_until")
        self.user = QComboBox()
        self.user.setObjectName("audit_user")
        self.user.addItem(self.tr("Everyone"), None)
        for row in list_users(context.database):
            self.user.addItem(row.name, row.id)
        self.action = QComboBox()
        self.action.setObjectName("audit_action")
        self.action.addItem(self.tr("Every action"), "")
        for key, label in action_labels().items():
            self.action.addItem(label, key)
        self.text = text_field("audit_text", placeholder=self.tr("Search object, before, after"))
        self.text.setClearButtonEnabled(True)
        self.export_button = push_button(self.tr("Export CSV…"), "audit_export")
        self.summary = named(QLabel(""), "audit_summary")
        self.model = AuditModel(self)
        self.view = QTableView()
        self.view.setObjectName("audit_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        filters = QHBoxLayout()
        for widget in (self.use_since, self.since, self.use_until, self.until, self.user, self.action, self.text):
            filters.addWidget(widget)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        for box in (self.use_since, self.use_until):
            box.toggled.connect(self.reload)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.reload)
        self.user.currentIndexChanged.connect(self.reload)
        self.action.currentIndexChanged.connect(self.reload)
        self.text.textChanged.connect(self.reload)
        self.export_button.clicked.connect(self.choose_export)
        self._generation = 0
        self.reload()

    def current_filter(self) -> AuditFilter:
        def day(edit: QDateEdit) -> date:
            value = edit.date()
            return date(value.year(), value.month(), value.day())

        return AuditFilter(
            since=day(self.since) if self.use_since.isChecked() else None,
            until=day(self.until) if self.use_until.isChecked() else None,
            user_id=self.user.currentData(),
            action=self.action.currentData() or "",
            text=self.text.text(),
        )

    def reload(self) -> None:
        wanted, database = self.current_filter(), self.context.database
        self._generation += 1
        generation = self._generation
        run_task(
            lambda: audit_entries(database, wanted),
            lambda rows: self._arrived(rows, generation),
            self._failed,
            context=self,
        )

    def _arrived(self, rows: tuple[AuditRow, ...], generation: int) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.summary.setText(self.tr("{n} entries").format(n=len(rows)))
        self.loaded.emit(len(rows))

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("The audit log could not be read: {reason}").format(reason=exc))

    def choose_export(self) -> None:
        path, _chosen = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"), "audit.csv", "CSV (*.csv)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        wanted, database = self.current_filter(), self.context.database
        run_task(
            lambda: export_audit_csv(database, wanted, path),
            lambda n: self._exported(path, n),
            self._failed,
            context=self,
        )

    def _exported(self, path: Path, rows: int) -> None:
        self.summary.setText(self.tr("{n} entries written to {path}").format(n=rows, path=path))
        self.exported.emit(str(path))
