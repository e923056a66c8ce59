"""The orders list's one search box: order number, customer or recipient name, phone (typed in
any format), SKU or barcode, fast on a million orders.

Each order has one ``order_search`` row whose text joins what can be searched (see
``search_text_query``). A substring index covers it: an FTS5 trigram table on SQLite (kept in step by
triggers on ``order_search``), pg_trgm GIN on PostgreSQL. Services keep the rows in step
(``refresh_search_rows``) whenever an order or its customer changes; bulk loaders write the rows
inside ``search_index_built_after``, which builds the index once at the end (the demo shop's is made
beside the shop on a thread meanwhile: ``search_side_index``), and ``fill_missing_search_rows``
catches up orders written by anything else.

Searching is two steps (``find_candidates``): ask the index for the matching order ids, at most
``CANDIDATE_LIMIT``; when more match, the term is common, so the list instead walks the orders
newest first and filters by the text, which finds a page quickly precisely because matches are
common. Terms shorter than three characters (two-character Chinese names) cannot use a trigram
index: they go through the customer table, which is much smaller than the orders.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    and_,
    delete,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from orderapp.domain.order_numbers import order_id_from_number
from orderapp.domain.phones import looks_like_phone, search_digits
from orderapp.domain.safe_text import searchable
from orderapp.services.orders.search_side_index import SideSearchIndex
from orderapp.store.barcode_lookup import code_condition
from orderapp.store.database import Database
from orderapp.store.models import Customer, Order, OrderLine, Product, ProductBarcode
from orderapp.store.order_models import OrderSearch

_SEARCH = cast(Table, OrderSearch.__table__)
_log = logging.getLogger(__name__)
CANDIDATE_LIMIT = 2000
MANY = 10_000
SHORT_CUSTOMER_LIMIT = 200
RECENT_SCAN = 5_000
_SEP = "\n"

# --- the index itself (the same statements as migration 0002) ----------------------------------

SQLITE_INDEX_DDL = (
    "CREATE VIRTUAL TABLE order_search_fts USING fts5("
    "text, content='order_search', content_rowid='order_id', tokenize='trigram')",
    "CREATE TRIGGER order_search_ai AFTER INSERT ON order_search BEGIN "
    "INSERT INTO order_search_fts(rowid, text) VALUES (new.order_id, new.text); END",
    "CREATE TRIGGER order_search_ad AFTER DELETE ON order_search BEGIN "
    "INSERT INTO order_search_fts(order_search_fts, rowid, text) VALUES ('delete', old.order_id, old.text); END",
    "CREATE TRIGGER order_search_au AFTER UPDATE ON order_search BEGIN "
    "INSERT INTO order_search_fts(order_search_fts, rowid, text) VALUES ('delete', old.order_id, old.text); "
    "INSERT INTO order_search_fts(rowid, text) VALUES (new.order_id, new.text); END",
)
SQLITE_INDEX_DROP = (
    "DROP TRIGGER IF EXISTS order_search_ai",
    "DROP TRIGGER IF EXISTS order_search_ad",
    "DROP TRIGGER IF EXISTS order_search_au",
    "DROP TABLE IF EXISTS order_search_fts",
)
FTS_REBUILD_HASH_BYTES = 64 * 1024 * 1024
PG_INDEX_DDL = "CREATE INDEX ix_order_search_text_trgm ON order_search USING gin (text gin_trgm_ops)"
PG_INDEX_DROP = "DROP INDEX IF EXISTS ix_order_search_text_trgm"


def search_text_query(order_ids: Sequence[int] | None = None) -> Select[int, str]:
    """(order id, search text) for the given orders (all when None), in one SQL statement.

    The text: number, external number, customer name, recipient, both phones' digits (E.164 without
    '+', so "138 1234 5678" and "+86 138..." both find it), and the SKUs of the lines, one per line
    of text so a match never spans two fields.
    """
    skus = (
        select(func.coalesce(func.aggregate_strings(OrderLine.sku, " "), ""))
        .where(OrderLine.order_id == Order.id)
        .scalar_subquery()
    )
    sep = literal(_SEP)
    body = (
        Order.number
        + sep
        + Order.external_ref
        + sep
        + func.coalesce(Customer.name, "")
        + sep
        + Order.ship_name
        + sep
        + func.replace(func.coalesce(Customer.phone, ""), "+", "")
        + sep
        + func.replace(Order.ship_phone, "+", "")
        + sep
        + skus
    )
    query = select(Order.id, body).outerjoin(Customer, Customer.id == Order.customer_id)
    if order_ids is not None:
        query = query.where(Order.id.in_(list(order_ids)))
    return query


def refresh_search_rows(bind: Session | Connection, order_ids: Iterable[int]) -> None:
    """Recompute the search text of these orders (after creating or editing them). Does NOT commit."""
    ids = sorted(set(order_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        bind.execute(delete(OrderSearch).where(OrderSearch.order_id.in_(chunk)))
        bind.execute(_SEARCH.insert().from_select(["order_id", "text"], search_text_query(chunk)))


def refresh_customer_orders(bind: Session | Connection, customer_id: int) -> None:
    """A customer's name or phone changed: their orders' search text follows. Does NOT commit."""
    ids = [row[0] for row in bind.execute(select(Order.id).where(Order.customer_id == customer_id))]
    refresh_search_rows(bind, ids)


def fill_missing_search_rows(bind: Session | Connection) -> int:
    """Add search rows for orders that have none (written by a bulk loader); returns how many.

    Cheap when nothing is missing (two index look-ups). Does NOT commit.
    """
    newest_order = bind.execute(select(func.max(Order.id))).scalar()
    newest_row = bind.execute(select(func.max(OrderSearch.order_id))).scalar()
    if newest_order is None:
        return 0
    if newest_row is None:  # nothing indexed yet (a bulk-loaded shop): the bulk path is much faster
        connection = bind.connection() if isinstance(bind, Session) else bind
        rebuild_search_index(connection)
        return int(bind.execute(select(func.count()).select_from(OrderSearch)).scalar_one())
    if newest_row == newest_order:
        count_orders = bind.execute(select(func.count()).select_from(Order)).scalar_one()
        count_rows = bind.execute(select(func.count()).select_from(OrderSearch)).scalar_one()
        if count_orders == count_rows:
            return 0
    missing = search_text_query().where(~exists().where(OrderSearch.order_id == Order.id))
    without = ~exists().where(OrderSearch.order_id == Order.id)
    count = bind.execute(select(func.count()).select_from(Order).where(without)).scalar_one()
    if count:
        bind.execute(_SEARCH.insert().from_select(["order_id", "text"], missing))
    return int(count)


def ensure_search_index(database: Database) -> int:
    """Give every order its search row (run at start-up, in a worker: a bulk-loaded shop of a
    million orders takes about half a minute once; afterwards this costs two index look-ups).
    Returns how many orders were added."""
    with database.session() as session:
        newest_order = session.execute(select(func.max(Order.id))).scalar()
        newest_row = session.execute(select(func.max(OrderSearch.order_id))).scalar()
    if newest_order is None or newest_order == newest_row:
        return 0
    with database.session(write=True) as session:
        added = fill_missing_search_rows(session)
        session.commit()
    return added


def rebuild_search_index(connection: Connection) -> None:
    """Rebuild every order's search text and the index, fastest for bulk loads. Does NOT commit."""
    with search_index_built_after(connection):
        connection.execute(delete(OrderSearch))
        connection.execute(_SEARCH.insert().from_select(["order_id", "text"], search_text_query()))


