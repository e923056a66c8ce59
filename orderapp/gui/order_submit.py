"""Placing what the order form holds: the one call the form runs in a worker, and the question asked
when the same order seems to be placed twice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from orderapp.domain.order_validation import Fulfilment, OrderDraft
from orderapp.services.orders.placing import (
    OrderView,
    PossibleDuplicate,
    complete_walk_in,
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
) -> OrderView:
    """Complete a walk-in sale, place a new order, or store the edit of ``order``; ``confirm`` reserves
    the stock too, in the same transaction (short stock stores nothing: the form keeps it all)."""
    if draft.fulfilment == Fulfilment.WALK_IN.value and order is None:
        return complete_walk_in(database, draft, user_id=user_id, draft_id=draft_id)
    if order is None:
        return place_order(
            database, draft, user_id=user_id, confirm=confirm, allow_duplicate=allow_duplicate, draft_id=draft_id
        )
    return update_order(
        database,
        order.id,
        draft,
        user_id=user_id,
        confirm=confirm,
        expected=order,  # another PC's change since the form opened: EditConflict, with what changed
        draft_id=draft_id,
    )


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
