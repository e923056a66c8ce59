"""Signing in, a wrong PIN, the lock, a scanned badge, and the owner's PIN asked for a packer's
override: as a person at the PC sees them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from gui_helpers import show_window
from packing_shop import TEA, PackingShop, make_packing_shop
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from orderapp.domain.staff import Actor, Permission, Role
from orderapp.gui import tasks
from orderapp.gui.context import AppContext
from orderapp.gui.packing_dialogs import OverrideDialog
from orderapp.gui.packing_screen import PackingScreen, create_screen
from orderapp.gui.staff_dialogs import OwnerPinDialog, SignInDialog, approve
from orderapp.scanning.acceptance import Scan
from orderapp.services.staff import people as staff
from orderapp.services.staff.audit_log import AuditFilter, audit_entries
from orderapp.store.database import Database


@pytest.fixture
def owner(shop: Database) -> Actor:
    actor = staff.owner_without_pin(shop, station="PC-1")
    assert actor is not None
    return actor


@pytest.fixture
def team(shop: Database, owner: Actor) -> dict[str, Actor]:
    staff.add_user(shop, "Tom", "packer", "3333", actor=owner)
    staff.add_user(shop, "Mary", "shopkeeper", "1111", actor=owner)
    staff.set_pin(shop, owner.user_id, "4821", actor=owner)
    return {
        "packer": staff.sign_in(shop, "Tom", "3333", station="PACK-1"),
        "shopkeeper": staff.sign_in(shop, "Mary", "1111", station="PC-1"),
    }


def sign_in_with(qtbot: QtBot, dialog: SignInDialog | OwnerPinDialog, name: str, pin: str) -> None:
    dialog.name.setCurrentText(name)
    dialog.pin.clear()
    qtbot.keyClicks(dialog.pin, pin)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)


def when_modal(qtbot: QtBot, answer: Callable[[QDialog], None]) -> None:
    """Answer the next modal dialog (approve() waits in exec())."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, act)
            return
        answer(dialog)

    QTimer.singleShot(0, act)


def test_a_wrong_pin_is_refused_with_a_sentence_and_the_right_one_signs_in(
    qtbot: QtBot, shop: Database, team: dict, sync_tasks: tasks.SynchronousRunner
) -> None:
    dialog = SignInDialog(shop, "PACK-1")
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.name.itemText(i) for i in range(dialog.name.count())] == ["Mary", "Owner", "Tom"]
    sign_in_with(qtbot, dialog, "Tom", "0000")
    assert (
        dialog.error.isVisible() and dialog.error.text() == "Wrong PIN for Tom; 4 more tries before the user is locked."
    )
    assert dialog.pin.text() == "" and dialog.isVisible() and dialog.actor is None
    with qtbot.waitSignal(dialog.signed_in, timeout=5000) as signed:
        sign_in_with(qtbot, dialog, "Tom", "3333")
    assert signed.args[0].name == "Tom" and signed.args[0].role is Role.PACKER
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_five_wrong_pins_lock_the_user_in_the_dialog(
    qtbot: QtBot, shop: Database, team: dict, sync_tasks: tasks.SynchronousRunner
) -> None:
    dialog = SignInDialog(shop, "PACK-1")
    qtbot.addWidget(dialog)
    dialog.show()
    for _n in range(5):
        sign_in_with(qtbot, dialog, "Mary", "9999")
    assert "Mary is now locked for 15 minutes" in dialog.error.text()
    sign_in_with(qtbot, dialog, "Mary", "1111")
    assert "Mary is locked after 5 wrong PINs" in dialog.error.text() and dialog.actor is None
    sign_in_with(qtbot, dialog, "Nobody", "1111")
    assert dialog.error.text().startswith("There is no user called Nobody")


def test_a_scanned_badge_signs_its_person_in(
    qtbot: QtBot, shop: Database, team: dict, sync_tasks: tasks.SynchronousRunner
) -> None:
    badges = {row.name: row.badge_code for row in staff.list_users(shop)}
    dialog = SignInDialog(shop, "PACK-1")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.signed_in, timeout=5000) as signed:
        qtbot.keyClicks(dialog.pin, badges["Tom"])  # a USB scanner types the code and Enter
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert signed.args[0].name == "Tom"
    owner_dialog = SignInDialog(shop, "PC-1")
    qtbot.addWidget(owner_dialog)
    owner_dialog.show()
    qtbot.keyClicks(owner_dialog.pin, badges["Owner"])
    qtbot.keyClick(owner_dialog.pin, Qt.Key.Key_Return)
    assert owner_dialog.actor is None and owner_dialog.name.currentText() == "Owner"
    assert owner_dialog.error.text() == "Badge read: now type the PIN for Owner."


