"""A unit of work: one session, one transaction, rolled back unless committed."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.orm import Session

from orderapp.store.database import Database


class UnitOfWork:
    def __init__(self, database: Database, *, write: bool = True) -> None:
        self.database = database
        self._write = write
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work inside a 'with' block")
        return self._session

    def __enter__(self) -> Self:
        self._session = self.database.session(write=self._write)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session = self.session
        try:
            session.rollback()
        finally:
            session.close()
            self._session = None

    def commit(self) -> None:
        self.session.commit()
