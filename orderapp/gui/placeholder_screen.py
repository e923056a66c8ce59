"""A screen still to come: its name and one sentence about what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderScreen(QWidget):
    def __init__(self, key: str, heading: str, sentence: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"screen_{key}")
        self.heading = QLabel(heading)
        self.heading.setObjectName("heading")
        self.heading.setProperty("role", "heading")
        font = self.heading.font()
        font.setPointSize(18)
        font.setBold(True)
        self.heading.setFont(font)
        self.sentence = QLabel(sentence)
        self.sentence.setObjectName("coming_soon")
        self.sentence.setWordWrap(True)
        self.sentence.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.sentence)
        layout.addStretch(1)
