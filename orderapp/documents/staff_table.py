"""The per-packer table printed in the daily summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from orderapp.documents.flow import Column, Table
from orderapp.i18n import _

if TYPE_CHECKING:
    from orderapp.services.staff.figures import PackerFigures


def packers_table(packers: Sequence[PackerFigures], width: float, size: float) -> Table:
    name_width = width * 0.3
    other = (width - name_width) / 5
    columns = [Column(name_width), *(Column(other, "right") for _n in range(5))]
    header = [
        _("Packer"),
        _("Orders packed"),
        _("Items packed"),
        _("Wrong items caught"),
        _("Overrides"),
        _("Median time per order"),
    ]
    rows: list[Sequence[str]] = [
        [
            p.name,
            f"{p.orders_packed:,}",
            f"{p.items_packed:,}",
            f"{p.wrong_items_caught:,}",
            f"{p.overrides:,}",
            duration_text(p.median_seconds),
        ]
        for p in packers
    ]
    return Table.of_text(columns, header, rows, size, pad=1.3, max_lines=2)


def duration_text(seconds: float | None) -> str:
    """A median time per order as minutes:seconds ("-" when there is none)."""
    if seconds is None:
        return "-"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"
