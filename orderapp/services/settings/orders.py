"""The orders capability's shop settings (keys under "orders.") and the shop facts orders need."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from orderapp.domain.order_validation import DraftRules
from orderapp.errors import FieldError, ValidationFailed
from orderapp.i18n import _
from orderapp.services.settings.shop import ShopSettings
from orderapp.store import settings_store
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

ALLOW_BACKORDERS = "orders.allow_backorders"
DUPLICATE_MINUTES = "orders.duplicate_window_minutes"
_SHOP_KEYS = ("shop.currency", "shop.phone_region", "shop.timezone")
MAX_DUPLICATE_MINUTES = 7 * 24 * 60  # a week; longer windows would only nag


@dataclass(frozen=True)
class OrderSettings:
    allow_backorders: bool = False  # confirm lines the stock does not cover, marked backordered
    duplicate_window_minutes: int = 30  # same customer, same items within this: ask first
    currency: str = ShopSettings.currency  # from the shop's settings (read-only here)
    phone_region: str = ShopSettings.phone_region
    timezone: str = ShopSettings.timezone

    def rules(self, already_reserved: dict[int, int] | None = None) -> DraftRules:
        return DraftRules(
            currency=self.currency,
            phone_region=self.phone_region,
            allow_backorders=self.allow_backorders,
            already_reserved=already_reserved or {},
        )


def validate_order_settings(settings: OrderSettings) -> list[FieldError]:
    """Pure check of the orders rules an owner can change (the shop facts are checked with the shop)."""
    errors: list[FieldError] = []
    if not 0 <= settings.duplicate_window_minutes <= MAX_DUPLICATE_MINUTES:
        errors.append(
            FieldError(
                "duplicate_window_minutes",
                _("Type a whole number of minutes from 0 to {most} (0 turns the duplicate check off).").format(
                    most=MAX_DUPLICATE_MINUTES
                ),
            )
        )
    return errors


def read_order_settings(session: Session) -> OrderSettings:
    values = settings_store.read_values(session, (ALLOW_BACKORDERS, DUPLICATE_MINUTES, *_SHOP_KEYS))
    defaults = OrderSettings()
    try:
        minutes = int(values.get(DUPLICATE_MINUTES, defaults.duplicate_window_minutes))
    except ValueError:
        minutes = defaults.duplicate_window_minutes
    return OrderSettings(
        allow_backorders=values.get(ALLOW_BACKORDERS, "0").strip().lower() in ("1", "true", "yes"),
        duplicate_window_minutes=max(0, minutes),
        currency=values.get("shop.currency") or defaults.currency,
        phone_region=values.get("shop.phone_region") or defaults.phone_region,
        timezone=values.get("shop.timezone") or defaults.timezone,
    )


def load_order_settings(database: Database) -> OrderSettings:
    with database.session() as session:
        return read_order_settings(session)


def save_order_settings(
    database: Database, *, allow_backorders: bool, duplicate_window_minutes: int = 30, user_id: int = DEFAULT_USER_ID
) -> OrderSettings:
    """Store the orders settings (the shop's currency and region are the shop settings' business).

    Raises ValidationFailed and stores nothing when a value is out of range."""
    errors = validate_order_settings(
        OrderSettings(allow_backorders=allow_backorders, duplicate_window_minutes=duplicate_window_minutes)
    )
    if errors:
        raise ValidationFailed(errors)
    with database.session(write=True) as session:
        settings_store.write_values(
            session,
            {ALLOW_BACKORDERS: "1" if allow_backorders else "0", DUPLICATE_MINUTES: str(duplicate_window_minutes)},
            user_id=user_id,
        )
        session.commit()
        return read_order_settings(session)
