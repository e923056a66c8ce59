"""The one font every printed document uses: a TrueType CJK font shipped in ``resources/fonts``.

WenQuanYi Micro Hei covers Latin, Chinese (simplified and traditional), Japanese kana and Korean
Hangul, so one embedded font prints every name and address the same on any PC. ReportLab can embed
TrueType outlines only (not CFF/OpenType-PS fonts such as Noto CJK), hence this font.

Registration is lazy and happens once per process: importing the app does not pay for ReportLab.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.paths import bundled_dir

FONT = "OrderAppCJK"
FONT_FILE = "WenQuanYiMicroHei.ttf"

_lock = threading.Lock()


class FontMissing(OrderAppError):
    """The shipped font file is not where the app expects it (a broken installation)."""


def font_path() -> Path:
    return bundled_dir("resources") / "fonts" / FONT_FILE


@cache
def _registered() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = font_path()
    if not path.is_file():
        raise FontMissing(
            _("The font for printing ({path}) is missing; reinstall OrderApp to restore it.").format(path=path)
        )
    pdfmetrics.registerFont(TTFont(FONT, str(path)))
    return FONT


def register_font() -> str:
    """Register the document font with ReportLab (once) and return its name."""
    with _lock:
        return _registered()


@cache
def covered_characters() -> frozenset[int]:
    """The code points the document font has a glyph for."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(register_font())
    return frozenset(font.face.charToGlyph)


def has_glyphs(text: str) -> bool:
    covered = covered_characters()
    return all(ord(char) in covered for char in text)
