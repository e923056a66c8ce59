"""One service call at a time, in the order they came: the work queue of the packing and counts screens.

Scans arrive faster than the database answers (a camera, a USB scanner and typing at once), and each
must see the result of the one before (the count on screen is what the database holds). Each step is
``prepare`` (run on the GUI thread when the step's turn comes, so it sees what the step before changed;
it returns the function to run in a worker, or None to skip the step), then ``on_done`` or
``on_failed`` on the GUI thread. ``settled`` is emitted when nothing is left to do.
"""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from orderapp.gui.tasks import run_task


@dataclass
class Step:
    kind: str  # e.g. "scan" | "action": pending scans can be dropped by kind
    prepare: Callable[[], Callable[[], Any] | None]
    on_done: Callable[[Any], None]
    on_failed: Callable[[BaseException], None] | None = None


class SerialWork(QObject):
    settled = Signal()

    def __init__(self, on_failed: Callable[[BaseException], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: deque[Step] = deque()
        self._working = False
        self._on_failed = on_failed

    @property
    def busy(self) -> bool:
        return self._working

    def __len__(self) -> int:
        return len(self._steps)

    def add(
        self,
        kind: str,
        prepare: Callable[[], Callable[[], Any] | None],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None] | None = None,
        *,
        first: bool = False,
    ) -> None:
        step = Step(kind, prepare, on_done, on_failed)
        if first:
            self._steps.appendleft(step)
        else:
            self._steps.append(step)
        self.pump()

    def drop(self, kind: str) -> int:
        """Forget the waiting steps of ``kind``; returns how many."""
        kept = deque(step for step in self._steps if step.kind != kind)
        dropped = len(self._steps) - len(kept)
        self._steps = kept
        return dropped

    def clear(self) -> None:
        self._steps.clear()

    def pump(self) -> None:
        while not self._working and self._steps:
            step = self._steps.popleft()
            job = step.prepare()
            if job is None:
                continue
            self._working = True
            run_task(job, functools.partial(self._done, step), functools.partial(self._failed, step), context=self)
            return
        if not self._working and not self._steps:
            self.settled.emit()

    def _done(self, step: Step, result: Any) -> None:
        self._working = False
        try:
            step.on_done(result)
        finally:
            self.pump()

    def _failed(self, step: Step, exc: BaseException) -> None:
        self._working = False
        try:
            (step.on_failed or self._on_failed)(exc)
        finally:
            self.pump()
