"""Print preview, printing and saving of the app's PDFs, and the worker that makes big batches.

- ``DocumentJob`` makes a PDF off the GUI thread (hundreds of slips), reporting progress; ``cancel()``
  stops it between documents and nothing is kept.
- ``PrintPreview`` shows the PDF (QtPdf) with Print… (the system's print dialog) and Save as PDF….
- ``PrintJob`` sends the pages to a QPrinter off the GUI thread: each page rendered from the PDF at
  up to 300 dpi, with progress and cancel.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from orderapp.documents.output import Batch, Cancelled, write_pdf
from orderapp.errors import OrderAppError
from orderapp.gui.tasks import run_task
from orderapp.i18n import ngettext

log = logging.getLogger(__name__)

MAX_PRINT_DPI = 300
BuildPdf = Callable[[Batch], object]  # the PDF's bytes, or a services.documents.PrintResult


class DocumentJob(QObject):
    """Make one PDF in a worker.

    Signals ``progress(done, total)``, then one of ``finished(what build returned)``, ``failed(str)``,
    ``cancelled()``.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, build: BuildPdf, total: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document_job")
        self._build = build
        self.total = total
        self._stop = threading.Event()
        self.running = False

    def start(self) -> None:
        self.running = True
        run_task(self._work, self._done, self._failed, context=self)

    def cancel(self) -> None:
        self._stop.set()

    def _work(self) -> object:
        batch = Batch(self.total, progress=self.progress.emit, should_stop=self._stop.is_set)
        return self._build(batch)

    def _done(self, data: object) -> None:
        self.running = False
        self.finished.emit(data)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        if isinstance(exc, Cancelled):
            self.cancelled.emit()
        elif isinstance(exc, OrderAppError):
            self.failed.emit(str(exc))
        else:
            log.error("making a document failed", exc_info=exc)
            self.failed.emit(
                self.tr("The document could not be made ({kind}: {detail}).").format(
                    kind=type(exc).__name__, detail=exc
                )
            )


def progress_dialog(job: DocumentJob | PrintJob, title: str, parent: QWidget | None) -> QProgressDialog:
    """A progress dialog that follows ``job`` and cancels it; it hides itself when the job ends."""
    dialog = QProgressDialog(title, QCoreApplication.translate("PrintPreview", "Cancel"), 0, max(1, job.total), parent)
    dialog.setObjectName("document_progress")
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.canceled.connect(job.cancel)

    def advance(done: int, total: int) -> None:
        if total != dialog.maximum():
            dialog.setMaximum(max(1, total))  # a batch learns its size once its orders are found
        dialog.setValue(done)

    def finish() -> None:
        # Qt starts a timer when the dialog is made that shows it (4 s later, whatever the minimum
        # duration) unless it has been shown already: a quick job left a modal "100%" dialog behind
        # that blocked the preview. reset() stops that timer; hide(), not close(): closing counts as Cancel.
        job.progress.disconnect(advance)
        dialog.canceled.disconnect(job.cancel)
        reached = dialog.value()
        dialog.reset()
        dialog.hide()
        dialog.setProperty("reached", reached)  # how far the job got (reset() cleared the value)

    job.progress.connect(advance)
    for signal in (job.finished, job.failed, job.cancelled):
        signal.connect(finish)
    return dialog


