"""Backups and restores in the window: always in a worker (a copy of a big shop takes seconds),
always showing what a backup holds before it replaces anything, and watching the start-up
integrity check so that a damaged shop is met with the latest good backup, not an error later.

A restore replaces the file the window has open, so it happens between two openings of the shop:
``request_restore`` asks the app to close the shop (``RESTART_EXIT``); ``open_shop`` then puts the
backup in place and opens the result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressDialog, QWidget

from orderapp.errors import OrderAppError
from orderapp.gui.tasks import run_task, wait_for_task
from orderapp.store import backup_policy, backups
from orderapp.store.backups import Backup, Restored, ShopSummary
from orderapp.store.database import Database, normalise_url, sqlite_path

log = logging.getLogger(__name__)

RESTART_EXIT = 75
CHECK_START_LATEST_MS = 3000  # run_app opens the shop again after this exit status
T = TypeVar("T")

_pending_restore: tuple[Path, str] | None = None  # (backup, shop url) to put in place before the next opening


def _tr(text: str) -> str:
    return QCoreApplication.translate("backup_restore", text)


def wait_for(fn: Callable[[], T], label: str, parent: QWidget | None = None) -> T:
    """Run ``fn`` in a worker while the event loop keeps the window painted; a progress dialog
    appears if it takes longer than half a second. Returns its result or raises its exception."""
    shown: list[QProgressDialog] = []

    def show_progress() -> None:
        progress = QProgressDialog(label, "", 0, 0, parent)
        progress.setObjectName("backup_progress")
        progress.setWindowTitle("OrderApp")
        progress.setCancelButton(None)  # half a copy is never left behind, but it cannot be stopped midway
        progress.setMinimumDuration(500)
        progress.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.NonModal)
        shown.append(progress)

    try:
        return wait_for_task(fn, while_waiting=show_progress)
    finally:
        for progress in shown:
            progress.close()
            progress.deleteLater()


def describe_summary(summary: ShopSummary | None) -> str:
    if summary is None:
        return _tr("not checked (made by an older version)")
    last = summary.last_order_at.astimezone().strftime("%Y-%m-%d %H:%M") if summary.last_order_at else _tr("no orders")
    return _tr("{name} · {orders} orders · last order {last}").format(
        name=summary.shop_name or _tr("(no shop name)"), orders=f"{summary.orders:,}", last=last
    )


def describe_backup(backup: Backup) -> str:
    taken = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return _tr("{taken}   {what}   {file}").format(
        taken=taken, what=describe_summary(backup.summary), file=backup.path.name
    )


def confirm_restore(parent: QWidget | None, backup: Path, shop_location: str) -> ShopSummary | None:
    """Check the backup (in a worker), show what it holds and ask; None when refused or cancelled."""
    try:
        summary = wait_for(lambda: read_backup_summary(backup, shop_location), _tr("Checking the backup…"), parent)
    except OrderAppError as exc:
        QMessageBox.warning(parent, _tr("OrderApp – restore"), str(exc))
        return None
    box = QMessageBox(parent)
    box.setObjectName("restore_preview")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Restore this backup?"))
    box.setText(
        _tr("The backup {file} holds:\n\n{what}\n\nIt will replace the shop at {where}.").format(
            file=backup.name, what=describe_summary(summary), where=shop_location
        )
    )
    box.setInformativeText(_tr("The shop there now is not deleted: it is kept aside, renamed, beside it."))
    restore = box.addButton(_tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
    restore.setObjectName("restore")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancel")
    box.setDefaultButton(cancel)
    box.exec()
    return summary if box.clickedButton() is restore else None


def read_backup_summary(backup: Path, shop_location: str) -> ShopSummary:
    if sqlite_path(normalise_url(shop_location)) is not None:
        return backups.read_shop_file(backup)
    from orderapp.store.backups_pg import read_dump

    return read_dump(backup)


def restore_now(backup: Path, shop_url: str) -> Restored:
    """Put ``backup`` in place of the (closed) shop at ``shop_url``; in a worker via ``wait_for``."""
    parsed = normalise_url(shop_url)
    path = sqlite_path(parsed)
    if path is not None:
        return backups.restore_backup(backup, path)
    from orderapp.store.backups_pg import restore_server_database

    return restore_server_database(backup, parsed, backup_policy.backup_folder(parsed))


def request_restore(backup: Path, shop_url: str) -> None:
    """Close the shop and the window, then put ``backup`` in place and open it (see ``open_shop``)."""
    global _pending_restore
    _pending_restore = (backup, shop_url)
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    end_event_loop(RESTART_EXIT)


def end_event_loop(status: int) -> None:
    """Ends ``app.exec()`` in run_app with ``status`` (tests, which run no such loop, replace it)."""
    QCoreApplication.exit(status)


def take_pending_restore() -> tuple[Path, str] | None:
    global _pending_restore
    pending, _pending_restore = _pending_restore, None
    return pending


def restored_note(backup: Path, restored: Restored) -> str:
    if restored.kept is None:
        return _tr("Restored the backup {file}.").format(file=backup.name)
    return _tr("Restored the backup {file}; the replaced shop was kept as {kept}.").format(
        file=backup.name, kept=restored.kept
    )


class _Bridge(QObject):
    """Carries the check's verdict from its thread to the GUI thread (this object's thread)."""

    checked = Signal(object)  # the DamagedDatabase, or None

    def __init__(self, on_verdict: Callable[[object], None], parent: QObject) -> None:
        super().__init__(parent)
        self._on_verdict = on_verdict
        self.checked.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver(self, problem: object) -> None:
        self._on_verdict(problem)


def watch_shop(database: Database, window: QWidget, *, daily_backup: bool = True) -> None:
    """After the window shows: the background integrity check's verdict (a damaged shop offers the
    latest good backup), then the first start of the day's backup, both off the GUI thread."""
    url = database.url.render_as_string(hide_password=False)

    def verdict(problem: object) -> None:
        if problem is not None:
            offer_latest_backup(window, str(problem), url)
        elif daily_backup:
            run_task(lambda: backup_policy.backup_if_due(url), backed_up, _backup_failed, context=window)

    def backed_up(backup: object) -> None:
        if isinstance(backup, Backup):
            log.info("the day's first backup is %s", backup.path)
            for line in window.findChildren(LastBackupLine):
                line.refresh()

    bridge = _Bridge(verdict, window)
    gate = database.write_gate
    if gate is None:
        QTimer.singleShot(0, lambda: verdict(None))
        return
    gate.when_done(bridge.checked.emit)
    # The whole-file check starts once the window has painted its first figures (it would slow
    # the start on two cores), or after a few seconds whatever happens; a write starts it sooner.
    dashboard = getattr(window, "dashboard", None)
    loaded = getattr(dashboard, "figures_loaded", None)
    if loaded is not None:
        loaded.connect(lambda _figures: gate.start())
    QTimer.singleShot(CHECK_START_LATEST_MS, gate.start)


