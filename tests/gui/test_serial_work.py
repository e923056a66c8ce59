"""The packing and counts screens' serial work queue: one step at a time, in order, each prepared when
its turn comes; waiting steps can be dropped by kind; a failure goes to the step's own handler."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from orderapp.gui import tasks
from orderapp.gui.serial_work import SerialWork


def test_steps_run_in_order_each_seeing_the_one_before(qtbot: QtBot, sync_tasks: tasks.SynchronousRunner) -> None:
    failures: list[BaseException] = []
    work = SerialWork(failures.append)
    state: list[int] = []
    done: list[Any] = []
    for n in range(5):
        # prepare runs when the step's turn comes: it sees what the steps before stored
        work.add(
            "scan", lambda n=n: lambda: n * 10 + len(state), lambda result: (state.append(result), done.append(result))
        )
    assert done == [0, 11, 22, 33, 44]
    assert failures == [] and not work.busy and len(work) == 0


def test_waiting_steps_are_dropped_by_kind_and_skipped_when_prepare_says_so(qtbot: QtBot) -> None:
    work = SerialWork(lambda exc: None)
    results: list[str] = []
    work.add("action", lambda: lambda: "first", results.append)  # runs in a worker: busy meanwhile
    assert work.busy
    work.add("scan", lambda: lambda: "scan 1", results.append)
    work.add("action", lambda: None, results.append)  # nothing to do when its turn comes
    work.add("scan", lambda: lambda: "scan 2", results.append)
    work.add("action", lambda: lambda: "last", results.append)
    assert work.drop("scan") == 2
    with qtbot.waitSignal(work.settled, timeout=5000):
        pass
    assert results == ["first", "last"]


def test_a_failure_goes_to_the_steps_handler_and_the_queue_goes_on(
    qtbot: QtBot, sync_tasks: tasks.SynchronousRunner
) -> None:
    general: list[str] = []
    own: list[str] = []
    work = SerialWork(lambda exc: general.append(str(exc)))
    results: list[str] = []

    def boom() -> str:
        raise ValueError("no such product")

    work.add("scan", lambda: boom, results.append, lambda exc: own.append(str(exc)))
    work.add("scan", lambda: boom, results.append)
    work.add("scan", lambda: lambda: "after", results.append, first=False)
    assert own == ["no such product"] and general == ["no such product"] and results == ["after"]
