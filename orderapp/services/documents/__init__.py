"""Documents: one function per printed document (slips, pick lists, labels, count sheets, return slips, the daily
summary) and the figures they print.
"""
