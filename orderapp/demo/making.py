"""Making the demo shop's rows and applying them: in the builder's own process for a small shop, in
a second process for a big one, so that making the next batch overlaps writing the last.

The maker (``make_shop_rows``) touches no database: from a ``MakePlan`` it makes products,
customers, orders and the stock ledger, and hands each batch on as a ``Write``. The builder applies
every write to the shop in its one transaction (``Applier``). Between the processes, each write is
a pickled file whose name goes through a bounded queue, so the maker never runs more than a few
batches ahead; the builder makes the customers itself meanwhile and hands their book to the maker.
The same plan gives the same rows either way: the same code on the same random streams.
"""

from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing
import os
import pickle
import queue
import shutil
import tempfile
import traceback
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from multiprocessing.queues import Queue
from pathlib import Path
from typing import TypeVar

from orderapp.demo.customers import CustomerBook
from orderapp.demo.orders import OrderMaker
from orderapp.demo.plan import (
    InsertColumns,
    InsertOrders,
    InsertRows,
    Made,
    MakePlan,
    Making,
    Out,
    SetStock,
    Step,
    Write,
)
from orderapp.demo.products import Catalogue
from orderapp.demo.writer import COLUMNS, SEARCH, Progress, Writer
from orderapp.services.orders.search_side_index import SideSearchIndex
from orderapp.store.bulk_rows import Same, plain_column
from orderapp.store.order_rows import OrderRows

# A shop of this many orders or more is made in a second process (below, starting one costs more
# than it saves).
MAKER_PROCESS_FROM = 50_000
QUEUE_DEPTH = 8  # writes the maker may run ahead of the writer (about two batches of orders)
WAIT_SECONDS = 1.0  # how often the writer checks that a silent maker is still alive
MEMORY_FOLDER_ROOM = 1 << 30  # free bytes wanted in /dev/shm (about 30 MB a batch, QUEUE_DEPTH of them)

_log = logging.getLogger(__name__)
T = TypeVar("T")


def make_shop_rows(plan: MakePlan, out: Out, customers: Callable[[], CustomerBook] | None = None) -> None:
    """Every row of the demo shop's catalogue, customers, orders and stock ledger, as writes to ``out``
    (the last one ``Made``). ``customers``: the customers made elsewhere (by the builder, while this
    maker process made the products), written already; None: made and written here."""
    making = Making(plan, out)
    catalogue = Catalogue(making)
    book = CustomerBook(making) if customers is None else customers()
    maker = OrderMaker(making, catalogue, book)
    maker.make_all()
    catalogue.finish_stock()
    out(Made(maker.lines_made, maker.movements_made))


class Applier:
    """Applies writes to the shop through the demo's writer; reports progress; keeps ``Made``;
    hands the orders' search texts to ``search`` too (their index is made beside the shop)."""

    def __init__(self, writer: Writer, report: Progress, search: SideSearchIndex | None = None) -> None:
        self.writer = writer
        self.report = report
        self.search = search
        self.orders = OrderRows(writer)  # the shop's one writer of order rows (placing and imports use it too)
        self.tables = {table.name: table for table in COLUMNS}
        self.made: Made | None = None

    def __call__(self, write: Write) -> None:
        writer = self.writer
        if isinstance(write, InsertRows):
            table = self.tables[write.table]
            if write.without_trigger is None:
                writer.insert(table, write.columns, write.rows)
            else:
                with writer.without_trigger(*write.without_trigger):
                    writer.insert(table, write.columns, write.rows)
        elif isinstance(write, InsertColumns):
            writer.insert_columns(self.tables[write.table], write.columns, write.values)
            if write.table == SEARCH.name and self.search is not None:
                order_ids, texts = write.values
                if isinstance(order_ids, Same) or isinstance(texts, Same):
                    raise TypeError("the search texts hold one value per order")
                self.search.add(plain_column(order_ids), plain_column(texts))
        elif isinstance(write, InsertOrders):
            self.orders.write_columns(write.orders, write.lines, write.events)
        elif isinstance(write, SetStock):
            writer.update_stock(write.rows)
        elif isinstance(write, Step):
            self.report(write.phase, write.done, write.total)
        else:
            self.made = write


def make_and_apply(plan: MakePlan, apply: Applier, *, in_process: bool | None = None) -> Made:
    """Make the plan's rows and apply each; ``in_process`` None: a second process for a big shop
    where the machine has a second core."""
    if in_process is None:
        in_process = plan.size.orders < MAKER_PROCESS_FROM or (os.cpu_count() or 1) < 2
    if in_process:
        make_shop_rows(plan, apply)
    else:
        _make_in_second_process(plan, apply)
    if apply.made is None:
        raise RuntimeError("the demo maker finished without its last write")
    return apply.made


