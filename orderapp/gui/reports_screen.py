"""Reports: the owner's daily summary for any day, and the shop's paperwork (slips, pick lists,
labels), each shown in a preview to print or save.

Figures are counted and PDFs made in workers; a batch of hundreds of slips shows its progress and
can be cancelled.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from orderapp.documents.output import Batch
from orderapp.domain.money import exponent, format_money
from orderapp.domain.order_status import OrderStatus
from orderapp.errors import OrderAppError, ValidationFailed
from orderapp.gui.context import AppContext
from orderapp.gui.fitting import fixed_lines
from orderapp.gui.forms import child, load_form
from orderapp.gui.print_preview import DocumentJob, PrintPreview, progress_dialog
from orderapp.gui.row_tables import fit_columns, set_text
from orderapp.gui.tasks import run_task
from orderapp.services.documents import printing as documents
from orderapp.services.documents.daily_summary import DailySummary, daily_summary, today_in_shop
from orderapp.services.documents.printing import PrintResult
from orderapp.services.settings.documents import (
    LANGUAGE_KEYS,
    PAPER_KEYS,
    SHEET_KEYS,
    DocumentSettings,
    load_document_settings,
    save_document_settings,
)
from orderapp.store.database import Database

log = logging.getLogger(__name__)

BAR = QColor("#2f6f4f")


class SalesByHourChart(QWidget):
    """Net sales for each hour of the day as bars, drawn with QPainter (no QtCharts needed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sales_chart")
        self.setMinimumSize(300, 180)
        self.values: tuple[int, ...] = (0,) * 24
        self.currency = "CNY"

    def show_values(self, values: tuple[int, ...], currency: str) -> None:
        self.values = values
        self.currency = currency
        peak = max(values, default=0)
        busiest = values.index(peak) if peak else None
        self.setToolTip(
            self.tr("Busiest hour: {hour}:00, {amount}").format(hour=busiest, amount=format_money(peak, currency))
            if busiest is not None
            else self.tr("No sales this day")
        )
        self.update()

    def _axis_labels(self) -> list[tuple[float, str]]:
        peak = max(self.values, default=0)
        whole = 10 ** exponent(self.currency)
        return [
            (fraction, format_money(round(peak * fraction / whole) * whole, self.currency).split(".")[0])
            for fraction in ((0.0, 0.5, 1.0) if peak else (0.0,))
        ]

    def _plot_left(self) -> float:
        metrics = QFontMetricsF(self._small_font())
        return 10.0 + max(metrics.horizontalAdvance(text) for _fraction, text in self._axis_labels())

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        return small

    def bar_rects(self) -> list[QRectF]:
        """Where each hour's bar is drawn (for tests and tooltips)."""
        left, bottom, top = self._plot_left(), self.height() - 22.0, 8.0
        width = max(1.0, self.width() - left - 8)
        step = width / 24
        peak = max(self.values, default=0) or 1
        rects = []
        for hour, value in enumerate(self.values):
            height = (bottom - top) * value / peak
            rects.append(QRectF(left + hour * step + 1, bottom - height, max(1.0, step - 2), height))
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        text_colour = self.palette().windowText().color()
        left, bottom, top = self._plot_left(), self.height() - 22.0, 8.0
        right = self.width() - 8.0
        grid = QColor(text_colour)
        grid.setAlpha(50)
        painter.setFont(self._small_font())
        for fraction, text in self._axis_labels():
            y = bottom - (bottom - top) * fraction
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(left, y), QPointF(right, y))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, y - 8, left - 5, 16), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text
            )
        if not any(self.values):
            painter.drawText(
                QRectF(left, top, right - left, bottom - top),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("No sales this day"),
            )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR)
        for rect in self.bar_rects():
            if rect.height() > 0:
                painter.drawRect(rect)
        painter.setPen(text_colour)
        step = (right - left) / 24
        for hour in range(0, 24, 3):
            painter.drawText(
                QRectF(left + hour * step - 10, bottom + 2, step + 20, 18), Qt.AlignmentFlag.AlignHCenter, str(hour)
            )
        painter.end()


