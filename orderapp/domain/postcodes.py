"""Postcodes: is what the user typed a postcode of that country, and how is it written there.

Strict formats for the countries the shop ships to most (CN, US, GB, DE, FR, JP) and a few
neighbours; a permissive rule elsewhere (letters, digits, spaces and '-', 2 to 10 characters), so a
foreign address is never refused for a format we do not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orderapp.i18n import _


@dataclass(frozen=True)
class PostcodeRule:
    pattern: re.Pattern[str]
    example: str


def _rule(pattern: str, example: str) -> PostcodeRule:
    return PostcodeRule(re.compile(pattern), example)


# Patterns apply to the normalised text (upper case, single spaces, trimmed).
_RULES: dict[str, PostcodeRule] = {
    "CN": _rule(r"\d{6}", "200030"),
    "US": _rule(r"\d{5}(-\d{4})?", "94103 or 94103-1234"),
    # Royal Mail's outward + inward code, plus the special GIR 0AA.
    "GB": _rule(r"(GIR 0AA|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})", "SW1A 1AA"),
    "DE": _rule(r"\d{5}", "10115"),
    "FR": _rule(r"\d{5}", "75008"),
    "JP": _rule(r"\d{3}-\d{4}", "100-0001"),
    "TW": _rule(r"\d{3}(\d{2,3})?", "100 or 10048"),
    "CA": _rule(r"[A-Z]\d[A-Z] \d[A-Z]\d", "K1A 0B1"),
    "AU": _rule(r"\d{4}", "2000"),
    "SG": _rule(r"\d{6}", "018956"),
    "KR": _rule(r"\d{5}", "03187"),
    "IT": _rule(r"\d{5}", "00184"),
    "ES": _rule(r"\d{5}", "28013"),
    "NL": _rule(r"\d{4} [A-Z]{2}", "1012 JS"),
}
_PERMISSIVE = re.compile(r"[A-Z0-9][A-Z0-9 \-]{0,8}[A-Z0-9]")

COUNTRIES_WITHOUT_POSTCODES = frozenset({"HK", "MO", "AE", "QA"})


def normalise_postcode(text: str, country: str) -> str:
    """How the postcode is written in ``country``: upper case, single spaces; the separator a
    country expects is put in when the user left it out (GB "SW1A1AA" -> "SW1A 1AA", JP "1000001"
    -> "100-0001", US "941031234" -> "94103-1234"). A leading apostrophe (spreadsheet habit, e.g.
    Shopify's "'02134") is dropped."""
    value = " ".join(text.strip().lstrip("'").upper().split())
    country = country.upper()
    compact = value.replace(" ", "").replace("-", "")
    if country == "GB" and 5 <= len(compact) <= 7:
        value = f"{compact[:-3]} {compact[-3:]}"
    elif country == "CA" and len(compact) == 6:
        value = f"{compact[:3]} {compact[3:]}"
    elif country == "NL" and len(compact) == 6:
        value = f"{compact[:4]} {compact[4:]}"
    elif country == "JP" and len(compact) == 7 and compact.isdigit():
        value = f"{compact[:3]}-{compact[3:]}"
    elif country == "US" and len(compact) == 9 and compact.isdigit():
        value = f"{compact[:5]}-{compact[5:]}"
    elif country in ("CN", "DE", "FR", "SG", "KR", "IT", "ES", "AU") and compact.isdigit():
        value = compact
    return value


def postcode_required(country: str) -> bool:
    return country.upper() not in COUNTRIES_WITHOUT_POSTCODES


def postcode_problem(text: str, country: str) -> str:
    """Why ``text`` is not a postcode of ``country`` (empty when it is fine, or when the country has
    no postcodes and none was typed). ``country`` is ISO 3166-1 alpha-2."""
    country = country.upper()
    value = normalise_postcode(text, country)
    if not value:
        if postcode_required(country):
            return _("Enter the postcode.")
        return ""
    if not postcode_required(country):
        return ""
    rule = _RULES.get(country)
    if rule is not None:
        if rule.pattern.fullmatch(value):
            return ""
        return _("This is not a postcode of {country}; it is written like {example}.").format(
            country=country, example=rule.example
        )
    if _PERMISSIVE.fullmatch(value):
        return ""
    return _("A postcode has 2 to 10 letters, digits, spaces or dashes; check what you typed.")
