"""Damage a shop file the way a failing disk or a bad copy does, for the tests that must catch it."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def zero_a_page_of(path: Path, table: str) -> int:
    """Overwrite one page of ``table``'s b-tree (a leaf in the middle) with zeros; returns its number."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.execute("SELECT pageno, pagetype FROM dbstat WHERE name = ?", (table,)).fetchall()
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    leaves = [p for p, kind in pages if kind == "leaf"] or [p for p, _kind in pages]
    page = leaves[len(leaves) // 2]
    with path.open("r+b") as f:
        f.seek((page - 1) * size)
        f.write(b"\x00" * size)
    return page
