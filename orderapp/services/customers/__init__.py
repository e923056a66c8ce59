"""Customers: as the order form meets them, the customers screen's book, tags, and finding and merging duplicates."""
