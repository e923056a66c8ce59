"""Postal addresses as they are written on a parcel in the country they go to."""

from __future__ import annotations

from orderapp.documents.text import one_line
from orderapp.documents.words import country as country_name


def address_lines(
    line1: str,
    line2: str,
    city: str,
    region: str,
    postcode: str,
    country: str,
    *,
    home_country: str = "CN",
) -> tuple[str, ...]:
    """The lines of an address; the country is left off for parcels that stay in the shop's country.

    Chinese addresses go from the province down (广东省深圳市 南山区...), the postcode on its own line;
    elsewhere street first, then "city region postcode".
    """
    line1, line2, city, region, postcode = (one_line(part) for part in (line1, line2, city, region, postcode))
    country = country.strip().upper()
    lines: list[str] = []
    if country in ("CN", "TW", "MO") or (not country and home_country == "CN" and _looks_chinese(line1 + city)):
        place = region + (city if city != region else "")
        lines += [part for part in (place, line1, line2, postcode) if part]
    else:
        lines += [part for part in (line1, line2) if part]
        town = " ".join(part for part in (city, region, postcode) if part)
        if town:
            lines.append(town)
    if country and country != home_country.upper():
        lines.append(country_name(country))
    return tuple(lines)


def _looks_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)
