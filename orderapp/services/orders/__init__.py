"""Orders: placing, editing, confirming and moving an order through its statuses; drafts, the orders list and its
search, and order imports.
"""
