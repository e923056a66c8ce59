"""What another PC changed in a record while it was open here: a pure comparison of two readings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldChange:
    field: str  # "name", "price"
    label: str  # for people: "Name", "Price"
    opened: str  # what it said when the form was opened here
    now: str  # what it says now, as the other PC saved it


def changed_fields(
    opened: Mapping[str, str], now: Mapping[str, str], labels: Mapping[str, str]
) -> tuple[FieldChange, ...]:
    """The fields (in the order of ``labels``) whose text differs between the two readings."""
    return tuple(
        FieldChange(field, label, opened.get(field, ""), now.get(field, ""))
        for field, label in labels.items()
        if opened.get(field, "") != now.get(field, "")
    )
