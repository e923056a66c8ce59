"""Linux: Qt's ICU data cut down to what Qt asks ICU for, in the app's two languages (30.6 -> about 6 MB).

PySide6's Qt links ICU, whose data library (``libicudata.so.NN``, one symbol ``icudtNN_dat``) holds every
locale's names, calendars, collations, units, break dictionaries and 230 legacy character converters. Qt calls
ICU for four things only (``nm -D libQt6Core.so.6``): upper/lower case (tables built into ``libicuuc``),
collation (``ucol_*``: QCollator, the file dialog's name sort), time-zone names (``ucal_*``) and legacy
character sets (``ucnv_*``: a Chinese system charset). ``trim`` keeps, of ICU's common data:

- every item that is not a locale's (supplemental data, time zones, normalisation, aliases, pools, indexes,
  the collation base table ``ucadata.icu``, break rules);
- the locale items of root, English and Chinese (collation with pinyin and stroke order, zone names, ...);
- the converters for Chinese system charsets (GB18030, GBK, Big5); UTF-8/16/32 and Latin-1 need none;
- no break dictionaries (Qt breaks lines itself) and no transliterators (Qt never asks).

The kept items are written as a new common data file with the same header and the items byte for byte
(16-byte aligned, names in the same order, as ICU's binary search needs), then assembled into a library of the
same name and soname exporting the same symbol. The selftest's "qt" check then sorts Chinese names by pinyin and
reads a Chinese time-zone name through Qt, which only works with that data in place.
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

LANGUAGES = ("en", "zh")  # the app's languages (orderapp/i18n)
LOCALE_ITEM = re.compile(r"^(?P<language>[a-z]{2,3})(_\w+)?\.(res|brk|dict|nrm)$")
NOT_LOCALES = {"res_index.res", "pool.res", "root.res"}
KEPT_CONVERTERS = re.compile(
    r"^(gb18030|windows-936-2000|ibm-1386_P100-2001|windows-950-2000|ibm-1373_P100-2002)\.cnv$"
)
DROPPED_FOLDERS = {"translit"}
ALIGN = 16


@dataclass(frozen=True)
class Trimmed:
    kept: int
    dropped: int
    before_bytes: int
    after_bytes: int


def _segments(image: bytes) -> list[tuple[int, int, int]]:
    """The ELF64 file's loaded segments: (virtual address, file offset, size in the file)."""
    if image[:4] != b"\x7fELF" or image[4] != 2 or image[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    (phoff,) = struct.unpack_from("<Q", image, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", image, 0x36)
    found = []
    for index in range(phnum):
        kind, _flags, offset, vaddr, _paddr, filesz = struct.unpack_from("<IIQQQQ", image, phoff + index * phentsize)
        if kind == 1:  # PT_LOAD
            found.append((vaddr, offset, filesz))
    return found


def common_data(library: Path, symbol: str) -> bytes:
    """The bytes of ICU's common data that ``symbol`` points at in ``library``."""
    listing = subprocess.run(
        ["nm", "-D", "-S", "--defined-only", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in listing.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3] == symbol:
            address, size = int(parts[0], 16), int(parts[1], 16)
            break
    else:
        raise ValueError(f"{library.name} does not define {symbol}")
    image = library.read_bytes()
    for vaddr, offset, filesz in _segments(image):
        if vaddr <= address and address + size <= vaddr + filesz:
            start = offset + address - vaddr
            return image[start : start + size]
    raise ValueError(f"{symbol} is not in a loaded segment of {library.name}")


def items(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, item bytes)]) of an ICU common data file ("CmnD", offset table of contents)."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD":
        raise ValueError("not ICU common data")
    toc = header_size
    (count,) = struct.unpack_from("<I", data, toc)
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * index) for index in range(count)]
    found = []
    for index, (name_offset, data_offset) in enumerate(entries):
        name = data[toc + name_offset : data.index(b"\0", toc + name_offset)].decode("ascii")
        end = entries[index + 1][1] if index + 1 < count else len(data) - toc
        found.append((name, data[toc + data_offset : toc + end]))
    return data[:header_size], found


def wanted(name: str) -> bool:
    """Whether Qt can need the item ``name`` (e.g. ``icudt73l/coll/zh.res``) for the app's languages."""
    parts = name.split("/")[1:]
    leaf = parts[-1]
    if parts[0] in DROPPED_FOLDERS or leaf.endswith(".dict"):
        return False
    if leaf.endswith(".cnv"):
        return bool(KEPT_CONVERTERS.match(leaf))
    match = LOCALE_ITEM.match(leaf)
    return leaf in NOT_LOCALES or match is None or match.group("language") in LANGUAGES


def rebuilt(header: bytes, kept: list[tuple[str, bytes]]) -> bytes:
    """A common data file holding ``kept`` (in their order), with ``header`` unchanged."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _item in kept)
    table = 4 + 8 * len(kept)
    offset = table + len(names)
    offset += -offset % ALIGN
    entries, body, name_offset = [], bytearray(), table
    for name, item in kept:
        entries.append(struct.pack("<II", name_offset, offset + len(body)))
        name_offset += len(name) + 1
        body += item + b"\0" * (-len(item) % ALIGN)
    toc = struct.pack("<I", len(kept)) + b"".join(entries) + names
    toc += b"\0" * (-(len(header) + len(toc)) % ALIGN)
    return header + toc + bytes(body)


def trim(library: Path, compiler: str) -> Trimmed | None:
    """Replace ``library`` (``libicudata.so.NN``) with one holding what Qt needs; None when it is not ICU data
    this understands (then it is left as it was)."""
    version = re.fullmatch(r"libicudata\.so\.(\d+)(\..*)?", library.name)
    if version is None:
        return None
    symbol = f"icudt{version.group(1)}_dat"
    try:
        header, found = items(common_data(library, symbol))
    except ValueError as exc:
        print(f"note: {library.name} kept whole ({exc})", flush=True)
        return None
    kept = [(name, item) for name, item in found if wanted(name)]
    data = rebuilt(header, kept)
    if items(data)[1] != kept:
        raise SystemExit(f"the trimmed ICU data for {library.name} does not read back as written")
    with tempfile.TemporaryDirectory(prefix="orderapp-icu-") as tmp:
        blob, source, built = Path(tmp) / "data.bin", Path(tmp) / "data.S", Path(tmp) / library.name
        blob.write_bytes(data)
        source.write_text(
            f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n{symbol}:\n.incbin "{blob}"\n'
            f'.size {symbol}, . - {symbol}\n.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        result = subprocess.run(
            [compiler, "-shared", "-nostdlib", "-o", str(built), str(source), f"-Wl,-soname,{library.name}"],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or common_data(built, symbol) != data:
            print(f"note: {library.name} kept whole ({result.stderr.strip()[-300:]})", flush=True)
            return None
        before = library.stat().st_size
        library.write_bytes(built.read_bytes())
    return Trimmed(
        kept=len(kept), dropped=len(found) - len(kept), before_bytes=before, after_bytes=library.stat().st_size
    )
