"""The paper sizes documents are laid out for, with the margins and type size that suit each."""

from __future__ import annotations

from dataclasses import dataclass

from orderapp.errors import OrderAppError
from orderapp.i18n import _

MM = 72 / 25.4  # points per millimetre
INCH = 72.0


class UnknownPaper(OrderAppError):
    pass


@dataclass(frozen=True)
class Paper:
    key: str  # as stored in settings and typed on the command line
    label: str
    width: float  # points
    height: float
    margin: float
    size: float  # body text size in points

    @property
    def body_width(self) -> float:
        return self.width - 2 * self.margin

    @property
    def compact(self) -> bool:
        """A narrow page (label printer): fewer columns, tighter header."""
        return self.width < 110 * MM


PAPERS: dict[str, Paper] = {
    "a4": Paper("a4", "A4 (210 × 297 mm)", 210 * MM, 297 * MM, 14 * MM, 9.0),
    "a5": Paper("a5", "A5 (148 × 210 mm)", 148 * MM, 210 * MM, 10 * MM, 8.0),
    "letter": Paper("letter", "Letter (8.5 × 11 in)", 8.5 * INCH, 11 * INCH, 0.55 * INCH, 9.0),
    "4x6": Paper("4x6", "4 × 6 in label", 4 * INCH, 6 * INCH, 0.12 * INCH, 7.0),
}


def paper(key: str) -> Paper:
    try:
        return PAPERS[key.strip().lower()]
    except KeyError:
        raise UnknownPaper(
            _("There is no paper size called {key!r}; choose one of: {known}.").format(key=key, known=", ".join(PAPERS))
        ) from None
