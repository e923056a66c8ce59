"""The packing screen's "Sort" selector: how the queue is ordered on a busy day (urgent first, VIP
customers first, due time, easy first).

The choice is the shop's packing setting (``services.packing_settings.save_queue_sort``), so it is
remembered, every station follows it and the Settings screen shows it. The selector shows the sort
of each queue loaded, so a change made at another station or in Settings shows here too.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from orderapp.errors import OrderAppError
from orderapp.gui.context import AppContext
from orderapp.gui.tasks import run_task
from orderapp.services.packing.queue import PackingQueue
from orderapp.services.settings.packing import DEFAULT_QUEUE_SORT, QueueSort, save_queue_sort, sort_hint, sort_label

log = logging.getLogger(__name__)


class QueueSortSelector(QObject):
    """Puts a "Sort" combo box after ``after`` in its row; ``screen`` is the packing screen (its
    ``refresh_queue``, ``queue_shown``, ``queue_table`` and ``queue_count``)."""

    def __init__(self, screen: QWidget, after: QWidget, context: AppContext) -> None:
        super().__init__(screen)
        self.setObjectName("queue_sort_selector")
        self._screen = screen
        self._context = context
        self._shown: QueueSort = DEFAULT_QUEUE_SORT  # the sort of the queue on screen
        self._wanted: QueueSort | None = None  # chosen here, not yet seen in a loaded queue
        self._saved = False
        self._retried = False

        self.label = QLabel(self.tr("Sort:"))
        self.label.setObjectName("queue_sort_label")
        self.combo = QComboBox()
        self.combo.setObjectName("queue_sort")
        self.combo.setToolTip(
            self.tr("The order of the queue on busy days. The shop's choice: every packing station follows it.")
        )
        for sort in QueueSort:
            self.combo.addItem(sort_label(sort), sort.value)
            self.combo.setItemData(self.combo.count() - 1, sort_hint(sort), Qt.ItemDataRole.ToolTipRole)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label.setBuddy(self.combo)
        parent = after.parentWidget()
        for layout in parent.findChildren(QHBoxLayout) if parent is not None else []:
            index = layout.indexOf(after)
            if index >= 0:
                layout.insertWidget(index + 1, self.label, 0, Qt.AlignmentFlag.AlignRight)
                layout.insertWidget(index + 2, self.combo)
                break
        self.combo.activated.connect(self._chosen)
        screen.queue_shown.connect(self._queue_shown)  # type: ignore[attr-defined]
        self._describe(self._shown)

    @property
    def sort(self) -> QueueSort:
        return QueueSort(self.combo.currentData())

    def choose(self, sort: QueueSort | str) -> None:
        """Choose ``sort`` as a person would in the list."""
        self.combo.setCurrentIndex(self.combo.findData(QueueSort(sort).value))
        self.combo.activated.emit(self.combo.currentIndex())

    def _chosen(self, _index: int) -> None:
        chosen = self.sort
        if chosen is self._shown and self._wanted is None:
            return
        self._wanted, self._saved, self._retried = chosen, False, False
        database, user_id = self._context.database, self._context.user_id
        run_task(lambda: save_queue_sort(database, chosen, user_id=user_id), self._stored, self._failed, context=self)

    def _stored(self, _sort: QueueSort) -> None:
        self._saved = True
        self._screen.refresh_queue()  # type: ignore[attr-defined]

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, OrderAppError):
            log.error("saving the packing queue's sort failed", exc_info=exc)
        self._wanted = None
        self._show(self._shown)
        self._screen.queue_count.setText(  # type: ignore[attr-defined]
            self.tr("The sort could not be saved ({reason}).").format(reason=exc)
        )

    def _queue_shown(self, queue: PackingQueue) -> None:
        wanted = self._wanted
        if wanted is not None and queue.sort is not wanted:
            if not self._saved:
                return  # loaded before the choice was stored; storing it loads the queue again
            if not self._retried:
                self._retried = True
                self._screen.refresh_queue()  # type: ignore[attr-defined]
                return
        self._wanted = None  # what is on screen now wins (another station may have changed it)
        self._shown = queue.sort
        self._show(queue.sort)

    def _show(self, sort: QueueSort) -> None:
        self.combo.setCurrentIndex(self.combo.findData(sort.value))
        self._describe(sort)

    def _describe(self, sort: QueueSort) -> None:
        self._screen.queue_table.setToolTip(  # type: ignore[attr-defined]
            self.tr("Orders ready to pack. {sort} Double-click one, or scan its packing slip, to open it.").format(
                sort=sort_hint(sort)
            )
        )


def add_queue_sort(screen: QWidget, after: QWidget, context: AppContext) -> QueueSortSelector:
    return QueueSortSelector(screen, after, context)
