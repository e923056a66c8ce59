"""Colours and emphasis come from resources/style.qss, keyed on two dynamic properties:

- ``role``: what a widget is ("error", "note", "hint", "problem", "heading", "tile", ...), set once;
- ``state``: how it stands now ("problem", "done", "short", "backordered", "changed", "alert", "" for
  plain), set as things change.

Screens never call ``setStyleSheet``; they set these and the application's style sheet paints them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_role(widget: QWidget, role: str) -> None:
    _set(widget, "role", role)


def set_state(widget: QWidget, state: str) -> None:
    _set(widget, "state", state)


def _set(widget: QWidget, name: str, value: str) -> None:
    if (widget.property(name) or "") == value:
        return
    widget.setProperty(name, value)
    # A dynamic property is not watched by the style: polish again so the sheet's rule applies now.
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
