"""GTIN check digits (EAN-8, UPC-A, UPC-E, EAN-13, GTIN-14) and in-store codes."""

from __future__ import annotations

from enum import StrEnum


class Symbology(StrEnum):
    EAN8 = "ean8"
    UPCE = "upce"
    UPCA = "upca"
    EAN13 = "ean13"
    GTIN14 = "gtin14"
    CODE128 = "code128"
    QR = "qr"


_GTIN_BY_LENGTH = {8: Symbology.EAN8, 12: Symbology.UPCA, 13: Symbology.EAN13, 14: Symbology.GTIN14}


def check_digit(body: str) -> int:
    """The GS1 mod-10 check digit for ``body`` (all digits but the last)."""
    if not body.isdigit():
        raise ValueError(f"not all digits: {body!r}")
    total = 0
    for position, digit in enumerate(reversed(body)):
        total += int(digit) * (3 if position % 2 == 0 else 1)
    return (10 - total % 10) % 10


def with_check_digit(body: str) -> str:
    return body + str(check_digit(body))


def upce_to_upca(code: str) -> str:
    """Expand an 8-digit UPC-E (number system, 6 digits, check) to its 12-digit UPC-A."""
    if len(code) != 8 or not code.isdigit() or code[0] not in "01":
        raise ValueError(f"not a UPC-E code: {code!r}")
    ns, d, check = code[0], code[1:7], code[7]
    last = d[5]
    if last in "012":
        body = d[0:2] + last + "0000" + d[2:5]
    elif last == "3":
        body = d[0:3] + "00000" + d[3:5]
    elif last == "4":
        body = d[0:4] + "00000" + d[4]
    else:
        body = d[0:5] + "0000" + last
    return ns + body + check


def is_valid_gtin(code: str) -> bool:
    """True for a well-formed EAN-8, UPC-E, UPC-A, EAN-13 or GTIN-14 with a correct check digit.

    An 8-digit code is accepted when it is valid as EAN-8 or as UPC-E.
    """
    if not code.isdigit() or len(code) not in (8, 12, 13, 14):
        return False
    if len(code) == 8 and code[0] in "01":
        try:
            upca = upce_to_upca(code)
        except ValueError:
            upca = ""
        if upca and check_digit(upca[:-1]) == int(upca[-1]):
            return True
    return check_digit(code[:-1]) == int(code[-1])


def gtin_symbology(code: str) -> Symbology | None:
    """The GTIN family a valid code belongs to, or None when it is not a valid GTIN."""
    if not is_valid_gtin(code):
        return None
    if len(code) == 8 and check_digit(code[:-1]) != int(code[-1]):
        return Symbology.UPCE
    return _GTIN_BY_LENGTH[len(code)]


def is_in_store_ean13(code: str) -> bool:
    """EAN-13 codes with prefix 20-29 are reserved for a shop's own use (internal barcodes)."""
    return len(code) == 13 and code[:2] in {str(n) for n in range(20, 30)} and is_valid_gtin(code)
