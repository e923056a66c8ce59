"""Money as integer minor units (cents, fen) of the shop's currency. Never floats."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

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


def parse_money(text: str, currency: str) -> int:
    """Parse what a user typed ("12", "12.5", "1,234.56") into minor units.

    Raises ValueError for anything that is not a plain amount with at most the currency's decimals.
    """
    cleaned = text.strip().replace(",", "")
    sign = ""
    if cleaned[:1] in "+-" and cleaned:
        sign, cleaned = cleaned[0], cleaned[1:]
    for sym in sorted((*SYMBOLS.values(), currency.upper()), key=len, reverse=True):
        if cleaned.startswith(sym.strip()):
            cleaned = cleaned.removeprefix(sym.strip())
            break
    cleaned = sign + cleaned.strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {text!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not an amount: {text!r}")
    places = exponent(currency)
    scaled = value.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise ValueError(f"too many decimals for {currency}: {text!r}")
    return int(scaled)
