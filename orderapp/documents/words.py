"""The language printed paperwork speaks: English, Chinese, or both on one page.

The shop chooses it in its document settings ("paperwork language"); when it has not, paperwork
follows the window's language. A service that makes a document wraps the work in
``speaking(language)``; inside it the documents' ``_()`` and ``ngettext()`` use that language's
catalogue, and dates, weekdays, money and country names come from Babel (CLDR) in that language.
"Both" prints each caption in English and then Chinese ("Packing slip 装箱单"), dates as
2026-11-26 (read alike in both), and money as Chinese does. Outside ``speaking`` these functions
follow the window's language (the Reports screen shows the same weekdays and money).

The language is a context variable, so two workers making documents in two languages at once
never mix them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo

from orderapp import i18n
from orderapp.domain.money import exponent

ENGLISH = "en"
CHINESE = "zh_CN"
BOTH = "both"
LANGUAGES = (ENGLISH, CHINESE, BOTH)

_speaking: ContextVar[tuple[str, str] | None] = ContextVar("paperwork_language", default=None)


def normalise(language: str | None) -> str:
    """One of LANGUAGES for what is stored or typed ("zh", "zh_TW", "EN", "both"); the window's
    language when empty."""
    text = (language or "").strip().replace("-", "_")
    if not text:
        text = i18n.language()
    lowered = text.lower()
    if lowered == BOTH:
        return BOTH
    return CHINESE if lowered.startswith("zh") else ENGLISH


@contextmanager
def speaking(language: str | None, *, region: str = "") -> Iterator[str]:
    """Documents made inside print in ``language`` (see ``normalise``); ``region`` (the shop's
    country, e.g. "GB") picks the English date style. Yields the language used."""
    chosen = normalise(language)
    token = _speaking.set((chosen, region.strip().upper()))
    try:
        yield chosen
    finally:
        _speaking.reset(token)


def current() -> str:
    spoken = _speaking.get()
    return spoken[0] if spoken is not None else normalise(None)


def _(message: str) -> str:
    spoken = _speaking.get()
    if spoken is None:
        return i18n._(message)
    if spoken[0] == BOTH:
        return _pair(message, i18n.translation(CHINESE).gettext(message))
    return i18n.translation(spoken[0]).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    spoken = _speaking.get()
    if spoken is None:
        return i18n.ngettext(singular, plural, count)
    english = singular if count == 1 else plural
    if spoken[0] == BOTH:
        return _pair(english, i18n.translation(CHINESE).ngettext(singular, plural, count))
    return i18n.translation(spoken[0]).ngettext(singular, plural, count)


def _pair(english: str, chinese: str) -> str:
    if chinese == english:
        return english
    if "{" in english:
        return _BothTemplate(english, chinese)
    return f"{english} {chinese}"


_FIELD = re.compile(r"\{[^{}]*\}")
SHORT_VALUE = 6  # characters: a page number, a count; a phone number or a name is printed once


class _BothTemplate(str):
    """A message with placeholders in "both": once formatted, English and Chinese side by side when
    the values are short ("Page 1 of 2 第 1 页，共 2 页"), else English alone so that a phone number
    or a title is not printed twice; a message that is only placeholders joined ("{lines}, {units}")
    joins them the English way."""

    chinese: str

    def __new__(cls, english: str, chinese: str) -> _BothTemplate:
        made = super().__new__(cls, english)
        made.chinese = chinese
        return made

    def format(self, *args: object, **kwargs: object) -> str:
        english = str.format(self, *args, **kwargs)
        words_outside = _FIELD.sub("", str(self))
        values = [*args, *kwargs.values()]
        if not any(char.isalpha() for char in words_outside) or any(len(str(v)) > SHORT_VALUE for v in values):
            return english
        return f"{english} {self.chinese.format(*args, **kwargs)}"


# -- dates, money and places, by Babel -----------------------------------------------------------


@cache
def _locale(language: str, region: str) -> str:
    from babel import localedata

    if language == ENGLISH:
        wanted = f"en_{region}" if region else "en"
        return wanted if region and localedata.exists(wanted) else "en"
    return "zh_Hans_CN"


def _locales() -> tuple[str, ...]:
    """The Babel locales of the current language: one, or English and Chinese for "both"."""
    spoken = _speaking.get()
    language, region = spoken if spoken is not None else (current(), "")
    if language == BOTH:
        return (_locale(ENGLISH, region), _locale(CHINESE, region))
    return (_locale(language, region),)


def weekday(day: date) -> str:
    """ "Thursday", "星期四", or "Thursday 星期四"."""
    from babel.dates import format_date

    return " ".join(format_date(day, "EEEE", locale=locale) for locale in _locales())


def long_date(day: date) -> str:
    """ "Nov 26, 2026" (or "26 Nov 2026" in a British shop), "2026年11月26日"; "2026-11-26" for both."""
    from babel.dates import format_date

    locales = _locales()
    if len(locales) > 1:
        return day.isoformat()
    return str(format_date(day, "medium", locale=locales[0]))


def day_heading(day: date) -> str:
    """A day as a heading: "Thursday, Nov 26, 2026", "2026年11月26日 星期四", "Thursday 星期四 2026-11-26"."""
    from babel.dates import format_date

    locales = _locales()
    if len(locales) > 1:
        return f"{weekday(day)} {day.isoformat()}"
    return str(format_date(day, "full", locale=locales[0]))


def date_time(moment: datetime, zone: ZoneInfo) -> str:
    """A moment in the shop's time zone, to the minute: "Nov 26, 2026 10:05", "2026年11月26日 10:05"."""
    local = moment.astimezone(zone)
    return f"{long_date(local.date())} {local:%H:%M}"


