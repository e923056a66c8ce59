"""What the printed documents need from the database: orders for slips and pick lists, products
for labels, the shop's letterhead. Everything comes back as the documents' own frozen data classes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar

from sqlalchemy import Connection, RowMapping, func, select

from orderapp.documents.addresses import address_lines
from orderapp.documents.labels import LabelProduct
from orderapp.documents.letterhead import Letterhead
from orderapp.documents.packing_slip import SlipLine, SlipOrder
from orderapp.documents.pick_list import PickItem, PickList, PickOrder, bin_order
from orderapp.domain.order_status import OrderStatus
from orderapp.errors import NotFound, OrderAppError
from orderapp.i18n import _
from orderapp.services.settings.shop import ShopSettings, format_phone, load_settings
from orderapp.store.database import Database
from orderapp.store.models import Order, OrderLine, Product, ProductBarcode
from orderapp.store.types import utc_now

CHUNK = 500  # ids per IN (...) list: well under every backend's parameter limit
MAX_BATCH = 5000
T = TypeVar("T")


class UnknownOrders(NotFound):
    def __init__(self, numbers: Sequence[str]) -> None:
        self.numbers = tuple(numbers)
        shown = ", ".join(self.numbers[:10]) + (" …" if len(self.numbers) > 10 else "")
        super().__init__(
            _("No order has the number {numbers}; check the numbers (e.g. SO-000123) and try again.").format(
                numbers=shown
            )
            if len(self.numbers) == 1
            else _("No orders have these numbers: {numbers}; check them and try again.").format(numbers=shown)
        )


class UnknownProducts(NotFound):
    def __init__(self, skus: Sequence[str]) -> None:
        self.skus = tuple(skus)
        shown = ", ".join(self.skus[:10]) + (" …" if len(self.skus) > 10 else "")
        super().__init__(_("No product has the SKU {skus}; check the SKUs and try again.").format(skus=shown))


class BadPrintRequest(OrderAppError):
    pass


@dataclass(frozen=True)
class ShopPaper:
    """The shop's details for a document, and the country its parcels usually stay in."""

    letterhead: Letterhead
    home_country: str
    phone_region: str


def shop_paper(database: Database) -> ShopPaper:
    settings = load_settings(database)
    return _shop_paper(settings)


def _shop_paper(settings: ShopSettings) -> ShopPaper:
    letterhead = Letterhead.of(settings)
    if settings.phone:
        letterhead = replace(letterhead, phone=format_phone(settings.phone, settings.phone_region))
    return ShopPaper(letterhead, settings.phone_region.upper(), settings.phone_region)


def parse_list(text: str | Iterable[str]) -> list[str]:
    """Numbers or SKUs as typed: separated by commas, spaces, semicolons or new lines; duplicates once."""
    parts = [text] if isinstance(text, str) else list(text)
    found: list[str] = []
    for part in parts:
        for item in re.split(r"[\s,;，；、]+", part):
            if item and item not in found:
                found.append(item)
    return found


