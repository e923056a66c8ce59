"""One order as the shopkeeper reads it: status, customer and address, lines, totals, the timeline
(who did what, when), and the actions the order allows now. Actions it does not allow are not
offered; the services refuse them anyway. Every action runs in a worker."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain.money import format_money
from orderapp.domain.shop_clock import shop_zone
from orderapp.errors import OrderAppError, ValidationFailed
from orderapp.gui import problems
from orderapp.gui.context import AppContext
from orderapp.gui.countries import country_name
from orderapp.gui.evidence_player import attach_play_button  # packing evidence (issue 16)
from orderapp.gui.forms import child, load_form
from orderapp.gui.order_list_model import channel_label, local_time_text, payment_label
from orderapp.gui.return_dialog import add_return_action
from orderapp.gui.style import set_role, set_state
from orderapp.gui.tasks import report_unexpected, run_task
from orderapp.services.aftersales.exception_timeline import with_exceptions
from orderapp.services.orders.lifecycle import status_label
from orderapp.services.orders.placing import (
    OrderView,
    cancel_order,
    get_order,
    hold_order,
    mark_delivered,
    release_order,
    ship_order,
    start_picking,
)
from orderapp.services.orders.placing import confirm as confirm_order_only
from orderapp.services.stock.ledger import ShortOnHand

log = logging.getLogger(__name__)

ACTIONS = ("edit", "confirm", "pick", "ship", "deliver", "hold", "release", "cancel")
CARRIERS = (
    "顺丰速运 SF Express",
    "京东物流 JD Logistics",
    "中通快递 ZTO",
    "圆通速递 YTO",
    "韵达快递 Yunda",
    "申通快递 STO",
    "中国邮政 EMS",
    "DHL",
    "UPS",
    "FedEx",
    "Royal Mail",
    "DPD",
    "La Poste",
    "Deutsche Post",
    "Japan Post",
)
_BACKORDERED = QColor("#8a4b00")
_CHANGED = QColor("#fff3bf")


class OrderActionDialog(QObject):
    """Asks what an action needs (carrier and tracking number, or a reason), runs it, and stays open
    with the message under the field when the service refuses what was typed."""

    done = Signal(object)  # OrderView

    def __init__(
        self,
        parent: QWidget,
        *,
        title: str,
        prompt: str,
        ok_text: str,
        run: Callable[[dict[str, str]], OrderView],
        ship: bool = False,
        reason: bool = False,
    ) -> None:
        """With ``ship``, a refusal because units are not on hand (``ShortOnHand``) shows its sentence
        and offers "Ship short": the reason field appears, and ``run`` gets ``values["short_reason"]``."""
        super().__init__(parent)
        dialog = load_form("order_action_dialog.ui", parent)
        assert isinstance(dialog, QDialog)
        self.dialog = dialog
        dialog.setWindowTitle(title)
        self._run = run
        self._busy = False
        self.prompt = child(dialog, QLabel, "action_prompt")
        self.carrier = child(dialog, QComboBox, "carrier")
        self.tracking_number = child(dialog, QLineEdit, "tracking_number")
        self.reason = child(dialog, QLineEdit, "reason")
        self.problem = child(dialog, QLabel, "action_problem")
        problems.prepare(self.problem)
        self.buttons = child(dialog, QDialogButtonBox, "action_buttons")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setObjectName("action_ok")
        ok.setText(ok_text)
        self.ok = ok
        self.errors = {
            name: child(dialog, QLabel, f"error_{name}") for name in ("carrier", "tracking_number", "reason")
        }
        for label in self.errors.values():
            set_role(label, "error")
            label.hide()
        self.problem.hide()
        self.prompt.setText(prompt)
        for name in ("carrier", "tracking_number"):
            child(dialog, QLabel, f"label_{name}").setVisible(ship)
        self.carrier.setVisible(ship)
        self.tracking_number.setVisible(ship)
        child(dialog, QLabel, "label_reason").setVisible(reason)
        self.reason.setVisible(reason)
        self.carrier.addItems(list(CARRIERS))
        self.carrier.setCurrentIndex(-1)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(dialog.reject)
        self._reason_label = child(dialog, QLabel, "label_reason")
        # Shipping what is not on hand: offered only after the service says so (see _failed).
        self.ship_short_button = self.buttons.addButton(self.tr("Ship short"), QDialogButtonBox.ButtonRole.ActionRole)
        self.ship_short_button.setObjectName("ship_short")
        self.ship_short_button.hide()
        self.ship_short_button.clicked.connect(self.submit_short)
        self._ship = ship
        (self.carrier if ship else self.reason).setFocus()

    def values(self) -> dict[str, str]:
        return {
            "carrier": self.carrier.currentText(),
            "tracking_number": self.tracking_number.text(),
            "reason": self.reason.text(),
        }

    def submit(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.ok.setEnabled(False)
        self.ship_short_button.setEnabled(False)
        values = self.values()
        run_task(lambda: self._run(values), self._finished, self._failed, context=self.dialog)

    def submit_short(self) -> None:
        """Ship although units are not on hand: only with a reason, which goes to the ledger and timeline."""
        if self._busy:
            return
        if not self.reason.text().strip():
            self.errors["reason"].setText(
                self.tr("Enter why it is shipped short; the reason is kept in the stock ledger and the timeline.")
            )
            self.errors["reason"].show()
            self.reason.setFocus()
            return
        self._busy = True
        self.ok.setEnabled(False)
        self.ship_short_button.setEnabled(False)
        values = {**self.values(), "short_reason": self.reason.text()}
        run_task(lambda: self._run(values), self._finished, self._failed, context=self.dialog)

    def _offer_ship_short(self) -> None:
        self._reason_label.setText(self.tr("Reason to ship short"))
        self._reason_label.show()
        self.reason.setPlaceholderText(self.tr("Why the units leave although they are not on hand"))
        self.reason.show()
        self.ship_short_button.show()
        self.ship_short_button.setEnabled(True)

    def _finished(self, view: OrderView) -> None:
        self._busy = False
        self.done.emit(view)
        self.dialog.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.ok.setEnabled(True)
        self.ship_short_button.setEnabled(True)
        for label in self.errors.values():
            label.hide()
        if isinstance(exc, ShortOnHand) and self._ship:
            self._say(str(exc))
            self._offer_ship_short()
        elif isinstance(exc, ValidationFailed):
            shown = False
            for error in exc.errors:
                under = self.errors.get(error.field)
                if under is not None:
                    under.setText(error.message)
                    under.show()
                    shown = True
            if not shown:
                self._say(str(exc))
        elif isinstance(exc, OrderAppError):
            self._say(str(exc))
        else:
            self._say(self.tr("That did not work; nothing was changed. Try again."))
            report_unexpected(exc)

    def _say(self, message: str) -> None:
        problems.show_problem(self.problem, message)

    def exec(self) -> int:
        return self.dialog.exec()


class OrderDetail(QWidget):
    order_shown = Signal(object)  # OrderView
    order_changed = Signal(object)  # OrderView after an action
    edit_requested = Signal(object)  # OrderView
    action_failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, timezone: str = "Asia/Shanghai") -> None:
        super().__init__(parent)
        self.setObjectName("order_detail")
        self.context = context
        self._database = context.database
        self._zone = shop_zone(timezone)
        self.view: OrderView | None = None
        self._loading_id: int | None = None
        self._busy = False
        self.dialog: OrderActionDialog | None = None

        self.form = load_form("order_detail.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        f = self.form
        self.empty = child(f, QLabel, "detail_empty")
        self.heading = child(f, QLabel, "detail_heading")
        self.badges = child(f, QLabel, "detail_badges")
        self.summary = child(f, QLabel, "detail_summary")
        self.actions_row = child(f, QWidget, "detail_actions")
        self.problem = child(f, QLabel, "detail_problem")
        problems.prepare(self.problem)
        self.lines = child(f, QTableWidget, "detail_lines")
        self.totals = child(f, QLabel, "detail_totals")
        self.totals.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.timeline_label = child(f, QLabel, "label_timeline")
        self.timeline = child(f, QTableWidget, "detail_timeline")
        self.buttons: dict[str, QPushButton] = {name: child(f, QPushButton, f"action_{name}") for name in ACTIONS}
        self.buttons["edit"].clicked.connect(self._edit)
        self.buttons["confirm"].clicked.connect(self.confirm)
        self.buttons["pick"].clicked.connect(self.start_picking)
        self.buttons["ship"].clicked.connect(self.ship)
        self.buttons["deliver"].clicked.connect(self.deliver)
        self.buttons["hold"].clicked.connect(self.hold)
        self.buttons["release"].clicked.connect(self.release)
        self.buttons["cancel"].clicked.connect(self.cancel)
        self.return_button = add_return_action(self)

        self.lines.setColumnCount(7)
        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("SKU"),
                self.tr("Product"),
                self.tr("Qty"),
                self.tr("Unit price"),
                self.tr("Discount"),
                self.tr("Total"),
                self.tr("Note"),
            ]
        )
        self.lines.verticalHeader().hide()
        header = self.lines.horizontalHeader()
        # Every column as wide as its text, product names whole; the note takes what is left, and the
        # table scrolls sideways when the panel is narrower than that.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.timeline.setColumnCount(4)
        self.timeline.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Detail")])
        self.timeline.verticalHeader().hide()
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for table in (self.lines, self.timeline):
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Packing evidence (issue 16): "Play packing video" when the order has a clip.
        self.play_video_button = attach_play_button(self, self.actions_row)
        self.show_order(None)

    def set_timezone(self, name: str) -> None:
        self._zone = shop_zone(name)
        if self.view is not None:
            self.show_order(self.view)

    # -- loading and showing ---------------------------------------------------------------------

    def load(self, order_id: int) -> None:
        """Show the order (read in a worker); a newer request wins over an older one."""
        self._loading_id = order_id
        database = self._database
        run_task(
            lambda: with_exceptions(database, get_order(database, order_id)),  # its exceptions in the timeline
            lambda view: self._loaded(order_id, view),
            lambda exc: self._load_failed(order_id, exc),
            context=self,
        )

    def _loaded(self, order_id: int, view: OrderView) -> None:
        if order_id == self._loading_id:
            self.show_order(view)

    def _load_failed(self, order_id: int, exc: BaseException) -> None:
        if order_id != self._loading_id:
            return
        if isinstance(exc, OrderAppError):
            self._say(str(exc))
        else:
            log.error("reading order %s failed", order_id, exc_info=exc)
            self._say(self.tr("The order could not be read just now; choose it again."))

    def show_order(self, view: OrderView | None) -> None:
        self.view = view
        present = view is not None
        self.empty.setVisible(not present)
        for widget in (
            self.heading,
            self.badges,
            self.summary,
            self.actions_row,
            self.lines,
            self.totals,
            self.timeline_label,
            self.timeline,
        ):
            widget.setVisible(present)
        self.problem.hide()
        if view is None:
            return
        self.heading.setText(f"{view.number} · {view.status_label}")
        badges = []
        if view.priority == "urgent":
            badges.append(self.tr("URGENT"))
        if view.overdue:
            badges.append(self.tr("OVERDUE"))
        if view.backordered:
            badges.append(self.tr("BACKORDERED"))
        self.badges.setText("  ".join(badges))
        set_state(self.badges, "alert" if badges else "")
        set_state(self.heading, "alert" if view.overdue else "")
        self.summary.setText(self._summary(view))
        for name, button in self.buttons.items():
            button.setVisible(name in view.actions)
            button.setEnabled(not self._busy)
        self._fill_lines(view)
        self._fill_timeline(view)
        money = view.currency
        parts = [self.tr("Goods {amount}").format(amount=format_money(view.subtotal_cents, money))]
        if view.discount_cents:
            parts.append(self.tr("discount −{amount}").format(amount=format_money(view.discount_cents, money)))
        if view.shipping_cents:
            parts.append(self.tr("shipping {amount}").format(amount=format_money(view.shipping_cents, money)))
        parts.append(self.tr("<b>Total {amount}</b>").format(amount=format_money(view.total_cents, money)))
        self.totals.setText(" · ".join(parts))
        self.order_shown.emit(view)

    def _summary(self, view: OrderView) -> str:
        e = html.escape
        rows: list[tuple[str, str]] = []
        who = view.customer.name if view.customer is not None else view.ship_name
        phone = view.ship_phone_display or (view.customer.phone_display if view.customer is not None else "")
        rows.append((self.tr("Customer"), e(" · ".join(part for part in (who, phone) if part)) or "—"))
        if view.fulfilment == "delivery":
            address = ", ".join(
                part
                for part in (
                    view.ship_line1,
                    view.ship_line2,
                    view.ship_city,
                    view.ship_region,
                    view.ship_postcode,
                    country_name(view.ship_country) or view.ship_country if view.ship_country else "",
                )
                if part
            )
            recipient = view.ship_name if view.ship_name and view.ship_name != who else ""
            rows.append((self.tr("Deliver to"), e(", ".join(p for p in (recipient, address) if p))))
        elif view.fulfilment == "pickup":
            rows.append((self.tr("Delivery"), self.tr("collected at the shop")))
        else:
            rows.append((self.tr("Delivery"), self.tr("sold at the counter")))
        placed = local_time_text(view.created_at, self._zone)
        rows.append((self.tr("Placed"), e(f"{placed} · {channel_label(view.channel)}")))
        if view.external_ref:
            rows.append((self.tr("Their number"), e(view.external_ref)))
        if view.due_at is not None:
            due = e(local_time_text(view.due_at, self._zone))
            if view.overdue:
                due = f'<span style="color:#b3261e;font-weight:bold">{due} ({self.tr("overdue")})</span>'
            rows.append((self.tr("Due"), due))
        payment = payment_label(view.payment_status)
        if view.payment_status == "partly_paid":
            payment += " · " + format_money(view.paid_cents, view.currency)
        rows.append((self.tr("Payment"), e(payment)))
        if view.carrier or view.tracking_number:
            rows.append((self.tr("Shipped with"), e(" ".join(p for p in (view.carrier, view.tracking_number) if p))))
        if view.status == "on_hold" and view.held_from:
            rows.append((self.tr("On hold from"), e(self._status_word(view.held_from))))
        if view.notes.strip():
            rows.append((self.tr("Notes"), e(view.notes).replace("\n", "<br>")))
        return (
            "<table>"
            + "".join(
                f'<tr><td style="padding-right:10px;color:palette(mid)">{e(k)}</td><td>{v}</td></tr>' for k, v in rows
            )
            + "</table>"
        )

    @staticmethod
    def _status_word(status: str) -> str:
        return status_label(status)

    def _fill_lines(self, view: OrderView) -> None:
        self.lines.setRowCount(len(view.lines))
        money = view.currency
        for row, line in enumerate(view.lines):
            notes = []
            if line.backordered:
                notes.append(self.tr("backordered"))
            if line.price_changed:
                notes.append(
                    self.tr("price changed (catalogue {price})").format(
                        price=format_money(line.catalogue_price_cents, money)
                    )
                )
            cells = (
                line.sku,
                line.name,
                str(line.quantity),
                format_money(line.unit_price_cents, money),
                format_money(line.discount_cents, money) if line.discount_cents else "",
                format_money(line.total_cents, money),
                ", ".join(notes),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3, 4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if line.backordered:
                    item.setForeground(QBrush(_BACKORDERED))
                if line.price_changed and column == 3:
                    item.setBackground(QBrush(_CHANGED))
                self.lines.setItem(row, column, item)
        self.lines.setFixedHeight(
            self.lines.horizontalHeader().height() + sum(self.lines.rowHeight(r) for r in range(len(view.lines))) + 6
        )

    def _fill_timeline(self, view: OrderView) -> None:
        entries = list(reversed(view.timeline))  # newest first
        self.timeline.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for column, text in enumerate(
                (local_time_text(entry.at, self._zone), entry.user_name, entry.title, entry.detail)
            ):
                self.timeline.setItem(row, column, QTableWidgetItem(text))
        self.timeline.resizeRowsToContents()
        self.timeline.setMinimumHeight(
            min(
                320,
                self.timeline.horizontalHeader().height()
                + sum(self.timeline.rowHeight(r) for r in range(len(entries)))
                + 6,
            )
        )

    def timeline_texts(self) -> list[tuple[str, str, str, str]]:
        def cell(row: int, column: int) -> str:
            item = self.timeline.item(row, column)
            return item.text() if item is not None else ""

        return [(cell(r, 0), cell(r, 1), cell(r, 2), cell(r, 3)) for r in range(self.timeline.rowCount())]

    def offered_actions(self) -> list[str]:
        return [name for name, button in self.buttons.items() if not button.isHidden()]

    # -- actions ---------------------------------------------------------------------------------

    def _say(self, message: str) -> None:
        problems.show_problem(self.problem, message)

    def _edit(self) -> None:
        if self.view is not None:
            self.edit_requested.emit(self.view)

    def _act(self, work: Callable[[int, int], OrderView]) -> None:
        view = self.view
        if view is None or self._busy:
            return
        self._busy = True
        for button in self.buttons.values():
            button.setEnabled(False)
        user_id = self.context.user_id
        run_task(lambda: work(view.id, user_id), self._acted, self._act_failed, context=self)

    def _acted(self, view: OrderView) -> None:
        self._busy = False
        self.show_order(view)
        self.order_changed.emit(view)

    def _act_failed(self, exc: BaseException) -> None:
        self._busy = False
        for button in self.buttons.values():
            button.setEnabled(True)
        if isinstance(exc, OrderAppError):
            self._say(str(exc))
            self.action_failed.emit(str(exc))
            if self.view is not None:
                self.load(self.view.id)  # someone else may have moved it: show where it is now
                self._say(str(exc))
        else:
            self._say(self.tr("That did not work; nothing was changed. Try again."))
            report_unexpected(exc)

    def confirm(self) -> None:
        database = self._database

        def confirm_then_read(order_id: int, user_id: int) -> OrderView:
            # The write holds the shop's lock for a few statements only; the detail is read after it.
            confirm_order_only(database, order_id, user_id=user_id)
            return get_order(database, order_id)

        self._act(confirm_then_read)

    def start_picking(self) -> None:
        database = self._database
        self._act(lambda order_id, user_id: start_picking(database, order_id, user_id=user_id))

    def deliver(self) -> None:
        database = self._database
        self._act(lambda order_id, user_id: mark_delivered(database, order_id, user_id=user_id))

    def _ask(self, **kwargs: Any) -> None:
        dialog = OrderActionDialog(self, **kwargs)
        dialog.done.connect(self._acted)
        self.dialog = dialog
        try:
            dialog.exec()
        finally:
            self.dialog = None
            dialog.dialog.deleteLater()
            dialog.deleteLater()

    def ship(self) -> None:
        view = self.view
        if view is None:
            return
        database, user_id = self._database, self.context.user_id
        self._ask(
            title=self.tr("Ship {number}").format(number=view.number),
            prompt=self.tr("Record who carries {number} and its tracking number.").format(number=view.number),
            ok_text=self.tr("Shipped"),
            run=lambda v: ship_order(
                database,
                view.id,
                carrier=v["carrier"],
                tracking_number=v["tracking_number"],
                user_id=user_id,
                short_reason=v.get("short_reason", ""),
            ),
            ship=True,
        )

    def cancel(self) -> None:
        view = self.view
        if view is None:
            return
        database, user_id = self._database, self.context.user_id
        self._ask(
            title=self.tr("Cancel {number}").format(number=view.number),
            prompt=self.tr("Why is {number} cancelled? Its reserved stock goes back on sale.").format(
                number=view.number
            ),
            ok_text=self.tr("Cancel the order"),
            run=lambda v: cancel_order(database, view.id, reason=v["reason"], user_id=user_id),
            reason=True,
        )

    def hold(self) -> None:
        view = self.view
        if view is None:
            return
        database, user_id = self._database, self.context.user_id
        self._ask(
            title=self.tr("Hold {number}").format(number=view.number),
            prompt=self.tr("Why is work on {number} stopped? It keeps any stock it holds.").format(number=view.number),
            ok_text=self.tr("Put on hold"),
            run=lambda v: hold_order(database, view.id, reason=v["reason"], user_id=user_id),
            reason=True,
        )

    def release(self) -> None:
        view = self.view
        if view is None:
            return
        database, user_id = self._database, self.context.user_id
        self._ask(
            title=self.tr("Release {number}").format(number=view.number),
            prompt=self.tr("Why can work on {number} go on?").format(number=view.number),
            ok_text=self.tr("Release"),
            run=lambda v: release_order(database, view.id, reason=v["reason"], user_id=user_id),
            reason=True,
        )
