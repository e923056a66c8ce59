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
    DATAMATRIX = "datamatrix"


_GTIN_BY_LENGTH = {8: Symbology.EAN8, 12: Symbology.UPCA, 13: Symbology.EAN13, 14: Symbology.GTIN14}


def check_digit(body: str) -> int:
    """The GS1 mod-10 check digit for ``body`` (all digits but the last)."""
    if not body.isdigit():
        raise ValueError(f"not all digits: {body!r}")
    backwards = body[::-1]  # the digit next to the check digit weighs 3, the one before it 1, ...
    total = 3 * sum(map(int, backwards[0::2])) + sum(map(int, backwards[1::2]))
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


# --- one key per retail code ------------------------------------------------------------------------
#
# Every written form of one GTIN gets the same 14-digit key: EAN-8, UPC-E (through the UPC-A it
# expands to), UPC-A, EAN-13, ITF-14 / GTIN-14, and AI (01) in a GS1 element string (GS1-128, GS1
# QR, GS1 DataMatrix, GS1 DataBar), whether it comes with the AIM symbology prefix a scanner adds
# ("]C1", "]Q3", "]d2"), FNC1 as the GS character, in the "(01)..." form printed under the bars, or
# as a GS1 Digital Link web address ("https://id.gs1.org/01/09501101530003"). Any other code (an
# in-shop Code 128, a SKU, an order number) is its own key, exactly as written without spaces.

GS = "\x1d"  # FNC1 inside a GS1 element string, as decoders and scanners send it
# AIM symbology identifiers that mark a GS1 element string; the others are stripped before a bare GTIN.
GS1_PREFIXES = ("]C1", "]e0", "]d2", "]Q3", "]J1")
_AIM_PREFIX_LENGTH = 3
GTIN_LENGTH = 14
# GS1 General Specifications, figure 7.8.5-2: element strings starting with these two digits have a
# fixed length (application identifier included) and are never followed by FNC1.
_FIXED_LENGTH = {
    "00": 20,
    "01": 16,
    "02": 16,
    "03": 16,
    "04": 18,
    **{str(n): 8 for n in range(11, 20)},
    "20": 4,
    **{str(n): 10 for n in range(31, 37)},
    "41": 16,
}
_DIGITAL_LINK = ("/01/", "/gtin/")


def _as_gtin14(code: str, symbology: str | None) -> tuple[str, ...]:
    """The keys of a bare all-digit GTIN, the likelier reading first (an 8-digit code can be both)."""
    if not is_valid_gtin(code):
        return ()
    if len(code) != 8:
        return (code.zfill(14),)
    as_ean8 = code.zfill(14) if check_digit(code[:-1]) == int(code[-1]) else None
    as_upce: str | None = None
    if code[0] in "01":
        upca = upce_to_upca(code)
        if check_digit(upca[:-1]) == int(upca[-1]):
            as_upce = upca.zfill(14)
    # Without a decoder's word: EAN-8 numbers starting with 0 are only for use inside a company,
    # while UPC-E's number system 0 is the everyday one.
    upce_first = symbology == Symbology.UPCE.value or (symbology != Symbology.EAN8.value and code[0] == "0")
    first, second = (as_upce, as_ean8) if upce_first else (as_ean8, as_upce)
    return tuple(key for key in (first, second) if key is not None)


def gs1_gtin(text: str) -> str | None:
    """The GTIN-14 in AI (01) of a GS1 element string, or None when there is none (or it is wrong).

    ``text`` may carry a GS1 symbology prefix ("]C1", "]Q3", "]d2"), FNC1 as GS characters or
    none (fixed-length elements need no separator), or be the "(01)...(17)..." form printed on the
    label. A variable-length element before (01) needs its GS separator, as GS1 requires.
    """
    text = text.strip()
    if text.startswith(GS1_PREFIXES):
        text = text[_AIM_PREFIX_LENGTH:]
    if text.startswith("("):
        return _bracketed_gtin(text)
    for segment in text.replace(" ", "").split(GS):
        position = 0
        while position + 2 <= len(segment):
            ai = segment[position : position + 2]
            if ai == "01":
                gtin = segment[position + 2 : position + 16]
                return gtin if len(gtin) == 14 and gtin.isdigit() and is_valid_gtin(gtin) else None
            length = _FIXED_LENGTH.get(ai)
            if length is None:
                break  # a variable-length element: it runs to the next GS
            position += length
    return None


