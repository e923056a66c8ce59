"""After-sales: order exceptions (raised by hand or by the automatic checks, worked, resolved, reported) and
returns, refunds and exchanges.
"""
