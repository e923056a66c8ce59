"""Words for the exceptions' families, types, severities, statuses and actions, translated."""

from __future__ import annotations

from orderapp.domain.exception_rules import ActionType, ExceptionStatus, Family, Severity
from orderapp.i18n import _


def family_label(family: str) -> str:
    names: dict[str, str] = {
        Family.PAYMENT: _("Payment"),
        Family.LOGISTICS: _("Logistics"),
        Family.PRODUCT: _("Product"),
        Family.CUSTOMER: _("Customer information"),
    }
    return names.get(family, family)


def type_label(kind: str) -> str:
    return {
        "failed": _("Payment failed"),
        "duplicate": _("Paid twice"),
        "amount_mismatch": _("Amount does not match"),
        "unpaid_at_packing": _("Unpaid at packing"),
        "unpaid_import": _("Imported unpaid or voided"),
        "delayed": _("Delivery late"),
        "lost": _("Lost in transit"),
        "wrong_address": _("Wrong address"),
        "returned_to_sender": _("Returned to sender"),
        "damaged_in_transit": _("Damaged in transit"),
        "late_confirm": _("Not confirmed in time"),
        "late_pack": _("Not packed by the cut-off"),
        "late_ship": _("Not shipped in time"),
        "out_of_stock": _("Out of stock"),
        "damaged": _("Damaged item"),
        "wrong_item_sent": _("Wrong item sent"),
        "quality_complaint": _("Quality complaint"),
        "pack_override": _("Packed without full scan"),
        "wrong_scans": _("Repeated wrong scans"),
        "unreachable": _("Customer unreachable"),
        "incomplete_address": _("Incomplete address"),
        "invalid_address": _("Invalid address"),
        "duplicate_customer": _("Duplicate customer"),
    }.get(kind, kind)


def severity_label(severity: str) -> str:
    names: dict[str, str] = {Severity.MINOR: _("minor"), Severity.MODERATE: _("moderate"), Severity.SEVERE: _("severe")}
    return names.get(severity, severity)


def status_label(status: str) -> str:
    names: dict[str, str] = {
        ExceptionStatus.OPEN: _("open"),
        ExceptionStatus.IN_PROGRESS: _("in progress"),
        ExceptionStatus.ACTION_TAKEN: _("action taken"),
        ExceptionStatus.RESOLVED: _("resolved"),
    }
    return names.get(status, status)


def action_label(action: str) -> str:
    names: dict[str, str] = {
        ActionType.RESHIP: _("reship"),
        ActionType.REFUND: _("refund"),
        ActionType.REPLACEMENT: _("replacement"),
        ActionType.COMPENSATION: _("compensation"),
        ActionType.CANCEL: _("cancel the order"),
    }
    return names.get(action, action)
