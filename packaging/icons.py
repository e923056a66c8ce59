"""The app icon for the installers, drawn from resources/icons/orderapp.svg:

    python packaging/icons.py [OUT_FOLDER]      # orderapp.ico (Windows) and orderapp.icns (macOS)

Qt draws the SVG at each size (sharp at 16 px as at 1024 px); Pillow packs the pictures into .ico and .icns.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZE = 1024  # Pillow makes every smaller .icns size from the largest picture


def draw(svg: Path, size: int) -> bytes:
    """The SVG as a PNG ``size`` pixels square, on a transparent background."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG picture Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def make_icons(svg: Path, out: Path) -> tuple[Path, Path]:
    from PIL import Image

    out.mkdir(parents=True, exist_ok=True)
    pictures = {size: Image.open(io.BytesIO(draw(svg, size))).convert("RGBA") for size in (*ICO_SIZES, ICNS_SIZE)}
    ico, icns = out / "orderapp.ico", out / "orderapp.icns"
    largest = pictures[max(ICO_SIZES)]
    largest.save(ico, sizes=[(size, size) for size in ICO_SIZES], append_images=[pictures[s] for s in ICO_SIZES])
    pictures[ICNS_SIZE].save(icns)
    return ico, icns


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "build" / "icons"
    for path in make_icons(root / "resources" / "icons" / "orderapp.svg", target):
        print(path)
