"""Packing sessions and every scan at the packing station (packing capability)."""

from __future__ import annotations
