"""Money as integer minor units (cents, fen) of the shop's currency. Never floats."""

from __future__ import annotations

import re
import unicodedata

from orderapp.i18n import _

# ISO 4217 minor-unit exponents that differ from 2; every other currency has two decimals.
_EXPONENT = {
    "JPY": 0,
    "KRW": 0,
    "VND": 0,
    "CLP": 0,
    "ISK": 0,
    "HUF": 2,
    "TWD": 2,
    "BHD": 3,
    "KWD": 3,
    "OMR": 3,
    "JOD": 3,
    "TND": 3,
}

SYMBOLS = {
    "CNY": "¥",
    "JPY": "¥",
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "HKD": "HK$",
    "TWD": "NT$",
    "AUD": "A$",
    "CAD": "C$",
    "SGD": "S$",
    "KRW": "₩",
    "INR": "₹",
    "CHF": "CHF ",
}

COMMON_CURRENCIES = ("CNY", "USD", "EUR", "GBP", "JPY", "HKD", "TWD", "SGD", "AUD", "CAD", "CHF", "KRW", "INR")


def exponent(currency: str) -> int:
    return _EXPONENT.get(currency.upper(), 2)


def format_money(minor: int, currency: str, *, symbol: bool = True) -> str:
    """``format_money(123456, "CNY")`` -> "¥1,234.56"; negative amounts keep their sign in front."""
    places = exponent(currency)
    sign = "-" if minor < 0 else ""
    units, rest = divmod(abs(minor), 10**places)
    text = f"{units:,}" + (f".{rest:0{places}d}" if places else "")
    prefix = SYMBOLS.get(currency.upper(), currency.upper() + " ") if symbol else ""
    return f"{sign}{prefix}{text}"


class MoneyError(ValueError):
    """An amount that cannot be read safely; ``str()`` is a sentence for the user (row-free).
    ``kind``: "not_amount", "currency", "comma", "decimals" or "too_large"."""

    def __init__(self, message: str, kind: str = "not_amount") -> None:
        super().__init__(message)
        self.kind = kind


# Symbols and words that name a currency, and the currencies each may stand for. "¥" is both the
# yuan and the yen; "$" any dollar (a "$" in a CNY shop is another currency, never a yuan).
_MARKS: dict[str, frozenset[str]] = {
    "¥": frozenset({"CNY", "JPY"}),
    "￥": frozenset({"CNY", "JPY"}),
    "元": frozenset({"CNY"}),
    "RMB": frozenset({"CNY"}),
    "円": frozenset({"JPY"}),
    "$": frozenset({"USD", "HKD", "TWD", "AUD", "CAD", "SGD", "NZD", "MXN"}),
    "US$": frozenset({"USD"}),
    "HK$": frozenset({"HKD"}),
    "NT$": frozenset({"TWD"}),
    "A$": frozenset({"AUD"}),
    "C$": frozenset({"CAD"}),
    "S$": frozenset({"SGD"}),
    "€": frozenset({"EUR"}),
    "£": frozenset({"GBP"}),
    "₩": frozenset({"KRW"}),
    "₹": frozenset({"INR"}),
    "₽": frozenset({"RUB"}),
    "฿": frozenset({"THB"}),
    "₫": frozenset({"VND"}),
}
_MARK_PATTERN = "|".join(re.escape(m) for m in sorted(_MARKS, key=len, reverse=True))
# sign, a currency before, the number, a currency after; anything else is not an amount.
_AMOUNT = re.compile(
    rf"^(?P<sign>[+-]?)\s*(?P<before>{_MARK_PATTERN}|[A-Za-z]{{3}})?\s*(?P<sign2>[+-]?)\s*"
    rf"(?P<number>[0-9][0-9,.\s\u00a0\u202f']*)\s*(?P<after>{_MARK_PATTERN}|[A-Za-z]{{3}})?$"
)
MAX_DIGITS = 15  # more integer digits than any price or total; refused before any arithmetic