@contextmanager
def search_index_built_after(connection: Connection) -> Iterator[SideSearchIndex | None]:
    """For bulk loaders (the demo shop): the substring index is dropped while the caller writes
    ``order_search`` rows (a trigger would index them one at a time), then built once from all the
    rows. The caller writes each order's text exactly as ``search_text_query`` makes it. Does NOT commit.

    On SQLite it yields a ``SideSearchIndex``: a caller that hands it every text it writes and starts
    it before its other slow work has the index made meanwhile on a thread, then copied in (a million
    orders on two cores: its 7-11 s beside the other indexes, 2 s to copy, about 4-5 s less in all).
    Otherwise (PostgreSQL: None) the index is built here."""
    dialect = connection.dialect.name
    side = None
    if dialect == "sqlite":
        for statement in SQLITE_INDEX_DROP:
            connection.exec_driver_sql(statement)
        side = SideSearchIndex("order_search_fts", SQLITE_INDEX_DDL[0], _sqlite_fts_settings())
    elif dialect == "postgresql":
        connection.exec_driver_sql(PG_INDEX_DROP)
    try:
        yield side
        if side is not None:
            _build_sqlite_index(connection, side)
        elif dialect == "postgresql" and has_trigram(connection):
            connection.exec_driver_sql(PG_INDEX_DDL)
    finally:
        if side is not None:
            side.discard()


def _build_sqlite_index(connection: Connection, side: SideSearchIndex) -> None:
    """The index made again: copied from ``side`` where it holds every row and the copy reads back
    in this connection (the last order's text finds its order), else rebuilt from the rows."""
    definition, *triggers = SQLITE_INDEX_DDL
    connection.exec_driver_sql(definition)
    # Copied before anything else reads the new index: FTS5 keeps what it has read of its own tables
    # for the rest of the transaction.
    rows = int(connection.execute(select(func.count()).select_from(_SEARCH)).scalar_one())
    copied = side.copy_into(cast(sqlite3.Connection, connection.connection.driver_connection), rows)
    if not copied or not _index_finds_last_text(connection):
        if copied:
            _log.warning("the search index copied in does not read back; rebuilding it")
        for statement in _sqlite_fts_settings():
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql("INSERT INTO order_search_fts(order_search_fts) VALUES ('rebuild')")
    for statement in triggers:
        connection.exec_driver_sql(statement)


