"""Country names on screen, in the window's language ("CN  中国" under Chinese, "CN  China" in
English), from Babel's CLDR data; Qt's English names when Babel cannot say."""

from __future__ import annotations

import functools

from PySide6.QtCore import QLocale


def country_name(code: str, locale: QLocale | None = None) -> str:
    """``code`` (ISO 3166, e.g. "CN") named in ``locale`` (default: the window's language)."""
    return _name(code.upper(), (locale or QLocale()).name())


def country_choice(code: str, locale: QLocale | None = None) -> str:
    """How a country reads in a list: its code first (what people type), then its name."""
    return f"{code}  {country_name(code, locale)}".rstrip()


@functools.lru_cache(maxsize=4096)
def _name(code: str, locale_name: str) -> str:
    try:
        from babel import Locale, UnknownLocaleError

        try:
            names = Locale.parse(locale_name).territories
        except (UnknownLocaleError, ValueError):
            names = Locale.parse("en").territories
        if code in names:
            return str(names[code])
    except ImportError:
        pass
    territory = QLocale.codeToTerritory(code)
    return QLocale.territoryToString(territory) if territory != QLocale.Country.AnyTerritory else ""
