"""Placing what the order form holds: the one call the form runs in a worker, the question asked
when the same order seems to be placed twice, and ``FormSubmission``, the form's part that submits
it and answers what comes back (the next walk-in sale, a conflict, a refusal shown in place)."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from orderapp.domain.order_validation import DraftCheck, Fulfilment, OrderDraft, PaymentStatus
from orderapp.errors import OrderAppError, ValidationFailed
from orderapp.gui.edit_conflict_dialog import Choice, ask_about_conflict
from orderapp.gui.problems import show_done
from orderapp.gui.questions import ask
from orderapp.gui.tasks import report_unexpected, run_task
from orderapp.services.customers.lookup import DuplicateCustomer
from orderapp.services.orders.placing import (
    ChangedElsewhere,
    OrderView,
    OutOfStock,
    PossibleDuplicate,
    complete_walk_in,
    place_order,
    update_order,
)
from orderapp.store.database import Database

if TYPE_CHECKING:
    from orderapp.gui.order_form import OrderForm


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
    return ask(
        parent,
        "duplicate_order_question",
        QCoreApplication.translate("OrderForm", "Same order again?"),
        str(exc),
        yes=(QCoreApplication.translate("OrderForm", "Place it as well"), "place_duplicate"),
        no=(QCoreApplication.translate("OrderForm", "Don't place it"), "skip_duplicate"),
        icon=QMessageBox.Icon.Warning,
    )


class FormSubmission(QObject):
    """Submits the order form's draft in a worker and shows the outcome in the form (its sentences keep
    the form's translation context, "OrderForm")."""

    def __init__(self, form: OrderForm) -> None:
        super().__init__(form)
        self._form = form

    def confirm_key(self) -> None:
        """Ctrl+Enter: confirm when the form offers Confirm, else save."""
        self.submit(confirm=self._form.confirm_button.isVisible())

    def submit(self, *, confirm: bool, allow_duplicate: bool = False) -> None:
        form = self._form
        if form.busy or form.finished:
            return
        form.show_all = True
        check = form.recheck()
        allowed = form.can_confirm(check) if confirm else (check.can_save and not form.pending_lines())
        if form.fulfilment() == Fulfilment.WALK_IN.value and form.order is None:
            allowed = form.can_confirm(check)
        if not allowed:
            self.focus_first_problem(check)
            return
        form.saver.stop()
        if form.saver.saving:
            form.saver.when_idle(lambda: self.submit(confirm=confirm, allow_duplicate=allow_duplicate))
            return
        form.busy = True
        form.show_buttons_now()
        form.show_form_problem("")
        draft = form.draft()
        database, user_id, draft_id = form.context.database, form.context.user_id, form.saver.draft_id
        order = form.order
        walk_in = draft.fulfilment == Fulfilment.WALK_IN.value and order is None

        run_task(
            functools.partial(
                save_order,
                database,
                draft,
                order=order,
                user_id=user_id,
                confirm=confirm,
                allow_duplicate=allow_duplicate,
                draft_id=draft_id,
            ),
            lambda view: self._submitted(view, walk_in=walk_in),
            lambda exc: self._failed(exc, confirm),
            context=form,
        )

    def _submitted(self, view: OrderView, *, walk_in: bool) -> None:
        form = self._form
        form.busy = False
        form.last_order = view
        if walk_in:
            self._next_sale(view)
            form.sale_completed.emit(view)
            return
        form.finished = True
        form.saver.finish()
        form.show_buttons_now()
        form.order_saved.emit(view)

    def _next_sale(self, sold: OrderView) -> None:
        """A counter sale is done: an empty sale form for the next customer, the last sale noted."""
        form = self._form
        form.saver.start_over()
        form.touched.clear()
        form.show_all = False
        form.service_errors.clear()
        form.customers.reset()
        form.catalogue.clear()
        form.filling = True
        try:
            form.fill(OrderDraft(fulfilment=Fulfilment.WALK_IN.value, channel="store"))
            form._set_payment(PaymentStatus.PAID.value)
        finally:
            form.filling = False
        form.saver.stop()
        form.recheck()
        note = QCoreApplication.translate("OrderForm", "Sale {number} completed: {total}.").format(
            number=sold.number, total=sold.total_text()
        )
        form.product_entry_error.hide()
        show_done(form.form_problem, note)
        form.focus_product_entry()

    def _failed(self, exc: BaseException, confirm: bool) -> None:
        form = self._form
        form.busy = False
        if isinstance(exc, ChangedElsewhere) and exc.current is not None:  # another PC saved it meanwhile
            self._changed_elsewhere(exc, confirm)
            return
        if isinstance(exc, PossibleDuplicate):
            form.show_buttons_now()
            if ask_duplicate(form, exc):
                self.submit(confirm=confirm, allow_duplicate=True)
            else:
                self._refused(
                    QCoreApplication.translate(
                        "OrderForm", "Not placed: order {number} already has these items."
                    ).format(number=exc.existing_number),
                    str(exc),
                )
            return
        if isinstance(exc, DuplicateCustomer):
            form.customers.offer(exc.existing)
            form.service_errors["customer.phone"] = exc.errors[0].message
            form.touched.add("customer.phone")
        elif isinstance(exc, ValidationFailed):
            for error in exc.errors:
                form.service_errors[error.field] = error.message
                form.touched.add(error.field)
        if isinstance(exc, OutOfStock):
            form.catalogue.refresh(fully=True)
        if isinstance(exc, OrderAppError):
            message = (
                QCoreApplication.translate("OrderForm", "Fix the fields marked in red, then try again.")
                if isinstance(exc, ValidationFailed)
                else str(exc)
            )
            form.recheck()
            self._refused(message, message)
            return
        form.show_buttons_now()
        self._refused(
            QCoreApplication.translate("OrderForm", "The order could not be saved; your typing is kept. Try again."),
            str(exc),
        )
        report_unexpected(exc)

    def _changed_elsewhere(self, exc: ChangedElsewhere, confirm: bool) -> None:
        form = self._form
        form.show_buttons_now()
        assert exc.current is not None
        choice, form.order = ask_about_conflict(form, exc), exc.current
        if choice is Choice.OVERWRITE:
            self.submit(confirm=confirm)
        elif choice is Choice.RELOAD:
            form.fill(exc.current.to_draft())
            form.recheck()
        else:
            self._refused(str(exc), str(exc))

    def _refused(self, shown: str, reported: str) -> None:
        self._form.show_form_problem(shown)
        self._form.submit_failed.emit(reported)

    def focus_first_problem(self, check: DraftCheck) -> None:
        """Put the cursor in the first field the check (or the last refusal) found wrong."""
        form = self._form
        widgets = form.field_widgets()
        line_widgets = {"product": "code", "qty": "qty", "unit_price": "price", "discount": "discount"}
        fields = [error.field for error in check.all_errors()] + list(form.service_errors)
        for field in fields:
            match = re.fullmatch(r"lines\[(\d+)\]\.(\w+)", field)
            widget: QWidget | None
            if match is not None and int(match.group(1)) < len(form.lines):
                widget = getattr(form.lines.rows[int(match.group(1))], line_widgets.get(match.group(2), "qty"))
            else:
                widget = widgets.get(field)
            if widget is not None and widget.isVisible():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                form.form_scroll.ensureWidgetVisible(widget)
                return
