"""Settings > Language of the window: the choice the first-run wizard made, changed later.

It belongs to this PC (QSettings, read by ``gui/app.py ui_locale`` at start), not to the shop: two PCs of one
shop may speak different languages. It is stored as soon as it is chosen and applies from the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QVBoxLayout, QWidget

LANGUAGE_SETTING = "language"  # the QSettings key gui/app.py's ui_locale reads the window's language from
LANGUAGES = (("en", "English"), ("zh_CN", "简体中文"))  # each in its own language


def chosen_language() -> str:
    """The window's language chosen on this PC (first-run wizard or Settings); "" for the system's."""
    return str(QSettings().value(LANGUAGE_SETTING, "") or "")


class LanguageGroup(QGroupBox):
    changed = Signal(str)  # the language code stored ("" for the system's)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("language_group")
        self.setTitle(self.tr("Language of the window"))
        self.choice = QComboBox()
        self.choice.setObjectName("window_language")
        self.choice.addItem(self.tr("The system's language"), "")
        for code, name in LANGUAGES:
            self.choice.addItem(name, code)
        self.note = QLabel(self.tr("On this PC; it applies the next time OrderApp starts."))
        self.note.setObjectName("language_note")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(self.note)
        row = self.choice.findData(chosen_language())
        self.choice.setCurrentIndex(max(row, 0))
        self.choice.currentIndexChanged.connect(self._store)

    def _store(self) -> None:
        code = str(self.choice.currentData() or "")
        if code:
            QSettings().setValue(LANGUAGE_SETTING, code)
        else:
            QSettings().remove(LANGUAGE_SETTING)
        self.changed.emit(code)


def add_language_group(form: QWidget) -> LanguageGroup:
    """Put the group in the Settings form, after the shop's rules (or at the end of a form without them)."""
    group = LanguageGroup(form)
    layout = form.layout()
    rules = form.findChild(QGroupBox, "rules_group")
    if isinstance(layout, QVBoxLayout) and rules is not None and layout.indexOf(rules) >= 0:
        layout.insertWidget(layout.indexOf(rules) + 1, group)
    elif layout is not None:
        layout.addWidget(group)
    return group
