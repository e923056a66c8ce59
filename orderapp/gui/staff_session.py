"""Who is signed in at this PC, for the main window: the name in the status bar, quick switch
(Ctrl+Shift+L), the automatic lock after the shop's idle time, and what a role may not use
greyed out or hidden with the reason as a tooltip."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QWidget

from orderapp.domain.staff import Permission, refusal, role_label
from orderapp.gui.context import AppContext
from orderapp.gui.staff_dialogs import SignInDialog
from orderapp.gui.tasks import run_task
from orderapp.services.settings.staff import load_staff_settings
from orderapp.services.staff import people as staff

log = logging.getLogger(__name__)

SWITCH_SHORTCUT = "Ctrl+Shift+L"
REMOVED_CHECK_MS = 60_000
_INPUT_EVENTS = frozenset(
    {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}
)

# objectName of a widget -> the permission it needs; "hide" ones vanish, the others grey out
GUARDED: dict[str, tuple[Permission, bool]] = {
    "screen_settings": (Permission.SETTINGS, False),
    "action_audit_log": (Permission.AUDIT, False),
    "action_staff_report": (Permission.AUDIT, False),
    "save_document_settings": (Permission.SETTINGS, False),  # Reports: slip paper, prices on slips
}
GUARDED_BUTTONS: dict[str, tuple[str, Permission]] = {"counts": ("post_button", Permission.POST_COUNT)}


def first_sign_in(context: AppContext) -> bool:
    """Before the window: nobody signs in while no owner has a PIN (a new shop, the demo); otherwise
    the sign-in dialog. False when the person gave up (the app then closes)."""
    owner = staff.owner_without_pin(context.database, station=context.station)
    if owner is not None:
        context.sign_in(owner)
        return True
    dialog = SignInDialog(context.database, context.station)
    if dialog.exec() and dialog.actor is not None:
        context.sign_in(dialog.actor)
        return True
    return False


class StaffSession(QObject):
    def __init__(self, window: QMainWindow, context: AppContext) -> None:
        super().__init__(window)
        self.setObjectName("staff_session")
        self.window, self.context = window, context
        self.locked = False
        if not context.user_name:  # made without first_sign_in (tests, tools): who the context names
            actor = staff.actor_for(context.database, context.user_id, station=context.station)
            context.user_name, context.role = actor.name, actor.role
        self.label = QLabel()
        self.label.setObjectName("status_user")
        window.statusBar().addPermanentWidget(self.label)
        self.switch_action = QAction(self.tr("S&witch user…"), window)
        self.switch_action.setObjectName("action_switch_user")
        self.switch_action.setShortcut(QKeySequence(SWITCH_SHORTCUT))
        self.switch_action.setToolTip(
            self.tr("Another person signs in at this PC ({key}), or scans their badge").format(key=SWITCH_SHORTCUT)
        )
        self.switch_action.triggered.connect(self.switch_user)
        window.addAction(self.switch_action)
        self.audit_action = QAction(self.tr("&Audit log…"), window)
        self.audit_action.setObjectName("action_audit_log")
        self.audit_action.triggered.connect(self.show_audit_log)
        self.staff_report_action = QAction(self.tr("S&taff report…"), window)
        self.staff_report_action.setObjectName("action_staff_report")
        self.staff_report_action.triggered.connect(self.show_staff_report)
        file_menu = window.menuBar().findChild(QMenu, "menu_file")
        if file_menu is not None and file_menu.actions():
            first = file_menu.actions()[0]
            file_menu.insertAction(first, self.switch_action)
            file_menu.insertAction(first, self.audit_action)
            file_menu.insertAction(first, self.staff_report_action)
            file_menu.insertSeparator(first)
        self.idle = QTimer(self)
        self.idle.setObjectName("idle_lock_timer")
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        self.set_idle_minutes(load_staff_settings(context.database).idle_lock_minutes)
        # a user removed at another PC while signed in here is noticed within a minute
        self.still_there = QTimer(self)
        self.still_there.setObjectName("removed_user_check")
        self.still_there.setInterval(REMOVED_CHECK_MS)
        self.still_there.timeout.connect(self.check_still_active)
        self.still_there.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            window.destroyed.connect(lambda: app.removeEventFilter(self))  # the app lets go of it with the window
        context.user_changed.append(self.refresh)
        if hasattr(window, "screen_built"):
            window.screen_built.connect(lambda _key, screen: self.guard(screen))
        self.refresh()

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle.setInterval(max(minutes, 0) * 60_000)
        if minutes > 0:
            self.idle.start()
        else:
            self.idle.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self.idle.interval() > 0 and not self.locked:
            self.idle.start()
        return False

    # -- signing in ----------------------------------------------------------------------------

    def switch_user(self) -> None:
        self._ask(locking=False)

    def lock(self) -> None:
        if self.locked or staff.owner_without_pin(self.context.database, station=self.context.station):
            return  # a shop without PINs has nothing to lock
        self._ask(locking=True)

    def check_still_active(self) -> None:
        if self.locked:
            return
        database, user_id, station = self.context.database, self.context.user_id, self.context.station

        def removed(exc: BaseException) -> None:
            if isinstance(exc, staff.UserRemoved) and not self.locked:
                self._ask(locking=True, reason=str(exc))

        run_task(
            lambda: staff.actor_for(database, user_id, station=station), lambda _actor: None, removed, context=self
        )

    def _ask(self, *, locking: bool, reason: str = "") -> None:
        self.locked = locking
        dialog = SignInDialog(self.context.database, self.context.station, self.window, current=self.context.user_name)
        dialog.setObjectName("lock_dialog" if locking else "sign_in_dialog")
        if locking:
            dialog.intro.setText(reason or self.tr("This PC was locked after a while without use. Sign in to go on."))
            dialog.buttons.button(dialog.buttons.StandardButton.Cancel).hide()
            dialog.reject = lambda: None  # type: ignore[method-assign]  # Esc does not unlock
        dialog.signed_in.connect(self._signed_in)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()

    def _signed_in(self, actor: object) -> None:
        from orderapp.domain.staff import Actor

        assert isinstance(actor, Actor)
        self.locked = False
        log.info("%s signed in at %s", actor.name, actor.station)
        self.context.sign_in(actor)
        if self.idle.interval() > 0:
            self.idle.start()

    def show_audit_log(self) -> None:
        from orderapp.gui.audit_viewer import AuditDialog

        dialog = AuditDialog(self.context, self.window)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()

    def show_staff_report(self) -> None:
        from orderapp.gui.staff_report_dialog import StaffReportDialog

        dialog = StaffReportDialog(self.context, self.window)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()

    # -- what the role may use -----------------------------------------------------------------

    def refresh(self) -> None:
        self.label.setText(
            self.tr("Signed in: {name} ({role})").format(
                name=self.context.user_name, role=role_label(self.context.role)
            )
        )
        self.guard(self.window)

    def guard(self, root: QWidget) -> None:
        for name, (permission, hide) in GUARDED.items():
            found = [root] if root.objectName() == name else root.findChildren(QObject, name)
            for item in found:
                self._apply(item, permission, hide)
        for action in self.window.findChildren(QAction):
            if action.objectName() in GUARDED:
                self._apply(action, *GUARDED[action.objectName()])
        for attribute, permission in GUARDED_BUTTONS.values():
            for screen in [root, *root.findChildren(QWidget)]:
                button = getattr(screen, attribute, None) if type(screen).__name__ == "CountsScreen" else None
                if isinstance(button, QWidget):
                    self._apply(button, permission, True)

    def _apply(self, item: QObject, permission: Permission, hide: bool) -> None:
        allowed = self.context.may(permission)
        why = "" if allowed else refusal(self.context.role, permission)
        if isinstance(item, QAction):
            item.setEnabled(allowed)
            item.setToolTip(why)
            return
        if not isinstance(item, QWidget):
            return
        if hide:
            item.setVisible(allowed)
        else:
            item.setEnabled(allowed)
        item.setToolTip(why)
