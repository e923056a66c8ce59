"""Other processes for the tests that need them ("another PC", a PC killed mid-work, stations racing).

They are forked from a forkserver that has already imported the app, SQLAlchemy and the database
drivers: a child starts in milliseconds instead of spending a second or two (and a core) importing
them again, as a spawned child does. Like a spawned child, a forked-from-the-server child shares
nothing with the test process: no open connections, no threads, no Qt.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.context import BaseContext

PRELOAD = [
    "sqlalchemy",
    "sqlalchemy.orm",
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.postgresql",
    "psycopg",
    "pytest",
    "orderapp.store.database",
    "orderapp.store.opening",
    "orderapp.services.orders.placing",
    "orderapp.services.orders.importing",
    "orderapp.services.stock.product_import",
    "orderapp.services.packing.station",
    "orderapp.services.stock.counts",
    "orderapp.services.stock.ledger",
    "order_shop",
]


def another_process() -> BaseContext:
    """The multiprocessing context for a test's other processes."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context
