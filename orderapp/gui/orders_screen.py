"""The Orders screen: the list of every order (newest first, loaded page by page as it scrolls,
filters and one search box), the chosen order's detail with its timeline and actions, and a tab per
order being entered or edited (new order, walk-in sale, edit). Unfinished orders left by a closed
window or a crash are offered back at the top.

Keys (shown in the Orders menu and in tooltips): Ctrl+N new order, F2 walk-in sale, Ctrl+F find,
Ctrl+I import, Ctrl+Shift+C confirm the selected orders, F5 refresh, Enter opens the chosen order
for editing, Ctrl+PgDown/PgUp move between the tabs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain.order_status import OrderStatus
from orderapp.domain.shop_clock import shop_zone
from orderapp.errors import OrderAppError
from orderapp.gui.context import AppContext
from orderapp.gui.fitting import fixed_lines
from orderapp.gui.forms import child, load_form
from orderapp.gui.order_detail import OrderDetail
from orderapp.gui.order_filters import OrderFilterBar
from orderapp.gui.order_form import OrderForm
from orderapp.gui.order_form_view import FormMode
from orderapp.gui.order_import_dialog import BulkConfirmDialog, OrderImportDialog
from orderapp.gui.order_lines import shortcut_text
from orderapp.gui.order_list_model import (
    CHANNEL,
    CREATED,
    CUSTOMER,
    DUE,
    ITEMS,
    NUMBER,
    PAYMENT,
    PHONE,
    ROW_ROLE,
    STATUS,
    TOTAL,
    OrderListModel,
)
from orderapp.gui.scanner_input import WedgeScannerFilter
from orderapp.gui.style import set_role, set_state
from orderapp.gui.tasks import run_task
from orderapp.scanning.acceptance import Scan
from orderapp.services.orders.drafts import SavedDraft, discard_draft, list_drafts
from orderapp.services.orders.listing import OrderFilter, OrderRow
from orderapp.services.orders.placing import OrderView, get_order
from orderapp.services.settings.orders import OrderSettings, load_order_settings

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 300


def create_screen(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return OrdersScreen(context, parent)


class OrdersScreen(QWidget):
    settings_loaded = Signal(object)  # OrderSettings
    drafts_listed = Signal(list)  # [SavedDraft] offered in the banner
    form_opened = Signal(object)  # OrderForm
    order_opened = Signal(object)  # OrderView shown in the detail
    message_shown = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen_orders")
        self.context = context
        self._database = context.database
        self.settings: OrderSettings | None = None
        self._waiting_for_settings: list[Callable[[], object]] = []
        self.drafts: list[SavedDraft] = []
        self.forms: list[OrderForm] = []

        self.form = load_form("order_screen.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        f = self.form
        self.tabs = child(f, QTabWidget, "order_tabs")
        self.list_page = child(f, QWidget, "list_page")
        self.drafts_banner = child(f, QFrame, "drafts_banner")
        self.drafts_text = child(f, QLabel, "drafts_text")
        self.open_drafts_button = child(f, QPushButton, "open_drafts")
        self.discard_drafts_button = child(f, QPushButton, "discard_drafts")
        self.search_box = child(f, QLineEdit, "search_box")
        self.status_filter = child(f, QComboBox, "status_filter")
        self.channel_filter = child(f, QComboBox, "channel_filter")
        self.period_filter = child(f, QComboBox, "period_filter")
        self.date_from = child(f, QDateEdit, "date_from")
        self.date_to = child(f, QDateEdit, "date_to")
        self.priority_filter = child(f, QComboBox, "priority_filter")
        self.overdue_only = child(f, QCheckBox, "overdue_only")
        self.splitter = child(f, QSplitter, "list_splitter")
        self.table = child(f, QTableView, "orders_table")
        self.list_status = child(f, QLabel, "list_status")
        fixed_lines(self.list_status, 2)  # its room kept, whatever it says
        holder = child(f, QWidget, "detail_holder")

        self.tabs.setTabText(0, self.tr("Orders"))
        bar = self.tabs.tabBar()
        for side in (bar.ButtonPosition.RightSide, bar.ButtonPosition.LeftSide):
            button = bar.tabButton(0, side)
            if button is not None:
                button.resize(0, 0)
                button.hide()
        self.tabs.tabCloseRequested.connect(self._tab_close_requested)
        self.drafts_banner.hide()
        set_role(self.drafts_banner, "banner")

        self.model = OrderListModel(self._database, self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CUSTOMER, QHeaderView.ResizeMode.Stretch)
        digits = self.table.fontMetrics().horizontalAdvance("0")
        for column, chars in (
            (NUMBER, 11),
            (CREATED, 17),
            (PHONE, 15),
            (CHANNEL, 10),
            (STATUS, 10),
            (ITEMS, 5),
            (TOTAL, 11),
            (PAYMENT, 11),
            (DUE, 17),
        ):
            self.table.setColumnWidth(column, chars * digits + 12)
        header.setMinimumSectionSize(4 * digits)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.table.installEventFilter(self)
        self.search_box.installEventFilter(self)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.loading_changed.connect(lambda _loading: self._show_list_status())
        self.model.load_failed.connect(self._load_failed)
        self.model.modelReset.connect(self._show_list_status)

        self.detail = OrderDetail(context, holder)
        detail_layout = QVBoxLayout(holder)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail)
        self.detail.edit_requested.connect(lambda view: self.open_form(FormMode.EDIT, order=view))
        self.detail.order_changed.connect(self._order_changed)
        self.detail.order_shown.connect(self.order_opened.emit)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 480])
        # What a person scans the list for comes first: at 1024 wide the status is in view, not
        # past the sideways scroll (the model's columns keep their numbers).
        header = self.table.horizontalHeader()
        header.moveSection(header.visualIndex(STATUS), 1)

        self._setup_filters()
        self._setup_actions()
        self.open_drafts_button.clicked.connect(self._open_drafts_clicked)
        self.discard_drafts_button.clicked.connect(self._discard_drafts)

        # A scan on the list (a slip's order number, a product's barcode) finds the orders with it.
        self.wedge = WedgeScannerFilter(self.list_page)
        self.wedge.scanned.connect(self._scanned)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)

        self._load_settings()

    # -- start ---------------------------------------------------------------------------------

    def _load_settings(self) -> None:
        database = self._database
        run_task(lambda: load_order_settings(database), self._settings_arrived, self._settings_failed, context=self)

    def _settings_arrived(self, settings: OrderSettings) -> None:
        self.settings = settings
        self.model.set_timezone(settings.timezone)
        self.detail.set_timezone(settings.timezone)
        self.filters.start_dates_today()
        self.settings_loaded.emit(settings)
        self.apply_filters()
        self.refresh_drafts()
        waiting, self._waiting_for_settings = self._waiting_for_settings, []
        for then in waiting:
            then()

    def _settings_failed(self, exc: BaseException) -> None:
        log.error("reading the orders settings failed", exc_info=exc)
        self._settings_arrived(OrderSettings())
        self._say(self.tr("The shop's settings could not be read; the defaults are used for now."), problem=True)

    def _when_ready(self, then: Callable[[], object]) -> None:
        if self.settings is not None:
            then()
        else:
            self._waiting_for_settings.append(then)

    # -- the toolbar and keys --------------------------------------------------------------------

    def _setup_actions(self) -> None:
        def action(name: str, text: str, keys: str, tip: str, slot: Callable[[], object]) -> QAction:
            made = QAction(text, self)
            made.setObjectName(name)
            if keys:
                made.setShortcut(QKeySequence(keys))
                made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                tip = f"{tip} ({shortcut_text(keys)})"
            made.setToolTip(tip)
            made.setStatusTip(tip)
            made.triggered.connect(lambda _checked=False: slot())
            self.addAction(made)
            return made

        self.action_new = action(
            "action_new_order",
            self.tr("&New order"),
            "Ctrl+N",
            self.tr("Enter a phone, web or other order"),
            lambda: self.open_form(FormMode.NEW),
        )
        self.action_walk_in = action(
            "action_walk_in",
            self.tr("&Walk-in sale"),
            "F2",
            self.tr("Sell at the counter: scan or type the products, then Ctrl+Enter"),
            lambda: self.open_form(FormMode.WALK_IN),
        )
        self.action_find = action(
            "action_find",
            self.tr("&Find"),
            "Ctrl+F",
            self.tr("Find an order by number, customer, phone, SKU or barcode"),
            self.focus_search,
        )
        self.action_import = action(
            "action_import",
            self.tr("&Import orders…"),
            "Ctrl+I",
            self.tr("Import a Shopify orders export or the OrderApp CSV template"),
            self.open_import,
        )
        self.action_confirm_selected = action(
            "action_confirm_selected",
            self.tr("&Confirm selected"),
            "Ctrl+Shift+C",
            self.tr("Confirm the selected received orders whose stock allows; the rest are listed"),
            self.confirm_selected,
        )
        self.action_edit = action(
            "action_edit_order",
            self.tr("&Edit order"),
            "",
            self.tr("Open the chosen order for editing (Enter)"),
            self.open_current,
        )
        self.action_refresh = action(
            "action_refresh",
            self.tr("&Refresh"),
            "F5",
            self.tr("Read the list again"),
            self.refresh,
        )
        self.action_next_tab = action(
            "action_next_tab", self.tr("Next tab"), "Ctrl+PgDown", self.tr("The next order tab"), self._next_tab
        )
        self.action_previous_tab = action(
            "action_previous_tab",
            self.tr("Previous tab"),
            "Ctrl+PgUp",
            self.tr("The previous order tab"),
            lambda: self._next_tab(-1),
        )
        self.menu = QMenu(self.tr("Orders"), self)
        self.menu.setObjectName("orders_menu")
        for item in (
            self.action_new,
            self.action_walk_in,
            None,
            self.action_find,
            self.action_edit,
            self.action_confirm_selected,
            self.action_refresh,
            None,
            self.action_import,
            None,
            self.action_next_tab,
            self.action_previous_tab,
        ):
            if item is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(item)
        self.toolbar = QToolBar(self.tr("Orders"), self)
        self.toolbar.setObjectName("orders_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for item in (self.action_new, self.action_walk_in, self.action_confirm_selected, self.action_import):
            self.toolbar.addAction(item)
        self.toolbar.addSeparator()
        menu_button = QToolButton(self)
        menu_button.setObjectName("orders_menu_button")
        menu_button.setText(self.tr("More"))
        menu_button.setToolTip(self.tr("Every order action, with its keys"))
        menu_button.setMenu(self.menu)
        menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(menu_button)
        holder = child(self.form, QWidget, "toolbar_holder")
        toolbar_layout = QVBoxLayout(holder)
        toolbar_layout.setContentsMargins(4, 2, 4, 0)
        toolbar_layout.addWidget(self.toolbar)
        self._update_actions()

    def _next_tab(self, step: int = 1) -> None:
        count = self.tabs.count()
        if count > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    def _scanned(self, scan: Scan) -> None:
        self.search_box.setText(scan.code)
        self.apply_filters()
        self.table.setFocus()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search_box and key == Qt.Key.Key_Down and self.model.rowCount() > 0:
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.select_row(0)
                return True
            if watched is self.search_box and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._search_timer.stop()
                self.apply_filters()
                return True
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
        return super().eventFilter(watched, event)

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.setObjectName("orders_context_menu")
        for item in (self.action_edit, self.action_confirm_selected, self.action_new, self.action_refresh):
            menu.addAction(item)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _update_actions(self) -> None:
        received = [row for row in self.selected_rows() if row.status == OrderStatus.RECEIVED]
        self.action_confirm_selected.setEnabled(bool(received))
        view = self.detail.view
        self.action_edit.setEnabled(view is not None and "edit" in view.actions)

    # -- filters and the list --------------------------------------------------------------------

    def _setup_filters(self) -> None:
        self.filters = OrderFilterBar(
            status=self.status_filter,
            channel=self.channel_filter,
            period=self.period_filter,
            priority=self.priority_filter,
            date_from=self.date_from,
            date_to=self.date_to,
            overdue=self.overdue_only,
            search=self.search_box,
            zone_name=self._zone_name,
            parent=self,
        )
        self.filters.changed.connect(self.apply_filters)
        self.search_box.textEdited.connect(lambda _t: self._search_timer.start())

    def show_list(self, kind: str) -> None:
        """The list a dashboard card stands for: "orders_today", "to_pack" or "overdue"."""
        self.filters.show_list(kind)
        self.apply_filters()

    def _zone_name(self) -> str:
        settings = getattr(self, "settings", None)
        return settings.timezone if settings is not None else ""

    def current_filter(self) -> OrderFilter:
        return self.filters.current()

    def apply_filters(self) -> None:
        if self.settings is None:
            return
        self._search_timer.stop()
        wanted = self.current_filter()
        self.model.set_filters(wanted)

    def refresh(self) -> None:
        self.model.reload()
        self.refresh_drafts()
        if self.detail.view is not None:
            self.detail.load(self.detail.view.id)

    def _page_loaded(self, _rows: int) -> None:
        self._show_list_status()

    def _show_list_status(self) -> None:
        rows = self.model.rowCount()
        if self.model.loading and rows == 0:
            text = self.tr("Loading…")
        elif rows == 0 and self.model.complete:
            text = (
                self.tr("No order matches; change the search or the filters.")
                if self.current_filter() != OrderFilter()
                else self.tr("No orders yet: press {keys} to enter one.").format(keys=shortcut_text("Ctrl+N"))
            )
        elif self.model.complete:
            text = self.tr("%n orders.", "", rows)
        else:
            text = self.tr("%n orders shown; more load as you scroll.", "", rows)
        self.list_status.setText(text)
        set_state(self.list_status, "")

    def _load_failed(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, OrderAppError) else self.tr("the database did not answer")
        if not isinstance(exc, OrderAppError):
            log.error("loading the orders list failed", exc_info=exc)
        self.list_status.setText(
            self.tr("The orders could not be read ({reason}); press {keys} to try again.").format(
                reason=message, keys=shortcut_text("F5")
            )
        )
        set_state(self.list_status, "problem")

    def selected_rows(self) -> list[OrderRow]:
        rows = []
        selection = self.table.selectionModel()
        if selection is None:
            return rows
        for index in selection.selectedRows():
            row = self.model.row_at(index.row())
            if row is not None:
                rows.append(row)
        return rows

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def _current_row_changed(self, current: object, _previous: object) -> None:
        index = current
        row = self.model.row_at(index.row()) if index.isValid() else None  # type: ignore[attr-defined]
        if row is not None:
            self.detail.load(row.id)
        self._update_actions()

    def show_order(self, order_id: int) -> None:
        """Show this order in the detail (and choose it in the list when it is loaded)."""
        self.tabs.setCurrentIndex(0)
        row = self.model.row_of(order_id)
        if row >= 0:
            self.select_row(row)
        else:
            self.detail.load(order_id)

    def _order_changed(self, view: OrderView) -> None:
        self.model.update_order(view)
        self._update_actions()
        self._say(self.tr("{number} is now {status}.").format(number=view.number, status=view.status_label))

    def open_current(self) -> None:
        view = self.detail.view
        if view is not None and "edit" in view.actions:
            self.open_form(FormMode.EDIT, order=view)
        elif view is not None:
            self.detail.setFocus()

    def confirm_selected(self) -> None:
        rows = [row for row in self.selected_rows() if row.status == OrderStatus.RECEIVED]
        if not rows:
            self._say(self.tr("Choose received orders in the list first (Shift or Ctrl + click, or Shift+arrows)."))
            return
        self.bulk_confirm([row.id for row in rows])

    def bulk_confirm(self, order_ids: list[int] | tuple[int, ...]) -> BulkConfirmDialog:
        dialog = BulkConfirmDialog(self.context, order_ids, self)
        dialog.finished.connect(lambda _result: self.refresh())
        self.bulk_dialog = dialog
        dialog.exec()
        return dialog

    def open_import(self) -> OrderImportDialog:
        dialog = OrderImportDialog(self.context, self)
        dialog.imported.connect(lambda _result: self.refresh())
        dialog.confirm_requested.connect(lambda ids: self.bulk_confirm(list(ids)))
        self.import_dialog = dialog
        dialog.exec()
        return dialog

    def _say(self, message: str, *, problem: bool = False) -> None:
        self.list_status.setText(message)
        set_state(self.list_status, "problem" if problem else "done")
        self.message_shown.emit(message)

    # -- forms -----------------------------------------------------------------------------------

    def open_form(
        self,
        mode: str = FormMode.NEW,
        *,
        order: OrderView | None = None,
        draft: SavedDraft | None = None,
    ) -> None:
        """A tab with the order form; one per order being edited, one for walk-in sales."""
        self._when_ready(lambda: self._open_form(mode, order, draft))

    def _open_form(self, mode: str, order: OrderView | None, saved: SavedDraft | None) -> OrderForm:
        for form in self.forms:
            same_order = order is not None and form.order is not None and form.order.id == order.id
            same_draft = saved is not None and form.draft_id == saved.id
            walk_in = mode == FormMode.WALK_IN and form.mode == FormMode.WALK_IN and saved is None
            if same_order or same_draft or walk_in:
                self.tabs.setCurrentWidget(form)
                form.focus_first_field()
                return form
        assert self.settings is not None
        form = OrderForm(
            self.context,
            self.settings,
            mode=mode,
            order=order,
            draft=saved.draft if saved is not None else None,
            draft_id=saved.id if saved is not None else None,
            parent=self,
        )
        self.forms.append(form)
        index = self.tabs.addTab(form, form.title())
        self.tabs.setCurrentIndex(index)
        form.title_changed.connect(lambda title, f=form: self._retitle(f, title))
        form.order_saved.connect(lambda view, f=form: self._form_saved(f, view))
        form.sale_completed.connect(self._sale_completed)
        form.closed.connect(lambda f=form: self._form_closed(f))
        form.draft_saved.connect(lambda _id: self._forget_open_drafts())
        if saved is not None:
            self.drafts = [d for d in self.drafts if d.id != saved.id]
            self._show_drafts()
        form.focus_first_field()
        self.form_opened.emit(form)
        return form

    def _retitle(self, form: OrderForm, title: str) -> None:
        index = self.tabs.indexOf(form)
        if index >= 0:
            self.tabs.setTabText(index, title)

    def _tab_close_requested(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, OrderForm):
            widget.request_close()

    def _form_closed(self, form: OrderForm) -> None:
        index = self.tabs.indexOf(form)
        if index >= 0:
            self.tabs.removeTab(index)
        if form in self.forms:
            self.forms.remove(form)
        form.hide()
        form.deleteLater()
        self.refresh_drafts()

    def _form_saved(self, form: OrderForm, view: OrderView) -> None:
        problem = form.problem_text()  # e.g. saved, but confirming it found too little stock
        self._form_closed(form)
        self.model.reload()
        self.detail.show_order(view)
        self.tabs.setCurrentIndex(0)
        if problem:
            self._say(
                self.tr("{number} saved, not confirmed: {reason}").format(number=view.number, reason=problem),
                problem=True,
            )
        else:
            self._say(self.tr("{number} saved: {status}.").format(number=view.number, status=view.status_label))

    def _sale_completed(self, view: OrderView) -> None:
        self.model.reload()
        self.message_shown.emit(self.tr("Sale {number} completed.").format(number=view.number))

    # -- unfinished orders (drafts) ----------------------------------------------------------------

    def refresh_drafts(self) -> None:
        database, context = self._database, self.context
        run_task(
            lambda: list_drafts(database, station=context.station, user_id=context.user_id),
            self._drafts_arrived,
            lambda exc: log.warning("listing the order drafts failed: %s", exc),
            context=self,
        )

    def _drafts_arrived(self, drafts: list[SavedDraft]) -> None:
        self.drafts = drafts
        self._forget_open_drafts()
        self.drafts_listed.emit(self.drafts)

    def _forget_open_drafts(self) -> None:
        open_ids = {form.draft_id for form in self.forms if form.draft_id is not None}
        self.drafts = [d for d in self.drafts if d.id not in open_ids]
        self._show_drafts()

    def _show_drafts(self) -> None:
        drafts = self.drafts
        if not drafts:
            self.drafts_banner.hide()
            return
        zone = shop_zone(self._zone_name())
        newest = drafts[0]
        when = newest.updated_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        if len(drafts) == 1:
            text = self.tr("An order was left unfinished: {summary} (saved {when}).").format(
                summary=newest.summary, when=when
            )
            self.open_drafts_button.setText(self.tr("&Open it"))
        else:
            text = self.tr("{n} orders were left unfinished; the newest: {summary} (saved {when}).").format(
                n=len(drafts), summary=newest.summary, when=when
            )
            self.open_drafts_button.setText(self.tr("&Open one…"))
        self.drafts_text.setText(text)
        self.drafts_banner.show()

    def _open_drafts_clicked(self) -> None:
        if len(self.drafts) == 1:
            self.open_draft(self.drafts[0])
            return
        menu = QMenu(self)
        menu.setObjectName("drafts_menu")
        zone = shop_zone(self._zone_name())
        for saved in self.drafts:
            when = saved.updated_at.astimezone(zone).strftime("%m-%d %H:%M")
            item = menu.addAction(f"{saved.summary}  ({when})")
            item.triggered.connect(lambda _c=False, s=saved: self.open_draft(s))
        menu.exec(self.open_drafts_button.mapToGlobal(self.open_drafts_button.rect().bottomLeft()))

    def open_draft(self, saved: SavedDraft) -> None:
        """Carry on with an unfinished order (an edit of an existing order opens that order)."""
        if saved.order_id is None:
            mode = FormMode.WALK_IN if saved.draft.fulfilment == "walk_in" else FormMode.NEW
            self.open_form(mode, draft=saved)
            return
        database, order_id = self._database, saved.order_id
        run_task(
            lambda: get_order(database, order_id),
            lambda view: self._open_draft_of(view, saved),
            lambda exc: self._say(str(exc), problem=True),
            context=self,
        )

    def _open_draft_of(self, view: OrderView, saved: SavedDraft) -> None:
        if "edit" not in view.actions:
            self._say(
                self.tr(
                    "{number} is {status} now and can no longer be edited; the unfinished changes stay listed "
                    "until you discard them."
                ).format(number=view.number, status=view.status_label),
                problem=True,
            )
            return
        self.open_form(FormMode.EDIT, order=view, draft=saved)

    def _discard_drafts(self) -> None:
        drafts = list(self.drafts)
        if not drafts:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Discard unfinished orders?"),
            self.tr("Throw away {n} unfinished orders? What was typed in them is lost.").format(n=len(drafts)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return
        database = self._database

        def drop() -> None:
            for saved in drafts:
                discard_draft(database, saved.id)

        run_task(drop, lambda _r: self.refresh_drafts(), lambda exc: self._say(str(exc), problem=True), context=self)

    # -- helpers for tests and the main window -----------------------------------------------------

    def current_form(self) -> OrderForm | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, OrderForm) else None

    def row_texts(self, column: int) -> list[str]:
        return [str(self.model.index(row, column).data()) for row in range(self.model.rowCount())]

    def rows(self) -> list[OrderRow]:
        return [self.model.index(row, 0).data(ROW_ROLE) for row in range(self.model.rowCount())]


__all__ = ["OrdersScreen", "create_screen"]
