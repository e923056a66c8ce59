"""Reading and writing shop-wide settings (the ``setting`` key/value table).

Each capability keeps its settings under its own key prefix ("shop.", "packing.", "orders." ...) and
its own frozen dataclass; this module only moves the values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderapp.domain.staff import Permission
from orderapp.store import staff_store
from orderapp.store.models import Setting
from orderapp.store.types import utc_now


def read_values(session: Session, keys: Iterable[str]) -> dict[str, str]:
    """The text values stored for ``keys``; keys never set are absent."""
    wanted = list(keys)
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(wanted)))
    return {key: value for key, value in rows if value is not None}


def read_data(session: Session, key: str) -> bytes | None:
    return session.scalar(select(Setting.data).where(Setting.key == key))


def write_values(
    session: Session, values: Mapping[str, str | None], *, user_id: int, bookkeeping: bool = False
) -> None:
    """Store text values (None clears one); rows that do not change are left alone. ``bookkeeping``:
    the app's own marks (an import running, where the automatic checks got to), which anyone's work
    writes: no owner's permission and no audit entry."""
    _write(session, {key: (value, None) for key, value in values.items()}, user_id, bookkeeping=bookkeeping)


def write_data(session: Session, key: str, data: bytes | None, *, user_id: int) -> None:
    _write(session, {key: (None, data)}, user_id)


def _write(
    session: Session, values: Mapping[str, tuple[str | None, bytes | None]], user_id: int, *, bookkeeping: bool = False
) -> None:
    if not bookkeeping:
        staff_store.require(session, user_id, Permission.SETTINGS)
    now = utc_now()
    existing = {row.key: row for row in session.scalars(select(Setting).where(Setting.key.in_(list(values))))}
    for key, (value, data) in values.items():
        row = existing.get(key)
        before = "" if row is None else _shown(row.value, row.data)
        if row is None:
            session.add(Setting(key=key, value=value, data=data, updated_at=now, updated_by=user_id))
        elif (row.value, row.data) != (value, data):
            row.value, row.data, row.updated_by, row.updated_at = value, data, user_id, now
        if before != _shown(value, data) and not bookkeeping:
            staff_store.append_audit(
                session, user_id=user_id, action="settings", object=key, before=before, after=_shown(value, data)
            )


def _shown(value: str | None, data: bytes | None) -> str:
    """A setting's value as the audit log shows it (a picture as its size)."""
    if data is not None:
        return f"<{len(data):,} bytes>"
    return value or ""
