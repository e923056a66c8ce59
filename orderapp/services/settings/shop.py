"""The shop's own details and preferences (name, address, phone, logo, currency, time zone, phone region)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from zoneinfo import available_timezones

import phonenumbers
from sqlalchemy.orm import Session

from orderapp.errors import FieldError, ValidationFailed
from orderapp.i18n import _
from orderapp.services.shop.edit_conflicts import conflict_if_changed, settings_fields, settings_labels
from orderapp.store import settings_store
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

MAX_LOGO_BYTES = 2 * 1024 * 1024
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG

_TEXT_KEYS = {
    "name": "shop.name",
    "address": "shop.address",
    "phone": "shop.phone",
    "currency": "shop.currency",
    "timezone": "shop.timezone",
    "phone_region": "shop.phone_region",
}
_LOGO_KEY = "shop.logo"


@dataclass(frozen=True)
class ShopSettings:
    name: str = ""
    address: str = ""
    phone: str = ""  # as the shop wants it printed; checked against phone_region
    currency: str = "CNY"
    timezone: str = "Asia/Shanghai"
    phone_region: str = "CN"
    logo: bytes | None = None  # PNG or JPEG


def validate_settings(settings: ShopSettings) -> list[FieldError]:
    """Pure check of what the owner typed; each message is shown under its field."""
    errors: list[FieldError] = []
    if not settings.name.strip():
        errors.append(FieldError("name", _("Enter the shop's name; it is printed on every slip.")))
    elif len(settings.name) > 200:
        errors.append(FieldError("name", _("The shop's name can be at most 200 characters.")))
    if len(settings.currency) != 3 or not settings.currency.isalpha() or not settings.currency.isupper():
        errors.append(FieldError("currency", _("Choose a currency as its three-letter code, e.g. CNY or USD.")))
    if settings.timezone not in available_timezones():
        errors.append(FieldError("timezone", _("Choose a time zone from the list, e.g. Asia/Shanghai.")))
    if settings.phone_region not in phonenumbers.SUPPORTED_REGIONS:
        errors.append(FieldError("phone_region", _("Choose the country whose phone numbers you use most.")))
    elif settings.phone.strip():
        message = phone_problem(settings.phone, settings.phone_region)
        if message:
            errors.append(FieldError("phone", message))
    if settings.logo is not None:
        if len(settings.logo) > MAX_LOGO_BYTES:
            errors.append(FieldError("logo", _("The logo is larger than 2 MB; choose a smaller image.")))
        elif not settings.logo.startswith(_IMAGE_MAGIC):
            errors.append(FieldError("logo", _("The logo must be a PNG or JPEG image.")))
    return errors


def phone_problem(text: str, region: str) -> str:
    """Why ``text`` is not a usable phone number in ``region`` (empty when it is fine)."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return _("This is not a phone number; type it with its area code, e.g. 021 6123 4567.")
    if not phonenumbers.is_valid_number(number):
        return _("This phone number is not valid for {region}; check the digits and the area code.").format(
            region=region
        )
    return ""


def format_phone(text: str, region: str) -> str:
    """Reformat a valid number the way it is written locally (international for foreign numbers)."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return text
    if not phonenumbers.is_valid_number(number):
        return text
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(number) == region
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)


def shop_timezone(session: Session) -> str:
    """The shop's time zone name, or the default Settings shows for a new shop; "a day" in every
    figure is a day in this zone."""
    stored = settings_store.read_values(session, [_TEXT_KEYS["timezone"]])
    return stored.get(_TEXT_KEYS["timezone"], ShopSettings.timezone)


def load_settings(database: Database, *, with_logo: bool = True) -> ShopSettings:
    """The shop's settings; ``with_logo=False`` leaves the logo (up to 2 MB) unread when it is not needed."""
    with database.session() as session:
        return _read(session, with_logo=with_logo)


def _read(session: Session, *, with_logo: bool = True) -> ShopSettings:
    stored = settings_store.read_values(session, _TEXT_KEYS.values())
    logo = settings_store.read_data(session, _LOGO_KEY) if with_logo else None
    defaults = ShopSettings()
    values = {field: stored.get(key, getattr(defaults, field)) for field, key in _TEXT_KEYS.items()}
    return replace(defaults, **values, logo=logo)


def save_settings(
    database: Database,
    settings: ShopSettings,
    *,
    user_id: int = DEFAULT_USER_ID,
    expected: ShopSettings | None = None,
) -> ShopSettings:
    """Validate and store; raises ValidationFailed with every problem and stores nothing then.
    ``expected``: the settings as the form loaded them; ``EditConflict`` when another PC has changed
    them since (nothing stored)."""
    if settings.phone.strip() and not validate_settings(replace(settings, phone="")):
        settings = replace(settings, phone=format_phone(settings.phone, settings.phone_region))
    errors = validate_settings(settings)
    if errors:
        raise ValidationFailed(errors)
    with database.session(write=True) as session:
        if expected is not None:
            conflict_if_changed(_("The shop settings"), expected, _read(session), settings_fields, settings_labels())
        values = {key: getattr(settings, field).strip() for field, key in _TEXT_KEYS.items()}
        settings_store.write_values(session, values, user_id=user_id)
        settings_store.write_data(session, _LOGO_KEY, settings.logo, user_id=user_id)
        session.commit()
    return settings
