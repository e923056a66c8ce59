"""Likely duplicate customers, found from plain values (no database): the same phone number written
another way, the same name at the same address, or names a letter or two apart at the same place.

Phones are compared as E.164 numbers (``phonenumbers``, the shop's region for numbers without a
country code), names and addresses without case, spaces or punctuation. Close names are only
compared within one place (postcode, else city) and one first letter, so the work stays near-linear
for a shop with tens of thousands of customers.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from itertools import combinations

import phonenumbers

from orderapp.i18n import _

# A place with more customers than this is not searched for close names (a city-wide block would be
# quadratic); same phone and same name+address still find its duplicates.
MAX_BLOCK = 400
CLOSE_RATIO = 0.85


class Match(StrEnum):
    SAME_PHONE = "same_phone"
    SAME_NAME_ADDRESS = "same_name_address"
    CLOSE_NAME = "close_name"


def match_label(match: str) -> str:
    return {
        Match.SAME_PHONE.value: _("same phone number"),
        Match.SAME_NAME_ADDRESS.value: _("same name and address"),
        Match.CLOSE_NAME.value: _("similar name at the same place"),
    }.get(match, match)


@dataclass(frozen=True)
class CustomerFacts:
    id: int
    name: str
    phone: str = ""  # as stored (E.164 normally; older or imported rows may hold other formats)
    address_line1: str = ""
    postcode: str = ""
    city: str = ""


@dataclass(frozen=True)
class DuplicatePair:
    first_id: int  # the lower id
    second_id: int
    matches: tuple[str, ...]  # Match values, strongest first

    @property
    def labels(self) -> str:
        return ", ".join(match_label(match) for match in self.matches)


_E164 = re.compile(r"\+[1-9]\d{6,14}")
_NOT_ALNUM = re.compile(r"[\W_]+")


def phone_key(phone: str, region: str) -> str:
    """The number in E.164, or "" when it is not a phone number at all."""
    text = phone.strip()
    if not text:
        return ""
    if _E164.fullmatch(text):  # how the app stores phones: already the key
        return text
    try:
        parsed = phonenumbers.parse(text, region.upper() or None)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(parsed):
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def plain(text: str) -> str:
    """Lower case, no spaces or punctuation, full-width letters as ordinary ones."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


def names_close(first: str, second: str) -> bool:
    """Two plain names that are probably one person typed twice: one character apart for short (e.g.
    Chinese) names with the same first character, or very similar for longer ones."""
    if not first or not second or first == second:
        return bool(first) and first == second
    if first[0] != second[0]:
        return False
    if max(len(first), len(second)) <= 4:
        if len(first) != len(second) or len(first) < 3:
            return False
        return sum(a != b for a, b in zip(first, second, strict=True)) == 1
    return SequenceMatcher(None, first, second).ratio() >= CLOSE_RATIO


def find_duplicates(customers: Iterable[CustomerFacts], region: str) -> list[DuplicatePair]:
    """Every pair of customers that look like one person, with why; by first id, then second."""
    found: dict[tuple[int, int], set[str]] = defaultdict(set)
    by_phone: dict[str, list[int]] = defaultdict(list)
    by_name_address: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_place: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for customer in customers:
        key = phone_key(customer.phone, region)
        if key:
            by_phone[key].append(customer.id)
        name = plain(customer.name)
        line1, postcode = plain(customer.address_line1), plain(customer.postcode)
        if name and line1:
            by_name_address[(name, line1 + "|" + postcode)].append(customer.id)
        place = postcode or plain(customer.city)
        if name and place:
            by_place[(place, name[0])].append((customer.id, name))
    for ids in by_phone.values():
        if len(ids) > 1:
            _pairs(found, ids, Match.SAME_PHONE)
    for ids in by_name_address.values():
        if len(ids) > 1:
            _pairs(found, ids, Match.SAME_NAME_ADDRESS)
    for block in by_place.values():
        if len(block) < 2 or len(block) > MAX_BLOCK:
            continue
        for (first_id, first), (second_id, second) in combinations(block, 2):
            if first != second and names_close(first, second):
                found[_key(first_id, second_id)].add(Match.CLOSE_NAME.value)
    order = [match.value for match in Match]
    return [
        DuplicatePair(first, second, tuple(sorted(matches, key=order.index)))
        for (first, second), matches in sorted(found.items())
    ]


def _pairs(found: dict[tuple[int, int], set[str]], ids: Sequence[int], match: Match) -> None:
    for first, second in combinations(sorted(set(ids)), 2):
        found[(first, second)].add(match.value)


def _key(first: int, second: int) -> tuple[int, int]:
    return (first, second) if first < second else (second, first)
