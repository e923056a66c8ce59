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

Big files next to a working shop (the design):

* Reading and checking (``plan_import``) never takes the write lock: it uses an ordinary read
  transaction, so the other PCs confirm, pack and ship while a 500,000-row file is checked. The file
  is streamed twice (``order_import_file``): once to find each order's last row and the codes to
  look up, once to check each order as soon as its last row is read (``order_import_check``). Only
  the rows of orders not yet complete are held, and each checked order goes to the plan's spool, a
  temporary file (``order_import_plan.OrderSpool``): a 50 MB file is never in memory whole, neither
  as text nor as orders.
* Writing (``run_import``, ``order_import_write``) does not lock the other PCs out. Batches of a
  thousand orders are read back from the spool and written, in short transactions, into staging
  tables: TEMP tables on the import's own connection, which no other screen sees and which take no
  lock on the shop (the other PCs confirm, pack and ship meanwhile). Then ONE short write
  transaction moves them into the real tables (ids, numbers, customers, lines, timeline entries,
  search rows), so the import stays all or nothing: a failure, a stop or a kill before that commit
  leaves the shop as it was, and the staging tables go with the connection. During the move the
  import marks itself in the ``setting`` table (``store.db_errors.import_writing``); another PC's
  write that meets the lock then gives up after at most about 2 s with "Another PC is importing;
  try again in a moment" instead of queueing behind it (SQLite; on PostgreSQL an order import locks
  no row another PC writes), and nothing of that PC's work is changed. ``ImportResult.lock_seconds``
  says how long the move held the lock.
* Every failure a user can meet is a typed error with a sentence (``ImportFailed``,
  ``ImportCancelled``, ``db_errors.DatabaseBusy``, ...), never a raw database error.

The parts: ``order_import_plan`` (what an import is made of), ``order_import_columns`` (the two
formats and the template), ``order_import_file`` (reading), ``order_import_check`` (checking) and
``order_import_write`` (writing); this module holds the use cases the GUI and the command call.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from orderapp.domain.order_numbers import order_number
from orderapp.i18n import _
from orderapp.services.orders.import_check import OrderChecker
from orderapp.services.orders.import_columns import (
    GENERIC_COLUMNS,
    SHOPIFY_REQUIRED,
    detect_format,
    template_help,
    template_text,
    write_template,
)
from orderapp.services.orders.import_file import decode, read_csv
from orderapp.services.orders.import_plan import (
    Format,
    ImportCancelled,
    ImportedLine,
    ImportedOrder,
    ImportFailed,
    ImportPlan,
    ImportProblem,
    ImportResult,
    OrderSpool,
    Progress,
    import_failed_message,
)
from orderapp.services.orders.import_write import OrderStage
from orderapp.services.settings.orders import read_order_settings
from orderapp.store.database import WRITE_OPTION, Database
from orderapp.store.db_errors import import_writing

__all__ = [
    "GENERIC_COLUMNS",
    "SHOPIFY_REQUIRED",
    "Format",
    "ImportCancelled",
    "ImportFailed",
    "ImportPlan",
    "ImportProblem",
    "ImportResult",
    "ImportedLine",
    "ImportedOrder",
    "OrderSpool",
    "Progress",
    "decode",
    "detect_format",
    "import_orders",
    "plan_import",
    "read_csv",
    "run_import",
    "template_help",
    "template_text",
    "write_template",
]


def plan_import(
    database: Database,
    data: bytes | Path,
    *,
    format: Format | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportPlan:
    """Read and check a file; nothing is written. ``plan.problems`` lists what is wrong, by row."""
    source = read_csv(data)
    chosen = format or detect_format(source.header)
    if chosen is None:
        raise ImportFailed(
            _(
                "The columns are not those of a Shopify orders export or of the OrderApp template; "
                "write the template with --write-template and fill it in."
            )
        )
    with database.session() as session:
        settings = read_order_settings(session)
        return OrderChecker(session, settings, chosen, progress, cancelled).plan(source)


def run_import(
    database: Database,
    plan: ImportPlan,
    *,
    user_id: int,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Stage a checked plan a batch at a time, then move it into the shop in one short transaction
    (all or nothing). Raises
    ImportFailed when the plan has errors, ImportCancelled when ``cancelled()`` turns True before the end."""
    if not plan.ok:
        raise ImportFailed(import_failed_message(plan), plan)
    with database.session() as session:
        settings = read_order_settings(session)
    meanwhile: list[tuple[str, int, str]] = []
    with database.engine.connect() as connection:
        try:
            stage = OrderStage(connection, settings, user_id, progress, cancelled)
            stage.open()
            connection.commit()
            done = 0
            for batch in plan.spool.batches():  # short transactions on the staging tables: no lock on the shop
                stage.check(_("Writing"), done, plan.order_count)
                # Someone may have imported some of these since the preview: skip them now.
                taken = stage.taken([order.external_ref for order in batch])
                meanwhile += [
                    (o.external_ref, o.first_row, _("imported meanwhile")) for o in batch if o.external_ref in taken
                ]
                stage.write([order for order in batch if order.external_ref not in taken])
                connection.commit()
                done += len(batch)
            stage.check(_("Writing"), done, plan.order_count)
            with import_writing(database, user_id=user_id):
                connection.execution_options(**{WRITE_OPTION: True})  # the move takes the write lock
                started = time.monotonic()
                with connection.begin():
                    ids, late = stage.move()
                lock_seconds = time.monotonic() - started
        finally:
            connection.invalidate()  # the staging tables go with the connection, whatever happened
    return ImportResult(
        numbers=tuple(order_number(i) for i in ids),
        order_ids=tuple(ids),
        skipped=plan.skipped + tuple(meanwhile) + tuple((ref, row, _("imported meanwhile")) for ref, row in late),
        warnings=plan.warnings,
        customers_added=stage.customers_added,
        lock_seconds=lock_seconds,
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
        raise ImportFailed(import_failed_message(plan), plan)
    if dry_run:
        return plan, None
    return plan, run_import(database, plan, user_id=user_id, progress=progress, cancelled=cancelled)
