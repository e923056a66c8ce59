"""Pure rules for a product as a person types it: SKU, name, prices, reorder figures and barcodes.

No I/O here: the product form re-runs ``validate_product`` on every edit, and the CSV import runs it
on every row. What needs the database (a SKU or barcode already used by another product) is checked
by ``orderapp.services.stock.catalogue`` on top of these rules, with the same field names.

Field names: ``sku``, ``name``, ``category``, ``location``, ``unit``, ``price_cents``, ``cost_cents``,
``reorder_point``, ``reorder_qty``, ``barcodes[i].code``, ``barcodes[i].pack_qty``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from orderapp.domain.gtin import Symbology, code_key, gtin_symbology, is_in_store_ean13, with_check_digit
from orderapp.errors import FieldError
from orderapp.i18n import _

SKU_MAX = 64
NAME_MAX = 300
CATEGORY_MAX = 100
LOCATION_MAX = 64
UNIT_MAX = 20
CODE_MAX = 64
PACK_MAX = 100_000
# Integer columns: keep every figure well inside a signed 32-bit INTEGER on PostgreSQL.
AMOUNT_MAX = 2_000_000_000
QTY_MAX = 1_000_000_000

# Generated internal codes: EAN-13 starting "20" (GS1 keeps 20-29 for a shop's own use).
INTERNAL_PREFIX = "20"


class BarcodeKind(StrEnum):
    UNIT = "unit"  # the product's own GTIN: one scan is one unit
    CASE = "case"  # an outer case: one scan is ``pack_qty`` units
    INTERNAL = "internal"  # a code the shop made (in-store EAN-13 or Code 128)


@dataclass(frozen=True, slots=True)
class BarcodeDraft:
    code: str
    kind: BarcodeKind = BarcodeKind.UNIT
    pack_qty: int = 1


@dataclass(frozen=True, slots=True)  # slots: an import holds one per row
class ProductDraft:
    """A product as typed in the form or read from a CSV row (money in minor units)."""

    sku: str
    name: str
    category: str = ""
    location: str = ""
    unit: str = ""
    price_cents: int = 0
    cost_cents: int = 0
    reorder_point: int = 0
    reorder_qty: int = 0
    active: bool = True
    barcodes: tuple[BarcodeDraft, ...] = field(default_factory=tuple)


def clean_code(text: str) -> str:
    """A code as scanned or typed, without the spaces people put in to read it ("690 1234 567892")."""
    return "".join(text.split())


def normalised(draft: ProductDraft) -> ProductDraft:
    """The draft as it is stored: text fields without surrounding spaces, codes without spaces."""
    return replace(
        draft,
        name=draft.name.strip(),
        category=draft.category.strip(),
        location=draft.location.strip(),
        unit=draft.unit.strip(),
        barcodes=tuple(replace(b, code=clean_code(b.code)) for b in draft.barcodes),
    )


def barcode_symbology(code: str) -> Symbology | None:
    """The symbology of an acceptable code, or None when it is not acceptable (see ``barcode_problem``)."""
    if code.isdigit():
        return gtin_symbology(code)
    if code and code.isascii() and code.isprintable() and len(code) <= CODE_MAX:
        return Symbology.CODE128
    return None


def barcode_problem(code: str) -> str:
    """Why ``code`` cannot be a product barcode; empty when it can.

    All-digit codes must be GTINs (EAN-8, UPC-E, UPC-A, EAN-13, GTIN-14) with a correct check digit:
    a digit typed wrong is caught here instead of at the packing bench. Codes with letters are
    printed as Code 128 and must be plain printable ASCII.
    """
    if not code:
        return _("Type or scan the barcode.")
    if code.isdigit():
        if len(code) not in (8, 12, 13, 14):
            if len(code) == 11 and gtin_symbology("0" + code) is not None:
                return _(
                    "{code} has 11 digits; it looks like a UPC-A whose leading 0 a spreadsheet dropped. "
                    "Type it as 0{code}."
                ).format(code=code)
            return _(
                "{code} has {n} digits; a barcode of digits has 8 (EAN-8, UPC-E), 12 (UPC-A), 13 (EAN-13) "
                "or 14 (GTIN-14). Check the number on the pack."
            ).format(code=code, n=len(code))
        if gtin_symbology(code) is None:
            return _(
                "{code} has a wrong check digit (the last digit should be {digit}); a digit was probably "
                "typed wrong. Check the number on the pack or scan it."
            ).format(code=code, digit=with_check_digit(code[:-1])[-1])
        return ""
    if _looks_like_scientific(code):
        return _(
            "{code} is a number a spreadsheet shortened; format the barcode column as text and type the "
            "full number again."
        ).format(code=code)
    if len(code) > CODE_MAX:
        return _("A barcode can be at most {n} characters.").format(n=CODE_MAX)
    if not (code.isascii() and code.isprintable()):
        return _(
            "{code} has characters a barcode cannot hold; use digits, Latin letters and simple symbols only."
        ).format(code=code)
    return ""


def _looks_like_scientific(code: str) -> bool:
    mantissa, sep, exponent = code.upper().partition("E+")
    return bool(sep) and exponent.isdigit() and mantissa.replace(".", "", 1).isdigit()


def validate_product(draft: ProductDraft) -> list[FieldError]:
    """Every problem with the product as typed, each under its field; empty when it can be saved."""
    errors: list[FieldError] = []
    sku = draft.sku
    if not sku.strip():
        errors.append(FieldError("sku", _("Type the product's SKU (your own code for it, e.g. TEA-001).")))
    elif sku != sku.strip():
        errors.append(FieldError("sku", _("The SKU starts or ends with a space; remove it.")))
    elif len(sku) > SKU_MAX:
        errors.append(FieldError("sku", _("The SKU can be at most {n} characters.").format(n=SKU_MAX)))
    elif not sku.isprintable():
        errors.append(FieldError("sku", _("The SKU holds a tab or line break; remove it.")))
    if not draft.name.strip():
        errors.append(FieldError("name", _("Type the product's name as customers and staff know it.")))
    elif len(draft.name) > NAME_MAX:
        errors.append(FieldError("name", _("The name can be at most {n} characters.").format(n=NAME_MAX)))
    for name, value, limit in (
        ("category", draft.category, CATEGORY_MAX),
        ("location", draft.location, LOCATION_MAX),
        ("unit", draft.unit, UNIT_MAX),
    ):
        if len(value) > limit:
            errors.append(FieldError(name, _("This can be at most {n} characters.").format(n=limit)))
    for name, amount in (("price_cents", draft.price_cents), ("cost_cents", draft.cost_cents)):
        if amount < 0:
            errors.append(FieldError(name, _("A price cannot be negative; type 0 for a free item.")))
        elif amount > AMOUNT_MAX:
            errors.append(FieldError(name, _("This price is too large; check the number.")))
    for name, qty in (("reorder_point", draft.reorder_point), ("reorder_qty", draft.reorder_qty)):
        if qty < 0:
            errors.append(FieldError(name, _("Type a whole number of 0 or more.")))
        elif qty > QTY_MAX:
            errors.append(FieldError(name, _("This number is too large; check it.")))
    errors.extend(validate_barcodes(draft.barcodes))
    return errors


def validate_barcodes(barcodes: tuple[BarcodeDraft, ...]) -> list[FieldError]:
    errors: list[FieldError] = []
    seen: dict[str, int] = {}  # key (one per GTIN, however written) -> first line with it
    for index, barcode in enumerate(barcodes):
        where = f"barcodes[{index}]"
        problem = barcode_problem(barcode.code)
        key = code_key(barcode.code)
        if problem:
            errors.append(FieldError(f"{where}.code", problem))
        elif key in seen:
            first = barcodes[seen[key]].code
            if first == barcode.code:
                message = _("{code} is already in this product's list (line {line}).")
            else:
                message = _("{code} is the same GTIN as {other} on line {line} of this product's list; keep one.")
            errors.append(
                FieldError(f"{where}.code", message.format(code=barcode.code, other=first, line=seen[key] + 1))
            )
        seen.setdefault(key, index)
        if barcode.kind is BarcodeKind.CASE:
            if barcode.pack_qty < 2 or barcode.pack_qty > PACK_MAX:
                errors.append(
                    FieldError(
                        f"{where}.pack_qty",
                        _("Type how many units one case holds (2 or more)."),
                    )
                )
        elif barcode.pack_qty != 1:
            errors.append(
                FieldError(f"{where}.pack_qty", _("Only a case barcode has a pack quantity; make this a case code."))
            )
    return errors


def internal_code(number: int) -> str:
    """The ``number``-th generated in-store EAN-13 ("20" + 10 digits + check digit)."""
    if not 0 < number < 10**10:
        raise ValueError(f"internal code number out of range: {number}")
    code = with_check_digit(f"{INTERNAL_PREFIX}{number:010d}")
    assert is_in_store_ean13(code)
    return code


def internal_number(code: str) -> int | None:
    """The sequence number of a generated internal code, or None for any other code."""
    if len(code) == 13 and code.startswith(INTERNAL_PREFIX) and is_in_store_ean13(code):
        return int(code[2:12])
    return None
