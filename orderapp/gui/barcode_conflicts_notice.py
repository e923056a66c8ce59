"""Tell the user, once the window is up, about barcodes that name two products (a shop made
before the one GTIN key: see orderapp.services.stock.barcode_conflicts). Nothing shows when there are none."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox

from orderapp.gui.tasks import run_task
from orderapp.services.stock.barcode_conflicts import BarcodeConflict, barcode_conflicts
from orderapp.store.database import Database

log = logging.getLogger(__name__)
SHOWN = 5  # conflicts listed in the message; the command lists them all


def _tr(text: str) -> str:
    return QCoreApplication.translate("BarcodeConflicts", text)


def check_barcode_conflicts(window: QMainWindow, database: Database) -> None:
    """Look for conflicts off the GUI thread; show them in a message that does not block."""

    def show(conflicts: tuple[BarcodeConflict, ...]) -> None:
        if not conflicts:
            return
        for conflict in conflicts:
            log.warning("%s", conflict.sentence())
        lines = [conflict.sentence() for conflict in conflicts[:SHOWN]]
        if len(conflicts) > SHOWN:
            lines.append(
                _tr("… and {count} more. Run “orderapp barcode-conflicts” to list them all.").format(
                    count=len(conflicts) - SHOWN
                )
            )
        box = QMessageBox(window)
        box.setObjectName("barcode_conflicts")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_tr("Barcodes on two products"))
        box.setText(
            _tr(
                "The same GTIN is written two ways on two products. OrderApp will not guess which product "
                "it is: change the products in Inventory so that each code is on one product only."
            )
        )
        box.setInformativeText("\n\n".join(lines))
        box.setModal(False)
        box.show()
        window.statusBar().showMessage(
            _tr("Barcodes on two products: {count}. See Inventory.").format(count=len(conflicts))
        )

    def failed(exc: BaseException) -> None:
        log.warning("checking for barcodes on two products failed: %s", exc)

    run_task(lambda: barcode_conflicts(database), show, failed, context=window)
