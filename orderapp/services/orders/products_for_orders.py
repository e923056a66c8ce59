"""Products as the order form needs them: by SKU or barcode (typed or scanned), by name as the user
types, with the stock each one has, as ``CatalogueItem`` values for ``check_draft``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from orderapp.domain.order_validation import Catalogue, CatalogueItem, OrderDraft
from orderapp.store.barcode_lookup import find_codes
from orderapp.store.database import Database
from orderapp.store.models import Product

_COLUMNS = (
    Product.id,
    Product.sku,
    Product.name,
    Product.price_cents,
    Product.on_hand,
    Product.reserved,
    Product.active,
)


def _item(row: Sequence[Any], pack_qty: int = 1) -> CatalogueItem:
    pid, sku, name, price, on_hand, reserved, active = row
    return CatalogueItem(pid, sku, name, price, on_hand, reserved, bool(active), pack_qty)


def load_catalogue(session: Session, codes: Iterable[str] = (), product_ids: Iterable[int] = ()) -> Catalogue:
    """The products behind these codes (SKU, any case, or barcode) and ids, with current stock."""
    wanted_codes = sorted({c.strip() for c in codes if c.strip()})
    ids = set(product_ids)
    items: dict[int, CatalogueItem] = {}
    by_code: dict[str, CatalogueItem] = {}
    if wanted_codes:
        variants = sorted({v for c in wanted_codes for v in (c, c.upper())})
        for row in session.execute(select(*_COLUMNS).where(Product.sku.in_(variants))):
            item = _item(row)
            items[item.product_id] = item
        # A barcode in any written form of its GTIN (UPC-A as EAN-13, GS1 (01), ...): the one key.
        owners = find_codes(session, wanted_codes)
        coded = sorted({owner.product_id for owner in owners.values()} - items.keys())
        for row in session.execute(select(*_COLUMNS).where(Product.id.in_(coded))) if coded else ():
            item = _item(row)
            items[item.product_id] = item
        for code, owner in owners.items():
            by_code[code] = replace(items[owner.product_id], pack_qty=owner.pack_qty)
    missing = ids - items.keys()
    if missing:
        for row in session.execute(select(*_COLUMNS).where(Product.id.in_(sorted(missing)))):
            item = _item(row)
            items[item.product_id] = item
    return Catalogue.of(items.values(), by_code)


def catalogue_for_draft(session: Session, draft: OrderDraft) -> Catalogue:
    return load_catalogue(
        session,
        codes=(line.code for line in draft.lines if line.product_id is None),
        product_ids=(line.product_id for line in draft.lines if line.product_id is not None),
    )


def catalogue_for(database: Database, draft: OrderDraft) -> Catalogue:
    """The catalogue the form passes to ``check_draft`` (read it again when lines change)."""
    with database.session() as session:
        return catalogue_for_draft(session, draft)


def lookup_code(database: Database, code: str) -> CatalogueItem | None:
    """The product for a typed or scanned SKU or barcode (a case barcode carries its pack quantity)."""
    with database.session() as session:
        return load_catalogue(session, codes=[code]).find(code)


def find_products(
    database: Database, typed: str, *, limit: int = 20, include_inactive: bool = False
) -> list[CatalogueItem]:
    """Products for the completion list: SKUs and names that start with ``typed`` first (through
    their indexes), then names or SKUs that merely contain it."""
    text = " ".join(typed.split())
    if not text:
        return []
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    starts = [
        and_(Product.sku >= variant, Product.sku < variant + "\U0010ffff") for variant in {text, text.upper()}
    ] + [and_(Product.name >= text, Product.name < text + "\U0010ffff")]
    contains = [Product.name.ilike(pattern, escape="\\"), Product.sku.ilike(pattern, escape="\\")]
    found: dict[int, CatalogueItem] = {}
    with database.session() as session:
        for conditions, ordered in ((starts, True), (contains, False)):
            query = select(*_COLUMNS).where(or_(*conditions))
            if not include_inactive:
                query = query.where(Product.active.is_(True))
            if ordered:  # through the indexes, in order; a scan for "contains" stops at the limit instead
                query = query.order_by(Product.name)
            for row in session.execute(query.limit(limit)):
                item = _item(row)
                found[item.product_id] = item
            if found:  # what starts with the text is what the user is typing; the rest only when none does
                break
    folded = text.casefold()
    return sorted(found.values(), key=lambda item: (not item.sku.casefold().startswith(folded), item.name))
