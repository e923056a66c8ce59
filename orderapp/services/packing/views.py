"""What the packing services return (the order being packed, a scan's result) and refuse with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from orderapp.domain.scan_outcomes import BLOCKING_OUTCOMES, ScanOutcome
from orderapp.errors import NotFound, OrderAppError
from orderapp.services.packing.queue import QueueEntry

# -- errors ----------------------------------------------------------------------------------------


class OrderNotFound(NotFound):
    pass


class NotReadyToPack(OrderAppError):
    """The order is not waiting to be packed (not confirmed yet, already packed, on hold, cancelled...)."""

    def __init__(self, message: str, number: str, status: str) -> None:
        super().__init__(message)
        self.number = number
        self.status = status


class BeingPackedElsewhere(OrderAppError):
    """Another station has the order open; opening it here again with ``take_over=True`` moves it."""

    def __init__(self, message: str, number: str, station: str, packer: str) -> None:
        super().__init__(message)
        self.number = number
        self.station = station
        self.packer = packer


class SessionClosed(OrderAppError):
    """The packing session was finished or taken over elsewhere; open the order again."""


class NoOrderOpen(OrderAppError):
    pass


class NothingToUndo(OrderAppError):
    pass


class TypedQuantityRefused(OrderAppError):
    pass


# -- what the service returns ----------------------------------------------------------------------


@dataclass(frozen=True)
class LineCounts:
    line_id: int
    line_no: int
    product_id: int
    sku: str
    name: str
    location: str
    ordered: int
    scanned: int


@dataclass(frozen=True)
class PackLine(LineCounts):
    typed_allowed: bool  # a big line: after one unit is scanned, the rest may be typed

    @property
    def remaining(self) -> int:
        return max(self.ordered - self.scanned, 0)

    @property
    def complete(self) -> bool:
        return self.scanned >= self.ordered

    @property
    def typed_ready(self) -> bool:
        """A count may be typed now: allowed for this line, one unit verified by a scan, some left."""
        return self.typed_allowed and self.scanned > 0 and not self.complete


@dataclass(frozen=True)
class PackingView:
    session_id: int
    order_id: int
    number: str
    status: str
    customer: str
    priority: str
    due_at: datetime | None
    notes: str
    started_at: datetime
    finished_at: datetime | None
    outcome: str | None  # the session's: None while open, packed | override | abandoned
    station: str
    user_id: int
    lines: tuple[PackLine, ...]
    can_undo: bool
    typed_qty_from: int

    @property
    def units(self) -> int:
        return sum(line.ordered for line in self.lines)

    @property
    def scanned_units(self) -> int:
        return sum(min(line.scanned, line.ordered) for line in self.lines)

    @property
    def complete(self) -> bool:
        return all(line.complete for line in self.lines)

    @property
    def is_open(self) -> bool:
        return self.outcome is None

    def line(self, line_id: int) -> PackLine:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise KeyError(line_id)


@dataclass(frozen=True)
class ScanResult:
    outcome: ScanOutcome
    code: str
    source: str
    message: str  # a sentence for the packer, translated
    product_id: int | None
    product_name: str  # "" when the code is no product's
    line_id: int | None
    quantity: int  # units counted (negative for an undo, 0 for a refused scan)
    view: PackingView  # the order after this scan
    packed: bool  # this scan completed the order and packed it
    next_order: QueueEntry | None  # offered once the order is packed
    case_too_big: bool = False  # an over-scan because the case holds more units than are still needed

    @property
    def blocking(self) -> bool:
        return self.outcome in BLOCKING_OUTCOMES


@dataclass(frozen=True)
class PackResult:
    view: PackingView
    next_order: QueueEntry | None


class StoredScan(NamedTuple):
    outcome: str
    code: str
    quantity: int
