"""Bringing orders in from a CSV file: Shopify's orders export, or the app's own generic template.

Both formats have one row per order line; the rows of one order share its number (Shopify's
``Name``, e.g. "#1001"; the template's ``order_ref``) and the order's own fields are read from its
first row that has them. Files may be UTF-8 (with or without BOM) or GB18030/GBK.

The import is all or nothing: ``plan_import`` reads and checks the whole file without writing
anything (the preview), ``run_import`` writes a clean plan in one transaction. Every problem names
its row (as a spreadsheet numbers it: the header is row 1). Errors stop the import (unknown SKU,
bad quantity or amount, missing column, unreadable file, another currency); warnings do not (a
phone number or postcode that does not look right is kept as given). Orders whose number was
imported before are skipped and listed, so importing the same file twice is safe. Imported orders
are "received": stock is not reserved, so a shortage never blocks an import; confirm them
afterwards with ``orders.bulk_confirm``.

Shopify conventions handled: one row per line item grouped by ``Name``; ``Created at`` as
"2024-01-15 10:23:45 -0500"; a leading apostrophe on zip codes and phone numbers ("'02134", kept by
Shopify so spreadsheets do not drop leading zeros); ``Lineitem discount`` per line and ``Discount
Amount`` for the whole order (which includes the line discounts); ``Financial Status`` values
paid, partially_paid, refunded, partially_refunded, pending, authorized, voided; orders with
``Cancelled at`` are skipped.

Long imports report progress through ``progress(phase, done, total)`` and stop when
``cancelled()`` returns True (nothing is written then).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, Table, func, select, text
from sqlalchemy.orm import Session

from orderapp.domain.money import format_money
from orderapp.domain.order_numbers import order_number
from orderapp.domain.order_validation import (
    MAX_AMOUNT,
    Fulfilment,
    PaymentStatus,
    Priority,
    email_problem,
    normalise_email,
    parse_amount,
    parse_quantity,
)
from orderapp.domain.phones import digits_of, phone_problem, to_e164
from orderapp.domain.postcodes import normalise_postcode, postcode_problem
from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.services.order_search import refresh_search_rows
from orderapp.services.order_settings import OrderSettings, read_order_settings
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order, OrderEvent, OrderLine, Product, ProductBarcode
from orderapp.store.types import utc_now

Format = Literal["shopify", "generic"]
Progress = Callable[[str, int, int], None]

# The generic template: column, required, what goes in it (written out by ``write_template``).
GENERIC_COLUMNS: tuple[tuple[str, bool, str], ...] = (
    ("order_ref", True, "Your number for the order; rows with the same number are one order"),
    ("created_at", False, "When it was ordered: 2026-11-20 14:30 (shop time) or ISO 8601 with offset"),
    ("customer_name", True, "Who ordered"),
    ("phone", False, "Customer's phone, any format; numbers abroad with +country code"),
    ("email", False, "Customer's e-mail"),
    ("fulfilment", False, "delivery or pickup (default: delivery when there is an address)"),
    ("recipient", False, "Who receives the parcel (default: the customer)"),
    ("address1", False, "Street and number (needed for delivery)"),
    ("address2", False, "Flat, floor, building"),
    ("city", False, "City"),
    ("region", False, "Province or state"),
    ("postcode", False, "Postcode"),
    ("country", False, "Two-letter country code, e.g. CN (default: the shop's country)"),
    ("sku", True, "The product's SKU or barcode"),
    ("quantity", True, "Units, a whole number"),
    ("unit_price", False, "Price of one unit (default: the catalogue price)"),
    ("line_discount", False, "Discount on this line, an amount"),
    ("order_discount", False, "Discount on the whole order, an amount"),
    ("shipping_fee", False, "Shipping charged, an amount"),
    ("payment_status", False, "unpaid (default), paid, partly_paid or refunded"),
    ("amount_paid", False, "For partly_paid: how much was paid"),
    ("priority", False, "normal (default) or urgent"),
    ("due_at", False, "When it must be ready: 2026-11-22 18:00 (shop time)"),
    ("notes", False, "Anything else"),
    ("channel", False, "Where it came from: web, phone, wechat, ... (default: import)"),
)
_GENERIC_EXAMPLE = (
    {
        "order_ref": "WX-1001",
        "created_at": "2026-11-20 14:30",
        "customer_name": "王小明",
        "phone": "138 1234 5678",
        "email": "xiaoming@example.com",
        "fulfilment": "delivery",
        "address1": "南京东路100号 5楼",
        "city": "上海市",
        "region": "上海",
        "postcode": "200001",
        "country": "CN",
        "sku": "TEA-001",
        "quantity": "2",
        "shipping_fee": "10",
        "payment_status": "paid",
        "notes": "请下午送货 deliver in the afternoon",
        "channel": "wechat",
    },
    {"order_ref": "WX-1001", "sku": "6901234567892", "quantity": "1", "line_discount": "2.50"},
    {
        "order_ref": "WX-1002",
        "customer_name": "Charlotte Green",
        "phone": "+44 20 7946 0958",
        "fulfilment": "pickup",
        "sku": "NDL-002",
        "quantity": "3",
        "priority": "urgent",
    },
)
SHOPIFY_REQUIRED = ("Name", "Lineitem quantity", "Lineitem sku")
_CHUNK = 500


class ImportFailed(OrderAppError):
    """The file cannot be imported; ``plan`` (when the file could be read) lists every problem."""

    def __init__(self, message: str, plan: ImportPlan | None = None) -> None:
        super().__init__(message)
        self.plan = plan


class ImportCancelled(OrderAppError):
    pass


@dataclass(frozen=True)
class ImportProblem:
    row: int  # as a spreadsheet numbers it: the header is row 1; 0 for the file as a whole
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = _("Row {row}").format(row=self.row) if self.row else _("The file")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ImportedLine:
    row: int
    product_id: int
    sku: str
    name: str
    quantity: int
    unit_price_cents: int
    catalogue_price_cents: int
    discount_cents: int


@dataclass(frozen=True)
class ImportedOrder:
    external_ref: str
    first_row: int
    created_at: datetime
    channel: str
    customer_name: str
    phone: str  # E.164, or the digits as given when it did not look like a phone number
    email: str
    fulfilment: str
    recipient: str
    ship_phone: str
    address1: str
    address2: str
    city: str
    region: str
    postcode: str
    country: str
    lines: tuple[ImportedLine, ...]
    subtotal_cents: int
    discount_cents: int
    shipping_cents: int
    total_cents: int
    payment_status: str
    paid_cents: int
    priority: str
    due_at: datetime | None
    notes: str


@dataclass(frozen=True)
class ImportPlan:
    format: Format
    rows: int  # data rows read
    orders: tuple[ImportedOrder, ...]  # to import
    skipped: tuple[tuple[str, int, str], ...]  # (external number, first row, why): imported before, cancelled
    problems: tuple[ImportProblem, ...] = field(default=())

    @property
    def errors(self) -> tuple[ImportProblem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[ImportProblem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ImportResult:
    numbers: tuple[str, ...]  # the new orders, e.g. "SO-001234", in file order
    order_ids: tuple[int, ...]
    skipped: tuple[tuple[str, int, str], ...]
    warnings: tuple[ImportProblem, ...]
    customers_added: int


# --- reading the file --------------------------------------------------------------------------


@dataclass(frozen=True)
class CsvFile:
    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]  # (spreadsheet row number, values by column)
    encoding: str


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in: UTF-8 (a BOM is dropped), else GB18030
    (which covers GBK and GB2312). Raises ImportFailed naming the first unreadable row."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as first:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            row = data[: first.start].count(b"\n") + 1
            raise ImportFailed(
                _(
                    "The file is not UTF-8 or GB18030/GBK text (row {row} cannot be read). "
                    'Save it again as "CSV UTF-8" and import that.'
                ).format(row=row)
            ) from None


def read_csv(data: bytes) -> CsvFile:
    text_, encoding = decode(data)
    if "\x00" in text_:
        raise ImportFailed(_("This is not a CSV file (it holds binary data); export the orders as CSV."))
    sample = text_[:4096]
    delimiter = ","
    if sample.count("\t") > sample.count(",") and sample.count("\t") > sample.count(";"):
        delimiter = "\t"
    elif sample.split("\n", 1)[0].count(";") > sample.split("\n", 1)[0].count(","):
        delimiter = ";"
    reader = csv.reader(io.StringIO(text_, newline=""), delimiter=delimiter)
    try:
        header_row = next(reader, None)
        if header_row is None or not any(cell.strip() for cell in header_row):
            raise ImportFailed(_("The file is empty; it needs a header row and one row per order line."))
        header = tuple(cell.strip().lstrip("\ufeff") for cell in header_row)
        rows: list[tuple[int, dict[str, str]]] = []
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            rows.append((number, {name: cells[i] if i < len(cells) else "" for i, name in enumerate(header)}))
    except csv.Error as exc:
        raise ImportFailed(
            _("Row {row} is not valid CSV ({reason}); check its quotes.").format(row=reader.line_num, reason=exc)
        ) from None
    return CsvFile(header, tuple(rows), encoding)


def detect_format(header: Sequence[str]) -> Format | None:
    names = set(header)
    if {"Name", "Lineitem sku"} <= names or {"Name", "Lineitem quantity"} <= names:
        return "shopify"
    if "order_ref" in names:
        return "generic"
    return None


# --- checking: the preview ---------------------------------------------------------------------


def plan_import(
    database: Database,
    data: bytes | Path,
    *,
    format: Format | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportPlan:
    """Read and check a file; nothing is written. ``plan.problems`` lists what is wrong, by row."""
    raw = data.read_bytes() if isinstance(data, Path) else data
    csv_file = read_csv(raw)
    found = detect_format(csv_file.header)
    chosen = format or found
    if chosen is None:
        raise ImportFailed(
            _(
                "The columns are not those of a Shopify orders export or of the OrderApp template; "
                "write the template with --write-template and fill it in."
            )
        )
    with database.session() as session:
        settings = read_order_settings(session)
        reader = _Reader(session, settings, chosen, progress, cancelled)
        return reader.plan(csv_file)


class _Reader:
    def __init__(
        self,
        session: Session,
        settings: OrderSettings,
        format: Format,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.session = session
        self.settings = settings
        self.format: Format = format
        self.progress = progress
        self.cancelled = cancelled
        self.problems: list[ImportProblem] = []
        try:
            self.zone: ZoneInfo = ZoneInfo(settings.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self.zone = ZoneInfo("UTC")

    def error(self, row: int, message: str) -> None:
        self.problems.append(ImportProblem(row, message, "error"))

    def warning(self, row: int, message: str) -> None:
        self.problems.append(ImportProblem(row, message, "warning"))

    def check_cancel(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled(_("The import was cancelled; nothing was imported."))

    def plan(self, csv_file: CsvFile) -> ImportPlan:
        columns = _SHOPIFY if self.format == "shopify" else _GENERIC
        required = SHOPIFY_REQUIRED if self.format == "shopify" else tuple(n for n, req, _d in GENERIC_COLUMNS if req)
        missing = [name for name in required if name not in csv_file.header]
        if missing:
            self.error(
                1,
                _("The column {columns} is missing; the {format} format needs it.").format(
                    columns=", ".join(f"“{m}”" for m in missing), format=self.format
                ),
            )
            return ImportPlan(self.format, len(csv_file.rows), (), (), tuple(self.problems))
        groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
        for number, values in csv_file.rows:
            ref = values.get(columns["ref"], "").strip()
            if not ref:
                self.error(number, _("The order number ({column}) is empty.").format(column=columns["ref"]))
                continue
            groups.setdefault(ref, []).append((number, values))
        refs = list(groups)
        already = self._already_imported(refs)
        products, codes = self._products(
            {values.get(columns["sku"], "").strip() for rows in groups.values() for _n, values in rows}
        )
        orders: list[ImportedOrder] = []
        skipped: list[tuple[str, int, str]] = []
        for index, ref in enumerate(refs):
            if index % 200 == 0:
                self.check_cancel()
                if self.progress is not None:
                    self.progress(_("Checking"), index, len(refs))
            rows = groups[ref]
            if ref in already:
                skipped.append((ref, rows[0][0], _("imported before as {number}").format(number=already[ref])))
                continue
            if self.format == "shopify" and _first(rows, "Cancelled at"):
                skipped.append((ref, rows[0][0], _("cancelled in Shopify")))
                continue
            order = self._order(ref, rows, columns, products, codes)
            if order is not None:
                orders.append(order)
        if self.progress is not None:
            self.progress(_("Checking"), len(refs), len(refs))
        return ImportPlan(self.format, len(csv_file.rows), tuple(orders), tuple(skipped), tuple(self.problems))

    def _already_imported(self, refs: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(refs), _CHUNK):
            chunk = refs[start : start + _CHUNK]
            for ref, number in self.session.execute(
                select(Order.external_ref, Order.number).where(Order.external_ref.in_(chunk))
            ):
                found.setdefault(ref, number)
        return found

    def _products(self, wanted: set[str]) -> tuple[dict[str, tuple[int, str, str, int, bool]], dict[str, str]]:
        """Products by SKU, and barcode -> SKU, for the codes in the file."""
        codes = sorted(c for c in wanted if c)
        products: dict[str, tuple[int, str, str, int, bool]] = {}
        barcode_sku: dict[str, str] = {}
        columns = (Product.id, Product.sku, Product.name, Product.price_cents, Product.active)
        for start in range(0, len(codes), _CHUNK):
            chunk = codes[start : start + _CHUNK]
            variants = sorted({v for c in chunk for v in (c, c.upper())})
            for pid, sku, name, price, active in self.session.execute(
                select(*columns).where(Product.sku.in_(variants))
            ):
                products[sku] = (pid, sku, name, price, bool(active))
            for code, pid, sku, name, price, active in self.session.execute(
                select(ProductBarcode.code, *columns)
                .join(Product, Product.id == ProductBarcode.product_id)
                .where(ProductBarcode.code.in_(chunk))
            ):
                products.setdefault(sku, (pid, sku, name, price, bool(active)))
                barcode_sku[code] = sku
        return products, barcode_sku

    def _order(
        self,
        ref: str,
        rows: list[tuple[int, dict[str, str]]],
        columns: Mapping[str, str],
        products: Mapping[str, tuple[int, str, str, int, bool]],
        barcode_sku: Mapping[str, str],
    ) -> ImportedOrder | None:
        first_row = rows[0][0]
        errors_before = len(self.errors_list())
        currency = self.settings.currency
        region = self.settings.phone_region

        def get(name: str) -> tuple[str, int]:
            """The first value of a field over the order's rows (a field may have several columns,
            "a|b": the first one filled in wins), with its row."""
            for column in columns.get(name, "").split("|"):
                for number, values in rows:
                    value = values.get(column, "").strip() if column else ""
                    if value:
                        return value, number
            return "", first_row

        def amount(name: str) -> int:
            value, number = get(name)
            try:
                return parse_amount(value, currency)
            except ValueError as exc:
                self.error(number, f"{columns[name]}: {exc}")
                return 0

        if len(ref) > 64:
            self.error(first_row, _("The order number is longer than 64 characters."))
        file_currency, number = get("currency")
        if file_currency and file_currency.upper() != currency.upper():
            self.error(
                number,
                _("Order {ref} is in {given}, but the shop works in {currency}; it cannot be imported.").format(
                    ref=ref, given=file_currency, currency=currency
                ),
            )

        lines: list[ImportedLine] = []
        for number, values in rows:
            code = _unquote(values.get(columns["sku"], ""))
            if not code:
                title = values.get(columns.get("line_name", ""), "").strip()
                self.error(
                    number,
                    _("The line {name} has no SKU; add the SKU so the product can be found.")
                    .format(name=f"“{title}”" if title else "")
                    .replace("  ", " "),
                )
                continue
            product = products.get(code) or products.get(code.upper()) or products.get(barcode_sku.get(code, ""))
            if product is None:
                self.error(
                    number,
                    _("No product has the SKU or barcode “{code}”; add it to the catalogue first.").format(code=code),
                )
                continue
            pid, sku, name, price, active = product
            if not active:
                self.warning(
                    number, _("“{name}” ({sku}) is no longer sold; imported anyway.").format(name=name, sku=sku)
                )
            try:
                qty = parse_quantity(values.get(columns["qty"], ""))
            except ValueError as exc:
                self.error(number, f"{columns['qty']}: {exc}")
                continue
            unit_price = price
            price_text = values.get(columns.get("price", ""), "").strip() if columns.get("price") else ""
            if price_text:
                try:
                    unit_price = parse_amount(price_text, currency)
                except ValueError as exc:
                    self.error(number, f"{columns['price']}: {exc}")
                    continue
            discount = 0
            discount_text = (
                values.get(columns.get("line_discount", ""), "").strip() if columns.get("line_discount") else ""
            )
            if discount_text:
                try:
                    discount = parse_amount(discount_text, currency)
                except ValueError as exc:
                    self.error(number, f"{columns['line_discount']}: {exc}")
                    continue
            if qty * unit_price > MAX_AMOUNT:
                self.error(number, _("This line's total is too large; check the quantity and the price."))
                continue
            if discount > qty * unit_price:
                self.error(
                    number,
                    _("The line discount is larger than the line ({total}).").format(
                        total=format_money(qty * unit_price, currency)
                    ),
                )
                continue
            lines.append(ImportedLine(number, pid, sku, name, qty, unit_price, price, discount))

        subtotal = sum(line.quantity * line.unit_price_cents - line.discount_cents for line in lines)
        order_discount = amount("order_discount")
        if self.format == "shopify":  # "Discount Amount" includes the line discounts
            order_discount = max(0, order_discount - sum(line.discount_cents for line in lines))
        shipping = amount("shipping")
        if order_discount > subtotal and lines:
            row = get("order_discount")[1]
            self.error(
                row,
                _("The order discount is larger than the goods ({subtotal}).").format(
                    subtotal=format_money(subtotal, currency)
                ),
            )
        total = subtotal - min(order_discount, subtotal) + shipping

        created_text, created_row = get("created_at")
        created_at = self._time(created_text, created_row, utc_now())
        due_text, due_row = get("due_at")
        due_at = self._time(due_text, due_row, None) if due_text else None

        name, _row = get("customer_name")
        if not name:
            name, _row = get("recipient")
        if not name and self.format == "generic":
            self.error(first_row, _("The customer's name (customer_name) is empty."))
        email, email_row = get("email")
        if email and email_problem(email):
            self.warning(email_row, _("“{email}” is not an e-mail address; it was left out.").format(email=email))
            email = ""
        elif email:
            email = normalise_email(email)
        phone = self._phone(*get("phone"), region)
        ship_phone = self._phone(*get("ship_phone"), region) or phone

        address1, _row = get("address1")
        fulfilment_text, fulfilment_row = get("fulfilment")
        if self.format == "shopify":
            fulfilment = Fulfilment.DELIVERY.value if address1 else Fulfilment.PICKUP.value
        else:
            default = Fulfilment.DELIVERY.value if address1 else Fulfilment.PICKUP.value
            fulfilment = (fulfilment_text or default).lower()
            if fulfilment not in (Fulfilment.DELIVERY, Fulfilment.PICKUP):
                self.error(fulfilment_row, _("fulfilment must be delivery or pickup."))
        country = (get("country")[0] or region).upper()[:2]
        postcode_text, postcode_row = get("postcode")
        postcode = normalise_postcode(postcode_text, country)
        if fulfilment == Fulfilment.DELIVERY:
            if not address1:
                self.warning(first_row, _("Order {ref} is for delivery but has no address.").format(ref=ref))
            elif postcode_problem(postcode_text, country):
                self.warning(
                    postcode_row,
                    _("“{postcode}” does not look like a postcode of {country}; kept as given.").format(
                        postcode=postcode_text, country=country
                    ),
                )

        payment, paid = self._payment(get, total, currency)
        priority = (get("priority")[0] or Priority.NORMAL.value).lower()
        if priority not in (Priority.NORMAL, Priority.URGENT):
            self.error(get("priority")[1], _("priority must be normal or urgent."))
        channel = "shopify" if self.format == "shopify" else (get("channel")[0] or "import")[:20]
        if self.format == "shopify":
            file_total_text, total_row = get("file_total")
            try:
                file_total = parse_amount(file_total_text, currency) if file_total_text else None
            except ValueError:
                file_total = None
            if file_total is not None and lines and file_total != total and len(self.errors_list()) == errors_before:
                self.warning(
                    total_row,
                    _(
                        "Order {ref}: the file's total {given} differs from its lines, {computed} (taxes are not kept)."
                    ).format(ref=ref, given=format_money(file_total, currency), computed=format_money(total, currency)),
                )
        if not lines or len(self.errors_list()) > errors_before:
            return None
        return ImportedOrder(
            external_ref=ref[:64],
            first_row=first_row,
            created_at=created_at,
            channel=channel,
            customer_name=name[:200],
            phone=phone,
            email=email[:254],
            fulfilment=fulfilment,
            recipient=(get("recipient")[0] or name)[:200],
            ship_phone=ship_phone,
            address1=address1[:200] if fulfilment == Fulfilment.DELIVERY else "",
            address2=get("address2")[0][:200] if fulfilment == Fulfilment.DELIVERY else "",
            city=get("city")[0][:100] if fulfilment == Fulfilment.DELIVERY else "",
            region=get("region")[0][:100] if fulfilment == Fulfilment.DELIVERY else "",
            postcode=postcode[:20] if fulfilment == Fulfilment.DELIVERY else "",
            country=country if fulfilment == Fulfilment.DELIVERY else "",
            lines=tuple(lines),
            subtotal_cents=subtotal,
            discount_cents=min(order_discount, subtotal),
            shipping_cents=shipping,
            total_cents=total,
            payment_status=payment,
            paid_cents=paid,
            priority=priority,
            due_at=due_at,
            notes=get("notes")[0],
        )

    def errors_list(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.severity == "error"]

    def _phone(self, value: str, row: int, region: str) -> str:
        value = _unquote(value)
        if not value:
            return ""
        if phone_problem(value, region):
            # Shopify often drops the '+': try the digits as an international number.
            digits = digits_of(value)
            if digits and not phone_problem("+" + digits, region):
                return to_e164("+" + digits, region)
            self.warning(row, _("“{phone}” does not look like a phone number; kept as given.").format(phone=value))
            return (("+" if value.startswith("+") else "") + digits)[:32]
        return to_e164(value, region)

    def _time(self, value: str, row: int, default: datetime | None) -> datetime:
        if not value:
            return default or utc_now()
        parsed = _parse_time(value, self.zone)
        if parsed is None:
            self.error(row, _("“{value}” is not a date and time; write it like 2026-11-20 14:30.").format(value=value))
            return default or utc_now()
        return parsed

    def _payment(self, get: Callable[[str], tuple[str, int]], total: int, currency: str) -> tuple[str, int]:
        value, row = get("payment")
        status = value.strip().lower().replace(" ", "_")
        if self.format == "shopify":
            mapped = {
                "paid": PaymentStatus.PAID,
                "partially_paid": PaymentStatus.PARTLY_PAID,
                "refunded": PaymentStatus.REFUNDED,
                "partially_refunded": PaymentStatus.PAID,
            }.get(status, PaymentStatus.UNPAID)
        else:
            try:
                mapped = PaymentStatus(status or "unpaid")
            except ValueError:
                self.error(row, _("payment_status must be unpaid, paid, partly_paid or refunded."))
                return PaymentStatus.UNPAID.value, 0
        if mapped is PaymentStatus.PAID:
            return mapped.value, total
        if mapped is PaymentStatus.PARTLY_PAID:
            if self.format == "shopify":
                outstanding_text, _row = get("outstanding")
                try:
                    paid = total - parse_amount(outstanding_text, currency) if outstanding_text else 0
                except ValueError:
                    paid = 0
            else:
                paid_text, paid_row = get("amount_paid")
                try:
                    paid = parse_amount(paid_text, currency)
                except ValueError as exc:
                    self.error(paid_row, f"amount_paid: {exc}")
                    return PaymentStatus.UNPAID.value, 0
            if 0 < paid < total:
                return mapped.value, paid
            self.warning(row, _("The amount paid is not known; the order is marked unpaid."))
            return PaymentStatus.UNPAID.value, 0
        return mapped.value, 0


# Where each field is in each format.
_SHOPIFY: dict[str, str] = {
    "ref": "Name",
    "sku": "Lineitem sku",
    "qty": "Lineitem quantity",
    "price": "Lineitem price",
    "line_name": "Lineitem name",
    "line_discount": "Lineitem discount",
    "order_discount": "Discount Amount",
    "shipping": "Shipping",
    "file_total": "Total",
    "currency": "Currency",
    "created_at": "Created at",
    "customer_name": "Billing Name|Shipping Name",
    "recipient": "Shipping Name",
    "email": "Email",
    "phone": "Phone|Billing Phone",
    "ship_phone": "Shipping Phone",
    "address1": "Shipping Address1",
    "address2": "Shipping Address2",
    "city": "Shipping City",
    "region": "Shipping Province Name|Shipping Province",
    "postcode": "Shipping Zip",
    "country": "Shipping Country",
    "payment": "Financial Status",
    "outstanding": "Outstanding Balance",
    "notes": "Notes",
}
_GENERIC: dict[str, str] = {
    "ref": "order_ref",
    "sku": "sku",
    "qty": "quantity",
    "price": "unit_price",
    "line_discount": "line_discount",
    "order_discount": "order_discount",
    "shipping": "shipping_fee",
    "created_at": "created_at",
    "customer_name": "customer_name",
    "recipient": "recipient",
    "email": "email",
    "phone": "phone",
    "address1": "address1",
    "address2": "address2",
    "city": "city",
    "region": "region",
    "postcode": "postcode",
    "country": "country",
    "payment": "payment_status",
    "amount_paid": "amount_paid",
    "priority": "priority",
    "due_at": "due_at",
    "notes": "notes",
    "channel": "channel",
    "fulfilment": "fulfilment",
}


def _first(rows: Iterable[tuple[int, dict[str, str]]], column: str) -> str:
    for _number, values in rows:
        value = values.get(column, "").strip()
        if value:
            return value
    return ""


def _unquote(value: str) -> str:
    """Shopify writes "'02134" so that spreadsheets keep leading zeros: drop that apostrophe."""
    value = value.strip()
    return value[1:].strip() if value.startswith("'") else value


_OFFSET = re.compile(r"^(.*\d)\s*([+-]\d{2}):?(\d{2})$")


def _parse_time(value: str, zone: ZoneInfo) -> datetime | None:
    """Shopify's "2024-01-15 10:23:45 -0500", ISO 8601 ("2024-01-15T10:23:45Z"), or a local time
    ("2026-11-20 14:30", in the shop's time zone)."""
    text_ = value.strip().replace("/", "-")
    if text_.endswith(("Z", "z")):
        text_ = text_[:-1] + "+00:00"
    match = _OFFSET.match(text_)
    if match is not None and ":" in match.group(1):
        text_ = f"{match.group(1)}{match.group(2)}:{match.group(3)}"
    try:
        parsed = datetime.fromisoformat(text_.replace(" T", "T"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return parsed.astimezone(UTC)


# --- writing ----------------------------------------------------------------------------------


def run_import(
    database: Database,
    plan: ImportPlan,
    *,
    user_id: int,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Write a checked plan in one transaction (all or nothing). Raises ImportFailed when the plan
    has errors, ImportCancelled when ``cancelled()`` turns True before the end."""
    if not plan.ok:
        raise ImportFailed(_import_failed_message(plan), plan)
    with database.session(write=True) as session:
        settings = read_order_settings(session)
        # Someone may have imported some of these since the preview: skip them now.
        refs = [order.external_ref for order in plan.orders]
        taken: set[str] = set()
        for start in range(0, len(refs), _CHUNK):
            taken.update(
                session.scalars(select(Order.external_ref).where(Order.external_ref.in_(refs[start : start + _CHUNK])))
            )
        todo = [order for order in plan.orders if order.external_ref not in taken]
        skipped = plan.skipped + tuple(
            (o.external_ref, o.first_row, _("imported meanwhile")) for o in plan.orders if o.external_ref in taken
        )
        writer = _Writer(session, settings, user_id, progress, cancelled)
        ids, customers_added = writer.write(todo)
        session.commit()
    return ImportResult(
        numbers=tuple(order_number(i) for i in ids),
        order_ids=tuple(ids),
        skipped=skipped,
        warnings=plan.warnings,
        customers_added=customers_added,
    )


def import_orders(
    database: Database,
    path: Path,
    *,
    user_id: int,
    format: Format | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[ImportPlan, ImportResult | None]:
    """Plan, then (unless ``dry_run``) write. Raises ImportFailed with the plan when anything is wrong."""
    plan = plan_import(database, path, format=format, progress=progress, cancelled=cancelled)
    if not plan.ok:
        raise ImportFailed(_import_failed_message(plan), plan)
    if dry_run:
        return plan, None
    return plan, run_import(database, plan, user_id=user_id, progress=progress, cancelled=cancelled)


def _import_failed_message(plan: ImportPlan) -> str:
    return _("Nothing was imported: the file has {count} problems; fix them and import it again.").format(
        count=len(plan.errors)
    )


class _Writer:
    def __init__(
        self,
        session: Session,
        settings: OrderSettings,
        user_id: int,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.session = session
        self.connection: Connection = session.connection()
        self.settings = settings
        self.user_id = user_id
        self.progress = progress
        self.cancelled = cancelled

    def _check(self, phase: str, done: int, total: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled(_("The import was cancelled; nothing was imported."))
        if self.progress is not None:
            self.progress(phase, done, total)

    def write(self, todo: Sequence[ImportedOrder]) -> tuple[list[int], int]:
        if not todo:
            return [], 0
        customer_ids, added = self._customers(todo)
        order_ids = self._allocate(_ORDERS, len(todo))
        now = utc_now()
        orders: list[dict[str, Any]] = []
        lines: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        detail = _("Imported from Shopify") if todo[0].channel == "shopify" else _("Imported")
        for index, (order, order_id, customer_id) in enumerate(zip(todo, order_ids, customer_ids, strict=True)):
            if index % 1000 == 0:
                self._check(_("Writing"), index, len(todo))
            orders.append(
                {
                    "id": order_id,
                    "number": order_number(order_id),
                    "external_ref": order.external_ref,
                    "customer_id": customer_id,
                    "channel": order.channel,
                    "status": "received",
                    "held_from": None,
                    "priority": order.priority,
                    "fulfilment": order.fulfilment,
                    "ship_name": order.recipient,
                    "ship_phone": order.ship_phone,
                    "ship_line1": order.address1,
                    "ship_line2": order.address2,
                    "ship_city": order.city,
                    "ship_region": order.region,
                    "ship_postcode": order.postcode,
                    "ship_country": order.country,
                    "currency": self.settings.currency,
                    "subtotal_cents": order.subtotal_cents,
                    "discount_cents": order.discount_cents,
                    "shipping_cents": order.shipping_cents,
                    "total_cents": order.total_cents,
                    "payment_status": order.payment_status,
                    "paid_cents": order.paid_cents,
                    "carrier": "",
                    "tracking_number": "",
                    "notes": order.notes,
                    "due_at": order.due_at,
                    "created_at": order.created_at,
                    "updated_at": now,
                    "created_by": self.user_id,
                }
            )
            for line_no, line in enumerate(order.lines, start=1):
                lines.append(
                    {
                        "order_id": order_id,
                        "line_no": line_no,
                        "product_id": line.product_id,
                        "sku": line.sku,
                        "name": line.name,
                        "quantity": line.quantity,
                        "unit_price_cents": line.unit_price_cents,
                        "catalogue_price_cents": line.catalogue_price_cents,
                        "discount_cents": line.discount_cents,
                        "backordered": False,
                    }
                )
            events.append(
                {
                    "order_id": order_id,
                    "at": order.created_at,
                    "user_id": self.user_id,
                    "kind": "status",
                    "from_status": None,
                    "to_status": "received",
                    "detail": f"{detail} ({order.external_ref})",
                }
            )
        self._check(_("Writing"), len(todo), len(todo))
        for table, rows in ((_ORDERS, orders), (_LINES, lines), (_EVENTS, events)):
            for start in range(0, len(rows), 5000):
                self.connection.execute(table.insert(), rows[start : start + 5000])
        for start in range(0, len(order_ids), 5000):
            self._check(_("Indexing"), start, len(order_ids))
            refresh_search_rows(self.connection, order_ids[start : start + 5000])
        return order_ids, added

    def _customers(self, todo: Sequence[ImportedOrder]) -> tuple[list[int | None], int]:
        """The customer of each order: found by phone, then e-mail; otherwise added (once per
        phone, e-mail or name and address within the file)."""
        phones = sorted({o.phone for o in todo if o.phone})
        emails = sorted({o.email for o in todo if o.email})
        by_phone: dict[str, int] = {}
        by_email: dict[str, int] = {}
        for start in range(0, len(phones), _CHUNK):
            for cid, phone in self.session.execute(
                select(Customer.id, Customer.phone).where(Customer.phone.in_(phones[start : start + _CHUNK]))
            ):
                by_phone.setdefault(phone, cid)
        for start in range(0, len(emails), _CHUNK):
            for cid, email in self.session.execute(
                select(Customer.id, Customer.email).where(Customer.email.in_(emails[start : start + _CHUNK]))
            ):
                by_email.setdefault(email, cid)
        new: dict[tuple[str, str], int] = {}  # key -> index into fresh
        fresh: list[ImportedOrder] = []
        keys: list[tuple[str, str] | int | None] = []
        for order in todo:
            existing = by_phone.get(order.phone) if order.phone else None
            if existing is None and order.email:
                existing = by_email.get(order.email)
            if existing is not None:
                keys.append(existing)
                continue
            if not order.customer_name:
                keys.append(None)
                continue
            key = (
                ("phone", order.phone)
                if order.phone
                else ("email", order.email)
                if order.email
                else ("name", f"{order.customer_name}\n{order.address1}")
            )
            if key not in new:
                new[key] = len(fresh)
                fresh.append(order)
            keys.append(key)
        ids = self._allocate(_CUSTOMERS, len(fresh)) if fresh else []
        if fresh:
            now = utc_now()
            rows = [
                {
                    "id": cid,
                    "name": o.customer_name,
                    "phone": o.phone,
                    "email": o.email,
                    "address_line1": o.address1,
                    "address_line2": o.address2,
                    "city": o.city,
                    "region": o.region,
                    "postcode": o.postcode,
                    "country": o.country,
                    "notes": "",
                    "created_at": now,
                }
                for cid, o in zip(ids, fresh, strict=True)
            ]
            for start in range(0, len(rows), 5000):
                self.connection.execute(_CUSTOMERS.insert(), rows[start : start + 5000])
        result: list[int | None] = []
        for entry in keys:
            if entry is None or isinstance(entry, int):
                result.append(entry)
            else:
                result.append(ids[new[entry]])
        return result, len(fresh)

    def _allocate(self, table: Table, count: int) -> list[int]:
        """Ids for ``count`` new rows, known before writing so lines can point at their orders."""
        if count == 0:
            return []
        if self.connection.dialect.name == "postgresql":
            rows = self.connection.execute(
                text(f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) FROM generate_series(1, :n)"),
                {"n": count},
            )
            return [int(row[0]) for row in rows]
        # SQLite: this write transaction holds the database's write lock, so nobody else takes ids.
        start = int(self.connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1
        return list(range(start, start + count))


_ORDERS = cast(Table, Order.__table__)
_LINES = cast(Table, OrderLine.__table__)
_EVENTS = cast(Table, OrderEvent.__table__)
_CUSTOMERS = cast(Table, Customer.__table__)


# --- the template -------------------------------------------------------------------------------


def template_text() -> str:
    """The generic template: the header and three example rows (two orders)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[name for name, _req, _doc in GENERIC_COLUMNS], lineterminator="\r\n")
    writer.writeheader()
    for row in _GENERIC_EXAMPLE:
        writer.writerow(row)
    return out.getvalue()


def write_template(path: Path) -> None:
    """Write the template as UTF-8 with a BOM, so that Excel shows Chinese correctly when opening it."""
    path.write_text(template_text(), encoding="utf-8-sig", newline="")


def template_help() -> str:
    """What each column of the template means (for --help and the import dialog)."""
    return "\n".join(f"{name}{' *' if required else ''}: {_(doc)}" for name, required, doc in GENERIC_COLUMNS)
