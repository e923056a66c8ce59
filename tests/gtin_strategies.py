"""Random GTINs of every family and every way each can be written or scanned (hypothesis strategies).

Importable from every test folder. ``retail_codes()`` draws a ``RetailCode``: the GTIN as printed
under the bars (``printed``), its GTIN-14 key, and the digit forms a shop may type into the
catalogue. ``scanned_forms(code)`` draws one written form of it with the symbology a decoder
would report: the digits with and without leading zeros, the UPC-E of a UPC-A, GS1-128 / GS1 QR /
GS1 DataMatrix element strings with other AIs before and after (01), with and without FNC1 (GS)
separators and symbology prefixes, the "(01)" form printed on labels, and a GS1 Digital Link.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import assume
from hypothesis import strategies as st

from orderapp.domain.gtin import check_digit, upce_to_upca, with_check_digit
from orderapp.scanning.gtin_forms import upca_to_upce

GS = "\x1d"
FAMILIES = ("ean8", "upce", "upca", "ean13", "gtin14")


@dataclass(frozen=True)
class RetailCode:
    family: str
    printed: str  # as printed under the bars
    key: str  # GTIN-14

    def digit_forms(self) -> list[tuple[str, str | None]]:
        """Every all-digit way to write it, with the symbology a decoder reports for that form."""
        k = self.key
        forms: list[tuple[str, str | None]] = [(k, "gtin14")]
        if k[0] == "0":
            forms.append((k[1:], "ean13"))
        if k[:2] == "00":
            forms.append((k[2:], "upca"))
        if self.family == "ean8":
            forms.append((self.printed, "ean8"))
        if self.family == "upce":
            forms.append((self.printed, "upce"))
        return forms


def _digits(count: int, first: str = "0123456789") -> st.SearchStrategy[str]:
    return st.tuples(
        st.sampled_from(first), st.text(alphabet="0123456789", min_size=count - 1, max_size=count - 1)
    ).map("".join)


def _ambiguous_8(code: str) -> bool:
    """Valid both as EAN-8 and as UPC-E: such a code typed without its symbology is read as UPC-E
    when it starts with 0, as EAN-8 when it starts with 1 (see domain.gtin.gtin_keys)."""
    if code[0] not in "01" or check_digit(code[:-1]) != int(code[-1]):
        return False
    upca = upce_to_upca(code)
    return check_digit(upca[:-1]) == int(upca[-1])


@st.composite
def retail_codes(draw: st.DrawFn, families: tuple[str, ...] = FAMILIES) -> RetailCode:
    family = draw(st.sampled_from(families))
    if family == "ean8":
        printed = with_check_digit(draw(_digits(7)))
        assume(not (_ambiguous_8(printed) and printed[0] == "0"))  # such a code is taken as UPC-E
        return RetailCode(family, printed, printed.zfill(14))
    if family == "upce":
        body = draw(st.sampled_from("01")) + draw(_digits(6))
        upca = upce_to_upca(body + "0")[:-1]
        upca = with_check_digit(upca)
        printed = body + upca[-1]
        assume(upca_to_upce(upca) == printed)  # the one way a UPC-A is printed as UPC-E (zero suppression)
        assume(not (_ambiguous_8(printed) and printed[0] == "1"))  # such a code is taken as EAN-8
        return RetailCode(family, printed, upca.zfill(14))
    if family == "upca":
        printed = with_check_digit(draw(_digits(11)))
        return RetailCode(family, printed, printed.zfill(14))
    if family == "ean13":
        printed = with_check_digit(draw(_digits(12, first="123456789")))
        return RetailCode(family, printed, printed.zfill(14))
    printed = with_check_digit(draw(_digits(13, first="12345678")))
    return RetailCode(family, printed, printed)


_LOT = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-", min_size=1, max_size=10)
_DATE = st.tuples(st.integers(20, 39), st.integers(1, 12), st.integers(1, 28)).map(
    lambda d: f"{d[0]:02d}{d[1]:02d}{d[2]:02d}"
)


@st.composite
def scanned_forms(draw: st.DrawFn, code: RetailCode) -> tuple[str, str | None]:
    """One written or scanned form of ``code``: (text, symbology the decoder reports or None)."""
    digit_forms = code.digit_forms()
    kind = draw(st.sampled_from(("digits", "bracketed", "element", "element_after", "digital_link")))
    key, lot, date = code.key, draw(_LOT), draw(_DATE)
    if kind == "digits":
        text, symbology = draw(st.sampled_from(digit_forms))
        return text, draw(st.sampled_from((symbology, None)))
    if kind == "bracketed":
        tail = draw(st.sampled_from(("", f"(17){date}", f"(17){date}(10){lot}", f"(10){lot}(21)7")))
        return f"(01){key}{tail}", draw(st.sampled_from((None, "qr", "datamatrix", "code128")))
    prefix, symbology = draw(
        st.sampled_from((("]C1", "code128"), ("]Q3", "qr"), ("]d2", "datamatrix"), ("", None), (GS, None)))
    )
    if kind == "element":
        # (01) first; fixed-length (17) needs no separator, variable (10) ends with GS or the string
        tail = draw(st.sampled_from(("", f"17{date}", f"17{date}10{lot}", f"10{lot}{GS}17{date}", f"10{lot}")))
        return f"{prefix}01{key}{tail}", symbology
    if kind == "element_after":
        # other elements before (01): an SSCC or a date (fixed length), or a lot with its GS
        head = draw(st.sampled_from((f"17{date}", f"10{lot}{GS}", f"00{'3' * 17}7", f"11{date}17{date}")))
        return f"{prefix or ']d2'}{head}01{key}", symbology or "datamatrix"
    path = draw(st.sampled_from(("", f"/10/{lot}", f"/21/{lot}?17={date}")))
    return f"https://id.gs1.org/01/{key}{path}", "qr"