class PrintJob(QObject):
    """Print a PDF on a configured QPrinter in a worker (Qt allows painting on a QPrinter there)."""

    progress = Signal(int, int)
    finished = Signal(int)  # pages printed
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, data: bytes, printer: QPrinter, pages: list[int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("print_job")
        self._data = data
        self._printer = printer
        self._pages = pages
        self.total = len(pages)
        self._stop = threading.Event()

    def start(self) -> None:
        run_task(self._work, self.finished.emit, self._failed, context=self)

    def cancel(self) -> None:
        self._stop.set()

    def _work(self) -> int:
        return print_pdf(self._data, self._printer, self._pages, progress=self.progress.emit, stop=self._stop.is_set)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.cancelled.emit()
        else:
            log.error("printing failed", exc_info=exc)
            self.failed.emit(str(exc))


def print_pdf(
    data: bytes,
    printer: QPrinter,
    pages: list[int],
    *,
    progress: Callable[[int, int], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> int:
    """Paint ``pages`` (0-based) of the PDF onto ``printer``; any thread. Returns the pages printed."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise OrderAppError(QCoreApplication.translate("PrintPreview", "The PDF could not be read for printing."))
    printer.setFullPage(True)  # the PDF's pages carry their own margins
    painter = QPainter()
    if not painter.begin(printer):
        raise OrderAppError(
            QCoreApplication.translate(
                "PrintPreview", "The printer could not be started; check that it is switched on and try again."
            )
        )
    printed = 0
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for index, page in enumerate(pages):
            if stop is not None and stop():
                printer.abort()
                raise Cancelled()
            if index:
                printer.newPage()
            image = page_image(document, page, dpi)
            target = painter.viewport()
            scale = min(target.width() / image.width(), target.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF(QPointF((target.width() - width) / 2, 0), QSizeF(width, height)), image)
            printed += 1
            if progress is not None:
                progress(printed, len(pages))
    finally:
        painter.end()
    return printed


def page_image(document: QPdfDocument, page: int, dpi: float) -> QImage:
    """One page as a picture on white paper (QtPdf renders onto a transparent background)."""
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    rendered = document.render(page, size)
    paper = QImage(size, QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return paper


def save_pdf_file(data: bytes, path: str | Path) -> Path:
    return write_pdf(path, lambda out: out.write(data))


class PrintPreview(QDialog):
    """The PDF as it will print, with Print… and Save as PDF…."""

    printed = Signal(int)
    saved = Signal(str)

    def __init__(
        self,
        data: bytes,
        title: str,
        file_name: str,
        parent: QWidget | None = None,
        *,
        warnings: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("print_preview")
        self.setWindowTitle(title)
        self.resize(900, 1000)
        self.data = data
        self.file_name = file_name
        self.print_job: PrintJob | None = None

        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setObjectName("preview_pages")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        pages = self.document.pageCount()
        self.page_count = QLabel(ngettext("{count} page", "{count} pages", pages).format(count=pages))
        self.page_count.setObjectName("preview_page_count")
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("preview_print")
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("preview_save")
        self.save_button.clicked.connect(self.save_with_dialog)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("preview_close")
        close.clicked.connect(self.close)

        bar = QHBoxLayout()
        bar.addWidget(self.page_count)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        # Said before anything is printed: e.g. characters no font of this PC has, printed as "?".
        self.warning = QLabel("\n".join(warnings))
        self.warning.setObjectName("preview_warning")
        self.warning.setWordWrap(True)
        self.warning.setProperty("role", "error")
        self.warning.setVisible(bool(warnings))
        layout.addWidget(self.warning)
        layout.addWidget(self.view, 1)

    def pages(self) -> int:
        return self.document.pageCount()

    # -- printing ---------------------------------------------------------------------------------

    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        if self.pages():
            size = self.document.pagePointSize(0)  # start from the document's own paper (A4, a 4x6 label ...)
            printer.setPageSize(QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
        printer.setFromTo(1, self.pages())
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("print_dialog")
        dialog.setMinMax(1, max(1, self.pages()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_on(printer)

    def print_on(self, printer: QPrinter) -> PrintJob:
        """Print on a printer already set up (by the print dialog, or by a test)."""
        first, last = printer.fromPage(), printer.toPage()
        if first == 0 and last == 0:
            first, last = 1, self.pages()
        pages = list(range(first - 1, min(last, self.pages())))
        job = PrintJob(self.data, printer, pages, self)
        self.print_job = job
        self.print_button.setEnabled(False)
        owner = self if self.isVisible() else (self.parentWidget() or self)  # printed without a preview
        dialog = progress_dialog(job, self.tr("Printing…"), owner)
        job.finished.connect(self._printed)
        job.failed.connect(self._print_failed)
        job.cancelled.connect(lambda: self.print_button.setEnabled(True))
        self._printer = printer  # kept alive until the job ends
        job.start()
        self._progress = dialog
        return job

    def _printed(self, pages: int) -> None:
        self.print_button.setEnabled(True)
        self.printed.emit(pages)

    def _print_failed(self, message: str) -> None:
        self.print_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("Printing failed"), message)

    # -- saving -----------------------------------------------------------------------------------

    def save_with_dialog(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(Path.home() / self.file_name), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> bool:
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            saved = save_pdf_file(self.data, path)
        except OrderAppError as exc:
            QMessageBox.warning(self, self.tr("The PDF was not saved"), str(exc))
            return False
        self.saved.emit(str(saved))
        return True
