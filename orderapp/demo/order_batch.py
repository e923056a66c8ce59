"""A batch of the demo's orders made column-wise with numpy: timelines, lines, stock movements and
money for thousands of orders at once, then zipped into the rows the writer takes.

The rules are the ones ``orders.py`` states (paths of status steps, what each order of an age is
doing, prices, payments); this module only draws them for a whole batch in a few array operations
instead of a Python loop per order, which was most of a big demo's build time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from orderapp.demo.writer import MINUTE, MOVEMENT_COLUMNS, Column, Same

IntArray = npt.NDArray[np.int64]
ObjArray = npt.NDArray[np.object_]
MAX_STEPS = 6  # steps after "received" on the longest path (a delivery returned)


@dataclass(frozen=True)
class PathTable:
    """Every (fulfilment, status, branch) path as rows of arrays, indexed by path number."""

    steps: IntArray  # how many steps after received
    lows: npt.NDArray[np.float64]  # (paths, MAX_STEPS) fewest minutes of each step
    spans: npt.NDArray[np.float64]
    status: ObjArray  # (paths, MAX_STEPS + 1): the status at each stamp, stamp 0 received
    previous: ObjArray  # the status before each stamp (None at stamp 0)
    stamp_of: dict[str, IntArray]  # movement kind -> the stamp it happens at (-1: never)
    keeps_reservation: npt.NDArray[np.bool_]


# A stock movement for each line of an order whose path reaches the kind's stamp:
# (kind, on-hand change sign, reserved change sign, reason).
MOVEMENT_KINDS: tuple[tuple[str, int, int, str], ...] = (
    ("reserve", 0, 1, "Order confirmed"),
    ("ship", -1, -1, "Order shipped"),
    ("sale", -1, 0, "Counter sale"),
    ("release", 0, -1, "Order cancelled"),
    ("return", 1, 0, "Customer return"),
)


@dataclass
class Batch:
    """The inputs of one batch: the planned orders' columns (numpy arrays of the batch's length)."""

    order_ids: IntArray
    created: IntArray
    path: IntArray
    walk_in: npt.NDArray[np.bool_]


@dataclass
class Timeline:
    """Each order's stamps (microseconds and as stored) and where its stamps start in the flat list."""

    count: IntArray  # stamps per order (steps + 1)
    start: IntArray  # index of the order's first stamp in ``text``
    text: ObjArray  # every stamp as stored, order by order
    micros: IntArray  # (orders, MAX_STEPS + 1)

    def at(self, orders: IntArray, stamp: IntArray) -> ObjArray:
        """The stored stamp number ``stamp`` of each of ``orders`` (batch positions)."""
        found: ObjArray = self.text[self.start[orders] + stamp]
        return found


def timelines(
    table: PathTable,
    batch: Batch,
    now_us: int,
    draws: npt.NDArray[np.float64],
    stamp_all: Callable[[IntArray], list[object]],
) -> Timeline:
    """Natural step times, squeezed in when the order is younger than they need; never past now."""
    path, created = batch.path, batch.created
    steps = table.steps[path]
    valid = np.arange(MAX_STEPS) < steps[:, None]
    gaps = ((table.lows[path] + table.spans[path] * draws) * MINUTE).astype(np.int64)
    gaps[~valid] = 0
    room = (now_us - created) * 0.95
    needed = gaps.sum(axis=1)
    squeezed = needed > room
    if squeezed.any():
        factor = room[squeezed] / needed[squeezed]
        fitted = np.maximum(1, (gaps[squeezed] * factor[:, None]).astype(np.int64))
        fitted[~valid[squeezed]] = 0
        gaps[squeezed] = fitted
    micros = np.minimum(created[:, None] + np.cumsum(gaps, axis=1), now_us)
    micros = np.concatenate([created[:, None], micros], axis=1)
    count = steps + 1
    start = np.cumsum(count) - count
    stamped = micros[np.arange(MAX_STEPS + 1) < count[:, None]]  # order by order, step by step
    text = np.empty(len(stamped), dtype=object)
    text[:] = stamp_all(stamped)  # each time once: the orders' and the ledger's are among them
    return Timeline(count, start, text, micros)


@dataclass
class Lines:
    """The batch's lines, column-wise: which order (batch position) and product each is."""

    order: IntArray
    product: IntArray
    line_no: IntArray
    quantity: IntArray
    unit_price: IntArray
    price: IntArray
    discount: IntArray


