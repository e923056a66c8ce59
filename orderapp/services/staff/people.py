"""The shop's people: add, list, change and remove users, sign in with a PIN, and the owner's PIN
approval at the moment a packer needs it. Every change to a user is written to the audit log."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from orderapp.domain import staff as rules
from orderapp.domain.staff import Actor, Permission, PinState, Role
from orderapp.errors import FieldError, NotFound, OrderAppError, ValidationFailed
from orderapp.i18n import _
from orderapp.store import staff_store
from orderapp.store.database import Database
from orderapp.store.models import User
from orderapp.store.staff_models import StaffAccount
from orderapp.store.types import utc_now

__all__ = ["NotAllowed", "PinRefused", "UserRemoved"]

NotAllowed = staff_store.NotAllowed
UserRemoved = staff_store.UserRemoved


class PinRefused(OrderAppError):
    """A wrong PIN, a locked user or an unknown name: the message says which and what to do."""

    def __init__(self, message: str, *, locked: bool = False) -> None:
        super().__init__(message)
        self.locked = locked


@dataclass(frozen=True)
class UserRow:
    id: int
    name: str
    role: Role
    active: bool
    has_pin: bool
    last_sign_in_at: datetime | None
    locked_until: datetime | None
    badge_code: str

    @property
    def role_label(self) -> str:
        return rules.role_label(self.role)


def _rows(session: Session, *, include_removed: bool = True) -> list[UserRow]:
    query = (
        select(User, StaffAccount)
        .outerjoin(StaffAccount, StaffAccount.user_id == User.id)
        .order_by(User.active.desc(), User.display_name, User.id)
    )
    if not include_removed:
        query = query.where(User.active.is_(True))
    rows = []
    for user, account in session.execute(query):
        rows.append(
            UserRow(
                id=user.id,
                name=user.display_name,
                role=Role(account.role) if account else Role.OWNER,
                active=bool(user.active),
                has_pin=bool(account and account.pin_hash),
                last_sign_in_at=account.last_sign_in_at if account else None,
                locked_until=account.locked_until if account else None,
                badge_code=account.badge_code if account else "",
            )
        )
    return rows


def list_users(database: Database, *, include_removed: bool = True) -> tuple[UserRow, ...]:
    with database.session() as session:
        return tuple(_rows(session, include_removed=include_removed))


def get_user(database: Database, user_id: int) -> UserRow:
    with database.session() as session:
        for row in _rows(session):
            if row.id == user_id:
                return row
    raise NotFound(_("There is no user number {id}.").format(id=user_id))


def _account(session: Session, user_id: int) -> StaffAccount:
    """The user's staff account, made on first need (a user from before staff accounts is an owner)."""
    account = session.get(StaffAccount, user_id, with_for_update=True)
    if account is None:
        account = StaffAccount(user_id=user_id, role=Role.OWNER.value, wrong_pins=0, badge_code=rules.new_badge_code())
        session.add(account)
        session.flush()
    return account


def _find(session: Session, name: str) -> User | None:
    wanted = name.strip().casefold()
    for user in session.scalars(select(User).order_by(User.active.desc(), User.id)):
        if wanted in (user.display_name.strip().casefold(), user.username.casefold()):
            return user
    return None


def _name_problem(session: Session, name: str, *, except_id: int | None = None) -> str:
    clean = name.strip()
    if not clean:
        return _("Type the person's name.")
    if len(clean) > rules.MAX_NAME_LENGTH:
        return _("A name can have at most {n} characters.").format(n=rules.MAX_NAME_LENGTH)
    other = _find(session, clean)
    if other is not None and other.id != except_id:
        return _("There is already a user called {name}; give this person another name, e.g. with an initial.").format(
            name=other.display_name
        )
    return ""


def add_user(database: Database, name: str, role: Role | str, pin: str, *, actor: Actor) -> UserRow:
    """A new user with a role and a PIN; refused with a sentence per field."""
    try:
        role = Role(role)
    except ValueError:
        raise ValidationFailed([FieldError("role", _("Choose a role: owner, shopkeeper or packer."))]) from None
    with database.session(write=True) as session:
        staff_store.require(session, actor.user_id, Permission.USERS)
        errors = []
        problem = _name_problem(session, name)
        if problem:
            errors.append(FieldError("name", problem))
        problem = rules.pin_problem(pin)
        if problem:
            errors.append(FieldError("pin", problem))
        if errors:
            raise ValidationFailed(errors)
        clean = name.strip()
        user = User(username=_free_username(session, clean), display_name=clean, active=True)
        session.add(user)
        session.flush()
        session.add(
            StaffAccount(
                user_id=user.id,
                role=role.value,
                pin_hash=rules.hash_pin(pin),
                wrong_pins=0,
                badge_code=rules.new_badge_code(),
            )
        )
        staff_store.append_audit(
            session,
            user_id=actor.user_id,
            station=actor.station,
            action="user_add",
            object=_("user {name}").format(name=clean),
            after=role.value,
        )
        try:
            session.commit()
        except IntegrityError:  # the same name added at another PC a moment ago
            raise ValidationFailed(
                [FieldError("name", _("There is already a user called {name}.").format(name=clean))]
            ) from None
        return next(row for row in _rows(session) if row.id == user.id)