class ReportsScreen(QWidget):
    summary_loaded = Signal(object)  # DailySummary, after it is shown
    summary_failed = Signal(str)
    document_ready = Signal(object)  # PrintPreview, when a document has been made and shown
    document_failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen_reports")
        self.context = context
        self.database: Database = context.database
        self.summary: DailySummary | None = None
        self.preview: PrintPreview | None = None
        self.job: DocumentJob | None = None
        self._loading_day: date | None = None

        self.form = load_form("reports.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)

        self.day = child(self.form, QDateEdit, "report_day")
        self.problem = child(self.form, QLabel, "report_problem")
        self.status = child(self.form, QLabel, "report_status")
        fixed_lines(self.problem, 2)  # their room kept, whatever they say
        fixed_lines(self.status, 1)
        self.problem.hide()
        self.figures_table = child(self.form, QTableWidget, "summary_figures")
        self.top_table = child(self.form, QTableWidget, "top_products")
        self.chart_title = child(self.form, QLabel, "chart_title")
        area = child(self.form, QWidget, "sales_chart_area")
        self.chart = SalesByHourChart(area)
        area_layout = QVBoxLayout(area)
        area_layout.setContentsMargins(0, 0, 0, 0)
        area_layout.addWidget(self.chart)
        self.summary_buttons = [
            child(self.form, QPushButton, name) for name in ("summary_preview", "summary_print", "summary_save")
        ]
        self._setup_tables()
        body = self.form.findChild(QHBoxLayout, "summary_body")
        if body is not None:
            body.setStretch(0, 1)
            body.setStretch(1, 1)

        self.day.setDate(_qdate(today_in_shop(self.database)))
        self.day.dateChanged.connect(lambda _date: self.load_summary())
        child(self.form, QPushButton, "report_previous_day").clicked.connect(lambda: self._move_day(-1))
        child(self.form, QPushButton, "report_next_day").clicked.connect(lambda: self._move_day(1))
        child(self.form, QPushButton, "report_today").clicked.connect(
            lambda: self.day.setDate(_qdate(today_in_shop(self.database)))
        )
        preview, print_, save = self.summary_buttons
        preview.clicked.connect(lambda: self.make_summary_pdf("preview"))
        print_.clicked.connect(lambda: self.make_summary_pdf("print"))
        save.clicked.connect(lambda: self.make_summary_pdf("save"))

        self._setup_paperwork()
        self.load_summary()

    # -- the daily summary ------------------------------------------------------------------------

    def _setup_tables(self) -> None:
        table = self.figures_table
        # What each figure is, whole (it was "…" beside three dated columns); the table scrolls sideways.
        fit_columns(table, stretch_last=True)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        top = self.top_table
        top.setHorizontalHeaderLabels([self.tr("Product"), self.tr("Units"), self.tr("Net")])
        fit_columns(top, stretch=0)
        row_height = self.fontMetrics().height() + 8
        for widget in (table, top):
            widget.verticalHeader().setDefaultSectionSize(row_height)
            widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A long product name wraps onto a second line at 1024 px rather than ending in "…" (ten rows at most).
        top.setWordWrap(True)
        top.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def selected_day(self) -> date:
        value = self.day.date()
        return date(value.year(), value.month(), value.day())

    def _move_day(self, days: int) -> None:
        self.day.setDate(self.day.date().addDays(days))

    def load_summary(self) -> None:
        """Count the chosen day's figures in a worker (a newer request wins over one under way)."""
        day = self.selected_day()
        self._loading_day = day
        self.status.setText(self.tr("Counting {day}…").format(day=day.isoformat()))
        for button in self.summary_buttons:
            button.setEnabled(False)
        database = self.database
        run_task(
            lambda: daily_summary(database, day),
            lambda summary: self._show_summary(day, summary),
            lambda exc: self._summary_problem(day, exc),
            context=self,
        )

    def _show_summary(self, day: date, summary: DailySummary) -> None:
        if day != self._loading_day:
            return  # the person has moved on to another day
        from orderapp.documents.daily_report import day_heading, figure_lines
        from orderapp.documents.words import long_date, weekday

        self.summary = summary
        self.problem.hide()
        self.status.setText(
            self.tr("{day}, in the shop's time zone ({zone}).").format(day=day_heading(day), zone=summary.timezone)
        )
        table = self.figures_table
        days = (summary.figures, summary.previous_day, summary.last_week)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Figure"),
                # On two lines like the others: in one ("Wednesday, December 2, 2026") the column was so wide
                # that at 1024 px its right-aligned figures were off to the right, out of sight.
                f"{weekday(day)}\n{long_date(day)}",
                self.tr("Day before\n{day}").format(day=long_date(summary.previous_day.day)),
                self.tr("Week before\n{day}").format(day=long_date(summary.last_week.day)),
            ]
        )
        table.clearSpans()
        rows: list[tuple[str, list[str] | None]] = []
        section = ""
        for line in figure_lines():
            if line.section != section:
                section = line.section
                rows.append((section, None))
            rows.append((line.label, [line.text(figures, summary.currency) for figures in days]))
        table.setRowCount(len(rows))
        bold = QFont(table.font())
        bold.setBold(True)
        for row, (label, values) in enumerate(rows):
            first = set_text(table, row, 0, label if values is None else "    " + label)
            if values is None:
                first.setFont(bold)
                table.setSpan(row, 0, 1, 4)
                continue
            for column, value in enumerate(values, start=1):
                item = set_text(table, row, column, value, figure=True)
                if column == 1:
                    item.setFont(bold)
        self.chart_title.setText(self.tr("Sales by hour (net, {currency})").format(currency=summary.currency))
        self.chart.show_values(summary.figures.sales_by_hour, summary.currency)
        top = self.top_table
        products = summary.figures.top_products
        top.setRowCount(len(products))
        for row, product in enumerate(products):
            name = set_text(top, row, 0, f"{row + 1}. {product.name}")
            name.setToolTip(f"{product.sku}  {product.name}")
            for column, value in ((1, f"{product.quantity:,}"), (2, format_money(product.net_cents, summary.currency))):
                set_text(top, row, column, value, figure=True)
        for button in self.summary_buttons:
            button.setEnabled(True)
        self.summary_loaded.emit(summary)

    def _summary_problem(self, day: date, exc: BaseException) -> None:
        if day != self._loading_day:
            return
        message = self.tr("The figures for {day} could not be counted ({reason}).").format(
            day=day.isoformat(), reason=self._reason(exc)
        )
        self.status.setText("")
        self.problem.setText(message)
        self.problem.show()
        self.summary_failed.emit(message)

    def make_summary_pdf(self, then: str = "preview") -> None:
        """Make the printed summary of the day on screen; ``then`` is preview, print or save."""
        summary = self.summary
        if summary is None:
            return
        database = self.database
        list_paper, language = self.list_paper.currentData(), self.paperwork_language.currentData()
        self.run_document(
            lambda batch: documents.daily_summary_pdf(
                database, summary.day, summary=summary, paper=list_paper, language=language, batch=batch
            ),
            1,
            self.tr("Daily summary {day}").format(day=summary.day.isoformat()),
            then=then,
        )

    # -- paperwork --------------------------------------------------------------------------------

    def _setup_paperwork(self) -> None:
        form = self.form
        self.slips_status = child(form, QComboBox, "slips_status")
        for status in (
            OrderStatus.CONFIRMED,
            OrderStatus.PICKING,
            OrderStatus.PACKED,
            OrderStatus.RECEIVED,
            OrderStatus.ON_HOLD,
        ):
            self.slips_status.addItem(_status_text(self, status), status.value)
        self.slip_orders = child(form, QLineEdit, "slip_orders")
        self.slip_orders_error = child(form, QLabel, "slip_orders_error")
        self.label_skus = child(form, QLineEdit, "label_skus")
        self.label_skus_error = child(form, QLabel, "label_skus_error")
        self.label_sheet = child(form, QComboBox, "label_sheet")
        sheet_names = {
            "a4-3x8": self.tr("A4, 3 × 8 labels (70 × 37 mm)"),
            "avery-5160": self.tr("Letter, Avery 5160 (30 labels)"),
            "50x30": self.tr("Label printer, 50 × 30 mm"),
        }
        for key in SHEET_KEYS:
            self.label_sheet.addItem(sheet_names[key], key)
        self.label_shelf = child(form, QCheckBox, "label_shelf")
        self.label_copies = child(form, QSpinBox, "label_copies")
        self.slip_paper = child(form, QComboBox, "slip_paper")
        self.list_paper = child(form, QComboBox, "list_paper")
        paper_names = {
            "a4": self.tr("A4"),
            "a5": self.tr("A5"),
            "letter": self.tr("Letter"),
            "4x6": self.tr("4 × 6 in label"),
        }
        for key in PAPER_KEYS:
            self.slip_paper.addItem(paper_names[key], key)
            if key != "4x6":
                self.list_paper.addItem(paper_names[key], key)
        self.paperwork_language = child(form, QComboBox, "paperwork_language")
        language_names = {
            "": self.tr("As the window"),
            "en": self.tr("English"),
            "zh_CN": self.tr("Chinese"),
            "both": self.tr("English and Chinese"),
        }
        for key in LANGUAGE_KEYS:
            self.paperwork_language.addItem(language_names[key], key)
        self.show_prices = child(form, QCheckBox, "slip_show_prices")
        self.slip_footer = child(form, QPlainTextEdit, "slip_footer")
        self.slip_footer_error = child(form, QLabel, "slip_footer_error")
        self.settings_message = child(form, QLabel, "document_settings_message")
        for label in (self.slip_orders_error, self.label_skus_error, self.slip_footer_error):
            label.hide()

        child(form, QPushButton, "make_status_slips").clicked.connect(self.make_status_slips)
        child(form, QPushButton, "make_order_slips").clicked.connect(self.make_order_slips)
        child(form, QPushButton, "make_pick_list").clicked.connect(self.make_pick_list)
        child(form, QPushButton, "make_labels").clicked.connect(self.make_labels)
        child(form, QPushButton, "save_document_settings").clicked.connect(self.save_settings)
        self.slip_orders.textEdited.connect(lambda _text: self.slip_orders_error.hide())
        self.label_skus.textEdited.connect(lambda _text: self.label_skus_error.hide())
        database = self.database
        run_task(lambda: load_document_settings(database), self.show_settings, self._settings_failed, context=self)

    def show_settings(self, settings: DocumentSettings) -> None:
        self.slip_paper.setCurrentIndex(max(0, self.slip_paper.findData(settings.slip_paper)))
        self.list_paper.setCurrentIndex(max(0, self.list_paper.findData(settings.list_paper)))
        self.label_sheet.setCurrentIndex(max(0, self.label_sheet.findData(settings.label_sheet)))
        self.paperwork_language.setCurrentIndex(max(0, self.paperwork_language.findData(settings.paperwork_language)))
        self.show_prices.setChecked(settings.show_prices)
        self.slip_footer.setPlainText(settings.slip_footer)

    def document_settings(self) -> DocumentSettings:
        return DocumentSettings(
            slip_paper=str(self.slip_paper.currentData()),
            show_prices=self.show_prices.isChecked(),
            slip_footer=self.slip_footer.toPlainText(),
            list_paper=str(self.list_paper.currentData()),
            label_sheet=str(self.label_sheet.currentData()),
            paperwork_language=str(self.paperwork_language.currentData()),
        )

    def save_settings(self) -> None:
        """Saved in a worker, like every database write from a screen."""
        self.slip_footer_error.hide()
        database, settings, user_id = self.database, self.document_settings(), self.context.user_id
        run_task(
            lambda: save_document_settings(database, settings, user_id=user_id),
            lambda _saved: self.settings_message.setText(self.tr("Saved. Paperwork is now printed this way.")),
            self._settings_failed,
            context=self,
        )

    def _settings_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            for error in exc.errors:
                if error.field == "slip_footer":
                    self.slip_footer_error.setText(error.message)
                    self.slip_footer_error.show()
            self.settings_message.setText(self.tr("Not saved: put right what is marked."))
        elif isinstance(exc, OrderAppError):
            self.settings_message.setText(str(exc))
        else:
            raise exc

    def _slip_builder(
        self, numbers: list[str] | None, status: OrderStatus | None = None
    ) -> Callable[[Batch], PrintResult]:
        """Slips made by the one slips service, with the options as shown (saved or not)."""
        database = self.database
        settings = self.document_settings()
        return lambda batch: documents.slips_pdf(
            database,
            numbers,
            status=status,
            paper=settings.slip_paper,
            show_prices=settings.show_prices,
            footer=settings.slip_footer,
            language=settings.paperwork_language,
            batch=batch,
        )

    def make_status_slips(self) -> None:
        """Slips for every order in the chosen status (e.g. all confirmed orders), as one PDF."""
        status = OrderStatus(self.slips_status.currentData())
        self.run_document(
            self._slip_builder(None, status),
            0,
            self.tr("Packing slips: {status}").format(status=_status_text(self, status)),
        )

    def _typed_orders(self) -> list[str] | None:
        """The order numbers typed, once each is known (else the unknown ones are named under the field)."""
        from orderapp.services.documents import paperwork

        numbers = paperwork.parse_list(self.slip_orders.text())
        try:
            if not numbers:
                raise paperwork.BadPrintRequest(self.tr("Type one or more order numbers, e.g. SO-000123."))
            paperwork.order_ids(self.database, numbers)
            return numbers
        except OrderAppError as exc:
            self.slip_orders_error.setText(str(exc))
            self.slip_orders_error.show()
            return None

    def make_order_slips(self) -> None:
        numbers = self._typed_orders()
        if numbers is None:
            return
        self.run_document(self._slip_builder(numbers), len(numbers), self.tr("Packing slips"))

    def make_pick_list(self) -> None:
        numbers = self._typed_orders()
        if numbers is None:
            return
        database = self.database
        settings = self.document_settings()
        self.run_document(
            lambda batch: documents.pick_list_pdf(
                database, numbers, paper=settings.list_paper, language=settings.paperwork_language, batch=batch
            ),
            1,
            self.tr("Pick list"),
        )

    def make_labels(self) -> None:
        from orderapp.services.documents import paperwork

        skus = paperwork.parse_list(self.label_skus.text())
        try:
            if not skus:
                raise paperwork.BadPrintRequest(self.tr("Type one or more SKUs, e.g. TEA-000001."))
            paperwork.label_products(self.database, skus)  # unknown SKUs are named under the field at once
        except OrderAppError as exc:
            self.label_skus_error.setText(str(exc))
            self.label_skus_error.show()
            return
        database = self.database
        settings = self.document_settings()
        shelf = self.label_shelf.isChecked()
        copies = self.label_copies.value()
        self.run_document(
            lambda batch: documents.labels_pdf(
                database,
                skus,
                sheet=settings.label_sheet,
                shelf=shelf,
                copies=copies,
                language=settings.paperwork_language,
                batch=batch,
            ),
            len(skus) * copies,
            self.tr("Labels"),
        )

    # -- making and showing a document ------------------------------------------------------------

    def run_document(
        self, build: Callable[[Batch], PrintResult], total: int, title: str, *, then: str = "preview"
    ) -> DocumentJob | None:
        """Make a PDF in a worker with a progress dialog; then show it (or go straight to print/save)."""
        if self.job is not None and self.job.running:
            return None
        job = DocumentJob(build, total, self)
        self.job = job
        self.progress = progress_dialog(job, self.tr("Making {title}…").format(title=title), self)
        job.finished.connect(lambda result: self._document_made(result, then))
        job.failed.connect(self._document_failed)
        job.cancelled.connect(lambda: self.status.setText(self.tr("Stopped; nothing was made.")))
        job.start()
        return job

    def _document_made(self, result: PrintResult, then: str) -> None:
        preview = PrintPreview(result.data, result.title, result.file_name, self, warnings=result.warnings)
        self.preview = preview
        if result.warnings and then != "preview":  # said before the print dialog, as the preview says it
            QMessageBox.warning(self, result.title, "\n".join(result.warnings))
        if then == "print":
            preview.print_with_dialog()
        elif then == "save":
            preview.save_with_dialog()
        else:
            preview.show()
        self.document_ready.emit(preview)

    def _document_failed(self, message: str) -> None:
        self.status.setText(message)
        self.problem.setText(message)
        self.problem.show()
        self.document_failed.emit(message)

    def _reason(self, exc: BaseException) -> str:
        if isinstance(exc, OrderAppError):
            return str(exc)
        log.error("a report failed", exc_info=exc)
        return f"{type(exc).__name__}: {exc}"


def _status_text(widget: QWidget, status: OrderStatus) -> str:
    from orderapp.services.orders.lifecycle import status_label

    return status_label(status)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def create_screen(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return ReportsScreen(context, parent)
