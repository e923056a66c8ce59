"""Order drafts and order search (orders capability)."""

from __future__ import annotations
