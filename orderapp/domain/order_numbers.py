"""Order numbers: "SO-" and the order's id, zero-padded to six digits ("SO-000123").

Short, unique (the id is) and scanner-safe: only letters, digits and '-', so Code 128 and every
keyboard layout read them back unchanged.
"""

from __future__ import annotations

import re

PREFIX = "SO-"
_NUMBER = re.compile(r"(?i)\s*(?:SO)?[-\s]*0*(\d{1,12})\s*")
SAFE = re.compile(r"[A-Za-z0-9-]{1,20}")


def order_number(order_id: int) -> str:
    if order_id < 1:
        raise ValueError(f"order ids start at 1, got {order_id}")
    return f"{PREFIX}{order_id:06d}"


def order_id_from_number(text: str) -> int | None:
    """The id in "SO-000123", "so000123", "SO 123" or "123"; None when the text is not one."""
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    value = int(match.group(1))
    return value or None


def is_scanner_safe(number: str) -> bool:
    return SAFE.fullmatch(number) is not None