def _bracketed_gtin(text: str) -> str | None:
    rest = text.replace(" ", "")
    while rest.startswith("("):
        ai, closing, rest = rest[1:].partition(")")
        if not closing or not ai.isdigit():
            return None
        value, _bracket, _more = rest.partition("(")
        if ai == "01":
            return value if len(value) == 14 and value.isdigit() and is_valid_gtin(value) else None
        rest = rest[len(value) :]
    return None


def _digital_link_gtin(text: str) -> str | None:
    """The GTIN of a GS1 Digital Link address ("https://example.com/01/09501101530003/10/ABC")."""
    lowered = text.strip().lower()
    if not lowered.startswith(("http://", "https://")):
        return None
    for marker in _DIGITAL_LINK:
        at = lowered.find(marker)
        if at >= 0:
            value = lowered[at + len(marker) :].split("/")[0].split("?")[0].split("#")[0]
            if value.isdigit() and len(value) in (8, 12, 13, 14) and is_valid_gtin(value):
                return value.zfill(14)
    return None


def gtin_keys(text: str, symbology: Symbology | str | None = None) -> tuple[str, ...]:
    """Every GTIN-14 ``text`` may stand for, the likeliest first; empty when it carries no GTIN.

    Usually one. An 8-digit code whose check digit is right both as EAN-8 and as UPC-E (one in ten
    starting with 0 or 1) gives both: the one ``symbology`` (what the decoder saw) says first;
    without it, UPC-E first when the code starts with 0, EAN-8 first when it starts with 1.
    """
    hint = symbology.value if isinstance(symbology, Symbology) else symbology
    code = "".join(text.split(" ")).strip(" \t\r\n")  # a leading GS (FNC1) marks GS1: keep it
    if code.isdigit() and len(code) <= GTIN_LENGTH:
        return _as_gtin14(code, hint)
    if code.startswith("]") and not code.startswith(GS1_PREFIXES):
        bare = code[_AIM_PREFIX_LENGTH:]
        return _as_gtin14(bare, hint) if bare.isdigit() else ()
    # An element string: marked (prefix, GS, brackets), or starting with (01) or another fixed-length
    # element (a scanner that drops FNC1 sends "17261231" + "01..." as one run of digits).
    marked = GS in code or code.startswith(("(", "01", *GS1_PREFIXES))
    gtin = gs1_gtin(code) if marked or (code[:2] in _FIXED_LENGTH and len(code) > GTIN_LENGTH + 2) else None
    if gtin is None:
        gtin = _digital_link_gtin(code)
    return (gtin,) if gtin else ()


def gtin_key(text: str, symbology: Symbology | str | None = None) -> str | None:
    """The GTIN-14 key of a retail code in any form, or None when ``text`` carries no valid GTIN."""
    keys = gtin_keys(text, symbology)
    return keys[0] if keys else None


def code_key(text: str) -> str:
    """The key a product code is stored and matched under: its GTIN-14 when it carries a GTIN,
    else the code itself without spaces (an internal Code 128 or SKU matches only exactly).

    It depends on the digits alone, never on the symbology stored beside them, so that a code
    typed into the catalogue gets the same key whatever label it was given.
    """
    key = gtin_key(text)
    return key if key is not None else "".join(text.split())


def lookup_keys(text: str, symbology: Symbology | str | None = None) -> tuple[str, ...]:
    """The keys to look a scanned or typed code up by, best first (see ``gtin_keys``)."""
    return gtin_keys(text, symbology) or ("".join(text.split()),)
