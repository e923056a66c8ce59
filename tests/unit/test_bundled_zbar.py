"""The packaged app makes pyzbar load the ZBar it carries, not one the system may or may not have."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pyzbar import zbar_library

from orderapp.scanning.bundled_zbar import prefer_bundled_zbar


def test_a_source_checkout_leaves_pyzbar_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    original = zbar_library.find_library
    assert prefer_bundled_zbar() is None
    assert zbar_library.find_library is original


@pytest.mark.skipif(sys.platform == "win32", reason="pyzbar finds its DLL beside itself on Windows")
@pytest.mark.parametrize("name", ["libzbar.so.0", "libzbar.dylib", "libzbar.0.dylib"])
def test_the_bundled_library_is_the_one_pyzbar_finds(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    monkeypatch.setattr(zbar_library, "find_library", lambda lib: f"/usr/lib/lib{lib}.system")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert prefer_bundled_zbar() is None  # nothing bundled yet: the system's stays
    assert zbar_library.find_library("zbar") == "/usr/lib/libzbar.system"
    (tmp_path / name).write_bytes(b"\x7fELF")
    assert prefer_bundled_zbar() == tmp_path / name
    assert zbar_library.find_library("zbar") == str(tmp_path / name)
    assert zbar_library.find_library("iconv") == "/usr/lib/libiconv.system"  # other libraries: as before
    prefer_bundled_zbar()  # twice is the same as once
    assert zbar_library.find_library("zbar") == str(tmp_path / name)
