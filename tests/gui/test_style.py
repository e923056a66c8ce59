"""Colours and emphasis come from resources/style.qss through the "role" and "state" properties, and
every screen shows a problem the same way (orderapp/gui/problems.py)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from orderapp.gui import problems
from orderapp.paths import bundled_dir

GUI = Path(__file__).resolve().parents[2] / "orderapp" / "gui"
SHEET = bundled_dir("resources") / "style.qss"
# Screens whose colours are still their own (packing and counts, the import dialogs: other work).
NOT_YET = {"packing_screen.py", "packing_dialogs.py", "order_import_dialog.py"}


def text_colour(label: QLabel) -> QColor:
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_a_problem_is_red_an_outcome_green_and_nothing_hides_the_line(qtbot: QtBot) -> None:
    host = QWidget()
    host.setStyleSheet(SHEET.read_text(encoding="utf-8"))
    label = QLabel(host)
    QVBoxLayout(host).addWidget(label)
    qtbot.addWidget(host)
    host.show()
    problems.prepare(label)
    plain = text_colour(label)
    problems.show_problem(label, "The database could not be read just now; try again in a moment.")
    assert label.isVisible() and label.property("state") == "problem"
    assert text_colour(label) == QColor("#b3261e") != plain
    assert problems.problem_shown(label).startswith("The database")
    problems.show_done(label, "Sale S-1 completed: ¥25.00.")
    assert text_colour(label) == QColor("#1b6e3a") and problems.problem_shown(label) == ""
    problems.show_problem(label, "")
    assert label.isHidden() and problems.problem_shown(label) == ""


def test_a_reserved_problem_line_keeps_its_height_whatever_it_says(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    problems.prepare(label, lines=2)
    label.show()
    height = label.height()
    for message in ("", "短", "A much longer sentence that wraps " * 6):
        problems.show_problem(label, message)
        assert label.isVisible() and label.height() == height


def test_screens_leave_colours_to_the_style_sheet() -> None:
    calls = {
        path.name: len(re.findall(r"\.setStyleSheet\(", path.read_text(encoding="utf-8")))
        for path in GUI.glob("*.py")
        if path.name not in NOT_YET | {"app.py"}
    }
    assert {name: n for name, n in calls.items() if n} == {}
    sheet = SHEET.read_text(encoding="utf-8")
    for state in ("problem", "done", "alert", "short", "backordered", "changed"):
        assert f'[state="{state}"]' in sheet
