"""Settings: "Test your scanner". Scan a barcode and see what the USB scanner sent (the text, the time
between its keys, how it ends), whether this PC's setting takes it as a scanner, and a suggested
setting. The setting (the largest gap between two keys of one burst) belongs to this PC and applies
at once to every screen; it is not part of the shop's settings and their Save."""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orderapp.gui.scanner_input import GAP_RANGE_MS, Burst, WedgeScannerFilter, scanner_gap_ms, set_scanner_gap_ms

LISTEN_GAP_MS = 250  # while testing, even a very slow scanner's keys make one burst
SLOWEST_SCANNER_MS = 150  # slower than this is a person typing


def suggested_gap_ms(burst: Burst) -> int | None:
    """A setting that takes this scanner's bursts with room to spare, or None when it looks like typing."""
    largest = burst.largest_gap_ms
    if len(burst.text) < 2 or largest > SLOWEST_SCANNER_MS:
        return None
    value = 5 * math.ceil((largest * 1.5 + 10) / 5)
    return min(max(value, 30), GAP_RANGE_MS[1])


class ScannerTestGroup(QGroupBox):
    burst_shown = Signal(object)  # Burst, once its description is on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanner_test_group")
        self.setTitle(self.tr("Test your scanner"))
        self._probe: WedgeScannerFilter | None = None
        self._suggestion: int | None = None

        intro = QLabel(
            self.tr(
                "Press Start, then scan any barcode, e.g. a packing slip. You see what the USB scanner sent "
                "and whether OrderApp takes it as a scan. This setting is kept on this PC."
            )
        )
        intro.setObjectName("scanner_test_intro")
        intro.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Start the test"))
        self.start_button.setObjectName("scanner_test_start")
        self.start_button.setCheckable(True)
        self.listening = QLabel("")
        self.listening.setObjectName("scanner_test_listening")
        self.listening.setWordWrap(True)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_button)
        start_row.addWidget(self.listening, 1)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.received = self._row(grid, 0, self.tr("Received:"), "scanner_test_text")
        self.suffix = self._row(grid, 1, self.tr("Ends with:"), "scanner_test_suffix")
        self.gaps = self._row(grid, 2, self.tr("Time between keys:"), "scanner_test_gaps")
        self.verdict = self._row(grid, 3, self.tr("With this PC's setting:"), "scanner_test_verdict")

        gap_label = QLabel(self.tr("Lon&gest pause inside a scan:"))
        self.gap = QSpinBox()
        self.gap.setObjectName("scanner_gap_ms")
        self.gap.setRange(*GAP_RANGE_MS)
        self.gap.setSuffix(self.tr(" ms"))
        self.gap.setValue(scanner_gap_ms())
        gap_label.setBuddy(self.gap)
        self.use_suggestion = QPushButton(self.tr("&Use the suggestion"))
        self.use_suggestion.setObjectName("scanner_use_suggestion")
        self.use_suggestion.setEnabled(False)
        gap_row = QHBoxLayout()
        gap_row.addWidget(gap_label)
        gap_row.addWidget(self.gap)
        gap_row.addWidget(self.use_suggestion)
        gap_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(start_row)
        layout.addLayout(grid)
        layout.addLayout(gap_row)

        self.start_button.toggled.connect(self._toggled)
        self.gap.valueChanged.connect(self._gap_changed)
        self.use_suggestion.clicked.connect(self._apply_suggestion)

    def _row(self, grid: QGridLayout, row: int, title: str, name: str) -> QLabel:
        grid.addWidget(QLabel(title), row, 0)
        value = QLabel("—")
        value.setObjectName(name)
        value.setWordWrap(True)
        grid.addWidget(value, row, 1)
        return value

    # -- listening -----------------------------------------------------------------------------

    def start(self) -> None:
        self.start_button.setChecked(True)

    def stop(self) -> None:
        self.start_button.setChecked(False)

    def _toggled(self, on: bool) -> None:
        if on and self._probe is None:
            self._probe = WedgeScannerFilter(self, max_gap_ms=LISTEN_GAP_MS, min_length=2)
            self._probe.burst_ended.connect(self.show_burst)
            self.start_button.setText(self.tr("Stop the t&est"))
            self.listening.setText(self.tr("Listening: scan a barcode now."))
        elif not on and self._probe is not None:
            probe, self._probe = self._probe, None
            probe.flush()
            probe.deleteLater()
            self.start_button.setText(self.tr("Start the test"))
            self.listening.setText("")

    def show_burst(self, burst: Burst) -> None:
        self.received.setText(burst.text or "—")
        suffixes = {
            "Enter": self.tr("Enter"),
            "Tab": self.tr("Tab"),
            "CR+LF": self.tr("Enter and line feed (CR+LF)"),
            "none": self.tr("nothing (the pause ends the code)"),
        }
        self.suffix.setText(suffixes.get(burst.suffix, burst.suffix))
        if burst.gaps_ms:
            shown = ", ".join(str(round(gap)) for gap in burst.gaps_ms[:40])
            self.gaps.setText(
                self.tr("{gaps} ms (longest {largest} ms)").format(gaps=shown, largest=round(burst.largest_gap_ms))
            )
        else:
            self.gaps.setText("—")
        setting = self.gap.value()
        taken = burst.largest_gap_ms <= setting and len(burst.text) >= 4
        self._suggestion = suggested_gap_ms(burst)
        if self._suggestion is None:
            text = self.tr("This looks like typing by hand, not a scanner (keys more than {most} ms apart).").format(
                most=SLOWEST_SCANNER_MS
            )
        elif taken:
            text = self.tr("taken as a scan ({setting} ms). Suggested: {suggested} ms.").format(
                setting=setting, suggested=self._suggestion
            )
        else:
            text = self.tr(
                "NOT taken as a scan: its keys come up to {largest} ms apart, more than {setting} ms. "
                "Use the suggestion: {suggested} ms."
            ).format(largest=round(burst.largest_gap_ms), setting=setting, suggested=self._suggestion)
        self.verdict.setText(text)
        self.use_suggestion.setEnabled(self._suggestion is not None and self._suggestion != setting)
        self.burst_shown.emit(burst)

    def _apply_suggestion(self) -> None:
        if self._suggestion is not None:
            self.gap.setValue(self._suggestion)
            self.use_suggestion.setEnabled(False)

    def _gap_changed(self, value: int) -> None:
        set_scanner_gap_ms(value)

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop()  # leaving Settings: keys typed elsewhere are nobody's test
        super().hideEvent(event)
