"""The window half of ``orderapp selftest --window``: what only a running Qt app can prove in a bundle
(platform and image plugins, QtPdf, the Designer forms, Qt's and the app's catalogues, the main
window reaching idle on a real shop, and closing)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from orderapp.paths import bundled_dir

IDLE_TIMEOUT_MS = 60_000

Check = tuple[str, Callable[[], str]]


def _application() -> QApplication:
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") and os.name == "posix":
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a Linux box without a screen (CI)
    from orderapp.gui.app import make_application

    return make_application()


def check_qt() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QImageReader

    from orderapp.gui.app import ensure_cjk_font
    from orderapp.gui.icons import app_icon

    app = _application()
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = {"png", "jpg", "svg"} - formats
    if missing:
        raise RuntimeError(f"Qt image plugins missing for {sorted(missing)} (has {sorted(formats)})")
    if app_icon().isNull():
        raise RuntimeError("the app icon did not load")
    # The catalogues loaded by hand, not through install_translators: the app's language stays as it is.
    sources = [
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("orderapp", str(bundled_dir("resources") / "translations")),
    ]
    translators = []
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(QLocale("zh_CN"), name, "_", folder):
            app.installTranslator(translator)
            translators.append(translator)
    try:
        qt_own = ("QPlatformTheme", "Cancel")  # in Qt's catalogue (qtbase), kept out of the app's by lupdate
        cancel = QCoreApplication.translate(*qt_own)
        dashboard = QCoreApplication.translate("MainWindow", "Dashboard")
    finally:
        for translator in translators:
            app.removeTranslator(translator)
            translator.deleteLater()
    if dashboard == "Dashboard":
        raise RuntimeError("the app's Chinese catalogue (orderapp_zh_CN.qm) did not load")
    if cancel == "Cancel":
        raise RuntimeError("Qt's own Chinese catalogue (qtbase_zh_CN.qm) did not load")
    font = ensure_cjk_font() or "the system's"
    found = sorted(formats & {"png", "jpg", "svg"})
    return (
        f"PySide6 {pyside_version} on {app.platformName()}, images {found}, zh_CN ({dashboard}, {cancel}), font {font}"
    )


def check_text() -> str:
    """What Qt asks ICU for (the Linux bundle carries only the app's languages' part of ICU's data): Chinese
    names in pinyin order (QCollator, the file dialog's sort) and a time zone's Chinese name. Elsewhere Qt asks
    the OS, whose answers may differ: reported, not judged."""
    import functools
    import sys

    from PySide6.QtCore import QCollator, QTimeZone

    _application()
    chinese = QLocale("zh_CN")
    english = QLocale("en_US")
    names = ["张伟", "李娜", "王芳", "陈静"]  # zhang, li, wang, chen
    ordered = sorted(names, key=functools.cmp_to_key(QCollator(chinese).compare))
    zone = QTimeZone(b"Asia/Shanghai")
    long_name = QTimeZone.NameType.LongName
    in_chinese = zone.displayName(QTimeZone.TimeType.StandardTime, long_name, chinese)
    in_english = zone.displayName(QTimeZone.TimeType.StandardTime, long_name, english)
    if sys.platform.startswith("linux"):
        if ordered != ["陈静", "李娜", "王芳", "张伟"]:
            raise RuntimeError(f"Chinese names sorted {ordered}, not by pinyin (chen, li, wang, zhang)")
        if in_chinese == in_english or not any("\u4e00" <= char <= "\u9fff" for char in in_chinese):
            raise RuntimeError(f"Asia/Shanghai's Chinese name is {in_chinese!r} (English {in_english!r})")
    return f"names sorted {' '.join(ordered)}; Asia/Shanghai is {in_chinese} / {in_english}"


def check_forms() -> str:
    from orderapp.gui.forms import load_form

    _application()
    holder = QWidget()
    try:
        names = sorted(path.name for path in bundled_dir("ui").glob("*.ui"))
        for name in names:
            load_form(name, holder)
    finally:
        holder.deleteLater()
    if not names:
        raise RuntimeError(f"no forms in {bundled_dir('ui')}")
    return f"{len(names)} forms loaded"


def check_pdf_view(out: Path, number: str) -> str:
    """The printed slips shown by QtPdf as the preview does, and the order number's Code 128 read back
    off the picture: ReportLab's barcode, QtPdf and the decoder in one go."""
    from PySide6.QtPdf import QPdfDocument

    from orderapp.gui.print_preview import page_image
    from orderapp.scanning.decoding import decode_image_file

    _application()
    slips = out / "slips.pdf"
    document = QPdfDocument()
    error = document.load(str(slips))
    if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise RuntimeError(f"QtPdf could not open {slips.name}: {error}")
    picture = out / "slips-page-1.png"
    if not page_image(document, 0, 200).save(str(picture)):
        raise RuntimeError(f"could not save {picture.name}")
    pages = document.pageCount()
    document.close()
    read = [decoded.text for decoded in decode_image_file(picture)]
    if number not in read:
        raise RuntimeError(f"slip page 1 shows order {number}, but its barcode read {read or 'nothing'}")
    return f"{slips.name}: {pages} pages shown by QtPdf; order {number} read off page 1's barcode"


def check_main_window(url: str) -> str:
    """The main window on the shop, until the dashboard's figures are painted and the loop is idle; then closed."""
    from orderapp.gui.main_window import MainWindow
    from orderapp.gui.tasks import current_runner
    from orderapp.store.opening import open_database

    app = _application()
    database = open_database(url)
    try:
        window = MainWindow(database)
        loop = QEventLoop()
        ready: list[object] = []

        def painted(figures: object) -> None:
            ready.append(figures)
            QTimer.singleShot(0, loop.quit)  # once the loop has nothing else to do

        window.dashboard.figures_loaded.connect(painted)
        QTimer.singleShot(IDLE_TIMEOUT_MS, loop.quit)
        window.show()
        if not ready:
            loop.exec()
        title = window.windowTitle()
        closed = window.close()
        app.processEvents()
        current_runner().wait(10_000)
    finally:
        database.dispose()
    if not ready:
        raise RuntimeError(f"the dashboard showed no figures within {IDLE_TIMEOUT_MS // 1000} s")
    if not closed:
        raise RuntimeError("the main window refused to close")
    return f"'{title}' idle with the dashboard's figures, then closed"


def window_checks(url: str, out: Path, order_number: str) -> Iterator[Check]:
    """The checks to run (each a name and a step); the shop's ones only when the shop was made."""
    yield "qt", check_qt
    yield "text", check_text
    yield "forms", check_forms
    if url and order_number:
        yield "pdf view", lambda: check_pdf_view(out, order_number)
    if url:
        yield "main window", lambda: check_main_window(url)
