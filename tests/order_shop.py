"""A small shop for the orders tests: a few products with stock and barcodes, made through the
stock ledger so that the figures and the ledger agree from the start."""

from __future__ import annotations

from dataclasses import dataclass

from orderapp.domain.order_validation import AddressDraft, CustomerDraft, LineDraft, OrderDraft
from orderapp.services.settings.orders import save_order_settings
from orderapp.services.stock import ledger as stock_ledger
from orderapp.store import settings_store
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID, Product, ProductBarcode

USER = DEFAULT_USER_ID


@dataclass(frozen=True)
class Shop:
    tea: int  # 茉莉花茶, ¥25.00, 10 in stock, EAN 6901234567892, case of 12: 16901234567899
    noodles: int  # 红烧牛肉面, ¥12.50, 3 in stock
    soap: int  # Dish Soap, ¥8.00, 1 in stock
    old: int  # an inactive product, 5 in stock


def make_shop(database: Database, *, allow_backorders: bool = False) -> Shop:
    ids = []
    with database.session(write=True) as session:
        settings_store.write_values(session, {"shop.currency": "CNY", "shop.phone_region": "CN"}, user_id=USER)
        for sku, name, price, stock, active, codes in (
            (
                "TEA-001",
                "茉莉花茶 Jasmine Tea 250g",
                2500,
                10,
                True,
                [("6901234567892", "unit", 1), ("16901234567899", "case", 12)],
            ),
            ("NDL-002", "红烧牛肉面 Beef Noodles", 1250, 3, True, [("4006381333931", "unit", 1)]),
            ("SOP-003", "Dish Soap 1.5kg", 800, 1, True, []),
            ("OLD-004", "Old Biscuits", 500, 5, False, []),
        ):
            product = Product(sku=sku, name=name, price_cents=price, active=active)
            for code, kind, pack in codes:
                product.barcodes.append(ProductBarcode(code=code, symbology="ean13", kind=kind, pack_qty=pack))
            session.add(product)
            session.flush()
            stock_ledger.record_movement(
                session, product.id, "receive", stock, 0, user_id=USER, reason="Opening stock", reference="T"
            )
            ids.append(product.id)
        session.commit()
    save_order_settings(database, allow_backorders=allow_backorders)
    return Shop(*ids)


def delivery_draft(
    *lines: LineDraft, name: str = "王小明", phone: str = "138 1234 5678", **extra: object
) -> OrderDraft:
    return OrderDraft(
        customer=CustomerDraft(name=name, phone=phone),
        delivery=AddressDraft(line1="南京东路100号", city="上海", postcode="200001"),
        lines=lines,
        **extra,  # type: ignore[arg-type]
    )


def figures(database: Database, product_id: int) -> tuple[int, int]:
    """(on hand, reserved) as the product row says, after checking the ledger agrees."""
    with database.session() as session:
        assert stock_ledger.ledger_mismatches(session) == []
        product = session.get(Product, product_id)
        assert product is not None
        return product.on_hand, product.reserved
