"""Reading the app's PDFs back as a person would: the text on each page, the pages as images, and
the barcodes on them read with the app's own decoder.

Needs poppler-utils (pdftotext, pdfinfo, pdftoppm); tests skip when they are missing.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return found


def pdf_pages_text(pdf: bytes | Path, tmp_path: Path, *, raw: bool = False) -> list[str]:
    """The text of each page as laid out (pdftotext -layout), or with ``raw`` in the order it was
    drawn (each table cell's lines together, for text that wraps inside a column)."""
    path = _as_file(pdf, tmp_path)
    mode = "-raw" if raw else "-layout"
    result = subprocess.run(
        [_tool("pdftotext"), mode, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    pages = result.stdout.decode("utf-8").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def pdf_text(pdf: bytes | Path, tmp_path: Path, *, raw: bool = False) -> str:
    return "\n".join(pdf_pages_text(pdf, tmp_path, raw=raw))


def squashed(text: str) -> str:
    """Text without spaces or line breaks: for long values that wrap over lines."""
    return "".join(text.split())


def pdf_info(pdf: bytes | Path, tmp_path: Path) -> dict[str, str]:
    path = _as_file(pdf, tmp_path)
    result = subprocess.run([_tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True)
    info = {}
    for line in result.stdout.splitlines():
        key, _sep, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def page_count(pdf: bytes | Path, tmp_path: Path) -> int:
    return int(pdf_info(pdf, tmp_path)["Pages"])


def page_images(
    pdf: bytes | Path, tmp_path: Path, *, dpi: int = 200, first: int = 1, last: int | None = None
) -> list[Path]:
    """Pages rendered to PNG files as a printer would (pdftoppm -png -r 200)."""
    path = _as_file(pdf, tmp_path)
    prefix = tmp_path / f"{path.stem}-page"
    command = [_tool("pdftoppm"), "-png", "-r", str(dpi), "-f", str(first)]
    if last is not None:
        command += ["-l", str(last)]
    subprocess.run([*command, str(path), str(prefix)], check=True)
    return sorted(tmp_path.glob(f"{prefix.name}-*.png"))


def barcodes_in(image: Path) -> list[tuple[str, str]]:
    """(text, symbology) of every barcode the app's own decoder reads in the image file.

    No fallback to another decoder: a slip the app cannot read back must fail the test.
    """
    from orderapp.scanning.decoding import decode_image_file

    return [(found.text, str(found.symbology)) for found in decode_image_file(image)]


def _as_file(pdf: bytes | Path, tmp_path: Path) -> Path:
    if isinstance(pdf, Path):
        return pdf
    tmp_path.mkdir(parents=True, exist_ok=True)
    index = len(list(tmp_path.glob("document-*.pdf")))
    path = tmp_path / f"document-{index}.pdf"
    path.write_bytes(pdf)
    return path
