"""Phone numbers as people type them: checked with ``phonenumbers`` against the shop's region,
stored as E.164 ("+8613812345678"), shown the local way, and searched by their digits."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from orderapp.i18n import _

_NOT_DIGITS = re.compile(r"\D+")
# What may appear in a typed phone number besides digits (full-width forms included).
_PHONE_CHARS = re.compile(r"[\d\s+\-().／/\u3000\uff08\uff09\uff0b\uff0d]+")


def parse_phone(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    """The number, when ``text`` is a valid phone number (local to ``region`` or with +country)."""
    try:
        number = phonenumbers.parse(text, region.upper() or None)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def phone_problem(text: str, region: str) -> str:
    """Why ``text`` is not a usable phone number (empty when it is fine)."""
    try:
        number = phonenumbers.parse(text, region.upper() or None)
    except phonenumbers.NumberParseException:
        return _("This is not a phone number; type it with its area code, e.g. 021 6123 4567 or 138 1234 5678.")
    if not phonenumbers.is_valid_number(number):
        if phonenumbers.region_code_for_number(number) in (None, "ZZ"):
            return _("This phone number's country code is not known; check the digits after the +.")
        return _("This phone number has the wrong number of digits or an unknown area code; check it.")
    return ""


def to_e164(text: str, region: str) -> str:
    """ "+8613812345678" for a valid number; raises ValueError otherwise."""
    number = parse_phone(text, region)
    if number is None:
        raise ValueError(f"not a valid phone number: {text!r}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=8192)
def display_phone(text: str, region: str) -> str:
    """How to show a number: the local style for the shop's own country, international otherwise.
    Text that is not a valid number is returned unchanged (so nothing typed is lost)."""
    number = parse_phone(text, region)
    if number is None:
        return text
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(number) == region.upper()
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)


def looks_like_phone(text: str) -> bool:
    """Digits with phone punctuation only, and at least 3 digits: search it as a phone number."""
    stripped = text.strip()
    return bool(stripped) and _PHONE_CHARS.fullmatch(stripped) is not None and len(digits_of(stripped)) >= 3


def digits_of(text: str) -> str:
    """Only the digits, full-width digits made ASCII ("１３８" -> "138")."""
    return "".join(str(int(ch)) for ch in text if ch.isdecimal())


def search_digits(text: str, region: str) -> tuple[str, ...]:
    """Digit strings to look for in stored E.164 numbers (kept without the '+') for what a user
    typed: a whole number in any format becomes its national significant number; a fragment is
    searched as typed, and also without the national trunk prefix ("021 6123" -> "2161 23")."""
    digits = digits_of(text)
    if not digits:
        return ()
    number = parse_phone(text, region)
    if number is not None:
        return (phonenumbers.national_significant_number(number),)
    found = [digits]
    if not text.strip().startswith(("+", "\uff0b", "00")):
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region.upper())
        prefix = metadata.national_prefix if metadata is not None else None
        if prefix and digits.startswith(prefix) and len(digits) > len(prefix) + 2:
            found.append(digits[len(prefix) :])
    elif digits.startswith("00"):
        found = [digits[2:]]
    return tuple(found)


def stored_digits(e164: str) -> str:
    """The digits kept in the search text for a stored number: "+8613812345678" -> "8613812345678"."""
    return _NOT_DIGITS.sub("", e164)
