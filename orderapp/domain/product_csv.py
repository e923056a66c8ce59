"""The product CSV format, shared by export and import (pure: no I/O).

The export's header is the import template: the same column names, in this order. Money is in
major units of the shop's currency with its decimals ("12.50"); barcodes of one kind share a cell,
separated by spaces; ``case_qty`` gives each case barcode's pack quantity in the same order (one
number serves them all). ``active`` is yes or no.

Spreadsheet formula injection: a cell that starts with = + - @ (or a tab or carriage return) is
written with a leading apostrophe, so that Excel or LibreOffice show it as text instead of running
it. The import takes exactly that apostrophe off again (``restore``), so an exported file
re-imports unchanged.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from orderapp.domain.money import MAX_DIGITS, MoneyError, exponent, parse_money
from orderapp.i18n import _

COLUMNS: tuple[str, ...] = (
    "sku",
    "name",
    "category",
    "location",
    "unit",
    "price",
    "cost",
    "reorder_point",
    "reorder_qty",
    "barcodes",
    "case_barcodes",
    "case_qty",
    "internal_barcodes",
    "active",
)
REQUIRED: tuple[str, ...] = ("sku",)

# Headers people write, in English and Chinese, for each column (compared after ``header_key``).
ALIASES: dict[str, tuple[str, ...]] = {
    "sku": ("sku", "item_code", "product_code", "code", "货号", "商品编码", "商品编号", "编码", "sku编码"),
    "name": ("name", "product_name", "product", "title", "description", "名称", "商品名称", "品名", "商品名"),
    "category": ("category", "group", "分类", "类别", "商品分类", "品类"),
    "location": ("location", "bin", "shelf", "库位", "货位", "位置", "货架"),
    "unit": ("unit", "uom", "单位"),
    "price": ("price", "sale_price", "retail_price", "售价", "价格", "零售价", "销售价"),
    "cost": ("cost", "cost_price", "purchase_price", "进价", "成本", "成本价", "采购价"),
    "reorder_point": ("reorder_point", "min_stock", "补货点", "再订货点", "最低库存"),
    "reorder_qty": ("reorder_qty", "reorder_quantity", "补货量", "再订货量", "补货数量"),
    "barcodes": ("barcodes", "barcode", "ean", "upc", "gtin", "条码", "条形码", "商品条码"),
    "case_barcodes": ("case_barcodes", "case_barcode", "箱码", "箱条码", "外箱条码"),
    "case_qty": ("case_qty", "pack_qty", "case_quantity", "箱规", "每箱数量", "装箱数"),
    "internal_barcodes": ("internal_barcodes", "internal_barcode", "店内码", "内部条码"),
    "active": ("active", "status", "在售", "启用", "状态"),
}

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"

_YES = {"yes", "y", "true", "1", "active", "是", "启用", "在售", "有效"}
_NO = {"no", "n", "false", "0", "inactive", "否", "停用", "停售", "无效"}


def header_key(text: str) -> str:
    return "_".join(text.strip().lower().replace("-", " ").split())


def suggest_mapping(headers: list[str]) -> dict[str, str]:
    """Which field each file column most likely holds ("" for a column to ignore)."""
    lookup = {header_key(alias): field for field, aliases in ALIASES.items() for alias in aliases}
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for header in headers:
        field = lookup.get(header_key(restore(header)), "")
        if field in used:
            field = ""
        mapping[header] = field
        if field:
            used.add(field)
    return mapping


def neutralise(cell: str) -> str:
    """The cell as written to a CSV: text a spreadsheet would run as a formula gets an apostrophe."""
    if cell.startswith(FORMULA_START) or restore(cell) != cell:
        return QUOTE + cell
    return cell


def restore(cell: str) -> str:
    """Undo ``neutralise``: ``restore(neutralise(x)) == x`` for every text."""
    if len(cell) >= 2 and cell[0] == QUOTE and (cell[1] == QUOTE or cell[1:].startswith(FORMULA_START)):
        return cell[1:]
    return cell


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gb18030"


class UnreadableFile(ValueError):
    pass


def decode_csv_bytes(data: bytes, encoding: str | None = None) -> DecodedText:
    """Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.

    GB18030 is what Excel writes on a Chinese Windows ("CSV" there is GBK, a subset of it).
    UTF-8 is tried first: GBK text with Chinese in it is practically never valid UTF-8.
    """
    if encoding:
        try:
            return DecodedText(data.decode(encoding), encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise UnreadableFile(
                _("The file cannot be read as {encoding}; choose another encoding or save it as UTF-8.").format(
                    encoding=encoding
                )
            ) from exc
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    for name in candidates:
        try:
            return DecodedText(data.decode(name), name)
        except UnicodeDecodeError:
            if name.startswith("utf-8"):
                try:  # half characters (lone surrogates): read, then refused by row
                    return DecodedText(data.decode(name, "surrogatepass"), name)
                except UnicodeDecodeError:
                    pass
            continue
    raise UnreadableFile(
        _(
            "The file is not text in UTF-8 or GB18030/GBK. In Excel use “Save As” and choose "
            "“CSV UTF-8 (Comma delimited)”, then import that file."
        )
    )


def sniff_delimiter(first_line: str) -> str:
    """Comma unless the header is clearly split by semicolons or tabs (European / “Unicode text” Excel)."""
    counts = {d: _count_outside_quotes(first_line, d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] > 0 else ","


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


# --- cells --------------------------------------------------------------------------------------


def format_amount(minor: int, currency: str) -> str:
    """Minor units as a plain number with the currency's decimals: 1250 CNY -> "12.50"."""
    places = exponent(currency)
    sign = "-" if minor < 0 else ""
    units, rest = divmod(abs(minor), 10**places)
    return f"{sign}{units}" + (f".{rest:0{places}d}" if places else "")


def parse_amount(text: str, currency: str, *, decimal_comma: bool = False) -> tuple[int | None, str]:
    """(minor units, "") or (None, why not). ``decimal_comma``: the file writes 1,50 for 1.50."""
    places = exponent(currency)
    units, dot, fraction = text.partition(".")
    plain = units.isdigit() and units.isascii() and len(units) <= MAX_DIGITS and not decimal_comma
    if plain and (not dot or (fraction.isdigit() and len(fraction) <= places)):
        return int(units) * 10**places + (int(fraction.ljust(places, "0")) if fraction else 0), ""  # "12.50"
    try:
        value = parse_money(text, currency, decimal_comma=decimal_comma)
    except MoneyError as exc:
        return None, str(exc)
    if value < 0:
        return None, _("“{text}” is negative; a price cannot be below 0.").format(text=text)
    return value, ""


def parse_count(text: str) -> tuple[int | None, str]:
    """A whole number of 0 or more ("12", also "12.0" as spreadsheets write it)."""
    cleaned = text.strip().replace(",", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None, _("“{text}” is not a whole number.").format(text=text)
    if not value.is_finite() or value != value.to_integral_value():
        return None, _("“{text}” is not a whole number.").format(text=text)
    if value < 0:
        return None, _("“{text}” is negative; type 0 or more.").format(text=text)
    return int(value), ""


def parse_active(text: str) -> tuple[bool | None, str]:
    key = text.strip().lower()
    if key == "" or key in _YES:
        return True, ""
    if key in _NO:
        return False, ""
    return None, _("“{text}” is not yes or no.").format(text=text)


def format_active(active: bool) -> str:
    return "yes" if active else "no"


def split_codes(text: str) -> list[str]:
    """Codes in one cell, separated by spaces, commas or semicolons."""
    return [code for code in text.replace(",", " ").replace(";", " ").replace("|", " ").split() if code]