def _backup_failed(exc: BaseException) -> None:
    log.error("the day's automatic backup failed: %s", exc)


def offer_latest_backup(parent: QWidget | None, problem: str, url: str) -> None:
    """The shop turned out damaged: nothing more is saved; offer the latest good backup."""
    latest = backup_policy.last_good_backup(url)
    box = QMessageBox(parent)
    box.setObjectName("damaged_shop")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_tr("OrderApp – the shop is damaged"))
    box.setText(problem)
    restore = None
    if latest is not None:
        box.setInformativeText(
            _tr("Nothing more is saved to it. Restore the latest good backup, from {taken}?\n{what}").format(
                taken=latest.taken_at.astimezone().strftime("%Y-%m-%d %H:%M"), what=describe_summary(latest.summary)
            )
        )
        restore = box.addButton(_tr("&Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("restore_latest")
    else:
        box.setInformativeText(
            _tr("Nothing more is saved to it, and there is no good backup of it. Close OrderApp and get help.")
        )
    close = box.addButton(_tr("&Close OrderApp"), QMessageBox.ButtonRole.RejectRole)
    close.setObjectName("close_app")
    box.exec()
    if restore is not None and box.clickedButton() is restore and latest is not None:
        request_restore(latest.path, url)
    else:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.close()


def last_backup_text(url: str) -> str:
    """For Settings and the dashboard (call it in a worker: it reads the backup folder)."""
    try:
        return backup_policy.backup_age_sentence(backup_policy.last_good_backup(url))
    except Exception:
        log.warning("could not read the backups of %s", url, exc_info=True)
        return ""


def when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


class LastBackupLine(QLabel):
    """A small line under the dashboard: when the last good backup was made (read in a worker
    each time it is shown; a backup taken meanwhile shows next time)."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("last_backup_line")
        self._url = database.url.render_as_string(hide_password=False)
        self._loading = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        url = self._url
        run_task(lambda: last_backup_text(url), self._show, self._failed, context=self)

    def _show(self, text: object) -> None:
        self._loading = False
        self.setText(str(text))

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        log.warning("could not read the backups: %s", exc)
