"""Printed documents (ReportLab): slips, pick lists, labels, count sheets, the daily summary."""
