"""A big demo shop's rows are made in a second process while the first writes them: the shop must be
the very same as one made in a single process, and a maker that fails or dies must leave no half shop
and no process behind."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from orderapp.demo import DemoSize, build_demo_shop, shop_is_empty
from orderapp.demo.making import MakerFailed, _make_in_second_process
from orderapp.demo.plan import FirstIds, InsertOrders, InsertRows, Made, MakePlan, Step, Write
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order, OrderEvent, OrderLine, Product, ProductBarcode, StockMovement
from orderapp.store.order_models import OrderSearch

NOW = datetime(2026, 10, 2, 17, 45, tzinfo=UTC)
SIZE = DemoSize(products=90, customers=40, orders=700, days=12)


def everything(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    models = (Product, ProductBarcode, Customer, Order, OrderLine, OrderEvent, StockMovement, OrderSearch)
    with database.engine.connect() as conn:
        return {
            model.__tablename__: [
                tuple(row) for row in conn.execute(select(model.__table__).order_by(*model.__table__.primary_key))
            ]
            for model in models
        }


def test_a_shop_made_in_a_second_process_is_the_same_shop(database: Database, tmp_path: Any) -> None:
    from orderapp.store.opening import open_new_shop_database

    steps: list[tuple[str, int, int]] = []
    two = build_demo_shop(database, SIZE, seed=11, now=NOW, maker_in_process=False,
                          progress=lambda *step: steps.append(step))  # fmt: skip
    reference = open_new_shop_database(f"sqlite:///{tmp_path / 'one.sqlite'}")
    try:
        one = build_demo_shop(reference, SIZE, seed=11, now=NOW, maker_in_process=True)
        assert (two.orders, two.order_lines, two.movements) == (one.orders, one.order_lines, one.movements)
        assert everything(database) == everything(reference)
    finally:
        reference.dispose()
    assert ("orders", SIZE.orders, SIZE.orders) in steps  # progress crosses the process boundary too
    assert not multiprocessing.active_children()


def plan(zone: str = "Europe/London", orders: int = 2000) -> MakePlan:
    return MakePlan(
        DemoSize(products=50, customers=20, orders=orders, days=9),
        seed=3,
        now_us=1_790_000_000_000_000,
        currency="GBP",
        zone=zone,
        dialect="sqlite",
        first=FirstIds(1, 1, 1, 1, 1, 1, 1),
    )


def test_the_maker_process_hands_over_every_write_then_stops() -> None:
    seen: list[Write] = []
    _make_in_second_process(plan(), seen.append)
    assert isinstance(seen[-1], Made) and seen[-1].lines > 2000
    assert Step("orders", 2000, 2000) in seen
    assert not multiprocessing.active_children()


def test_an_error_in_the_maker_process_reaches_the_builder() -> None:
    with pytest.raises(MakerFailed, match="No time zone found with key Not/A_Zone"):
        _make_in_second_process(plan(zone="Not/A_Zone"), lambda write: None)
    assert not multiprocessing.active_children()


def test_a_maker_process_that_dies_is_noticed() -> None:
    def kill_the_maker(write: Write) -> None:
        if isinstance(write, InsertRows) and write.table == "product":  # its first rows (the customers are made here)
            for child in multiprocessing.active_children():
                child.kill()

    with pytest.raises(MakerFailed, match="stopped"):
        _make_in_second_process(plan(orders=60_000), kill_the_maker)
    assert not multiprocessing.active_children()


def test_a_write_that_fails_stops_the_maker_and_keeps_nothing(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orderapp.demo import making

    applied: list[Write] = []
    original = making.Applier.__call__

    def fail_on_the_first_orders(self: making.Applier, write: Write) -> None:
        if isinstance(write, InsertOrders):
            raise OSError("disk full")
        applied.append(write)
        original(self, write)

    monkeypatch.setattr(making.Applier, "__call__", fail_on_the_first_orders)
    with pytest.raises(OSError, match="disk full"):
        build_demo_shop(database, SIZE, now=NOW, maker_in_process=False)
    assert applied  # the products and customers went in, and were rolled back
    assert shop_is_empty(database)
    assert not multiprocessing.active_children()


def test_where_no_second_process_can_start_the_shop_is_made_in_this_one(
    database: Database, tmp_path: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from multiprocessing.context import SpawnProcess

    from orderapp.store.opening import open_new_shop_database

    def refused(self: Any) -> None:
        raise OSError("this machine does not let a program start another")

    monkeypatch.setattr(SpawnProcess, "start", refused)
    build_demo_shop(database, SIZE, seed=4, now=NOW, maker_in_process=False)
    assert "does not let a program start another" in caplog.text
    reference = open_new_shop_database(f"sqlite:///{tmp_path / 'one.sqlite'}")
    try:
        build_demo_shop(reference, SIZE, seed=4, now=NOW, maker_in_process=True)
        assert everything(database) == everything(reference)
    finally:
        reference.dispose()


def test_a_maker_process_that_dies_before_its_first_write_leaves_the_work_to_this_one(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from orderapp.demo import making

    monkeypatch.setattr(making, "_maker_main", os._exit)  # the child calls os._exit(plan, ...) and dies
    report = build_demo_shop(database, SIZE, seed=4, now=NOW, maker_in_process=False)
    assert report.orders >= SIZE.orders
    assert not shop_is_empty(database)
    assert not multiprocessing.active_children()


def test_batches_in_flight_go_through_memory_where_there_is_room(monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import shutil
    from collections import namedtuple

    from orderapp.demo import making

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(os.path, "isdir", lambda path: path == "/dev/shm")
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(8 << 30, 0, 4 << 30))
    assert making._memory_folder() == "/dev/shm"
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(64 << 20, 0, 60 << 20))  # a container's small /dev/shm
    assert making._memory_folder() is None


def test_no_batch_file_is_left_behind(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from orderapp.demo import making

    monkeypatch.setattr(making, "_memory_folder", lambda: str(tmp_path))
    _make_in_second_process(plan(), lambda write: None)
    with pytest.raises(MakerFailed):
        _make_in_second_process(plan(zone="Not/A_Zone"), lambda write: None)
    assert list(tmp_path.iterdir()) == []


BUILDER = """
import multiprocessing, sys, time
from orderapp.demo.making import _make_in_second_process
from orderapp.demo.plan import DemoSize, FirstIds, MakePlan

def stall(write):
    print(*(child.pid for child in multiprocessing.active_children()), flush=True)
    time.sleep(600)  # killed meanwhile

if __name__ == "__main__":
    plan = MakePlan(DemoSize(50, 20, 60_000, 9), 3, 1_790_000_000_000_000, "GBP", "Europe/London", "sqlite",
                    FirstIds(1, 1, 1, 1, 1, 1, 1))
    _make_in_second_process(plan, stall)
"""


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGKILL"), reason="needs POSIX signals to kill the builder")
def test_a_maker_whose_builder_was_killed_exits_too(tmp_path: Any) -> None:
    """A builder killed mid-build (kill -9, a crash) must not leave its maker running for ever."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "builder.py"
    script.write_text(BUILDER)
    builder = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        assert builder.stdout is not None
        maker = int(builder.stdout.readline().split()[0])
        os.kill(builder.pid, signal.SIGKILL)
        builder.wait(10)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                os.kill(maker, 0)
            except ProcessLookupError:
                break
            if _is_zombie(maker):
                break
            time.sleep(0.2)
        else:
            pytest.fail(f"the maker process {maker} outlived its builder by 30 s")
    finally:
        if builder.poll() is None:
            builder.kill()


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] == "Z"
    except OSError:
        return False