def parse_status(text: str) -> OrderStatus:
    try:
        return OrderStatus(text.strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        raise BadPrintRequest(
            _("There is no order status called {status!r}; use one of: {known}.").format(
                status=text, known=", ".join(status.value for status in OrderStatus)
            )
        ) from None


def _chunks(items: Sequence[T]) -> Iterable[Sequence[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _find_orders(conn: Connection, numbers: Sequence[str]) -> dict[str, int]:
    """Order ids by the number as given; a number typed in lower case finds its order too."""
    found: dict[str, int] = {}
    wanted = {number: number for number in numbers}
    wanted.update({number.upper(): number for number in numbers if number.upper() not in wanted})
    keys = list(wanted)
    for chunk in _chunks(keys):
        for number, order_id in conn.execute(select(Order.number, Order.id).where(Order.number.in_(chunk))):
            found.setdefault(wanted[number], order_id)
    return found


def order_ids(database: Database, numbers: Sequence[str]) -> list[int]:
    """The ids of the orders with these numbers, in the order given; raises UnknownOrders."""
    if not numbers:
        raise BadPrintRequest(_("Give at least one order number."))
    with database.engine.connect() as conn:
        found = _find_orders(conn, numbers)
    missing = [number for number in numbers if number not in found]
    if missing:
        raise UnknownOrders(missing)
    return [found[number] for number in numbers]


def order_ids_with_status(database: Database, status: OrderStatus, *, limit: int = MAX_BATCH) -> list[int]:
    """Orders in ``status``, oldest first (the order they are usually packed in)."""
    with database.engine.connect() as conn:
        rows = conn.execute(
            select(Order.id).where(Order.status == status.value).order_by(Order.created_at, Order.id).limit(limit)
        )
        return [int(row[0]) for row in rows]


def slip_orders(database: Database, ids: Sequence[int], *, paper: ShopPaper | None = None) -> list[SlipOrder]:
    """The orders with these ids as slips, in the order given."""
    paper = paper or shop_paper(database)
    by_id: dict[int, SlipOrder] = {}
    with database.engine.connect() as conn:
        for chunk in _chunks(list(ids)):
            lines: dict[int, list[SlipLine]] = {}
            for row in conn.execute(
                select(
                    OrderLine.order_id,
                    OrderLine.sku,
                    OrderLine.name,
                    OrderLine.quantity,
                    OrderLine.unit_price_cents,
                    OrderLine.discount_cents,
                )
                .where(OrderLine.order_id.in_(chunk))
                .order_by(OrderLine.order_id, OrderLine.line_no, OrderLine.id)
            ):
                lines.setdefault(row[0], []).append(SlipLine(row[1], row[2], row[3], row[4], row[5]))
            for order in conn.execute(select(Order).where(Order.id.in_(chunk))).mappings():
                by_id[order["id"]] = _slip(order, tuple(lines.get(order["id"], ())), paper)
    return [by_id[order_id] for order_id in ids if order_id in by_id]


def _slip(row: RowMapping, lines: tuple[SlipLine, ...], paper: ShopPaper) -> SlipOrder:
    phone = row["ship_phone"]
    if phone:
        phone = format_phone(phone, paper.phone_region)
    return SlipOrder(
        number=row["number"],
        created_at=row["created_at"],
        lines=lines,
        currency=row["currency"],
        ship_name=row["ship_name"],
        ship_phone=phone,
        ship_address=address_lines(
            row["ship_line1"],
            row["ship_line2"],
            row["ship_city"],
            row["ship_region"],
            row["ship_postcode"],
            row["ship_country"],
            home_country=paper.home_country,
        ),
        external_ref=row["external_ref"],
        channel=row["channel"],
        fulfilment=row["fulfilment"],
        priority=row["priority"],
        notes=row["notes"],
        subtotal_cents=row["subtotal_cents"],
        discount_cents=row["discount_cents"],
        shipping_cents=row["shipping_cents"],
        total_cents=row["total_cents"],
        paid_cents=row["paid_cents"],
        carrier=row["carrier"],
        tracking_number=row["tracking_number"],
    )


def pick_list(database: Database, ids: Sequence[int], *, now: datetime | None = None) -> PickList:
    """The pick list for these orders: every product once, totalled, in shelf order."""
    orders: dict[int, PickOrder] = {}
    totals: dict[int, dict[str, object]] = {}
    number_of: dict[int, str] = {}
    with database.engine.connect() as conn:
        for chunk in _chunks(list(ids)):
            units = func.coalesce(
                select(func.sum(OrderLine.quantity)).where(OrderLine.order_id == Order.id).scalar_subquery(), 0
            )
            for order_id, number, name, priority, count in conn.execute(
                select(Order.id, Order.number, Order.ship_name, Order.priority, units).where(Order.id.in_(chunk))
            ):
                orders[order_id] = PickOrder(number, name, int(count), priority == "urgent")
                number_of[order_id] = number
            for order_id, product_id, sku, name, quantity, location in conn.execute(
                select(
                    OrderLine.order_id,
                    OrderLine.product_id,
                    OrderLine.sku,
                    OrderLine.name,
                    OrderLine.quantity,
                    Product.location,
                )
                .join(Product, Product.id == OrderLine.product_id)
                .where(OrderLine.order_id.in_(chunk))
                .order_by(OrderLine.order_id, OrderLine.line_no)
            ):
                item = totals.setdefault(
                    product_id, {"sku": sku, "name": name, "location": location or "", "split": {}}
                )
                split = item["split"]
                assert isinstance(split, dict)
                split[order_id] = split.get(order_id, 0) + quantity
    position = {order_id: index for index, order_id in enumerate(ids)}
    items = []
    for item in totals.values():
        split = item["split"]
        assert isinstance(split, dict)
        per_order = tuple(
            (number_of[order_id], quantity)
            for order_id, quantity in sorted(split.items(), key=lambda kv: position[kv[0]])
        )
        items.append(
            PickItem(
                location=str(item["location"]),
                sku=str(item["sku"]),
                name=str(item["name"]),
                quantity=sum(quantity for _number, quantity in per_order),
                per_order=per_order,
            )
        )
    items.sort(key=lambda item: bin_order(item.location, item.sku))
    return PickList(
        orders=tuple(orders[order_id] for order_id in ids if order_id in orders),
        items=tuple(items),
        made_at=now or utc_now(),
    )


_PREFERRED = {"ean13": 0, "upca": 0, "ean8": 1, "upce": 2, "code128": 3, "gtin14": 5, "qr": 6}


def label_products(database: Database, skus: Sequence[str]) -> list[LabelProduct]:
    """The products with these SKUs for labels, in the order given; raises UnknownProducts.

    The barcode printed is the product's unit barcode (EAN/UPC first), else an internal code;
    a product with neither gets its SKU as Code 128.
    """
    if not skus:
        raise BadPrintRequest(_("Give at least one SKU."))
    currency = load_settings(database).currency
    found: dict[str, LabelProduct] = {}
    with database.engine.connect() as conn:
        for chunk in _chunks(list(skus)):
            products = conn.execute(
                select(Product.id, Product.sku, Product.name, Product.price_cents, Product.location).where(
                    Product.sku.in_(chunk)
                )
            ).all()
            codes: dict[int, list[tuple[int, str, str]]] = {}
            for product_id, code, symbology, kind in conn.execute(
                select(
                    ProductBarcode.product_id, ProductBarcode.code, ProductBarcode.symbology, ProductBarcode.kind
                ).where(ProductBarcode.product_id.in_([row[0] for row in products]))
            ):
                if kind == "case":
                    continue
                rank = _PREFERRED.get(symbology, 4) + (10 if kind == "internal" else 0)
                codes.setdefault(product_id, []).append((rank, code, symbology))
            for product_id, sku, name, price, location in products:
                best = min(codes.get(product_id, []), default=(0, "", ""))
                found[sku] = LabelProduct(sku, name, price, currency, best[1], best[2], location or "")
    missing = [sku for sku in skus if sku not in found]
    if missing:
        raise UnknownProducts(missing)
    return [found[sku] for sku in skus]