def _free_username(session: Session, name: str) -> str:
    base = name.casefold()[:56]
    taken = set(session.scalars(select(User.username).where(User.username.like(f"{base}%"))))
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _change(
    database: Database,
    user_id: int,
    actor: Actor,
    action: str,
    change: Callable[[Session, User, StaffAccount], tuple[str, str]],
) -> UserRow:
    with database.session(write=True) as session:
        user = session.get(User, user_id)
        if user is None:
            raise NotFound(_("There is no user number {id}.").format(id=user_id))
        if not (action == "user_pin" and user_id == actor.user_id):  # anyone may change their own PIN
            staff_store.require(session, actor.user_id, Permission.USERS)
        else:
            staff_store.check_active(session, actor.user_id)
        account = _account(session, user_id)
        before, after = change(session, user, account)
        staff_store.append_audit(
            session,
            user_id=actor.user_id,
            station=actor.station,
            action=action,
            object=_("user {name}").format(name=user.display_name),
            before=before,
            after=after,
        )
        session.commit()
        return next(row for row in _rows(session) if row.id == user_id)


def _other_owners(session: Session, user_id: int) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(User)
            .outerjoin(StaffAccount, StaffAccount.user_id == User.id)
            .where(
                User.active.is_(True),
                User.id != user_id,
                func.coalesce(StaffAccount.role, Role.OWNER.value) == Role.OWNER.value,
            )
        )
        or 0
    )


def set_pin(database: Database, user_id: int, pin: str, *, actor: Actor) -> UserRow:
    """A new PIN (an empty one removes it: only for an owner who is the shop's only user of the PC)."""

    def change(session: Session, user: User, account: StaffAccount) -> tuple[str, str]:
        if pin or account.role != Role.OWNER.value:
            problem = rules.pin_problem(pin)
            if problem:
                raise ValidationFailed([FieldError("pin", problem)])
        before = _("PIN set") if account.pin_hash else _("no PIN")
        account.pin_hash = rules.hash_pin(pin) if pin else None
        account.wrong_pins, account.locked_until = 0, None
        return before, _("PIN changed") if pin else _("no PIN")

    return _change(database, user_id, actor, "user_pin", change)


def set_role(database: Database, user_id: int, role: Role | str, *, actor: Actor) -> UserRow:
    new = Role(role)

    def change(session: Session, user: User, account: StaffAccount) -> tuple[str, str]:
        if account.role == Role.OWNER.value and new is not Role.OWNER and not _other_owners(session, user_id):
            raise ValidationFailed(
                [
                    FieldError(
                        "role",
                        _("{name} is the only owner; make someone else an owner first.").format(name=user.display_name),
                    )
                ]
            )
        before, account.role = account.role, new.value
        return before, new.value

    return _change(database, user_id, actor, "user_role", change)


def remove_user(database: Database, user_id: int, *, actor: Actor) -> UserRow:
    """The user can no longer sign in; what they did keeps their name."""

    def change(session: Session, user: User, account: StaffAccount) -> tuple[str, str]:
        if account.role == Role.OWNER.value and not _other_owners(session, user_id):
            raise ValidationFailed(
                [
                    FieldError(
                        "user", _("{name} is the only owner and cannot be removed.").format(name=user.display_name)
                    )
                ]
            )
        user.active = False
        return _("active"), _("removed")

    return _change(database, user_id, actor, "user_remove", change)


def restore_user(database: Database, user_id: int, *, actor: Actor) -> UserRow:
    def change(session: Session, user: User, account: StaffAccount) -> tuple[str, str]:
        problem = _name_problem(session, user.display_name, except_id=user.id)
        if problem:
            raise ValidationFailed([FieldError("name", problem)])
        user.active = True
        return _("removed"), _("active")

    return _change(database, user_id, actor, "user_restore", change)


# -- signing in ------------------------------------------------------------------------------------


