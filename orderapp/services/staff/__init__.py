"""Staff: the shop's people and their PINs, the permission checks and audit entries other services make, the audit
log, and staff figures.
"""
