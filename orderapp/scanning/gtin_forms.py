"""The one written form of each GTIN, whichever decoder or scanner read it, and a key for matching.

Decoders disagree on how they print retail codes: zxing-cpp 3 gives every EAN/UPC as 13 digits
(a UPC-E expanded), ZBar gives UPC-A as 12 digits and UPC-E as 8. The shop types what is printed
under the bars: 12 digits for UPC-A, 8 for UPC-E. So that is the canonical form here.
"""

from __future__ import annotations

from orderapp.domain.gtin import Symbology, code_key, upce_to_upca
from orderapp.domain.gtin import gtin_key as gtin_key_of

GTIN_SYMBOLOGIES = frozenset({Symbology.EAN8, Symbology.UPCE, Symbology.UPCA, Symbology.EAN13, Symbology.GTIN14})


def upca_to_upce(upca: str) -> str | None:
    """The 8-digit UPC-E a 12-digit UPC-A compresses to, or None when it has no UPC-E form."""
    if len(upca) != 12 or not upca.isdigit() or upca[0] not in "01":
        return None
    ns, check = upca[0], upca[11]
    candidates = (
        upca[1:3] + upca[8:11] + upca[3],  # manufacturer ends in 000, 100 or 200
        upca[1:4] + upca[9:11] + "3",
        upca[1:5] + upca[10] + "4",
        upca[1:6] + upca[10],
    )
    for middle in candidates:
        upce = ns + middle + check
        if upce_to_upca(upce) == upca:
            return upce
    return None


def canonical_gtin(text: str, symbology: Symbology) -> tuple[str, Symbology]:
    """``text`` in the form printed under the bars (UPC-A 12 digits, UPC-E 8), with its symbology.

    An EAN-13 starting with 0 is the UPC-A it encodes (the bars are identical). Anything that is
    not a retail code comes back unchanged.
    """
    if symbology not in GTIN_SYMBOLOGIES or not text.isdigit():
        return text, symbology
    if len(text) == 13 and text[0] == "0" and symbology in (Symbology.EAN13, Symbology.UPCA, Symbology.UPCE):
        text = text[1:]
        if symbology is Symbology.EAN13:
            symbology = Symbology.UPCA
    if symbology is Symbology.UPCE and len(text) == 12:
        upce = upca_to_upce(text)
        return (upce, Symbology.UPCE) if upce else (text, Symbology.UPCA)
    return text, symbology


def gtin_key(code: str, symbology: Symbology | None = None) -> str:
    """A 14-digit key that is the same for every written form of one GTIN (for matching codes).

    ``036000291452`` (UPC-A), ``0036000291452`` (its EAN-13 form) and ``00036000291452`` give the same
    key; a UPC-E gives the key of the UPC-A it expands to. Codes that are not GTINs come back unchanged.
    The one rule lives in ``orderapp.domain.gtin.code_key``; this name stays for the scanning code.
    """
    key = gtin_key_of(code, symbology)
    return key if key is not None else code_key(code)