def _index_finds_last_text(connection: Connection) -> bool:
    """The newest order's search text, looked up in the index, finds that order."""
    last = connection.execute(
        select(_SEARCH.c.order_id, _SEARCH.c.text).order_by(_SEARCH.c.order_id.desc()).limit(1)
    ).first()
    if last is None:
        return True
    phrase = '"' + last.text[:40].replace('"', '""') + '"'
    found = connection.exec_driver_sql(
        "SELECT rowid FROM order_search_fts WHERE order_search_fts MATCH ? AND rowid = ?", (phrase, last.order_id)
    ).first()
    return found is not None


def _sqlite_fts_settings() -> tuple[str, ...]:
    """The index's terms gathered in memory in 64 MB (not 1 MB) parts while building: fewer segments
    to merge (about a fifth less time for a million orders) and to read after. Kept in the index."""
    if sqlite3.sqlite_version_info < (3, 40):
        return ()
    return (f"INSERT INTO order_search_fts(order_search_fts, rank) VALUES ('hashsize', {FTS_REBUILD_HASH_BYTES})",)


def search_text(
    number: str, external_ref: str, customer_name: str, ship_name: str, customer_phone: str, ship_phone: str, skus: str
) -> str:
    """An order's search text from its parts, as ``search_text_query`` makes it in SQL (for bulk
    makers of orders; ``skus``: the lines' SKUs in line order, joined by spaces)."""
    return _SEP.join(
        (
            number,
            external_ref,
            customer_name,
            ship_name,
            customer_phone.replace("+", ""),
            ship_phone.replace("+", ""),
            skus,
        )
    )


def has_trigram(connection: Connection) -> bool:
    """PostgreSQL: is the pg_trgm extension installed in this database?"""
    found = connection.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).first()
    return found is not None


# --- searching ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchTerms:
    """What one typed search looks for: any of ``terms`` as a substring of an order's search text."""

    typed: str
    terms: tuple[str, ...]
    product_ids: tuple[int, ...] = ()  # the text is exactly a product's SKU or barcode

    @property
    def short(self) -> bool:
        return any(len(term) < 3 for term in self.terms)


def search_terms(session: Session, typed: str, phone_region: str) -> SearchTerms | None:
    """Turn what the user typed into substrings to look for. None for an empty search.

    A phone number in any format becomes its digits; a barcode becomes the SKU of its product.
    """
    text_ = " ".join(searchable(typed).split())  # NUL or half characters match nothing, never fail
    if not text_:
        return None
    terms: list[str] = [text_]
    if looks_like_phone(text_):
        terms.extend(search_digits(text_, phone_region))
    products = session.execute(
        select(Product.id, Product.sku).where(Product.sku.in_(sorted({text_, text_.upper()})))
    ).all()
    if not products:
        products = session.execute(
            select(Product.id, Product.sku)
            .join(ProductBarcode, ProductBarcode.product_id == Product.id)
            .where(code_condition(typed))  # any written form of its GTIN (GS separators kept)
        ).all()
    terms.extend(sku for _pid, sku in products)
    unique: list[str] = []
    for term in terms:
        if term and term not in unique and not any(term != other and other in term for other in terms):
            unique.append(term)
    return SearchTerms(
        typed=text_, terms=tuple(unique or [text_]), product_ids=tuple(sorted(pid for pid, _sku in products))
    )


@dataclass(frozen=True)
class SearchMatch:
    """How the list finds the matching orders: by their ids when few match, otherwise by a
    condition it checks while walking the orders newest first (cheap exactly because matches are
    then common enough to fill a page quickly)."""

    ids: tuple[int, ...] | None = None
    # On ``orders`` joined to its ``customer`` (and to ``order_search`` when join_text).
    condition: ColumnElement[bool] | None = None
    join_text: bool = False


