"""Load the Qt Designer forms in the top-level ``ui/`` folder at run time (never copied into Python)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QCompleter, QWidget

from orderapp.paths import bundled_dir

W = TypeVar("W", bound=QObject)

_loader: QUiLoader | None = None


def load_form(name: str, parent: QWidget) -> QWidget:
    """The form ``ui/<name>`` as a child widget of ``parent``. Its texts go through Qt's translators."""
    global _loader
    if _loader is None:
        _loader = QUiLoader()
    path = bundled_dir("ui") / name
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"form {path} cannot be read: {file.errorString()}")
    try:
        form = _loader.load(file, parent)
    finally:
        file.close()
    if form is None:
        raise RuntimeError(f"form {path} cannot be loaded: {_loader.errorString()}")
    return form


def child(form: QObject, kind: type[W], name: str) -> W:
    """The widget called ``name`` in ``form``; a missing one is a bug in the form, said plainly."""
    found = form.findChild(kind, name)
    if found is None:
        raise LookupError(f"{form.objectName()} has no {kind.__name__} called {name!r}")
    return found


def hide_completion(completer: QCompleter) -> bool:
    """Esc: close ``completer``'s list if it is open (True when it was)."""
    popup = completer.popup()
    if popup is not None and popup.isVisible():
        popup.hide()
        return True
    return False
