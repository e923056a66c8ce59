"""packaging/icons.py: the installers' icons (.ico for Windows, .icns for macOS) drawn from the SVG."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.gui


def _icons_module():  # packaging/ is not a package: load the script by path
    spec = importlib.util.spec_from_file_location("orderapp_packaging_icons", ROOT / "packaging" / "icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ico_and_icns_hold_the_svg_at_every_size(qapp, tmp_path: Path) -> None:
    ico, icns = _icons_module().make_icons(ROOT / "resources" / "icons" / "orderapp.svg", tmp_path)
    with Image.open(ico) as image:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(image.info["sizes"])
        for size in (16, 256):
            image.size = (size, size)
            picture = image.convert("RGBA")
            opaque = sum(picture.getchannel("A").histogram()[201:])
            assert opaque > size * size // 4, f"the {size} px icon is mostly empty"
    with Image.open(icns) as image:
        assert image.size == (1024, 1024)
        assert (16, 16, 2) in image.info["sizes"] or (16, 16, 1) in image.info["sizes"]
        assert image.convert("RGBA").getchannel("A").getextrema() == (0, 255)


@pytest.mark.qt_log_ignore("Cannot read file")  # the refusal itself: Qt says why it cannot read it
def test_a_file_that_is_not_svg_is_refused(qapp, tmp_path: Path) -> None:
    bad = tmp_path / "logo.svg"
    bad.write_text("not a picture", encoding="utf-8")
    with pytest.raises(ValueError, match="is not an SVG picture Qt can draw"):
        _icons_module().make_icons(bad, tmp_path / "out")
