"""Drawing the demo's values: weighted pools, digit strings, running totals for weighted picks."""

from __future__ import annotations

import random
from collections.abc import Sequence


def weighted_pool(weights: dict[str, float], size: int = 1000) -> list[str]:
    """A list in which each key appears in proportion to its weight: ``pool[int(random() * len)]``."""
    total = sum(weights.values())
    pool: list[str] = []
    for key, weight in weights.items():
        pool.extend([key] * round(weight / total * size))
    return pool or list(weights)


def random_digits(rng: random.Random, count: int) -> str:
    if count <= 15:  # one float draw carries 15 whole digits, and is far cheaper than randrange
        return f"{int(rng.random() * 10**count):0{count}d}"
    return f"{rng.randrange(10**count):0{count}d}"


def running_totals(weights: Sequence[float]) -> list[float]:
    total = 0.0
    out: list[float] = []
    for weight in weights:
        total += weight
        out.append(total)
    return out
