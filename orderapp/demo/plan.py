"""What the demo's maker is given and what it gives back, with no database in sight: the plan of a
shop (sizes, seed, time, first ids) and the writes it makes, as plain values.

The maker (``making.make_shop_rows``) turns a ``MakePlan`` into a stream of ``Write`` values; the
builder applies them to the shop in its transaction (``making.apply_writes``). Because they are
plain, picklable values, a big shop's maker can run in a second process while the first writes.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from orderapp.demo.writer import DAY, Column, DemoStamps, Row


@dataclass(frozen=True)
class DemoSize:
    products: int = 240
    customers: int = 60
    orders: int = 360
    days: int = 30


@dataclass(frozen=True)
class FirstIds:
    """The first id of each table the maker fills (one past its highest when the build began)."""

    product: int
    barcode: int
    customer: int
    order: int
    line: int
    event: int
    movement: int


@dataclass(frozen=True)
class MakePlan:
    size: DemoSize
    seed: int
    now_us: int
    currency: str
    zone: str  # IANA name, e.g. "Asia/Shanghai"
    dialect: str  # the backend's name: times are made in its storage format
    first: FirstIds

    @property
    def opening_us(self) -> int:
        """When the shop opened: its products and customers were made before the first order."""
        return self.now_us - self.size.days * DAY - DAY


# --- the writes, in the order the maker makes them ------------------------------------------------


@dataclass(frozen=True)
class InsertRows:
    """Rows (tuples in the order of ``columns``) for a table; ``without_trigger``: (trigger name,
    SQL that fills in what it would have done), for a table whose trigger costs a write per row."""

    table: str
    columns: tuple[str, ...]
    rows: list[Row]
    without_trigger: tuple[str, str] | None = None


@dataclass(frozen=True)
class InsertColumns:
    """Rows of a table given column by column (see ``BulkRows.insert_columns``)."""

    table: str
    columns: tuple[str, ...]
    values: list[Column]


@dataclass(frozen=True)
class InsertOrders:
    """Orders with their lines and timelines, column by column, for the shop's one order writer."""

    orders: list[Column]
    lines: list[Column]
    events: list[Column]


@dataclass(frozen=True)
class SetStock:
    """Products' stock figures: (on_hand, reserved, reorder_point, product id) each."""

    rows: list[tuple[int, int, int, int]]


@dataclass(frozen=True)
class Step:
    """Progress: ``done`` of ``total`` in ``phase``."""

    phase: str
    done: int
    total: int


@dataclass(frozen=True)
class Made:
    """The last write: how many order lines and stock movements the maker made in all."""

    lines: int
    movements: int


Write = InsertRows | InsertColumns | InsertOrders | SetStock | Step | Made
Out = Callable[[Write], None]


class Making:
    """What the parts of the maker share: the plan, the shop's main random stream (products, then
    orders and stock), the stored times, and where the writes go."""

    def __init__(self, plan: MakePlan, out: Out) -> None:
        self.plan = plan
        self.rng = random.Random(plan.seed)
        self.stamps = DemoStamps(plan.dialect)
        self.out = out

    def stream(self, part: str) -> random.Random:
        """A random stream of its own for one part of the shop, from the seed (the same every run)."""
        return random.Random(f"{self.plan.seed}:{part}")

    def report(self, phase: str, done: int, total: int) -> None:
        self.out(Step(phase, done, total))
