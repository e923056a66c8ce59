"""Translation hook for user-visible text produced outside the GUI.

The GUI translates its own strings with Qt's ``tr()``; the core marks its messages with ``_()``
so that the same catalogue tools can extract them. Catalogues live in ``resources/locale``.
"""

from __future__ import annotations

import gettext

from orderapp.paths import bundled_dir

_translation: gettext.NullTranslations = gettext.NullTranslations()


def install(language: str | None) -> None:
    """Switch the core's messages to ``language`` (e.g. "zh_CN"); unknown languages fall back to English."""
    global _translation
    languages = [language] if language else None
    _translation = gettext.translation(
        "orderapp", localedir=str(bundled_dir("resources") / "locale"), languages=languages, fallback=True
    )


def _(message: str) -> str:
    return _translation.gettext(message)
