"""Inside a transaction: a user's role, the permission check and appending to the audit log.

Helpers here take a Session and never commit. A user without a staff account (made before staff
accounts existed, or by a tool that only knows ``app_user``) counts as an owner, so nothing that
worked before is refused.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderapp.domain.staff import Permission, Role, allowed, refusal, station_name
from orderapp.errors import OrderAppError
from orderapp.store.models import User
from orderapp.store.staff_models import AuditEntry, StaffAccount
from orderapp.store.types import utc_now


class NotAllowed(OrderAppError):
    """The signed-in user's role may not do this; the message says who can."""

    def __init__(self, message: str, permission: Permission) -> None:
        super().__init__(message)
        self.permission = permission


class UserRemoved(OrderAppError):
    """The user was removed (perhaps at another PC) while still signed in here."""


def role_of(session: Session, user_id: int) -> Role:
    role = session.scalar(select(StaffAccount.role).where(StaffAccount.user_id == user_id))
    return Role(role) if role else Role.OWNER


def check_active(session: Session, user_id: int) -> None:
    active = session.scalar(select(User.active).where(User.id == user_id))
    if active is False:
        raise UserRemoved(_removed_sentence(session.scalar(select(User.display_name).where(User.id == user_id)) or "?"))


def _removed_sentence(name: str) -> str:
    from orderapp.i18n import _

    return _("{name} has been removed from the shop's users; sign in as someone else to go on.").format(name=name)


def require(session: Session, user_id: int, permission: Permission, *, approved_by: int | None = None) -> None:
    """Refuse with a sentence unless ``user_id`` (or the owner who approved with a PIN) may do it."""
    check_active(session, user_id)
    role = role_of(session, user_id)
    if allowed(role, permission):
        return
    if approved_by is not None and allowed(role_of(session, approved_by), permission):
        return
    raise NotAllowed(refusal(role, permission), permission)


def user_name(session: Session, user_id: int) -> str:
    return session.scalar(select(User.display_name).where(User.id == user_id)) or f"#{user_id}"


def append_audit(
    session: Session,
    *,
    user_id: int,
    action: str,
    object: str,
    before: str = "",
    after: str = "",
    station: str | None = None,
) -> None:
    """One row in the append-only audit log. Does NOT commit: it lands with the change it explains."""
    session.add(
        AuditEntry(
            at=utc_now(),
            user_id=user_id,
            station=(station or station_name())[:64],
            action=action,
            object=object[:200],
            before=before,
            after=after,
        )
    )
