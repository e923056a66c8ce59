"""Qt's own warnings fail the test that caused them; only the offscreen platform's noise is let through."""

from __future__ import annotations

import re

import pytest

OFFSCREEN_NOISE = [
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
]
REAL_WARNINGS = [
    "QObject::connect: No such signal QPushButton::clickedd()",
    'QLayout: Attempting to add QLayout "" to QWidget "", which already has a layout',
    "QPainter::begin: Paint device returned engine == 0, type: 2",
    "QWidget::setMinimumSize: (/QWidget) Negative sizes (-1,-1) are not possible",
]


def test_qt_warnings_fail_tests(pytestconfig: pytest.Config) -> None:
    assert pytestconfig.getini("qt_log_level_fail") == "WARNING"


@pytest.mark.parametrize("message", OFFSCREEN_NOISE)
def test_only_the_offscreen_platforms_noise_is_ignored(pytestconfig: pytest.Config, message: str) -> None:
    assert any(re.search(pattern, message) for pattern in pytestconfig.getini("qt_log_ignore"))


@pytest.mark.parametrize("message", REAL_WARNINGS)
def test_a_real_warning_is_not_ignored(pytestconfig: pytest.Config, message: str) -> None:
    assert not any(re.search(pattern, message) for pattern in pytestconfig.getini("qt_log_ignore"))
