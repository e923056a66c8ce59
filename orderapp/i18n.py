"""Translation hook for user-visible text produced outside the GUI.

The GUI translates its own strings with Qt's ``tr()``; the core marks its messages with ``_()``
(and ``ngettext()`` for counted things: "1 page", "2 pages") so that the same catalogue tools can
extract them. Catalogues live in ``resources/locale``. Printed paperwork may speak another language
than the window: ``orderapp.documents.words`` picks the catalogue for it with ``translation()``.
"""

from __future__ import annotations

import gettext
import os
from functools import cache

from orderapp.paths import bundled_dir

DOMAIN = "orderapp"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language: str | None = None  # None until install(): the command line then goes by the environment


@cache
def translation(language: str) -> gettext.NullTranslations:
    """The core's catalogue for ``language`` (e.g. "zh_CN"); English (the messages as written) when none."""
    return gettext.translation(
        DOMAIN, localedir=str(bundled_dir("resources") / "locale"), languages=[language], fallback=True
    )


def install(language: str | None) -> None:
    """Switch the core's messages to ``language`` (e.g. "zh_CN"); unknown languages fall back to English."""
    global _translation, _language
    languages = [language] if language else None
    _translation = gettext.translation(
        DOMAIN, localedir=str(bundled_dir("resources") / "locale"), languages=languages, fallback=True
    )
    _language = language or "en"


def language() -> str:
    """The language the app speaks (e.g. "zh_CN", "en"): as installed by the window, else what
    ``ORDERAPP_LANGUAGE`` or the system's locale variables say (the command line)."""
    if _language is not None:
        return _language
    return _environment_language()


@cache
def _environment_language() -> str:
    for variable in ("ORDERAPP_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "").split(".")[0]
        if value:
            return "en" if value in ("C", "POSIX") else value
    return "en"


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """``singular`` or ``plural`` as the language counts ``count`` ("1 order", "2 orders"; 订单 either way)."""
    return _translation.ngettext(singular, plural, count)
