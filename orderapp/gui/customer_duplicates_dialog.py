"""Likely duplicate customers, side by side with why they look alike and how many orders each has;
"Merge" folds one into the other (the one with more orders is kept unless the user swaps them),
after a confirmation that says what will happen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orderapp.errors import OrderAppError
from orderapp.gui import problems
from orderapp.gui.context import AppContext
from orderapp.gui.row_tables import pick_one_row
from orderapp.gui.tasks import report_unexpected, run_task
from orderapp.services.customers.merge import DuplicateCandidate, MergeResult, find_duplicate_customers, merge_customers


class DuplicatesDialog(QDialog):
    found = Signal(int)  # pairs listed
    merged = Signal(object)  # MergeResult

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicates_dialog")
        self.setWindowTitle(self.tr("Duplicate customers"))
        self.resize(900, 480)
        self.context = context
        self.candidates: list[DuplicateCandidate] = []
        self.swapped: set[int] = set()  # rows where the user chose to keep the other one
        # Asks the user to confirm a merge (tests answer it themselves).
        self.confirm: Callable[[str], bool] = self._ask

        self.intro = QLabel(self.tr("Looking for customers entered twice…"))
        self.intro.setObjectName("duplicates_intro")
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("duplicates_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Keep"), self.tr("Merge into it"), self.tr("Why"), self.tr("Orders")]
        )
        pick_one_row(self.table, stretch=2)
        self.problem = QLabel()
        self.problem.setObjectName("duplicates_problem")
        problems.prepare(self.problem)
        self.swap_button = QPushButton(self.tr("Keep the other one"))
        self.swap_button.setObjectName("duplicates_swap")
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setObjectName("duplicates_merge")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("duplicates_close")
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.swap_button)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.swap_button.clicked.connect(self.swap)
        self.merge_button.clicked.connect(self.merge_selected)
        self.close_button.clicked.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.look_again()

    def look_again(self) -> None:
        database = self.context.database
        run_task(lambda: find_duplicate_customers(database), self._listed, self._failed, context=self)

    def _listed(self, candidates: list[DuplicateCandidate]) -> None:
        self.candidates = list(candidates)
        self.swapped.clear()
        self.table.setRowCount(len(self.candidates))
        for row in range(len(self.candidates)):
            self._fill(row)
        if self.candidates:
            self.intro.setText(
                self.tr("Pairs that look like one customer entered twice: {count}. Check each, then merge it.").format(
                    count=len(self.candidates)
                )
            )
            self.table.selectRow(0)
        else:
            self.intro.setText(self.tr("No duplicate customers found."))
        self._update_buttons()
        self.found.emit(len(self.candidates))

    def keep_and_merge(self, row: int) -> tuple[int, int]:
        candidate = self.candidates[row]
        keep = candidate.suggested_keep
        other = candidate.pair.second_id if keep == candidate.pair.first_id else candidate.pair.first_id
        return (other, keep) if row in self.swapped else (keep, other)

    def _fill(self, row: int) -> None:
        candidate = self.candidates[row]
        people = {
            candidate.pair.first_id: (candidate.first_name, candidate.first_phone, candidate.first_orders),
            candidate.pair.second_id: (candidate.second_name, candidate.second_phone, candidate.second_orders),
        }
        keep, merge = self.keep_and_merge(row)
        cells = (
            " · ".join(part for part in people[keep][:2] if part),
            " · ".join(part for part in people[merge][:2] if part),
            candidate.pair.labels,
            f"{people[keep][2]} + {people[merge][2]}",
        )
        for column, text in enumerate(cells):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected_row() is not None
        self.swap_button.setEnabled(chosen)
        self.merge_button.setEnabled(chosen)

    def swap(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.swapped.symmetric_difference_update({row})
            self._fill(row)

    def merge_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        keep, merge = self.keep_and_merge(row)
        names = {self.table.item(row, 0).text(), self.table.item(row, 1).text()}  # type: ignore[union-attr]
        question = self.tr(
            "Merge {merge} into {keep}? Every order, draft, return and tag of {merge} moves to {keep}; "
            "details that differ are kept in the notes."
        ).format(merge=self.table.item(row, 1).text(), keep=self.table.item(row, 0).text())  # type: ignore[union-attr]
        if not names or not self.confirm(question):
            return
        database, user_id = self.context.database, self.context.user_id
        self.merge_button.setEnabled(False)
        run_task(
            lambda: merge_customers(database, keep, merge, user_id=user_id), self._merged, self._failed, context=self
        )

    def _merged(self, result: MergeResult) -> None:
        problems.show_done(
            self.problem,
            self.tr("Merged; orders moved: {orders}.").format(orders=result.orders_moved),
        )
        self.merged.emit(result)
        self.look_again()

    def _failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, OrderAppError):
            problems.show_problem(self.problem, str(exc))
        else:
            problems.show_problem(self.problem, self.tr("That did not work; nothing was changed. Try again."))
            report_unexpected(exc)

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Merge customers"), question)
        return answer == QMessageBox.StandardButton.Yes
