"""The paperwork's words: the chosen language's catalogue, and dates, weekdays, money and country
names from Babel (CLDR), in English, Chinese and both."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from babel.numbers import format_currency

from orderapp import i18n
from orderapp.documents import words
from orderapp.domain.money import exponent


@pytest.mark.parametrize(("language", "locale"), [("en", "en"), ("zh_CN", "zh_Hans_CN"), ("both", "zh_Hans_CN")])
def test_money_is_written_exactly_as_babel_writes_it(language: str, locale: str) -> None:
    """The fast path (the pattern learnt once per currency) gives Babel's own text for any amount."""
    amounts = [0, 1, -1, 5, 99, 100, 12345, -12345, 123456789, 10**15]
    amounts += random.Random(7).sample(range(-(10**10), 10**10), 40)
    with words.speaking(language):
        for currency in ("CNY", "USD", "JPY", "EUR", "GBP", "HKD", "KRW"):
            for minor in amounts:
                expected = format_currency(Decimal(minor).scaleb(-exponent(currency)), currency, locale=locale)
                assert words.money(minor, currency) == expected, (currency, minor)


def test_a_british_shop_writes_english_dates_the_british_way() -> None:
    day = date(2026, 11, 26)
    with words.speaking("en", region="GB"):
        assert words.long_date(day) == "26 Nov 2026"
    with words.speaking("en", region="CN"):  # CLDR has no English of China: the plain English style
        assert words.long_date(day) == "Nov 26, 2026"


@pytest.mark.parametrize(
    ("language", "weekday", "heading", "moment"),
    [
        ("en", "Thursday", "Thursday, November 26, 2026", "Nov 26, 2026 09:05"),
        ("zh_CN", "星期四", "2026年11月26日星期四", "2026年11月26日 09:05"),
        ("both", "Thursday 星期四", "Thursday 星期四 2026-11-26", "2026-11-26 09:05"),
    ],
)
def test_days_and_moments(language: str, weekday: str, heading: str, moment: str) -> None:
    day = date(2026, 11, 26)
    with words.speaking(language):
        assert words.weekday(day) == weekday
        assert words.day_heading(day) == heading
        assert words.date_time(datetime(2026, 11, 26, 1, 5, tzinfo=UTC), ZoneInfo("Asia/Shanghai")) == moment


def test_country_names_for_an_address() -> None:
    expected = {
        "en": ("Japan", "Germany"),
        "zh_CN": ("日本 Japan", "德国 Germany"),
        "both": ("Japan 日本", "Germany 德国"),
    }
    for language, (japan, germany) in expected.items():
        with words.speaking(language):
            assert (words.country("jp"), words.country("DE")) == (japan, germany)
            assert words.country("QQ") == "QQ"  # not a country: printed as written


def test_counted_words_and_captions_in_each_language() -> None:
    with words.speaking("en"):
        assert [words.ngettext("{count} page", "{count} pages", n).format(count=n) for n in (1, 2)] == [
            "1 page",
            "2 pages",
        ]
    with words.speaking("zh_CN"):
        assert words.ngettext("{count} page", "{count} pages", 3).format(count=3) == "3 页"
        assert words._("Packing slip") == "装箱单"
    with words.speaking("both"):
        assert words._("Ship to") == "Ship to 收货人"
        assert words._("Page {page} of {pages}").format(page=1, pages=2) == "Page 1 of 2 第 1 页，共 2 页"
        assert words._("Tel. {phone}").format(phone="021 6123 4567") == "Tel. 021 6123 4567"  # the number once
        assert words._("{lines}, {units}").format(lines="1 line", units="2 units") == "1 line, 2 units"


def test_without_a_choice_paperwork_follows_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    for window, chosen in (("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("en_GB", "en"), ("de_DE", "en")):
        monkeypatch.setattr(i18n, "_language", window)
        assert words.normalise("") == chosen and words.normalise(None) == chosen
        with words.speaking(""):
            assert words.current() == chosen
    assert words.normalise("both") == "both" and words.normalise("ZH") == "zh_CN"