def parse_money(text: str, currency: str, *, decimal_comma: bool = False) -> int:
    """Parse what a user typed ("12", "12.5", "1,234.56", "¥3.10") into minor units.

    The decimal mark is the point; a comma is read as a thousands separator only where it cannot
    be a decimal comma (groups of three digits, more than the currency has decimals, or a point
    after it). ``decimal_comma`` (files that use the comma as decimal mark) swaps the two.
    A currency symbol or code other than the shop's ``currency`` is refused, never converted.
    Raises MoneyError (a ValueError) with the sentence to show.
    """
    currency = currency.upper()
    raw = unicodedata.normalize("NFKC", text).strip()
    example = format_money(1250, currency, symbol=False)
    not_amount = _("“{text}” is not an amount; write it like {example}.").format(text=_shown(text), example=example)
    match = _AMOUNT.match(raw) if len(raw) <= 64 else None
    if match is None or (match.group("sign") and match.group("sign2")):
        raise MoneyError(not_amount)
    for mark in (match.group("before"), match.group("after")):
        if mark and not _is_shop_currency(mark, currency):
            raise MoneyError(
                _(
                    "“{text}” is in another currency ({mark}), but the shop works in {currency}; "
                    "write the amount in {currency}, e.g. {example}."
                ).format(text=_shown(text), mark=mark, currency=currency, example=example),
                "currency",
            )
    if match.group("before") and match.group("after"):
        raise MoneyError(not_amount)
    sign = -1 if "-" in (match.group("sign") + match.group("sign2")) else 1
    number = re.sub(r"[\s']", "", match.group("number"))
    point, group = (",", ".") if decimal_comma else (".", ",")
    places = exponent(currency)
    whole, mark, fraction = number.rpartition(point) if point in number else (number, "", "")
    if mark and (group in fraction or point in whole):
        raise MoneyError(not_amount)
    if group in whole:
        parts = whole.split(group)
        if not parts[0] or len(parts[0]) > 3 or any(len(p) != 3 for p in parts[1:]):
            right = _rewrite(number, group, point, places)
            raise MoneyError(
                _("“{text}” uses “{mark}” as a decimal mark; write it like {example}.").format(
                    text=_shown(text), mark=group, example=right
                )
                if right
                else not_amount,
                "comma" if right else "not_amount",
            )
        if not mark and places and len(parts) == 2 and len(parts[1].rstrip("0")) <= places:
            # "1,500": 1500, or 1.5 written with a decimal comma? Ask rather than guess.
            raise MoneyError(
                _(
                    "“{text}” could be {whole} or {decimal}; write it without “{mark}”, or with “{point}” for decimals."
                ).format(
                    text=_shown(text),
                    whole=whole.replace(group, ""),
                    decimal=f"{parts[0]}{point}{parts[1]}",
                    mark=group,
                    point=point,
                ),
                "comma",
            )
        whole = whole.replace(group, "")
    if not whole.isdigit() or (mark and not fraction.isdigit()):
        raise MoneyError(not_amount)
    if len(whole.lstrip("0")) > MAX_DIGITS:
        raise MoneyError(
            _("“{text}” is too large for an amount; check the digits.").format(text=_shown(text)), "too_large"
        )
    if len(fraction.rstrip("0")) > places:
        raise MoneyError(
            _("“{text}” has more decimals than {currency} has; round it.").format(text=_shown(text), currency=currency),
            "decimals",
        )
    fraction = fraction.rstrip("0")
    minor = int(whole) * 10**places + (int(fraction.ljust(places, "0")) if fraction else 0)
    return int(sign * minor)


def _is_shop_currency(mark: str, currency: str) -> bool:
    if mark in _MARKS:
        return currency in _MARKS[mark]
    return mark.upper() == currency or (mark.upper() == "RMB" and currency == "CNY")


def _rewrite(number: str, group: str, point: str, places: int) -> str:
    """ "1,50" as the shop writes it ("1.50"), when a comma reads as a decimal comma; else ""."""
    if number.count(group) != 1 or point in number:
        return ""
    whole, fraction = number.split(group)
    if not whole.isdigit() or not fraction.isdigit() or len(fraction) > max(places, 1):
        return ""
    return f"{whole}{point}{fraction}"


def _shown(text: str) -> str:
    """The text as it can be shown in a message: short, printable."""
    cleaned = "".join(ch if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF else "\ufffd" for ch in text)
    return cleaned if len(cleaned) <= 40 else cleaned[:40] + "…"
