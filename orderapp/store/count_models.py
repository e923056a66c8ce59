"""Stock counts: counts, their lines and every count entry (inventory capability)."""

from __future__ import annotations
