"""Work off the GUI thread: ``run_task(fn, on_done, on_failed)`` runs ``fn`` in the thread pool and
calls back on the GUI thread.

The runner is swappable: tests install ``SynchronousRunner`` so that a task and its callback run
at once, in order, on the calling thread.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")
OnDone = Callable[[Any], None]
OnFailed = Callable[[BaseException], None]


def report_unexpected(exc: BaseException) -> None:
    """The default for a task nobody handles the failure of: the crash handler shows it."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


@dataclass(frozen=True)
class Callbacks:
    """What to call with a task's outcome, on the GUI thread; nothing once ``context`` is deleted."""

    on_done: OnDone | None
    on_failed: OnFailed | None
    context: QObject | None

    def _context_alive(self) -> bool:
        return self.context is None or shiboken6.isValid(self.context)

    def done(self, result: object) -> None:
        if self.on_done is not None and self._context_alive():
            self.on_done(result)

    def failed(self, exc: BaseException) -> None:
        if not self._context_alive():
            log.warning("a background task failed after its screen closed", exc_info=exc)
        elif self.on_failed is not None:
            self.on_failed(exc)
        else:
            report_unexpected(exc)


class TaskRunner:
    """Runs tasks (``run_task`` hands them over): ``ThreadPoolRunner`` in the app, ``SynchronousRunner``
    in tests."""

    def start(self, fn: Callable[[], Any], callbacks: Callbacks) -> None:
        """Run ``fn``; then ``callbacks.done(result)`` or ``callbacks.failed(exception)`` on the GUI thread."""
        raise NotImplementedError

    def wait(self, msecs: int = -1) -> bool:
        """Wait for every running task (at exit, before the database is closed)."""
        raise NotImplementedError


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it until its result is delivered
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported, never swallowed
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class _Delivery(QObject):
    """Lives on the GUI thread, so its slots (and the callbacks) run there."""

    def __init__(self, callbacks: Callbacks, finished: Callable[[_Delivery], None]) -> None:
        super().__init__()
        self._callbacks = callbacks
        self._finished = finished

    @Slot(object)
    def deliver_done(self, result: object) -> None:
        self._finished(self)
        self._callbacks.done(result)

    @Slot(object)
    def deliver_failed(self, exc: BaseException) -> None:
        self._finished(self)
        self._callbacks.failed(exc)


class ThreadPoolRunner(TaskRunner):
    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool
        self._running: dict[_Delivery, Task] = {}

    @property
    def pool(self) -> QThreadPool:
        return self._pool or QThreadPool.globalInstance()

    def start(self, fn: Callable[[], Any], callbacks: Callbacks) -> None:
        task = Task(fn)
        delivery = _Delivery(callbacks, self._forget)
        app = QCoreApplication.instance()
        if app is not None:
            delivery.moveToThread(app.thread())
        task.signals.done.connect(delivery.deliver_done, Qt.ConnectionType.QueuedConnection)
        task.signals.failed.connect(delivery.deliver_failed, Qt.ConnectionType.QueuedConnection)
        self._running[delivery] = task
        self.pool.start(task)

    def _forget(self, delivery: _Delivery) -> None:
        self._running.pop(delivery, None)

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)


class SynchronousRunner(TaskRunner):
    """Runs each task at once on the calling thread: for tests."""

    def start(self, fn: Callable[[], Any], callbacks: Callbacks) -> None:
        try:
            result = fn()
        except Exception as exc:
            callbacks.failed(exc)
        else:
            callbacks.done(result)

    def wait(self, msecs: int = -1) -> bool:
        return True


_runner: TaskRunner | None = None


def current_runner() -> TaskRunner:
    global _runner
    if _runner is None:
        _runner = ThreadPoolRunner()
    return _runner


def set_runner(runner: TaskRunner | None) -> TaskRunner | None:
    """Install ``runner`` (None: the thread pool again); returns the one it replaces."""
    global _runner
    previous, _runner = _runner, runner
    return previous


def run_task(
    fn: Callable[[], Any],
    on_done: OnDone | None = None,
    on_failed: OnFailed | None = None,
    *,
    context: QObject | None = None,
) -> None:
    """Run ``fn`` in a worker; then ``on_done(result)`` or ``on_failed(exception)`` on the GUI thread
    (an unhandled failure goes to the crash handler). Neither callback runs once ``context`` (usually
    the widget that asked) has been deleted."""
    current_runner().start(fn, Callbacks(on_done, on_failed, context))


def wait_for_task(fn: Callable[[], T], *, while_waiting: Callable[[], object] | None = None) -> T:
    """Run ``fn`` in a worker while a local event loop keeps the windows painted; returns its result
    or raises its exception. ``while_waiting()`` is called once when ``fn`` has not finished at once
    (a synchronous runner, in tests, finishes it before the loop would start)."""
    loop = QEventLoop()
    outcome: list[T] = []
    failure: list[BaseException] = []

    def done(result: T) -> None:
        outcome.append(result)
        loop.quit()

    def failed(exc: BaseException) -> None:
        failure.append(exc)
        loop.quit()

    run_task(fn, done, failed)
    if not outcome and not failure:
        if while_waiting is not None:
            while_waiting()
        loop.exec()
    if failure:
        raise failure[0]
    return outcome[0]
