"""Staging tables for imports: TEMP tables on the import's own connection, which no other
connection sees and which take no lock on the shop (SQLite keeps them in a file of their own), so
that an import can write its rows in short transactions while the other PCs work, then move them
into the real tables in one short write transaction. They go with the connection: the import
closes it at the end, and a killed process leaves nothing behind."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Column, Connection, MetaData, Table

from orderapp.store.bulk_rows import BulkRows
from orderapp.store.types import UTCDateTime

PREFIX = "import_stage_"


def stage_table(metadata: MetaData, table: Table, *extra: Column[Any], with_id: bool = True) -> Table:
    """A TEMP table with ``table``'s columns without its constraints (checked at the move); with
    ``with_id`` the staged ids are its key (SQLite: the rowid, so moving in id order needs no sort)."""
    columns = [Column(c.name, c.type, primary_key=with_id and c.name == "id") for c in table.c]
    return Table(PREFIX + table.name, metadata, *columns, *extra, prefixes=["TEMPORARY"])


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Staged rows (dicts with the same keys) to ``table`` through the shared bulk writer
    (executemany on SQLite, COPY on PostgreSQL), times turned into the storage format."""
    if not rows:
        return
    bulk = BulkRows(connection)
    names = tuple(rows[0])
    times = [isinstance(table.c[name].type, UTCDateTime) for name in names]
    bulk.insert(
        table,
        names,
        (
            tuple(bulk.stamp_time(row[n]) if is_time else row[n] for n, is_time in zip(names, times, strict=True))
            for row in rows
        ),
    )


def drop_tables(connection: Connection, metadata: MetaData) -> None:
    for table in metadata.sorted_tables:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table.name}")
