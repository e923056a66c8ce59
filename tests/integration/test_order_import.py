"""Importing orders from Shopify's export and the app's template: all or nothing, every problem by row."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from order_shop import USER, Shop, figures, make_shop
from sqlalchemy import func, select

from orderapp.services.orders import importing as order_import
from orderapp.services.orders import placing as orders
from orderapp.services.orders.listing import OrderFilter, list_orders
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order

SHOPIFY_HEADER = (
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,"
    "Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,"
    "Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,"
    "Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,"
    "Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,"
    "Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,"
    "Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,"
    "Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,"
    "Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Phone,Receipt Number,Duties,"
    "Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,"
    "Payment References"
)
COLUMNS = SHOPIFY_HEADER.split(",")


def shopify_row(**values: str) -> str:
    cells = []
    for column in COLUMNS:
        value = values.get(column.replace(" ", "_").lower(), "")
        if any(ch in value for ch in ',"\n'):
            value = '"' + value.replace('"', '""') + '"'
        cells.append(value)
    return ",".join(cells)


def shopify_export() -> str:
    """Three orders as Shopify writes them: order fields on the first row of each, line items below."""
    first = {
        "name": "#1001",
        "email": "xiaoming@example.com",
        "financial_status": "paid",
        "currency": "CNY",
        "subtotal": "60.00",
        "shipping": "10.00",
        "taxes": "0.00",
        "total": "65.00",
        "discount_amount": "5.00",
        "created_at": "2026-11-19 21:15:02 -0500",
        "billing_name": "王小明",
        "shipping_name": "王小明",
        "shipping_address1": "南京东路100号, 5楼",
        "shipping_city": "上海",
        "shipping_zip": "'200001",
        "shipping_province": "SH",
        "shipping_country": "CN",
        "shipping_phone": "'+86 138 1234 5678",
        "notes": 'Leave at the "front" door,\nplease',
        "shipping_province_name": "Shanghai",
    }
    return "\n".join(
        [
            SHOPIFY_HEADER,
            shopify_row(
                **first,
                lineitem_quantity="2",
                lineitem_name="Jasmine Tea",
                lineitem_price="25.00",
                lineitem_sku="TEA-001",
            ),
            shopify_row(
                name="#1001",
                email="xiaoming@example.com",
                lineitem_quantity="1",
                lineitem_name="Dish Soap",
                lineitem_price="10.00",
                lineitem_sku="SOP-003",
            ),
            shopify_row(
                name="#1002",
                email="emma@example.co.uk",
                financial_status="pending",
                currency="CNY",
                total="12.50",
                created_at="2026-11-20 08:00:00 +0000",
                billing_name="Emma Brown",
                shipping_name="Emma Brown",
                shipping_address1="10 Downing Street",
                shipping_city="London",
                shipping_zip="sw1a 2aa",
                shipping_country="GB",
                phone="+44 20 7946 0958",
                lineitem_quantity="1",
                lineitem_name="Beef Noodles",
                lineitem_price="12.50",
                lineitem_sku="4006381333931",  # a barcode in the SKU column: still found
            ),
            shopify_row(
                name="#1003",
                email="gone@example.com",
                currency="CNY",
                created_at="2026-11-20 09:00:00 +0000",
                cancelled_at="2026-11-20 10:00:00 +0000",
                billing_name="Cancelled Customer",
                lineitem_quantity="1",
                lineitem_sku="TEA-001",
            ),
        ]
    )


@pytest.fixture
def shop(database: Database) -> Shop:
    return make_shop(database)


def count(database: Database, model: type) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_shopify_export_imports_as_received_orders(database: Database, shop: Shop, tmp_path: Path) -> None:
    path = tmp_path / "orders_export.csv"
    path.write_text(shopify_export(), encoding="utf-8")
    plan, result = order_import.import_orders(database, path, user_id=USER)
    assert result is not None
    assert plan.format == "shopify" and plan.errors == ()
    assert [(ref, why) for ref, _row, why in result.skipped] == [("#1003", "cancelled in Shopify")]
    assert result.customers_added == 2
    first = orders.get_order_by_number(database, "#1001")
    assert (first.status, first.channel, first.external_ref, first.payment_status) == (
        "received",
        "shopify",
        "#1001",
        "paid",
    )
    assert [(line.sku, line.quantity, line.unit_price_cents) for line in first.lines] == [
        ("TEA-001", 2, 2500),
        ("SOP-003", 1, 1000),
    ]
    assert (first.subtotal_cents, first.discount_cents, first.shipping_cents, first.total_cents) == (
        6000,
        500,
        1000,
        6500,
    )
    assert first.lines[1].price_changed  # 10.00 in Shopify, 8.00 in the catalogue
    assert (first.ship_postcode, first.ship_phone, first.ship_line1) == (
        "200001",
        "+8613812345678",
        "南京东路100号, 5楼",
    )
    assert first.notes == 'Leave at the "front" door,\nplease'
    assert first.created_at == datetime(2026, 11, 20, 2, 15, 2, tzinfo=UTC)
    assert first.customer is not None and first.customer.email == "xiaoming@example.com"
    assert first.timeline[0].detail == "Imported from Shopify (#1001)"
    second = orders.get_order_by_number(database, "#1002")
    assert (second.ship_postcode, second.ship_country, second.payment_status) == ("SW1A 2AA", "GB", "unpaid")
    assert second.customer is not None and second.customer.phone == "+442079460958"
    assert figures(database, shop.tea) == (10, 0)  # nothing reserved by an import
    # and the list finds them at once
    found = [row.number for row in list_orders(database, OrderFilter(search="王小明")).rows]
    assert found == [first.number]


def test_importing_the_same_file_again_skips_what_is_there(database: Database, shop: Shop, tmp_path: Path) -> None:
    path = tmp_path / "orders_export.csv"
    path.write_text(shopify_export(), encoding="utf-8")
    order_import.import_orders(database, path, user_id=USER)
    plan, result = order_import.import_orders(database, path, user_id=USER)
    assert result is not None and result.numbers == ()
    assert sorted(why.split(" as ")[0] for _ref, _row, why in plan.skipped) == [
        "cancelled in Shopify",
        "imported before",
        "imported before",
    ]
    assert count(database, Order) == 2 and count(database, Customer) == 2


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk"])
def test_utf8_with_bom_and_gb18030_files_import(database: Database, shop: Shop, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "template.csv"
    path.write_bytes(order_import.template_text().encode(encoding))
    plan, result = order_import.import_orders(database, path, user_id=USER)
    assert result is not None and plan.format == "generic"
    wx = orders.get_order_by_number(database, "WX-1001")
    assert wx.customer is not None and wx.customer.name == "王小明"
    assert wx.notes == "请下午送货 deliver in the afternoon" and wx.channel == "wechat"
    assert [(line.sku, line.quantity, line.discount_cents) for line in wx.lines] == [
        ("TEA-001", 2, 0),
        ("TEA-001", 1, 250),
    ]
    pickup = orders.get_order_by_number(database, "WX-1002")
    assert (pickup.fulfilment, pickup.priority, pickup.ship_line1) == ("pickup", "urgent", "")


def test_every_problem_is_reported_by_row_and_nothing_is_written(
    database: Database, shop: Shop, tmp_path: Path
) -> None:
    rows = [
        "order_ref,customer_name,phone,sku,quantity,unit_price,created_at",
        "A-1,王小明,13812345678,TEA-001,2,,2026-11-20 10:00",
        "A-1,王小明,13812345678,NOPE-9,1,,",
        "A-2,李雷,12345,TEA-001,1.5,,",
        "A-3,Emma,,SOP-003,1,abc,",
        "A-4,Henry,,TEA-001,1,,yesterday",
        ",Nobody,,TEA-001,1,,",
    ]
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    with pytest.raises(order_import.ImportFailed) as failed:
        order_import.import_orders(database, path, user_id=USER)
    plan = failed.value.plan
    assert plan is not None
    assert [str(p) for p in plan.errors] == [
        "Row 7: The order number (order_ref) is empty.",
        "Row 3: No product has the SKU or barcode “NOPE-9”; add it to the catalogue first.",
        "Row 4: quantity: The quantity must be a whole number, e.g. 1 or 12.",
        "Row 5: unit_price: This is not an amount; type it like 12.50.",
        "Row 6: “yesterday” is not a date and time; write it like 2026-11-20 14:30.",
    ]
    assert [str(p) for p in plan.warnings] == ["Row 4: “12345” does not look like a phone number; kept as given."]
    assert count(database, Order) == 0 and count(database, Customer) == 0


def test_a_missing_column_and_an_unreadable_file(database: Database, shop: Shop, tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("order_ref,customer_name,quantity\nA-1,王小明,1\n", encoding="utf-8")
    with pytest.raises(order_import.ImportFailed) as failed:
        order_import.import_orders(database, path, user_id=USER)
    assert failed.value.plan is not None
    assert [str(p) for p in failed.value.plan.errors] == [
        "Row 1: The column “sku” is missing; the generic format needs it."
    ]
    latin = tmp_path / "latin.csv"
    latin.write_bytes("order_ref,customer_name,sku,quantity\nA-1,Zoë,TEA-001,1\n".encode() + b"\xff\xfe\x80\x80\n")
    with pytest.raises(order_import.ImportFailed, match="row 3 cannot be read"):
        order_import.import_orders(database, latin, user_id=USER)
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(order_import.ImportFailed, match="--write-template"):
        order_import.import_orders(database, other, user_id=USER)


def test_another_currency_is_refused(database: Database, shop: Shop, tmp_path: Path) -> None:
    path = tmp_path / "usd.csv"
    path.write_text(shopify_export().replace(",CNY,", ",USD,", 1), encoding="utf-8")
    with pytest.raises(order_import.ImportFailed) as failed:
        order_import.import_orders(database, path, user_id=USER)
    assert failed.value.plan is not None
    assert [str(p) for p in failed.value.plan.errors] == [
        "Row 2: Order #1001 is in USD, but the shop works in CNY; it cannot be imported."
    ]


def test_dry_run_progress_and_cancel(database: Database, shop: Shop, tmp_path: Path) -> None:
    path = tmp_path / "orders_export.csv"
    path.write_text(shopify_export(), encoding="utf-8")
    seen: list[tuple[str, int, int]] = []
    plan, result = order_import.import_orders(
        database, path, user_id=USER, dry_run=True, progress=lambda *p: seen.append(p)
    )
    assert result is None and len(plan.orders) == 2 and count(database, Order) == 0
    assert seen[-1] == ("Checking", 3, 3)
    with pytest.raises(order_import.ImportCancelled):
        order_import.run_import(database, plan, user_id=USER, cancelled=lambda: True)
    assert count(database, Order) == 0 and count(database, Customer) == 0


def test_imported_orders_are_bulk_confirmed_as_stock_allows(database: Database, shop: Shop, tmp_path: Path) -> None:
    rows = ["order_ref,customer_name,phone,sku,quantity"] + [f"B-{i},顾客{i},1390000000{i},NDL-002,2" for i in range(3)]
    path = tmp_path / "many.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    _plan, result = order_import.import_orders(database, path, user_id=USER)
    assert result is not None
    confirmed = orders.bulk_confirm(database, result.order_ids, user_id=USER)
    assert len(confirmed.confirmed) == 1 and len(confirmed.refused) == 2
    assert figures(database, shop.noodles) == (3, 2)


def test_the_command_line(database: Database, database_url: str, shop: Shop, tmp_path: Path) -> None:
    template = tmp_path / "template.csv"
    run = [sys.executable, "-m", "orderapp", "import", "orders"]
    done = subprocess.run([*run, "--write-template", str(template)], capture_output=True, text=True)
    assert done.returncode == 0 and template.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "order_ref *" in done.stdout

    done = subprocess.run(
        [*run, str(template), "--dry-run", "--database", database_url], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "Dry run: 2 orders (3 lines) would be imported" in done.stdout
    assert count(database, Order) == 0

    done = subprocess.run([*run, str(template), "--database", database_url], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Imported 2 orders" in done.stdout and count(database, Order) == 2

    bad = tmp_path / "bad.csv"
    bad.write_text("order_ref,customer_name,sku,quantity\nC-1,王小明,NOPE,1\n", encoding="utf-8")
    done = subprocess.run(
        [*run, str(bad), "--format", "generic", "--database", database_url], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "bad.csv: error: Row 2: No product has the SKU or barcode “NOPE”" in done.stderr
    assert "orderapp: Nothing was imported: 1 problems in bad.csv" in done.stderr
    assert count(database, Order) == 2