@dataclass(frozen=True)
class _Failed:
    """The maker process stopped on an error: its traceback."""

    details: str


class MakerFailed(RuntimeError):
    """The demo's maker process stopped before making every row (nothing was kept)."""


def _make_in_second_process(plan: MakePlan, apply: Callable[[Write], None]) -> None:
    """The maker in a second process, the customers made here meanwhile and handed to it. Where the
    process cannot start, or stops before handing over anything (a bundled app that cannot start
    itself again, a machine that forbids it), the rest is made here: the same rows."""
    context = multiprocessing.get_context("spawn")  # no fork: the builder may be a GUI with threads
    # Exits in reverse: the maker is stopped before its folder goes.
    with tempfile.TemporaryDirectory(prefix="orderapp-demo-", dir=_memory_folder()) as folder, ExitStack() as cleanup:
        handed: Queue[str | _Failed] = context.Queue(maxsize=QUEUE_DEPTH)
        books: Queue[CustomerBook] = context.Queue(maxsize=1)
        maker = context.Process(
            target=_maker_main, args=(plan, folder, handed, books), name="orderapp-demo-maker", daemon=True
        )
        try:
            maker.start()
        except (OSError, RuntimeError) as error:
            _log.warning("the demo maker process did not start (%s); making the demo shop in this process", error)
            make_shop_rows(plan, apply)
            return
        cleanup.callback(_stop, maker)
        book = CustomerBook(Making(plan, apply))  # written here while the maker makes the products
        books.put(book)
        started = False
        while True:
            try:
                name = handed.get(timeout=WAIT_SECONDS)
            except queue.Empty:
                if maker.is_alive():
                    continue
                stopped = f"the demo maker process stopped (exit code {maker.exitcode})"
                if started:
                    raise MakerFailed(stopped) from None
                _log.warning("%s before its first rows; making the demo shop in this process", stopped)
                make_shop_rows(plan, apply, customers=lambda: book)
                return
            started = True
            if isinstance(name, _Failed):
                raise MakerFailed(f"the demo maker process failed:\n{name.details}")
            path = Path(folder, name)
            write: Write = pickle.loads(path.read_bytes())
            path.unlink()
            apply(write)
            if isinstance(write, Made):
                break
        maker.join()


def _memory_folder() -> str | None:
    """Linux's shared-memory folder when it has room for the batches in flight: they are read and
    deleted within seconds, so they need never reach the disk, which is busy enough with the shop
    (a million orders make a 2 GB file). None: the usual temporary folder."""
    folder = "/dev/shm"
    try:
        if os.path.isdir(folder) and shutil.disk_usage(folder).free >= MEMORY_FOLDER_ROOM:
            return folder
    except OSError:
        pass
    return None


def _stop(maker: multiprocessing.process.BaseProcess) -> None:
    """After the last write the maker exits by itself; after a failure here it is stopped."""
    maker.join(timeout=WAIT_SECONDS)
    if maker.is_alive():
        maker.terminate()
        maker.join()


def _maker_main(plan: MakePlan, folder: str, handed: Queue[str | _Failed], books: Queue[CustomerBook]) -> None:
    """The maker process: each write pickled into a file of ``folder``, its name queued; or what went
    wrong. Files, not the queue itself, carry the batches: a queue's feeder thread writes a big batch
    to the pipe in 64 KB pieces, each woken by the reader, taking Python's lock from the making
    thread each time (the 1M shop's orders, the maker alone with a builder that only unpickles:
    25.2 s through the queue, 22.8 s as files; 13 s of it is making them, most of the rest pickling)."""
    gc.disable()  # no reference cycles made; millions of live values would be walked again and again
    numbers = itertools.count()

    def hand_over(write: Write) -> None:
        name = f"{next(numbers):08d}.pickle"
        Path(folder, name).write_bytes(pickle.dumps(write, protocol=pickle.HIGHEST_PROTOCOL))
        _while_the_builder_lives(lambda: handed.put(name, timeout=WAIT_SECONDS))

    try:
        make_shop_rows(
            plan, hand_over, customers=lambda: _while_the_builder_lives(lambda: books.get(timeout=WAIT_SECONDS))
        )
    except SystemExit:
        raise
    except BaseException:  # whatever it is, the builder must hear of it
        failed = _Failed(traceback.format_exc())
        _while_the_builder_lives(lambda: handed.put(failed, timeout=WAIT_SECONDS))


def _while_the_builder_lives(wait: Callable[[], T]) -> T:
    """``wait()`` again and again while it times out (queue full or empty) and the builder lives;
    the maker exits when the builder is gone (killed: its queues would wait for ever)."""
    builder = multiprocessing.parent_process()
    while True:
        try:
            return wait()
        except (queue.Full, queue.Empty):
            if builder is not None and not builder.is_alive():
                raise SystemExit(1) from None
