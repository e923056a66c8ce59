"""The columns of the two order file formats (Shopify's orders export and the OrderApp template),
which column holds each field, and the template written out for shopkeepers to fill in."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from orderapp.i18n import _
from orderapp.services.orders.import_plan import Format

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
GENERIC_EXAMPLE = (
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


# Where each field is in each format.
SHOPIFY: dict[str, str] = {
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
GENERIC: dict[str, str] = {
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


def used_columns() -> frozenset[str]:
    """Every column either format reads; the others are not kept in memory."""
    names = {"Cancelled at"}
    for columns in (SHOPIFY, GENERIC):
        for value in columns.values():
            names.update(value.split("|"))
    return frozenset(names)


def detect_format(header: Sequence[str]) -> Format | None:
    names = set(header)
    if {"Name", "Lineitem sku"} <= names or {"Name", "Lineitem quantity"} <= names:
        return "shopify"
    if "order_ref" in names:
        return "generic"
    return None


def template_text() -> str:
    """The generic template: the header and three example rows (two orders)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[name for name, _req, _doc in GENERIC_COLUMNS], lineterminator="\r\n")
    writer.writeheader()
    for row in GENERIC_EXAMPLE:
        writer.writerow(row)
    return out.getvalue()


def write_template(path: Path) -> None:
    """Write the template as UTF-8 with a BOM, so that Excel shows Chinese correctly when opening it."""
    path.write_text(template_text(), encoding="utf-8-sig", newline="")


def template_help() -> str:
    """What each column of the template means (for --help and the import dialog)."""
    return "\n".join(f"{name}{' *' if required else ''}: {_(doc)}" for name, required, doc in GENERIC_COLUMNS)
