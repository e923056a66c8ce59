"""OrderApp: orders, scan-verified packing, stock counts and printed paperwork for small shops."""

__version__ = "0.1.0"