def test_a_packer_s_override_asks_an_owner_s_pin_then_and_there(
    qtbot: QtBot, shop: Database, owner: Actor, team: dict, sync_tasks: tasks.SynchronousRunner
) -> None:
    packing: PackingShop = make_packing_shop(shop)
    context = AppContext(shop, station="PACK-1")
    context.sign_in(team["packer"])
    screen = create_screen(context)
    assert isinstance(screen, PackingScreen)
    qtbot.addWidget(screen)
    screen.sounds.enabled = False
    screen.show()
    with qtbot.waitSignal(screen.order_shown, timeout=5000):
        screen.handle_scan(Scan(code="SO-000001", symbology=None, source="wedge"))
    with qtbot.waitSignal(screen.scan_handled, timeout=5000):
        screen.handle_scan(Scan(code=TEA, symbology=None, source="wedge"))
    seen: list[str] = []

    def wrong_then_right(dialog: QDialog) -> None:
        assert isinstance(dialog, OwnerPinDialog)
        seen.append(dialog.intro.text())
        sign_in_with(qtbot, dialog, "Owner", "1234")
        seen.append(dialog.error.text())
        sign_in_with(qtbot, dialog, "Owner", "4821")

    when_modal(qtbot, wrong_then_right)
    qtbot.mouseClick(screen.override_button, Qt.MouseButton.LeftButton)
    assert seen == [
        "Only the owner can pack an order without scanning every item. An owner can approve it here with their PIN.",
        "Wrong PIN for Owner; 4 more tries before the user is locked.",
    ]
    dialog = screen.findChild(OverrideDialog, "override_dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.findChild(QPlainTextEdit, "override_reason").setPlainText("label torn")
    with qtbot.waitSignal(screen.order_packed, timeout=5000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "override_confirm"), Qt.MouseButton.LeftButton)
    (entry,) = audit_entries(shop, AuditFilter(action="pack_override"))
    assert entry.user == "Tom" and entry.station == "PACK-1" and "label torn" in entry.after
    assert packing.two_teas


def test_approval_cancelled_leaves_the_order_alone(
    qtbot: QtBot, shop: Database, team: dict, sync_tasks: tasks.SynchronousRunner
) -> None:
    context = AppContext(shop, station="PACK-1")
    context.sign_in(team["packer"])
    when_modal(qtbot, lambda dialog: dialog.reject())
    parent = QDialog()
    qtbot.addWidget(parent)
    assert approve(parent, context, Permission.PACK_OVERRIDE).given is False
    context.sign_in(team["shopkeeper"])  # a shopkeeper may override: no PIN asked
    assert approve(parent, context, Permission.PACK_OVERRIDE).given is True


def test_the_window_shows_who_is_signed_in_and_greys_out_what_they_may_not_use(
    qtbot: QtBot, shop: Database, owner: Actor, team: dict, sync_tasks: tasks.SynchronousRunner
) -> None:
    window = show_window(qtbot, shop)
    assert window.staff.label.text() == "Signed in: Owner (Owner)"
    audit = window.findChild(QAction, "action_audit_log")
    assert audit is not None and audit.isEnabled()

    def as_packer(dialog: QDialog) -> None:
        assert isinstance(dialog, SignInDialog)
        sign_in_with(qtbot, dialog, "Tom", "3333")

    when_modal(qtbot, as_packer)
    window.findChild(QAction, "action_switch_user").trigger()
    qtbot.waitUntil(lambda: window.context.user_name == "Tom", timeout=5000)
    assert window.staff.label.text() == "Signed in: Tom (Packer)"
    assert not audit.isEnabled() and "Only the owner can see the audit log" in audit.toolTip()
    window.show_screen("settings")
    settings = window.screen_for("settings")
    assert not settings.isEnabled() and "Only the owner can change the settings; a packer cannot" in settings.toolTip()
    window.show_screen("counts")
    counts = window.screen_for("counts")
    assert counts.post_button.isHidden()  # posting a count: the owner's
    window.show_screen("reports")
    save = window.screen_for("reports").findChild(QPushButton, "save_document_settings")
    assert save is not None and not save.isEnabled() and "Only the owner can change the settings" in save.toolTip()

    def as_owner(dialog: QDialog) -> None:
        sign_in_with(qtbot, dialog, "Owner", "4821")

    when_modal(qtbot, as_owner)
    window.findChild(QAction, "action_switch_user").trigger()
    qtbot.waitUntil(lambda: window.context.user_name == "Owner", timeout=5000)
    assert settings.isEnabled() and settings.toolTip() == "" and not counts.post_button.isHidden()
    assert save.isEnabled() and audit.isEnabled()


