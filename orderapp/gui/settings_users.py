"""Settings > Users: the shop's people with their role, PIN and last sign-in; add, change role,
set a PIN, remove or restore, print staff badges; and the staff settings (idle lock, the stock
adjustment that needs the owner). Owner only: the Settings screen is greyed out for the others."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from orderapp.domain.staff import Role, role_label
from orderapp.errors import OrderAppError
from orderapp.gui.context import AppContext
from orderapp.gui.form_parts import error_note, number_field, push_button, text_field
from orderapp.gui.row_tables import fill_text, text_table
from orderapp.gui.tasks import report_unexpected, run_task
from orderapp.services.settings.staff import StaffSettings, load_staff_settings, save_staff_settings
from orderapp.services.staff import people as staff
from orderapp.services.staff.people import UserRow


def add_users_group(settings_screen: QWidget, context: AppContext) -> UsersGroup:
    """Put the Users group into the Settings form, above its Save row (one line in settings_screen)."""
    group = UsersGroup(context)
    form = getattr(settings_screen, "form", settings_screen)
    layout = form.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(max(layout.count() - 1, 0), group)
    return group


class UserDialog(QDialog):
    """Add a user (name, role, PIN twice) or set a PIN (PIN twice)."""

    def __init__(self, parent: QWidget | None, *, title: str, with_name: bool) -> None:
        super().__init__(parent)
        self.setObjectName("user_dialog")
        self.setWindowTitle(title)
        self.name = text_field("user_name")
        self.role = QComboBox()
        self.role.setObjectName("user_role")
        for role in (Role.PACKER, Role.SHOPKEEPER, Role.OWNER):
            self.role.addItem(role_label(role), role.value)
        self.pin = text_field("user_pin", secret=True)
        self.again = text_field("user_pin_again", secret=True)
        self.error = error_note("user_error")
        form = QFormLayout()
        if with_name:
            form.addRow(self.tr("&Name"), self.name)
            form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("&PIN (4-12 digits)"), self.pin)
        form.addRow(self.tr("PIN &again"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("user_ok")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.work: Callable[[], object] | None = None

    def show_error(self, message: str) -> None:
        self.ok.setEnabled(True)
        self.error.setText(message)
        self.error.show()


class UsersGroup(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Users"), parent)
        self.setObjectName("users_group")
        self.context = context
        self.rows: tuple[UserRow, ...] = ()
        self.table = text_table(
            "users_table",
            [self.tr("Name"), self.tr("Role"), self.tr("Active"), self.tr("PIN"), self.tr("Last sign-in")],
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setMinimumHeight(160)
        self.add_button = push_button(self.tr("Add user…"), "users_add")
        self.role_box = QComboBox()
        self.role_box.setObjectName("users_role")
        for role in (Role.OWNER, Role.SHOPKEEPER, Role.PACKER):
            self.role_box.addItem(role_label(role), role.value)
        self.role_button = push_button(self.tr("Set role"), "users_set_role")
        self.pin_button = push_button(self.tr("Set P&IN…"), "users_set_pin")
        self.remove_button = push_button(self.tr("Remove"), "users_remove")
        self.badge_button = push_button(self.tr("Print badges…"), "users_badges")
        self.badge_button.setToolTip(self.tr("Scanning a badge at the sign-in switches to its person"))
        self.problem = error_note("users_problem")
        self.idle_minutes = number_field("idle_lock_minutes", 0, 24 * 60, suffix=self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("never"))
        self.big_adjustment = number_field("big_adjustment_units", 0, 1_000_000)
        self.save_staff = push_button(self.tr("Save"), "staff_settings_save")
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.role_box, self.role_button, self.pin_button, self.remove_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.badge_button)
        form = QFormLayout()
        form.addRow(self.tr("Lock a PC after this long without use"), self.idle_minutes)
        form.addRow(self.tr("Stock adjustments above this many units need the owner"), self.big_adjustment)
        form.addRow("", self.save_staff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        layout.addLayout(form)
        self.add_button.clicked.connect(self.ask_add)
        self.role_button.clicked.connect(self.set_role)
        self.pin_button.clicked.connect(self.ask_pin)
        self.remove_button.clicked.connect(self.remove_or_restore)
        self.badge_button.clicked.connect(self.print_badges)
        self.save_staff.clicked.connect(self.save_settings)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.reload()
        settings = load_staff_settings(context.database)
        self.idle_minutes.setValue(settings.idle_lock_minutes)
        self.big_adjustment.setValue(settings.big_adjustment_units)

    # -- the list ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.show_rows(staff.list_users(self.context.database))

    def show_rows(self, rows: tuple[UserRow, ...]) -> None:
        self.rows = rows
        cells = [
            [
                row.name,
                row.role_label,
                self.tr("yes") if row.active else self.tr("removed"),
                self.tr("set") if row.has_pin else self.tr("none"),
                row.last_sign_in_at.astimezone().strftime("%Y-%m-%d %H:%M") if row.last_sign_in_at else "",
            ]
            for row in rows
        ]
        fill_text(self.table, cells)
        self._selection_changed()

    def selected(self) -> list[UserRow]:
        chosen = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.rows[r] for r in chosen if r < len(self.rows)]

    def _selection_changed(self) -> None:
        chosen = self.selected()
        one = len(chosen) == 1
        for button in (self.role_button, self.pin_button, self.remove_button):
            button.setEnabled(one)
        self.badge_button.setEnabled(bool(chosen) or bool(self.rows))
        if one:
            self.remove_button.setText(self.tr("Remove") if chosen[0].active else self.tr("Restore"))
            self.role_box.setCurrentIndex(max(self.role_box.findData(chosen[0].role.value), 0))

    # -- acting --------------------------------------------------------------------------------

    def _run(self, work: Callable[[], object], done: Callable[[object], None] | None = None) -> None:
        self.problem.hide()

        def finished(result: object) -> None:
            self.reload()
            if done is not None:
                done(result)

        run_task(work, finished, self._failed, context=self)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, OrderAppError):
            report_unexpected(exc)
        self.problem.setText(str(exc))
        self.problem.show()

    def ask_add(self) -> None:
        dialog = UserDialog(self, title=self.tr("Add a user"), with_name=True)
        dialog.ok.clicked.connect(lambda: self._submit(dialog, add=True))
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()

    def ask_pin(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        dialog = UserDialog(self, title=self.tr("A new PIN for {name}").format(name=chosen[0].name), with_name=False)
        dialog.ok.clicked.connect(lambda: self._submit(dialog, add=False, user_id=chosen[0].id))
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()

    def _submit(self, dialog: UserDialog, *, add: bool, user_id: int = 0) -> None:
        pin, again = dialog.pin.text().strip(), dialog.again.text().strip()
        if pin != again:
            dialog.show_error(self.tr("The two PINs differ; type the same PIN twice."))
            return
        dialog.ok.setEnabled(False)
        database, actor = self.context.database, self.context.actor()
        name, role = dialog.name.text(), str(dialog.role.currentData())

        def work() -> object:
            if add:
                return staff.add_user(database, name, role, pin, actor=actor)
            return staff.set_pin(database, user_id, pin, actor=actor)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, OrderAppError):
                report_unexpected(exc)
            dialog.show_error(str(exc))

        def done(_result: object) -> None:
            self.reload()
            dialog.accept()

        run_task(work, done, failed, context=self)

    def set_role(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            database, actor, role = self.context.database, self.context.actor(), str(self.role_box.currentData())
            self._run(lambda: staff.set_role(database, chosen[0].id, role, actor=actor))

    def remove_or_restore(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        database, actor, row = self.context.database, self.context.actor(), chosen[0]
        if row.active:
            self._run(lambda: staff.remove_user(database, row.id, actor=actor))
        else:
            self._run(lambda: staff.restore_user(database, row.id, actor=actor))

    def print_badges(self) -> None:
        from orderapp.gui.print_preview import PrintPreview

        ids = [row.id for row in (self.selected() or self.rows) if row.active]
        database = self.context.database

        def show(data: object) -> None:
            assert isinstance(data, bytes)
            preview = PrintPreview(data, self.tr("Staff badges"), "staff-badges.pdf", self)
            preview.setObjectName("badges_preview")
            preview.finished.connect(lambda _code: preview.deleteLater())
            preview.open()

        run_task(lambda: staff.staff_badges_pdf(database, ids), show, self._failed, context=self)

    def save_settings(self) -> None:
        database, user_id = self.context.database, self.context.user_id
        wanted = StaffSettings(self.idle_minutes.value(), self.big_adjustment.value())
        self._run(lambda: save_staff_settings(database, wanted, user_id=user_id))
