"""Saving over another PC's change is never silent: the services that store an edited order,
product, customer or the shop settings take what the form opened (``expected=``) and, when the
stored record has changed since, raise ``EditConflict`` with what changed and the record as it is
now. The form then offers a choice: take the stored record (reload), or save again with
``expected=conflict.current`` (overwrite, knowingly).

The readings compared here are the texts a person sees for each field, so that the list of changes
can be shown as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from orderapp.domain.edit_conflicts import FieldChange, changed_fields
from orderapp.domain.money import format_money
from orderapp.errors import OrderAppError
from orderapp.i18n import _


class EditConflict(OrderAppError):
    """Another PC saved this record after it was opened here. ``changes``: what it changed;
    ``current``: the record as stored now (the same kind of view the form opened)."""

    def __init__(self, message: str, changes: tuple[FieldChange, ...], current: Any) -> None:
        super().__init__(message)
        self.changes = changes
        self.current = current


def conflict_if_changed(
    what: str,
    opened: Any,
    now: Any,
    fields: Callable[[Any], Mapping[str, str]],
    labels: Mapping[str, str],
    *,
    error: type[EditConflict] = EditConflict,
) -> None:
    """Raise ``error`` (an ``EditConflict``) about ``what`` ("Product TEA-001") when a field differs."""
    changes = changed_fields(fields(opened), fields(now), labels)
    if changes:
        raise error(
            _(
                "{what} was changed on another PC after you opened it ({fields}). "
                "Take their version, or save yours over it."
            ).format(what=what, fields=", ".join(change.label for change in changes)),
            changes,
            now,
        )


def product_labels() -> dict[str, str]:
    return {
        "sku": _("SKU"),
        "name": _("Name"),
        "category": _("Category"),
        "location": _("Location"),
        "unit": _("Unit"),
        "price": _("Price"),
        "cost": _("Cost"),
        "reorder_point": _("Reorder point"),
        "reorder_qty": _("Reorder quantity"),
        "active": _("Active"),
        "barcodes": _("Barcodes"),
    }


def product_fields(detail: Any) -> dict[str, str]:
    """``catalogue.ProductDetail`` as read by people (money in the shop's minor units, as figures)."""
    return {
        "sku": detail.sku,
        "name": detail.name,
        "category": detail.category,
        "location": detail.location,
        "unit": detail.unit,
        "price": f"{detail.price_cents / 100:.2f}",
        "cost": f"{detail.cost_cents / 100:.2f}",
        "reorder_point": str(detail.reorder_point),
        "reorder_qty": str(detail.reorder_qty),
        "active": _("yes") if detail.active else _("no"),
        "barcodes": ", ".join(
            b.code if b.pack_qty == 1 else f"{b.code} ×{b.pack_qty}"
            for b in sorted(detail.barcodes, key=lambda b: b.code)
        ),
    }


def order_labels() -> dict[str, str]:
    return {
        "status": _("Status"),
        "customer": _("Customer"),
        "delivery": _("Delivery address"),
        "phone": _("Phone"),
        "lines": _("Lines"),
        "total": _("Total"),
        "payment": _("Payment"),
        "priority": _("Priority"),
        "due": _("Due"),
        "notes": _("Notes"),
    }


def order_fields(view: Any) -> dict[str, str]:
    """``orders.OrderView`` as read by people."""
    address = ", ".join(
        part
        for part in (view.ship_line1, view.ship_line2, view.ship_city, view.ship_region, view.ship_postcode)
        if part
    )
    return {
        "status": view.status_label[:1].upper() + view.status_label[1:],
        "customer": view.customer.name if view.customer is not None else view.ship_name,
        "delivery": address,
        "phone": view.ship_phone_display or view.ship_phone,
        "lines": "; ".join(f"{line.sku} ×{line.quantity}" for line in view.lines),
        "total": format_money(view.total_cents, view.currency),
        "payment": view.payment_status,
        "priority": view.priority,
        "due": view.due_at.strftime("%Y-%m-%d %H:%M") if view.due_at is not None else "",
        "notes": view.notes,
    }


def customer_labels() -> dict[str, str]:
    return {
        "name": _("Name"),
        "phone": _("Phone"),
        "email": _("Email"),
        "address": _("Address"),
        "notes": _("Notes"),
    }


def customer_fields(view: Any) -> dict[str, str]:
    """``customers.CustomerView`` as read by people."""
    address = ", ".join(
        part
        for part in (view.address_line1, view.address_line2, view.city, view.region, view.postcode, view.country)
        if part
    )
    return {
        "name": view.name,
        "phone": view.phone_display or view.phone,
        "email": view.email,
        "address": address,
        "notes": view.notes,
    }


def settings_labels() -> dict[str, str]:
    return {
        "name": _("Shop name"),
        "address": _("Address"),
        "phone": _("Phone"),
        "currency": _("Currency"),
        "timezone": _("Time zone"),
        "phone_region": _("Phone numbers from"),
        "logo": _("Logo"),
    }


def settings_fields(settings: Any) -> dict[str, str]:
    """``shop_settings.ShopSettings`` as read by people."""
    return {
        "name": settings.name.strip(),
        "address": settings.address.strip(),
        "phone": settings.phone.strip(),
        "currency": settings.currency,
        "timezone": settings.timezone,
        "phone_region": settings.phone_region,
        "logo": "" if settings.logo is None else _("an image of {size:,} bytes").format(size=len(settings.logo)),
    }
