"""Placing what the order form holds: the one call the form runs in a worker, and the question asked
when the same order seems to be placed twice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from orderapp.domain.order_validation import Fulfilment, OrderDraft
from orderapp.errors import OrderAppError
from orderapp.services.orders import (
    OrderView,
    PossibleDuplicate,
    complete_walk_in,
    confirm_order,
    place_order,
    update_order,
)
from orderapp.store.database import Database


def save_order(
    database: Database,
    draft: OrderDraft,
    *,
    order: OrderView | None,
    user_id: int,
    confirm: bool,
    allow_duplicate: bool,
    draft_id: int | None,
) -> tuple[OrderView, str]:
    """Complete a walk-in sale, place a new order, or store the edit of ``order``; ``confirm`` reserves
    the stock too. Returns the order and, when it was stored but could not be confirmed, why not."""
    if draft.fulfilment == Fulfilment.WALK_IN.value and order is None:
        return complete_walk_in(database, draft, user_id=user_id, draft_id=draft_id), ""
    if order is None:
        view = place_order(
            database, draft, user_id=user_id, confirm=confirm, allow_duplicate=allow_duplicate, draft_id=draft_id
        )
        return view, ""
    view = update_order(
        database, order.id, draft, user_id=user_id, expected_updated_at=order.updated_at, draft_id=draft_id
    )
    if confirm and "confirm" in view.actions:
        try:
            view = confirm_order(database, view.id, user_id=user_id)
        except OrderAppError as exc:
            return view, str(exc)
    return view, ""


def ask_duplicate(parent: QWidget, exc: PossibleDuplicate) -> bool:
    """The same items for the same customer were ordered a moment ago: place this one as well?"""
    box = QMessageBox(parent)
    box.setObjectName("duplicate_order_question")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("OrderForm", "Same order again?"))
    box.setText(str(exc))
    place = box.addButton(
        QCoreApplication.translate("OrderForm", "Place it as well"), QMessageBox.ButtonRole.AcceptRole
    )
    place.setObjectName("place_duplicate")
    keep = box.addButton(QCoreApplication.translate("OrderForm", "Don't place it"), QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("skip_duplicate")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is place
