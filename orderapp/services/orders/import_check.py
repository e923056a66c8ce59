"""Checking an order file, order by order, into ``ImportedOrder``s without writing anything (the
preview): products by SKU or barcode, amounts in the shop's currency, dates, phones, postcodes,
payment, and every problem with its row. Runs in an ordinary read transaction: no write lock."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from sqlalchemy import select
from sqlalchemy.orm import Session

from orderapp.domain import order_validation
from orderapp.domain.money import format_money
from orderapp.domain.order_validation import (
    MAX_AMOUNT,
    Fulfilment,
    PaymentStatus,
    Priority,
    email_problem,
    normalise_email,
    parse_quantity,
    totals_problem,
)
from orderapp.domain.phones import digits_of, parse_phone
from orderapp.domain.postcodes import normalise_postcode, postcode_problem
from orderapp.i18n import _
from orderapp.services.orders import import_plan
from orderapp.services.orders.import_columns import GENERIC, GENERIC_COLUMNS, SHOPIFY, SHOPIFY_REQUIRED
from orderapp.services.orders.import_file import Cells, CsvSource
from orderapp.services.settings.orders import OrderSettings
from orderapp.store.barcode_lookup import find_codes
from orderapp.store.models import Order, Product
from orderapp.store.types import utc_now

_CHUNK = 500  # values per IN (...) look-up
_MEMO = 20_000  # remembered amounts and phones (a file repeats them: "12.50", a regular customer's phone)
_amounts: dict[tuple[str, str], int | str] = {}


def parse_amount(text: str, currency: str) -> int:
    """``order_validation.parse_amount``, remembered: a file repeats the same few amounts."""
    key = (text, currency)
    found = _amounts.get(key)
    if found is None:
        try:
            found = order_validation.parse_amount(text, currency)
        except ValueError as exc:
            found = str(exc)
        if len(_amounts) >= _MEMO:
            _amounts.clear()
        _amounts[key] = found
    if isinstance(found, str):
        raise ValueError(found)
    return found


class OrderChecker:
    """Checks an order file's rows into ``import_plan.ImportedOrder``s (the preview), in a read transaction."""

    def __init__(
        self,
        session: Session,
        settings: OrderSettings,
        format: import_plan.Format,
        progress: import_plan.Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.session = session
        self.settings = settings
        self.format: import_plan.Format = format
        self.progress = progress
        self.cancelled = cancelled
        self.problems: list[import_plan.ImportProblem] = []
        self.error_count = 0
        self._phones: dict[tuple[str, str], tuple[str, bool]] = {}  # (text, region) -> (stored, looks wrong)
        try:
            self.zone: ZoneInfo = ZoneInfo(settings.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self.zone = ZoneInfo("UTC")

    def error(self, row: int, message: str) -> None:
        self.problems.append(import_plan.ImportProblem(row, message, "error"))
        self.error_count += 1

    def warning(self, row: int, message: str) -> None:
        self.problems.append(import_plan.ImportProblem(row, message, "warning"))

    def check_cancel(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise import_plan.ImportCancelled(_("The import was cancelled; nothing was imported."))

    def plan(self, source: CsvSource) -> import_plan.ImportPlan:
        """Two passes over the file: the first finds each order's last row (and the codes to look
        up), the second checks each order as soon as its last row has been read and spools it.
        Only the rows of orders not yet complete are held (in a file sorted by order: one)."""
        columns = SHOPIFY if self.format == "shopify" else GENERIC
        required = SHOPIFY_REQUIRED if self.format == "shopify" else tuple(n for n, req, _d in GENERIC_COLUMNS if req)
        missing = [name for name in required if name not in source.header]
        spool = import_plan.OrderSpool()
        if missing:
            self.error(
                1,
                _("The column {columns} is missing; the {format} format needs it.").format(
                    columns=", ".join(f"“{m}”" for m in missing), format=self.format
                ),
            )
            return import_plan.ImportPlan(
                self.format, sum(1 for _row in source.rows()), spool, (), tuple(self.problems)
            )
        ref_column, sku_column = columns["ref"], columns["sku"]
        last_row: dict[str, int] = {}  # order number -> its last row
        wanted: set[str] = set()
        row_count = 0
        for number, values in source.rows():
            row_count += 1
            if row_count % 5_000 == 0:
                self.check_cancel()
                if self.progress is not None:
                    self.progress(_("Reading"), row_count, 0)
            ref = values.peek(ref_column).strip()
            if not ref:
                self.error(number, _("The order number ({column}) is empty.").format(column=ref_column))
                continue
            last_row[ref] = number
            code = _unquote(values.peek(sku_column))
            if code:
                wanted.add(code)
        already = self._already_imported(list(last_row))
        products, codes = self._products(wanted)
        del wanted
        total = len(last_row)
        waiting: dict[str, list[tuple[int, Cells]]] = {}
        skipped: list[tuple[str, int, str]] = []
        done = 0
        for number, values in source.rows():
            ref = values.peek(ref_column).strip()
            if not ref:
                continue
            group = waiting.setdefault(ref, [])
            group.append((number, values))
            last = last_row.get(ref)
            if last is None or number > last:
                raise import_plan.ImportFailed(_("The file changed while it was read; import it again."))
            if number < last:
                continue
            rows = waiting.pop(ref)  # complete: checked now, then let go
            del last_row[ref]
            if done % 200 == 0:
                self.check_cancel()
                if self.progress is not None:
                    self.progress(_("Checking"), done, total)
            done += 1
            if ref in already:
                skipped.append((ref, rows[0][0], _("imported before as {number}").format(number=already[ref])))
                continue
            if self.format == "shopify" and _first(rows, "Cancelled at"):
                skipped.append((ref, rows[0][0], _("cancelled in Shopify")))
                continue
            order = self._order(ref, rows, columns, products, codes)
            if order is not None:
                spool.add(order)
        if waiting or last_row:
            raise import_plan.ImportFailed(_("The file changed while it was read; import it again."))
        if self.progress is not None:
            self.progress(_("Checking"), total, total)
        return import_plan.ImportPlan(self.format, row_count, spool, tuple(skipped), tuple(self.problems))

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
            owners = find_codes(self.session, chunk)  # a barcode in any written form of its GTIN
            ids = sorted({owner.product_id for owner in owners.values()})
            for pid, sku, name, price, active in self.session.execute(select(*columns).where(Product.id.in_(ids))):
                products.setdefault(sku, (pid, sku, name, price, bool(active)))
            barcode_sku.update((code, owner.sku) for code, owner in owners.items())
        return products, barcode_sku

    def _order(
        self,
        ref: str,
        rows: list[tuple[int, Cells]],
        columns: Mapping[str, str],
        products: Mapping[str, tuple[int, str, str, int, bool]],
        barcode_sku: Mapping[str, str],
    ) -> import_plan.ImportedOrder | None:
        first_row = rows[0][0]
        errors_before = self.error_count
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

        lines: list[import_plan.ImportedLine] = []
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
            lines.append(
                import_plan.ImportedLine(
                    product_id=pid,
                    sku=sku,
                    name=name,
                    quantity=qty,
                    unit_price_cents=unit_price,
                    catalogue_price_cents=price,
                    discount_cents=discount,
                    row=number,
                )
            )

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
        too_large = totals_problem(subtotal, total) if lines else ""
        if too_large:
            self.error(first_row, _("Order {ref}: {problem}").format(ref=ref, problem=too_large))

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
            elif postcode_text and postcode_problem(postcode_text, country):
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
            if file_total is not None and lines and file_total != total and self.error_count == errors_before:
                self.warning(
                    total_row,
                    _(
                        "Order {ref}: the file's total {given} differs from its lines, {computed} (taxes are not kept)."
                    ).format(ref=ref, given=format_money(file_total, currency), computed=format_money(total, currency)),
                )
        if not lines or self.error_count > errors_before:
            return None
        return import_plan.ImportedOrder(
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
            city=sys.intern(get("city")[0][:100]) if fulfilment == Fulfilment.DELIVERY else "",  # one copy each
            region=sys.intern(get("region")[0][:100]) if fulfilment == Fulfilment.DELIVERY else "",
            postcode=postcode[:20] if fulfilment == Fulfilment.DELIVERY else "",
            country=sys.intern(country) if fulfilment == Fulfilment.DELIVERY else "",
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

    def _phone(self, value: str, row: int, region: str) -> str:
        value = _unquote(value)
        if not value:
            return ""
        key = (value, region)
        found = self._phones.get(key)
        if found is None:
            found = _read_phone(value, region)
            if len(self._phones) >= _MEMO:
                self._phones.clear()
            self._phones[key] = found
        number, looks_wrong = found
        if looks_wrong:
            self.warning(row, _("“{phone}” does not look like a phone number; kept as given.").format(phone=value))
        return number

    def _time(self, value: str, row: int, default: datetime | None) -> datetime:
        if not value:
            return default or utc_now()
        try:
            parsed = _parse_time(value, self.zone)
        except _FarDate:
            message = _("“{value}” is not a year an order can have (1970 to 2200); check the date.")
            self.error(row, message.format(value=value[:40]))
            return default or utc_now()
        if parsed is None:
            message = _("“{value}” is not a date and time; write it like 2026-11-20 14:30.")
            self.error(row, message.format(value=value[:40]))
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


def _first(rows: Iterable[tuple[int, Cells]], column: str) -> str:
    for _number, values in rows:
        value = values.get(column, "").strip()
        if value:
            return value
    return ""


def _read_phone(value: str, region: str) -> tuple[str, bool]:
    """(what is stored, whether it looks wrong): E.164 for a valid number; Shopify often drops the
    '+', so the digits are tried as an international number; else the digits as given."""
    number = parse_phone(value, region)
    digits = digits_of(value)
    if number is None and digits:
        number = parse_phone("+" + digits, region)
    if number is not None:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), False
    return (("+" if value.startswith("+") else "") + digits)[:32], True


def _unquote(value: str) -> str:
    """Shopify writes "'02134" so that spreadsheets keep leading zeros: drop that apostrophe."""
    value = value.strip()
    return value[1:].strip() if value.startswith("'") else value


_EARLIEST_YEAR, _LATEST_YEAR = 1970, 2200  # outside: a typing mistake, not an order date
_OFFSET = re.compile(r"^(.*\d)\s*([+-]\d{2}):?(\d{2})$")


class _FarDate(ValueError):
    """A readable date outside the years an order can have (a typing mistake)."""


def _parse_time(value: str, zone: ZoneInfo) -> datetime | None:
    """Shopify's "2024-01-15 10:23:45 -0500", ISO 8601 ("2024-01-15T10:23:45Z"), or a local time
    ("2026-11-20 14:30", in the shop's time zone). None when unreadable; raises _FarDate for a date
    outside 1970-2200 (year 1 or 9999 with an offset would not even convert to UTC)."""
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
    if not _EARLIEST_YEAR <= parsed.year <= _LATEST_YEAR:
        raise _FarDate(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return parsed.astimezone(UTC)