def draw_lines(
    rng: np.random.Generator,
    batch: Batch,
    line_counts: IntArray,
    quantities: IntArray,
    product_cumulative: npt.NDArray[np.float64],
    prices: IntArray,
    packs: IntArray,
) -> Lines:
    """Lines at catalogue prices with the odd markdown and line discount; a product drawn twice
    for one order is one line."""
    orders = len(batch.order_ids)
    wanted = line_counts[(rng.random(orders) * len(line_counts)).astype(np.int64)]
    order = np.repeat(np.arange(orders), wanted)
    top = product_cumulative[-1]
    product = np.searchsorted(product_cumulative, rng.random(len(order)) * top, side="right")
    product = np.minimum(product, len(product_cumulative) - 1)
    _unique, first = np.unique(order * len(product_cumulative) + product, return_index=True)
    keep = np.zeros(len(order), dtype=bool)
    keep[first] = True
    order, product = order[keep], product[keep]
    per_order = np.bincount(order, minlength=orders)
    line_no = np.arange(len(order)) - (np.cumsum(per_order) - per_order)[order] + 1
    draws = rng.random((4, len(order)))
    quantity = quantities[(draws[0] * len(quantities)).astype(np.int64)]
    pack = packs[product]
    by_pack = (pack > 0) & (draws[1] < 0.25)
    counter = batch.walk_in[order] & ~by_pack & (quantity > 3)
    quantity = np.where(by_pack, pack, np.where(counter, 1 + quantity % 3, quantity))
    price = prices[product]
    unit_price = np.where(draws[2] < 0.97, price, price - price // 10)
    discount = np.where(draws[3] < 0.07, quantity * unit_price // 10, 0)
    return Lines(order, product, line_no, quantity, unit_price, price, discount)


def movement_columns(
    table: PathTable,
    batch: Batch,
    lines: Lines,
    timeline: Timeline,
    first_id: int,
    product_ids: IntArray,
    numbers: ObjArray,
    user: int,
) -> list[Column]:
    """A reserve, ship, sale, release or return for each line at its order's stamp of that kind,
    as the columns of ``writer.MOVEMENT_COLUMNS`` (kind by kind, ids from ``first_id``)."""
    path = batch.path[lines.order]
    parts: list[list[npt.NDArray[Any]]] = [[] for _column in range(8)]
    for kind, on_hand, reserved, reason in MOVEMENT_KINDS:
        stamp = table.stamp_of[kind][path]
        has = stamp >= 0
        if not has.any():
            continue
        order, quantity = lines.order[has], lines.quantity[has]
        for column, values in zip(
            parts,
            (
                product_ids[lines.product[has]],
                timeline.at(order, stamp[has]),
                np.full(len(order), kind, dtype=object),
                quantity * on_hand,
                quantity * reserved,
                np.full(len(order), reason, dtype=object),
                numbers[order],
                batch.order_ids[order],
            ),
            strict=True,
        ):
            column.append(values)
    if not parts[0]:
        return [[] for _column in MOVEMENT_COLUMNS]
    product, at, kinds, qty_delta, reserved_delta, reasons, reference, order_id = (
        np.concatenate(column) for column in parts
    )
    ids = np.arange(first_id, first_id + len(product), dtype=np.int64)
    return [ids, product, at, Same(user), kinds, qty_delta, reserved_delta, reasons, reference, order_id]


def tally(counts: IntArray, products: IntArray, quantities: IntArray, where: npt.NDArray[np.bool_]) -> None:
    """Add ``quantities`` of the lines ``where`` holds to their products' ``counts``."""
    counts += np.bincount(products[where], weights=quantities[where], minlength=len(counts)).astype(np.int64)


def objects(values: Sequence[object]) -> ObjArray:
    """``values`` as a 1-D object array (strings stay Python strings, tuples stay whole)."""
    array = np.empty(len(values), dtype=object)
    array[:] = list(values)
    return array


def pick(pool: Sequence[object], draws: npt.NDArray[np.float64]) -> ObjArray:
    """``pool[int(draw * len(pool))]`` for each draw, as an object array."""
    result: ObjArray = objects(pool)[(draws * len(pool)).astype(np.int64)]
    return result
