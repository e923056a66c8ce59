"""A small shop for the packing tests: products with known barcodes and orders waiting to be packed.

Importable from every test folder (tests/ is on sys.path because tests/conftest.py lives there).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Customer, Order, OrderLine, Product, ProductBarcode

TEA = "6901234567892"  # EAN-13, 茉莉花茶 Jasmine Tea
TEA_CASE = "16901234567899"  # GTIN-14, a case of 6 teas
OOLONG = "036000291452"  # UPC-A
GREEN_TEA = "4006381333931"  # EAN-13, on no order of this shop
CUPS = "96385074"  # EAN-8, paper cups, sold by the dozen
STRAWS = "12345670"  # EAN-8, on SO-000005 only
TEA_MISREAD = "6901234567893"  # TEA with a wrong check digit
UNKNOWN_CODE = "5012345678900"  # a valid EAN-13 no product has

TEA_NAME = "茉莉花茶 Jasmine Tea 250g"
OOLONG_NAME = "Oolong Tea 100g"
GREEN_TEA_NAME = "Green Tea 绿茶 50g"
CUPS_NAME = "Paper Cups 8oz"
STRAWS_NAME = "Paper Straws"


@dataclass(frozen=True)
class PackingShop:
    tea: int
    oolong: int
    green_tea: int
    cups: int
    straws: int
    # SO-000001 (confirmed): 2 tea + 1 oolong
    two_teas: int
    # SO-000002 (picking): 12 cups, 6 tea
    big: int
    # SO-000003 received, SO-000004 packed, SO-000005 urgent (confirmed), SO-000006 due soon (confirmed)
    received: int
    packed: int
    urgent: int
    due_soon: int


NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def make_packing_shop(database: Database) -> PackingShop:
    with database.session(write=True) as session:
        customer = Customer(name="王小明", phone="+8613812345678", city="上海")
        session.add(customer)
        products = {}
        for sku, name, location, codes in (
            ("TEA-1", TEA_NAME, "A-01-1", [(TEA, "ean13", "unit", 1), (TEA_CASE, "gtin14", "case", 6)]),
            ("OOL-1", OOLONG_NAME, "A-01-2", [(OOLONG, "upca", "unit", 1)]),
            ("GRN-1", GREEN_TEA_NAME, "A-02-1", [(GREEN_TEA, "ean13", "unit", 1)]),
            ("CUP-8", CUPS_NAME, "B-01-1", [(CUPS, "ean8", "unit", 1)]),
            ("STR-1", STRAWS_NAME, "B-01-2", [(STRAWS, "ean8", "unit", 1)]),
        ):
            product = Product(sku=sku, name=name, location=location, on_hand=100, created_at=NOW, updated_at=NOW)
            for code, symbology, kind, pack_qty in codes:
                product.barcodes.append(ProductBarcode(code=code, symbology=symbology, kind=kind, pack_qty=pack_qty))
            session.add(product)
            products[sku] = product
        session.flush()

        def order(number: str, status: str, lines: list[tuple[str, int]], *, age_hours: int, **extra: object) -> Order:
            made = NOW - timedelta(hours=age_hours)
            result = Order(
                number=number,
                customer_id=customer.id,
                status=status,
                currency="CNY",
                ship_name="王小明",
                created_at=made,
                updated_at=made,
                created_by=DEFAULT_USER_ID,
                **extra,
            )
            for line_no, (sku, quantity) in enumerate(lines, start=1):
                product = products[sku]
                result.lines.append(
                    OrderLine(
                        line_no=line_no,
                        product_id=product.id,
                        sku=sku,
                        name=product.name,
                        quantity=quantity,
                        unit_price_cents=1000,
                        catalogue_price_cents=1000,
                    )
                )
            session.add(result)
            return result

        two_teas = order("SO-000001", "confirmed", [("TEA-1", 2), ("OOL-1", 1)], age_hours=30)
        big = order("SO-000002", "picking", [("CUP-8", 12), ("TEA-1", 6)], age_hours=20)
        received = order("SO-000003", "received", [("TEA-1", 1)], age_hours=40)
        packed = order("SO-000004", "packed", [("TEA-1", 1)], age_hours=50)
        urgent = order("SO-000005", "confirmed", [("STR-1", 1)], age_hours=1, priority="urgent")
        due_soon = order("SO-000006", "confirmed", [("OOL-1", 1)], age_hours=2, due_at=NOW + timedelta(hours=3))
        session.commit()
        return PackingShop(
            tea=products["TEA-1"].id,
            oolong=products["OOL-1"].id,
            green_tea=products["GRN-1"].id,
            cups=products["CUP-8"].id,
            straws=products["STR-1"].id,
            two_teas=two_teas.id,
            big=big.id,
            received=received.id,
            packed=packed.id,
            urgent=urgent.id,
            due_soon=due_soon.id,
        )
