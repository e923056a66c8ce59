"""Stock: the ledger every stock change goes through, the shelf (receiving, adjusting), counts, the reorder list,
and the catalogue with its product imports and exports.
"""
