"""The Orders screen on the 1,000,000-order shop, as the shopkeeper meets it: the first page of the
list shown after the screen is made, one more page as the list is scrolled to its end, a search by a
phone number typed in another format, and the longest moment the window could not repaint (the
list is read in a worker, so that stays short however long a query takes).

The stall clock starts just before each action (making the screen, scrolling, searching), so a
synchronous call the action makes on the GUI thread counts as a stall too, up to the moment the
rows are shown."""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

from common import Row, benchmark, big_shop


def _wait(app: object, done: Callable[[], bool], timeout: float = 60.0, *, tick: Callable[[], None]) -> None:
    """Run the event loop until ``done()``; the last gap (up to the rows shown) is a stall too."""
    from PySide6.QtCore import QEventLoop

    end = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("the orders screen did not answer in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)  # type: ignore[attr-defined]
    tick()


@benchmark
def bench_order_screen(args: argparse.Namespace) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from orderapp.gui.context import AppContext
    from orderapp.gui.orders_screen import create_screen
    from orderapp.gui.tasks import current_runner
    from orderapp.store.models import Order
    from orderapp.store.opening import open_database

    app = QApplication.instance() or QApplication([])
    path, _built = big_shop(args)
    database = open_database(path)
    stalls: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        stalls.append(now - last[0])
        last[0] = now

    def restart() -> None:
        last[0] = time.perf_counter()

    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(tick)
    ticker.start()
    rows: list[Row] = []
    try:
        with database.session() as session:
            phone = session.scalar(
                select(Order.ship_phone).where(Order.ship_phone.like("+861%")).order_by(Order.id.desc()).limit(1)
            )
        assert phone, "the big shop has Chinese mobile numbers"
        first_page: list[float] = []
        next_page: list[float] = []
        search: list[float] = []
        for _ in range(max(args.repeat, 3)):
            restart()  # the clock runs from the action on: making the screen is part of the wait
            started = time.perf_counter()
            screen = create_screen(AppContext(database, station="BENCH"))
            screen.resize(1366, 800)
            screen.show()
            model = screen.model  # type: ignore[attr-defined]
            _wait(app, lambda m=model: m.rowCount() > 0, tick=tick)
            first_page.append((time.perf_counter() - started) * 1000)
            for _page in range(3):
                count = model.rowCount()
                restart()
                started = time.perf_counter()
                screen.table.scrollToBottom()  # type: ignore[attr-defined]
                _wait(app, lambda m=model, c=count: m.rowCount() > c, tick=tick)
                next_page.append((time.perf_counter() - started) * 1000)
            national = phone[3:]
            restart()
            started = time.perf_counter()
            screen.search_box.setText(f"{national[:3]}-{national[3:7]}-{national[7:]}")  # type: ignore[attr-defined]
            screen.apply_filters()  # type: ignore[attr-defined]
            _wait(app, lambda m=model: not m.loading and m.rowCount() > 0, tick=tick)
            search.append((time.perf_counter() - started) * 1000)
            screen.close()
            screen.deleteLater()
            current_runner().wait(10_000)
        rows.append(
            Row(
                "order_screen",
                "first page shown after the screen is made (median)",
                statistics.median(first_page),
                "ms",
                "<= 150 ms",
            )
        )
        rows.append(Row("order_screen", "next page on scrolling (median)", statistics.median(next_page), "ms"))
        rows.append(
            Row(
                "order_screen",
                "search by phone typed another way, rows shown (median)",
                statistics.median(search),
                "ms",
                "<= 100 ms",
            )
        )
        rows.append(
            Row(
                "order_screen",
                "longest GUI stall, synchronous calls included",
                max(stalls) * 1000,
                "ms",
                "no long stall",
                {"ticks": len(stalls)},
            )
        )
    finally:
        ticker.stop()
        current_runner().wait(10_000)
        database.dispose()
    return rows
