"""Qt's ICU data cut to the app's languages (packaging/icu_data.py): what is kept, and that the cut data reads
back item for item. (Qt running on it, inside the bundle, is the selftest's "text" check.)"""

from __future__ import annotations

import shutil
import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

from icu_data import common_data, items, rebuilt, trim, wanted  # noqa: E402


@pytest.mark.parametrize(
    "name",
    [
        "icudt73l/root.res",
        "icudt73l/zh_Hans_CN.res",
        "icudt73l/en_GB.res",
        "icudt73l/coll/ucadata.icu",
        "icudt73l/coll/zh.res",
        "icudt73l/coll/res_index.res",
        "icudt73l/zone/pool.res",
        "icudt73l/supplementalData.res",
        "icudt73l/zoneinfo64.res",
        "icudt73l/uts46.nrm",
        "icudt73l/cnvalias.icu",
        "icudt73l/gb18030.cnv",
        "icudt73l/brkitr/line.brk",
    ],
)
def test_what_qt_needs_in_english_and_chinese_is_kept(name: str) -> None:
    assert wanted(name)


@pytest.mark.parametrize(
    "name",
    [
        "icudt73l/fr.res",
        "icudt73l/coll/de.res",
        "icudt73l/zone/ja_JP.res",
        "icudt73l/brkitr/cjdict.dict",
        "icudt73l/translit/root.res",
        "icudt73l/ibm-37_P100-1995.cnv",
        "icudt73l/unit/yue.res",
    ],
)
def test_other_languages_dictionaries_and_converters_are_dropped(name: str) -> None:
    assert not wanted(name)


def fake_common_data(entries: list[tuple[str, bytes]]) -> bytes:
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", b"\x01\0\0\0", b"\x49\0\0\0")
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    return rebuilt(header + b"\0" * (32 - len(header)), entries)


def test_cut_data_reads_back_item_for_item_aligned() -> None:
    # ICU pads every item to 16 bytes, so an item reads back as its padded length.
    entries = [
        (f"icudt73l/{name}", bytes([index + 1]) * 16 * (index + 1)) for index, name in enumerate(["a", "b/c", "zz"])
    ]
    data = fake_common_data(entries)
    header, found = items(data)
    assert found == entries
    (count,) = struct.unpack_from("<I", data, len(header))
    offsets = [struct.unpack_from("<II", data, len(header) + 4 + 8 * index)[1] for index in range(count)]
    assert all((len(header) + offset) % 16 == 0 for offset in offsets)


def test_something_else_is_refused() -> None:
    with pytest.raises(ValueError, match="not ICU common data"):
        items(b"\x20\0\x01\x02" + b"\0" * 60)


QT_ICU = sorted((Path(__import__("PySide6").__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not QT_ICU or shutil.which("cc") is None or shutil.which("nm") is None,
    reason="Linux, PySide6's own ICU data library, cc and nm (what the Linux bundle's build has)",
)
def test_qts_icu_library_is_cut_to_a_fifth_and_keeps_chinese_collation(tmp_path: Path) -> None:
    library = tmp_path / QT_ICU[0].name
    shutil.copyfile(QT_ICU[0], library)
    symbol = "icudt" + QT_ICU[0].name.split(".so.")[1].split(".")[0] + "_dat"
    _header, before = items(common_data(library, symbol))
    trimmed = trim(library, "cc")
    assert trimmed is not None
    assert trimmed.after_bytes < trimmed.before_bytes / 4
    _header, after = items(common_data(library, symbol))
    names = {name.split("/", 1)[1] for name, _item in after}
    assert {"coll/zh.res", "coll/ucadata.icu", "zone/zh.res", "zoneinfo64.res"} <= names
    assert not {"coll/de.res", "fr.res", "brkitr/cjdict.dict"} & names
    kept = dict(after)
    assert all(kept[name] == item for name, item in before if name in kept)  # byte for byte
