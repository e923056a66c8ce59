"""Expected failures. Every one a user can meet derives from ``OrderAppError`` and carries a message
that says what is wrong and how to fix it; the GUI shows it in place, the CLI prints it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class OrderAppError(Exception):
    """Base of every expected failure. ``str(error)`` is a sentence for the user."""


@dataclass(frozen=True)
class FieldError:
    field: str  # "lines[2].qty", "customer.phone"
    message: str  # a sentence a shopkeeper understands, already translated


class ValidationFailed(OrderAppError):
    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors = tuple(errors)
        super().__init__("; ".join(e.message for e in self.errors))


class NotFound(OrderAppError):
    pass


class DatabaseProblem(OrderAppError):
    """The database cannot be opened. ``location`` is the file path or the server, for the dialog."""

    def __init__(self, message: str, location: str) -> None:
        super().__init__(message)
        self.location = location


class NotADatabase(DatabaseProblem):
    pass


class DamagedDatabase(DatabaseProblem):
    pass


class ForeignDatabase(DatabaseProblem):
    """A valid database that some other program made."""


class NewerDatabase(DatabaseProblem):
    """Made by a newer OrderApp: opening it with this one could lose data."""


class ServerUnreachable(DatabaseProblem):
    pass


class DatabaseInUse(DatabaseProblem):
    """Already holds a shop (refused by make-demo)."""