def money(minor: int, currency: str) -> str:
    """An amount in minor units (fen, cents) as the language writes it: "CN¥128.50", "¥128.50".

    "Both" writes money as Chinese does. A symbol the printing fonts cannot draw is replaced by the
    currency's code.
    """
    code = currency.upper()
    places = exponent(code)
    prefix, suffix, negative_prefix, negative_suffix, group, decimal = _money_format(_locales()[-1], code)
    units, rest = divmod(abs(minor), 10**places)
    number = f"{units:,}".replace(",", group) + (f"{decimal}{rest:0{places}d}" if places else "")
    if minor < 0:
        return f"{negative_prefix}{number}{negative_suffix}"
    return f"{prefix}{number}{suffix}"


@cache
def _money_format(locale: str, code: str) -> tuple[str, str, str, str, str, str]:
    """How ``locale`` writes an amount of ``code``, learnt once from Babel (``format_currency`` is
    too slow to call for every figure of a 500-slip batch): the text before and after the number,
    for positive and negative amounts, and the group and decimal marks."""
    from babel import Locale
    from babel.numbers import format_currency

    from orderapp.documents.fonts import can_print

    probe = Decimal(1234567)
    text = str(format_currency(probe, code, locale=locale))
    if not can_print(text):
        text = str(format_currency(probe, code, format="¤¤\u00a0#,##0.00", locale=locale))
        negative = "-" + text
    else:
        negative = str(format_currency(-probe, code, locale=locale))
    symbols = Locale.parse(locale).number_symbols.get("latn", {})
    return (*_around_number(text), *_around_number(negative), symbols.get("group", ","), symbols.get("decimal", "."))


def _around_number(text: str) -> tuple[str, str]:
    digits = [index for index, char in enumerate(text) if char.isdigit()]
    return text[: digits[0]], text[digits[-1] + 1 :]


def country(code: str) -> str:
    """A country's name for an address: "Japan", "日本 Japan" (parcels leaving China carry the
    English name too, for the post abroad), "Japan 日本"; the code itself when it is unknown."""
    from babel import Locale

    key = code.strip().upper()
    names = []
    spoken = _speaking.get()
    language = spoken[0] if spoken is not None else current()
    order = {ENGLISH: (ENGLISH,), CHINESE: (CHINESE, ENGLISH), BOTH: (ENGLISH, CHINESE)}[language]
    for each in order:
        name = Locale.parse(_locale(each, "")).territories.get(key)
        if name and name not in names:
            names.append(name)
    return " ".join(names) or key
