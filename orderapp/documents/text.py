"""Text for the printed page: cleaning user text, measuring it, and wrapping it to a width.

Documents draw user text with the canvas (``drawString``), which prints every character as it is:
``<``, ``&`` and quotes in a customer's name are never parsed as markup. ``paragraph_markup`` is
for the rare place that hands user text to a ReportLab ``Paragraph`` (which does parse markup).

Wrapping breaks Latin text between words and CJK text between any two characters; a word wider
than the line (a 500-character name without a space) is cut between characters, so no text ever
runs past the width it was given.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from orderapp.documents.fonts import width as printed_width

ELLIPSIS = "…"

# Control characters other than newline would print as boxes or upset the PDF text operators.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# A token is a run of spaces, a single wide (CJK, kana, Hangul, full-width) character, or a word.
_WIDE = (
    "\u1100-\u11ff\u2e80-\u2fdf\u2ff0-\u303f\u3040-\u31ff\u3200-\u9fff\ua000-\ua4cf\uac00-\ud7af"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"
)
_TOKENS = re.compile(rf"[ ]+|[{_WIDE}]|[^ {_WIDE}]+")
# Punctuation that must not begin a line (kinsoku): it stays with the character before it.
_NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉,.;:?!)]}%")


def clean(text: str) -> str:
    """User text made safe to print: tabs and carriage returns become spaces, control characters go."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """``clean`` with line breaks turned into ", " (for a single-line field such as a city)."""
    return ", ".join(part.strip() for part in clean(text).split("\n") if part.strip())


def paragraph_markup(text: str) -> str:
    """User text escaped for ReportLab ``Paragraph`` markup, line breaks kept."""
    return escape(clean(text), {'"': "&quot;", "'": "&#39;"}).replace("\n", "<br/>")


def text_width(text: str, size: float) -> float:
    return printed_width(text, size)


def wrap(text: str, size: float, width: float, *, max_lines: int | None = None) -> list[str]:
    """``text`` broken into lines no wider than ``width`` at ``size`` points.

    Line breaks in the text are kept; empty text gives no lines. With ``max_lines`` the last line
    kept ends in an ellipsis when text was left out (labels, where the space is fixed).
    """
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        lines.extend(_wrap_paragraph(paragraph.rstrip(), size, width))
    while lines and not lines[-1]:
        lines.pop()
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = fit(lines[-1] + ELLIPSIS, size, width)
    return lines


def fit(text: str, size: float, width: float) -> str:
    """One line of ``text`` cut (with an ellipsis) to fit ``width``."""
    line = one_line(text)
    if printed_width(line, size) <= width:
        return line
    keep = line.removesuffix(ELLIPSIS)
    low, high = 0, len(keep)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if printed_width(keep[:middle] + ELLIPSIS, size) <= width:
            low = middle
        else:
            high = middle - 1
    return keep[:low].rstrip() + ELLIPSIS if low else ""


def _wrap_paragraph(paragraph: str, size: float, width: float) -> list[str]:
    if not paragraph:
        return [""]
    if printed_width(paragraph, size) <= width:
        return [paragraph]
    lines: list[str] = []
    line = ""
    line_width = 0.0
    for token in _TOKENS.findall(paragraph):
        if not line and token[0] == " " and lines:
            continue  # no line but the first starts with spaces
        token_width = printed_width(token, size)
        if line_width + token_width <= width:
            line += token
            line_width += token_width
            continue
        if token[0] == " ":  # a break: the spaces are dropped
            if line:
                lines.append(line)
            line, line_width = "", 0.0
            continue
        if token in _NO_LINE_START and line:
            # Take the last character down with the punctuation rather than start a line with it.
            lines.append(line[:-1].rstrip())
            token = line[-1] + token
            token_width = printed_width(token, size)
            line, line_width = "", 0.0
        elif line:
            lines.append(line.rstrip())
            line, line_width = "", 0.0
        while token_width > width:  # a word longer than the line: cut it between characters
            cut = _longest_prefix(token, size, width)
            lines.append(token[:cut])
            token = token[cut:]
            token_width = printed_width(token, size)
        line, line_width = token, token_width
    if line.strip():
        lines.append(line.rstrip())
    return [item for item in lines if item] or [""]


def _longest_prefix(token: str, size: float, width: float) -> int:
    low, high = 1, len(token)
    while low < high:
        middle = (low + high + 1) // 2
        if printed_width(token[:middle], size) <= width:
            low = middle
        else:
            high = middle - 1
    return low  # at least one character per line, however narrow
