"""Finding products by any written form of a code: the one lookup every screen uses.

A code is matched by its key (``orderapp.domain.gtin.lookup_keys``: the GTIN-14 of any retail
form, else the code itself), through the unique index on ``product_barcode.match_key``. A row
left without its key because two products share its GTIN (``orderapp.domain.barcode_keys``) is
still found by its exact code. Helpers here take a Session and never commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.orm import Session

from orderapp.domain.barcode_keys import BarcodeRow, KeyPlan, plan_match_keys
from orderapp.domain.gtin import Symbology, code_key, lookup_keys
from orderapp.store.models import Product, ProductBarcode

_CHUNK = 500


@dataclass(frozen=True)
class CodeOwner:
    """A barcode row that matched, with its product."""

    product_id: int
    sku: str
    name: str
    active: bool
    code: str  # as stored
    kind: str  # domain.product_validation.BarcodeKind value
    pack_qty: int


def exact_code(text: str) -> str:
    return "".join(text.split())


def code_condition(text: str, symbology: Symbology | str | None = None) -> ColumnElement[bool]:
    """Barcode rows that ``text`` (scanned or typed, any written form) stands for."""
    return or_(
        ProductBarcode.match_key.in_(lookup_keys(text, symbology)),
        and_(ProductBarcode.match_key.is_(None), ProductBarcode.code == exact_code(text)),
    )


# The columns a CodeOwner is made of, in its order.
_OWNER_COLUMNS = (
    Product.id,
    Product.sku,
    Product.name,
    Product.active,
    ProductBarcode.code,
    ProductBarcode.kind,
    ProductBarcode.pack_qty,
)


def find_code(session: Session, text: str, symbology: Symbology | str | None = None) -> list[CodeOwner]:
    """The rows ``text`` stands for, best first (usually one; none when no product has it)."""
    if not exact_code(text):
        return []
    keys = lookup_keys(text, symbology)
    rows = session.execute(
        select(ProductBarcode.match_key, *_OWNER_COLUMNS)
        .join(Product, Product.id == ProductBarcode.product_id)
        .where(code_condition(text, symbology))
    ).all()
    rank = {key: index for index, key in enumerate(keys)}
    ordered = sorted(rows, key=lambda r: rank.get(r[0], len(rank)) if r[0] is not None else len(rank))
    return [CodeOwner(r[1], r[2], r[3], bool(r[4]), r[5], r[6], max(int(r[7]), 1)) for r in ordered]


def key_owners(session: Session, keys: Iterable[str], *, exclude_product_id: int | None = None) -> dict[str, CodeOwner]:
    """For each key some other product's code already has: that code and product.

    Rows left without their key (a conflict from before the key existed) count too: a new code may
    not join a conflict.
    """
    wanted = sorted(set(keys))
    found: dict[str, CodeOwner] = {}
    not_this = Product.id != exclude_product_id if exclude_product_id is not None else None
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        for key, owner in _owners(session, ProductBarcode.match_key.in_(chunk), not_this):
            found[str(key)] = owner
    if wanted:
        want = set(wanted)
        for _no_key, owner in _owners(session, ProductBarcode.match_key.is_(None), not_this):
            key = code_key(owner.code)
            if key in want and key not in found:
                found[key] = owner
    return found


def _owners(
    session: Session, condition: ColumnElement[bool], not_this: ColumnElement[bool] | None
) -> list[tuple[str | None, CodeOwner]]:
    """(match key, owner) of the barcode rows that meet ``condition`` (and ``not_this``)."""
    query = select(ProductBarcode.match_key, *_OWNER_COLUMNS).join(Product, Product.id == ProductBarcode.product_id)
    query = query.where(condition) if not_this is None else query.where(condition, not_this)
    return [(r[0], CodeOwner(r[1], r[2], r[3], bool(r[4]), r[5], r[6], int(r[7]))) for r in session.execute(query)]


def unkeyed_rows(session: Session) -> list[BarcodeRow]:
    rows = session.execute(
        select(ProductBarcode.id, ProductBarcode.product_id, ProductBarcode.code, ProductBarcode.symbology).where(
            ProductBarcode.match_key.is_(None)
        )
    )
    return [BarcodeRow(*row) for row in rows]


def settle_keys(session: Session) -> KeyPlan:
    """Give back their key to rows whose conflict was resolved; returns what is still in conflict."""
    rows = unkeyed_rows(session)
    if not rows:
        return KeyPlan({}, {})
    keys = {code_key(row.code) for row in rows}
    held: dict[str, int] = {}
    wanted = sorted(keys)
    for start in range(0, len(wanted), _CHUNK):
        query = select(ProductBarcode.match_key, ProductBarcode.product_id).where(
            ProductBarcode.match_key.in_(wanted[start : start + _CHUNK])
        )
        for key, product_id in session.execute(query):
            held[str(key)] = product_id
    plan = plan_match_keys(rows, held)
    for row_id, key in plan.keys.items():
        if key is not None:
            session.execute(update(ProductBarcode).where(ProductBarcode.id == row_id).values(match_key=key))
    return plan


def owners_of(session: Session, product_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """SKU and name of each product, for reports."""
    found: dict[int, tuple[str, str]] = {}
    ids = sorted(set(product_ids))
    for start in range(0, len(ids), _CHUNK):
        for pid, sku, name in session.execute(
            select(Product.id, Product.sku, Product.name).where(Product.id.in_(ids[start : start + _CHUNK]))
        ):
            found[pid] = (sku, name)
    return found


def find_codes(session: Session, texts: Iterable[str]) -> dict[str, CodeOwner]:
    """``find_code`` for many codes at once (an order's lines, a file): text -> the best row."""
    keys_of = {text: lookup_keys(text) for text in set(texts) if exact_code(text)}
    keys = sorted({key for found in keys_of.values() for key in found})
    exacts = sorted({exact_code(text) for text in keys_of})
    by_key: dict[str, CodeOwner] = {}
    by_exact: dict[str, CodeOwner] = {}
    columns = (ProductBarcode.match_key, *_OWNER_COLUMNS)
    for start in range(0, max(len(keys), len(exacts)), _CHUNK):
        condition = or_(
            ProductBarcode.match_key.in_(keys[start : start + _CHUNK]),
            and_(ProductBarcode.match_key.is_(None), ProductBarcode.code.in_(exacts[start : start + _CHUNK])),
        )
        query = select(*columns).join(Product, Product.id == ProductBarcode.product_id).where(condition)
        for r in session.execute(query):
            owner = CodeOwner(r[1], r[2], r[3], bool(r[4]), r[5], r[6], max(int(r[7]), 1))
            if r[0] is None:
                by_exact[owner.code] = owner
            else:
                by_key[str(r[0])] = owner
    found: dict[str, CodeOwner] = {}
    for text, keys_for_text in keys_of.items():
        best = next((by_key[key] for key in keys_for_text if key in by_key), None) or by_exact.get(exact_code(text))
        if best is not None:
            found[text] = best
    return found
