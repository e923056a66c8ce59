"""Settings, "Several PCs": move the shop from its file on this PC to a PostgreSQL server that every
PC of the shop can reach. Test the connection first; the move copies everything, checks every
table's rows, switches this PC to the server and keeps the file as a backup. The app then closes:
opened again, it works on the server (other PCs: ``orderapp --database URL``)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import URL

from orderapp.errors import OrderAppError
from orderapp.gui.form_parts import note, number_field, push_button, text_field
from orderapp.gui.tasks import run_task
from orderapp.services.shop.move_to_server import MoveResult, check_server, move_to_server
from orderapp.store.database import Database

log = logging.getLogger(__name__)


class ServerGroup(QGroupBox):
    tested = Signal(str)  # what the test said (a server's name, or the problem)
    moved = Signal(object)  # MoveResult
    move_failed = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("server_group")
        self.setTitle(self.tr("Several PCs"))
        self._database = database
        layout = QVBoxLayout(self)
        intro = note()
        layout.addWidget(intro)
        if database.path is None:
            intro.setText(
                self.tr("This shop is on the server {where}; every PC that opens it works on the same data.").format(
                    where=database.location
                )
            )
            return
        intro.setText(
            self.tr(
                "To work on several PCs, move this shop to a PostgreSQL server they can all reach. Everything is "
                "copied and counted; this file is kept as a backup."
            )
        )
        form = QFormLayout()
        self.host = text_field("server_host", placeholder="192.168.1.10")
        self.port = number_field("server_port", 1, 65535)
        self.port.setValue(5432)
        self.database_name = text_field("server_database")
        self.database_name.setText("orderapp")
        self.user = text_field("server_user")
        self.user.setText("orderapp")
        self.password = text_field("server_password", secret=True)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database_name)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.test_button = push_button(self.tr("Test the connection"), "test_server")
        self.move_button = push_button(self.tr("Move this shop to the ser&ver…"), "move_to_server")
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.move_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = note("server_status")
        layout.addWidget(self.status)
        self.test_button.clicked.connect(self.test_connection)
        self.move_button.clicked.connect(self.ask_and_move)

    def url(self) -> URL:
        return URL.create(
            "postgresql+psycopg",
            username=self.user.text().strip() or None,
            password=self.password.text() or None,
            host=self.host.text().strip() or None,
            port=self.port.value(),
            database=self.database_name.text().strip() or None,
        )

    def _address(self) -> str | None:
        if not self.host.text().strip() or not self.database_name.text().strip():
            self.status.setText(self.tr("Type the server's address and the database's name first."))
            return None
        return self.url().render_as_string(hide_password=False)

    def _busy(self, busy: bool, text: str = "") -> None:
        self.test_button.setEnabled(not busy)
        self.move_button.setEnabled(not busy)
        if text:
            self.status.setText(text)

    def test_connection(self) -> None:
        address = self._address()
        if address is None:
            return
        self._busy(True, self.tr("Trying the server…"))
        run_task(lambda: check_server(address), self._tested, self._test_failed, context=self)

    def _tested(self, server: str) -> None:
        self._busy(False)
        text = self.tr("Reached {server}. You can move the shop there.").format(server=server)
        self.status.setText(text)
        self.tested.emit(text)

    def _test_failed(self, exc: BaseException) -> None:
        self._busy(False)
        if not isinstance(exc, OrderAppError):
            log.error("testing the server failed", exc_info=exc)
        self.status.setText(str(exc))
        self.tested.emit(str(exc))

    def ask_and_move(self, *, confirmed: bool = False) -> None:
        address = self._address()
        if address is None:
            return
        if not confirmed:
            box = QMessageBox(self)
            box.setObjectName("move_to_server_question")
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(self.tr("Move the shop to the server?"))
            box.setText(
                self.tr(
                    "Every order, product, customer and setting is copied to {server}. OrderApp then closes; "
                    "open it again to work on the server. Other PCs open it with the same address."
                ).format(server=self.url().render_as_string(hide_password=True))
            )
            move = box.addButton(self.tr("&Move"), QMessageBox.ButtonRole.AcceptRole)
            move.setObjectName("confirm_move")
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is not move:
                return
        window = self.window()
        live = getattr(window, "live_refresh", None)
        if live is not None:
            live.stop()  # its connection to the file must not hold it open
        self._busy(True, self.tr("Moving the shop to the server… (do not close OrderApp)"))
        database = self._database
        run_task(lambda: move_to_server(database, address), self._moved, self._move_failed, context=self)

    def _moved(self, result: MoveResult) -> None:
        self.status.setText(
            self.tr("Moved {rows} rows in {tables} tables to {server}; every table was counted.").format(
                rows=f"{result.rows:,}", tables=len(result.tables), server=result.server
            )
        )
        self.moved.emit(result)
        box = QMessageBox(self)
        box.setObjectName("moved_to_server")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("The shop is on the server"))
        box.setText(
            self.tr("{status} The old file is kept as {backup}. OrderApp closes now; open it again.").format(
                status=self.status.text(), backup=str(result.backup)
            )
        )
        box.exec()
        self.window().close()

    def _move_failed(self, exc: BaseException) -> None:
        self._busy(False)
        if not isinstance(exc, OrderAppError):
            log.error("moving the shop to the server failed", exc_info=exc)
        live = getattr(self.window(), "live_refresh", None)
        if live is not None:
            live.start()
        self.status.setText(str(exc))
        self.move_failed.emit(str(exc))
