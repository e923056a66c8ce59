"""Who may do what, and the PIN rules: pure values, no database.

Roles are ``owner``, ``shopkeeper`` and ``packer``. ``ROLE_PERMISSIONS`` is the one table the
services and the screens read; a PIN is kept as a salted scrypt hash; five wrong PINs in a row lock
the user for ``LOCK_MINUTES``.
"""

from __future__ import annotations

import hashlib
import hmac
import platform
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from orderapp.i18n import _


class Role(StrEnum):
    OWNER = "owner"
    SHOPKEEPER = "shopkeeper"
    PACKER = "packer"


class Permission(StrEnum):
    SETTINGS = "settings"
    PRICES = "prices"
    USERS = "users"
    POST_COUNT = "post_count"
    BIG_ADJUSTMENT = "big_adjustment"  # a stock adjustment above the shop's threshold
    REFUND = "refund"
    PACK_OVERRIDE = "pack_override"
    BLIND_REVIEW = "blind_review"  # seeing a blind count's expected figures
    AUDIT = "audit"
    ORDERS = "orders"  # enter, change and cancel orders
    PRODUCTS = "products"  # add and edit products (prices apart)


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: frozenset(Permission),
    # The owner-only list; a packer's override or blind-count review needs an owner's PIN.
    Role.SHOPKEEPER: frozenset(
        {Permission.ORDERS, Permission.PRODUCTS, Permission.PACK_OVERRIDE, Permission.BLIND_REVIEW}
    ),
    Role.PACKER: frozenset(),
}

MAX_WRONG_PINS = 5
LOCK_MINUTES = 15
MIN_PIN_DIGITS = 4
MAX_PIN_DIGITS = 12
MAX_NAME_LENGTH = 64
DEFAULT_BIG_ADJUSTMENT = 10  # units; a bigger adjustment needs the owner


def allowed(role: Role | str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[Role(role)]


def role_label(role: Role | str) -> str:
    return {
        Role.OWNER: _("Owner"),
        Role.SHOPKEEPER: _("Shopkeeper"),
        Role.PACKER: _("Packer"),
    }[Role(role)]


def permission_label(permission: Permission) -> str:
    return {
        Permission.SETTINGS: _("change the settings"),
        Permission.PRICES: _("change prices"),
        Permission.USERS: _("manage users"),
        Permission.POST_COUNT: _("post a stock count"),
        Permission.BIG_ADJUSTMENT: _("make a large stock adjustment"),
        Permission.REFUND: _("give refunds"),
        Permission.PACK_OVERRIDE: _("pack an order without scanning every item"),
        Permission.BLIND_REVIEW: _("review a blind count"),
        Permission.AUDIT: _("see the audit log"),
        Permission.ORDERS: _("enter and change orders"),
        Permission.PRODUCTS: _("add and edit products"),
    }[permission]


def refusal(role: Role | str, permission: Permission) -> str:
    """The sentence a screen shows (or a tooltip says) when ``role`` may not do ``permission``."""
    return _("Only the owner can {what}; a {role} cannot. Ask the owner to sign in or to enter their PIN.").format(
        what=permission_label(permission), role=role_label(role).lower()
    )


@dataclass(frozen=True)
class Actor:
    """Who is working and at which PC: passed into every service that records who did something."""

    user_id: int
    name: str
    role: Role
    station: str

    def may(self, permission: Permission) -> bool:
        return allowed(self.role, permission)


def station_name() -> str:
    """This PC's name as records carry it."""
    return (platform.node() or "PC").split(".")[0][:64]


# -- PINs --------------------------------------------------------------------------------------

_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


def pin_problem(pin: str) -> str:
    """Why ``pin`` cannot be a PIN (empty when it can)."""
    if not pin.isascii() or not pin.isdigit():
        return _("A PIN is digits only, e.g. 4821.")
    if len(pin) < MIN_PIN_DIGITS:
        return _("A PIN needs at least {n} digits; choose a longer one.").format(n=MIN_PIN_DIGITS)
    if len(pin) > MAX_PIN_DIGITS:
        return _("A PIN can have at most {n} digits.").format(n=MAX_PIN_DIGITS)
    return ""


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt$hash`` (hex): the only form a PIN is ever stored in."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32)
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        got = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


# -- lockout -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PinState:
    wrong_tries: int
    locked_until: datetime | None


def is_locked(state: PinState, now: datetime) -> bool:
    return state.locked_until is not None and now < state.locked_until


def after_wrong_pin(state: PinState, now: datetime) -> PinState:
    """One more wrong PIN: the fifth in a row locks for LOCK_MINUTES and starts the count again."""
    tries = (0 if state.locked_until is not None and now >= state.locked_until else state.wrong_tries) + 1
    if tries >= MAX_WRONG_PINS:
        return PinState(0, now + timedelta(minutes=LOCK_MINUTES))
    return PinState(tries, None)


def tries_left(state: PinState) -> int:
    return MAX_WRONG_PINS - state.wrong_tries


def minutes_left(state: PinState, now: datetime) -> int:
    if state.locked_until is None:
        return 0
    seconds = (state.locked_until - now).total_seconds()
    return max(1, int(-(-seconds // 60)))


# -- staff badges ------------------------------------------------------------------------------

BADGE_PREFIX = "STAFF-"


def new_badge_code() -> str:
    """Code 128 safe: letters and digits only, never mistaken for an order number or a GTIN."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return BADGE_PREFIX + "".join(secrets.choice(alphabet) for _ in range(8))


def is_badge_code(code: str) -> bool:
    return code.strip().upper().startswith(BADGE_PREFIX)
