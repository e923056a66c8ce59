"""Another PC working on the same shop: a separate process (``processes.another_process``) that runs
one service call and reports ``(what, detail, time.time() after the commit)`` on a queue."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from order_shop import USER, delivery_draft
from processes import another_process

from orderapp.domain.order_validation import LineDraft
from orderapp.services.orders import placing as orders
from orderapp.store.database import Database


def _place(database: Database, name: str) -> str:
    phone = f"139{time.time_ns() // 1000 % 10**8:08d}"  # a new customer each time
    draft = delivery_draft(LineDraft(code="TEA-001"), name=name, phone=phone)
    return orders.place_order(database, draft, user_id=USER, allow_duplicate=True).number


def _confirm(database: Database, order_id: int) -> str:
    return orders.confirm_order(database, order_id, user_id=USER).number


def _work(url: str, action: str, argument: Any, done: Any) -> None:
    database = Database(url)
    try:
        fn: Callable[[Database, Any], str] = {"place": _place, "confirm": _confirm}[action]
        done.put(("done", fn(database, argument), time.time()))
    except Exception as exc:  # reported to the test, which fails with it
        done.put(("error", repr(exc), time.time()))
    finally:
        database.dispose()


def on_another_pc(url: str, action: str, argument: Any, *, timeout: float = 60) -> tuple[str, float]:
    """Run ``action`` ("place" with a customer name, "confirm" with an order id) in another process;
    returns (order number, commit time)."""
    context = another_process()
    done = context.Queue()
    process = context.Process(target=_work, args=(url, action, argument, done))
    process.start()
    what, detail, at = done.get(timeout=timeout)
    process.join(timeout=30)
    assert what == "done", detail
    return detail, at
