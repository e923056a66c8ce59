"""The fonts printed documents use: a TrueType CJK font shipped in ``resources/fonts``, and, for the
characters it lacks, a font of the PC found the way fontconfig would.

WenQuanYi Micro Hei covers Latin, Chinese (simplified and traditional), Japanese kana and Korean
Hangul, so one embedded font prints nearly every name and address the same on any PC. ReportLab can
embed TrueType outlines only (not CFF/OpenType-PS fonts such as Noto CJK), hence this font.

A name in Arabic, Hebrew or with an emoji has no glyph in it. Such characters are printed in a font
of the PC that has them: first known fonts in the usual font folders of Windows, macOS and Linux
(``FALLBACK_FILES``), then whatever ``fc-list`` names for the character where fontconfig is
installed; a font ReportLab cannot embed (CFF outlines, colour bitmaps) is skipped. A character no
font has is printed as "?" and remembered: ``collect_missing()`` gathers them while a document is
made, so the service can warn before anything is printed. Nothing is ever printed blank.

Registration is lazy and happens once per process: importing the app does not pay for ReportLab.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from orderapp.errors import OrderAppError
from orderapp.i18n import _
from orderapp.paths import bundled_dir

log = logging.getLogger(__name__)

FONT = "OrderAppCJK"
FONT_FILE = "WenQuanYiMicroHei.ttf"
REPLACEMENT = "?"

# Fonts with TrueType outlines worth trying first, by file name (any case), most useful first.
FALLBACK_FILES = (
    "DejaVuSans.ttf",  # Linux: Arabic, Hebrew, Greek, Cyrillic, many symbols
    "NotoSans-Regular.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoSansHebrew-Regular.ttf",
    "FreeSans.ttf",
    "arial.ttf",  # Windows: Arabic and Hebrew
    "tahoma.ttf",
    "segoeui.ttf",
    "Arial Unicode.ttf",  # macOS
    "seguiemj.ttf",  # Windows: emoji (outlines)
    "seguisym.ttf",
    "NotoEmoji-Regular.ttf",  # monochrome emoji
    "Symbola.ttf",
    "NotoSansSymbols2-Regular.ttf",
    "NotoSansSymbols-Regular.ttf",
)

_lock = threading.RLock()
_names = itertools.count(1)
_missing: ContextVar[set[str] | None] = ContextVar("unprintable_characters", default=None)


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
    """Every character of ``text`` is in the document font itself."""
    return covered_characters().issuperset(map(ord, text))


# -- fonts of the PC for what the document font lacks ---------------------------------------------


def font_folders() -> list[Path]:
    """Where Windows, macOS and Linux keep fonts, for this system, the folders that exist."""
    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        folders = [windows / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    elif sys.platform == "darwin":
        folders = [
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    else:
        data = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
        folders = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), data / "fonts", home / ".fonts"]
    return [folder for folder in folders if folder.is_dir()]


@cache
def _installed_fonts() -> dict[str, Path]:
    """TrueType files in the font folders (and their subfolders), by lower-case file name."""
    found: dict[str, Path] = {}
    for folder in font_folders():
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith(".ttf"):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


class _Fallbacks:
    """Fonts of the PC loaded so far and which font prints each character asked about."""

    def __init__(self) -> None:
        self.loaded: list[tuple[str, frozenset[int]]] = []
        self.tried: set[Path] = set()
        self.font_of: dict[int, str | None] = {}

    def font_for(self, code: int) -> str | None:
        if code in self.font_of:
            return self.font_of[code]
        found = next((name for name, covered in self.loaded if code in covered), None)
        if found is None:
            found = self._search(code)
        self.font_of[code] = found
        return found

    def _search(self, code: int) -> str | None:
        installed = _installed_fonts()
        candidates = [installed[name.lower()] for name in FALLBACK_FILES if name.lower() in installed]
        for path in [*candidates, *_fontconfig_candidates(code)]:
            if path in self.tried:
                continue
            loaded = self._load(path)
            if loaded is not None and code in loaded[1]:
                return loaded[0]
        return None

    def _load(self, path: Path) -> tuple[str, frozenset[int]] | None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        self.tried.add(path)
        name = f"OrderAppFallback{next(_names)}"  # never reused: ReportLab's registry is per process
        try:
            font = TTFont(name, str(path))
        except (TTFError, OSError, ValueError, KeyError, IndexError) as exc:  # CFF outlines, bitmaps, damage
            log.info("font %s cannot be embedded in a PDF: %s", path, exc)
            return None
        pdfmetrics.registerFont(font)
        covered = frozenset(code for code in font.face.charToGlyph if code > 0x20)
        self.loaded.append((name, covered))
        log.info("printing characters the document font lacks with %s", path)
        return name, covered


def _fontconfig_candidates(code: int) -> list[Path]:
    """Fonts fontconfig says have the character (where ``fc-list`` exists), TrueType files only."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        result = subprocess.run(
            [fc_list, f":charset={code:x}", "file"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    paths = [Path(line.strip().rstrip(":")) for line in result.stdout.splitlines() if line.strip()]
    return sorted((path for path in paths if path.suffix.lower() == ".ttf"), key=str)


_fallbacks = _Fallbacks()


def _invisible(char: str) -> bool:
    """Joiners and variation selectors (in emoji sequences): nothing to print, nothing missing."""
    return unicodedata.category(char) == "Cf" or "\ufe00" <= char <= "\ufe0f"


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` cut into (font, text) pieces that each font can print, in order.

    A character no font has becomes ``REPLACEMENT`` in the document font and is noted for
    ``collect_missing``; invisible joiners are left out.
    """
    primary = register_font()
    covered = covered_characters()
    if single_font(text):
        return [(primary, text)] if text else []
    pieces: list[tuple[str, str]] = []
    with _lock:
        for char in text:
            code = ord(char)
            if code in covered:
                font: str | None = primary
            elif _invisible(char):
                continue
            else:
                font = _fallbacks.font_for(code)
            if font is None:
                _note_missing(char)
                font, char = primary, REPLACEMENT
            if pieces and pieces[-1][0] == font:
                pieces[-1] = (font, pieces[-1][1] + char)
            else:
                pieces.append((font, char))
    return pieces


def single_font(text: str) -> bool:
    """Every character is in the document font (the common case: one drawString, no search)."""
    return text.isascii() or covered_characters().issuperset(map(ord, text))


def width(text: str, size: float) -> float:
    """How wide ``text`` prints at ``size`` points, whichever fonts it needs."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if single_font(text):
        return float(stringWidth(text, register_font(), size))
    return float(sum(stringWidth(piece, font, size) for font, piece in runs(text)))


def can_print(text: str) -> bool:
    """Every visible character of ``text`` has a glyph in the document font or a font of the PC."""
    if single_font(text):
        return True
    register_font()
    covered = covered_characters()
    with _lock:
        return all(
            ord(char) in covered or _invisible(char) or _fallbacks.font_for(ord(char)) is not None for char in text
        )


def _note_missing(char: str) -> None:
    missing = _missing.get()
    if missing is not None:
        missing.add(char)


@contextlib.contextmanager
def collect_missing() -> Iterator[set[str]]:
    """While inside, the characters printed as ``REPLACEMENT`` are gathered in the set yielded."""
    found: set[str] = set()
    token = _missing.set(found)
    try:
        yield found
    finally:
        _missing.reset(token)


def missing_warning(missing: set[str]) -> str:
    """A sentence naming the characters no font could print (for the warning before printing)."""
    shown = " ".join(f"U+{ord(char):04X}" for char in sorted(missing)[:12]) + (" …" if len(missing) > 12 else "")
    return _(
        "Some characters have no font on this PC and print as “{replacement}”: {characters}. "
        "Install a font that has them (e.g. Noto Sans or Segoe UI Emoji) to print them as written."
    ).format(replacement=REPLACEMENT, characters=shown)