def find_matches(session: Session, terms: SearchTerms) -> SearchMatch:
    dialect = session.get_bind().dialect.name
    if terms.product_ids:
        # An exact SKU or barcode: the orders with that product, through the order lines' index.
        with_product = select(OrderLine.order_id).where(OrderLine.product_id.in_(terms.product_ids))
        ids = [row[0] for row in session.execute(with_product.distinct().limit(CANDIDATE_LIMIT + 1))]
        if len(ids) > CANDIDATE_LIMIT:
            many = session.execute(
                select(func.count()).select_from(with_product.limit(MANY + 1).subquery())
            ).scalar_one()
            if many <= MANY:
                return SearchMatch(condition=Order.id.in_(with_product))
            # A best seller: check each order while walking the list (EXISTS, one index probe
            # per order), rather than fetch and sort all of its orders.
            has_product = exists().where(OrderLine.order_id == Order.id, OrderLine.product_id.in_(terms.product_ids))
            return SearchMatch(condition=has_product)
        if terms.short:
            short = _short_match(session, terms)
            if short.ids is None:
                return SearchMatch(condition=or_(Order.id.in_(ids), *[c for c in [short.condition] if c is not None]))
            ids.extend(short.ids)
        return SearchMatch(ids=tuple(sorted(set(ids))))
    if terms.short:
        return _short_match(session, terms)
    if dialect == "sqlite":
        query = " OR ".join('"' + term.replace('"', '""') + '"' for term in terms.terms)
        matching: Select[Any] = (
            select(literal_column("rowid"))
            .select_from(table("order_search_fts"))
            .where(text("order_search_fts MATCH :fts_query").bindparams(fts_query=query))
        )
    else:
        matching = select(OrderSearch.order_id).where(text_condition(terms, dialect))
    ids = [row[0] for row in session.execute(matching.limit(CANDIDATE_LIMIT + 1))]
    if len(ids) <= CANDIDATE_LIMIT:
        return SearchMatch(ids=tuple(ids))
    many = session.execute(select(func.count()).select_from(matching.limit(MANY + 1).subquery())).scalar_one()
    if many <= MANY:
        # Thousands: fetch those orders by id and sort them (a few ms per thousand).
        return SearchMatch(condition=Order.id.in_(matching))
    # Common: walk the list newest first, matching the text; a page fills quickly.
    return SearchMatch(condition=text_condition(terms, dialect), join_text=True)


def find_candidates(session: Session, terms: SearchTerms) -> list[int] | None:
    """Ids of the orders that match, or None when too many do (see ``find_matches``)."""
    match = find_matches(session, terms)
    return list(match.ids) if match.ids is not None else None


def text_condition(terms: SearchTerms, dialect: str, column: ColumnElement[str] | None = None) -> ColumnElement[bool]:
    """The search as a condition on ``order_search.text`` (join it to the orders), or on ``column``."""
    target: ColumnElement[str] = OrderSearch.text.expression if column is None else column
    parts = []
    for term in terms.terms:
        pattern = "%" + _escape_like(term) + "%"
        parts.append(target.ilike(pattern, escape="\\") if dialect != "sqlite" else target.like(pattern, escape="\\"))
    return or_(*parts)


def _short_match(session: Session, terms: SearchTerms) -> SearchMatch:
    """Terms under three characters (a two-character Chinese name, "Jo"): customers whose name
    starts with it (the name index), or, when none does, contains it; then their orders. The order
    number as typed, and the newest orders' text, cover the rest."""
    prefix = []
    for term in terms.terms:
        for variant in {term, term.capitalize(), term.upper(), term.lower()}:
            prefix.append(and_(Customer.name >= variant, Customer.name < variant + "\U0010ffff"))
    named = or_(*prefix)
    limit = SHORT_CUSTOMER_LIMIT + 1
    customers = [row[0] for row in session.execute(select(Customer.id).where(named).limit(limit))]
    if not customers:
        named = or_(*[Customer.name.ilike("%" + _escape_like(term) + "%", escape="\\") for term in terms.terms])
        customers = [row[0] for row in session.execute(select(Customer.id).where(named).limit(limit))]
    if len(customers) > SHORT_CUSTOMER_LIMIT:
        # A common name or surname: check the customer's name while walking the list (the list
        # joins each order's customer anyway), rather than fetch and sort all their orders.
        return SearchMatch(condition=named)
    ids: list[int] = []
    if customers:
        of_customers = select(Order.id).where(Order.customer_id.in_(customers))
        ids = [row[0] for row in session.execute(of_customers.limit(CANDIDATE_LIMIT + 1))]
        if len(ids) > CANDIDATE_LIMIT:
            return SearchMatch(condition=Order.customer_id.in_(customers))
    number_id = order_id_from_number(terms.typed)
    if number_id is not None:
        ids.append(number_id)
    newest = select(Order.id).order_by(Order.created_at.desc(), Order.id.desc()).limit(RECENT_SCAN).subquery("newest")
    # Each newest order's text is looked up by its key (a correlated subquery), so no plan scans
    # the whole search table for a pattern its index cannot serve.
    its_text = select(OrderSearch.text).where(OrderSearch.order_id == newest.c.id).scalar_subquery()
    recent = (
        select(newest.c.id)
        .where(text_condition(terms, session.get_bind().dialect.name, its_text))
        .limit(CANDIDATE_LIMIT)
    )
    ids.extend(row[0] for row in session.execute(recent))
    return SearchMatch(ids=tuple(sorted(set(ids))))


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