def test_the_owner_adds_a_user_on_the_users_page_and_bad_pins_are_refused(
    qtbot: QtBot, shop: Database, owner: Actor, sync_tasks: tasks.SynchronousRunner
) -> None:
    from orderapp.gui.settings_screen import SettingsScreen
    from orderapp.gui.settings_users import UserDialog

    context = AppContext(shop, station="PC-1")
    context.sign_in(owner)
    screen = SettingsScreen(shop, context=context)
    qtbot.addWidget(screen)
    screen.show()
    screen.load()  # the form opens once the stored settings are in
    users = screen.users
    assert [users.table.item(r, 0).text() for r in range(users.table.rowCount())] == ["Owner"]
    qtbot.mouseClick(users.add_button, Qt.MouseButton.LeftButton)
    dialog = users.findChild(UserDialog, "user_dialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.name, "Tom")
    dialog.role.setCurrentIndex(dialog.role.findData("packer"))
    for pin, again, sentence in (
        ("1234", "1235", "The two PINs differ; type the same PIN twice."),
        ("123", "123", "A PIN needs at least 4 digits; choose a longer one."),
    ):
        dialog.pin.setText(pin)
        dialog.again.setText(again)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        assert dialog.error.text() == sentence and dialog.isVisible()
    dialog.pin.setText("3333")
    dialog.again.setText("3333")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: users.table.rowCount() == 2, timeout=3000)
    assert staff.sign_in(shop, "Tom", "3333", station="PC-1").role is Role.PACKER
    users.table.selectRow([users.table.item(r, 0).text() for r in range(2)].index("Tom"))
    users.role_box.setCurrentIndex(users.role_box.findData("shopkeeper"))
    qtbot.mouseClick(users.role_button, Qt.MouseButton.LeftButton)
    assert [r.role.value for r in staff.list_users(shop) if r.name == "Tom"] == ["shopkeeper"]
    users.table.selectRow([users.table.item(r, 0).text() for r in range(2)].index("Owner"))
    qtbot.mouseClick(users.remove_button, Qt.MouseButton.LeftButton)
    assert users.problem.isVisible() and users.problem.text() == "Owner is the only owner and cannot be removed."
    actions = [e.action for e in audit_entries(shop) if e.action.startswith("user_")]
    assert actions == ["user_role", "user_add"]


def test_the_pc_locks_after_the_idle_time_and_a_removed_user_is_sent_to_sign_in(
    qtbot: QtBot, shop: Database, owner: Actor, team: dict[str, Actor], sync_tasks: tasks.SynchronousRunner
) -> None:
    from orderapp.gui.main_window import MainWindow

    context = AppContext(shop, station="PACK-1")
    context.sign_in(team["packer"])
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    session = window.staff
    assert session.idle.interval() == 10 * 60_000 and session.idle.isActive()  # the default: 10 minutes
    session.idle.timeout.emit()  # ten minutes without a key or a click
    lock = window.findChild(SignInDialog, "lock_dialog")
    assert lock is not None and lock.isVisible() and session.locked
    assert lock.intro.text() == "This PC was locked after a while without use. Sign in to go on."
    qtbot.keyClick(lock, Qt.Key.Key_Escape)
    assert lock.isVisible()  # Esc does not unlock
    sign_in_with(qtbot, lock, "Tom", "3333")
    qtbot.waitUntil(lambda: not session.locked, timeout=3000)
    staff.remove_user(shop, team["packer"].user_id, actor=owner)  # at another PC
    session.check_still_active()
    qtbot.waitUntil(lambda: session.locked, timeout=3000)
    lock = next(d for d in window.findChildren(SignInDialog, "lock_dialog") if d.isVisible())
    assert lock.intro.text() == "Tom has been removed from the shop's users; sign in as someone else to go on."
    assert "Tom" not in [lock.name.itemText(i) for i in range(lock.name.count())]
    sign_in_with(qtbot, lock, "Mary", "1111")
    qtbot.waitUntil(lambda: window.context.user_name == "Mary", timeout=3000)
    assert window.staff.label.text() == "Signed in: Mary (Shopkeeper)"


def test_audit_viewer_and_staff_report_filter_and_export(
    qtbot: QtBot, shop: Database, owner: Actor, team: dict[str, Actor], tmp_path, sync_tasks: tasks.SynchronousRunner
) -> None:
    from orderapp.gui.audit_viewer import AuditDialog
    from orderapp.gui.staff_report_dialog import StaffReportDialog

    context = AppContext(shop, station="PC-1")
    context.sign_in(owner)
    dialog = AuditDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.model.rowCount()
    assert shown == len(audit_entries(shop)) and shown >= 3
    users = [dialog.model.data(dialog.model.index(r, 4)) for r in range(shown)]
    assert "user Tom" in users and "user Mary" in users
    with qtbot.waitSignal(dialog.loaded, timeout=3000):
        qtbot.keyClicks(dialog.text, "Tom")
    assert [dialog.model.data(dialog.model.index(r, 4)) for r in range(dialog.model.rowCount())] == [
        "user Tom"
    ] * dialog.model.rowCount()
    assert dialog.model.data(dialog.model.index(0, 3)) in ("User added", "PIN changed")
    out = tmp_path / "audit.csv"
    dialog.export_to(out)
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "time,user,station,action,object,before,after" and "user Tom" in text
    assert "user Mary" not in text  # the export has the filter's rows
    report = StaffReportDialog(context)
    qtbot.addWidget(report)
    report.show()
    assert report.table.rowCount() == 0 and report.note.text() == "Nobody packed an order on these days."
