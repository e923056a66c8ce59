"""What an order import is made of: the checked orders and lines, the plan (the preview) with its
problems by row, the result, and the two ways it stops (``ImportFailed``, ``ImportCancelled``)."""

from __future__ import annotations

import io
import operator
import pickle
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import IO, Any, Literal

from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.store.order_rows import LineFigures, OrderFigures

Format = Literal["shopify", "generic"]
Progress = Callable[[str, int, int], None]
SPOOL_BATCH = 1_000  # checked orders pickled, and later written, at a time


class ImportFailed(OrderAppError):
    """The file cannot be imported; ``plan`` (when the file could be read) lists every problem."""

    def __init__(self, message: str, plan: ImportPlan | None = None) -> None:
        super().__init__(message)
        self.plan = plan


class ImportCancelled(OrderAppError):
    pass


@dataclass(frozen=True, slots=True)
class ImportProblem:
    row: int  # as a spreadsheet numbers it: the header is row 1; 0 for the file as a whole
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = _("Row {row}").format(row=self.row) if self.row else _("The file")
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ImportedLine(LineFigures):
    row: int  # the line's row in the file

    def __reduce__(self) -> tuple[type[ImportedLine], tuple[Any, ...]]:
        return ImportedLine, _line_fields(self)  # as a plain tuple: pickled far faster than its state


@dataclass(frozen=True, slots=True)
class ImportedOrder(OrderFigures):
    external_ref: str
    first_row: int
    created_at: datetime
    channel: str
    customer_name: str
    phone: str  # E.164, or the digits as given when it did not look like a phone number
    email: str
    fulfilment: str
    recipient: str
    ship_phone: str
    address1: str
    address2: str
    city: str
    region: str
    postcode: str
    country: str
    lines: tuple[ImportedLine, ...]
    priority: str
    due_at: datetime | None
    notes: str

    def __reduce__(self) -> tuple[type[ImportedOrder], tuple[Any, ...]]:
        return ImportedOrder, _order_fields(self)


_line_fields = operator.attrgetter(*(f.name for f in fields(ImportedLine)))
_order_fields = operator.attrgetter(*(f.name for f in fields(ImportedOrder)))


class OrderSpool:
    """The checked orders of a plan, waiting to be written: pickled in batches to a temporary file
    (deleted when the plan is let go), so that a 500,000-row file never sits in memory as objects.
    ``batches()`` reads them back one batch at a time, as often as needed, from any thread."""

    def __init__(self, batch: int | None = None) -> None:
        self._batch = batch or SPOOL_BATCH
        self._file: IO[bytes] | None = None
        self._offsets: list[int] = []
        self._pending: list[ImportedOrder] = []
        self._lock = threading.Lock()
        self.count = 0  # orders
        self.lines = 0  # their lines

    def add(self, order: ImportedOrder) -> None:
        self._pending.append(order)
        self.count += 1
        self.lines += len(order.lines)
        if len(self._pending) >= self._batch:
            self._dump()

    def _dump(self) -> None:
        with self._lock:
            if not self._pending:
                return
            if self._file is None:
                self._file = tempfile.TemporaryFile(prefix="orderapp-import-")  # noqa: SIM115 (lives with the plan)
            self._file.seek(0, io.SEEK_END)
            self._offsets.append(self._file.tell())
            pickle.dump(self._pending, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._pending = []

    def batches(self) -> Iterator[list[ImportedOrder]]:
        self._dump()
        for offset in list(self._offsets):
            with self._lock:
                assert self._file is not None
                self._file.seek(offset)
                batch: list[ImportedOrder] = pickle.load(self._file)  # our own file, written above
            yield batch

    def close(self) -> None:
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None
            self._offsets = []


@dataclass(frozen=True)
class ImportPlan:
    format: Format
    rows: int  # data rows read
    spool: OrderSpool  # the orders to import
    skipped: tuple[tuple[str, int, str], ...]  # (external number, first row, why): imported before, cancelled
    problems: tuple[ImportProblem, ...] = field(default=())

    @property
    def order_count(self) -> int:
        return self.spool.count

    @property
    def line_count(self) -> int:
        return self.spool.lines

    @property
    def orders(self) -> tuple[ImportedOrder, ...]:
        """Every order to import, in memory at once: for small files (a preview list, tests)."""
        return tuple(order for batch in self.spool.batches() for order in batch)

    @property
    def errors(self) -> tuple[ImportProblem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[ImportProblem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ImportResult:
    numbers: tuple[str, ...]  # the new orders, e.g. "SO-001234", in the order each one's last row comes in the file
    order_ids: tuple[int, ...]
    skipped: tuple[tuple[str, int, str], ...]
    warnings: tuple[ImportProblem, ...]
    customers_added: int
    lock_seconds: float = 0.0  # how long the final move held the write lock


def import_failed_message(plan: ImportPlan) -> str:
    return _("Nothing was imported: the file has {count} problems; fix them and import it again.").format(
        count=len(plan.errors)
    )