def _check_pin(session: Session, user: User, pin: str, now: datetime) -> None:
    """Raise PinRefused for a removed or locked user or a wrong PIN; the wrong try is kept (the
    caller commits before raising)."""
    if not user.active:
        raise PinRefused(
            _("{name} has been removed from the shop's users and cannot sign in.").format(name=user.display_name)
        )
    account = _account(session, user.id)
    state = PinState(account.wrong_pins, account.locked_until)
    if rules.is_locked(state, now):
        raise PinRefused(
            _("{name} is locked after {n} wrong PINs; try again in {minutes} minute(s) or ask the owner.").format(
                name=user.display_name, n=rules.MAX_WRONG_PINS, minutes=rules.minutes_left(state, now)
            ),
            locked=True,
        )
    if account.pin_hash is None or rules.pin_matches(pin, account.pin_hash):
        account.wrong_pins, account.locked_until = 0, None
        return
    state = rules.after_wrong_pin(state, now)
    account.wrong_pins, account.locked_until = state.wrong_tries, state.locked_until
    session.commit()
    if state.locked_until is not None:
        raise PinRefused(
            _("Wrong PIN. {name} is now locked for {minutes} minutes; the owner can set a new PIN.").format(
                name=user.display_name, minutes=rules.LOCK_MINUTES
            ),
            locked=True,
        )
    raise PinRefused(
        _("Wrong PIN for {name}; {n} more tries before the user is locked.").format(
            name=user.display_name, n=rules.tries_left(state)
        )
    )


def _actor(session: Session, user: User, station: str) -> Actor:
    return Actor(user.id, user.display_name, staff_store.role_of(session, user.id), station)


def sign_in(database: Database, name: str, pin: str, *, station: str) -> Actor:
    """The signed-in person, or PinRefused with a sentence (unknown name, removed, locked, wrong PIN)."""
    now = utc_now()
    with database.session(write=True) as session:
        user = _find(session, name)
        if user is None:
            raise PinRefused(
                _("There is no user called {name}; check the spelling or ask the owner.").format(name=name.strip())
            )
        _check_pin(session, user, pin, now)
        _account(session, user.id).last_sign_in_at = now
        actor = _actor(session, user, station)
        session.commit()
        return actor


def sign_in_badge(database: Database, code: str, *, station: str) -> Actor | None:
    """The person whose badge was scanned; None when that person must type a PIN too (an owner
    with a PIN: a lost badge must not open the owner's rights). PinRefused for an unknown badge."""
    now = utc_now()
    with database.session(write=True) as session:
        account = session.scalar(select(StaffAccount).where(StaffAccount.badge_code == code.strip().upper()))
        user = session.get(User, account.user_id) if account else None
        if account is None or user is None:
            raise PinRefused(
                _("This staff badge is not known; it may be an old one. Ask the owner to print a new badge.")
            )
        if not user.active:
            raise PinRefused(
                _("{name} has been removed from the shop's users and cannot sign in.").format(name=user.display_name)
            )
        if account.role == Role.OWNER.value and account.pin_hash:
            return None
        account.last_sign_in_at = now
        actor = _actor(session, user, station)
        session.commit()
        return actor


def badge_user_name(database: Database, code: str) -> str:
    with database.session() as session:
        name = session.scalar(
            select(User.display_name)
            .join(StaffAccount, StaffAccount.user_id == User.id)
            .where(StaffAccount.badge_code == code.strip().upper())
        )
        return name or ""


def approve_as_owner(database: Database, name: str, pin: str, *, station: str) -> Actor:
    """An owner's PIN typed at a packer's PC for one action; PinRefused when it is not an owner's."""
    now = utc_now()
    with database.session(write=True) as session:
        user = _find(session, name)
        if user is None or staff_store.role_of(session, user.id) is not Role.OWNER:
            raise PinRefused(_("Choose an owner: only an owner can approve this."))
        _check_pin(session, user, pin, now)
        actor = _actor(session, user, station)
        session.commit()
        return actor


def actor_for(database: Database, user_id: int, *, station: str) -> Actor:
    with database.session() as session:
        user = session.get(User, user_id)
        if user is None:
            raise NotFound(_("There is no user number {id}.").format(id=user_id))
        staff_store.check_active(session, user_id)
        return _actor(session, user, station)


def owner_without_pin(database: Database, *, station: str) -> Actor | None:
    """The owner, when the shop's owners have no PIN (a new shop, the demo): no one needs to sign in."""
    with database.session() as session:
        owners = [row for row in _rows(session, include_removed=False) if row.role is Role.OWNER]
        if not owners or any(row.has_pin for row in owners):
            return None
        user = session.get(User, owners[0].id)
        assert user is not None
        return _actor(session, user, station)


def owners(database: Database) -> tuple[UserRow, ...]:
    return tuple(row for row in list_users(database, include_removed=False) if row.role is Role.OWNER)


def staff_badges_pdf(database: Database, user_ids: list[int]) -> bytes:
    """The badges of these users as a PDF (ten to an A4 page), for the print preview."""
    from orderapp.documents.output import pdf_bytes
    from orderapp.documents.staff_badge import Badge, render_badges
    from orderapp.services.settings.shop import load_settings

    shop = load_settings(database, with_logo=False).name
    rows = {row.id: row for row in list_users(database)}
    badges = [
        Badge(rows[i].name, rows[i].role_label, rows[i].badge_code, shop)
        for i in user_ids
        if i in rows and rows[i].badge_code
    ]
    return pdf_bytes(lambda out: render_badges(badges, out))
